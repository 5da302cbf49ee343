import type Stripe from 'stripe';
import type { DomainEventMap, DomainEventName } from '../platform/events/domain-events.js';
import type { Money } from './stripe-domain-events.js';

/** The domain events the stripe module publishes (declared in stripe-domain-events.ts). */
export type StripeDomainEventName = Extract<DomainEventName, `stripe.${string}`>;

export type Translated = { [K in StripeDomainEventName]: { name: K; payload: DomainEventMap[K] } }[StripeDomainEventName];

type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;

/** The client, and the connected account the event happened on, for reading an object again. */
interface Source {
  stripe: Stripe;
  onAccount: Stripe.RequestOptions | undefined;
}

/** The Stripe event types one domain event is made from, and how its payload is read. */
interface Rule<P> {
  types: readonly Stripe.Event.Type[];
  payload: (event: never, source: Source) => P | Promise<P>;
}

const rule = <T extends Stripe.Event.Type, P>(types: readonly T[], payload: (event: EventOf<T>, source: Source) => P | Promise<P>): Rule<P> => ({ types, payload });

const id = (value: string | { id: string } | null | undefined): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : value.id);
function date(seconds: number): Date;
function date(seconds: number | null | undefined): Date | null;
function date(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}
const money = (object: Money): Money => ({ amount: object.amount, currency: object.currency });

/**
 * One rule per domain event, so this table is the single list of what Guild publishes and which
 * Stripe events it acts on (the compiler insists on a rule for every `stripe.*` declaration).
 * Where the order of events matters (accounts, subscriptions, refunds, disputes, transfers,
 * payouts) the object is re-read from Stripe, so a late or repeated event still yields the
 * current state and subscribers only move forward.
 */
