import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { EMULATOR_KEY, stripeClient, useEmulator, type EmulatorHarness } from '../support/stripe-emulator.js';

/** A control or API call answered as is (status and parsed body), for asserting error shapes. */
async function raw(h: EmulatorHarness, method: 'GET' | 'POST', path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(method === 'GET' ? `${h.emulator.url}${path}?${query}` : `${h.emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${EMULATOR_KEY}`, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    body: method === 'POST' ? query : undefined,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: Record<string, unknown> } & Record<string, unknown> };
}

/** A connected account: through the API when the emulator has Connect, else placed in the state directly. */
async function connectedAccount(h: EmulatorHarness): Promise<string> {
  try {
    return (await h.stripe.accounts.create({ type: 'express', country: 'US', email: 'wire@example.com' })).id;
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError) || error.statusCode !== 404) throw error;
    return h.emulator.state.insert({ id: `acct_${Date.now()}${Math.floor(Math.random() * 1e6)}`, object: 'account', created: h.emulator.state.now() }).id;
  }
}

describe('Stripe emulator: wire format through the real SDK', () => {
  const h = useEmulator();

  it('creates, retrieves, updates and deletes a customer with nested metadata', async () => {
    const created = await h.stripe.customers.create({ email: 'ada@example.com', name: 'Ada', metadata: { guildUserId: 'u1', tier: 'gold' } });
    expect(created).toMatchObject({ object: 'customer', email: 'ada@example.com', metadata: { guildUserId: 'u1', tier: 'gold' }, livemode: false });
    expect(created.id).toMatch(/^cus_/);
    const updated = await h.stripe.customers.update(created.id, { name: 'Ada L.', metadata: { tier: '' } });
    expect(updated.name).toBe('Ada L.');
    expect(updated.metadata).toEqual({ guildUserId: 'u1' });
    expect(await h.stripe.customers.retrieve(created.id)).toMatchObject({ name: 'Ada L.' });
    await expect(h.stripe.customers.del(created.id)).resolves.toMatchObject({ deleted: true });
    await expect(h.stripe.customers.retrieve(created.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing' });
  });

  it('paginates newest first with starting_after and ending_before, and auto-pagination sees every object once', async () => {
    const email = `page-${Date.now()}@example.com`;
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await h.stripe.customers.create({ email })).id);
    const first = await h.stripe.customers.list({ email, limit: 10 });
    expect(first.data.map((c) => c.id)).toEqual(ids.slice(-10).reverse());
    expect(first.has_more).toBe(true);
    const second = await h.stripe.customers.list({ email, limit: 10, starting_after: first.data[9].id });
    expect(second.data.map((c) => c.id)).toEqual(ids.slice(5, 15).reverse());
    const back = await h.stripe.customers.list({ email, limit: 10, ending_before: second.data[0].id });
    expect(back.data.map((c) => c.id)).toEqual(first.data.map((c) => c.id));
    const all: string[] = [];
    for await (const customer of h.stripe.customers.list({ email, limit: 7 })) all.push(customer.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('replays an idempotent request and refuses the key with other parameters', async () => {
    const key = `idem-${Date.now()}`;
    const first = await h.stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: key });
    const again = await h.stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    await expect(h.stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: key })).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
  });

  it('does not save a request refused for its parameters, so the corrected retry may reuse the key', async () => {
    const key = `fix-${Date.now()}`;
    await expect(h.stripe.customers.create({ email: 'not-an-email' }, { idempotencyKey: key })).rejects.toMatchObject({ statusCode: 400, param: 'email' });
    await expect(h.stripe.customers.create({ email: 'fixed@example.com' }, { idempotencyKey: key })).resolves.toMatchObject({ email: 'fixed@example.com' });
  });

  it('answers errors in Stripe’s shape: unknown parameter, missing object, bad key, unknown route', async () => {
    await expect(h.stripe.customers.create({ emale: 'x' } as Stripe.CustomerCreateParams)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'parameter_unknown', param: 'emale' });
    await expect(h.stripe.customers.update('cus_missing', { name: 'x' })).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such customer: 'cus_missing'" });
    const live = stripeClient(new URL(h.emulator.url), 'sk_live_nope');
    await expect(live.customers.list()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    const response = await fetch(`${h.emulator.url}/v1/nothing_here`, { headers: { authorization: 'Bearer sk_test_x' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('Unrecognized request URL') } });
  });

  it('expands ids into objects and refuses paths that are not expandable', async () => {
    const customer = await h.stripe.customers.create({ email: 'expand@example.com' });
    const event = (await h.stripe.events.list({ type: 'customer.created', limit: 100 })).data.find((e) => (e.data.object as Stripe.Customer).id === customer.id);
    expect(event).toBeDefined();
    await expect(h.stripe.customers.retrieve(customer.id, { expand: ['email'] })).rejects.toMatchObject({ statusCode: 400, param: 'expand' });
  });

  it('scopes objects to the account named in Stripe-Account and refuses an unknown account', async () => {
    await expect(h.stripe.customers.list({}, { stripeAccount: 'acct_unknown' })).rejects.toMatchObject({ statusCode: 403, code: 'account_invalid' });
  });

  it('gives two simultaneous identical requests with one Idempotency-Key one object (the other replays it or gets a 409)', async () => {
    const key = `race-${Date.now()}`;
    const email = `race-${Date.now()}@example.com`;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => h.stripe.customers.create({ email }, { idempotencyKey: key })));
    const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.id] : []));
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created).size).toBe(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ statusCode: 409, code: 'idempotency_key_in_use' });
    }
    expect((await h.stripe.customers.list({ email })).data.map((customer) => customer.id)).toEqual(created.slice(0, 1));
  });

  it('scopes Idempotency-Keys to the account acted on: the same key creates one object per Stripe-Account', async () => {
    const account = await connectedAccount(h);
    const key = `scoped-${Date.now()}`;
    const platform = await h.stripe.customers.create({ email: 'scoped@example.com' }, { idempotencyKey: key });
    const connected = await h.stripe.customers.create({ email: 'scoped@example.com' }, { idempotencyKey: key, stripeAccount: account });
    expect(connected.id).not.toBe(platform.id);
    expect(connected.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const replayed = await h.stripe.customers.create({ email: 'scoped@example.com' }, { idempotencyKey: key, stripeAccount: account });
    expect(replayed.id).toBe(connected.id);
    await expect(h.stripe.customers.retrieve(connected.id, {}, { stripeAccount: account })).resolves.toMatchObject({ id: connected.id });
    await expect(h.stripe.customers.retrieve(connected.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('accepts the secret key as Basic auth user name, as `curl -u sk_test_...:` sends it', async () => {
    const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
    await expect(raw(h, 'GET', '/v1/customers', { limit: '1' }, basic('sk_test_curl'))).resolves.toMatchObject({ status: 200, body: { object: 'list' } });
    await expect(raw(h, 'GET', '/v1/customers', {}, basic('sk_live_curl'))).resolves.toMatchObject({ status: 401, body: { error: { code: 'api_key_invalid' } } });
    await expect(raw(h, 'GET', '/v1/customers', {}, { authorization: '' })).resolves.toMatchObject({ status: 401, body: { error: { type: 'invalid_request_error' } } });
  });

  it('links errors with a code to Stripe’s error documentation and the request log', async () => {
    const failure = await raw(h, 'GET', '/v1/customers/cus_nobody');
    expect(failure.body.error).toMatchObject({
      code: 'resource_missing',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      request_log_url: `https://dashboard.stripe.com/test/logs/${failure.headers.get('request-id')}`,
    });
    await expect(h.stripe.customers.retrieve('cus_nobody')).rejects.toMatchObject({ doc_url: 'https://stripe.com/docs/error-codes/resource-missing' });
  });
});

describe('Stripe emulator: control API core', () => {
  const h = useEmulator();

  it('requires the API key and answers bad parameters with Stripe-shaped 400s naming them', async () => {
    await expect(raw(h, 'POST', '/_emulator/reset', {}, { authorization: '' })).resolves.toMatchObject({ status: 401, body: { error: { type: 'invalid_request_error' } } });
    await expect(raw(h, 'GET', '/_emulator/clock', {}, { authorization: 'Bearer sk_live_x' })).resolves.toMatchObject({ status: 401, body: { error: { code: 'api_key_invalid' } } });
    const refused = async (method: 'GET' | 'POST', path: string, params: Record<string, string>, code: string, param: string) => {
      const response = await raw(h, method, path, params);
      expect(response).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error', code, param, message: expect.any(String) } } });
    };
    await refused('POST', '/_emulator/clock/advance', {}, 'parameter_missing', 'seconds');
    await refused('POST', '/_emulator/clock/advance', { seconds: '0' }, 'parameter_invalid', 'seconds');
    await refused('POST', '/_emulator/clock/advance', { seconds: 'soon' }, 'parameter_invalid', 'seconds');
    await refused('POST', '/_emulator/clock/advance', { seconds: '60', minutes: '1' }, 'parameter_unknown', 'minutes');
    await refused('POST', '/_emulator/webhooks/chaos', { duplicate_rate: '1.5' }, 'parameter_invalid', 'duplicate_rate');
    await refused('POST', '/_emulator/webhooks/chaos', { duplicate_rate: 'often' }, 'parameter_invalid', 'duplicate_rate');
    await refused('POST', '/_emulator/webhooks/chaos', { max_delay_ms: '-1' }, 'parameter_invalid', 'max_delay_ms');
    await refused('GET', '/_emulator/webhooks/attempts', { limit: '0' }, 'parameter_invalid', 'limit');
    await refused('POST', '/_emulator/webhooks/idle', { timeout_ms: 'never' }, 'parameter_invalid', 'timeout_ms');
  });

  it('advances and reads the clock, sets chaos, lists attempts, waits for idle, and resets everything', async () => {
    const before = await h.control<{ now: number }>('GET', '/_emulator/clock');
    const advanced = await h.control<{ now: number }>('POST', '/_emulator/clock/advance', { seconds: 7 * 86_400 });
    expect(advanced.now).toBeGreaterThanOrEqual(before.now + 7 * 86_400);
    const customer = await h.stripe.customers.create({ email: 'clock@example.com' });
    expect(customer.created).toBeGreaterThanOrEqual(advanced.now);
    await expect(h.control('POST', '/_emulator/webhooks/chaos', { duplicate_rate: 0.25, max_delay_ms: 10 })).resolves.toEqual({ duplicate_rate: 0.25, max_delay_ms: 10 });
    await expect(h.control('POST', '/_emulator/webhooks/chaos', { max_delay_ms: 0 })).resolves.toEqual({ duplicate_rate: 0.25, max_delay_ms: 0 });
    await expect(h.control('GET', '/_emulator/webhooks/attempts')).resolves.toMatchObject({ object: 'list', data: [], has_more: false });
    await expect(h.control('POST', '/_emulator/webhooks/idle')).resolves.toEqual({ idle: true, pending: 0 });
    await expect(h.control('POST', '/_emulator/reset')).resolves.toEqual({ reset: true });
    await expect(h.stripe.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await h.control<{ now: number }>('GET', '/_emulator/clock')).now).toBeLessThan(advanced.now);
    await expect(h.control('POST', '/_emulator/webhooks/chaos')).resolves.toEqual({ duplicate_rate: 0, max_delay_ms: 0 });
  });

  it('answers a second request with an Idempotency-Key still in use with a 409, then replays the first result', async () => {
    const slow = createServer((_request, response) => setTimeout(() => response.end(), 300));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      await h.stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, enabled_events: ['customer.created'] });
      await h.stripe.customers.create({ email: 'in-use@example.com' });
      const headers = { 'idempotency-key': `idle-${Date.now()}` };
      const [first, second] = await Promise.all([raw(h, 'POST', '/_emulator/webhooks/idle', {}, headers), raw(h, 'POST', '/_emulator/webhooks/idle', {}, headers)]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      expect((first.status === 409 ? first : second).body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
      const again = await raw(h, 'POST', '/_emulator/webhooks/idle', {}, headers);
      expect(again).toMatchObject({ status: 200, body: { idle: true } });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});
