import { DataSource } from 'typeorm';
import { TEST_PASSWORD, uniqueEmail } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('auth: sign-up, sign-in, refresh, sign-out, /v1/me', () => {
  const suite = useTestApp();

  describe('sign-up', () => {
    it('creates the account, signs it in and sets an httpOnly SameSite refresh cookie', async () => {
      const email = uniqueEmail('ada');
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD, displayName: ' Ada ' } });
      expect(res.status).toBe(201);
      expect(res.body.user).toEqual({ id: expect.any(String), email, displayName: 'Ada', roles: ['member'] });
      expect(res.body.accessToken).toMatch(/^ey/);
      const cookie = res.cookies.find((c) => c.name === 'guild_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth' });
      const me = await call(suite.ctx.app, 'GET', '/v1/me', { token: res.body.accessToken });
      expect(me.body).toEqual(res.body.user);
    });

    it('answers 409 EMAIL_TAKEN for an email already registered, whatever its case', async () => {
      const { email } = await suite.make.newMember();
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email: email.toUpperCase(), password: TEST_PASSWORD, displayName: 'Again' } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('EMAIL_TAKEN');
    });

    it('gives one 201 and one 409 to two simultaneous sign-ups with the same email', async () => {
      const email = uniqueEmail('race');
      const body = { email, password: TEST_PASSWORD, displayName: 'Racer' };
      const statuses = (await Promise.all([call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body }), call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body })])).map((r) => r.status);
      expect(statuses.sort()).toEqual([201, 409]);
    });

    it('lists every invalid field at once, and refuses unknown fields', async () => {
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email: 'not-an-email', password: 'short', displayName: '', isAdmin: true } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const fields = (res.body.error.details as Array<{ field: string }>).map((d) => d.field).sort();
      expect(fields).toEqual(['displayName', 'email', 'isAdmin', 'password']);
    });

    it('refuses a password from the common-passwords list, or one equal to the email', async () => {
      const common = await call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email: uniqueEmail(), password: 'password1234', displayName: 'X' } });
      expect(common.status).toBe(400);
      expect(common.body.error).toMatchObject({ code: 'PASSWORD_TOO_COMMON', details: [{ field: 'password' }] });
      const email = uniqueEmail('samepass');
      const same = await call(suite.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email, password: email, displayName: 'X' } });
      expect(same.body.error.code).toBe('PASSWORD_TOO_COMMON');
    });

    it('stores the password only as an argon2id hash', async () => {
      const { id } = await suite.make.newMember();
      const [row] = await suite.ctx.app.get(DataSource).query('SELECT password_hash FROM users WHERE id = $1', [id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
    });
  });

  describe('sign-in', () => {
    it('signs in with the right password and sets the refresh cookie', async () => {
      const { email } = await suite.make.newMember();
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email, password: TEST_PASSWORD } });
      expect(res.status).toBe(200);
      expect(res.body.user.email).toBe(email);
      expect(res.cookies.find((c) => c.name === 'guild_refresh')?.httpOnly).toBe(true);
    });

    it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
      const { email } = await suite.make.newMember();
      const wrong = await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email, password: 'not the password' } });
      const unknown = await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: uniqueEmail('nobody'), password: TEST_PASSWORD } });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
        expect(res.cookies).toHaveLength(0);
      }
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
    });

    it('answers 400 VALIDATION_FAILED, not 401, for a body without credentials', async () => {
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/sign-in', { body: { email: 'a@b.c' } });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'password', messages: expect.any(Array) }]);
    });
  });

  describe('refresh', () => {
    it('rotates the refresh token and issues a working access token', async () => {
      const member = await suite.make.newMember();
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: member.refreshToken } });
      expect(res.status).toBe(200);
      const rotated = res.cookies.find((c) => c.name === 'guild_refresh')!.value;
      expect(rotated).not.toBe(member.refreshToken);
      expect((await call(suite.ctx.app, 'GET', '/v1/me', { token: res.body.accessToken })).body.id).toBe(member.id);
    });

    it('treats a replayed (already rotated) token as theft: 401 and the whole family is revoked', async () => {
      const member = await suite.make.newMember();
      const first = await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: member.refreshToken } });
      const newest = first.cookies.find((c) => c.name === 'guild_refresh')!.value;
      const replay = await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: member.refreshToken } });
      expect(replay.status).toBe(401);
      expect(replay.body.error.code).toBe('REFRESH_TOKEN_REUSED');
      const afterTheft = await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: newest } });
      expect(afterTheft.status).toBe(401);
      expect(afterTheft.body.error.code).toBe('REFRESH_INVALID');
    });

    it('leaves other sign-ins of the same user alone when one family is revoked', async () => {
      const member = await suite.make.newMember();
      const other = await suite.make.signIn(member.email);
      await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: member.refreshToken } });
      await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: member.refreshToken } });
      expect((await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: other.refreshToken } })).status).toBe(200);
    });

    it('answers 401 REFRESH_INVALID without a cookie or with a made-up one', async () => {
      for (const cookies of [undefined, { guild_refresh: 'made-up' }]) {
        const res = await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('REFRESH_INVALID');
      }
    });
  });

  describe('sign-out', () => {
    it('ends the session: 204, the cookie is cleared and the refresh token no longer works', async () => {
      const member = await suite.make.newMember();
      const out = await call(suite.ctx.app, 'POST', '/v1/auth/sign-out', { cookies: { guild_refresh: member.refreshToken } });
      expect(out.status).toBe(204);
      const cleared = out.cookies.find((c) => c.name === 'guild_refresh');
      expect(cleared?.value).toBe('');
      const res = await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: member.refreshToken } });
      expect(res.status).toBe(401);
    });

    it('is harmless without a session', async () => {
      expect((await call(suite.ctx.app, 'POST', '/v1/auth/sign-out')).status).toBe(204);
    });
  });

  describe('GET /v1/me', () => {
    it('answers 401 UNAUTHENTICATED without a token, with a bad one, or with one signed by another secret', async () => {
      const { JwtService } = await import('@nestjs/jwt');
      const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: '00000000-0000-0000-0000-000000000000', typ: 'access' });
      for (const token of [undefined, 'garbage', forged]) {
        const res = await call(suite.ctx.app, 'GET', '/v1/me', { token });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses an expired access token', async () => {
      const { JwtService } = await import('@nestjs/jwt');
      const member = await suite.make.newMember();
      const expired = new JwtService({ secret: suite.ctx.env.GUILD_JWT_SECRET }).sign({ sub: member.id, typ: 'access' }, { expiresIn: -10 });
      expect((await call(suite.ctx.app, 'GET', '/v1/me', { token: expired })).status).toBe(401);
    });

    it('lets a member change their display name', async () => {
      const member = await suite.make.newMember();
      const res = await call(suite.ctx.app, 'PATCH', '/v1/me', { token: member.accessToken, body: { displayName: 'Renamed' } });
      expect(res.status).toBe(200);
      expect(res.body.displayName).toBe('Renamed');
    });
  });
});
