import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository } from 'typeorm';
import { keysetPage, type Page, toPage } from '../platform/http/pagination.js';
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
    const qb = this.events.createQueryBuilder('e');
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.targetId) qb.andWhere('e.targetId = :targetId', { targetId: query.targetId });
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurredAt < :to', { to: query.to });
    const limit = keysetPage(qb, query, { column: 'occurredAt', defaultLimit: 50 });
    return toPage(
      await qb.getMany(),
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
      (row) => ({ createdAt: row.occurredAt, id: row.id }),
    );
  }
}
