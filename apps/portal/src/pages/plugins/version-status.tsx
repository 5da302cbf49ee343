import { Badge, REVIEW_STATE_TONES } from '../../components/badge';
import type { ListingReview, VersionSummary } from './plugin-api';

/** A version's state: its review's, with `approved` shown as `published`. */
const VERSION_STATUS_LABELS: Record<VersionSummary['status'], string> = {
  submitted: 'Waiting for review',
  in_review: 'In review',
  published: 'Published',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

export function VersionStatusBadge({ status }: { status: VersionSummary['status'] }) {
  return <Badge tone={REVIEW_STATE_TONES[status]}>{VERSION_STATUS_LABELS[status]}</Badge>;
}

/** The marks a published version may carry, beside its status. */
export function VersionMarks({ deprecated, yanked, yankedByStaff }: { deprecated: boolean; yanked: boolean; yankedByStaff?: boolean }) {
  if (!deprecated && !yanked) return null;
  return (
    <>
      {deprecated && <Badge tone="attention">Deprecated</Badge>} {yanked && <Badge tone="failed">{yankedByStaff ? 'Yanked by Guild' : 'Yanked'}</Badge>}
    </>
  );
}

/** A review's state (versions and listing changes alike). */
const REVIEW_STATUS_LABELS: Record<ListingReview['status'], string> = {
  submitted: 'Waiting for review',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

export function ReviewStatusBadge({ status }: { status: ListingReview['status'] }) {
  return <Badge tone={REVIEW_STATE_TONES[status]}>{REVIEW_STATUS_LABELS[status]}</Badge>;
}
