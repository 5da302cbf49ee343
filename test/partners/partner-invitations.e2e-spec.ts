import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { partnerFactories } from './partner-factory.js';

describe('partner invitations', () => {
  const s = useTestApp({ GUILD_PUBLIC_URL: 'https://guild.example' });
  const partners = () => partnerFactories(s.ctx.app);
  const db = () => s.ctx.app.get(DataSource);

  async function setUp() {
    const owner = await s.make.newMember('owner');
    const admin = await s.make.newStaff('admin');
    const partner = await partners().newPartner(owner, { name: 'Invite Co' });
    const invite = (email: string, role = 'developer') => call(s.ctx.app, 'POST', `/v1/partners/${partner.namespace}/invitations`, { token: owner.accessToken, body: { email, role } });
    return { owner, admin, partner, invite };
  }

  it('emails a single-use link that the invited member accepts, joining with the offered role (audited)', async () => {
    const { owner, admin, partner, invite } = await setUp();
    const invitee = await s.make.newMember('invitee');
    const created = await invite(invitee.email.toUpperCase(), 'finance');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), email: invitee.email, role: 'finance', expiresAt: expect.any(String) });
    const days = (new Date(created.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(JSON.stringify(created.body)).not.toContain('gpi_');

    const outbox = await call(s.ctx.app, 'GET', '/v1/staff/outbox?limit=100', { token: admin.accessToken });
    const mail = outbox.body.items.find((item: { to: string }) => item.to === invitee.email);
    expect(mail.subject).toBe('owner invited you to Invite Co on Guild');
    expect(mail.text).toMatch(/https:\/\/guild\.example\/invitations\/gpi_[A-Za-z0-9_-]{43}\b/);
    const token = await partners().invitationToken(admin, invitee.email);
    // Only the hash is stored.
    expect(await db().query(`SELECT 1 FROM partner_invitations WHERE token_hash = $1`, [token])).toHaveLength(0);

    const dashboard = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: owner.accessToken });
    expect(dashboard.body.invitations).toEqual([{ id: created.body.id, email: invitee.email, role: 'finance', expiresAt: created.body.expiresAt, invitedBy: owner.id, createdAt: expect.any(String) }]);

    const details = await call(s.ctx.app, 'GET', `/v1/partner-invitations/${token}`, { token: invitee.accessToken });
    expect(details.status).toBe(200);
    expect(details.body).toEqual({ partner: { namespace: partner.namespace, name: 'Invite Co' }, role: 'finance', email: invitee.email, expiresAt: created.body.expiresAt });

    const accepted = await call(s.ctx.app, 'POST', `/v1/partner-invitations/${token}/accept`, { token: invitee.accessToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ partner: expect.objectContaining({ id: partner.id, namespace: partner.namespace }), role: 'finance' });
    expect((await call(s.ctx.app, 'GET', '/v1/me/partners', { token: invitee.accessToken })).body.items).toEqual([{ partner: expect.objectContaining({ id: partner.id }), role: 'finance' }]);
    const after = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: owner.accessToken });
    expect(after.body.invitations).toEqual([]);
    expect(after.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([[owner.id, 'owner'], [invitee.id, 'finance']]);

    // Reused: 409, on both the details and the accept route.
    const reused = await call(s.ctx.app, 'POST', `/v1/partner-invitations/${token}/accept`, { token: invitee.accessToken });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'INVITATION_USED']);
    expect((await call(s.ctx.app, 'GET', `/v1/partner-invitations/${token}`, { token: invitee.accessToken })).status).toBe(409);

    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['partner.member_joined', invitee.id],
      ['partner.invitation_created', owner.id],
    ]);
  });

  it('refuses an expired invitation with 410 INVITATION_EXPIRED', async () => {
    const { admin, invite } = await setUp();
    const invitee = await s.make.newMember('late');
    const created = await invite(invitee.email);
    const token = await partners().invitationToken(admin, invitee.email);
    await db().query(`UPDATE partner_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [created.body.id]);
    for (const [method, path] of [['GET', ''], ['POST', '/accept']]) {
      const response = await call(s.ctx.app, method, `/v1/partner-invitations/${token}${path}`, { token: invitee.accessToken });
      expect([response.status, response.body.error.code]).toEqual([410, 'INVITATION_EXPIRED']);
    }
    // An expired invitation is no longer open: a new one may be sent.
    expect((await invite(invitee.email)).status).toBe(201);
  });

  it('refuses a member signed in with another email (403 INVITATION_EMAIL_MISMATCH), and lets the invited one accept after', async () => {
    const { admin, partner, invite } = await setUp();
    const invitee = await s.make.newMember('invitee');
    const someoneElse = await s.make.newMember('else');
    await invite(invitee.email);
    const token = await partners().invitationToken(admin, invitee.email);
    const wrong = await call(s.ctx.app, 'POST', `/v1/partner-invitations/${token}/accept`, { token: someoneElse.accessToken });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'INVITATION_EMAIL_MISMATCH']);
    expect(wrong.body.error.message).toContain(invitee.email);
    const denied = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: someoneElse.accessToken });
    expect(denied.status).toBe(403);
    expect((await call(s.ctx.app, 'POST', `/v1/partner-invitations/${token}/accept`, { token: invitee.accessToken })).status).toBe(200);
  });

  it('answers 404 INVITATION_NOT_FOUND for unknown and revoked tokens; only the owner revokes', async () => {
    const { owner, admin, partner, invite } = await setUp();
    const developer = await s.make.newMember('developer');
    await partners().addMember(partner, developer, 'developer');
    const invitee = await s.make.newMember('invitee');
    const created = await invite(invitee.email);
    const token = await partners().invitationToken(admin, invitee.email);
    const revokeUrl = `/v1/partners/${partner.namespace}/invitations/${created.body.id}`;

    const byDeveloper = await call(s.ctx.app, 'DELETE', revokeUrl, { token: developer.accessToken });
    expect([byDeveloper.status, byDeveloper.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    expect((await call(s.ctx.app, 'DELETE', revokeUrl, { token: owner.accessToken })).status).toBe(204);
    expect((await call(s.ctx.app, 'DELETE', revokeUrl, { token: owner.accessToken })).body.error.code).toBe('INVITATION_NOT_FOUND');

    for (const unknown of [token, 'gpi_doesnotexist', 'not-even-a-token']) {
      const response = await call(s.ctx.app, 'POST', `/v1/partner-invitations/${unknown}/accept`, { token: invitee.accessToken });
      expect([response.status, response.body.error.code]).toEqual([404, 'INVITATION_NOT_FOUND']);
    }
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=partner.invitation_revoked&targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: owner.id, details: { invitationId: created.body.id, email: invitee.email } })]);
  });

  it('refuses inviting a member (409 ALREADY_MEMBER), a second open invitation (409 INVITATION_PENDING), the owner role, and non-owners', async () => {
    const { owner, partner, invite } = await setUp();
    const developer = await s.make.newMember('developer');
    await partners().addMember(partner, developer, 'developer');
    const member = await invite(developer.email);
    expect([member.status, member.body.error.code]).toEqual([409, 'ALREADY_MEMBER']);
    expect((await invite(owner.email)).body.error.code).toBe('ALREADY_MEMBER');

    expect((await invite('new.person@example.com')).status).toBe(201);
    const pending = await invite('New.Person@example.com', 'finance');
    expect([pending.status, pending.body.error.code]).toEqual([409, 'INVITATION_PENDING']);

    const asOwnerRole = await invite('someone@example.com', 'owner');
    expect([asOwnerRole.status, asOwnerRole.body.error.details[0].field]).toEqual([400, 'role']);
    const byDeveloper = await call(s.ctx.app, 'POST', `/v1/partners/${partner.namespace}/invitations`, { token: developer.accessToken, body: { email: 'x@example.com', role: 'developer' } });
    expect([byDeveloper.status, byDeveloper.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    // The owner sees open invitations; others see none.
    expect((await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: owner.accessToken })).body.invitations).toHaveLength(1);
    expect((await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: developer.accessToken })).body.invitations).toEqual([]);
  });

  it('sends an invitation to an address with no account yet; it is accepted after signing up with it', async () => {
    const { admin, partner, invite } = await setUp();
    const email = `future-${Date.now()}@example.com`;
    expect((await invite(email)).status).toBe(201);
    const token = await partners().invitationToken(admin, email);
    const signUp = await call(s.ctx.app, 'POST', '/v1/auth/sign-up', { body: { email, password: 'correct horse battery', displayName: 'Future' } });
    const accepted = await call(s.ctx.app, 'POST', `/v1/partner-invitations/${token}/accept`, { token: signUp.body.accessToken });
    expect(accepted.body).toMatchObject({ partner: { namespace: partner.namespace }, role: 'developer' });
  });
});
