import { partnerFactories } from '../partners/partner-factory.js';
import { call } from '../support/http.js';
import { reviewDesk } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { reviewSeeds } from './seed.js';

describe('plugin review desk: claims, races and conflicts of interest', () => {
  const s = useTestApp();
  const seed = reviewSeeds(() => s.ctx.app);
  const staff = reviewDesk(() => s.ctx.app);
  const partners = () => partnerFactories(s.ctx.app);

  async function queued(version = '1.0.0') {
    const owner = await s.make.newMember('owner');
    const partner = await partners().newPartner(owner);
    const listing = await seed.listing(partner, owner);
    const { review, version: row } = await seed.version(listing, owner, version);
    return { owner, partner, listing, review, version: row };
  }
  const history = async (who: Parameters<typeof staff.get>[0], id: string) =>
    ((await staff.get(who, `/v1/staff/plugin-reviews/${id}`)).body.history as Array<{ action: string; actor: { id: string } }>).map((h) => [h.action, h.actor.id]);

  it('lets one reviewer hold an item; others are told who holds it; the claimant or an admin releases it', async () => {
    const ada = await s.make.newStaff('reviewer');
    const bob = await s.make.newStaff('reviewer');
    const admin = await s.make.newStaff('admin');
    const { owner, review } = await queued();

    const claimed = await staff.act(ada, review.id, 'claim');
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'in_review', claimedBy: { id: ada.id }, claimedAt: expect.any(String) });
    expect((await staff.act(ada, review.id, 'claim')).status).toBe(200);
    expect(await history(ada, review.id)).toEqual([
      ['submitted', owner.id],
      ['claimed', ada.id],
    ]);

    const taken = await staff.act(bob, review.id, 'claim');
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'REVIEW_CLAIMED', details: { claimedBy: { id: ada.id, displayName: 'Staff reviewer' }, claimedAt: claimed.body.claimedAt } });
    expect((await staff.act(bob, review.id, 'release')).body.error.code).toBe('REVIEW_CLAIMED');
    expect((await staff.act(bob, review.id, 'approve')).body.error.code).toBe('REVIEW_CLAIMED');
    expect((await staff.act(admin, review.id, 'approve')).body.error.code).toBe('REVIEW_CLAIMED');

    // An admin frees it (say its reviewer is away); it keeps its place in the queue.
    const released = await staff.act(admin, review.id, 'release');
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'submitted', claimedBy: null, claimedAt: null, submittedAt: claimed.body.submittedAt });
    expect((await staff.act(admin, review.id, 'release')).status).toBe(200);
    expect(await history(ada, review.id)).toEqual([
      ['submitted', owner.id],
      ['claimed', ada.id],
      ['released', admin.id],
    ]);

    // Decisions need the caller's claim; a reviewer who releases their own claim is back to nothing.
    expect((await staff.act(bob, review.id, 'approve')).body.error.code).toBe('REVIEW_NOT_CLAIMED');
    expect((await staff.act(bob, review.id, 'claim')).status).toBe(200);
    expect((await staff.act(bob, review.id, 'release')).body.status).toBe('submitted');
    expect((await staff.act(bob, review.id, 'reject', 'Nope.')).body.error.code).toBe('REVIEW_NOT_CLAIMED');

    const audit = await staff.get(admin, `/v1/staff/audit?targetId=${review.id}`);
    expect(audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['plugin_review.released', bob.id],
      ['plugin_review.claimed', bob.id],
      ['plugin_review.released', admin.id],
      ['plugin_review.claimed', ada.id],
    ]);
    expect(audit.body.items[2].details).toMatchObject({ heldBy: ada.id, kind: 'version' });
  });

  it('lets an admin decide an item nobody holds; a decided item cannot be claimed, released or decided again', async () => {
    const admin = await s.make.newStaff('admin');
    const reviewer = await s.make.newStaff('reviewer');
    const { review } = await queued();

    const approved = await staff.act(admin, review.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { id: admin.id }, claimedBy: null });
    for (const action of ['claim', 'release', 'approve'] as const) {
      const again = await staff.act(reviewer, review.id, action);
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'REVIEW_STATE', details: { status: 'approved' } });
    }
    expect((await staff.act(admin, review.id, 'reject', 'Changed my mind.')).body.error.code).toBe('REVIEW_STATE');
  });

  it('refuses a withdrawn item', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const { owner, listing, review } = await queued();
    expect((await call(s.ctx.app, 'POST', `/v1/plugins/${listing.name}/versions/1.0.0/withdraw`, { token: owner.accessToken })).status).toBe(200);
    expect((await staff.act(reviewer, review.id, 'claim')).body.error).toMatchObject({ code: 'REVIEW_STATE', details: { status: 'withdrawn' } });
  });

  it('gives an item to exactly one of two reviewers claiming it at once', async () => {
    const ada = await s.make.newStaff('reviewer');
    const bob = await s.make.newStaff('reviewer');
    const { review } = await queued();
    const results = await Promise.all([staff.act(ada, review.id, 'claim'), staff.act(bob, review.id, 'claim')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error).toMatchObject({ code: 'REVIEW_CLAIMED', details: { claimedBy: { id: winner.body.claimedBy.id } } });
    const claims = (await history(ada, review.id)).filter(([action]) => action === 'claimed');
    expect(claims).toHaveLength(1);
  });

  it('records exactly one decision when two admins decide the same item at once', async () => {
    const first = await s.make.newStaff('admin');
    const second = await s.make.newStaff('admin');
    const { owner, review, version } = await queued();
    const results = await Promise.all([staff.act(first, review.id, 'approve'), staff.act(second, review.id, 'reject', 'Not this one.')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error).toMatchObject({ code: 'REVIEW_STATE' });
    const winner = results.find((r) => r.status === 200)!.body as { status: string };

    const decisions = (await history(first, review.id)).filter(([action]) => action !== 'submitted');
    expect(decisions).toHaveLength(1);
    const audit = await staff.get(first, `/v1/staff/audit?targetId=${review.id}`);
    expect(audit.body.items).toHaveLength(1);
    const notes = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: owner.accessToken });
    expect(notes.body.items.map((n: { kind: string }) => n.kind)).toEqual([`plugin_review.${winner.status}`]);
    const row = await seed.versionRow(version.id);
    expect(row.publishedAt !== null).toBe(winner.status === 'approved');
  });

  it('keeps reviewers away from their own partner’s listings', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const admin = await s.make.newStaff('admin');
    const { partner, review } = await queued();
    await partners().addMember(partner, reviewer, 'finance');
    await partners().addMember(partner, admin, 'developer');

    const detail = await staff.get(reviewer, `/v1/staff/plugin-reviews/${review.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.ownPartner).toBe(true);
    for (const who of [reviewer, admin]) {
      const claim = await staff.act(who, review.id, 'claim');
      expect(claim.status).toBe(403);
      expect(claim.body.error.code).toBe('REVIEW_OWN_PARTNER');
    }
    expect((await staff.act(admin, review.id, 'approve')).body.error.code).toBe('REVIEW_OWN_PARTNER');

    // Someone who holds it and then joins the partner can no longer decide it.
    const other = await s.make.newStaff('reviewer');
    expect((await staff.act(other, review.id, 'claim')).status).toBe(200);
    await partners().addMember(partner, other, 'developer');
    expect((await staff.act(other, review.id, 'request-changes', 'Please fix.')).body.error.code).toBe('REVIEW_OWN_PARTNER');
    expect((await staff.act(other, review.id, 'release')).status).toBe(200);
  });
});
