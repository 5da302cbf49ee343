import type { EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { notFound } from '../community.errors.js';
import { seesHidden } from '../community-staff.js';
import { CommunityComment } from '../entities/comment.entity.js';
import { visibleIdea } from '../ideas/idea-records.js';
import { visibleAnswer, visibleQuestion } from '../questions/question-records.js';

/**
 * The comment, when `viewer` may see it: a comment is only as visible as what it is on, and a hidden
 * one answers the same 404 as a missing one, except to its author and moderators.
 */
export async function visibleComment(manager: EntityManager, viewer: Caller | null, id: string, options: { lock?: boolean } = {}): Promise<CommunityComment> {
  const comment = await manager.getRepository(CommunityComment).findOne({ where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!comment || (comment.hiddenAt && !seesHidden(viewer, comment.authorId))) throw notFound.comment();
  try {
    if (comment.targetType === 'question') await visibleQuestion(manager, viewer, comment.targetId);
    else if (comment.targetType === 'answer') await visibleAnswer(manager, viewer, comment.targetId);
    else await visibleIdea(manager, viewer, comment.targetId);
  } catch {
    throw notFound.comment();
  }
  return comment;
}
