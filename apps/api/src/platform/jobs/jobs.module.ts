import { Module, type DynamicModule } from '@nestjs/common';
import { BullMqJobQueue } from './bullmq.driver.js';
import { InProcessJobQueue } from './in-process.driver.js';
import { JobQueue } from './job-queue.js';

export interface JobsModuleOptions {
  /** Set: BullMQ on Redis. Unset: the in-process driver (one process, not durable). */
  redisUrl?: string;
  /** False in the `api` role: handlers are recorded but no worker runs; enqueue still works. */
  runWorkers: boolean;
  /** Redis key prefix (default `guild`). */
  prefix?: string;
  /** How long shutdown waits for active jobs (default 10 s). */
  drainTimeoutMs?: number;
}

export function createJobQueue(options: JobsModuleOptions): JobQueue {
  const { redisUrl, runWorkers, prefix, drainTimeoutMs } = options;
  if (redisUrl) return new BullMqJobQueue({ redisUrl, runWorkers, prefix, drainTimeoutMs });
  if (!runWorkers) throw new Error('jobs: runWorkers: false needs a redisUrl, since no other process can run in-process jobs');
  return new InProcessJobQueue({ runWorkers, drainTimeoutMs });
}

/**
 * Provides `JobQueue` everywhere. Nest's shutdown (app.close(), or a signal with
 * enableShutdownHooks) drains it in `beforeApplicationShutdown`, before connections close.
 */
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [{ provide: JobQueue, useFactory: () => createJobQueue(options) }],
      exports: [JobQueue],
    };
  }
}
