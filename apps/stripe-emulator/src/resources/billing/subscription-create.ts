import type Stripe from 'stripe';
import { invalid, missingParam } from '../../core/errors.js';
import type { Params } from '../../core/params.js';
import type { RequestContext } from '../../core/router.js';
import { billingNow } from './periods.js';
import type { ItemInput } from './subscription-build.js';
import { startSubscription, type PaymentBehavior } from './subscription-lifecycle.js';

export const CREATE_PARAMS = [
  'customer',
  'items',
  'default_payment_method',
  'metadata',
  'cancel_at_period_end',
  'payment_behavior',
  'collection_method',
  'description',
  'off_session',
  'proration_behavior',
] as const;

const NO_PAYMENT_METHOD =
  'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.';

/** POST /v1/subscriptions: validates like Stripe, then starts the subscription and pays its first invoice. */
export function createSubscription(ctx: RequestContext): Stripe.Subscription {
  const { params, state } = ctx;
  const customerId = params.string('customer');
  if (!customerId) throw missingParam('customer');
  const customer = state.get<Stripe.Customer>('customer', customerId, ctx.account, 'customer');
  const items = readItems(ctx, params);
  const collection = params.string('collection_method', { oneOf: ['charge_automatically', 'send_invoice'] });
  if (collection === 'send_invoice') throw invalid('The emulator bills subscriptions with collection_method=charge_automatically only.', 'collection_method');
  const paymentBehavior = (params.string('payment_behavior', { oneOf: ['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete'] }) ?? 'allow_incomplete') as PaymentBehavior;
  if ((paymentBehavior as string) === 'pending_if_incomplete') throw invalid('The emulator does not support payment_behavior=pending_if_incomplete.', 'payment_behavior');
  params.string('proration_behavior', { oneOf: ['create_prorations', 'none', 'always_invoice'] });
  const defaultPaymentMethod = attachedPaymentMethod(ctx, customer, params.string('default_payment_method'), 'default_payment_method');
  const total = items.reduce((sum, item) => sum + (item.price.unit_amount ?? 0) * item.quantity, 0);
  if (paymentBehavior !== 'default_incomplete' && total > 0 && !defaultPaymentMethod && !customer.invoice_settings.default_payment_method) {
    throw invalid(NO_PAYMENT_METHOD, undefined, 'resource_missing');
  }
  const { subscription, invoice, error } = startSubscription(ctx, {
    customer,
    items,
    defaultPaymentMethod,
    metadata: params.metadata(),
    description: params.string('description') ?? null,
    cancelAtPeriodEnd: params.boolean('cancel_at_period_end') ?? false,
    paymentBehavior,
    offSession: params.boolean('off_session') ?? false,
    at: billingNow(ctx, customer),
  });
  if (error && paymentBehavior === 'error_if_incomplete') {
    // Stripe creates nothing when the first payment fails in this mode.
    state.remove(subscription.id);
    state.remove(invoice.id);
    throw error;
  }
  return subscription;
}

/** A payment method id that must already be attached to the customer. */
export function attachedPaymentMethod(ctx: RequestContext, customer: Stripe.Customer, id: string | undefined, param: string): string | null {
  if (!id) return null;
  const method = ctx.state.get<Stripe.PaymentMethod>('payment_method', id, ctx.account, param);
  if (method.customer !== customer.id) throw invalid(`The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`, param);
  return id;
}

function readItems(ctx: RequestContext, params: Params): ItemInput[] {
  const entries = params.objects('items');
  if (entries.length === 0) throw missingParam('items');
  if (entries.length > 20) throw invalid('A subscription can have at most 20 items.', 'items');
  const items = entries.map((entry): ItemInput => {
    if (entry.has('price_data')) throw invalid('The emulator does not support price_data on subscription items; create a Price first.', entry.name('price_data'));
    const priceId = entry.string('price');
    if (!priceId) throw missingParam(entry.name('price'));
    const price = ctx.state.get<Stripe.Price>('price', priceId, ctx.account, entry.name('price'));
    if (!price.active) throw invalid('The price specified is inactive. This field only accepts active prices.', entry.name('price'));
    if (price.type !== 'recurring') throw invalid('The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.', entry.name('price'));
    return { price, quantity: entry.integer('quantity', { min: 0 }) ?? 1, metadata: entry.metadata() };
  });
  const [first] = items;
  for (const item of items) {
    if (item.price.currency !== first.price.currency) throw invalid('Currency and interval fields must match across all plans on this subscription. Found mismatch in currency field.', 'items');
    const [a, b] = [item.price.recurring!, first.price.recurring!];
    if (a.interval !== b.interval || a.interval_count !== b.interval_count) {
      throw invalid('Currency and interval fields must match across all plans on this subscription. Found mismatch in interval field.', 'items');
    }
  }
  const ids = items.map((item) => item.price.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw invalid(`Cannot add multiple subscription items with the same plan: ${duplicate}`, 'items');
  return items;
}
