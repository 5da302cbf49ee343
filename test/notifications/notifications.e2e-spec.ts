import { DataSource } from 'typeorm';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service.js';
import { GuildConfig } from '../../apps/api/src/platform/config/guild-config.js';
import { uniqueEmail } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('notifications without SMTP_URL', () => {
  const suite = useTestApp();
  const service = () => suite.ctx.app.get(NotificationsService);
  const get = (token: string, url: string) => call(suite.ctx.app, 'GET', url, { token });
  const post = (token: string, url: string) => call(suite.ctx.app, 'POST', url, { token });
  const notify = (userId: string, title: string, extra: { link?: string } = {}) => service().notify({ userId, kind: 'test.event', title, body: `About ${title}`, ...extra });

  it('lists a member’s notifications newest first, with an unread count', async () => {
    const member = await suite.make.newMember();
    await notify(member.id, 'first', { link: '/partner-program' });
    await notify(member.id, 'second');
    const list = await get(member.accessToken, '/v1/me/notifications');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        { id: expect.any(String), kind: 'test.event', title: 'second', body: 'About second', link: null, createdAt: expect.any(String), readAt: null },
        { id: expect.any(String), kind: 'test.event', title: 'first', body: 'About first', link: '/partner-program', createdAt: expect.any(String), readAt: null },
      ],
      nextCursor: null,
    });
    expect((await get(member.accessToken, '/v1/me/notifications/unread-count')).body).toEqual({ count: 2 });
  });

  it('marks one read (keeping the first read time), filters by read state, and reads all', async () => {
    const member = await suite.make.newMember();
    await notify(member.id, 'a');
    await notify(member.id, 'b');
    await notify(member.id, 'c');
    const [newest] = (await get(member.accessToken, '/v1/me/notifications')).body.items;
    const read = await post(member.accessToken, `/v1/me/notifications/${newest.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: newest.id, title: 'c', readAt: expect.any(String) });
    const again = await post(member.accessToken, `/v1/me/notifications/${newest.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await get(member.accessToken, '/v1/me/notifications/unread-count')).body).toEqual({ count: 2 });
    expect((await get(member.accessToken, '/v1/me/notifications?unread=true')).body.items.map((n: { title: string }) => n.title)).toEqual(['b', 'a']);
    expect((await get(member.accessToken, '/v1/me/notifications?unread=false')).body.items.map((n: { title: string }) => n.title)).toEqual(['c']);

    const all = await post(member.accessToken, '/v1/me/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: 2 });
    expect((await get(member.accessToken, '/v1/me/notifications/unread-count')).body).toEqual({ count: 0 });
    expect((await post(member.accessToken, '/v1/me/notifications/read-all')).body).toEqual({ updated: 0 });
  });

  it('answers 404 for someone else’s notification, which stays unread, and never lists it', async () => {
    const owner = await suite.make.newMember('owner');
    const intruder = await suite.make.newMember('intruder');
    await notify(owner.id, 'private');
    const [mine] = (await get(owner.accessToken, '/v1/me/notifications')).body.items;
    const res = await post(intruder.accessToken, `/v1/me/notifications/${mine.id}/read`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await post(intruder.accessToken, '/v1/me/notifications/not-a-uuid/read')).body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await post(intruder.accessToken, '/v1/me/notifications/read-all')).body).toEqual({ updated: 0 });
    expect((await get(intruder.accessToken, '/v1/me/notifications')).body.items).toEqual([]);
    expect((await get(owner.accessToken, '/v1/me/notifications/unread-count')).body).toEqual({ count: 1 });
  });

  it('commits with the change it announces: nothing is left when that transaction rolls back', async () => {
    const member = await suite.make.newMember();
    const db = suite.ctx.app.get(DataSource);
    await expect(
      db.transaction(async (tx) => {
        await service().notify({ userId: member.id, kind: 'test.event', title: 'rolled back', body: 'x', email: true }, tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await get(member.accessToken, '/v1/me/notifications')).body.items).toEqual([]);
    expect(await db.query(`SELECT id FROM email_outbox WHERE to_address = $1`, [member.email])).toEqual([]);
  });

  it('pages through notifications written together without skipping any', async () => {
    const member = await suite.make.newMember();
    await suite.ctx.app.get(DataSource).transaction(async (tx) => {
      for (const title of ['n1', 'n2', 'n3', 'n4', 'n5']) await service().notify({ userId: member.id, kind: 'test.event', title, body: title }, tx);
    });
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { title: string }[]; nextCursor: string | null } } = await get(member.accessToken, `/v1/me/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      titles.push(...page.body.items.map((n) => n.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(titles.sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('needs a signed-in browser session and a valid filter', async () => {
    expect((await call(suite.ctx.app, 'GET', '/v1/me/notifications')).status).toBe(401);
    const member = await suite.make.newMember();
    const bad = await get(member.accessToken, '/v1/me/notifications?unread=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'unread', messages: ['unread must be true or false'] }] });
  });

  const outbox = (token: string, query = '') => call(suite.ctx.app, 'GET', `/v1/staff/outbox${query}`, { token });

  it('holds every email without SMTP_URL, never sending it, and shows it to admins', async () => {
    const admin = await suite.make.newStaff('admin');
    const member = await suite.make.newMember();
    const invitee = uniqueEmail('invitee');
    await service().email({ to: invitee, subject: 'You are invited', text: 'Join us at /invitations/abc' });
    await service().notify({ userId: member.id, kind: 'partner_application.approved', title: 'Application approved', body: 'Welcome aboard.', link: '/partner-program', email: true });
    const list = await outbox(admin.accessToken, '?status=held');
    expect(list.status).toBe(200);
    const ours = list.body.items.filter((item: { to: string }) => [member.email, invitee].includes(item.to));
    expect(ours).toEqual([
      {
        id: expect.any(String),
        to: member.email,
        subject: 'Application approved',
        text: expect.stringContaining('Welcome aboard.'),
        status: 'held',
        attempts: 0,
        lastError: null,
        createdAt: expect.any(String),
        sentAt: null,
      },
      expect.objectContaining({ to: invitee, subject: 'You are invited', text: 'Join us at /invitations/abc', status: 'held' }),
    ]);
    expect(ours[0].text).toContain(`${suite.ctx.app.get(GuildConfig).publicUrl}/partner-program`);
    expect((await outbox(admin.accessToken, '?status=pending')).body.items).toEqual([]);
    expect((await outbox(admin.accessToken, '?status=sent')).body.items).toEqual([]);
  });

  it('is for admins only: 403 for a member and for a reviewer', async () => {
    const member = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    for (const caller of [member, reviewer]) {
      const res = await outbox(caller.accessToken);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('STAFF_ROLE_REQUIRED');
    }
  });
});
