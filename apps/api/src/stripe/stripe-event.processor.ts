import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { GuildConfig } from '../platform/config/guild-config.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { JobQueue, type JobContext } from '../platform/jobs/job-queue.js';
import { StripeConnection } from './stripe-connection.js';
import { StripeEventRecord } from './stripe-event.entity.js';
import { translate } from './stripe-event.translator.js';

export const STRIPE_EVENT_JOB = 'stripe.process-event';
export const STRIPE_SWEEP_JOB = 'stripe.sweep-events';
/** Tries per event before it is marked failed for staff. */
export const STRIPE_EVENT_ATTEMPTS = 8;
/** Events received longer ago than this and still unprocessed are queued again by the sweep (a lost job, a restart). */
const STALE_AFTER_SECONDS = 120;

/**
 * Processes stored Stripe events, exactly once in effect: the domain events' subscribers run in
 * the same transaction that marks the event processed, under a row lock, so a duplicate job, a
 * replay or a crash halfway never applies an event twice. Failures retry with backoff; the last
 * failure marks the event failed, where staff see it and can replay it.
 */
@Injectable()
export class StripeEventProcessor implements OnModuleInit {
  private readonly logger = new Logger('Stripe');

  constructor(
    private readonly config: GuildConfig,
    private readonly connection: StripeConnection,
    private readonly events: DomainEvents,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.define<{ eventId: string }>({
      name: STRIPE_EVENT_JOB,
      concurrency: 4,
      defaults: { attempts: STRIPE_EVENT_ATTEMPTS, backoff: { type: 'exponential', delay: this.config.stripeEventRetryDelayMs } },
      handler: (job) => this.run(job),
    });
    this.jobs.define({ name: STRIPE_SWEEP_JOB, handler: async () => void (await this.sweep()) });
    await this.jobs.schedule(STRIPE_SWEEP_JOB, 'every-minute', { every: 60_000 });
  }

  private async run(job: JobContext<{ eventId: string }>): Promise<void> {
    try {
      await this.process(job.data.eventId);
    } catch (error) {
      const lastTry = job.attemptsMade + 1 >= job.attempts;
      await this.db.query(`UPDATE stripe_events SET failures = failures + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1 AND status NOT IN ('processed', 'ignored')`, [
        job.data.eventId,
        String((error as Error).message ?? error).slice(0, 2000),
        lastTry,
      ]);
      if (lastTry) this.logger.error(`Stripe event ${job.data.eventId} failed for good: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Applies one stored event; a no-op when it was already applied. */
  async process(eventId: string): Promise<void> {
    const record = await this.db.getRepository(StripeEventRecord).findOneBy({ id: eventId });
    if (!record || record.status === 'processed' || record.status === 'ignored') return;
    // Re-reading from Stripe happens before the transaction, so no row lock waits on the network.
    const translated = await translate(record.payload as unknown as Stripe.Event, this.connection.stripe);
    await this.db.transaction(async (tx) => {
      const [locked] = await tx.query<{ status: string }[]>(`SELECT status FROM stripe_events WHERE id = $1 FOR UPDATE`, [eventId]);
      if (!locked || locked.status === 'processed' || locked.status === 'ignored') return;
      const subscribers = translated ? await this.events.publish(translated.name, translated.payload, { tx, occurrenceId: eventId }) : 0;
      await tx.query(`UPDATE stripe_events SET status = $2, processed_at = now(), last_error = NULL WHERE id = $1`, [eventId, translated ? 'processed' : 'ignored']);
      if (translated) this.logger.debug(`${record.type} ${eventId} → ${translated.name} (${subscribers} subscriber(s))`);
    });
  }

  /** Queues again what was received but neither processed nor given up on (the job id dedupes it). */
  async sweep(): Promise<number> {
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM stripe_events WHERE status = 'received' AND received_at < now() - make_interval(secs => $1) ORDER BY received_at LIMIT 500`, [
      STALE_AFTER_SECONDS,
    ]);
    for (const row of rows) await this.jobs.enqueue(STRIPE_EVENT_JOB, { eventId: row.id }, { jobId: row.id });
    return rows.length;
  }
}
