import type Stripe from 'stripe';
import { useEmulator } from '../support/stripe-emulator.js';

interface Card {
  email?: string;
  number?: string;
  expiry?: string;
  cvc?: string;
  name?: string;
}

/** Submits the hosted page's form as a browser would, without following the redirect. */
async function payOnPage(url: string, card: Card = {}): Promise<Response> {
  const form = new URLSearchParams({
    email: card.email ?? 'buyer@example.com',
    card_number: card.number ?? '4242 4242 4242 4242',
    card_expiry: card.expiry ?? '12 / 34',
    card_cvc: card.cvc ?? '123',
    card_name: card.name ?? 'Ada Lovelace',
  });
  return fetch(url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
}

describe('Stripe emulator: Checkout Sessions and the hosted payment page', () => {
  const h = useEmulator();
  let oneTime: Stripe.Price;
  let monthly: Stripe.Price;

  beforeAll(async () => {
    oneTime = await h.stripe.prices.create({ currency: 'usd', unit_amount: 2000, product_data: { name: 'Guild T-shirt' } });
    monthly = await h.stripe.prices.create({ currency: 'usd', unit_amount: 1500, recurring: { interval: 'month' }, product_data: { name: 'Guild Pro' } });
  });

  const paymentSession = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
    h.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: oneTime.id, quantity: 2 }],
      success_url: 'https://guild.test/thanks?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://guild.test/cart',
      ...extra,
    });

  async function eventTypesFor(ids: string[]): Promise<string[]> {
    const events = await h.stripe.events.list({ limit: 100 });
    return events.data
      .filter((event) => ids.includes((event.data.object as { id: string }).id))
      .reverse()
      .map((event) => event.type);
  }

  it('shows the merchant, line items, total and a labelled card form, and pays with 4242 (303 to success_url)', async () => {
    const session = await paymentSession({ client_reference_id: 'order-7', payment_intent_data: { metadata: { orderId: '7' }, transfer_group: 'order-7' }, metadata: { cart: 'c7' } });
    expect(session).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid', amount_subtotal: 4000, amount_total: 4000, currency: 'usd', payment_intent: null });
    expect(session.url).toBe(`${h.emulator.publicUrl}/c/pay/${session.id}`);

    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of ['Guild (test mode)', 'Guild T-shirt × 2', '$40.00', '>Email<', '>Card number<', '>Expiration (MM / YY)<', '>CVC<', '>Name on card<', '>Pay<', 'href="https://guild.test/cart">Back<']) {
      expect(html).toContain(text);
    }

    const response = await payOnPage(session.url!, { email: 'ada@example.com' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`https://guild.test/thanks?session=${session.id}`);

    const done = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', client_reference_id: 'order-7', metadata: { cart: 'c7' }, customer_details: { email: 'ada@example.com' } });
    const intent = done.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', amount: 4000, currency: 'usd', customer: done.customer, metadata: { orderId: '7' }, transfer_group: 'order-7' });
    const customer = (await h.stripe.customers.retrieve(done.customer as string)) as Stripe.Customer;
    expect(customer.email).toBe('ada@example.com');

    const types = await eventTypesFor([session.id, intent.id, customer.id, intent.payment_method as string]);
    expect(types).toEqual(['customer.created', 'payment_intent.created', 'payment_intent.succeeded', 'payment_method.attached', 'checkout.session.completed']);
  });

  it('re-renders a decline with HTTP 402 and the message in role="alert", keeps the session open, then takes a good card', async () => {
    const session = await paymentSession();
    const declined = await payOnPage(session.url!, { email: 'grace@example.com', number: '4000000000000002' });
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toMatch(/<div class="error" role="alert">Your card was declined\.<\/div>/);
    expect(html).toContain('value="grace@example.com"');
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', payment_status: 'unpaid', payment_intent: null });

    const paid = await payOnPage(session.url!, { email: 'grace@example.com' });
    expect(paid.status).toBe(303);
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect((await h.stripe.paymentIntents.retrieve(done.payment_intent as string)).status).toBe('succeeded');
    expect((await h.stripe.customers.list({ email: 'grace@example.com' })).data.map((c) => c.id)).toEqual([done.customer]);
  });

  it('answers bad fields with 400 and the message beside the form, leaving the session payable', async () => {
    const session = await paymentSession();
    const cases: [Card, string][] = [
      [{ email: '' }, 'Your email address is incomplete.'],
      [{ email: 'nope' }, 'Your email address is invalid.'],
      [{ number: '4242 4242 4242 4241' }, 'Your card number is incorrect.'],
      [{ expiry: '1234' }, 'Your card&#39;s expiration date is invalid. Use MM / YY.'],
      [{ expiry: '13 / 30' }, 'Your card&#39;s expiration month is invalid.'],
      [{ cvc: '12' }, 'Your card&#39;s security code is invalid.'],
    ];
    for (const [card, message] of cases) {
      const response = await payOnPage(session.url!, card);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(`role="alert">${message}</div>`);
    }
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect((await payOnPage(session.url!)).status).toBe(303);
  });

  it('subscription mode: Subscribe starts an active subscription whose first invoice is paid with the card', async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: 'https://guild.test/welcome',
      customer_email: 'sub@example.com',
      subscription_data: { metadata: { guildUserId: 'u42' } },
    });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('>Subscribe<');
    expect(html).toContain('$15.00 / month');
    expect(html).toContain('value="sub@example.com" readonly');

    const response = await payOnPage(session.url!, { email: 'ignored@example.com' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://guild.test/welcome');
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', payment_intent: null, customer_details: { email: 'sub@example.com' } });

    const subscription = await h.stripe.subscriptions.retrieve(done.subscription as string);
    expect(subscription).toMatchObject({ status: 'active', customer: done.customer, metadata: { guildUserId: 'u42' }, latest_invoice: done.invoice });
    const [item] = subscription.items.data;
    expect(item.price.id).toBe(monthly.id);
    expect(item.current_period_end).toBeGreaterThan(item.current_period_start + 27 * 86400);
    const paymentMethod = await h.stripe.paymentMethods.retrieve(subscription.default_payment_method as string);
    expect(paymentMethod.customer).toBe(done.customer);

    const invoice = await h.stripe.invoices.retrieve(done.invoice as string);
    expect(invoice).toMatchObject({ status: 'paid', billing_reason: 'subscription_create', amount_paid: 1500, amount_remaining: 0, customer_email: 'sub@example.com' });
    expect(invoice.parent?.subscription_details).toMatchObject({ subscription: subscription.id, metadata: { guildUserId: 'u42' } });
    const payments = await h.stripe.invoicePayments.list({ invoice: invoice.id });
    expect(payments.data).toHaveLength(1);
    expect(payments.data[0]).toMatchObject({ status: 'paid', amount_paid: 1500 });
    expect((await h.stripe.paymentIntents.retrieve(payments.data[0].payment.payment_intent as string)).status).toBe('succeeded');

    const completed = await h.stripe.events.list({ type: 'checkout.session.completed', limit: 5 });
    expect(completed.data[0].data.object).toMatchObject({ id: session.id, subscription: subscription.id });
  });

  it('subscription mode: a decline leaves the session open and a retry pays the same subscription', async () => {
    const session = await h.stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: monthly.id, quantity: 2 }], success_url: 'https://guild.test/welcome' });
    expect((await payOnPage(session.url!, { email: 'retry@example.com', number: '4000000000000002' })).status).toBe(402);
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', subscription: null });
    expect((await payOnPage(session.url!, { email: 'retry@example.com' })).status).toBe(303);
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    const subscription = await h.stripe.subscriptions.retrieve(done.subscription as string);
    expect(subscription.status).toBe('active');
    expect(await h.stripe.invoices.retrieve(done.invoice as string)).toMatchObject({ status: 'paid', amount_paid: 3000, attempt_count: 2 });
    expect((await h.stripe.subscriptions.list({ customer: done.customer as string })).data).toHaveLength(1);
  });

  it('expires a session by API (checkout.session.expired) and shows closed and unknown sessions as such', async () => {
    const session = await paymentSession();
    const expired = await h.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    const events = await h.stripe.events.list({ type: 'checkout.session.expired' });
    expect(events.data[0].data.object).toMatchObject({ id: session.id, status: 'expired' });
    await expect(h.stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
    const expiredPage = await fetch(session.url!);
    expect(await expiredPage.text()).toContain('This Checkout Session has expired');
    expect((await payOnPage(session.url!)).status).toBe(409);

    const paid = await paymentSession();
    await payOnPage(paid.url!);
    expect(await (await fetch(paid.url!)).text()).toContain('This payment is complete');

    const missing = await fetch(`${h.emulator.publicUrl}/c/pay/cs_test_nothing`);
    expect(missing.status).toBe(404);
  });

  it('creates inline prices and products from price_data and lists line items', async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'Workshop seat', metadata: { kind: 'seat' } } }, quantity: 3 },
        { price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Lunch' } }, quantity: 1 },
      ],
      success_url: 'https://guild.test/ok',
    });
    expect(session).toMatchObject({ amount_total: 4250, currency: 'eur' });
    const items = await h.stripe.checkout.sessions.listLineItems(session.id, { limit: 1 });
    expect(items.has_more).toBe(true);
    expect(items.data[0]).toMatchObject({ object: 'item', description: 'Workshop seat', quantity: 3, amount_total: 3750, price: { unit_amount: 1250, active: false } });
    const product = await h.stripe.products.retrieve(items.data[0].price!.product as string);
    expect(product).toMatchObject({ name: 'Workshop seat', metadata: { kind: 'seat' } });
    const expanded = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(expanded.line_items?.data).toHaveLength(2);
  });

  it('lists sessions by status, customer, payment_intent and subscription', async () => {
    const open = await paymentSession();
    const paid = await paymentSession();
    await payOnPage(paid.url!, { email: 'lister@example.com' });
    const done = await h.stripe.checkout.sessions.retrieve(paid.id);
    const openIds = (await h.stripe.checkout.sessions.list({ status: 'open', limit: 100 })).data.map((s) => s.id);
    expect(openIds).toContain(open.id);
    expect(openIds).not.toContain(paid.id);
    expect((await h.stripe.checkout.sessions.list({ customer: done.customer as string })).data.map((s) => s.id)).toEqual([paid.id]);
    expect((await h.stripe.checkout.sessions.list({ payment_intent: done.payment_intent as string })).data.map((s) => s.id)).toEqual([paid.id]);
    expect((await h.stripe.checkout.sessions.list({ subscription: 'sub_none' })).data).toEqual([]);
  });

  it('validates like Stripe', async () => {
    const base = { mode: 'payment' as const, line_items: [{ price: oneTime.id, quantity: 1 }], success_url: 'https://guild.test/ok' };
    const eur = await h.stripe.prices.create({ currency: 'eur', unit_amount: 900, product_data: { name: 'Euro thing' } });
    const archived = await h.stripe.prices.create({ currency: 'usd', unit_amount: 900, product_data: { name: 'Old' }, active: false });
    const cases: [Stripe.Checkout.SessionCreateParams, Record<string, unknown>][] = [
      [{ ...base, mode: undefined }, { code: 'parameter_missing', param: 'mode' }],
      [{ ...base, mode: 'setup' }, { param: 'mode' }],
      [{ ...base, success_url: undefined }, { code: 'parameter_missing', param: 'success_url' }],
      [{ ...base, success_url: 'not a url' }, { param: 'success_url' }],
      [{ ...base, ui_mode: 'embedded_page' }, { param: 'ui_mode' }],
      [{ ...base, line_items: undefined }, { code: 'parameter_missing', param: 'line_items' }],
      [{ ...base, line_items: [{ price: monthly.id, quantity: 1 }] }, { param: 'line_items[0][price]', message: expect.stringContaining('recurring price') }],
      [{ ...base, mode: 'subscription' }, { param: 'line_items', message: expect.stringContaining('at least one recurring price') }],
      [{ ...base, line_items: [{ price: oneTime.id, quantity: 1 }, { price: eur.id, quantity: 1 }] }, { param: 'line_items[1][price]' }],
      [{ ...base, line_items: [{ price: archived.id, quantity: 1 }] }, { param: 'line_items[0][price]', message: expect.stringContaining('inactive') }],
      [{ ...base, line_items: [{ price: 'price_missing', quantity: 1 }] }, { code: 'resource_missing', param: 'line_items[0][price]' }],
      [{ ...base, line_items: [{ price: oneTime.id }] }, { param: 'line_items[0][quantity]' }],
      [{ ...base, customer: 'cus_missing' }, { code: 'resource_missing', param: 'customer' }],
      [{ ...base, customer_email: 'a@example.com', customer: 'cus_x' }, { param: 'customer_email' }],
      [{ ...base, expires_at: Math.floor(Date.now() / 1000) + 2 * 86400 }, { param: 'expires_at' }],
      [{ ...base, subscription_data: { metadata: { a: 'b' } } }, { param: 'subscription_data' }],
    ];
    for (const [params, error] of cases) {
      await expect(h.stripe.checkout.sessions.create(params)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, ...error });
    }
    await expect(h.stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('expires open sessions when the emulator clock passes expires_at', async () => {
    const { now } = await h.control<{ now: number }>('GET', '/_emulator/clock');
    const session = await paymentSession({ expires_at: now + 31 * 60 });
    await h.control('POST', '/_emulator/clock/advance', { seconds: 32 * 60 });
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired' });
    expect((await h.stripe.events.list({ type: 'checkout.session.expired', limit: 1 })).data[0].data.object).toMatchObject({ id: session.id });
  });
});
