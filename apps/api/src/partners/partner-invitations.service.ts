import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { hashSecret, newSecret } from '../identity/secret-token.js';
import { UsersService } from '../identity/users.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { PartnerAccess } from './partner-access.service.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { PartnerMember } from './partner-member.entity.js';
import { PartnerMembersService } from './partner-members.service.js';
import { toCreatedInvitationView, type CreatedInvitationView, type InvitationDetailsView } from './partner-team.view.js';
import { Partner } from './partner.entity.js';
import { toPartnerView, type PartnerMembershipView } from './partner.view.js';
import type { CreateInvitationDto } from './partners.dto.js';
import { PartnerError } from './partners.errors.js';

export const INVITATION_TOKEN_PREFIX = 'gpi_';
export const INVITATION_TTL_MS = 7 * 86_400_000;

/** Invitations into a partner's team: sent by the owner by email, accepted once by the invited address. */
@Injectable()
export class PartnerInvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PartnerAccess,
    private readonly members: PartnerMembersService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: GuildConfig,
  ) {}

  async create(caller: Caller, namespace: string, input: CreateInvitationDto): Promise<CreatedInvitationView> {
    return this.db.transaction(async (tx) => {
      const { partner } = await this.access.requireMember(caller, namespace, ['owner'], { tx, lock: true });
      const email = input.email.toLowerCase();
      const team = await this.members.team(tx, partner.id);
      if (team.some((member) => member.email === email)) throw new PartnerError('ALREADY_MEMBER', `${email} is already a member of ${partner.name}.`);
      const open = await tx
        .getRepository(PartnerInvitation)
        .createQueryBuilder('i')
        .where('i.partnerId = :partnerId AND i.email = :email AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()', { partnerId: partner.id, email })
        .getOne();
      if (open) throw new PartnerError('INVITATION_PENDING', `${email} already has an open invitation; revoke it to send a new one.`, { invitationId: open.id });
      const { secret, hash } = newSecret(INVITATION_TOKEN_PREFIX);
      const repository = tx.getRepository(PartnerInvitation);
      const invitation = await repository.save(
        repository.create({ partnerId: partner.id, email, role: input.role, tokenHash: hash, invitedBy: caller.userId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) }),
      );
      // Only the owner invites, so the inviter is on the team.
      const inviter = team.find((member) => member.userId === caller.userId)!;
      await this.notifications.email(
        {
          to: email,
          subject: `${inviter.displayName} invited you to ${partner.name} on Guild`,
          text:
            `${inviter.displayName} invited you to join ${partner.name} (${partner.namespace}) on Guild as ${input.role}.\n\n` +
            `Accept the invitation, signed in with this address (${email}):\n${this.config.publicUrl}/invitations/${secret}\n\n` +
            `The link works once and expires on ${invitation.expiresAt.toUTCString()}. If you did not expect it, ignore this email.\n`,
        },
        tx,
      );
      await this.audit.record(
        { action: 'partner.invitation_created', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { invitationId: invitation.id, email, role: input.role } },
        tx,
      );
      return toCreatedInvitationView(invitation);
    });
  }

  async revoke(caller: Caller, namespace: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { partner } = await this.access.requireMember(caller, namespace, ['owner'], { tx, lock: true });
      const invitation = await tx.getRepository(PartnerInvitation).findOneBy({ id, partnerId: partner.id });
      if (!invitation || invitation.revokedAt) throw new PartnerError('INVITATION_NOT_FOUND', `${partner.name} has no open invitation with this id.`);
      if (invitation.acceptedAt) throw new PartnerError('INVITATION_USED', 'This invitation was already accepted; remove the member instead.');
      await tx.getRepository(PartnerInvitation).update({ id }, { revokedAt: new Date() });
      await this.audit.record(
        { action: 'partner.invitation_revoked', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { invitationId: id, email: invitation.email } },
        tx,
      );
    });
  }

  /** What the invitation offers, so the invited person can decide. */
  async details(_caller: Caller, token: string): Promise<InvitationDetailsView> {
    const { invitation, partner } = await this.usable(this.db.manager, token);
    return { partner: { namespace: partner.namespace, name: partner.name }, role: invitation.role, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() };
  }

  async accept(caller: Caller, token: string): Promise<PartnerMembershipView> {
    return this.db.transaction(async (tx) => {
      const { invitation, partner } = await this.usable(tx, token, true);
      const user = (await this.users.contacts([caller.userId], tx)).get(caller.userId);
      if (user?.email !== invitation.email) {
        throw new PartnerError('INVITATION_EMAIL_MISMATCH', `This invitation is for ${invitation.email}; sign in with that address to accept it.`);
      }
      const existing = await tx.getRepository(PartnerMember).findOneBy({ partnerId: partner.id, userId: caller.userId });
      if (existing) throw new PartnerError('ALREADY_MEMBER', `You are already a member of ${partner.name}.`);
      await tx.getRepository(PartnerMember).insert({ partnerId: partner.id, userId: caller.userId, role: invitation.role });
      await tx.getRepository(PartnerInvitation).update({ id: invitation.id }, { acceptedAt: new Date(), acceptedBy: caller.userId });
      await this.audit.record(
        { action: 'partner.member_joined', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { invitationId: invitation.id, userId: caller.userId, role: invitation.role } },
        tx,
      );
      return { partner: toPartnerView(partner), role: invitation.role };
    });
  }

  /** The invitation behind a token if it can still be accepted; `lock` holds it until the transaction ends, so it is used once. */
  private async usable(manager: EntityManager, token: string, lock = false): Promise<{ invitation: PartnerInvitation; partner: Partner }> {
    const invitation = token.startsWith(INVITATION_TOKEN_PREFIX)
      ? await manager.getRepository(PartnerInvitation).findOne({ where: { tokenHash: hashSecret(token) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!invitation || invitation.revokedAt) throw new PartnerError('INVITATION_NOT_FOUND', 'This invitation does not exist or was withdrawn; ask the partner for a new one.');
    if (invitation.acceptedAt) throw new PartnerError('INVITATION_USED', 'This invitation was already used; ask the partner for a new one if you still need to join.');
    if (invitation.expiresAt <= new Date()) throw new PartnerError('INVITATION_EXPIRED', 'This invitation has expired; ask the partner to send a new one.', { expiredAt: invitation.expiresAt.toISOString() });
    const partner = await manager.getRepository(Partner).findOneByOrFail({ id: invitation.partnerId });
    return { invitation, partner };
  }
}
