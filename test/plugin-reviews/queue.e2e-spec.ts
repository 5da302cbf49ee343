import { randomBytes, randomUUID } from 'node:crypto';
import { partnerFactories } from '../partners/partner-factory.js';
import { call } from '../support/http.js';
import { reviewDesk } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { details, reviewSeeds } from './seed.js';

type Item = { id: string; kind: string; status: string; waitingSeconds: number; claimedBy: { id: string } | null };

describe('plugin review desk: the queue', () => {
  const s = useTestApp();
  const seed = reviewSeeds(() => s.ctx.app);
  const staff = reviewDesk(() => s.ctx.app);
  const partners = () => partnerFactories(s.ctx.app);
  const ids = (body: { items: Item[] }) => body.items.map((item) => item.id);

  it('lists open items oldest first with their time in queue, and filters them by status, kind and name', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const owner = await s.make.newMember('queueowner');
    const partner = await partners().newPartner(owner, { name: 'Queue Co' });
    const token = randomBytes(4).toString('hex');

    const older = await seed.listing(partner, owner, details({ displayName: 'Older plugin' }));
    const a = await seed.version(older, owner, '1.0.0');
    await seed.setTimes(a.review.id, { submittedAgo: 3 * 3600 });
    const widget = await seed.listing(partner, owner, details({ displayName: `Invoice widget ${token}` }));
    const b = await seed.version(widget, owner, '1.0.0', { permissions: ['events:order.paid', 'storage'] });
    await seed.setTimes(b.review.id, { submittedAgo: 3600 });
    const live = await seed.listing(partner, owner);
    const first = await seed.version(live, owner, '1.0.0');
    expect((await staff.decide(reviewer, first.review.id, 'approve')).status).toBe(200);
    const change = await seed.listingChange(live, owner, details({ summary: 'A better summary.' }));

    const queue = await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${partner.namespace}`);
    expect(queue.status).toBe(200);
    expect(ids(queue.body)).toEqual([a.review.id, b.review.id, change.id]);
    const [itemA, itemB, itemC] = queue.body.items as Item[];
    expect(itemA.waitingSeconds).toBeGreaterThanOrEqual(3 * 3600);
    expect(itemA.waitingSeconds).toBeLessThan(3 * 3600 + 600);
    expect(itemB.waitingSeconds).toBeGreaterThanOrEqual(3600);
    expect(itemB.waitingSeconds).toBeLessThan(3600 + 600);
    expect(itemB).toEqual({
      id: b.review.id,
      kind: 'version',
      status: 'submitted',
      listing: { id: widget.id, name: widget.name, displayName: `Invoice widget ${token}`, status: 'draft' },
      partner: { id: partner.id, namespace: partner.namespace, name: 'Queue Co' },
      version: { id: b.version.id, version: '1.0.0', permissions: ['events:order.paid', 'storage'] },
      submittedAt: expect.any(String),
      waitingSeconds: expect.any(Number),
      submittedBy: { id: owner.id, displayName: 'queueowner' },
      claimedBy: null,
      claimedAt: null,
      ownPartner: false,
    });
    expect(itemC).toMatchObject({ kind: 'listing', version: null, listing: { name: live.name, status: 'public' } });

    // A claimed item stays in the open queue, marked with who holds it.
    expect((await staff.act(reviewer, b.review.id, 'claim')).status).toBe(200);
    const claimed = await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${partner.namespace}`);
    expect(claimed.body.items[1]).toMatchObject({ status: 'in_review', claimedBy: { id: reviewer.id, displayName: 'Staff reviewer' }, claimedAt: expect.any(String) });

    const only = async (query: string) => ids((await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${partner.namespace}&${query}`)).body);
    expect(await only('status=submitted')).toEqual([a.review.id, change.id]);
    expect(await only('status=in_review')).toEqual([b.review.id]);
    expect(await only('status=approved')).toEqual([first.review.id]);
    expect(await only('kind=listing')).toEqual([change.id]);
    expect(ids((await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${token.toUpperCase()}`)).body)).toEqual([b.review.id]);
    expect(ids((await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${encodeURIComponent(widget.name)}`)).body)).toEqual([b.review.id]);

    // Pages follow on by cursor, in the same order.
    const page1 = await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${partner.namespace}&limit=2`);
    expect(ids(page1.body)).toEqual([a.review.id, b.review.id]);
    const page2 = await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${partner.namespace}&limit=2&cursor=${page1.body.nextCursor}`);
    expect(ids(page2.body)).toEqual([change.id]);
    expect(page2.body.nextCursor).toBeNull();

    expect((await staff.get(reviewer, '/v1/staff/plugin-reviews?status=open-ish')).status).toBe(400);
    expect((await staff.get(reviewer, '/v1/staff/plugin-reviews?kind=theme')).status).toBe(400);
  });

  it('marks the items of the reviewer’s own partner', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const owner = await s.make.newMember();
    const partner = await partners().newPartner(owner);
    await partners().addMember(partner, reviewer, 'developer');
    const listing = await seed.listing(partner, owner);
    const { review } = await seed.version(listing, owner, '0.1.0');
    const queue = await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${partner.namespace}`);
    expect(queue.body.items).toEqual([expect.objectContaining({ id: review.id, ownPartner: true })]);
  });

  it('is for reviewers and admins only', async () => {
    const owner = await s.make.newMember();
    const partner = await partners().newPartner(owner);
    const { review } = await seed.version(await seed.listing(partner, owner), owner, '1.0.0');
    const member = await s.make.newMember();
    const finance = await s.make.newStaff('finance');
    const admin = await s.make.newStaff('admin');
    for (const who of [owner, member, finance]) {
      expect((await staff.get(who, '/v1/staff/plugin-reviews')).status).toBe(403);
      expect((await staff.get(who, '/v1/staff/plugin-reviews/stats')).status).toBe(403);
      expect((await staff.get(who, `/v1/staff/plugin-reviews/${review.id}`)).status).toBe(403);
      expect((await staff.act(who, review.id, 'claim')).status).toBe(403);
      expect((await staff.act(who, review.id, 'approve')).status).toBe(403);
    }
    expect((await call(s.ctx.app, 'GET', '/v1/staff/plugin-reviews')).status).toBe(401);
    expect((await staff.get(admin, `/v1/staff/plugin-reviews?q=${partner.namespace}`)).body.items).toHaveLength(1);
    expect((await staff.get(admin, `/v1/staff/plugin-reviews/${randomUUID()}`)).body.error.code).toBe('REVIEW_NOT_FOUND');
    expect((await staff.get(admin, '/v1/staff/plugin-reviews/not-an-id')).status).toBe(400);
  });
});
