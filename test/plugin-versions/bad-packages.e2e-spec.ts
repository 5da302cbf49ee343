// The corpus of bad packages, each uploaded through the real route with packages stored on disk:
// each is refused with its own code, and nothing of it is left in the database or the store.
import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { partnerFactories, type TestPartner } from '../partners/partner-factory.js';
import type { SignedIn } from '../support/factories.js';
import { createListing, uploadPackage } from '../support/plugin-listings.js';
import { pluginTgz } from '../support/plugin-packages.js';
import { useTestApp } from '../support/suite.js';
import { BAD_PACKAGES, type BadPackage } from './bad-packages/index.js';

const SLOW = 60_000;
const storageDir = mkdtempSync(join(tmpdir(), 'guild-bad-packages-'));

describe('the bad-package corpus', () => {
  const s = useTestApp({ GUILD_STORAGE_DIR: storageDir });
  let owner: SignedIn;
  let partner: TestPartner;

  beforeAll(async () => {
    owner = await s.make.newMember('owner');
    partner = await partnerFactories(s.ctx.app).newPartner(owner);
  });
  afterAll(() => rm(storageDir, { recursive: true, force: true }));

  /** Everything an upload could leave behind: its rows and the files in the package store. */
  async function traces(): Promise<{ rows: Record<string, string>; files: string[] }> {
    const db = s.ctx.app.get(DataSource);
    const rows: Record<string, string> = {};
    for (const table of ['plugin_versions', 'plugin_reviews', 'plugin_review_events', 'audit_events', 'notifications']) {
      const [{ count }] = await db.query<Array<{ count: string }>>(`SELECT count(*) AS count FROM ${table}`);
      rows[table] = count;
    }
    const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(storageDir, join(entry.parentPath, entry.name)));
    return { rows, files: files.sort() };
  }

  it('stores a sound package on disk, so the corpus below proves something', async () => {
    const listing = await createListing(s.ctx.app, partner.namespace, owner.accessToken);
    const before = await traces();
    expect((await uploadPackage(s.ctx.app, listing, pluginTgz({ name: listing.name }), owner.accessToken)).status).toBe(201);
    const after = await traces();
    expect(after.files).toHaveLength(before.files.length + 1);
    expect(after.files.at(-1)).toMatch(/^packages\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(Number(after.rows.plugin_versions)).toBe(Number(before.rows.plugin_versions) + 1);
  }, SLOW);

  it('removes the stored package again when the transaction fails after writing it', async () => {
    const listing = await createListing(s.ctx.app, partner.namespace, owner.accessToken);
    const db = s.ctx.app.get(DataSource);
    const before = await traces();
    // The review insert comes after the package is written: make it fail.
    await db.query(`CREATE FUNCTION test_refuse_review() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db.query(`CREATE TRIGGER test_refuse_review BEFORE INSERT ON plugin_reviews FOR EACH ROW EXECUTE FUNCTION test_refuse_review()`);
    try {
      const res = await uploadPackage(s.ctx.app, listing, pluginTgz({ name: listing.name, readme: '# Never kept\n' }), owner.accessToken);
      expect(res.status).toBe(500);
    } finally {
      await db.query(`DROP TRIGGER test_refuse_review ON plugin_reviews`);
      await db.query(`DROP FUNCTION test_refuse_review()`);
    }
    expect(await traces()).toEqual(before);
  }, SLOW);

  it.each(BAD_PACKAGES.map((bad) => [bad.name, bad] as const))('refuses %s, leaving nothing behind', async (_name, bad: BadPackage) => {
    const listing = await createListing(s.ctx.app, partner.namespace, owner.accessToken);
    for (const sound of bad.before?.(listing.name) ?? []) expect((await uploadPackage(s.ctx.app, listing, sound, owner.accessToken)).status).toBe(201);
    const before = await traces();

    const res = await uploadPackage(s.ctx.app, listing, bad.build(listing.name), owner.accessToken);

    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: bad.status, code: bad.code });
    expect(res.body.error.message).toEqual(expect.any(String));
    if (bad.code.startsWith('PACKAGE_') || bad.code.startsWith('MANIFEST_') || bad.code.startsWith('ENTRY_') || bad.code === 'PERMISSION_INVALID') {
      expect(res.body.error.details.issues[0]).toMatchObject({ code: bad.code, message: bad.message ? expect.stringMatching(bad.message) : expect.any(String) });
    } else if (bad.message) {
      expect(res.body.error.message).toMatch(bad.message);
    }
    expect(await traces()).toEqual(before);
  }, SLOW);
});
