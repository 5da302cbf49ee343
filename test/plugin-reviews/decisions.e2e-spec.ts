import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { newTeam, reviewDesk } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { details, reviewSeeds } from './seed.js';

type Note = { kind: string; title: string; body: string; link: string };

describe('plugin review desk: decisions and what they change', () => {
  const s = useTestApp();
  const seed = reviewSeeds(() => s.ctx.app);
  const staff = reviewDesk(() => s.ctx.app);
  const notes = async (who: SignedIn) => (await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: who.accessToken })).body.items as Note[];
  const partnerView = (who: SignedIn, name: string) => call(s.ctx.app, 'GET', `/v1/plugins/${name}/reviews`, { token: who.accessToken });

  const team = () => newTeam(s.ctx.app);

  it('publishes an approved version and makes a draft listing public with the copy it carried; the team is told', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const admin = await s.make.newStaff('admin');
    const { owner, developer, finance, partner } = await team();
    const submitted = details({ displayName: 'Chat notifier', summary: 'The summary sent to review.' });
    const listing = await seed.listing(partner, owner, submitted, 'chat-notifier');
    const { review, version } = await seed.version(listing, developer, '1.0.0');
    // The partner keeps editing the draft after submitting: approval publishes what was reviewed.
    expect((await call(s.ctx.app, 'PATCH', `/v1/plugins/${listing.name}`, { token: owner.accessToken, body: { summary: 'Edited later.' } })).status).toBe(200);

    const detail = await staff.get(reviewer, `/v1/staff/plugin-reviews/${review.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      kind: 'version',
      listing: { name: listing.name, status: 'draft', published: null, draft: { summary: 'Edited later.' } },
      proposed: { summary: 'The summary sent to review.', descriptionHtml: expect.stringContaining('<strong>paid orders</strong>') },
      version: {
        version: '1.0.0',
        manifest: expect.objectContaining({ name: listing.name, permissions: ['events:order.paid', 'http:hooks.slack.com'] }),
        report: expect.objectContaining({ checks: ['seeded by test/plugin-reviews'] }),
        changelogHtml: expect.stringContaining('<h2>1.0.0</h2>'),
      },
      permissionDiff: {
        against: null,
        permissions: { added: ['events:order.paid', 'http:hooks.slack.com'], removed: [], unchanged: [] },
        events: { added: ['order.paid'], removed: [] },
        httpHosts: { added: ['hooks.slack.com'], removed: [] },
      },
    });
    // The README is shown rendered and sanitised: the script arrives as text, never as a tag.
    expect(detail.body.version.readmeHtml).not.toContain('<script');
    expect(detail.body.listingDiff.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(['displayName', 'summary', 'description']));

    const approved = await staff.decide(reviewer, review.id, 'approve', 'Nice work.');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', message: 'Nice work.', decidedBy: { id: reviewer.id }, decidedAt: expect.any(String) });
    expect(approved.body.version.publishedAt).toEqual(expect.any(String));
    expect(approved.body.history.map((h: { action: string; actor: { id: string } }) => [h.action, h.actor.id])).toEqual([
      ['submitted', developer.id],
      ['claimed', reviewer.id],
      ['approved', reviewer.id],
    ]);
    expect((await seed.versionRow(version.id)).publishedAt).not.toBeNull();
    const row = await seed.listingRow(listing.id);
    expect(row).toMatchObject({ status: 'public', publishedAt: expect.any(Date), published: submitted });
    expect(row.draft.summary).toBe('Edited later.');

    // Owner and developer hear of it, in the portal and by email; finance does not.
    for (const who of [owner, developer]) {
      const [note] = await notes(who);
      expect(note).toMatchObject({ kind: 'plugin_review.approved', link: `/partners/${partner.namespace}/plugins/chat-notifier` });
      expect(note.title).toBe(`${listing.name} 1.0.0 was approved`);
      expect(note.body).toContain('your listing is now public');
      expect(note.body).toContain('Nice work.');
    }
    expect(await notes(finance)).toEqual([]);
    const outbox = await call(s.ctx.app, 'GET', '/v1/staff/outbox?limit=100', { token: admin.accessToken });
    const mails = (outbox.body.items as Array<{ to: string; subject: string; text: string }>).filter((m) => [owner.email, developer.email].includes(m.to));
    expect(mails.map((m) => m.subject)).toEqual([`${listing.name} 1.0.0 was approved`, `${listing.name} 1.0.0 was approved`]);
    expect(mails[0].text).toContain(`/partners/${partner.namespace}/plugins/chat-notifier`);

    const audit = await staff.get(admin, `/v1/staff/audit?targetId=${review.id}`);
    expect(audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['plugin_review.approved', reviewer.id],
      ['plugin_review.claimed', reviewer.id],
    ]);
    expect(audit.body.items[0].details).toMatchObject({ listingId: listing.id, versionId: version.id, version: '1.0.0', listingPublished: true, message: 'Nice work.' });
  });

  it('shows the permissions a new version adds and drops against the previous approved one; approving it leaves the public copy alone', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const { owner, partner } = await team();
    const listing = await seed.listing(partner, owner);
    const v1 = await seed.version(listing, owner, '1.0.0');
    expect((await staff.decide(reviewer, v1.review.id, 'approve')).status).toBe(200);
    const published = (await seed.listingRow(listing.id)).published;
    const v2 = await seed.version(listing, owner, '1.2.0', {
      events: ['order.paid', 'ticket.created'],
      functions: ['ticket.classify'],
      permissions: ['events:order.paid', 'events:ticket.created', 'functions:ticket.classify', 'http:api.example.com'],
    });
    const v3 = await seed.version(listing, owner, '1.3.0', { events: [], functions: ['ticket.classify'], permissions: ['functions:ticket.classify', 'storage'] });
    // A version still in the queue is no baseline: 1.3.0 is compared with 1.0.0 until 1.2.0 is approved.
    expect((await staff.get(reviewer, `/v1/staff/plugin-reviews/${v3.review.id}`)).body.permissionDiff.against).toBe('1.0.0');

    const detail = await staff.get(reviewer, `/v1/staff/plugin-reviews/${v2.review.id}`);
    expect(detail.body.permissionDiff).toEqual({
      against: '1.0.0',
      permissions: { added: ['events:ticket.created', 'functions:ticket.classify', 'http:api.example.com'], removed: ['http:hooks.slack.com'], unchanged: ['events:order.paid'] },
      events: { added: ['ticket.created'], removed: [] },
      functions: { added: ['ticket.classify'], removed: [] },
      httpHosts: { added: ['api.example.com'], removed: ['hooks.slack.com'] },
    });
    expect(detail.body.proposed).toBeNull();
    expect(detail.body.listingDiff).toBeNull();

    expect((await staff.decide(reviewer, v2.review.id, 'approve')).status).toBe(200);
    expect((await seed.listingRow(listing.id)).published).toEqual(published);
    const [note] = await notes(owner);
    expect(note.body).not.toContain('now public');

    const later = await staff.get(reviewer, `/v1/staff/plugin-reviews/${v3.review.id}`);
    expect(later.body.permissionDiff).toEqual({
      against: '1.2.0',
      permissions: { added: ['storage'], removed: ['events:order.paid', 'events:ticket.created', 'http:api.example.com'], unchanged: ['functions:ticket.classify'] },
      events: { added: [], removed: ['order.paid', 'ticket.created'] },
      functions: { added: [], removed: [] },
      httpHosts: { added: [], removed: ['api.example.com'] },
    });
  });

  it('replaces the public copy when a listing change is approved, and leaves it when one is rejected', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const { owner, developer, partner } = await team();
    const listing = await seed.listing(partner, owner);
    expect((await staff.decide(reviewer, (await seed.version(listing, owner, '1.0.0')).review.id, 'approve')).status).toBe(200);
    const original = (await seed.listingRow(listing.id)).published!;

    const better = details({ summary: 'Now with threads.', pricing: { model: 'one_time', currency: 'EUR', amount: 1900 } });
    const change = await seed.listingChange(listing, developer, better);
    const detail = await staff.get(reviewer, `/v1/staff/plugin-reviews/${change.id}`);
    expect(detail.body).toMatchObject({ kind: 'listing', version: null, permissionDiff: null, proposed: { summary: 'Now with threads.' } });
    expect(detail.body.listingDiff).toEqual([
      { field: 'summary', before: original.summary, after: 'Now with threads.' },
      { field: 'pricing', before: { model: 'free' }, after: { model: 'one_time', currency: 'EUR', amount: 1900 } },
    ]);
    expect((await staff.decide(reviewer, change.id, 'approve')).status).toBe(200);
    expect((await seed.listingRow(listing.id)).published).toEqual(better);
    expect((await notes(developer))[0]).toMatchObject({ kind: 'plugin_review.approved', title: `The listing changes for ${listing.name} were approved` });

    const worse = details({ summary: 'Buy now!!!' });
    const rejectedChange = await seed.listingChange(listing, developer, worse);
    expect((await staff.act(reviewer, rejectedChange.id, 'claim')).status).toBe(200);
    const missing = await staff.act(reviewer, rejectedChange.id, 'reject');
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'message' })] });
    expect((await staff.act(reviewer, rejectedChange.id, 'reject', '   ')).status).toBe(400);
    const rejected = await staff.act(reviewer, rejectedChange.id, 'reject', 'The summary shouts.');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', message: 'The summary shouts.' });
    expect((await seed.listingRow(listing.id)).published).toEqual(better);
    const [note] = await notes(owner);
    expect(note).toMatchObject({ kind: 'plugin_review.rejected', title: `The listing changes for ${listing.name} were not approved` });
    expect(note.body).toContain('The summary shouts.');
  });

  it('keeps a version unpublished when changes are requested or it is rejected', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const { owner, partner } = await team();
    const listing = await seed.listing(partner, owner);
    const first = await seed.version(listing, owner, '1.0.0');
    const asked = await staff.decide(reviewer, first.review.id, 'request-changes', 'Declare the storage permission.');
    expect(asked.body).toMatchObject({ status: 'changes_requested', decidedAt: expect.any(String), version: { publishedAt: null } });
    const second = await seed.version(listing, owner, '1.0.1');
    expect((await staff.decide(reviewer, second.review.id, 'reject', 'Still missing.')).body.status).toBe('rejected');
    expect((await seed.versionRow(first.version.id)).publishedAt).toBeNull();
    expect((await seed.versionRow(second.version.id)).publishedAt).toBeNull();
    expect(await seed.listingRow(listing.id)).toMatchObject({ status: 'draft', published: null, publishedAt: null });
    expect((await notes(owner)).map((n) => [n.kind, n.title])).toEqual([
      ['plugin_review.rejected', `${listing.name} 1.0.1 was not approved`],
      ['plugin_review.changes_requested', `Changes requested on ${listing.name} 1.0.0`],
    ]);
  });

  it('shows the partner’s team their reviews, newest first, with states and messages but without reviewers’ identities', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const { owner, developer, finance, partner } = await team();
    const listing = await seed.listing(partner, owner);
    const first = await seed.version(listing, developer, '1.0.0');
    await seed.setTimes(first.review.id, { submittedAgo: 60 });
    await staff.decide(reviewer, first.review.id, 'request-changes', 'Add a README section on setup.');
    const second = await seed.version(listing, developer, '1.0.1');
    expect((await staff.act(reviewer, second.review.id, 'claim')).status).toBe(200);

    for (const who of [owner, developer, finance]) {
      const page = await partnerView(who, listing.name);
      expect(page.status).toBe(200);
      expect(page.body.items.map((r: { id: string }) => r.id)).toEqual([second.review.id, first.review.id]);
    }
    const page = await partnerView(owner, listing.name);
    expect(page.body.items[0]).toMatchObject({ kind: 'version', version: '1.0.1', status: 'in_review', message: null, decidedAt: null });
    expect(page.body.items[1]).toEqual({
      id: first.review.id,
      kind: 'version',
      status: 'changes_requested',
      version: '1.0.0',
      submittedAt: expect.any(String),
      decidedAt: expect.any(String),
      message: 'Add a README section on setup.',
      history: [
        { at: expect.any(String), action: 'submitted', by: 'partner', actorName: 'developer', message: null },
        { at: expect.any(String), action: 'claimed', by: 'reviewer', actorName: null, message: null },
        { at: expect.any(String), action: 'changes_requested', by: 'reviewer', actorName: null, message: 'Add a README section on setup.' },
      ],
    });
    expect(JSON.stringify(page.body)).not.toContain(reviewer.id);

    const firstPage = await call(s.ctx.app, 'GET', `/v1/plugins/${listing.name}/reviews?limit=1`, { token: owner.accessToken });
    expect(firstPage.body.items.map((r: { id: string }) => r.id)).toEqual([second.review.id]);
    const next = await call(s.ctx.app, 'GET', `/v1/plugins/${listing.name}/reviews?limit=1&cursor=${firstPage.body.nextCursor}`, { token: owner.accessToken });
    expect(next.body.items.map((r: { id: string }) => r.id)).toEqual([first.review.id]);

    const outsider = await s.make.newMember();
    expect((await partnerView(outsider, listing.name)).body.error.code).toBe('PARTNER_ACCESS_DENIED');
    expect((await partnerView(reviewer, listing.name)).status).toBe(403);
    expect((await partnerView(owner, `${partner.namespace}/no-such-plugin`)).body.error.code).toBe('LISTING_NOT_FOUND');
  });
});
