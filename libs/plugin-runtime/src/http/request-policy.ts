import { HttpFetchError } from './errors.js';

export interface PluginHttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A plugin's request after checking: method upper-case, header names lower-case, our own headers dropped. */
export interface OutboundRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
// Framing, connection and proxy headers are the transport's business; a plugin setting them could
// smuggle a second request or talk to a proxy. Accept-Encoding is ours too: bodies are read as text.
const HOST_OWNED_HEADERS = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'content-length', 'expect', 'http2-settings', 'accept-encoding']);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/i;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Checks a request as the sandbox sent it (its types are a promise, not a guarantee). */
export function toOutboundRequest(request: PluginHttpRequest, maxRequestBytes: number): OutboundRequest {
  if (typeof request !== 'object' || request === null || typeof request.url !== 'string') invalid('url must be a string');
  const method = (request.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) invalid(`method must be one of ${[...METHODS].join(', ')}`);
  if (request.body !== undefined && typeof request.body !== 'string') invalid('body must be a string');
  if (request.body !== undefined && (method === 'GET' || method === 'HEAD')) invalid(`a ${method} request cannot have a body`);

  const url = parseUrl(request.url);
  const headers = toHeaders(request.headers);
  if (request.body !== undefined) headers['content-type'] ??= 'text/plain;charset=UTF-8';
  headers['user-agent'] ??= 'guild-plugin';

  const size = byteLength(url.href) + Object.entries(headers).reduce((sum, [name, value]) => sum + byteLength(name) + byteLength(value), 0) + byteLength(request.body ?? '');
  if (size > maxRequestBytes) throw new HttpFetchError('HTTP_REQUEST_TOO_LARGE', `the request is ${size} bytes; the limit is ${maxRequestBytes}`);
  return { url, method, headers, body: request.body };
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    return invalid(`"${raw.slice(0, 200)}" is not an absolute URL`);
  }
}

function toHeaders(given: unknown): Record<string, string> {
  if (given === undefined) return {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) invalid('headers must be an object of strings');
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(given)) {
    if (typeof value !== 'string') invalid(`header ${name} must be a string`);
    if (!TOKEN.test(name)) invalid(`"${name}" is not a valid header name`);
    if (!FIELD_VALUE.test(value)) invalid(`header ${name} has a character not allowed in a header value`);
    const lower = name.toLowerCase();
    if (HOST_OWNED_HEADERS.has(lower) || lower.startsWith('proxy-')) continue;
    if (headers.has(lower)) invalid(`header ${name} is given twice`);
    headers.set(lower, value);
  }
  return Object.fromEntries(headers);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function invalid(message: string): never {
  throw new HttpFetchError('HTTP_INVALID_REQUEST', message);
}
