import { Alert, Button, ErrorAlert, LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { When } from '../../components/when';
import { useListingReviews, useSubmitListingChanges, type Listing, type ListingRef, type ListingReview } from './plugin-api';
import { ReviewHistory } from './review-history';
import { ReviewStatusBadge } from './version-status';

const what = (review: ListingReview) => (review.version ? `Version ${review.version}` : 'Listing changes');

const historyOf = (review: ListingReview) => review.history.map((entry) => ({ at: entry.at, action: entry.action, who: entry.by === 'reviewer' ? 'a reviewer' : entry.actorName, message: entry.message }));

const HEADLINES: Record<ListingReview['status'], string> = {
  submitted: 'waiting for a reviewer',
  in_review: 'a reviewer is on it',
  approved: 'approved',
  rejected: 'rejected',
  changes_requested: 'a reviewer asked for changes',
  withdrawn: 'withdrawn',
};

/**
 * The latest review, up top where the partner looks first: its state and the reviewer's message.
 * Nothing while there has been no review yet.
 */
export function LatestReview({ listing }: { listing: ListingRef }) {
  const reviews = useListingReviews(listing);
  const latest = reviews.data?.pages[0]?.items[0];
  if (!latest) return null;
  const tone = latest.status === 'approved' ? 'success' : latest.status === 'rejected' || latest.status === 'changes_requested' ? 'error' : 'info';
  return (
    <div className="latest-review" data-testid="review-state">
      <Alert tone={tone} title={`${what(latest)}: ${HEADLINES[latest.status]}.`}>
        <p className="muted">
          Submitted <When value={latest.submittedAt} empty="—" withTime />
          {latest.decidedAt && (
            <>
              {' '}
              · decided <When value={latest.decidedAt} empty="—" withTime />
            </>
          )}
        </p>
        {latest.message && (
          <blockquote className="reviewer-message" aria-label="Reviewer's message">
            {latest.message}
          </blockquote>
        )}
      </Alert>
    </div>
  );
}

/** Every review of the listing, newest first, with its messages and steps. */
export function ReviewsSection({ listing }: { listing: ListingRef }) {
  const reviews = useListingReviews(listing);
  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title" className="card__title">
        Reviews
      </h2>
      {reviews.isPending ? (
        <Loading label="Loading reviews…" />
      ) : reviews.isLoadingError ? (
        <LoadError error={reviews.error} what="the reviews" onRetry={() => void reviews.refetch()} />
      ) : reviews.data.pages[0].items.length === 0 ? (
        <div className="empty">
          <p>Nothing has been sent to review yet.</p>
        </div>
      ) : (
        <>
          <ul className="plain-list review-list">
            {reviews.data.pages
              .flatMap((page) => page.items)
              .map((review) => (
                <li key={review.id} className="review-list__item">
                  <h3>
                    {what(review)} <ReviewStatusBadge status={review.status} />
                  </h3>
                  <ReviewHistory history={historyOf(review)} label={`History of ${what(review).toLowerCase()}`} />
                </li>
              ))}
          </ul>
          <LoadMore query={reviews} what="reviews" />
        </>
      )}
    </section>
  );
}

/** For a public listing whose draft differs from the public copy: send the changes to review. */
export function ListingChangesPanel({ listing, data }: { listing: ListingRef; data: Listing }) {
  const submit = useSubmitListingChanges(listing);
  if (data.status !== 'public') return null;
  if (data.pendingReview) {
    return (
      <Alert tone="info" title="Your listing changes are in review.">
        Submitted <When value={data.pendingReview.submittedAt} empty="—" withTime />. The public page shows the approved copy until a reviewer approves them.
      </Alert>
    );
  }
  if (!data.hasUnpublishedChanges) return <p className="muted">The public page shows this draft as it is.</p>;
  return (
    <div className="listing-changes">
      <Alert tone="info" title="The draft has changes the public page does not show yet.">
        <p>Changes to a public listing go through review before buyers see them.</p>
        <Button type="button" pending={submit.isPending} pendingLabel="Submitting…" onClick={() => submit.mutate(undefined)}>
          Submit listing changes for review
        </Button>
      </Alert>
      <ErrorAlert error={submit.error} />
    </div>
  );
}
