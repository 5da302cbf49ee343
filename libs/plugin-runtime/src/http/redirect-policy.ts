import { HttpFetchError } from './errors.js';
import type { OutboundRequest } from './request-policy.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];
const CREDENTIAL_HEADERS = ['authorization', 'cookie'];

/**
 * The request to send next when `status` is a redirect with a Location, following the Fetch
 * standard: 303 (and 301/302 after a POST) turn into a GET without body, and credentials are not
 * carried to another origin. Undefined when the response is final. The new URL is not checked here.
 */
export function redirectedRequest(previous: OutboundRequest, status: number, location: string | undefined): OutboundRequest | undefined {
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(location, previous.url);
  } catch {
    throw new HttpFetchError('HTTP_NETWORK_ERROR', 'the server redirected to an invalid URL');
  }

  const headers = new Map(Object.entries(previous.headers));
  const toGet = status === 303 ? previous.method !== 'HEAD' : (status === 301 || status === 302) && previous.method === 'POST';
  if (toGet) for (const name of BODY_HEADERS) headers.delete(name);
  if (url.origin !== previous.url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);

  return {
    url,
    method: toGet ? 'GET' : previous.method,
    headers: Object.fromEntries(headers),
    body: toGet ? undefined : previous.body,
  };
}
