import { LoadError, Loading } from '../../components/feedback';
import { When } from '../../components/when';
import { useStripeEvent, type StripeEventSummary } from './stripe-event-api';

/** What a row does not fit: exact times, the full last error, and the payload Stripe sent (fetched on opening). */
export function StripeEventDetails({ event }: { event: StripeEventSummary }) {
  const detail = useStripeEvent(event.id);
  return (
    <div className="event-details">
      <dl className="details">
        <dt>Created at Stripe</dt>
        <dd>
          <When value={event.createdAt} empty="—" precise />
        </dd>
        <dt>Received</dt>
        <dd>
          <When value={event.receivedAt} empty="—" precise />
        </dd>
        <dt>Processed</dt>
        <dd>
          <When value={event.processedAt} empty="Not yet" precise />
        </dd>
        <dt>Mode</dt>
        <dd>{event.livemode ? 'Live' : 'Test'}</dd>
        {event.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="event-details__error">{event.lastError}</dd>
          </>
        )}
      </dl>
      {detail.isPending ? (
        <Loading label="Loading the payload…" />
      ) : detail.isError ? (
        <LoadError error={detail.error} what="the event payload" onRetry={() => void detail.refetch()} />
      ) : (
        <figure className="payload">
          <figcaption>Payload, as Stripe sent it</figcaption>
          {/* Focusable so keyboard users can scroll a long payload. */}
          <pre tabIndex={0}>{JSON.stringify(detail.data.payload, null, 2)}</pre>
        </figure>
      )}
    </div>
  );
}
