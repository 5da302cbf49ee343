// Guild against a bare Fastify server answering the same JSON: see bench/README.md.
// Usage: npm run bench [-- --postgres]   (the npm script builds the API first)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

const CONNECTIONS = 10;
const DURATION_S = 10;
const WARMUP_S = 3;
const ROUTES = ['/health', '/v1/me'];
const ADMIN = { email: 'bench-admin@bench.guild', password: 'bench-admin-password-1' };
const PG_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (process.argv[2] === '--serve') await serve();
else await main();

// Child process: one server per process, so autocannon (in the parent) never shares its event loop.
async function serve() {
  process.on('disconnect', () => process.exit(0)); // never outlive the runner
  const { kind, env, bodies } = await new Promise((resolve) => process.once('message', resolve));
  let app, server;
  if (kind === 'guild') {
    const { createGuildApp } = await import('../dist/apps/api/src/app.factory.js');
    app = await createGuildApp(env);
    server = () => app.getHttpServer();
  } else {
    app = (await import('fastify')).default();
    for (const route of ROUTES) app.get(route, async () => bodies[route]);
    server = () => app.server;
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('message', () => app.close().then(() => process.exit(0)));
  process.send({ port: server().address().port });
}

async function main() {
  const cleanups = [];
  const cleanup = async () => { for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {}); };
  const abort = (why) => { console.error(`bench: ${why}`); cleanup().finally(() => process.exit(1)); };
  setTimeout(() => abort('still running after 10 minutes, giving up'), 10 * 60_000).unref();
  process.once('SIGINT', () => abort('interrupted'));
  // Anything else busy on 2 cores skews every number: say so rather than report it silently.
  const busyBefore = await cpuBusy(2_000);
  if (busyBefore > 0.1) console.warn(`bench: the CPUs were ${(busyBefore * 100).toFixed(0)}% busy before starting; results will be noisy`);

  try {
    const targets = [{ name: 'Guild (PGlite, in memory)', env: guildEnv() }];
    if (process.argv.includes('--postgres')) {
      const databaseUrl = await throwawayDatabase(cleanups);
      targets.push({ name: 'Guild (PostgreSQL)', env: guildEnv({ DATABASE_URL: databaseUrl }) });
    }
    const results = [];
    let bodies, token;
    for (const target of targets) {
      const server = await start({ kind: 'guild', env: target.env }, cleanups);
      token = await signIn(server.url);
      bodies ??= await fetchBodies(server.url, token);
      results.push({ name: target.name, routes: await measure(server.url, token) });
      await server.stop();
    }
    // The same bodies and the same Authorization header, which the bare server ignores.
    const bare = await start({ kind: 'bare', bodies }, cleanups);
    results.unshift({ name: 'bare Fastify', routes: await measure(bare.url, token) });
    await bare.stop();
    report(results, busyBefore);
  } finally {
    await cleanup();
  }
}

/** Share of all CPU time that was not idle over the next `ms` milliseconds. */
async function cpuBusy(ms) {
  const idleAndTotal = () => os.cpus().reduce(([idle, total], { times }) => [idle + times.idle, total + Object.values(times).reduce((a, b) => a + b)], [0, 0]);
  const [idle0, total0] = idleAndTotal();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const [idle1, total1] = idleAndTotal();
  return 1 - (idle1 - idle0) / (total1 - total0);
}

function guildEnv(extra = {}) {
  return {
    // STRIPE_EMULATOR_PORT=0: Guild's in-process Stripe emulator takes any free port, so a running `npm start` does not collide.
    NODE_ENV: 'production', LOG_LEVEL: 'silent', GUILD_DATA_DIR: 'memory://', GUILD_DEMO_DATA: 'false', STRIPE_EMULATOR_PORT: '0',
    GUILD_ADMIN_EMAIL: ADMIN.email, GUILD_ADMIN_PASSWORD: ADMIN.password, GUILD_JWT_SECRET: randomBytes(36).toString('base64url'), ...extra,
  };
}

async function throwawayDatabase(cleanups) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client(PG_ADMIN_URL);
  await admin.connect();
  const name = `guild_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); });
  return Object.assign(new URL(PG_ADMIN_URL), { pathname: `/${name}` }).toString();
}

async function start(message, cleanups) {
  const child = fork(import.meta.filename, ['--serve'], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(() => { child.kill('SIGKILL'); return exited; });
  child.send(message);
  const { port } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${message.kind} server exited (${code}) before listening`)));
  });
  const stop = () => { child.send('stop'); setTimeout(() => child.kill('SIGKILL'), 10_000).unref(); return exited; };
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function getJson(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function signIn(url) {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) };
  return (await getJson(`${url}/v1/auth/sign-in`, init)).accessToken;
}

async function fetchBodies(url, token) {
  const bodies = {};
  for (const route of ROUTES) bodies[route] = await getJson(url + route, { headers: { authorization: `Bearer ${token}` } });
  return bodies;
}

async function measure(url, token) {
  const routes = {};
  for (const route of ROUTES) {
    const options = { url: url + route, connections: CONNECTIONS, headers: { authorization: `Bearer ${token}` } };
    await autocannon({ ...options, duration: WARMUP_S }); // JIT, connection pools and caches warm up
    // autocannon's own histogram keeps whole milliseconds, which reads 0 for the bare server:
    // keep each response's time (a float, in ms) to get sub-millisecond percentiles.
    const times = [];
    const run = autocannon({ ...options, duration: DURATION_S });
    run.on('response', (client, status, bytes, ms) => times.push(ms));
    const r = await run;
    if (r.errors || r.timeouts || r.non2xx) throw new Error(`${url}${route}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    const sorted = Float64Array.from(times).sort();
    const at = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
    routes[route] = { rps: r.requests.average, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, p50: at(50), p97_5: at(97.5), p99: at(99), total: r.requests.total };
  }
  return routes;
}

function report(results, busyBefore) {
  const [bare] = results;
  const cell = (value, base, digits = 2) => {
    const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (base === undefined) return text;
    const ratio = value / base;
    return `${text} (${ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2)}×)`;
  };
  const lines = [
    `${CONNECTIONS} connections, ${DURATION_S} s per route after a ${WARMUP_S} s warm-up; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}`,
    '',
    '| route | server | req/s (× bare) | mean ms (× bare) | p50 ms (× bare) | p97.5 ms (× bare) | p99 ms (× bare) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of ROUTES) {
    for (const target of results) {
      const r = target.routes[route];
      const b = target === bare ? {} : bare.routes[route];
      lines.push(`| \`${route}\` | ${target.name} | ${cell(r.rps, b.rps, 0)} | ${cell(r.mean, b.mean)} | ${cell(r.p50, b.p50)} | ${cell(r.p97_5, b.p97_5)} | ${cell(r.p99, b.p99)} |`);
    }
  }
  console.log(lines.join('\n'));
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const file = new URL(`results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0].model, cpuBusyBeforeStart: Number(busyBefore.toFixed(3)) };
  const options = { connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: WARMUP_S };
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, options, results }, null, 2)}\n`);
  console.log(`\nresults: ${file.pathname}`);
}
