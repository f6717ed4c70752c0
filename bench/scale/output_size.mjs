// Bytes per postmortem of a built site, by part (postmortem pages, list pages, exports, search),
// the largest HTML pages, and what a postmortem page's bytes are spent on, section by section:
// the figures of the scale issue's output budget (everything but search, per postmortem).
//
// Usage: node bench/scale/output_size.mjs SITE [--json]
//   SITE    a folder written by `hindsight build`
//   --json  print one JSON object instead of the tables (what a test or a script compares)
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const json = args.includes('--json');
const site = args.find((a) => !a.startsWith('--'));
if (!site || !fs.existsSync(path.join(site, 'postmortems'))) {
  console.error('usage: node bench/scale/output_size.mjs SITE [--json]  (SITE: a built site)');
  process.exit(2);
}

// The part of the site a file belongs to, from its path relative to SITE.
function partOf(rel) {
  const top = rel.split('/')[0];
  if (top === 'postmortems') return 'postmortem pages';
  if (top === 'index.html' || top === 'page') return 'home pages';
  if (top === 'causes') return 'cause pages';
  if (top === 'services') return 'service pages';
  if (top === 'severities') return 'severity pages';
  if (top === 'actions') return 'action pages';
  if (top === 'stats') return 'stats page';
  if (top === 'search') return 'search data';
  if (top === 'assets') return 'theme assets';
  if (/^(postmortems|actions|stats)\.(json|csv)$|^atom\.xml$/.test(top)) return 'exports';
  if (/^sitemap.*\.xml$|^robots\.txt$/.test(top)) return 'sitemaps';
  return 'other';
}

const parts = new Map();
const largest = new Map(); // part -> {rel, bytes} of its largest HTML page
let allocated = 0;
let allocatedSearch = 0;
const postmortemPages = [];

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full);
      continue;
    }
    const rel = path.relative(site, full).split(path.sep).join('/');
    const stat = fs.statSync(full);
    const part = partOf(rel);
    const sum = parts.get(part) ?? { files: 0, bytes: 0 };
    sum.files += 1;
    sum.bytes += stat.size;
    parts.set(part, sum);
    // What the files take on disk, in whole blocks (du), beside their bytes.
    if (part === 'search data') allocatedSearch += stat.blocks * 512;
    else allocated += stat.blocks * 512;
    if (rel.endsWith('.html')) {
      const best = largest.get(part);
      if (!best || stat.size > best.bytes) largest.set(part, { rel, bytes: stat.size });
    }
    if (part === 'postmortem pages' && rel.endsWith('/index.html')) postmortemPages.push(full);
  }
}
walk(site);

const count = postmortemPages.length;
let nonSearch = 0;
for (const [part, sum] of parts) if (part !== 'search data') nonSearch += sum.bytes;

// A postmortem page cut at the opening tags of its sections, in the order the theme writes them;
// each section runs to the next one found. What comes before the first is the page's head and
// site header, what follows the last marker found is counted under it.
const sections = [
  ['head and site header', null],
  ['details (meta list)', /<section class="pm-meta"/],
  ['values read from the text', /<div class="pm-evidence"/],
  ['causes and services', /<div class="pm-tags"/],
  ['table of contents', /<aside class="pm-aside"/],
  ['body', /<div class="prose pm-body"/],
  ['tracked action items', /<section class="pm-actions"/],
  ['related postmortems', /<section class="pm-related"/],
  ['other fields', /<section class="pm-extra"/],
  ['page and site footer', /<footer class="pm-footer"/],
];
const sectionBytes = new Map(sections.map(([name]) => [name, 0]));
for (const file of postmortemPages) {
  const html = fs.readFileSync(file, 'utf8');
  const cuts = [[0, sections[0][0]]];
  for (const [name, marker] of sections.slice(1)) {
    const at = html.search(marker);
    if (at >= 0) cuts.push([at, name]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < cuts.length; ++i) {
    const end = i + 1 < cuts.length ? cuts[i + 1][0] : html.length;
    const bytes = Buffer.byteLength(html.slice(cuts[i][0], end));
    sectionBytes.set(cuts[i][1], sectionBytes.get(cuts[i][1]) + bytes);
  }
}

const largestHtml = [...largest.values()].sort((a, b) => b.bytes - a.bytes)[0] ?? null;
const result = {
  postmortems: count,
  parts: Object.fromEntries(
    [...parts].sort((a, b) => b[1].bytes - a[1].bytes).map(([part, sum]) => [part, sum]),
  ),
  non_search_bytes: nonSearch,
  non_search_bytes_per_postmortem: count ? Math.round(nonSearch / count) : 0,
  non_search_allocated_per_postmortem: count ? Math.round(allocated / count) : 0,
  search_bytes_per_postmortem: count ? Math.round((parts.get('search data')?.bytes ?? 0) / count) : 0,
  largest_html: largestHtml,
  largest_html_by_part: Object.fromEntries(largest),
  postmortem_page_sections: Object.fromEntries(
    [...sectionBytes].map(([name, bytes]) => [name, count ? Math.round(bytes / count) : 0]),
  ),
};

if (json) {
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

const n = (x) => Math.round(x).toLocaleString('en');
console.log(`${site}: ${n(count)} postmortems`);
console.log('\n| part of the site | files | bytes | bytes per postmortem |');
console.log('|---|---:|---:|---:|');
for (const [part, sum] of Object.entries(result.parts)) {
  console.log(`| ${part} | ${n(sum.files)} | ${n(sum.bytes)} | ${n(sum.bytes / count)} |`);
}
console.log(
  `| **everything but search** | | ${n(nonSearch)} | **${n(nonSearch / count)} ` +
    `(${(nonSearch / count / 1024).toFixed(1)} KiB)** |`,
);
console.log(
  `\nOn disk in whole blocks (du): everything but search ${n(allocated / count)} bytes per ` +
    `postmortem (${(allocated / count / 1024).toFixed(1)} KiB), search ${n(allocatedSearch / count)}.`,
);
console.log('\nLargest HTML page of each part:');
for (const [part, { rel, bytes }] of [...largest].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`  ${part}: ${rel} (${n(bytes)} bytes)`);
}
console.log('\nA postmortem page, on average, by section:');
console.log('| section | bytes |');
console.log('|---|---:|');
let pageTotal = 0;
for (const [name, bytes] of Object.entries(result.postmortem_page_sections)) {
  pageTotal += bytes;
  console.log(`| ${name} | ${n(bytes)} |`);
}
console.log(`| **whole page** | **${n(pageTotal)}** |`);
