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
  let port;
  if (kind === 'guild') {
    const { createGuildApp } = await import('../dist/apps/api/src/app.factory.js');
    const app = await createGuildApp(env);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = app.getHttpServer().address().port;
    process.once('message', () => app.close().then(() => process.exit(0)));
  } else {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    for (const route of ROUTES) app.get(route, async () => bodies[route]);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = app.server.address().port;
    process.once('message', () => app.close().then(() => process.exit(0)));
  }
  process.send({ port });
}

async function main() {
  const cleanups = [];
  const cleanup = async () => { for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {}); };
  const abort = (why) => { console.error(`bench: ${why}`); cleanup().finally(() => process.exit(1)); };
  setTimeout(() => abort('still running after 10 minutes, giving up'), 10 * 60_000).unref();
  process.once('SIGINT', () => abort('interrupted'));

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
    report(results);
  } finally {
    await cleanup();
  }
}

function guildEnv(extra = {}) {
  return {
    NODE_ENV: 'production', LOG_LEVEL: 'silent', GUILD_DATA_DIR: 'memory://', GUILD_DEMO_DATA: 'false',
    GUILD_ADMIN_EMAIL: ADMIN.email, GUILD_ADMIN_PASSWORD: ADMIN.password, GUILD_JWT_SECRET: randomBytes(36).toString('base64url'),
    ...extra,
  };
}

async function throwawayDatabase(cleanups) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client(PG_ADMIN_URL);
  await admin.connect();
  const name = `guild_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); });
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function start(message, cleanups) {
  const child = fork(import.meta.filename, ['--serve'], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = () => { child.kill('SIGKILL'); return exited; };
  cleanups.push(kill);
  child.send(message);
  const { port } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${message.kind} server exited (${code}) before listening`)));
  });
  const stop = async () => {
    child.send('stop');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function signIn(url) {
  const response = await fetch(`${url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return (await response.json()).accessToken;
}

async function fetchBodies(url, token) {
  const bodies = {};
  for (const route of ROUTES) {
    const response = await fetch(url + route, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${route} answered ${response.status}`);
    bodies[route] = await response.json();
  }
  return bodies;
}

async function measure(url, token) {
  const routes = {};
  for (const route of ROUTES) {
    const options = { url: url + route, connections: CONNECTIONS, headers: { authorization: `Bearer ${token}` } };
    await autocannon({ ...options, duration: WARMUP_S }); // JIT, connection pools and caches warm up
    const r = await autocannon({ ...options, duration: DURATION_S });
    if (r.errors || r.timeouts || r.non2xx) throw new Error(`${url}${route}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    routes[route] = { rps: r.requests.average, mean: r.latency.average, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, total: r.requests.total };
  }
  return routes;
}

function report(results) {
  const [bare] = results;
  // Latencies are whole milliseconds in autocannon; a 0 ms baseline has no meaningful ratio.
  const cell = (value, base, digits = 0) => {
    const text = value.toLocaleString('en-US', { maximumFractionDigits: digits });
    return base === undefined ? text : `${text} (${base ? `${(value / base).toFixed(2)}×` : '–'})`;
  };
  const lines = [
    `${CONNECTIONS} connections, ${DURATION_S} s per route after a ${WARMUP_S} s warm-up; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}`,
    '',
    '| route | server | req/s (× bare) | mean ms (× bare) | p50 ms | p97.5 ms | p99 ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of ROUTES) {
    for (const target of results) {
      const r = target.routes[route];
      const b = target === bare ? {} : bare.routes[route];
      lines.push(`| \`${route}\` | ${target.name} | ${cell(r.rps, b.rps)} | ${cell(r.mean, b.mean, 2)} | ${cell(r.p50, b.p50)} | ${cell(r.p97_5, b.p97_5)} | ${cell(r.p99, b.p99)} |`);
    }
  }
  console.log(lines.join('\n'));
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const file = new URL(`results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0].model, platform: `${os.platform()} ${os.release()}` };
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: WARMUP_S, results }, null, 2)}\n`);
  console.log(`\nresults: ${file.pathname}`);
}
