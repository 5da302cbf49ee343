import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('staff roles and the audit log', () => {
  const suite = useTestApp();

  it('lets an admin grant and remove staff roles, idempotently, each change audited once', async () => {
    const admin = await suite.make.newStaff('admin');
    const member = await suite.make.newMember();
    const grant = () => call(suite.ctx.app, 'PUT', `/v1/staff/users/${member.id}/roles/reviewer`, { token: admin.accessToken });
    expect((await grant()).body.roles).toEqual(['member', 'reviewer']);
    expect((await grant()).body.roles).toEqual(['member', 'reviewer']);
    expect((await call(suite.ctx.app, 'GET', '/v1/me', { token: member.accessToken })).body.roles).toEqual(['member', 'reviewer']);

    const removed = await call(suite.ctx.app, 'DELETE', `/v1/staff/users/${member.id}/roles/reviewer`, { token: admin.accessToken });
    expect(removed.body.roles).toEqual(['member']);

    const audit = await call(suite.ctx.app, 'GET', `/v1/staff/audit?targetId=${member.id}`, { token: admin.accessToken });
    const roleEvents = audit.body.items.filter((e: { action: string }) => e.action.startsWith('staff.role_'));
    expect(roleEvents.map((e: { action: string; actorId: string; details: unknown }) => [e.action, e.actorId, e.details])).toEqual([
      ['staff.role_removed', admin.id, { role: 'reviewer' }],
      ['staff.role_granted', admin.id, { role: 'reviewer' }],
    ]);
  });

  it('takes a removed role away at once, even from an access token issued before', async () => {
    const admin = await suite.make.newStaff('admin');
    const reviewer = await suite.make.newStaff('reviewer', 'admin');
    expect((await call(suite.ctx.app, 'GET', '/v1/staff/audit', { token: reviewer.accessToken })).status).toBe(200);
    await call(suite.ctx.app, 'DELETE', `/v1/staff/users/${reviewer.id}/roles/admin`, { token: admin.accessToken });
    expect((await call(suite.ctx.app, 'GET', '/v1/staff/audit', { token: reviewer.accessToken })).status).toBe(403);
  });

  it('refuses staff routes to members (403) and to staff without the role (403 STAFF_ROLE_REQUIRED)', async () => {
    const member = await suite.make.newMember();
    const finance = await suite.make.newStaff('finance');
    for (const who of [member, finance]) {
      for (const [method, url] of [
        ['GET', '/v1/staff/audit'],
        ['GET', '/v1/staff/users'],
        ['PUT', `/v1/staff/users/${member.id}/roles/admin`],
      ]) {
        const res = await call(suite.ctx.app, method, url, { token: who.accessToken });
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'STAFF_ROLE_REQUIRED', details: { required: ['admin'] } });
      }
    }
    expect((await call(suite.ctx.app, 'GET', '/v1/me', { token: member.accessToken })).body.roles).toEqual(['member']);
  });

  it('answers 400 for an unknown role or a malformed id, 404 for an unknown user', async () => {
    const admin = await suite.make.newStaff('admin');
    const member = await suite.make.newMember();
    const bad = await call(suite.ctx.app, 'PUT', `/v1/staff/users/${member.id}/roles/owner`, { token: admin.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'role', messages: ['role must be one of reviewer, finance, moderator, admin'] }]);
    expect((await call(suite.ctx.app, 'PUT', '/v1/staff/users/42/roles/admin', { token: admin.accessToken })).status).toBe(400);
    const missing = await call(suite.ctx.app, 'PUT', '/v1/staff/users/00000000-0000-4000-8000-000000000000/roles/admin', { token: admin.accessToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('lets an admin search users by email or name and by role, page by page', async () => {
    const admin = await suite.make.newStaff('admin');
    const marker = `zq${Date.now()}`;
    for (let i = 0; i < 3; i += 1) await suite.make.newMember(`${marker}-${i}`);
    const first = await call(suite.ctx.app, 'GET', `/v1/staff/users?q=${marker}&limit=2`, { token: admin.accessToken });
    expect(first.body.items).toHaveLength(2);
    const second = await call(suite.ctx.app, 'GET', `/v1/staff/users?q=${marker}&limit=2&cursor=${first.body.nextCursor}`, { token: admin.accessToken });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(3);
    const admins = await call(suite.ctx.app, 'GET', '/v1/staff/users?role=admin&limit=100', { token: admin.accessToken });
    expect(admins.body.items.every((u: { roles: string[] }) => u.roles.includes('admin'))).toBe(true);
    expect((await call(suite.ctx.app, 'GET', '/v1/staff/users?q=%25', { token: admin.accessToken })).body.items).toEqual([]);
    expect((await call(suite.ctx.app, 'GET', '/v1/staff/users?cursor=bogus', { token: admin.accessToken })).body.error.code).toBe('INVALID_CURSOR');
  });

  it('records security events: failed sign-ins, token creation and revocation', async () => {
    const admin = await suite.make.newStaff('admin');
    const member = await suite.make.newMember();
    await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: member.email, password: 'wrong password!' } });
    const { body: token } = await call(suite.ctx.app, 'POST', '/v1/me/tokens', { token: member.accessToken, body: { name: 'x', scopes: ['profile:read'] } });
    await call(suite.ctx.app, 'DELETE', `/v1/me/tokens/${token.id}`, { token: member.accessToken });
    const failed = await call(suite.ctx.app, 'GET', `/v1/staff/audit?action=auth.sign_in_failed&actorId=${member.id}`, { token: admin.accessToken });
    expect(failed.body.items[0]).toMatchObject({ action: 'auth.sign_in_failed', details: { email: member.email, reason: 'wrong_password' } });
    const tokens = await call(suite.ctx.app, 'GET', `/v1/staff/audit?targetId=${token.id}`, { token: admin.accessToken });
    expect(tokens.body.items.map((e: { action: string }) => e.action)).toEqual(['token.revoked', 'token.created']);
    const window = await call(suite.ctx.app, 'GET', `/v1/staff/audit?actorId=${member.id}&to=2000-01-01T00:00:00Z`, { token: admin.accessToken });
    expect(window.body.items).toEqual([]);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const db = suite.ctx.app.get(DataSource);
    await suite.make.newMember();
    await expect(db.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
