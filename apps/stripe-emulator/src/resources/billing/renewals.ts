import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import { idOf } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { draftInvoice, finalizeInvoice, insertInvoice } from './invoice-build.js';
import { attemptInvoicePayment } from './invoice-payment.js';
import { nextBoundary } from './periods.js';
import { currentPeriod } from './subscription-build.js';
import { endSubscription, expireIncomplete, openInvoices } from './subscription-lifecycle.js';

/** Stripe gives an incomplete subscription 23 hours to have its first invoice paid. */
const INCOMPLETE_SECONDS = 23 * 60 * 60;
/** A clock jump of years over daily subscriptions is many renewals; this bounds one pass. */
const MAX_STEPS = 10_000;

interface Due {
  at: number;
  run: () => void;
}

/**
 * Brings subscriptions up to `target` (a test clock's new time, or the emulator clock), doing what
 * fell due in time order: period ends (renew and invoice, or cancel at period end), payment
 * retries of open renewal invoices, and incomplete subscriptions expiring.
 */
export function runBilling(scope: Scope, subscriptions: Stripe.Subscription[], target: number): void {
  for (const subscription of subscriptions) {
    // Deleting a customer cancels its subscriptions.
    if (!scope.state.find(idOf(subscription.customer), scope.account) && subscription.status !== 'canceled') endSubscription(scope, subscription, target);
  }
  for (let step = 0; step < MAX_STEPS; step++) {
    let next: Due | undefined;
    for (const subscription of subscriptions) {
      for (const due of dueWork(scope, subscription)) if (due.at <= target && (!next || due.at < next.at)) next = due;
    }
    if (!next) return;
    next.run();
  }
}

function dueWork(scope: Scope, subscription: Stripe.Subscription): Due[] {
  if (subscription.status === 'incomplete') return [{ at: subscription.created + INCOMPLETE_SECONDS, run: () => expireIncomplete(scope, subscription, subscription.created + INCOMPLETE_SECONDS) }];
  if (subscription.status !== 'active' && subscription.status !== 'past_due') return [];
  const { end } = currentPeriod(subscription);
  const work: Due[] = [{ at: end, run: () => periodEnded(scope, subscription, end) }];
  // Only a failed renewal leaves an open invoice to retry, and it makes the subscription past_due.
  const retrying = subscription.status === 'past_due' ? openInvoices(scope, subscription) : [];
  for (const invoice of retrying) {
    const retryAt = invoice.next_payment_attempt;
    if (retryAt !== null) work.push({ at: retryAt, run: () => collect(scope, subscription, invoice, retryAt) });
  }
  return work;
}

function periodEnded(scope: Scope, subscription: Stripe.Subscription, end: number): void {
  if (subscription.cancel_at_period_end || (subscription.cancel_at !== null && subscription.cancel_at <= end)) {
    endSubscription(scope, subscription, end);
    return;
  }
  const before = structuredClone(subscription);
  const previous = currentPeriod(subscription);
  for (const item of subscription.items.data) {
    item.current_period_start = end;
    item.current_period_end = nextBoundary(subscription.billing_cycle_anchor, item.price.recurring!, end);
  }
  const invoice = draftInvoice(scope, subscription, 'subscription_cycle', end, previous);
  subscription.latest_invoice = invoice.id;
  insertInvoice(scope, invoice);
  emitChanges(scope.emit, 'customer.subscription.updated', before, subscription);
  finalizeInvoice(scope, invoice, end);
  collect(scope, subscription, invoice, end);
}

function collect(scope: Scope, subscription: Stripe.Subscription, invoice: Stripe.Invoice, at: number): void {
  const customer = scope.state.find<Stripe.Customer>(idOf(subscription.customer), scope.account);
  const paymentMethod = subscription.default_payment_method ?? customer?.invoice_settings.default_payment_method ?? null;
  attemptInvoicePayment(scope, invoice, { paymentMethod: idOf(paymentMethod), offSession: true, at });
}
