import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/auth-store';
import { hasAnyRole, PLUGIN_REVIEW_ROLES } from '../../auth/roles';
import { ExternalLinkOr } from '../../components/external-link';
import { LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { StaffYank } from '../plugin-reviews/staff-yank';
import { categoryLabel } from '../plugins/categories';
import { useListing, useVersions, type ListingRef, type VersionSummary } from '../plugins/plugin-api';
import { pricingText } from '../plugins/pricing';
import { VersionMarks } from '../plugins/version-status';

/** A public listing as buyers see it: the approved copy only, never the draft. */
export function PublicListingPage() {
  const { namespace = '', plugin = '' } = useParams();
  return <ListingPage key={`${namespace}/${plugin}`} listing={{ namespace, plugin }} />;
}

function ListingPage({ listing }: { listing: ListingRef }) {
  const data = useListing(listing);
  if (data.isPending) {
    return (
      <section className="card">
        <Loading label="Loading the plugin…" />
      </section>
    );
  }
  const notFound = (data.isError && data.error instanceof ApiError && data.error.status === 404) || (data.isSuccess && !data.data.public);
  if (notFound) {
    return (
      <section className="card card--narrow">
        <h1>Plugin not found</h1>
        <p>
          No public plugin is called <code>{`${listing.namespace}/${listing.plugin}`}</code>.
        </p>
        <p>
          <Link to="/plugins">Browse the catalog</Link>
        </p>
      </section>
    );
  }
  if (data.isError) {
    return (
      <section className="card">
        <LoadError error={data.error} what="this plugin" onRetry={() => void data.refetch()} />
      </section>
    );
  }
  const view = data.data;
  const copy = view.public!;
  return (
    <div className="page-stack">
      <article className="card listing-page">
        <p className="breadcrumb">
          <Link to="/plugins">Plugins</Link> / {copy.displayName}
        </p>
        <header className="profile-head">
          {copy.iconUrl ? <img className="listing-icon listing-icon--large" src={copy.iconUrl} alt={`${copy.displayName} icon`} /> : <div className="listing-icon listing-icon--large listing-icon--empty" aria-hidden="true" />}
          <div>
            <h1>{copy.displayName}</h1>
            <p className="muted">
              by <Link to={`/partners/${view.partner.namespace}`}>{view.partner.name}</Link> · <code>{view.name}</code>
            </p>
          </div>
        </header>
        <p className="listing-page__summary">{copy.summary}</p>
        <dl className="details">
          <dt>Price</dt>
          <dd data-testid="listing-price">{pricingText(copy.pricing)}</dd>
          <dt>Latest version</dt>
          <dd>{view.latestVersion ? <code>{view.latestVersion.version}</code> : <span className="muted">None installable</span>}</dd>
          <dt>Categories</dt>
          <dd>{copy.categories.length ? copy.categories.map(categoryLabel).join(', ') : <span className="muted">None</span>}</dd>
          <dt>Support</dt>
          <dd>
            <ExternalLinkOr href={copy.supportUrl} none="None given" />
          </dd>
          <dt>Privacy policy</dt>
          <dd>
            <ExternalLinkOr href={copy.privacyPolicyUrl} none="None given" />
          </dd>
          <dt>Published</dt>
          <dd>
            <When value={view.publishedAt} empty="—" />
          </dd>
        </dl>
        <h2>About</h2>
        {/* Rendered and sanitised by the API: no script, no event handlers, no javascript: links. */}
        <div className="markdown" data-testid="listing-description" dangerouslySetInnerHTML={{ __html: copy.descriptionHtml }} />
        {copy.screenshots.length > 0 && (
          <>
            <h2>Screenshots</h2>
            <ul className="screenshots">
              {copy.screenshots.map((shot, index) => (
                <li key={shot.sha256}>
                  <figure>
                    <img src={shot.url} alt={shot.caption || `Screenshot ${index + 1}`} loading="lazy" />
                    {shot.caption && <figcaption>{shot.caption}</figcaption>}
                  </figure>
                </li>
              ))}
            </ul>
          </>
        )}
        <ListingCommunity name={view.name} />
      </article>
      <PublicVersions listing={listing} />
    </div>
  );
}

/** Where buyers ask about the plugin and suggest changes to it: the community forms start with the listing filled in. */
function ListingCommunity({ name }: { name: string }) {
  // Listing names are slugs (`namespace/plugin`): nothing in them needs escaping in a query.
  const listing = `listing=${name}`;
  return (
    <section aria-labelledby="listing-community-title">
      <h2 id="listing-community-title">Community</h2>
      <p>
        <Link to={`/community?${listing}`}>Questions about this plugin</Link> · <Link to={`/community/questions/new?${listing}`}>Ask a question about this plugin</Link> ·{' '}
        <Link to={`/community/ideas/new?${listing}`}>Suggest an idea</Link>
      </p>
    </section>
  );
}

function PublicVersions({ listing }: { listing: ListingRef }) {
  const versions = useVersions(listing);
  const staff = hasAnyRole(useAuth(), PLUGIN_REVIEW_ROLES);
  return (
    <section className="card" aria-labelledby="public-versions-title">
      <h2 id="public-versions-title" className="card__title">
        Versions
      </h2>
      {versions.isPending ? (
        <Loading label="Loading versions…" />
      ) : versions.isLoadingError ? (
        <LoadError error={versions.error} what="the versions" onRetry={() => void versions.refetch()} />
      ) : (
        <>
          <PublishedVersionTable listing={listing} versions={versions.data.pages.flatMap((page) => page.items)} staff={staff} />
          <LoadMore query={versions} what="versions" />
        </>
      )}
    </section>
  );
}

/**
 * Only published versions: the partner's members and staff get the others from the same route too.
 * `staff` adds the security yank to each row.
 */
function PublishedVersionTable({ listing, versions, staff }: { listing: ListingRef; versions: VersionSummary[]; staff: boolean }) {
  const published = versions.filter((version) => version.status === 'published');
  if (published.length === 0) {
    return (
      <div className="empty">
        <p>No published versions.</p>
      </div>
    );
  }
  return (
    <Table label="Published versions" columns={['Version', 'Published', 'Host API', 'Notes']} actions={staff}>
      {published.map((version) => (
        <tr key={version.version}>
          <th scope="row">
            <code>{version.version}</code> <VersionMarks deprecated={version.deprecated} yanked={version.yanked} yankedByStaff={version.yankedByStaff} />
          </th>
          <td>
            <When value={version.publishedAt} empty="—" />
          </td>
          <td>
            <code>{version.hostApi}</code>
          </td>
          <td>{version.yanked ? `Do not install: ${version.yankReason ?? 'withdrawn by its publisher'}.` : version.deprecated ? version.deprecationMessage : ''}</td>
          {staff && (
            <td className="table__actions">
              <StaffYank listing={listing} version={version} />
            </td>
          )}
        </tr>
      ))}
    </Table>
  );
}
