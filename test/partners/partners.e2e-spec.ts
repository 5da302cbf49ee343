import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PartnersService } from '../../apps/api/src/partners/partners.service.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { partnerFactories } from './partner-factory.js';

describe('partner organisations: creation, profile, dashboard', () => {
  const s = useTestApp();
  const partners = () => partnerFactories(s.ctx.app);

  it('creates a partner with its owner, and refuses a namespace that is taken, malformed or reserved', async () => {
    const owner = await s.make.newMember('owner');
    const partner = await partners().newPartner(owner, { name: 'Acme Plugins' });
    const mine = await call(s.ctx.app, 'GET', '/v1/me/partners', { token: owner.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([{ partner: expect.objectContaining({ id: partner.id, namespace: partner.namespace, name: 'Acme Plugins', status: 'active' }), role: 'owner' }]);

    const service = s.ctx.app.get(PartnersService);
    const manager = s.ctx.app.get(DataSource).manager;
    const again = { applicationId: randomUUID(), name: 'Copycat', website: null, ownerId: owner.id };
    await expect(service.createForApplication({ ...again, namespace: partner.namespace }, manager)).rejects.toMatchObject({ code: 'NAMESPACE_TAKEN', status: 409 });
    await expect(service.createForApplication({ ...again, namespace: 'Not Valid' }, manager)).rejects.toMatchObject({ code: 'NAMESPACE_INVALID' });
    await expect(service.createForApplication({ ...again, namespace: 'adm1n' }, manager)).rejects.toMatchObject({ code: 'NAMESPACE_RESERVED' });
    // The refused attempts left nothing behind; a taken namespace inside a caller's transaction does not abort it.
    await s.ctx.app.get(DataSource).transaction(async (tx) => {
      await expect(service.createForApplication({ ...again, namespace: partner.namespace }, tx)).rejects.toMatchObject({ code: 'NAMESPACE_TAKEN' });
      await expect(tx.query(`SELECT 1`)).resolves.toHaveLength(1);
    });
    expect((await call(s.ctx.app, 'GET', '/v1/me/partners', { token: owner.accessToken })).body.items).toHaveLength(1);
  });

  it('shows the public profile to anyone, signed in or not', async () => {
    const owner = await s.make.newMember();
    const partner = await partners().newPartner(owner, { name: 'Public Co', website: 'https://public.example' });
    const profile = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({
      namespace: partner.namespace,
      name: 'Public Co',
      website: 'https://public.example',
      bio: null,
      logoUrl: null,
      tier: null,
      plugins: [],
      community: null,
      memberSince: expect.any(String),
    });
    const missing = await call(s.ctx.app, 'GET', '/v1/partners/no-such-partner');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'PARTNER_NOT_FOUND']);
  });

  it('opens the dashboard to members of any role, and refuses strangers and staff with 403 PARTNER_ACCESS_DENIED', async () => {
    const owner = await s.make.newMember('owner');
    const developer = await s.make.newMember('developer');
    const stranger = await s.make.newMember('stranger');
    const admin = await s.make.newStaff('admin');
    const partner = await partners().newPartner(owner);
    await partners().addMember(partner, developer, 'developer');

    const asDeveloper = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: developer.accessToken });
    expect(asDeveloper.status).toBe(200);
    expect(asDeveloper.body).toMatchObject({
      partner: { id: partner.id, namespace: partner.namespace, status: 'active' },
      role: 'developer',
      invitations: [],
      stripe: { accountId: null, onboardingStarted: false, payable: false, requirementsDue: [], updatedAt: null },
    });
    expect(asDeveloper.body.members).toEqual([
      { userId: owner.id, displayName: 'owner', email: owner.email, role: 'owner', joinedAt: expect.any(String) },
      { userId: developer.id, displayName: 'developer', email: developer.email, role: 'developer', joinedAt: expect.any(String) },
    ]);

    for (const outsider of [stranger, admin]) {
      const denied = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: outsider.accessToken });
      expect([denied.status, denied.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
    }
    const missing = await call(s.ctx.app, 'GET', '/v1/partners/no-such-partner/dashboard', { token: owner.accessToken });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'PARTNER_NOT_FOUND']);
    expect((await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`)).status).toBe(401);
  });

  it('lets the owner edit the profile (audited, null clears a field), and nobody else', async () => {
    const owner = await s.make.newMember('owner');
    const finance = await s.make.newMember('finance');
    const stranger = await s.make.newMember('stranger');
    const partner = await partners().newPartner(owner, { website: 'https://old.example' });
    await partners().addMember(partner, finance, 'finance');
    const url = `/v1/partners/${partner.namespace}`;

    const edited = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { name: 'Renamed Co', bio: 'We build things.', website: null, logoUrl: 'https://cdn.example/logo.png' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ id: partner.id, namespace: partner.namespace, name: 'Renamed Co', website: null, bio: 'We build things.', logoUrl: 'https://cdn.example/logo.png', status: 'active', createdAt: expect.any(String) });
    expect((await call(s.ctx.app, 'GET', url)).body).toMatchObject({ name: 'Renamed Co', bio: 'We build things.', website: null });

    const byFinance = await call(s.ctx.app, 'PATCH', url, { token: finance.accessToken, body: { name: 'Hijacked' } });
    expect([byFinance.status, byFinance.body.error.code, byFinance.body.error.details]).toEqual([403, 'PARTNER_ROLE_REQUIRED', { required: ['owner'], role: 'finance' }]);
    const byStranger = await call(s.ctx.app, 'PATCH', url, { token: stranger.accessToken, body: { name: 'Hijacked' } });
    expect([byStranger.status, byStranger.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);

    const invalid = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { name: null, website: 'ftp://x.example', logoUrl: 'http://insecure.example/logo.png', namespace: 'other' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['logoUrl', 'name', 'namespace', 'website']);

    const admin = await s.make.newStaff('admin');
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=partner.updated&targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorId: owner.id,
        details: {
          namespace: partner.namespace,
          changed: {
            name: { from: expect.any(String), to: 'Renamed Co' },
            bio: { from: null, to: 'We build things.' },
            website: { from: 'https://old.example', to: null },
            logoUrl: { from: null, to: 'https://cdn.example/logo.png' },
          },
        },
      }),
    ]);
  });
});
