import { EMULATOR_API_VERSION } from './version.js';
import { newId } from './ids.js';
import { noSuch } from './errors.js';

/** Any object the emulator serves; handlers use the matching `Stripe.*` type (`state.get<Stripe.Customer>(...)`). */
export interface StripeObject {
  id: string;
  object: string;
  created?: number;
}

/** An object read without its specific type (events, generic code paths). */
export type LooseObject = StripeObject & Record<string, unknown>;

interface Stored {
  /** The connected account the object lives on; null for the platform. */
  account: string | null;
  data: StripeObject;
  seq: number;
}

export interface EmitOptions {
  account?: string | null;
  previousAttributes?: Record<string, unknown>;
  requestId?: string | null;
  idempotencyKey?: string | null;
}

export type EventListener = (event: LooseObject) => void;

/** Switches the control API flips for tests and demos; each is consumed by the code it names. */
export interface Controls {
  /** The next transfer create fails with this message (then the switch resets). */
  failNextTransfer: string | null;
  /** The next payout fails with this failure code (then the switch resets). */
  failNextPayout: string | null;
}

export interface Snapshot {
  version: 1;
  clockOffsetSeconds: number;
  seq: number;
  objects: Stored[];
  controls: Controls;
  /** Hidden per-object data Stripe keeps but never shows (card numbers' behaviour, tokens). */
  hidden: Record<string, object>;
}

/**
 * Everything the emulator knows: objects by id, each scoped to the platform or to one connected
 * account (the `Stripe-Account` header selects which scope a request sees), the emulator's clock,
 * and the control switches. Handlers mutate objects in place; the server snapshots after writes.
 */
export class EmulatorState {
  private objects = new Map<string, Stored>();
  /** The same objects by their `object` type: lists, clock ticks and webhook matching read one type, never the whole store. */
  private byType = new Map<string, Map<string, Stored>>();
  private hiddenData = new Map<string, object>();
  private seq = 0;
  private clockOffsetSeconds = 0;
  private listeners: EventListener[] = [];
  private tickListeners: ((now: number) => void)[] = [];
  controls: Controls = { failNextTransfer: null, failNextPayout: null };

  static fromSnapshot(snapshot: Snapshot): EmulatorState {
    const state = new EmulatorState();
    state.seq = snapshot.seq;
    state.clockOffsetSeconds = snapshot.clockOffsetSeconds;
    state.controls = { ...state.controls, ...snapshot.controls };
    for (const stored of snapshot.objects) state.store(stored);
    for (const [id, hidden] of Object.entries(snapshot.hidden)) state.hiddenData.set(id, hidden);
    return state;
  }

  toSnapshot(): Snapshot {
    return {
      version: 1,
      clockOffsetSeconds: this.clockOffsetSeconds,
      seq: this.seq,
      objects: [...this.objects.values()],
      controls: this.controls,
      hidden: Object.fromEntries(this.hiddenData),
    };
  }

  reset(): void {
    this.objects.clear();
    this.byType.clear();
    this.hiddenData.clear();
    this.clockOffsetSeconds = 0;
    this.controls = { failNextTransfer: null, failNextPayout: null };
  }

  /** Grows with every insert (every change emits an event, which is one), so a caller can tell whether anything changed. */
  get version(): number {
    return this.seq;
  }

  /** The emulator's time in Unix seconds: real time plus every advance made through the control API. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
  }

  advanceClock(seconds: number): void {
    this.clockOffsetSeconds += seconds;
    this.tick();
  }

  /**
   * Work that happens with time (renewals, payouts arriving, disputes closing by date) registers
   * here; it runs after every clock advance and, from the emulator, once a second.
   */
  onTick(listener: (now: number) => void): void {
    this.tickListeners.push(listener);
  }

  /** Runs every listener even when one throws (one area's bug must not stop another's clock); the first error is rethrown. */
  tick(): void {
    const now = this.now();
    let failure: Error | undefined;
    for (const listener of this.tickListeners) {
      try {
        listener(now);
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (failure) throw failure;
  }

  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  insert<T extends StripeObject>(data: T, account: string | null = null): T {
    this.store({ account, data, seq: ++this.seq });
    return data;
  }

  private store(stored: Stored): void {
    this.objects.set(stored.data.id, stored);
    let ofType = this.byType.get(stored.data.object);
    if (!ofType) {
      ofType = new Map();
      this.byType.set(stored.data.object, ofType);
    }
    ofType.set(stored.data.id, stored);
  }

  private ofType(object: string): Iterable<Stored> {
    return this.byType.get(object)?.values() ?? [];
  }

  /** The object if it exists in this scope (platform when `account` is null). */
  find<T extends StripeObject = StripeObject>(id: string, account: string | null = null): T | undefined {
    const stored = this.objects.get(id);
    return stored && stored.account === account ? (stored.data as T) : undefined;
  }

  /** Like find, for an object of type `object`; a missing one is Stripe's `resource_missing` (a 400 naming `param` when given). */
  get<T extends StripeObject = StripeObject>(object: string, id: string, account: string | null = null, param?: string): T {
    const found = this.find<T>(id, account);
    if (!found || found.object !== object) throw noSuch(object, id, param);
    return found;
  }

  /** The scope (platform or account) an object lives in, whatever the caller's scope. */
  accountOf(id: string): string | null | undefined {
    return this.objects.get(id)?.account;
  }

  /** Any object by id in any scope: for expansion and internal bookkeeping only. */
  anywhere<T extends StripeObject = StripeObject>(id: string): T | undefined {
    return this.objects.get(id)?.data as T | undefined;
  }

  remove(id: string): void {
    const stored = this.objects.get(id);
    if (stored) this.byType.get(stored.data.object)?.delete(id);
    this.objects.delete(id);
    this.hiddenData.delete(id);
  }

  /** Objects of one type in one scope, newest first (Stripe's list order). */
  all<T extends StripeObject = StripeObject>(object: string, account: string | null = null, filter?: (item: T) => boolean): T[] {
    const found: Stored[] = [];
    for (const stored of this.ofType(object)) {
      if (stored.account === account && (!filter || filter(stored.data as T))) found.push(stored);
    }
    return found.sort((a, b) => (b.data.created ?? 0) - (a.data.created ?? 0) || b.seq - a.seq).map((stored) => stored.data as T);
  }

  /** Every object of one type in every scope (clock advances walk all subscriptions, payouts...). */
  everywhere<T extends StripeObject = StripeObject>(object: string): { account: string | null; data: T }[] {
    return [...this.ofType(object)].map((stored) => ({ account: stored.account, data: stored.data as T }));
  }

  hidden<T extends object>(id: string): T {
    let hidden = this.hiddenData.get(id);
    if (!hidden) {
      hidden = {};
      this.hiddenData.set(id, hidden);
    }
    return hidden as T;
  }

  /** Records an event about `object` (copied as it is now) and hands it to the webhook delivery. */
  emit(type: string, object: StripeObject, options: EmitOptions = {}): LooseObject {
    const account = options.account ?? null;
    const event: LooseObject = {
      id: newId('evt'),
      object: 'event',
      api_version: EMULATOR_API_VERSION,
      created: this.now(),
      data: {
        object: structuredClone(object),
        ...(options.previousAttributes ? { previous_attributes: structuredClone(options.previousAttributes) } : {}),
      },
      livemode: false,
      pending_webhooks: 0,
      request: { id: options.requestId ?? null, idempotency_key: options.idempotencyKey ?? null },
      type,
      ...(account ? { account, context: account } : {}),
    };
    this.insert(event, account);
    for (const listener of this.listeners) listener(event);
    return event;
  }
}
