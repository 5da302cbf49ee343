import type { InvocationError, InvocationOutcome } from '../invocation.js';

export interface Failure {
  outcome: Exclude<InvocationOutcome, 'ok'>;
  error: InvocationError;
}

const MAX_MESSAGE = 2000;
const CAPABILITY_CODE = /^[A-Z][A-Z_]{2,40}$/;

export const failure = (code: string, message: string, outcome: Failure['outcome'] = 'error'): Failure => ({
  outcome,
  error: { code, message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message },
});

export const cpuExceeded = (cpuMs: number, phase: 'load' | 'call'): Failure =>
  phase === 'load'
    ? failure(
        'LOAD_CPU_TIME_EXCEEDED',
        `the entry file's top level ran for more than ${cpuMs} ms and was stopped; do the work inside a handler, not at load`,
        'timeout',
      )
    : failure(
        'CPU_TIME_EXCEEDED',
        `the plugin ran for more than its ${cpuMs} ms CPU budget and was stopped; do less per call, or raise limits.timeoutMs in guild-plugin.json (functions are also capped by the point's time budget)`,
        'timeout',
      );

export const wallExceeded = (wallMs: number): Failure =>
  failure('WALL_TIME_EXCEEDED', `the invocation did not finish within ${wallMs} ms and was stopped; a storage or HTTP call it awaited was too slow`, 'timeout');

export const memoryExceeded = (memoryBytes: number): Failure =>
  failure(
    'MEMORY_LIMIT_EXCEEDED',
    `the plugin used more than its ${Math.round(memoryBytes / 1048576)} MB memory limit and was stopped; hold less in memory, or raise limits.memoryMb in guild-plugin.json`,
    'memory',
  );

export const outputTooLarge = (maxBytes: number): Failure =>
  failure('OUTPUT_TOO_LARGE', `the answer is larger than ${Math.round(maxBytes / 1024)} KB as JSON and was dropped; return only what the point's output schema asks for`);

export const neverSettles = (): Failure =>
  failure('PROMISE_NEVER_SETTLES', 'the handler returned a promise that nothing can settle (the sandbox has no timers); await only storage, HTTP or your own settled promises');

/** What a worker reports for an error that escaped the sandbox itself (a load failure or a bug). */
export function failureOf(error: unknown): Failure {
  if (error instanceof SandboxLoadError) return error.failure;
  return failure('SANDBOX_ERROR', error instanceof Error ? error.message : String(error));
}

export class SandboxLoadError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

export const isOutOfMemory = (name: string, message: string) => name === 'InternalError' && message === 'out of memory';

/** Maps what the guest threw (name and message, read under the CPU deadline) to an outcome. */
export function classifyThrown(name: string, message: string, memoryBytes: number, code = ''): Failure {
  if (isOutOfMemory(name, message)) return memoryExceeded(memoryBytes);
  if (name === 'RangeError' && /call stack/i.test(message)) return failure('STACK_OVERFLOW', `${name}: ${message}`);
  if (name === 'GuildNotImplemented') return failure('NOT_IMPLEMENTED', message);
  if (name === 'PermissionDenied') return failure(CAPABILITY_CODE.test(code) ? code : 'PERMISSION_DENIED', message, 'permission');
  // Capability errors the plugin did not catch keep the capability's code (STORAGE_QUOTA_EXCEEDED, HTTP_TIMEOUT, ...).
  if ((name === 'StorageError' || name === 'HttpError' || name === 'CapabilityLimit') && CAPABILITY_CODE.test(code)) return failure(code, message);
  return failure('PLUGIN_ERROR', `${name}: ${message}`);
}
