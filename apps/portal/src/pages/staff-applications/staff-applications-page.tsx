import { Link } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { PARTNER_APPLICATION_ROLES } from '../../auth/roles';
import { LoadError, Loading } from '../../components/feedback';
import { FilterForm } from '../../components/filter-form';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { useUrlFilter } from '../../components/use-url-filter';
import { When } from '../../components/when';
import { APPLICATION_STATUS_LABELS, ApplicationStatusBadge } from '../partner-program/application-status';
import { useApplicationQueue, type QueueFilter, type QueueItem } from './staff-application-api';

const STATUSES = ['submitted', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly QueueItem['status'][];
const statusLabel = (status: QueueItem['status']) => APPLICATION_STATUS_LABELS[status];
const SEARCH = { label: 'Search', name: 'q', hint: 'Organisation, namespace or applicant email.', clearLabel: 'Clear search' };

export function StaffApplicationsPage() {
  return (
    <RequireRole roles={PARTNER_APPLICATION_ROLES} title="Partner applications">
      <Queue />
    </RequireRole>
  );
}

function Queue() {
  const [filter, setFilter] = useUrlFilter({ statuses: STATUSES, defaultStatus: 'submitted', textParam: 'q' });
  return (
    <section className="card">
      <h1>Partner applications</h1>
      <p className="muted">Applications waiting for a decision, the longest-waiting first. Open one to read it, see the applicant&rsquo;s record and decide.</p>
      <FilterForm label="Filter applications" filter={filter} onChange={setFilter} statuses={STATUSES} statusLabel={statusLabel} text={SEARCH} />
      <QueueList key={`${filter.status} ${filter.text}`} filter={{ status: filter.status, q: filter.text }} />
    </section>
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
      <Table label="Partner applications" columns={['Organisation', 'Namespace', 'Applicant', 'Submitted', 'Waiting', 'Status']}>
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
      </Table>
      <LoadMore query={queue} what="applications" />
    </>
  );
}

/** How long an application has waited, coarsely: hours for the first two days, then days. */
function formatAge(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} days`;
}
