import type Stripe from 'stripe';
import { idOf, newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { formatMoney } from '../../pages/html.js';
import { intervalText } from './periods.js';
import { decimal } from './prices.js';
import { currentPeriod } from './subscription-build.js';

/** A one-time price billed once on a subscription's first invoice (Checkout's one-time line items in subscription mode). */
export interface OneTimeLine {
  price: Stripe.Price;
  quantity: number;
}

/**
 * A draft invoice for a subscription's current period: one line per item (price × quantity, with the
 * item's and the subscription's metadata), plus any one-time lines. `usage` is the invoice's own
 * period: the previous period for renewals, a zero-length one at creation (as Stripe reports).
 */
export function draftInvoice(
  scope: Scope,
  subscription: Stripe.Subscription,
  reason: 'subscription_create' | 'subscription_cycle',
  at: number,
  usage: { start: number; end: number },
  oneTime: OneTimeLine[] = [],
): Stripe.Invoice {
  const customer = scope.state.get<Stripe.Customer>('customer', idOf(subscription.customer), scope.account);
  const id = newId('in');
  const period = currentPeriod(subscription);
  const lines = [...subscription.items.data.map((item) => itemLine(scope, id, subscription, item, period)), ...oneTime.map((line) => oneTimeLine(scope, id, subscription, line, period))];
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const invoice: Stripe.Invoice = {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Guild (test mode)',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: reason,
    collection_method: 'charge_automatically',
    created: at,
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: customer.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { subscription: subscription.id, metadata: structuredClone(subscription.metadata) } },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    payments: { object: 'list', data: [], has_more: false, url: `/v1/invoice_payments?invoice=${id}` },
    period_end: usage.end,
    period_start: usage.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: subscription.test_clock,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
  return invoice;
}

export function insertInvoice(scope: Scope, invoice: Stripe.Invoice): void {
  scope.state.insert(invoice, scope.account);
  scope.emit('invoice.created', invoice);
}

/** Draft → open: numbers the invoice from the customer's sequence (`ABCD1234-0001`). */
export function finalizeInvoice(scope: Scope, invoice: Stripe.Invoice, at: number): void {
  const customer = scope.state.get<Stripe.Customer>('customer', idOf(invoice.customer) ?? '', scope.account);
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  invoice.number = `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.effective_at = at;
  invoice.status_transitions.finalized_at = at;
  scope.emit('invoice.finalized', invoice);
}

function itemLine(scope: Scope, invoice: string, subscription: Stripe.Subscription, item: Stripe.SubscriptionItem, period: { start: number; end: number }): Stripe.InvoiceLineItem {
  const quantity = item.quantity ?? 1;
  const price = item.price;
  const each = `${formatMoney(price.unit_amount ?? 0, price.currency)} / ${intervalText(price.recurring!)}`;
  return {
    ...lineBase(invoice, subscription, price, quantity, `${quantity} × ${productName(scope, price)} (at ${each})`, period),
    metadata: { ...subscription.metadata, ...item.metadata },
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: subscription.id, subscription_item: item.id },
    },
  };
}

function oneTimeLine(scope: Scope, invoice: string, subscription: Stripe.Subscription, line: OneTimeLine, period: { start: number; end: number }): Stripe.InvoiceLineItem {
  return {
    ...lineBase(invoice, subscription, line.price, line.quantity, productName(scope, line.price), { start: period.start, end: period.start }),
    parent: { type: 'invoice_item_details', subscription_item_details: null, invoice_item_details: { invoice_item: newId('ii'), proration: false, proration_details: { credited_items: null }, subscription: subscription.id } },
  };
}

function lineBase(invoice: string, subscription: Stripe.Subscription, price: Stripe.Price, quantity: number, description: string, period: { start: number; end: number }): Stripe.InvoiceLineItem {
  const amount = (price.unit_amount ?? 0) * quantity;
  return {
    id: newId('il'),
    object: 'line_item',
    amount,
    currency: price.currency,
    description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice,
    livemode: false,
    metadata: {},
    parent: null,
    period,
    pretax_credit_amounts: [],
    pricing: { type: 'price_details', price_details: { price: price.id, product: idOf(price.product) }, unit_amount_decimal: price.unit_amount_decimal },
    quantity,
    quantity_decimal: decimal(quantity),
    subscription: subscription.id,
    subtotal: amount,
    taxes: [],
  };
}

function productName(scope: Scope, price: Stripe.Price): string {
  return scope.state.find<Stripe.Product>(idOf(price.product), scope.account)?.name ?? idOf(price.product);
}
