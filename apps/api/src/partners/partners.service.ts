import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { checkNamespace } from './namespace.policy.js';
import { PartnerAccess } from './partner-access.service.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { PartnerMember } from './partner-member.entity.js';
import { PartnerMembersService } from './partner-members.service.js';
import { toInvitationView, type PartnerDashboardView } from './partner-team.view.js';
import { Partner } from './partner.entity.js';
import { toPartnerView, toPublicProfile, toStripeStatus, type MyPartnershipsView, type PartnerView, type PublicPartnerProfile } from './partner.view.js';
import type { UpdatePartnerDto } from './partners.dto.js';
import { PartnerError } from './partners.errors.js';

export interface NewPartner {
  applicationId: string;
  name: string;
  website: string | null;
  namespace: string;
  ownerId: string;
}

/** Partner organisations: creation on approval, the public profile, the dashboard and profile edits. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PartnerAccess,
    private readonly members: PartnerMembersService,
    private readonly audit: AuditService,
  ) {}

  /** Creates the organisation with `ownerId` as owner; the namespace must be free (unique index) — throws PartnerError NAMESPACE_TAKEN otherwise. */
  async createForApplication(input: NewPartner, tx: EntityManager): Promise<{ id: string; namespace: string }> {
    // Look-alikes are the applications' concern (they compare against everything open); a malformed or reserved name never becomes a partner.
    const verdict = checkNamespace(input.namespace, []);
    if (!verdict.ok && verdict.code !== 'NAMESPACE_TOO_SIMILAR') throw new PartnerError(verdict.code, verdict.message);
    // ON CONFLICT rather than catching the violation: a failed statement would abort the caller's transaction.
    const rows = await tx.query<Array<{ id: string; namespace: string }>>(
      `INSERT INTO partners (namespace, name, website, application_id) VALUES ($1, $2, $3, $4) ON CONFLICT (namespace) DO NOTHING RETURNING id, namespace`,
      [input.namespace, input.name, input.website, input.applicationId],
    );
    const created = rows[0];
    if (!created) throw new PartnerError('NAMESPACE_TAKEN', `The namespace "${input.namespace}" belongs to another partner.`, { namespace: input.namespace });
    await tx.getRepository(PartnerMember).insert({ partnerId: created.id, userId: input.ownerId, role: 'owner' });
    return { id: created.id, namespace: created.namespace };
  }

  /** Every namespace partners hold (suspended ones too): what new names are compared against. */
  async namespaces(manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await manager.query<Array<{ namespace: string }>>(`SELECT namespace FROM partners`);
    return rows.map((row) => row.namespace);
  }

  /** What anyone may see; a suspended partner is not shown. */
  async publicProfile(namespace: string): Promise<PublicPartnerProfile> {
    const partner = await this.db.getRepository(Partner).findOneBy({ namespace, status: 'active' });
    if (!partner) throw new PartnerError('PARTNER_NOT_FOUND', `No partner has the namespace "${namespace}".`);
    return toPublicProfile(partner);
  }

  async mine(caller: Caller): Promise<MyPartnershipsView> {
    const memberships = await this.db.getRepository(PartnerMember).find({ where: { userId: caller.userId }, relations: { partner: true }, order: { joinedAt: 'ASC' } });
    return { items: memberships.map((m) => ({ partner: toPartnerView(m.partner!), role: m.role })) };
  }

  async dashboard(caller: Caller, namespace: string): Promise<PartnerDashboardView> {
    const { partner, role } = await this.access.requireMember(caller, namespace);
    const members = await this.members.team(this.db.manager, partner.id);
    const invitations =
      role === 'owner'
        ? await this.db
            .getRepository(PartnerInvitation)
            .createQueryBuilder('i')
            .where('i.partnerId = :id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()', { id: partner.id })
            .orderBy('i.createdAt', 'DESC')
            .getMany()
        : [];
    return {
      partner: toPartnerView(partner),
      role,
      members,
      invitations: invitations.map(toInvitationView),
      stripe: toStripeStatus(partner),
    };
  }

  async update(caller: Caller, namespace: string, changes: UpdatePartnerDto): Promise<PartnerView> {
    return this.db.transaction(async (tx) => {
      const { partner } = await this.access.requireMember(caller, namespace, ['owner'], { tx, lock: true });
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['name', 'website', 'bio', 'logoUrl'] as const) {
        const value = changes[field];
        if (value === undefined || value === partner[field]) continue;
        changed[field] = { from: partner[field], to: value };
        Object.assign(partner, { [field]: value });
      }
      if (Object.keys(changed).length === 0) return toPartnerView(partner);
      const saved = await tx.getRepository(Partner).save(partner);
      await this.audit.record({ action: 'partner.updated', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { namespace, changed } }, tx);
      return toPartnerView(saved);
    });
  }
}
