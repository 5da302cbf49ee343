import type { EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { notFound } from '../community.errors.js';
import { seesHidden } from '../community-staff.js';
import { Idea } from '../entities/idea.entity.js';

/**
 * The idea, when `viewer` may see it: a hidden idea answers the same 404 as a missing one, except
 * to its author and moderators. With `lock`, the row is locked for the rest of `manager`'s transaction.
 */
export async function visibleIdea(manager: EntityManager, viewer: Caller | null, id: string, options: { lock?: boolean } = {}): Promise<Idea> {
  const idea = await manager.getRepository(Idea).findOne({ where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!idea || (idea.hiddenAt && !seesHidden(viewer, idea.authorId))) throw notFound.idea();
  return idea;
}
