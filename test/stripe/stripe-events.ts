import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../apps/api/src/platform/events/domain-events.js';
import { StripeConnection } from '../../apps/api/src/stripe/stripe-connection.js';
import { STRIPE_DOMAIN_EVENTS } from '../../apps/api/src/stripe/stripe-event.translator.js';
import { waitFor } from '../support/wait.js';

export const WEBHOOK_SECRET = 'whsec_guild_test_secret_0123456789';

/**
 * A subscriber to every stripe.* domain event that writes one row per call, through the
 * publisher's transaction: the rows are the effects the exactly-once tests count.
 */
export async function recordEffects(app: NestFastifyApplication): Promise<{ effects(): Promise<{ occurrence_id: string; name: string; payload: Record<string, unknown> }[]> }> {
  const db = app.get(DataSource);
  await db.query(`CREATE TABLE IF NOT EXISTS test_effects (seq serial PRIMARY KEY, occurrence_id text NOT NULL, name text NOT NULL, payload jsonb NOT NULL)`);
  const events = app.get(DomainEvents);
  for (const name of STRIPE_DOMAIN_EVENTS) {
    events.on(name, async (payload, { tx, occurrenceId }) => {
      await tx.query(`INSERT INTO test_effects (occurrence_id, name, payload) VALUES ($1, $2, $3)`, [occurrenceId, name, JSON.stringify(payload)]);
    });
  }
  return { effects: () => db.query(`SELECT occurrence_id, name, payload FROM test_effects ORDER BY seq`) };
}

/** The SDK Guild uses (pointed at the app's own emulator). */
export const guildStripe = (app: NestFastifyApplication): Stripe => app.get(StripeConnection).stripe;

/** A signed delivery as Stripe makes it, by the SDK's own test helper. */
export function signed(app: NestFastifyApplication, payload: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const header = guildStripe(app).webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp });
  return { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header };
}

/** Waits until every stored event is processed or ignored (none received or failed). */
export async function settled(app: NestFastifyApplication, expectedEvents: number, timeoutMs = 60_000): Promise<void> {
  const db = app.get(DataSource);
  await waitFor(async () => {
    const [row] = await db.query<{ total: number; done: number }[]>(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('processed', 'ignored'))::int AS done FROM stripe_events`);
    return row.total === expectedEvents && row.done === expectedEvents;
  }, timeoutMs);
}
