import { DataSource } from 'typeorm';
import { partnerFactories } from '../partners/partner-factory.js';
import { newPublicListing } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { ideaRoutes } from './ideas.js';

describe('idea status: who moves ideas, where they may go, the points and who is told', () => {
  const s = useTestApp();
  const ideas = ideaRoutes(() => s.ctx.app);

  /** Every status an idea can be in, reached by a moderator through allowed moves. */
  const PATHS: Record<string, string[]> = {
    open: [],
    under_review: ['under_review'],
    planned: ['planned'],
    declined: ['declined'],
    shipped: ['planned', 'shipped'],
  };
  const ALLOWED: Record<string, string[]> = {
    open: ['under_review', 'planned', 'declined'],
    under_review: ['planned', 'declined'],
    planned: ['shipped', 'declined', 'under_review'],
    declined: ['under_review'],
    shipped: [],
  };

  it('allows exactly the documented transitions; every other one is 409', async () => {
    const moderator = await s.make.newStaff('moderator');
    const author = await s.make.newMember('author');
    for (const [from, path] of Object.entries(PATHS)) {
      for (const to of ['under_review', 'planned', 'shipped', 'declined']) {
        const idea = await ideas.submit(author);
        await ideas.walk(moderator, idea.id, ...path);
        const res = await ideas.move(moderator, idea.id, to, `Moving from ${from} to ${to}.`);
        if (ALLOWED[from].includes(to)) {
          expect([from, to, res.status, res.body.status]).toEqual([from, to, 200, to]);
        } else {
          expect([from, to, res.status, res.body.error?.code]).toEqual([from, to, 409, 'IDEA_TRANSITION_INVALID']);
          expect(res.body.error.details).toEqual({ from, to, allowed: ALLOWED[from] });
          expect((await ideas.get(null, idea.id)).body.status).toBe(from);
        }
      }
    }
    const idea = await ideas.submit(author);
    for (const body of [{ status: 'open', note: 'Back to open.' }, { status: 'planned', note: 'no' }, { status: 'planned' }, { status: 'planned', note: 'x'.repeat(2001) }]) {
      const res = await s.ctx.app.inject({ method: 'POST', url: `/v1/community/ideas/${idea.id}/status`, headers: { authorization: `Bearer ${moderator.accessToken}` }, payload: body });
      expect(res.statusCode).toBe(400);
    }
  });

  it('lets moderators move any idea and a listing’s owner and developers move ideas about their listing only', async () => {
    const moderator = await s.make.newStaff('moderator');
    const admin = await s.make.newStaff('admin');
    const reviewer = await s.make.newStaff('reviewer');
    const publisher = await newPublicListing(s.ctx.app);
    const other = await newPublicListing(s.ctx.app);
    const developer = await s.make.newMember('developer');
    const finance = await s.make.newMember('finance');
    await partnerFactories(s.ctx.app).addMember(publisher.partner, developer, 'developer');
    await partnerFactories(s.ctx.app).addMember(publisher.partner, finance, 'finance');
    const author = await s.make.newMember('author');
    const member = await s.make.newMember('member');

    const aboutListing = await ideas.submit(author, { listing: publisher.name });
    const aboutOther = await ideas.submit(author, { listing: other.name });
    const aboutGuild = await ideas.submit(author);

    for (const who of [member, author, finance, reviewer]) {
      const res = await ideas.move(who, aboutListing.id, 'under_review');
      expect([res.status, res.body.error.code]).toEqual([403, 'IDEA_STATUS_FORBIDDEN']);
    }
    expect((await ideas.get(member, aboutListing.id)).body.viewer.canMoveStatus).toBe(false);
    expect((await ideas.get(publisher.owner, aboutListing.id)).body.viewer.canMoveStatus).toBe(true);
    expect((await ideas.move(publisher.owner, aboutListing.id, 'under_review')).status).toBe(200);
    const planned = await ideas.move(developer, aboutListing.id, 'planned', 'Coming in 2.0.');
    expect(planned.status).toBe(200);
    expect(planned.body.history).toEqual([
      { from: 'open', to: 'under_review', note: 'Decided after discussion.', actor: expect.objectContaining({ id: publisher.owner.id }), at: expect.any(String) },
      { from: 'under_review', to: 'planned', note: 'Coming in 2.0.', actor: expect.objectContaining({ id: developer.id, partners: [{ namespace: publisher.partner.namespace, name: publisher.partner.name }] }), at: expect.any(String) },
    ]);
    expect(planned.body).toMatchObject({ status: 'planned', statusNote: 'Coming in 2.0.', statusChangedAt: expect.any(String) });

    // Not ideas about another partner's listing, nor about Guild itself.
    for (const id of [aboutOther.id, aboutGuild.id]) {
      const res = await ideas.move(publisher.owner, id, 'under_review');
      expect([res.status, res.body.error.code]).toEqual([403, 'IDEA_STATUS_FORBIDDEN']);
    }
    expect((await ideas.move(moderator, aboutGuild.id, 'under_review')).status).toBe(200);
    expect((await ideas.move(admin, aboutOther.id, 'declined')).status).toBe(200);

    // A partner planning its own teammate's idea earns the teammate nothing.
    const teammateIdea = await ideas.submit(developer, { listing: publisher.name });
    expect((await ideas.move(publisher.owner, teammateIdea.id, 'planned')).status).toBe(200);
    expect(await ideas.points(developer.id)).toBe(0);
  });

  it('awards the author for planning, takes it back when the plan is dropped, and credits them when it ships', async () => {
    const moderator = await s.make.newStaff('moderator');
    const author = await s.make.newMember('author');
    const idea = await ideas.submit(author);
    const other = await ideas.submit(author);

    await ideas.walk(moderator, idea.id, 'planned');
    expect(await ideas.points(author.id)).toBe(10);
    await ideas.walk(moderator, idea.id, 'under_review');
    expect(await ideas.points(author.id)).toBe(0);
    await ideas.walk(moderator, idea.id, 'planned');
    expect(await ideas.points(author.id)).toBe(10);
    const shipped = await ideas.walk(moderator, idea.id, 'shipped');
    expect(await ideas.points(author.id)).toBe(50);
    expect(shipped.credits).toEqual([{ member: expect.objectContaining({ id: author.id }), role: 'author', commentId: null }]);
    expect(shipped.viewer).toMatchObject({ canMoveStatus: false, canCredit: true });

    await ideas.walk(moderator, other.id, 'planned', 'declined');
    expect((await ideas.ledger(author.id)).map((l) => [l.kind, l.source, l.points, l.awardKey, l.reason])).toEqual([
      ['award', 'idea_planned', 10, `idea_planned:${idea.id}`, null],
      ['revocation', 'idea_planned', -10, `idea_planned:${idea.id}`, 'idea_unplanned'],
      ['award', 'idea_planned', 10, `idea_planned:${idea.id}`, null],
      ['award', 'idea_shipped', 40, `idea_shipped:${idea.id}:${author.id}`, null],
      ['award', 'idea_planned', 10, `idea_planned:${other.id}`, null],
      ['revocation', 'idea_planned', -10, `idea_planned:${other.id}`, 'idea_unplanned'],
    ]);
    expect(await ideas.points(author.id)).toBe(50);
    const content = await s.ctx.app.get(DataSource).query<Array<{ content_type: string; content_id: string }>>(
      `SELECT DISTINCT content_type, content_id FROM contribution_events WHERE user_id = $1 ORDER BY content_id`,
      [author.id],
    );
    expect(content).toEqual(expect.arrayContaining([{ content_type: 'idea', content_id: idea.id }]));
    expect(content.every((c) => c.content_type === 'idea')).toBe(true);
  });

  it('tells the author (in-app and by email) and the voters (in-app), never the mover', async () => {
    const moderator = await s.make.newStaff('moderator');
    const author = await s.make.newMember('author');
    const voter = await s.make.newMember('voter');
    const idea = await ideas.submit(author, { title: 'Tell me when this moves' });
    await ideas.vote(voter, idea.id);
    await ideas.vote(moderator, idea.id);
    await ideas.walk(moderator, idea.id, 'planned');

    const told = await ideas.notifications(author);
    expect(told).toEqual([
      expect.objectContaining({ kind: 'idea.status_changed', title: 'Idea planned: Tell me when this moves', link: `/community/ideas/${idea.id}`, body: expect.stringContaining('Decided after discussion.') }),
    ]);
    expect(await ideas.notifications(voter)).toEqual([expect.objectContaining({ kind: 'idea.status_changed', link: `/community/ideas/${idea.id}` })]);
    expect(await ideas.notifications(moderator)).toEqual([]);
    const emails = await s.ctx.app.get(DataSource).query<Array<{ to_address: string; subject: string }>>(`SELECT to_address, subject FROM email_outbox WHERE subject LIKE $1`, [
      '%Tell me when this moves%',
    ]);
    expect(emails).toEqual([{ to_address: author.email.toLowerCase(), subject: 'Idea planned: Tell me when this moves' }]);
  });

  it('credits contributors chosen by staff on a shipped idea, replacing the previous set', async () => {
    const moderator = await s.make.newStaff('moderator');
    const author = await s.make.newMember('author');
    const [ann, ben, cat] = await Promise.all(['ann', 'ben', 'cat'].map((n) => s.make.newMember(n)));
    const idea = await ideas.submit(author);
    const elsewhere = await ideas.submit(author);
    const annSays = (await ideas.comment(ann, idea.id, 'Make it work offline.')).body;
    const annAgain = (await ideas.comment(ann, idea.id, 'And sync later.')).body;
    const benSays = (await ideas.comment(ben, idea.id, 'Export to CSV too.')).body;
    const catSays = (await ideas.comment(cat, idea.id, 'Spam link.')).body;
    const authorSays = (await ideas.comment(author, idea.id, 'Thanks all!')).body;
    const catElsewhere = (await ideas.comment(cat, elsewhere.id, 'On another idea.')).body;
    expect((await s.ctx.app.inject({ method: 'POST', url: `/v1/staff/community/comments/${catSays.id}/hide`, headers: { authorization: `Bearer ${moderator.accessToken}` }, payload: { reason: 'Spam.' } })).statusCode).toBe(200);

    const early = await ideas.credit(moderator, idea.id, [annSays.id]);
    expect([early.status, early.body.error.code]).toEqual([409, 'IDEA_NOT_SHIPPED']);
    await ideas.walk(moderator, idea.id, 'planned', 'shipped');
    expect((await ideas.credit(ann, idea.id, [annSays.id])).status).toBe(403);
    const reviewer = await s.make.newStaff('reviewer');
    expect((await ideas.credit(reviewer, idea.id, [annSays.id])).status).toBe(403);

    for (const bad of [[catSays.id], [catElsewhere.id], ['5b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'], [benSays.id, authorSays.id]]) {
      const res = await ideas.credit(moderator, idea.id, bad);
      expect([res.status, res.body.error.code]).toEqual([422, 'IDEA_CREDIT_INVALID']);
      expect(res.body.error.details.commentIds).toEqual([bad.at(-1)]);
    }
    expect((await ideas.credit(moderator, idea.id, ['not-a-uuid'])).status).toBe(400);
    expect((await ideas.credit(moderator, idea.id, Array.from({ length: 21 }, () => annSays.id))).status).toBe(400);
    expect(await ideas.points(ann.id)).toBe(0);

    const credited = await ideas.credit(moderator, idea.id, [annSays.id, annAgain.id, benSays.id]);
    expect(credited.status).toBe(200);
    const rows = credited.body.credits.map((c: { member: { id: string }; role: string; commentId: string | null }) => [c.member.id, c.role, c.commentId]);
    expect(rows[0]).toEqual([author.id, 'author', null]);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        [ann.id, 'contributor', annSays.id],
        [ben.id, 'contributor', benSays.id],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect([await ideas.points(ann.id), await ideas.points(ben.id)]).toEqual([40, 40]);
    expect((await ideas.notifications(ann)).map((n) => n.kind)).toEqual(['idea.credited']);
    // Anyone reading the idea sees the names.
    expect((await ideas.get(null, idea.id)).body.credits.map((c: { member: { displayName: string } }) => c.member.displayName).sort()).toEqual(['ann', 'author', 'ben']);

    // Sending the same set again changes nothing.
    expect((await ideas.credit(moderator, idea.id, [annSays.id, benSays.id])).status).toBe(200);
    expect((await ideas.ledger(ann.id)).length).toBe(1);

    // A new set replaces the old one: Ann's credit and points go, Ben's stay as they were.
    const replaced = await ideas.credit(moderator, idea.id, [benSays.id]);
    expect(replaced.body.credits.map((c: { member: { id: string } }) => c.member.id)).toEqual([author.id, ben.id]);
    expect(await ideas.points(ann.id)).toBe(0);
    expect((await ideas.ledger(ann.id)).map((l) => [l.kind, l.points, l.reason])).toEqual([
      ['award', 40, null],
      ['revocation', -40, 'credit_removed'],
    ]);
    expect((await ideas.ledger(ben.id)).length).toBe(1);

    const cleared = await ideas.credit(moderator, idea.id, []);
    expect(cleared.body.credits.map((c: { role: string }) => c.role)).toEqual(['author']);
    expect(await ideas.points(ben.id)).toBe(0);
    expect(await ideas.points(author.id)).toBe(50);
    const audit = await s.ctx.app.get(DataSource).query<Array<{ details: { added: string[]; removed: string[] } }>>(
      `SELECT details FROM audit_events WHERE target_id = $1 AND action = 'community.idea.credited' ORDER BY occurred_at`,
      [idea.id],
    );
    expect(audit.map((a) => [[...a.details.added].sort(), a.details.removed])).toEqual([
      [[ann.id, ben.id].sort(), []],
      [[], [ann.id]],
      [[], [ben.id]],
    ]);

    // Hiding the shipped idea revokes every award it earned, its contributors' too.
    await ideas.credit(moderator, idea.id, [annSays.id]);
    expect(await ideas.points(ann.id)).toBe(40);
    await ideas.hide(moderator, idea.id);
    expect([await ideas.points(author.id), await ideas.points(ann.id)]).toEqual([0, 0]);
    await ideas.unhide(moderator, idea.id);
    expect([await ideas.points(author.id), await ideas.points(ann.id)]).toEqual([50, 40]);
  });
});
