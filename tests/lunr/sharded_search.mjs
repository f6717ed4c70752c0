// The ranking-identity check of the site's sharded index: the page's own engine
// (assets/search-engine.js of the built site) against lunr.js on the whole-archive index.
//
//   node sharded_search.mjs SITE_DIR WHOLE_INDEX QUERIES
//
// SITE_DIR is a site hindsight built; WHOLE_INDEX the index lunr.js built from the same documents
// (JSON.stringify of it); QUERIES a JSON array of lunr query strings. First every shard is
// loaded with lunr.Index.load and checked against the whole index: each term in exactly one
// shard of the cut, each family with every term starting with its prefix, all with the whole
// index's posting, _index and weights. Then every query runs through
// lunr.Index#search on the whole index and through the engine on the shards, loading only the
// shards it asks for, as the page does; the ranked refs and scores must be the same. Prints a
// JSON report.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import lunr from 'lunr';

const [siteDir, wholePath, queriesPath] = process.argv.slice(2);
const searchDir = path.join(siteDir, 'search');

globalThis.lunr = lunr;
vm.runInThisContext(fs.readFileSync(path.join(siteDir, 'assets/search-engine.js'), 'utf8'));
vm.runInThisContext(fs.readFileSync(path.join(siteDir, 'assets/search-ahead.js'), 'utf8'));
const registry = globalThis.HindsightSearch;

// What the page's script loader does, from the files: run NAME.js, which registers its text.
const requested = [];
function load(name) {
  requested.push(name);
  const promise = registry.expect(name);
  vm.runInThisContext(fs.readFileSync(path.join(searchDir, `${name}.js`), 'utf8'));
  return promise;
}
function registeredText(name) {
  vm.runInThisContext(fs.readFileSync(path.join(searchDir, `${name}.js`), 'utf8'));
  return registry.take(name);
}

const manifest = JSON.parse(registeredText('manifest'));
const whole = lunr.Index.load(JSON.parse(fs.readFileSync(wholePath, 'utf8')));
const queries = JSON.parse(fs.readFileSync(queriesPath, 'utf8'));
const report = {
  shards: manifest.shards, families: manifest.families.length, terms: 0, structure: [],
  queries: queries.length, hits: 0, errors: 0, mismatches: 0, examples: [], shardsPerQuery: 0,
  familyQueries: 0,
};

// Every shard a valid lunr index holding a slice of the whole one, exactly: the shards of the cut
// each term once, in order; each family every term starting with its prefix.
const wholeTerms = Object.keys(whole.invertedIndex).sort();
const seen = new Set();
function checkTerm(shard, term) {
  const a = whole.invertedIndex[term];
  const b = shard.invertedIndex[term];
  if (!a) { report.structure.push(`${term} is not in the whole index`); return; }
  if (a._index !== b._index) report.structure.push(`${term}: _index ${b._index}, not ${a._index}`);
  for (const field of whole.fields) {
    const refs = Object.keys(a[field]);
    if (JSON.stringify(refs) !== JSON.stringify(Object.keys(b[field]))) report.structure.push(`${term}: ${field} posting differs`);
    for (const ref of refs) {
      const weight = (index) => {
        const e = index.fieldVectors[`${field}/${ref}`].elements;
        for (let i = 0; i < e.length; i += 2) if (e[i] === a._index) return e[i + 1];
        return undefined;
      };
      if (weight(whole) !== weight(shard)) report.structure.push(`${term}: ${field}/${ref} weight differs`);
    }
  }
}
// The kLikeliest shortest terms (by length, then code units) of those starting with a prefix, as
// the search page expands a typed word, sorted.
const likeliest = (terms, count) => [...terms]
  .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, count).sort();
const families = manifest.families.length;
for (let s = 0; s < manifest.shards + families + manifest.likeliest.prefixes.length; s++) {
  const json = JSON.parse(registeredText(`s-${s}`));
  const shard = lunr.Index.load(json);
  const terms = json.invertedIndex.map((entry) => entry[0]);
  // Each vector element is a posting's: the engine reads postings from the vectors.
  const elements = json.fieldVectors.reduce((n, v) => n + v[1].length / 2, 0);
  const postings = json.invertedIndex.reduce((n, [, p]) => n + whole.fields.reduce((m, f) => m + Object.keys(p[f]).length, 0), 0);
  if (elements !== postings) report.structure.push(`shard ${s}: ${elements} vector elements, ${postings} postings`);
  if (s < manifest.shards) {
    if (s > 0 && terms[0] !== manifest.bounds[s]) report.structure.push(`shard ${s} starts at ${terms[0]}, not its bound`);
    const last = manifest.lasts[s] === 0 ? manifest.bounds[s] : manifest.lasts[s];
    if (terms.length > 0 && terms.at(-1) !== last) report.structure.push(`shard ${s} ends at ${terms.at(-1)}, not ${last}`);
    for (const term of terms) {
      if (seen.has(term)) report.structure.push(`${term} in two shards`);
      seen.add(term);
    }
  } else if (s < manifest.shards + families) {
    const prefix = manifest.families[s - manifest.shards];
    const family = wholeTerms.filter((t) => t.startsWith(prefix));
    if (JSON.stringify(family) !== JSON.stringify(terms)) report.structure.push(`family ${prefix}: not the terms starting with it`);
  } else {
    const prefix = manifest.likeliest.prefixes[s - manifest.shards - families];
    const all = wholeTerms.filter((t) => t.startsWith(prefix));
    const expected = likeliest(all, manifest.likeliest.terms);
    if (JSON.stringify(expected) !== JSON.stringify(terms)) report.structure.push(`likeliest ${prefix}: not its shortest terms`);
    if (all.length <= terms.length) report.structure.push(`likeliest ${prefix}: all of its terms`);
  }
  for (const term of terms) checkTerm(shard, term);
}
report.terms = seen.size;
report.likeliest = manifest.likeliest.prefixes.length;

