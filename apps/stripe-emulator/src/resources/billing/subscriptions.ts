import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import { invalid } from '../../core/errors.js';
import { idOf } from '../../core/ids.js';
import { paginate } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { billingNow } from './periods.js';
import { currentPeriod } from './subscription-build.js';
import { attachedPaymentMethod, createSubscription, CREATE_PARAMS } from './subscription-create.js';
import { endSubscription } from './subscription-lifecycle.js';

const STATUSES = ['active', 'all', 'canceled', 'ended', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'] as const;

/** Subscriptions: create, retrieve, update, cancel now, list. */
export function registerSubscriptions(api: ApiRouter): void {
  api.post('/v1/subscriptions', createSubscription, CREATE_PARAMS);
  api.get('/v1/subscriptions', list, [...LIST_PARAMS, 'customer', 'status', 'price', 'plan', 'test_clock', 'collection_method']);
  api.get('/v1/subscriptions/:id', (ctx) => ctx.state.get<Stripe.Subscription>('subscription', ctx.path.id, ctx.account));
  api.post('/v1/subscriptions/:id', update, [
    'cancel_at_period_end',
    'metadata',
    'default_payment_method',
    'items',
    'description',
    'cancellation_details',
    'proration_behavior',
    'payment_behavior',
    'off_session',
  ]);
  api.delete('/v1/subscriptions/:id', cancel, ['invoice_now', 'prorate', 'cancellation_details']);
}

function update(ctx: RequestContext): Stripe.Subscription {
  const { params, state } = ctx;
  const subscription = state.get<Stripe.Subscription>('subscription', ctx.path.id, ctx.account);
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalid(`You cannot update a subscription that is \`${subscription.status}\`.`, undefined, 'resource_missing');
  }
  const customer = state.get<Stripe.Customer>('customer', idOf(subscription.customer), ctx.account);
  const before = structuredClone(subscription);
  const now = billingNow(ctx, customer);
  const cancelAtPeriodEnd = params.boolean('cancel_at_period_end');
  if (cancelAtPeriodEnd !== undefined && cancelAtPeriodEnd !== subscription.cancel_at_period_end) {
    subscription.cancel_at_period_end = cancelAtPeriodEnd;
    subscription.cancel_at = cancelAtPeriodEnd ? currentPeriod(subscription).end : null;
    subscription.canceled_at = cancelAtPeriodEnd ? now : null;
    subscription.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: cancelAtPeriodEnd ? 'cancellation_requested' : null };
  }
  const details = params.object('cancellation_details');
  if (details && subscription.cancellation_details) {
    if (details.has('comment')) subscription.cancellation_details.comment = details.string('comment') ?? null;
    if (details.has('feedback')) subscription.cancellation_details.feedback = details.string('feedback') ?? null;
  }
  if (params.has('default_payment_method')) subscription.default_payment_method = attachedPaymentMethod(ctx, customer, params.string('default_payment_method'), 'default_payment_method');
  if (params.has('description')) subscription.description = params.string('description') ?? null;
  params.string('proration_behavior', { oneOf: ['create_prorations', 'none', 'always_invoice'] });
  for (const entry of params.objects('items')) {
    const id = entry.string('id');
    const item = subscription.items.data.find((candidate) => candidate.id === id);
    if (!id || !item) {
      throw invalid(
        id ? `Subscription item ${id} does not belong to subscription ${subscription.id}.` : 'The emulator can only change the quantity or metadata of existing items; pass their id.',
        entry.name('id'),
      );
    }
    if (entry.has('price') && entry.string('price') !== item.price.id) throw invalid('The emulator does not support changing the price of a subscription item.', entry.name('price'));
    item.quantity = entry.integer('quantity', { min: 0 }) ?? item.quantity;
    item.metadata = entry.metadata(item.metadata);
  }
  subscription.metadata = params.metadata(subscription.metadata);
  emitChanges(ctx.emit, 'customer.subscription.updated', before, subscription);
  return subscription;
}

/** DELETE: cancels at once. No prorations or pending items are modelled, so invoice_now and prorate bill nothing more. */
function cancel(ctx: RequestContext): Stripe.Subscription {
  const { params, state } = ctx;
  const subscription = state.get<Stripe.Subscription>('subscription', ctx.path.id, ctx.account);
  params.boolean('invoice_now');
  params.boolean('prorate');
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') throw invalid(`This subscription has already been canceled.`, undefined, 'resource_missing');
  const customer = state.find<Stripe.Customer>(idOf(subscription.customer), ctx.account);
  const details = params.object('cancellation_details');
  subscription.canceled_at = customer ? billingNow(ctx, customer) : state.now();
  subscription.cancellation_details = {
    comment: details?.string('comment') ?? null,
    feedback: details?.string('feedback') ?? null,
    feedback_option: null,
    reason: 'cancellation_requested',
  };
  endSubscription(ctx, subscription, subscription.canceled_at);
  return subscription;
}

function list(ctx: RequestContext) {
  const { params } = ctx;
  const customer = params.string('customer');
  const status = params.string('status', { oneOf: STATUSES });
  const price = params.string('price') ?? params.string('plan');
  const testClock = params.string('test_clock');
  const collection = params.string('collection_method');
  const statusMatches = (value: string) =>
    status === 'all' || (status === 'ended' ? value === 'canceled' || value === 'incomplete_expired' : status ? value === status : value !== 'canceled');
  return paginate(
    ctx.state.all<Stripe.Subscription>(
      'subscription',
      ctx.account,
      (subscription) =>
        statusMatches(subscription.status) &&
        (!customer || subscription.customer === customer) &&
        (!price || subscription.items.data.some((item) => item.price.id === price)) &&
        (!testClock || subscription.test_clock === testClock) &&
        (!collection || subscription.collection_method === collection),
    ),
    params,
    ctx.url,
  );
}
