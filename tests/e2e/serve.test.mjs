// The README's first command, `bash scripts/serve.sh`, as a developer runs it: it builds
// the app in development mode into target/dist-serve (never into dist/, the build that
// gets hosted), serves it, the page shows its accounts, and the server then waits for
// changes instead of rebuilding on its own output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, openPage, freePort, dist } from './harness.mjs';

const root = resolve(import.meta.dirname, '..', '..');
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** What dist/ holds: each file's name, size and time of change. */
function snapshot(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.size} ${s.mtimeMs}`;
    });
}

const builds = (log) => (log.match(/starting build/g) ?? []).length;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('scripts/serve.sh serves a development build from target/dist-serve, leaves dist/ alone and does not rebuild by itself', { timeout: 30 * 60_000 }, async () => {
  const hosted = snapshot(dist);
  const port = await freePort();
  const server = spawn('bash', ['scripts/serve.sh', '--port', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  try {
    // The first build compiles the app in the debug profile: minutes on a fresh machine.
    const origin = `http://127.0.0.1:${port}`;
    for (;;) {
      assert.equal(server.exitCode, null, `serve.sh ended early:\n${log.slice(-4000)}`);
      if (/✅ success/.test(log)) {
        try {
          if ((await fetch(origin + '/')).ok) break;
        } catch {
          // not listening yet
        }
      }
      await sleep(500);
    }
    assert.ok(existsSync(join(root, 'target', 'dist-serve', 'index.html')), 'the build is in target/dist-serve');

    const { page, problems } = await openPage(browser, origin, { path: '/' });
    await page.waitForSelector('h1');
    assert.equal((await page.textContent('h1')).trim(), 'Accounts');
    await page.click('[data-testid=start-demo]');
    await page.waitForSelector('[data-testid=demo-banner]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=accounts-table] tbody tr').length === 40);
    assert.deepEqual(problems, []);
    await page.context().close();

    // Left alone, the server keeps the one build: its own output (cargo's files in
    // target/) must not look like a change to the sources.
    await sleep(20_000);
    assert.equal(builds(log), 1, `rebuilt with no change to the sources:\n${log.slice(-4000)}`);
    assert.deepEqual(snapshot(dist), hosted, 'dist/ is untouched');
  } finally {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