// What the search page asks for a typed word (its stem, and the likeliest terms its letters
// start): for every prefix of three letters or more of the index's terms, from cold, the
// likeliest terms the engine then has are the whole index's.
report.prefixes = 0;
const prefixes = new Set();
for (const term of wholeTerms) for (let n = 3; n <= Math.min(term.length, 6); n++) prefixes.add(term.slice(0, n));
for (const prefix of prefixes) {
  const engine = new registry.Engine(manifest, load);
  requested.length = 0;
  const stem = lunr.stemmer(new lunr.Token(prefix)).toString();
  const need = { term: stem, prefix, likeliest: manifest.likeliest.terms };
  await engine.loadNeeds([need]);
  const expected = likeliest(wholeTerms.filter((t) => t.startsWith(prefix)), manifest.likeliest.terms);
  const got = likeliest(engine.loadedTermsWithPrefix(prefix), manifest.likeliest.terms);
  const stemOk = (engine.posting(stem) !== null) === (whole.invertedIndex[stem] !== undefined);
  if (!engine.hasNeed(need) || JSON.stringify(expected) !== JSON.stringify(got) || !stemOk) {
    report.structure.push(`typed ${prefix}: ${got.join(' ')} rather than ${expected.join(' ')}${stemOk ? '' : ` (stem ${stem})`}`);
  }
  report.prefixes += 1;
  report.prefixRequests = Math.max(report.prefixRequests || 0, requested.length);
}
// The same with the term dictionary in, as the page has it once the reader types: a prefix then
// loads only the shards of its likeliest terms (no more requests than without it), and every
// other prefix has them fetched ahead first (prefetch, as the page does for the next letter, so
// that loadNeeds reads them as they arrive); the likeliest terms are still the whole index's.
const dictionaryTerms = JSON.parse(registeredText(manifest.terms));
report.prefixRequestsWithout = 0;
report.prefixRequestsWithDictionary = 0;
let ahead = false;
for (const prefix of prefixes) {
  const stem = lunr.stemmer(new lunr.Token(prefix)).toString();
  const need = { term: stem, prefix, likeliest: manifest.likeliest.terms };
  const without = new registry.Engine(manifest, load);
  requested.length = 0;
  await without.loadNeeds([need]);
  report.prefixRequestsWithout += requested.length;
  const engine = new registry.Engine(manifest, load);
  engine.termList = dictionaryTerms;
  requested.length = 0;
  ahead = !ahead;
  if (ahead) engine.prefetch(engine.shardsFor(need));
  await engine.loadNeeds([need]);
  report.prefixRequestsWithDictionary += requested.length;
  const expected = likeliest(wholeTerms.filter((t) => t.startsWith(prefix)), manifest.likeliest.terms);
  const got = likeliest(engine.loadedTermsWithPrefix(prefix), manifest.likeliest.terms);
  const stemOk = (engine.posting(stem) !== null) === (whole.invertedIndex[stem] !== undefined);
  if (!engine.hasNeed(need) || JSON.stringify(expected) !== JSON.stringify(got) || !stemOk) {
    report.structure.push(`typed ${prefix} with the dictionary${ahead ? ', loaded ahead' : ''}: ${got.join(' ')} rather than ${expected.join(' ')}${stemOk ? '' : ` (stem ${stem})`}`);
  }
}
// A key painted before the dictionary arrived releases the hold on reading ahead before anything
// was fetched ahead (a page threw "reading 'find'" of undefined in the browser tests).
{
  const engine = new registry.Engine(manifest, load);
  const released = outcome(() => {
    engine.holdAhead(true);
    engine.holdAhead(false);
  });
  if (released && released.error) report.structure.push(`holdAhead before any prefetch: ${released.error}`);
}
if (report.prefixRequestsWithDictionary > report.prefixRequestsWithout) {
  report.structure.push(`the dictionary made typed prefixes ask for more: ${report.prefixRequestsWithDictionary} requests, not ${report.prefixRequestsWithout}`);
}
if (seen.size !== wholeTerms.length) report.structure.push(`${seen.size} terms in the shards, ${wholeTerms.length} in the whole index`);
report.structure = report.structure.slice(0, 10);

function outcome(run) {
  try {
    return run();
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

for (const q of queries) {
  // A fresh engine per query: each loads only the shards its query asks for, from cold.
  const engine = new registry.Engine(manifest, load);
  requested.length = 0;
  const a = outcome(() => whole.search(q).map((r) => [r.ref, r.score]));
  let b;
  try {
    b = (await engine.search(q)).map((r) => [r.ref, r.score]);
  } catch (e) {
    b = { error: String(e && e.message ? e.message : e) };
  }
  report.shardsPerQuery += requested.length;
  if (requested.some((name) => /^s-\d+$/.test(name) && Number(name.slice(2)) >= manifest.shards)) report.familyQueries += 1;
  if (Array.isArray(a)) report.hits += a.length;
  else report.errors += 1;
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    report.mismatches += 1;
    if (report.examples.length < 5) {
      const top = (r) => (Array.isArray(r) ? r.slice(0, 5) : r);
      report.examples.push({ query: q, whole: top(a), sharded: top(b) });
    }
  }
}
report.shardsPerQuery = Number((report.shardsPerQuery / Math.max(1, queries.length)).toFixed(2));
process.stdout.write(JSON.stringify(report));
