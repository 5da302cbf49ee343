import { once } from 'node:events';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { createSafeFetch, HttpFetchError, HttpPermissionError } from './index.js';
import type { PluginHttpRequest, PluginHttpResponse, SafeFetchPolicy } from './index.js';

interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface LocalServer {
  port: number;
  requests: SeenRequest[];
  connections: number;
  url(host: string, path?: string): string;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Handler, address = '127.0.0.1'): Promise<LocalServer> {
  const local: LocalServer = { port: 0, requests: [], connections: 0, url: (host, path = '/') => `http://${host}:${local.port}${path}` };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      local.requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() });
      handler(request, response);
    });
  });
  server.on('connection', () => local.connections++);
  servers.push(server);
  server.listen(0, address);
  await once(server, 'listening');
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('not a TCP server');
  local.port = bound.port;
  return local;
}

/** A resolver from a table, recording what it was asked. */
function fakeDns(table: Record<string, string[]>) {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: isIP(address) === 6 ? (6 as const) : (4 as const) }));
  };
  return { asked, lookup };
}

const dns = fakeDns({
  'hooks.example.com': ['127.0.0.1'],
  'api.example.com': ['127.0.0.1'],
  'example.com': ['127.0.0.1'],
  'other.example.com': ['127.0.0.1'],
  'internal.example.com': ['10.0.0.7'],
  'second-loopback.example.com': ['127.0.0.2'],
  'metadata.example.com': ['169.254.169.254'],
  'v6-loopback.example.com': ['::1'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'ula.example.com': ['fd00::1'],
  'mixed.example.com': ['93.184.215.14', '10.0.0.1'],
  'mixed-reversed.example.com': ['10.0.0.1', '93.184.215.14'],
  'evil.test': ['127.0.0.1'],
});

const allowedHosts = ['hooks.example.com', '*.example.com'];
const devPolicy: SafeFetchPolicy = { allowedHosts, lookup: dns.lookup, exemptAddresses: ['127.0.0.1/32'] };

async function failure(promise: Promise<PluginHttpResponse>): Promise<HttpPermissionError | HttpFetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpPermissionError || error instanceof HttpFetchError) return error;
    throw error;
  }
  throw new Error('expected http.fetch to fail');
}

const fetchWith = (request: PluginHttpRequest, policy: Partial<SafeFetchPolicy> = {}) => createSafeFetch({ ...devPolicy, ...policy })(request);

