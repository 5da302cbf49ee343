import { DataSource } from 'typeorm';
import { ContributionWindows } from '../../apps/api/src/community/contributions/contribution-windows.service.js';
import { ContributionsService } from '../../apps/api/src/community/contributions/contributions.service.js';
import { CreditService } from '../../apps/api/src/community/credit/credit.service.js';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/suite.js';

// The trailing windows behind the 30-day and 12-month leaderboards move with the calendar: a day
// that leaves a window takes its points out of it, however long the process was away.

const DAY = 86_400_000;
const noonDaysAgo = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - days * DAY);
};

describe('community ledger: trailing windows as days pass', () => {
  const s = useTestApp();
  const db = () => s.ctx.app.get(DataSource);
  const windows = () => s.ctx.app.get(ContributionWindows);
  const user = async () => (await s.ctx.app.get(UsersService).create({ email: uniqueEmail('window'), password: 'correct horse battery', displayName: 'Window', staffRoles: [] })).id;
  const windowPoints = async (days: number, userId: string) =>
    (await db().query<Array<{ points: number }>>(`SELECT points FROM contribution_windows WHERE window_days = $1 AND user_id = $2`, [days, userId]))[0]?.points ?? 0;
  /** What the window should hold: the member's lines on the last `days` UTC days, from the raw log. */
  const fromLog = async (days: number, userId: string) =>
    Number(
      (
        await db().query<Array<{ points: string | null }>>(
          `SELECT sum(points) AS points FROM contribution_events WHERE user_id = $1 AND (occurred_at AT TIME ZONE 'UTC')::date > (now() AT TIME ZONE 'UTC')::date - $2::int`,
          [userId, days],
        )
      )[0]?.points ?? 0,
    );
  /** Puts the windows back `back` days, as they stood then: the days after that are kept (they were added as they happened). */
  const rewind = async (back: number) => {
    await db().transaction(async (tx) => {
      await tx.query(`UPDATE contribution_window_state SET as_of = (now() AT TIME ZONE 'UTC')::date - $1::int`, [back]);
      await tx.query(`DELETE FROM contribution_windows`);
      await tx.query(
        `INSERT INTO contribution_windows (window_days, user_id, points)
         SELECT s.window_days, d.user_id, sum(d.points) FROM contribution_window_state s JOIN contribution_daily d ON d.day > s.as_of - s.window_days
          GROUP BY s.window_days, d.user_id`,
      );
    });
  };

  it('takes the days that left each window out of it, and a window far behind is rebuilt; the leaderboard reads the rolled windows', async () => {
    const member = await user();
    const ledger = s.ctx.app.get(ContributionsService);
    // Lines on days around both windows' edges: 0..400 days ago, some revoked.
    for (const days of [0, 3, 28, 29, 30, 31, 40, 200, 363, 364, 365, 366, 400]) {
      await db().transaction((tx) => ledger.award(tx, { key: `w:${member}:${days}`, userId: member, source: 'staff_award', points: days + 1, content: { type: 'test', id: String(days) }, at: noonDaysAgo(days) }));
    }
    await db().transaction((tx) => ledger.revoke(tx, `w:${member}:40`, 'test', noonDaysAgo(5)));
    for (const days of [30, 365]) expect(await windowPoints(days, member)).toBe(await fromLog(days, member));

    await rewind(3);
    expect(await windowPoints(30, member)).not.toBe(await fromLog(30, member)); // days 29..31 ago still counted
    expect(await windows().current()).toBe(3);
    for (const days of [30, 365]) expect(await windowPoints(days, member)).toBe(await fromLog(days, member));
    expect(await windows().current()).toBe(0); // nothing more to roll today

    await rewind(45); // past the 30-day window's length: rebuilt from the daily rollup
    const credit = s.ctx.app.get(CreditService);
    const board = await credit.leaderboard('30d', { limit: 100 });
    const mine = board.items.find((item) => item.member.id === member);
    expect(await fromLog(30, member)).toBeGreaterThan(0);
    expect(mine?.points).toBe(await fromLog(30, member));
    expect(await windowPoints(365, member)).toBe(await fromLog(365, member));
  });
});
