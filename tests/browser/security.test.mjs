// Stored XSS: a site built from front matter, Markdown and config full of injection attempts runs
// no script on any page, links nowhere but http(s), mailto and the site, and its feed, exports
// and search data hold the attempts as inert text.
//
// Run by ctest as `node --test tests/browser/security.test.mjs`, with HINDSIGHT_BIN naming the
// binary; drives Debian's chromium (never a downloaded browser) over loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serveSite } from './static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = process.env.HINDSIGHT_BIN;
const chromiumPath = process.env.HINDSIGHT_CHROMIUM || '/usr/bin/chromium';
const fixture = path.join(here, 'fixtures/injection');

// Every payload in the fixture ends in one of these when it runs: a dialog, this console
// marker, or window.__pwned set.
const MARKER = 'HS-PWNED';

// The theme's own scripts: any other <script> on a page was injected.
const THEME_SCRIPTS = ['assets/site.js', 'assets/search.js', 'assets/search-engine.js',
  'assets/search-ahead.js', 'assets/lunr.min.js', 'search/manifest.js'];
// The search data the search page loads as a query needs it: dictionary and facets (named by a
// hash), shards and hit chunks (numbered).
const SEARCH_DATA = '/search/([tf]-[0-9a-f]{10}([0-9a-f]{22})?|[sd]-[0-9]+)\\.js$';

const PAGE_TYPES = ['home', 'postmortem', 'causes index', 'cause', 'services index', 'service',
  'severities index', 'severity', 'actions index', 'action cluster', 'stats', 'search', '404 page'];

let work, site, server, browser, buildStderr;

before(async () => {
  assert.ok(binary, 'HINDSIGHT_BIN must name the hindsight binary');
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: run scripts/setup.sh`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-security-'));
  const content = path.join(work, 'content');
  fs.cpSync(fixture, content, { recursive: true });
  site = path.join(work, 'public');
  const build = spawnSync(binary, ['build', content, '-o', site], { encoding: 'utf8' });
  buildStderr = build.stderr;
  assert.equal(build.status, 0, `the build failed:\n${build.stderr}`);
  server = await serveSite(site);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-default-apps', '--no-first-run', '--no-pings'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const read = (file) => fs.readFileSync(path.join(site, file), 'utf8');

// Every page of the built site, by its type.
function pagesByType() {
  const list = (dir) => fs.readdirSync(path.join(site, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory()).map((d) => `${dir}/${d.name}/index.html`);
  const pages = {
    home: ['index.html'],
    postmortem: list('postmortems'),
    'causes index': ['causes/index.html'],
    cause: list('causes'),
    'services index': ['services/index.html'],
    service: list('services'),
    'severities index': ['severities/index.html'],
    severity: list('severities'),
    'actions index': ['actions/index.html'],
    'action cluster': list('actions'),
    stats: ['stats/index.html'],
    search: ['search/index.html?q=pwnquery'],
    '404 page': ['404.html'],
  };
  assert.deepEqual(Object.keys(pages), PAGE_TYPES);
  for (const [type, paths] of Object.entries(pages)) {
    assert.ok(paths.length > 0, `the fixture site has no ${type} page`);
  }
  return pages;
}

// What a page did and holds once loaded: run in the page, so attributes are read as the
// browser parsed them, not as the bytes spell them.
function inspectPage({ themeScripts, searchData, marker }) {
  const problems = [];
  const allowed = new Set(['http:', 'https:', 'mailto:']);
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'poster',
    'xlink:href', 'background', 'cite', 'srcset', 'ping'];
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler attribute ${name}: ${describe(el)}`);
      if (!urlAttributes.includes(name)) continue;
      const value = attribute.value;
      if (/^[\s\x00-\x20]*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data)\s*:/i.test(value) &&
          !(el.matches('link[rel=icon]') && value.startsWith('data:image/svg+xml,'))) {
        problems.push(`${name}="${value}" on ${describe(el)}`);
      }
      if (name === 'srcdoc') problems.push(`srcdoc on ${describe(el)}`);
      if (['href', 'src', 'action', 'formaction'].includes(name)) {
        const protocol = new URL(value, document.baseURI).protocol;
        const icon = el.matches('link[rel=icon]') && value.startsWith('data:image/svg+xml,');
        if (!allowed.has(protocol) && !icon) problems.push(`${name} with ${protocol} on ${describe(el)}`);
      }
    }
  }
  for (const script of document.scripts) {
    const src = script.getAttribute('src');
    if (!src || script.textContent.trim() !== '') {
      problems.push(`inline script: ${describe(script)}`);
    } else if (!themeScripts.some((s) => new URL(src, document.baseURI).pathname.endsWith(`/${s}`)) &&
      !new RegExp(searchData).test(new URL(src, document.baseURI).pathname)) {
      problems.push(`script not of the theme: ${src}`);
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed, style, base, meta[http-equiv]')) {
    problems.push(`injected element: ${describe(el)}`);
  }
  for (const form of document.forms) {
    if (!new URL(form.getAttribute('action') ?? '', document.baseURI).pathname.endsWith('/search/index.html')) {
      problems.push(`form not of the theme: ${describe(form)}`);
    }
  }
  if (window.__pwned !== undefined) problems.push(`window.__pwned = ${window.__pwned}`);
  if (document.title.includes(marker)) problems.push(`marker in title: ${document.title}`);
  return problems;
}

