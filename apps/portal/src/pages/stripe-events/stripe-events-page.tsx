import { useState } from 'react';
import { RequireRole } from '../../auth/require-role';
import { STRIPE_EVENT_ROLES } from '../../auth/roles';
import { Alert } from '../../components/feedback';
import { FilterForm } from '../../components/filter-form';
import { useUrlFilter, type ListFilter } from '../../components/use-url-filter';
import { StripeEventList } from './stripe-event-list';
import { STATUS_CHOICES, statusChoiceLabel, type StatusChoice } from './stripe-event-status';

const EVENT_TYPE = { label: 'Event type', name: 'type', hint: 'The exact type, like invoice.paid.', clearLabel: 'Clear event type' };

export function StripeEventsPage() {
  return (
    <RequireRole roles={STRIPE_EVENT_ROLES} title="Stripe webhook events">
      <StripeEvents />
    </RequireRole>
  );
}

function StripeEvents() {
  const [filter, setFilter] = useUrlFilter({ statuses: STATUS_CHOICES, defaultStatus: 'failed', textParam: 'type' });
  const [replayed, setReplayed] = useState<string>();

  const applyFilter = (next: ListFilter<StatusChoice>) => {
    setReplayed(undefined);
    setFilter(next);
  };

  return (
    <section className="card">
      <h1>Stripe webhook events</h1>
      <p className="muted">
        Every event Stripe sent to Guild, newest first. An event that failed on every retry stays failed until it is replayed here, once its cause is fixed.
      </p>
      <FilterForm label="Filter events" filter={filter} onChange={applyFilter} statuses={STATUS_CHOICES} statusLabel={statusChoiceLabel} text={EVENT_TYPE} />
      {replayed && (
        <Alert tone="success">
          Event <code>{replayed}</code> is queued to be processed again.
        </Alert>
      )}
      <StripeEventList
        key={`${filter.status} ${filter.text}`}
        filter={{ ...(filter.status !== 'all' ? { status: filter.status } : {}), ...(filter.text ? { type: filter.text } : {}) }}
        onReplayed={setReplayed}
      />
    </section>
  );
}
