import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { DeliveryAttempt } from '../../apps/stripe-emulator/src/index.js';
import { useEmulator, type EmulatorHarness } from '../support/stripe-emulator.js';

interface Received {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  raw: string;
  event: Stripe.Event;
  /** Milliseconds since the receiver started, when the request arrived. */
  at: number;
}

/** A tiny webhook receiver: records every request, answers with `status(n)` for the n-th (0-based), optionally after `delayMs`. */
class Receiver {
  readonly received: Received[] = [];
  status: (index: number) => number = () => 200;
  delayMs = 0;
  private readonly started = performance.now();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const receiver: Receiver = new Receiver(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const index = receiver.received.length;
          receiver.received.push({ path: request.url ?? '', method: request.method ?? '', headers: request.headers, raw, event: JSON.parse(raw) as Stripe.Event, at: performance.now() - receiver.started });
          setTimeout(() => response.writeHead(receiver.status(index)).end(), receiver.delayMs);
        });
      }),
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path = '/webhooks'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  on(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A connected account: through the API when the emulator has Connect, else placed in the state directly. */
async function connectedAccount(h: EmulatorHarness): Promise<string> {
  try {
    return (await h.stripe.accounts.create({ type: 'express', country: 'US', email: 'seller@example.com' })).id;
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError) || error.statusCode !== 404) throw error;
    return h.emulator.state.insert({ id: `acct_${Date.now()}${Math.floor(Math.random() * 1e6)}`, object: 'account', created: h.emulator.state.now() }).id;
  }
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/gone`;
}

describe('Stripe emulator: webhook endpoints and signed delivery', () => {
  const h = useEmulator({ retry: { attempts: 4, baseDelayMs: 20 } });
  let receiver: Receiver;
  const idle = () => h.control<{ idle: boolean; pending: number }>('POST', '/_emulator/webhooks/idle');
  const attempts = (params: Record<string, string> = {}) => h.control<{ data: DeliveryAttempt[] }>('GET', '/_emulator/webhooks/attempts', params).then((list) => list.data);

  beforeEach(async () => {
    await h.control('POST', '/_emulator/reset');
    receiver = await Receiver.start();
  });
  afterEach(() => receiver.close());

  it('creates, retrieves, updates, lists and deletes endpoints, showing the secret only on create', async () => {
    const created = await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created'], description: 'Guild', metadata: { env: 'test' } });
    expect(created).toMatchObject({ object: 'webhook_endpoint', status: 'enabled', enabled_events: ['customer.created'], description: 'Guild', metadata: { env: 'test' }, livemode: false });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_/);
    const retrieved = await h.stripe.webhookEndpoints.retrieve(created.id);
    expect(retrieved.secret).toBeUndefined();
    expect(retrieved.url).toBe(receiver.url());
    const updated = await h.stripe.webhookEndpoints.update(created.id, { disabled: true, enabled_events: ['*'], description: '' });
    expect(updated).toMatchObject({ status: 'disabled', enabled_events: ['*'], description: null });
    expect(updated.secret).toBeUndefined();
    expect((await h.stripe.webhookEndpoints.update(created.id, { disabled: false })).status).toBe('enabled');
    const listed = await h.stripe.webhookEndpoints.list();
    expect(listed.data.map((endpoint) => endpoint.id)).toEqual([created.id]);
    expect(listed.data[0].secret).toBeUndefined();
    await expect(h.stripe.webhookEndpoints.del(created.id)).resolves.toMatchObject({ id: created.id, deleted: true });
    await expect(h.stripe.webhookEndpoints.retrieve(created.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('refuses endpoints with a missing or bad url or event list, naming the param', async () => {
    const create = (params: Partial<Stripe.WebhookEndpointCreateParams>) => h.stripe.webhookEndpoints.create(params as Stripe.WebhookEndpointCreateParams);
    await expect(create({ enabled_events: ['*'] })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'url' });
    await expect(create({ url: 'ftp://example.com', enabled_events: ['*'] })).rejects.toMatchObject({ statusCode: 400, code: 'url_invalid', param: 'url' });
    await expect(create({ url: receiver.url() })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'enabled_events' });
    await expect(create({ url: receiver.url(), enabled_events: ['*', 'not an event'] as Stripe.WebhookEndpointCreateParams.EnabledEvent[] })).rejects.toMatchObject({
      statusCode: 400,
      param: 'enabled_events[1]',
    });
    const endpoint = await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['*'] });
    await expect(h.stripe.webhookEndpoints.update(endpoint.id, { connect: true } as Stripe.WebhookEndpointUpdateParams)).rejects.toMatchObject({ code: 'parameter_unknown', param: 'connect' });
  });

  it('POSTs each event as JSON signed so that stripe.webhooks.constructEvent accepts it', async () => {
    const { secret } = await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created', 'customer.updated'] });
    const customer = await h.stripe.customers.create({ email: 'signed@example.com' });
    await h.stripe.customers.update(customer.id, { name: 'Signed' });
    await idle();
    expect(receiver.received.map((request) => request.event.type).sort()).toEqual(['customer.created', 'customer.updated']);
    for (const request of receiver.received) {
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
      const event = h.stripe.webhooks.constructEvent(request.raw, String(request.headers['stripe-signature']), secret!);
      expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
      const stored = await h.stripe.events.retrieve(event.id);
      expect({ ...event, pending_webhooks: 0 }).toEqual({ ...JSON.parse(JSON.stringify(stored)), pending_webhooks: 0 });
      expect(stored.pending_webhooks).toBe(0);
      expect(() => h.stripe.webhooks.constructEvent(request.raw, String(request.headers['stripe-signature']), 'whsec_wrong')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    }
    const updated = receiver.received.find((request) => request.event.type === 'customer.updated')!.event;
    expect(updated.data.previous_attributes).toEqual({ name: null });
  });

  it('sends an endpoint only the types it subscribed to, everything for `*`, and nothing once disabled or deleted', async () => {
    await h.stripe.webhookEndpoints.create({ url: receiver.url('/updates'), enabled_events: ['customer.updated'] });
    await h.stripe.webhookEndpoints.create({ url: receiver.url('/all'), enabled_events: ['*'] });
    const disabled = await h.stripe.webhookEndpoints.create({ url: receiver.url('/disabled'), enabled_events: ['*'] });
    await h.stripe.webhookEndpoints.update(disabled.id, { disabled: true });
    const deleted = await h.stripe.webhookEndpoints.create({ url: receiver.url('/deleted'), enabled_events: ['*'] });
    await h.stripe.webhookEndpoints.del(deleted.id);
    const customer = await h.stripe.customers.create({ email: 'filter@example.com' });
    await h.stripe.customers.update(customer.id, { name: 'Filtered' });
    await h.stripe.customers.del(customer.id);
    await idle();
    expect(receiver.on('/updates').map((request) => request.event.type)).toEqual(['customer.updated']);
    expect(receiver.on('/all').map((request) => request.event.type).sort()).toEqual(['customer.created', 'customer.deleted', 'customer.updated']);
    expect(receiver.on('/disabled')).toEqual([]);
    expect(receiver.on('/deleted')).toEqual([]);
  });

  it('sends connected accounts’ events to Connect endpoints only, and the platform’s to the others', async () => {
    const account = await connectedAccount(h);
    await h.stripe.webhookEndpoints.create({ url: receiver.url('/platform'), enabled_events: ['customer.created'] });
    await h.stripe.webhookEndpoints.create({ url: receiver.url('/connect'), enabled_events: ['customer.created'], connect: true });
    const platformCustomer = await h.stripe.customers.create({ email: 'platform@example.com' });
    const accountCustomer = await h.stripe.customers.create({ email: 'seller-customer@example.com' }, { stripeAccount: account });
    await idle();
    expect(receiver.on('/platform').map((request) => [(request.event.data.object as Stripe.Customer).id, request.event.account])).toEqual([[platformCustomer.id, undefined]]);
    expect(receiver.on('/connect').map((request) => [(request.event.data.object as Stripe.Customer).id, request.event.account])).toEqual([[accountCustomer.id, account]]);
  });

  it('retries a failing endpoint with growing waits, stops after the configured attempts, and keeps the event pending', async () => {
    receiver.status = () => 500;
    const endpoint = await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created'] });
    await h.stripe.customers.create({ email: 'retry@example.com' });
    await idle();
    expect(receiver.received).toHaveLength(4);
    const eventId = receiver.received[0].event.id;
    expect(new Set(receiver.received.map((request) => request.event.id))).toEqual(new Set([eventId]));
    const gaps = receiver.received.slice(1).map((request, index) => request.at - receiver.received[index].at);
    gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(0.75 * 20 * 2 ** index));
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    const logged = await attempts({ event: eventId, endpoint: endpoint.id });
    expect(logged.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [4, 500],
      [3, 500],
      [2, 500],
      [1, 500],
    ]);
    expect((await h.stripe.events.retrieve(eventId)).pending_webhooks).toBe(1);
    expect((await h.stripe.events.list({ delivery_success: false })).data.map((event) => event.id)).toEqual([eventId]);
    expect((await h.stripe.events.list({ delivery_success: true })).data.map((event) => event.id)).not.toContain(eventId);
  });

  it('retries after connection failures, and a 2xx answer stops the retries', async () => {
    const unreachable = await h.stripe.webhookEndpoints.create({ url: await closedPortUrl(), enabled_events: ['customer.created'] });
    receiver.status = (index) => (index < 2 ? 503 : 200);
    const flaky = await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created'] });
    await h.stripe.customers.create({ email: 'flaky@example.com' });
    await idle();
    const failed = await attempts({ endpoint: unreachable.id });
    expect(failed).toHaveLength(4);
    expect(failed.every((attempt) => attempt.status === null && attempt.error)).toBe(true);
    expect((await attempts({ endpoint: flaky.id })).map((attempt) => attempt.status)).toEqual([200, 503, 503]);
    expect(receiver.received).toHaveLength(3);
    // delivered to one of its two endpoints: one still pending
    expect((await h.stripe.events.retrieve(receiver.received[0].event.id)).pending_webhooks).toBe(1);
  });

  it('idle waits for deliveries in flight, or answers idle: false when its timeout passes first', async () => {
    receiver.delayMs = 300;
    await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created'] });
    const customer = await h.stripe.customers.create({ email: 'slow@example.com' });
    await expect(h.control('POST', '/_emulator/webhooks/idle', { timeout_ms: 1 })).resolves.toEqual({ idle: false, pending: 1 });
    await expect(idle()).resolves.toEqual({ idle: true, pending: 0 });
    expect(receiver.received.map((request) => (request.event.data.object as Stripe.Customer).id)).toEqual([customer.id]);
    const [event] = (await h.stripe.events.list({ type: 'customer.created' })).data;
    expect(event.pending_webhooks).toBe(0);
  });

  it('chaos with duplicate_rate 1 delivers every event twice, and each counts once in pending_webhooks', async () => {
    await h.control('POST', '/_emulator/webhooks/chaos', { duplicate_rate: 1 });
    await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created'] });
    for (let i = 0; i < 10; i++) await h.stripe.customers.create({ email: `twice-${i}@example.com` });
    await idle();
    const counts = new Map<string, number>();
    for (const request of receiver.received) counts.set(request.event.id, (counts.get(request.event.id) ?? 0) + 1);
    expect(counts.size).toBe(10);
    expect([...counts.values()].every((count) => count === 2)).toBe(true);
    expect((await attempts()).filter((attempt) => attempt.duplicate)).toHaveLength(10);
    const events = await h.stripe.events.list({ type: 'customer.created', limit: 100 });
    expect(events.data.every((event) => event.pending_webhooks === 0)).toBe(true);
  });

  it('chaos with max_delay_ms reorders deliveries, and a partial duplicate_rate duplicates some', async () => {
    await h.control('POST', '/_emulator/webhooks/chaos', { duplicate_rate: 0.5, max_delay_ms: 200 });
    await h.stripe.webhookEndpoints.create({ url: receiver.url(), enabled_events: ['customer.created'] });
    for (let i = 0; i < 50; i++) await h.stripe.customers.create({ email: `shuffled-${i}@example.com` });
    await idle();
    const created = (await h.stripe.events.list({ type: 'customer.created', limit: 100 })).data.map((event) => event.id).reverse();
    const firstArrivals = [...new Set(receiver.received.map((request) => request.event.id))];
    expect(new Set(firstArrivals)).toEqual(new Set(created));
    // 50 random delays up to 200 ms keep creation order with a negligible chance
    expect(firstArrivals).not.toEqual(created);
    const duplicates = receiver.received.length - created.length;
    expect(duplicates).toBeGreaterThan(5);
    expect(duplicates).toBeLessThan(45);
  });
});

describe('Stripe emulator: events', () => {
  const h = useEmulator();

  beforeEach(() => h.control('POST', '/_emulator/reset'));

  it('lists events newest first by type, `*` wildcard, types[] and created range, and pages through them', async () => {
    const customer = await h.stripe.customers.create({ email: 'events@example.com' });
    await h.stripe.customers.update(customer.id, { name: 'Events' });
    const { now } = await h.control<{ now: number }>('POST', '/_emulator/clock/advance', { seconds: 3600 });
    const later = await h.stripe.customers.create({ email: 'later@example.com' });
    await h.stripe.customers.del(later.id);
    const types = (list: Stripe.ApiList<Stripe.Event>) => list.data.map((event) => event.type);
    expect(types(await h.stripe.events.list())).toEqual(['customer.deleted', 'customer.created', 'customer.updated', 'customer.created']);
    expect(types(await h.stripe.events.list({ type: 'customer.created' }))).toEqual(['customer.created', 'customer.created']);
    expect(types(await h.stripe.events.list({ type: 'customer.*' }))).toHaveLength(4);
    expect(types(await h.stripe.events.list({ type: '*.deleted' }))).toEqual(['customer.deleted']);
    expect(types(await h.stripe.events.list({ type: 'charge.*' }))).toEqual([]);
    expect(types(await h.stripe.events.list({ types: ['customer.updated', 'customer.deleted'] }))).toEqual(['customer.deleted', 'customer.updated']);
    expect(types(await h.stripe.events.list({ created: { gte: now } }))).toEqual(['customer.deleted', 'customer.created']);
    expect(types(await h.stripe.events.list({ created: { lt: now } }))).toEqual(['customer.updated', 'customer.created']);
    const first = await h.stripe.events.list({ limit: 3 });
    expect(first.has_more).toBe(true);
    const second = await h.stripe.events.list({ limit: 3, starting_after: first.data[2].id });
    expect(second).toMatchObject({ has_more: false, data: [{ type: 'customer.created' }] });
    const all: string[] = [];
    for await (const event of h.stripe.events.list({ limit: 1 })) all.push(event.id);
    expect(all).toEqual([...first.data, ...second.data].map((event) => event.id));
    await expect(h.stripe.events.list({ type: 'customer.created', types: ['customer.updated'] })).rejects.toMatchObject({ statusCode: 400, param: 'types' });
  });

  it('retrieves an event; a connected account’s events are seen only with its Stripe-Account', async () => {
    const account = await connectedAccount(h);
    const customer = await h.stripe.customers.create({ email: 'seller@example.com' }, { stripeAccount: account });
    const [event] = (await h.stripe.events.list({ type: 'customer.created' }, { stripeAccount: account })).data;
    expect(event).toMatchObject({ object: 'event', account, type: 'customer.created', livemode: false, api_version: expect.any(String) });
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    expect(event.request).toMatchObject({ id: expect.stringMatching(/^req_/) });
    await expect(h.stripe.events.retrieve(event.id, {}, { stripeAccount: account })).resolves.toMatchObject({ id: event.id });
    await expect(h.stripe.events.retrieve(event.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect((await h.stripe.events.list({ type: 'customer.created' })).data.map((e) => e.id)).not.toContain(event.id);
  });
});
