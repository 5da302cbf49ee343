import type Stripe from 'stripe';
import { addBalanceTransaction, SETTLEMENT_SECONDS, stripeFee } from '../../core/balance.js';
import { cardDeclined, invalid, StripeApiError } from '../../core/errors.js';
import { idOf } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import type { EmulatorState } from '../../core/state.js';
import { buildCharge, DECLINES, type Decline } from './charge-object.js';
import { createPaymentIntent } from './payment-intent-object.js';
import { attachPaymentMethod } from './payment-method-attach.js';
import { cardBehaviour, cvcChecked, resolvePaymentMethod } from './test-cards.js';

export interface ChargeRequest {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string;
  description?: string | null;
  metadata?: Record<string, string>;
  transferGroup?: string | null;
  receiptEmail?: string | null;
  /** Off-session charges (subscription renewals): 'fail_after_attach' cards decline here and only here. */
  offSession?: boolean;
}

export interface ChargeResult {
  paymentIntent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  /** Set when the card was declined. */
  error?: StripeApiError;
}

/**
 * Creates and confirms a PaymentIntent: on success a `succeeded` PI, a `succeeded` charge and its balance transaction;
 * on decline a PI in `requires_payment_method` with `last_payment_error` and a `failed` charge. Never throws for a
 * decline (returns `error`, a 402 card_error with decline_code and payment_intent): the caller decides what a decline means.
 */
export function chargePaymentMethod(scope: Scope, request: ChargeRequest): ChargeResult {
  const method = resolvePaymentMethod(scope.state, scope.account, request.paymentMethod, 'payment_method');
  const intent = createPaymentIntent(scope.state, scope.account, {
    amount: request.amount,
    currency: request.currency,
    customer: request.customer,
    paymentMethod: method.id,
    description: request.description,
    metadata: request.metadata,
    transferGroup: request.transferGroup,
    receiptEmail: request.receiptEmail,
  });
  scope.emit('payment_intent.created', intent);
  return confirmPaymentIntent(scope, intent, { paymentMethod: method.id, offSession: request.offSession });
}

/** Statuses from which a PaymentIntent may be confirmed. */
const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/**
 * Confirms an existing PaymentIntent with its payment method (or `paymentMethod`): one charge attempt, with the same
 * outcomes and events as chargePaymentMethod. Throws only for a request that cannot be attempted (wrong status, no method).
 */
export function confirmPaymentIntent(scope: Scope, intent: Stripe.PaymentIntent, options: { paymentMethod?: string; offSession?: boolean } = {}): ChargeResult {
  const { state, account } = scope;
  if (!CONFIRMABLE.includes(intent.status)) {
    const message =
      intent.status === 'succeeded'
        ? 'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.'
        : `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`;
    throw unexpectedState(message, intent);
  }
  const methodId = options.paymentMethod ?? idOf(intent.payment_method);
  if (!methodId) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      intent,
    );
  }
  const method = resolvePaymentMethod(state, account, methodId, 'payment_method');
  const customer = idOf(intent.customer);
  if (method.customer && method.customer !== customer) {
    throw invalid(
      `The provided PaymentMethod ${method.id} is attached to another customer than the one this PaymentIntent is for${customer ? ` (${customer})` : ''}. Pass the customer it is attached to as \`customer\`.`,
      'payment_method',
    );
  }
  const decline = declineFor(state, method.id, options.offSession ?? false);
  const now = state.now();
  const charge = state.insert(buildCharge(intent, method, now, cvcChecked(state, method.id), decline), account);
  intent.latest_charge = charge.id;
  if (decline) return fail(scope, intent, charge, method, decline);
  const behaviour = cardBehaviour(state, method.id);
  const transaction = addBalanceTransaction(state, account, {
    amount: charge.amount,
    currency: charge.currency,
    fee: stripeFee(charge.amount),
    type: 'charge',
    reportingCategory: 'charge',
    source: charge.id,
    description: charge.description,
    availableOn: behaviour === 'bypass_pending' ? now : now + SETTLEMENT_SECONDS,
  });
  charge.balance_transaction = transaction.id;
  Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, payment_method: method.id, last_payment_error: null } satisfies Partial<Stripe.PaymentIntent>);
  if (intent.setup_future_usage && customer && !method.customer) attachPaymentMethod(scope, method, customer);
  scope.emit('charge.succeeded', charge);
  scope.emit('payment_intent.succeeded', intent);
  return { paymentIntent: intent, charge };
}

function declineFor(state: EmulatorState, paymentMethodId: string, offSession: boolean): Decline | undefined {
  const behaviour = cardBehaviour(state, paymentMethodId);
  if (behaviour === 'decline' || (behaviour === 'fail_after_attach' && offSession)) return DECLINES.generic_decline;
  if (behaviour === 'insufficient_funds') return DECLINES.insufficient_funds;
  return undefined;
}

function fail(scope: Scope, intent: Stripe.PaymentIntent, charge: Stripe.Charge, method: Stripe.PaymentMethod, decline: Decline): ChargeResult {
  Object.assign(intent, {
    status: 'requires_payment_method',
    payment_method: null,
    last_payment_error: {
      charge: charge.id,
      code: 'card_declined',
      decline_code: decline.declineCode,
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      message: decline.message,
      payment_method: structuredClone(method),
      type: 'card_error',
    },
  } satisfies Partial<Stripe.PaymentIntent>);
  scope.emit('charge.failed', charge);
  scope.emit('payment_intent.payment_failed', intent);
  const error = cardDeclined(decline.message, decline.declineCode, 'card_declined', { payment_intent: structuredClone(intent), charge: charge.id });
  return { paymentIntent: intent, charge, error };
}

function unexpectedState(message: string, intent: Stripe.PaymentIntent): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, { code: 'payment_intent_unexpected_state', payment_intent: structuredClone(intent) });
}
