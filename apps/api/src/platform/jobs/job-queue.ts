import type { BeforeApplicationShutdown } from '@nestjs/common';

/** Retry spacing, with BullMQ's formula: fixed waits `delay`; exponential waits `delay * 2^(attemptsMade-1)`. */
export interface Backoff {
  type: 'fixed' | 'exponential';
  delay: number;
}

export interface JobOptions {
  /**
   * Deduplication key. While a job added with the same key is waiting, delayed (also between
   * retries) or active, adding another is a no-op that returns the pending job's id. The key is
   * free again once that job completes or fails for good. (BullMQ's `deduplication.id`.)
   */
  jobId?: string;
  /** Milliseconds before the job may run. */
  delay?: number;
  /** Total runs before the job is recorded as failed (default 1: no retry). */
  attempts?: number;
  backoff?: Backoff;
}

export interface JobContext<T> {
  id: string;
  name: string;
  /** Always what `JSON.parse(JSON.stringify(data))` gives: jobs cross Redis as JSON. */
  data: T;
  /** Failed runs before this one (0 on the first run). */
  attemptsMade: number;
  /** Total runs allowed, so a handler can tell its last chance (`attemptsMade + 1 === attempts`). */
  attempts: number;
}

export type JobHandler<T = unknown> = (job: JobContext<T>) => Promise<void>;

export interface JobDefinition<T> {
  /** Also the queue's name: letters, digits, `-`, `_`, `.`. */
  name: string;
  handler: JobHandler<T>;
  /** Jobs of this name running at once in one process (default 1). */
  concurrency?: number;
  /** Options every job of this name gets unless `enqueue` overrides them; schedules take its attempts and backoff. */
  defaults?: JobOptions;
}

/** Exactly one of `every` (ms; the first run is immediate) or a cron `pattern` (5 or 6 fields, UTC). */
export type Schedule = { every: number; pattern?: never; data?: unknown } | { pattern: string; every?: never; data?: unknown };

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  reason: string;
  failedAt: Date;
}

/** Finished jobs kept per job name, the same in both drivers, so staff can see recent failures. */
export const KEEP_COMPLETED = 1000;
export const KEEP_FAILED = 5000;

/**
 * The queue every domain depends on. Two drivers honour the same contract: BullMQ on Redis when
 * REDIS_URL is set, otherwise an in-process driver (not durable: jobs die with the process).
 * Options a driver cannot honour are refused with an error, never ignored.
 *
 * Domains call `define` in `onModuleInit` (every process role does, so `enqueue` can check names),
 * then `enqueue` from services. Handlers must be idempotent: a job may run again after a crash.
 */
export abstract class JobQueue implements BeforeApplicationShutdown {
  /** Registers the handler; workers run only in processes that run workers. */
  abstract define<T>(definition: JobDefinition<T>): void;
  /** Adds a job for a defined name and returns its id (or the pending duplicate's id). */
  abstract enqueue<T>(name: string, data: T, options?: JobOptions): Promise<string>;
  /** Creates or replaces the repeatable schedule `scheduleId` of a defined job name. */
  abstract schedule(name: string, scheduleId: string, schedule: Schedule): Promise<void>;
  abstract unschedule(name: string, scheduleId: string): Promise<void>;
  /** Counts per defined job name. */
  abstract counts(): Promise<Record<string, JobCounts>>;
  /** The most recent jobs of `name` that failed for good, newest first. */
  abstract failures(name: string, limit?: number): Promise<FailedJob[]>;
  /** Stops taking jobs and waits for active ones up to the timeout (then gives up waiting; a
   * BullMQ job left running is retried elsewhere once its lock lapses). Idempotent. */
  abstract close(timeoutMs?: number): Promise<void>;

  async beforeApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
