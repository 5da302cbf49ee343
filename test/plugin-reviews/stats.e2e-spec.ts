import { partnerFactories } from '../partners/partner-factory.js';
import { reviewDesk } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { reviewSeeds } from './seed.js';

const DAY = 86_400;

// Its own file (and so its own database): the figures cover every review there is.
describe('plugin review desk: time to decision', () => {
  const s = useTestApp();
  const seed = reviewSeeds(() => s.ctx.app);
  const staff = reviewDesk(() => s.ctx.app);

  it('gives the median and 90th percentile of the reviews decided in the window, and the open queue now', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const owner = await s.make.newMember();
    const partner = await partnerFactories(s.ctx.app).newPartner(owner);
    const listing = await seed.listing(partner, owner);

    const empty = await staff.get(reviewer, '/v1/staff/plugin-reviews/stats');
    expect(empty.body).toEqual({ days: 30, decided: 0, medianSeconds: null, p90Seconds: null, open: 0, oldestOpenSeconds: null });

    // Decided a day ago, after 10 min, 20 min, 30 min, 1 h and 10 h in the queue; each decision kind counts.
    const durations = [600, 1200, 1800, 3600, 36_000];
    const actions = ['approve', 'reject', 'request-changes', 'approve', 'reject'] as const;
    for (const [i, seconds] of durations.entries()) {
      const { review } = await seed.version(listing, owner, `1.0.${i}`);
      expect((await staff.decide(reviewer, review.id, actions[i], 'A reason.')).status).toBe(200);
      await seed.setTimes(review.id, { submittedAgo: DAY + seconds, decidedAgo: DAY });
    }
    // Decided 40 days ago, after 100 hours: outside the default window.
    const old = await seed.version(listing, owner, '0.9.0');
    expect((await staff.decide(reviewer, old.review.id, 'approve')).status).toBe(200);
    await seed.setTimes(old.review.id, { submittedAgo: 40 * DAY + 360_000, decidedAgo: 40 * DAY });
    // Open: one waiting 5 hours, one claimed; a released claim keeps its original place.
    const waiting = await seed.version(listing, owner, '2.0.0');
    await seed.setTimes(waiting.review.id, { submittedAgo: 5 * 3600 });
    const held = await seed.version(listing, owner, '2.0.1');
    expect((await staff.act(reviewer, held.review.id, 'claim')).status).toBe(200);

    const stats = await staff.get(reviewer, '/v1/staff/plugin-reviews/stats');
    expect(stats.status).toBe(200);
    // percentile_cont interpolates: the 90th percentile of five values lies 60% of the way from the 4th to the 5th.
    expect(stats.body).toMatchObject({ days: 30, decided: 5, medianSeconds: 1800, p90Seconds: 3600 + 0.6 * (36_000 - 3600), open: 2 });
    expect(stats.body.oldestOpenSeconds).toBeGreaterThanOrEqual(5 * 3600);
    expect(stats.body.oldestOpenSeconds).toBeLessThan(5 * 3600 + 600);

    const wider = await staff.get(reviewer, '/v1/staff/plugin-reviews/stats?days=60');
    // Six values: 600, 1200, 1800, 3600, 36000, 360000.
    expect(wider.body).toMatchObject({ days: 60, decided: 6, medianSeconds: (1800 + 3600) / 2, p90Seconds: 36_000 + 0.5 * (360_000 - 36_000) });

    expect((await staff.get(reviewer, '/v1/staff/plugin-reviews/stats?days=0')).status).toBe(400);
    expect((await staff.get(reviewer, '/v1/staff/plugin-reviews/stats?days=366')).status).toBe(400);
  });
});
