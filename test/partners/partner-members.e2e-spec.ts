import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { partnerFactories } from './partner-factory.js';

describe('partner members and ownership', () => {
  const s = useTestApp();
  const partners = () => partnerFactories(s.ctx.app);

  async function team() {
    const owner = await s.make.newMember('owner');
    const developer = await s.make.newMember('developer');
    const finance = await s.make.newMember('finance');
    const partner = await partners().newPartner(owner);
    await partners().addMember(partner, developer, 'developer');
    await partners().addMember(partner, finance, 'finance');
    const url = (path: string) => `/v1/partners/${partner.namespace}${path}`;
    const roles = async () => {
      const rows = await s.ctx.app.get(DataSource).query<Array<{ user_id: string; role: string }>>(`SELECT user_id, role FROM partner_members WHERE partner_id = $1`, [partner.id]);
      return Object.fromEntries(rows.map((row) => [row.user_id, row.role]));
    };
    return { owner, developer, finance, partner, url, roles };
  }

  it('lets the owner change a member’s role (audited), and nobody else', async () => {
    const { owner, developer, finance, partner, url, roles } = await team();
    const changed = await call(s.ctx.app, 'PUT', url(`/members/${developer.id}`), { token: owner.accessToken, body: { role: 'finance' } });
    expect(changed.status).toBe(200);
    expect(changed.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.id, 'owner'],
      [developer.id, 'finance'],
      [finance.id, 'finance'],
    ]);
    const byFinance = await call(s.ctx.app, 'PUT', url(`/members/${developer.id}`), { token: finance.accessToken, body: { role: 'developer' } });
    expect([byFinance.status, byFinance.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    expect((await roles())[developer.id]).toBe('finance');

    const admin = await s.make.newStaff('admin');
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=partner.member_role_changed&targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: owner.id, details: { userId: developer.id, from: 'developer', to: 'finance' } })]);
  });

  it('never demotes or removes the owner, and gives the owner role only by transfer', async () => {
    const { owner, developer, url, roles } = await team();
    const demote = await call(s.ctx.app, 'PUT', url(`/members/${owner.id}`), { token: owner.accessToken, body: { role: 'developer' } });
    expect([demote.status, demote.body.error.code]).toEqual([409, 'OWNER_PROTECTED']);
    const promote = await call(s.ctx.app, 'PUT', url(`/members/${developer.id}`), { token: owner.accessToken, body: { role: 'owner' } });
    expect([promote.status, promote.body.error.details[0].field]).toEqual([400, 'role']);
    const removeOwner = await call(s.ctx.app, 'DELETE', url(`/members/${owner.id}`), { token: owner.accessToken });
    expect([removeOwner.status, removeOwner.body.error.code]).toEqual([409, 'OWNER_PROTECTED']);
    const byDeveloper = await call(s.ctx.app, 'DELETE', url(`/members/${owner.id}`), { token: developer.accessToken });
    expect([byDeveloper.status, byDeveloper.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    expect((await roles())[owner.id]).toBe('owner');
  });

  it('lets the owner remove members and any member leave; others cannot remove anyone', async () => {
    const { owner, developer, finance, partner, url, roles } = await team();
    const kick = await call(s.ctx.app, 'DELETE', url(`/members/${developer.id}`), { token: finance.accessToken });
    expect([kick.status, kick.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);

    expect((await call(s.ctx.app, 'DELETE', url(`/members/${developer.id}`), { token: developer.accessToken })).status).toBe(204);
    expect((await call(s.ctx.app, 'DELETE', url(`/members/${finance.id}`), { token: owner.accessToken })).status).toBe(204);
    expect(await roles()).toEqual({ [owner.id]: 'owner' });
    const gone = await call(s.ctx.app, 'GET', url('/dashboard'), { token: developer.accessToken });
    expect([gone.status, gone.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
    const again = await call(s.ctx.app, 'DELETE', url(`/members/${finance.id}`), { token: owner.accessToken });
    expect([again.status, again.body.error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);

    const admin = await s.make.newStaff('admin');
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=partner.member_removed&targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: { actorId: string; details: object }) => [e.actorId, e.details])).toEqual([
      [owner.id, { userId: finance.id, role: 'finance', left: false }],
      [developer.id, { userId: developer.id, role: 'developer', left: true }],
    ]);
  });

  it('transfers ownership to a member: exactly one owner before and after, the old owner becomes a developer', async () => {
    const { owner, developer, finance, partner, url, roles } = await team();
    const stranger = await s.make.newMember('stranger');
    const notMember = await call(s.ctx.app, 'POST', url('/transfer-ownership'), { token: owner.accessToken, body: { userId: stranger.id } });
    expect([notMember.status, notMember.body.error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    const toSelf = await call(s.ctx.app, 'POST', url('/transfer-ownership'), { token: owner.accessToken, body: { userId: owner.id } });
    expect([toSelf.status, toSelf.body.error.code]).toEqual([409, 'OWNER_PROTECTED']);
    const byFinance = await call(s.ctx.app, 'POST', url('/transfer-ownership'), { token: finance.accessToken, body: { userId: finance.id } });
    expect([byFinance.status, byFinance.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);

    const transferred = await call(s.ctx.app, 'POST', url('/transfer-ownership'), { token: owner.accessToken, body: { userId: finance.id } });
    expect(transferred.status).toBe(200);
    expect(transferred.body.members[0]).toMatchObject({ userId: finance.id, role: 'owner' });
    expect(await roles()).toEqual({ [owner.id]: 'developer', [developer.id]: 'developer', [finance.id]: 'owner' });

    // The old owner has lost the owner's powers; the new one has them.
    const oldOwner = await call(s.ctx.app, 'PATCH', url(''), { token: owner.accessToken, body: { name: 'Still mine?' } });
    expect([oldOwner.status, oldOwner.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    expect((await call(s.ctx.app, 'DELETE', url(`/members/${owner.id}`), { token: finance.accessToken })).status).toBe(204);

    const admin = await s.make.newStaff('admin');
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=partner.ownership_transferred&targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: owner.id, details: { from: owner.id, to: finance.id, previousRole: 'finance' } })]);
  });

  it('keeps one owner when two transfers race, and the database refuses a second owner outright', async () => {
    const { owner, developer, finance, partner, url, roles } = await team();
    const results = await Promise.all([
      call(s.ctx.app, 'POST', url('/transfer-ownership'), { token: owner.accessToken, body: { userId: developer.id } }),
      call(s.ctx.app, 'POST', url('/transfer-ownership'), { token: owner.accessToken, body: { userId: finance.id } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    expect(Object.values(await roles()).filter((role) => role === 'owner')).toHaveLength(1);
    await expect(s.ctx.app.get(DataSource).query(`UPDATE partner_members SET role = 'owner' WHERE partner_id = $1`, [partner.id])).rejects.toThrow(/ux_partner_members_owner|duplicate key/);
  });
});
