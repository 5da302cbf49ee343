import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { partnerFactories } from './partner-factory.js';

describe('staff and partners: list, suspend, reinstate', () => {
  const s = useTestApp();
  const partners = () => partnerFactories(s.ctx.app);

  it('lists partners newest first for reviewers and admins, with the owner email and whether Stripe can pay them', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const owner = await s.make.newMember('lister');
    const first = await partners().newPartner(owner, { name: 'Listed First' });
    const second = await partners().newPartner(owner, { name: 'Listed Second' });
    const page = await call(s.ctx.app, 'GET', `/v1/staff/partners?q=${encodeURIComponent(owner.email)}`, { token: reviewer.accessToken });
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      items: [
        { id: second.id, namespace: second.namespace, name: 'Listed Second', website: null, bio: null, logoUrl: null, status: 'active', createdAt: expect.any(String), ownerEmail: owner.email, suspendedReason: null, suspendedAt: null, stripe: { payable: false } },
        expect.objectContaining({ id: first.id, ownerEmail: owner.email }),
      ],
      nextCursor: null,
    });
    const firstPage = await call(s.ctx.app, 'GET', `/v1/staff/partners?q=listed&limit=1`, { token: reviewer.accessToken });
    expect(firstPage.body.items.map((p: { id: string }) => p.id)).toEqual([second.id]);
    const nextPage = await call(s.ctx.app, 'GET', `/v1/staff/partners?q=listed&limit=1&cursor=${firstPage.body.nextCursor}`, { token: reviewer.accessToken });
    expect(nextPage.body.items.map((p: { id: string }) => p.id)).toEqual([first.id]);
    expect((await call(s.ctx.app, 'GET', `/v1/staff/partners?q=${first.namespace}`, { token: reviewer.accessToken })).body.items).toHaveLength(1);

    const member = await s.make.newMember();
    expect((await call(s.ctx.app, 'GET', '/v1/staff/partners', { token: member.accessToken })).status).toBe(403);
    expect((await call(s.ctx.app, 'GET', '/v1/staff/partners?status=closed', { token: reviewer.accessToken })).status).toBe(400);
  });

  it('lets an admin suspend and reinstate a partner (reviewers may not), audited and told to the owner; suspended means hidden and no onboarding', async () => {
    const admin = await s.make.newStaff('admin');
    const reviewer = await s.make.newStaff('reviewer');
    const owner = await s.make.newMember('owner');
    const partner = await partners().newPartner(owner, { name: 'Naughty Co' });
    const suspendUrl = `/v1/staff/partners/${partner.id}/suspend`;

    const byReviewer = await call(s.ctx.app, 'POST', suspendUrl, { token: reviewer.accessToken, body: { reason: 'Selling malware' } });
    expect([byReviewer.status, byReviewer.body.error.code]).toEqual([403, 'STAFF_ROLE_REQUIRED']);
    expect((await call(s.ctx.app, 'POST', suspendUrl, { token: admin.accessToken, body: {} })).status).toBe(400);

    const suspended = await call(s.ctx.app, 'POST', suspendUrl, { token: admin.accessToken, body: { reason: 'Selling malware' } });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ id: partner.id, status: 'suspended' });
    const twice = await call(s.ctx.app, 'POST', suspendUrl, { token: admin.accessToken, body: { reason: 'Again' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'PARTNER_STATE']);

    const profile = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}`);
    expect([profile.status, profile.body.error.code]).toEqual([404, 'PARTNER_NOT_FOUND']);
    const dashboard = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: owner.accessToken });
    expect(dashboard.body.partner.status).toBe('suspended');
    const onboarding = await call(s.ctx.app, 'POST', `/v1/partners/${partner.namespace}/stripe/onboarding`, { token: owner.accessToken });
    expect([onboarding.status, onboarding.body.error.code]).toEqual([409, 'PARTNER_SUSPENDED']);
    const listed = (await call(s.ctx.app, 'GET', '/v1/staff/partners?status=suspended', { token: reviewer.accessToken })).body.items.find((p: { id: string }) => p.id === partner.id);
    expect(listed).toMatchObject({ status: 'suspended', suspendedReason: 'Selling malware', suspendedAt: expect.any(String) });

    const notifications = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: owner.accessToken });
    expect(notifications.body.items[0]).toMatchObject({ kind: 'partner.suspended', title: 'Naughty Co is suspended', body: expect.stringContaining('Selling malware'), link: `/partners/${partner.namespace}/dashboard` });
    const outbox = await call(s.ctx.app, 'GET', '/v1/staff/outbox?limit=100', { token: admin.accessToken });
    expect(outbox.body.items.find((mail: { to: string }) => mail.to === owner.email)).toMatchObject({ subject: 'Naughty Co is suspended' });

    const reinstated = await call(s.ctx.app, 'POST', `/v1/staff/partners/${partner.id}/reinstate`, { token: admin.accessToken, body: { reason: 'Appeal upheld' } });
    expect(reinstated.body).toMatchObject({ id: partner.id, status: 'active' });
    expect((await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}`)).status).toBe(200);
    expect((await call(s.ctx.app, 'POST', `/v1/partners/${partner.namespace}/stripe/onboarding`, { token: owner.accessToken })).status).toBe(200);
    const again = await call(s.ctx.app, 'POST', `/v1/staff/partners/${partner.id}/reinstate`, { token: admin.accessToken, body: {} });
    expect([again.status, again.body.error.code]).toEqual([409, 'PARTNER_STATE']);
    expect((await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: owner.accessToken })).body.items[0]).toMatchObject({ kind: 'partner.reinstated' });

    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?targetId=${partner.id}`, { token: admin.accessToken });
    const decisions = audit.body.items.filter((e: { action: string }) => ['partner.suspended', 'partner.reinstated'].includes(e.action));
    expect(decisions.map((e: { action: string; actorId: string; details: object }) => [e.action, e.actorId, e.details])).toEqual([
      ['partner.reinstated', admin.id, { namespace: partner.namespace, reason: 'Appeal upheld' }],
      ['partner.suspended', admin.id, { namespace: partner.namespace, reason: 'Selling malware' }],
    ]);
  });

  it('answers 404 PARTNER_NOT_FOUND for an unknown partner id and 400 for a malformed one', async () => {
    const admin = await s.make.newStaff('admin');
    const missing = await call(s.ctx.app, 'POST', '/v1/staff/partners/00000000-0000-4000-8000-000000000000/suspend', { token: admin.accessToken, body: { reason: 'Gone' } });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'PARTNER_NOT_FOUND']);
    expect((await call(s.ctx.app, 'POST', '/v1/staff/partners/42/suspend', { token: admin.accessToken, body: { reason: 'Gone' } })).status).toBe(400);
  });
});
