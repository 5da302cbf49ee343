import { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { factories } from '../support/factories.js';
import { call } from '../support/http.js';
import { testServices } from '../support/services.js';

describe('jobs inside the application', () => {
  let ctx: TestApp | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });

  it('lets domains run jobs, and a graceful shutdown waits for the running one', async () => {
    ctx = await createTestApp();
    const jobs = ctx.app.get(JobQueue);
    const events: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    jobs.define<{ n: number }>({
      name: 'test-slow',
      handler: async (job) => {
        events.push(`start ${job.data.n}`);
        started();
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`end ${job.data.n}`);
      },
    });
    await jobs.enqueue('test-slow', { n: 1 });
    await running;
    const app = ctx;
    ctx = undefined;
    await app.close();
    expect(events).toEqual(['start 1', 'end 1']);
  });

  it('shows staff the queues; only admins', async () => {
    ctx = await createTestApp();
    const jobs = ctx.app.get(JobQueue);
    jobs.define({ name: 'test-failing', handler: async () => Promise.reject(new Error('boom')) });
    await jobs.enqueue('test-failing', {}, { attempts: 1 });
    const make = factories(ctx.app);
    const admin = await make.newStaff('admin');
    let failures: Array<{ reason: string }> = [];
    for (let i = 0; i < 50 && failures.length === 0; i += 1) {
      failures = (await call(ctx.app, 'GET', '/v1/staff/jobs/test-failing/failures', { token: admin.accessToken })).body.items;
      if (!failures.length) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failures[0].reason).toBe('boom');
    const overview = await call(ctx.app, 'GET', '/v1/staff/jobs', { token: admin.accessToken });
    expect(overview.body.driver).toBe(testServices().redis ? 'bullmq' : 'in-process');
    expect(overview.body.queues['test-failing'].failed).toBe(1);
    expect((await call(ctx.app, 'GET', '/v1/staff/jobs/nope/failures', { token: admin.accessToken })).body.error.code).toBe('JOB_NAME_UNKNOWN');
    const member = await make.newMember();
    expect((await call(ctx.app, 'GET', '/v1/staff/jobs', { token: member.accessToken })).status).toBe(403);
  });

  if (testServices().redis) {
    it('serves the Bull Board to admins only: bearer token or the board-session cookie', async () => {
      ctx = await createTestApp();
      ctx.app.get(JobQueue).define({ name: 'test-board', handler: async () => undefined });
      const make = factories(ctx.app);
      const admin = await make.newStaff('admin');
      const member = await make.newMember();
      expect((await call(ctx.app, 'GET', '/v1/staff/queues/')).status).toBe(401);
      expect((await call(ctx.app, 'GET', '/v1/staff/queues/', { token: member.accessToken })).status).toBe(403);
      const page = await call(ctx.app, 'GET', '/v1/staff/queues/', { token: admin.accessToken });
      expect(page.status).toBe(200);
      expect(String(page.headers['content-type'])).toContain('text/html');

      const session = await call(ctx.app, 'POST', '/v1/staff/jobs/board-session', { token: admin.accessToken });
      expect(session.status).toBe(204);
      const cookie = session.cookies.find((c) => c.name === 'guild_board')!;
      expect(cookie).toMatchObject({ httpOnly: true, path: '/v1/staff/queues' });
      const api = await call(ctx.app, 'GET', '/v1/staff/queues/api/queues', { cookies: { guild_board: cookie.value } });
      expect(api.status).toBe(200);
      expect(api.body.queues.map((q: { name: string }) => q.name)).toContain('test-board');
      // An ordinary access token is not accepted as the board cookie, nor the board token as a bearer.
      expect((await call(ctx.app, 'GET', '/v1/staff/queues/', { cookies: { guild_board: admin.accessToken } })).status).toBe(401);
      expect((await call(ctx.app, 'GET', '/v1/staff/queues/', { token: cookie.value })).status).toBe(401);
    });
  } else {
    it('explains that the Bull Board needs Redis', async () => {
      ctx = await createTestApp();
      const admin = await factories(ctx.app).newStaff('admin');
      const res = await call(ctx.app, 'POST', '/v1/staff/jobs/board-session', { token: admin.accessToken });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('QUEUE_BOARD_UNAVAILABLE');
    });
  }
});
