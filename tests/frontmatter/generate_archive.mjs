// Writes the same N postmortems twice: OUT/canonical with front matter written as DESIGN.md §2
// writes it, and OUT/messy with the same values in the spellings real teams and their tools
// write: node generate_archive.mjs N OUT. Deterministic for a given N. Bodies are identical, so
// the records Hindsight builds from the two folders must be identical too.
//
// Where the spellings come from: keys and states of incident tools' exports and APIs
// (incident.io follow-ups, FireHydrant and Rootly retrospectives and tasks, PagerDuty incident
// tasks, Statuspage and cState incident files, Jeli), issue trackers (Jira, GitHub and GitLab
// boards, Linear), and the postmortem templates of GitHub issue templates and Hugo/Jekyll sites
// ("Start Time:", "Status: Draft | Final", "Severity: SEV-1/SEV-2", "duration: 47 minutes",
// "services_affected: []"). Each value is also re-cased and re-separated at random (In Progress,
// in_progress, IN-PROGRESS, inProgress), as hand-written front matter is.
import fs from 'node:fs';
import path from 'node:path';

const [count = '400', out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node generate_archive.mjs N OUT_DIR');
  process.exit(2);
}

let state = 0x1f2e3d4c;
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
const chance = (percent) => random(100) < percent;
const pad = (n) => String(n).padStart(2, '0');

// The ways one word or phrase gets re-cased and re-separated by hand.
function respell(phrase) {
  const words = phrase.split(/[ _-]+/);
  const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);
  return pick([
    () => phrase,
    () => words.join(' '),
    () => words.map(cap).join(' '),
    () => words.join('_').toUpperCase(),
    () => words.join('-'),
    () => words.join('_'),
    () => words[0] + words.slice(1).map(cap).join(''),
    () => phrase.toUpperCase(),
  ])();
}

// A YAML scalar that stays a string whatever it holds.
function quoted(text) {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Fixed offsets, as the shared zone table reads them.
const ZONES = [['UTC', 0], ['GMT', 0], ['EST', -300], ['EDT', -240], ['PST', -480],
  ['PDT', -420], ['CST', -360], ['CET', 60], ['CEST', 120], ['IST', 330], ['BST', 60],
  ['JST', 540], ['AEST', 600], ['+02:00', 120], ['-05:00', -300], ['+0530', 330]];

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

// The parts of an instant on a zone's wall clock.
function wall(ms, offset) {
  const d = new Date(ms + offset * 60000);
  return {
    y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: d.getUTCDay(),
    h: d.getUTCHours(), min: d.getUTCMinutes(),
  };
}
const twelve = (w) => `${((w.h + 11) % 12) + 1}:${pad(w.min)} ${w.h < 12 ? 'AM' : 'PM'}`;
const zoneText = (name) => (name.startsWith('+') || name.startsWith('-') ? name : ` ${name}`);

// An instant written the ways people write one.
function writtenInstant(ms) {
  const [name, offset] = pick(ZONES);
  const w = wall(ms, offset);
  const z = zoneText(name);
  const day = `${w.y}-${pad(w.m)}-${pad(w.d)}`;
  return pick([
    () => `${day} ${pad(w.h)}:${pad(w.min)}${z}`,
    () => `${day} ${twelve(w)}${z}`,
    () => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} ${pad(w.h)}:${pad(w.min)}${z}`,
    () => `${w.d} ${MONTHS[w.m - 1]} ${w.y} at ${twelve(w)}${z}`,
    () => `${WEEKDAYS[w.wd]}, ${MONTHS[w.m - 1].slice(0, 3)} ${w.d}, ${w.y} ${twelve(w).toLowerCase()}${z}`,
    () => `${pad(w.m)}/${pad(w.d)}/${w.y} ${pad(w.h)}:${pad(w.min)}${z}`,
    () => `${day}T${pad(w.h)}:${pad(w.min)}:00${name === 'UTC' || name === 'GMT' ? 'Z' : offsetText(offset)}`,
    () => `${day} @ ${pad(w.h)}:${pad(w.min)}${z}`,
    // date(1): "Tue Mar 5 14:05:00 UTC 2024" (offsets are written after the time instead)
    () => (z.startsWith(' ')
      ? `${WEEKDAYS[w.wd].slice(0, 3)} ${MONTHS[w.m - 1].slice(0, 3)} ${w.d} ${pad(w.h)}:${pad(w.min)}:00${z} ${w.y}`
      : `${day} ${pad(w.h)}:${pad(w.min)}:00 ${z.replace(':', '')}`),
  ])();
}
function offsetText(offset) {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

// An instant on a zone's wall clock, the zone left to a key of its own.
function localInstant(ms, offset) {
  const w = wall(ms, offset);
  const day = `${w.y}-${pad(w.m)}-${pad(w.d)}`;
  return pick([
    () => `${day} ${pad(w.h)}:${pad(w.min)}`,
    () => `${day}T${pad(w.h)}:${pad(w.min)}:00`,
    () => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} ${twelve(w)}`,
  ])();
}

