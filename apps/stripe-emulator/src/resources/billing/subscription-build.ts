import type Stripe from 'stripe';
import { idOf, newId } from '../../core/ids.js';
import { periodBoundary } from './periods.js';

export interface ItemInput {
  price: Stripe.Price;
  quantity: number;
  metadata: Record<string, string>;
}

export interface SubscriptionInput {
  customer: Stripe.Customer;
  items: ItemInput[];
  defaultPaymentMethod: string | null;
  metadata: Record<string, string>;
  description?: string | null;
  cancelAtPeriodEnd?: boolean;
  /** Billing time: the customer's test clock, or the emulator clock. */
  at: number;
}

/** A new subscription (status incomplete until its first invoice is paid), its periods anchored at `at`. */
export function buildSubscription(input: SubscriptionInput): Stripe.Subscription {
  const id = newId('sub');
  const { at } = input;
  const recurring = input.items[0].price.recurring!;
  const periodEnd = periodBoundary(at, recurring, 1);
  const subscription: Stripe.Subscription = {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: at,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: input.cancelAtPeriodEnd ? periodEnd : null,
    cancel_at_period_end: input.cancelAtPeriodEnd ?? false,
    canceled_at: input.cancelAtPeriodEnd ? at : null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: input.cancelAtPeriodEnd ? 'cancellation_requested' : null },
    collection_method: 'charge_automatically',
    created: at,
    currency: input.items[0].price.currency,
    customer: input.customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: input.description ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } },
    items: {
      object: 'list',
      data: input.items.map((item) => subscriptionItem(id, item, at, periodEnd)),
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: at,
    status: 'incomplete',
    test_clock: idOf(input.customer.test_clock),
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: null,
  };
  return subscription;
}

function subscriptionItem(subscription: string, input: ItemInput, at: number, periodEnd: number): Stripe.SubscriptionItem {
  return {
    id: newId('si', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: at,
    current_period_end: periodEnd,
    current_period_start: at,
    current_trial: null,
    discounts: [],
    metadata: input.metadata,
    plan: planOf(input.price),
    price: structuredClone(input.price),
    quantity: input.quantity,
    subscription,
    tax_rates: [],
  };
}

/** The legacy Plan view of a recurring price that subscription items still carry. */
export function planOf(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: idOf(price.product),
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

/** The current period (all items of a subscription share one interval). */
export function currentPeriod(subscription: Stripe.Subscription): { start: number; end: number } {
  const item = subscription.items.data[0];
  return { start: item.current_period_start, end: item.current_period_end };
}
