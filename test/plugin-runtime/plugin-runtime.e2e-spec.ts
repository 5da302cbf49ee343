import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, PluginRuntime } from '@guild/plugin-runtime';
import { cart, install, orderPaid, pluginVersion, WELL_BEHAVED } from '../support/plugins.js';

const fn = (body: string, manifest = {}) => pluginVersion(`export default { functions: { 'cart.discounts': ${body} } };`, manifest);
const withStorage = (body: string) => fn(body, { permissions: ['functions:cart.discounts', 'storage'] });

describe('PluginRuntime', () => {
  let runtime: PluginRuntime;
  const storage = new MemoryStorage();

  beforeAll(() => {
    runtime = new PluginRuntime({ workers: 2, storage, storageQuota: { maxKeys: 5, maxValueBytes: 100, maxTotalBytes: 300 } });
  });
  afterAll(() => runtime.stop());

  it('answers a function, validated and recorded', async () => {
    const record = await runtime.invoke(pluginVersion(WELL_BEHAVED), install(), 'cart.discounts', cart());
    expect(record).toMatchObject({
      plugin: 'acme/test-plugin',
      version: '1.0.0',
      installId: 'install-1',
      point: 'cart.discounts',
      kind: 'function',
      outcome: 'ok',
      output: { discounts: [{ lineId: 'line_1', amount: 100, currency: 'EUR', label: 'Fair discount' }] },
      logs: [],
      denied: [],
    });
    expect(record.durationMs).toBeGreaterThan(0);
    expect(new Date(record.startedAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('reuses a warm sandbox per plugin version and install, and never across installs', async () => {
    const counter = fn('() => { globalThis.calls = (globalThis.calls ?? 0) + 1; return { discounts: [{ lineId: "line_1", amount: globalThis.calls, currency: "EUR", label: "n" }] }; }');
    const first = await runtime.invoke(counter, install('warm-a'), 'cart.discounts', cart());
    const second = await runtime.invoke(counter, install('warm-a'), 'cart.discounts', cart());
    const other = await runtime.invoke(counter, install('warm-b'), 'cart.discounts', cart());
    expect([first.cold, second.cold, other.cold]).toEqual([true, false, true]);
    expect([first, second, other].map((r) => (r.output as { discounts: { amount: number }[] }).discounts[0].amount)).toEqual([1, 2, 1]);
  });

  it('starts a fresh sandbox for a new version of the same plugin', async () => {
    const v1 = fn('() => ({ discounts: [] })');
    const v2 = fn('() => ({ discounts: [] })', { version: '1.0.1' });
    expect((await runtime.invoke(v1, install('versions'), 'cart.discounts', cart())).cold).toBe(true);
    expect((await runtime.invoke(v2, install('versions'), 'cart.discounts', cart())).cold).toBe(true);
    expect((await runtime.invoke(v1, install('versions'), 'cart.discounts', cart())).cold).toBe(false);
  });

  it('passes settings and the install id, frozen', async () => {
    const plugin = fn('(cart, ctx) => { ctx.settings.label = "changed"; return { discounts: [{ lineId: "line_1", amount: 5, currency: "EUR", label: ctx.settings.label + " " + ctx.install.id }] }; }');
    const record = await runtime.invoke(plugin, install('settings-install', { label: 'Loyal' }), 'cart.discounts', cart());
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'PLUGIN_ERROR', message: expect.stringContaining('TypeError') } });
    const reading = fn('(cart, ctx) => ({ discounts: [{ lineId: "line_1", amount: 5, currency: "EUR", label: ctx.settings.label + " " + ctx.install.id }] })');
    expect(await runtime.invoke(reading, install('settings-install', { label: 'Loyal' }), 'cart.discounts', cart())).toMatchObject({
      output: { discounts: [{ label: 'Loyal settings-install' }] },
    });
  });

  it('keeps storage per install, with get, set, increment, list and delete', async () => {
    const plugin = withStorage(`async (cart, ctx) => {
      await ctx.storage.set('last-cart', { id: cart.cartId });
      const seen = await ctx.storage.increment('carts');
      const listed = await ctx.storage.list({ prefix: 'c' });
      const last = await ctx.storage.get('last-cart');
      const missing = await ctx.storage.get('nothing');
      await ctx.storage.delete('last-cart');
      ctx.log.info(seen, listed.keys, last.id, missing);
      return { discounts: [] };
    }`);
    await runtime.invoke(plugin, install('storage-a'), 'cart.discounts', cart());
    const second = await runtime.invoke(plugin, install('storage-a'), 'cart.discounts', cart({ cartId: 'cart_2' }));
    expect(second.logs.map((line) => line.message)).toEqual(['2 ["carts"] cart_2 null']);
    expect(storage.entries('storage-a')).toEqual({ carts: 2 });
    await runtime.invoke(plugin, install('storage-b'), 'cart.discounts', cart());
    expect(storage.entries('storage-b')).toEqual({ carts: 1 });
  });

  it('refuses writes over the storage quota with a clear code', async () => {
    const big = await runtime.invoke(withStorage('async (cart, ctx) => { await ctx.storage.set("big", "x".repeat(200)); }'), install('quota'), 'cart.discounts', cart());
    expect(big).toMatchObject({ outcome: 'error', error: { code: 'STORAGE_QUOTA_EXCEEDED' } });
    const many = await runtime.invoke(
      withStorage('async (cart, ctx) => { for (let i = 0; i < 10; i++) await ctx.storage.set("k" + i, i); }'),
      install('quota'),
      'cart.discounts',
      cart(),
    );
    expect(many).toMatchObject({ outcome: 'error', error: { code: 'STORAGE_QUOTA_EXCEEDED', message: expect.stringContaining('5 keys') } });
    expect(Object.keys(storage.entries('quota'))).toHaveLength(5);
  });

  it('refuses storage without the permission, and records the denial even when the plugin catches it', async () => {
    const plugin = fn('async (cart, ctx) => { try { await ctx.storage.get("x"); } catch (error) { ctx.log.warn(error.name, error.code); } return { discounts: [] }; }');
    const record = await runtime.invoke(plugin, install(), 'cart.discounts', cart());
    expect(record).toMatchObject({ outcome: 'ok', logs: [{ level: 'warn', message: 'PermissionDenied PERMISSION_NOT_GRANTED' }] });
    expect(record.denied).toEqual([expect.objectContaining({ capability: 'storage.get', code: 'PERMISSION_NOT_GRANTED' })]);
    const uncaught = await runtime.invoke(fn('async (cart, ctx) => { await ctx.storage.get("x"); }'), install(), 'cart.discounts', cart());
    expect(uncaught).toMatchObject({ outcome: 'permission', error: { code: 'PERMISSION_NOT_GRANTED' } });
  });

  it('does not run a point the install did not grant, or the plugin does not declare', async () => {
    const plugin = pluginVersion(WELL_BEHAVED);
    const ungranted = await runtime.invoke(plugin, { ...install(), permissions: [] }, 'cart.discounts', cart());
    expect(ungranted).toMatchObject({ outcome: 'permission', error: { code: 'PERMISSION_NOT_GRANTED' }, cpuMs: 0 });
    const undeclared = await runtime.invoke(plugin, install(), 'order.paid', orderPaid());
    expect(undeclared).toMatchObject({ outcome: 'error', error: { code: 'NOT_IMPLEMENTED' } });
  });

  it('refuses input that does not match the point, and answers that do not match its output', async () => {
    const plugin = pluginVersion(WELL_BEHAVED);
    const badInput = await runtime.invoke(plugin, install(), 'cart.discounts', { ...cart(), currency: 'euros' });
    expect(badInput).toMatchObject({ outcome: 'error', error: { code: 'INPUT_INVALID', message: expect.stringContaining('/currency') } });
    const badAnswer = await runtime.invoke(fn('() => ({ discounts: [{ lineId: "line_1", amount: -5 }] })'), install(), 'cart.discounts', cart());
    expect(badAnswer).toMatchObject({ outcome: 'error', error: { code: 'OUTPUT_INVALID' } });
  });

  it('runs events, ignoring what they return', async () => {
    const plugin = pluginVersion(`export default { events: { 'order.paid': (order, ctx) => { ctx.log.info('paid', order.amount, order.currency); return 42; } } };`, {
      functions: [],
      events: ['order.paid'],
      permissions: ['events:order.paid'],
    });
    const record = await runtime.invoke(plugin, install(), 'order.paid', orderPaid());
    expect(record).toMatchObject({ kind: 'event', outcome: 'ok', logs: [{ level: 'info', message: 'paid 4900 EUR' }] });
    expect(record.output).toBeUndefined();
  });

  it('keeps at most 100 log lines of at most 2000 characters', async () => {
    const record = await runtime.invoke(fn('(cart, ctx) => { ctx.log.info("y".repeat(5000)); for (let i = 0; i < 500; i++) console.log("line", i); return { discounts: [] }; }'), install(), 'cart.discounts', cart());
    expect(record.logs).toHaveLength(100);
    expect(record.logs[0].message).toHaveLength(2001);
    expect(record.logs[99].message).toBe('line 98');
    expect(record.logsTruncated).toBe(true);
  });

  it('limits the capability calls of one invocation', async () => {
    const record = await runtime.invoke(withStorage('async (cart, ctx) => { for (let i = 0; i < 1000; i++) await ctx.storage.get("k"); }'), install('calls'), 'cart.discounts', cart());
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'CAPABILITY_CALLS_EXCEEDED' } });
  });

  it('fails a handler whose promise nothing can settle', async () => {
    const record = await runtime.invoke(fn('() => new Promise(() => {})'), install(), 'cart.discounts', cart());
    expect(record).toMatchObject({ outcome: 'error', error: { code: 'PROMISE_NEVER_SETTLES' } });
  });

  it('stops a plugin whose top level never finishes loading', async () => {
    const plugin = pluginVersion(`for (;;) {}\nexport default { functions: {} };`, { limits: { memoryMb: 16, timeoutMs: 100 } });
    const record = await runtime.invoke(plugin, install(), 'cart.discounts', cart());
    expect(record).toMatchObject({ outcome: 'timeout', error: { code: 'LOAD_CPU_TIME_EXCEEDED' } });
  });

  it('lists what a bundle exports, and reports bundles that do not load', async () => {
    const exported = await runtime.inspect(pluginVersion(`export default { events: { 'order.paid': () => {} }, functions: { 'cart.discounts': () => ({ discounts: [] }), helper: 1 } };`));
    expect(exported).toEqual({ ok: true, events: ['order.paid'], functions: ['cart.discounts'] });
    expect(await runtime.inspect(pluginVersion('export default {'))).toMatchObject({ ok: false, error: { code: 'LOAD_FAILED', message: expect.stringContaining('SyntaxError') } });
    expect(await runtime.inspect(pluginVersion('import fs from "fs"; export default {};'))).toMatchObject({ ok: false, error: { code: 'LOAD_FAILED' } });
    expect(await runtime.inspect(pluginVersion('export const plugin = {};'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('export default') } });
  });

  it('answers many concurrent invocations across installs', async () => {
    const plugin = pluginVersion(WELL_BEHAVED);
    const records = await Promise.all(Array.from({ length: 40 }, (_, i) => runtime.invoke(plugin, install(`many-${i % 8}`), 'cart.discounts', cart())));
    expect(records.every((record) => record.outcome === 'ok')).toBe(true);
  });
});

