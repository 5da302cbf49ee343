// What rendering listing Markdown costs, uncached and from the cache: see bench/README.md.
// Usage: npm run bench:markdown   (the npm script builds the API first)
import os from 'node:os';
import { renderMarkdown } from '../dist/apps/api/src/platform/markdown/markdown.js';

const RUNS = 200;
const PAGE = 25; // listings on a catalog page, each with its description rendered
const paragraph =
  'A **volume discount** for carts with many seats: see [the docs](https://example.com/docs), `tiers` in the settings.\n\n- ten seats or more: 10 %\n- fifty or more: 20 %\n\n';
const description = (bytes, salt) => `${salt}\n\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`.slice(0, bytes);

const fresh = (text) => Buffer.from(text, 'utf8').toString('utf8');

function measure(run) {
  for (let i = 0; i < 20; i += 1) run(i);
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 1) run(i + 20);
  return (performance.now() - started) / RUNS;
}

const rows = [];
for (const bytes of [1_000, 5_000, 20_000]) {
  const uncached = measure((i) => renderMarkdown(description(bytes, `uncached ${bytes} ${i}`)));
  const cachedText = description(bytes, `cached ${bytes}`);
  // A new string each time, as each database read gives: the cache key is hashed again.
  const cached = measure(() => renderMarkdown(fresh(cachedText)));
  rows.push({ bytes, uncached, cached });
}
const pageTexts = Array.from({ length: PAGE }, (_, i) => description(5_000, `page ${i}`));
const firstPage = measure((run) => pageTexts.forEach((text) => renderMarkdown(`${text} ${run}`)));
const warmPage = measure(() => pageTexts.forEach((text) => renderMarkdown(fresh(text))));

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; mean of ${RUNS} runs`);
console.log('| description | uncached ms | cached ms |');
console.log('| --- | ---: | ---: |');
for (const row of rows) console.log(`| ${row.bytes.toLocaleString('en')} bytes | ${row.uncached.toFixed(3)} | ${row.cached.toFixed(4)} |`);
console.log(`| catalog page, ${PAGE} × 5,000 bytes | ${firstPage.toFixed(2)} | ${warmPage.toFixed(3)} |`);
