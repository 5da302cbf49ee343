/**
 * How contributions are priced. Policies are versioned and never edited in place: a change is a new
 * entry at the end, and every log line records the version that priced it, so old points keep
 * their meaning. Caps count a member's points from one source per UTC day; revocations do not free
 * room under a cap (so retracting and re-casting votes earns nothing extra).
 */
export const CONTRIBUTION_SOURCES = [
  'answer_accepted',
  'helpful_vote_received',
  'idea_planned',
  'idea_shipped',
  'verified_review',
  'plugin_version_published',
  'first_sale',
  'staff_award',
] as const;
export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number];

export interface SourceRule {
  /** Points per award; for staff awards, the most one award may give (staff choose the amount). */
  points: number;
  /** The most points this source gives a member per UTC day; null: no cap. */
  dailyCap: number | null;
  description: string;
}

export interface ContributionPolicy {
  version: number;
  /** ISO date from which the policy prices new awards. */
  effectiveFrom: string;
  rules: Record<ContributionSource, SourceRule>;
}

export const CONTRIBUTION_POLICIES: readonly ContributionPolicy[] = [
  {
    version: 1,
    effectiveFrom: '2026-11-24',
    rules: {
      answer_accepted: { points: 15, dailyCap: 150, description: 'The asker accepted your answer.' },
      helpful_vote_received: { points: 5, dailyCap: 100, description: 'A member voted your answer helpful.' },
      idea_planned: { points: 10, dailyCap: 50, description: 'Your idea was planned.' },
      idea_shipped: { points: 40, dailyCap: 200, description: 'An idea you wrote, or whose discussion you shaped, shipped.' },
      verified_review: { points: 10, dailyCap: 50, description: 'You reviewed an add-on you bought.' },
      plugin_version_published: { points: 20, dailyCap: 40, description: 'A plugin version you uploaded was approved and published.' },
      first_sale: { points: 100, dailyCap: null, description: 'A plugin you built made its first sale.' },
      staff_award: { points: 500, dailyCap: null, description: 'Staff recognised a contribution (with a reason).' },
    },
  },
];

export const CURRENT_POLICY: ContributionPolicy = CONTRIBUTION_POLICIES[CONTRIBUTION_POLICIES.length - 1];
