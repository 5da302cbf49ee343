import { DataSource } from 'typeorm';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { approveVersion, createListing, newTeam, uploadPackage, versionsUrl, type TestListing } from '../support/plugin-listings.js';
import { pluginTgz } from '../support/plugin-packages.js';
import { useTestApp } from '../support/suite.js';

const SLOW = 60_000;

describe('a version after upload: withdraw, deprecate, yank', () => {
  const s = useTestApp();
  let owner: SignedIn;
  let developer: SignedIn;
  let finance: SignedIn;
  let reviewer: SignedIn;
  let listing: TestListing;

  beforeAll(async () => {
    const team = await newTeam(s.ctx.app);
    ({ owner, developer, finance } = team);
    reviewer = await s.make.newStaff('reviewer');
    listing = await createListing(s.ctx.app, team.partner.namespace, owner.accessToken);
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) expect((await uploadPackage(s.ctx.app, listing, pluginTgz({ name: listing.name, version }), developer.accessToken)).status).toBe(201);
    await approveVersion(s.ctx.app, listing, '1.0.0', reviewer);
    await approveVersion(s.ctx.app, listing, '1.1.0', reviewer);
  }, SLOW);

  const act = (version: string, action: string, token: string, body?: object) => call(s.ctx.app, 'POST', `${versionsUrl(listing)}/${version}/${action}`, { token, body: body ?? {} });
  const staffAct = (version: string, action: string, token: string, body?: object) =>
    call(s.ctx.app, 'POST', `/v1/staff/plugins/${listing.name}/versions/${version}/${action}`, { token, body: body ?? {} });
  const auditActions = async (version: string) => {
    const rows = await s.ctx.app
      .get(DataSource)
      .query<Array<{ action: string }>>(
        `SELECT a.action FROM audit_events a JOIN plugin_versions v ON v.id::text = a.target_id WHERE v.listing_id = $1 AND v.version = $2 ORDER BY a.occurred_at, a.id`,
        [listing.id, version],
      );
    return rows.map((row) => row.action);
  };

  it('withdraws a version waiting for review, once', async () => {
    const res = await act('1.2.0', 'withdraw', developer.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: '1.2.0', status: 'withdrawn', review: { status: 'withdrawn', history: [{ action: 'submitted' }, { action: 'withdrawn', actor: { id: developer.id } }] } });
    const again = await act('1.2.0', 'withdraw', developer.accessToken);
    expect([again.status, again.body.error.code, again.body.error.details.status]).toEqual([409, 'VERSION_STATE', 'withdrawn']);
    expect(await auditActions('1.2.0')).toEqual(['plugin_version.submitted', 'plugin_version.withdrawn']);
  });

  it('keeps a withdrawn version number used', async () => {
    const res = await uploadPackage(s.ctx.app, listing, pluginTgz({ name: listing.name, version: '1.2.0', readme: '# Other content\n' }), developer.accessToken);
    expect([res.status, res.body.error.code]).toEqual([409, 'VERSION_EXISTS']);
  });

  it('cannot withdraw a published version', async () => {
    const res = await act('1.0.0', 'withdraw', owner.accessToken);
    expect([res.status, res.body.error.code]).toEqual([409, 'VERSION_STATE']);
  });

  it('deprecates a published version with a message, and undoes it', async () => {
    const res = await act('1.0.0', 'deprecate', developer.accessToken, { message: 'Use 1.1.0.' });
    expect(res.body).toMatchObject({ status: 'published', deprecated: true, deprecationMessage: 'Use 1.1.0.', deprecatedAt: expect.any(String) });
    const again = await act('1.0.0', 'deprecate', developer.accessToken, { message: 'Use 1.1.0.' });
    expect([again.status, again.body.error.code]).toEqual([409, 'VERSION_STATE']);
    const publicView = await call(s.ctx.app, 'GET', `${versionsUrl(listing)}/1.0.0`);
    expect(publicView.body).toMatchObject({ deprecated: true, deprecationMessage: 'Use 1.1.0.' });
    const undone = await act('1.0.0', 'undeprecate', owner.accessToken);
    expect(undone.body).toMatchObject({ deprecated: false, deprecationMessage: null });
    expect((await act('1.0.0', 'undeprecate', owner.accessToken)).status).toBe(409);
    expect(await auditActions('1.0.0')).toEqual(['plugin_version.submitted', 'plugin_version.deprecated', 'plugin_version.undeprecated']);
  });

  it('asks for a message to deprecate and a reason to yank', async () => {
    const res = await act('1.0.0', 'deprecate', developer.accessToken, { message: '  ' });
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await act('1.0.0', 'yank', developer.accessToken, {})).status).toBe(400);
  });

  it('deprecates and yanks only published versions', async () => {
    expect((await act('1.2.0', 'deprecate', developer.accessToken, { message: 'Old.' })).body.error.code).toBe('VERSION_STATE');
    expect((await act('1.2.0', 'yank', developer.accessToken, { reason: 'Old.' })).body.error.code).toBe('VERSION_STATE');
  });

  it('leaves state changes to the owner and developers', async () => {
    const res = await act('1.0.0', 'yank', finance.accessToken, { reason: 'Mine.' });
    expect([res.status, res.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
    const missing = await act('9.9.9', 'yank', owner.accessToken, { reason: 'No such version.' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
  });

  it('yanks a published version and undoes it, once each', async () => {
    const res = await act('1.1.0', 'yank', developer.accessToken, { reason: 'Wrong totals.' });
    expect(res.body).toMatchObject({ status: 'published', yanked: true, yankReason: 'Wrong totals.', yankedByStaff: false });
    expect((await act('1.1.0', 'yank', developer.accessToken, { reason: 'Wrong totals.' })).body.error.code).toBe('VERSION_STATE');
    const list = await call(s.ctx.app, 'GET', versionsUrl(listing));
    expect(list.body.items.find((v: { version: string }) => v.version === '1.1.0')).toMatchObject({ yanked: true, yankReason: 'Wrong totals.' });
    expect((await act('1.1.0', 'unyank', owner.accessToken)).body).toMatchObject({ yanked: false, yankReason: null });
    expect((await act('1.1.0', 'unyank', owner.accessToken)).body.error.code).toBe('VERSION_STATE');
    expect(await auditActions('1.1.0')).toEqual(['plugin_version.submitted', 'plugin_version.yanked', 'plugin_version.unyanked']);
  });

  it('lets staff yank for security, tells the partner why, and keeps the partner from undoing it', async () => {
    const res = await staffAct('1.1.0', 'yank', reviewer.accessToken, { reason: 'Leaks customer emails.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ yanked: true, yankedByStaff: true, yankReason: 'Leaks customer emails.' });
    expect((await staffAct('1.1.0', 'yank', reviewer.accessToken, { reason: 'Again.' })).body.error.code).toBe('VERSION_STATE');

    const unyank = await act('1.1.0', 'unyank', owner.accessToken);
    expect([unyank.status, unyank.body.error.code, unyank.body.error.details.yankedByStaff]).toEqual([409, 'VERSION_STATE', true]);

    for (const member of [owner, developer]) {
      const inbox = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: member.accessToken });
      expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'plugin_version.yanked_by_staff', body: expect.stringContaining('Leaks customer emails.') })]));
    }
    const financeInbox = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: finance.accessToken });
    expect(financeInbox.body.items.filter((n: { kind: string }) => n.kind.startsWith('plugin_version'))).toEqual([]);

    expect((await staffAct('1.1.0', 'unyank', reviewer.accessToken)).body).toMatchObject({ yanked: false, yankedByStaff: false });
    expect(await auditActions('1.1.0')).toEqual([
      'plugin_version.submitted',
      'plugin_version.yanked',
      'plugin_version.unyanked',
      'plugin_version.staff_yanked',
      'plugin_version.staff_unyanked',
    ]);
  });

  it('turns a partner yank into a staff yank', async () => {
    expect((await act('1.0.0', 'yank', owner.accessToken, { reason: 'Superseded.' })).status).toBe(200);
    const res = await staffAct('1.0.0', 'yank', reviewer.accessToken, { reason: 'Security: token in logs.' });
    expect(res.body).toMatchObject({ yanked: true, yankedByStaff: true, yankReason: 'Security: token in logs.' });
    expect((await act('1.0.0', 'unyank', owner.accessToken)).status).toBe(409);
  });

  it('keeps staff yanks for reviewers and admins in a session', async () => {
    const financeStaff = await s.make.newStaff('finance');
    const res = await staffAct('1.1.0', 'yank', financeStaff.accessToken, { reason: 'Nope.' });
    expect([res.status, res.body.error.code]).toEqual([403, 'STAFF_ROLE_REQUIRED']);
    const partnerOwner = await staffAct('1.1.0', 'yank', owner.accessToken, { reason: 'Nope.' });
    expect(partnerOwner.status).toBe(403);
  });
});
