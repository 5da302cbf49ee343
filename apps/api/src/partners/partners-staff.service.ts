import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { containsPattern, keysetPage, type Page, toPage } from '../platform/http/pagination.js';
import { PartnerMember } from './partner-member.entity.js';
import { Partner } from './partner.entity.js';
import { toPartnerView, type PartnerView } from './partner.view.js';
import type { StaffPartnersQuery, StaffPartnerView } from './partners-staff.dto.js';
import { PartnerError } from './partners.errors.js';

/** What staff do with partners: find them, suspend and reinstate them. (The staff guard checks the role; these act for staff only.) */
@Injectable()
export class PartnersStaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Newest first. */
  async list(query: StaffPartnersQuery): Promise<Page<StaffPartnerView>> {
    const qb = this.db
      .getRepository(Partner)
      .createQueryBuilder('p')
      .leftJoin(PartnerMember, 'o', `o.partnerId = p.id AND o.role = 'owner'`)
      .leftJoin('o.user', 'u')
      .addSelect('u.email', 'owner_email');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where('lower(p.name) LIKE :pattern', { pattern }).orWhere('p.namespace LIKE :pattern').orWhere('u.email LIKE :pattern')));
    }
    const limit = keysetPage(qb, query, { column: 'createdAt', rowCap: 'limit' });
    const { entities, raw } = await qb.getRawAndEntities<{ owner_email: string | null }>();
    const rows = entities.map((partner, i) => Object.assign(partner, { ownerEmail: raw[i]?.owner_email ?? null }));
    return toPage(rows, limit, (row) => ({
      ...toPartnerView(row),
      ownerEmail: row.ownerEmail,
      suspendedReason: row.suspendedReason,
      suspendedAt: row.suspendedAt?.toISOString() ?? null,
      stripe: { payable: row.payable },
    }));
  }

  suspend(caller: Caller, id: string, reason: string): Promise<PartnerView> {
    return this.setStatus(caller, id, 'suspended', reason);
  }

  reinstate(caller: Caller, id: string, reason?: string): Promise<PartnerView> {
    return this.setStatus(caller, id, 'active', reason ?? null);
  }

  private async setStatus(caller: Caller, id: string, status: Partner['status'], reason: string | null): Promise<PartnerView> {
    return this.db.transaction(async (tx) => {
      const repository = tx.getRepository(Partner);
      const partner = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!partner) throw new PartnerError('PARTNER_NOT_FOUND', 'No partner has this id.');
      if (partner.status === status) throw new PartnerError('PARTNER_STATE', `${partner.name} is already ${status}.`, { status });
      const suspended = status === 'suspended';
      Object.assign(partner, { status, suspendedReason: suspended ? reason : null, suspendedAt: suspended ? new Date() : null });
      const saved = await repository.save(partner);
      await this.audit.record(
        { action: suspended ? 'partner.suspended' : 'partner.reinstated', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { namespace: partner.namespace, reason } },
        tx,
      );
      const owner = await tx.getRepository(PartnerMember).findOneByOrFail({ partnerId: partner.id, role: 'owner' });
      await this.notifications.notify(
        {
          userId: owner.userId,
          kind: suspended ? 'partner.suspended' : 'partner.reinstated',
          title: suspended ? `${partner.name} is suspended` : `${partner.name} is reinstated`,
          body: suspended
            ? `Guild staff suspended ${partner.name}: ${reason}\nYour public profile is hidden and Stripe onboarding is closed until staff reinstate it.`
            : `Guild staff reinstated ${partner.name}.${reason ? ` ${reason}` : ''}`,
          link: `/partners/${partner.namespace}/dashboard`,
          email: true,
        },
        tx,
      );
      return toPartnerView(saved);
    });
  }
}
