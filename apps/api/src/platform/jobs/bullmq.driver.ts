import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { settlesWithin } from './deadline.js';
import { checkDefinition, checkSchedule, jsonCopy, JobOptionsError, logFailure, resolveJobOptions } from './job-options.policy.js';
import type { FailureLogger } from './job-options.policy.js';
import { JobQueue, KEEP_COMPLETED, KEEP_FAILED } from './job-queue.js';
import type { FailedJob, JobContext, JobCounts, JobDefinition, JobOptions, Schedule } from './job-queue.js';

export interface BullMqJobQueueOptions {
  redisUrl: string;
  runWorkers: boolean;
  /** First segment of every key, so several apps or test runs can share one Redis (default `guild`). */
  prefix?: string;
  /** How long `close()` waits for active jobs by default. */
  drainTimeoutMs?: number;
  logger?: FailureLogger;
}

interface Lane {
  definition: JobDefinition<unknown>;
  queue: Queue;
  worker?: Worker;
}

const KEEP = { removeOnComplete: { count: KEEP_COMPLETED }, removeOnFail: { count: KEEP_FAILED } };

/**
 * The Redis driver. One BullMQ queue per job name (queue name = job name): each name gets its own
 * concurrency and its own row on the board, and can get its own worker processes when it needs
 * scaling. All queues and workers share one connection; each worker adds its blocking one.
 */
export class BullMqJobQueue extends JobQueue {
  private readonly connection: Redis;
  private readonly lanes = new Map<string, Lane>();
  private readonly logger: FailureLogger;
  private readonly prefix: string;
  private closed = false;
  private closing?: Promise<void>;

  constructor(private readonly options: BullMqJobQueueOptions) {
    super();
    this.logger = options.logger ?? new Logger('Jobs');
    this.prefix = options.prefix ?? 'guild';
    // Workers block on Redis and must outlive reconnects, hence no per-request retry limit.
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (error: Error) => {
      this.logger.warn(`redis: ${error.message}`);
    });
  }

  define<T>(typed: JobDefinition<T>): void {
    const definition = typed as JobDefinition<unknown>;
    checkDefinition(definition);
    if (this.closed) throw new Error('the job queue is closed');
    const { name, concurrency = 1 } = definition;
    if (this.lanes.has(name)) throw new JobOptionsError(`job ${name} is already defined`);
    const { connection, prefix } = this;
    const queue = new Queue(name, { connection, prefix });
    queue.on('error', (error) => {
      this.logger.warn(`queue ${name}: ${error.message}`);
    });
    let worker: Worker | undefined;
    if (this.options.runWorkers) {
      worker = new Worker(name, (job: Job) => this.process(definition, job), { connection, prefix, concurrency });
      worker.on('error', (error) => {
        this.logger.warn(`worker ${name}: ${error.message}`);
      });
    }
    this.lanes.set(name, { definition, queue, worker });
  }

  async enqueue<T>(name: string, data: T, options?: JobOptions): Promise<string> {
    const { definition, queue } = this.lane(name);
    const { jobId, delay, attempts, backoff } = resolveJobOptions(name, definition.defaults, options);
    const deduplication = jobId ? { deduplication: { id: jobId } } : {};
    const job = await queue.add(name, jsonCopy(name, data), { delay, attempts, backoff, ...deduplication, ...KEEP });
    return job.id!;
  }

  async schedule(name: string, scheduleId: string, schedule: Schedule): Promise<void> {
    const { definition, queue } = this.lane(name);
    checkSchedule(name, scheduleId, schedule);
    const { attempts, backoff } = resolveJobOptions(name, definition.defaults, undefined);
    const repeat = schedule.every !== undefined ? { every: schedule.every } : { pattern: schedule.pattern, tz: 'UTC' };
    await queue.upsertJobScheduler(scheduleId, repeat, { name, data: jsonCopy(name, schedule.data), opts: { attempts, backoff, ...KEEP } });
  }

  async unschedule(name: string, scheduleId: string): Promise<void> {
    await this.lane(name).queue.removeJobScheduler(scheduleId);
  }

  async counts(): Promise<Record<string, JobCounts>> {
    if (this.closed) throw new Error('the job queue is closed');
    const entries = await Promise.all(
      [...this.lanes].map(async ([name, { queue }]) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        const { waiting = 0, active = 0, delayed = 0, failed = 0, completed = 0 } = counts;
        return [name, { waiting, active, delayed, failed, completed }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  async failures(name: string, limit = 50): Promise<FailedJob[]> {
    const jobs = await this.lane(name).queue.getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: job.id!,
      name: job.name,
      data: job.data as unknown,
      attemptsMade: job.attemptsMade,
      reason: job.failedReason,
      failedAt: new Date(job.finishedOn ?? job.timestamp),
    }));
  }

  /** The BullMQ queues, for Bull Board. */
  queues(): Queue[] {
    return [...this.lanes.values()].map((lane) => lane.queue);
  }

  close(timeoutMs = this.options.drainTimeoutMs ?? 10_000): Promise<void> {
    if (!this.closing) {
      this.closed = true;
      this.closing = this.drain(timeoutMs);
    }
    return this.closing;
  }

  private async drain(timeoutMs: number): Promise<void> {
    const lanes = [...this.lanes.values()];
    // Worker.close stops fetching at once, then waits for its active jobs.
    const workersClosed = Promise.allSettled(lanes.map((lane) => lane.worker?.close() ?? Promise.resolve()));
    const drained = await settlesWithin(workersClosed, timeoutMs);
    if (!drained) this.logger.warn(`job queue closed with job(s) still running after ${timeoutMs} ms; they will be retried once their locks lapse`);
    await Promise.allSettled(lanes.map((lane) => lane.queue.close()));
    if (drained) await this.connection.quit().catch(() => this.connection.disconnect());
    else this.connection.disconnect();
  }

  private lane(name: string): Lane {
    if (this.closed) throw new Error('the job queue is closed');
    const lane = this.lanes.get(name);
    if (!lane) throw new JobOptionsError(`job ${name} is not defined`);
    return lane;
  }

  private async process(definition: JobDefinition<unknown>, job: Job): Promise<void> {
    const context: JobContext<unknown> = { id: job.id!, name: job.name, data: job.data, attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 };
    try {
      await definition.handler(context);
    } catch (error) {
      logFailure(this.logger, { ...context, attemptsMade: job.attemptsMade + 1 }, error);
      throw error instanceof Error ? error : new Error(String(error));
    }
  }
}
