import { KeywordIndex } from './keywords.js';
import type { Rule } from './settings.js';

export interface Classification {
  category: string;
  confidence: number;
}

/** What a ticket no rule claims with enough confidence gets. */
export const FALLBACK: Classification = { category: 'general', confidence: 0.1 };

// A hit in the subject counts double: it is what the customer chose to lead with.
const SUBJECT_WEIGHT = 2;
const BODY_WEIGHT = 1;

/**
 * Confidence grows with the best category's score (one subject hit: 0.5, three: 0.88) and
 * shrinks when a second category scores close to it (a tie halves it).
 */
export function confidenceOf(best: number, runnerUp: number): number {
  if (best <= 0) return 0;
  const strength = 1 - 0.5 ** (best / SUBJECT_WEIGHT);
  const dominance = best / (best + runnerUp);
  return Math.round(strength * dominance * 100) / 100;
}

/** Distinct keywords per rule, weighted by where they were found: repeating a word adds nothing. */
function scores(index: KeywordIndex, ruleCount: number, ticket: { subject: string; body: string }): number[] {
  const totals = new Array<number>(ruleCount).fill(0);
  const inSubject = index.find(ticket.subject);
  for (const keyword of inSubject) totals[keyword.rule] += SUBJECT_WEIGHT;
  for (const keyword of index.find(ticket.body)) if (!inSubject.has(keyword)) totals[keyword.rule] += BODY_WEIGHT;
  return totals;
}

// A sandbox serves one install, whose rules rarely change: the index is built once, not per ticket.
let cached: { rules: string; index: KeywordIndex } | undefined;

function indexFor(rules: readonly Rule[]): KeywordIndex {
  const key = JSON.stringify(rules);
  if (cached?.rules !== key) cached = { rules: key, index: new KeywordIndex(rules) };
  return cached.index;
}

export function classify(ticket: { subject: string; body: string }, rules: readonly Rule[], minimumConfidence: number): Classification {
  const ranked = scores(indexFor(rules), rules.length, ticket)
    .map((score, rule) => ({ category: rules[rule].category, score }))
    // Stable sort: on equal scores the rule listed first wins.
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = ranked;
  if (!best) return { ...FALLBACK };
  const confidence = confidenceOf(best.score, runnerUp?.score ?? 0);
  return confidence >= minimumConfidence && confidence > FALLBACK.confidence ? { category: best.category, confidence } : { ...FALLBACK };
}
