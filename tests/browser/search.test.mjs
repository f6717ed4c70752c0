// The search page in a real browser: Debian's chromium driven by playwright-core, against the
// demo site (plus an XSS canary) served on loopback and opened from file://.
//
// Run by ctest as `node --test tests/browser/search.test.mjs`, with HINDSIGHT_BIN naming the
// binary. Nothing here downloads a browser, and every request the pages make is checked to stay
// on this machine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { serveSite } from './static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binary = process.env.HINDSIGHT_BIN;
const chromiumPath = process.env.HINDSIGHT_CHROMIUM || '/usr/bin/chromium';
const screenshots = process.env.HINDSIGHT_SCREENSHOTS;  // a folder, to look at the pages

let work, site, server, origin, browser;
const requests = [];
const dialogs = [];
const pageErrors = [];

before(async () => {
  assert.ok(binary, 'HINDSIGHT_BIN must name the hindsight binary');
  assert.ok(fs.existsSync(chromiumPath),
    `${chromiumPath} is missing: run scripts/setup.sh (it installs Debian's chromium)`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-browser-'));
  const content = path.join(work, 'content');
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  fs.copyFileSync(path.join(here, 'fixtures/xss-canary.md'), path.join(content, 'xss-canary.md'));
  site = path.join(work, 'public');
  execFileSync(binary, ['build', content, '-o', site, '--quiet'], { stdio: 'inherit' });

  server = await serveSite(site);
  origin = server.origin;

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-default-apps', '--no-first-run', '--disable-domain-reliability',
      '--metrics-recording-only', '--no-pings'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

const searchUrl = (query = '') => `${origin}/search/index.html${query}`;

// Waits until the page has searched for what the box holds, then reads the results.
async function results(page) {
  await page.waitForFunction(() => {
    const list = document.getElementById('hs-results');
    const status = document.getElementById('hs-status');
    return list.getAttribute('aria-busy') === 'false' && status.textContent !== '';
  });
  return page.$$eval('#hs-results .search-result', (items) => items.map((item) => ({
    title: item.querySelector('.search-result-title').textContent,
    href: item.querySelector('.search-result-title').getAttribute('href'),
    chips: Array.from(item.querySelectorAll('.search-result-meta .chip'), (c) => c.textContent),
    date: item.querySelector('time')?.textContent ?? '',
    // What the result marks as inferred from the text: its causes, its duration.
    marks: (item.querySelector('.chip-inferred') ? 'causes ' : '') +
      (item.querySelector('.search-result-meta .is-inferred') ? 'duration' : ''),
  })));
}

async function type(page, query) {
  await page.fill('#hs-q', query);
  await page.waitForFunction((q) => document.getElementById('hs-status').textContent
    .includes(`“${q.trim()}”`), query);
  return results(page);
}

const slugOf = (href) => href.split('/').at(-2);

describe('search over http', () => {
  test('the best match comes first, and words match as people say them', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    await page.waitForFunction(() => document.getElementById('hs-status').textContent.startsWith('Type'));

    const race = await type(page, 'race conditions');
    assert.equal(slugOf(race[0].href), 'pw-2024-006', 'plural "race conditions" finds the race');

    const hyphen = (await type(page, 'load-balancer')).map((r) => slugOf(r.href));
    const spaced = (await type(page, 'load balancer')).map((r) => slugOf(r.href));
    assert.deepEqual(hyphen, spaced);
    assert.ok(hyphen.includes('pw-2025-002') && hyphen.includes('pw-2023-009'), hyphen.join());

    const dns = await type(page, 'dns');
    assert.equal(slugOf(dns[0].href), '2024-06-05-gateway-dns-resolver-outage');
    await page.context().close();
  });

  test('a typo falls back to close matches and says so', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    const hits = await type(page, 'dtabase');
    assert.match(await page.textContent('#hs-status'), /No exact matches for “dtabase”/);
    assert.ok(hits.length >= 4, `${hits.length} hits`);
    for (const hit of hits.slice(0, 4)) {
      assert.ok(hit.chips.includes('Database') || /database/i.test(hit.title), hit.title);
    }
    await page.context().close();
  });

  test('results appear while the last word is still being typed', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    const hits = await type(page, 'elasticsea');
    assert.equal(slugOf(hits[0].href), 'pw-2025-012');
    const marks = await page.$$eval('#hs-results mark', (m) => m.map((x) => x.textContent));
    assert.ok(marks.some((m) => /^Elasticsearch$/i.test(m)), marks.join());
    await page.context().close();
  });

  test('while a word is typed, the shards of its next letters load ahead; never before typing', async () => {
    // A page opened with a query loads no shard once its first result is painted: loading ahead
    // waits for the reader to type.
    const opened = await newPage();
    const shardsOf = (page) => {
      const names = [];
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop();
        if (/^s-\d+\.js$/.test(name)) names.push(name);
      });
      return names;
    };
    const openedShards = shardsOf(opened);
    await opened.goto(searchUrl('?q=min'));
    const expected = await results(opened);
    assert.ok(expected.length > 0);
    await opened.waitForTimeout(1000);
    const beforeFirst = await opened.evaluate(() => {
      const at = performance.getEntriesByName('hindsight-first-result')[0].startTime;
      return performance.getEntriesByType('resource').filter((r) => r.startTime <= at)
        .map((r) => new URL(r.name).pathname.split('/').pop()).filter((name) => /^s-\d+\.js$/.test(name));
    });
    assert.deepEqual([...openedShards].sort(), [...beforeFirst].sort());
    await opened.context().close();

    // Typed: "mi" needs no shard ("mi" is no term, and too short to expand), "min" does; with
    // "mi" typed and the page idle, it is in already, and the results are the same.
    const page = await newPage();
    const shards = shardsOf(page);
    await page.goto(searchUrl());
    await page.type('#hs-q', 'mi');
    await page.waitForFunction(() => document.getElementById('hs-status').textContent.includes('“mi”'));
    await page.waitForTimeout(1000);
    assert.ok(shards.length > 0, 'shards were loaded ahead');
    const ahead = shards.length;
    await page.type('#hs-q', 'n');
    await page.waitForFunction(() => document.getElementById('hs-status').textContent.includes('“min”'));
    assert.deepEqual(await results(page), expected);
    assert.deepEqual(shards.slice(ahead), [], 'the third letter fetched no shard');
    const typed = await page.evaluate(() => performance.getEntriesByName('hindsight-search').at(-1).detail);
    assert.equal(typed.query, 'min');
    assert.equal(typed.waitedForShards, false);
    await page.context().close();
  });

  test('a word too short to search for waits for more letters', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    await type(page, 'ro');
    assert.match(await page.textContent('#hs-status'), /Keep typing/);
    assert.equal(await page.isVisible('#hs-empty'), false);
    const whole = (await type(page, 'token')).map((r) => r.href);
    const typing = (await type(page, 'token ro')).map((r) => r.href);
    assert.ok(whole.length > 0);
    assert.deepEqual(typing, whole);
    await page.context().close();
  });

  test('filters combine with the query and with each other', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    const all = await type(page, 'checkout');
    await page.selectOption('#hs-cause', 'database');
    const database = await results(page);
    assert.ok(database.length > 0 && database.length < all.length);
    assert.ok(database.every((r) => r.chips.includes('Database')));
    await page.selectOption('#hs-year', '2024');
    const year = await results(page);
    assert.ok(year.length > 0 && year.every((r) => r.date.startsWith('2024')), JSON.stringify(year));
    assert.match(page.url(), /q=checkout/);
    assert.match(page.url(), /cause=database/);
    assert.match(page.url(), /year=2024/);

    // Filters alone list every postmortem they hold, newest first.
    await page.fill('#hs-q', '');
    await page.selectOption('#hs-year', '');
    await page.waitForFunction(() => document.getElementById('hs-status').textContent.includes('filters'));
    const byCause = await results(page);
    const dates = byCause.map((r) => r.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(byCause.length >= 5, `${byCause.length}`);
    await page.context().close();
  });

  test('a ?q= link opens with its results, and the back button returns to them', async () => {
    const page = await newPage();
    await page.goto(searchUrl('?q=certificate&severity=sev1'));
    const hits = await results(page);
    assert.equal(await page.inputValue('#hs-q'), 'certificate');
    assert.equal(await page.inputValue('#hs-severity'), 'sev1');
    assert.deepEqual(hits.map((h) => slugOf(h.href)), ['pw-2025-002']);

    await page.click('#hs-results .search-result-title');
    await page.waitForURL(/postmortems\/pw-2025-002\/index\.html$/);
    assert.match(await page.textContent('h1'), /expired wildcard certificate/);
    await page.goBack();
    await page.waitForURL(/search\/index\.html\?q=certificate/);
    const again = await results(page);
    assert.deepEqual(again.map((h) => slugOf(h.href)), ['pw-2025-002']);
    await page.context().close();
  });

  test('the URL follows the typing once it pauses, and at once when a result is opened', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      window.urlChanges = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args) => { window.urlChanges += 1; return replace(...args); };
    });
    await page.goto(searchUrl());
    await page.type('#hs-q', 'certificate', { delay: 20 });
    await page.waitForURL(/search\/index\.html\?q=certificate$/);
    // Not replaced with every key (each replacement refetches the page's icon)...
    assert.ok(await page.evaluate(() => window.urlChanges) <= 3);
    // ...but a result opened within that pause still leaves it behind for Back.
    await page.type('#hs-q', ' expired', { delay: 20 });
    await page.waitForFunction(() => document.getElementById('hs-status').textContent.includes('expired'));
    await results(page);
    await page.click('#hs-results .search-result-title');
    await page.waitForURL(/postmortems\//);
    await page.goBack();
    await page.waitForURL(/search\/index\.html\?q=certificate\+expired$/);
    await page.context().close();
  });

  test('the keyboard alone searches and picks a result', async () => {
    const page = await newPage();
    await page.goto(`${origin}/index.html`);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search');
    await page.keyboard.type('cache');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=cache$/);
    const hits = await results(page);
    assert.ok(hits.length >= 2);

    await page.click('h1');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'hs-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
    assert.equal(focused, hits[1].href);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused result shows a focus ring');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'hs-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith(hits[1].href.replace('..', '')));
    await page.context().close();
  });

  test('a page of ten, and "Show more" fetches what the next ones show', async () => {
    const page = await newPage();
    const data = [];
    page.on('request', (request) => {
      if (/\/search\/[a-z]-/.test(request.url())) data.push(new URL(request.url()).pathname.split('/').pop());
    });
    await page.goto(searchUrl('?q=minutes'));
    const first = await results(page);
    assert.equal(first.length, 10);
    const total = Number((await page.textContent('#hs-status')).match(/^(\d+) postmortems/)[1]);
    assert.ok(total > 10, `${total}`);
    assert.equal(await page.textContent('#hs-more'), `Show more results (${total - 10} more)`);
    // What the page loads ahead for later searches (the heads, the dictionary) comes after the
    // first result of an exact match.
    const before = await page.evaluate(() => {
      const at = performance.getEntriesByName('hindsight-first-result')[0].startTime;
      return performance.getEntriesByType('resource').filter((r) => r.startTime <= at)
        .map((r) => new URL(r.name).pathname.split('/').pop());
    });
    assert.ok(before.some((name) => name.startsWith('d-')), before.join());
    assert.ok(!before.some((name) => /^[th]-/.test(name)), before.join());
    assert.ok(data.some((name) => name.startsWith('h-')), data.join());
    await page.click('#hs-more');
    await page.waitForFunction((n) => document.querySelectorAll('#hs-results .search-result').length === n,
      Math.min(total, 20));
    assert.equal(await page.evaluate(() => document.activeElement.closest('li') ===
      document.querySelectorAll('#hs-results .search-result')[10]), true);
    await page.context().close();
  });

  test('typed results are drawn from the heads before their chunks arrive; the snippets follow', async () => {
    const reference = await newPage();
    await reference.goto(searchUrl('?q=minutes'));
    const expected = await results(reference);
    await reference.context().close();

    const page = await newPage();
    const held = [];
    await page.route(/\/search\/d-\d+\.js/, (route) => held.push(route));
    await page.goto(searchUrl());
    await page.fill('#hs-q', 'minutes');
    await page.waitForFunction(() => document.querySelectorAll('#hs-results .search-result').length === 10);
    const early = await page.$$eval('#hs-results .search-result', (items) => items.map((item) => ({
      title: item.querySelector('.search-result-title').textContent,
      href: item.querySelector('.search-result-title').getAttribute('href'),
      chips: Array.from(item.querySelectorAll('.search-result-meta .chip'), (c) => c.textContent),
      date: item.querySelector('time')?.textContent ?? '',
      marks: (item.querySelector('.chip-inferred') ? 'causes ' : '') +
        (item.querySelector('.search-result-meta .is-inferred') ? 'duration' : ''),
      loading: item.querySelectorAll('.search-result-snippet.is-loading').length,
    })));
    assert.ok(held.length > 0, 'the chunks were asked for');
    assert.deepEqual(early.map(({ loading, ...hit }) => hit), expected);
    assert.ok(early.every((hit) => hit.loading === 1), 'each snippet waits for its chunk');
    assert.equal(await page.getAttribute('#hs-results', 'aria-busy'), 'true');

    await Promise.all(held.map((route) => route.continue()));
    await page.unroute(/\/search\/d-\d+\.js/);
    assert.deepEqual(await results(page), expected);
    assert.equal(await page.locator('#hs-results .search-result-snippet.is-loading').count(), 0);
    assert.equal(await page.locator('#hs-results .search-result-snippet').count(), 10);
    await page.context().close();
  });

  test('a result marks the causes and duration its postmortem did not declare', async () => {
    const page = await newPage();
    await page.goto(searchUrl('?q=memory'));
    const hits = await results(page);
    const bySlug = Object.fromEntries(hits.map((hit) => [slugOf(hit.href), hit]));
    // Written without front matter: its causes and duration come from its text.
    assert.equal(bySlug['2024-11-29-notifications-worker-memory-leak']?.marks, 'causes duration');
    const declared = hits.filter((hit) => hit.marks === '');
    assert.ok(declared.length > 0, 'the postmortems with front matter are not marked');
    await page.context().close();
  });

  test('an empty result says so and suggests a way on', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    const hits = await type(page, 'zqxwvy');
    assert.equal(hits.length, 0);
    assert.match(await page.textContent('#hs-status'), /No postmortems match “zqxwvy”/);
    assert.ok(await page.isVisible('#hs-empty'));
    const suggestion = await page.getAttribute('.search-suggestions a', 'href');
    assert.match(suggestion, /^index\.html\?cause=[a-z-]+$/);
    await page.context().close();
  });

  test('titles and snippets are text: the XSS canary runs nothing', async () => {
    const page = await newPage();
    await page.goto(searchUrl());
    const hits = await type(page, 'escaping canary');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].title, '<img src=x onerror=alert(1)>');
    const injected = await page.$$eval('#hs-results img, #hs-results b, #hs-results script', (n) => n.length);
    assert.equal(injected, 0);
    const snippet = await page.textContent('#hs-results .search-result-snippet');
    assert.match(snippet, /<b>bold<\/b>/);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    await page.context().close();
  });

  test('the search page passes axe-core and announces results', async () => {
    const page = await newPage();
    await page.goto(searchUrl('?q=database'));
    await results(page);
    assert.equal(await page.getAttribute('#hs-status', 'aria-live'), 'polite');
    assert.equal(await page.evaluate(() => document.getElementById('hs-q').labels.length), 1);
    await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);
    await page.context().close();
  });

  test('screenshots, when asked for', { skip: !screenshots }, async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    for (const [name, query, scheme] of [['results', '?q=database', 'light'],
      ['no-results', '?q=zqxwvy', 'light'], ['results-dark', '?q=dtabase', 'dark']]) {
      const page = await newPage({ colorScheme: scheme });
      await page.goto(searchUrl(query));
      await results(page);
      await page.screenshot({ path: path.join(screenshots, `search-${name}.png`) });
      await page.context().close();
    }
  });
});

describe('search from file://', () => {
  test('the .js index loads without a server, and the header box leads to it', async () => {
    const page = await newPage();
    await page.goto(pathToFileURL(path.join(site, 'postmortems/pw-2024-006/index.html')).href);
    await page.fill('#site-search', 'token rotation');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/search\/index\.html\?q=token\+rotation$/);
    const hits = await results(page);
    assert.equal(slugOf(hits[0].href), 'pw-2024-006');
    await page.click('#hs-results .search-result-title');
    await page.waitForURL(/postmortems\/pw-2024-006\/index\.html$/);
    await page.context().close();
  });
});

describe('nothing leaves the machine', () => {
  test('every request stayed on loopback or file://, and no page threw', () => {
    const outside = requests.filter((url) =>
      !url.startsWith(`${origin}/`) && !url.startsWith('file://') && !url.startsWith('data:'));
    assert.deepEqual(outside, []);
    assert.ok(!requests.some((url) => /\/(x|y)$/.test(url)), 'the canary image was never fetched');
    assert.deepEqual(pageErrors, []);
  });
});
