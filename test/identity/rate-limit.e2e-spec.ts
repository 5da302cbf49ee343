import { Redis } from 'ioredis';
import { TEST_PASSWORD, uniqueEmail } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { TEST_REDIS_URL, testServices } from '../support/services.js';

describe('sign-in and sign-up rate limits', () => {
  const suite = useTestApp({ GUILD_AUTH_RATE_LIMIT_PER_IP: '4', GUILD_AUTH_RATE_LIMIT_PER_ACCOUNT: '3', GUILD_AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' });

  const signIn = (email: string, ip: string) => call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email, password: 'wrong password!' }, ip });

  it('limits attempts per IP across accounts: 429 RATE_LIMITED with Retry-After', async () => {
    const ip = '203.0.113.10';
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn(uniqueEmail('spray'), ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const limited = await signIn(uniqueEmail('spray'), ip);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after-ip'] ?? limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(uniqueEmail('other'), '203.0.113.11')).status).toBe(401);
  });

  it('limits attempts per account across IPs, even with the right password afterwards', async () => {
    const { email } = await suite.make.newMember('target');
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await signIn(email.toUpperCase(), `198.51.100.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const right = await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email, password: TEST_PASSWORD }, ip: '198.51.100.99' });
    expect(right.status).toBe(429);
    const otherAccount = await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: uniqueEmail('bystander'), password: 'x' }, ip: '198.51.100.98' });
    expect(otherAccount.status).toBe(401);
  });

  it('limits sign-ups per IP too', async () => {
    const ip = '192.0.2.50';
    const statuses = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email: uniqueEmail('bulk'), password: TEST_PASSWORD, displayName: 'Bulk' }, ip })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });

  it('does not limit other routes', async () => {
    for (let i = 0; i < 8; i += 1) expect((await call(suite.ctx.app, 'GET', '/health', { ip: '203.0.113.10' })).status).toBe(200);
  });

  if (testServices().redis) {
    it('keeps the counters in Redis, so every API replica shares them', async () => {
      const redis = new Redis(TEST_REDIS_URL);
      try {
        const keys = await redis.keys(`${suite.ctx.env.GUILD_REDIS_PREFIX}:throttle:*`);
        expect(keys.some((key) => key.includes(':ip:'))).toBe(true);
        expect(keys.some((key) => key.includes(':account:'))).toBe(true);
      } finally {
        redis.disconnect();
      }
    });
  }
});
