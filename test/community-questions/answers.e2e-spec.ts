import { partnerFactories } from '../partners/partner-factory.js';
import { answer, ask, logOf, pointsOf } from '../support/community.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('community answers: helpful votes and acceptance, and the points they give', () => {
  const s = useTestApp();
  const act = (who: SignedIn, method: string, url: string) => call(s.ctx.app, method, `/v1/community/answers/${url}`, { token: who.accessToken });
  const question = (id: string, who?: SignedIn) => call(s.ctx.app, 'GET', `/v1/community/questions/${id}`, { token: who?.accessToken });

  it('one helpful vote per member: voting twice counts once and pays once; retracting takes the points back with a negative line', async () => {
    const asker = await s.make.newMember();
    const helper = await s.make.newMember();
    const voter = await s.make.newMember();
    const q = await ask(s.ctx.app, asker);
    const a = await answer(s.ctx.app, helper, q.id);

    const first = await act(voter, 'PUT', `${a.id}/helpful`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ helpfulCount: 1, votedHelpful: true });
    const again = await act(voter, 'PUT', `${a.id}/helpful`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ helpfulCount: 1, votedHelpful: true });
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(5);
    // Others see the count, not the voter's vote.
    expect((await question(q.id, asker)).body.answers[0]).toMatchObject({ helpfulCount: 1, votedHelpful: false });

    const retracted = await act(voter, 'DELETE', `${a.id}/helpful`);
    expect(retracted.status).toBe(200);
    expect(retracted.body).toMatchObject({ helpfulCount: 0, votedHelpful: false });
    const noop = await act(voter, 'DELETE', `${a.id}/helpful`);
    expect(noop.status).toBe(200);
    expect(noop.body.helpfulCount).toBe(0);
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
    expect(await logOf(s.ctx.app, helper.id)).toEqual([
      { kind: 'award', source: 'helpful_vote_received', points: 5, awardKey: `helpful_vote:${a.id}:${voter.id}`, reason: null },
      { kind: 'revocation', source: 'helpful_vote_received', points: -5, awardKey: `helpful_vote:${a.id}:${voter.id}`, reason: 'vote_retracted' },
    ]);
    // The voter earns nothing for voting.
    expect(await logOf(s.ctx.app, voter.id)).toEqual([]);
  });

  it('refuses a vote for one’s own answer', async () => {
    const asker = await s.make.newMember();
    const helper = await s.make.newMember();
    const a = await answer(s.ctx.app, helper, (await ask(s.ctx.app, asker)).id);
    for (const method of ['PUT', 'DELETE']) {
      const res = await act(helper, method, `${a.id}/helpful`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('VOTE_OWN_CONTENT');
    }
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);
  });

  it('a teammate’s vote counts but gives no points (own partner)', async () => {
    const owner = await s.make.newMember('owner');
    const teammate = await s.make.newMember('teammate');
    const partner = await partnerFactories(s.ctx.app).newPartner(owner);
    await partnerFactories(s.ctx.app).addMember(partner, teammate, 'developer');
    const a = await answer(s.ctx.app, owner, (await ask(s.ctx.app, await s.make.newMember())).id);
    const voted = await act(teammate, 'PUT', `${a.id}/helpful`);
    expect(voted.status).toBe(200);
    expect(voted.body.helpfulCount).toBe(1);
    expect(await pointsOf(s.ctx.app, owner.id)).toBe(0);
    expect(await logOf(s.ctx.app, owner.id)).toEqual([]);
  });

  it('only the asker accepts, not another member nor a moderator; the answer’s author earns the acceptance', async () => {
    const asker = await s.make.newMember();
    const helper = await s.make.newMember();
    const other = await s.make.newMember();
    const moderator = await s.make.newStaff('moderator');
    const q = await ask(s.ctx.app, asker);
    const a = await answer(s.ctx.app, helper, q.id);
    for (const who of [other, moderator, helper]) {
      const res = await act(who, 'POST', `${a.id}/accept`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ANSWER_ACCEPT_FORBIDDEN');
      expect((await act(who, 'DELETE', `${a.id}/accept`)).body.error.code).toBe('ANSWER_ACCEPT_FORBIDDEN');
    }
    expect(await pointsOf(s.ctx.app, helper.id)).toBe(0);

    const accepted = await act(asker, 'POST', `${a.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ accepted: true, acceptedAnswerId: a.id, answers: [{ id: a.id, accepted: true }] });
    // Accepting again changes nothing.
    expect((await act(asker, 'POST', `${a.id}/accept`)).status).toBe(200);
    expect(await logOf(s.ctx.app, helper.id)).toEqual([{ kind: 'award', source: 'answer_accepted', points: 15, awardKey: `answer_accepted:${a.id}`, reason: null }]);
    const notes = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: helper.accessToken });
    expect(notes.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'community.answer_accepted' })]));
  });

  it('accepting another answer replaces the first and revokes its points; unaccepting revokes too; the accepted answer is listed first', async () => {
    const asker = await s.make.newMember();
    const first = await s.make.newMember();
    const second = await s.make.newMember();
    const voter = await s.make.newMember();
    const q = await ask(s.ctx.app, asker);
    const a1 = await answer(s.ctx.app, first, q.id, 'First answer');
    const a2 = await answer(s.ctx.app, second, q.id, 'Second answer');
    await act(voter, 'PUT', `${a1.id}/helpful`);
    expect((await question(q.id)).body.answers.map((a: { id: string }) => a.id)).toEqual([a1.id, a2.id]);

    await act(asker, 'POST', `${a1.id}/accept`);
    const replaced = await act(asker, 'POST', `${a2.id}/accept`);
    expect(replaced.body.acceptedAnswerId).toBe(a2.id);
    expect(replaced.body.answers.map((a: { id: string; accepted: boolean }) => [a.id, a.accepted])).toEqual([
      [a2.id, true],
      [a1.id, false],
    ]);
    expect(await pointsOf(s.ctx.app, first.id)).toBe(5);
    expect(await pointsOf(s.ctx.app, second.id)).toBe(15);
    expect((await logOf(s.ctx.app, first.id)).filter((l) => l.source === 'answer_accepted')).toEqual([
      expect.objectContaining({ kind: 'award', points: 15 }),
      expect.objectContaining({ kind: 'revocation', points: -15, reason: 'unaccepted' }),
    ]);

    // Unaccepting an answer that is not the accepted one changes nothing.
    expect((await act(asker, 'DELETE', `${a1.id}/accept`)).body.acceptedAnswerId).toBe(a2.id);
    const unaccepted = await act(asker, 'DELETE', `${a2.id}/accept`);
    expect(unaccepted.status).toBe(200);
    expect(unaccepted.body).toMatchObject({ accepted: false, acceptedAnswerId: null });
    expect(await pointsOf(s.ctx.app, second.id)).toBe(0);
    expect((await logOf(s.ctx.app, second.id)).at(-1)).toMatchObject({ kind: 'revocation', points: -15, reason: 'unaccepted' });
    // Accepting it again awards it again.
    await act(asker, 'POST', `${a2.id}/accept`);
    expect(await pointsOf(s.ctx.app, second.id)).toBe(15);
  });

  it('accepting one’s own answer is allowed and earns nothing', async () => {
    const asker = await s.make.newMember();
    const q = await ask(s.ctx.app, asker);
    const own = await answer(s.ctx.app, asker, q.id, 'Found it myself.');
    const res = await act(asker, 'POST', `${own.id}/accept`);
    expect(res.status).toBe(200);
    expect(res.body.acceptedAnswerId).toBe(own.id);
    expect(await logOf(s.ctx.app, asker.id)).toEqual([]);
  });

  it('two accepts racing end with one accepted answer and one standing award', async () => {
    const asker = await s.make.newMember();
    const q = await ask(s.ctx.app, asker);
    const helpers = [await s.make.newMember(), await s.make.newMember(), await s.make.newMember()];
    const answers = [];
    for (const helper of helpers) answers.push(await answer(s.ctx.app, helper, q.id));
    const results = await Promise.all(answers.map((a) => act(asker, 'POST', `${a.id}/accept`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const final = (await question(q.id)).body;
    const total = (await Promise.all(helpers.map((h) => pointsOf(s.ctx.app, h.id)))).reduce((sum, p) => sum + p, 0);
    expect(total).toBe(15);
    const winner = helpers[answers.findIndex((a) => a.id === final.acceptedAnswerId)];
    expect(await pointsOf(s.ctx.app, winner.id)).toBe(15);
  });
});
