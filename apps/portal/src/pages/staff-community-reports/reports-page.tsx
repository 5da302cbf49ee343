import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { MODERATOR_ROLES } from '../../auth/roles';
import { Badge } from '../../components/badge';
import { Button, LoadError, Loading } from '../../components/feedback';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { TextAreaField } from '../../components/text-area-field';
import { When } from '../../components/when';
import { Choices } from '../community/community-nav';
import { useReportQueue, useResolveReports, type ReportQueueItem, type ReportStatus } from './reports-api';

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'actioned', label: 'Hidden' },
  { value: 'dismissed', label: 'Dismissed' },
] as const;
const REASONS: Record<string, string> = { spam: 'spam', abuse: 'abuse', off_topic: 'off topic', other: 'other' };

export function CommunityReportsPage() {
  return (
    <RequireRole roles={MODERATOR_ROLES} title="Community reports">
      <Reports />
    </RequireRole>
  );
}

function Reports() {
  const [params, setParams] = useSearchParams();
  const status: ReportStatus = STATUSES.find((s) => s.value === params.get('status'))?.value ?? 'open';
  return (
    <section className="card">
      <h1>Community reports</h1>
      <p className="muted">Content members reported, the longest waiting first. Hiding takes its points back and tells the reporters; dismissing leaves it as it is.</p>
      <Choices label="Status" choices={STATUSES} value={status} onChange={(next) => setParams(next === 'open' ? {} : { status: next })} />
      <ReportTable key={status} status={status} />
    </section>
  );
}

function ReportTable({ status }: { status: ReportStatus }) {
  const queue = useReportQueue(status);
  if (queue.isPending) return <Loading label="Loading reports…" />;
  if (queue.isError) return <LoadError error={queue.error} what="the reports" onRetry={() => void queue.refetch()} />;
  const items = queue.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>{status === 'open' ? 'No open reports: nothing waits for a moderator.' : 'No reports here yet.'}</p>
      </div>
    );
  }
  return (
    <>
      <Table label="Reported content" columns={['Content', 'Reports', 'Reasons', 'Reported', status === 'open' ? 'Action' : 'State']}>
        {items.map((item) => (
          <tr key={`${item.contentType}:${item.contentId}`} data-testid="reported-content">
            <th scope="row">
              <span className="muted">{item.contentType}</span>
              {item.content.title && <> · {item.content.link ? <Link to={item.content.link}>{item.content.title}</Link> : item.content.title}</>}
              <br />
              {item.content.excerpt}
              {!item.content.title && item.content.link && (
                <>
                  {' '}
                  <Link to={item.content.link}>Open</Link>
                </>
              )}
              <br />
              <span className="muted">by {item.content.author.displayName}</span>
              {item.notes.length > 0 && (
                <ul className="muted">
                  {item.notes.map((note, i) => (
                    <li key={i}>“{note}”</li>
                  ))}
                </ul>
              )}
            </th>
            <td>{item.reportCount}</td>
            <td>{item.reasons.map((r) => `${REASONS[r.reason] ?? r.reason} (${r.count})`).join(', ')}</td>
            <td>
              <When value={item.firstReportedAt} empty="—" withTime />
              {item.lastReportedAt !== item.firstReportedAt && (
                <>
                  {' – '}
                  <When value={item.lastReportedAt} empty="—" withTime />
                </>
              )}
            </td>
            <td>{status === 'open' ? <ResolveCell item={item} /> : item.content.hidden ? <Badge tone="attention">Hidden</Badge> : <Badge tone="ignored">Shown</Badge>}</td>
          </tr>
        ))}
      </Table>
      <LoadMore query={queue} what="reports" />
    </>
  );
}

const FIELDS = ['reason'] as const;

/** Hide (the reason is the one its author reads) or dismiss, with a reason either way. */
function ResolveCell({ item }: { item: ReportQueueItem }) {
  const resolve = useResolveReports();
  const [action, setAction] = useState<'hide' | 'dismiss' | null>(null);
  const [reason, setReason] = useState('');
  const label = `${item.contentType} ${item.content.title ?? item.content.excerpt.slice(0, 40)}`;
  if (!action) {
    return (
      <div className="form-actions">
        <Button type="button" variant="danger" size="small" onClick={() => setAction('hide')} aria-label={`Hide ${label}`}>
          Hide
        </Button>
        <Button type="button" variant="secondary" size="small" onClick={() => setAction('dismiss')} aria-label={`Dismiss reports on ${label}`}>
          Dismiss
        </Button>
      </div>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    resolve.mutate({ contentType: item.contentType, contentId: item.contentId, action, reason: reason.trim() });
  };
  const { fields } = splitFormError(resolve.error, FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={action === 'hide' ? `Hide ${label}` : `Dismiss reports on ${label}`} className="stack">
      <FormAlert error={resolve.error} formFields={FIELDS} />
      <TextAreaField
        label="Reason"
        name="reason"
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={fields.reason}
        hint={action === 'hide' ? 'Its author reads it.' : 'Kept with the reports.'}
      />
      <FormActions
        submit={action === 'hide' ? 'Hide it' : 'Dismiss reports'}
        pendingLabel={action === 'hide' ? 'Hiding…' : 'Dismissing…'}
        pending={resolve.isPending}
        variant={action === 'hide' ? 'danger' : 'primary'}
        size="small"
        onCancel={() => setAction(null)}
      />
    </form>
  );
}
