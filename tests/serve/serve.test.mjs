// `hindsight serve` end to end, over HTTP: the URL first, pages with the reload script, rebuilds
// on a save (also a save by rename), reloads whose requests wait for the rebuild, the problems
// panel kept until the file is fixed, a port in use, Ctrl-C, and never a byte written anywhere.
//
// Run by ctest as `node --test tests/serve/serve.test.mjs`, with HINDSIGHT_BIN naming the binary.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServe, until } from './serve_process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binary = process.env.HINDSIGHT_BIN;

let work, content, serve;
const postmortem = () => path.join(content, '2024-03-12-checkout-db-pool-exhaustion.md');
const get = async (pathname) => {
  const response = await fetch(new URL(pathname, serve.url), { redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const treeOf = (dir) => fs.readdirSync(dir, { recursive: true }).sort();

before(async () => {
  assert.ok(binary, 'HINDSIGHT_BIN must name the hindsight binary');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-serve-test-'));
  content = path.join(work, 'content');
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  serve = await startServe(binary, ['content', '--port', '0'], { cwd: work });
});

after(async () => {
  await serve?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('hindsight serve', () => {
  test('prints the URL as its first line and serves the site on loopback', async () => {
    assert.match(serve.lines[0], /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get('/');
    assert.equal(home.status, 200);
    assert.match(home.text, /<meta name="hindsight-epoch" content="\d+">/);
    assert.match(home.text, /<script src="\/__hindsight\/live.js" defer><\/script><\/head>/);
    const script = await get('/__hindsight/live.js');
    assert.match(script.text, /EventSource/);
    // A folder without its slash redirects, so that the page's relative links resolve.
    const folder = await get('/causes');
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get('location'), '/causes/');
    assert.equal((await get('/causes/')).status, 200);
    assert.equal((await get('/no/such/page/')).status, 404);
    assert.equal((await get('/../../etc/passwd')).status, 404);
    // Bodies go out as they are: compressing them (httplib picks brotli at its slowest) cost
    // more than a page's whole rebuild, on loopback where it saves nothing.
    const page = await fetch(serve.url, { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(page.headers.get('content-encoding'), null);
    assert.equal(Number(page.headers.get('content-length')), (await page.arrayBuffer()).byteLength);
    // The search data is made on the first request for it, from the same build as the pages.
    const manifest = await get('/search/manifest.js');
    assert.equal(manifest.status, 200);
    assert.match(manifest.text, /^HindsightSearch\.register\("manifest"/);
  });

  test('writes nothing beside the content: no public/, no cache', () => {
    assert.deepEqual(fs.readdirSync(work), ['content']);
    assert.deepEqual(treeOf(content), treeOf(path.join(root, 'content')));
  });

  test('a save rebuilds the site, prints what changed, and moves the epoch on', async () => {
    const before = await serve.status();
    const from = serve.lines.length;
    const text = fs.readFileSync(postmortem(), 'utf8');
    fs.writeFileSync(postmortem(), text.replace(/^title: .*$/m, 'title: Pool exhaustion, edited once'));
    await serve.waitForLine(/^rebuilt in \d+ ms; served \d+ ms after the save/, { from });
    assert.ok(serve.lines.slice(from).includes(
      'changed: content/2024-03-12-checkout-db-pool-exhaustion.md'), serve.lines.join('\n'));
    // The line is printed as the pages are told; the status follows a moment later.
    await until(async () => (await serve.status()).epoch > before.epoch);
    assert.match((await get('/')).text, /Pool exhaustion, edited once/);
  });

  test('an editor that saves by writing another file and renaming it is seen', async () => {
    const from = serve.lines.length;
    const text = fs.readFileSync(postmortem(), 'utf8');
    const scratch = path.join(content, '.2024-03-12-checkout-db-pool-exhaustion.md.swp');
    fs.writeFileSync(scratch, text.replace(/^title: .*$/m, 'title: Pool exhaustion, renamed in'));
    fs.renameSync(scratch, postmortem());
    await serve.waitForLine(/^rebuilt in/, { from });
    assert.deepEqual(serve.lines.slice(from).filter((l) => l.startsWith('changed:')),
      ['changed: content/2024-03-12-checkout-db-pool-exhaustion.md']);
    assert.match((await get('/')).text, /Pool exhaustion, renamed in/);
  });

  test('a page told to reload gets the new site: its request waits for the rebuild', async () => {
    // Pages are told to reload as the rebuild begins, so their requests arrive during it and
    // must wait for the new site rather than get the old one.
    const { epoch } = await serve.status();
    const stream = await fetch(new URL(`/__hindsight/events?epoch=${epoch}`, serve.url));
    const reader = stream.body.getReader();
    const text = fs.readFileSync(postmortem(), 'utf8');
    fs.writeFileSync(postmortem(), text.replace(/^title: .*$/m, 'title: Pool exhaustion, waited for'));
    let events = '';
    while (!events.includes('event: reload')) {
      const { value, done } = await reader.read();
      assert.ok(!done, 'the stream ended without a reload');
      events += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const home = await get('/');
    assert.equal(home.status, 200);
    assert.match(home.text, /Pool exhaustion, waited for/);
    const served = Number(home.text.match(/<meta name="hindsight-epoch" content="(\d+)">/)[1]);
    assert.ok(served > epoch);
  });

  test('a build error keeps the last good site, with the problems over every page', async () => {
    const good = fs.readFileSync(postmortem(), 'utf8');
    let from = serve.lines.length;
    fs.writeFileSync(postmortem(), good.replace(/^title: .*$/m, 'title: [never closed'));
    await serve.waitForLine(/^build failed: still serving the last good site/, { from });
    const status = await until(async () => {
      const now = await serve.status();
      return now.build_failed && now;
    });
    assert.equal(status.problems[0].path, 'content/2024-03-12-checkout-db-pool-exhaustion.md');
    const line = status.problems[0].line;
    assert.ok(line >= 2 && line <= 3, `the error is at line ${line}, not at the broken title`);
    assert.ok(serve.errors.includes(
      `content/2024-03-12-checkout-db-pool-exhaustion.md:${line}:${status.problems[0].column}: ` +
      `error: ${status.problems[0].message}`), serve.errors.join('\n'));
    for (const page of ['/', '/postmortems/pw-2024-004/', '/stats/', '/no/such/page/']) {
      const { text } = await get(page);
      assert.match(text, /<aside id="hindsight-overlay" role="alert"/, page);
      assert.match(text, new RegExp(`content/2024-03-12-checkout-db-pool-exhaustion\\.md:${line}:\\d+</span>`), page);
      assert.match(text, /class="hindsight-hint">hint: /, page);
    }
    // The last good site: the title from before the broken save.
    assert.match((await get('/')).text, /Pool exhaustion, waited for/);

    from = serve.lines.length;
    fs.writeFileSync(postmortem(), good);
    await serve.waitForLine(/^rebuilt in/, { from });
    await until(async () => !(await serve.status()).build_failed);
    assert.doesNotMatch((await get('/')).text, /hindsight-overlay/);
  });

  test('a port in use is an error naming the port', async () => {
    const port = Number(new URL(serve.url).port);
    const second = await import('node:child_process').then(({ spawnSync }) =>
      spawnSync(binary, ['serve', content, '--port', String(port)], { encoding: 'utf8', timeout: 20000 }));
    assert.equal(second.status, 2);
    assert.match(second.stderr, new RegExp(`hindsight: error: port ${port} on 127\\.0\\.0\\.1 is in use`));
    assert.equal(second.stdout, '');
  });

  test('a host that is not loopback warns that the archive is on the network', async () => {
    const other = await startServe(binary, [content, '--port', '0', '--host', '0.0.0.0'], { cwd: work });
    try {
      assert.match(other.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      // The warning goes to stderr, which may be read after the URL line on stdout.
      const warned = () => other.errors.some(
        (line) => /warning: serving on 0\.0\.0\.0: anyone who can reach/.test(line));
      await until(warned, { timeout: 10000 }).catch(() => {});
      assert.ok(warned(), other.errors.join('\n'));
    } finally {
      await other.stop();
    }
  });

  test('Ctrl-C stops it cleanly, having written nothing anywhere', async () => {
    const temporary = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('hindsight-serve-')).sort();
    const before = temporary();
    const other = await startServe(binary, ['content', '--port', '0'], { cwd: work });
    assert.match(other.lines[1], /^built 18 postmortems in \d+ ms, in memory \(nothing is written\)/);
    assert.equal((await fetch(other.url)).status, 200);
    assert.deepEqual(temporary(), before);
    const { code } = await other.stop();
    assert.equal(code, 0);
    assert.equal(other.lines.at(-1), 'stopped');
    // The port is free again at once.
    await new Promise((resolve, reject) => {
      const probe = net.createServer().once('error', reject)
        .listen(Number(new URL(other.url).port), '127.0.0.1', () => probe.close(resolve));
    });
  });
});
