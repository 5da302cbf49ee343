import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { GuildConfig } from '../platform/config/guild-config.js';
import { JobQueue } from '../platform/jobs/job-queue.js';

export const SEND_EMAIL_JOB = 'notifications.send-email';
export const SWEEP_OUTBOX_JOB = 'notifications.sweep-outbox';
/** Send attempts per email before it is marked failed for staff. */
export const EMAIL_ATTEMPTS = 5;
const SWEEP_EVERY_MS = 15_000;

interface LockedEmail {
  to_address: string;
  subject: string;
  text_body: string;
  attempts: number;
}

/**
 * Sends `pending` outbox emails over SMTP (only when SMTP_URL is set; otherwise emails are
 * `held`). A job per email, keyed by its id so it is never queued twice at once, is queued right
 * after the commit that wrote it and by a sweep every 15 s (for emails written inside another
 * domain's transaction, or whose job was lost). The send happens under a row lock, after checking
 * the email is still pending, so two workers never send it both. One duplicate remains possible:
 * a process dying after the server accepted the message but before the commit sends it again
 * later — at least once, by design, rather than maybe never.
 */
@Injectable()
export class EmailSenderJob implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private transporter?: Transporter;

  constructor(
    private readonly config: GuildConfig,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.define<{ id: string }>({
      name: SEND_EMAIL_JOB,
      concurrency: 4,
      defaults: { attempts: EMAIL_ATTEMPTS, backoff: { type: 'exponential', delay: this.config.mailRetryDelayMs } },
      handler: (job) => this.send(job.data.id),
    });
    this.jobs.define({ name: SWEEP_OUTBOX_JOB, handler: async () => void (await this.sweep()) });
    // Unscheduled without SMTP, so a schedule left in Redis by an earlier configuration stops too.
    if (this.config.smtpUrl) await this.jobs.schedule(SWEEP_OUTBOX_JOB, 'every-15s', { every: SWEEP_EVERY_MS });
    else await this.jobs.unschedule(SWEEP_OUTBOX_JOB, 'every-15s');
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  /** Sends one email if it is still pending; throws after a failed attempt so the job retries. */
  async send(id: string): Promise<void> {
    if (!this.config.smtpUrl) return;
    const failure = await this.db.transaction(async (tx) => {
      const [email] = await tx.query<LockedEmail[]>(
        `SELECT to_address, subject, text_body, attempts FROM email_outbox WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!email) return undefined;
      try {
        await this.transport().sendMail({ from: this.config.mailFrom, to: email.to_address, subject: email.subject, text: email.text_body });
      } catch (error) {
        const attempts = email.attempts + 1;
        const failed = attempts >= EMAIL_ATTEMPTS;
        const message = String((error as Error).message ?? error).slice(0, 2000);
        await tx.query(`UPDATE email_outbox SET attempts = $2, last_error = $3, status = CASE WHEN $4 THEN 'failed' ELSE status END WHERE id = $1`, [id, attempts, message, failed]);
        if (failed) this.logger.error(`email ${id} failed for good after ${attempts} attempts: ${message}`);
        return error instanceof Error ? error : new Error(message);
      }
      await tx.query(`UPDATE email_outbox SET status = 'sent', attempts = attempts + 1, last_error = NULL, sent_at = now() WHERE id = $1`, [id]);
      return undefined;
    });
    if (failure) throw failure;
  }

  /** Queues every pending email (the job id dedupes those already queued or waiting to retry). */
  async sweep(): Promise<number> {
    if (!this.config.smtpUrl) return 0;
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM email_outbox WHERE status = 'pending' ORDER BY created_at LIMIT 500`);
    for (const row of rows) await this.jobs.enqueue(SEND_EMAIL_JOB, { id: row.id }, { jobId: row.id });
    return rows.length;
  }

  // The SMTP conversation runs inside the row's transaction (on PGlite, the only session), so every wait is bounded.
  private transport(): Transporter {
    this.transporter ??= nodemailer.createTransport({ url: this.config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return this.transporter;
  }
}
