import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import type { User } from '../../identity/user.entity.js';
import type { Partner } from '../../partners/partner.entity.js';
import { PluginListing } from '../entities/plugin-listing.entity.js';
import { PluginReviewEvent, type ReviewAction } from '../entities/plugin-review-event.entity.js';
import { OPEN_REVIEW_STATUSES, PluginReview } from '../entities/plugin-review.entity.js';
import { PluginVersion } from '../entities/plugin-version.entity.js';

/** A review with what every view of it shows: its listing and partner, its version, and the people involved. */
export type LoadedReview = PluginReview & {
  listing: PluginListing & { partner: Partner };
  version?: PluginVersion | null;
  claimant?: User | null;
  submitter?: User | null;
  decider?: User | null;
};

export type LoadedEvent = PluginReviewEvent & { actor?: User | null };

const DECIDED = ['approved', 'rejected', 'changes_requested'] as const;

export interface DecisionTimes {
  decided: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** The review desk's SQL. Every method takes the manager to run on: the transaction's, inside one. */
@Injectable()
export class ReviewsRepository {
  /** Locks the review row until the transaction ends, so concurrent claims and decisions see each other's outcome. */
  lock(tx: EntityManager, id: string): Promise<PluginReview | null> {
    return tx.getRepository(PluginReview).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockListing(tx: EntityManager, id: string): Promise<PluginListing | null> {
    return tx.getRepository(PluginListing).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockVersion(tx: EntityManager, id: string): Promise<PluginVersion | null> {
    return tx.getRepository(PluginVersion).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** What a review belongs to (never changes), read before taking the locks in order. */
  owners(manager: EntityManager, reviewId: string): Promise<Pick<PluginReview, 'id' | 'listingId' | 'versionId'> | null> {
    return manager.getRepository(PluginReview).findOne({ where: { id: reviewId }, select: { id: true, listingId: true, versionId: true } });
  }

  async addEvent(tx: EntityManager, reviewId: string, actorId: string, action: ReviewAction, message: string | null = null): Promise<void> {
    await tx.getRepository(PluginReviewEvent).insert({ reviewId, actorId, action, message });
  }

  findLoaded(manager: EntityManager, id: string): Promise<LoadedReview | null> {
    return manager.getRepository(PluginReview).findOne({
      where: { id },
      relations: { listing: { partner: true }, version: true, claimant: true, submitter: true, decider: true },
    }) as Promise<LoadedReview | null>;
  }

  /** Histories, oldest first, with who acted. */
  async events(manager: EntityManager, reviewIds: string[]): Promise<Map<string, LoadedEvent[]>> {
    const byReview = new Map<string, LoadedEvent[]>(reviewIds.map((id) => [id, []]));
    if (reviewIds.length === 0) return byReview;
    const events = await manager.getRepository(PluginReviewEvent).find({
      where: { reviewId: In(reviewIds) },
      relations: { actor: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const event of events) byReview.get(event.reviewId)?.push(event);
    return byReview;
  }

  /** The listing's approved versions (yanked ones too), for the permission diff. */
  approvedVersions(manager: EntityManager, listingId: string): Promise<PluginVersion[]> {
    return manager.getRepository(PluginVersion).find({
      where: { listingId, publishedAt: Not(IsNull()) },
      select: { id: true, version: true, manifest: true },
    });
  }

  /** Time from submission to decision of the reviews decided in the last `days` days. */
  async decisionTimes(manager: EntityManager, days: number): Promise<DecisionTimes> {
    const [row] = await manager.query<Array<{ decided: number; median: number | string | null; p90: number | string | null }>>(
      `WITH decided AS (
         SELECT extract(epoch FROM decided_at - submitted_at)::float8 AS seconds
         FROM plugin_reviews
         WHERE status = ANY($1::text[]) AND decided_at >= now() - make_interval(days => $2)
       )
       SELECT count(*)::int AS decided,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
       FROM decided`,
      [[...DECIDED], days],
    );
    const seconds = (value: number | string | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
    return { decided: Number(row?.decided ?? 0), medianSeconds: seconds(row?.median), p90Seconds: seconds(row?.p90) };
  }

  async openSummary(manager: EntityManager): Promise<{ open: number; oldest: Date | null }> {
    const [row] = await manager.query<Array<{ open: number; oldest: Date | string | null }>>(
      `SELECT count(*)::int AS open, min(submitted_at) AS oldest FROM plugin_reviews WHERE status = ANY($1::text[])`,
      [[...OPEN_REVIEW_STATUSES]],
    );
    return { open: Number(row?.open ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
  }
}
