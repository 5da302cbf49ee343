import type { EntityManager } from 'typeorm';
import { PluginReviewEvent } from '../entities/plugin-review-event.entity.js';
import { PluginReview, type ReviewKind } from '../entities/plugin-review.entity.js';
import type { ListingDetails } from '../listing-details.js';

export interface NewReview {
  listingId: string;
  kind: ReviewKind;
  versionId?: string;
  /** The listing copy approval publishes (listing changes; the first version of a draft listing). */
  details?: ListingDetails | null;
  submittedBy: string;
}

/** Puts an item at the back of the reviewers' queue, with its first history line, inside `tx`. */
export async function openReview(tx: EntityManager, input: NewReview): Promise<PluginReview> {
  const review = await tx.getRepository(PluginReview).save(
    tx.getRepository(PluginReview).create({
      listingId: input.listingId,
      kind: input.kind,
      versionId: input.versionId ?? null,
      details: input.details ?? null,
      status: 'submitted',
      submittedBy: input.submittedBy,
      submittedAt: new Date(),
    }),
  );
  await tx.getRepository(PluginReviewEvent).insert({ reviewId: review.id, actorId: input.submittedBy, action: 'submitted', message: null });
  return review;
}
