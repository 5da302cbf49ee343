import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
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
   * With `active` (what the caller is doing, e.g. "publish plugins"), a suspended partner is refused with PARTNER_SUSPENDED.
   */
  async requireMember(
    caller: Caller,
    namespace: string,
    roles?: readonly PartnerRole[],
    options: { tx?: EntityManager; lock?: boolean; active?: string } = {},
  ): Promise<PartnerMembership> {
    const manager = options.tx ?? this.db.manager;
    const partner = await manager.getRepository(Partner).findOne({ where: { namespace }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!partner) throw new PartnerError('PARTNER_NOT_FOUND', `No partner has the namespace "${namespace}".`);
    const member = await manager.getRepository(PartnerMember).findOneBy({ partnerId: partner.id, userId: caller.userId });
    if (!member) throw new PartnerError('PARTNER_ACCESS_DENIED', `You are not a member of ${partner.name}; ask its owner for an invitation.`);
    if (roles && !roles.includes(member.role)) {
      throw new PartnerError('PARTNER_ROLE_REQUIRED', `Only the ${roles.join(' or ')} of ${partner.name} may do this; you are a ${member.role}.`, { required: roles, role: member.role });
    }
    if (options.active && partner.status === 'suspended') {
      throw new PartnerError('PARTNER_SUSPENDED', `${partner.name} is suspended, so it cannot ${options.active} until staff reinstate it; its owner was told why.`);
    }
    return { partner, role: member.role };
  }

  /** Of `partnerIds`, those the user belongs to (any role). */
  async partnersOf(userId: string, partnerIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Set<string>> {
    if (partnerIds.length === 0) return new Set();
    const rows = await manager.getRepository(PartnerMember).find({ where: { userId, partnerId: In([...new Set(partnerIds)]) }, select: { partnerId: true } });
    return new Set(rows.map((row) => row.partnerId));
  }

  /** The partner's members holding one of `roles`, longest-standing first (who is told about the partner's plugins). */
  async memberIds(partnerId: string, roles: readonly PartnerRole[], manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await manager.getRepository(PartnerMember).find({
      where: { partnerId, role: In([...roles]) },
      select: { userId: true },
      order: { joinedAt: 'ASC', userId: 'ASC' },
    });
    return rows.map((row) => row.userId);
  }

  /** Whether the two users belong to one partner (community points are not earned from one's own team). */
  async sharePartner(userA: string, userB: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    if (userA === userB) return true;
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM partner_members a JOIN partner_members b ON b.partner_id = a.partner_id WHERE a.user_id = $1 AND b.user_id = $2 LIMIT 1`,
      [userA, userB],
    );
    return rows.length > 0;
  }

  /** The partners each of `userIds` belongs to (any role), for marking partners' posts and leaving partners out of advocate lists. */
  async partnersOfUsers(userIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, Partner[]>> {
    const result = new Map<string, Partner[]>();
    if (userIds.length === 0) return result;
    const members = await manager.getRepository(PartnerMember).find({ where: { userId: In([...new Set(userIds)]) }, select: { userId: true, partnerId: true } });
    const partners = await this.byIds(members.map((m) => m.partnerId), manager);
    for (const member of members) {
      const partner = partners.get(member.partnerId);
      if (partner) result.set(member.userId, [...(result.get(member.userId) ?? []), partner]);
    }
    return result;
  }

  /** Partners by id (for views that show a partner's name beside something it owns). */
  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, Partner>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.getRepository(Partner).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
