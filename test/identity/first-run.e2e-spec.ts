import { jest } from '@jest/globals';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data.service.js';
import { EMBEDDED_ADMIN_EMAIL } from '../../apps/api/src/identity/first-admin.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { call } from '../support/http.js';

// What `npm start` does on a fresh machine: embedded database, no admin configured, demo data on.
describe('first run on embedded defaults', () => {
  let ctx: TestApp;
  let printed = '';

  beforeAll(async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    try {
      ctx = await createTestApp({ DATABASE_URL: '', REDIS_URL: '', GUILD_ADMIN_EMAIL: '', GUILD_ADMIN_PASSWORD: '', GUILD_DEMO_DATA: 'true', LOG_LEVEL: 'warn' });
    } finally {
      write.mockRestore();
    }
  });
  afterAll(() => ctx.close());

  it('creates the first admin with a random password, printed once, that works', async () => {
    const password = /password: (\S+)/.exec(printed)?.[1];
    expect(printed).toContain(EMBEDDED_ADMIN_EMAIL);
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const res = await call(ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: EMBEDDED_ADMIN_EMAIL, password } });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual(['member', 'admin']);
  });

  it('loads the demo accounts (a buyer, a future partner, one per staff role) and says how to sign in', async () => {
    expect(printed).toContain(DEMO_PASSWORD);
    const roles: Record<string, string[]> = {};
    for (const account of DEMO_ACCOUNTS) {
      expect(printed).toContain(account.email);
      const res = await call(ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: account.email, password: DEMO_PASSWORD } });
      expect(res.status).toBe(200);
      roles[account.email] = res.body.user.roles;
    }
    expect(Object.values(roles).flat().filter((r) => r !== 'member').sort()).toEqual(['admin', 'finance', 'moderator', 'reviewer']);
  });

  it('starts the community with content made through its services: an accepted answer that earned points, a planned idea', async () => {
    const questions = await call(ctx.app, 'GET', '/v1/community/questions');
    expect(questions.status).toBe(200);
    expect(questions.body.items.length).toBeGreaterThanOrEqual(2);
    expect(questions.body.items.some((q: { accepted: boolean }) => q.accepted)).toBe(true);
    const ideas = await call(ctx.app, 'GET', '/v1/community/ideas');
    expect(ideas.body.items.map((i: { status: string }) => i.status)).toContain('planned');
    const board = await call(ctx.app, 'GET', '/v1/community/leaderboard?window=all');
    expect(board.body.items[0]).toMatchObject({ rank: 1, member: { displayName: 'Pat Partner' } });
    expect(board.body.items[0].points).toBeGreaterThan(0);
  });
});
