import Stripe from 'stripe';
import { StripeEmulator, type EmulatorOptions } from '../../apps/stripe-emulator/src/index.js';

export const EMULATOR_KEY = 'sk_test_emulator_tests';

export interface EmulatorHarness {
  emulator: StripeEmulator;
  /** The real SDK pointed at the emulator (no retries, so a failure shows at once). */
  stripe: Stripe;
  /** A control call (`/_emulator/...`), form-encoded like the API; throws on non-2xx. */
  control<T = unknown>(method: 'GET' | 'POST', path: string, params?: Record<string, string | number | boolean>): Promise<T>;
}

/** An emulator of its own on a random port for the whole test file, with the SDK pointed at it. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHarness {
  const harness = {} as EmulatorHarness;
  beforeAll(async () => {
    harness.emulator = new StripeEmulator({ retry: { baseDelayMs: 20 }, ...options });
    const url = new URL(await harness.emulator.listen(0));
    harness.stripe = stripeClient(url);
    harness.control = (method, path, params) => control(harness.emulator.url, method, path, params);
  });
  afterAll(() => harness.emulator?.close());
  return harness;
}

export function stripeClient(url: URL, key = EMULATOR_KEY): Stripe {
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0 });
}

export async function control<T>(base: string, method: 'GET' | 'POST', path: string, params: Record<string, string | number | boolean> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]));
  const response = await fetch(method === 'GET' ? `${base}${path}?${query.toString()}` : `${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${EMULATOR_KEY}`, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: method === 'POST' ? query.toString() : undefined,
  });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}
