import { Timeline } from '../../components/timeline';

/** The steps as the partner reads them: reviewers stay unnamed. */
const ACTION_LABELS: Record<string, string> = {
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
  return <Timeline label={label} entries={history.map((entry) => ({ ...entry, title: ACTION_LABELS[entry.action] ?? entry.action }))} />;
}
