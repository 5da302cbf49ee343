import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { newPublicListing, newPublisher } from '../support/plugin-listings.js';
import { useTestApp } from '../support/suite.js';
import { ideaRoutes } from './ideas.js';

describe('ideas: submitting, reading, editing, searching, sorting and moderation', () => {
  const s = useTestApp();
  const ideas = ideaRoutes(() => s.ctx.app);

  it('lets a member submit an idea that anyone can read, with its history of edits and its comments', async () => {
    const ada = await s.make.newMember('Ada');
    const bob = await s.make.newMember('Bob');
    const created = await ideas.submit(ada, { title: '  Dark mode for the portal  ', body: '# Please\n\nAdd a *dark* theme <script>alert(1)</script>' });
    expect(created).toMatchObject({
      title: 'Dark mode for the portal',
      status: 'open',
      statusNote: null,
      listing: null,
      author: { id: ada.id, displayName: 'Ada', staff: false, partners: [] },
      voteCount: 0,
      voted: false,
      commentCount: 0,
      hidden: null,
      excerpt: 'Please Add a dark theme <script>alert(1)</script>',
      history: [],
      credits: [],
      comments: [],
      viewer: { canEdit: true, canMoveStatus: false, canCredit: false, canModerate: false },
    });
    expect(created.bodyHtml).toContain('<em>dark</em>');
    expect(created.bodyHtml).not.toContain('<script>');

    const anonymous = await ideas.get(null, created.id);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.viewer).toEqual({ canEdit: false, canMoveStatus: false, canCredit: false, canModerate: false });

    const comment = await ideas.comment(bob, created.id, 'A dark theme would help at night.');
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ targetType: 'idea', targetId: created.id, author: { id: bob.id } });
    expect((await ideas.get(bob, created.id)).body).toMatchObject({ commentCount: 1, comments: [{ id: comment.body.id, body: 'A dark theme would help at night.' }] });

    // Only the author (or a moderator) edits; every version is kept.
    const refused = await call(s.ctx.app, 'PATCH', `/v1/community/ideas/${created.id}`, { token: bob.accessToken, body: { title: 'Bob rewrites the title' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('EDIT_FORBIDDEN');
    const edited = await call(s.ctx.app, 'PATCH', `/v1/community/ideas/${created.id}`, { token: ada.accessToken, body: { body: 'Add a dark theme, following the system setting.' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Dark mode for the portal', body: 'Add a dark theme, following the system setting.', editedAt: expect.any(String) });
    const moderator = await s.make.newStaff('moderator');
    expect((await call(s.ctx.app, 'PATCH', `/v1/community/ideas/${created.id}`, { token: moderator.accessToken, body: { title: 'Dark mode for the whole portal' } })).status).toBe(200);
    const revisions = await call(s.ctx.app, 'GET', `/v1/community/ideas/${created.id}/revisions`);
    expect(revisions.body.map((r: { revision: number; title: string; editor: { id: string } }) => [r.revision, r.title, r.editor.id])).toEqual([
      [1, 'Dark mode for the portal', ada.id],
      [2, 'Dark mode for the portal', ada.id],
      [3, 'Dark mode for the whole portal', moderator.id],
    ]);
  });

  it('refuses bad input with field messages, never a 500', async () => {
    const ada = await s.make.newMember('Ada');
    const post = (body: unknown) => call(s.ctx.app, 'POST', '/v1/community/ideas', { token: ada.accessToken, body });
    for (const [body, message] of [
      [{ title: 'Too short', body: 'x' }, 'title must be 10 to 200 characters'],
      [{ title: 'x'.repeat(201), body: 'x' }, 'title must be 10 to 200 characters'],
      [{ title: 'A perfectly fine title', body: '   ' }, 'body must be 1 to 20000 characters'],
      [{ title: 'A perfectly fine title', body: 'x'.repeat(20001) }, 'body must be 1 to 20000 characters'],
      [{ title: 'A title with a \u0000 NUL', body: 'x' }, 'title must be one line of text'],
      [{ title: 'A perfectly fine title', body: 'nul \u0000 byte' }, 'body must not contain control characters'],
      [{ title: 'A perfectly fine title', body: 'x', listing: '../../etc' }, 'listing must be a listing name, namespace/plugin'],
      [{ title: 12345678901, body: 'x' }, 'title must be text'],
    ] as const) {
      const res = await post(body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body.error)).toContain(message);
    }
    const missing = await post({ title: 'A perfectly fine title', body: 'x', listing: 'nobody/nothing' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
    expect((await call(s.ctx.app, 'GET', '/v1/community/ideas/not-a-uuid')).status).toBe(400);
    const unknown = await call(s.ctx.app, 'GET', '/v1/community/ideas/7b0c6a9e-6d55-4a4c-9d55-1f1e3c6b2a11');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'IDEA_NOT_FOUND']);
    expect((await call(s.ctx.app, 'POST', '/v1/community/ideas', { body: { title: 'A perfectly fine title', body: 'x' } })).status).toBe(401);
  });

  it('files ideas under a listing the member can see, and lists them by listing', async () => {
    const publisher = await newPublicListing(s.ctx.app);
    const draft = await newPublisher(s.ctx.app);
    const ada = await s.make.newMember('Ada');
    const idea = await ideas.submit(ada, { listing: publisher.name, title: 'Post to several Slack channels' });
    expect(idea.listing).toEqual({ name: publisher.name, displayName: expect.any(String) });
    await ideas.submit(ada, { title: 'An idea about Guild itself' });

    // A draft listing is invisible to outsiders: the same 404 as a missing one.
    const hiddenListing = await call(s.ctx.app, 'POST', '/v1/community/ideas', { token: ada.accessToken, body: { title: 'About a draft listing', body: 'x', listing: draft.name } });
    expect([hiddenListing.status, hiddenListing.body.error.code]).toEqual([404, 'LISTING_NOT_FOUND']);
    expect((await ideas.list(null, `listing=${draft.name}`)).status).toBe(404);

    const byListing = await ideas.list(null, `listing=${publisher.name}`);
    expect(byListing.body.items.map((i: { id: string }) => i.id)).toEqual([idea.id]);
  });

  it('searches titles and bodies, tolerating any text a member may type', async () => {
    const ada = await s.make.newMember('Ada');
    const marker = `zebrafish${Date.now().toString(36)}`;
    const wanted = await ideas.submit(ada, { title: `Export invoices as ${marker} spreadsheets`, body: 'CSV and XLSX exports of every invoice.' });
    const other = await ideas.submit(ada, { title: 'Import customers from a file', body: `Bulk import, and ${marker} support later.` });
    await ideas.submit(ada, { title: 'Something unrelated entirely', body: 'Nothing to see.' });

    const found = await ideas.list(null, `q=${encodeURIComponent(marker)}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { id: string }) => i.id).sort()).toEqual([wanted.id, other.id].sort());
    expect((await ideas.list(null, `q=${encodeURIComponent(`${marker} -invoices`)}`)).body.items.map((i: { id: string }) => i.id)).toEqual([other.id]);
    expect((await ideas.list(null, `q=${encodeURIComponent(`"${marker} spreadsheets"`)}`)).body.items.map((i: { id: string }) => i.id)).toEqual([wanted.id]);

    for (const hostile of ["'; DROP TABLE ideas; --", '!!!&&&|||', '(((', ':*', '"', '\\', '<->', '\u0000\u0001', 'a'.repeat(5000), '🙂 😀', "o'reilly & sons | !x", '-', 'or']) {
      const res = await ideas.list(null, `q=${encodeURIComponent(hostile)}`);
      expect([hostile.slice(0, 20), res.status]).toEqual([hostile.slice(0, 20), 200]);
    }
  });

  it('sorts the board by votes with stable pages, by newest and by latest status change; bad cursors are 400', async () => {
    const moderator = await s.make.newStaff('moderator');
    const author = await s.make.newMember('Author');
    const voters = await Promise.all([1, 2, 3].map((n) => s.make.newMember(`voter${n}`)));
    const tag = `sortcheck${Date.now().toString(36)}`;
    const made: any[] = [];
    for (let n = 0; n < 7; n += 1) made.push(await ideas.submit(author, { title: `Sortable idea ${n} ${tag}`, body: `Body ${tag}` }));
    // Submitted a minute apart, an hour ago (two submissions within one millisecond would tie).
    for (const [n, idea] of made.entries()) {
      await s.ctx.app.get(DataSource).query(`UPDATE ideas SET created_at = now() - interval '1 hour' + $2 * interval '1 minute' WHERE id = $1`, [idea.id, n]);
    }
    // votes: idea 2 → 3 votes, idea 5 → 2, ideas 0 and 6 → 1, the rest none (ties: newest first).
    for (const [index, count] of [[2, 3], [5, 2], [0, 1], [6, 1]] as const) {
      for (const voter of voters.slice(0, count)) expect((await ideas.vote(voter, made[index].id)).status).toBe(200);
    }
    const expected = [2, 5, 6, 0, 4, 3, 1].map((i) => made[i].id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ideas.list(voters[0], `q=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    const first = await ideas.list(voters[0], `q=${tag}&limit=2`);
    expect(first.body.items.map((i: { voteCount: number; voted: boolean }) => [i.voteCount, i.voted])).toEqual([
      [3, true],
      [2, true],
    ]);

    const newest = await ideas.list(null, `q=${tag}&sort=newest&limit=4`);
    expect(newest.body.items.map((i: { id: string }) => i.id)).toEqual([6, 5, 4, 3].map((i) => made[i].id));
    const rest = await ideas.list(null, `q=${tag}&sort=newest&limit=4&cursor=${newest.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [2, 1, 0].map((i) => expect.objectContaining({ id: made[i].id })), nextCursor: null });

    await ideas.walk(moderator, made[1].id, 'under_review');
    const updated = await ideas.list(null, `q=${tag}&sort=updated&limit=2`);
    expect(updated.body.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [made[1].id, 'under_review'],
      [made[6].id, 'open'],
    ]);
    const updatedRest = await ideas.list(null, `q=${tag}&sort=updated&limit=10&cursor=${updated.body.nextCursor}`);
    expect(updatedRest.body.items.map((i: { id: string }) => i.id)).toEqual([5, 4, 3, 2, 0].map((i) => made[i].id));
    expect((await ideas.list(null, `q=${tag}&status=under_review`)).body.items.map((i: { id: string }) => i.id)).toEqual([made[1].id]);

    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [sort, bad] of [
      ['votes', 'not-a-cursor'],
      ['votes', newest.body.nextCursor],
      ['votes', forged({ v: 1e12, at: new Date().toISOString(), id: made[0].id })],
      ['votes', forged({ v: 1, at: '+275760-09-13T00:00:00.000Z', id: made[0].id })],
      ['newest', first.body.nextCursor],
      ['newest', forged([new Date().toISOString(), 'not-a-uuid'])],
      ['updated', forged(['yesterday', made[0].id])],
    ] as const) {
      const res = await ideas.list(null, `sort=${sort}&cursor=${encodeURIComponent(bad)}`);
      expect([sort, res.status, res.body.error?.code]).toEqual([sort, 400, 'INVALID_CURSOR']);
    }
    expect((await ideas.list(null, 'sort=hot')).status).toBe(400);
    expect((await ideas.list(null, 'status=maybe')).status).toBe(400);
  });

  it('hides an idea from everyone but its author and moderators, revoking its points until it is shown again', async () => {
    const moderator = await s.make.newStaff('moderator');
    const author = await s.make.newMember('Author');
    const voter = await s.make.newMember('Voter');
    const idea = await ideas.submit(author, { title: 'An idea that will be hidden' });
    await ideas.vote(voter, idea.id);
    await ideas.walk(moderator, idea.id, 'planned');
    expect(await ideas.points(author.id)).toBe(10);

    const member = await s.make.newMember('Member');
    expect((await ideas.hide(member, idea.id)).status).toBe(403);
    const hidden = await ideas.hide(moderator, idea.id, 'Duplicate of an older idea.');
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden).toEqual({ reason: 'Duplicate of an older idea.', at: expect.any(String) });
    expect((await ideas.hide(moderator, idea.id)).body.error.code).toBe('MODERATION_STATE');
    expect(await ideas.points(author.id)).toBe(0);
    expect((await ideas.ledger(author.id)).map((l) => [l.kind, l.points, l.reason])).toEqual([
      ['award', 10, null],
      ['revocation', -10, 'content_hidden'],
    ]);

    for (const who of [null, voter, member]) {
      const res = await ideas.get(who, idea.id);
      expect([res.status, res.body.error.code]).toEqual([404, 'IDEA_NOT_FOUND']);
      expect((await ideas.list(who, 'sort=newest&limit=100')).body.items.map((i: { id: string }) => i.id)).not.toContain(idea.id);
    }
    expect((await call(s.ctx.app, 'GET', `/v1/community/ideas/${idea.id}/revisions`)).status).toBe(404);
    expect((await ideas.vote(member, idea.id)).status).toBe(404);
    expect((await ideas.comment(member, idea.id)).status).toBe(404);
    // Its author still sees it, with the reason; nothing is added to it meanwhile.
    const own = await ideas.get(author, idea.id);
    expect([own.status, own.body.hidden?.reason]).toEqual([200, 'Duplicate of an older idea.']);
    expect((await ideas.list(author, 'sort=newest&limit=100')).body.items.map((i: { id: string }) => i.id)).toContain(idea.id);
    expect((await ideas.comment(author, idea.id)).body.error.code).toBe('CONTENT_HIDDEN');
    expect((await ideas.move(moderator, idea.id, 'shipped')).body.error.code).toBe('CONTENT_HIDDEN');
    expect((await ideas.get(moderator, idea.id)).body.viewer).toMatchObject({ canModerate: true, canMoveStatus: false });

    const shown = await ideas.unhide(moderator, idea.id);
    expect([shown.status, shown.body.hidden]).toEqual([200, null]);
    expect(await ideas.points(author.id)).toBe(10);
    expect((await ideas.get(null, idea.id)).status).toBe(200);
    const audit = await s.ctx.app.get(DataSource).query<Array<{ action: string }>>(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`, [idea.id]);
    expect(audit.map((a) => a.action)).toEqual(['community.idea.status_changed', 'community.idea.hidden', 'community.idea.unhidden']);
  });
});
