import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { TRANSLATED_EVENT_TYPES } from '../../apps/api/src/stripe/stripe-event.translator.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { guildStripe, recordEffects, settled, signed, WEBHOOK_SECRET } from './stripe-events.js';

/** A small seeded generator, so a failing shuffle can be reproduced from the seed in the test name. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const SEED = 20261123;

describe(`1,000+ Stripe events, duplicated and shuffled (seed ${SEED})`, () => {
  const s = useTestApp({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });

  it('produce each effect exactly once, and order-sensitive effects reflect the latest state', async () => {
    const { app } = s.ctx;
    const stripe = guildStripe(app);
    const { effects } = await recordEffects(app);

    // Real objects in the emulator, each change producing the events Stripe would send.
    const accounts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const account = await stripe.accounts.create({ type: 'express', email: `partner${i}@example.com` });
      for (let version = 1; version <= 5; version++) await stripe.accounts.update(account.id, { metadata: { version: String(version) } });
      accounts.push(account.id);
    }
    const charges: string[] = [];
    for (let i = 0; i < 150; i++) {
      const intent = await stripe.paymentIntents.create({ amount: 1000 + i, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, metadata: { order: String(i) } });
      charges.push(intent.latest_charge as string);
    }
    for (const charge of charges.slice(0, 40)) {
      await stripe.refunds.create({ charge, amount: 100 });
      await stripe.refunds.create({ charge, amount: 200 });
    }
    const events: Stripe.Event[] = [];
    for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
    for (const account of accounts) for await (const event of stripe.events.list({ limit: 100 }, { stripeAccount: account })) events.push(event);
    while (events.length < 1000) {
      await stripe.customers.create({ email: `filler${events.length}@example.com` });
      events.push((await stripe.events.list({ limit: 1 })).data[0]);
    }
    const unique = new Map(events.map((event) => [event.id, event]));
    expect(unique.size).toBe(events.length);

    // Every event once, 30% of them a second time, all in a shuffled order, 16 at a time.
    const next = random(SEED);
    const deliveries = [...events, ...events.filter(() => next() < 0.3)];
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
    }
    const statuses: number[] = [];
    for (let i = 0; i < deliveries.length; i += 16) {
      const batch = deliveries.slice(i, i + 16).map(async (event) => {
        const body = JSON.stringify(event);
        statuses.push((await call(app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(app, body) })).status);
      });
      await Promise.all(batch);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    await settled(app, unique.size, 120_000);

    const rows = await effects();
    const perOccurrence = new Map<string, number>();
    for (const row of rows) perOccurrence.set(row.occurrence_id, (perOccurrence.get(row.occurrence_id) ?? 0) + 1);
    expect([...perOccurrence.values()].every((count) => count === 1)).toBe(true);
    const handled = events.filter((event) => TRANSLATED_EVENT_TYPES.includes(event.type));
    expect(new Set(perOccurrence.keys())).toEqual(new Set(handled.map((event) => event.id)));
    expect(rows.filter((row) => row.name === 'stripe.payment.succeeded')).toHaveLength(150);

    // Handlers re-read what order matters for, so even an early event yields the final state.
    for (const row of rows.filter((r) => r.name === 'stripe.account.changed')) expect(row.payload.metadata).toEqual({ version: '5' });
    const refunded = rows.filter((row) => row.name === 'stripe.charge.refunded');
    expect(refunded).toHaveLength(80);
    for (const row of refunded) expect(row.payload.amountRefunded).toBe(300);

    const [{ count }] = await app.get(DataSource).query<{ count: number }[]>(`SELECT count(*)::int AS count FROM stripe_events`);
    expect(count).toBe(unique.size);
  }, 240_000);
});
