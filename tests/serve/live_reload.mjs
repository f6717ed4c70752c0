// Measuring a live reload in Chromium: from the moment a write to a postmortem completes to the
// moment each open page has painted the new text. Used by tests/browser/serve.test.mjs and by
// bench/serve/latency.mjs.
import fs from 'node:fs';

// The wall-clock time (ms since the epoch, as Date.now()) the page painted its current text:
// when the live script last updated the page in place, the paint after that update (waited for);
// otherwise the document's first contentful paint (it is served whole, so its first paint
// holds the title).
export async function paintedAt(page) {
  const updated = await page.waitForFunction(() => {
    const live = window.hindsightLive;
    if (live && live.updates > 0) {
      return live.paintedAt > 0 ? live.paintedAt : false;
    }
    return -1;
  }, null, { polling: 'raf' });
  const at = await updated.jsonValue();
  if (at > 0) {
    return at;
  }
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return performance.timeOrigin + (paint ? paint.startTime : performance.now());
  });
}

// How the page got its current text: 'in place' (the live script changed its nodes) or 'reload'.
export async function howUpdated(page) {
  return page.evaluate(() => (window.hindsightLive && window.hindsightLive.updates > 0
    ? 'in place' : 'reload'));
}

// Replaces the front matter's title and waits until every page shows `title` after updating
// by itself; returns, per page, the milliseconds from the write's end to the paint.
export async function editTitle(file, title, pages, { timeout = 30000 } = {}) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/^title: .*$/m, `title: ${title}`));
  const written = Date.now();
  await Promise.all(pages.map((page) => page.waitForFunction(
    (wanted) => document.body && document.body.innerText.includes(wanted), title,
    { timeout, polling: 'raf' })));
  return Promise.all(pages.map(async (page) => (await paintedAt(page)) - written));
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
