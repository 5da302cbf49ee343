import { randomBytes } from 'node:crypto';
import { answer, ask } from '../support/community.js';
import { call } from '../support/http.js';
import { newPublicListing, newPublisher } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';

type Summary = { id: string; title: string; excerpt: string; tags: string[]; answerCount: number };

describe('community questions: the list, filters, sorting and full-text search', () => {
  const s = useTestApp();
  const list = async (query: string) => {
    const res = await call(s.ctx.app, 'GET', `/v1/community/questions?${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Summary[]; nextCursor: string | null };
  };
  const ids = async (query: string) => (await list(query)).items.map((q) => q.id);

  it('finds questions by words in their title or body, best match first, with English stemming', async () => {
    const member = await s.make.newMember();
    const word = `zq${randomBytes(3).toString('hex')}`;
    const inBody = await ask(s.ctx.app, member, { title: 'Something about orders in general', body: `We export data once; ${word} appears only here.` });
    const inBoth = await ask(s.ctx.app, member, { title: `Configuring ${word} webhooks`, body: `The ${word} ${word} settings keep failing when ${word} retries.` });
    await ask(s.ctx.app, member, { title: 'An unrelated question here', body: 'Nothing to see.' });
    expect(await ids(`q=${word}`)).toEqual([inBoth.id, inBody.id]);
    // Stemming: "configure" finds "Configuring"; web search syntax excludes with a minus.
    expect(await ids(`q=${encodeURIComponent(`configure ${word}`)}`)).toEqual([inBoth.id]);
    expect(await ids(`q=${encodeURIComponent(`${word} -webhooks`)}`)).toEqual([inBody.id]);
    expect(await ids(`q=${encodeURIComponent(`"${word} appears"`)}`)).toEqual([inBody.id]);
    // A query of stop words only matches nothing (it is not an error).
    expect(await list('q=the%20and%20of')).toEqual({ items: [], nextCursor: null });
  });

  it('tolerates hostile search text: quotes, operators, SQL and control characters never cause a 500', async () => {
    const hostile = [
      `'`,
      `"`,
      `'; DROP TABLE questions; --`,
      `&|!:*()<->`,
      `a & | b`,
      `!!!`,
      `(((`,
      `\\`,
      `foo:* & !bar`,
      `"unterminated`,
      `or or or`,
      `-`,
      `%_`,
      `\u0000nul`,
      `😀 emoji`,
      'x'.repeat(200),
      `${'a:* '.repeat(49)}a`,
    ];
    for (const q of hostile) {
      const res = await call(s.ctx.app, 'GET', `/v1/community/questions?q=${encodeURIComponent(q)}`);
      expect([q, res.status]).toEqual([q, 200]);
    }
    const long = await call(s.ctx.app, 'GET', `/v1/community/questions?q=${'x'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'q' }] });
    const sql = await call(s.ctx.app, 'GET', `/v1/community/questions?q=${encodeURIComponent(`'; DROP TABLE questions; --`)}&sort=unanswered&tag=sql`);
    expect(sql.status).toBe(200);
  });

  it('pages search results with a cursor and refuses a cursor it did not give out', async () => {
    const member = await s.make.newMember();
    const word = `pg${randomBytes(3).toString('hex')}`;
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push((await ask(s.ctx.app, member, { body: `${word} number ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: Summary[]; nextCursor: string | null } = await list(`q=${word}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((q) => q.id));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual([...made].sort());
    const bad = await call(s.ctx.app, 'GET', `/v1/community/questions?q=${word}&cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CURSOR');
  });

  it('filters by tag, author and listing; an unknown or unseen listing is not found', async () => {
    const member = await s.make.newMember();
    const other = await s.make.newMember();
    const tag = `t${randomBytes(3).toString('hex')}`;
    const tagged = await ask(s.ctx.app, member, { tags: [tag, 'common'] });
    const taggedByOther = await ask(s.ctx.app, other, { tags: [tag.toUpperCase()] });
    await ask(s.ctx.app, member, { tags: ['common'] });
    expect(await ids(`tag=${tag}`)).toEqual([taggedByOther.id, tagged.id]);
    expect(await ids(`tag=${tag.toUpperCase()}`)).toEqual([taggedByOther.id, tagged.id]);
    expect(await ids(`tag=${tag}&author=${member.id}`)).toEqual([tagged.id]);
    expect((await call(s.ctx.app, 'GET', '/v1/community/questions?tag=not%20a%20tag')).status).toBe(400);
    expect((await call(s.ctx.app, 'GET', '/v1/community/questions?author=nope')).status).toBe(400);

    const publisher = await newPublicListing(s.ctx.app);
    const about = await ask(s.ctx.app, member, { listing: publisher.name });
    expect(await ids(`listing=${publisher.name}`)).toEqual([about.id]);
    const draft = await newPublisher(s.ctx.app);
    for (const name of [draft.name, 'nobody/nothing']) {
      const res = await call(s.ctx.app, 'GET', `/v1/community/questions?listing=${name}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('LISTING_NOT_FOUND');
    }
  });

  it('sorts newest first, by latest activity, or unanswered only, and pages with a cursor', async () => {
    const member = await s.make.newMember();
    const tag = `s${randomBytes(3).toString('hex')}`;
    const older = await ask(s.ctx.app, member, { tags: [tag] });
    const middle = await ask(s.ctx.app, member, { tags: [tag] });
    const newest = await ask(s.ctx.app, member, { tags: [tag] });
    await answer(s.ctx.app, await s.make.newMember(), older.id);

    expect(await ids(`tag=${tag}`)).toEqual([newest.id, middle.id, older.id]);
    expect(await ids(`tag=${tag}&sort=active`)).toEqual([older.id, newest.id, middle.id]);
    expect(await ids(`tag=${tag}&sort=unanswered`)).toEqual([newest.id, middle.id]);
    const withCounts = await list(`tag=${tag}`);
    expect(withCounts.items.map((q) => q.answerCount)).toEqual([0, 0, 1]);

    const first = await list(`tag=${tag}&sort=active&limit=2`);
    expect(first.items.map((q) => q.id)).toEqual([older.id, newest.id]);
    const second = await list(`tag=${tag}&sort=active&limit=2&cursor=${first.nextCursor}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: middle.id })], nextCursor: null });
    expect((await call(s.ctx.app, 'GET', '/v1/community/questions?sort=popular')).status).toBe(400);
  });

  it('gives a plain-text excerpt of at most 200 characters', async () => {
    const member = await s.make.newMember();
    const long = await ask(s.ctx.app, member, { body: `# Heading\n\nSome **bold** and [a link](https://example.com) and \`code\`.\n\n${'word '.repeat(100)}` });
    const [summary] = (await list(`author=${member.id}`)).items;
    expect(summary.id).toBe(long.id);
    expect(summary.excerpt.startsWith('Heading Some bold and a link and code. word')).toBe(true);
    expect(summary.excerpt.length).toBeLessThanOrEqual(200);
    expect(summary.excerpt.endsWith('…')).toBe(true);
  });

  it('lists the most used tags of visible questions', async () => {
    const member = await s.make.newMember();
    const popular = `p${randomBytes(3).toString('hex')}`;
    await ask(s.ctx.app, member, { tags: [popular, 'rare-one'] });
    await ask(s.ctx.app, member, { tags: [popular] });
    await ask(s.ctx.app, member, { tags: [popular] });
    const tags = await call(s.ctx.app, 'GET', '/v1/community/questions/tags');
    expect(tags.status).toBe(200);
    expect(tags.body).toEqual(expect.arrayContaining([{ tag: popular, count: 3 }, { tag: 'rare-one', count: 1 }]));
    expect(tags.body.length).toBeLessThanOrEqual(50);
  });
});
