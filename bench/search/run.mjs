// The search page as a reader meets it, in Chromium over loopback with a cold cache, on a site
// hindsight built: node run.mjs SITE_DIR [SCREENSHOT_DIR] [--first | --keys] [--match=REGEX]
// [--rounds=N] [--same-process] [--json=FILE]. Prints Markdown on stdout. For quicker runs while working:
// --first measures only the first results, --keys only the keystrokes, --match only the queries
// it matches, and --rounds types each query N times (one fresh page each) for a steadier
// distribution.
//
// The static server runs in a process of its own: in this one, it answered only when the
// playwright driver let it (ten chunk requests took 60 to 130 ms on a loaded machine), which
// measured this script more than the page. --same-process serves from here, as the runs before
// 2026-12-08 did.
//
// For each fixed query, a fresh browser context (an empty cache) opens search/index.html?QUERY
// and the page marks the moment after it painted its first result (hindsight-first-result).
// Counted until then: every request and the gzip -6 size of each response body (the loopback
// server sends files as they are; a web server would gzip them), page and assets included, and
// the search data's requests apart. Then, in another fresh context, the query is typed one key
// at a time: the page measures each keystroke from the input event to the results painted
// (hindsight-search), whether the shards it needed were loaded or had to arrive first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { serveSite } from '../../tests/browser/static_server.mjs';

const options = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [siteArg, screenshots] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const site = path.resolve(siteArg || '');
const option = (name) => {
  const found = options.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return found === undefined ? undefined : found.split('=').slice(1).join('=') || true;
};
const match = option('match') ? new RegExp(option('match')) : null;
const rounds = Number(option('rounds') || 1);
if (!fs.existsSync(path.join(site, 'search/manifest.js'))) {
  console.error('usage: node run.mjs SITE_DIR [SCREENSHOT_DIR] (a site built by hindsight)');
  process.exit(2);
}

// What a reader types or links to. `words` is what the request budget allows per query word.
const ALL_QUERIES = [
  { kind: 'one word', query: 'q=database' },
  { kind: 'one word', query: 'q=kubernetes' },
  { kind: 'one word', query: 'q=eviction' },
  { kind: 'two words', query: 'q=race+conditions' },
  { kind: 'two words', query: 'q=certificate+expired' },
  { kind: 'two words', query: 'q=dns+resolver' },
  { kind: 'several words', query: 'q=database+connection+pool' },
  { kind: 'several words', query: 'q=load-balancer+health+check' },
  { kind: 'a prefix being typed', query: 'q=kubern' },
  { kind: 'a prefix being typed', query: 'q=memory+le' },
  { kind: 'a filter alone', query: 'cause=database' },
  { kind: 'a filter alone', query: 'year=2024&severity=sev1' },
  { kind: 'a typo', query: 'q=dtabase' },
];
const QUERIES = ALL_QUERIES.filter((entry) => !match || match.test(entry.query));
const KEY_DELAY_MS = 120;  // a quick typist

const gzipSizes = new Map();
function gzipSize(url) {
  const file = path.join(site, decodeURIComponent(new URL(url).pathname));
  if (!gzipSizes.has(file)) {
    gzipSizes.set(file, fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length : 0);
  }
  return gzipSizes.get(file);
}

// The query's words as lunr's tokenizer splits them (on spaces and hyphens).
function wordCount(query) {
  const q = new URLSearchParams(query).get('q') || '';
  return q.split(/[\s-]+/).filter((w) => w !== '').length;
}

