import { answer, ask, logOf, pointsOf } from '../support/community.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('community questions: moderation hides content and takes its points back', () => {
  const s = useTestApp();
  const staff = (who: SignedIn, url: string, reason?: string) =>
    call(s.ctx.app, 'POST', `/v1/staff/community/${url}`, { token: who.accessToken, body: reason === undefined ? {} : { reason } });
  const question = (id: string, who?: SignedIn) => call(s.ctx.app, 'GET', `/v1/community/questions/${id}`, { token: who?.accessToken });

  /** A question with an accepted answer voted helpful: the helper holds 15 + 5 points. */
  async function scene() {
    const asker = await s.make.newMember('asker');
    const helper = await s.make.newMember('helper');
    const voter = await s.make.newMember('voter');
    const q = await ask(s.ctx.app, asker);
    const a = await answer(s.ctx.app, helper, q.id);
    await call(s.ctx.app, 'PUT', `/v1/community/answers/${a.id}/helpful`, { token: voter.accessToken });
    await call(s.ctx.app, 'POST', `/v1/community/answers/${a.id}/accept`, { token: asker.accessToken });
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(20);
    return { asker, helper, voter, q, a };
  }

  it('hiding an answer revokes its points and hides it from others; its author sees it with the reason; unhiding restores the points', async () => {
    const moderator = await s.make.newStaff('moderator');
    const { asker, helper, voter, q, a } = await scene();

    const hidden = await staff(moderator, `answers/${a.id}/hide`, 'Spam link');
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden).toEqual({ reason: 'Spam link', at: expect.any(String) });
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
    expect((await logOf(s.ctx.app, helper.id)).filter((l) => l.kind === 'revocation').map((l) => [l.source, l.points, l.reason])).toEqual(
      expect.arrayContaining([
        ['helpful_vote_received', -5, 'content_hidden'],
        ['answer_accepted', -15, 'content_hidden'],
      ]),
    );

    const seenByOthers = await question(q.id, asker);
    expect(seenByOthers.body).toMatchObject({ answers: [], answerCount: 0, accepted: false, acceptedAnswerId: null });
    expect((await question(q.id)).body.answers).toEqual([]);
    const seenByAuthor = await question(q.id, helper);
    expect(seenByAuthor.body.answers).toEqual([expect.objectContaining({ id: a.id, hidden: { reason: 'Spam link', at: expect.any(String) } })]);
    expect((await question(q.id, moderator)).body.answers).toHaveLength(1);
    // Others cannot reach it at all; its author is told it is hidden.
    const voteByOther = await call(s.ctx.app, 'DELETE', `/v1/community/answers/${a.id}/helpful`, { token: voter.accessToken });
    expect(voteByOther.body.error.code).toBe('ANSWER_NOT_FOUND');
    expect((await call(s.ctx.app, 'GET', `/v1/community/answers/${a.id}/revisions`)).status).toBe(404);
    const commentByAuthor = await call(s.ctx.app, 'POST', `/v1/community/answers/${a.id}/comments`, { token: helper.accessToken, body: { body: 'But why?' } });
    expect(commentByAuthor.status).toBe(409);
    expect(commentByAuthor.body.error.code).toBe('CONTENT_HIDDEN');
    expect((await staff(moderator, `answers/${a.id}/hide`, 'Again')).body.error.code).toBe('MODERATION_STATE');

    const shown = await staff(moderator, `answers/${a.id}/unhide`);
    expect(shown.status).toBe(200);
    expect(shown.body.hidden).toBeNull();
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(20);
    expect((await question(q.id)).body).toMatchObject({ answerCount: 1, accepted: true, acceptedAnswerId: a.id });
    expect((await staff(moderator, `answers/${a.id}/unhide`)).body.error.code).toBe('MODERATION_STATE');

    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?targetId=${a.id}`, { token: (await s.make.newStaff('admin')).accessToken });
    expect(audit.body.items.map((e: { action: string; actor: { id: string } | null }) => e.action)).toEqual(['community.answer.unhidden', 'community.answer.hidden']);
  });

  it('a hidden question is not found for others, takes nothing new, and its answers’ points are revoked and restored with it', async () => {
    const moderator = await s.make.newStaff('moderator');
    const { asker, helper, voter, q, a } = await scene();
    const hidden = await staff(moderator, `questions/${q.id}/hide`, 'Off topic');
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden).toMatchObject({ reason: 'Off topic' });
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);

    for (const who of [undefined, voter, helper]) {
      const res = await question(q.id, who);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('QUESTION_NOT_FOUND');
    }
    expect((await call(s.ctx.app, 'GET', `/v1/community/questions/${q.id}/revisions`)).status).toBe(404);
    expect((await call(s.ctx.app, 'GET', `/v1/community/questions?author=${asker.id}`)).body.items).toEqual([]);
    expect((await call(s.ctx.app, 'GET', `/v1/community/questions?author=${asker.id}`, { token: asker.accessToken })).body.items).toEqual([
      expect.objectContaining({ id: q.id, hidden: expect.objectContaining({ reason: 'Off topic' }) }),
    ]);
    // The asker still sees it, with the reason, and is told it takes no answers or acceptance.
    expect((await question(q.id, asker)).body.hidden).toMatchObject({ reason: 'Off topic' });
    const late = await call(s.ctx.app, 'POST', `/v1/community/questions/${q.id}/answers`, { token: asker.accessToken, body: { body: 'Self answer' } });
    expect(late.body.error.code).toBe('CONTENT_HIDDEN');
    expect((await call(s.ctx.app, 'POST', `/v1/community/questions/${q.id}/answers`, { token: voter.accessToken, body: { body: 'x' } })).body.error.code).toBe('QUESTION_NOT_FOUND');
    expect((await call(s.ctx.app, 'DELETE', `/v1/community/answers/${a.id}/accept`, { token: asker.accessToken })).body.error.code).toBe('CONTENT_HIDDEN');
    expect((await call(s.ctx.app, 'PUT', `/v1/community/answers/${a.id}/helpful`, { token: voter.accessToken })).body.error.code).toBe('ANSWER_NOT_FOUND');

    const shown = await staff(moderator, `questions/${q.id}/unhide`);
    expect(shown.status).toBe(200);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(20);
    expect((await question(q.id)).status).toBe(200);
  });

  it('a comment is only as visible as what it is on: its history is not found while its question is hidden', async () => {
    const moderator = await s.make.newStaff('moderator');
    const { asker, voter, q } = await scene();
    const comment = await call(s.ctx.app, 'POST', `/v1/community/questions/${q.id}/comments`, { token: voter.accessToken, body: { body: 'Which version are you on?' } });
    expect(comment.status).toBe(201);
    const history = (who?: { accessToken: string }) => call(s.ctx.app, 'GET', `/v1/community/comments/${comment.body.id}/revisions`, { token: who?.accessToken });
    expect((await history()).status).toBe(200);
    await staff(moderator, `questions/${q.id}/hide`, 'Off topic');
    const hiddenHistory = await history();
    expect(hiddenHistory.status).toBe(404);
    expect(hiddenHistory.body.error.code).toBe('COMMENT_NOT_FOUND');
    const edit = await call(s.ctx.app, 'PATCH', `/v1/community/comments/${comment.body.id}`, { token: voter.accessToken, body: { body: 'Edited while hidden' } });
    expect(edit.body.error.code).toBe('COMMENT_NOT_FOUND');
    expect((await history(asker)).status).toBe(200); // the asker still sees their question, and what is on it
  });

  it('showing a question again does not restore an answer hidden on its own', async () => {
    const moderator = await s.make.newStaff('moderator');
    const { helper, q, a } = await scene();
    await staff(moderator, `answers/${a.id}/hide`, 'Spam link');
    await staff(moderator, `questions/${q.id}/hide`, 'Off topic');
    await staff(moderator, `questions/${q.id}/unhide`);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
    // Nor does showing the answer while its question is hidden.
    await staff(moderator, `questions/${q.id}/hide`, 'Off topic again');
    await staff(moderator, `answers/${a.id}/unhide`);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
    await staff(moderator, `questions/${q.id}/unhide`);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(20);
  });

  it('an acceptance replaced while its answer was hidden is not restored with it', async () => {
    const moderator = await s.make.newStaff('moderator');
    const { asker, helper, q, a } = await scene();
    const other = await s.make.newMember();
    const second = await answer(s.ctx.app, other, q.id);
    await staff(moderator, `answers/${a.id}/hide`, 'Spam link');
    await call(s.ctx.app, 'POST', `/v1/community/answers/${second.id}/accept`, { token: asker.accessToken });
    await staff(moderator, `answers/${a.id}/unhide`);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(5);
    expect(await pointsOf(s.ctx.app, other.id)).toBe(15);
  });

  it('only moderators and admins moderate; a reason is required; unknown ids are not found', async () => {
    const { q, a } = await scene();
    const member = await s.make.newMember();
    const reviewer = await s.make.newStaff('reviewer');
    for (const who of [member, reviewer]) {
      const res = await staff(who, `questions/${q.id}/hide`, 'Nope');
      expect(res.status).toBe(403);
    }
    const admin = await s.make.newStaff('admin');
    expect((await staff(admin, `answers/${a.id}/hide`, '')).status).toBe(400);
    expect((await staff(admin, `answers/${a.id}/hide`, 'Rude')).status).toBe(200);
    expect((await staff(admin, 'questions/00000000-0000-4000-8000-000000000000/hide', 'Rude')).body.error.code).toBe('QUESTION_NOT_FOUND');
    expect((await staff(admin, 'answers/00000000-0000-4000-8000-000000000000/unhide')).body.error.code).toBe('ANSWER_NOT_FOUND');
  });

  it('concurrent votes by one member count once', async () => {
    const { q } = await scene();
    const helper = await s.make.newMember();
    const voter = await s.make.newMember();
    const a = await answer(s.ctx.app, helper, q.id);
    const results = await Promise.all([1, 2, 3].map(() => call(s.ctx.app, 'PUT', `/v1/community/answers/${a.id}/helpful`, { token: voter.accessToken })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await question(q.id)).body.answers.find((x: { id: string }) => x.id === a.id).helpfulCount).toBe(1);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(5);
  });
});
