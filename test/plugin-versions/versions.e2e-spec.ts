import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { partnerFactories, type TestPartner } from '../partners/partner-factory.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { approveVersion, COMPLETE_DETAILS, createListing, newTeam, uploadPackage, versionsUrl, type TestListing } from '../support/plugin-listings.js';
import { packExample, pluginTgz } from '../support/plugin-packages.js';
import { useTestApp } from '../support/suite.js';

const SLOW = 60_000;

describe('plugin versions', () => {
  const s = useTestApp();
  let owner: SignedIn;
  let developer: SignedIn;
  let finance: SignedIn;
  let outsider: SignedIn;
  let reviewer: SignedIn;
  let partner: TestPartner;

  beforeAll(async () => {
    ({ owner, developer, finance, partner } = await newTeam(s.ctx.app));
    [outsider, reviewer] = await Promise.all([s.make.newMember('outsider'), s.make.newStaff('reviewer')]);
  });

  const newListing = (details?: Record<string, unknown>) => createListing(s.ctx.app, partner.namespace, owner.accessToken, { details });
  const upload = (listing: TestListing, version = '1.0.0', token = developer.accessToken, options: { code?: string; readme?: string } = {}) =>
    uploadPackage(s.ctx.app, listing, pluginTgz({ name: listing.name, version, ...options }), token);
  const versionUrl = (listing: TestListing, version: string) => `${versionsUrl(listing)}/${version}`;

  describe('upload', () => {
    it('validates, stores and queues a version for review', async () => {
      const listing = await newListing();
      const data = pluginTgz({ name: listing.name, version: '1.0.0' });
      const res = await uploadPackage(s.ctx.app, listing, data, developer.accessToken);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        plugin: listing.name,
        version: '1.0.0',
        status: 'submitted',
        sha256: createHash('sha256').update(data).digest('hex'),
        sizeBytes: data.length,
        hostApi: '^1.0.0',
        deprecated: false,
        yanked: false,
        manifest: { name: listing.name, functions: ['cart.discounts'], permissions: ['functions:cart.discounts'] },
        readme: expect.stringContaining('Takes **nothing** off.'),
        readmeHtml: expect.stringContaining('<strong>nothing</strong>'),
        changelog: expect.stringContaining('First release'),
        uploadedBy: { id: developer.id, displayName: 'developer' },
        report: { checks: expect.arrayContaining([expect.stringContaining('sandbox')]), warnings: [], package: { files: expect.arrayContaining([{ path: 'dist/index.js', bytes: expect.any(Number) }]) } },
        review: { status: 'submitted', history: [{ action: 'submitted', actor: { id: developer.id, displayName: 'developer' } }] },
      });
      const audit = await s.ctx.app.get(DataSource).query<Array<{ action: string }>>(`SELECT action FROM audit_events WHERE target_id = $1`, [await versionId(listing.id, '1.0.0')]);
      expect(audit.map((row) => row.action)).toEqual(['plugin_version.submitted']);
    }, SLOW);

    it('answers 200 with the existing version when the same package is sent again (a retry)', async () => {
      const listing = await newListing();
      const data = pluginTgz({ name: listing.name, version: '1.0.0' });
      expect((await uploadPackage(s.ctx.app, listing, data, developer.accessToken)).status).toBe(201);
      const again = await uploadPackage(s.ctx.app, listing, data, owner.accessToken);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ version: '1.0.0', status: 'submitted', uploadedBy: { id: developer.id } });
      const [{ count }] = await s.ctx.app.get(DataSource).query<Array<{ count: string }>>(`SELECT count(*) AS count FROM plugin_reviews WHERE listing_id = $1`, [listing.id]);
      expect(count).toBe('1');
    }, SLOW);

    it('accepts an API token with the plugins:publish scope, and refuses one without it', async () => {
      const listing = await newListing();
      const token = async (scopes: string[]) => (await call(s.ctx.app, 'POST', '/v1/me/tokens', { token: developer.accessToken, body: { name: `ci ${scopes.join()}`, scopes } })).body.token as string;
      const without = await upload(listing, '1.0.0', await token(['profile:read']));
      expect([without.status, without.body.error.code]).toEqual([403, 'TOKEN_SCOPE_MISSING']);
      const withScope = await upload(listing, '1.0.0', await token(['plugins:publish']));
      expect([withScope.status, withScope.body.status]).toEqual([201, 'submitted']);
    }, SLOW);

    it('is only for the owner and developers of the namespace', async () => {
      const listing = await newListing();
      const otherOwner = await s.make.newMember('other-owner');
      await partnerFactories(s.ctx.app).newPartner(otherOwner);
      const otherPartner = await upload(listing, '1.0.0', otherOwner.accessToken);
      expect([otherPartner.status, otherPartner.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
      const financeRole = await upload(listing, '1.0.0', finance.accessToken);
      expect([financeRole.status, financeRole.body.error.code]).toEqual([403, 'PARTNER_ROLE_REQUIRED']);
      const rows = await s.ctx.app.get(DataSource).query<Array<{ count: string }>>(`SELECT count(*) AS count FROM plugin_versions WHERE listing_id = $1`, [listing.id]);
      expect(rows[0].count).toBe('0');
    }, SLOW);

    it('refuses a listing whose draft is not ready to be public', async () => {
      const listing = await newListing({});
      const res = await upload(listing);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'LISTING_INCOMPLETE', details: { fields: ['summary', 'description', 'categories', 'supportUrl'] } });
    }, SLOW);

    it('refuses a manifest naming another plugin of the namespace', async () => {
      const listing = await newListing();
      const res = await uploadPackage(s.ctx.app, listing, pluginTgz({ name: `${partner.namespace}/something-else` }), developer.accessToken);
      expect([res.status, res.body.error.code]).toEqual([422, 'PLUGIN_NAME_MISMATCH']);
    }, SLOW);

    it('uploads an example plugin as `guild-plugin pack` packs it', async () => {
      const acmeOwner = await s.make.newMember('acme-owner');
      const acme = await partnerFactories(s.ctx.app).newPartner(acmeOwner, { namespace: 'acme' });
      const listing = await createListing(s.ctx.app, acme.namespace, acmeOwner.accessToken, { plugin: 'volume-discount' });
      const packed = await packExample('volume-discount');
      try {
        const res = await uploadPackage(s.ctx.app, listing, packed.data, acmeOwner.accessToken);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ plugin: 'acme/volume-discount', version: '1.0.0', sha256: packed.sha256, status: 'submitted', manifest: { functions: ['cart.discounts'] } });
        expect(res.body.report.package.files.map((file: { path: string }) => file.path)).toEqual(packed.files);
      } finally {
        await rm(packed.dir, { recursive: true, force: true });
      }
    }, SLOW);

    it('refuses uploads while the partner is suspended', async () => {
      const listing = await newListing();
      const admin = await s.make.newStaff('admin');
      const staff = (action: 'suspend' | 'reinstate') => call(s.ctx.app, 'POST', `/v1/staff/partners/${partner.id}/${action}`, { token: admin.accessToken, body: { reason: 'Checking the uploads.' } });
      expect((await staff('suspend')).status).toBe(200);
      try {
        const res = await upload(listing);
        expect([res.status, res.body.error.code]).toEqual([409, 'PARTNER_SUSPENDED']);
      } finally {
        expect((await staff('reinstate')).status).toBe(200);
      }
    });

    it('refuses requests that carry no package', async () => {
      const listing = await newListing();
      const notMultipart = await call(s.ctx.app, 'POST', versionsUrl(listing), { token: developer.accessToken, body: { package: 'x' } });
      expect([notMultipart.status, notMultipart.body.error.code]).toEqual([415, 'NOT_MULTIPART']);
      const wrongField = await uploadPackage(s.ctx.app, listing, pluginTgz({ name: listing.name }), developer.accessToken, 'file');
      expect([wrongField.status, wrongField.body.error.code]).toEqual([400, 'FILE_MISSING']);
    });
  });

  async function versionId(listingId: string, version: string): Promise<string> {
    const [row] = await s.ctx.app.get(DataSource).query<Array<{ id: string }>>(`SELECT id FROM plugin_versions WHERE listing_id = $1 AND version = $2`, [listingId, version]);
    return row.id;
  }

  describe('reading', () => {
    let listing: TestListing;
    beforeAll(async () => {
      listing = await newListing();
      for (const version of ['1.0.0', '1.1.0', '1.2.0']) expect((await upload(listing, version)).status).toBe(201);
      await approveVersion(s.ctx.app, listing, '1.0.0', reviewer);
      await approveVersion(s.ctx.app, listing, '1.1.0', reviewer);
    }, SLOW);

    it('lists every version, newest first, to the partner and to reviewers', async () => {
      for (const who of [finance, reviewer]) {
        const res = await call(s.ctx.app, 'GET', versionsUrl(listing), { token: who.accessToken });
        expect(res.body.items.map((v: { version: string; status: string }) => [v.version, v.status])).toEqual([
          ['1.2.0', 'submitted'],
          ['1.1.0', 'published'],
          ['1.0.0', 'published'],
        ]);
      }
    });

    it('pages with a cursor', async () => {
      const first = await call(s.ctx.app, 'GET', `${versionsUrl(listing)}?limit=2`, { token: owner.accessToken });
      expect(first.body.items).toHaveLength(2);
      const second = await call(s.ctx.app, 'GET', `${versionsUrl(listing)}?limit=2&cursor=${first.body.nextCursor}`, { token: owner.accessToken });
      expect(second.body).toMatchObject({ items: [{ version: '1.0.0' }], nextCursor: null });
    });

    it('shows the public and other members only published versions, without the review', async () => {
      for (const token of [undefined, outsider.accessToken]) {
        const res = await call(s.ctx.app, 'GET', versionsUrl(listing), { token });
        expect(res.body.items.map((v: { version: string }) => v.version)).toEqual(['1.1.0', '1.0.0']);
        const detail = await call(s.ctx.app, 'GET', versionUrl(listing, '1.1.0'), { token });
        expect(detail.body).toMatchObject({ version: '1.1.0', status: 'published', readmeHtml: expect.stringContaining('<strong>'), report: null, review: null, uploadedBy: null });
        const hidden = await call(s.ctx.app, 'GET', versionUrl(listing, '1.2.0'), { token });
        expect([hidden.status, hidden.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
      }
    });

    it('hides a draft listing from the public entirely', async () => {
      const draft = await newListing();
      expect((await upload(draft)).status).toBe(201);
      const res = await call(s.ctx.app, 'GET', versionsUrl(draft), {});
      expect([res.status, res.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
      expect((await call(s.ctx.app, 'GET', versionsUrl(draft), { token: developer.accessToken })).body.items).toHaveLength(1);
    }, SLOW);

    it("hides a suspended partner's versions from the public, as its listing is, but not from the partner", async () => {
      const admin = await s.make.newStaff('admin');
      const staff = (action: 'suspend' | 'reinstate') => call(s.ctx.app, 'POST', `/v1/staff/partners/${partner.id}/${action}`, { token: admin.accessToken, body: { reason: 'Checking the catalog.' } });
      expect((await staff('suspend')).status).toBe(200);
      try {
        for (const url of [versionsUrl(listing), versionUrl(listing, '1.1.0')]) {
          const res = await call(s.ctx.app, 'GET', url, {});
          expect([res.status, res.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
        }
        expect((await call(s.ctx.app, 'GET', versionsUrl(listing), { token: developer.accessToken })).body.items).toHaveLength(3);
      } finally {
        expect((await staff('reinstate')).status).toBe(200);
      }
    });

    it("shows the partner the review history and the reviewer's message, without the reviewer's name", async () => {
      const res = await call(s.ctx.app, 'GET', versionUrl(listing, '1.0.0'), { token: developer.accessToken });
      expect(res.body.review).toMatchObject({
        status: 'approved',
        history: [
          { action: 'submitted', actor: { id: developer.id } },
          { action: 'claimed', actor: null },
          { action: 'approved', actor: null, message: 'Looks good.' },
        ],
      });
    });

    it('names the reviewers to staff', async () => {
      const res = await call(s.ctx.app, 'GET', versionUrl(listing, '1.0.0'), { token: reviewer.accessToken });
      expect(res.body.review.history).toMatchObject([
        { action: 'submitted', actor: { id: developer.id } },
        { action: 'claimed', actor: { id: reviewer.id } },
        { action: 'approved', actor: { id: reviewer.id, displayName: expect.stringContaining('Staff') } },
      ]);
    });

    it('answers 401 to a public read with bad credentials, rather than the public view', async () => {
      const res = await call(s.ctx.app, 'GET', versionsUrl(listing), { token: 'not-a-token' });
      expect([res.status, res.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  describe('download', () => {
    let listing: TestListing;
    let paid: TestListing;
    let published: Buffer;
    beforeAll(async () => {
      listing = await newListing();
      published = pluginTgz({ name: listing.name, version: '1.0.0' });
      expect((await uploadPackage(s.ctx.app, listing, published, developer.accessToken)).status).toBe(201);
      expect((await upload(listing, '2.0.0')).status).toBe(201);
      await approveVersion(s.ctx.app, listing, '1.0.0', reviewer);
      paid = await newListing({ ...COMPLETE_DETAILS, pricing: { model: 'one_time', currency: 'EUR', amount: 1900 } });
      expect((await upload(paid, '1.0.0')).status).toBe(201);
      await approveVersion(s.ctx.app, paid, '1.0.0', reviewer);
    }, SLOW);

    const download = (of: TestListing, version: string, token?: string, headers: Record<string, string> = {}) =>
      s.ctx.app.inject({ method: 'GET', url: `${versionUrl(of, version)}/package`, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    const refusal = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { error: { code: string } }).error.code];

    it('serves the package to its partner as an attachment, with its sha256', async () => {
      const res = await download(listing, '1.0.0', finance.accessToken);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(published)).toBe(true);
      const sha256 = createHash('sha256').update(published).digest('hex');
      expect(res.headers).toMatchObject({
        'content-type': 'application/gzip',
        'content-disposition': `attachment; filename="${listing.plugin}-1.0.0.tgz"`,
        'x-content-type-options': 'nosniff',
        etag: `"${sha256}"`,
      });
      expect((await download(listing, '1.0.0', finance.accessToken, { 'if-none-match': `"${sha256}"` })).statusCode).toBe(304);
    });

    it('serves unpublished versions to the partner and reviewers only', async () => {
      expect((await download(listing, '2.0.0', developer.accessToken)).statusCode).toBe(200);
      expect((await download(listing, '2.0.0', reviewer.accessToken)).statusCode).toBe(200);
      expect(refusal(await download(listing, '2.0.0', outsider.accessToken))).toEqual([404, 'VERSION_NOT_FOUND']);
    });

    it('serves a published version of a free listing to any member, never anonymously', async () => {
      expect((await download(listing, '1.0.0', outsider.accessToken)).statusCode).toBe(200);
      expect((await download(listing, '1.0.0')).statusCode).toBe(401);
    });

    it('keeps a paid listing to its partner and reviewers (buyers come with commerce)', async () => {
      expect(refusal(await download(paid, '1.0.0', outsider.accessToken))).toEqual([403, 'DOWNLOAD_FORBIDDEN']);
      expect((await download(paid, '1.0.0', owner.accessToken)).statusCode).toBe(200);
      expect((await download(paid, '1.0.0', reviewer.accessToken)).statusCode).toBe(200);
    });

    it('stops serving a yanked version to other members', async () => {
      expect((await call(s.ctx.app, 'POST', `${versionUrl(listing, '1.0.0')}/yank`, { token: owner.accessToken, body: { reason: 'Broken.' } })).status).toBe(200);
      expect(refusal(await download(listing, '1.0.0', outsider.accessToken))).toEqual([403, 'DOWNLOAD_FORBIDDEN']);
      expect((await download(listing, '1.0.0', developer.accessToken)).statusCode).toBe(200);
    });
  });
});
