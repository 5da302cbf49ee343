import type { Permission } from '@guild/extension-points';
import { createSafeFetch, HttpFetchError, HttpPermissionError, type PluginHttpRequest, type PluginHttpResponse, type SafeFetchPolicy } from './http/index.js';
import { checkUrl } from './http/url-policy.js';
import type { CapabilityDenial } from './invocation.js';
import type { StorageQuota } from './limits.js';
import { StorageError, type StorageAdapter } from './storage/storage-adapter.js';
import type { CapabilityAnswer } from './worker/protocol.js';

/** Performs an allowed request. The platform's is the SSRF-safe fetch; the SDK's test host records instead. */
export type HttpFetcher = (request: PluginHttpRequest, policy: SafeFetchPolicy) => Promise<PluginHttpResponse>;

export const networkFetcher: HttpFetcher = (request, policy) => createSafeFetch(policy)(request);

export interface CapabilityOptions {
  installId: string;
  permissions: readonly Permission[];
  storage: StorageAdapter;
  quota: StorageQuota;
  fetcher: HttpFetcher;
  /** Everything of the HTTP policy but the hosts, which come from the permissions. */
  httpPolicy: Omit<SafeFetchPolicy, 'allowedHosts'>;
  signal: AbortSignal;
}

class Denied extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LIST_LIMIT = 100;

/**
 * The host side of `ctx.storage` and `ctx.http`: every call is checked against the permissions
 * the install holds before it reaches storage or the network. Arguments arrive as JSON text from
 * the sandbox and are parsed here into plain data; nothing the plugin sends is trusted.
 */
export class Capabilities {
  readonly denied: CapabilityDenial[] = [];
  private readonly hosts: string[];

  constructor(private readonly options: CapabilityOptions) {
    this.hosts = options.permissions.flatMap((permission) => (permission.startsWith('http:') ? [permission.slice(5)] : []));
  }

  async handle(name: string, argsJson: string): Promise<string> {
    let answer: CapabilityAnswer;
    try {
      answer = { ok: true, value: await this.dispatch(name, parseArgs(argsJson)) };
    } catch (error) {
      answer = { ok: false, error: this.describe(name, error) };
    }
    return JSON.stringify(answer);
  }

  private async dispatch(name: string, args: Record<string, unknown>): Promise<unknown> {
    if (name.startsWith('storage.')) {
      if (!this.options.permissions.includes('storage')) throw notGranted(name, 'storage');
      return this.storage(name, args);
    }
    if (name === 'http.fetch') return this.fetch(args);
    throw new Denied('CAPABILITY_UNKNOWN', `there is no capability ${JSON.stringify(name)}`);
  }

  private async storage(name: string, args: Record<string, unknown>): Promise<unknown> {
    const { storage, installId: scope, quota } = this.options;
    const key = args.key;
    if (name !== 'storage.list' && (typeof key !== 'string' || key.length === 0 || key.length > quota.maxKeyLength)) {
      throw new StorageError('STORAGE_KEY_INVALID', `storage keys are non-empty strings of at most ${quota.maxKeyLength} characters`);
    }
    const k = String(key);
    switch (name) {
      case 'storage.get': {
        const value = await storage.get(scope, k);
        return value === undefined ? null : (JSON.parse(value) as unknown);
      }
      case 'storage.set':
        if (typeof args.value !== 'string') throw new StorageError('STORAGE_VALUE_INVALID', 'storage values must be JSON values');
        return storage.set(scope, k, args.value, quota).then(() => null);
      case 'storage.increment':
        if (typeof args.by !== 'number' || !Number.isFinite(args.by)) throw new StorageError('STORAGE_VALUE_INVALID', 'increment takes a finite number');
        return storage.increment(scope, k, args.by, quota);
      case 'storage.delete':
        return storage.delete(scope, k);
      case 'storage.list': {
        const limit = typeof args.limit === 'number' ? Math.min(Math.max(1, Math.floor(args.limit)), LIST_LIMIT) : LIST_LIMIT;
        const prefix = typeof args.prefix === 'string' ? args.prefix : undefined;
        const after = typeof args.after === 'string' ? args.after : undefined;
        return storage.list(scope, { prefix, after, limit });
      }
      default:
        throw new Denied('CAPABILITY_UNKNOWN', `there is no capability ${JSON.stringify(name)}`);
    }
  }

  private async fetch(args: Record<string, unknown>): Promise<PluginHttpResponse> {
    if (this.hosts.length === 0) throw notGranted('http.fetch', 'http:<host>');
    const request = toRequest(args);
    // The URL policy runs here for every fetcher, so the SDK's recording fetcher refuses exactly what the network one would.
    checkUrl(parseUrl(request.url), this.hosts);
    return this.options.fetcher(request, { ...this.options.httpPolicy, allowedHosts: this.hosts, signal: this.options.signal });
  }

  private describe(capability: string, error: unknown): { name: string; code: string; message: string } {
    if (error instanceof Denied || error instanceof HttpPermissionError) {
      this.denied.push({ capability, code: error.code, message: error.message });
      return { name: 'PermissionDenied', code: error.code, message: error.message };
    }
    if (error instanceof StorageError) return { name: 'StorageError', code: error.code, message: error.message };
    if (error instanceof HttpFetchError) return { name: 'HttpError', code: error.code, message: error.message };
    return { name: 'Error', code: 'CAPABILITY_FAILED', message: `${capability} failed` };
  }
}

function parseArgs(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function toRequest(args: Record<string, unknown>): PluginHttpRequest {
  const headers = args.headers !== null && typeof args.headers === 'object' ? (args.headers as Record<string, unknown>) : undefined;
  return {
    url: typeof args.url === 'string' ? args.url : '',
    ...(typeof args.method === 'string' ? { method: args.method } : {}),
    ...(headers ? { headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])) } : {}),
    ...(typeof args.body === 'string' ? { body: args.body } : {}),
  };
}

function notGranted(capability: string, permission: string): Denied {
  return new Denied('PERMISSION_NOT_GRANTED', `${capability} refused: this install does not grant ${permission}; add it to the manifest's permissions (the buyer grants it at install)`);
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new HttpFetchError('HTTP_INVALID_REQUEST', `http.fetch needs an absolute http: or https: URL, not ${JSON.stringify(url.slice(0, 200))}`);
  }
}
