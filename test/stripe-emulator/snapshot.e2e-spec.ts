import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Stripe from 'stripe';
import { StripeEmulator } from '../../apps/stripe-emulator/src/index.js';
import { settingsFromEnv, startFromEnv } from '../../apps/stripe-emulator/src/start.js';
import { control, stripeClient } from '../support/stripe-emulator.js';

interface Running {
  emulator: StripeEmulator;
  stripe: Stripe;
  control<T>(method: 'GET' | 'POST', path: string, params?: Record<string, string | number>): Promise<T>;
}

async function start(snapshotPath: string): Promise<Running> {
  const emulator = new StripeEmulator({ snapshotPath, retry: { baseDelayMs: 20 } });
  const url = await emulator.listen(0);
  return { emulator, stripe: stripeClient(new URL(url)), control: (method, path, params) => control(url, method, path, params) };
}

describe('Stripe emulator: snapshots', () => {
  let directory: string;
  let receiver: Server;
  const bodies: { raw: string; signature: string }[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'stripe-emulator-snapshot-'));
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push({ raw: Buffer.concat(chunks).toString('utf8'), signature: String(request.headers['stripe-signature']) });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it('a new emulator on the same file serves the same objects, events, endpoints (whose secrets still sign) and clock', async () => {
    const path = join(directory, 'nested', 'stripe.json');
    const first = await start(path);
    const customer = await first.stripe.customers.create({ email: 'kept@example.com', metadata: { plan: 'gold' } });
    const endpoint = await first.stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, enabled_events: ['customer.created'] });
    const { now } = await first.control<{ now: number }>('POST', '/_emulator/clock/advance', { seconds: 86_400 });
    await first.control('POST', '/_emulator/webhooks/idle');
    await first.emulator.close();
    expect(readdirSync(dirname(path))).toEqual(['stripe.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 1 });

    const second = await start(path);
    try {
      await expect(second.stripe.customers.retrieve(customer.id)).resolves.toMatchObject({ email: 'kept@example.com', metadata: { plan: 'gold' } });
      const events = await second.stripe.events.list({ type: 'customer.created' });
      expect(events.data.map((event) => (event.data.object as Stripe.Customer).id)).toEqual([customer.id]);
      await expect(second.stripe.webhookEndpoints.retrieve(endpoint.id)).resolves.toMatchObject({ url: endpoint.url, enabled_events: ['customer.created'] });
      const clock = await second.control<{ now: number }>('GET', '/_emulator/clock');
      expect(clock.now).toBeGreaterThanOrEqual(now);
      expect(clock.now).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 86_400 - 5);

      bodies.length = 0;
      const later = await second.stripe.customers.create({ email: 'after-restart@example.com' });
      await second.control('POST', '/_emulator/webhooks/idle');
      expect(bodies).toHaveLength(1);
      const event = second.stripe.webhooks.constructEvent(bodies[0].raw, bodies[0].signature, endpoint.secret!);
      expect((event.data.object as Stripe.Customer).id).toBe(later.id);
      expect(event.created).toBeGreaterThanOrEqual(now);
    } finally {
      await second.emulator.close();
    }
  });

  it('saves a reset too: the next emulator starts empty', async () => {
    const path = join(directory, 'reset.json');
    const first = await start(path);
    const customer = await first.stripe.customers.create({ email: 'forgotten@example.com' });
    await first.control('POST', '/_emulator/reset');
    await first.emulator.close();
    const second = await start(path);
    try {
      await expect(second.stripe.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
      expect((await second.stripe.events.list()).data).toEqual([]);
    } finally {
      await second.emulator.close();
    }
  });

  it('refuses a corrupt or foreign snapshot file with an error naming it', () => {
    const path = join(directory, 'corrupt.json');
    writeFileSync(path, '{"version":1,"objects":[');
    expect(() => new StripeEmulator({ snapshotPath: path })).toThrow(path);
    writeFileSync(path, JSON.stringify({ version: 7 }));
    expect(() => new StripeEmulator({ snapshotPath: path })).toThrow(new RegExp(`${path}.*version 7`));
    writeFileSync(path, JSON.stringify(['not', 'a', 'snapshot']));
    expect(() => new StripeEmulator({ snapshotPath: path })).toThrow(path);
  });
});

describe('Stripe emulator: standalone start from the environment', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'stripe-emulator-standalone-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('starts on the configured port with the configured key, public URL and snapshot file', async () => {
    const snapshot = join(directory, 'standalone.json');
    const emulator = await startFromEnv({
      STRIPE_EMULATOR_PORT: '0',
      STRIPE_EMULATOR_API_KEY: 'sk_test_standalone_only',
      STRIPE_EMULATOR_SNAPSHOT: snapshot,
      STRIPE_EMULATOR_PUBLIC_URL: 'https://stripe.guild.localhost/',
    });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.publicUrl).toBe('https://stripe.guild.localhost');
      const stripe = stripeClient(new URL(emulator.url), 'sk_test_standalone_only');
      const customer = await stripe.customers.create({ email: 'standalone@example.com' });
      await expect(stripeClient(new URL(emulator.url), 'sk_test_some_other_key').customers.list()).rejects.toMatchObject({ statusCode: 401, code: 'api_key_invalid' });
      await emulator.close();
      expect(readFileSync(snapshot, 'utf8')).toContain(customer.id);
    } finally {
      await emulator.close();
    }
  });

  it('defaults to 127.0.0.1:12111 without snapshot, and refuses malformed variables naming them', async () => {
    expect(settingsFromEnv({})).toEqual({ port: 12111, host: '127.0.0.1', options: { snapshotPath: undefined, publicUrl: undefined, apiKey: undefined, retry: {} } });
    expect(settingsFromEnv({ STRIPE_EMULATOR_WEBHOOK_ATTEMPTS: '3', STRIPE_EMULATOR_WEBHOOK_RETRY_MS: '50' }).options.retry).toEqual({ attempts: 3, baseDelayMs: 50 });
    await expect(startFromEnv({ STRIPE_EMULATOR_PORT: 'http' })).rejects.toThrow('STRIPE_EMULATOR_PORT');
    await expect(startFromEnv({ STRIPE_EMULATOR_PORT: '0', STRIPE_EMULATOR_WEBHOOK_ATTEMPTS: '0' })).rejects.toThrow('STRIPE_EMULATOR_WEBHOOK_ATTEMPTS');
    await expect(startFromEnv({ STRIPE_EMULATOR_PORT: '0', STRIPE_EMULATOR_PUBLIC_URL: 'localhost:3000' })).rejects.toThrow('STRIPE_EMULATOR_PUBLIC_URL');
    const corrupt = join(directory, 'corrupt.json');
    writeFileSync(corrupt, 'not json');
    await expect(startFromEnv({ STRIPE_EMULATOR_PORT: '0', STRIPE_EMULATOR_SNAPSHOT: corrupt })).rejects.toThrow(corrupt);
  });
});
