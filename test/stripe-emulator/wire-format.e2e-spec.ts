import Stripe from 'stripe';
import { stripeClient, useEmulator } from '../support/stripe-emulator.js';

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
});
