import { Timeline } from '../../components/timeline';
import type { ReviewDetail } from './plugin-review-api';

const ACTION_LABELS: Record<ReviewDetail['history'][number]['action'], string> = {
  submitted: 'Submitted',
  claimed: 'Claimed',
  released: 'Released',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

/** Every step of the review, oldest first, with who took it (reviewers by name) and what they said. */
export function StaffReviewHistory({ history }: { history: ReviewDetail['history'] }) {
  return <Timeline label="Review history" entries={history.map((entry) => ({ at: entry.at, title: ACTION_LABELS[entry.action], who: entry.actor?.displayName ?? 'Guild', message: entry.message }))} />;
}
