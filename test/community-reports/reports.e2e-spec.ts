import { DataSource } from 'typeorm';
import { answer, ask, pointsOf } from '../support/community.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('community reports: members report content, moderators hide or dismiss it from one queue', () => {
  const s = useTestApp();
  const report = (who: SignedIn, contentType: string, contentId: string, reason = 'spam', note?: string) =>
    call(s.ctx.app, 'POST', '/v1/community/reports', { token: who.accessToken, body: { contentType, contentId, reason, ...(note === undefined ? {} : { note }) } });
  const queue = (who: SignedIn, query = '') => call(s.ctx.app, 'GET', `/v1/staff/community/reports${query}`, { token: who.accessToken });
  const resolve = (who: SignedIn, body: Record<string, unknown>) => call(s.ctx.app, 'POST', '/v1/staff/community/reports/resolve', { token: who.accessToken, body });
  const itemFor = (items: Array<Record<string, any>>, id: string) => items.find((item) => item.contentId === id);

  let moderator: SignedIn;
  beforeAll(async () => {
    moderator = await s.make.newStaff('moderator');
  });

  it('a member reports an answer once: a repeat answers the same open report with 200', async () => {
    const asker = await s.make.newMember('asker');
    const helper = await s.make.newMember('helper');
    const reader = await s.make.newMember('reader');
    const q = await ask(s.ctx.app, asker);
    const a = await answer(s.ctx.app, helper, q.id, 'Buy cheap watches at example.com');

    const first = await report(reader, 'answer', a.id, 'spam', 'Advertising, not an answer');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ contentType: 'answer', contentId: a.id, reason: 'spam', note: 'Advertising, not an answer', status: 'open', resolvedAt: null });

    const repeat = await report(reader, 'answer', a.id, 'abuse');
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id: first.body.id, reason: 'spam' });
    const listed = itemFor((await queue(moderator)).body.items, a.id);
    expect(listed).toMatchObject({ reportCount: 1, reasons: [{ reason: 'spam', count: 1 }], notes: ['Advertising, not an answer'] });
  });

  it('refuses reporting one’s own content, content the caller cannot see, and bad input', async () => {
    const author = await s.make.newMember('author');
    const other = await s.make.newMember('other');
    const q = await ask(s.ctx.app, author);
    const own = await report(author, 'question', q.id);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('REPORT_OWN_CONTENT');

    // A hidden question is not found for others, and neither are its answers.
    const a = await answer(s.ctx.app, other, q.id);
    await call(s.ctx.app, 'POST', `/v1/staff/community/questions/${q.id}/hide`, { token: moderator.accessToken, body: { reason: 'Duplicate' } });
    const stranger = await s.make.newMember('stranger');
    expect((await report(stranger, 'question', q.id)).body.error.code).toBe('QUESTION_NOT_FOUND');
    expect((await report(stranger, 'answer', a.id)).body.error.code).toBe('ANSWER_NOT_FOUND');
    expect((await report(stranger, 'idea', q.id)).body.error.code).toBe('IDEA_NOT_FOUND');
    expect((await report(stranger, 'comment', q.id)).status).toBe(404);

    for (const body of [
      { contentType: 'plugin', contentId: q.id, reason: 'spam' },
      { contentType: 'question', contentId: 'nope', reason: 'spam' },
      { contentType: 'question', contentId: q.id, reason: 'boring' },
      { contentType: 'question', contentId: q.id, reason: 'other', note: 'x'.repeat(501) },
    ]) {
      const bad = await call(s.ctx.app, 'POST', '/v1/community/reports', { token: stranger.accessToken, body });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await call(s.ctx.app, 'POST', '/v1/community/reports', { body: { contentType: 'question', contentId: q.id, reason: 'spam' } })).status).toBe(401);
  });

  it('groups reports per content in the queue, the longest waiting first, and pages it', async () => {
    const author = await s.make.newMember('author');
    const [r1, r2, r3] = [await s.make.newMember('r1'), await s.make.newMember('r2'), await s.make.newMember('r3')];
    const older = await ask(s.ctx.app, author, { body: 'First paragraph of the older question.\n\nMore text.' });
    const newer = await ask(s.ctx.app, author);
    await report(r1, 'question', older.id, 'spam');
    await report(r2, 'question', newer.id, 'abuse');
    await report(r2, 'question', older.id, 'off_topic', 'Not about plugins');
    await report(r3, 'question', older.id, 'spam');

    const items = (await queue(moderator, '?limit=100')).body.items as Array<Record<string, any>>;
    const ids = items.map((item) => item.contentId);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(itemFor(items, older.id)).toEqual({
      contentType: 'question',
      contentId: older.id,
      reportCount: 3,
      reasons: [
        { reason: 'spam', count: 2 },
        { reason: 'off_topic', count: 1 },
      ],
      notes: ['Not about plugins'],
      firstReportedAt: expect.any(String),
      lastReportedAt: expect.any(String),
      content: {
        title: older.title,
        excerpt: 'First paragraph of the older question. More text.',
        author: expect.objectContaining({ id: author.id }),
        link: `/community/questions/${older.id}`,
        hidden: null,
      },
    });

    // Paging one by one walks the same rows in the same order.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await queue(moderator, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      walked.push(...page.body.items.map((item: { contentId: string }) => item.contentId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids);
    expect((await queue(moderator, '?cursor=forged')).body.error.code).toBe('INVALID_CURSOR');
    expect((await queue(moderator, '?status=closed')).status).toBe(400);
  });

  it('hiding from the queue hides the answer, takes its points back, resolves every report and tells the reporters', async () => {
    const asker = await s.make.newMember('asker');
    const helper = await s.make.newMember('helper');
    const voter = await s.make.newMember('voter');
    const q = await ask(s.ctx.app, asker);
    const a = await answer(s.ctx.app, helper, q.id);
    await call(s.ctx.app, 'PUT', `/v1/community/answers/${a.id}/helpful`, { token: voter.accessToken });
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(5);
    await report(voter, 'answer', a.id, 'abuse');
    await report(asker, 'answer', a.id, 'abuse');

    const resolved = await resolve(moderator, { contentType: 'answer', contentId: a.id, action: 'hide', reason: 'Insulting other members' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({ contentType: 'answer', contentId: a.id, status: 'actioned', resolved: 2, hidden: true });

    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
    const readByOthers = await call(s.ctx.app, 'GET', `/v1/community/questions/${q.id}`);
    expect(readByOthers.body.answers).toEqual([]);
    const seenByAuthor = await call(s.ctx.app, 'GET', `/v1/community/questions/${q.id}`, { token: helper.accessToken });
    expect(seenByAuthor.body.answers[0].hidden).toEqual({ reason: 'Insulting other members', at: expect.any(String) });

    expect(itemFor((await queue(moderator, '?limit=100')).body.items, a.id)).toBeUndefined();
    expect(itemFor((await queue(moderator, '?status=actioned&limit=100')).body.items, a.id)).toMatchObject({ reportCount: 2, content: { hidden: { reason: 'Insulting other members' } } });
    for (const reporter of [voter, asker]) {
      const notes = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: reporter.accessToken });
      expect(JSON.stringify(notes.body)).toContain('community.report_actioned');
    }
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=community.reports_resolved`, { token: (await s.make.newStaff('admin')).accessToken });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ targetId: a.id, actorId: moderator.id, details: expect.objectContaining({ action: 'hide', reports: 2 }) })]));

    // Repeating is refused: nothing open is left.
    const again = await resolve(moderator, { contentType: 'answer', contentId: a.id, action: 'hide', reason: 'Again' });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('REPORT_NOT_FOUND');
    // Hidden, it can no longer be reported by those who cannot see it.
    expect((await report(await s.make.newMember('late'), 'answer', a.id, 'spam')).body.error.code).toBe('ANSWER_NOT_FOUND');
  });

  it('hides and resolves in one transaction: when closing the reports fails, the answer stays visible and keeps its points', async () => {
    const asker = await s.make.newMember('asker');
    const helper = await s.make.newMember('helper');
    const voter = await s.make.newMember('voter');
    const q = await ask(s.ctx.app, asker);
    const a = await answer(s.ctx.app, helper, q.id);
    await call(s.ctx.app, 'PUT', `/v1/community/answers/${a.id}/helpful`, { token: voter.accessToken });
    await report(voter, 'answer', a.id, 'abuse');
    const db = s.ctx.app.get(DataSource);
    // A failure after the hide: the reports' update refuses, for this content only.
    await db.query(`CREATE FUNCTION fail_report_resolution() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await db.query(`CREATE TRIGGER tr_fail_report_resolution BEFORE UPDATE ON community_reports FOR EACH ROW WHEN (OLD.content_id = '${a.id}') EXECUTE FUNCTION fail_report_resolution()`);
    try {
      const failed = await resolve(moderator, { contentType: 'answer', contentId: a.id, action: 'hide', reason: 'Insulting other members' });
      expect(failed.status).toBe(500);
    } finally {
      await db.query(`DROP TRIGGER tr_fail_report_resolution ON community_reports`);
      await db.query(`DROP FUNCTION fail_report_resolution()`);
    }
    expect((await call(s.ctx.app, 'GET', `/v1/community/questions/${q.id}`)).body.answers.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(5);
    expect(itemFor((await queue(moderator, '?limit=100')).body.items, a.id)).toMatchObject({ reportCount: 1 });
    // Once the fault is gone, the same request does it all.
    expect((await resolve(moderator, { contentType: 'answer', contentId: a.id, action: 'hide', reason: 'Insulting other members' })).body).toMatchObject({ status: 'actioned', hidden: true });
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
  });

  it('hide resolves reports on content already hidden; dismiss leaves the content as it is', async () => {
    const author = await s.make.newMember('author');
    const reporter = await s.make.newMember('reporter');
    const idea = await call(s.ctx.app, 'POST', '/v1/community/ideas', { token: author.accessToken, body: { title: 'An idea somebody will report', body: 'Body of the idea.' } });
    const comment = await call(s.ctx.app, 'POST', `/v1/community/ideas/${idea.body.id}/comments`, { token: author.accessToken, body: { body: 'A comment somebody will report' } });
    await report(reporter, 'idea', idea.body.id, 'off_topic');
    await report(reporter, 'comment', comment.body.id, 'other');
    expect(itemFor((await queue(moderator, '?limit=100')).body.items, comment.body.id)).toMatchObject({
      content: { title: null, excerpt: 'A comment somebody will report', link: `/community/ideas/${idea.body.id}` },
    });

    const dismissed = await resolve(moderator, { contentType: 'idea', contentId: idea.body.id, action: 'dismiss', reason: 'It is on topic' });
    expect(dismissed.body).toEqual({ contentType: 'idea', contentId: idea.body.id, status: 'dismissed', resolved: 1, hidden: false });
    expect((await call(s.ctx.app, 'GET', `/v1/community/ideas/${idea.body.id}`)).status).toBe(200);
    const notes = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: reporter.accessToken });
    expect(JSON.stringify(notes.body)).not.toContain('community.report_actioned');
    // Once resolved, the member may report it again.
    expect((await report(reporter, 'idea', idea.body.id, 'spam')).status).toBe(201);

    await call(s.ctx.app, 'POST', `/v1/staff/community/comments/${comment.body.id}/hide`, { token: moderator.accessToken, body: { reason: 'Hidden directly' } });
    const hidden = await resolve(moderator, { contentType: 'comment', contentId: comment.body.id, action: 'hide', reason: 'Spam' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ status: 'actioned', resolved: 1, hidden: true });
  });

  it('only moderators and admins see the queue and resolve; bad input is 400', async () => {
    const member = await s.make.newMember();
    const reviewer = await s.make.newStaff('reviewer');
    for (const who of [member, reviewer]) {
      expect((await queue(who)).status).toBe(403);
      expect((await resolve(who, { contentType: 'question', contentId: '00000000-0000-4000-8000-000000000000', action: 'dismiss', reason: 'nope' })).status).toBe(403);
    }
    const admin = await s.make.newStaff('admin');
    expect((await queue(admin)).status).toBe(200);
    for (const body of [
      { contentType: 'question', contentId: '00000000-0000-4000-8000-000000000000', action: 'delete', reason: 'Spam' },
      { contentType: 'question', contentId: '00000000-0000-4000-8000-000000000000', action: 'hide', reason: 'no' },
      { contentType: 'question', contentId: 'x', action: 'hide', reason: 'Spam' },
    ]) {
      const bad = await resolve(moderator, body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await resolve(moderator, { contentType: 'question', contentId: '00000000-0000-4000-8000-000000000000', action: 'dismiss', reason: 'Spam' })).body.error.code).toBe('REPORT_NOT_FOUND');
  });
});
