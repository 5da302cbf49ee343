import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { useReplayStripeEvent, useStripeEvents, type StripeEventFilter, type StripeEventSummary } from './stripe-event-api';
import { COLUMNS, StripeEventRow } from './stripe-event-row';
import { STATUS_LABELS } from './stripe-event-status';

export function StripeEventList({ filter, onReplayed }: { filter: StripeEventFilter; onReplayed: (id: string) => void }) {
  const events = useStripeEvents(filter);
  const replay = useReplayStripeEvent();
  const [replaying, setReplaying] = useState<StripeEventSummary>();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  if (events.isPending) return <Loading label="Loading Stripe events…" />;
  // A failed first load replaces the list; a failed later page or refresh keeps what is already shown.
  if (events.isLoadingError) return <LoadError error={events.error} what="Stripe events" onRetry={() => void events.refetch()} />;
  const items = events.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyList filter={filter} />;

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const closeDialog = () => {
    setReplaying(undefined);
    replay.reset();
  };

  return (
    <>
      <Table label="Stripe webhook events" columns={COLUMNS} actions compact>
        {items.map((event) => (
          <StripeEventRow key={event.id} event={event} expanded={open.has(event.id)} onToggle={() => toggle(event.id)} onReplay={() => setReplaying(event)} />
        ))}
      </Table>
      <LoadMore query={events} what="events" />
      {replaying && (
        <ConfirmDialog
          title={`Replay event ${replaying.id}?`}
          confirmLabel="Replay event"
          pendingLabel="Replaying…"
          pending={replay.isPending}
          error={replay.error}
          onCancel={closeDialog}
          onConfirm={() =>
            replay.mutate(replaying.id, {
              onSuccess: () => {
                closeDialog();
                onReplayed(replaying.id);
              },
            })
          }
        >
          <p>
            Guild processes this <code>{replaying.type}</code> event again, with a fresh set of retries. Its effects run only if they have not been applied
            yet; nothing already applied happens twice.
          </p>
          {replaying.status === 'failed' && <p>Fix what made it fail first, or it will fail again.</p>}
        </ConfirmDialog>
      )}
    </>
  );
}

function EmptyList({ filter }: { filter: StripeEventFilter }) {
  if (filter.status === 'failed' && !filter.type) {
    return (
      <div className="empty">
        <p>No failed events. Stripe webhooks are being processed.</p>
      </div>
    );
  }
  const which = filter.status ? `${STATUS_LABELS[filter.status].toLowerCase()} ` : '';
  return (
    <div className="empty">
      <p>
        No {which}events{filter.type && <> of type <code>{filter.type}</code></>}.
      </p>
      <p className="muted">Try another status or event type.</p>
    </div>
  );
}
