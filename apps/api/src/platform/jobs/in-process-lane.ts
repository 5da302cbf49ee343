import { backoffDelay, logFailure } from './job-options.policy.js';
import type { FailureLogger, ResolvedJobOptions } from './job-options.policy.js';
import { KEEP_COMPLETED, KEEP_FAILED } from './job-queue.js';
import type { FailedJob, JobCounts, JobDefinition, Schedule } from './job-queue.js';

export interface Run {
  id: string;
  name: string;
  data: unknown;
  options: ResolvedJobOptions;
  attemptsMade: number;
  scheduleId?: string;
}

export interface ScheduleState {
  schedule: Schedule;
  millis: number;
  pendingId: string;
}

export interface LaneHost {
  readonly logger: FailureLogger;
  readonly runsWorkers: boolean;
  readonly closed: boolean;
  /** Called as a run starts, before its handler: schedulers queue their next iteration then, as BullMQ does. */
  started(lane: InProcessLane, run: Run): void;
}

/** One job name's queue, in memory: waiting, delayed, active, and the finished jobs kept. */
export class InProcessLane {
  readonly schedules = new Map<string, ScheduleState>();
  private readonly waiting: Run[] = [];
  private readonly delayed = new Map<string, { run: Run; timer: NodeJS.Timeout }>();
  private readonly active = new Set<Promise<void>>();
  private readonly pendingByJobId = new Map<string, string>();
  private readonly failed: FailedJob[] = [];
  private completed = 0;
  private lastId = 0;

  constructor(
    readonly definition: JobDefinition<unknown>,
    private readonly host: LaneHost,
  ) {}

  /** Queues a new job, or returns the id of the pending job holding the same `jobId`. */
  add(data: unknown, options: ResolvedJobOptions): string {
    const pending = options.jobId && this.pendingByJobId.get(options.jobId);
    if (pending) return pending;
    const run: Run = { id: String(++this.lastId), name: this.definition.name, data, options, attemptsMade: 0 };
    if (options.jobId) this.pendingByJobId.set(options.jobId, run.id);
    this.queue(run, options.delay);
    return run.id;
  }

  queue(run: Run, delay: number): void {
    if (this.host.closed) {
      this.host.logger.warn(`job ${run.name} ${run.id} dropped: the in-process job queue is closed`);
    } else if (delay > 0) {
      const timer = setTimeout(() => {
        this.delayed.delete(run.id);
        this.queue(run, 0);
      }, delay);
      this.delayed.set(run.id, { run, timer });
    } else {
      this.waiting.push(run);
      setImmediate(() => this.pump());
    }
  }

  /** Removes a waiting or delayed job; says whether there was one. */
  remove(id: string): boolean {
    const delayed = this.delayed.get(id);
    if (delayed) clearTimeout(delayed.timer);
    const index = this.waiting.findIndex((run) => run.id === id);
    if (index >= 0) this.waiting.splice(index, 1);
    return this.delayed.delete(id) || index >= 0;
  }

  counts(): JobCounts {
    const { waiting, active, delayed, failed, completed } = this;
    return { waiting: waiting.length, active: active.size, delayed: delayed.size, failed: failed.length, completed };
  }

  recentFailures(limit: number): FailedJob[] {
    return this.failed.slice(0, limit).map((job) => ({ ...job }));
  }

  /** Drops waiting and delayed jobs (returns how many) and gives the active ones to wait for. */
  stop(): { dropped: number; active: Promise<void>[] } {
    this.delayed.forEach(({ timer }) => clearTimeout(timer));
    const dropped = this.delayed.size + this.waiting.length;
    this.delayed.clear();
    this.waiting.length = 0;
    return { dropped, active: [...this.active] };
  }

  private pump(): void {
    const concurrency = this.definition.concurrency ?? 1;
    while (this.host.runsWorkers && !this.host.closed && this.active.size < concurrency && this.waiting.length > 0) {
      const run = this.waiting.shift()!;
      const done: Promise<void> = this.execute(run).finally(() => {
        this.active.delete(done);
        this.pump();
      });
      this.active.add(done);
    }
  }

  private async execute(run: Run): Promise<void> {
    this.host.started(this, run);
    const { id, name, attemptsMade, options } = run;
    try {
      // A fresh copy per attempt: with BullMQ every attempt reads the data back from Redis.
      await this.definition.handler({ id, name, data: structuredClone(run.data), attemptsMade, attempts: options.attempts });
    } catch (error) {
      run.attemptsMade += 1;
      logFailure(this.host.logger, { id, name, attemptsMade: run.attemptsMade, attempts: options.attempts }, error);
      if (run.attemptsMade < options.attempts) return this.queue(run, backoffDelay(options.backoff, run.attemptsMade));
      const reason = error instanceof Error ? error.message : String(error);
      this.failed.unshift({ id, name, data: run.data, attemptsMade: run.attemptsMade, reason, failedAt: new Date() });
      this.failed.length = Math.min(this.failed.length, KEEP_FAILED);
      return this.release(run);
    }
    this.completed = Math.min(this.completed + 1, KEEP_COMPLETED);
    this.release(run);
  }

  private release(run: Run): void {
    const { jobId } = run.options;
    if (jobId && this.pendingByJobId.get(jobId) === run.id) this.pendingByJobId.delete(jobId);
  }
}
