// Which real services the test run uses. PostgreSQL and Redis when reachable (as CI runs it), the
// embedded fallbacks (PGlite, in-process jobs) otherwise. GUILD_REQUIRE_SERVICES=1 turns an
// unreachable service into a failure; GUILD_TEST_SERVICES=embedded forces the fallbacks even when
// the services are up, to prove the embedded path on a machine that has both.
import pg from 'pg';
import { Redis } from 'ioredis';

export const TEST_DATABASE_URL = process.env.GUILD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.GUILD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestServices {
  postgres: boolean;
  redis: boolean;
}

async function reachable(check: () => Promise<unknown>): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

export async function probeServices(): Promise<TestServices> {
  if (process.env.GUILD_TEST_SERVICES === 'embedded') return { postgres: false, redis: false };
  const pgError = await reachable(async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2_000 });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
  });
  const redisError = await reachable(async () => {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  });
  if (process.env.GUILD_REQUIRE_SERVICES === '1') {
    const missing = [pgError && `PostgreSQL at ${TEST_DATABASE_URL}: ${pgError}`, redisError && `Redis at ${TEST_REDIS_URL}: ${redisError}`].filter(Boolean);
    if (missing.length) throw new Error(`GUILD_REQUIRE_SERVICES=1 but a service is unreachable:\n  ${missing.join('\n  ')}`);
  }
  return { postgres: !pgError, redis: !redisError };
}

/** What global-setup found, handed to every test worker through the environment. */
export function testServices(): TestServices {
  const value = process.env.GUILD_TEST_SERVICES_FOUND;
  if (!value) throw new Error('test/support/global-setup.ts did not run: run the e2e suites through jest.config.js');
  return JSON.parse(value) as TestServices;
}
