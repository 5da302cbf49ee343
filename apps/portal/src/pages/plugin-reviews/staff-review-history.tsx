import { When } from '../../components/when';
import type { ReviewDetail } from './plugin-review-api';

export const REVIEW_ACTION_LABELS: Record<string, string> = {
  submitted: 'Submitted',
  claimed: 'Claimed',
  released: 'Released',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

/** Every step of the review, oldest first, with who took it and what they said. */
export function StaffReviewHistory({ history }: { history: ReviewDetail['history'] }) {
  if (history.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="timeline" aria-label="Review history">
      {history.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__entry">
          <p className="timeline__head">
            <strong>{REVIEW_ACTION_LABELS[entry.action] ?? entry.action}</strong> <span className="muted">by {entry.actor?.displayName ?? 'Guild'}</span> · <When value={entry.at} empty="—" withTime />
          </p>
          {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
