import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'qs';
import { apiHandler } from './core/api-handler.js';
import { StripeApiError } from './core/errors.js';
import { IdempotencyKeys } from './core/idempotency.js';
import { ApiRouter } from './core/router.js';
import { loadState, saveState } from './core/snapshot.js';
import type { EmulatorState } from './core/state.js';
import { registerControl } from './control/control.js';
import { registerPages } from './pages/pages.js';
import { registerResources } from './resources/resources.js';
import { WebhookDelivery, type Chaos, type RetryPolicy } from './webhooks/delivery.js';

export interface EmulatorOptions {
  /** Keep state in this JSON file across restarts (written a moment after each change). */
  snapshotPath?: string;
  /** The only secret key accepted; by default any test-mode key (`sk_test_...`) is. */
  apiKey?: string;
  /** Base of hosted-page URLs (account links, Checkout); default the listening address. */
  publicUrl?: string;
  /** Webhook retries; default 8 tries, the first retry after 1 s, then doubling. */
  retry?: Partial<RetryPolicy>;
  chaos?: Partial<Chaos>;
}

const QS_OPTIONS = { depth: 10, arrayLimit: 1000, parameterLimit: 10_000, allowDots: false } as const;
const SNAPSHOT_DELAY_MS = 200;

/**
 * A stateful Stripe for offline development and tests: Stripe's wire format, signed webhooks,
 * hosted onboarding and Checkout pages, and a control API (`/_emulator/...`). Run it alone
 * (`main.ts`) or inside another process; the real `stripe` SDK reaches it by host and port.
 */
export class StripeEmulator {
  readonly app: FastifyInstance;
  readonly state: EmulatorState;
  readonly webhooks: WebhookDelivery;
  readonly idempotency = new IdempotencyKeys();
  private address: string | undefined;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.state = loadState(options.snapshotPath);
    this.webhooks = new WebhookDelivery(this.state, { attempts: options.retry?.attempts ?? 8, baseDelayMs: options.retry?.baseDelayMs ?? 1000 }, () => this.scheduleSnapshot());
    this.webhooks.chaos = this.initialChaos();
    this.app = Fastify({ routerOptions: { querystringParser: (query) => qs.parse(query, QS_OPTIONS) }, bodyLimit: 2 * 1024 * 1024 });
    this.app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, qs.parse(body as string, QS_OPTIONS));
    });
    const api = new ApiRouter();
    registerResources(api);
    for (const ticker of api.tickers) this.state.onTick((now) => ticker(this.state, now));
    const env = { state: this.state, idempotency: this.idempotency, apiKey: options.apiKey, publicUrl: () => this.publicUrl, onWrite: () => this.scheduleSnapshot() };
    for (const route of api.routes) this.app.route({ method: route.method, url: route.path, handler: apiHandler(route, env) });
    registerControl(this.app, this, env);
    registerPages(this.app, this);
    this.app.setNotFoundHandler(async (request, reply) => {
      const error = new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${request.url.split('?')[0]}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
      await reply.code(404).send(error.toJSON(''));
    });
    this.app.setErrorHandler(async (error: Error & { statusCode?: number }, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      const failure = new StripeApiError(status, status < 500 ? 'invalid_request_error' : 'api_error', error.message);
      await reply.code(status).send(failure.toJSON(''));
    });
  }

  /** Where the SDK and browsers reach the emulator (`http://127.0.0.1:12111`). */
  get url(): string {
    if (!this.address) throw new Error('The Stripe emulator is not listening yet: await listen() first');
    return this.address;
  }

  get publicUrl(): string {
    return (this.options.publicUrl ?? this.url).replace(/\/$/, '');
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async listen(port = 12111, host = '127.0.0.1'): Promise<string> {
    await this.app.listen({ port, host });
    const address = this.app.server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    this.address = `http://${reachable}:${actual}`;
    this.ticker = setInterval(() => this.runTick(), 1000);
    this.ticker.unref();
    return this.address;
  }

  /** Forget everything (objects, events, endpoints, idempotency keys, clock, switches, pending deliveries and their log, chaos). */
  reset(): void {
    this.state.reset();
    this.idempotency.clear();
    this.webhooks.reset();
    this.webhooks.chaos = this.initialChaos();
    this.scheduleSnapshot();
  }

  private initialChaos(): Chaos {
    return { duplicateRate: this.options.chaos?.duplicateRate ?? 0, maxDelayMs: this.options.chaos?.maxDelayMs ?? 0 };
  }

  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.webhooks.stop();
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
      this.saveNow();
    }
    await this.app.close();
  }

  scheduleSnapshot(): void {
    if (!this.options.snapshotPath || this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      try {
        this.saveNow();
      } catch (error) {
        process.stderr.write(`Stripe emulator: cannot save the snapshot: ${(error as Error).message}\n`);
      }
    }, SNAPSHOT_DELAY_MS);
  }

  private saveNow(): void {
    if (this.options.snapshotPath) saveState(this.options.snapshotPath, this.state);
  }

  private runTick(): void {
    const before = this.state.version;
    try {
      this.state.tick();
    } catch (error) {
      // A failing time-driven job must not take the process (or the app embedding the emulator) down.
      process.stderr.write(`Stripe emulator: a clock tick failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    if (this.state.version !== before) this.scheduleSnapshot();
  }
}
