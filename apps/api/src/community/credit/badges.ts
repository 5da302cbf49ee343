import type { ContributionSource } from '../contributions/contribution-policy.js';

/**
 * Badges and what earns them. Criteria read only the ledger: a member's standing awards per source
 * (`contribution_awards` with `active`) and all-time points (`contribution_totals`). A badge is
 * checked by the badge job after points change and by its 10-minute sweep; once earned it is kept,
 * even when the awards behind it are later revoked.
 */
export interface BadgeStats {
  /** Standing awards per source. */
  standing: Partial<Record<ContributionSource, number>>;
  allTimePoints: number;
}

/** What earns a badge: a number of standing awards from one source, or all-time points. */
export type BadgeCriterion = { source: ContributionSource; atLeast: number } | { points: number };

export interface BadgeDefinition {
  code: string;
  name: string;
  /** The criterion in words (shown on the catalogue). */
  description: string;
  criterion: BadgeCriterion;
}

export const BADGES: readonly BadgeDefinition[] = [
  { code: 'first_accepted_answer', name: 'First accepted answer', description: 'An asker accepted one of your answers.', criterion: { source: 'answer_accepted', atLeast: 1 } },
  { code: 'accepted_answers_10', name: 'Trusted answerer', description: '10 of your answers are accepted.', criterion: { source: 'answer_accepted', atLeast: 10 } },
  { code: 'helpful_25', name: 'Helpful', description: 'Your answers received 25 helpful votes.', criterion: { source: 'helpful_vote_received', atLeast: 25 } },
  { code: 'idea_planned', name: 'Idea planned', description: 'An idea of yours was planned.', criterion: { source: 'idea_planned', atLeast: 1 } },
  { code: 'idea_shipped', name: 'Idea shipped', description: 'An idea you wrote, or are credited on, shipped.', criterion: { source: 'idea_shipped', atLeast: 1 } },
  { code: 'plugin_published', name: 'Plugin publisher', description: 'A plugin version you uploaded was approved and published.', criterion: { source: 'plugin_version_published', atLeast: 1 } },
  { code: 'points_100', name: '100 points', description: 'You have 100 points or more (all time).', criterion: { points: 100 } },
  { code: 'points_1000', name: '1,000 points', description: 'You have 1,000 points or more (all time).', criterion: { points: 1000 } },
  { code: 'recognised', name: 'Recognised', description: 'Guild staff gave you an award for a contribution.', criterion: { source: 'staff_award', atLeast: 1 } },
];

export const BADGES_BY_CODE = new Map(BADGES.map((badge) => [badge.code, badge]));

const CATALOGUE_ORDER = new Map(BADGES.map((badge, i) => [badge.code, i]));

/** Sorts badge codes (or anything carrying one) in catalogue order; codes no longer in the catalogue last. */
export function byCatalogueOrder(a: string, b: string): number {
  return (CATALOGUE_ORDER.get(a) ?? BADGES.length) - (CATALOGUE_ORDER.get(b) ?? BADGES.length);
}

function meets(criterion: BadgeCriterion, stats: BadgeStats): boolean {
  return 'points' in criterion ? stats.allTimePoints >= criterion.points : (stats.standing[criterion.source] ?? 0) >= criterion.atLeast;
}

/** The badges `stats` earn, in catalogue order. */
export function earnedBadges(stats: BadgeStats): string[] {
  return BADGES.filter((badge) => meets(badge.criterion, stats)).map((badge) => badge.code);
}
