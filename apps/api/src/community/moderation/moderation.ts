import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { CommunityError } from '../community.errors.js';
import type { Hideable } from '../entities/hidden.js';

export type ModeratedContent = 'question' | 'answer' | 'comment' | 'idea';

/**
 * Marks `content` hidden (or shown again) and records the audit line; the caller saves the entity
 * and revokes or restores its points in the same transaction. Repeating the same step is refused
 * with MODERATION_STATE, so two moderators do not both think they acted.
 */
export async function applyModeration(
  tx: EntityManager,
  audit: AuditService,
  caller: Caller,
  target: { type: ModeratedContent; id: string; content: Hideable },
  hide: { reason: string } | null,
): Promise<void> {
  const { content } = target;
  if (hide && content.hiddenAt) throw new CommunityError('MODERATION_STATE', `This ${target.type} is already hidden (${content.hiddenReason}); to change the reason, show it again and hide it anew.`);
  if (!hide && !content.hiddenAt) throw new CommunityError('MODERATION_STATE', `This ${target.type} is not hidden, so there is nothing to show again.`);
  const previous = content.hiddenReason;
  Object.assign(content, hide ? { hiddenAt: new Date(), hiddenBy: caller.userId, hiddenReason: hide.reason } : { hiddenAt: null, hiddenBy: null, hiddenReason: null });
  await audit.record(
    {
      action: `community.${target.type}.${hide ? 'hidden' : 'unhidden'}`,
      actorId: caller.userId,
      targetType: target.type,
      targetId: target.id,
      ip: caller.ip,
      details: hide ? { reason: hide.reason } : { previousReason: previous },
    },
    tx,
  );
}

/** The revocation reason for points of hidden content (restored when it is shown again). */
export const HIDDEN_REASON = 'content_hidden';

/**
 * A moderation step run inside a larger transaction (resolving reports hides the content and
 * closes the reports together): the step writes through `tx` and leaves the members whose points
 * moved in `earners`, for the caller to settle after the commit.
 */
export interface Within {
  tx: EntityManager;
  earners: string[];
}

/** Runs `work` in `within`'s transaction, or in a new one followed by settling the earners. */
export async function moderationStep<T>(
  db: { transaction<R>(work: (tx: EntityManager) => Promise<R>): Promise<R> },
  contributions: { settle(userIds: readonly string[]): Promise<void> },
  within: Within | undefined,
  work: (tx: EntityManager, earners: string[]) => Promise<T>,
): Promise<T> {
  if (within) return work(within.tx, within.earners);
  const earners: string[] = [];
  const result = await db.transaction((tx) => work(tx, earners));
  await contributions.settle(earners);
  return result;
}
