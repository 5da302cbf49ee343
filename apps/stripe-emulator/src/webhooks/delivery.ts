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

const KEEP_ATTEMPTS = 5000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends each event to every enabled endpoint that wants it (Connect endpoints get the connected
 * accounts' events, the others the platform's), signed like Stripe, retrying non-2xx answers with
 * exponential backoff. Real time is used for signatures, whatever the emulator's clock says, since
 * receivers check the timestamp against their own clock.
 */
export class WebhookDelivery {
  chaos: Chaos = { duplicateRate: 0, maxDelayMs: 0 };
  private pending = 0;
  private timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private readonly log: DeliveryAttempt[] = [];
  private stopped = false;

  constructor(
    private readonly state: EmulatorState,
    readonly retry: RetryPolicy,
  ) {
    state.onEvent((event) => this.enqueue(event));
  }

  /** The most recent attempts, newest first. */
  attempts(filter: { eventId?: string; endpointId?: string } = {}): DeliveryAttempt[] {
    return this.log.filter((entry) => (!filter.eventId || entry.eventId === filter.eventId) && (!filter.endpointId || entry.endpointId === filter.endpointId)).reverse();
  }

  /** Resolves once nothing is waiting to be delivered or retried. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    this.settle();
  }

  private enqueue(event: LooseObject): void {
    if (this.stopped) return;
    const connect = Boolean(event.account);
    for (const endpoint of this.state.all<Stripe.WebhookEndpoint>('webhook_endpoint')) {
      const secrets = this.state.hidden<Partial<EndpointSecrets>>(endpoint.id);
      const events = endpoint.enabled_events;
      if (endpoint.status !== 'enabled' || Boolean(secrets.connect) !== connect) continue;
      if (!events.includes('*') && !events.includes(event.type as string)) continue;
      event.pending_webhooks = (event.pending_webhooks as number) + 1;
      const copies = Math.random() < this.chaos.duplicateRate ? 2 : 1;
      for (let copy = 0; copy < copies; copy++) this.schedule(event, endpoint.id, 1, this.chaosDelay(), copy > 0);
    }
  }

  private chaosDelay(): number {
    return this.chaos.maxDelayMs > 0 ? Math.floor(Math.random() * this.chaos.maxDelayMs) : 0;
  }

  private schedule(event: LooseObject, endpointId: string, attempt: number, delayMs: number, duplicate: boolean): void {
    this.pending += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.send(event, endpointId, attempt, duplicate).finally(() => {
        this.pending = Math.max(0, this.pending - 1);
        this.settle();
      });
    }, delayMs);
    this.timers.add(timer);
  }

  private async send(event: LooseObject, endpointId: string, attempt: number, duplicate: boolean): Promise<void> {
    const endpoint = this.state.find<Stripe.WebhookEndpoint>(endpointId);
    if (!endpoint || this.stopped) return;
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
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (failure) {
      error = (failure as Error).message;
    }
    this.record({ eventId: event.id, eventType: event.type as string, endpointId, url: endpoint.url, attempt, status, error, duplicate, at: new Date().toISOString() });
    const delivered = status !== null && status >= 200 && status < 300;
    if (delivered) {
      if (!duplicate) event.pending_webhooks = Math.max(0, (event.pending_webhooks as number) - 1);
      return;
    }
    if (attempt < this.retry.attempts && !this.stopped) {
      const wait = Math.min(this.retry.baseDelayMs * 2 ** (attempt - 1), 3_600_000);
      this.schedule(event, endpointId, attempt + 1, wait, duplicate);
    }
  }

  private record(entry: DeliveryAttempt): void {
    this.log.push(entry);
    if (this.log.length > KEEP_ATTEMPTS) this.log.splice(0, this.log.length - KEEP_ATTEMPTS);
  }

  private settle(): void {
    if (this.pending > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
