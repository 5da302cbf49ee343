import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import type { Caller } from '../identity/caller.js';
import { PartnerMember } from './partner-member.entity.js';
import { Partner } from './partner.entity.js';
import { PartnerError } from './partners.errors.js';

export interface PartnerMembership {
  partner: Partner;
  role: PartnerRole;
}

/**
 * Who may act for a partner. Every partner service calls it first, so jobs and internal callers get
 * the same protection as HTTP. Staff roles grant nothing here: staff act through the staff routes.
 */
@Injectable()
export class PartnerAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The caller's membership of the partner at `namespace`, holding one of `roles` when given.
   * With `lock`, the partner row is locked for the rest of `tx`, so changes to one partner's team run one at a time.
   */
  async requireMember(caller: Caller, namespace: string, roles?: readonly PartnerRole[], options: { tx?: EntityManager; lock?: boolean } = {}): Promise<PartnerMembership> {
    const manager = options.tx ?? this.db.manager;
    const partner = await manager.getRepository(Partner).findOne({ where: { namespace }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!partner) throw new PartnerError('PARTNER_NOT_FOUND', `No partner has the namespace "${namespace}".`);
    const member = await manager.getRepository(PartnerMember).findOneBy({ partnerId: partner.id, userId: caller.userId });
    if (!member) throw new PartnerError('PARTNER_ACCESS_DENIED', `You are not a member of ${partner.name}; ask its owner for an invitation.`);
    if (roles && !roles.includes(member.role)) {
      throw new PartnerError('PARTNER_ROLE_REQUIRED', `Only the ${roles.join(' or ')} of ${partner.name} may do this; you are a ${member.role}.`, { required: roles, role: member.role });
    }
    return { partner, role: member.role };
  }
}
