/** A version's review state as the API names it (`approved` is shown as `published`). */
export type VersionStatus = 'submitted' | 'in_review' | 'published' | 'rejected' | 'changes_requested' | 'withdrawn';

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  submitted: 'Waiting for review',
  in_review: 'In review',
  published: 'Published',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

const TONES: Record<VersionStatus, string> = {
  submitted: 'badge--waiting',
  in_review: 'badge--waiting',
  published: 'badge--processed',
  rejected: 'badge--failed',
  changes_requested: 'badge--attention',
  withdrawn: 'badge--ignored',
};

export function VersionStatusBadge({ status }: { status: string }) {
  const known = status in VERSION_STATUS_LABELS ? (status as VersionStatus) : undefined;
  return <span className={`badge ${known ? TONES[known] : ''}`}>{known ? VERSION_STATUS_LABELS[known] : status.replace(/_/g, ' ')}</span>;
}

/** The marks a published version may carry, beside its status. */
export function VersionMarks({ deprecated, yanked, yankedByStaff }: { deprecated: boolean; yanked: boolean; yankedByStaff?: boolean }) {
  if (!deprecated && !yanked) return null;
  return (
    <>
      {deprecated && <span className="badge badge--attention">Deprecated</span>} {yanked && <span className="badge badge--failed">{yankedByStaff ? 'Yanked by Guild' : 'Yanked'}</span>}
    </>
  );
}

/** A review's state (versions and listing changes alike). */
export const REVIEW_STATUS_LABELS: Record<string, string> = {
  submitted: 'Waiting for review',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};

export function ReviewStatusBadge({ status }: { status: string }) {
  const tone = status === 'approved' ? 'badge--processed' : status === 'rejected' ? 'badge--failed' : status === 'changes_requested' ? 'badge--attention' : status === 'withdrawn' ? 'badge--ignored' : 'badge--waiting';
  return <span className={`badge ${tone}`}>{REVIEW_STATUS_LABELS[status] ?? status}</span>;
}
