import Stripe from 'stripe';
import { useEmulator } from '../support/stripe-emulator.js';

const TWO_DAYS = 172800;

describe('Stripe emulator: payments through the real SDK', () => {
  const h = useEmulator();

  const card = (number: string, extra: Stripe.PaymentMethodCreateParams.Card = {}) =>
    h.stripe.paymentMethods.create({ type: 'card', card: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123', ...extra } });
  const pay = (params: Partial<Stripe.PaymentIntentCreateParams> = {}, options?: Stripe.RequestOptions) =>
    h.stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...params }, options);
  const declineOf = (promise: Promise<unknown>) => promise.then(
      () => {
        throw new Error('expected a decline');
      },
      (error: unknown) => error as Stripe.errors.StripeCardError,
    );
  const eventsAbout = async (id: string) =>
    (await h.stripe.events.list({ limit: 100 })).data.filter((event) => (event.data.object as { id: string }).id === id).reverse();
  const amountIn = (funds: Stripe.Balance.Available[] | Stripe.Balance.Pending[], currency: string) => funds.find((entry) => entry.currency === currency)?.amount ?? 0;

  it('charges the succeeding test cards, by number and by test token, with their brands', async () => {
    for (const [number, brand] of [
      ['4242424242424242', 'visa'],
      ['5555 5555 5555 4444', 'mastercard'],
      ['378282246310005', 'amex'],
      ['6011111111111117', 'discover'],
    ]) {
      const method = await card(number);
      expect(method).toMatchObject({ object: 'payment_method', type: 'card', customer: null, card: { brand, last4: number.slice(-4) } });
      const intent = await pay({ payment_method: method.id });
      expect(intent).toMatchObject({ status: 'succeeded', amount_received: 2000, payment_method: method.id });
      const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
      expect(charge).toMatchObject({ status: 'succeeded', paid: true, captured: true, payment_intent: intent.id, payment_method_details: { type: 'card', card: { brand, checks: { cvc_check: 'pass' } } } });
    }
    const token = await pay({ payment_method: 'pm_card_mastercard' });
    expect(token.status).toBe('succeeded');
    expect(token.payment_method).toMatch(/^pm_/);
    expect(token.payment_method).not.toBe('pm_card_mastercard');
  });

  it('declines 4000000000000002 and 4000000000009995 with a StripeCardError, leaving the PaymentIntent retryable', async () => {
    const declined = await declineOf(pay({ payment_method: (await card('4000000000000002')).id }));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    const intent = await h.stripe.paymentIntents.retrieve(declined.payment_intent!.id);
    expect(intent).toMatchObject({ status: 'requires_payment_method', payment_method: null, last_payment_error: { code: 'card_declined', decline_code: 'generic_decline', type: 'card_error' } });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ status: 'failed', paid: false, failure_code: 'card_declined', balance_transaction: null, outcome: { type: 'issuer_declined', reason: 'generic_decline' } });

    const poor = await declineOf(pay({ payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }));
    expect(poor).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' });

    const retried = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(retried).toMatchObject({ status: 'succeeded', last_payment_error: null });
    expect((await h.stripe.charges.list({ payment_intent: intent.id })).data.map((c) => c.status)).toEqual(['succeeded', 'failed']);
  });

  it('lets 4000000000000341 attach and pay on-session, then declines it off-session', async () => {
    const customer = await h.stripe.customers.create({ email: 'renewal@example.com' });
    const method = await h.stripe.paymentMethods.attach((await card('4000000000000341')).id, { customer: customer.id });
    expect(method.customer).toBe(customer.id);
    await expect(pay({ customer: customer.id, payment_method: method.id })).resolves.toMatchObject({ status: 'succeeded' });
    const renewal = await declineOf(pay({ customer: customer.id, payment_method: method.id, off_session: true }));
    expect(renewal).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' });
  });

  it('refuses invalid card details with Stripe’s card_error codes', async () => {
    await expect(card('4242424242424241')).rejects.toMatchObject({ type: 'StripeCardError', code: 'incorrect_number', param: 'card[number]' });
    await expect(card('4242424242424242', { exp_year: 2001 })).rejects.toMatchObject({ type: 'StripeCardError', code: 'invalid_expiry_year', param: 'card[exp_year]' });
    await expect(card('4242424242424242', { exp_month: 13 })).rejects.toMatchObject({ code: 'invalid_expiry_month', param: 'card[exp_month]' });
    await expect(card('4242424242424242', { cvc: '12' })).rejects.toMatchObject({ code: 'invalid_cvc', param: 'card[cvc]' });
    await expect(pay({ payment_method: 'pm_nope' })).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_method' });
  });

  it('attaches, lists and detaches payment methods; a declining card fails to attach', async () => {
    const customer = await h.stripe.customers.create({ email: 'wallet@example.com' });
    const visa = await h.stripe.paymentMethods.attach((await card('4242424242424242')).id, { customer: customer.id });
    await h.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: visa.id } });
    expect((await h.stripe.customers.listPaymentMethods(customer.id)).data.map((m) => m.id)).toEqual([visa.id]);
    expect((await h.stripe.paymentMethods.list({ customer: customer.id, type: 'card' })).data.map((m) => m.id)).toEqual([visa.id]);
    await expect(h.stripe.paymentMethods.attach((await card('4000000000000002')).id, { customer: customer.id })).rejects.toMatchObject({
      type: 'StripeCardError',
      code: 'card_declined',
    });
    const detached = await h.stripe.paymentMethods.detach(visa.id);
    expect(detached.customer).toBeNull();
    expect((await h.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ invoice_settings: { default_payment_method: null } });
    expect((await eventsAbout(visa.id)).map((e) => e.type)).toEqual(['payment_method.attached', 'payment_method.detached']);
    await expect(h.stripe.paymentMethods.detach(visa.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('keeps card funds pending for two days, net of Stripe’s fee, except for 4000000000000077', async () => {
    await h.control('POST', '/_emulator/reset');
    const intent = await pay({ amount: 10000 });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string, { expand: ['balance_transaction'] });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ object: 'balance_transaction', type: 'charge', source: charge.id, amount: 10000, fee: 320, net: 9680, status: 'pending', reporting_category: 'charge' });
    expect(txn.available_on - txn.created).toBe(TWO_DAYS);
    await pay({ amount: 2000, payment_method: 'pm_card_bypassPending' });
    let balance = await h.stripe.balance.retrieve();
    expect(amountIn(balance.pending, 'usd')).toBe(9680);
    expect(amountIn(balance.available, 'usd')).toBe(2000 - 88);

    await h.control('POST', '/_emulator/clock/advance', { seconds: TWO_DAYS });
    balance = await h.stripe.balance.retrieve();
    expect(amountIn(balance.pending, 'usd')).toBe(0);
    expect(amountIn(balance.available, 'usd')).toBe(9680 + 1912);
    await expect(h.stripe.balanceTransactions.retrieve(txn.id)).resolves.toMatchObject({ status: 'available' });
    expect((await h.stripe.balanceTransactions.list({ type: 'charge', currency: 'usd' })).data).toHaveLength(2);
  });

  it('refunds in part and then in full, and refuses what cannot be refunded', async () => {
    const intent = await pay({ amount: 10000 });
    const chargeId = intent.latest_charge as string;
    const partial = await h.stripe.refunds.create({ charge: chargeId, amount: 3000, reason: 'requested_by_customer' });
    expect(partial).toMatchObject({ object: 'refund', status: 'succeeded', amount: 3000, charge: chargeId, payment_intent: intent.id });
    await expect(h.stripe.balanceTransactions.retrieve(partial.balance_transaction as string)).resolves.toMatchObject({ type: 'refund', amount: -3000, fee: 0, net: -3000 });
    expect(await h.stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 3000, refunded: false });
    await expect(h.stripe.refunds.create({ charge: chargeId, amount: 8000 })).rejects.toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });

    const rest = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(7000);
    const charge = await h.stripe.charges.retrieve(chargeId);
    expect(charge).toMatchObject({ amount_refunded: 10000, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    await expect(h.stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect((await h.stripe.refunds.list({ charge: chargeId })).data.map((r) => r.id)).toEqual([rest.id, partial.id]);

    const refunded = (await eventsAbout(chargeId)).filter((e) => e.type === 'charge.refunded');
    expect(refunded.map((e) => e.data.previous_attributes)).toEqual([
      expect.objectContaining({ amount_refunded: 0 }),
      expect.objectContaining({ amount_refunded: 3000, refunded: false }),
    ]);
    expect((await eventsAbout(rest.id)).map((e) => e.type)).toEqual(['refund.created']);

    const declined = await declineOf(pay({ payment_method: 'pm_card_chargeDeclined' }));
    await expect(h.stripe.refunds.create({ charge: declined.charge! })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('opens a dispute that withdraws the amount and a $15 fee; winning it reinstates the amount only', async () => {
    const intent = await pay({ amount: 5000, payment_method: 'pm_card_bypassPending' });
    const chargeId = intent.latest_charge as string;
    const before = amountIn((await h.stripe.balance.retrieve()).available, 'usd');
    const opened = await h.control<Stripe.Dispute>('POST', '/_emulator/disputes', { charge: chargeId });
    expect(opened).toMatchObject({ object: 'dispute', status: 'needs_response', amount: 5000, reason: 'fraudulent', charge: chargeId, payment_intent: intent.id });
    expect(opened.balance_transactions[0]).toMatchObject({ type: 'adjustment', reporting_category: 'dispute', amount: -5000, fee: 1500, net: -6500 });
    expect(await h.stripe.charges.retrieve(chargeId)).toMatchObject({ disputed: true });
    expect(amountIn((await h.stripe.balance.retrieve()).available, 'usd')).toBe(before - 6500);
    await expect(h.stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ code: 'charge_disputed' });

    const submitted = await h.stripe.disputes.update(opened.id, { evidence: { uncategorized_text: 'Delivered and signed for.' }, metadata: { case: '7' } });
    expect(submitted).toMatchObject({ status: 'under_review', evidence: { uncategorized_text: 'Delivered and signed for.' }, evidence_details: { has_evidence: true, submission_count: 1 } });

    const won = await h.control<Stripe.Dispute>('POST', `/_emulator/disputes/${opened.id}/close`, { outcome: 'won' });
    expect(won.status).toBe('won');
    expect(won.balance_transactions[1]).toMatchObject({ type: 'adjustment', amount: 5000, fee: 0 });
    expect(amountIn((await h.stripe.balance.retrieve()).available, 'usd')).toBe(before - 1500);
    expect((await eventsAbout(opened.id)).map((e) => e.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.updated',
      'charge.dispute.funds_reinstated',
      'charge.dispute.closed',
    ]);
    expect((await h.stripe.disputes.list({ charge: chargeId })).data.map((d) => d.id)).toEqual([opened.id]);
  });

  it('keeps the funds of a lost dispute withdrawn; accepting one through the API loses it', async () => {
    const first = await pay({ amount: 4000, payment_method: 'pm_card_bypassPending' });
    const before = amountIn((await h.stripe.balance.retrieve()).available, 'usd');
    const partial = await h.control<Stripe.Dispute>('POST', '/_emulator/disputes', { charge: first.latest_charge as string, amount: 1000, reason: 'product_not_received' });
    const lost = await h.control<Stripe.Dispute>('POST', `/_emulator/disputes/${partial.id}/close`, { outcome: 'lost' });
    expect(lost).toMatchObject({ status: 'lost', amount: 1000, reason: 'product_not_received' });
    expect(amountIn((await h.stripe.balance.retrieve()).available, 'usd')).toBe(before - 2500);
    expect((await eventsAbout(partial.id)).map((e) => e.type)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.closed']);

    const second = await pay({ amount: 3000 });
    const dispute = await h.control<Stripe.Dispute>('POST', '/_emulator/disputes', { charge: second.latest_charge as string });
    await expect(h.stripe.disputes.close(dispute.id)).resolves.toMatchObject({ status: 'lost' });
    await expect(h.stripe.disputes.close(dispute.id)).rejects.toMatchObject({ statusCode: 400 });
    expect((await eventsAbout(dispute.id)).map((e) => e.type).at(-1)).toBe('charge.dispute.closed');
  });

  it('emits the PaymentIntent and charge events of a success and of a decline', async () => {
    const ok = await pay();
    expect((await eventsAbout(ok.id)).map((e) => e.type)).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    expect((await eventsAbout(ok.latest_charge as string)).map((e) => e.type)).toEqual(['charge.succeeded']);
    const declined = await declineOf(pay({ payment_method: 'pm_card_chargeDeclined' }));
    expect((await eventsAbout(declined.payment_intent!.id)).map((e) => e.type)).toEqual(['payment_intent.created', 'payment_intent.payment_failed']);
    expect((await eventsAbout(declined.charge!)).map((e) => e.type)).toEqual(['charge.failed']);
  });

  it('creates, updates, confirms, cancels and lists PaymentIntents', async () => {
    const customer = await h.stripe.customers.create({ email: 'lifecycle@example.com' });
    const draft = await h.stripe.paymentIntents.create({ amount: 1500, currency: 'usd', customer: customer.id, metadata: { order: 'o1' } });
    expect(draft).toMatchObject({ status: 'requires_payment_method', client_secret: expect.stringMatching(new RegExp(`^${draft.id}_secret_`)), automatic_payment_methods: { enabled: true } });
    const updated = await h.stripe.paymentIntents.update(draft.id, { amount: 2500, description: 'Two seats' });
    expect(updated).toMatchObject({ amount: 2500, description: 'Two seats', metadata: { order: 'o1' } });
    const confirmed = await h.stripe.paymentIntents.confirm(draft.id, { payment_method: 'pm_card_visa' });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 2500 });
    await expect(h.stripe.paymentIntents.update(draft.id, { amount: 100 })).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    await expect(h.stripe.paymentIntents.confirm(draft.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    await expect(h.stripe.paymentIntents.cancel(draft.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });

    const abandoned = await h.stripe.paymentIntents.create({ amount: 900, currency: 'usd', customer: customer.id });
    await expect(h.stripe.paymentIntents.cancel(abandoned.id, { cancellation_reason: 'abandoned' })).resolves.toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect((await h.stripe.paymentIntents.list({ customer: customer.id })).data.map((pi) => pi.id)).toEqual([abandoned.id, draft.id]);
    await expect(h.stripe.paymentIntents.create({ amount: 10, currency: 'usd' })).rejects.toMatchObject({ code: 'amount_too_small', param: 'amount' });

    const charge = await h.stripe.charges.update(confirmed.latest_charge as string, { metadata: { note: 'vip' } });
    expect(charge.metadata).toEqual({ order: 'o1', note: 'vip' });
    expect((await h.stripe.charges.list({ customer: customer.id })).data.map((c) => c.id)).toEqual([charge.id]);
  });

  it('replays an idempotent PaymentIntent create without charging twice', async () => {
    const key = `pi-${Date.now()}`;
    const first = await pay({ amount: 4200 }, { idempotencyKey: key });
    const again = await pay({ amount: 4200 }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await h.stripe.charges.list({ payment_intent: first.id })).data).toHaveLength(1);
  });

  it('attaches a test token directly, as a fresh PaymentMethod of the customer', async () => {
    const customer = await h.stripe.customers.create({ email: 'token-attach@example.com' });
    const method = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    expect(method.id).toMatch(/^pm_(?!card_)/);
    expect(method).toMatchObject({ customer: customer.id, card: { brand: 'visa', last4: '4242' } });
    expect((await h.stripe.customers.listPaymentMethods(customer.id)).data.map((m) => m.id)).toEqual([method.id]);
  });
});
