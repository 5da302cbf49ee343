/** The most a plugin may ask for; the runtime enforces what the manifest asks (or the defaults). */
export const PLATFORM_LIMITS = Object.freeze({ memoryMb: 128, timeoutMs: 5000 });
export const DEFAULT_LIMITS = Object.freeze({ memoryMb: 64, timeoutMs: 1000 });
/** Below these an isolate cannot start or a call cannot do anything useful. */
export const MINIMUM_LIMITS = Object.freeze({ memoryMb: 8, timeoutMs: 10 });

/** Refused before parsing: a manifest is a few KB, and parsing cost grows with size and nesting. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
export const MAX_MANIFEST_DEPTH = 32;
