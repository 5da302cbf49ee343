import { HttpFetchError } from './index.js';
import type { PluginHttpRequest } from './index.js';
import { toOutboundRequest } from './request-policy.js';

const codeOf = (request: unknown, maxBytes = 1024): string | undefined => {
  try {
    toOutboundRequest(request as PluginHttpRequest, maxBytes);
  } catch (error) {
    if (error instanceof HttpFetchError) return error.code;
    throw error;
  }
  return undefined;
};

describe('toOutboundRequest', () => {
  it('upper-cases the method, lower-cases header names and types a string body', () => {
    const request = toOutboundRequest({ url: 'https://a.example.com/x', method: 'post', headers: { 'X-Trace': '1' }, body: 'hi' }, 1024);
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({ 'x-trace': '1', 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'guild-plugin' });
    expect(request.url.href).toBe('https://a.example.com/x');
  });

  it('drops the headers the transport owns', () => {
    const headers = {
      Host: 'internal',
      Connection: 'keep-alive',
      'Content-Length': '5',
      'Transfer-Encoding': 'chunked',
      'Proxy-Authorization': 'Basic x',
      'Proxy-Anything': 'x',
      TE: 'trailers',
      Upgrade: 'h2c',
      Expect: '100-continue',
      'Accept-Encoding': 'gzip',
      'Content-Type': 'application/json',
    };
    expect(toOutboundRequest({ url: 'https://a.example.com/', method: 'PUT', headers, body: '{}' }, 1024).headers).toEqual({ 'content-type': 'application/json', 'user-agent': 'guild-plugin' });
  });

  it.each([
    ['a missing url', {}],
    ['a relative url', { url: '/hook' }],
    ['an unknown method', { url: 'https://a.example.com/', method: 'CONNECT' }],
    ['TRACE', { url: 'https://a.example.com/', method: 'TRACE' }],
    ['a body on GET', { url: 'https://a.example.com/', body: 'x' }],
    ['a non-string body', { url: 'https://a.example.com/', method: 'POST', body: { a: 1 } }],
    ['a non-string header', { url: 'https://a.example.com/', headers: { 'x-a': 1 } }],
    ['headers as an array', { url: 'https://a.example.com/', headers: [['x-a', '1']] }],
    ['a header injecting a line', { url: 'https://a.example.com/', headers: { 'x-a': 'v\r\nX-Evil: 1' } }],
    ['a bad header name', { url: 'https://a.example.com/', headers: { 'x a': '1' } }],
    ['the same header twice', { url: 'https://a.example.com/', headers: { 'X-A': '1', 'x-a': '2' } }],
  ])('refuses %s', (_what, request) => expect(codeOf(request)).toBe('HTTP_INVALID_REQUEST'));

  it('counts the URL, headers and body (in UTF-8 bytes) against the request limit', () => {
    expect(codeOf({ url: 'https://a.example.com/', method: 'POST', body: 'x'.repeat(900) })).toBeUndefined();
    expect(codeOf({ url: 'https://a.example.com/', method: 'POST', body: 'é'.repeat(600) })).toBe('HTTP_REQUEST_TOO_LARGE');
    expect(codeOf({ url: 'https://a.example.com/', headers: { 'x-big': 'x'.repeat(1100) } })).toBe('HTTP_REQUEST_TOO_LARGE');
  });
});
