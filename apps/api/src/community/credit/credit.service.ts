import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { UsersService } from '../../identity/users.service.js';
import { decodeOffsetCursor, encodeOffsetCursor, keysetPage, type PageQuery, type Page, toPage } from '../../platform/http/pagination.js';
import { isModerator } from '../community-staff.js';
import { notFound } from '../community.errors.js';
import { CONTRIBUTION_POLICIES, CONTRIBUTION_SOURCES, CURRENT_POLICY } from '../contributions/contribution-policy.js';
import { ContributionEvent } from '../entities/contribution-event.entity.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { BADGES, BADGES_BY_CODE, byCatalogueOrder } from './badges.js';
import { CreditRecords } from './credit-records.js';
import { ContributionWindows } from '../contributions/contribution-windows.service.js';
import { leaderboardFrom, leaderboardPage, memberRank, type LeaderboardWindow } from './credit-queries.js';
import type {
  BadgeView,
  ContributionContentView,
  ContributionLineView,
  ContributionPolicyView,
  LeaderboardView,
  MemberCountsView,
  MemberProfileView,
} from './credit.views.js';

/** Counts of a member's visible content, from the Q&A and ideas sub-domains. */
export interface MemberContentCounts {
  countsFor(userId: string): Promise<Partial<MemberCountsView>>;
}

const RECENT_LINES = 10;

