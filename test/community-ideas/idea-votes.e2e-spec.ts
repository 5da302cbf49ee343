import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { ideaRoutes } from './ideas.js';

describe('idea votes: one per member, retractable', () => {
  const s = useTestApp();
  const ideas = ideaRoutes(() => s.ctx.app);
  const storedVotes = async (ideaId: string) =>
    Number((await s.ctx.app.get(DataSource).query<Array<{ n: string }>>(`SELECT count(*) AS n FROM idea_votes WHERE idea_id = $1`, [ideaId]))[0].n);

  it('counts a member’s vote once however often it is sent, and takes it back on DELETE', async () => {
    const author = await s.make.newMember('author');
    const voter = await s.make.newMember('voter');
    const idea = await ideas.submit(author);

    const first = await ideas.vote(voter, idea.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ voteCount: 1, voted: true });
    const again = await ideas.vote(voter, idea.id);
    expect(again.body).toMatchObject({ voteCount: 1, voted: true });
    expect(await storedVotes(idea.id)).toBe(1);
    // Others see the count, not the voter's mark.
    expect((await ideas.get(null, idea.id)).body).toMatchObject({ voteCount: 1, voted: false });
    expect((await ideas.get(author, idea.id)).body).toMatchObject({ voteCount: 1, voted: false });

    const retracted = await ideas.retract(voter, idea.id);
    expect(retracted.status).toBe(200);
    expect(retracted.body).toMatchObject({ voteCount: 0, voted: false });
    const nothing = await ideas.retract(voter, idea.id);
    expect(nothing.body).toMatchObject({ voteCount: 0, voted: false });
    expect(await storedVotes(idea.id)).toBe(0);

    // Voting again after retracting counts again; votes earn nobody points.
    expect((await ideas.vote(voter, idea.id)).body.voteCount).toBe(1);
    expect(await ideas.ledger(author.id)).toEqual([]);
  });

  it('refuses a vote for one’s own idea, and anonymous votes', async () => {
    const author = await s.make.newMember('author');
    const idea = await ideas.submit(author);
    const own = await ideas.vote(author, idea.id);
    expect([own.status, own.body.error.code]).toEqual([403, 'VOTE_OWN_CONTENT']);
    expect((await ideas.retract(author, idea.id)).body.voteCount).toBe(0);
    expect((await call(s.ctx.app, 'PUT', `/v1/community/ideas/${idea.id}/vote`)).status).toBe(401);
    const missing = await ideas.vote(author, '2f1e7a3c-0d4b-4e8e-9c55-6f7d1b2a3c4d');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'IDEA_NOT_FOUND']);
    expect(await storedVotes(idea.id)).toBe(0);
  });

  it('keeps the count equal to the votes when many arrive at once, twice from each member', async () => {
    const author = await s.make.newMember('author');
    const idea = await ideas.submit(author);
    const voters = await Promise.all(Array.from({ length: 8 }, (_, n) => s.make.newMember(`crowd${n}`)));
    const results = await Promise.all(voters.flatMap((voter) => [ideas.vote(voter, idea.id), ideas.vote(voter, idea.id)]));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect((await ideas.get(null, idea.id)).body.voteCount).toBe(8);
    expect(await storedVotes(idea.id)).toBe(8);

    await Promise.all(voters.slice(0, 5).flatMap((voter) => [ideas.retract(voter, idea.id), ideas.retract(voter, idea.id)]));
    expect((await ideas.get(null, idea.id)).body.voteCount).toBe(3);
    expect(await storedVotes(idea.id)).toBe(3);
  });
});
