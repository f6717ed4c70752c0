// axe-core on every page type of the demo site, in the light and the dark colour scheme: the
// theme must pass both with no violation, since readers get whichever their system asks for.
//
// Run by ctest as `node --test tests/browser/accessibility.test.mjs`, with HINDSIGHT_BIN naming
// the binary; drives Debian's chromium (never a downloaded browser) over loopback. Set
// HINDSIGHT_SCREENSHOTS=DIR to also save a postmortem page in both schemes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serveSite } from './static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binary = process.env.HINDSIGHT_BIN;
const chromiumPath = process.env.HINDSIGHT_CHROMIUM || '/usr/bin/chromium';
const screenshots = process.env.HINDSIGHT_SCREENSHOTS;
const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

// One page of each type: the postmortem with the most inferred values and evidence, a cause
// page, and so on. Which one stands for each type is fixed, so a failure names a page.
const PAGES = {
  home: 'index.html',
  postmortem: 'postmortems/2023-04-18-checkout-connection-leak/index.html',
  'postmortem, all declared': 'postmortems/pw-2024-006/index.html',
  'causes index': 'causes/index.html',
  cause: 'causes/database/index.html',
  'services index': 'services/index.html',
  service: 'services/checkout/index.html',
  'severities index': 'severities/index.html',
  severity: 'severities/sev1/index.html',
  'actions index': 'actions/index.html',
  'action cluster': 'actions/monitoring-and-alerting/index.html',
  stats: 'stats/index.html',
  search: 'search/index.html?q=database',
  '404 page': '404.html',
};

let work, site, server, browser;

before(async () => {
  assert.ok(binary, 'HINDSIGHT_BIN must name the hindsight binary');
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: run scripts/setup.sh`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-a11y-'));
  site = path.join(work, 'public');
  // As the golden site is built: the demo's base_url is on another host, and the 404 page must
  // still get its stylesheet from the server it came from.
  execFileSync(binary, ['build', path.join(root, 'content'), '-o', site, '--quiet'],
    { stdio: 'inherit' });
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

// Every page is checked as it loads from the loopback server alone: a stylesheet fetched from
// elsewhere (the 404 page once took base_url's host) would leave axe an unstyled page.
async function open(relative, colorScheme) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
  const page = await context.newPage();
  const elsewhere = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${server.origin}/`) && !request.url().startsWith('data:')) {
      elsewhere.push(request.url());
    }
  });
  await page.goto(`${server.origin}/${relative}`);
  assert.deepEqual(elsewhere, [], `${relative} requested addresses off this machine`);
  if (relative.startsWith('search/')) {
    await page.waitForFunction(() => document.getElementById('hs-results').getAttribute('aria-busy') === 'false' &&
      document.getElementById('hs-results').children.length > 0);
  }
  return page;
}

async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

for (const scheme of ['light', 'dark']) {
  describe(`axe-core, ${scheme} colour scheme`, () => {
    for (const [type, relative] of Object.entries(PAGES)) {
      test(`${type} (${relative})`, async () => {
        assert.ok(fs.existsSync(path.join(site, relative.split('?')[0])), `${relative} was not built`);
        const page = await open(relative, scheme);
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
          scheme === 'dark');
        const found = await violations(page);
        await page.context().close();
        assert.deepEqual(found, []);
      });
    }
  });
}

// A browser quietly closes what a template leaves open (issue 10 reported an unclosed
// <p class="lede"> on the stats page), so the DOM axe sees cannot show it: the bytes are read.
describe('every page closes each element it opens', () => {
  test('tags balance on every page of the site', () => {
    const pages = fs.readdirSync(site, { recursive: true }).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length > 50, `${pages.length} pages`);
    const problems = pages.flatMap((page) => unbalancedTags(fs.readFileSync(path.join(site, page), 'utf8'))
      .map((problem) => `${page}: ${problem}`));
    assert.deepEqual(problems, []);
  });
});

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta',
  'source', 'track', 'wbr']);

// What is left open or closed out of order, reading tags as written (no implied end tags).
function unbalancedTags(html) {
  const problems = [];
  const open = [];
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  for (const [, closing, name, selfClosing] of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const tag = name.toLowerCase();
    if (tag === '!doctype' || VOID.has(tag) || selfClosing) continue;
    if (!closing) {
      if (tag === 'p' && open.at(-1) === 'p') problems.push('<p> opened inside an open <p>');
      open.push(tag);
    } else if (open.at(-1) === tag) {
      open.pop();
    } else {
      problems.push(`</${tag}> while <${open.at(-1)}> is open`);
      const at = open.lastIndexOf(tag);
      if (at >= 0) open.length = at;
    }
  }
  if (open.length > 0) problems.push(`left open: ${open.join(' ')}`);
  return problems;
}

describe('screenshots, when asked for', { skip: !screenshots }, () => {
  test('a postmortem page with evidence, light and dark', async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    for (const scheme of ['light', 'dark']) {
      const page = await open(PAGES.postmortem, scheme);
      await page.screenshot({ path: path.join(screenshots, `postmortem-${scheme}.png`), fullPage: true });
      await page.context().close();
    }
  });
});
