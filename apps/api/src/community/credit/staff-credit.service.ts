import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { UsersService } from '../../identity/users.service.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { CommunityError, notFound } from '../community.errors.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { AdvocateInvitation } from '../entities/advocate-invitation.entity.js';
import { ContributionEvent } from '../entities/contribution-event.entity.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { CreditRecords } from './credit-records.js';
import { windowStart } from './credit-queries.js';
import { CreditService } from './credit.service.js';
import type { AdvocateInvitationView, AdvocateListView, AdvocateView, ContributionLineView, MemberRecordView } from './credit.views.js';

const CANDIDATE_BATCH = 200;

export interface StaffAwardInput {
  userId: string;
  points: number;
  reason: string;
  prize?: string | null;
}

/** Staff awards and advocate discovery: recognising members, finding engaged non-partners and inviting them. */
@Injectable()
export class StaffCreditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contributions: ContributionsService,
    private readonly credit: CreditService,
    private readonly records: CreditRecords,
    private readonly people: CommunityPeople,
    private readonly users: UsersService,
    private readonly partners: PartnerAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Gives a member points with a reason (and a prize note). With an idempotency key a retried
   * request awards once and answers the same line.
   */
  async award(caller: Caller, input: StaffAwardInput, idempotencyKey?: string): Promise<ContributionLineView> {
    const key = idempotencyKey ? `staff_award:${idempotencyKey}:${input.userId}` : `staff_award:${randomUUID()}`;
    const event = await this.db.transaction(async (tx) => {
      if (!(await this.users.publicProfiles([input.userId], tx)).has(input.userId)) throw notFound.member();
      const outcome = await this.contributions.award(tx, {
        key,
        userId: input.userId,
        source: 'staff_award',
        content: { type: 'staff_award', id: key.slice('staff_award:'.length) },
        actorId: caller.userId,
        points: input.points,
        reason: input.reason,
        note: input.prize || null,
      });
      if (outcome.outcome === 'already') {
        return tx.getRepository(ContributionEvent).findOneOrFail({ where: { awardKey: key, kind: 'award' }, order: { occurredAt: 'DESC', id: 'DESC' } });
      }
      // The ledger's own rule: nobody earns points they gave themselves.
      if (outcome.outcome !== 'awarded') throw new CommunityError('AWARD_SELF', 'Staff cannot award points to themselves; ask another moderator.');
      await this.audit.record(
        {
          action: 'community.staff_award',
          actorId: caller.userId,
          targetType: 'user',
          targetId: input.userId,
          ip: caller.ip,
          details: { points: outcome.event.points, reason: input.reason, prize: input.prize ?? null, awardKey: key },
        },
        tx,
      );
      await this.notifications.notify(
        {
          userId: input.userId,
          kind: 'community.staff_award',
          title: `Guild staff awarded you ${outcome.event.points} points`,
          body: input.prize ? `${input.reason}\n\nPrize: ${input.prize}` : input.reason,
          link: `/community/members/${input.userId}`,
        },
        tx,
      );
      return outcome.event;
    });
    await this.contributions.settle([input.userId]);
    return this.credit.line(event);
  }

  async record(userId: string): Promise<MemberRecordView> {
    return this.records.record(userId);
  }

  /**
   * Members who belong to no partner, most points in the last `days` days first (equal points by
   * member id). Candidates are read in batches from the daily rollup, partners dropped, until
   * `limit` are found.
   */
  async advocates(days: number, limit: number): Promise<AdvocateListView> {
    const from = windowStart(days);
    const picked: Array<{ userId: string; points: number }> = [];
    for (let offset = 0; picked.length < limit; offset += CANDIDATE_BATCH) {
      const batch = await this.db.query<Array<{ user_id: string; points: number }>>(
        `SELECT user_id, sum(points)::int AS points FROM contribution_daily WHERE day >= $1::date
          GROUP BY user_id HAVING sum(points) > 0 ORDER BY points DESC, user_id ASC LIMIT $2 OFFSET $3`,
        [from, CANDIDATE_BATCH, offset],
      );
      const partnered = await this.partners.partnersOfUsers(batch.map((row) => row.user_id));
      for (const row of batch) {
        if (picked.length < limit && !partnered.has(row.user_id)) picked.push({ userId: row.user_id, points: row.points });
      }
      if (batch.length < CANDIDATE_BATCH) break;
    }
    const ids = picked.map((p) => p.userId);
    const records = await this.records.records(ids);
    const invitations = await this.db.getRepository(AdvocateInvitation).find({ where: ids.map((userId) => ({ userId })) });
    const refs = await this.people.refs([...ids, ...invitations.map((i) => i.invitedBy)]);
    const invitationOf = new Map(invitations.map((i) => [i.userId, i]));
    const items: AdvocateView[] = [];
    for (const { userId, points } of picked) {
      const record = records.get(userId);
      if (!record) continue;
      const invitation = invitationOf.get(userId);
      items.push({
        member: CommunityPeople.orUnknown(refs, userId),
        points,
        ...record,
        invitation: invitation ? { at: invitation.createdAt.toISOString(), by: invitation.invitedBy ? CommunityPeople.orUnknown(refs, invitation.invitedBy) : null } : null,
      });
    }
    return { days, from, items };
  }

  /** Invites a member who belongs to no partner to apply to the partner program, keeping their record as it is now. */
  async invite(caller: Caller, userId: string, message: string | null): Promise<AdvocateInvitationView> {
    return this.db.transaction(async (tx) => {
      const contact = (await this.users.contacts([userId], tx)).get(userId);
      if (!contact) throw notFound.member();
      if ((await this.partners.partnersOfUsers([userId], tx)).has(userId)) {
        throw new CommunityError('ADVOCATE_IS_PARTNER', 'This member already belongs to a partner; advocates are members outside the partner program.');
      }
      const record = await this.records.record(userId, tx);
      const inserted = await tx.query<Array<{ id: string }>>(
        `INSERT INTO advocate_invitations (user_id, invited_by, message, record) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (user_id) DO NOTHING RETURNING id`,
        [userId, caller.userId, message, JSON.stringify(record)],
      );
      if (inserted.length === 0) throw new CommunityError('ADVOCATE_ALREADY_INVITED', 'This member was already invited; GET /v1/staff/community/advocates shows when and by whom.');
      await this.audit.record({ action: 'community.advocate_invited', actorId: caller.userId, targetType: 'user', targetId: userId, ip: caller.ip, details: { message, record } }, tx);
      const title = 'You are invited to join the Guild partner program';
      const body = `${message ? `${message}\n\n` : ''}Your contributions to the community stood out. Apply at /partner-program: your community record goes with your application.`;
      await this.notifications.notify({ userId, kind: 'community.advocate_invited', title, body, link: '/partner-program', email: true }, tx);
      const invitation = await tx.getRepository(AdvocateInvitation).findOneByOrFail({ id: inserted[0].id });
      return this.invitationView(invitation, tx);
    });
  }

  async myInvitation(caller: Caller): Promise<AdvocateInvitationView | null> {
    const invitation = await this.db.getRepository(AdvocateInvitation).findOneBy({ userId: caller.userId });
    return invitation ? this.invitationView(invitation) : null;
  }

  private async invitationView(invitation: AdvocateInvitation, manager: EntityManager = this.db.manager): Promise<AdvocateInvitationView> {
    const refs = await this.people.refs([invitation.userId, invitation.invitedBy], manager);
    return {
      id: invitation.id,
      member: CommunityPeople.orUnknown(refs, invitation.userId),
      invitedBy: invitation.invitedBy ? CommunityPeople.orUnknown(refs, invitation.invitedBy) : null,
      message: invitation.message,
      record: invitation.record as unknown as MemberRecordView,
      createdAt: invitation.createdAt.toISOString(),
    };
  }
}
