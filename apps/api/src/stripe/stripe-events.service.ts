import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { JobQueue } from '../platform/jobs/job-queue.js';
import { keysetPage, type Page, toPage } from '../platform/http/pagination.js';
import { StripeEventRecord } from './stripe-event.entity.js';
import { STRIPE_EVENT_JOB } from './stripe-event.processor.js';
import type { StripeEventQuery } from './stripe-events.dto.js';
import { StripeWebhookError } from './stripe.errors.js';

export interface StripeEventView {
  id: string;
  type: string;
  account: string | null;
  livemode: boolean;
  createdAt: string;
  receivedAt: string;
  status: string;
  failures: number;
  lastError: string | null;
  processedAt: string | null;
}

/** What staff see of received Stripe events, and the replay of those that failed. */
@Injectable()
export class StripeEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async list(query: StripeEventQuery): Promise<Page<StripeEventView>> {
    const qb = this.db.getRepository(StripeEventRecord).createQueryBuilder('e');
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.type) qb.andWhere('e.type = :type', { type: query.type });
    const limit = keysetPage(qb, query, { column: 'receivedAt' });
    return toPage(await qb.getMany(), limit, view, (row) => ({ createdAt: row.receivedAt, id: row.id }));
  }

  async get(id: string): Promise<StripeEventView & { payload: Record<string, unknown> }> {
    const row = await this.find(id);
    return { ...view(row), payload: row.payload };
  }

  /**
   * Sends a failed (or stuck) event through processing again, from a fresh retry budget. Refused
   * for processed events; a replay of one already waiting is a no-op (the job id dedupes it).
   */
  async replay(caller: Caller, id: string): Promise<StripeEventView> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ status: string }[]>(`SELECT status FROM stripe_events WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw StripeWebhookError.notFound(id);
      if (row.status === 'processed' || row.status === 'ignored') throw StripeWebhookError.alreadyProcessed(id);
      await tx.query(`UPDATE stripe_events SET status = 'received', failures = 0 WHERE id = $1`, [id]);
      await this.audit.record({ action: 'stripe.event_replayed', actorId: caller.userId, targetType: 'stripe_event', targetId: id, ip: caller.ip, details: { previousStatus: row.status } }, tx);
    });
    await this.jobs.enqueue(STRIPE_EVENT_JOB, { eventId: id }, { jobId: id });
    return view(await this.find(id));
  }

  private async find(id: string): Promise<StripeEventRecord> {
    const row = await this.db.getRepository(StripeEventRecord).findOneBy({ id });
    if (!row) throw StripeWebhookError.notFound(id);
    return row;
  }
}

function view(row: StripeEventRecord): StripeEventView {
  return {
    id: row.id,
    type: row.type,
    account: row.account,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    status: row.status,
    failures: row.failures,
    lastError: row.lastError,
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}
