import type { StripeEventStatus } from './stripe-event-api';

/** Staff's words for the API's statuses: `received` is an event still waiting to be processed. */
export const STATUS_LABELS: Record<StripeEventStatus, string> = {
  failed: 'Failed',
  received: 'Waiting',
  processed: 'Processed',
  ignored: 'Ignored',
};

/** The Status filter's choices, in menu order; `all` drops the filter. */
export const STATUS_CHOICES = ['failed', 'received', 'processed', 'ignored', 'all'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

export function statusChoiceLabel(choice: StatusChoice): string {
  return choice === 'all' ? 'All' : STATUS_LABELS[choice];
}

export function StatusBadge({ status }: { status: StripeEventStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABELS[status]}</span>;
}
