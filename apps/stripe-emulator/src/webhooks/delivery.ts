import type Stripe from 'stripe';
import type { EmulatorState, LooseObject } from '../core/state.js';
import { signatureHeader } from './signature.js';

export interface RetryPolicy {
  /** Total tries per event and endpoint, the first included. */
  attempts: number;
  /** Wait before the first retry; each later retry waits twice as long (capped at an hour). */
  baseDelayMs: number;
}

/**
 * Misbehaviour on demand, as real webhook traffic has it: each delivery waits a random time up to
 * `maxDelayMs` (so events overtake each other) and is sent twice with probability `duplicateRate`.
 */
export interface Chaos {
  duplicateRate: number;
  maxDelayMs: number;
}

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  attempt: number;
  /** HTTP status, or null when the request failed before a response. */
  status: number | null;
  error: string | null;
  duplicate: boolean;
  at: string;
}

export interface EndpointSecrets {
  secret: string;
  connect: boolean;
}

/** One event on its way to one endpoint; a chaos duplicate shares it, so the first copy delivered counts. */
interface Delivery {
  event: LooseObject;
  endpointId: string;
  delivered: boolean;
}

const KEEP_ATTEMPTS = 5000;
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * Sends each event to every enabled endpoint that wants it (Connect endpoints get the connected
 * accounts' events, the others the platform's), signed like Stripe, retrying non-2xx answers and
 * connection failures with exponential backoff. Real time is used for signatures, whatever the
 * emulator's clock says, since receivers check the timestamp against their own clock.
 */
export class WebhookDelivery {
  chaos: Chaos = { duplicateRate: 0, maxDelayMs: 0 };
  /** The randomness behind chaos (delays, duplicates); replaceable to make a test deterministic. */
  random: () => number = Math.random;
  private pending = 0;
  /** Bumped by reset/stop: deliveries of an older generation neither record, retry nor count. */
  private generation = 0;
  private timers = new Set<NodeJS.Timeout>();
  private waiters = new Set<() => void>();
  private log: DeliveryAttempt[] = [];
  private stopped = false;

  constructor(
    private readonly state: EmulatorState,
    readonly retry: RetryPolicy,
    /** Told when an event's `pending_webhooks` changed, so the state gets saved. */
    private readonly onChange: () => void = () => undefined,
  ) {
    state.onEvent((event) => this.enqueue(event));
  }

  /** Deliveries waiting to be sent, retried, or in flight. */
  get pendingDeliveries(): number {
    return this.pending;
  }

  /** The most recent attempts, newest first. */
  attempts(filter: { eventId?: string; endpointId?: string } = {}): DeliveryAttempt[] {
    return this.log.filter((entry) => (!filter.eventId || entry.eventId === filter.eventId) && (!filter.endpointId || entry.endpointId === filter.endpointId)).reverse();
  }

  /** Resolves true once nothing is waiting to be delivered or retried, or false when `timeoutMs` passes first. */
  idle(timeoutMs?: number): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.pending === 0);
      };
      if (timeoutMs !== undefined) timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Drops every scheduled delivery and retry, and the attempt log (the emulator's reset). */
  reset(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.log = [];
    this.pending = 0;
    this.settle();
  }

  stop(): void {
    this.stopped = true;
    this.reset();
  }

  private enqueue(event: LooseObject): void {
    if (this.stopped) return;
    for (const endpoint of this.state.all<Stripe.WebhookEndpoint>('webhook_endpoint')) {
      if (!this.wants(endpoint, event)) continue;
      event.pending_webhooks = (event.pending_webhooks as number) + 1;
      const delivery: Delivery = { event, endpointId: endpoint.id, delivered: false };
      const copies = this.random() < this.chaos.duplicateRate ? 2 : 1;
      for (let copy = 0; copy < copies; copy++) this.schedule(delivery, 1, this.chaosDelay(), copy > 0);
    }
  }

  /** Enabled, of the event's side (Connect endpoints: connected accounts' events; others: the platform's), and subscribed to its type. */
  private wants(endpoint: Stripe.WebhookEndpoint, event: LooseObject): boolean {
    const { connect } = this.state.hidden<Partial<EndpointSecrets>>(endpoint.id);
    if (endpoint.status !== 'enabled' || Boolean(connect) !== Boolean(event.account)) return false;
    return endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(event.type as string);
  }

  private chaosDelay(): number {
    return this.chaos.maxDelayMs > 0 ? Math.floor(this.random() * this.chaos.maxDelayMs) : 0;
  }

  private schedule(delivery: Delivery, attempt: number, delayMs: number, duplicate: boolean): void {
    const generation = this.generation;
    this.pending += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.send(delivery, attempt, duplicate, generation).finally(() => {
        if (generation !== this.generation) return;
        this.pending -= 1;
        this.settle();
      });
    }, delayMs);
    this.timers.add(timer);
  }

  private async send(delivery: Delivery, attempt: number, duplicate: boolean, generation: number): Promise<void> {
    const { event, endpointId } = delivery;
    const endpoint = this.state.find<Stripe.WebhookEndpoint>(endpointId);
    // Deleting or disabling an endpoint stops its deliveries, retries included.
    if (!endpoint || endpoint.status !== 'enabled') return;
    const { secret } = this.state.hidden<EndpointSecrets>(endpointId);
    const payload = JSON.stringify(event, null, 2);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signatureHeader(payload, secret),
        },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (failure) {
      const cause = (failure as Error & { cause?: Error }).cause;
      error = cause?.message ? `${(failure as Error).message}: ${cause.message}` : (failure as Error).message;
    }
    if (generation !== this.generation) return;
    this.record({ eventId: event.id, eventType: event.type as string, endpointId, url: endpoint.url, attempt, status, error, duplicate, at: new Date().toISOString() });
    if (status !== null && status >= 200 && status < 300) {
      if (!delivery.delivered) {
        delivery.delivered = true;
        event.pending_webhooks = Math.max(0, (event.pending_webhooks as number) - 1);
        this.onChange();
      }
      return;
    }
    if (attempt < this.retry.attempts && !delivery.delivered) {
      this.schedule(delivery, attempt + 1, Math.min(this.retry.baseDelayMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS), duplicate);
    }
  }

  private record(entry: DeliveryAttempt): void {
    this.log.push(entry);
    if (this.log.length > KEEP_ATTEMPTS) this.log.splice(0, this.log.length - KEEP_ATTEMPTS);
  }

  private settle(): void {
    if (this.pending > 0) return;
    for (const resolve of [...this.waiters]) resolve();
  }
}
