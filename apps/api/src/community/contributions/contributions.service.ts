import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { JobQueue } from '../../platform/jobs/job-queue.js';
import { ContributionAward } from '../entities/contribution-award.entity.js';
import { ContributionEvent } from '../entities/contribution-event.entity.js';
import { CURRENT_POLICY, type ContributionSource } from './contribution-policy.js';

/** The job that checks a member's badges; defined by the badges job, queued after points change. */
export const EVALUATE_BADGES_JOB = 'community.evaluate-badges';

export interface AwardInput {
  /**
   * What earns the points, stable across retries: one standing award per key, e.g.
   * `answer_accepted:<answerId>` or `helpful_vote:<answerId>:<voterId>`.
   */
  key: string;
  /** Who earns them. */
  userId: string;
  source: ContributionSource;
  /** The content it came from (shown on the member's profile; hiding it revokes the award). */
  content: { type: string; id: string };
  /** Who caused it (the voter, the accepting asker, the staff member); no points when that is the earner or their teammate. */
  actorId?: string | null;
  /** Staff awards only: the amount chosen (1 … the rule's points). */
  points?: number;
  reason?: string | null;
  note?: string | null;
  /** When it happened (default: now). Tests and data generators pass past times. */
  at?: Date;
}

export type AwardOutcome =
  | { outcome: 'awarded'; event: ContributionEvent }
  /** The key already has a standing award: nothing changed (a retry, a double click). */
  | { outcome: 'already' }
  /** The actor is the earner: no points for voting for or accepting oneself. */
  | { outcome: 'self' }
  /** The actor and the earner belong to one partner: no points from one's own team. */
  | { outcome: 'own_partner' };

export interface Window {
  from?: Date;
  to?: Date;
}

/**
 * The points ledger. Every change is a line appended to `contribution_events`; `contribution_awards`
 * says where each key stands; `contribution_daily` and `contribution_totals` are rollups kept in
 * step in the same transaction. A member's totals row is locked first, so one member's awards
 * (and their caps) are priced one at a time. Call inside the transaction that makes the change
 * the points are for, then `settle` the earners after it commits.
 */
@Injectable()
export class ContributionsService {
  private readonly logger = new Logger(ContributionsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly partners: PartnerAccess,
    private readonly jobs: JobQueue,
  ) {}

  async award(tx: EntityManager, input: AwardInput): Promise<AwardOutcome> {
    if (input.actorId && input.actorId === input.userId) return { outcome: 'self' };
    if (input.actorId && input.source !== 'staff_award' && (await this.partners.sharePartner(input.actorId, input.userId, tx))) return { outcome: 'own_partner' };
    const at = input.at ?? new Date();
    await this.lockMember(tx, input.userId);
    const awards = tx.getRepository(ContributionAward);
    const standing = await awards.findOne({ where: { awardKey: input.key }, lock: { mode: 'pessimistic_write' } });
    if (standing?.active) return { outcome: 'already' };

    const rule = CURRENT_POLICY.rules[input.source];
    const asked = input.source === 'staff_award' ? Math.min(input.points ?? rule.points, rule.points) : rule.points;
    const points = rule.dailyCap === null ? asked : Math.max(0, Math.min(asked, rule.dailyCap - (await this.awardedOnDay(tx, input.userId, input.source, at))));
    const event = await this.append(tx, {
      userId: input.userId,
      kind: 'award',
      source: input.source,
      points,
      awardKey: input.key,
      contentType: input.content.type,
      contentId: input.content.id,
      actorId: input.actorId ?? null,
      reason: input.reason ?? null,
      note: input.note ?? null,
      capped: points < asked,
      occurredAt: at,
    });
    await awards.save({
      awardKey: input.key,
      userId: input.userId,
      source: input.source,
      contentType: input.content.type,
      contentId: input.content.id,
      actorId: input.actorId ?? null,
      active: true,
      points,
      revokedReason: null,
    });
    return { outcome: 'awarded', event };
  }

  /** Cancels the standing award of `key` with a negative line; null when none stands (already revoked, never awarded). */
  async revoke(tx: EntityManager, key: string, reason: string, at: Date = new Date()): Promise<ContributionEvent | null> {
    const peek = await tx.getRepository(ContributionAward).findOne({ where: { awardKey: key }, select: { userId: true } });
    if (!peek) return null;
    await this.lockMember(tx, peek.userId);
    const award = await tx.getRepository(ContributionAward).findOne({ where: { awardKey: key }, lock: { mode: 'pessimistic_write' } });
    if (!award) return null;
    if (!award.active) {
      // Already revoked (e.g. while its content was hidden): nothing to take back, but the newer
      // reason wins, so showing the content again does not restore an award that no longer stands.
      if (award.revokedReason !== reason) await tx.getRepository(ContributionAward).update({ awardKey: key }, { revokedReason: reason });
      return null;
    }
    const event = await this.append(tx, {
      userId: award.userId,
      kind: 'revocation',
      source: award.source,
      points: -award.points,
      awardKey: key,
      contentType: award.contentType,
      contentId: award.contentId,
      actorId: null,
      reason,
      note: null,
      capped: false,
      occurredAt: at,
    });
    await tx.getRepository(ContributionAward).update({ awardKey: key }, { active: false, revokedReason: reason });
    return event;
  }