// A calendar day written the ways people write one.
function writtenDay(y, m, d) {
  return pick([
    () => `${y}-${pad(m)}-${pad(d)}`,
    () => `${MONTHS[m - 1]} ${d}, ${y}`,
    () => `${d} ${MONTHS[m - 1]} ${y}`,
    () => `${MONTHS[m - 1].slice(0, 3)} ${d} ${y}`,
    () => `${pad(m)}/${pad(d)}/${y}`,
    () => `${y}/${pad(m)}/${pad(d)}`,
  ])();
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight',
  'nine', 'ten', 'eleven', 'twelve'];
function writtenDuration(minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const forms = [
    () => `${minutes} min`,
    () => `${minutes} minutes`,
    () => `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}`,
    () => `${h}:${pad(m)}`,
    () => String(minutes),
  ];
  if (h > 0 && m > 0) {
    forms.push(() => `${h} hours and ${m} minutes`, () => `${h} hours ${m} minutes`,
      () => `${h}h ${m}m`, () => `${h}h${m}`, () => `${h} hr ${m} min`,
      () => `${h} hours, ${m} minutes`, () => `${h} hrs ${m} mins`);
  }
  if (h > 0 && m === 0) {
    forms.push(() => `${h} hours`, () => `${h}h`, () => `~${h}h`,
      () => `${NUMBER_WORDS[h] ?? h} hour${h === 1 ? '' : 's'}`);
  }
  if (h === 1 && m === 30) {
    forms.push(() => 'an hour and a half', () => '1.5 hours');
  }
  return pick(forms)();
}
const canonicalDuration = (minutes) =>
  `${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}h` : ''}${minutes % 60 || !Math.floor(minutes / 60) ? `${minutes % 60}m` : ''}`;

const SEVERITY = {
  SEV1: ['sev1', 'Sev 1', 'SEV-1', 'S1', 'P1', 'P0', 'critical', 'Critical', '1', 'Severity 1',
    'SEV1 - Critical', 'sev_1', 'Major Outage'],
  SEV2: ['sev2', 'Sev 2', 'SEV-2', 'S2', 'P2', 'high', 'High', 'Major', '2', 'Severity 2',
    'SEV2 (major)', 'partial outage'],
  SEV3: ['sev3', 'Sev-3', 'S3', 'P3', 'medium', 'Moderate', 'minor', 'degraded performance', '3'],
  SEV4: ['sev4', 'sev 4', 'P4', 'low', 'Low', 'notice', '4'],
};
const PUBLISHED = ['published', 'Published', 'final', 'Final', 'FINAL', 'reviewed', 'approved',
  'Approved', 'complete', 'Completed', 'done', 'signed off', 'Closed', 'resolved',
  'Final (reviewed 2024-05-02)'];
const HELD_BACK = ['draft', 'Draft', 'DRAFT', 'wip', 'WIP', 'in review', 'In Review', 'in-review',
  'under review', 'proposed', 'pending', 'work in progress', 'Draft - do not share',
  'needs review'];
const ACTION_STATUS = {
  open: ['open', 'todo', 'To Do', 'TODO', 'to-do', 'planned', 'not started', 'Not Started',
    'backlog', 'Backlog', 'new', 'pending', 'proposed', 'outstanding', 'triage', 'reopened',
    '[ ]'],
  'in-progress': ['in progress', 'In Progress', 'in_progress', 'IN-PROGRESS', 'wip', 'WIP',
    'started', 'ongoing', 'doing', 'Doing', 'active', 'in review', 'underway', 'In development',
    'partially done', '🚧'],
  blocked: ['blocked', 'Blocked', 'on hold', 'On Hold', 'waiting', 'stalled', 'paused',
    'Blocked: waiting on vendor', 'blocked by dependency'],
  done: ['done', 'Done', 'completed', 'Completed', 'complete', 'closed', 'Closed', 'fixed',
    'resolved', 'finished', 'implemented', 'shipped', 'deployed', 'merged', '✅', '[x]',
    'Done (PR #42)'],
  'wont-do': ["won't do", 'wont do', "Won't Fix", 'wontfix', 'cancelled', 'canceled',
    'Cancelled', 'rejected', 'declined', 'dropped', 'obsolete', 'duplicate', 'not doing',
    'skipped', 'out of scope'],
};
const CAUSES = {
  database: ['database', 'Database', 'db', 'DB'],
  'load-balancer': ['load-balancer', 'Load Balancer', 'load_balancer', 'lb'],
  misconfiguration: ['misconfiguration', 'config', 'Configuration'],
  deployment: ['deployment', 'deploy', 'Release', 'rollout'],
  certificate: ['certificate', 'TLS', 'ssl', 'cert'],
  dns: ['dns', 'DNS', 'domain'],
  capacity: ['capacity', 'Load', 'traffic-spike'],
  'resource-exhaustion': ['resource-exhaustion', 'OOM', 'leak', 'exhaustion'],
};
const SERVICES = ['checkout', 'payments', 'auth', 'api-gateway', 'search', 'billing',
  'notifications', 'web', 'postgres', 'redis'];
const OWNERS = ['sre', 'platform-team', 'ana', 'payments-oncall', 'db-team', 'mobile'];
const ACTIONS = ['Add an alert on queue lag', 'Write a runbook for failover',
  'Load test the checkout path', 'Add a canary stage to deploys', 'Rotate the exposed key',
  'Automate certificate renewal', 'Set connection pool limits', 'Add retries with backoff',
  'Review firewall rules', 'Document the rollback procedure', 'Add synthetic probes',
  'Split the shared cache', 'Alert on disk usage', 'Audit DNS TTLs'];
const SYMPTOMS = ['elevated error rates', 'slow page loads', 'failed logins', 'stuck payments',
  'missing notifications', 'timeouts on the API'];

const keyOf = (canonical, aliases) => (chance(40) ? canonical : respell(pick(aliases)));

function frontMatter(pm, messy) {
  const lines = [];
  const put = (key, value) => lines.push(`${key}: ${value}`);

  // title and id
  put(messy ? keyOf('title', ['title', 'incident_title', 'name', 'Incident Name']) : 'title',
    quoted(pm.title));
  if (pm.id) put(messy ? keyOf('id', ['incident_id', 'incident id', 'id']) : 'id', pm.id);

  // date
  const start = wall(pm.start, 0);
  if (messy) {
    put(keyOf('date', ['incident_date', 'date']), quoted(writtenDay(start.y, start.m, start.d)));
  } else {
    put('date', isoDay(pm.start));
  }

  // started, resolved (or a duration), detected
  if (!messy) {
    put('started', iso(pm.start));
    if (pm.detected) put('detected', iso(pm.detected));
    if (pm.end) put('resolved', iso(pm.end));
    if (!pm.end) put('duration', canonicalDuration(pm.minutes));
  } else {
    const startKey = keyOf('started', ['start_time', 'Start Time', 'startedAt', 'started_at',
      'start', 'incident_start', 'began_at']);
    const endKey = keyOf('resolved', ['end_time', 'End Time', 'resolvedWhen', 'resolved_at',
      'end', 'ended_at', 'incident_end', 'recovered_at']);
    // A clock time alone beside the date, when the day is the same in UTC.
    if (pm.timeOnly) {
      const e = wall(pm.end, 0);
      put(startKey, quoted(pick([`${pad(start.h)}:${pad(start.min)}`, twelve(start),
        `${twelve(start)} UTC`])));
      put(endKey, quoted(pick([`${pad(e.h)}:${pad(e.min)}`, twelve(e), `${twelve(e)} UTC`])));
    } else if (chance(20)) {
      // Times without a zone, and the zone in a key of its own (before or after them).
      const [name, offset] = pick(ZONES.filter(([zone]) => /^[A-Z]/.test(zone)));
      const zoneKey = pick(['timezone', 'time_zone', 'Time Zone', 'tz']);
      const first = chance(50);
      if (first) put(zoneKey, name);
      put(startKey, quoted(localInstant(pm.start, offset)));
      if (pm.end) put(endKey, quoted(localInstant(pm.end, offset)));
      if (pm.detected) put(keyOf('detected', ['detected_at', 'Detected At']),
        quoted(localInstant(pm.detected, offset)));
      if (!first) put(zoneKey, name);
    } else {
      put(startKey, quoted(writtenInstant(pm.start)));
      if (pm.end) put(endKey, quoted(writtenInstant(pm.end)));
      if (pm.detected) put(keyOf('detected', ['detected_at', 'Detected At', 'detection_time']),
        quoted(writtenInstant(pm.detected)));
    }
    if (!pm.end) {
      put(keyOf('duration', ['duration', 'outage_duration', 'downtime', 'Duration']),
        quoted(writtenDuration(pm.minutes)));
      if (chance(30)) put(respell('end_time'), pick(['""', '~', "''", 'TBD', 'N/A']));
    }
  }

  // severity
  if (pm.severity) {
    put(messy ? keyOf('severity', ['severity', 'sev', 'incident_severity', 'priority',
      'Priority', 'level']) : 'severity',
      messy ? quoted(pick(SEVERITY[pm.severity])) : pm.severity);
  } else if (messy && chance(40)) {
    put('severity', pick(['""', '~', 'TBD', 'unknown', 'N/A']));
  }

  // status
  if (!messy) {
    put('status', pm.draft ? 'draft' : 'published');
  } else if (pm.draft && chance(20)) {
    put(pick(['draft', 'Draft']), 'true');
  } else if (!pm.draft && chance(10)) {
    put('published', 'true');
  } else {
    put(keyOf('status', ['status', 'postmortem_status', 'review_status', 'Status']),
      quoted(respellStatus(pick(pm.draft ? HELD_BACK : PUBLISHED))));
  }

  // impact
  if (pm.share !== undefined) {
    const n = pm.share;
    if (!messy) {
      lines.push('impact:', `  users_affected_pct: ${n}`);
    } else {
      const everyone = n === 100 ? [
        () => put('customers_affected', pick(['All', 'everyone', 'all customers'])),
        () => put('Users Affected', pick(['"All users"', 'Everyone'])),
      ] : [];
      pick([
        ...everyone,
        () => put('users_affected', quoted(`about ${n}%`)),
        () => put('Users Affected', quoted(`${n} percent`)),
        () => put('affected_users_pct', quoted(`~${n}%`)),
        () => lines.push('impact:', `  affected_users: "approximately ${n}% of users"`),
        () => put('users_affected_pct', n),
        () => put('users_affected_percent', n),
        () => put('affected_users_pct', quoted(`${n}%`)),
        () => put('impact_pct', n),
        () => put('customers_affected', `${n}%`),
        () => put('Users Affected %', n),
        () => put('affectedUsersPct', n),
        () => put('pct_customers_impacted', n),
        () => put('customer_impact_percentage', quoted(`${n} %`)),
        () => put('impacted_users_ratio', n / 100),
        () => put('impact', quoted(`${n}% of users saw ${pick(SYMPTOMS)}`)),
        () => lines.push('impact:', `  users: ${n}%`),
        () => lines.push('impact:', `  percent_affected: ${n}`, `  summary: ${pick(SYMPTOMS)}`),
        () => put('users_affected', quoted(`${n}% of users`)),
      ])();
    }
  }
  if (messy && pm.count) {
    put(pick(['affected_users', 'impacted_customers', 'customers_impacted']),
      pick([String(pm.count), quoted(pm.count.toLocaleString('en-US')),
        quoted(`${pm.count} users`)]));
  }

  // causes
  if (pm.causes.length) {
    if (!messy) {
      put('causes', `[${pm.causes.join(', ')}]`);
    } else {
      const names = pm.causes.map((c) => pick(CAUSES[c]));
      const key = keyOf('causes', ['causes', 'Causes', 'cause', 'tags', 'categories',
        'root_cause', 'Root Cause']);
      put(key, names.length === 1 && chance(50) ? quoted(names[0])
        : `[${names.map(quoted).join(', ')}]`);
    }
  } else if (messy && chance(30)) {
    put(pick(['categories', 'tags', 'causes']), '[]');
  }

  // services
  if (pm.services.length) {
    if (!messy) {
      put('services', `[${pm.services.join(', ')}]`);
    } else {
      const key = keyOf('services', ['service', 'affected_services', 'services_affected',
        'components', 'Affected Components', 'systems']);
      put(key, pick([() => pm.services[0], () => pm.services.join(', '),
        () => `[${pm.services.join(', ')}]`].slice(pm.services.length === 1 ? 0 : 1))());
    }
  }

  // action items
  if (pm.items.length) {
    put(messy ? keyOf('action_items', ['action items', 'actions', 'follow_ups', 'followUps',
      'tasks', 'corrective_actions', 'Action Items']) : 'action_items', '');
    lines[lines.length - 1] = lines[lines.length - 1].trimEnd();
    if (messy && pm.items.every((item) => !item.owner && !item.due) && chance(40)) {
      // Titles mapped to their states, as some templates list them.
      for (const item of pm.items) {
        lines.push(`  ${quoted(item.title)}: ${quoted(pick(ACTION_STATUS[item.status]))}`);
      }
    } else {
      for (const item of pm.items) {
        lines.push(...actionItem(item, messy));
      }
    }
  }

  // empty values other tools' exports write
  if (messy && chance(50)) put(pick(['product', 'incident_commander', 'jira', 'slack_channel']),
    pick(['""', "''", '~', '']));
  return lines.join('\n').replace(/: $/gm, ':');
}

// A phrase with an aside ("Draft - do not share") is written as it is: re-separated, its aside
// would run into its status.
function respellStatus(word) {
  return /^[a-z]+([ -][a-z]+)*$/i.test(word) && chance(40) ? respell(word) : word;
}

function actionItem(item, messy) {
  if (!messy) {
    const out = [`  - title: ${quoted(item.title)}`, `    status: ${item.status}`];
    if (item.owner) out.push(`    owner: ${item.owner}`);
    if (item.due) out.push(`    due: ${item.due}`);
    return out;
  }
  // A task-list string, when nothing but the title and an open or done state is known.
  if (!item.owner && !item.due && (item.status === 'open' || item.status === 'done') &&
      chance(30)) {
    return [`  - ${quoted(`${item.status === 'done' ? '[x]' : '[ ]'} ${item.title}`)}`];
  }
  const out = [`  - ${keyOf('title', ['action', 'task', 'Title', 'description'])}: ${quoted(item.title)}`];
  if (item.status === 'done' && chance(20)) {
    out.push(`    ${pick(['done', 'completed'])}: true`);
  } else {
    let spelled = pick(ACTION_STATUS[item.status]);
    if (/^[a-z' -]+$/i.test(spelled) && chance(40)) spelled = respell(spelled);
    out.push(`    ${keyOf('status', ['status', 'state', 'Status'])}: ${quoted(spelled)}`);
  }
  if (item.owner) out.push(`    ${keyOf('owner', ['assignee', 'Owner', 'assigned_to'])}: ${item.owner}`);
  if (item.due) {
    const [y, m, d] = item.due.split('-').map(Number);
    out.push(`    ${keyOf('due', ['due_date', 'deadline', 'Due'])}: ${quoted(writtenDay(y, m, d))}`);
  }
  if (chance(20)) out.push(`    ${pick(['link', 'ticket'])}: ""`);
  return out;
}

function body(pm) {
  const symptom = pick(SYMPTOMS);
  return [
    `# ${pm.title}`,
    '',
    '## Summary',
    '',
    `Customers saw ${symptom} on ${pm.services[0] ?? 'the site'}. The on-call engineer ` +
      'rolled back the change and the service recovered.',
    '',
    '## Root cause',
    '',
    `A change to ${pm.services[0] ?? 'a shared component'} went out without a review of its ` +
      'limits.',
    '',
    '## Lessons learned',
    '',
    '- Changes to shared limits need a second reviewer.',
    '',
  ].join('\n');
}

