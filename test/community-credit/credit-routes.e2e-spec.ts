import { DataSource } from 'typeorm';
import { ContributionsService, type AwardInput } from '../../apps/api/src/community/contributions/contributions.service.js';
import { BadgesJob } from '../../apps/api/src/community/credit/badges.job.js';
import { applicationBody } from '../partner-applications/applications.js';
import { partnerFactories } from '../partners/partner-factory.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { newPublicListing } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { waitFor } from '../support/wait.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - days * DAY);
};

describe('community credit routes: policy, badges, leaderboards, profiles, awards, advocates', () => {
  const s = useTestApp();
  const get = (url: string, who?: SignedIn) => call(s.ctx.app, 'GET', `/v1${url}`, { token: who?.accessToken });
  const post = (url: string, who: SignedIn, body: unknown = {}, headers?: Record<string, string>) => call(s.ctx.app, 'POST', `/v1${url}`, { token: who.accessToken, body, headers });
  let n = 0;
  const give = (userId: string, source: AwardInput['source'], at?: Date, extra: Partial<AwardInput> = {}) => {
    n += 1;
    return s.ctx.app.get(DataSource).transaction((tx) => s.ctx.app.get(ContributionsService).award(tx, { key: `route-test:${n}`, userId, source, content: { type: 'test', id: String(n) }, at, ...extra }));
  };
  const notifications = async (who: SignedIn) => (await get('/me/notifications', who)).body.items as Array<{ kind: string; title: string; link: string | null }>;

  it('publishes the policy and the badge catalogue', async () => {
    const policy = await get('/community/contribution-policy');
    expect(policy.status).toBe(200);
    expect(policy.body).toMatchObject({ version: 1, effectiveFrom: '2026-11-24', versions: [1] });
    expect(policy.body.rules).toHaveLength(8);
    expect(policy.body.rules).toContainEqual({ source: 'helpful_vote_received', points: 5, dailyCap: 100, description: expect.any(String) });
    expect(policy.body.rules).toContainEqual(expect.objectContaining({ source: 'first_sale', dailyCap: null }));
    const badges = await get('/community/badges');
    expect(badges.status).toBe(200);
    expect(badges.body.map((b: { code: string }) => b.code)).toEqual([
      'first_accepted_answer', 'accepted_answers_10', 'helpful_25', 'idea_planned', 'idea_shipped', 'plugin_published', 'points_100', 'points_1000', 'recognised',
    ]);
    expect(badges.body[0]).toEqual({ code: 'first_accepted_answer', name: expect.any(String), description: expect.any(String), holders: 0 });
  });

  it('ranks members per window, pages by rank, leaves out members without points; profiles show points, ranks, badges and the log', async () => {
    const [recent, year, old, negative] = [await s.make.newMember('recent'), await s.make.newMember('year'), await s.make.newMember('old'), await s.make.newMember('negative')];
    await give(recent.id, 'idea_shipped', daysAgo(29)); // 40, on the first day of the 30-day window
    await give(year.id, 'idea_shipped', daysAgo(30)); // 40, just outside it
    await give(year.id, 'idea_planned', daysAgo(364)); // 10, the first day of the 12-month window
    await give(old.id, 'idea_shipped', daysAgo(365)); // outside 12 months
    await give(old.id, 'idea_shipped', daysAgo(400));
    const neg = await give(negative.id, 'answer_accepted', daysAgo(100));
    await s.ctx.app.get(DataSource).transaction((tx) => s.ctx.app.get(ContributionsService).revoke(tx, neg.outcome === 'awarded' ? neg.event.awardKey : '', 'unaccepted', daysAgo(0)));

    const board = async (window: string, limit = 10) => (await get(`/community/leaderboard?window=${window}&limit=${limit}`)).body;
    const rows = (body: { items: Array<{ rank: number; member: { id: string }; points: number }> }) => body.items.map((i) => [i.rank, i.member.id, i.points]);
    const thirty = await board('30d');
    expect(thirty.from).toBe(daysAgo(29).toISOString().slice(0, 10));
    expect(rows(thirty)).toEqual([[1, recent.id, 40]]);
    expect(rows(await board('12m'))).toEqual([[1, year.id, 50], [2, recent.id, 40]]);
    expect(rows(await board('all'))).toEqual([[1, old.id, 80], [2, year.id, 50], [3, recent.id, 40]]);
    expect((await board('all')).from).toBeNull();
    expect((await get('/community/leaderboard')).body.window).toBe('30d');

    const first = await board('all', 2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await get(`/community/leaderboard?window=all&limit=2&cursor=${first.nextCursor}`)).body;
    expect(rows(second)).toEqual([[3, recent.id, 40]]);
    expect(second.nextCursor).toBeNull();
    expect((await get('/community/leaderboard?window=7d')).status).toBe(400);
    expect((await get('/community/leaderboard?cursor=nonsense')).body.error.code).toBe('INVALID_CURSOR');

    // equal points: ordered by member id
    const [tieA, tieB] = [await s.make.newMember('tie'), await s.make.newMember('tie')];
    await give(tieA.id, 'idea_planned');
    await give(tieB.id, 'idea_planned');
    const ties = (await board('30d')).items.filter((i: { points: number }) => i.points === 10).map((i: { member: { id: string } }) => i.member.id);
    expect(ties).toEqual([tieA.id, tieB.id].sort());

    const profile = await get(`/community/members/${year.id}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      member: { id: year.id, displayName: 'year', staff: false, partners: [] },
      points: { last30Days: 0, last12Months: 50, allTime: 50 },
      ranks: { last30Days: null, last12Months: 1, allTime: 2 },
      counts: { questions: 0, answers: 0, acceptedAnswers: 0, ideas: 0, ideasShipped: 0 },
      badges: [],
    });
    expect(profile.body.recent.map((l: { source: string; points: number }) => [l.source, l.points])).toEqual([['idea_shipped', 40], ['idea_planned', 10]]);
    expect((await get(`/community/members/${negative.id}`)).body).toMatchObject({ points: { allTime: 0 }, ranks: { allTime: null } });
    expect((await get('/community/members/00000000-0000-4000-8000-000000000000')).body.error.code).toBe('MEMBER_NOT_FOUND');
    expect((await get('/community/members/not-a-uuid')).status).toBe(400);
  });

  it('pages a member’s contributions newest first, with content titles and links (hidden ones only for moderators)', async () => {
    const member = await s.make.newMember('writer');
    const asker = await s.make.newMember('asker');
    const db = s.ctx.app.get(DataSource);
    const [question] = await db.query<Array<{ id: string }>>(`INSERT INTO questions (author_id, title, body) VALUES ($1, 'How do I set a webhook secret?', 'body') RETURNING id`, [asker.id]);
    const [answer] = await db.query<Array<{ id: string }>>(`INSERT INTO answers (question_id, author_id, body) VALUES ($1, $2, 'like this') RETURNING id`, [question.id, member.id]);
    const [hidden] = await db.query<Array<{ id: string }>>(`INSERT INTO ideas (author_id, title, body, hidden_at, hidden_reason) VALUES ($1, 'A hidden idea title', 'b', now(), 'spam') RETURNING id`, [member.id]);
    await give(member.id, 'answer_accepted', daysAgo(3), { content: { type: 'answer', id: answer.id } });
    await give(member.id, 'idea_planned', daysAgo(2), { content: { type: 'idea', id: hidden.id } });
    await give(member.id, 'helpful_vote_received', daysAgo(1), { content: { type: 'answer', id: answer.id } });
    const page1 = await get(`/community/members/${member.id}/contributions?limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((l: { source: string }) => l.source)).toEqual(['helpful_vote_received', 'idea_planned']);
    expect(page1.body.items[0]).toMatchObject({
      kind: 'award',
      points: 5,
      ruleVersion: 1,
      capped: false,
      content: { type: 'answer', id: answer.id, title: 'How do I set a webhook secret?', link: `/community/questions/${question.id}` },
    });
    expect(page1.body.items[1].content).toEqual({ type: 'idea', id: hidden.id, title: null, link: null });
    const page2 = await get(`/community/members/${member.id}/contributions?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((l: { source: string }) => l.source)).toEqual(['answer_accepted']);
    expect(page2.body.nextCursor).toBeNull();
    const moderator = await s.make.newStaff('moderator');
    const seen = await get(`/community/members/${member.id}/contributions?limit=2`, moderator);
    expect(seen.body.items[1].content).toMatchObject({ title: 'A hidden idea title', link: `/community/ideas/${hidden.id}` });
  });

  it('lets moderators award points with a reason and prize: bounds, self, unknown members, idempotency, audit and notice', async () => {
    const [moderator, admin, reviewer, member] = [await s.make.newStaff('moderator'), await s.make.newStaff('admin'), await s.make.newStaff('reviewer'), await s.make.newMember('awarded')];
    const body = { userId: member.id, points: 120, reason: 'Wrote the webhook guide', prize: 'Conference ticket' };
    expect((await post('/staff/community/awards', member, body)).status).toBe(403);
    expect((await post('/staff/community/awards', reviewer, body)).status).toBe(403);
    for (const points of [0, 501, 2.5]) expect((await post('/staff/community/awards', moderator, { ...body, points })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await post('/staff/community/awards', moderator, { ...body, reason: 'x' })).status).toBe(400);
    expect((await post('/staff/community/awards', moderator, { ...body, userId: moderator.id })).body.error.code).toBe('AWARD_SELF');
    expect((await post('/staff/community/awards', moderator, { ...body, userId: '00000000-0000-4000-8000-000000000000' })).body.error.code).toBe('MEMBER_NOT_FOUND');

    const awarded = await post('/staff/community/awards', moderator, body, { 'idempotency-key': 'award-guide-1' });
    expect(awarded.status).toBe(201);
    expect(awarded.body).toMatchObject({ kind: 'award', source: 'staff_award', points: 120, reason: 'Wrote the webhook guide', note: 'Conference ticket', content: { type: 'staff_award' } });
    const retried = await post('/staff/community/awards', moderator, body, { 'idempotency-key': 'award-guide-1' });
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(awarded.body.id);
    expect((await post('/staff/community/awards', admin, { ...body, points: 500, prize: undefined })).body.points).toBe(500);
    expect((await get(`/community/members/${member.id}`)).body.points.allTime).toBe(620);
    expect((await post('/staff/community/awards', moderator, body, { 'idempotency-key': 'bad key!' })).status).toBe(400);

    const notes = await notifications(member);
    expect(notes.filter((x) => x.kind === 'community.staff_award')).toHaveLength(2);
    const audit = await get(`/staff/audit?action=community.staff_award`, admin);
    expect(audit.status).toBe(200);
    expect(audit.body.items.filter((e: { targetId: string }) => e.targetId === member.id)).toHaveLength(2);

    // the queued badge check: points_100 and recognised
    await waitFor(async () => (await get(`/community/members/${member.id}`)).body.badges.length === 2);
    expect((await get(`/community/members/${member.id}`)).body.badges.map((b: { code: string }) => b.code)).toEqual(['points_100', 'recognised']);
    expect((await notifications(member)).filter((x) => x.kind === 'community.badge_earned')).toHaveLength(2);
  });

  it('evaluates badges idempotently and tells the member once per badge; badges are kept after revocation', async () => {
    const member = await s.make.newMember('badger');
    const job = s.ctx.app.get(BadgesJob);
    const keys: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const given = await give(member.id, 'helpful_vote_received', daysAgo(i % 2 === 0 ? 1 : 2));
      if (given.outcome === 'awarded') keys.push(given.event.awardKey);
    }
    await give(member.id, 'answer_accepted', daysAgo(1));
    expect(await job.evaluate(member.id)).toEqual(['first_accepted_answer', 'helpful_25', 'points_100']);
    expect(await job.evaluate(member.id)).toEqual([]);
    const notes = (await notifications(member)).filter((x) => x.kind === 'community.badge_earned');
    expect(notes).toHaveLength(3);
    expect(notes[0].link).toBe(`/community/members/${member.id}`);
    await s.ctx.app.get(DataSource).transaction((tx) => s.ctx.app.get(ContributionsService).revoke(tx, keys[0], 'vote_retracted'));
    expect(await job.evaluate(member.id)).toEqual([]);
    expect((await get(`/community/members/${member.id}`)).body.badges.map((b: { code: string }) => b.code)).toEqual(['first_accepted_answer', 'helpful_25', 'points_100']);
    const catalogue = (await get('/community/badges')).body as Array<{ code: string; holders: number }>;
    expect(catalogue.find((b) => b.code === 'helpful_25')!.holders).toBe(1);
    // the sweep finds members whose totals moved
    const other = await s.make.newMember('swept');
    await give(other.id, 'idea_planned');
    expect(await job.sweep()).toBeGreaterThan(0);
    expect((await get(`/community/members/${other.id}`)).body.badges.map((b: { code: string }) => b.code)).toEqual(['idea_planned']);
  });

  it('lists advocates (members in no partner), invites them once, and shows the invitation and record to the member and beside their application', async () => {
    const [reviewer, moderator, member] = [await s.make.newStaff('reviewer'), await s.make.newStaff('moderator'), await s.make.newMember('advocate')];
    const partnerOwner = await s.make.newMember('partner-owner');
    await partnerFactories(s.ctx.app).newPartner(partnerOwner);
    await give(member.id, 'idea_shipped', daysAgo(5));
    await give(member.id, 'answer_accepted', daysAgo(200));
    await give(partnerOwner.id, 'staff_award', daysAgo(3), { points: 400 });

    expect((await get('/staff/community/advocates', member)).status).toBe(403);
    const list = await get('/staff/community/advocates?days=90&limit=100', reviewer);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: { member: { id: string } }) => i.member.id);
    expect(ids).toContain(member.id);
    expect(ids).not.toContain(partnerOwner.id);
    const mine = list.body.items.find((i: { member: { id: string } }) => i.member.id === member.id);
    expect(mine).toMatchObject({ points: 40, allTimePoints: 55, acceptedAnswers: 1, ideasShipped: 1, invitation: null });
    const points = list.body.items.map((i: { points: number }) => i.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));

    expect((await get('/community/me/invitation', member)).body).toEqual({ invitation: null });
    expect((await post('/staff/community/advocates/00000000-0000-4000-8000-000000000000/invite', moderator)).body.error.code).toBe('MEMBER_NOT_FOUND');
    expect((await post(`/staff/community/advocates/${partnerOwner.id}/invite`, moderator)).body.error.code).toBe('ADVOCATE_IS_PARTNER');
    const invited = await post(`/staff/community/advocates/${member.id}/invite`, reviewer, { message: 'Your answers are great.' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      member: { id: member.id },
      invitedBy: { id: reviewer.id },
      message: 'Your answers are great.',
      record: { allTimePoints: 55, last12MonthsPoints: 55, acceptedAnswers: 1, ideasShipped: 1, ideasPlanned: 0, helpfulVotes: 0, badges: [] },
    });
    expect((await post(`/staff/community/advocates/${member.id}/invite`, moderator)).body.error.code).toBe('ADVOCATE_ALREADY_INVITED');
    const seen = await get('/community/me/invitation', member);
    expect(seen.body.invitation).toMatchObject({ id: invited.body.id, record: invited.body.record });
    const notes = await notifications(member);
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'community.advocate_invited', link: '/partner-program' }));
    const after = await get('/staff/community/advocates?days=90&limit=100', reviewer);
    expect(after.body.items.find((i: { member: { id: string } }) => i.member.id === member.id).invitation).toMatchObject({ by: { id: reviewer.id } });

    const record = await get(`/staff/community/members/${member.id}/record`, moderator);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ allTimePoints: 55, acceptedAnswers: 1 });
    expect((await get(`/staff/community/members/${member.id}/record`, member)).status).toBe(403);

    // The member applies; the reviewer reads the invitation and the record beside the application.
    const applied = await post('/partner-applications', member, applicationBody());
    expect(applied.status).toBe(201);
    const application = await get(`/partner-applications/${applied.body.id}`, reviewer);
    expect(application.body.community).toMatchObject({
      contributionPoints: 55,
      acceptedAnswers: 1,
      ideasShipped: 1,
      invitedAt: invited.body.createdAt,
      invitedBy: 'Staff reviewer',
    });
    expect((await get(`/partner-applications/${applied.body.id}`, member)).body).not.toHaveProperty('community');
  });

  it('gives the uploader points when a reviewer publishes their plugin version', async () => {
    const publisher = await newPublicListing(s.ctx.app);
    const log = await get(`/community/members/${publisher.owner.id}/contributions`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ source: 'plugin_version_published', points: 20, content: expect.objectContaining({ type: 'plugin_version', title: `${publisher.name} 1.0.0`, link: `/plugins/${publisher.name}` }) }),
    ]);
    await s.ctx.app.get(BadgesJob).sweep();
    expect((await get(`/community/members/${publisher.owner.id}`)).body.badges.map((b: { code: string }) => b.code)).toEqual(['plugin_published']);
  });
});
