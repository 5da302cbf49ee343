import { randomUUID } from 'node:crypto';
import { QuestionsService } from '../../apps/api/src/community/questions/questions.service.js';
import { partnerFactories } from '../partners/partner-factory.js';
import { answer, ask } from '../support/community.js';
import { call } from '../support/http.js';
import { newPublicListing, newPublisher } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';

describe('community questions: asking, reading, editing, commenting', () => {
  const s = useTestApp();
  const get = (id: string, token?: string) => call(s.ctx.app, 'GET', `/v1/community/questions/${id}`, { token });

  it('asks a question with Markdown, tags lower-cased and deduplicated, and keeps the original as revision 1', async () => {
    const member = await s.make.newMember('asker');
    const created = await call(s.ctx.app, 'POST', '/v1/community/questions', {
      token: member.accessToken,
      body: { title: '  How do I filter paid orders?  ', body: 'I want **only** paid orders.\n\n<script>alert(1)</script>', tags: ['Slack', 'slack', ' Webhooks '] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'How do I filter paid orders?',
      excerpt: 'I want only paid orders. <script>alert(1)</script>',
      tags: ['slack', 'webhooks'],
      listing: null,
      author: { id: member.id, displayName: 'asker', staff: false, partners: [] },
      answerCount: 0,
      accepted: false,
      acceptedAnswerId: null,
      hidden: null,
      editedAt: null,
      answers: [],
      comments: [],
      viewer: { canEdit: true, canAccept: true, canModerate: false },
    });
    // Raw HTML is shown as text, never as a tag.
    expect(created.body.bodyHtml).toContain('<strong>only</strong>');
    expect(created.body.bodyHtml).not.toContain('<script');

    const anonymous = await get(created.body.id);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.viewer).toEqual({ canEdit: false, canAccept: false, canModerate: false });

    const history = await call(s.ctx.app, 'GET', `/v1/community/questions/${created.body.id}/revisions`);
    expect(history.body).toEqual([expect.objectContaining({ revision: 1, title: 'How do I filter paid orders?', tags: ['slack', 'webhooks'], editor: expect.objectContaining({ id: member.id }) })]);
  });

  it('refuses bad input field by field', async () => {
    const member = await s.make.newMember();
    const bad = async (body: Record<string, unknown>) => {
      const res = await call(s.ctx.app, 'POST', '/v1/community/questions', { token: member.accessToken, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.details.map((d: { field: string }) => d.field);
    };
    expect(await bad({ title: 'short', body: 'x' })).toEqual(['title']);
    expect(await bad({ title: 'A long enough title', body: '   ' })).toEqual(['body']);
    expect(await bad({ title: 'A long enough title', body: 'x', tags: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual(['tags']);
    expect(await bad({ title: 'A long enough title', body: 'x', tags: ['no spaces allowed'] })).toEqual(['tags']);
    expect(await bad({ title: 'A long enough title\u0000', body: 'x\u0000' })).toEqual(['title', 'body']);
    expect(await bad({ title: 'A long enough title', body: 'x', listing: 'not a listing' })).toEqual(['listing']);
    expect(await bad({ title: 'A long enough title', body: 'x', extra: true })).toEqual(['extra']);
    // Answers and comments refuse NUL too (PostgreSQL cannot store it): a 400, never a 500.
    const question = await ask(s.ctx.app, member);
    for (const url of [`/v1/community/questions/${question.id}/answers`, `/v1/community/questions/${question.id}/comments`]) {
      const res = await call(s.ctx.app, 'POST', url, { token: member.accessToken, body: { body: 'x\u0000y' } });
      expect([url, res.status, res.body.error.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
    }
  });

  it('asks about a listing the asker can see; the partner’s answers are marked, a draft is not found for outsiders', async () => {
    const publisher = await newPublicListing(s.ctx.app);
    const member = await s.make.newMember('customer');
    const question = await ask(s.ctx.app, member, { listing: publisher.name });
    expect(question.listing).toEqual({ name: publisher.name, displayName: expect.any(String) });

    const developer = await s.make.newMember('developer');
    await partnerFactories(s.ctx.app).addMember(publisher.partner, developer, 'developer');
    const outsider = await s.make.newMember('outsider');
    const staff = await s.make.newStaff('reviewer');
    await answer(s.ctx.app, developer, question.id, 'From the team: use the filter.');
    await answer(s.ctx.app, outsider, question.id, 'I do it with a webhook.');
    await answer(s.ctx.app, staff, question.id, 'Staff here.');
    const page = await get(question.id);
    const byAuthor = Object.fromEntries(page.body.answers.map((a: { author: { id: string } }) => [a.author.id, a]));
    expect(byAuthor[developer.id]).toMatchObject({ byListingPartner: true, author: { partners: [{ namespace: publisher.partner.namespace }] } });
    expect(byAuthor[outsider.id]).toMatchObject({ byListingPartner: false, author: { partners: [], staff: false } });
    expect(byAuthor[staff.id]).toMatchObject({ byListingPartner: false, author: { staff: true } });

    const draft = await newPublisher(s.ctx.app);
    const refused = await call(s.ctx.app, 'POST', '/v1/community/questions', { token: member.accessToken, body: { title: 'About the draft listing', body: 'x', listing: draft.name } });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('LISTING_NOT_FOUND');
    const unknown = await call(s.ctx.app, 'POST', '/v1/community/questions', { token: member.accessToken, body: { title: 'About nothing at all', body: 'x', listing: 'nobody/nothing' } });
    expect(unknown.body.error.code).toBe('LISTING_NOT_FOUND');
    // Its own team may ask about the draft; the listing is shown to them and to nobody else.
    const own = await ask(s.ctx.app, draft.owner, { listing: draft.name });
    expect(own.listing).toMatchObject({ name: draft.name });
    expect((await get(own.id)).body.listing).toBeNull();
  });

  it('edits keep history: the author or a moderator edits, anyone else is refused; unchanged edits add nothing', async () => {
    const author = await s.make.newMember();
    const other = await s.make.newMember();
    const moderator = await s.make.newStaff('moderator');
    const question = await ask(s.ctx.app, author, { title: 'The first title of it', body: 'First body', tags: ['one'] });
    const url = `/v1/community/questions/${question.id}`;

    const edited = await call(s.ctx.app, 'PATCH', url, { token: author.accessToken, body: { body: 'Second body', tags: ['two', 'TWO'] } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'The first title of it', body: 'Second body', tags: ['two'], editedAt: expect.any(String) });
    const refused = await call(s.ctx.app, 'PATCH', url, { token: other.accessToken, body: { title: 'Somebody else’s title' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('EDIT_FORBIDDEN');
    expect((await call(s.ctx.app, 'PATCH', url, { token: moderator.accessToken, body: { title: 'A moderator’s clearer title' } })).status).toBe(200);
    expect((await call(s.ctx.app, 'PATCH', url, { token: author.accessToken, body: { title: 'A moderator’s clearer title' } })).status).toBe(200);

    const history = await call(s.ctx.app, 'GET', `${url}/revisions`);
    expect(history.body.map((r: { revision: number; title: string; body: string; tags: string[]; editor: { id: string } }) => [r.revision, r.title, r.body, r.tags, r.editor.id])).toEqual([
      [1, 'The first title of it', 'First body', ['one'], author.id],
      [2, 'The first title of it', 'Second body', ['two'], author.id],
      [3, 'A moderator’s clearer title', 'Second body', ['two'], moderator.id],
    ]);

    const reply = await answer(s.ctx.app, other, question.id, 'Answer v1');
    const answerUrl = `/v1/community/answers/${reply.id}`;
    expect((await call(s.ctx.app, 'PATCH', answerUrl, { token: author.accessToken, body: { body: 'Not mine' } })).body.error.code).toBe('EDIT_FORBIDDEN');
    const editedAnswer = await call(s.ctx.app, 'PATCH', answerUrl, { token: other.accessToken, body: { body: 'Answer v2' } });
    expect(editedAnswer.body).toMatchObject({ body: 'Answer v2', editedAt: expect.any(String) });
    const answerHistory = await call(s.ctx.app, 'GET', `${answerUrl}/revisions`);
    expect(answerHistory.body.map((r: { body: string }) => r.body)).toEqual(['Answer v1', 'Answer v2']);
  });

  it('comments on questions and answers move the question’s activity; answers count and notify the asker', async () => {
    const asker = await s.make.newMember();
    const helper = await s.make.newMember();
    const question = await ask(s.ctx.app, asker);
    const reply = await answer(s.ctx.app, helper, question.id);
    const afterAnswer = (await get(question.id)).body;
    expect(afterAnswer.answerCount).toBe(1);
    expect(afterAnswer.lastActivityAt > question.lastActivityAt).toBe(true);

    const onQuestion = await call(s.ctx.app, 'POST', `/v1/community/questions/${question.id}/comments`, { token: helper.accessToken, body: { body: 'Which version?' } });
    expect(onQuestion.status).toBe(201);
    expect(onQuestion.body).toMatchObject({ targetType: 'question', targetId: question.id, body: 'Which version?', author: { id: helper.id } });
    const onAnswer = await call(s.ctx.app, 'POST', `/v1/community/answers/${reply.id}/comments`, { token: asker.accessToken, body: { body: 'Thanks, **that** worked.' } });
    expect(onAnswer.status).toBe(201);

    const page = (await get(question.id)).body;
    expect(page.comments.map((c: { body: string }) => c.body)).toEqual(['Which version?']);
    expect(page.answers[0].comments).toEqual([expect.objectContaining({ body: 'Thanks, **that** worked.', bodyHtml: expect.stringContaining('<strong>that</strong>') })]);
    expect(page.lastActivityAt >= afterAnswer.lastActivityAt).toBe(true);

    const notes = await call(s.ctx.app, 'GET', '/v1/me/notifications', { token: asker.accessToken });
    expect(notes.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'community.question_answered', link: `/community/questions/${question.id}` })]));
  });

  it('answers 404 for ids that do not exist, 400 for ids that are not UUIDs', async () => {
    const member = await s.make.newMember();
    const missing = randomUUID();
    const cases: Array<[string, string, string]> = [
      ['GET', `/v1/community/questions/${missing}`, 'QUESTION_NOT_FOUND'],
      ['GET', `/v1/community/questions/${missing}/revisions`, 'QUESTION_NOT_FOUND'],
      ['PATCH', `/v1/community/questions/${missing}`, 'QUESTION_NOT_FOUND'],
      ['POST', `/v1/community/questions/${missing}/answers`, 'QUESTION_NOT_FOUND'],
      ['POST', `/v1/community/questions/${missing}/comments`, 'QUESTION_NOT_FOUND'],
      ['PATCH', `/v1/community/answers/${missing}`, 'ANSWER_NOT_FOUND'],
      ['GET', `/v1/community/answers/${missing}/revisions`, 'ANSWER_NOT_FOUND'],
      ['PUT', `/v1/community/answers/${missing}/helpful`, 'ANSWER_NOT_FOUND'],
      ['DELETE', `/v1/community/answers/${missing}/helpful`, 'ANSWER_NOT_FOUND'],
      ['POST', `/v1/community/answers/${missing}/accept`, 'ANSWER_NOT_FOUND'],
      ['DELETE', `/v1/community/answers/${missing}/accept`, 'ANSWER_NOT_FOUND'],
      ['POST', `/v1/community/answers/${missing}/comments`, 'ANSWER_NOT_FOUND'],
    ];
    const bodies: Record<string, unknown> = { PATCH: { body: 'Some text here' }, POST: { body: 'Some text here' } };
    for (const [method, url, code] of cases) {
      const res = await call(s.ctx.app, method, url, { token: member.accessToken, body: bodies[method] });
      expect([method, url, res.status, res.body.error?.code]).toEqual([method, url, 404, code]);
      const notUuid = await call(s.ctx.app, method, url.replace(missing, 'not-a-uuid'), { token: member.accessToken, body: bodies[method] });
      expect([method, url, notUuid.status, notUuid.body.error?.code]).toEqual([method, url, 400, 'VALIDATION_FAILED']);
    }
  });

  it('refuses API tokens on member routes (browser sessions only)', async () => {
    const member = await s.make.newMember();
    const question = await ask(s.ctx.app, await s.make.newMember());
    const reply = await answer(s.ctx.app, await s.make.newMember(), question.id);
    const token = await call(s.ctx.app, 'POST', '/v1/me/tokens', { token: member.accessToken, body: { name: 'ci', scopes: ['profile:read'] } });
    expect(token.status).toBe(201);
    const secret = token.body.token as string;
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/v1/community/questions', { title: 'Asked through a token', body: 'x' }],
      ['POST', `/v1/community/questions/${question.id}/answers`, { body: 'x' }],
      ['PUT', `/v1/community/answers/${reply.id}/helpful`, undefined],
      ['POST', `/v1/community/answers/${reply.id}/accept`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const res = await call(s.ctx.app, method, url, { token: secret, body });
      expect([url, res.status]).toEqual([url, 403]);
    }
  });

  it('counts a member’s visible questions, answers and accepted answers for their profile', async () => {
    const asker = await s.make.newMember();
    const helper = await s.make.newMember();
    const first = await ask(s.ctx.app, asker);
    await ask(s.ctx.app, asker);
    const accepted = await answer(s.ctx.app, helper, first.id);
    await answer(s.ctx.app, helper, first.id, 'Another way.');
    await call(s.ctx.app, 'POST', `/v1/community/answers/${accepted.id}/accept`, { token: asker.accessToken });
    const counts = s.ctx.app.get(QuestionsService);
    expect(await counts.countsFor(asker.id)).toEqual({ questions: 2, answers: 0, acceptedAnswers: 0 });
    expect(await counts.countsFor(helper.id)).toEqual({ questions: 0, answers: 2, acceptedAnswers: 1 });
  });
});
