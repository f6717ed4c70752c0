// Writes N postmortems (Markdown with front matter) into a folder, remixed from real text:
// node generate_archive.mjs N OUT_DIR [--body-only]. Deterministic for a given N and the same
// sources. --body-only writes no front matter (title, dates, impact and causes are left for the
// extractor to find in the text), the shape of an archive adopted from a wiki.
//
// Paragraphs, timeline lines and action items are drawn from the demo content and, when it sits
// beside the repository, ../shared/corpus/real (59 public postmortems), so the index holds the
// vocabulary and the length of real postmortems rather than a made-up word list.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const bodyOnly = args.includes('--body-only');
const [count = '1000', out] = args.filter((a) => a !== '--body-only');
if (!out) {
  console.error('usage: node generate_archive.mjs N OUT_DIR [--body-only]');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

let state = 0x2545f491;
function random(n) {
  // xorshift32: the same archive on every machine and node version.
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state % n;
}
const pick = (list) => list[random(list.length)];

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => /\.(md|markdown|txt)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

const paragraphs = [];
const listItems = [];
const sources = [...sourceFiles(path.join(root, 'content')),
  ...sourceFiles(path.join(root, '../shared/corpus/real'))];
for (const file of sources) {
  const text = fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const block of text.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (/^#/.test(trimmed) || trimmed.length < 40) continue;
    if (/^([-*•]|\d+\.)\s/.test(trimmed)) {
      for (const line of trimmed.split('\n')) {
        const item = line.replace(/^\s*([-*•]|\d+\.)\s+(\[[ xX]\]\s+)?/, '').trim();
        if (item.length > 15 && item.length < 200) listItems.push(item);
      }
    } else if (!trimmed.startsWith('```') && !trimmed.startsWith('|')) {
      paragraphs.push(trimmed.replace(/\s+/g, ' '));
    }
  }
}

const services = ['checkout', 'payments', 'auth', 'api-gateway', 'search', 'billing',
  'notifications', 'tracking', 'warehouse', 'data-pipeline', 'postgres', 'redis', 'dns', 'cdn'];
const symptoms = ['Elevated latency', 'HTTP 500 errors', 'Timeouts', 'Dropped messages',
  'Stale reads', 'Failed logins', 'Duplicate charges', 'A growing backlog', 'Packet loss',
  'Out-of-memory restarts', 'Certificate errors', 'Disk pressure', 'Connection resets'];
const triggers = ['a configuration change', 'connection pool exhaustion', 'a memory leak',
  'a race condition', 'an expired wildcard certificate', 'a bad deploy', 'a schema migration',
  'a full disk', 'a DNS resolver outage', 'a retry storm', 'a cache stampede',
  'a rate-limit misconfiguration', 'clock skew', 'a dependency upgrade', 'a load balancer change'];
const causes = ['race-condition', 'resource-exhaustion', 'misconfiguration', 'deployment',
  'capacity', 'dependency', 'network', 'database', 'cache', 'load-balancer', 'dns',
  'certificate', 'storage', 'security', 'human-error', 'software-bug', 'hardware'];

const pad = (n) => String(n).padStart(2, '0');
fs.mkdirSync(out, { recursive: true });
for (let i = 0; i < Number(count); ++i) {
  const year = 2019 + random(8);
  const month = 1 + random(12);
  const day = 1 + random(28);
  const hour = random(24);
  const minutes = 10 + random(600);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const start = new Date(Date.UTC(year, month - 1, day, hour, random(60)));
  const end = new Date(start.getTime() + minutes * 60000);
  const service = pick(services);
  const title = `${pick(symptoms)} in ${service} after ${pick(triggers)}`;
  const paras = (n) => Array.from({ length: n }, () => pick(paragraphs)).join('\n\n');
  const items = (n) => Array.from({ length: n }, () => pick(listItems));
  const events = items(4 + random(5));
  const timeline = events.map((item, k) => {
    const at = new Date(start.getTime() + k * minutes * 60000 / 8);
    return `- ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC: ${item}`;
  });
  if (bodyOnly) {
    // The last event closes the incident, so the timeline agrees with the stated length.
    timeline.push(`- ${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())} UTC: Incident resolved.`);
  }
  const causeList = [...new Set([pick(causes), pick(causes)])];
  const serviceList = [...new Set([service, pick(services)])];
  const share = random(101);
  const body = [
    '## Summary', '', paras(1), '',
    '## Impact', '', paras(1), '',
    '## Root cause', '', paras(2 + random(3)), '',
    '## Timeline', '', ...timeline, '',
    '## Action items', '', ...items(2 + random(5)).map((item) => `- [ ] ${item}`), '',
  ];
  const hours = Math.floor(minutes / 60);
  const lasted = hours > 0 ? `${hours} hours and ${minutes % 60} minutes` : `${minutes} minutes`;
  const markdown = (bodyOnly ? [
    `# ${title}`, '',
    `**Date:** ${start.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' })}`, '',
    `The incident lasted ${lasted}. About ${share}% of users of ${serviceList.join(' and ')} were affected.`, '',
    ...body,
    // Wiki postmortems run longer than the front-matter ones: about 5.6 KB, as adopted archives do.
    '## Detection', '', paras(2), '',
    '## Resolution', '', paras(2 + random(2)), '',
    '## Lessons learned', '', paras(3 + random(3)), '',
  ] : [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    `started: ${start.toISOString()}`,
    `resolved: ${end.toISOString()}`,
    `severity: SEV${1 + random(4)}`,
    `causes: [${causeList.join(', ')}]`,
    `services: [${serviceList.join(', ')}]`,
    `users_affected_pct: ${share}`,
    '---',
    '',
    ...body,
  ]).join('\n');
  fs.writeFileSync(path.join(out, `${date}-bench-${String(i).padStart(5, '0')}.md`), markdown);
}
console.error(`wrote ${count} postmortems from ${sources.length} source files ` +
  `(${paragraphs.length} paragraphs, ${listItems.length} list items) into ${out}`);