// The static server, in a child process unless --same-process: { origin, close }.
async function startServer() {
  if (option('same-process')) return serveSite(site);
  const serverUrl = new URL('../../tests/browser/static_server.mjs', import.meta.url).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e',
    `const { serveSite } = await import(${JSON.stringify(serverUrl)});
     const server = await serveSite(${JSON.stringify(site)});
     console.log(server.origin);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(String(data).trim()));
    child.once('exit', (code) => reject(new Error(`the static server exited (${code})`)));
  });
  return { origin, close: () => child.kill() };
}
const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});

async function freshPage(colorScheme = 'light') {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), at: Date.now() }));
  page.on('pageerror', (error) => { throw error; });
  return { page, context, requests };
}

async function firstResult(entry) {
  const { page, context } = await freshPage();
  await page.goto(`${server.origin}/search/index.html?${entry.query}`);
  await page.waitForFunction(() => performance.getEntriesByName('hindsight-first-result').length > 0,
    null, { timeout: 60000 });
  await page.waitForTimeout(1500);  // the requests made before it, finished
  const { firstAt, status, urls } = await page.evaluate(() => {
    const at = performance.getEntriesByName('hindsight-first-result')[0].startTime;
    return {
      firstAt: at,
      status: document.getElementById('hs-status').textContent,
      // The page itself, and every request it started before its first result was painted.
      urls: [location.href, ...performance.getEntriesByType('resource')
        .filter((r) => r.startTime <= at).map((r) => r.name)],
    };
  });
  const data = urls.filter((url) => /\/search\/(?!index\.html)/.test(new URL(url).pathname));
  const bytes = urls.reduce((sum, url) => sum + gzipSize(url), 0);
  const dataBytes = data.reduce((sum, url) => sum + gzipSize(url), 0);
  // --urls: each request before the first result, with its gzip bytes, on stderr.
  if (option('urls')) {
    for (const url of urls) console.error(`${entry.query}\t${(gzipSize(url) / 1024).toFixed(1)} KiB\t${url}`);
  }
  await context.close();
  return { ...entry, words: wordCount(entry.query), firstAt, requests: urls.length,
    dataRequests: data.length, bytes, dataBytes, status,
    dictionary: data.some((url) => /\/t-[0-9a-f]+\.js$/.test(url)) };
}

async function keystrokes(entry) {
  const q = new URLSearchParams(entry.query).get('q');
  if (!q) return [];
  const { page, context, requests } = await freshPage();
  // When each key was pressed: the page measures from its input event, which Chromium makes
  // once it handles the key, so not the time the key waited behind other work of the page.
  await page.addInitScript(() => {
    window.__keydowns = [];
    window.addEventListener('keydown', (event) => window.__keydowns.push(event.timeStamp), true);
  });
  await page.goto(`${server.origin}/search/index.html`);
  await page.waitForFunction(() => document.getElementById('hs-status').textContent !== '');
  const before = requests.length;
  await page.evaluate(() => performance.clearMeasures('hindsight-search'));
  await page.type('#hs-q', q, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(1000);
  // A search's results painted (hindsight-search), and, once their chunks are in, the snippets
  // too (hindsight-snippets; a page built before 2026-12-08 paints both at once and marks only
  // the first). The same detail object marks both.
  const measures = await page.evaluate(() => {
    const snippets = new Map(performance.getEntriesByName('hindsight-snippets')
      .map((m) => [m.detail.search, m.duration]));
    const keydown = (at) => Math.max(...window.__keydowns.filter((k) => k <= at + 0.001));
    return performance.getEntriesByName('hindsight-search')
      .map((m) => ({ duration: m.duration, query: m.detail.query, searched: m.detail.searched,
        shards: m.detail.waitedForShards, chunks: m.detail.waitedForChunks, fetch: m.detail.waitedForFetch,
        fromKey: m.duration + (m.startTime - keydown(m.startTime)),
        snippets: m.detail.search === undefined ? m.duration : snippets.get(m.detail.search) }));
  });
  // The shards fetched while typing (gzip bytes): what the keys needed, and what was loaded ahead.
  const shardBytes = requests.slice(before).filter((r) => /\/search\/s-\d+\.js/.test(r.url))
    .reduce((sum, r) => sum + gzipSize(r.url), 0);
  await context.close();
  shardBytesTyped.push({ q, bytes: shardBytes });
  return measures.map((m) => ({ ...m, of: q, keys: q.length }));
}

const shardBytesTyped = [];
const rows = [];
if (!option('keys')) for (const entry of QUERIES) rows.push(await firstResult(entry));
const typed = [];
if (!option('first')) {
  for (let round = 0; round < rounds; round++) for (const entry of QUERIES) typed.push(...await keystrokes(entry));
}

if (screenshots) {
  fs.mkdirSync(screenshots, { recursive: true });
  for (const [name, query, scheme] of [['results', 'q=database+connection+pool', 'light'],
    ['no-results', 'q=zqxwvy', 'light'], ['typo', 'q=dtabase', 'dark'],
    ['filters', 'q=checkout&cause=database&year=2024', 'light']]) {
    const { page, context } = await freshPage(scheme);
    await page.goto(`${server.origin}/search/index.html?${query}`);
    await page.waitForFunction(() => document.getElementById('hs-results').getAttribute('aria-busy') === 'false');
    await page.screenshot({ path: path.join(screenshots, `search-10000-${name}.png`) });
    await context.close();
  }
  const { page, context } = await freshPage();
  await page.goto(`${pathToFileURL(path.join(site, 'search/index.html')).href}?q=redis+eviction`);
  await page.waitForFunction(() => performance.getEntriesByName('hindsight-first-result').length > 0);
  await page.screenshot({ path: path.join(screenshots, 'search-10000-file.png') });
  await context.close();
}
await browser.close();
server.close();

const kib = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(0);
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p / 100 * sorted.length) - 1)];

const manifest = (() => {
  const text = fs.readFileSync(path.join(site, 'search/manifest.js'), 'utf8');
  let json;
  new Function('HindsightSearch', text)({ register: (name, t) => { json = JSON.parse(t); } });
  return json;
})();
const files = fs.readdirSync(path.join(site, 'search')).filter((f) => f.endsWith('.js'));
const onDisk = files.reduce((sum, f) => sum + fs.statSync(path.join(site, 'search', f)).size, 0);
const kind = (prefix) => files.filter((f) => f.startsWith(prefix));
const sum = (list) => list.reduce((s, f) => s + fs.statSync(path.join(site, 'search', f)).size, 0);

console.log(`postmortems: ${manifest.postmortems}; search data on disk: ${files.length} files, ` +
  `${kib(onDisk)} KiB, ${kib(onDisk / manifest.postmortems)} KiB per postmortem (shards ` +
  `${kib(sum(kind('s-')) / manifest.postmortems)}, hit chunks ${kib(sum(kind('d-')) / manifest.postmortems)}, ` +
  `heads ${kib(sum(kind('h-')) / manifest.postmortems)}${manifest.heads ? ` (${kib(gzipSize(`${server.origin}/search/${manifest.heads}.js`))} KiB gzipped whole)` : ''}, ` +
  `dictionary ${kib(sum(kind('t-')))} KiB whole, manifest ${kib(sum(kind('manifest')))} KiB ` +
  `(${kib(gzipSize(`${server.origin}/search/manifest.js`))} KiB gzipped)); ` +
  // (A site of an older build, to compare with, lists its shards by name and has no families.)
  (Array.isArray(manifest.shards) ? `${manifest.shards.length} shards, ` :
    `${manifest.shards} shards cutting the terms, ${manifest.families.length} families and ` +
    `${manifest.likeliest.prefixes.length} of a prefix's likeliest terms, `) +
  `${manifest.chunks} chunks of ${manifest.chunk}`);