const canonicalDir = path.join(out, 'canonical');
const messyDir = path.join(out, 'messy');
fs.mkdirSync(canonicalDir, { recursive: true });
fs.mkdirSync(messyDir, { recursive: true });
for (let i = 0; i < Number(count); ++i) {
  const year = 2021 + random(5);
  const month = 1 + random(12);
  const day = 1 + random(28);
  const timeOnly = chance(12);
  // A time-only pair that crosses midnight starts late in the evening.
  const hour = timeOnly && chance(50) ? 22 + random(2) : random(24);
  const start = Date.UTC(year, month - 1, day, hour, random(60));
  const minutes = 5 + random(timeOnly ? 180 : 900);
  const hasEnd = timeOnly || chance(75);
  const pm = {
    title: `${pick(SYMPTOMS).replace(/^./, (c) => c.toUpperCase())} in ${pick(SERVICES)} #${i}`,
    id: chance(50) ? `INC-${year}-${String(i).padStart(4, '0')}` : '',
    start,
    end: hasEnd ? start + minutes * 60000 : undefined,
    minutes,
    timeOnly,
    detected: !timeOnly && chance(40) ? start + random(Math.max(1, minutes)) * 60000 : undefined,
    severity: chance(85) ? pick(Object.keys(SEVERITY)) : '',
    draft: chance(15),
    share: chance(60) ? pick([1, 2.5, 5, 10, 12, 20, 25, 30, 33, 40, 50, 64, 75, 90, 100]) : undefined,
    count: chance(20) ? 100 + random(50000) : 0,
    causes: [],
    services: [],
    items: [],
  };
  for (let c = random(3); c > 0; --c) {
    const cause = pick(Object.keys(CAUSES));
    if (!pm.causes.includes(cause)) pm.causes.push(cause);
  }
  for (let s = random(3); s > 0; --s) {
    const service = pick(SERVICES);
    if (!pm.services.includes(service)) pm.services.push(service);
  }
  for (let a = random(5); a > 0; --a) {
    const status = pick(Object.keys(ACTION_STATUS));
    pm.items.push({
      title: `${pick(ACTIONS)} (${i}.${a})`,
      status,
      owner: chance(60) ? pick(OWNERS) : '',
      due: chance(50) ? `${year + 1}-${pad(1 + random(12))}-${pad(1 + random(28))}` : '',
    });
  }
  const name = `${year}-${pad(month)}-${pad(day)}-incident-${String(i).padStart(4, '0')}.md`;
  const text = body(pm);
  const canonicalState = state;
  fs.writeFileSync(path.join(canonicalDir, name), `---\n${frontMatter(pm, false)}\n---\n${text}`);
  state = canonicalState;
  fs.writeFileSync(path.join(messyDir, name), `---\n${frontMatter(pm, true)}\n---\n${text}`);
}
