import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { Alert, LoadError, Loading } from '../../components/feedback';
import { canPublishPlugins, useDashboard } from '../partners/partner-api';
import { ListingForm } from './listing-form';
import { ListingMedia } from './listing-media';
import { LatestReview, ListingChangesPanel, ReviewsSection } from './listing-reviews';
import { ListingStatusBadge } from './listing-status';
import { useListing, type ListingDetails, type ListingRef } from './plugin-api';
import { VersionsSection } from './versions-section';

const FIELD_NAMES: Record<string, string> = { displayName: 'a display name', summary: 'a summary', description: 'a description', categories: 'a category', supportUrl: 'a support URL' };

/** What the draft still lacks before its first version can go to review (the API checks the same). */
function missingFields(draft: ListingDetails): string[] {
  const missing: string[] = [];
  if (!draft.displayName.trim()) missing.push('displayName');
  if (!draft.summary.trim()) missing.push('summary');
  if (!draft.description.trim()) missing.push('description');
  if (draft.categories.length === 0) missing.push('categories');
  if (!draft.supportUrl) missing.push('supportUrl');
  return missing.map((field) => FIELD_NAMES[field]);
}

/** The partner's page for one listing: its review state, the draft, images, versions and reviews. */
export function PartnerListingPage() {
  const { namespace = '', plugin = '' } = useParams();
  return <ListingPage key={`${namespace}/${plugin}`} listing={{ namespace, plugin }} />;
}

function ListingPage({ listing }: { listing: ListingRef }) {
  const data = useListing(listing);
  const dashboard = useDashboard(listing.namespace);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const canPublish = dashboard.data ? canPublishPlugins(dashboard.data.role) : false;
  const breadcrumb = (
    <p className="breadcrumb">
      <Link to={`/partners/${listing.namespace}/dashboard`}>{dashboard.data?.partner.name ?? `@${listing.namespace}`}</Link> / <Link to={`/partners/${listing.namespace}/plugins`}>Plugins</Link> /{' '}
      {data.data?.draft?.displayName ?? listing.plugin}
    </p>
  );

  if (data.isPending) {
    return (
      <section className="card">
        {breadcrumb}
        <Loading label="Loading the listing…" />
      </section>
    );
  }
  if (data.isError) {
    const notFound = data.error instanceof ApiError && data.error.status === 404;
    return (
      <section className="card">
        {breadcrumb}
        <h1>{notFound ? 'Listing not found' : 'Listing'}</h1>
        {notFound ? (
          <p>
            There is no listing <code>{`${listing.namespace}/${listing.plugin}`}</code>, or you are not a member of its partner.
          </p>
        ) : (
          <LoadError error={data.error} what="the listing" onRetry={() => void data.refetch()} />
        )}
      </section>
    );
  }
  const view = data.data;
  const draft = view.draft;
  if (!draft) {
    return (
      <section className="card">
        {breadcrumb}
        <h1>{view.public?.displayName ?? view.name}</h1>
        <Alert tone="info">Only members of {view.partner.name} can edit this listing.</Alert>
        <Link to={`/plugins/${view.namespace}/${view.plugin}`}>See its public page</Link>
      </section>
    );
  }
  const missing = view.status === 'draft' ? missingFields(draft) : [];

  return (
    <div className="page-stack">
      <section className="card">
        {breadcrumb}
        <div className="card__header">
          <h1>
            {draft.displayName} <ListingStatusBadge status={view.status} />
          </h1>
          {view.status === 'public' && <Link to={`/plugins/${view.namespace}/${view.plugin}`}>View the public page</Link>}
        </div>
        <p className="muted">
          <code>{view.name}</code>
          {view.latestVersion && (
            <>
              {' '}
              · latest published version <code>{view.latestVersion.version}</code>
            </>
          )}
        </p>
        {created && <Alert tone="success">The listing is created. Fill it in, then upload its first version.</Alert>}
        {view.status === 'draft' && (
          <p>This listing is a draft: it becomes public when a reviewer approves its first version, with the details below as they are at upload.</p>
        )}
        <LatestReview listing={listing} />
        <ListingChangesPanel listing={listing} data={view} />
      </section>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title" className="card__title">
          Listing details
        </h2>
        {canPublish ? <ListingForm key={view.id} listing={listing} draft={draft} /> : <p className="muted">Only owners and developers edit the listing.</p>}
      </section>
      {canPublish && <ListingMedia listing={listing} draft={draft} />}
      <VersionsSection listing={listing} canPublish={canPublish} missing={missing} />
      <ReviewsSection listing={listing} />
    </div>
  );
}
