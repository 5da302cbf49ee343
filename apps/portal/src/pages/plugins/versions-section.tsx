import { Fragment, useState } from 'react';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { formatBytes } from './bytes';
import { DownloadPackageButton } from './download';
import { useVersion, useVersions, type ListingRef, type VersionSummary } from './plugin-api';
import { ReviewHistory } from './review-history';
import { ValidationReport } from './validation-report';
import { VersionActions } from './version-actions';
import { VersionMarks, VersionStatusBadge } from './version-status';
import { VersionUpload } from './version-upload';

/** Upload a version, and every version with its review state, marks and actions. */
export function VersionsSection({ listing, canPublish, missing }: { listing: ListingRef; canPublish: boolean; missing: string[] }) {
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title" className="card__title">
        Versions
      </h2>
      {canPublish &&
        (missing.length > 0 ? (
          <Alert tone="info" title="Finish the listing first.">
            The first version makes the listing public, so it needs: {missing.join(', ')}. Fill them in above and save the draft, then upload a version.
          </Alert>
        ) : (
          <VersionUpload listing={listing} />
        ))}
      <VersionList listing={listing} canPublish={canPublish} />
    </section>
  );
}

function VersionList({ listing, canPublish }: { listing: ListingRef; canPublish: boolean }) {
  const versions = useVersions(listing);
  const [open, setOpen] = useState<string>();
  if (versions.isPending) return <Loading label="Loading versions…" />;
  if (versions.isLoadingError) return <LoadError error={versions.error} what="the versions" onRetry={() => void versions.refetch()} />;
  const items = versions.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>No versions yet.</p>
      </div>
    );
  }
  return (
    <>
      <h3>All versions</h3>
      <Table label="Versions" columns={['Version', 'Status', 'Uploaded', 'Published']} actions>
        {items.map((version) => (
          <Fragment key={version.version}>
            <tr>
              <th scope="row">
                <code>{version.version}</code>
              </th>
              <td>
                <VersionStatusBadge status={version.status} /> <VersionMarks deprecated={version.deprecated} yanked={version.yanked} yankedByStaff={version.yankedByStaff} />
              </td>
              <td>
                <When value={version.uploadedAt} empty="—" withTime />
              </td>
              <td>
                <When value={version.publishedAt} empty="—" />
              </td>
              <td className="table__actions">
                <div className="actions actions--row">
                  <Button type="button" variant="secondary" size="small" aria-expanded={open === version.version} onClick={() => setOpen((current) => (current === version.version ? undefined : version.version))}>
                    {open === version.version ? 'Hide details' : 'Details'}
                    <span className="visually-hidden"> of {version.version}</span>
                  </Button>
                  {canPublish && <VersionActions listing={listing} version={version} />}
                </div>
              </td>
            </tr>
            {open === version.version && (
              <tr className="table__details">
                <td colSpan={5}>
                  <VersionDetails listing={listing} summary={version} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </Table>
      <LoadMore query={versions} what="versions" />
    </>
  );
}

/** One version in full: its review (state, messages, history), marks, validation report, permissions and package. */
function VersionDetails({ listing, summary }: { listing: ListingRef; summary: VersionSummary }) {
  const version = useVersion(listing, summary.version);
  if (version.isPending) return <Loading label={`Loading ${summary.version}…`} />;
  if (version.isError) return <LoadError error={version.error} what={`version ${summary.version}`} onRetry={() => void version.refetch()} />;
  const data = version.data;
  return (
    <div className="version-details" aria-label={`Version ${data.version}`} role="region">
      {data.deprecated && (
        <Alert tone="info" title="Deprecated">
          {data.deprecationMessage}
        </Alert>
      )}
      {data.yanked && <Alert title={data.yankedByStaff ? 'Yanked by Guild for security' : 'Yanked'}>{data.yankReason}</Alert>}
      {data.review && (
        <>
          <h4>Review</h4>
          {data.review.message && (
            <blockquote className="reviewer-message" aria-label="Reviewer's message">
              {data.review.message}
            </blockquote>
          )}
          <ReviewHistory history={data.review.history.map((entry) => ({ at: entry.at, action: entry.action, who: entry.by === 'partner' ? (entry.actor?.displayName ?? null) : 'a reviewer', message: entry.message }))} />
        </>
      )}
      <h4>Permissions</h4>
      {data.manifest.permissions.length ? (
        <ul className="badges">
          {data.manifest.permissions.map((permission) => (
            <li key={permission}>
              <code className="tag">{permission}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
      {data.report && (
        <>
          <h4>Validation report</h4>
          <ValidationReport report={data.report} />
        </>
      )}
      <p>
        {formatBytes(data.sizeBytes)} · sha256 <code className="id">{data.sha256}</code>
      </p>
      <DownloadPackageButton listing={listing} version={data.version} />
    </div>
  );
}
