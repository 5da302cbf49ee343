import type { EmulatorState, LooseObject, StripeObject } from './state.js';
import type { Params } from './params.js';

export type Method = 'GET' | 'POST' | 'DELETE';

/** What a handler gets for one API request. */
export interface RequestContext {
  /** The body of a POST, the query of a GET or DELETE. */
  params: Params;
  /** Path parameters (`:id`). */
  path: Record<string, string>;
  /** The connected account named by `Stripe-Account`, or null for the platform. */
  account: string | null;
  state: EmulatorState;
  /** The request path without its query (the `url` of list responses). */
  url: string;
  /** Where the emulator's hosted pages are served (`http://localhost:12111`). */
  publicUrl: string;
  /** Records an event; `account` defaults to the request's, the request id and idempotency key are filled in. */
  emit: Emit;
}

export type Handler = (ctx: RequestContext) => unknown;

export type Ticker = (state: EmulatorState, now: number) => void;

export interface Route {
  method: Method;
  /** Fastify path syntax: `/v1/customers/:id`. */
  path: string;
  handler: Handler;
  /** Top-level params the route accepts besides `expand`; anything else is `parameter_unknown`. Omit to accept any. */
  params?: readonly string[];
}

/** The API routes each resource file registers; the server wraps them with Stripe's request semantics. */
export class ApiRouter {
  readonly routes: Route[] = [];
  /** Time-driven work (renewals, payouts arriving, sessions expiring): runs on every clock advance and once a second. */
  readonly tickers: Ticker[] = [];

  onTick(ticker: Ticker): void {
    this.tickers.push(ticker);
  }

  get(path: string, handler: Handler, params?: readonly string[]): void {
    this.routes.push({ method: 'GET', path, handler, params });
  }

  post(path: string, handler: Handler, params?: readonly string[]): void {
    this.routes.push({ method: 'POST', path, handler, params });
  }

  delete(path: string, handler: Handler, params?: readonly string[]): void {
    this.routes.push({ method: 'DELETE', path, handler, params });
  }
}

/** Params every list endpoint accepts. */
export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'created'] as const;

/** Records an event (`state.emit` bound to a scope): a request's `ctx.emit`, or `stateEmit` outside requests. */
export type Emit = (type: string, object: StripeObject, options?: { account?: string | null; previousAttributes?: Record<string, unknown> }) => LooseObject;

/** An Emit for code running outside a request (hosted pages, clock ticks): events carry no request id and default to `account`'s scope. */
export function stateEmit(state: EmulatorState, account: string | null = null): Emit {
  return (type, object, options = {}) => state.emit(type, object, { account: options.account === undefined ? account : options.account, previousAttributes: options.previousAttributes });
}
