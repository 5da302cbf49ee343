import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge } from '../../components/badge';
import { Button, LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { canPublishPlugins, useDashboard } from '../partners/partner-api';
import { ListingStatusBadge } from './listing-status';
import { NewListingForm } from './new-listing-form';
import { usePartnerListings } from './plugin-api';
import { VersionMarks } from './version-status';

/** A partner's listings, drafts included, and the form to start a new one. */
export function PartnerPluginsPage() {
  const { namespace = '' } = useParams();
  return <PartnerPlugins key={namespace} namespace={namespace} />;
}

function PartnerPlugins({ namespace }: { namespace: string }) {
  const dashboard = useDashboard(namespace);
  const [creating, setCreating] = useState(false);
  const canPublish = dashboard.data ? canPublishPlugins(dashboard.data.role) : false;
  const partnerName = dashboard.data?.partner.name ?? `@${namespace}`;

  return (
    <div className="page-stack">
      <section className="card">
        <p className="breadcrumb">
          <Link to={`/partners/${namespace}/dashboard`}>{partnerName}</Link> / Plugins
        </p>
        <div className="card__header">
          <h1>Plugins</h1>
          {canPublish && !creating && (
            <Button type="button" onClick={() => setCreating(true)}>
              New listing
            </Button>
          )}
        </div>
        <p className="muted">
          Each listing is a plugin in the <code>@{namespace}</code> namespace. It becomes public in the catalog when Guild&rsquo;s reviewers approve its first version.
        </p>
        {dashboard.isError && <LoadError error={dashboard.error} what="this partner" onRetry={() => void dashboard.refetch()} />}
        {creating && (
          <section aria-labelledby="new-listing-title" className="subcard">
            <h2 id="new-listing-title" className="card__title">
              New listing
            </h2>
            <NewListingForm namespace={namespace} />
            <Button type="button" variant="link" onClick={() => setCreating(false)}>
              Cancel
            </Button>
          </section>
        )}
        <ListingList namespace={namespace} />
      </section>
    </div>
  );
}

function ListingList({ namespace }: { namespace: string }) {
  const listings = usePartnerListings(namespace);
  if (listings.isPending) return <Loading label="Loading your listings…" />;
  if (listings.isLoadingError) return <LoadError error={listings.error} what="your listings" onRetry={() => void listings.refetch()} />;
  const items = listings.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>No listings yet.</p>
        <p className="muted">Create one for each plugin you want to publish, then upload its first version.</p>
      </div>
    );
  }
  return (
    <>
      <Table label="Your listings" columns={['Listing', 'Status', 'Latest published version', 'Created']}>
        {items.map((listing) => (
          <tr key={listing.id}>
            <th scope="row">
              <Link to={`/partners/${namespace}/plugins/${listing.plugin}`}>{listing.draft?.displayName ?? listing.public?.displayName ?? listing.name}</Link>
              <br />
              <code className="muted">{listing.name}</code>
            </th>
            <td>
              <ListingStatusBadge status={listing.status} />{' '}
              {listing.pendingReview ? <Badge tone="waiting">Changes in review</Badge> : listing.hasUnpublishedChanges && <Badge tone="attention">Unpublished changes</Badge>}
            </td>
            <td>
              {listing.latestVersion ? (
                <>
                  <code>{listing.latestVersion.version}</code> <VersionMarks deprecated={listing.latestVersion.deprecated} yanked={false} />
                </>
              ) : (
                <span className="muted">None yet</span>
              )}
            </td>
            <td>
              <When value={listing.createdAt} empty="—" />
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore query={listings} what="listings" />
    </>
  );
}
