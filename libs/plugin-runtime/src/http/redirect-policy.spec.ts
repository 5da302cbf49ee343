import { redirectedRequest } from './redirect-policy.js';
import type { OutboundRequest } from './request-policy.js';

const post: OutboundRequest = {
  url: new URL('https://a.example.com/start'),
  method: 'POST',
  headers: { authorization: 'Bearer t', cookie: 'c=1', 'content-type': 'application/json', 'x-trace': '1' },
  body: '{"a":1}',
};

describe('redirectedRequest', () => {
  it('is undefined for final responses and redirects without a Location', () => {
    expect(redirectedRequest(post, 200, '/x')).toBeUndefined();
    expect(redirectedRequest(post, 304, '/x')).toBeUndefined();
    expect(redirectedRequest(post, 302, undefined)).toBeUndefined();
  });

  it('resolves a relative Location against the current URL', () => {
    expect(redirectedRequest(post, 307, 'next?x=1')?.url.href).toBe('https://a.example.com/next?x=1');
  });

  it.each([301, 302, 303])('turns a POST into a GET without body on %s', (status) => {
    const next = redirectedRequest(post, status, '/next');
    expect(next).toMatchObject({ method: 'GET', body: undefined });
    expect(next?.headers).toEqual({ authorization: 'Bearer t', cookie: 'c=1', 'x-trace': '1' });
  });

  it.each([307, 308])('keeps the method and body on %s', (status) => {
    expect(redirectedRequest(post, status, '/next')).toMatchObject({ method: 'POST', body: '{"a":1}', headers: post.headers });
  });

  it('turns a PUT into a GET on 303 only, and keeps HEAD a HEAD', () => {
    const put = { ...post, method: 'PUT' };
    expect(redirectedRequest(put, 302, '/n')?.method).toBe('PUT');
    expect(redirectedRequest(put, 303, '/n')?.method).toBe('GET');
    expect(redirectedRequest({ ...post, method: 'HEAD', body: undefined }, 303, '/n')?.method).toBe('HEAD');
  });

  it('strips Authorization and Cookie when the origin changes (host, port or scheme)', () => {
    for (const location of ['https://b.example.com/', 'https://a.example.com:8443/', 'http://a.example.com/']) {
      expect(redirectedRequest(post, 307, location)?.headers).toEqual({ 'content-type': 'application/json', 'x-trace': '1' });
    }
  });

  it('refuses a Location that is not a URL', () => {
    expect(() => redirectedRequest(post, 302, 'http://[::1')).toThrow(expect.objectContaining({ code: 'HTTP_NETWORK_ERROR' }));
  });
});
