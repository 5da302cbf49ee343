// The plugin sandbox against calling the same function directly in Node: see bench/README.md.
// Usage: npm run bench:plugins   (the npm script builds the API, which compiles the libraries, first)
import os from 'node:os';
import { PluginRuntime } from '../dist/libs/plugin-runtime/src/index.js';
import { parseManifest } from '../dist/libs/plugin-manifest/src/index.js';

const COLD_RUNS = 200;
const WARM_RUNS = 3000;
const THROUGHPUT_S = 10;
const CONCURRENCY = 32;
const INSTALLS = 8;

// A volume discount as a plugin would write it: the same source runs in the sandbox and in Node.
const DISCOUNT = `(cart, ctx) => {
  const tiers = [...ctx.settings.tiers].sort((a, b) => b.minQuantity - a.minQuantity);
  const discounts = [];
  for (const line of cart.lines) {
    const tier = tiers.find((t) => line.quantity >= t.minQuantity);
    const amount = tier ? Math.floor((line.amount * tier.percentOff) / 100) : 0;
    if (amount > 0) discounts.push({ lineId: line.lineId, amount: Math.min(amount, line.amount), currency: cart.currency, label: ctx.settings.label });
  }
  return { discounts };
}`;
const settings = { label: 'Volume discount', tiers: [{ minQuantity: 10, percentOff: 10 }, { minQuantity: 50, percentOff: 20 }] };
const cart = {
  cartId: 'cart_1', workspaceId: 'ws_1', currency: 'EUR', subtotal: 0, createdAt: '2026-11-23T10:00:00.000Z',
  lines: Array.from({ length: 10 }, (_, i) => ({ lineId: `line_${i}`, sku: `SKU-${i}`, quantity: i * 7 + 1, unitAmount: 1000, amount: (i * 7 + 1) * 1000 })),
};
cart.subtotal = cart.lines.reduce((sum, line) => sum + line.amount, 0);

const parsed = parseManifest({
  name: 'bench/volume-discount', version: '1.0.0', hostApi: '^1.0.0', displayName: 'Volume discount', summary: 'Benchmark plugin.',
  entry: 'dist/index.js', functions: ['cart.discounts'], permissions: ['functions:cart.discounts'],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const plugin = { manifest: parsed.manifest, code: `export default { functions: { 'cart.discounts': ${DISCOUNT} } };` };
const direct = new Function(`return ${DISCOUNT}`)();
const ctx = { settings };

const stats = (samples) => {
  const sorted = Float64Array.from(samples).sort();
  const at = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return { mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, p50: at(50), p99: at(99), n: sorted.length };
};
const check = (record) => {
  if (record.outcome !== 'ok') throw new Error(`invocation failed: ${JSON.stringify(record.error)}`);
  return record;
};

async function main() {
  // 1. A worker process from nothing: fork, compile QuickJS's WebAssembly, compile the plugin, first call.
  const processStarts = [];
  for (let i = 0; i < 5; i++) {
    const runtime = new PluginRuntime({ workers: 1 });
    const started = performance.now();
    check(await runtime.invoke(plugin, { id: 'first', settings }, 'cart.discounts', cart));
    processStarts.push(performance.now() - started);
    await runtime.stop();
  }

  const runtime = new PluginRuntime({ workers: 2 });
  try {
    for (let i = 0; i < 50; i++) check(await runtime.invoke(plugin, { id: `warmup-${i % 4}`, settings }, 'cart.discounts', cart));

    // 2. Cold: a new install each time, so a new sandbox loads the (already compiled) plugin.
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const started = performance.now();
      const record = check(await runtime.invoke(plugin, { id: `cold-${i}`, settings }, 'cart.discounts', cart));
      if (!record.cold) throw new Error('expected a cold start');
      cold.push(performance.now() - started);
    }

    // 3. Warm: one install, one call at a time.
    const warm = [];
    const warmCpu = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const started = performance.now();
      const record = check(await runtime.invoke(plugin, { id: 'warm', settings }, 'cart.discounts', cart));
      warm.push(performance.now() - started);
      warmCpu.push(record.cpuMs);
    }

    // 4. Warm throughput: CONCURRENCY calls in flight over INSTALLS installs, both workers.
    let completed = 0;
    const until = performance.now() + THROUGHPUT_S * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, lane) => {
        while (performance.now() < until) {
          check(await runtime.invoke(plugin, { id: `tp-${lane % INSTALLS}`, settings }, 'cart.discounts', cart));
          completed++;
        }
      }),
    );
    const throughput = completed / THROUGHPUT_S;

    // 5. The same function called directly in this process, with the same input each time.
    const directCalls = 200_000;
    for (let i = 0; i < 20_000; i++) direct(cart, ctx);
    const directStarted = performance.now();
    for (let i = 0; i < directCalls; i++) direct(cart, ctx);
    const directMs = (performance.now() - directStarted) / directCalls;
    // Direct with the copies the sandbox cannot avoid (input and answer as JSON), for a fairer floor.
    const jsonStarted = performance.now();
    for (let i = 0; i < directCalls; i++) JSON.parse(JSON.stringify(direct(JSON.parse(JSON.stringify(cart)), ctx)));
    const directJsonMs = (performance.now() - jsonStarted) / directCalls;

    report({ processStarts: stats(processStarts), cold: stats(cold), warm: stats(warm), warmCpu: stats(warmCpu), throughput, directMs, directJsonMs });
  } finally {
    await runtime.stop();
  }
}

function report(r) {
  const ms = (v) => v.toLocaleString('en-US', { maximumFractionDigits: v < 0.01 ? 5 : 3 });
  const ratio = (v) => `${v >= 10 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(2)}×`;
  const directRate = 1000 / r.directMs;
  const lines = [
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}; 2 sandbox workers; plugin: cart.discounts over 10 lines`,
    '',
    '| measure | sandbox | direct Node call | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| worker process start + first call (mean of ${r.processStarts.n}) | ${ms(r.processStarts.mean)} ms | | |`,
    `| cold start: new sandbox, plugin compiled (mean / p50 / p99, ${r.cold.n} runs) | ${ms(r.cold.mean)} / ${ms(r.cold.p50)} / ${ms(r.cold.p99)} ms | ${ms(r.directMs)} ms | ${ratio(r.cold.mean / r.directMs)} |`,
    `| warm invocation, one at a time (mean / p50 / p99, ${r.warm.n} runs) | ${ms(r.warm.mean)} / ${ms(r.warm.p50)} / ${ms(r.warm.p99)} ms | ${ms(r.directMs)} ms | ${ratio(r.warm.mean / r.directMs)} |`,
    `| of which plugin code in the sandbox (cpuMs, mean) | ${ms(r.warmCpu.mean)} ms | ${ms(r.directMs)} ms (${ms(r.directJsonMs)} ms with JSON copies) | ${ratio(r.warmCpu.mean / r.directMs)} |`,
    `| warm overhead (warm − direct) | ${ms(r.warm.mean - r.directMs)} ms | | |`,
    `| warm throughput (${CONCURRENCY} in flight, ${THROUGHPUT_S} s) | ${Math.round(r.throughput).toLocaleString('en-US')} /s | ${Math.round(directRate).toLocaleString('en-US')} /s | ${ratio(directRate / r.throughput)} fewer |`,
    `| cold / warm | ${ratio(r.cold.mean / r.warm.mean)} | | |`,
  ];
  console.log(lines.join('\n'));
}

await main();