describe('createSafeFetch: allowed requests', () => {
  it('GETs from an allowed host and returns status, joined headers and body', async () => {
    const server = await serve((_request, response) => {
      response.setHeader('x-multi', ['a', 'b']);
      response.setHeader('content-type', 'application/json');
      response.end('{"ok":true}');
    });
    const response = await fetchWith({ url: server.url('hooks.example.com', '/path?q=1#frag') });
    expect(response).toMatchObject({ status: 200, statusText: 'OK', body: '{"ok":true}', redirected: false, url: server.url('hooks.example.com', '/path?q=1') });
    expect(response.headers).toMatchObject({ 'x-multi': 'a, b', 'content-type': 'application/json' });
    expect(server.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/path?q=1', body: '' })]);
    expect(server.requests[0].headers).toMatchObject({ host: `hooks.example.com:${server.port}`, 'accept-encoding': 'identity' });
  });

  it('POSTs a body with the plugin headers, and sets framing headers itself', async () => {
    const server = await serve((_request, response) => {
      response.statusCode = 201;
      response.end('created');
    });
    const body = '{"text":"héllo"}';
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer t', Host: 'metadata.internal', 'Content-Length': '1', 'Transfer-Encoding': 'chunked' };
    const response = await fetchWith({ url: server.url('hooks.example.com', '/hook'), method: 'post', headers, body });
    expect(response).toMatchObject({ status: 201, statusText: 'Created', body: 'created' });
    const [seen] = server.requests;
    expect(seen).toMatchObject({ method: 'POST', path: '/hook', body });
    expect(seen.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t', host: `hooks.example.com:${server.port}`, 'content-length': String(Buffer.byteLength(body)) });
    expect(seen.headers['transfer-encoding']).toBeUndefined();
  });

  it('allows any subdomain of a wildcard entry but not its apex', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    const fetch = createSafeFetch({ ...devPolicy, allowedHosts: ['*.example.com'] });
    await expect(fetch({ url: server.url('api.example.com') })).resolves.toMatchObject({ status: 200 });
    expect(await failure(fetch({ url: server.url('example.com') }))).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect(server.requests).toHaveLength(1);
  });

  it('connects to the address it checked: a second DNS answer is never asked for', async () => {
    const exempted = await serve((_request, response) => response.end('checked'));
    const rebound = await serve((_request, response) => response.end('rebound'), '127.0.0.2');
    const answers = [['127.0.0.1'], ['127.0.0.2']];
    let calls = 0;
    const lookup = async () => (answers[calls++] ?? ['127.0.0.2']).map((address) => ({ address, family: 4 as const }));
    const response = await fetchWith({ url: exempted.url('hooks.example.com') }, { lookup });
    expect(response.body).toBe('checked');
    expect(calls).toBe(1);
    expect(rebound.connections).toBe(0);
  });
});

describe('createSafeFetch: refused targets', () => {
  it('refuses a host outside the allow-list before resolving it', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    dns.asked.length = 0;
    const error = await failure(fetchWith({ url: server.url('evil.test') }));
    expect(error).toBeInstanceOf(HttpPermissionError);
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED', url: server.url('evil.test') });
    expect(error.message).toBe('http.fetch refused: evil.test is not an allowed host for this plugin; only public DNS names can be allowed, not IP addresses or local names');
    expect(dns.asked).toEqual([]);
    expect(server.connections).toBe(0);
  });

  it.each(['127.0.0.1', '2130706433', '0x7f.1', '127.1', '[::1]', '[::ffff:127.0.0.1]'])('refuses the IP literal %s even when it is listed', async (host) => {
    const server = await serve((_request, response) => response.end('ok'));
    const error = await failure(fetchWith({ url: server.url(host) }, { allowedHosts: [host, '127.0.0.1', '*.example.com'] }));
    expect(error.code).toBe('HOST_NOT_ALLOWED');
    expect(server.connections).toBe(0);
  });

  it('refuses a name resolving to loopback without an exemption, and never connects', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    const error = await failure(fetchWith({ url: server.url('hooks.example.com') }, { exemptAddresses: [] }));
    expect(error).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(error.message).toBe('http.fetch refused: hooks.example.com resolves to an address that is not public');
    expect(server.connections).toBe(0);
  });

  it.each(['metadata', 'internal', 'v6-loopback', 'mapped', 'ula', 'mixed', 'mixed-reversed'])('refuses %s.example.com (a non-public answer)', async (name) => {
    const error = await failure(fetchWith({ url: `http://${name}.example.com/` }, { exemptAddresses: [] }));
    expect(error).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED', url: `http://${name}.example.com/` });
  });

  it.each(['file:///etc/passwd', 'ftp://hooks.example.com/', 'data:text/plain,hello'])('refuses the scheme of %s', async (url) => {
    expect(await failure(fetchWith({ url }))).toMatchObject({ code: 'SCHEME_NOT_ALLOWED' });
  });

  it('refuses credentials in the URL', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    const error = await failure(fetchWith({ url: server.url('user:pw@hooks.example.com') }));
    expect(error).toMatchObject({ code: 'CREDENTIALS_IN_URL', url: server.url('hooks.example.com') });
    expect(server.connections).toBe(0);
  });

  it('refuses privileged ports other than 80 and 443', async () => {
    expect(await failure(fetchWith({ url: 'http://hooks.example.com:22/' }))).toMatchObject({ code: 'PORT_NOT_ALLOWED' });
  });

  it('reports an unresolvable name as a network error', async () => {
    expect(await failure(fetchWith({ url: 'http://missing.example.com/' }))).toMatchObject({ code: 'HTTP_NETWORK_ERROR', message: 'http.fetch failed: could not resolve missing.example.com' });
  });
});

