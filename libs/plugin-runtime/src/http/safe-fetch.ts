import { parseExemptions } from './address-policy.js';
import { HttpFetchError, HttpPermissionError } from './errors.js';
import { joinedHeaders, openExchange, readLimitedBody } from './exchange.js';
import type { HostLookup } from './pinned-dns.js';
import { resolvePublicAddresses, systemLookup } from './pinned-dns.js';
import { redirectedRequest } from './redirect-policy.js';
import type { OutboundRequest, PluginHttpRequest } from './request-policy.js';
import { toOutboundRequest } from './request-policy.js';
import { checkUrl } from './url-policy.js';

export interface PluginHttpResponse {
  status: number;
  statusText: string;
  /** The final URL, after redirects, without fragment. */
  url: string;
  headers: Record<string, string>;
  body: string;
  redirected: boolean;
}

export interface SafeFetchPolicy {
  /** Exact lower-case DNS names, or `*.example.com` for any subdomain (not the apex). */
  allowedHosts: readonly string[];
  /** Addresses or CIDRs allowed even though not public (dev/test escape hatch, e.g. '127.0.0.1/32'). */
  exemptAddresses?: readonly string[];
  /** DNS; defaults to the system resolver (node:dns lookup, all addresses). */
  lookup?: HostLookup;
  /** The whole call: every hop, DNS included, and the body. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** URL, header names and values, and body together. */
  maxRequestBytes?: number;
  maxRedirects?: number;
  /** Aborts every call made through this fetch (the invocation is over); calls reject with its reason. */
  signal?: AbortSignal;
}

export type SafeFetch = (request: PluginHttpRequest) => Promise<PluginHttpResponse>;

/** The host side of a plugin's `http.fetch`: only allow-listed hosts on public addresses, within limits. */
export function createSafeFetch(policy: SafeFetchPolicy): SafeFetch {
  const exemptions = parseExemptions(policy.exemptAddresses);
  const lookup = policy.lookup ?? systemLookup;
  const timeoutMs = policy.timeoutMs ?? 10_000;
  const maxResponseBytes = policy.maxResponseBytes ?? 1024 * 1024;
  const maxRequestBytes = policy.maxRequestBytes ?? 256 * 1024;
  const maxRedirects = policy.maxRedirects ?? 5;

  async function follow(first: OutboundRequest, signal: AbortSignal): Promise<PluginHttpResponse> {
    let request = first;
    for (let redirects = 0; ; redirects++) {
      const target = checkUrl(request.url, policy.allowedHosts);
      const addresses = await resolvePublicAddresses(target, lookup, exemptions);
      // The call may have given up while DNS ran (see untilAborted): connect to nothing then.
      signal.throwIfAborted();
      const response = await openExchange(target, addresses, request, signal);
      const next = redirectedRequest(request, response.statusCode ?? 0, response.headers.location);
      if (next === undefined) {
        const body = await readLimitedBody(response, maxResponseBytes);
        const url = new URL(request.url.href);
        url.hash = '';
        return {
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          url: url.href,
          headers: joinedHeaders(response),
          body: new TextDecoder().decode(body),
          redirected: redirects > 0,
        };
      }
      response.destroy();
      if (redirects >= maxRedirects) throw new HttpFetchError('HTTP_TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
      request = next;
    }
  }

  return async (request) => {
    policy.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    // Fired when the call settles, so no error path leaves a socket open or a late hop running.
    const settled = new AbortController();
    const signal = AbortSignal.any([timeout, settled.signal, ...(policy.signal === undefined ? [] : [policy.signal])]);
    try {
      return await untilAborted(follow(toOutboundRequest(request, maxRequestBytes), signal), signal);
    } catch (error) {
      if (error instanceof HttpPermissionError) throw error;
      if (policy.signal?.aborted === true) throw policy.signal.reason;
      if (timeout.aborted) throw new HttpFetchError('HTTP_TIMEOUT', `no complete response within ${timeoutMs} ms`);
      if (error instanceof HttpFetchError) throw error;
      throw new HttpFetchError('HTTP_NETWORK_ERROR', networkFailure(error));
    } finally {
      settled.abort();
    }
  };
}

// DNS lookups cannot be cancelled, so the call gives up on its own when the signal fires.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted')); // the caller reads which signal fired
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// The plugin gets what went wrong in words, not Node's error (which may name internal addresses).
function networkFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET') return 'the connection was reset';
  if (code === 'ETIMEDOUT') return 'the connection timed out';
  if (code.startsWith('HPE_')) return 'the server did not answer with valid HTTP';
  if (/CERT|TLS|SSL/.test(code)) return 'the TLS handshake failed (certificate not valid for this host?)';
  return 'the request could not be completed';
}
