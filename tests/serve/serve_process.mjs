// Runs `hindsight serve` for the serve tests and the latency benchmark: starts it, reads the URL
// from its first line, follows its output, and stops it with SIGINT as Ctrl-C would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export async function startServe(binary, args, { cwd, timeoutMs = 120000 } = {}) {
  const lines = [];
  const errors = [];
  const waiters = [];
  // Resolved here: a relative path would otherwise be looked up from `cwd`.
  const child = spawn(path.resolve(binary), ['serve', ...args],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.on('error', (error) => errors.push(String(error)));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) waiter();
  });
  readline.createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  // Resolves with the first line (from `from` on) that matches, or rejects after the timeout.
  function waitForLine(pattern, { from = 0, timeout = timeoutMs } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.slice(from).find((line) => pattern.test(line));
        if (found !== undefined) {
          waiters.splice(waiters.indexOf(check), 1);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        reject(new Error(`no line matching ${pattern} within ${timeout} ms; stdout:\n` +
          `${lines.join('\n')}\nstderr:\n${errors.join('\n')}`));
      }, timeout);
      waiters.push(check);
      check();
    });
  }

  const url = await Promise.race([
    waitForLine(/^http:\/\//),
    exited.then(({ code }) => {
      throw new Error(`hindsight serve exited (${code}) before printing its URL:\n${errors.join('\n')}`);
    }),
  ]);
  await waitForLine(/^(built|the first build failed)/);
  return {
    url,
    child,
    lines,
    errors,
    exited,
    waitForLine,
    async status() {
      return (await fetch(new URL('__hindsight/status', url))).json();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

// Polls `probe` until it returns something truthy.
export async function until(probe, { timeout = 30000, interval = 5 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
