import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../../platform/jobs/job-queue.js';

export const ROLL_WINDOWS_JOB = 'community.roll-windows';

/**
 * Keeps `contribution_windows` (each member's points over the trailing 30 and 365 UTC days) true as
 * days pass. Every ledger line adds to the windows that include its day; each new UTC day, the day
 * that left a window is subtracted from it, from `contribution_daily`. Reads call `current()` first
 * (one small query when nothing is due), and a job runs it just after midnight, so the windows are
 * exact even when no process ran at midnight. A window far behind is rebuilt from the daily rollup.
 */
@Injectable()
export class ContributionWindows implements OnModuleInit {
  private readonly logger = new Logger(ContributionWindows.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.define({ name: ROLL_WINDOWS_JOB, handler: async () => void (await this.current()), defaults: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } });
    await this.jobs.schedule(ROLL_WINDOWS_JOB, 'daily', { pattern: '1 0 * * *' });
  }

  /** Rolls every window forward to today (UTC); returns the number of days rolled. */
  async current(): Promise<number> {
    const due = await this.db.query<unknown[]>(`SELECT 1 FROM contribution_window_state WHERE as_of < (now() AT TIME ZONE 'UTC')::date LIMIT 1`);
    if (due.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      let rolled = 0;
      const states = await tx.query<Array<{ window_days: number; behind: number }>>(
        `SELECT window_days, (now() AT TIME ZONE 'UTC')::date - as_of AS behind FROM contribution_window_state ORDER BY window_days FOR UPDATE`,
      );
      for (const { window_days: days, behind } of states) {
        if (behind <= 0) continue;
        if (behind >= days) {
          await tx.query(`DELETE FROM contribution_windows WHERE window_days = $1`, [days]);
          await tx.query(
            `INSERT INTO contribution_windows (window_days, user_id, points)
             SELECT $1, user_id, sum(points) FROM contribution_daily WHERE day > (now() AT TIME ZONE 'UTC')::date - $1::int GROUP BY user_id`,
            [days],
          );
        } else {
          // The days leaving: as_of − days + 1 … today − days, one pass.
          await tx.query(
            `UPDATE contribution_windows w SET points = w.points - d.points
               FROM (SELECT user_id, sum(points) AS points FROM contribution_daily
                      WHERE day > (SELECT as_of FROM contribution_window_state WHERE window_days = $1) - $1::int
                        AND day <= (now() AT TIME ZONE 'UTC')::date - $1::int
                      GROUP BY user_id) d
              WHERE w.window_days = $1 AND w.user_id = d.user_id`,
            [days],
          );
        }
        await tx.query(`DELETE FROM contribution_windows WHERE window_days = $1 AND points = 0`, [days]);
        await tx.query(`UPDATE contribution_window_state SET as_of = (now() AT TIME ZONE 'UTC')::date WHERE window_days = $1`, [days]);
        rolled = Math.max(rolled, behind);
      }
      if (rolled) this.logger.log(`Contribution windows rolled forward ${rolled} day(s)`);
      return rolled;
    });
  }
}
