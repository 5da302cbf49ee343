import { createHash, randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { parseManifest, type ManifestDocument } from '@guild/plugin-manifest';
import { summariseManifest } from '../../libs/plugin-package/src/package-report.js';
import { PluginListing } from '../../apps/api/src/plugins/entities/plugin-listing.entity.js';
import type { PluginReview } from '../../apps/api/src/plugins/entities/plugin-review.entity.js';
import { PluginVersion } from '../../apps/api/src/plugins/entities/plugin-version.entity.js';
import { emptyDetails, type ListingDetails } from '../../apps/api/src/plugins/listing-details.js';
import { openReview } from '../../apps/api/src/plugins/reviews/open-review.js';
import type { TestPartner } from '../partners/partner-factory.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';

/** A complete listing copy, ready for review. */
export function details(overrides: Partial<ListingDetails> = {}): ListingDetails {
  return {
    ...emptyDetails('Chat notifier'),
    summary: 'Posts paid orders to a chat channel.',
    description: '# Chat notifier\n\nPosts **paid orders** to your channel.',
    categories: ['communication'],
    supportUrl: 'https://example.com/support',
    ...overrides,
  };
}

export interface SeededVersion {
  version: PluginVersion;
  review: PluginReview;
}

/**
 * Listings, versions and review items inserted as the publishing routes would leave them (a
 * version row with a valid manifest and report, and its review opened with `openReview`), so the
 * desk can be tested on its own.
 */
export function reviewSeeds(app: () => NestFastifyApplication) {
  const db = () => app().get(DataSource);
  return {
    async listing(partner: TestPartner, owner: { id: string }, copy: ListingDetails = details(), slug = `plugin-${randomBytes(3).toString('hex')}`): Promise<PluginListing> {
      const repo = db().getRepository(PluginListing);
      return repo.save(repo.create({ partnerId: partner.id, name: `${partner.namespace}/${slug}`, status: 'draft', draft: copy, published: null, createdBy: owner.id }));
    },

    /** Uploads (as far as the database knows) a version and puts it in the queue; the first version of a draft listing carries its draft. */
    async version(listing: PluginListing, by: { id: string }, version: string, manifest: Partial<ManifestDocument> = {}): Promise<SeededVersion> {
      const parsed = parseManifest({
        name: listing.name,
        version,
        hostApi: '^1.0.0',
        displayName: 'Chat notifier',
        summary: 'Posts paid orders to a chat channel.',
        entry: 'dist/index.js',
        events: ['order.paid'],
        permissions: ['events:order.paid', 'http:hooks.slack.com'],
        ...manifest,
      });
      if (!parsed.ok) throw new Error(`seed manifest is invalid: ${JSON.stringify(parsed.errors)}`);
      const bytes = randomBytes(64);
      return db().transaction(async (tx) => {
        const fresh = await tx.getRepository(PluginListing).findOneByOrFail({ id: listing.id });
        const row = await tx.getRepository(PluginVersion).save(
          tx.getRepository(PluginVersion).create({
            listingId: listing.id,
            version,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            sizeBytes: bytes.length,
            manifest: parsed.manifest,
            report: {
              validatedAt: new Date().toISOString(),
              checks: ['seeded by test/plugin-reviews'],
              warnings: [],
              package: { files: [{ path: 'dist/index.js', bytes: 64 }], compressedBytes: 64, uncompressedBytes: 2048, manifest: summariseManifest(parsed.manifest, 'icon.svg') },
            },
            readme: `# ${parsed.manifest.displayName}\n\nSet it up <script>alert(1)</script> in two steps.`,
            changelog: `## ${version}\n\n- Changes.`,
            uploadedBy: by.id,
          }),
        );
        const review = await openReview(tx, {
          listingId: listing.id,
          kind: 'version',
          versionId: row.id,
          details: fresh.status === 'draft' ? fresh.draft : null,
          submittedBy: by.id,
        });
        return { version: row, review };
      });
    },

    /** A public listing's changed copy sent to review. */
    async listingChange(listing: PluginListing, by: { id: string }, copy: ListingDetails): Promise<PluginReview> {
      return db().transaction(async (tx) => {
        await tx.getRepository(PluginListing).update(listing.id, { draft: copy });
        return openReview(tx, { listingId: listing.id, kind: 'listing', details: copy, submittedBy: by.id });
      });
    },

    /** Moves a review's timestamps, as if that much time had passed (seconds before now). */
    async setTimes(reviewId: string, times: { submittedAgo?: number; decidedAgo?: number }): Promise<void> {
      const at = (secondsAgo: number | undefined) => (secondsAgo === undefined ? null : new Date(Date.now() - secondsAgo * 1000));
      await db().query(`UPDATE plugin_reviews SET submitted_at = COALESCE($2, submitted_at), decided_at = COALESCE($3, decided_at) WHERE id = $1`, [
        reviewId,
        at(times.submittedAgo),
        at(times.decidedAgo),
      ]);
    },

    async listingRow(id: string): Promise<PluginListing> {
      return db().getRepository(PluginListing).findOneByOrFail({ id });
    },

    async versionRow(id: string): Promise<PluginVersion> {
      return db().getRepository(PluginVersion).findOneByOrFail({ id });
    },
  };
}

/** The staff desk's routes, as a reviewer would call them. */
export function desk(app: () => NestFastifyApplication) {
  return {
    get: (who: SignedIn, url: string) => call(app(), 'GET', url, { token: who.accessToken }),
    act: (who: SignedIn, id: string, action: 'claim' | 'release' | 'approve' | 'reject' | 'request-changes', message?: string) =>
      call(app(), 'POST', `/v1/staff/plugin-reviews/${id}/${action}`, { token: who.accessToken, body: message === undefined ? {} : { message } }),
    /** Claims then decides, as one reviewer working an item. */
    async decide(who: SignedIn, id: string, action: 'approve' | 'reject' | 'request-changes', message?: string) {
      const claimed = await call(app(), 'POST', `/v1/staff/plugin-reviews/${id}/claim`, { token: who.accessToken });
      if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${JSON.stringify(claimed.body)}`);
      return call(app(), 'POST', `/v1/staff/plugin-reviews/${id}/${action}`, { token: who.accessToken, body: message === undefined ? {} : { message } });
    },
  };
}
