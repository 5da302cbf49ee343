/**
 * The SQL behind leaderboards and ranks, shared by CreditService and `bench/community.js` (which
 * times exactly these statements on a generated log). Plain strings and parameter lists: no
 * framework, so the benchmark can run them on PGlite and PostgreSQL directly.
 *
 * Windows are whole UTC days, today included: `30d` counts the days from today − 29 to today
 * (30 days), `12m` from today − 364 to today (365 days), `all` every line ever. A line counts on
 * the UTC day it happened (a revocation on the day it was revoked), exactly as `contribution_daily`
 * groups it.
 *
 * Ranking: points descending; equal points are ordered by member id (ascending), so ranks are
 * dense positions 1, 2, 3 … with no gaps and no shared ranks, and a page boundary never splits or
 * repeats a tie. Members with 0 points or fewer are not ranked.
 */
export type LeaderboardWindow = '30d' | '12m' | 'all';
export const LEADERBOARD_WINDOWS: readonly LeaderboardWindow[] = ['30d', '12m', 'all'];

export const WINDOW_DAYS: Record<Exclude<LeaderboardWindow, 'all'>, number> = { '30d': 30, '12m': 365 };

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** The first UTC day (YYYY-MM-DD) of a window of `days` days ending today (today included). */
export function windowStart(days: number, now: Date = new Date()): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** `from` of a leaderboard window, null for all time. */
export function leaderboardFrom(window: LeaderboardWindow, now: Date = new Date()): string | null {
  return window === 'all' ? null : windowStart(WINDOW_DAYS[window], now);
}

/**
 * One page of a leaderboard: rows {user_id, points} in rank order, starting after `offset` members.
 * Windows read `contribution_windows` (kept by the ledger and ContributionWindows), all time
 * `contribution_totals`: both index reads, whatever the size of the log.
 */
export function leaderboardPage(window: LeaderboardWindow, limit: number, offset: number): SqlQuery {
  if (window === 'all') {
    return {
      text: `SELECT user_id, points FROM contribution_totals WHERE points > 0 ORDER BY points DESC, user_id ASC LIMIT $1 OFFSET $2`,
      values: [limit, offset],
    };
  }
  return {
    text: `SELECT user_id, points FROM contribution_windows WHERE window_days = $1 AND points > 0 ORDER BY points DESC, user_id ASC LIMIT $2 OFFSET $3`,
    values: [WINDOW_DAYS[window], limit, offset],
  };
}

/** A member's rank for `points` (> 0) in a window: one row {rank}; members ahead have more points, or as many and a smaller id. */
export function memberRank(window: LeaderboardWindow, userId: string, points: number): SqlQuery {
  if (window === 'all') {
    return {
      text: `SELECT count(*)::int + 1 AS rank FROM contribution_totals WHERE points > $1 OR (points = $1 AND user_id < $2)`,
      values: [points, userId],
    };
  }
  return {
    text: `SELECT count(*)::int + 1 AS rank FROM contribution_windows WHERE window_days = $1 AND (points > $2 OR (points = $2 AND user_id < $3))`,
    values: [WINDOW_DAYS[window], points, userId],
  };
}

/** A member's net points over a time range from the log itself (what ContributionsService.total runs): one row {points}. */
export function memberTotal(userId: string, from: Date | null, to: Date | null): SqlQuery {
  return {
    text: `SELECT sum(points) AS points FROM contribution_events
            WHERE user_id = $1 AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)`,
    values: [userId, from, to],
  };
}
