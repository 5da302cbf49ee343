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
import { createListing } from '../support/plugin-listings.js';

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

/** The fields of a copy that PATCH /v1/plugins/{name} sets (images are uploaded on their own routes). */
function editable({ icon: _icon, screenshots: _screenshots, ...fields }: ListingDetails): Record<string, unknown> {
  return fields;
}

export interface SeededVersion {
  version: PluginVersion;
  review: PluginReview;
}

/**
 * Listings and listing changes made through the partner's routes; versions inserted as an upload
 * would leave them (a version row with a valid manifest and a fixed report, its review opened with
 * `openReview`), so the desk can be tested on its own and quickly; and times moved into the past.
 */
export function reviewSeeds(app: () => NestFastifyApplication) {
  const db = () => app().get(DataSource);
  const listingRow = (id: string) => db().getRepository(PluginListing).findOneByOrFail({ id });
  return {
    /** A draft listing of `partner`, created by its owner and filled in with `copy`. */
    async listing(partner: TestPartner, owner: SignedIn, copy: ListingDetails = details(), slug = `plugin-${randomBytes(3).toString('hex')}`): Promise<PluginListing> {
      const created = await createListing(app(), partner.namespace, owner.accessToken, { plugin: slug, details: editable(copy) });
      return listingRow(created.id);
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

    /** A public listing's copy changed to `copy` by `by` and sent to review; the review's id. */
    async listingChange(listing: PluginListing, by: SignedIn, copy: ListingDetails): Promise<{ id: string }> {
      const url = `/v1/plugins/${listing.name}`;
      const edited = await call(app(), 'PATCH', url, { token: by.accessToken, body: editable(copy) });
      if (edited.status !== 200) throw new Error(`editing ${listing.name} failed: ${edited.status} ${JSON.stringify(edited.body)}`);
      const submitted = await call(app(), 'POST', `${url}/listing-review`, { token: by.accessToken });
      if (submitted.status !== 200) throw new Error(`submitting ${listing.name} failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      return { id: submitted.body.pendingReview.id as string };
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

    listingRow,

    async versionRow(id: string): Promise<PluginVersion> {
      return db().getRepository(PluginVersion).findOneByOrFail({ id });
    },
  };
}
