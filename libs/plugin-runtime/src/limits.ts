/** Limits the runtime applies on top of a plugin's own (`memoryMb`, `timeoutMs` from its manifest). */
export interface RuntimeLimits {
  /** Largest answer a function may return, as JSON. */
  maxOutputBytes: number;
  /** Log lines kept per invocation, and the longest line; the rest is dropped and `logsTruncated` set. */
  maxLogLines: number;
  maxLogLineLength: number;
  /** Wall time an event invocation may take, waiting on HTTP and storage included. */
  eventWallMs: number;
  /** Extra wall time a function gets beyond its CPU budget, for storage and HTTP round trips. */
  functionWallGraceMs: number;
  /** Capability calls (storage, HTTP) one invocation may make. */
  maxCapabilityCalls: number;
}

export const RUNTIME_LIMITS: Readonly<RuntimeLimits> = Object.freeze({
  maxOutputBytes: 1024 * 1024,
  maxLogLines: 100,
  maxLogLineLength: 2000,
  eventWallMs: 30_000,
  functionWallGraceMs: 2_000,
  maxCapabilityCalls: 100,
});

/** Per install: what `storage` may hold. */
export interface StorageQuota {
  maxKeys: number;
  maxKeyLength: number;
  maxValueBytes: number;
  maxTotalBytes: number;
}

export const STORAGE_QUOTA: Readonly<StorageQuota> = Object.freeze({
  maxKeys: 1000,
  maxKeyLength: 200,
  maxValueBytes: 64 * 1024,
  maxTotalBytes: 1024 * 1024,
});