describe('createSafeFetch: redirects', () => {
  const redirectTo = (location: string, status = 302): Handler => (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };

  it('follows a redirect on the same server and reports the final URL', async () => {
    const server = await serve((request, response) => (request.url === '/old' ? redirectTo('/new', 301)(request, response) : response.end('moved here')));
    const response = await fetchWith({ url: server.url('hooks.example.com', '/old') });
    expect(response).toMatchObject({ status: 200, body: 'moved here', redirected: true, url: server.url('hooks.example.com', '/new') });
    expect(server.requests.map((seen) => seen.path)).toEqual(['/old', '/new']);
  });

  it('turns a POST into a body-less GET on 303', async () => {
    const server = await serve((request, response) => (request.url === '/form' ? redirectTo('/done', 303)(request, response) : response.end('done')));
    await fetchWith({ url: server.url('hooks.example.com', '/form'), method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(server.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: '/form', body: 'a=1' },
      { method: 'GET', path: '/done', body: '' },
    ]);
    expect(server.requests[1].headers['content-type']).toBeUndefined();
  });

  it('does not carry Authorization or Cookie to another origin', async () => {
    const target = await serve((_request, response) => response.end('there'));
    const origin = await serve(redirectTo(target.url('other.example.com', '/landing'), 307));
    const headers = { authorization: 'Bearer secret', cookie: 'session=1', 'x-trace': 'abc' };
    await fetchWith({ url: origin.url('hooks.example.com'), method: 'PUT', body: 'x', headers });
    expect(origin.requests[0].headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'session=1' });
    expect(target.requests).toEqual([expect.objectContaining({ method: 'PUT', body: 'x' })]);
    expect(target.requests[0].headers).toMatchObject({ 'x-trace': 'abc' });
    expect(target.requests[0].headers.authorization).toBeUndefined();
    expect(target.requests[0].headers.cookie).toBeUndefined();
  });

  it('refuses a redirect to a private IP literal and never connects to it', async () => {
    const internal = await serve((_request, response) => response.end('internal'), '127.0.0.2');
    const server = await serve(redirectTo(internal.url('127.0.0.2', '/admin')));
    const error = await failure(fetchWith({ url: server.url('hooks.example.com') }));
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED', url: internal.url('127.0.0.2', '/admin') });
    expect(internal.connections).toBe(0);
  });

  it('refuses a redirect to an allowed name that resolves to a private address, and never connects to it', async () => {
    const internal = await serve((_request, response) => response.end('internal'), '127.0.0.2');
    const server = await serve((request, response) =>
      redirectTo(request.url === '/a' ? internal.url('second-loopback.example.com') : 'http://internal.example.com/')(request, response),
    );
    expect(await failure(fetchWith({ url: server.url('hooks.example.com', '/a') }))).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(await failure(fetchWith({ url: server.url('hooks.example.com', '/b') }))).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED', url: 'http://internal.example.com/' });
    expect(internal.connections).toBe(0);
  });

  it('refuses a redirect to a host outside the allow-list, or to another scheme', async () => {
    const elsewhere = await serve((_request, response) => response.end('elsewhere'));
    const server = await serve((request, response) => redirectTo(request.url === '/a' ? elsewhere.url('evil.test') : 'file:///etc/passwd')(request, response));
    expect(await failure(fetchWith({ url: server.url('hooks.example.com', '/a') }))).toMatchObject({ code: 'HOST_NOT_ALLOWED', url: elsewhere.url('evil.test') });
    expect(await failure(fetchWith({ url: server.url('hooks.example.com', '/b') }))).toMatchObject({ code: 'SCHEME_NOT_ALLOWED' });
    expect(elsewhere.connections).toBe(0);
  });

  it('gives up on a redirect loop after maxRedirects', async () => {
    const server = await serve(redirectTo('/again'));
    const error = await failure(fetchWith({ url: server.url('hooks.example.com') }, { maxRedirects: 3 }));
    expect(error).toMatchObject({ code: 'HTTP_TOO_MANY_REDIRECTS' });
    expect(server.requests).toHaveLength(4);
  });
});

describe('createSafeFetch: limits and aborts', () => {
  it('cuts a response larger than maxResponseBytes while it streams', async () => {
    let serverSawClose = false;
    const server = await serve((_request, response) => {
      response.on('close', () => (serverSawClose = true));
      const timer = setInterval(() => response.write(Buffer.alloc(16 * 1024, 'x')), 1);
      response.on('close', () => clearInterval(timer));
    });
    const error = await failure(fetchWith({ url: server.url('hooks.example.com') }, { maxResponseBytes: 100_000 }));
    expect(error).toMatchObject({ code: 'HTTP_RESPONSE_TOO_LARGE' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(serverSawClose).toBe(true);
  });

  it('refuses a response whose Content-Length is over the limit without reading it', async () => {
    const server = await serve((_request, response) => {
      response.setHeader('content-length', 2_000_000);
      response.write('x');
    });
    expect(await failure(fetchWith({ url: server.url('hooks.example.com') }, { maxResponseBytes: 1000 }))).toMatchObject({ code: 'HTTP_RESPONSE_TOO_LARGE' });
  });

  it('accepts a response of exactly maxResponseBytes', async () => {
    const server = await serve((_request, response) => response.end('y'.repeat(1000)));
    await expect(fetchWith({ url: server.url('hooks.example.com') }, { maxResponseBytes: 1000 })).resolves.toMatchObject({ body: 'y'.repeat(1000) });
  });

  it('refuses a request body over maxRequestBytes before connecting', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    const error = await failure(fetchWith({ url: server.url('hooks.example.com'), method: 'POST', body: 'z'.repeat(2000) }, { maxRequestBytes: 1000 }));
    expect(error).toMatchObject({ code: 'HTTP_REQUEST_TOO_LARGE' });
    expect(server.connections).toBe(0);
  });

  it('times out on a server that never answers, and on a body that never ends', async () => {
    const server = await serve((request, response) => (request.url === '/silent' ? undefined : response.write('partial')));
    for (const path of ['/silent', '/trickle']) {
      const started = Date.now();
      const error = await failure(fetchWith({ url: server.url('hooks.example.com', path) }, { timeoutMs: 200 }));
      expect(error).toMatchObject({ code: 'HTTP_TIMEOUT', message: 'http.fetch failed: no complete response within 200 ms' });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('times out while DNS hangs', async () => {
    const lookup = () => new Promise<never>(() => undefined);
    expect(await failure(fetchWith({ url: 'http://hooks.example.com/' }, { lookup, timeoutMs: 100 }))).toMatchObject({ code: 'HTTP_TIMEOUT' });
  });

  it("stops when the caller's signal aborts, rejecting with its reason", async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const ended = new Error('invocation over');
    const pending = fetchWith({ url: server.url('hooks.example.com') }, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(ended);
    await expect(pending).rejects.toBe(ended);
    await expect(fetchWith({ url: server.url('hooks.example.com') }, { signal: controller.signal })).rejects.toBe(ended);
    expect(server.requests).toHaveLength(1);
  });
});
