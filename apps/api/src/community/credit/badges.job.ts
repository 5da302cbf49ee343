import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { JobQueue } from '../../platform/jobs/job-queue.js';
import { EVALUATE_BADGES_JOB } from '../contributions/contributions.service.js';
import { BADGES_BY_CODE, earnedBadges } from './badges.js';
import { CreditRecords } from './credit-records.js';

export const SWEEP_BADGES_JOB = 'community.sweep-badges';
const SWEEP_EVERY_MS = 10 * 60_000;
/** How far back the first sweep of a process looks (it has no earlier sweep to start from). */
const FIRST_SWEEP_LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * Badges. `community.evaluate-badges` checks one member (queued by ContributionsService.settle after
 * points change); the sweep every 10 minutes checks every member whose totals moved since its last
 * run began (the first run of a process looks back a day), catching checks that were not queued
 * (an award made by a domain event, a queue outage). Both are idempotent: a badge row is inserted
 * once (ON CONFLICT DO NOTHING) and only a row actually inserted is notified.
 */
@Injectable()
export class BadgesJob implements OnModuleInit {
  private readonly logger = new Logger(BadgesJob.name);
  private lastSweepStartedAt: Date | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly records: CreditRecords,
    private readonly notifications: NotificationsService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.define<{ userId: string }>({
      name: EVALUATE_BADGES_JOB,
      handler: async (job) => void (await this.evaluate(job.data.userId)),
      defaults: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
    });
    this.jobs.define({ name: SWEEP_BADGES_JOB, handler: async () => void (await this.sweep()), defaults: { attempts: 2, backoff: { type: 'fixed', delay: 60_000 } } });
    await this.jobs.schedule(SWEEP_BADGES_JOB, 'every-10-minutes', { every: SWEEP_EVERY_MS });
  }

  /** Awards the badges the member now meets and does not hold yet, notifying each; returns their codes. */
  evaluate(userId: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const standing = (await this.records.standing([userId], tx)).get(userId) ?? {};
      const allTimePoints = (await this.records.allTime([userId], tx)).get(userId) ?? 0;
      const earned = earnedBadges({ standing, allTimePoints });
      if (earned.length === 0) return [];
      const inserted = await tx.query<Array<{ badge: string }>>(
        `INSERT INTO member_badges (user_id, badge) SELECT $1, unnest($2::text[]) ON CONFLICT (user_id, badge) DO NOTHING RETURNING badge`,
        [userId, earned],
      );
      const added = earned.filter((code) => inserted.some((row) => row.badge === code));
      for (const code of added) {
        const badge = BADGES_BY_CODE.get(code)!;
        await this.notifications.notify(
          { userId, kind: 'community.badge_earned', title: `You earned the “${badge.name}” badge`, body: badge.description, link: `/community/members/${userId}` },
          tx,
        );
      }
      return added;
    });
  }

  /** Evaluates every member whose totals moved since the previous sweep began; returns how many were checked. */
  async sweep(now: Date = new Date()): Promise<number> {
    const since = this.lastSweepStartedAt ?? new Date(now.getTime() - FIRST_SWEEP_LOOKBACK_MS);
    const rows = await this.db.query<Array<{ user_id: string }>>(`SELECT user_id FROM contribution_totals WHERE updated_at >= $1 ORDER BY user_id`, [since]);
    for (const row of rows) await this.evaluate(row.user_id);
    this.lastSweepStartedAt = now;
    if (rows.length) this.logger.log(`Badge sweep checked ${rows.length} member(s)`);
    return rows.length;
  }
}
