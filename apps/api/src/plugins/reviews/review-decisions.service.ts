import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { UsersService } from '../../identity/users.service.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import '../plugin-events.js';
import { PluginListing } from '../entities/plugin-listing.entity.js';
import type { ReviewAction } from '../entities/plugin-review-event.entity.js';
import { OPEN_REVIEW_STATUSES, PluginReview } from '../entities/plugin-review.entity.js';
import { PluginVersion } from '../entities/plugin-version.entity.js';
import { notFound, PluginError } from '../plugins.errors.js';
import { PublisherNotices } from '../publisher-notices.service.js';
import { ReviewDeskService } from './review-desk.service.js';
import { decisionNotice, type Decision } from './review-notices.js';
import { assertReviewer, isAdmin } from '../../identity/reviewers.js';
import type { ReviewDetailView } from './review.view.js';
import { ReviewsRepository } from './reviews.repository.js';


/**
 * Claims and decisions. Each runs in one transaction with the review row locked, so of two reviewers
 * acting at once the second sees the first's outcome; the change, its history line, the audit
 * record and the partner's notifications commit together.
 */
@Injectable()
export class ReviewDecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reviews: ReviewsRepository,
    private readonly desk: ReviewDeskService,
    private readonly audit: AuditService,
    private readonly notices: PublisherNotices,
    private readonly partners: PartnerAccess,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
  ) {}

  /** submitted → in_review, held by the caller. Claiming one's own claim again changes nothing. */
  claim(caller: Caller, id: string): Promise<ReviewDetailView> {
    assertReviewer(caller);
    return this.db.transaction(async (tx) => {
      const review = await this.reviews.lock(tx, id);
      if (!review) throw notFound.review();
      await this.assertNotOwnPartner(tx, caller, review.listingId);
      if (review.status === 'in_review' && review.claimedBy === caller.userId) return this.desk.view(tx, caller, id);
      if (review.status === 'in_review') throw await this.claimedError(tx, review, 'claim it');
      if (review.status !== 'submitted') throw stateError(review, 'claimed');
      Object.assign(review, { status: 'in_review', claimedBy: caller.userId, claimedAt: new Date() });
      await this.record(tx, caller, review, 'claimed');
      return this.desk.view(tx, caller, id);
    });
  }

  /** in_review → submitted, keeping its place in the queue. Only the claimant or an admin; releasing an unclaimed review changes nothing. */
  release(caller: Caller, id: string): Promise<ReviewDetailView> {
    assertReviewer(caller);
    return this.db.transaction(async (tx) => {
      const review = await this.reviews.lock(tx, id);
      if (!review) throw notFound.review();
      if (review.status === 'submitted') return this.desk.view(tx, caller, id);
      if (review.status !== 'in_review') throw stateError(review, 'released');
      if (review.claimedBy !== caller.userId && !isAdmin(caller)) throw await this.claimedError(tx, review, 'release it (only they or an admin may)');
      const heldBy = review.claimedBy;
      Object.assign(review, { status: 'submitted', claimedBy: null, claimedAt: null });
      await this.record(tx, caller, review, 'released', null, { heldBy });
      return this.desk.view(tx, caller, id);
    });
  }

  approve(caller: Caller, id: string, message?: string): Promise<ReviewDetailView> {
    return this.decide(caller, id, 'approved', message ?? null);
  }

  reject(caller: Caller, id: string, message: string): Promise<ReviewDetailView> {
    return this.decide(caller, id, 'rejected', message);
  }

  requestChanges(caller: Caller, id: string, message: string): Promise<ReviewDetailView> {
    return this.decide(caller, id, 'changes_requested', message);
  }

  /**
   * A decision needs the caller's claim; an admin may also decide an item nobody holds. Every
   * decision ends the review (changes requested means a new upload or listing submission).
   */
  private async decide(caller: Caller, id: string, decision: Decision, message: string | null): Promise<ReviewDetailView> {
    assertReviewer(caller);
    return this.db.transaction(async (tx) => {
      const found = await this.reviews.owners(tx, id);
      if (!found) throw notFound.review();
      // Listing, then version, then review: the order the publishing routes lock them in (upload and
      // listing edits take the listing, withdraw and yank the version then its review), so none of
      // them ever waits on a decision that waits on it.
      const listing = await this.reviews.lockListing(tx, found.listingId);
      const version = found.versionId ? await this.reviews.lockVersion(tx, found.versionId) : null;
      const review = await this.reviews.lock(tx, id);
      if (!listing || !review) throw notFound.review();
      await this.assertNotOwnPartner(tx, caller, listing.id, listing.partnerId);
      if (!OPEN_REVIEW_STATUSES.includes(review.status)) throw stateError(review, 'decided');
      if (review.claimedBy !== caller.userId) {
        if (review.claimedBy) throw await this.claimedError(tx, review, 'decide it');
        if (!isAdmin(caller)) throw new PluginError('REVIEW_NOT_CLAIMED', 'Claim this review before deciding it, so that no other reviewer works on it at the same time.');
      }
      const now = new Date();
      const listingPublished = decision === 'approved' ? await this.publish(tx, review, listing, version, now) : false;
      Object.assign(review, { status: decision, decidedBy: caller.userId, decidedAt: now, message });
      await this.record(tx, caller, review, decision, message, { version: version?.version ?? null, listingPublished });
      const notice = decisionNotice(decision, { listing: listing.name, version: version?.version ?? null, message, listingPublished });
      await this.notices.send(tx, listing, { kind: `plugin_review.${decision}`, ...notice });
      return this.desk.view(tx, caller, id);
    });
  }

  /**
   * Approval's effect. A version is published; a listing that is still a draft becomes public with
   * it, showing the copy submitted with the version (or the draft, if none was carried). Once the
   * listing is public its copy changes only through listing-change reviews. Returns whether the
   * public copy changed.
   */
  private async publish(tx: EntityManager, review: PluginReview, listing: PluginListing, version: PluginVersion | null, now: Date): Promise<boolean> {
    if (version) {
      await tx.getRepository(PluginVersion).update(version.id, { publishedAt: now });
      version.publishedAt = now;
      await this.events.publish(
        'plugin.version_published',
        { versionId: version.id, listingId: listing.id, listingName: listing.name, version: version.version, uploadedBy: version.uploadedBy },
        { tx, occurrenceId: `plugin_version_published:${version.id}` },
      );
      if (listing.status !== 'draft') return false;
      Object.assign(listing, { published: review.details ?? listing.draft, status: 'public', publishedAt: now });
    } else {
      listing.published = review.details ?? listing.published;
    }
    await tx.getRepository(PluginListing).save(listing);
    return true;
  }

  /** Saves the review's new state with its history line and audit record. */
  private async record(tx: EntityManager, caller: Caller, review: PluginReview, action: ReviewAction, message: string | null = null, details: Record<string, unknown> = {}) {
    await tx.getRepository(PluginReview).save(review);
    await this.reviews.addEvent(tx, review.id, caller.userId, action, message);
    await this.audit.record(
      {
        action: `plugin_review.${action}`,
        actorId: caller.userId,
        targetType: 'plugin_review',
        targetId: review.id,
        ip: caller.ip,
        details: { listingId: review.listingId, kind: review.kind, versionId: review.versionId, message, ...details },
      },
      tx,
    );
  }

  /** Reviewers never review their own partner's work. */
  private async assertNotOwnPartner(tx: EntityManager, caller: Caller, listingId: string, knownPartnerId?: string): Promise<void> {
    const partnerId = knownPartnerId ?? (await tx.getRepository(PluginListing).findOne({ where: { id: listingId }, select: { id: true, partnerId: true } }))?.partnerId;
    if (partnerId && (await this.partners.partnersOf(caller.userId, [partnerId], tx)).size > 0) {
      throw new PluginError('REVIEW_OWN_PARTNER', 'You belong to the partner that owns this listing; another reviewer must review it.');
    }
  }

  private async claimedError(tx: EntityManager, review: PluginReview, wanted: string): Promise<PluginError> {
    const name = (review.claimedBy && (await this.users.contacts([review.claimedBy], tx)).get(review.claimedBy)?.displayName) || 'another reviewer';
    return new PluginError('REVIEW_CLAIMED', `${name} is reviewing this; ask them to release it before you ${wanted}.`, {
      claimedBy: review.claimedBy ? { id: review.claimedBy, displayName: name } : null,
      claimedAt: review.claimedAt?.toISOString() ?? null,
    });
  }
}

function stateError(review: PluginReview, wanted: string): PluginError {
  return new PluginError('REVIEW_STATE', `This review is ${review.status.replace('_', ' ')}; it can no longer be ${wanted}.`, { status: review.status });
}
