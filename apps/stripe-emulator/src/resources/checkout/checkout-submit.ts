import type Stripe from 'stripe';
import { StripeApiError } from '../../core/errors.js';
import type { EmulatorState } from '../../core/state.js';
import { attemptInvoicePayment } from '../billing/invoice-payment.js';
import { billingNow } from '../billing/periods.js';
import { idOf } from '../../core/ids.js';
import { stateScope, type Scope } from '../../core/scope.js';
import { startSubscription } from '../billing/subscription-lifecycle.js';
import { chargePaymentMethod } from '../payments/charge.js';
import { createCardPaymentMethod } from '../payments/test-cards.js';
import { attachCard, checkoutCustomer } from './checkout-customer.js';
import { completeSession, type HiddenSession } from './session-lifecycle.js';

export type SubmitOutcome = { redirect: string } | { status: 400 | 402; error: string; email: string; name: string };

interface CardForm {
  email: string;
  name: string;
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/**
 * The buyer pressed Pay/Subscribe: check the fields, create the card, then charge it (payment
 * mode) or start the subscription paid with it. Success completes the session and redirects to
 * success_url; a bad field is a 400 and a decline a 402, both leaving the session open.
 */
export function submitCheckout(state: EmulatorState, account: string | null, session: Stripe.Checkout.Session, body: Record<string, unknown>): SubmitOutcome {
  const field = (key: string) => {
    const value = body[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  const email = session.customer_email ?? field('email');
  const name = field('card_name');
  const refuse = (status: 400 | 402, error: string): SubmitOutcome => ({ status, error, email, name });
  const problem = formProblem(email, name, field('card_number'), field('card_expiry'), field('card_cvc'));
  if (problem) return refuse(400, problem);
  const [, month, year] = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(field('card_expiry'))!;
  const card: CardForm = { email, name, number: field('card_number').replace(/[\s-]/g, ''), expMonth: Number(month), expYear: Number(year), cvc: field('card_cvc') };
  let method: Stripe.PaymentMethod;
  try {
    method = createCardPaymentMethod(state, account, { number: card.number, expMonth: card.expMonth, expYear: card.expYear, cvc: card.cvc, name: card.name, email: card.email });
  } catch (error) {
    if (error instanceof StripeApiError) return refuse(400, error.message);
    throw error;
  }
  const scope = stateScope(state, account);
  const customer = checkoutCustomer(scope, session, email, name);
  const paid = session.mode === 'subscription' ? subscribe(scope, session, customer, method) : pay(scope, session, customer, method);
  if ('error' in paid) return refuse(402, paid.error);
  attachCard(scope, method, customer);
  completeSession(scope, session, { customer, email, name, ...paid });
  return { redirect: (session.success_url ?? '').replace('{CHECKOUT_SESSION_ID}', session.id) };
}

type Paid = { paymentIntent?: string; subscription?: string; invoice?: string } | { error: string };

function pay(scope: Scope, session: Stripe.Checkout.Session, customer: Stripe.Customer, method: Stripe.PaymentMethod): Paid {
  const data = scope.state.hidden<HiddenSession>(session.id).paymentIntentData;
  const result = chargePaymentMethod(scope, {
    amount: session.amount_total ?? 0,
    currency: session.currency ?? 'usd',
    customer: customer.id,
    paymentMethod: method.id,
    description: data?.description ?? null,
    metadata: data?.metadata ?? {},
    transferGroup: data?.transferGroup ?? null,
    receiptEmail: customer.email,
  });
  if (result.error) return { error: result.error.message };
  if (result.paymentIntent.status !== 'succeeded') return { error: 'This card needs authentication, which the emulator’s Checkout page does not support. Try another card.' };
  return { paymentIntent: result.paymentIntent.id };
}

/** The first attempt starts the subscription; after a decline it stays incomplete and a retry pays its open invoice. */
function subscribe(scope: Scope, session: Stripe.Checkout.Session, customer: Stripe.Customer, method: Stripe.PaymentMethod): Paid {
  const hidden = scope.state.hidden<HiddenSession>(session.id);
  const at = billingNow(scope, customer);
  const pending = hidden.subscription ? scope.state.find<Stripe.Subscription>(hidden.subscription, scope.account) : undefined;
  if (pending?.status === 'incomplete' && pending.latest_invoice) {
    pending.default_payment_method = method.id;
    const invoice = scope.state.get<Stripe.Invoice>('invoice', idOf(pending.latest_invoice), scope.account);
    const result = attemptInvoicePayment(scope, invoice, { paymentMethod: method.id, offSession: false, at });
    return result.error ? { error: result.error.message } : { subscription: pending.id, invoice: invoice.id };
  }
  const lines = (session.line_items?.data ?? []).map((item) => ({
    price: item.price ? (scope.state.find<Stripe.Price>(item.price.id, scope.account) ?? item.price) : undefined,
    quantity: item.quantity ?? 1,
    metadata: item.metadata ?? {},
  }));
  const priced = lines.filter((line): line is typeof line & { price: Stripe.Price } => line.price !== undefined);
  const { subscription, invoice, error } = startSubscription(scope, {
    customer,
    items: priced.filter((line) => line.price.recurring),
    oneTime: priced.filter((line) => !line.price.recurring),
    defaultPaymentMethod: method.id,
    metadata: { ...hidden.subscriptionData?.metadata },
    description: hidden.subscriptionData?.description ?? null,
    paymentBehavior: 'allow_incomplete',
    at,
  });
  if (error) {
    hidden.subscription = subscription.id;
    return { error: error.message };
  }
  return { subscription: subscription.id, invoice: invoice.id };
}

function formProblem(email: string, name: string, number: string, expiry: string, cvc: string): string | undefined {
  if (!email) return 'Your email address is incomplete.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Your email address is invalid.';
  if (!number) return 'Your card number is incomplete.';
  if (!expiry) return "Your card's expiration date is incomplete.";
  if (!/^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.test(expiry)) return "Your card's expiration date is invalid. Use MM / YY.";
  if (!cvc) return "Your card's security code is incomplete.";
  if (!name) return 'Enter the name on your card.';
  return undefined;
}