console.log('');
if (rows.length > 0) {
  console.log('| query | kind | first result painted | requests (search data) | gzip bytes (search data) | results |');
  console.log('|---|---|---:|---:|---:|---|');
}
for (const r of rows) {
  const limit = r.words + 2;
  console.log(`| \`${r.query}\` | ${r.kind} | ${ms(r.firstAt)} ms | ${r.requests} (${r.dataRequests}` +
    `${r.dictionary ? ', dictionary included' : `, limit ${limit}`}) | ${kib(r.bytes)} KiB (${kib(r.dataBytes)}) | ${r.status} |`);
}
console.log('');
// --json=FILE: every keystroke's measures, for a closer look. --urls: see firstResult.
if (option('json')) fs.writeFileSync(option('json'), JSON.stringify({ typed, shardBytesTyped }, null, 1));
const durations = typed.map((t) => t.duration).sort((a, b) => a - b);
const keys = QUERIES.reduce((s, e) => s + (new URLSearchParams(e.query).get('q') || '').length, 0);
if (typed.length === 0) process.exit(0);
console.log(`Keystrokes typed ${KEY_DELAY_MS} ms apart into a cold page, one page per query${rounds > 1 ? `, ${rounds} times` : ''}: ${keys * rounds} keys, ` +
  `${durations.length} searches painted (a keystroke whose shard had not arrived before the next ` +
  `one was typed is answered by the next).`);
