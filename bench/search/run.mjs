// Query latency of the search page in Chromium over a generated archive, and the size of its
// search data: node run.mjs SITE_DIR. Prints a Markdown table row set on stdout.
//
// Each query is typed one key at a time with pauses longer than the page's debounce, so every
// keystroke runs a search; the page records each run (search plus rendering the results) as a
// performance measure named hindsight-search, and the index load as hindsight-index-load.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { chromium } from 'playwright-core';

import { serveSite } from '../../tests/browser/static_server.mjs';

const site = path.resolve(process.argv[2] || '');
if (!fs.existsSync(path.join(site, 'search/index.html'))) {
  console.error('usage: node run.mjs SITE_DIR (a site built by hindsight)');
  process.exit(2);
}

const QUERIES = ['database connection pool', 'dns resolver', 'race conditions',
  'certificate expired', 'load-balancer health check', 'dtabase', 'memory leak kubernetes',
  'rollback deploy', 'redis eviction', 'timeout retries'];
const KEY_DELAY_MS = 160;  // above the page's 120 ms debounce
const RUNS = 3;            // page loads, for the index-load time

const server = await serveSite(site);
const { origin } = server;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p / 100 * sorted.length) - 1)];
const keystrokes = [];
const slowest = [];
const loads = [];
let perQuery = [];
for (let run = 0; run < RUNS; ++run) {
  const page = await browser.newPage();
  await page.goto(`${origin}/search/index.html`);
  await page.waitForFunction(() => performance.getEntriesByName('hindsight-warm-up').length > 0);
  loads.push(await page.evaluate(() => ['hindsight-index-load', 'hindsight-warm-up']
    .map((name) => performance.getEntriesByName(name)[0].duration)));
  if (run === 0) {
    for (const query of QUERIES) {
      await page.fill('#hs-q', '');
      await page.evaluate(() => performance.clearMeasures('hindsight-search'));
      await page.type('#hs-q', query, { delay: KEY_DELAY_MS });
      await page.waitForTimeout(KEY_DELAY_MS * 2);
      const entries = await page.evaluate(() => performance.getEntriesByName('hindsight-search')
        .map((e) => ({ duration: e.duration, query: e.detail.query, searched: e.detail.searched })));
      const times = entries.map((e) => e.duration);
      slowest.push(...entries);
      const hits = await page.$$eval('#hs-results .search-result', (n) => n.length);
      keystrokes.push(...times);
      perQuery.push({ query, keys: times.length, max: Math.max(...times), hits });
    }
  }
  await page.close();
}
await browser.close();
server.close();

const size = (name) => {
  const bytes = fs.readFileSync(path.join(site, name));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length };
};
const docs = JSON.parse(fs.readFileSync(path.join(site, 'search-docs.json'), 'utf8')).length;
const sorted = [...keystrokes].sort((a, b) => a - b);
const kib = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(1);
const index = size('search-index.json');
const hitDocs = size('search-docs.json');

console.log(`postmortems: ${docs}; keystrokes measured: ${sorted.length}`);
console.log('');
console.log('| per keystroke (search + render) | median | p90 | p99 | max | under 30 ms |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| ${sorted.length} keystrokes, ${QUERIES.length} queries | ${ms(percentile(sorted, 50))} ms | ` +
  `${ms(percentile(sorted, 90))} ms | ${ms(percentile(sorted, 99))} ms | ${ms(sorted.at(-1))} ms | ` +
  `${sorted.filter((t) => t < 30).length} of ${sorted.length} |`);
console.log('');
console.log(`Index load (lunr.Index.load and the docs map) + warm-up (three titles searched and drawn unseen when the page ` +
  `is idle), ${RUNS} page loads: ` + loads.map(([load, warm]) => `${ms(load)} + ${ms(warm)} ms`).join(', '));
console.log('');
console.log('| query | keystrokes | slowest keystroke | results |');
console.log('|---|---:|---:|---:|');
for (const q of perQuery) console.log(`| \`${q.query}\` | ${q.keys} | ${ms(q.max)} ms | ${q.hits} |`);
console.log('');
console.log('Slowest keystrokes (the text in the box; of the time, how much lunr took):');
console.log('');
slowest.sort((a, b) => b.duration - a.duration);
for (const e of slowest.slice(0, 5)) {
  console.log(`- \`${e.query}\`: ${ms(e.duration)} ms, lunr ${ms(e.searched)} ms`);
}
console.log('');
console.log('| file | raw | gzip -6 | raw per postmortem | gzip per postmortem |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, s] of [['search-index.json', index], ['search-docs.json', hitDocs]]) {
  console.log(`| ${name} | ${kib(s.raw)} KiB | ${kib(s.gzip)} KiB | ${kib(s.raw / docs)} KiB | ` +
    `${kib(s.gzip / docs)} KiB |`);
}
