import { Writable } from 'node:stream';
import { createTestApp, type TestApp } from '../support/app.js';
import { factories, TEST_PASSWORD } from '../support/factories.js';
import { call } from '../support/http.js';
import { testServices } from '../support/services.js';

/** Collects every JSON log line the app writes. */
class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

describe('HTTP platform: health, docs, errors, headers, logs', () => {
  let ctx: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    ctx = await createTestApp({ LOG_LEVEL: 'info', GUILD_PORTAL_ORIGINS: 'https://portal.example.com' }, { logDestination: logs });
  });
  afterAll(() => ctx.close());

  it('reports health of the database, and of Redis when it is configured', async () => {
    const res = await call(ctx.app, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.redis?.status).toBe(testServices().redis ? 'up' : undefined);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await call(ctx.app, 'GET', '/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/v1/auth/sign-up', '/v1/auth/sign-in', '/v1/me', '/v1/me/tokens', '/v1/staff/audit', '/health']));
    expect(json.body.components.securitySchemes.bearer).toBeDefined();
    const ui = await call(ctx.app, 'GET', '/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers every error in one shape: unknown route, bad JSON, wrong content type, oversize body', async () => {
    const missing = await call(ctx.app, 'GET', '/v1/nothing-here', { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });

    const badJson = await call(ctx.app, 'POST', '/v1/auth/sign-in', { body: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('INVALID_JSON');

    const wrongType = await call(ctx.app, 'POST', '/v1/auth/sign-in', { body: 'email', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = await call(ctx.app, 'POST', '/v1/auth/sign-up', { body: { email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024), displayName: 'x' } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends security headers, and CORS with credentials only to the portal origins', async () => {
    const res = await call(ctx.app, 'GET', '/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const allowed = await call(ctx.app, 'OPTIONS', '/v1/auth/sign-in', { headers: { origin: 'https://portal.example.com', 'access-control-request-method': 'POST' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await call(ctx.app, 'OPTIONS', '/v1/auth/sign-in', { headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('logs each request with its request id, echoed to the caller, and never a credential', async () => {
    const make = factories(ctx.app);
    const member = await make.newMember();
    const res = await call(ctx.app, 'GET', '/v1/me?token=leak-me', { token: member.accessToken, headers: { 'x-request-id': 'trace-abc-123' }, cookies: { guild_refresh: member.refreshToken } });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    await call(ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: member.email, password: TEST_PASSWORD } });
    const line = logs.lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'trace-abc-123');
    expect(line).toMatchObject({ req: { id: 'trace-abc-123', method: 'GET', url: '/v1/me' }, res: { statusCode: 200 } });
    const everything = logs.raw.join('\n');
    for (const secret of [member.accessToken, member.refreshToken, TEST_PASSWORD, 'leak-me']) expect(everything).not.toContain(secret);

    const generated = await call(ctx.app, 'GET', '/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