  /** Revokes every standing award that came from the content (it was hidden). Returns the earners touched. */
  async revokeContent(tx: EntityManager, content: { type: string; id: string }, reason: string): Promise<string[]> {
    const standing = await tx.getRepository(ContributionAward).find({
      where: { contentType: content.type, contentId: content.id, active: true },
      order: { userId: 'ASC', awardKey: 'ASC' },
    });
    for (const award of standing) await this.revoke(tx, award.awardKey, reason);
    return [...new Set(standing.map((a) => a.userId))];
  }

  /**
   * Awards again, priced by today's policy, what `revokeContent` took back for `reason` (the
   * content was shown again). Returns the earners touched.
   */
  async restoreContent(tx: EntityManager, content: { type: string; id: string }, reason: string): Promise<string[]> {
    const revoked = await tx.getRepository(ContributionAward).find({
      where: { contentType: content.type, contentId: content.id, active: false, revokedReason: reason },
      order: { userId: 'ASC', awardKey: 'ASC' },
    });
    for (const award of revoked) {
      await this.award(tx, { key: award.awardKey, userId: award.userId, source: award.source, content, actorId: award.actorId });
    }
    return [...new Set(revoked.map((a) => a.userId))];
  }

  /** A member's net points in the window (both ends optional; `to` exclusive), straight from the log's covering index. */
  async total(userId: string, window: Window = {}, manager: EntityManager = this.db.manager): Promise<number> {
    const rows = await manager.query<Array<{ points: string | null }>>(
      `SELECT sum(points) AS points FROM contribution_events
        WHERE user_id = $1 AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)`,
      [userId, window.from ?? null, window.to ?? null],
    );
    return Number(rows[0]?.points ?? 0);
  }

  /** After the transaction commits: queue a badge check for each earner (the 10-minute sweep catches any this misses). */
  async settle(userIds: readonly string[]): Promise<void> {
    for (const userId of new Set(userIds)) {
      try {
        await this.jobs.enqueue(EVALUATE_BADGES_JOB, { userId }, { jobId: `badges:${userId}` });
      } catch (error) {
        this.logger.warn(`badge check for ${userId} not queued now (the sweep will run it): ${(error as Error).message}`);
      }
    }
  }

  /** Takes the member's totals row (creating it at 0) FOR UPDATE: their awards run one at a time. */
  private async lockMember(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(`INSERT INTO contribution_totals (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [userId]);
    await tx.query(`SELECT 1 FROM contribution_totals WHERE user_id = $1 FOR UPDATE`, [userId]);
  }

  private async awardedOnDay(tx: EntityManager, userId: string, source: ContributionSource, at: Date): Promise<number> {
    const rows = await tx.query<Array<{ points: string | null }>>(
      `SELECT sum(points) AS points FROM contribution_events
        WHERE user_id = $1 AND source = $2 AND kind = 'award'
          AND occurred_at >= date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          AND occurred_at < (date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC'`,
      [userId, source, at],
    );
    return Number(rows[0]?.points ?? 0);
  }

  /** Appends one line and moves the member's rollups by its points. */
  private async append(tx: EntityManager, line: Omit<ContributionEvent, 'id' | 'ruleVersion' | 'user'>): Promise<ContributionEvent> {
    const event = await tx.getRepository(ContributionEvent).save({ ...line, ruleVersion: CURRENT_POLICY.version });
    if (line.points !== 0) {
      await tx.query(
        `INSERT INTO contribution_daily (user_id, day, points) VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3)
         ON CONFLICT (user_id, day) DO UPDATE SET points = contribution_daily.points + EXCLUDED.points`,
        [line.userId, line.occurredAt, line.points],
      );
      // The trailing windows: a line counts in every window whose days (up to its state's day) include its day.
      await tx.query(
        `INSERT INTO contribution_windows (window_days, user_id, points)
         SELECT window_days, $1, $3 FROM contribution_window_state WHERE ($2::timestamptz AT TIME ZONE 'UTC')::date > as_of - window_days
         ON CONFLICT (window_days, user_id) DO UPDATE SET points = contribution_windows.points + EXCLUDED.points`,
        [line.userId, line.occurredAt, line.points],
      );
    }
    // Touched even for a 0-point (capped) line: the award still stands and counts towards badges,
    // and the badge sweep finds members by this timestamp.
    await tx.query(`UPDATE contribution_totals SET points = points + $2, updated_at = now() WHERE user_id = $1`, [line.userId, line.points]);
    return event;
  }
}
