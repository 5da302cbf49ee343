import { Link } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { PLUGIN_REVIEW_ROLES } from '../../auth/roles';
import { Badge } from '../../components/badge';
import { LoadError, Loading } from '../../components/feedback';
import { FilterForm } from '../../components/filter-form';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { useUrlFilter } from '../../components/use-url-filter';
import { When } from '../../components/when';
import { formatDuration } from '../plugins/duration';
import { ReviewStatusBadge } from '../plugins/version-status';
import { useReviewQueue, useReviewStats, type QueueStatus, type ReviewQueueFilter } from './plugin-review-api';

const STATUSES = ['open', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly QueueStatus[];
const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  open: 'Open (waiting or in review)',
  submitted: 'Waiting for a reviewer',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};
const SEARCH = { label: 'Search', name: 'q', hint: 'Plugin name (namespace/plugin) or display name.', clearLabel: 'Clear search' };

export function PluginReviewsPage() {
  return (
    <RequireRole roles={PLUGIN_REVIEW_ROLES} title="Plugin reviews">
      <Desk />
    </RequireRole>
  );
}

function Desk() {
  const [filter, setFilter] = useUrlFilter({ statuses: STATUSES, defaultStatus: 'open', textParam: 'q' });
  return (
    <div className="page-stack">
      <section className="card">
        <h1>Plugin reviews</h1>
        <p className="muted">New versions and listing changes waiting for a decision, the longest-waiting first. Claim one to review it; nobody else can decide it while you hold it.</p>
        <Stats />
        <FilterForm label="Filter reviews" filter={filter} onChange={setFilter} statuses={STATUSES} statusLabel={(status) => STATUS_LABELS[status]} text={SEARCH} />
        <QueueList key={`${filter.status} ${filter.text}`} filter={{ status: filter.status, q: filter.text }} />
      </section>
    </div>
  );
}

/** Time to decision over the last 30 days, and how the queue stands now. */
function Stats() {
  const stats = useReviewStats(30);
  if (stats.isPending) return <Loading label="Loading review times…" />;
  if (stats.isError) return <LoadError error={stats.error} what="review times" onRetry={() => void stats.refetch()} />;
  const { decided, medianSeconds, p90Seconds, open, oldestOpenSeconds, days } = stats.data;
  const time = (seconds: number | null) => (seconds == null ? '—' : formatDuration(seconds));
  return (
    <dl className="stats" aria-label="Review times">
      <div className="stat">
        <dt>Median time to decision</dt>
        <dd>{time(medianSeconds)}</dd>
      </div>
      <div className="stat">
        <dt>90th percentile</dt>
        <dd>{time(p90Seconds)}</dd>
      </div>
      <div className="stat">
        <dt>Decided, last {days} days</dt>
        <dd>{decided}</dd>
      </div>
      <div className="stat">
        <dt>Open now</dt>
        <dd>
          {open}
          {oldestOpenSeconds != null && <span className="muted stat__note">oldest {formatDuration(oldestOpenSeconds)}</span>}
        </dd>
      </div>
    </dl>
  );
}

function QueueList({ filter }: { filter: ReviewQueueFilter }) {
  const queue = useReviewQueue(filter);
  if (queue.isPending) return <Loading label="Loading the queue…" />;
  if (queue.isLoadingError) return <LoadError error={queue.error} what="the review queue" onRetry={() => void queue.refetch()} />;
  const items = queue.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>
          No {STATUS_LABELS[filter.status].toLowerCase()} reviews{filter.q && <> matching “{filter.q}”</>}.
        </p>
        {filter.status === 'open' && !filter.q && <p className="muted">The queue is empty: every version and listing change has a decision.</p>}
      </div>
    );
  }
  return (
    <>
      <Table label="Review queue" columns={['Plugin', 'What', 'Partner', 'Submitted', 'Waiting', 'Status']}>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              <Link to={`/staff/plugin-reviews/${item.id}`}>{item.listing.displayName}</Link>
              <br />
              <code className="muted">{item.listing.name}</code>
            </th>
            <td>{item.version ? <>Version <code>{item.version.version}</code></> : 'Listing changes'}</td>
            <td>
              {item.partner.name}
              {item.ownPartner && (
                <>
                  <br />
                  <Badge tone="attention">Your partner</Badge>
                </>
              )}
            </td>
            <td>
              <When value={item.submittedAt} empty="—" withTime />
            </td>
            <td>{formatDuration(item.waitingSeconds)}</td>
            <td>
              <ReviewStatusBadge status={item.status} />
              {item.claimedBy && item.status === 'in_review' && (
                <>
                  <br />
                  <span className="muted">by {item.claimedBy.displayName}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore query={queue} what="reviews" />
    </>
  );
}