describe('no injected script runs and no page links to a script', () => {
  test('the build warned about each refused address, at its place', () => {
    for (const expected of [
      /hindsight\.yaml:3:11: warning: base_url 'javascript:alert\('base_url'\)\/\/' is not allowed/,
      /2024-03-01-front-matter\.md:21:11: warning: action item link 'javascript:alert\('ai-link'\)' is not allowed/,
      /2024-03-01-front-matter\.md:\d+:\d+: warning: action item link 'vbscript:msgbox\('ai-link-vb'\)'/,
      /2024-03-01-front-matter\.md:\d+:\d+: warning: link to 'javascript:alert\('md-link'\)' is not allowed/,
      /2024-03-01-front-matter\.md:\d+:\d+: warning: image address 'javascript:alert\('md-img'\)' is not allowed/,
    ]) {
      assert.match(buildStderr, expected);
    }
  });

  for (const type of PAGE_TYPES) {
    test(`${type} pages`, async () => {
      for (const page of pages()[type]) {
        const problems = await visit(page);
        assert.deepEqual(problems, [], `${page}:\n${problems.join('\n')}`);
      }
    });
  }

  test('what was injected is shown as the text it is', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/${pages().postmortem.find((p) => p.includes('inc-b-1-b'))}`);
    assert.match(await page.title(), /<\/title><script>window\.__pwned='config-title'<\/script>/);
    assert.equal(await page.textContent('h1'),
      `<script>window.__pwned='title'</script>pwnquery <img src=x onerror="alert('title')">`);
    const links = await page.$$eval('.ai-link', (nodes) => nodes.map((n) => [n.tagName, n.textContent]));
    // Only the http(s) links are links; the quote in one stays inside its href.
    assert.deepEqual(links.filter(([tag]) => tag === 'A').map(([, text]) => text).sort(),
      ['https://tracker.example/" onmouseover="alert(\'ai-link-quote\')', 'https://tracker.example/PLAT-1']);
    assert.ok(links.some(([tag, text]) => tag === 'SPAN' && text === "javascript:alert('ai-link')"),
      'a refused action item link is shown as text');
    assert.match(await page.textContent('.pm-body'), /md link upper/);
    await context.close();
  });

  test('the search page lists the injected postmortems by their text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/index.html?q=pwnquery`);
    await page.waitForFunction(() => document.getElementById('hs-results').getAttribute('aria-busy') === 'false' &&
      document.getElementById('hs-status').textContent !== '');
    const titles = await page.$$eval('#hs-results .search-result-title', (n) => n.map((x) => x.textContent));
    assert.ok(titles.includes(`<script>window.__pwned='title'</script>pwnquery <img src=x onerror="alert('title')">`),
      titles.join('\n'));
    assert.equal(await page.$$eval('#hs-results img, #hs-results script, #hs-results svg', (n) => n.length), 0);
    await context.close();
  });
});

