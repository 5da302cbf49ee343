import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { HttpFetchError } from './errors.js';
import type { ResolvedAddress } from './pinned-dns.js';
import { pinnedLookup } from './pinned-dns.js';
import type { OutboundRequest } from './request-policy.js';
import type { AllowedTarget } from './url-policy.js';

/** Sends one request to the checked addresses and resolves when the response head arrives. */
export function openExchange(target: AllowedTarget, addresses: readonly ResolvedAddress[], request: OutboundRequest, signal: AbortSignal): Promise<IncomingMessage> {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send({
      host: target.hostname, // also the TLS servername and the Host header
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: request.method,
      headers: { ...request.headers, 'accept-encoding': 'identity', ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body) }) },
      lookup: pinnedLookup(addresses),
      agent: false, // no pooled sockets: each connection is made to addresses checked for this request
      signal,
    });
    outgoing.once('response', resolve);
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Reads the body up to `maxBytes`, counting as it streams; past that the connection is cut. */
export function readLimitedBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      response.destroy();
      reject(new HttpFetchError('HTTP_RESPONSE_TOO_LARGE', `the response is larger than ${maxBytes} bytes`));
    };
    if (Number(response.headers['content-length'] ?? 0) > maxBytes) return refuse();
    const chunks: Buffer[] = [];
    let received = 0;
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) refuse();
      else chunks.push(chunk);
    });
    response.once('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    response.once('close', () => reject(new HttpFetchError('HTTP_NETWORK_ERROR', 'the connection closed before the response was complete')));
  });
}

/** Response headers lower-cased, repeated ones joined with ', ' (from the raw list, so none is dropped). */
export function joinedHeaders(response: IncomingMessage): Record<string, string> {
  const joined = new Map<string, string>();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const previous = joined.get(name);
    joined.set(name, previous === undefined ? raw[i + 1] : `${previous}, ${raw[i + 1]}`);
  }
  return Object.fromEntries(joined);
}