const RULES: { [K in StripeDomainEventName]: Rule<DomainEventMap[K]> } = {
  'stripe.account.changed': rule(['account.updated'], async (event, { stripe }) => accountState(await stripe.accounts.retrieve(event.data.object.id))),

  'stripe.checkout.completed': rule(['checkout.session.completed'], ({ data: { object: session } }) => ({
    sessionId: session.id,
    mode: session.mode === 'subscription' ? 'subscription' : 'payment',
    clientReferenceId: session.client_reference_id,
    customerId: id(session.customer),
    paymentIntentId: id(session.payment_intent),
    subscriptionId: id(session.subscription),
    total: session.amount_total === null ? null : { amount: session.amount_total, currency: session.currency ?? 'usd' },
    paid: session.payment_status === 'paid',
    metadata: session.metadata ?? {},
  })),

  'stripe.payment.succeeded': rule(['payment_intent.succeeded'], ({ data: { object: intent } }) => ({
    paymentIntentId: intent.id,
    chargeId: id(intent.latest_charge),
    customerId: id(intent.customer),
    amount: { amount: intent.amount_received || intent.amount, currency: intent.currency },
    transferGroup: intent.transfer_group ?? null,
    metadata: intent.metadata,
  })),

  'stripe.payment.failed': rule(['payment_intent.payment_failed'], ({ data: { object: intent } }) => ({
    paymentIntentId: intent.id,
    customerId: id(intent.customer),
    amount: money(intent),
    failureCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? null,
    failureMessage: intent.last_payment_error?.message ?? null,
    metadata: intent.metadata,
  })),

  'stripe.charge.refunded': rule(['charge.refunded'], async (event, { stripe, onAccount }) => {
    const charge = await stripe.charges.retrieve(event.data.object.id, { expand: ['refunds'] }, onAccount);
    return {
      chargeId: charge.id,
      paymentIntentId: id(charge.payment_intent),
      amount: money(charge),
      amountRefunded: charge.amount_refunded,
      refunds: (charge.refunds?.data ?? []).map((refund) => ({ refundId: refund.id, amount: refund.amount, status: refund.status ?? 'pending' })),
      metadata: charge.metadata,
    };
  }),

  'stripe.dispute.changed': rule(['charge.dispute.created', 'charge.dispute.updated', 'charge.dispute.closed', 'charge.dispute.funds_withdrawn', 'charge.dispute.funds_reinstated'], async (event, { stripe, onAccount }) => {
    const dispute = await stripe.disputes.retrieve(event.data.object.id, undefined, onAccount);
    return {
      disputeId: dispute.id,
      chargeId: id(dispute.charge) ?? '',
      paymentIntentId: id(dispute.payment_intent),
      amount: money(dispute),
      status: dispute.status === 'won' ? 'won' : dispute.status === 'lost' ? 'lost' : 'open',
      reason: dispute.reason,
    };
  }),

  'stripe.invoice.paid': rule(['invoice.paid'], ({ data: { object: invoice } }) => ({
    invoiceId: invoice.id,
    subscriptionId: id(invoice.parent?.subscription_details?.subscription),
    customerId: id(invoice.customer),
    amountPaid: { amount: invoice.amount_paid, currency: invoice.currency },
    billingReason: invoice.billing_reason,
    subscriptionMetadata: invoice.parent?.subscription_details?.metadata ?? {},
    lines: invoice.lines.data.map((line) => ({
      amount: line.amount,
      priceId: id(line.pricing?.price_details?.price),
      quantity: line.quantity,
      periodStart: date(line.period.start),
      periodEnd: date(line.period.end),
      metadata: line.metadata,
    })),
  })),

  'stripe.invoice.payment-failed': rule(['invoice.payment_failed'], ({ data: { object: invoice } }) => ({
    invoiceId: invoice.id,
    subscriptionId: id(invoice.parent?.subscription_details?.subscription),
    customerId: id(invoice.customer),
    amountDue: { amount: invoice.amount_due, currency: invoice.currency },
    attemptCount: invoice.attempt_count,
    nextPaymentAttempt: date(invoice.next_payment_attempt),
  })),

  'stripe.subscription.changed': rule(['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted'], async (event, { stripe, onAccount }) => {
    const subscription = await stripe.subscriptions.retrieve(event.data.object.id, undefined, onAccount);
    const periodEnds = subscription.items.data.map((item) => item.current_period_end);
    return {
      subscriptionId: subscription.id,
      customerId: id(subscription.customer) ?? '',
      status: subscription.status,
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
      currentPeriodEnd: periodEnds.length ? date(Math.min(...periodEnds)) : null,
      canceledAt: date(subscription.canceled_at),
      items: subscription.items.data.map((item) => ({ priceId: item.price.id, quantity: item.quantity ?? null, metadata: item.metadata })),
      metadata: subscription.metadata,
    };
  }),

  // Transfers live on the platform account, whoever they pay.
  'stripe.transfer.reversed': rule(['transfer.reversed'], async (event, { stripe }) => {
    const transfer = await stripe.transfers.retrieve(event.data.object.id);
    return {
      transferId: transfer.id,
      destination: id(transfer.destination),
      amount: money(transfer),
      amountReversed: transfer.amount_reversed,
      transferGroup: transfer.transfer_group,
      metadata: transfer.metadata,
    };
  }),

  'stripe.payout.changed': rule(['payout.created', 'payout.updated', 'payout.paid', 'payout.failed', 'payout.canceled'], async (event, { stripe, onAccount }) => {
    const payout = await stripe.payouts.retrieve(event.data.object.id, undefined, onAccount);
    return {
      payoutId: payout.id,
      accountId: event.account ?? null,
      amount: money(payout),
      status: payout.status as DomainEventMap['stripe.payout.changed']['status'],
      failureCode: payout.failure_code,
      failureMessage: payout.failure_message,
      arrivalDate: date(payout.arrival_date),
      metadata: payout.metadata ?? {},
    };
  }),
};

const NAME_BY_TYPE = new Map<string, StripeDomainEventName>(
  (Object.entries(RULES) as [StripeDomainEventName, Rule<unknown>][]).flatMap(([name, { types }]) => types.map((type) => [type, name] as const)),
);

/** Every domain event the stripe module publishes. */
export const STRIPE_DOMAIN_EVENTS = Object.keys(RULES) as StripeDomainEventName[];

/** The Stripe event types Guild acts on; every other type is stored and marked ignored. */
export const TRANSLATED_EVENT_TYPES: readonly string[] = [...NAME_BY_TYPE.keys()];

/** Turns a Stripe event into the domain event other modules subscribe to, or null for events Guild does not act on. */
export async function translate(event: Stripe.Event, stripe: Stripe): Promise<Translated | null> {
  const name = NAME_BY_TYPE.get(event.type);
  if (!name) return null;
  const source: Source = { stripe, onAccount: event.account ? { stripeAccount: event.account } : undefined };
  return { name, payload: await RULES[name].payload(event as never, source) } as Translated;
}

export function accountState(account: Stripe.Account): DomainEventMap['stripe.account.changed'] {
  const transfersActive = account.capabilities?.transfers === 'active';
  const payoutsEnabled = account.payouts_enabled ?? false;
  return {
    accountId: account.id,
    detailsSubmitted: account.details_submitted ?? false,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled,
    transfersActive,
    payable: transfersActive && payoutsEnabled,
    requirementsDue: [...new Set([...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])])],
    requirementsDeadline: date(account.requirements?.current_deadline),
    disabledReason: account.requirements?.disabled_reason ?? null,
    metadata: account.metadata ?? {},
  };
}
