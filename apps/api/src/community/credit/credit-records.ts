import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../../identity/users.service.js';
import type { ContributionSource } from '../contributions/contribution-policy.js';
import { notFound } from '../community.errors.js';
import { byCatalogueOrder } from './badges.js';
import { windowStart } from './credit-queries.js';
import type { MemberRecordView } from './credit.views.js';

export type StandingCounts = Partial<Record<ContributionSource, number>>;

/** What the ledger says about members: standing awards per source, totals, badges, records. Read through `manager` inside a transaction. */
@Injectable()
export class CreditRecords {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  /** Standing awards per source, per member. */
  async standing(userIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, StandingCounts>> {
    const result = new Map<string, StandingCounts>();
    if (userIds.length === 0) return result;
    const rows = await manager.query<Array<{ user_id: string; source: ContributionSource; n: number }>>(
      `SELECT user_id, source, count(*)::int AS n FROM contribution_awards WHERE user_id = ANY($1::uuid[]) AND active GROUP BY user_id, source`,
      [[...new Set(userIds)]],
    );
    for (const row of rows) result.set(row.user_id, { ...result.get(row.user_id), [row.source]: row.n });
    return result;
  }

  async allTime(userIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ user_id: string; points: number }>>(`SELECT user_id, points FROM contribution_totals WHERE user_id = ANY($1::uuid[])`, [[...new Set(userIds)]]);
    return new Map(rows.map((row) => [row.user_id, row.points]));
  }

  /** Badge codes per member, in catalogue order. */
  async badges(userIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (userIds.length === 0) return result;
    const rows = await manager.query<Array<{ user_id: string; badge: string }>>(`SELECT user_id, badge FROM member_badges WHERE user_id = ANY($1::uuid[])`, [[...new Set(userIds)]]);
    for (const row of rows) result.set(row.user_id, [...(result.get(row.user_id) ?? []), row.badge]);
    for (const list of result.values()) list.sort(byCatalogueOrder);
    return result;
  }

  /** Points since `from` (a UTC day) per member, from the daily rollup. */
  async windowPoints(userIds: readonly string[], from: string, manager: EntityManager = this.db.manager): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ user_id: string; points: number }>>(
      `SELECT user_id, sum(points)::int AS points FROM contribution_daily WHERE user_id = ANY($1::uuid[]) AND day >= $2::date GROUP BY user_id`,
      [[...new Set(userIds)], from],
    );
    return new Map(rows.map((row) => [row.user_id, row.points]));
  }

  /** Records of several members (those that exist). */
  async records(userIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, MemberRecordView>> {
    const ids = [...new Set(userIds)];
    const profiles = await this.users.publicProfiles(ids, manager);
    const standing = await this.standing(ids, manager);
    const totals = await this.allTime(ids, manager);
    const year = await this.windowPoints(ids, windowStart(365), manager);
    const badges = await this.badges(ids, manager);
    const result = new Map<string, MemberRecordView>();
    for (const [id, profile] of profiles) {
      const counts = standing.get(id) ?? {};
      result.set(id, {
        allTimePoints: totals.get(id) ?? 0,
        last12MonthsPoints: year.get(id) ?? 0,
        acceptedAnswers: counts.answer_accepted ?? 0,
        helpfulVotes: counts.helpful_vote_received ?? 0,
        ideasPlanned: counts.idea_planned ?? 0,
        ideasShipped: counts.idea_shipped ?? 0,
        badges: badges.get(id) ?? [],
        joinedAt: profile.createdAt.toISOString(),
      });
    }
    return result;
  }

  /** One member's record; 404 MEMBER_NOT_FOUND for an unknown id. */
  async record(userId: string, manager: EntityManager = this.db.manager): Promise<MemberRecordView> {
    const record = (await this.records([userId], manager)).get(userId);
    if (!record) throw notFound.member();
    return record;
  }
}
