import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { hasAnyRole, PARTNER_APPLICATION_ROLES } from '../../auth/roles';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { Field } from '../../components/field';
import { When } from '../../components/when';
import { APPLICATION_STATUS_LABELS, ApplicationStatusBadge } from '../partner-program/application-status';
import { useApplicationQueue, type QueueFilter, type QueueItem } from './staff-application-api';

const STATUSES = ['submitted', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly QueueItem['status'][];
const parseStatus = (value: string | null): QueueItem['status'] => STATUSES.find((status) => status === value) ?? 'submitted';

export function StaffApplicationsPage() {
  const auth = useAuth();
  if (!hasAnyRole(auth, PARTNER_APPLICATION_ROLES)) {
    return (
      <section className="card">
        <h1>Partner applications</h1>
        <Alert tone="info">You need the reviewer or admin role to see this page.</Alert>
      </section>
    );
  }
  return <Queue />;
}

/** The filters live in the URL (`?status=…&q=…`), so a reload or a shared link shows the same queue. */
function Queue() {
  const [params, setParams] = useSearchParams();
  const filter: QueueFilter = { status: parseStatus(params.get('status')), q: params.get('q')?.trim() ?? '' };
  const apply = (next: QueueFilter) => {
    const search = new URLSearchParams();
    if (next.status !== 'submitted') search.set('status', next.status);
    if (next.q) search.set('q', next.q);
    setParams(search);
  };
  return (
    <section className="card">
      <h1>Partner applications</h1>
      <p className="muted">Applications waiting for a decision, the longest-waiting first. Open one to read it, see the applicant&rsquo;s record and decide.</p>
      <QueueFilters key={filter.q} filter={filter} onChange={apply} />
      <QueueList key={`${filter.status} ${filter.q}`} filter={filter} />
    </section>
  );
}

function QueueFilters({ filter, onChange }: { filter: QueueFilter; onChange: (filter: QueueFilter) => void }) {
  const statusId = useId();
  const [q, setQ] = useState(filter.q ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ status: filter.status, q: q.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Filter applications" className="filters">
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={filter.status} onChange={(e) => onChange({ status: parseStatus(e.target.value), q: filter.q })}>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {APPLICATION_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <Field label="Search" name="q" maxLength={100} autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} hint="Organisation, namespace or applicant email." />
      <div className="filters__actions">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filter.q && (
          <Button type="button" variant="link" onClick={() => onChange({ status: filter.status, q: '' })}>
            Clear search
          </Button>
        )}
      </div>
    </form>
  );
}

function QueueList({ filter }: { filter: QueueFilter }) {
  const queue = useApplicationQueue(filter);
  if (queue.isPending) return <Loading label="Loading applications…" />;
  if (queue.isLoadingError) return <LoadError error={queue.error} what="partner applications" onRetry={() => void queue.refetch()} />;
  const items = queue.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>
          No {APPLICATION_STATUS_LABELS[filter.status].toLowerCase()} applications{filter.q && <> matching “{filter.q}”</>}.
        </p>
        {filter.status === 'submitted' && !filter.q && <p className="muted">The queue is empty: every application has a decision.</p>}
      </div>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-label="Partner applications">
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Namespace</th>
              <th scope="col">Applicant</th>
              <th scope="col">Submitted</th>
              <th scope="col">Waiting</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((application) => (
              <tr key={application.id}>
                <th scope="row">
                  <Link to={`/staff/partner-applications/${application.id}`}>{application.organisationName}</Link>
                </th>
                <td>
                  <code>{application.namespace}</code>
                </td>
                <td>
                  {application.applicant.displayName}
                  <br />
                  <span className="muted">{application.applicant.email}</span>
                </td>
                <td>
                  <When value={application.submittedAt} empty="—" withTime />
                </td>
                <td>{formatAge(application.ageHours)}</td>
                <td>
                  <ApplicationStatusBadge status={application.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {queue.hasNextPage && (
        <Button variant="secondary" type="button" pending={queue.isFetchingNextPage} pendingLabel="Loading more…" onClick={() => void queue.fetchNextPage()}>
          Load more
        </Button>
      )}
      {queue.isRefetchError && (
        <LoadError error={queue.error} what={queue.isFetchNextPageError ? 'more applications' : 'the latest applications'} onRetry={() => void (queue.isFetchNextPageError ? queue.fetchNextPage() : queue.refetch())} />
      )}
    </>
  );
}

/** How long an application has waited, coarsely: hours for the first two days, then days. */
export function formatAge(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} days`;
}
