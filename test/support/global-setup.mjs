// Jest loads globalSetup outside its module mapping, so this file is plain JavaScript.
// It finds which real services the run uses: PostgreSQL and Redis when reachable (as CI runs it),
// the embedded fallbacks (PGlite, in-process jobs) otherwise. GUILD_REQUIRE_SERVICES=1 turns an
// unreachable service into a failure; GUILD_TEST_SERVICES=embedded forces the fallbacks even when
// the services are up, to prove the embedded path on a machine that has both. Workers inherit the
// answer through the environment (see services.ts).
import pg from 'pg';
import { Redis } from 'ioredis';

const databaseUrl = process.env.GUILD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.GUILD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function failure(check) {
  try {
    await check();
    return null;
  } catch (error) {
    return error?.message || String(error);
  }
}

async function probe() {
  if (process.env.GUILD_TEST_SERVICES === 'embedded') return { postgres: false, redis: false };
  const pgError = await failure(async () => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
  });
  const redisError = await failure(async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  });
  if (process.env.GUILD_REQUIRE_SERVICES === '1') {
    const missing = [pgError && `PostgreSQL at ${databaseUrl}: ${pgError}`, redisError && `Redis at ${redisUrl}: ${redisError}`].filter(Boolean);
    if (missing.length) throw new Error(`GUILD_REQUIRE_SERVICES=1 but a service is unreachable:\n  ${missing.join('\n  ')}`);
  }
  return { postgres: !pgError, redis: !redisError };
}

export default async function globalSetup() {
  const found = await probe();
  process.env.GUILD_TEST_SERVICES_FOUND = JSON.stringify(found);
  const name = (label, up, fallback) => (up ? label : `${fallback} (no ${label})`);
  process.stdout.write(`\n[guild tests] ${name('PostgreSQL', found.postgres, 'PGlite')}, ${name('Redis', found.redis, 'in-process jobs')}\n`);
}
