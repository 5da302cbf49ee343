import { DataSource } from 'typeorm';
import { partnerFactories } from '../partners/partner-factory.js';
import { call } from '../support/http.js';
import { COMPLETE_DETAILS, newPublisher } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';

const fieldsOf = (body: { error: { details: Array<{ field: string }> } }) => body.error.details.map((d) => d.field).sort();

describe('plugin listings: creation, edits, visibility', () => {
  const s = useTestApp();
  const partners = () => partnerFactories(s.ctx.app);

  describe('creation', () => {
    it('creates a draft listing for an owner or developer of the namespace, audited', async () => {
      const owner = await s.make.newMember('owner');
      const developer = await s.make.newMember('developer');
      const partner = await partners().newPartner(owner, { name: 'Acme Plugins' });
      await partners().addMember(partner, developer, 'developer');

      const created = await call(s.ctx.app, 'POST', '/v1/plugins', { token: developer.accessToken, body: { name: `${partner.namespace}/slack-notifier`, displayName: ' Slack notifier ' } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: `${partner.namespace}/slack-notifier`,
        namespace: partner.namespace,
        plugin: 'slack-notifier',
        status: 'draft',
        partner: { namespace: partner.namespace, name: 'Acme Plugins' },
        public: null,
        draft: expect.objectContaining({ displayName: 'Slack notifier', summary: '', description: '', descriptionHtml: '', categories: [], icon: null, iconUrl: null, screenshots: [], pricing: { model: 'free' } }),
        hasUnpublishedChanges: false,
        pendingReview: null,
        latestVersion: null,
        createdAt: expect.any(String),
        publishedAt: null,
      });
      const [audit] = await s.ctx.app.get(DataSource).query<Array<{ actor_id: string }>>(`SELECT actor_id FROM audit_events WHERE action = 'plugin_listing.created' AND target_id = $1`, [created.body.id]);
      expect(audit?.actor_id).toBe(developer.id);

      const byOwner = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name: `${partner.namespace}/ticket-router`, displayName: 'Ticket router' } });
      expect(byOwner.status).toBe(201);
    });

    it('refuses outsiders, the finance role and staff with 403, and unknown namespaces with 404', async () => {
      const owner = await s.make.newMember('owner');
      const finance = await s.make.newMember('finance');
      const outsider = await s.make.newMember('outsider');
      const admin = await s.make.newStaff('admin');
      const partner = await partners().newPartner(owner);
      await partners().addMember(partner, finance, 'finance');
      const body = { name: `${partner.namespace}/not-mine`, displayName: 'Not mine' };

      const asOutsider = await call(s.ctx.app, 'POST', '/v1/plugins', { token: outsider.accessToken, body });
      expect([asOutsider.status, asOutsider.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
      const asFinance = await call(s.ctx.app, 'POST', '/v1/plugins', { token: finance.accessToken, body });
      expect([asFinance.status, asFinance.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
      const asAdmin = await call(s.ctx.app, 'POST', '/v1/plugins', { token: admin.accessToken, body });
      expect([asAdmin.status, asAdmin.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
      const unknown = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name: 'nobody-holds-this/plugin', displayName: 'X' } });
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PARTNER_NOT_FOUND']);
      const anonymous = await call(s.ctx.app, 'POST', '/v1/plugins', { body });
      expect(anonymous.status).toBe(401);

      const count = await s.ctx.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM plugin_listings WHERE name = $1`, [body.name]);
      expect(count[0].n).toBe(0);
    });

    it('refuses malformed names with LISTING_NAME_INVALID and a taken name with LISTING_EXISTS', async () => {
      const owner = await s.make.newMember('owner');
      const partner = await partners().newPartner(owner);
      for (const name of ['no-slash', `${partner.namespace}/`, `${partner.namespace}/Upper`, `${partner.namespace}/a`, `${partner.namespace}/two--hyphens`, `${partner.namespace}/x/y`, `${partner.namespace}/${'p'.repeat(65)}`, `../${partner.namespace}`]) {
        const refused = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name, displayName: 'Name' } });
        expect([name, refused.status, refused.body.error.code]).toEqual([name, 400, 'LISTING_NAME_INVALID']);
      }
      const name = `${partner.namespace}/only-once`;
      expect((await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name, displayName: 'First' } })).status).toBe(201);
      const again = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name, displayName: 'Second' } });
      expect([again.status, again.body.error.code]).toEqual([409, 'LISTING_EXISTS']);

      // Racing creations: exactly one wins, the others are told the name exists (never a 500).
      const raced = `${partner.namespace}/raced`;
      const results = await Promise.all([1, 2, 3].map(() => call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name: raced, displayName: 'Raced' } })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(['LISTING_EXISTS', 'LISTING_EXISTS']);

      const blank = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name: `${partner.namespace}/blank`, displayName: '   ' } });
      expect([blank.status, fieldsOf(blank.body)]).toEqual([400, ['displayName']]);
    });

    it('refuses a suspended partner’s listings any change', async () => {
      const { owner, partner, url } = await newPublisher(s.ctx.app);
      const admin = await s.make.newStaff('admin');
      expect((await call(s.ctx.app, 'POST', `/v1/staff/partners/${partner.id}/suspend`, { token: admin.accessToken, body: { reason: 'Under investigation' } })).status).toBe(200);
      const create = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name: `${partner.namespace}/another`, displayName: 'Another' } });
      expect([create.status, create.body.error.code]).toEqual([409, 'PARTNER_SUSPENDED']);
      const edit = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: 'Still here' } });
      expect([edit.status, edit.body.error.code]).toEqual([409, 'PARTNER_SUSPENDED']);
    });
  });

  describe('edits', () => {
    it('changes only the fields sent, only in the draft, and audits what changed', async () => {
      const { owner, url } = await newPublisher(s.ctx.app);
      const edited = await call(s.ctx.app, 'PATCH', url, {
        token: owner.accessToken,
        body: {
          ...COMPLETE_DETAILS,
          categories: ['communication', 'automation'],
          privacyPolicyUrl: 'https://example.com/privacy',
          pricing: { model: 'subscription', currency: 'eur', monthlyAmount: 900, yearlyAmount: null },
        },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.draft).toEqual(
        expect.objectContaining({
          summary: COMPLETE_DETAILS.summary,
          categories: ['communication', 'automation'],
          supportUrl: COMPLETE_DETAILS.supportUrl,
          privacyPolicyUrl: 'https://example.com/privacy',
          pricing: { model: 'subscription', currency: 'EUR', monthlyAmount: 900, yearlyAmount: null },
        }),
      );
      expect(edited.body.public).toBeNull();

      const cleared = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { privacyPolicyUrl: '', pricing: { model: 'one_time', currency: 'JPY', amount: 500 } } });
      expect(cleared.body.draft).toEqual(expect.objectContaining({ privacyPolicyUrl: null, supportUrl: COMPLETE_DETAILS.supportUrl, pricing: { model: 'one_time', currency: 'JPY', amount: 500 } }));

      const audits = await s.ctx.app.get(DataSource).query<Array<{ details: { changed: string[] } }>>(
        `SELECT details FROM audit_events WHERE action = 'plugin_listing.edited' AND target_id = $1 ORDER BY occurred_at`,
        [edited.body.id],
      );
      expect(audits.map((a) => a.details.changed.sort())).toEqual([
        ['categories', 'description', 'pricing', 'privacyPolicyUrl', 'summary', 'supportUrl'],
        ['pricing', 'privacyPolicyUrl'],
      ]);
      // Sending the same values again changes nothing and records nothing.
      await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { summary: COMPLETE_DETAILS.summary } });
      const after = await s.ctx.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'plugin_listing.edited' AND target_id = $1`, [edited.body.id]);
      expect(after[0].n).toBe(2);
    });

    it('refuses hostile and malformed links per field', async () => {
      const { owner, url } = await newPublisher(s.ctx.app);
      for (const link of [
        'javascript:alert(1)',
        'JavaScript:alert(document.cookie)//https://example.com',
        'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
        'http://example.com/support',
        'https://user:secret@example.com/support',
        'https://user@example.com/',
        '//example.com/support',
        'https://',
        'example.com',
        'https://exa mple.com',
        `https://example.com/${'a'.repeat(500)}`,
      ]) {
        const refused = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { supportUrl: link, privacyPolicyUrl: link } });
        expect([link, refused.status, refused.body.error.code, [...new Set(fieldsOf(refused.body))]]).toEqual([link, 400, 'VALIDATION_FAILED', ['privacyPolicyUrl', 'supportUrl']]);
      }
      const view = await call(s.ctx.app, 'GET', url, { token: owner.accessToken });
      expect(view.body.draft).toEqual(expect.objectContaining({ supportUrl: null, privacyPolicyUrl: null }));
    });

    it('refuses bad pricing with the field that is wrong', async () => {
      const { owner, url } = await newPublisher(s.ctx.app);
      const cases: Array<[unknown, string[]]> = [
        [{ model: 'lifetime' }, ['pricing.model']],
        [{ model: 'one_time', currency: 'USD', amount: 49 }, ['pricing.amount']],
        [{ model: 'one_time', currency: 'USD', amount: 19.99 }, ['pricing.amount']],
        [{ model: 'one_time', currency: 'USD', amount: '1999' }, ['pricing.amount']],
        [{ model: 'one_time', currency: 'USD', amount: 100_000_000 }, ['pricing.amount']],
        [{ model: 'one_time', currency: 'USD' }, ['pricing.amount']],
        [{ model: 'one_time', currency: 'XBT', amount: 1000 }, ['pricing.currency']],
        [{ model: 'one_time', currency: 'JPY', amount: 49 }, ['pricing.amount']],
        [{ model: 'one_time', currency: 'GBP', amount: 30, monthlyAmount: 5 }, ['pricing.monthlyAmount']],
        [{ model: 'subscription', currency: 'EUR' }, ['pricing.monthlyAmount', 'pricing.yearlyAmount']],
        [{ model: 'subscription', currency: 'EUR', monthlyAmount: null, yearlyAmount: -100 }, ['pricing.yearlyAmount']],
        [{ model: 'subscription', currency: 'SEK', monthlyAmount: 299, yearlyAmount: 3000 }, ['pricing.monthlyAmount']],
        ['free', ['pricing']],
        [null, ['pricing']],
      ];
      for (const [pricing, fields] of cases) {
        const refused = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { pricing } });
        expect([pricing, refused.status, refused.body.error?.code, fieldsOf(refused.body)]).toEqual([pricing, 400, 'VALIDATION_FAILED', fields]);
      }
      const minimum = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { pricing: { model: 'one_time', currency: 'GBP', amount: 30 } } });
      expect(minimum.body.draft.pricing).toEqual({ model: 'one_time', currency: 'GBP', amount: 30 });
      const yearly = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { pricing: { model: 'subscription', currency: 'USD', yearlyAmount: 9900 } } });
      expect(yearly.body.draft.pricing).toEqual({ model: 'subscription', currency: 'USD', monthlyAmount: null, yearlyAmount: 9900 });
      const free = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { pricing: { model: 'free' } } });
      expect(free.body.draft.pricing).toEqual({ model: 'free' });
    });

    it('refuses unknown or too many categories, oversize text and null for required fields', async () => {
      const { owner, url } = await newPublisher(s.ctx.app);
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ categories: ['gambling'] }, ['categories']],
        [{ categories: ['finance', 'finance'] }, ['categories']],
        [{ categories: ['finance', 'security', 'support', 'analytics'] }, ['categories']],
        [{ categories: 'finance' }, ['categories']],
        [{ description: 'x'.repeat(20_001) }, ['description']],
        [{ summary: 's'.repeat(161) }, ['summary']],
        [{ summary: 'two\nlines' }, ['summary']],
        [{ displayName: null }, ['displayName']],
        [{ displayName: 'd'.repeat(61) }, ['displayName']],
        [{ description: null }, ['description']],
        [{ status: 'public' }, ['status']],
        [{ screenshots: [{ sha256: 'a'.repeat(64), caption: 'not one of ours' }] }, ['screenshots']],
      ];
      for (const [body, fields] of cases) {
        const refused = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body });
        expect([Object.keys(body)[0], refused.status, refused.body.error?.code, fieldsOf(refused.body)]).toEqual([Object.keys(body)[0], 400, 'VALIDATION_FAILED', fields]);
      }
      const longest = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { description: 'x'.repeat(20_000) } });
      expect(longest.status).toBe(200);
    });

    it('shows the description rendered and sanitised: no script, no event handlers, no javascript: links', async () => {
      const { owner, url } = await newPublisher(s.ctx.app);
      const description = [
        '# Hello',
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        '[click me](javascript:alert(1))',
        '[encoded](jav&#x61;script:alert(1))',
        '![pixel](https://tracker.example/p.png "t")',
        '<a href="https://example.com" onclick="steal()">raw link</a>',
        '[fine](https://example.com/docs)',
      ].join('\n\n');
      const edited = await call(s.ctx.app, 'PATCH', url, { token: owner.accessToken, body: { description } });
      const html: string = edited.body.draft.descriptionHtml;
      expect(edited.body.draft.description).toBe(description);
      expect(html).toContain('<h1>Hello</h1>');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img[^>]*onerror/i);
      expect(html).not.toMatch(/<[^>]*\son\w+=/i);
      expect(html).not.toMatch(/href="\s*javascript:/i);
      expect(html).toContain('&lt;script&gt;'); // shown as text, never run
      expect(html).toContain('<a href="https://example.com/docs" rel="nofollow ugc noopener noreferrer" target="_blank">fine</a>');

      const preview = await call(s.ctx.app, 'POST', '/v1/markdown/preview', { token: owner.accessToken, body: { markdown: description } });
      expect([preview.status, preview.body.html]).toEqual([200, html]);
      const tooLong = await call(s.ctx.app, 'POST', '/v1/markdown/preview', { token: owner.accessToken, body: { markdown: 'x'.repeat(100_001) } });
      expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await call(s.ctx.app, 'POST', '/v1/markdown/preview', { body: { markdown: '# hi' } })).status).toBe(401);
    });
  });

  describe('visibility', () => {
    it('hides a draft from anyone outside its partner with 404, and shows it to members of any role and to reviewers', async () => {
      const { owner, partner, url } = await newPublisher(s.ctx.app, COMPLETE_DETAILS);
      const finance = await s.make.newMember('finance');
      await partners().addMember(partner, finance, 'finance');
      const outsider = await s.make.newMember('outsider');
      const reviewer = await s.make.newStaff('reviewer');
      const financeStaff = await s.make.newStaff('finance');

      for (const token of [undefined, outsider.accessToken, financeStaff.accessToken]) {
        const hidden = await call(s.ctx.app, 'GET', url, { token });
        expect([hidden.status, hidden.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
      }
      const missing = await call(s.ctx.app, 'GET', `/v1/plugins/${partner.namespace}/no-such-plugin`, { token: owner.accessToken });
      expect([missing.status, missing.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);

      for (const token of [owner.accessToken, finance.accessToken, reviewer.accessToken]) {
        const shown = await call(s.ctx.app, 'GET', url, { token });
        expect([shown.status, shown.body.status, shown.body.public, shown.body.draft?.summary]).toEqual([200, 'draft', null, COMPLETE_DETAILS.summary]);
      }
    });

    it('answers 401 to credentials that are sent but not valid, rather than reading as anyone', async () => {
      const { url } = await newPublisher(s.ctx.app);
      for (const authorization of ['Bearer not-a-jwt', 'Bearer gld_unknowntoken', 'Basic abc']) {
        const refused = await call(s.ctx.app, 'GET', url, { headers: { authorization } });
        expect([authorization, refused.status, refused.body.error.code]).toEqual([authorization, 401, 'UNAUTHENTICATED']);
      }
    });

    it('reads as the token’s owner with a plugins:publish token, and as anyone with another scope or with a staff member’s token', async () => {
      const { owner, url } = await newPublisher(s.ctx.app);
      const token = async (scopes: string[]) => (await call(s.ctx.app, 'POST', '/v1/me/tokens', { token: owner.accessToken, body: { name: scopes.join(' '), scopes } })).body.token as string;
      const publish = await call(s.ctx.app, 'GET', url, { token: await token(['plugins:publish']) });
      expect([publish.status, publish.body.draft?.displayName]).toEqual([200, expect.any(String)]);
      const profile = await call(s.ctx.app, 'GET', url, { token: await token(['profile:read']) });
      expect(profile.status).toBe(404);
      // Staff powers come only with a session: a reviewer's token reads like anyone's.
      const reviewer = await s.make.newStaff('reviewer');
      const reviewerToken = (await call(s.ctx.app, 'POST', '/v1/me/tokens', { token: reviewer.accessToken, body: { name: 'ci', scopes: ['plugins:publish'] } })).body.token as string;
      expect((await call(s.ctx.app, 'GET', url, { token: reviewerToken })).status).toBe(404);
      expect((await call(s.ctx.app, 'GET', url, { token: reviewer.accessToken })).status).toBe(200);
    });

    it('lists a partner’s listings, drafts included, to its members only', async () => {
      const { owner, partner, name } = await newPublisher(s.ctx.app);
      const second = await call(s.ctx.app, 'POST', '/v1/plugins', { token: owner.accessToken, body: { name: `${partner.namespace}/second`, displayName: 'Second' } });
      const finance = await s.make.newMember('finance');
      await partners().addMember(partner, finance, 'finance');
      const page = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/plugins?limit=1`, { token: finance.accessToken });
      expect([page.status, page.body.items.map((l: { name: string }) => l.name)]).toEqual([200, [second.body.name]]);
      expect(page.body.items[0].draft).not.toBeNull();
      const next = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/plugins?limit=1&cursor=${page.body.nextCursor}`, { token: finance.accessToken });
      expect([next.body.items.map((l: { name: string }) => l.name), next.body.nextCursor]).toEqual([[name], null]);
      const outsider = await s.make.newMember('outsider');
      const refused = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/plugins`, { token: outsider.accessToken });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
    });
  });
});
