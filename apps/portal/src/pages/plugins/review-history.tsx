import { When } from '../../components/when';

export const REVIEW_ACTION_LABELS: Record<string, string> = {
  submitted: 'Submitted',
  claimed: 'A reviewer started',
  released: 'Back in the queue',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

export interface HistoryLine {
  at: string;
  action: string;
  /** Who did it, when the API names them; reviewers may stay anonymous to partners. */
  who: string | null;
  message: string | null;
}

/** A review's steps as the partner sees them, oldest first, with the reviewers' messages. */
export function ReviewHistory({ history, label = 'Review history' }: { history: HistoryLine[]; label?: string }) {
  if (history.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {history.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__entry">
          <p className="timeline__head">
            <strong>{REVIEW_ACTION_LABELS[entry.action] ?? entry.action}</strong>
            {entry.who && <span className="muted"> by {entry.who}</span>} · <When value={entry.at} empty="—" withTime />
          </p>
          {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
