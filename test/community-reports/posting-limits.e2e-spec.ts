import { answer, ask } from '../support/community.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('community posting limits: a flood stops at the hourly limit', () => {
  const s = useTestApp({ GUILD_COMMUNITY_POSTS_PER_HOUR: '3', GUILD_COMMUNITY_REPLIES_PER_HOUR: '2' });

  it('the 4th question or idea in an hour is 429 POSTING_TOO_FAST with retryAfterSeconds; another member is unaffected', async () => {
    const spammer = await s.make.newMember('spammer');
    await ask(s.ctx.app, spammer);
    await ask(s.ctx.app, spammer);
    await call(s.ctx.app, 'POST', '/v1/community/ideas', { token: spammer.accessToken, body: { title: 'Ideas count with questions', body: 'Yes.' } });

    const fourth = await call(s.ctx.app, 'POST', '/v1/community/questions', { token: spammer.accessToken, body: { title: 'One question too many this hour', body: 'Spam.' } });
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('POSTING_TOO_FAST');
    expect(fourth.body.error.details).toEqual({ limit: 3, retryAfterSeconds: expect.any(Number) });
    expect(fourth.body.error.details.retryAfterSeconds).toBeGreaterThan(3000);
    expect(fourth.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(fourth.headers['retry-after']).toBe(String(fourth.body.error.details.retryAfterSeconds));
    const idea = await call(s.ctx.app, 'POST', '/v1/community/ideas', { token: spammer.accessToken, body: { title: 'One idea too many this hour', body: 'Spam.' } });
    expect(idea.body.error.code).toBe('POSTING_TOO_FAST');
    // Nothing was saved.
    const mine = await call(s.ctx.app, 'GET', `/v1/community/questions?author=${spammer.id}`);
    expect(mine.body.items).toHaveLength(2);

    const other = await s.make.newMember('other');
    await ask(s.ctx.app, other);
  });

  it('answers and comments share their own limit', async () => {
    const asker = await s.make.newMember('asker');
    const replier = await s.make.newMember('replier');
    const q = await ask(s.ctx.app, asker);
    await answer(s.ctx.app, replier, q.id);
    expect((await call(s.ctx.app, 'POST', `/v1/community/questions/${q.id}/comments`, { token: replier.accessToken, body: { body: 'And a comment.' } })).status).toBe(201);
    const third = await call(s.ctx.app, 'POST', `/v1/community/questions/${q.id}/answers`, { token: replier.accessToken, body: { body: 'A third reply.' } });
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('POSTING_TOO_FAST');
    const comment = await call(s.ctx.app, 'POST', `/v1/community/questions/${q.id}/comments`, { token: replier.accessToken, body: { body: 'Another comment.' } });
    expect(comment.body.error.code).toBe('POSTING_TOO_FAST');
    // Replies do not use up questions.
    await ask(s.ctx.app, replier);
  });

  it('staff are not limited', async () => {
    const moderator = await s.make.newStaff('moderator');
    for (let i = 0; i < 5; i += 1) await ask(s.ctx.app, moderator);
  });
});
