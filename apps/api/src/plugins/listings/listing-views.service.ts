import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import semver from 'semver';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { Partner } from '../../partners/partner.entity.js';
import type { PluginListing } from '../entities/plugin-listing.entity.js';
import { OPEN_REVIEW_STATUSES, type ReviewStatus } from '../entities/plugin-review.entity.js';
import { ListingAccess } from '../listing-access.service.js';
import { isPluginReviewer } from '../plugin-reviewers.js';
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
    private readonly access: ListingAccess,
  ) {}

  /**
   * Whether `caller` reads this partner's listings as an insider: a member in any role, or
   * reviewer/admin staff from a session. A token counts only with `plugins:publish` (the CLI), and
   * never with staff powers.
   */
  async audienceFor(caller: Caller | null, partnerId: string, manager: EntityManager = this.db.manager): Promise<Audience> {
    if (!caller) return 'public';
    if (caller.via === 'token' && !caller.scopes?.includes('plugins:publish')) return 'public';
    if (isPluginReviewer(caller)) return 'insider';
    return (await this.access.isMemberOf(caller, partnerId, manager)) ? 'insider' : 'public';
  }

  async one(listing: PluginListing, audience: Audience, manager: EntityManager = this.db.manager): Promise<ListingView> {
    const [view] = await this.many([listing], audience, manager);
    return view;
  }

  async many(listings: PluginListing[], audience: Audience, manager: EntityManager = this.db.manager): Promise<ListingView[]> {
    if (listings.length === 0) return [];
    const ids = listings.map((listing) => listing.id);
    const partners = await this.partners(manager, [...new Set(listings.map((listing) => listing.partnerId))]);
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
        hasUnpublishedChanges: insider && listing.published !== null && !sameDetails(listing.draft, listing.published),
        pendingReview: pending.get(listing.id) ?? null,
        latestVersion: latest.get(listing.id) ?? null,
        createdAt: listing.createdAt.toISOString(),
        publishedAt: listing.publishedAt?.toISOString() ?? null,
      };
    });
  }

  private async partners(manager: EntityManager, ids: string[]): Promise<Map<string, Partner>> {
    const rows = await manager.getRepository(Partner).createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Per listing, the highest published version (by semver) that is not yanked. */
  private async latestVersions(manager: EntityManager, listingIds: string[]): Promise<Map<string, LatestVersionView>> {
    const rows = await manager.query<Array<{ listing_id: string; version: string; published_at: Date; deprecated_at: Date | null }>>(
      `SELECT v.listing_id, v.version, v.published_at, v.deprecated_at
         FROM plugin_versions v
         JOIN plugin_reviews r ON r.version_id = v.id AND r.status = 'approved'
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

/** Equal as JSON, whatever the key order (jsonb reorders keys) and wherever the objects were made. */
export function sameDetails(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** `namespace/plugin` → its two parts. */
export function splitName(name: string): [string, string] {
  const slash = name.indexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
}
