import type Stripe from 'stripe';
import type { DomainEventMap, DomainEventName } from '../platform/events/domain-events.js';
import './stripe-domain-events.js';

export type Translated = { [K in DomainEventName]: { name: K; payload: DomainEventMap[K] } }[DomainEventName];

const id = (value: string | { id: string } | null | undefined): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : value.id);
const date = (seconds: number | null | undefined): Date | null => (seconds === null || seconds === undefined ? null : new Date(seconds * 1000));

/**
 * Turns a Stripe event into the domain event other modules subscribe to, or null for events Guild
 * does not act on. Where the order of events matters (accounts, subscriptions, refunds, disputes,
 * transfers, payouts) the object is re-read from Stripe, so a late or repeated event still yields
 * the current state and subscribers only move forward.
 */
export async function translate(event: Stripe.Event, stripe: Stripe): Promise<Translated | null> {
  const onAccount = event.account ? { stripeAccount: event.account } : undefined;
  switch (event.type) {
    case 'account.updated': {
      const account = await stripe.accounts.retrieve(event.data.object.id);
      return { name: 'stripe.account.changed', payload: accountState(account) };
    }
    case 'checkout.session.completed': {
      const session = event.data.object;
      return {
        name: 'stripe.checkout.completed',
        payload: {
          sessionId: session.id,
          mode: session.mode === 'subscription' ? 'subscription' : 'payment',
          clientReferenceId: session.client_reference_id,
          customerId: id(session.customer),
          paymentIntentId: id(session.payment_intent),
          subscriptionId: id(session.subscription),
          total: session.amount_total === null ? null : { amount: session.amount_total, currency: session.currency ?? 'usd' },
          paid: session.payment_status === 'paid',
          metadata: session.metadata ?? {},
        },
      };
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return {
        name: 'stripe.payment.succeeded',
        payload: {
          paymentIntentId: intent.id,
          chargeId: id(intent.latest_charge),
          customerId: id(intent.customer),
          amount: { amount: intent.amount_received || intent.amount, currency: intent.currency },
          transferGroup: intent.transfer_group ?? null,
          metadata: intent.metadata,
        },
      };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      return {
        name: 'stripe.payment.failed',
        payload: {
          paymentIntentId: intent.id,
          customerId: id(intent.customer),
          amount: { amount: intent.amount, currency: intent.currency },
          failureCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? null,
          failureMessage: intent.last_payment_error?.message ?? null,
          metadata: intent.metadata,
        },
      };
    }
    case 'charge.refunded': {
      const charge = await stripe.charges.retrieve(event.data.object.id, { expand: ['refunds'] }, onAccount);
      return {
        name: 'stripe.charge.refunded',
        payload: {
          chargeId: charge.id,
          paymentIntentId: id(charge.payment_intent),
          amount: { amount: charge.amount, currency: charge.currency },
          amountRefunded: charge.amount_refunded,
          refunds: (charge.refunds?.data ?? []).map((refund) => ({ refundId: refund.id, amount: refund.amount, status: refund.status ?? 'pending' })),
          metadata: charge.metadata,
        },
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
    case 'charge.dispute.funds_withdrawn':
    case 'charge.dispute.funds_reinstated': {
      const dispute = await stripe.disputes.retrieve(event.data.object.id, undefined, onAccount);
      return {
        name: 'stripe.dispute.changed',
        payload: {
          disputeId: dispute.id,
          chargeId: id(dispute.charge) ?? '',
          paymentIntentId: id(dispute.payment_intent),
          amount: { amount: dispute.amount, currency: dispute.currency },
          status: dispute.status === 'won' ? 'won' : dispute.status === 'lost' ? 'lost' : 'open',
          reason: dispute.reason,
        },
      };
    }
    case 'invoice.paid': {
      const invoice = event.data.object;
      return {
        name: 'stripe.invoice.paid',
        payload: {
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
            periodStart: new Date(line.period.start * 1000),
            periodEnd: new Date(line.period.end * 1000),
            metadata: line.metadata,
          })),
        },
      };
    }
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      return {
        name: 'stripe.invoice.payment-failed',
        payload: {
          invoiceId: invoice.id,
          subscriptionId: id(invoice.parent?.subscription_details?.subscription),
          customerId: id(invoice.customer),
          amountDue: { amount: invoice.amount_due, currency: invoice.currency },
          attemptCount: invoice.attempt_count,
          nextPaymentAttempt: date(invoice.next_payment_attempt),
        },
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = await stripe.subscriptions.retrieve(event.data.object.id, undefined, onAccount);
      const periodEnds = subscription.items.data.map((item) => item.current_period_end);
      return {
        name: 'stripe.subscription.changed',
        payload: {
          subscriptionId: subscription.id,
          customerId: id(subscription.customer) ?? '',
          status: subscription.status,
          cancelAtPeriodEnd: subscription.cancel_at_period_end,
          currentPeriodEnd: periodEnds.length ? date(Math.min(...periodEnds)) : null,
          canceledAt: date(subscription.canceled_at),
          items: subscription.items.data.map((item) => ({ priceId: item.price.id, quantity: item.quantity ?? null, metadata: item.metadata })),
          metadata: subscription.metadata,
        },
      };
    }
    case 'transfer.reversed': {
      const transfer = await stripe.transfers.retrieve(event.data.object.id);
      return {
        name: 'stripe.transfer.reversed',
        payload: {
          transferId: transfer.id,
          destination: id(transfer.destination),
          amount: { amount: transfer.amount, currency: transfer.currency },
          amountReversed: transfer.amount_reversed,
          transferGroup: transfer.transfer_group,
          metadata: transfer.metadata,
        },
      };
    }
    case 'payout.created':
    case 'payout.updated':
    case 'payout.paid':
    case 'payout.failed':
    case 'payout.canceled': {
      const payout = await stripe.payouts.retrieve(event.data.object.id, undefined, onAccount);
      return {
        name: 'stripe.payout.changed',
        payload: {
          payoutId: payout.id,
          accountId: event.account ?? null,
          amount: { amount: payout.amount, currency: payout.currency },
          status: payout.status as 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled',
          failureCode: payout.failure_code,
          failureMessage: payout.failure_message,
          arrivalDate: new Date(payout.arrival_date * 1000),
          metadata: payout.metadata ?? {},
        },
      };
    }
    default:
      return null;
  }
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
