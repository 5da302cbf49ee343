import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import { CommentsService } from '../comments/comments.service.js';
import { CommunityError } from '../community.errors.js';
import { assertModerator } from '../community-staff.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { CommunityReport, type ReportedContent, type ReportReason, type ReportStatus } from '../entities/community-report.entity.js';
import { IdeaModeration } from '../ideas/idea-moderation.service.js';
import { hiddenView } from '../moderation/hidden.view.js';
import type { Within } from '../moderation/moderation.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { QuestionModerationService } from '../questions/question-moderation.service.js';
import type { ReportContentDto, ReportQueueQuery, ResolveReportsDto } from './report.dto.js';
import type { ReportQueueItemView, ReportsResolvedView, ReportView } from './report.view.js';
import { contentKey, contentPreviews, hiddenState, visibleContentAuthor, type ContentRef } from './reported-content.js';

const NOUN: Record<ReportedContent, string> = { question: 'question', answer: 'answer', comment: 'comment', idea: 'idea' };

interface QueueRow {
  content_type: ReportedContent;
  content_id: string;
  report_count: number;
  first_at: Date;
  last_at: Date;
  reasons: ReportReason[];
  notes: string[] | null;
}

/**
 * Members report content they can see (one open report each per content); moderators work a queue
 * of reported content, oldest first, and resolve all its open reports at once: hide it (through the
 * content's own moderation, so its points go exactly as on a direct hide) or dismiss them.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: CommunityPeople,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly questions: QuestionModerationService,
    private readonly ideas: IdeaModeration,
    private readonly comments: CommentsService,
    private readonly contributions: ContributionsService,
  ) {}

  /** `created` false: the caller's open report on this content, unchanged (a repeat is not a second report). */
  report(caller: Caller, input: ReportContentDto): Promise<{ created: boolean; report: ReportView }> {
    const ref: ContentRef = { type: input.contentType, id: input.contentId };
    return this.db.transaction(async (tx) => {
      const authorId = await visibleContentAuthor(tx, caller, ref);
      if (authorId === caller.userId) throw new CommunityError('REPORT_OWN_CONTENT', `You wrote this ${NOUN[ref.type]}; edit it instead of reporting it.`);
      const existing = await this.openReport(tx, ref, caller.userId);
      if (existing) return { created: false, report: toView(existing) };
      // A parallel repeat meets the partial unique index and inserts nothing; both then answer the one report.
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(CommunityReport)
        .values({ contentType: ref.type, contentId: ref.id, reporterId: caller.userId, reason: input.reason, note: input.note || null, status: 'open' })
        .orIgnore()
        .execute();
      const report = await this.openReport(tx, ref, caller.userId);
      if (!report) throw new Error('the open report vanished inside its transaction');
      return { created: (inserted.raw as unknown[]).length > 0, report: toView(report) };
    });
  }

  /** Reported content with reports of `status` (default open), one row each, the longest waiting first. */
  async queue(caller: Caller, query: ReportQueueQuery): Promise<Page<ReportQueueItemView>> {
    assertModerator(caller);
    const status: ReportStatus = query.status ?? 'open';
    const limit = query.limit ?? 25;
    const cursor = decodeCursor(query.cursor);
    const after = cursor ? `HAVING (min(created_at), content_type || ':' || content_id::text) > ($2::timestamptz, $3::text)` : '';
    const rows = await this.db.query<QueueRow[]>(
      `SELECT content_type, content_id::text AS content_id, count(*)::int AS report_count, min(created_at) AS first_at, max(created_at) AS last_at,
              array_agg(reason) AS reasons,
              (array_agg(note ORDER BY created_at DESC) FILTER (WHERE note IS NOT NULL))[1:5] AS notes
         FROM community_reports
        WHERE status = $1
        GROUP BY content_type, content_id
        ${after}
        ORDER BY min(created_at), content_type || ':' || content_id::text
        LIMIT ${limit + 1}`,
      cursor ? [status, cursor.createdAt, cursor.id] : [status],
    );
    const page = rows.slice(0, limit);
    const refs = page.map((row) => ({ type: row.content_type, id: row.content_id }));
    const previews = await contentPreviews(this.db.manager, refs);
    const people = await this.people.refs([...previews.values()].map((p) => p.authorId));
    const items = page.map((row): ReportQueueItemView => {
      const preview = previews.get(contentKey({ type: row.content_type, id: row.content_id }));
      return {
        contentType: row.content_type,
        contentId: row.content_id,
        reportCount: row.report_count,
        reasons: countReasons(row.reasons),
        notes: row.notes ?? [],
        firstReportedAt: new Date(row.first_at).toISOString(),
        lastReportedAt: new Date(row.last_at).toISOString(),
        content: {
          title: preview?.title ?? null,
          excerpt: preview?.excerpt ?? '',
          author: CommunityPeople.orUnknown(people, preview?.authorId ?? null),
          link: preview?.link ?? null,
          hidden: preview ? hiddenView(preview.content) : null,
        },
      };
    });
    const last = page.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: new Date(last.first_at), id: `${last.content_type}:${last.content_id}` }) : null };
  }

  /**
   * Resolves every open report on the content. `hide` hides it first through its own moderation
   * service (audited there, points revoked, in that service's transaction); content already hidden
   * is left as it is. Then, in one transaction, the reports are closed, the resolution is audited
   * and, when the content was hidden, each reporter is told. A retry after a failure between the
   * two steps finds the content hidden and just resolves.
   */
  /**
   * Resolves every open report on the content in one transaction: the reports locked first, then
   * (for `hide`) the content hidden through its own moderation step, so points are revoked exactly
   * as a direct hide revokes them; the audit line and the reporters' notices commit with it.
   */
  async resolve(caller: Caller, input: ResolveReportsDto): Promise<ReportsResolvedView> {
    assertModerator(caller);
    const ref: ContentRef = { type: input.contentType, id: input.contentId };
    const status = input.action === 'hide' ? 'actioned' : 'dismissed';
    const earners: string[] = [];
    const outcome = await this.db.transaction(async (tx) => {
      const open = await tx.getRepository(CommunityReport).find({ where: { contentType: ref.type, contentId: ref.id, status: 'open' }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      if (open.length === 0) throw noOpenReports(ref);
      let hidden = (await hiddenState(tx, ref)) ?? false;
      if (input.action === 'hide' && !hidden) {
        await this.hide(caller, ref, input.reason, { tx, earners });
        hidden = true;
      }
      await tx.getRepository(CommunityReport).update({ id: In(open.map((r) => r.id)) }, { status, resolvedBy: caller.userId, resolvedAt: new Date(), resolutionNote: input.reason });
      await this.audit.record(
        {
          action: 'community.reports_resolved',
          actorId: caller.userId,
          targetType: ref.type,
          targetId: ref.id,
          ip: caller.ip,
          details: { action: input.action, reason: input.reason, reports: open.length, reportIds: open.map((r) => r.id) },
        },
        tx,
      );
      if (status === 'actioned') await this.tellReporters(tx, ref, open);
      return { resolved: open.length, hidden };
    });
    await this.contributions.settle(earners);
    return { contentType: ref.type, contentId: ref.id, status, ...outcome };
  }

  private async hide(caller: Caller, ref: ContentRef, reason: string, within: Within): Promise<void> {
    if (ref.type === 'question') await this.questions.question(caller, ref.id, { reason }, within);
    else if (ref.type === 'answer') await this.questions.answer(caller, ref.id, { reason }, within);
    else if (ref.type === 'idea') await this.ideas.hide(caller, ref.id, reason, within);
    else await this.comments.hide(caller, ref.id, reason, within);
  }

  private async tellReporters(tx: EntityManager, ref: ContentRef, reports: readonly CommunityReport[]): Promise<void> {
    for (const reporterId of [...new Set(reports.map((r) => r.reporterId))]) {
      await this.notifications.notify(
        { userId: reporterId, kind: 'community.report_actioned', title: 'Thanks for your report', body: `A moderator hid the ${NOUN[ref.type]} you reported.`, link: null },
        tx,
      );
    }
  }

  private openReport(manager: EntityManager, ref: ContentRef, reporterId: string): Promise<CommunityReport | null> {
    return manager.getRepository(CommunityReport).findOne({ where: { contentType: ref.type, contentId: ref.id, reporterId, status: 'open' } });
  }
}

function noOpenReports(ref: ContentRef): CommunityError {
  return new CommunityError('REPORT_NOT_FOUND', `No open report on this ${NOUN[ref.type]}; GET /v1/staff/community/reports lists reported content.`);
}

function countReasons(reasons: readonly ReportReason[]): Array<{ reason: ReportReason; count: number }> {
  const counts = new Map<ReportReason, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

function toView(report: CommunityReport): ReportView {
  return {
    id: report.id,
    contentType: report.contentType,
    contentId: report.contentId,
    reason: report.reason,
    note: report.note,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
  };
}
