import type { ReactNode } from 'react';

/** The badge tones in styles.css: done, waiting, needs attention, failed, set aside. */
export type BadgeTone = 'processed' | 'waiting' | 'attention' | 'failed' | 'ignored';

export function Badge({ tone, children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={tone ? `badge badge--${tone}` : 'badge'}>{children}</span>;
}

/** One colour per review state wherever it shows (partner applications, plugin reviews, versions). */
export const REVIEW_STATE_TONES = {
  submitted: 'waiting',
  in_review: 'waiting',
  approved: 'processed',
  published: 'processed',
  changes_requested: 'attention',
  rejected: 'failed',
  withdrawn: 'ignored',
} as const satisfies Record<string, BadgeTone>;
