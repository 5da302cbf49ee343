import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('API tokens', () => {
  const suite = useTestApp();

  const create = (accessToken: string, body: unknown) => call(suite.ctx.app, 'POST', '/v1/me/tokens', { token: accessToken, body });

  it('creates a token whose secret is shown once and stored only as a hash', async () => {
    const member = await suite.make.newMember();
    const res = await create(member.accessToken, { name: 'CI', scopes: ['profile:read'], expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), name: 'CI', scopes: ['profile:read'], token: expect.stringMatching(/^gld_[A-Za-z0-9_-]{43}$/) });
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const rows = await suite.ctx.app.get(DataSource).query('SELECT * FROM api_tokens WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(rows)).not.toContain(res.body.token);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(res.body.token).digest('hex'));

    const list = await call(suite.ctx.app, 'GET', '/v1/me/tokens', { token: member.accessToken });
    expect(list.body.items).toEqual([{ id: res.body.id, name: 'CI', scopes: ['profile:read'], prefix: res.body.token.slice(0, 10), createdAt: expect.any(String), expiresAt: res.body.expiresAt, lastUsedAt: null }]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
  });

  it('authenticates like the owner within its scopes, and records its last use', async () => {
    const member = await suite.make.newMember();
    const { body: created } = await create(member.accessToken, { name: 'reader', scopes: ['profile:read'] });
    const me = await call(suite.ctx.app, 'GET', '/v1/me', { token: created.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(member.id);
    const list = await call(suite.ctx.app, 'GET', '/v1/me/tokens', { token: member.accessToken });
    expect(list.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('answers 403 TOKEN_SCOPE_MISSING outside its scopes, and never manages tokens or staff routes', async () => {
    const member = await suite.make.newMember();
    const { body: publisher } = await create(member.accessToken, { name: 'publisher', scopes: ['plugins:publish'] });
    const me = await call(suite.ctx.app, 'GET', '/v1/me', { token: publisher.token });
    expect(me.status).toBe(403);
    expect(me.body.error).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', details: { required: ['profile:read'] } });
    const mint = await create(publisher.token, { name: 'escalate', scopes: ['profile:read'] });
    expect(mint.status).toBe(403);

    const admin = await suite.make.newStaff('admin');
    const { body: adminToken } = await create(admin.accessToken, { name: 'admin', scopes: ['profile:read', 'plugins:publish'] });
    const audit = await call(suite.ctx.app, 'GET', '/v1/staff/audit', { token: adminToken.token });
    expect(audit.status).toBe(403);
    expect(audit.body.error.code).toBe('TOKEN_SCOPE_MISSING');
  });

  it('revokes: 204, then the token no longer authenticates and leaves the list', async () => {
    const member = await suite.make.newMember();
    const { body: created } = await create(member.accessToken, { name: 'temp', scopes: ['profile:read'] });
    expect((await call(suite.ctx.app, 'DELETE', `/v1/me/tokens/${created.id}`, { token: member.accessToken })).status).toBe(204);
    const me = await call(suite.ctx.app, 'GET', '/v1/me', { token: created.token });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
    expect((await call(suite.ctx.app, 'GET', '/v1/me/tokens', { token: member.accessToken })).body.items).toEqual([]);
    expect((await call(suite.ctx.app, 'DELETE', `/v1/me/tokens/${created.id}`, { token: member.accessToken })).status).toBe(404);
  });

  it("answers 404 for another user's token, which keeps working", async () => {
    const owner = await suite.make.newMember('owner');
    const intruder = await suite.make.newMember('intruder');
    const { body: created } = await create(owner.accessToken, { name: 'mine', scopes: ['profile:read'] });
    const res = await call(suite.ctx.app, 'DELETE', `/v1/me/tokens/${created.id}`, { token: intruder.accessToken });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('TOKEN_NOT_FOUND');
    expect((await call(suite.ctx.app, 'GET', '/v1/me', { token: created.token })).status).toBe(200);
    expect((await call(suite.ctx.app, 'DELETE', '/v1/me/tokens/not-a-uuid', { token: intruder.accessToken })).status).toBe(404);
  });

  it('refuses an expired token', async () => {
    const member = await suite.make.newMember();
    const { body: created } = await create(member.accessToken, { name: 'short', scopes: ['profile:read'], expiresInDays: 1 });
    await suite.ctx.app.get(DataSource).query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [created.id]);
    expect((await call(suite.ctx.app, 'GET', '/v1/me', { token: created.token })).status).toBe(401);
  });

  it('validates name, scopes and expiry', async () => {
    const member = await suite.make.newMember();
    const res = await create(member.accessToken, { name: '', scopes: ['root', 'profile:read'], expiresInDays: 0 });
    expect(res.status).toBe(400);
    expect((res.body.error.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['expiresInDays', 'name', 'scopes']);
    expect((await create(member.accessToken, { name: 'none', scopes: [] })).status).toBe(400);
  });
});
