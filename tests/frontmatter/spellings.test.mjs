// Front matter in the spellings real teams write builds with zero errors, and each value lands
// in the record as the same front matter written the canonical way would: the generator writes
// one archive twice (generate_archive.mjs), and the two builds' postmortems.json must be equal.
//
// Run by ctest as `node --test tests/frontmatter/spellings.test.mjs`, with HINDSIGHT_BIN naming
// the binary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = process.env.HINDSIGHT_BIN;
const COUNT = 400;
let work;

function hindsight(args) {
  const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

function build(name, drafts) {
  const site = path.join(work, `${name}-site${drafts ? '-drafts' : ''}`);
  const args = ['build', path.join(work, name), '-o', site, '--quiet'];
  if (drafts) args.push('--drafts');
  const run = hindsight(args);
  assert.equal(run.status, 0, `building ${name} failed:\n${run.stderr.slice(0, 4000)}`);
  return JSON.parse(fs.readFileSync(path.join(site, 'postmortems.json'), 'utf8'));
}

before(() => {
  assert.ok(binary, 'HINDSIGHT_BIN must name the hindsight binary');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-spellings-'));
  execFileSync(process.execPath, [path.join(here, 'generate_archive.mjs'), String(COUNT), work]);
});

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the archive in other teams\' spellings checks with no error and no warning', () => {
  const run = hindsight(['check', path.join(work, 'messy'), '--format', 'json']);
  const report = JSON.parse(run.stdout);
  const problems = report.diagnostics.filter((d) => d.severity !== 'note')
    .map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  assert.deepEqual(problems, []);
  assert.equal(run.status, 0);
  // What was read liberally is reported, not silently absorbed.
  const notes = report.diagnostics.filter((d) => d.severity === 'note');
  assert.ok(notes.length > COUNT, `only ${notes.length} notes for ${COUNT} files`);
  // It passes the pull-request gate too: notes never fail --strict.
  assert.equal(hindsight(['check', path.join(work, 'messy'), '--strict']).status, 0);
});

test('each value lands in the record as the canonical front matter would put it', () => {
  const canonical = build('canonical', true);
  const messy = build('messy', true);
  assert.equal(canonical.length, COUNT);
  assert.equal(messy.length, COUNT);
  for (let i = 0; i < COUNT; ++i) {
    assert.deepEqual(messy[i], canonical[i], `record ${canonical[i].source} differs`);
  }
});

test('drafts and published postmortems are the same ones', () => {
  const canonical = build('canonical', false).map((r) => r.slug);
  const messy = build('messy', false).map((r) => r.slug);
  assert.ok(canonical.length < COUNT, 'the generated archive has drafts');
  assert.deepEqual(messy, canonical);
});
