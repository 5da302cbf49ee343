import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { hasAnyRole, STRIPE_EVENT_ROLES } from '../../auth/roles';
import { Alert } from '../../components/feedback';
import { StripeEventFilters, type AppliedFilter } from './stripe-event-filters';
import { StripeEventList } from './stripe-event-list';
import { DEFAULT_STATUS, parseStatusChoice } from './stripe-event-status';

export function StripeEventsPage() {
  const auth = useAuth();
  if (!hasAnyRole(auth, STRIPE_EVENT_ROLES)) {
    return (
      <section className="card">
        <h1>Stripe webhook events</h1>
        <Alert tone="info">You need the finance or admin role to see this page.</Alert>
      </section>
    );
  }
  return <StripeEvents />;
}

/** The filters live in the URL (`?status=…&type=…`), so a reload or a shared link shows the same list. */
function StripeEvents() {
  const [params, setParams] = useSearchParams();
  const filter: AppliedFilter = { status: parseStatusChoice(params.get('status')), type: params.get('type')?.trim() ?? '' };
  const [replayed, setReplayed] = useState<string>();

  const applyFilter = (next: AppliedFilter) => {
    setReplayed(undefined);
    const search = new URLSearchParams();
    if (next.status !== DEFAULT_STATUS) search.set('status', next.status);
    if (next.type) search.set('type', next.type);
    setParams(search);
  };

  return (
    <section className="card">
      <h1>Stripe webhook events</h1>
      <p className="muted">
        Every event Stripe sent to Guild, newest first. An event that failed on every retry stays failed until it is replayed here, once its cause is fixed.
      </p>
      <StripeEventFilters key={filter.type} filter={filter} onChange={applyFilter} />
      {replayed && (
        <Alert tone="success">
          Event <code>{replayed}</code> is queued to be processed again.
        </Alert>
      )}
      <StripeEventList
        key={`${filter.status} ${filter.type}`}
        filter={{ ...(filter.status !== 'all' ? { status: filter.status } : {}), ...(filter.type ? { type: filter.type } : {}) }}
        onReplayed={setReplayed}
      />
    </section>
  );
}
