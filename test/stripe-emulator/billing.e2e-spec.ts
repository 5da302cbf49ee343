import type Stripe from 'stripe';
import { useEmulator, type EmulatorHarness } from '../support/stripe-emulator.js';

const DAY = 86400;

/** Buys `price` monthly on the hosted Checkout page with `card`, for `customer`; returns the subscription. */
async function subscribeOnPage(h: EmulatorHarness, customer: string, price: string, card = '4242424242424242'): Promise<Stripe.Subscription> {
  const session = await h.stripe.checkout.sessions.create({ mode: 'subscription', customer, line_items: [{ price, quantity: 1 }], success_url: 'https://guild.test/ok' });
  const form = new URLSearchParams({ email: 'billing@example.com', card_number: card, card_expiry: '12 / 34', card_cvc: '123', card_name: 'Billing Buyer' });
  const response = await fetch(session.url!, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  expect(response.status).toBe(303);
  const done = await h.stripe.checkout.sessions.retrieve(session.id);
  return h.stripe.subscriptions.retrieve(done.subscription as string);
}

/** Advances a test clock and waits until it is ready again, as a Stripe integration polls. */
async function advanceClock(h: EmulatorHarness, clock: string, frozenTime: number): Promise<Stripe.TestHelpers.TestClock> {
  const advancing = await h.stripe.testHelpers.testClocks.advance(clock, { frozen_time: frozenTime });
  expect(advancing.status).toBe('advancing');
  for (;;) {
    const current = await h.stripe.testHelpers.testClocks.retrieve(clock);
    if (current.status === 'ready') return current;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A test card (`tok_visa`, `tok_chargeCustomerFail`) as a PaymentMethod attached to the customer. */
async function attachedCard(h: EmulatorHarness, customer: string, token: string): Promise<Stripe.PaymentMethod> {
  const method = await h.stripe.paymentMethods.create({ type: 'card', card: { token } });
  return h.stripe.paymentMethods.attach(method.id, { customer });
}

async function eventsOf(h: EmulatorHarness, id: string, prefix: string): Promise<Stripe.Event[]> {
  const events = await h.stripe.events.list({ type: `${prefix}*`, limit: 100 });
  return events.data.filter((event) => (event.data.object as { id: string }).id === id).reverse();
}

describe('Stripe emulator: products and prices', () => {
  const h = useEmulator();

  it('creates, updates, lists and deletes products, with events', async () => {
    const product = await h.stripe.products.create({ name: 'Guild Pro', description: 'Everything', metadata: { tier: 'pro' }, images: ['https://guild.test/pro.png'] });
    expect(product).toMatchObject({ object: 'product', active: true, name: 'Guild Pro', description: 'Everything', metadata: { tier: 'pro' }, default_price: null });
    const withPrice = await h.stripe.products.create({ name: 'Guild Team', default_price_data: { currency: 'usd', unit_amount: 4900, recurring: { interval: 'month' } } });
    const defaultPrice = await h.stripe.prices.retrieve(withPrice.default_price as string);
    expect(defaultPrice).toMatchObject({ product: withPrice.id, unit_amount: 4900, type: 'recurring', recurring: { interval: 'month', interval_count: 1 } });

    const updated = await h.stripe.products.update(product.id, { active: false, metadata: { tier: '' }, name: 'Guild Pro (old)' });
    expect(updated).toMatchObject({ active: false, metadata: {}, name: 'Guild Pro (old)' });
    const updatedEvent = (await eventsOf(h, product.id, 'product.')).find((event) => event.type === 'product.updated');
    expect(updatedEvent?.data.previous_attributes).toMatchObject({ active: true, name: 'Guild Pro' });

    const inactive = await h.stripe.products.list({ active: false });
    expect(inactive.data.map((p) => p.id)).toEqual([product.id]);
    expect((await h.stripe.products.list({ ids: [withPrice.id, product.id] })).data.map((p) => p.id)).toEqual([withPrice.id, product.id]);

    await expect(h.stripe.products.del(withPrice.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.stripe.products.del(product.id)).resolves.toMatchObject({ id: product.id, deleted: true });
    await expect(h.stripe.products.retrieve(product.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect((await eventsOf(h, product.id, 'product.')).map((event) => event.type)).toEqual(['product.created', 'product.updated', 'product.deleted']);
  });

  it('creates, updates and lists prices by product, active, type, currency and lookup key', async () => {
    const product = await h.stripe.products.create({ name: 'Seats' });
    const monthly = await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1000, recurring: { interval: 'month' }, lookup_key: 'seat_monthly', nickname: 'Monthly' });
    const yearly = await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 10000, recurring: { interval: 'year' } });
    const once = await h.stripe.prices.create({ product: product.id, currency: 'EUR', unit_amount: 500, metadata: { kind: 'setup' } });
    expect(once).toMatchObject({ type: 'one_time', recurring: null, currency: 'eur', active: true, metadata: { kind: 'setup' }, tax_behavior: 'unspecified' });

    const ids = async (params: Stripe.PriceListParams) => (await h.stripe.prices.list({ product: product.id, ...params })).data.map((p) => p.id);
    expect(await ids({})).toEqual([once.id, yearly.id, monthly.id]);
    expect(await ids({ type: 'recurring' })).toEqual([yearly.id, monthly.id]);
    expect(await ids({ currency: 'eur' })).toEqual([once.id]);
    expect(await ids({ lookup_keys: ['seat_monthly'] })).toEqual([monthly.id]);
    expect(await ids({ recurring: { interval: 'year' } })).toEqual([yearly.id]);

    await h.stripe.prices.update(yearly.id, { active: false, nickname: 'Yearly' });
    expect(await ids({ active: true })).toEqual([once.id, monthly.id]);
    const updated = (await h.stripe.events.list({ type: 'price.updated' })).data[0];
    expect(updated.data.previous_attributes).toEqual({ active: true, nickname: null });

    await expect(h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1200, lookup_key: 'seat_monthly' })).rejects.toMatchObject({ statusCode: 400, param: 'lookup_key' });
    const moved = await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1200, lookup_key: 'seat_monthly', transfer_lookup_key: true });
    expect(await ids({ lookup_keys: ['seat_monthly'] })).toEqual([moved.id]);
    expect((await h.stripe.prices.retrieve(monthly.id)).lookup_key).toBeNull();
  });

  it('validates prices like Stripe', async () => {
    const product = await h.stripe.products.create({ name: 'Validation' });
    const cases: [Stripe.PriceCreateParams, Record<string, unknown>][] = [
      [{ product: product.id, currency: undefined as unknown as string, unit_amount: 100 }, { code: 'parameter_missing', param: 'currency' }],
      [{ product: product.id, currency: 'usd' }, { code: 'parameter_missing', param: 'unit_amount' }],
      [{ product: product.id, currency: 'usd', unit_amount: -1 }, { param: 'unit_amount' }],
      [{ currency: 'usd', unit_amount: 100 }, { param: 'product' }],
      [{ product: 'prod_missing', currency: 'usd', unit_amount: 100 }, { code: 'resource_missing', param: 'product' }],
      [{ product: product.id, currency: 'usd', unit_amount: 100, recurring: { interval: 'fortnight' as 'month' } }, { param: 'recurring[interval]' }],
      [{ product: product.id, currency: 'usd', unit_amount: 100, recurring: { interval: 'year', interval_count: 4 } }, { param: 'recurring[interval_count]' }],
    ];
    for (const [params, error] of cases) await expect(h.stripe.prices.create(params)).rejects.toMatchObject({ statusCode: 400, ...error });
    const inline = await h.stripe.prices.create({ currency: 'usd', unit_amount: 300, product_data: { name: 'Inline product' } });
    expect((await h.stripe.products.retrieve(inline.product as string)).name).toBe('Inline product');
  });
});

