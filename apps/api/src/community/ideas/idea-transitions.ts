import type { IdeaStatus } from '../entities/idea.entity.js';

/** Where an idea may go from each status; shipped is final. */
export const IDEA_TRANSITIONS: Readonly<Record<IdeaStatus, readonly IdeaStatus[]>> = {
  open: ['under_review', 'planned', 'declined'],
  under_review: ['planned', 'declined'],
  planned: ['shipped', 'declined', 'under_review'],
  declined: ['under_review'],
  shipped: [],
};

/** The statuses a mover may set (an idea is never moved back to open). */
export const IDEA_TARGET_STATUSES = ['under_review', 'planned', 'shipped', 'declined'] as const;
export type IdeaTargetStatus = (typeof IDEA_TARGET_STATUSES)[number];

export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return IDEA_TRANSITIONS[from].includes(to);
}

/** Award keys of ideas; every award uses the content `{ type: 'idea', id: ideaId }`, so hiding the idea revokes them all. */
export const ideaKeys = {
  planned: (ideaId: string) => `idea_planned:${ideaId}`,
  shipped: (ideaId: string, userId: string) => `idea_shipped:${ideaId}:${userId}`,
};

export const ideaContent = (ideaId: string) => ({ type: 'idea', id: ideaId });

/** Revocation reasons. */
export const UNPLANNED_REASON = 'idea_unplanned';
export const CREDIT_REMOVED_REASON = 'credit_removed';
