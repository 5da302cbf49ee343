import type { ExtensionPointName, PointKind } from '@guild/extension-points';

export type InvocationOutcome = 'ok' | 'error' | 'timeout' | 'memory' | 'permission';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogLine {
  level: LogLevel;
  message: string;
  /** Milliseconds since the invocation started. */
  at: number;
}

/** Why an invocation did not end `ok`, in words a partner can act on. */
export interface InvocationError {
  code: string;
  message: string;
}

/** A capability the plugin asked for and was refused (the plugin may have caught it). */
export interface CapabilityDenial {
  capability: string;
  code: string;
  message: string;
}

/** What every invocation leaves behind, whatever happened. */
export interface InvocationRecord {
  invocationId: string;
  plugin: string;
  version: string;
  installId: string;
  point: ExtensionPointName;
  kind: PointKind;
  startedAt: string;
  /** Wall time, from the request to the answer. */
  durationMs: number;
  /** Time the plugin's own code ran (what the CPU limit counts); waiting on storage or HTTP is not included. */
  cpuMs: number;
  /** Whether the call had to start a sandbox and load the plugin first. */
  cold: boolean;
  outcome: InvocationOutcome;
  error?: InvocationError;
  /** A function's answer (already checked against the point's output schema); absent for events. */
  output?: unknown;
  logs: LogLine[];
  logsTruncated: boolean;
  denied: CapabilityDenial[];
}
