import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import { StripeApiError } from '../../core/errors.js';
import { idOf, newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { chargePaymentMethod } from '../payments/charge.js';

const DAY = 24 * 60 * 60;
/** Days until the next automatic retry of a renewal after the 1st, 2nd and 3rd failed attempt; the 4th is the last. */
const RETRY_DAYS = [3, 5, 7];

export interface PaymentAttempt {
  paymentMethod: string | null;
  /** Renewals charge the card with the customer away, which some test cards decline. */
  offSession: boolean;
  at: number;
}

/**
 * Charges what an open invoice still owes, records the attempt as an InvoicePayment, marks the
 * invoice paid or failed (scheduling a retry for renewals), and moves its subscription between
 * incomplete / past_due and active. A decline is returned, never thrown.
 */
export function attemptInvoicePayment(scope: Scope, invoice: Stripe.Invoice, attempt: PaymentAttempt): { paid: boolean; error?: StripeApiError } {
  invoice.attempted = true;
  invoice.attempt_count += 1;
  if (invoice.amount_remaining === 0) return settleInvoice(scope, invoice, attempt.at);
  if (!attempt.paymentMethod) {
    return fail(scope, invoice, attempt.at, new StripeApiError(400, 'invalid_request_error', 'This customer has no attached payment source or default payment method.', { code: 'resource_missing' }));
  }
  const result = chargePaymentMethod(scope, {
    amount: invoice.amount_remaining,
    currency: invoice.currency,
    customer: idOf(invoice.customer),
    paymentMethod: attempt.paymentMethod,
    description: invoice.billing_reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
    metadata: {},
    receiptEmail: null,
    offSession: attempt.offSession,
  });
  const payment = recordPayment(scope, invoice, result.paymentIntent, attempt.at);
  if (result.error || result.paymentIntent.status !== 'succeeded') {
    const error = result.error ?? new StripeApiError(402, 'card_error', 'This payment requires authentication, which the emulator does not support for invoices.', { code: 'authentication_required' });
    return fail(scope, invoice, attempt.at, error);
  }
  payment.status = 'paid';
  payment.amount_paid = invoice.amount_remaining;
  payment.status_transitions.paid_at = attempt.at;
  refreshPayments(scope, invoice);
  scope.emit('invoice_payment.paid', payment);
  return settleInvoice(scope, invoice, attempt.at);
}

/** The subscription of a subscription invoice, if it still exists. */
export function subscriptionOf(scope: Scope, invoice: Stripe.Invoice): Stripe.Subscription | undefined {
  const id = invoice.parent?.subscription_details?.subscription;
  return id ? scope.state.find<Stripe.Subscription>(idOf(id), scope.account) : undefined;
}

export function settleInvoice(scope: Scope, invoice: Stripe.Invoice, at: number): { paid: boolean } {
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.status = 'paid';
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = at;
  scope.emit('invoice.paid', invoice);
  scope.emit('invoice.payment_succeeded', invoice);
  const subscription = subscriptionOf(scope, invoice);
  const owing = subscription && scope.state.all<Stripe.Invoice>('invoice', scope.account, (other) => other.status === 'open' && subscriptionOf(scope, other) === subscription);
  if (subscription && (subscription.status === 'incomplete' || subscription.status === 'past_due') && owing?.length === 0) setStatus(scope, subscription, 'active');
  return { paid: true };
}

function fail(scope: Scope, invoice: Stripe.Invoice, at: number, error: StripeApiError): { paid: false; error: StripeApiError } {
  const retries = invoice.billing_reason === 'subscription_cycle' && invoice.attempt_count <= RETRY_DAYS.length;
  invoice.next_payment_attempt = retries ? at + RETRY_DAYS[invoice.attempt_count - 1] * DAY : null;
  scope.emit('invoice.payment_failed', invoice);
  const subscription = subscriptionOf(scope, invoice);
  if (subscription?.status === 'active' && invoice.billing_reason === 'subscription_cycle') setStatus(scope, subscription, 'past_due');
  return { paid: false, error };
}

function setStatus(scope: Scope, subscription: Stripe.Subscription, status: Stripe.Subscription.Status): void {
  const before = structuredClone(subscription);
  subscription.status = status;
  emitChanges(scope.emit, 'customer.subscription.updated', before, subscription);
}

/** One InvoicePayment per attempt; an earlier attempt still open is superseded (canceled). */
function recordPayment(scope: Scope, invoice: Stripe.Invoice, paymentIntent: Stripe.PaymentIntent, at: number): Stripe.InvoicePayment {
  for (const earlier of scope.state.all<Stripe.InvoicePayment>('invoice_payment', scope.account, (payment) => payment.invoice === invoice.id && payment.status === 'open')) {
    earlier.status = 'canceled';
    earlier.is_default = false;
    earlier.status_transitions.canceled_at = at;
  }
  const payment: Stripe.InvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: invoice.amount_remaining,
    created: at,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: paymentIntent.id },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
  scope.state.insert(payment, scope.account);
  refreshPayments(scope, invoice);
  return payment;
}

function refreshPayments(scope: Scope, invoice: Stripe.Invoice): void {
  invoice.payments = { object: 'list', data: scope.state.all<Stripe.InvoicePayment>('invoice_payment', scope.account, (payment) => payment.invoice === invoice.id), has_more: false, url: `/v1/invoice_payments?invoice=${invoice.id}` };
}
