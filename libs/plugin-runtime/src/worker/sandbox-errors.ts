import type { InvocationError, InvocationOutcome } from '../invocation.js';

export interface Failure {
  outcome: Exclude<InvocationOutcome, 'ok'>;
  error: InvocationError;
}

const MAX_MESSAGE = 2000;
const CAPABILITY_CODE = /^[A-Z][A-Z_]{2,40}$/;

export const cpuExceeded = (cpuMs: number, phase: 'load' | 'call'): Failure => ({
  outcome: 'timeout',
  error: {
    code: phase === 'load' ? 'LOAD_CPU_TIME_EXCEEDED' : 'CPU_TIME_EXCEEDED',
    message: `the plugin ran for more than its ${cpuMs} ms CPU budget${phase === 'load' ? ' while loading' : ''} and was stopped`,
  },
});

export const wallExceeded = (wallMs: number): Failure => ({
  outcome: 'timeout',
  error: { code: 'WALL_TIME_EXCEEDED', message: `the invocation did not finish within ${wallMs} ms and was stopped` },
});

export const memoryExceeded = (memoryBytes: number): Failure => ({
  outcome: 'memory',
  error: { code: 'MEMORY_LIMIT_EXCEEDED', message: `the plugin used more than its ${Math.round(memoryBytes / 1048576)} MB memory limit and was stopped` },
});

export const failure = (code: string, message: string, outcome: Failure['outcome'] = 'error'): Failure => ({
  outcome,
  error: { code, message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message },
});

export const outputTooLarge = (maxBytes: number): Failure =>
  failure('OUTPUT_TOO_LARGE', `the answer is larger than ${Math.round(maxBytes / 1024)} KB as JSON and was dropped`);

/** Maps what the guest threw (name and message, read under the CPU deadline) to an outcome. */
export function classifyThrown(name: string, message: string, memoryBytes: number, code = ''): Failure {
  if (name === 'InternalError' && message === 'out of memory') return memoryExceeded(memoryBytes);
  if (name === 'RangeError' && /call stack/i.test(message)) return failure('STACK_OVERFLOW', `${name}: ${message}`);
  if (name === 'GuildNotImplemented') return failure('NOT_IMPLEMENTED', message);
  if (name === 'PermissionDenied') return failure(CAPABILITY_CODE.test(code) ? code : 'PERMISSION_DENIED', message, 'permission');
  // Capability errors the plugin did not catch keep the capability's code (STORAGE_QUOTA_EXCEEDED, HTTP_TIMEOUT, ...).
  if ((name === 'StorageError' || name === 'HttpError' || name === 'CapabilityLimit') && CAPABILITY_CODE.test(code)) return failure(code, message);
  return failure('PLUGIN_ERROR', `${name}: ${message}`);
}
