import type Stripe from 'stripe';
import { stateScope, type Scope } from '../../core/scope.js';
import type { EmulatorState } from '../../core/state.js';
import { expireIncomplete } from '../billing/subscription-lifecycle.js';

/** What a session keeps that Stripe does not show on it. */
export interface HiddenSession {
  paymentIntentData?: { metadata: Record<string, string>; transferGroup: string | null; description: string | null };
  subscriptionData?: { metadata: Record<string, string>; description: string | null };
  /** The customer created by a first, declined attempt: a retry reuses it. */
  customer?: string;
  /** Subscription mode: the incomplete subscription of a declined attempt, whose open invoice a retry pays. */
  subscription?: string;
}

export interface Completion {
  customer: Stripe.Customer;
  email: string;
  name: string | null;
  paymentIntent?: string;
  subscription?: string;
  invoice?: string;
}

/** open → complete/paid, with who paid and what was created; checkout.session.completed comes last. */
export function completeSession(scope: Scope, session: Stripe.Checkout.Session, completion: Completion): void {
  session.status = 'complete';
  session.payment_status = 'paid';
  session.customer = completion.customer.id;
  session.customer_details = {
    address: null,
    business_name: null,
    email: completion.email,
    individual_name: null,
    name: completion.name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.payment_intent = completion.paymentIntent ?? null;
  session.subscription = completion.subscription ?? null;
  session.invoice = completion.invoice ?? null;
  session.url = null;
  scope.emit('checkout.session.completed', session);
}

/** open → expired (by `expire` or at expires_at); a subscription left incomplete by a declined attempt expires with it. */
export function expireSession(scope: Scope, session: Stripe.Checkout.Session, at: number): void {
  session.status = 'expired';
  session.url = null;
  const pending = scope.state.hidden<HiddenSession>(session.id).subscription;
  const subscription = pending ? scope.state.find<Stripe.Subscription>(pending, scope.account) : undefined;
  if (subscription?.status === 'incomplete') expireIncomplete(scope, subscription, at);
  scope.emit('checkout.session.expired', session);
}

/** Expires open sessions whose expires_at has come (a ticker). */
export function expireSessions(state: EmulatorState, now: number): void {
  for (const { account, data } of state.everywhere<Stripe.Checkout.Session>('checkout.session')) {
    if (data.status === 'open' && data.expires_at <= now) expireSession(stateScope(state, account), data, now);
  }
}
