import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { waitFor } from '../support/wait.js';
import { guildStripe, recordEffects, signed, WEBHOOK_SECRET } from './stripe-events.js';

/** A minimal, well-formed Stripe event for an account.updated on an account that exists in the emulator. */
function accountEvent(id: string, accountId: string, created = Math.floor(Date.now() / 1000)) {
  return JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created, type: 'account.updated', livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { id: accountId, object: 'account' } }, account: accountId });
}

describe('POST /v1/webhooks/stripe', () => {
  const s = useTestApp({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_EVENT_RETRY_DELAY_MS: '20' });
  let effects: Awaited<ReturnType<typeof recordEffects>>;
  let accountId: string;
  let seq = 0;
  const eventId = () => `evt_test${Date.now()}${seq++}`;
  const stored = async (id: string) => (await s.ctx.app.get(DataSource).query<{ status: string }[]>(`SELECT id, status FROM stripe_events WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    effects = await recordEffects(s.ctx.app);
    accountId = (await guildStripe(s.ctx.app).accounts.create({ type: 'express', email: 'partner@example.com', metadata: { guildPartnerId: 'p1' } })).id;
  });

  it('verifies, stores once, and processes an event into a typed domain event re-read from Stripe', async () => {
    const id = eventId();
    const body = accountEvent(id, accountId);
    const response = await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(s.ctx.app, body) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true, duplicate: false });
    await waitFor(async () => (await stored(id))?.status === 'processed');
    const mine = (await effects.effects()).filter((effect) => effect.occurrence_id === id);
    expect(mine).toHaveLength(1);
    // The payload carried only the id: the rest was read from Stripe (the emulator).
    expect(mine[0]).toMatchObject({ name: 'stripe.account.changed', payload: { accountId, payable: false, detailsSubmitted: false, metadata: { guildPartnerId: 'p1' } } });
  });

  it('acknowledges a replayed delivery without storing or applying it again', async () => {
    const id = eventId();
    const body = accountEvent(id, accountId);
    const headers = signed(s.ctx.app, body);
    expect((await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers })).body).toEqual({ received: true, duplicate: false });
    await waitFor(async () => (await stored(id))?.status === 'processed');
    const replay = await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await effects.effects()).filter((effect) => effect.occurrence_id === id)).toHaveLength(1);
  });

  it.each([
    ['a forged signature (another secret)', (body: string) => ({ body, headers: signed(s.ctx.app, body, { secret: 'whsec_not_the_real_one' }) })],
    ['a stale timestamp (10 minutes old)', (body: string) => ({ body, headers: signed(s.ctx.app, body, { timestamp: Math.floor(Date.now() / 1000) - 600 }) })],
    ['a body changed after signing', (body: string) => ({ body: body.replace('account.updated', 'payout.paid'), headers: signed(s.ctx.app, body) })],
    ['no signature header', (body: string) => ({ body, headers: { 'content-type': 'application/json' } })],
    ['a malformed signature header', (body: string) => ({ body, headers: { 'content-type': 'application/json', 'stripe-signature': 'nonsense' } })],
  ])('refuses %s with 400 STRIPE_SIGNATURE_INVALID and stores nothing', async (_label, request) => {
    const id = eventId();
    const { body, headers } = request(accountEvent(id, accountId));
    const response = await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('STRIPE_SIGNATURE_INVALID');
    expect(await stored(id)).toBeUndefined();
  });

  it('refuses a signed body that is not an event', async () => {
    const body = JSON.stringify({ hello: 'world' });
    const response = await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(s.ctx.app, body) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('STRIPE_PAYLOAD_INVALID');
  });

  it('marks an event that keeps failing as failed for staff, who can replay it once the cause is gone', async () => {
    const id = eventId();
    const body = accountEvent(id, 'acct_doesnotexist');
    await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(s.ctx.app, body) });
    await waitFor(async () => (await stored(id))?.status === 'failed', 20_000);

    const finance = await s.make.newStaff('finance');
    const list = await call(s.ctx.app, 'GET', '/v1/staff/stripe/events?status=failed', { token: finance.accessToken });
    expect(list.status).toBe(200);
    const failed = list.body.items.find((item: { id: string }) => item.id === id);
    expect(failed).toMatchObject({ type: 'account.updated', status: 'failed', failures: 8, lastError: expect.stringContaining('acct_doesnotexist') });
    const detail = await call(s.ctx.app, 'GET', `/v1/staff/stripe/events/${id}`, { token: finance.accessToken });
    expect(detail.body.payload).toMatchObject({ id, type: 'account.updated' });

    const member = await s.make.newMember();
    expect((await call(s.ctx.app, 'GET', '/v1/staff/stripe/events', { token: member.accessToken })).status).toBe(403);

    // The cause goes away (here: the payload is fixed to name a real account), then staff replay.
    await s.ctx.app.get(DataSource).query(`UPDATE stripe_events SET payload = $2 WHERE id = $1`, [id, accountEvent(id, accountId)]);
    const replay = await call(s.ctx.app, 'POST', `/v1/staff/stripe/events/${id}/replay`, { token: finance.accessToken });
    expect(replay.status).toBe(200);
    await waitFor(async () => (await stored(id))?.status === 'processed');
    expect((await effects.effects()).filter((effect) => effect.occurrence_id === id)).toHaveLength(1);
    const again = await call(s.ctx.app, 'POST', `/v1/staff/stripe/events/${id}/replay`, { token: finance.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STRIPE_EVENT_ALREADY_PROCESSED');
    const admin = await s.make.newStaff('admin');
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=stripe.event_replayed&targetId=${id}`, { token: admin.accessToken });
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: finance.id, targetId: id })]);
  });

  it('answers 404 for replaying an unknown event and 400 for an id that is not an event id', async () => {
    const finance = await s.make.newStaff('finance');
    expect((await call(s.ctx.app, 'POST', '/v1/staff/stripe/events/evt_unknown/replay', { token: finance.accessToken })).body.error.code).toBe('STRIPE_EVENT_NOT_FOUND');
    expect((await call(s.ctx.app, 'GET', '/v1/staff/stripe/events/not-an-id', { token: finance.accessToken })).status).toBe(400);
  });

  it('ignores event types Guild does not act on, once', async () => {
    const customer = await guildStripe(s.ctx.app).customers.create({ email: 'buyer@example.com' });
    const event = (await guildStripe(s.ctx.app).events.list({ type: 'customer.created' })).data.find((e) => (e.data.object as { id: string }).id === customer.id)!;
    const body = JSON.stringify(event);
    await call(s.ctx.app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(s.ctx.app, body) });
    await waitFor(async () => (await stored(event.id))?.status === 'ignored');
    expect((await effects.effects()).filter((effect) => effect.occurrence_id === event.id)).toHaveLength(0);
  });
});
