import type { ContributionLine } from './community-api';

/** What earned (or took back) points, in words. */
export const SOURCE_LABELS: Record<string, string> = {
  answer_accepted: 'Answer accepted',
  helpful_vote_received: 'Answer voted helpful',
  idea_planned: 'Idea planned',
  idea_shipped: 'Idea shipped',
  verified_review: 'Verified review',
  plugin_version_published: 'Plugin version published',
  first_sale: 'First sale',
  staff_award: 'Staff award',
};

export const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;

/** Where a line's content lives in the portal (the API's link when it gives one). */
export const contentLink = (line: ContributionLine) => line.content.link;

export const signedPoints = (points: number) => (points > 0 ? `+${points}` : `${points}`);
