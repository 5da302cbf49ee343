import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import semver from 'semver';
import type { DataSource, EntityManager } from 'typeorm';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import type { PluginListing } from '../entities/plugin-listing.entity.js';
import { changedFields } from '../listing-details.js';
import { OPEN_REVIEW_STATUSES, type ReviewStatus } from '../entities/plugin-review.entity.js';
import { toDetailsView, type LatestVersionView, type ListingView, type PendingListingReviewView } from './listing.view.js';

/**
 * Who is looking decides what a ListingView holds: the partner's members and reviewers see the
 * draft and the review in progress; everyone else sees only the public copy.
 */
export type Audience = 'insider' | 'public';

/** Builds ListingViews for a batch of listings in a few queries (partners, latest versions, open reviews). */
@Injectable()
export class ListingViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly partners: PartnerAccess,
  ) {}

  async one(listing: PluginListing, audience: Audience, manager: EntityManager = this.db.manager): Promise<ListingView> {
    const [view] = await this.many([listing], audience, manager);
    return view;
  }

  async many(listings: PluginListing[], audience: Audience, manager: EntityManager = this.db.manager): Promise<ListingView[]> {
    if (listings.length === 0) return [];
    const ids = listings.map((listing) => listing.id);
    const partners = await this.partners.byIds(listings.map((listing) => listing.partnerId), manager);
    const latest = await this.latestVersions(manager, ids);
    const pending = audience === 'insider' ? await this.pendingReviews(manager, ids) : new Map<string, PendingListingReviewView>();
    return listings.map((listing) => {
      const partner = partners.get(listing.partnerId);
      const [namespace, plugin] = splitName(listing.name);
      const insider = audience === 'insider';
      return {
        id: listing.id,
        name: listing.name,
        namespace,
        plugin,
        status: listing.status,
        partner: { namespace: partner?.namespace ?? namespace, name: partner?.name ?? namespace },
        public: listing.published ? toDetailsView(listing.published) : null,
        draft: insider ? toDetailsView(listing.draft) : null,
        hasUnpublishedChanges: insider && listing.published !== null && changedFields(listing.published, listing.draft).length > 0,
        pendingReview: pending.get(listing.id) ?? null,
        latestVersion: latest.get(listing.id) ?? null,
        createdAt: listing.createdAt.toISOString(),
        publishedAt: listing.publishedAt?.toISOString() ?? null,
      };
    });
  }

  /** Per listing, the highest published version (by semver) that is not yanked. */
  private async latestVersions(manager: EntityManager, listingIds: string[]): Promise<Map<string, LatestVersionView>> {
    const rows = await manager.query<Array<{ listing_id: string; version: string; published_at: Date; deprecated_at: Date | null }>>(
      `SELECT v.listing_id, v.version, v.published_at, v.deprecated_at
         FROM plugin_versions v
        WHERE v.listing_id = ANY($1::uuid[]) AND v.published_at IS NOT NULL AND v.yanked_at IS NULL`,
      [listingIds],
    );
    const best = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const current = best.get(row.listing_id);
      if (!current || semver.gt(row.version, current.version)) best.set(row.listing_id, row);
    }
    return new Map(
      [...best].map(([id, row]) => [id, { version: row.version, publishedAt: new Date(row.published_at).toISOString(), deprecated: row.deprecated_at !== null }]),
    );
  }

  private async pendingReviews(manager: EntityManager, listingIds: string[]): Promise<Map<string, PendingListingReviewView>> {
    const rows = await manager.query<Array<{ id: string; listing_id: string; status: ReviewStatus; submitted_at: Date }>>(
      `SELECT id, listing_id, status, submitted_at FROM plugin_reviews
        WHERE listing_id = ANY($1::uuid[]) AND kind = 'listing' AND status = ANY($2::text[])`,
      [listingIds, [...OPEN_REVIEW_STATUSES]],
    );
    return new Map(rows.map((row) => [row.listing_id, { id: row.id, status: row.status, submittedAt: new Date(row.submitted_at).toISOString() }]));
  }
}

/** `namespace/plugin` → its two parts. */
export function splitName(name: string): [string, string] {
  const slash = name.indexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
}
