// The reference side of the byte-identity tests: what lunr.js 2.3.9 itself builds and finds.
//
//   node lunr_reference.mjs build --ref ID --field NAME[:BOOST]... [--doc-boost F] [--b B]
//                                 [--k1 K] [--metadata-whitelist KEY]... DOCS OUT
//       builds the index of DOCS (a JSON array) exactly as a lunr.js build script would
//       (this.b(B), this.k1(K), this.metadataWhitelist = [KEY, ...]) and writes
//       JSON.stringify(idx) to OUT.
//   node lunr_reference.mjs query INDEX_A INDEX_B QUERIES
//       loads both serialized indexes with lunr.Index.load, runs every query of QUERIES (a JSON
//       array of strings) on both and prints a JSON report of where the ranked refs or scores
//       differ.
//   node lunr_reference.mjs pipeline WORDS OUT
//       lower-cases each line of WORDS, runs it through lunr's index pipeline (trimmer, stop
//       words, stemmer) and writes one result per line ("-" for a dropped stop word).
//   node lunr_reference.mjs log|tostring NUMBERS OUT
//       for each line of NUMBERS (a double's bits, 16 hex digits) writes Math.log(x) (as bits)
//       or String(x): the two number functions whose exact results lunr's bytes depend on.
//
// Uses only the lunr package installed from package-lock.json.
import fs from 'node:fs';
import lunr from 'lunr';

function parseField(spec) {
  // NAME[:BOOST], the boost after the last ':' (as `hindsight lunr` reads it).
  const colon = spec.lastIndexOf(':');
  if (colon < 0) return { name: spec, boost: 1 };
  return { name: spec.slice(0, colon), boost: Number(spec.slice(colon + 1)) };
}

function build(args) {
  let ref = 'id';
  let docBoost = null;
  let b = null;
  let k1 = null;
  const whitelist = [];
  const fields = [];
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--ref') ref = args[++i];
    else if (args[i] === '--field') fields.push(parseField(args[++i]));
    else if (args[i] === '--doc-boost') docBoost = args[++i];
    else if (args[i] === '--b') b = Number(args[++i]);
    else if (args[i] === '--k1') k1 = Number(args[++i]);
    else if (args[i] === '--metadata-whitelist') whitelist.push(args[++i]);
    else files.push(args[i]);
  }
  const [docsPath, outPath] = files;
  const docs = JSON.parse(fs.readFileSync(docsPath, 'utf8'));
  const idx = lunr(function () {
    this.ref(ref);
    for (const field of fields) this.field(field.name, { boost: field.boost });
    if (b !== null) this.b(b);
    if (k1 !== null) this.k1(k1);
    if (whitelist.length > 0) this.metadataWhitelist = whitelist;
    for (const doc of docs) {
      if (docBoost === null) this.add(doc);
      else this.add(doc, { boost: doc[docBoost] });
    }
  });
  fs.writeFileSync(outPath, JSON.stringify(idx));
}

function run(index, query) {
  try {
    return index.search(query).map((r) => [r.ref, r.score]);
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

function query(args) {
  const [aPath, bPath, queriesPath] = args;
  const load = (path) => lunr.Index.load(JSON.parse(fs.readFileSync(path, 'utf8')));
  const a = load(aPath);
  const b = load(bPath);
  const queries = JSON.parse(fs.readFileSync(queriesPath, 'utf8'));
  const report = { queries: queries.length, hits: 0, errors: 0, mismatches: 0, examples: [] };
  for (const q of queries) {
    const ra = run(a, q);
    const rb = run(b, q);
    if (Array.isArray(ra)) report.hits += ra.length;
    else report.errors += 1;
    if (JSON.stringify(ra) !== JSON.stringify(rb)) {
      report.mismatches += 1;
      if (report.examples.length < 5) {
        const top = (r) => (Array.isArray(r) ? r.slice(0, 5) : r);
        report.examples.push({ query: q, a: top(ra), b: top(rb) });
      }
    }
  }
  process.stdout.write(JSON.stringify(report));
}

function pipeline(args) {
  const [wordsPath, outPath] = args;
  const words = fs.readFileSync(wordsPath, 'utf8').split('\n');
  const run = new lunr.Pipeline();
  run.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  const out = words.map((w) => {
    const terms = run.run([new lunr.Token(w.toLowerCase(), {})]);
    return terms.length === 0 ? '-' : terms[0].toString();
  });
  fs.writeFileSync(outPath, out.join('\n'));
}

function fromBits(hex) {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

function toBits(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

function numbers(args, f) {
  const [numbersPath, outPath] = args;
  const lines = fs.readFileSync(numbersPath, 'utf8').split('\n').filter((l) => l !== '');
  fs.writeFileSync(outPath, lines.map((l) => f(fromBits(l))).join('\n'));
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'build') build(rest);
else if (mode === 'query') query(rest);
else if (mode === 'pipeline') pipeline(rest);
else if (mode === 'log') numbers(rest, (x) => toBits(Math.log(x)));
else if (mode === 'tostring') numbers(rest, (x) => String(x));
else {
  process.stderr.write('usage: lunr_reference.mjs build|query|pipeline|log|tostring ...\n');
  process.exit(2);
}
