import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createGuildApp } from '../../apps/api/src/app.factory.js';
import type { AppOptions } from '../../apps/api/src/app.module.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, testServices } from './services.js';

export interface TestApp {
  app: NestFastifyApplication;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A throwaway PostgreSQL database on the test server; dropped by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `guild_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Deletes every key under a prefix (the test app's queues and rate-limit counters). */
async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Boots the real application with its own database (a fresh PostgreSQL database, or in-memory
 * PGlite) and its own Redis key prefix, exactly as main.ts would, without listening.
 */
export async function createTestApp(overrides: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const services = testServices();
  const prefix = `guildtest_${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = services.postgres ? await createTestDatabase() : undefined;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.GUILD_TEST_LOG_LEVEL ?? 'silent',
    GUILD_JWT_SECRET: randomBytes(32).toString('hex'),
    GUILD_DATA_DIR: 'memory://',
    GUILD_DEMO_DATA: 'false',
    GUILD_ADMIN_EMAIL: 'root-admin@test.guild',
    GUILD_ADMIN_PASSWORD: 'root-admin-password-1',
    GUILD_AUTH_RATE_LIMIT_PER_IP: '100000',
    GUILD_AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
    GUILD_COMMUNITY_POSTS_PER_HOUR: '100000',
    GUILD_COMMUNITY_REPLIES_PER_HOUR: '100000',
    GUILD_REDIS_PREFIX: prefix,
    GUILD_PORTAL_DIR: `${process.cwd()}/apps/portal/dist`,
    STRIPE_EMULATOR_PORT: '0',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(services.redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...overrides,
  };
  let app: NestFastifyApplication | undefined;
  try {
    app = await createGuildApp(env, options);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.drop();
    throw error;
  }
  const booted = app;
  return {
    app: booted,
    env,
    close: async () => {
      await booted.close();
      await database?.drop();
      if (services.redis) await dropRedisPrefix(prefix);
    },
  };
}

/** A port free at this moment (the kernel picks it; another process could take it before us, rarely). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The same, listening on a random local port: for browser tests and benchmarks. The port is chosen
 * before boot so that GUILD_PUBLIC_URL (links in emails, Stripe's return URLs) points at this app.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<{ url: string; app: NestFastifyApplication; close(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const test = await createTestApp({ PORT: String(port), GUILD_PUBLIC_URL: url, ...overrides });
  await test.app.listen({ port, host: '127.0.0.1' });
  return { url, app: test.app, close: test.close };
}
