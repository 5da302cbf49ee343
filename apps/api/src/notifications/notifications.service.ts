import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../identity/users.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { JobQueue } from '../platform/jobs/job-queue.js';
import { SEND_EMAIL_JOB } from './email-sender.job.js';
import { Notification } from './notification.entity.js';
import { OutboxEmail } from './outbox-email.entity.js';

export interface NotifyInput {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** also send it by email to the user's address */
  email?: boolean;
}

export interface EmailInput {
  to: string;
  subject: string;
  text: string;
}

/**
 * What other domains call to tell people something. Everything is written to the database first
 * (through `tx` when given, so it commits with the change it announces); emails go through the
 * outbox and are sent by the `notifications.send-email` job.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly config: GuildConfig,
    private readonly jobs: JobQueue,
    private readonly users: UsersService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** In-app notification (and optionally an email to the user), written in `tx` when given so it commits with the change it announces. */
  notify(input: NotifyInput, tx?: EntityManager): Promise<void> {
    return this.write((manager) => this.writeNotification(input, manager), tx);
  }

  /** An email to any address (invitations go to people who may have no account yet). */
  email(input: EmailInput, tx?: EntityManager): Promise<void> {
    return this.write((manager) => this.writeEmail(input, manager), tx);
  }

  /** Inside the caller's `tx`, the 15-second sweep queues the email once that commits; otherwise it is queued right after this commit. */
  private async write(write: (manager: EntityManager) => Promise<string | null>, tx?: EntityManager): Promise<void> {
    if (tx) {
      await write(tx);
      return;
    }
    const emailId = await this.db.transaction(write);
    if (emailId) await this.dispatch(emailId);
  }

  private async writeNotification(input: NotifyInput, tx: EntityManager): Promise<string | null> {
    const link = input.link ?? null;
    await tx.getRepository(Notification).insert({ userId: input.userId, kind: input.kind, title: input.title, body: input.body, link });
    if (!input.email) return null;
    // Read through `tx`: the user row may be part of the same transaction, and on PGlite the
    // transaction holds the only session.
    const user = (await this.users.contacts([input.userId], tx)).get(input.userId);
    if (!user) return null;
    const text = link ? `${input.body}\n\nOpen it in Guild: ${this.absolute(link)}\n` : `${input.body}\n`;
    return this.writeEmail({ to: user.email, subject: input.title, text }, tx);
  }

  private async writeEmail(input: EmailInput, tx: EntityManager): Promise<string> {
    const status = this.config.smtpUrl ? 'pending' : 'held';
    const result = await tx.getRepository(OutboxEmail).insert({ toAddress: input.to, subject: input.subject, textBody: input.text, status });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Queues the send at once after a commit; when this fails the 15-second sweep still finds the row. */
  private async dispatch(emailId: string): Promise<void> {
    if (!this.config.smtpUrl) return;
    try {
      await this.jobs.enqueue(SEND_EMAIL_JOB, { id: emailId }, { jobId: emailId });
    } catch (error) {
      this.logger.warn(`email ${emailId} not queued now (the outbox sweep will): ${(error as Error).message}`);
    }
  }

  private absolute(link: string): string {
    return /^https?:\/\//.test(link) ? link : `${this.config.publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;
  }
}
