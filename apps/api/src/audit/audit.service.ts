import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../platform/http/pagination.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditQuery } from './audit.dto.js';

export interface AuditRecord {
  action: string;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The append-only audit log: staff actions and security events. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Pass the transaction's manager when the audited change runs in one, so both commit or neither does. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    const event = repository.create({
      action: record.action,
      actorId: record.actorId ?? null,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      ip: record.ip ?? null,
      details: record.details ?? {},
    });
    await repository.save(event);
  }

  async list(query: AuditQuery): Promise<Page<AuditEventView>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const qb = this.events.createQueryBuilder('e').orderBy('e.occurredAt', 'DESC').addOrderBy('e.id', 'DESC').take(limit + 1);
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.targetId) qb.andWhere('e.targetId = :targetId', { targetId: query.targetId });
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurredAt < :to', { to: query.to });
    if (cursor) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.occurredAt < :at', { at: cursor.createdAt }).orWhere('(e.occurredAt = :at AND e.id < :cid)', { cid: cursor.id }),
        ),
      );
    }
    const rows = await qb.getMany();
    return toPage(
      rows.map((row) => Object.assign(row, { createdAt: row.occurredAt })),
      limit,
      (row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actorId: row.actorId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        ip: row.ip,
        details: row.details,
      }),
    );
  }
}
