import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import type { StripeApiError } from '../../core/errors.js';
import { idOf } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { draftInvoice, finalizeInvoice, insertInvoice, type OneTimeLine } from './invoice-build.js';
import { attemptInvoicePayment, subscriptionOf } from './invoice-payment.js';
import { buildSubscription, type SubscriptionInput } from './subscription-build.js';

export type PaymentBehavior = 'allow_incomplete' | 'default_incomplete' | 'error_if_incomplete';

export interface StartInput extends SubscriptionInput {
  paymentBehavior: PaymentBehavior;
  oneTime?: OneTimeLine[];
  offSession?: boolean;
}

/**
 * Creates a subscription and its first invoice (finalized at once), then pays that invoice with the
 * default payment method, unless `default_incomplete` leaves that to the caller. Events come in
 * Stripe's order: customer.subscription.created (incomplete), invoice.created, invoice.finalized,
 * the payment's events, invoice.paid, invoice.payment_succeeded, customer.subscription.updated (active).
 */
export function startSubscription(scope: Scope, input: StartInput): { subscription: Stripe.Subscription; invoice: Stripe.Invoice; error?: StripeApiError } {
  const subscription = buildSubscription(input);
  const invoice = draftInvoice(scope, subscription, 'subscription_create', input.at, { start: input.at, end: input.at }, input.oneTime);
  subscription.latest_invoice = invoice.id;
  scope.state.insert(subscription, scope.account);
  scope.emit('customer.subscription.created', subscription);
  insertInvoice(scope, invoice);
  finalizeInvoice(scope, invoice, input.at);
  if (input.paymentBehavior === 'default_incomplete' && invoice.amount_due > 0) return { subscription, invoice };
  const paymentMethod = subscription.default_payment_method ?? input.customer.invoice_settings.default_payment_method;
  const result = attemptInvoicePayment(scope, invoice, { paymentMethod: idOf(paymentMethod), offSession: input.offSession ?? false, at: input.at });
  return { subscription, invoice, error: result.error };
}

/**
 * Ends a subscription now (cancel, or the end of the period it was set to cancel at): status
 * canceled, no more collection on its open invoices, customer.subscription.deleted.
 */
export function endSubscription(scope: Scope, subscription: Stripe.Subscription, at: number, reason: Stripe.Subscription.CancellationDetails.Reason = 'cancellation_requested'): void {
  subscription.status = 'canceled';
  subscription.ended_at = at;
  subscription.canceled_at ??= at;
  subscription.cancel_at_period_end = false;
  subscription.cancellation_details = { comment: subscription.cancellation_details?.comment ?? null, feedback: subscription.cancellation_details?.feedback ?? null, feedback_option: null, reason };
  for (const invoice of openInvoices(scope, subscription)) invoice.next_payment_attempt = null;
  scope.emit('customer.subscription.deleted', subscription);
}

/** An incomplete subscription whose first invoice went unpaid for 23 hours: incomplete_expired, the invoice voided. */
export function expireIncomplete(scope: Scope, subscription: Stripe.Subscription, at: number): void {
  for (const invoice of openInvoices(scope, subscription)) {
    invoice.status = 'void';
    invoice.next_payment_attempt = null;
    invoice.status_transitions.voided_at = at;
    scope.emit('invoice.voided', invoice);
  }
  const before = structuredClone(subscription);
  subscription.status = 'incomplete_expired';
  subscription.ended_at = at;
  emitChanges(scope.emit, 'customer.subscription.updated', before, subscription);
}

export function openInvoices(scope: Scope, subscription: Stripe.Subscription): Stripe.Invoice[] {
  return scope.state.all<Stripe.Invoice>('invoice', scope.account, (invoice) => invoice.status === 'open' && subscriptionOf(scope, invoice) === subscription);
}
