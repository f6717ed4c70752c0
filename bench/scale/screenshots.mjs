// Screenshots of a large built site, to look at what bounded pages and pagination give: a page of
// a cause listing in the middle of its pages, and the largest postmortem page.
//
// Usage: node bench/scale/screenshots.mjs SITE OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: node bench/scale/screenshots.mjs SITE OUT_DIR');
  process.exit(2);
}

// The cause with the most pages, and its middle page.
const causes = path.join(site, 'causes');
let cause = null;
let pages = 0;
for (const name of fs.readdirSync(causes).sort()) {
  const dir = path.join(causes, name, 'page');
  const count = fs.existsSync(dir) ? fs.readdirSync(dir).length + 1 : 1;
  if (count > pages) {
    [cause, pages] = [name, count];
  }
}
const middle = Math.max(2, Math.ceil(pages / 2));
const causePage = path.join(causes, cause, 'page', String(middle), 'index.html');

// The largest postmortem page.
const postmortems = path.join(site, 'postmortems');
let largest = null;
let largestSize = -1;
for (const name of fs.readdirSync(postmortems).sort()) {
  const file = path.join(postmortems, name, 'index.html');
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size > largestSize) {
    [largest, largestSize] = [file, size];
  }
}

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.HINDSIGHT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  for (const [name, file] of [['cause-page', causePage], ['postmortem-page', largest]]) {
    await page.goto(pathToFileURL(file).href);
    const shot = path.join(out, `scale-${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`${shot}: ${path.relative(site, file)} (${fs.statSync(file).size} bytes)`);
  }
} finally {
  await browser.close();
}
