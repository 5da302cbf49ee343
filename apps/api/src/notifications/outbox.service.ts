import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../platform/http/pagination.js';
import { OutboxEmail } from './outbox-email.entity.js';
import type { OutboxEmailView, OutboxQuery } from './outbox.dto.js';

/** What staff see of the email outbox (held emails are the only copy when no SMTP server is set). */
@Injectable()
export class OutboxService {
  constructor(@InjectRepository(OutboxEmail) private readonly emails: Repository<OutboxEmail>) {}

  async list(query: OutboxQuery): Promise<Page<OutboxEmailView>> {
    const limit = query.limit ?? 25;
    const cursor = decodeCursor(query.cursor);
    const qb = this.emails.createQueryBuilder('e').orderBy('e.createdAt', 'DESC').addOrderBy('e.id', 'DESC').take(limit + 1);
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (cursor) {
      qb.andWhere(new Brackets((w) => w.where('e.createdAt < :at', { at: cursor.createdAt }).orWhere('(e.createdAt = :at AND e.id < :cid)', { cid: cursor.id })));
    }
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
