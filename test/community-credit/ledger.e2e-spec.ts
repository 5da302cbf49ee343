import { DataSource, type EntityManager } from 'typeorm';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { CURRENT_POLICY } from '../../apps/api/src/community/contributions/contribution-policy.js';
import { ContributionsService, type AwardInput } from '../../apps/api/src/community/contributions/contributions.service.js';
import { partnerFactories } from '../partners/partner-factory.js';
import { uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/suite.js';

// The points ledger, driven through ContributionsService as the other community services call it.

const DAY = 86_400_000;
/** Noon UTC, `days` days ago: far from midnight, so a day's awards stay on one UTC day. */
const daysAgo = (days: number, extraMs = 0) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - days * DAY + extraMs);
};

describe('community ledger: caps, self and team awards, revocations, the append-only log', () => {
  const s = useTestApp();
  let n = 0;
  const ledger = () => s.ctx.app.get(ContributionsService);
  const db = () => s.ctx.app.get(DataSource);
  const tx = <T>(work: (tx: EntityManager) => Promise<T>) => db().transaction(work);
  const award = (input: Omit<AwardInput, 'key' | 'content'> & { key?: string; content?: AwardInput['content'] }) => {
    n += 1;
    return tx((t) => ledger().award(t, { key: `test:${n}`, content: { type: 'test', id: String(n) }, ...input }));
  };
  const user = async (label = 'member') =>
    (await s.ctx.app.get(UsersService).create({ email: uniqueEmail(label), password: 'correct horse battery', displayName: label, staffRoles: [] })).id;
  const lines = (userId: string) =>
    db().query<Array<{ kind: string; source: string; points: number; capped: boolean; award_key: string; reason: string | null; rule_version: number }>>(
      `SELECT kind, source, points, capped, award_key, reason, rule_version FROM contribution_events WHERE user_id = $1 ORDER BY occurred_at, kind`,
      [userId],
    );
  const totalRow = async (userId: string) => (await db().query<Array<{ points: number }>>(`SELECT points FROM contribution_totals WHERE user_id = $1`, [userId]))[0]?.points;
  const points = (outcome: Awaited<ReturnType<typeof award>>) => (outcome.outcome === 'awarded' ? outcome.event.points : null);

  it('prices an award by the current policy and records the version; repeating its key changes nothing', async () => {
    const earner = await user();
    const first = await tx((t) => ledger().award(t, { key: `answer_accepted:x-${earner}`, userId: earner, source: 'answer_accepted', content: { type: 'answer', id: 'x' } }));
    expect(first).toMatchObject({ outcome: 'awarded', event: { points: 15, ruleVersion: CURRENT_POLICY.version, capped: false } });
    const again = await tx((t) => ledger().award(t, { key: `answer_accepted:x-${earner}`, userId: earner, source: 'answer_accepted', content: { type: 'answer', id: 'x' } }));
    expect(again).toEqual({ outcome: 'already' });
    expect(await lines(earner)).toHaveLength(1);
    expect(await totalRow(earner)).toBe(15);
  });

  it('caps a source per UTC day: the last award is cut to what is left, then 0 (capped); the next UTC day starts fresh', async () => {
    const earner = await user();
    const rule = CURRENT_POLICY.rules.answer_accepted;
    const saved = rule.dailyCap;
    rule.dailyCap = 40; // 15 + 15 + 10: shows the cut to the remainder (policy v1's caps are multiples of the points)
    try {
      const day = daysAgo(3);
      const got = [];
      for (let i = 0; i < 4; i += 1) got.push(await award({ userId: earner, source: 'answer_accepted', at: new Date(day.getTime() + i * 60_000) }));
      expect(got.map(points)).toEqual([15, 15, 10, 0]);
      expect(got.map((o) => o.outcome === 'awarded' && o.event.capped)).toEqual([false, false, true, true]);
      const nextDay = await award({ userId: earner, source: 'answer_accepted', at: daysAgo(2) });
      expect(points(nextDay)).toBe(15);
      // another source has its own cap
      expect(points(await award({ userId: earner, source: 'idea_planned', at: day }))).toBe(10);
    } finally {
      rule.dailyCap = saved;
    }
    expect(await ledger().total(earner)).toBe(65);
    expect(await totalRow(earner)).toBe(65);
  });

  it('policy v1 caps helpful votes at 100 points a day; a revocation does not give room back', async () => {
    const earner = await user();
    const at = daysAgo(1);
    const keys: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      keys.push(`helpful:${earner}:${i}`);
      expect(points(await award({ key: keys[i], userId: earner, source: 'helpful_vote_received', at }))).toBe(5);
    }
    expect(points(await award({ userId: earner, source: 'helpful_vote_received', at }))).toBe(0);
    expect(await tx((t) => ledger().revoke(t, keys[0], 'vote_retracted', at))).toMatchObject({ kind: 'revocation', points: -5, reason: 'vote_retracted' });
    const after = await award({ userId: earner, source: 'helpful_vote_received', at });
    expect(after).toMatchObject({ outcome: 'awarded', event: { points: 0, capped: true } });
    // re-awarding the revoked key is a new award under the same (full) cap
    expect(points(await award({ key: keys[0], userId: earner, source: 'helpful_vote_received', at }))).toBe(0);
    expect(await ledger().total(earner)).toBe(95);
  });

  it('gives no points when the actor is the earner or shares a partner with them (staff awards excepted)', async () => {
    const [earner, teammate, stranger] = [await user(), await user(), await user()];
    const partners = partnerFactories(s.ctx.app);
    const partner = await partners.newPartner({ id: earner });
    await partners.addMember(partner, { id: teammate }, 'developer');
    expect(await award({ userId: earner, actorId: earner, source: 'helpful_vote_received' })).toEqual({ outcome: 'self' });
    expect(await award({ userId: earner, actorId: teammate, source: 'helpful_vote_received' })).toEqual({ outcome: 'own_partner' });
    expect(points(await award({ userId: earner, actorId: stranger, source: 'helpful_vote_received' }))).toBe(5);
    expect(points(await award({ userId: earner, actorId: teammate, source: 'staff_award', points: 50, reason: 'Great talk' }))).toBe(50);
    expect(await lines(earner)).toHaveLength(2);
  });

  it('bounds staff awards by the rule: at most its points, the amount asked otherwise', async () => {
    const earner = await user();
    expect(points(await award({ userId: earner, source: 'staff_award', points: 10_000, reason: 'x' }))).toBe(CURRENT_POLICY.rules.staff_award.points);
    expect(points(await award({ userId: earner, source: 'staff_award', points: 7, reason: 'x' }))).toBe(7);
    expect(await ledger().total(earner)).toBe(507);
  });

  it('revokes with a negative line dated when it happens; revoking again or an unknown key does nothing', async () => {
    const earner = await user();
    await award({ key: `k1:${earner}`, userId: earner, source: 'idea_shipped', at: daysAgo(40) });
    const revoked = await tx((t) => ledger().revoke(t, `k1:${earner}`, 'credit_removed'));
    expect(revoked).toMatchObject({ kind: 'revocation', points: -40, source: 'idea_shipped', reason: 'credit_removed' });
    expect(await tx((t) => ledger().revoke(t, `k1:${earner}`, 'credit_removed'))).toBeNull();
    expect(await tx((t) => ledger().revoke(t, `never:${earner}`, 'x'))).toBeNull();
    expect(await ledger().total(earner)).toBe(0);
    expect(await ledger().total(earner, { from: daysAgo(41), to: daysAgo(39) })).toBe(40);
    expect(await ledger().total(earner, { from: daysAgo(1) })).toBe(-40);
    const daily = await db().query<Array<{ day: string; points: number }>>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, points FROM contribution_daily WHERE user_id = $1 ORDER BY day`, [earner]);
    expect(daily).toEqual([
      { day: daysAgo(40).toISOString().slice(0, 10), points: 40 },
      { day: new Date().toISOString().slice(0, 10), points: -40 },
    ]);
  });

  it('revokeContent takes back every standing award of the content; restoreContent gives them again at today’s prices', async () => {
    const [a, b] = [await user(), await user()];
    const content = { type: 'answer', id: `content-${a}` };
    await award({ key: `accepted:${a}`, userId: a, source: 'answer_accepted', content });
    await award({ key: `helpful:${a}:${b}`, userId: a, source: 'helpful_vote_received', content, actorId: b });
    await award({ key: `other:${b}`, userId: b, source: 'idea_planned', content: { type: 'idea', id: `idea-${b}` } });
    expect(await tx((t) => ledger().revokeContent(t, content, 'content_hidden'))).toEqual([a]);
    expect(await ledger().total(a)).toBe(0);
    expect(await ledger().total(b)).toBe(10);
    expect(await tx((t) => ledger().revokeContent(t, content, 'content_hidden'))).toEqual([]);
    expect(await tx((t) => ledger().restoreContent(t, content, 'content_hidden'))).toEqual([a]);
    expect(await ledger().total(a)).toBe(20);
    expect(await tx((t) => ledger().restoreContent(t, content, 'content_hidden'))).toEqual([]);
    expect((await lines(a)).map((l) => `${l.kind}:${l.points}`)).toEqual(['award:15', 'award:5', 'revocation:-15', 'revocation:-5', 'award:15', 'award:5']);
  });

  it('does not restore an award revoked again for another reason while its content was hidden (a vote retracted meanwhile)', async () => {
    const [a, b] = [await user(), await user()];
    const content = { type: 'answer', id: `content-${a}` };
    await award({ key: `accepted:${a}`, userId: a, source: 'answer_accepted', content });
    await award({ key: `helpful:${a}:${b}`, userId: a, source: 'helpful_vote_received', content, actorId: b });
    await tx((t) => ledger().revokeContent(t, content, 'content_hidden'));
    expect(await tx((t) => ledger().revoke(t, `helpful:${a}:${b}`, 'vote_retracted'))).toBeNull(); // nothing stands: no line
    await tx((t) => ledger().restoreContent(t, content, 'content_hidden'));
    expect(await ledger().total(a)).toBe(15);
    expect((await lines(a)).map((l) => `${l.kind}:${l.points}`)).toEqual(['award:15', 'award:5', 'revocation:-15', 'revocation:-5', 'award:15']);
  });

  it('refuses to change or delete a line of the log', async () => {
    const earner = await user();
    await award({ userId: earner, source: 'idea_planned' });
    await expect(db().query(`UPDATE contribution_events SET points = 1000 WHERE user_id = $1`, [earner])).rejects.toThrow(/append-only/);
    await expect(db().query(`DELETE FROM contribution_events WHERE user_id = $1`, [earner])).rejects.toThrow(/append-only/);
    expect(await ledger().total(earner)).toBe(10);
  });
});
