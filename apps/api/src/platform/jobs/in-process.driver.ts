import { Logger } from '@nestjs/common';
import { settlesWithin } from './deadline.js';
import { InProcessLane, type LaneHost, type Run } from './in-process-lane.js';
import { checkDefinition, checkSchedule, jsonCopy, JobOptionsError, nextCronMillis, resolveJobOptions } from './job-options.policy.js';
import type { FailureLogger } from './job-options.policy.js';
import { JobQueue } from './job-queue.js';
import type { FailedJob, JobCounts, JobDefinition, JobOptions, Schedule } from './job-queue.js';

export interface InProcessJobQueueOptions {
  /** `false` only where a test wants jobs to stay queued: no other process can reach them. */
  runWorkers?: boolean;
  /** How long `close()` waits for active jobs by default. */
  drainTimeoutMs?: number;
  logger?: FailureLogger;
}

/**
 * The driver used without REDIS_URL: BullMQ's semantics (attempts, backoff, delays, `jobId`
 * deduplication, schedulers, concurrency per name) in one process. Not durable: jobs still
 * queued when the process stops are lost (and counted in a warning at shutdown).
 */
export class InProcessJobQueue extends JobQueue implements LaneHost {
  readonly logger: FailureLogger;
  readonly runsWorkers: boolean;
  private readonly lanes = new Map<string, InProcessLane>();
  private isClosed = false;
  private closing?: Promise<void>;

  get closed(): boolean {
    return this.isClosed;
  }

  constructor(private readonly options: InProcessJobQueueOptions = {}) {
    super();
    this.logger = options.logger ?? new Logger('Jobs');
    this.runsWorkers = options.runWorkers ?? true;
  }

  define<T>(definition: JobDefinition<T>): void {
    checkDefinition(definition);
    if (this.closed) throw new Error('the job queue is closed');
    if (this.lanes.has(definition.name)) throw new JobOptionsError(`job ${definition.name} is already defined`);
    this.lanes.set(definition.name, new InProcessLane(definition as JobDefinition<unknown>, this));
  }

  async enqueue<T>(name: string, data: T, options?: JobOptions): Promise<string> {
    const lane = this.lane(name);
    return lane.add(jsonCopy(name, data), resolveJobOptions(name, lane.definition.defaults, options));
  }

  async schedule(name: string, scheduleId: string, schedule: Schedule): Promise<void> {
    const lane = this.lane(name);
    checkSchedule(name, scheduleId, schedule);
    const previous = lane.schedules.get(scheduleId);
    const replaced = previous !== undefined && lane.remove(previous.pendingId);
    // As BullMQ: an unchanged `every` keeps its slot, a new `every` starts now, a pattern waits for its next time.
    const keepSlot = replaced && schedule.every !== undefined && previous.schedule.every === schedule.every;
    const now = Date.now();
    const millis = keepSlot ? previous.millis : schedule.every !== undefined ? now : nextCronMillis(schedule.pattern, now);
    this.addIteration(lane, scheduleId, schedule, millis);
  }

  async unschedule(name: string, scheduleId: string): Promise<void> {
    const lane = this.lane(name);
    const state = lane.schedules.get(scheduleId);
    if (state) lane.remove(state.pendingId);
    lane.schedules.delete(scheduleId);
  }

  async counts(): Promise<Record<string, JobCounts>> {
    if (this.isClosed) throw new Error('the job queue is closed');
    return Object.fromEntries([...this.lanes].map(([name, lane]) => [name, lane.counts()]));
  }

  async failures(name: string, limit = 50): Promise<FailedJob[]> {
    return this.lane(name).recentFailures(limit);
  }

  close(timeoutMs = this.options.drainTimeoutMs ?? 10_000): Promise<void> {
    if (!this.closing) {
      this.isClosed = true;
      this.closing = this.drain(timeoutMs);
    }
    return this.closing;
  }

  /** Queues the next iteration of a schedule as its current one starts; missed `every` slots are skipped. */
  started(lane: InProcessLane, run: Run): void {
    const state = run.scheduleId === undefined ? undefined : lane.schedules.get(run.scheduleId);
    if (!state || state.pendingId !== run.id) return;
    const { schedule } = state;
    const now = Date.now();
    let millis: number;
    if (schedule.every !== undefined) {
      millis = state.millis + schedule.every;
      if (millis < now) millis += Math.ceil((now - millis) / schedule.every) * schedule.every;
    } else {
      millis = nextCronMillis(schedule.pattern, Math.max(now, state.millis));
    }
    this.addIteration(lane, run.scheduleId!, schedule, millis);
  }

  private async drain(timeoutMs: number): Promise<void> {
    const stopped = [...this.lanes.values()].map((lane) => lane.stop());
    const dropped = stopped.reduce((sum, lane) => sum + lane.dropped, 0);
    if (dropped > 0) this.logger.warn(`in-process job queue closed: ${dropped} queued job(s) dropped (this driver is not durable)`);
    const active = stopped.flatMap((lane) => lane.active);
    if (!(await settlesWithin(Promise.allSettled(active), timeoutMs))) {
      this.logger.warn(`in-process job queue closed with job(s) still running after ${timeoutMs} ms`);
    }
  }

  private lane(name: string): InProcessLane {
    if (this.closed) throw new Error('the job queue is closed');
    const lane = this.lanes.get(name);
    if (!lane) throw new JobOptionsError(`job ${name} is not defined`);
    return lane;
  }

  /** BullMQ's scheduler job: id `repeat:<scheduleId>:<millis>`, the definition's attempts and backoff. */
  private addIteration(lane: InProcessLane, scheduleId: string, schedule: Schedule, millis: number): void {
    const { name, defaults } = lane.definition;
    const { attempts, backoff } = resolveJobOptions(name, defaults, undefined);
    const id = `repeat:${scheduleId}:${millis}`;
    lane.schedules.set(scheduleId, { schedule, millis, pendingId: id });
    lane.queue({ id, name, data: jsonCopy(name, schedule.data), attemptsMade: 0, scheduleId, options: { delay: 0, attempts, backoff } }, Math.max(0, millis - Date.now()));
  }
}
