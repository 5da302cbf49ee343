// The services the test run uses, as test/support/global-setup.mjs found them.
export const TEST_DATABASE_URL = process.env.GUILD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.GUILD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestServices {
  postgres: boolean;
  redis: boolean;
}

export function testServices(): TestServices {
  const value = process.env.GUILD_TEST_SERVICES_FOUND;
  if (!value) throw new Error('test/support/global-setup.mjs did not run: run the e2e suites through jest.config.js');
  return JSON.parse(value) as TestServices;
}
