// The drivers the job-queue contract runs against: always the in-process one; BullMQ when Redis
// answers at REDIS_URL (default 127.0.0.1:6379). GUILD_REQUIRE_SERVICES=1 makes a missing Redis a
// failure; GUILD_TEST_SERVICES=embedded leaves Redis out on purpose.
import { Redis } from 'ioredis';
import { BullMqJobQueue } from '../../apps/api/src/platform/jobs/bullmq.driver.js';
import { InProcessJobQueue } from '../../apps/api/src/platform/jobs/in-process.driver.js';
import type { FailureLogger } from '../../apps/api/src/platform/jobs/job-options.policy.js';
import type { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface DriverOptions {
  runWorkers?: boolean;
  logger?: FailureLogger;
}

export interface JobDriver {
  name: 'in-process' | 'bullmq';
  create(options?: DriverOptions): JobQueue;
  /** Deletes every Redis key this run created. */
  cleanup(): Promise<void>;
}

const silent: FailureLogger = { error: () => {}, warn: () => {} };

async function redisError(): Promise<string | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => (cause = error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return (cause ?? (error as Error)).message || String(error);
  } finally {
    redis.disconnect();
  }
}

function bullMqDriver(): JobDriver {
  // One prefix per run and one more per queue instance: runs and cases never see each other's jobs.
  const runPrefix = `guild-test-${process.pid}-${Date.now().toString(36)}`;
  let instances = 0;
  return {
    name: 'bullmq',
    create: ({ runWorkers = true, logger = silent } = {}) =>
      new BullMqJobQueue({ redisUrl: REDIS_URL, runWorkers, logger, prefix: `${runPrefix}-${++instances}`, drainTimeoutMs: 5_000 }),
    cleanup: async () => {
      const redis = new Redis(REDIS_URL);
      try {
        for await (const keys of redis.scanStream({ match: `${runPrefix}-*`, count: 500 }) as AsyncIterable<string[]>) {
          if (keys.length > 0) await redis.del(...keys);
        }
      } finally {
        await redis.quit();
      }
    },
  };
}

export async function jobDrivers(): Promise<JobDriver[]> {
  const inProcess: JobDriver = {
    name: 'in-process',
    create: ({ runWorkers = true, logger = silent } = {}) => new InProcessJobQueue({ runWorkers, logger, drainTimeoutMs: 5_000 }),
    cleanup: async () => {},
  };
  if (process.env.GUILD_TEST_SERVICES === 'embedded') {
    console.warn('GUILD_TEST_SERVICES=embedded: the BullMQ half of the job-queue contract is not run');
    return [inProcess];
  }
  const error = await redisError();
  if (error && process.env.GUILD_REQUIRE_SERVICES === '1') throw new Error(`GUILD_REQUIRE_SERVICES=1 but Redis at ${REDIS_URL} is unreachable: ${error}`);
  if (error) {
    console.warn(`Redis at ${REDIS_URL} is unreachable (${error}): the BullMQ half of the job-queue contract is not run`);
    return [inProcess];
  }
  return [inProcess, bullMqDriver()];
}
