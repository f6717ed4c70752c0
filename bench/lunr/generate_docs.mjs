// Writes N synthetic postmortem-like documents as the JSON array `hindsight lunr` and a lunr.js
// build script both read: node generate_docs.mjs N > docs.json. Deterministic for a given N.
//
// Each document has an id (a slug), a title, a summary, a body of a few hundred words drawn
// from incident-report vocabulary (services, symptoms, causes, numbers, times, some Unicode),
// services and tags arrays, and sometimes a boost.

const count = Number(process.argv[2] || 1000);

let state = 0x2545f491;
function random(n) {
  // xorshift32: the same documents on every machine and node version.
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state % n;
}
const pick = (list) => list[random(list.length)];

const services = ['checkout', 'payments', 'auth', 'gateway', 'search', 'billing', 'notifications',
  'tracking', 'warehouse', 'kafka', 'postgres', 'redis', 'dns', 'cdn', 'api', 'scheduler'];
const symptoms = ['elevated latency', 'HTTP 500 errors', 'timeouts', 'dropped messages',
  'stale reads', 'failed logins', 'duplicate charges', 'a growing backlog', 'packet loss',
  'OOM kills', 'expired certificates', 'disk pressure', 'connection resets', '5xx spikes'];
const causes = ['a configuration change', 'connection pool exhaustion', 'a memory leak',
  'a race condition', 'an expired wildcard certificate', 'a bad deploy', 'a schema migration',
  'a full disk', 'a DNS resolver outage', 'a retry storm', 'a cache stampede',
  'a rate-limit misconfiguration', 'clock skew', 'a dependency upgrade'];
const words = ['the', 'on-call', 'engineer', 'was', 'paged', 'after', 'alerts', 'fired', 'for',
  'customers', 'reported', 'that', 'requests', 'were', 'failing', 'we', 'rolled', 'back', 'deploy',
  'mitigated', 'resolved', 'impact', 'root', 'cause', 'analysis', 'showed', 'database', 'queries',
  'increased', 'latency', 'p99', 'dashboards', 'runbook', 'escalated', 'incident', 'commander',
  'status', 'page', 'updated', 'traffic', 'failover', 'region', 'replica', 'lag', 'throttling',
  'retries', 'backoff', 'circuit', 'breaker', 'opened', 'queue', 'consumers', 'restarted',
  'pods', 'nodes', 'cluster', 'capacity', 'autoscaling', 'limits', 'memory', 'CPU', 'saturation',
  'monitoring', 'observability', 'gap', 'follow-up', 'action', 'items', 'postmortem', "team's",
  "didn't", 'timeline', 'detection', 'was', 'delayed', 'because', 'alerting', 'thresholds',
  'café', 'Zürich', 'São', 'Paulo', 'İstanbul', '東京', '—', '🔥', 'e.g.', '(see', 'below)'];
const owners = ['platform-team', 'sre', 'payments-team', 'data-infra', 'security'];

// Real reports name hosts, tickets and versions: the long tail of terms an index must hold.
function identifier() {
  switch (random(4)) {
    case 0: return `PLAT-${random(5000)}`;
    case 1: return `${pick(services)}-${random(400)}.${pick(['eu', 'us', 'ap'])}-${random(4)}`;
    case 2: return `v${random(9)}.${random(40)}.${random(20)}`;
    default: return random(1 << 30).toString(16);
  }
}

function sentence(length) {
  const out = [];
  for (let i = 0; i < length; i++) out.push(random(12) === 0 ? identifier() : pick(words));
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ') + '.';
}

function paragraph() {
  const out = [];
  const sentences = 3 + random(6);
  for (let i = 0; i < sentences; i++) {
    if (random(4) === 0) {
      out.push(`At ${10 + random(14)}:${String(random(60)).padStart(2, '0')} UTC ` +
        `${pick(services)} showed ${pick(symptoms)} caused by ${pick(causes)}.`);
    } else {
      out.push(sentence(6 + random(14)));
    }
  }
  return out.join(' ');
}

function document(i) {
  const service = pick(services);
  const symptom = pick(symptoms);
  const cause = pick(causes);
  const paragraphs = [];
  const n = 3 + random(6);
  for (let p = 0; p < n; p++) paragraphs.push(paragraph());
  const doc = {
    id: `${2019 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-inc-${i}`,
    title: `${service[0].toUpperCase() + service.slice(1)} ${symptom} after ${cause}`,
    summary: `For ${5 + random(300)} minutes ${service} had ${symptom}; ` +
      `${random(100)}% of users were affected. Root cause: ${cause}.`,
    body: paragraphs.join('\n\n') +
      `\n\nAction items: fix ${cause} (owner: ${pick(owners)}), add alerting on ${symptom}.`,
    services: [service, pick(services)],
    tags: [symptom, cause],
  };
  if (random(5) === 0) doc.boost = 1 + random(4) / 2;
  return doc;
}

const docs = [];
for (let i = 0; i < count; i++) docs.push(document(i));
process.stdout.write(JSON.stringify(docs));
