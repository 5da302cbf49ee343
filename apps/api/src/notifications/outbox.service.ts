import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';
import { keysetPage, type Page, toPage } from '../platform/http/pagination.js';
import { OutboxEmail } from './outbox-email.entity.js';
import type { OutboxEmailView, OutboxQuery } from './outbox.dto.js';

/** What staff see of the email outbox (held emails are the only copy when no SMTP server is set). */
@Injectable()
export class OutboxService {
  constructor(@InjectRepository(OutboxEmail) private readonly emails: Repository<OutboxEmail>) {}

  async list(query: OutboxQuery): Promise<Page<OutboxEmailView>> {
    const qb = this.emails.createQueryBuilder('e');
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    return toPage(await qb.getMany(), limit, (row) => ({
      id: row.id,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    }));
  }
}
