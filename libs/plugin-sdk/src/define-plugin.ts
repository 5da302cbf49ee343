// What a plugin's entry file imports. Only types come from the registry, so bundling a plugin
// pulls in nothing but `definePlugin` itself.
import type { EventInput, EventName, FunctionInput, FunctionName, FunctionOutput } from '@guild/extension-points';

export type LogFn = (...values: unknown[]) => void;

export interface PluginLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** A key-value store scoped to the install; values are JSON. Needs the `storage` permission. */
export interface PluginStorage {
  get<T = unknown>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<null>;
  /** Adds `by` (default 1) to a number (missing counts as 0), atomically, and returns the result. */
  increment(key: string, by?: number): Promise<number>;
  delete(key: string): Promise<boolean>;
  list(options?: { prefix?: string; after?: string; limit?: number }): Promise<{ keys: string[]; next?: string }>;
}

export interface PluginFetchInit {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

export interface PluginResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: { get(name: string): string | null; has(name: string): boolean; entries(): [string, string][] };
  text(): Promise<string>;
  json<T = unknown>(): Promise<T>;
}

/** Outbound HTTP to the hosts the manifest lists as `http:<host>` and the install granted. */
export interface PluginHttp {
  fetch(url: string, init?: PluginFetchInit): Promise<PluginResponse>;
}

/** Everything a handler may use besides its input. There is nothing else: no process, no timers, no network. */
export interface PluginContext<Settings = Record<string, unknown>> {
  readonly point: string;
  readonly install: { readonly id: string };
  readonly settings: Readonly<Settings>;
  readonly storage: PluginStorage;
  readonly http: PluginHttp;
  readonly log: PluginLogger;
}

type Awaitable<T> = T | Promise<T>;

export type EventHandlers<Settings> = {
  [N in EventName]?: (input: EventInput<N>, ctx: PluginContext<Settings>) => Awaitable<void>;
};

export type FunctionHandlers<Settings> = {
  [N in FunctionName]?: (input: FunctionInput<N>, ctx: PluginContext<Settings>) => Awaitable<FunctionOutput<N>>;
};

export interface PluginDefinition<Settings = Record<string, unknown>> {
  events?: EventHandlers<Settings>;
  functions?: FunctionHandlers<Settings>;
}

/**
 * Declares a plugin: `export default definePlugin<Settings>({ events: {...}, functions: {...} })`.
 * The handlers' names must match the manifest's `events` and `functions` exactly.
 */
export function definePlugin<Settings = Record<string, unknown>>(definition: PluginDefinition<Settings>): PluginDefinition<Settings> {
  return definition;
}
