import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { RequireRole } from '../../auth/require-role';
import { hasAnyRole, PLUGIN_REVIEW_ROLES } from '../../auth/roles';
import { DecisionClosed, DecisionForm } from '../../components/decision-form';
import { Alert, Button, ErrorAlert, LoadError, Loading } from '../../components/feedback';
import { When } from '../../components/when';
import { DownloadPackageButton } from '../plugins/download';
import { formatDuration } from '../plugins/duration';
import { ValidationReport } from '../plugins/validation-report';
import { ReviewStatusBadge } from '../plugins/version-status';
import { ListingCopyDetails, ListingDiff } from './listing-copy';
import { ManifestDetails } from './manifest-details';
import { PermissionDiffView } from './permission-diff';
import { useClaim, useDecideReview, useReview, type ReviewDetail } from './plugin-review-api';
import { StaffReviewHistory } from './staff-review-history';

export function PluginReviewPage() {
  return (
    <RequireRole roles={PLUGIN_REVIEW_ROLES} title="Plugin review">
      <Review />
    </RequireRole>
  );
}

function Review() {
  const { id = '' } = useParams();
  const review = useReview(id);
  const [decided, setDecided] = useState<string>();
  const title = review.data ? `${review.data.listing.displayName}${review.data.version ? ` ${review.data.version.version}` : ''}` : 'Review';
  const breadcrumb = (
    <p className="breadcrumb">
      <Link to="/staff/plugin-reviews">Plugin reviews</Link> / {title}
    </p>
  );
  if (review.isPending) {
    return (
      <section className="card">
        {breadcrumb}
        <Loading label="Loading the review…" />
      </section>
    );
  }
  if (review.isError) {
    return (
      <section className="card">
        {breadcrumb}
        <h1>Plugin review</h1>
        <LoadError error={review.error} what="the review" onRetry={() => void review.refetch()} />
      </section>
    );
  }
  const data = review.data;
  return (
    <div className="page-stack">
      <section className="card">
        {breadcrumb}
        <h1>
          {title} <ReviewStatusBadge status={data.status} />
        </h1>
        <p className="muted">
          {data.kind === 'version' ? 'A new version' : 'Changes to the listing'} of <code>{data.listing.name}</code> by {data.partner.name} · submitted <When value={data.submittedAt} empty="—" withTime />
          {data.submittedBy && <> by {data.submittedBy.displayName}</>} · {data.status === 'submitted' || data.status === 'in_review' ? 'waiting' : 'took'} {formatDuration(data.waitingSeconds)}
          {data.listing.status === 'draft' && <> · the listing is not public yet: approving publishes it</>}
        </p>
        {decided && <Alert tone="success">{decided}</Alert>}
        {data.message && (
          <Alert tone="info" title="Message to the partner">
            <blockquote className="reviewer-message">{data.message}</blockquote>
          </Alert>
        )}
        <ClaimPanel review={data} />
      </section>
      {data.version && data.permissionDiff && (
        <section className="card">
          <PermissionDiffView diff={data.permissionDiff} />
        </section>
      )}
      {data.version && (
        <section className="card" aria-labelledby="package-title">
          <h2 id="package-title" className="card__title">
            Package
          </h2>
          <ManifestDetails version={data.version} />
          <h3>Validation report</h3>
          <ValidationReport report={data.version.report} />
          <p>
            <DownloadPackageButton listing={{ namespace: data.partner.namespace, plugin: data.listing.name.slice(data.listing.name.indexOf('/') + 1) }} version={data.version.version} />
          </p>
        </section>
      )}
      {data.version && (
        <section className="card" aria-labelledby="readme-title">
          <h2 id="readme-title" className="card__title">
            README
          </h2>
          {/* Rendered and sanitised by the API. */}
          <div className="markdown markdown--boxed" dangerouslySetInnerHTML={{ __html: data.version.readmeHtml }} />
          <h2>Changelog</h2>
          {data.version.changelogHtml ? <div className="markdown markdown--boxed" dangerouslySetInnerHTML={{ __html: data.version.changelogHtml }} /> : <p className="muted">The package has no CHANGELOG.md.</p>}
        </section>
      )}
      {data.proposed && (
        <section className="card" aria-labelledby="proposed-title">
          <h2 id="proposed-title" className="card__title">
            Proposed listing
          </h2>
          <p className="muted">{data.listing.status === 'draft' ? 'What the public will see once this is approved.' : 'The copy approval publishes, and what it changes.'}</p>
          {data.listingDiff && data.listing.status === 'public' && (
            <>
              <h3>Changes</h3>
              <ListingDiff changes={data.listingDiff} />
            </>
          )}
          <h3>As it will appear</h3>
          <ListingCopyDetails copy={data.proposed} />
        </section>
      )}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title" className="card__title">
          History
        </h2>
        <StaffReviewHistory history={data.history} />
      </section>
      <DecisionCard review={data} onDecided={setDecided} />
    </div>
  );
}

/** Who holds the item, and the button to take it or give it back. */
function ClaimPanel({ review }: { review: ReviewDetail }) {
  const auth = useAuth();
  const claim = useClaim(review.id);
  const me = auth.user?.id;
  const isAdmin = hasAnyRole(auth, ['admin']);
  if (review.ownPartner) {
    return <Alert title="You cannot review this.">You belong to {review.partner.name}: another reviewer must decide on its plugins.</Alert>;
  }
  if (review.status === 'submitted') {
    return (
      <div className="claim">
        <p>Nobody is reviewing this yet.</p>
        <Button type="button" pending={claim.isPending} pendingLabel="Claiming…" onClick={() => claim.mutate('claim')}>
          Claim
        </Button>
        <ErrorAlert error={claim.error} />
      </div>
    );
  }
  if (review.status !== 'in_review') return null;
  const mine = review.claimedBy?.id === me;
  return (
    <div className="claim">
      <p>
        {mine ? 'You are reviewing this' : `${review.claimedBy?.displayName ?? 'Another reviewer'} is reviewing this`}
        {review.claimedAt && (
          <>
            {' '}
            since <When value={review.claimedAt} empty="" withTime />
          </>
        )}
        .
      </p>
      {(mine || isAdmin) && (
        <Button type="button" variant="secondary" pending={claim.isPending} pendingLabel="Releasing…" onClick={() => claim.mutate('release')}>
          Release
        </Button>
      )}
      <ErrorAlert error={claim.error} />
    </div>
  );
}

function DecisionCard({ review, onDecided }: { review: ReviewDetail; onDecided: (done: string) => void }) {
  const auth = useAuth();
  const decide = useDecideReview(review.id);
  const mine = review.status === 'in_review' && review.claimedBy?.id === auth.user?.id;
  if (mine && !review.ownPartner) {
    const published = review.kind === 'version' ? 'the version is published' : 'the new listing copy is public';
    return <DecisionForm label="Decide on the review" recipient="partner" approved={`Approved: ${published} and the partner was notified.`} decide={decide} onDecided={onDecided} />;
  }
  const why =
    review.status === 'submitted'
      ? 'Claim the item to decide on it.'
      : review.status === 'in_review'
        ? 'Only the reviewer holding the item can decide on it.'
        : `Decisions are made on open items; this one is ${review.status.replace('_', ' ')}.`;
  return <DecisionClosed reason={why} />;
}