describe('PluginRuntime supervision', () => {
  it('replaces a worker that died, and the next invocation succeeds', async () => {
    const runtime = new PluginRuntime({ workers: 1 });
    try {
      const plugin = pluginVersion(WELL_BEHAVED);
      expect((await runtime.invoke(plugin, install(), 'cart.discounts', cart())).outcome).toBe('ok');
      const pid = runtime.workers()[0].pid!;
      process.kill(pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const after = await runtime.invoke(plugin, install(), 'cart.discounts', cart());
      expect(after).toMatchObject({ outcome: 'ok', cold: true });
      expect(runtime.workers()[0].pid).not.toBe(pid);
    } finally {
      await runtime.stop();
    }
  });

  it('kills a worker that stops answering, fails its invocation as a timeout, and carries on', async () => {
    const runtime = new PluginRuntime({ workers: 1, watchdogGraceMs: 200 });
    try {
      const plugin = pluginVersion(WELL_BEHAVED);
      await runtime.invoke(plugin, install(), 'cart.discounts', cart());
      const pid = runtime.workers()[0].pid!;
      // A stopped process answers nothing, as one stuck in native code would not.
      process.kill(pid, 'SIGSTOP');
      const stuck = await runtime.invoke(plugin, install(), 'cart.discounts', cart());
      expect(stuck).toMatchObject({ outcome: 'timeout', error: { code: 'WORKER_UNRESPONSIVE' } });
      const after = await runtime.invoke(plugin, install(), 'cart.discounts', cart());
      expect(after.outcome).toBe('ok');
    } finally {
      await runtime.stop();
    }
  });
});

describe('PluginRuntime http.fetch', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => response.writeHead(201, { 'content-type': 'application/json', 'x-seen': request.method ?? '' }).end(JSON.stringify({ echoed: body })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reaches an allow-listed host through the SSRF-safe fetch', async () => {
    const runtime = new PluginRuntime({ workers: 1, http: { lookup: async () => [{ address: '127.0.0.1', family: 4 }], exemptAddresses: ['127.0.0.1/32'] } });
    try {
      const plugin = fn(
        `async (cart, ctx) => {
          const response = await ctx.http.fetch("http://hooks.example.com:${port}/hook", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ cart: cart.cartId }) });
          const json = await response.json();
          ctx.log.info(response.status, response.ok, response.headers.get("X-Seen"), json.echoed);
          return { discounts: [] };
        }`,
        { permissions: ['functions:cart.discounts', 'http:hooks.example.com'] },
      );
      const record = await runtime.invoke(plugin, install(), 'cart.discounts', cart());
      expect(record).toMatchObject({ outcome: 'ok', logs: [{ message: '201 true POST {"cart":"cart_1"}' }] });
    } finally {
      await runtime.stop();
    }
  });
});
