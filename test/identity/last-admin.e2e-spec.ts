import { createTestApp, type TestApp } from '../support/app.js';
import { factories } from '../support/factories.js';
import { call } from '../support/http.js';

// Its own app (and database): the test needs to know exactly who the admins are.
describe('the last admin', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('cannot lose the admin role (409 LAST_ADMIN) until someone else holds it', async () => {
    const make = factories(ctx.app);
    const admin = await make.signIn(ctx.env.GUILD_ADMIN_EMAIL, ctx.env.GUILD_ADMIN_PASSWORD);
    const res = await call(ctx.app, 'DELETE', `/v1/staff/users/${admin.id}/roles/admin`, { token: admin.accessToken });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_ADMIN');
    expect((await call(ctx.app, 'GET', '/v1/me', { token: admin.accessToken })).body.roles).toContain('admin');

    const second = await make.newStaff('admin');
    const removed = await call(ctx.app, 'DELETE', `/v1/staff/users/${admin.id}/roles/admin`, { token: second.accessToken });
    expect(removed.status).toBe(200);
    expect(removed.body.roles).toEqual(['member']);
  });

  it('is the admin named by GUILD_ADMIN_EMAIL, created at start with that password', async () => {
    const res = await call(ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: ctx.env.GUILD_ADMIN_EMAIL, password: ctx.env.GUILD_ADMIN_PASSWORD } });
    expect(res.status).toBe(200);
  });
});