describe('Stripe emulator: subscriptions, invoices and test clocks', () => {
  const h = useEmulator();
  let monthly: Stripe.Price;
  let start: number;

  beforeAll(async () => {
    monthly = await h.stripe.prices.create({ currency: 'usd', unit_amount: 1500, recurring: { interval: 'month' }, product_data: { name: 'Guild Pro' } });
    start = Math.floor(Date.UTC(2031, 0, 31, 12) / 1000);
  });

  const clockCustomer = async (email: string) => {
    const clock = await h.stripe.testHelpers.testClocks.create({ frozen_time: start, name: email });
    const customer = await h.stripe.customers.create({ email, test_clock: clock.id });
    return { clock, customer };
  };

  it('renews on test clock advance: a new period, a subscription_cycle invoice paid off-session', async () => {
    const { clock, customer } = await clockCustomer('renew@example.com');
    expect(clock).toMatchObject({ object: 'test_helpers.test_clock', status: 'ready', frozen_time: start, name: 'renew@example.com' });
    const subscription = await subscribeOnPage(h, customer.id, monthly.id);
    expect(subscription).toMatchObject({ status: 'active', test_clock: clock.id, start_date: start, billing_cycle_anchor: start });
    expect(subscription.items.data[0]).toMatchObject({ current_period_start: start, current_period_end: Date.UTC(2031, 1, 28, 12) / 1000 });

    const ready = await advanceClock(h, clock.id, Date.UTC(2031, 2, 1) / 1000);
    expect(ready).toMatchObject({ status: 'ready', frozen_time: Date.UTC(2031, 2, 1) / 1000 });
    const renewed = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0]).toMatchObject({ current_period_start: Date.UTC(2031, 1, 28, 12) / 1000, current_period_end: Date.UTC(2031, 2, 31, 12) / 1000 });

    const invoices = await h.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => [invoice.billing_reason, invoice.status])).toEqual([
      ['subscription_cycle', 'paid'],
      ['subscription_create', 'paid'],
    ]);
    const cycle = invoices.data[0];
    expect(renewed.latest_invoice).toBe(cycle.id);
    expect(cycle).toMatchObject({ amount_paid: 1500, created: Date.UTC(2031, 1, 28, 12) / 1000, period_start: start, period_end: Date.UTC(2031, 1, 28, 12) / 1000 });
    const lines = await h.stripe.invoices.listLineItems(cycle.id);
    expect(lines.data[0]).toMatchObject({ amount: 1500, quantity: 1, description: '1 × Guild Pro (at $15.00 / month)', period: { start: Date.UTC(2031, 1, 28, 12) / 1000, end: Date.UTC(2031, 2, 31, 12) / 1000 } });
    expect((await eventsOf(h, cycle.id, 'invoice.')).map((event) => event.type)).toEqual(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']);
    expect((await eventsOf(h, clock.id, 'test_helpers.')).map((event) => event.type)).toEqual([
      'test_helpers.test_clock.created',
      'test_helpers.test_clock.advancing',
      'test_helpers.test_clock.ready',
    ]);
    await expect(h.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: start })).rejects.toMatchObject({ statusCode: 400, param: 'frozen_time' });
  });

  it('renews several periods when time jumps, one invoice per period', async () => {
    const { clock, customer } = await clockCustomer('jump@example.com');
    const subscription = await subscribeOnPage(h, customer.id, monthly.id);
    await advanceClock(h, clock.id, start + 95 * DAY);
    const invoices = await h.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => invoice.billing_reason)).toEqual(['subscription_cycle', 'subscription_cycle', 'subscription_cycle', 'subscription_create']);
    expect(invoices.data.every((invoice) => invoice.status === 'paid')).toBe(true);
  });

  it('with 4000000000000341 the renewal declines off-session: invoice.payment_failed, past_due, then paying with a good card recovers', async () => {
    const { clock, customer } = await clockCustomer('fail@example.com');
    const subscription = await subscribeOnPage(h, customer.id, monthly.id, '4000000000000341');
    expect(subscription.status).toBe('active');
    // The period ends on Feb 28; the first automatic retry would come 3 days later.
    await advanceClock(h, clock.id, start + 29 * DAY);

    const pastDue = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(pastDue.status).toBe('past_due');
    const invoice = await h.stripe.invoices.retrieve(pastDue.latest_invoice as string);
    expect(invoice).toMatchObject({ status: 'open', billing_reason: 'subscription_cycle', attempted: true, attempt_count: 1, amount_remaining: 1500 });
    expect(invoice.next_payment_attempt).toBeGreaterThan(start + 28 * DAY);
    expect((await eventsOf(h, invoice.id, 'invoice.')).map((event) => event.type)).toContain('invoice.payment_failed');
    const updates = (await eventsOf(h, subscription.id, 'customer.subscription.')).filter((event) => event.type === 'customer.subscription.updated');
    expect(updates.at(-1)?.data).toMatchObject({ object: { status: 'past_due' }, previous_attributes: { status: 'active' } });
    expect((await h.stripe.invoices.list({ customer: customer.id, status: 'open' })).data.map((i) => i.id)).toEqual([invoice.id]);

    await expect(h.stripe.invoices.pay(invoice.id)).rejects.toMatchObject({ type: 'StripeCardError', code: 'card_declined' });
    const good = await attachedCard(h, customer.id, 'tok_visa');
    const paid = await h.stripe.invoices.pay(invoice.id, { payment_method: good.id });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 1500, attempt_count: 3, next_payment_attempt: null });
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    const payments = await h.stripe.invoicePayments.list({ invoice: invoice.id });
    expect(payments.data.map((payment) => payment.status)).toEqual(['paid', 'canceled', 'canceled']);
    const expanded = await h.stripe.invoices.retrieve(invoice.id, { expand: ['payments'] });
    expect(expanded.payments?.data).toHaveLength(3);
    await expect(h.stripe.invoices.pay(invoice.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('cancel_at_period_end ends the subscription when the clock passes the period end (customer.subscription.deleted)', async () => {
    const { clock, customer } = await clockCustomer('leaving@example.com');
    const subscription = await subscribeOnPage(h, customer.id, monthly.id);
    const periodEnd = subscription.items.data[0].current_period_end;
    const scheduled = await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true, metadata: { reason: 'moving' } });
    expect(scheduled).toMatchObject({ status: 'active', cancel_at_period_end: true, cancel_at: periodEnd, canceled_at: start, metadata: { reason: 'moving' } });
    const update = (await eventsOf(h, subscription.id, 'customer.subscription.')).at(-1);
    expect(update?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, cancel_at: null });

    await advanceClock(h, clock.id, periodEnd + DAY);
    const ended = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: 'canceled', ended_at: periodEnd, cancellation_details: { reason: 'cancellation_requested' } });
    expect((await eventsOf(h, subscription.id, 'customer.subscription.')).at(-1)?.type).toBe('customer.subscription.deleted');
    expect((await h.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(1);
  });

  it('cancels now with DELETE, and lists by status, customer, price and test clock', async () => {
    const { clock, customer } = await clockCustomer('now@example.com');
    const subscription = await subscribeOnPage(h, customer.id, monthly.id);
    const canceled = await h.stripe.subscriptions.cancel(subscription.id, { invoice_now: false, prorate: false, cancellation_details: { comment: 'Too busy' } });
    expect(canceled).toMatchObject({ status: 'canceled', canceled_at: start, ended_at: start, cancellation_details: { comment: 'Too busy', reason: 'cancellation_requested' } });
    expect((await h.stripe.events.list({ type: 'customer.subscription.deleted', limit: 1 })).data[0].data.object).toMatchObject({ id: subscription.id, status: 'canceled' });
    await expect(h.stripe.subscriptions.cancel(subscription.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.stripe.subscriptions.update(subscription.id, { metadata: { a: 'b' } })).rejects.toMatchObject({ statusCode: 400 });

    expect((await h.stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'canceled' })).data.map((s) => s.id)).toEqual([subscription.id]);
    expect((await h.stripe.subscriptions.list({ test_clock: clock.id, status: 'all' })).data.map((s) => s.id)).toEqual([subscription.id]);
    const byPrice = await h.stripe.subscriptions.list({ price: monthly.id, status: 'all', limit: 100 });
    expect(byPrice.data.map((s) => s.id)).toContain(subscription.id);
  });

  it('creates subscriptions by API: payment behaviours, quantities, the customer default method, validation', async () => {
    const customer = await h.stripe.customers.create({ email: 'api@example.com' });
    await expect(h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] })).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing' });

    const pending = await h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id, quantity: 2 }], payment_behavior: 'default_incomplete' });
    expect(pending.status).toBe('incomplete');
    const firstInvoice = await h.stripe.invoices.retrieve(pending.latest_invoice as string);
    expect(firstInvoice).toMatchObject({ status: 'open', amount_due: 3000, attempt_count: 0 });

    const card = await attachedCard(h, customer.id, 'tok_visa');
    await h.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
    await h.stripe.invoices.pay(firstInvoice.id);
    expect((await h.stripe.subscriptions.retrieve(pending.id)).status).toBe('active');

    const direct = await h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id, metadata: { seat: 'a' } }], metadata: { plan: 'pro' } });
    expect(direct).toMatchObject({ status: 'active', metadata: { plan: 'pro' }, default_payment_method: null, test_clock: null });
    const line = (await h.stripe.invoices.listLineItems(direct.latest_invoice as string)).data[0];
    expect(line.metadata).toEqual({ plan: 'pro', seat: 'a' });

    const itemId = direct.items.data[0].id;
    const more = await h.stripe.subscriptions.update(direct.id, { items: [{ id: itemId, quantity: 3 }] });
    expect(more.items.data[0].quantity).toBe(3);

    const declining = await attachedCard(h, customer.id, 'tok_chargeCustomerFail');
    const other = await h.stripe.prices.create({ currency: 'usd', unit_amount: 700, recurring: { interval: 'week' }, product_data: { name: 'Weekly' } });
    const once = await h.stripe.prices.create({ currency: 'usd', unit_amount: 700, product_data: { name: 'Once' } });
    const cases: [Stripe.SubscriptionCreateParams, Record<string, unknown>][] = [
      [{ items: [{ price: monthly.id }] }, { code: 'parameter_missing', param: 'customer' }],
      [{ customer: customer.id }, { code: 'parameter_missing', param: 'items' }],
      [{ customer: customer.id, items: [{ price: once.id }] }, { param: 'items[0][price]' }],
      [{ customer: customer.id, items: [{ price: monthly.id }, { price: other.id }] }, { param: 'items' }],
      [{ customer: customer.id, items: [{ price: 'price_missing' }] }, { code: 'resource_missing', param: 'items[0][price]' }],
      [{ customer: 'cus_missing', items: [{ price: monthly.id }] }, { code: 'resource_missing', param: 'customer' }],
      [{ customer: customer.id, items: [{ price: monthly.id }], default_payment_method: 'pm_missing' }, { param: 'default_payment_method' }],
    ];
    for (const [params, error] of cases) await expect(h.stripe.subscriptions.create(params)).rejects.toMatchObject({ statusCode: 400, ...error });
    const onSessionOk = await h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: other.id }], default_payment_method: declining.id });
    expect(onSessionOk.status).toBe('active');
  });

  it('error_if_incomplete refuses a declined first payment (402) and creates nothing; allow_incomplete keeps it incomplete', async () => {
    const customer = await h.stripe.customers.create({ email: 'declines@example.com' });
    const visa = await attachedCard(h, customer.id, 'tok_visa');
    const offSession = await attachedCard(h, customer.id, 'tok_chargeCustomerFail');
    await expect(
      h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }], default_payment_method: offSession.id, payment_behavior: 'error_if_incomplete', off_session: true }),
    ).rejects.toMatchObject({ type: 'StripeCardError', code: 'card_declined' });
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);

    const incomplete = await h.stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }], default_payment_method: offSession.id, off_session: true });
    expect(incomplete.status).toBe('incomplete');
    const paid = await h.stripe.invoices.pay(incomplete.latest_invoice as string, { payment_method: visa.id });
    expect(paid.status).toBe('paid');
    expect((await h.stripe.subscriptions.retrieve(incomplete.id)).status).toBe('active');
  });

  it('lists and deletes test clocks, and deleting one deletes its customers', async () => {
    const { clock, customer } = await clockCustomer('gone@example.com');
    expect((await h.stripe.testHelpers.testClocks.list({ limit: 100 })).data.map((c) => c.id)).toContain(clock.id);
    await expect(h.stripe.testHelpers.testClocks.del(clock.id)).resolves.toMatchObject({ id: clock.id, deleted: true });
    await expect(h.stripe.testHelpers.testClocks.retrieve(clock.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(h.stripe.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('Stripe emulator: subscriptions without a test clock follow the emulator clock', () => {
  const h = useEmulator();

  it('renews when POST /_emulator/clock/advance passes the period end', async () => {
    const price = await h.stripe.prices.create({ currency: 'usd', unit_amount: 900, recurring: { interval: 'week', interval_count: 2 }, product_data: { name: 'Fortnightly' } });
    const customer = await h.stripe.customers.create({ email: 'realtime@example.com' });
    const subscription = await subscribeOnPage(h, customer.id, price.id);
    const { current_period_end: end } = subscription.items.data[0];
    await h.control('POST', '/_emulator/clock/advance', { seconds: 15 * DAY });
    const renewed = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]).toMatchObject({ current_period_start: end, current_period_end: end + 14 * DAY });
    const invoices = await h.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => [invoice.billing_reason, invoice.status])).toEqual([
      ['subscription_cycle', 'paid'],
      ['subscription_create', 'paid'],
    ]);
  });
});
