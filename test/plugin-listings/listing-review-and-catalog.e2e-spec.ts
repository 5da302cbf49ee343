import { DataSource } from 'typeorm';
import { partnerFactories } from '../partners/partner-factory.js';
import { call } from '../support/http.js';
import { COMPLETE_DETAILS, newPublicListing, newPublisher, publishVersion, uploadPackage, versionsUrl } from '../support/plugin-listings.js';
import { pluginTgz } from '../support/plugin-packages.js';
import { useTestApp } from '../support/suite.js';

describe('plugin listings: changes to public listings go to review; the public catalog', () => {
  const s = useTestApp();
  const partners = () => partnerFactories(s.ctx.app);

  describe('listing-change review', () => {
    it('refuses a draft listing: its details go to review with its first version', async () => {
      const { owner, url } = await newPublisher(s.ctx.app, COMPLETE_DETAILS);
      const refused = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken });
      expect([refused.status, refused.body.error.code]).toEqual([409, 'LISTING_NOT_PUBLIC']);
    });

    it('sends the changed draft of a public listing to review once, and refuses it unchanged, incomplete or twice', async () => {
      const { owner, url } = await newPublicListing(s.ctx.app);

      const unchanged = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken });
      expect([unchanged.status, unchanged.body.error.code]).toEqual([409, 'LISTING_UNCHANGED']);

      const edited = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: '', displayName: 'Slack notifier 2' } });
      expect([edited.body.hasUnpublishedChanges, edited.body.public.displayName, edited.body.draft.displayName]).toEqual([true, expect.stringMatching(/^Plugin \d+$/), 'Slack notifier 2']);
      const incomplete = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken });
      expect([incomplete.status, incomplete.body.error.code, incomplete.body.error.details]).toEqual([422, 'LISTING_INCOMPLETE', { fields: ['summary'] }]);

      await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: 'A better summary.' } });
      const submitted = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken });
      expect(submitted.status).toBe(200);
      expect(submitted.body.pendingReview).toEqual({ id: expect.any(String), status: 'submitted', submittedAt: expect.any(String) });
      // The public copy changes only when a reviewer approves.
      expect(submitted.body.public.displayName).not.toBe('Slack notifier 2');

      const db = s.ctx.app.get(DataSource);
      const [review] = await db.query<Array<{ kind: string; details: { displayName: string; summary: string }; submitted_by: string }>>(
        `SELECT kind, details, submitted_by FROM plugin_reviews WHERE id = $1`,
        [submitted.body.pendingReview.id],
      );
      expect(review).toEqual({ kind: 'listing', details: expect.objectContaining({ displayName: 'Slack notifier 2', summary: 'A better summary.' }), submitted_by: owner.id });
      const audits = await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'plugin_listing.submitted' AND target_id = $1`, [submitted.body.id]);
      expect(audits[0].n).toBe(1);

      const twice = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'LISTING_REVIEW_PENDING']);
      // The open review is the partner's business: the public sees neither it nor the draft.
      const anonymous = await call(s.ctx.app, 'GET', url);
      expect([anonymous.body.pendingReview, anonymous.body.draft, anonymous.body.hasUnpublishedChanges]).toEqual([null, null, false]);
    });

    it('publishes the submitted copy when a reviewer approves it on the review desk, not later edits', async () => {
      const { owner, url } = await newPublicListing(s.ctx.app);
      await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: 'The reviewed summary.' } });
      const submitted = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken });
      await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: 'Written after submitting.' } });

      const reviewer = await s.make.newStaff('reviewer');
      const reviewId = submitted.body.pendingReview.id as string;
      expect((await call(s.ctx.app, 'POST', `/v1/staff/plugin-reviews/${reviewId}/claim`, { token: reviewer.accessToken })).status).toBe(200);
      expect((await call(s.ctx.app, 'POST', `/v1/staff/plugin-reviews/${reviewId}/approve`, { token: reviewer.accessToken, body: {} })).status).toBe(200);

      const after = await call(s.ctx.app, 'GET', url, { token: owner.accessToken });
      expect([after.body.public.summary, after.body.draft.summary, after.body.hasUnpublishedChanges, after.body.pendingReview]).toEqual([
        'The reviewed summary.',
        'Written after submitting.',
        true,
        null,
      ]);
      expect((await call(s.ctx.app, 'GET', url)).body.public.summary).toBe('The reviewed summary.');
    });

    it('lets only one of several simultaneous submissions through', async () => {
      const { owner, name, url } = await newPublicListing(s.ctx.app);
      await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: 'Changed at once.' } });
      const results = await Promise.all([1, 2, 3].map(() => call(s.ctx.app, 'POST', `${url}/listing-review`, { token: owner.accessToken })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const open = await s.ctx.app.get(DataSource).query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM plugin_reviews r JOIN plugin_listings l ON l.id = r.listing_id WHERE l.name = $1 AND r.kind = 'listing'`,
        [name],
      );
      expect(open[0].n).toBe(1);
    });

    it('refuses the finance role and outsiders', async () => {
      const { owner, partner, url } = await newPublicListing(s.ctx.app);
      await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: 'Changed.' } });
      const finance = await s.make.newMember('finance');
      await partners().addMember(partner, finance, 'finance');
      const asFinance = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: finance.accessToken });
      expect([asFinance.status, asFinance.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
      const outsider = await s.make.newMember('outsider');
      const asOutsider = await call(s.ctx.app, 'POST', `${url}/listing-review`, { token: outsider.accessToken });
      expect([asOutsider.status, asOutsider.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
    });
  });

  describe('catalog', () => {
    it('lists only public listings of active partners, newest first, with their latest installable version', async () => {
      const unique = `zq${Date.now().toString(36)}`;
      const older = await newPublisher(s.ctx.app, { ...COMPLETE_DETAILS, summary: `Older ${unique}`, categories: ['finance'] });
      const newer = await newPublisher(s.ctx.app, { ...COMPLETE_DETAILS, summary: `Newer ${unique}`, categories: ['finance', 'analytics'] });
      const draft = await newPublisher(s.ctx.app, { ...COMPLETE_DETAILS, summary: `Draft ${unique}` });
      const suspended = await newPublisher(s.ctx.app, { ...COMPLETE_DETAILS, summary: `Suspended ${unique}` });
      await publishVersion(s.ctx.app, older, '1.0.0');
      await publishVersion(s.ctx.app, suspended);
      // Newer's latest installable version is 1.9.0: 1.10.0 is yanked and 2.0.0 waits for review.
      for (const version of ['1.2.0', '1.9.0', '1.10.0']) await publishVersion(s.ctx.app, newer, version);
      const act = (version: string, action: string, body: object) => call(s.ctx.app, 'POST', `${versionsUrl(newer)}/${version}/${action}`, { token: newer.owner.accessToken, body });
      expect((await act('1.9.0', 'deprecate', { message: 'Use 2.0.0.' })).status).toBe(200);
      expect((await act('1.10.0', 'yank', { reason: 'Wrong totals.' })).status).toBe(200);
      expect((await uploadPackage(s.ctx.app, newer, pluginTgz({ name: newer.name, version: '2.0.0' }), newer.owner.accessToken)).status).toBe(201);
      // Published a minute apart, so "newest first" does not hang on the clock's resolution.
      await s.ctx.app.get(DataSource).query(`UPDATE plugin_listings SET published_at = published_at - interval '1 minute' WHERE name = $1`, [older.name]);
      const admin = await s.make.newStaff('admin');
      await call(s.ctx.app, 'POST', `/v1/staff/partners/${suspended.partner.id}/suspend`, { token: admin.accessToken, body: { reason: 'Fraud review' } });

      const page = await call(s.ctx.app, 'GET', `/v1/plugins?q=${unique}`);
      expect(page.status).toBe(200);
      expect(page.body.items.map((l: { name: string }) => l.name)).toEqual([newer.name, older.name]);
      const [first] = page.body.items;
      expect(first).toEqual(
        expect.objectContaining({ status: 'public', draft: null, pendingReview: null, latestVersion: { version: '1.9.0', publishedAt: expect.any(String), deprecated: true } }),
      );
      expect(first.public).toEqual(expect.objectContaining({ summary: `Newer ${unique}`, descriptionHtml: expect.stringContaining('<strong>paid order</strong>') }));
      expect(page.body.items[1].latestVersion).toEqual(expect.objectContaining({ version: '1.0.0', deprecated: false }));

      const paged = await call(s.ctx.app, 'GET', `/v1/plugins?q=${unique}&limit=1`);
      const rest = await call(s.ctx.app, 'GET', `/v1/plugins?q=${unique}&limit=1&cursor=${paged.body.nextCursor}`);
      expect([paged.body.items[0].name, rest.body.items.map((l: { name: string }) => l.name), rest.body.nextCursor]).toEqual([newer.name, [older.name], null]);

      const analytics = await call(s.ctx.app, 'GET', `/v1/plugins?q=${unique}&category=analytics`);
      expect(analytics.body.items.map((l: { name: string }) => l.name)).toEqual([newer.name]);
      const byName = await call(s.ctx.app, 'GET', `/v1/plugins?q=${encodeURIComponent(older.name.toUpperCase())}`);
      expect(byName.body.items.map((l: { name: string }) => l.name)).toEqual([older.name]);
      const wildcard = await call(s.ctx.app, 'GET', `/v1/plugins?q=${encodeURIComponent(`${unique}%`)}`);
      expect(wildcard.body.items).toEqual([]);
      const badCategory = await call(s.ctx.app, 'GET', '/v1/plugins?category=gambling');
      expect([badCategory.status, badCategory.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

      // A suspended partner's public listing is hidden from the public, as its profile is.
      const hidden = await call(s.ctx.app, 'GET', suspended.url);
      expect([hidden.status, hidden.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
      expect((await call(s.ctx.app, 'GET', suspended.url, { token: suspended.owner.accessToken })).status).toBe(200);
      expect((await call(s.ctx.app, 'GET', draft.url)).status).toBe(404);
    });
  });
});
