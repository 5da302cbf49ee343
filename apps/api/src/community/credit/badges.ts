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

export interface BadgeDefinition {
  code: string;
  name: string;
  /** The criterion in words (shown on the catalogue). */
  description: string;
  earned(stats: BadgeStats): boolean;
}

const standing = (stats: BadgeStats, source: ContributionSource) => stats.standing[source] ?? 0;

export const BADGES: readonly BadgeDefinition[] = [
  {
    code: 'first_accepted_answer',
    name: 'First accepted answer',
    description: 'An asker accepted one of your answers.',
    earned: (s) => standing(s, 'answer_accepted') >= 1,
  },
  {
    code: 'accepted_answers_10',
    name: 'Trusted answerer',
    description: '10 of your answers are accepted.',
    earned: (s) => standing(s, 'answer_accepted') >= 10,
  },
  {
    code: 'helpful_25',
    name: 'Helpful',
    description: 'Your answers received 25 helpful votes.',
    earned: (s) => standing(s, 'helpful_vote_received') >= 25,
  },
  {
    code: 'idea_planned',
    name: 'Idea planned',
    description: 'An idea of yours was planned.',
    earned: (s) => standing(s, 'idea_planned') >= 1,
  },
  {
    code: 'idea_shipped',
    name: 'Idea shipped',
    description: 'An idea you wrote, or are credited on, shipped.',
    earned: (s) => standing(s, 'idea_shipped') >= 1,
  },
  {
    code: 'plugin_published',
    name: 'Plugin publisher',
    description: 'A plugin version you uploaded was approved and published.',
    earned: (s) => standing(s, 'plugin_version_published') >= 1,
  },
  {
    code: 'points_100',
    name: '100 points',
    description: 'You have 100 points or more (all time).',
    earned: (s) => s.allTimePoints >= 100,
  },
  {
    code: 'points_1000',
    name: '1,000 points',
    description: 'You have 1,000 points or more (all time).',
    earned: (s) => s.allTimePoints >= 1000,
  },
  {
    code: 'recognised',
    name: 'Recognised',
    description: 'Guild staff gave you an award for a contribution.',
    earned: (s) => standing(s, 'staff_award') >= 1,
  },
];

export const BADGES_BY_CODE = new Map(BADGES.map((badge) => [badge.code, badge]));

/** The badges `stats` earn, in catalogue order. */
export function earnedBadges(stats: BadgeStats): string[] {
  return BADGES.filter((badge) => badge.earned(stats)).map((badge) => badge.code);
}