describe('feeds, exports and search data hold the attempts as inert text', () => {
  test('atom.xml is well-formed, holds only Atom elements, and links nowhere else', async () => {
    const xml = read('atom.xml');
    for (const raw of ['<script', '<img', '<svg']) {
      assert.ok(!xml.includes(raw), `atom.xml holds "${raw}" unescaped`);
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const report = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        foreign: [...doc.getElementsByTagName('*')].filter((e) => e.namespaceURI !== atom).map((e) => e.tagName),
        titles: [...doc.getElementsByTagNameNS(atom, 'title')].map((e) => e.textContent),
        hrefs: [...doc.getElementsByTagNameNS(atom, 'link')].map((e) => e.getAttribute('href')),
        // "javascript:" may be text (a summary quoting the markup it was written in), never a
        // value of an attribute.
        attributes: [...doc.getElementsByTagName('*')].flatMap((e) => [...e.attributes].map((a) => a.value)),
      };
    }, xml);
    await context.close();
    assert.equal(report.error, null);
    assert.deepEqual(report.foreign, []);
    assert.ok(report.titles.includes(`<script>window.__pwned='title'</script>pwnquery <img src=x onerror="alert('title')">`));
    for (const href of report.hrefs) assert.ok(!/^\s*[a-z][a-z0-9+.-]*:/i.test(href) || /^https?:/.test(href), href);
    for (const value of report.attributes) assert.ok(!/javascript:/i.test(value), value);
    assert.ok(!fs.existsSync(path.join(site, 'sitemap.xml')), 'the refused base_url made no sitemap');
  });

  test('postmortems.json and actions.json parse and keep each value as written', () => {
    const records = JSON.parse(read('postmortems.json'));
    const titles = records.map((r) => r.title);
    assert.ok(titles.includes(`<script>window.__pwned='title'</script>pwnquery <img src=x onerror="alert('title')">`));
    for (const record of records) {
      assert.match(record.url, /^postmortems\/[a-z0-9-]+\/index\.html$/);
      assert.ok(!JSON.stringify(record).includes('javascript:alert(\'ai-link'), 'no action item link is exported');
    }
    const clusters = JSON.parse(read('actions.json')).clusters;
    for (const cluster of clusters) assert.match(cluster.id, /^[a-z0-9-]+$/);
    assert.ok(clusters.some((c) => c.items.some((i) => i.title.startsWith('<img src=x onerror'))));
  });

  test('postmortems.csv starts no cell with a spreadsheet formula and keeps its columns', () => {
    const rows = parseCsv(read('postmortems.csv'));
    const width = rows[0].length;
    for (const row of rows) assert.equal(row.length, width, row.join(' | '));
    for (const cell of rows.flat()) assert.ok(!/^[=+\-@\t\r]/.test(cell), `formula cell: ${cell}`);
    assert.ok(rows.some((row) => row.includes("'=cmd|' /C calc'!A0")), 'the title is kept, defused');
  });

  test('the search data is data: each file registers its JSON under its own name, and no more', () => {
    const files = fs.readdirSync(path.join(site, 'search')).filter((f) => f.endsWith('.js'));
    assert.ok(files.includes('manifest.js'));
    const hits = [];
    for (const file of files) {
      const calls = [];
      const sandbox = { HindsightSearch: { register: (name, text) => calls.push([name, text]) } };
      vm.createContext(sandbox);
      vm.runInContext(fs.readFileSync(path.join(site, 'search', file), 'utf8'), sandbox);
      assert.deepEqual(Object.keys(sandbox), ['HindsightSearch'], file);
      assert.deepEqual(Object.keys(sandbox.HindsightSearch), ['register'], file);
      assert.equal(sandbox.__pwned, undefined);
      assert.equal(calls.length, 1, file);
      assert.equal(`${calls[0][0]}.js`, file);
      const data = JSON.parse(calls[0][1]);
      if (file.startsWith('d-')) hits.push(...data);
    }
    assert.ok(hits.length > 0);
    for (const hit of hits) assert.match(hit.url, /^postmortems\/[a-z0-9-]+\/index\.html$/);
    assert.ok(hits.some((hit) => hit.title.includes('<img src=x onerror')), 'titles are kept as text');
  });

  test('an injected action item status is a warning, shown as text, and fails --strict', () => {
    const content = path.join(work, 'status-content');
    fs.mkdirSync(content, { recursive: true });
    fs.writeFileSync(path.join(content, 'status.md'),
      '---\ntitle: Status\naction_items:\n  - title: x\n    status: "<script>alert(1)</script>"\n---\nBody\n');
    const out = path.join(work, 'status-public');
    const build = spawnSync(binary, ['build', content, '-o', out], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stderr, /status\.md:5:13: warning: unknown action item status/);
    const page = fs.readFileSync(path.join(out, 'postmortems/status/index.html'), 'utf8');
    assert.ok(!page.includes('<script>alert(1)'), 'the status reached the page as markup');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(page, /class="ai ai-unknown"/);
    const strict = spawnSync(binary, ['build', content, '-o', path.join(work, 'status-strict'),
      '--strict'], { encoding: 'utf8' });
    assert.equal(strict.status, 1);
  });
});

// The tests are named before the site is built; the pages of each type come from the build.
let cachedPages;
function pages() {
  cachedPages ??= pagesByType();
  return cachedPages;
}

async function visit(relative) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const events = [];
  page.on('dialog', async (dialog) => { events.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  page.on('console', (message) => {
    if (message.text().includes(MARKER)) events.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
  await page.goto(`${server.origin}/${relative}`, { waitUntil: 'load' });
  if (relative.startsWith('search/')) {
    await page.waitForFunction(() => document.getElementById('hs-results').getAttribute('aria-busy') === 'false' &&
      document.getElementById('hs-status').textContent !== '');
    const hits = await page.$$eval('#hs-results .search-result', (n) => n.length);
    if (hits === 0) events.push('the query found nothing: the results were not checked');
  }
  // Handlers such as onerror on a broken image fire after load; give them time to.
  await page.waitForTimeout(150);
  const problems = [];
  for (const frame of page.frames()) {
    problems.push(...await frame.evaluate(inspectPage, { themeScripts: THEME_SCRIPTS, searchData: SEARCH_DATA, marker: MARKER }));
  }
  await context.close();
  return [...events, ...problems];
}

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; ++i; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; ++i;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