console.log('');
console.log('| input → results painted | keystrokes | median | p90 | p99 | max | under 30 ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const line = (label, list) => {
  const d = list.map((t) => t.duration).sort((a, b) => a - b);
  if (d.length === 0) return;
  console.log(`| ${label} | ${d.length} | ${ms(percentile(d, 50))} ms | ${ms(percentile(d, 90))} ms | ` +
    `${ms(percentile(d, 99))} ms | ${ms(d.at(-1))} ms | ${d.filter((x) => x < 30).length} of ${d.length} |`);
};
line('every keystroke', typed);
line('its shards and hits already loaded', typed.filter((t) => !t.shards && !t.chunks));
line('waited for a shard (or the dictionary)', typed.filter((t) => t.shards));
if (typed.some((t) => t.fetch !== undefined)) {
  line('of those, read at the key a shard fetched ahead', typed.filter((t) => t.shards && !t.fetch));
  line('of those, fetched at the key', typed.filter((t) => t.shards && t.fetch));
}
line('waited only for hits (chunks) to show', typed.filter((t) => !t.shards && t.chunks));
// Snippets: a result drawn from the heads before its chunk arrived gets its snippet after.
// (A search overtaken by the next keystroke before its snippets came has none.)
if (typed.some((t) => t.snippets !== t.duration)) {
  line('every keystroke, to its snippets painted too',
    typed.filter((t) => t.snippets !== undefined).map((t) => ({ ...t, duration: t.snippets })));
}
line('every keystroke, from its keydown', typed.map((t) => ({ ...t, duration: t.fromKey })));
console.log('');
const typedWords = shardBytesTyped.reduce((n, t) => n + t.q.split(/[\s-]+/).filter(Boolean).length, 0);
const typedBytes = shardBytesTyped.reduce((n, t) => n + t.bytes, 0);
console.log(`Shards fetched while typing: ${kib(typedBytes)} KiB gzipped for ${shardBytesTyped.length} queries ` +
  `(${typedWords} words), ${kib(typedBytes / typedWords)} KiB a word typed.`);
console.log('');
console.log('Slowest keystrokes (the text in the box):');
console.log('');
const loaded = typed.filter((t) => !t.shards && !t.chunks);
for (const t of [...typed].sort((a, b) => b.duration - a.duration).slice(0, 6)
  .concat([...loaded].sort((a, b) => b.duration - a.duration).slice(0, 4))) {
  console.log(`- \`${t.query}\`: ${ms(t.duration)} ms (${ms(t.fromKey)} from its keydown; results computed after ${ms(t.searched)} ms; ` +
    `${t.shards ? 'waited for a shard' : 'shards loaded'}, ${t.chunks ? 'waited for hits' : 'hits loaded'})`);
}
