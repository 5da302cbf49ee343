import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../platform/jobs/job-queue.js';
import { StripeConnection } from './stripe-connection.js';
import { STRIPE_EVENT_JOB } from './stripe-event.processor.js';
import { StripeWebhookError } from './stripe.errors.js';

/** The largest webhook body Guild reads; Stripe's events are far smaller. */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * The front door for Stripe webhooks: verify the signature on the raw body, store the event once
 * by its id, queue its processing, answer. Nothing is stored or queued for a body that does not
 * verify; a repeated delivery is acknowledged and changes nothing.
 */
@Injectable()
export class StripeWebhookReceiver {
  constructor(
    private readonly connection: StripeConnection,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    if (!rawBody || rawBody.length === 0) throw StripeWebhookError.payload('the body is empty');
    if (rawBody.length > MAX_BODY_BYTES) throw StripeWebhookError.payload('the body is too large');
    if (!signature) throw StripeWebhookError.signature('the header is missing');
    const event = this.verify(rawBody, signature);
    if (typeof event.id !== 'string' || !/^evt_[A-Za-z0-9_]+$/.test(event.id) || typeof event.type !== 'string' || typeof event.created !== 'number') {
      throw StripeWebhookError.payload('id, type or created is missing');
    }
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO stripe_events (id, type, account, livemode, created_at, payload)
       VALUES ($1, $2, $3, $4, to_timestamp($5), $6)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [event.id, event.type, event.account ?? null, Boolean(event.livemode), event.created, JSON.stringify(event)],
    );
    if (inserted.length > 0) await this.jobs.enqueue(STRIPE_EVENT_JOB, { eventId: event.id }, { jobId: event.id });
    return { received: true, duplicate: inserted.length === 0 };
  }

  /** Any configured or registered endpoint secret may have signed it (platform and Connect endpoints differ). */
  private verify(rawBody: Buffer, signature: string): Stripe.Event {
    const secrets = this.connection.webhookSecrets;
    if (secrets.length === 0) throw StripeWebhookError.signature('no webhook signing secret is configured');
    let reason = 'no secret matches';
    for (const secret of secrets) {
      try {
        return this.connection.stripe.webhooks.constructEvent(rawBody, signature, secret);
      } catch (error) {
        reason = (error as Error).message;
        if (!/No signatures found matching/i.test(reason)) break;
      }
    }
    throw StripeWebhookError.signature(reason.split('\n')[0]);
  }
}
