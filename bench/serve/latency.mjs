// Live-reload latency of `hindsight serve`: on a generated archive, a postmortem's title is edited
// again and again while its page and the home page are open in Chromium; each edit is timed from
// the end of the file write to the moment both pages have painted the new title (the quiet
// period, the rebuild, the reload event, the page load and the paint, all included).
//
// Usage: node bench/serve/latency.mjs HINDSIGHT CONTENT [EDITS] [-- serve options...]
// Prints a Markdown report; bench/serve/run.sh generates the archive and appends it to RESULTS.md.
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { startServe, until } from '../../tests/serve/serve_process.mjs';
import { editTitle, howUpdated, percentile } from '../../tests/serve/live_reload.mjs';

const [binary, content, editsArg, ...rest] = process.argv.slice(2);
if (!binary || !content) {
  console.error('usage: node latency.mjs HINDSIGHT CONTENT [EDITS] [-- serve options...]');
  process.exit(2);
}
const edits = Number(editsArg || 20);
const serveArgs = rest[0] === '--' ? rest.slice(1) : rest;

const serve = await startServe(binary, [content, '--port', '0', ...serveArgs]);
// The newest postmortem, whose title the home page lists first (newest first, ties by slug).
const exported = await (await fetch(new URL('postmortems.json', serve.url))).json();
const newest = [...exported].sort((a, b) => (b.date || '').localeCompare(a.date || '')
  || a.slug.localeCompare(b.slug))[0];
const file = path.join(content, newest.source);
const original = fs.readFileSync(file, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.HINDSIGHT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  // Each page in a browser context of its own, both visible, as a writer with the page beside
  // the archive has them. With both pages in one context, Chromium gave the page opened first
  // its frames late, now and then: up to a second after an update in place.
  // HINDSIGHT_BENCH_ONE_CONTEXT=1: both pages in one context, as tabs of one browser.
  const shared = process.env.HINDSIGHT_BENCH_ONE_CONTEXT === '1'
    ? await browser.newContext({ viewport: { width: 1200, height: 900 } }) : null;
  const window = async () => shared || browser.newContext({ viewport: { width: 1200, height: 900 } });
  const home = await (await window()).newPage();
  await home.goto(serve.url);
  const pmPage = await (await window()).newPage();
  await pmPage.goto(new URL(newest.url, serve.url).href);
  await until(async () => (await serve.status()).open_pages >= 2);

  const perEdit = [];
  const builds = [];
  for (let i = 1; i <= edits; i += 1) {
    const from = serve.lines.length;
    const [onPm, onHome] = await editTitle(file, `Benchmark edit ${i} of ${edits}`, [pmPage, home]);
    perEdit.push({ pm: onPm, home: onHome, both: Math.max(onPm, onHome) });
    const rebuilt = await serve.waitForLine(/^rebuilt in \d+ ms/, { from });
    builds.push(Number(rebuilt.match(/^rebuilt in (\d+) ms/)[1]));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const both = perEdit.map((e) => e.both);
  const row = (name, values) => `| ${name} | ${percentile(values, 50).toFixed(0)} | ` +
    `${percentile(values, 95).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
  console.log(`postmortems: ${exported.length}; edits: ${edits}; serve options: ` +
    `${serveArgs.join(' ') || '(none)'}\n`);
  console.log('| save to paint, ms | p50 | p95 | max |\n|---|---:|---:|---:|');
  console.log(row('both pages painted', both));
  console.log(row('postmortem page', perEdit.map((e) => e.pm)));
  console.log(row('home page', perEdit.map((e) => e.home)));
  console.log(row('rebuild alone (serve\'s own line)', builds));
  console.log(`\nEvery edit, both pages, ms: ${both.map((v) => v.toFixed(0)).join(', ')}`);
  console.log(`Pages brought up to date: postmortem page ${await howUpdated(pmPage)}, home page ` +
    `${await howUpdated(home)} (${await pmPage.evaluate(() => window.hindsightLive?.updates ?? 0)} ` +
    'and ' + `${await home.evaluate(() => window.hindsightLive?.updates ?? 0)} updates in place).`);
  console.log(`Target: p95 under 200 ms: ${percentile(both, 95) < 200 ? 'met' : 'not met'}.`);
} finally {
  fs.writeFileSync(file, original);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await browser.close();
  await serve.stop();
}
