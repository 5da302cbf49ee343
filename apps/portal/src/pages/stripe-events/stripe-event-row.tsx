import { useId } from 'react';
import { Button } from '../../components/feedback';
import { When } from '../../components/when';
import type { StripeEventSummary } from './stripe-event-api';
import { StripeEventDetails } from './stripe-event-details';
import { StatusBadge } from './stripe-event-status';

export const COLUMNS = ['Received', 'Type', 'Event', 'Account', 'Status', 'Failures', 'Last error'];
/** The columns and the actions column: what a details row spans. */
const COLUMN_COUNT = COLUMNS.length + 1;

/** Failed events, and waiting ones that look stuck, can be sent through processing again. */
const canReplay = (event: StripeEventSummary) => event.status === 'failed' || event.status === 'received';

interface StripeEventRowProps {
  event: StripeEventSummary;
  expanded: boolean;
  onToggle: () => void;
  onReplay: () => void;
}

/** One event, and below it (when opened) a full-width row with its details. */
export function StripeEventRow({ event, expanded, onToggle, onReplay }: StripeEventRowProps) {
  const detailsId = useId();
  return (
    <>
      <tr>
        <td>
          <When value={event.receivedAt} empty="—" withTime />
        </td>
        <td>
          <code>{event.type}</code>
        </td>
        <th scope="row">
          <code className="id">{event.id}</code>
        </th>
        <td>{event.account ? <code className="id">{event.account}</code> : <span className="muted">Platform</span>}</td>
        <td>
          <StatusBadge status={event.status} />
        </td>
        <td>{event.failures}</td>
        <td>
          {event.lastError ? (
            <span className="truncate" title={event.lastError}>
              {event.lastError}
            </span>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td className="table__actions">
          <span className="actions">
            <Button
              variant="secondary"
              size="small"
              type="button"
              onClick={onToggle}
              aria-expanded={expanded}
              aria-controls={expanded ? detailsId : undefined}
              aria-label={`Details of ${event.id}`}
            >
              Details
            </Button>
            {canReplay(event) && (
              <Button variant="secondary" size="small" type="button" onClick={onReplay} aria-label={`Replay ${event.id}`}>
                Replay
              </Button>
            )}
          </span>
        </td>
      </tr>
      {expanded && (
        <tr id={detailsId} className="table__details">
          <td colSpan={COLUMN_COUNT}>
            <StripeEventDetails event={event} />
          </td>
        </tr>
      )}
    </>
  );
}