/** Leaderboards, profiles, the public contributions log, the policy and the badge catalogue. */
@Injectable()
export class CreditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: CommunityPeople,
    private readonly users: UsersService,
    private readonly records: CreditRecords,
    private readonly windows: ContributionWindows,
  ) {}

  policy(): ContributionPolicyView {
    return {
      version: CURRENT_POLICY.version,
      effectiveFrom: CURRENT_POLICY.effectiveFrom,
      rules: CONTRIBUTION_SOURCES.map((source) => ({ source, ...CURRENT_POLICY.rules[source] })),
      versions: CONTRIBUTION_POLICIES.map((policy) => policy.version),
    };
  }

  async badgeCatalogue(): Promise<BadgeView[]> {
    const rows = await this.db.query<Array<{ badge: string; holders: number }>>(`SELECT badge, count(*)::int AS holders FROM member_badges GROUP BY badge`);
    const holders = new Map(rows.map((row) => [row.badge, row.holders]));
    return BADGES.map((badge) => ({ code: badge.code, name: badge.name, description: badge.description, holders: holders.get(badge.code) ?? 0 }));
  }

  async leaderboard(window: LeaderboardWindow, query: PageQuery): Promise<LeaderboardView> {
    const limit = query.limit ?? 25;
    const offset = decodeOffsetCursor(query.cursor);
    const from = leaderboardFrom(window);
    await this.windows.current();
    const sql = leaderboardPage(window, limit + 1, offset);
    const rows = await this.db.query<Array<{ user_id: string; points: number }>>(sql.text, sql.values);
    const page = rows.slice(0, limit);
    const ids = page.map((row) => row.user_id);
    const refs = await this.people.refs(ids);
    const badges = await this.records.badges(ids);
    return {
      window,
      from,
      items: page.map((row, i) => ({ rank: offset + i + 1, member: CommunityPeople.orUnknown(refs, row.user_id), points: row.points, badges: badges.get(row.user_id) ?? [] })),
      nextCursor: rows.length > limit ? encodeOffsetCursor(offset + limit) : null,
    };
  }

  async profile(viewer: Caller | null, userId: string, counts: MemberContentCounts[]): Promise<MemberProfileView> {
    const profile = (await this.users.publicProfiles([userId])).get(userId);
    if (!profile) throw notFound.member();
    const refs = await this.people.refs([userId]);
    await this.windows.current();
    const points = {
      last30Days: (await this.records.windowPoints([userId], leaderboardFrom('30d')!)).get(userId) ?? 0,
      last12Months: (await this.records.windowPoints([userId], leaderboardFrom('12m')!)).get(userId) ?? 0,
      allTime: (await this.records.allTime([userId])).get(userId) ?? 0,
    };
    const badgeRows = await this.db.query<Array<{ badge: string; awarded_at: Date }>>(`SELECT badge, awarded_at FROM member_badges WHERE user_id = $1`, [userId]);
    const badges = badgeRows
      .filter((row) => BADGES_BY_CODE.has(row.badge))
      .sort((a, b) => byCatalogueOrder(a.badge, b.badge))
      .map((row) => {
        const badge = BADGES_BY_CODE.get(row.badge)!;
        return { code: badge.code, name: badge.name, description: badge.description, awardedAt: new Date(row.awarded_at).toISOString() };
      });
    const contentCounts: MemberCountsView = { questions: 0, answers: 0, acceptedAnswers: 0, ideas: 0, ideasShipped: 0 };
    for (const source of counts) Object.assign(contentCounts, await source.countsFor(userId));
    const recent = await this.contributions(viewer, userId, { limit: RECENT_LINES });
    return {
      member: CommunityPeople.orUnknown(refs, userId),
      joinedAt: profile.createdAt.toISOString(),
      points,
      ranks: {
        last30Days: await this.rank('30d', userId, points.last30Days),
        last12Months: await this.rank('12m', userId, points.last12Months),
        allTime: await this.rank('all', userId, points.allTime),
      },
      badges,
      counts: contentCounts,
      recent: recent.items,
    };
  }

  /** The member's log, newest first. */
  async contributions(viewer: Caller | null, userId: string, query: PageQuery): Promise<Page<ContributionLineView>> {
    if (!(await this.users.publicProfiles([userId])).has(userId)) throw notFound.member();
    const qb = this.db.getRepository(ContributionEvent).createQueryBuilder('e').where('e.userId = :userId', { userId });
    const limit = keysetPage(qb, query, { column: 'occurredAt', defaultLimit: 25 });
    const rows = await qb.getMany();
    const contents = await this.contents(viewer, rows.slice(0, limit));
    return toPage(rows, limit, (row) => toLine(row, contents.get(`${row.contentType}:${row.contentId}`)), (row) => ({ createdAt: row.occurredAt, id: row.id }));
  }

  /** A log line as the view shows it (staff awards answer with their line). */
  line(event: ContributionEvent): ContributionLineView {
    return toLine(event, undefined);
  }

  private async rank(window: LeaderboardWindow, userId: string, points: number): Promise<number | null> {
    if (points <= 0) return null;
    const sql = memberRank(window, userId, points);
    const rows = await this.db.query<Array<{ rank: number }>>(sql.text, sql.values);
    return rows[0]?.rank ?? null;
  }

  /**
   * Titles and portal links of what the lines are about. Credit belongs to the community domain, so
   * it reads questions, answers and ideas directly; hidden ones keep their title and link from
   * everyone but moderators. Plugin versions carry their `ns/plugin@version` in the line's note.
   */
  private async contents(viewer: Caller | null, lines: ContributionEvent[], manager: EntityManager = this.db.manager): Promise<Map<string, Omit<ContributionContentView, 'type' | 'id'>>> {
    const result = new Map<string, Omit<ContributionContentView, 'type' | 'id'>>();
    const ids = (type: string) => [...new Set(lines.filter((line) => line.contentType === type).map((line) => line.contentId))];
    const moderator = isModerator(viewer);
    const show = (key: string, title: string, link: string, hidden: boolean) => result.set(key, hidden && !moderator ? { title: null, link: null } : { title, link });

    const questionIds = ids('question');
    if (questionIds.length) {
      const rows = await manager.query<Array<{ id: string; title: string; hidden_at: Date | null }>>(`SELECT id::text AS id, title, hidden_at FROM questions WHERE id::text = ANY($1::text[])`, [questionIds]);
      for (const row of rows) show(`question:${row.id}`, row.title, `/community/questions/${row.id}`, row.hidden_at !== null);
    }
    const answerIds = ids('answer');
    if (answerIds.length) {
      const rows = await manager.query<Array<{ id: string; question_id: string; title: string; hidden_at: Date | null; question_hidden_at: Date | null }>>(
        `SELECT a.id::text AS id, a.question_id::text AS question_id, q.title, a.hidden_at, q.hidden_at AS question_hidden_at
           FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id::text = ANY($1::text[])`,
        [answerIds],
      );
      for (const row of rows) show(`answer:${row.id}`, row.title, `/community/questions/${row.question_id}`, row.hidden_at !== null || row.question_hidden_at !== null);
    }
    const ideaIds = ids('idea');
    if (ideaIds.length) {
      const rows = await manager.query<Array<{ id: string; title: string; hidden_at: Date | null }>>(`SELECT id::text AS id, title, hidden_at FROM ideas WHERE id::text = ANY($1::text[])`, [ideaIds]);
      for (const row of rows) show(`idea:${row.id}`, row.title, `/community/ideas/${row.id}`, row.hidden_at !== null);
    }
    for (const line of lines) {
      if (line.contentType !== 'plugin_version' || !line.note) continue;
      const [listing, version] = line.note.split('@');
      result.set(`plugin_version:${line.contentId}`, { title: `${listing} ${version ?? ''}`.trim(), link: `/plugins/${listing}` });
    }
    return result;
  }
}

function toLine(event: ContributionEvent, content: Omit<ContributionContentView, 'type' | 'id'> | undefined): ContributionLineView {
  return {
    id: event.id,
    kind: event.kind,
    source: event.source,
    points: event.points,
    ruleVersion: event.ruleVersion,
    content: { type: event.contentType, id: event.contentId, title: content?.title ?? null, link: content?.link ?? null },
    reason: event.reason,
    note: event.note,
    capped: event.capped,
    occurredAt: new Date(event.occurredAt).toISOString(),
  };
}

/** Leaderboards page by rank: the cursor is the number of members already listed. */
