import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AssignablePartnerRole } from '@guild/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { UsersService } from '../identity/users.service.js';
import { PartnerAccess } from './partner-access.service.js';
import { PartnerMember } from './partner-member.entity.js';
import type { Partner } from './partner.entity.js';
import { PartnerError } from './partners.errors.js';
import type { PartnerMemberView, PartnerTeamView } from './partner-team.view.js';

/** Changes to a partner's team. There is exactly one owner at all times; ownership moves only by a transfer. */
@Injectable()
export class PartnerMembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PartnerAccess,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async changeRole(caller: Caller, namespace: string, userId: string, role: AssignablePartnerRole): Promise<PartnerTeamView> {
    return this.db.transaction(async (tx) => {
      const { partner } = await this.access.requireMember(caller, namespace, ['owner'], { tx, lock: true });
      const member = await this.member(tx, partner, userId);
      if (member.role === 'owner') throw new PartnerError('OWNER_PROTECTED', 'The owner cannot be demoted; transfer ownership to another member first.');
      if (member.role === role) return { members: await this.team(tx, partner.id) };
      await tx.getRepository(PartnerMember).update({ partnerId: partner.id, userId }, { role });
      await this.audit.record(
        { action: 'partner.member_role_changed', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { userId, from: member.role, to: role } },
        tx,
      );
      return { members: await this.team(tx, partner.id) };
    });
  }

  /** The owner removes anyone but themself; any other member may leave. */
  async remove(caller: Caller, namespace: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const leaving = userId === caller.userId;
      const { partner } = await this.access.requireMember(caller, namespace, leaving ? undefined : ['owner'], { tx, lock: true });
      const member = await this.member(tx, partner, userId);
      if (member.role === 'owner') throw new PartnerError('OWNER_PROTECTED', 'The owner cannot leave or be removed; transfer ownership to another member first.');
      await tx.getRepository(PartnerMember).delete({ partnerId: partner.id, userId });
      await this.audit.record(
        { action: 'partner.member_removed', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { userId, role: member.role, left: leaving } },
        tx,
      );
    });
  }

  async transferOwnership(caller: Caller, namespace: string, userId: string): Promise<PartnerTeamView> {
    return this.db.transaction(async (tx) => {
      const { partner } = await this.access.requireMember(caller, namespace, ['owner'], { tx, lock: true });
      if (userId === caller.userId) throw new PartnerError('OWNER_PROTECTED', 'You already own this partner; name another member to transfer ownership to.');
      const target = await this.member(tx, partner, userId);
      const repository = tx.getRepository(PartnerMember);
      // Demote first: the partial unique index allows one owner per partner, even inside the transaction.
      await repository.update({ partnerId: partner.id, userId: caller.userId }, { role: 'developer' });
      await repository.update({ partnerId: partner.id, userId }, { role: 'owner' });
      await this.audit.record(
        { action: 'partner.ownership_transferred', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { from: caller.userId, to: userId, previousRole: target.role } },
        tx,
      );
      return { members: await this.team(tx, partner.id) };
    });
  }

  /** The team, owner first, then by when they joined. */
  async team(manager: EntityManager, partnerId: string): Promise<PartnerMemberView[]> {
    const members = await manager.getRepository(PartnerMember).find({ where: { partnerId }, order: { joinedAt: 'ASC', userId: 'ASC' } });
    members.sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'));
    const users = await this.users.contacts(members.map((m) => m.userId), manager);
    return members.map((m) => {
      // Deleting a user deletes their memberships (ON DELETE CASCADE), so every member has one.
      const { displayName, email } = users.get(m.userId)!;
      return { userId: m.userId, displayName, email, role: m.role, joinedAt: m.joinedAt.toISOString() };
    });
  }

  private async member(tx: EntityManager, partner: Partner, userId: string): Promise<PartnerMember> {
    const member = await tx.getRepository(PartnerMember).findOneBy({ partnerId: partner.id, userId });
    if (!member) throw new PartnerError('MEMBER_NOT_FOUND', `This user is not a member of ${partner.name}.`);
    return member;
  }
}
