import type Stripe from 'stripe';
import { invalid, StripeApiError } from '../../core/errors.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import type { Params } from '../../core/params.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { confirmPaymentIntent } from './charge.js';
import { checkAmount, createPaymentIntent } from './payment-intent-object.js';
import { resolvePaymentMethod } from './test-cards.js';

const CREATE_PARAMS = [
  'amount',
  'currency',
  'customer',
  'payment_method',
  'confirm',
  'off_session',
  'description',
  'metadata',
  'transfer_group',
  'receipt_email',
  'payment_method_types',
  'automatic_payment_methods',
  'setup_future_usage',
  'statement_descriptor_suffix',
  'return_url',
] as const;
const UPDATE_PARAMS = ['amount', 'currency', 'customer', 'payment_method', 'description', 'metadata', 'receipt_email', 'setup_future_usage', 'transfer_group', 'statement_descriptor_suffix'];
const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

/** PaymentIntents: create (and confirm at once), retrieve, update, confirm, cancel, list. Card payments only. */
export function registerPaymentIntents(api: ApiRouter): void {
  api.post('/v1/payment_intents', create, CREATE_PARAMS);
  api.get('/v1/payment_intents', list, [...LIST_PARAMS, 'customer']);
  api.get('/v1/payment_intents/:id', (ctx) => find(ctx));
  api.post('/v1/payment_intents/:id', update, UPDATE_PARAMS);
  api.post('/v1/payment_intents/:id/confirm', (ctx) => confirm(ctx, find(ctx), ctx.params.string('payment_method'), offSession(ctx.params)), ['payment_method', 'off_session', 'return_url']);
  api.post('/v1/payment_intents/:id/cancel', cancel, ['cancellation_reason']);
}

function create(ctx: RequestContext): Stripe.PaymentIntent {
  const { params, state } = ctx;
  const amount = params.integer('amount', { required: true });
  const currency = params.currency();
  checkAmount(amount, currency);
  const shouldConfirm = params.boolean('confirm') ?? false;
  const isOffSession = offSession(params);
  if (isOffSession && !shouldConfirm) throw invalid('You can only use `off_session` when `confirm` is true.', 'off_session');
  const types = params.strings('payment_method_types');
  const automatic = params.object('automatic_payment_methods');
  if (types.length && automatic) throw invalid('You may only specify one of these parameters: automatic_payment_methods, payment_method_types.', 'payment_method_types');
  for (const [index, type] of types.entries()) {
    if (type !== 'card') throw invalid(`The payment method type "${type}" is invalid. The emulator supports only "card".`, `payment_method_types[${index}]`);
  }
  const methodParam = params.string('payment_method');
  const method = methodParam ? resolvePaymentMethod(state, ctx.account, methodParam, 'payment_method') : undefined;
  const intent = createPaymentIntent(state, ctx.account, {
    amount,
    currency,
    customer: params.string('customer') ?? null,
    paymentMethod: method?.id ?? null,
    description: params.string('description') ?? null,
    metadata: params.metadata(),
    transferGroup: params.string('transfer_group') ?? null,
    receiptEmail: params.string('receipt_email') ?? null,
    setupFutureUsage: params.string('setup_future_usage', { oneOf: ['on_session', 'off_session'] }) ?? null,
    statementDescriptorSuffix: params.string('statement_descriptor_suffix', { max: 22 }) ?? null,
    automaticPaymentMethods: types.length
      ? null
      : {
          enabled: automatic?.boolean('enabled') ?? true,
          allow_redirects: automatic?.string('allow_redirects', { oneOf: ['always', 'never'] }) ?? 'always',
        },
  });
  ctx.emit('payment_intent.created', intent);
  return shouldConfirm ? confirm(ctx, intent, undefined, isOffSession) : intent;
}

function confirm(ctx: RequestContext, intent: Stripe.PaymentIntent, paymentMethod: string | undefined, isOffSession: boolean): Stripe.PaymentIntent {
  const result = confirmPaymentIntent(ctx, intent, { paymentMethod, offSession: isOffSession });
  if (result.error) throw result.error;
  return result.paymentIntent;
}

function update(ctx: RequestContext): Stripe.PaymentIntent {
  const { params, state } = ctx;
  const intent = find(ctx);
  const open = intent.status === 'requires_payment_method' || intent.status === 'requires_confirmation' || intent.status === 'requires_action';
  for (const key of ['amount', 'currency', 'customer', 'payment_method', 'setup_future_usage']) {
    if (params.has(key) && !open) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `This PaymentIntent's ${key} could not be updated because it has a status of ${intent.status}. You may only update the ${key} of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
        { code: 'payment_intent_unexpected_state', param: key },
      );
    }
  }
  if (params.has('currency')) intent.currency = params.currency();
  if (params.has('amount')) intent.amount = params.integer('amount', { required: true });
  checkAmount(intent.amount, intent.currency);
  const customer = params.string('customer');
  if (customer) intent.customer = state.get<Stripe.Customer>('customer', customer, ctx.account, 'customer').id;
  const methodParam = params.string('payment_method');
  if (methodParam) {
    intent.payment_method = resolvePaymentMethod(state, ctx.account, methodParam, 'payment_method').id;
    intent.status = 'requires_confirmation';
  }
  if (params.has('setup_future_usage')) intent.setup_future_usage = params.string('setup_future_usage', { oneOf: ['on_session', 'off_session'] }) ?? null;
  if (params.has('description')) intent.description = params.string('description') ?? null;
  if (params.has('receipt_email')) intent.receipt_email = params.string('receipt_email') ?? null;
  if (params.has('transfer_group')) intent.transfer_group = params.string('transfer_group') ?? null;
  if (params.has('statement_descriptor_suffix')) intent.statement_descriptor_suffix = params.string('statement_descriptor_suffix', { max: 22 }) ?? null;
  intent.metadata = params.metadata(intent.metadata);
  return intent;
}

function cancel(ctx: RequestContext): Stripe.PaymentIntent {
  const intent = find(ctx);
  const reason = ctx.params.string('cancellation_reason', { oneOf: ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] });
  if (!CANCELABLE.includes(intent.status)) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      { code: 'payment_intent_unexpected_state', payment_intent: structuredClone(intent) },
    );
  }
  Object.assign(intent, { status: 'canceled', canceled_at: ctx.state.now(), cancellation_reason: reason ?? null } satisfies Partial<Stripe.PaymentIntent>);
  ctx.emit('payment_intent.canceled', intent);
  return intent;
}

function list(ctx: RequestContext) {
  return listOf(ctx, 'payment_intent', fieldsEqual<Stripe.PaymentIntent>(ctx.params, ['customer']));
}

function find(ctx: RequestContext): Stripe.PaymentIntent {
  return ctx.state.get<Stripe.PaymentIntent>('payment_intent', ctx.path.id, ctx.account);
}

/** `off_session` is a boolean, or `one_off` / `recurring` (both mean the customer is not present). */
function offSession(params: Params): boolean {
  const value = params.string('off_session', { oneOf: ['true', 'false', 'one_off', 'recurring'] });
  return value !== undefined && value !== 'false';
}
