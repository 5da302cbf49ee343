import { StripeConnection } from '../../apps/api/src/stripe/stripe-connection.js';
import { useTestApp } from '../support/suite.js';
import { guildStripe, recordEffects, settled } from './stripe-events.js';

// No key configured: Guild runs its own emulator, registers its webhook endpoints on it once it
// listens, and the emulator delivers over HTTP, here with duplicates and random delays.
describe('webhooks delivered by the emulator to a listening Guild', () => {
  const s = useTestApp();

  it('registers its endpoints on listen and applies every delivered event once despite duplicates and reordering', async () => {
    const { app } = s.ctx;
    const { effects } = await recordEffects(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const connection = app.get(StripeConnection);
    await connection.endpointsRegistered;
    const stripe = guildStripe(app);
    const endpoints = (await stripe.webhookEndpoints.list()).data;
    expect(endpoints).toHaveLength(2);
    expect(endpoints.every((endpoint) => endpoint.url.endsWith('/v1/webhooks/stripe'))).toBe(true);

    connection.emulator!.webhooks.chaos = { duplicateRate: 0.5, maxDelayMs: 300 };
    for (let i = 0; i < 30; i++) await stripe.paymentIntents.create({ amount: 500 + i, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const account = await stripe.accounts.create({ type: 'express', email: 'delivered@example.com' });
    await stripe.accounts.update(account.id, { metadata: { step: 'last' } });
    await connection.emulator!.webhooks.idle();

    const platformEvents = (await stripe.events.list({ limit: 100 })).data.length;
    const accountEvents = (await stripe.events.list({ limit: 100 }, { stripeAccount: account.id })).data.length;
    await settled(app, platformEvents + accountEvents);
    const attempts = connection.emulator!.webhooks.attempts();
    expect(attempts.some((attempt) => attempt.duplicate)).toBe(true);
    expect(attempts.every((attempt) => attempt.status === 200)).toBe(true);
    const rows = await effects();
    expect(rows.filter((row) => row.name === 'stripe.payment.succeeded')).toHaveLength(30);
    expect(new Set(rows.map((row) => row.occurrence_id)).size).toBe(rows.length);
    expect(rows.filter((row) => row.name === 'stripe.account.changed').length).toBeGreaterThan(0);
  }, 60_000);
});
