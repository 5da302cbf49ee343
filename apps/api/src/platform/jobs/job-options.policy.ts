import type { LoggerService } from '@nestjs/common';
import { CronExpressionParser } from 'cron-parser';
import type { Backoff, JobDefinition, JobOptions, Schedule } from './job-queue.js';

/** A job option, definition or schedule that the queue cannot honour: a programming error. */
export class JobOptionsError extends Error {
  override readonly name = 'JobOptionsError';
}

export interface ResolvedJobOptions {
  jobId?: string;
  delay: number;
  attempts: number;
  backoff?: Backoff;
}

export type FailureLogger = Pick<LoggerService, 'error' | 'warn'>;

/** Queue names, schedule ids: BullMQ forbids `:` in them, and they show up in keys and URLs. */
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

function refuse(message: string): never {
  throw new JobOptionsError(message);
}

function checkKeys(what: string, value: object, allowed: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) refuse(`${what}: unsupported option "${key}" (supported: ${allowed.join(', ')})`);
  }
}

function isCount(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** Validates options and drops the absent ones, so spreading them never overrides with `undefined`. */
function checkJobOptions(name: string, options: JobOptions | undefined): JobOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) refuse(`job ${name}: options must be an object`);
  checkKeys(`job ${name}`, options, ['jobId', 'delay', 'attempts', 'backoff']);
  const { jobId, delay, attempts, backoff } = options;
  const checked: JobOptions = {};
  if (jobId !== undefined) {
    if (typeof jobId !== 'string' || jobId.length === 0) refuse(`job ${name}: jobId must be a non-empty string`);
    checked.jobId = jobId;
  }
  if (delay !== undefined) {
    if (!isCount(delay, 0)) refuse(`job ${name}: delay must be a whole number of milliseconds >= 0, got ${delay}`);
    checked.delay = delay;
  }
  if (attempts !== undefined) {
    if (!isCount(attempts, 1)) refuse(`job ${name}: attempts must be a whole number >= 1, got ${attempts}`);
    checked.attempts = attempts;
  }
  if (backoff !== undefined) {
    if (typeof backoff !== 'object' || backoff === null) refuse(`job ${name}: backoff must be { type, delay }`);
    checkKeys(`job ${name} backoff`, backoff, ['type', 'delay']);
    if (backoff.type !== 'fixed' && backoff.type !== 'exponential') {
      refuse(`job ${name}: backoff type must be 'fixed' or 'exponential', got '${String(backoff.type)}'`);
    }
    if (!isCount(backoff.delay, 0)) refuse(`job ${name}: backoff delay must be a whole number of milliseconds >= 0`);
    checked.backoff = { type: backoff.type, delay: backoff.delay };
  }
  return checked;
}

export function resolveJobOptions(name: string, defaults: JobOptions | undefined, options: JobOptions | undefined): ResolvedJobOptions {
  const merged = { ...checkJobOptions(name, defaults), ...checkJobOptions(name, options) };
  return { jobId: merged.jobId, delay: merged.delay ?? 0, attempts: merged.attempts ?? 1, backoff: merged.backoff };
}

export function checkDefinition<T>(definition: JobDefinition<T>): void {
  const { name, handler, concurrency, defaults } = definition;
  if (typeof name !== 'string' || !NAME.test(name)) refuse(`job name "${name}" must match ${NAME}`);
  checkKeys(`job ${name} definition`, definition, ['name', 'handler', 'concurrency', 'defaults']);
  if (typeof handler !== 'function') refuse(`job ${name}: handler must be a function`);
  if (concurrency !== undefined && !isCount(concurrency, 1)) refuse(`job ${name}: concurrency must be a whole number >= 1`);
  checkJobOptions(name, defaults);
}

export function checkSchedule(name: string, scheduleId: string, schedule: Schedule): void {
  if (typeof scheduleId !== 'string' || !NAME.test(scheduleId)) refuse(`job ${name}: schedule id "${scheduleId}" must match ${NAME}`);
  if (typeof schedule !== 'object' || schedule === null) refuse(`job ${name}: schedule must be an object`);
  checkKeys(`job ${name} schedule ${scheduleId}`, schedule, ['every', 'pattern', 'data']);
  const { every, pattern } = schedule;
  if ((every === undefined) === (pattern === undefined)) refuse(`job ${name}: a schedule needs exactly one of every or pattern`);
  if (every !== undefined && !isCount(every, 1)) refuse(`job ${name}: every must be a whole number of milliseconds >= 1`);
  if (pattern !== undefined) {
    try {
      nextCronMillis(pattern, Date.now());
    } catch (error) {
      refuse(`job ${name}: invalid cron pattern "${pattern}": ${(error as Error).message}`);
    }
  }
  jsonCopy(name, schedule.data);
}

/** Patterns are read in UTC by both drivers, so a schedule means the same on every machine. */
export function nextCronMillis(pattern: string, after: number): number {
  if (typeof pattern !== 'string') refuse('a cron pattern must be a string');
  return CronExpressionParser.parse(pattern, { currentDate: after, tz: 'UTC' }).next().getTime();
}

/** BullMQ's formula (without jitter); `attemptsMade` counts the failed runs so far. */
export function backoffDelay(backoff: Backoff | undefined, attemptsMade: number): number {
  if (!backoff) return 0;
  return backoff.type === 'fixed' ? backoff.delay : Math.round(2 ** (attemptsMade - 1) * backoff.delay);
}

/** What a handler will see after the data crossed Redis as JSON (`undefined` becomes `{}`, as in BullMQ). */
export function jsonCopy<T>(name: string, data: T): T {
  if (data === undefined) return {} as T;
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch (error) {
    refuse(`job ${name}: data must be JSON-serialisable: ${(error as Error).message}`);
  }
  if (text === undefined) refuse(`job ${name}: data must be JSON-serialisable`);
  return JSON.parse(text) as T;
}

export function logFailure(logger: FailureLogger, job: { name: string; id: string; attemptsMade: number; attempts: number }, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (job.attemptsMade >= job.attempts) {
    const stack = error instanceof Error ? error.stack : undefined;
    logger.error(`job ${job.name} ${job.id} failed after ${job.attemptsMade} attempt(s): ${reason}`, stack);
  } else {
    logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade} of ${job.attempts}), will retry: ${reason}`);
  }
}
