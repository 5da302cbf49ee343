import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import { missingParam, noSuch } from '../../core/errors.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { attachPaymentMethod, detachPaymentMethod } from './payment-method-attach.js';
import { createCardPaymentMethod, resolvePaymentMethod } from './test-cards.js';

/** Card PaymentMethods: create (raw test numbers or test tokens), retrieve, update, attach, detach, list. */
export function registerPaymentMethods(api: ApiRouter): void {
  api.post('/v1/payment_methods', create, ['type', 'card', 'billing_details', 'metadata', 'allow_redisplay']);
  api.get('/v1/payment_methods', list, [...LIST_PARAMS, 'customer', 'type']);
  api.get('/v1/payment_methods/:id', (ctx) => find(ctx, ctx.path.id));
  api.post('/v1/payment_methods/:id', update, ['metadata', 'billing_details', 'allow_redisplay']);
  // Like Stripe, a test token (pm_card_visa) may be attached directly: it becomes a fresh PaymentMethod.
  api.post('/v1/payment_methods/:id/attach', (ctx) => attachPaymentMethod(ctx, findOrToken(ctx, ctx.path.id), ctx.params.string('customer', { required: true })), ['customer']);
  api.post('/v1/payment_methods/:id/detach', (ctx) => detachPaymentMethod(ctx, find(ctx, ctx.path.id)), []);
  api.get(
    '/v1/customers/:id/payment_methods',
    (ctx) => {
      ctx.state.get<Stripe.Customer>('customer', ctx.path.id, ctx.account);
      return listFor(ctx, ctx.path.id);
    },
    [...LIST_PARAMS, 'type', 'allow_redisplay'],
  );
  api.get('/v1/customers/:customer/payment_methods/:id', (ctx) => {
    const method = find(ctx, ctx.path.id);
    if (method.customer !== ctx.path.customer) throw noSuch('payment_method', ctx.path.id);
    return method;
  });
}

function create(ctx: RequestContext): Stripe.PaymentMethod {
  const { params } = ctx;
  params.string('type', { required: true, oneOf: ['card'] });
  const card = params.object('card');
  if (!card) throw missingParam('card');
  const billing = params.object('billing_details');
  const token = card.string('token');
  if (token && !/^(tok|pm_card)_/.test(token)) throw noSuch('token', token, 'card[token]');
  const method = token
    ? resolvePaymentMethod(ctx.state, ctx.account, token, 'card[token]')
    : createCardPaymentMethod(ctx.state, ctx.account, {
        number: card.string('number', { required: true }),
        expMonth: card.integer('exp_month', { required: true }),
        expYear: card.integer('exp_year', { required: true }),
        cvc: card.string('cvc'),
      });
  applyBillingDetails(method, billing);
  method.metadata = params.metadata(method.metadata ?? {});
  method.allow_redisplay = params.string('allow_redisplay', { oneOf: ['always', 'limited', 'unspecified'] }) ?? method.allow_redisplay;
  return method;
}

function update(ctx: RequestContext): Stripe.PaymentMethod {
  const method = find(ctx, ctx.path.id);
  const before = structuredClone(method);
  applyBillingDetails(method, ctx.params.object('billing_details'));
  method.metadata = ctx.params.metadata(method.metadata ?? {});
  method.allow_redisplay = ctx.params.string('allow_redisplay', { oneOf: ['always', 'limited', 'unspecified'] }) ?? method.allow_redisplay;
  emitChanges(ctx.emit, 'payment_method.updated', before, method);
  return method;
}

function applyBillingDetails(method: Stripe.PaymentMethod, billing: ReturnType<RequestContext['params']['object']>): void {
  if (!billing) return;
  const details = method.billing_details;
  if (billing.has('name')) details.name = billing.string('name') ?? null;
  if (billing.has('email')) details.email = billing.string('email') ?? null;
  if (billing.has('phone')) details.phone = billing.string('phone') ?? null;
  const address = billing.object('address');
  if (address) {
    details.address = {
      city: address.string('city') ?? null,
      country: address.string('country') ?? null,
      line1: address.string('line1') ?? null,
      line2: address.string('line2') ?? null,
      postal_code: address.string('postal_code') ?? null,
      state: address.string('state') ?? null,
    };
  }
}

function findOrToken(ctx: RequestContext, id: string): Stripe.PaymentMethod {
  return /^(?:pm_card|tok)_/.test(id) ? resolvePaymentMethod(ctx.state, ctx.account, id, 'payment_method') : find(ctx, id);
}

function find(ctx: RequestContext, id: string): Stripe.PaymentMethod {
  return ctx.state.get<Stripe.PaymentMethod>('payment_method', id, ctx.account);
}

function list(ctx: RequestContext) {
  const customer = ctx.params.string('customer');
  if (customer) ctx.state.get<Stripe.Customer>('customer', customer, ctx.account, 'customer');
  return listFor(ctx, customer);
}

function listFor(ctx: RequestContext, customer: string | undefined) {
  const matches = fieldsEqual<Stripe.PaymentMethod>(ctx.params, ['type', 'allow_redisplay']);
  return listOf<Stripe.PaymentMethod>(ctx, 'payment_method', (method) => (!customer || method.customer === customer) && matches(method));
}
