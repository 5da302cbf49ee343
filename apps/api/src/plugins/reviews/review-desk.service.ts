import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { containsPattern, keysetPage, PageQuery, toPage } from '../../platform/http/pagination.js';
import { OPEN_REVIEW_STATUSES, PluginReview } from '../entities/plugin-review.entity.js';
import { ListingAccess } from '../listing-access.service.js';
import { notFound } from '../plugins.errors.js';
import { previousApproved } from './review-diff.js';
import { assertReviewer } from '../../identity/reviewers.js';
import type { ReviewQueueQuery, ReviewStatsQuery } from './review.dto.js';
import { toDetailView, toListingReview, toQueueItem } from './review.mappers.js';
import type { ListingReviewPage, ReviewDetailView, ReviewQueuePage, ReviewStatsView } from './review.view.js';
import { ReviewsRepository, type LoadedReview } from './reviews.repository.js';

/** Partner roles that may follow their listings' reviews (finance reads too). */
const FOLLOWERS = ['owner', 'developer', 'finance'] as const;

/** What the desk shows: the queue, one item in full, the time-to-decision figures, and the partner's side of it. */
@Injectable()
export class ReviewDeskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reviews: ReviewsRepository,
    private readonly partners: PartnerAccess,
    private readonly listings: ListingAccess,
  ) {}

  /** Oldest first: the queue is worked from the front. */
  async queue(caller: Caller, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
    assertReviewer(caller);
    const qb = this.db.manager
      .getRepository(PluginReview)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.listing', 'l')
      .innerJoinAndSelect('l.partner', 'p')
      .leftJoin('r.version', 'v')
      .addSelect(['v.id', 'v.version', 'v.manifest'])
      .leftJoinAndSelect('r.claimant', 'c')
      .leftJoinAndSelect('r.submitter', 's');
    const status = query.status ?? 'open';
    qb.where('r.status IN (:...statuses)', { statuses: status === 'open' ? [...OPEN_REVIEW_STATUSES] : [status] });
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(
        new Brackets((w) =>
          ['l.name', `lower(l.draft ->> 'displayName')`, `lower(l.published ->> 'displayName')`, `lower(r.details ->> 'displayName')`].forEach((column) =>
            w.orWhere(`${column} LIKE :pattern`, { pattern }),
          ),
        ),
      );
    }
    // Every join is to-one, so the row cap counts reviews.
    const limit = keysetPage(qb, query, { column: 'submittedAt', direction: 'ASC', rowCap: 'limit' });
    const rows = (await qb.getMany()) as LoadedReview[];
    const own = await this.partners.partnersOf(caller.userId, rows.map((row) => row.listing.partnerId));
    const now = new Date();
    return toPage(
      rows,
      limit,
      (row) => toQueueItem(row, now, own.has(row.listing.partnerId)),
      (row) => ({ createdAt: row.submittedAt, id: row.id }),
    );
  }

  async detail(caller: Caller, id: string): Promise<ReviewDetailView> {
    assertReviewer(caller);
    return this.view(this.db.manager, caller, id);
  }

  /** One item as reviewers see it, read through `manager` (the transaction's after a change). */
  async view(manager: EntityManager, caller: Caller, id: string): Promise<ReviewDetailView> {
    const review = await this.reviews.findLoaded(manager, id);
    if (!review) throw notFound.review();
    const events = (await this.reviews.events(manager, [id])).get(id) ?? [];
    const previous = review.version ? previousApproved(review.version.version, await this.reviews.approvedVersions(manager, review.listingId)) : null;
    const own = await this.partners.partnersOf(caller.userId, [review.listing.partnerId], manager);
    return toDetailView({ review, events, previous, now: new Date(), ownPartner: own.has(review.listing.partnerId) });
  }

  async stats(caller: Caller, query: ReviewStatsQuery): Promise<ReviewStatsView> {
    assertReviewer(caller);
    const days = query.days ?? 30;
    const times = await this.reviews.decisionTimes(this.db.manager, days);
    const { open, oldest } = await this.reviews.openSummary(this.db.manager);
    return { days, ...times, open, oldestOpenSeconds: oldest ? Math.max(0, Math.floor((Date.now() - oldest.getTime()) / 1000)) : null };
  }

  /** The partner's own listing's reviews, newest first, for its members. */
  async forListing(caller: Caller, namespace: string, plugin: string, query: PageQuery): Promise<ListingReviewPage> {
    const { listing } = await this.listings.requireManaged(caller, namespace, plugin, { roles: FOLLOWERS });
    const qb = this.db.manager
      .getRepository(PluginReview)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.listing', 'l')
      .innerJoinAndSelect('l.partner', 'p')
      .leftJoin('r.version', 'v')
      .addSelect(['v.id', 'v.version'])
      .where('r.listingId = :listingId', { listingId: listing.id });
    const limit = keysetPage(qb, query, { column: 'submittedAt', direction: 'DESC', rowCap: 'limit' });
    const rows = (await qb.getMany()) as LoadedReview[];
    const events = await this.reviews.events(
      this.db.manager,
      rows.slice(0, limit).map((row) => row.id),
    );
    return toPage(
      rows,
      limit,
      (row) => toListingReview(row, events.get(row.id) ?? []),
      (row) => ({ createdAt: row.submittedAt, id: row.id }),
    );
  }
}
