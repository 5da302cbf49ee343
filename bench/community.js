// Leaderboards and window totals on a generated contribution log: see bench/README.md.
// Usage: npm run bench:community [-- --postgres]   (the npm script builds the API first; the
// statements timed are the ones CreditService and ContributionsService run, from credit-queries)
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const queries = await import(
  process.env.BENCH_FROM_SOURCE ? '../apps/api/src/community/credit/credit-queries.ts' : '../dist/apps/api/src/community/credit/credit-queries.js'
);

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DAYS = 730;
const RUNS = 50;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withPostgres = process.argv.includes('--postgres') || !!process.env.BENCH_POSTGRES_URL;

// The ledger's tables and indexes as the community migration creates them (without the foreign
// keys to users, which the generated members do not need).
const SCHEMA = [
  `CREATE TABLE contribution_events (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id uuid NOT NULL, kind text NOT NULL, source text NOT NULL,
     points integer NOT NULL, rule_version integer NOT NULL, award_key text NOT NULL, content_type text NOT NULL,
     content_id text NOT NULL, actor_id uuid, reason text, note text, capped boolean NOT NULL DEFAULT false,
     occurred_at timestamptz(3) NOT NULL DEFAULT now())`,
  `CREATE TABLE contribution_daily (user_id uuid NOT NULL, day date NOT NULL, points integer NOT NULL, CONSTRAINT pk_contribution_daily PRIMARY KEY (user_id, day))`,
  `CREATE TABLE contribution_totals (user_id uuid PRIMARY KEY, points integer NOT NULL DEFAULT 0, updated_at timestamptz(3) NOT NULL DEFAULT now())`,
  `CREATE TABLE contribution_windows (window_days integer NOT NULL, user_id uuid NOT NULL, points integer NOT NULL, CONSTRAINT pk_contribution_windows PRIMARY KEY (window_days, user_id))`,
];
const INDEXES = [
  `CREATE INDEX ix_contribution_events_user_id_occurred_at ON contribution_events (user_id, occurred_at) INCLUDE (points)`,
  `CREATE INDEX ix_contribution_events_user_id_source_occurred_at ON contribution_events (user_id, source, occurred_at)`,
  `CREATE INDEX ix_contribution_events_award_key ON contribution_events (award_key)`,
  `CREATE INDEX ix_contribution_daily_day ON contribution_daily (day) INCLUDE (user_id, points)`,
  `CREATE INDEX ix_contribution_totals_points ON contribution_totals (points)`,
  `CREATE INDEX ix_contribution_windows_ranking ON contribution_windows (window_days, points DESC, user_id)`,
];
// Activity is skewed (a few members do most of it: member = floor(20000 · r²)); 5 % of lines are
// revocations; times are spread evenly over two years.
const GENERATE = [
  `INSERT INTO contribution_events (user_id, kind, source, points, rule_version, award_key, content_type, content_id, occurred_at)
   SELECT md5(m::text)::uuid, CASE WHEN r < 0.05 THEN 'revocation' ELSE 'award' END, s,
          CASE WHEN r < 0.05 THEN -p ELSE p END, 1, 'bench:' || i, 'answer', i::text,
          now() - (random() * ${DAYS} * interval '1 day')
     FROM (SELECT i, floor(${MEMBERS} * power(random(), 2))::int AS m, random() AS r,
                  (ARRAY['helpful_vote_received','answer_accepted','idea_planned','idea_shipped'])[1 + floor(random() * 4)::int] AS s,
                  (ARRAY[5, 15, 10, 40])[1 + floor(random() * 4)::int] AS p
             FROM generate_series(1, ${EVENTS}) AS i) g`,
  `INSERT INTO contribution_daily (user_id, day, points)
   SELECT user_id, (occurred_at AT TIME ZONE 'UTC')::date, sum(points) FROM contribution_events GROUP BY 1, 2`,
  `INSERT INTO contribution_totals (user_id, points) SELECT user_id, sum(points) FROM contribution_events GROUP BY user_id`,
  // What the ledger keeps line by line and ContributionWindows rolls daily, built here in one go.
  ...[30, 365].map(
    (days) => `INSERT INTO contribution_windows (window_days, user_id, points)
               SELECT ${days}, user_id, sum(points) FROM contribution_daily WHERE day > (now() AT TIME ZONE 'UTC')::date - ${days} GROUP BY user_id`,
  ),
];

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(run, runs = RUNS) {
  for (let i = 0; i < 3; i += 1) await run(i);
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

async function measure(label, query) {
  const started = performance.now();
  for (const sql of SCHEMA) await query(sql);
  for (const sql of GENERATE) await query(sql);
  for (const sql of INDEXES) await query(sql);
  await query('ANALYZE');
  const generatedIn = (performance.now() - started) / 1000;
  const count = async (sql) => Number((await query(sql))[0].n);
  const sizes = { events: await count('SELECT count(*) AS n FROM contribution_events'), daily: await count('SELECT count(*) AS n FROM contribution_daily'), members: await count('SELECT count(*) AS n FROM contribution_totals') };
  const members = (await query('SELECT user_id FROM contribution_totals ORDER BY user_id LIMIT 200')).map((row) => row.user_id);
  const rows = [];
  for (const window of ['30d', '12m', 'all']) {
    const page = queries.leaderboardPage(window, 26, 0);
    rows.push({ what: `leaderboard ${window}, first page (25)`, ...(await time(() => query(page.text, page.values))) });
  }
  const yearAgo = new Date(Date.now() - 365 * 86_400_000);
  rows.push({
    what: 'one member’s trailing-12-month total (ContributionsService.total)',
    ...(await time((i) => {
      const total = queries.memberTotal(members[i % members.length], yearAgo, null);
      return query(total.text, total.values);
    })),
  });
  rows.push({
    what: 'one member’s 12-month rank (profile)',
    ...(await time((i) => {
      const rank = queries.memberRank('12m', members[i % members.length], 500);
      return query(rank.text, rank.values);
    })),
  });
  return { label, generatedIn, sizes, rows };
}

const results = [];
{
  const db = new PGlite();
  try {
    results.push(await measure('PGlite', async (text, values) => (await db.query(text, values)).rows));
  } finally {
    await db.close();
  }
}
if (withPostgres) {
  const name = `guild_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    results.push(await measure(`PostgreSQL ${version}`, async (text, values) => (await client.query(text, values)).rows));
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; p50/p95 of ${RUNS} runs (after 3 warm-up runs)`);
for (const result of results) {
  console.log(`\n${result.label}: ${result.sizes.events.toLocaleString('en')} events, ${result.sizes.daily.toLocaleString('en')} daily rows, ${result.sizes.members.toLocaleString('en')} members (generated in ${result.generatedIn.toFixed(0)} s)`);
  console.log('| query | p50 ms | p95 ms |');
  console.log('| --- | ---: | ---: |');
  for (const row of result.rows) console.log(`| ${row.what} | ${row.p50.toFixed(2)} | ${row.p95.toFixed(2)} |`);
}
