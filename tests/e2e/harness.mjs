// Shared set-up for the browser tests: serves the release build (dist/) with Python's
// plain static server under a sub-path, as a team would host it, and drives Debian's
// Chromium through playwright-core.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..', '..');
// KAM_DIST points the tests at another build directory (e.g. a copy, while a new build runs).
export const dist = process.env.KAM_DIST ?? join(root, 'dist');
export const SUB_PATH = '/kam/';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

// Python's static server, sending `headers` (JSON, argv[3]) with every response.
const SERVE_WITH_HEADERS = `
import functools, http.server, json, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        for name, value in json.loads(sys.argv[3]).items():
            self.send_header(name, value)
        super().end_headers()
handler = functools.partial(Handler, directory=sys.argv[2])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), handler).serve_forever()
`;

/**
 * Starts a static server with dist/ (or another build directory) at both `/` and `/kam/`;
 * returns {origin, stop}. `headers` (name → value) are sent with every response, as a
 * host's configuration would add them.
 */
export async function startServer(build = dist, { headers } = {}) {
  if (!existsSync(join(build, 'index.html'))) {
    throw new Error('dist/ is missing: run scripts/build.sh first');
  }
  const site = mkdtempSync(join(tmpdir(), 'kam-site-'));
  symlinkSync(build, join(site, 'kam'));
  for (const name of ['index.html', 'favicon.svg']) symlinkSync(join(build, name), join(site, name));
  // Hashed assets at the root too, so the root-hosted case works.
  for (const name of (await import('node:fs')).readdirSync(build)) {
    if (!existsSync(join(site, name))) symlinkSync(join(build, name), join(site, name));
  }
  const port = await freePort();
  const args = headers
    ? ['-c', SERVE_WITH_HEADERS, String(port), site, JSON.stringify(headers)]
    : ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site];
  const proc = spawn('python3', args, { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await waitForServer(`${origin}${SUB_PATH}`);
  // stop() resolves once the server is gone, so a test can rely on it being unreachable.
  const stopped = new Promise((ok) => proc.once('exit', ok));
  return {
    origin,
    stop: () => {
      proc.kill();
      return stopped;
    },
  };
}

/**
 * Launches Chromium. Its contexts block service workers unless a test passes
 * `serviceWorkers: 'allow'` to `newContext` (tests/e2e/offline.test.mjs does): the app's
 * offline cache would otherwise answer requests that tests intercept or count.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return browser;
}

/**
 * Opens a fresh context (empty storage) and a page that records console errors, page
 * errors, failed requests and dialogs, so a test can assert the page stayed clean.
 */
export async function openPage(browser, origin, { locale = 'en-US', path = SUB_PATH, context } = {}) {
  const ctx = context ?? (await browser.newContext({ locale, acceptDownloads: true }));
  const page = await ctx.newPage();
  const problems = [];
  const dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(origin + path);
  await page.waitForSelector('.app-header');
  return { page, context: ctx, problems, dialogs };
}

/** Writes localStorage before the app starts, by loading once, writing, reloading. */
export async function seedStorage(page, entries) {
  await page.waitForSelector('[data-testid=save-status].saved, [data-testid=save-status].not-saved');
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
  await page.reload();
  await page.waitForSelector('.app-header');
}

/**
 * The workspace JSON in a value the app stored in localStorage: packed values
 * (src/storage/packed.rs: `kam-lz4-1:<length>:` then 15 bits a character from U+3400,
 * LZ4 block with its size first) are unpacked here, independently of the app's code;
 * anything else is returned as it is.
 */
export function unpackStored(value) {
  const prefix = 'kam-lz4-1:';
  if (typeof value !== 'string' || !value.startsWith(prefix)) return value;
  const rest = value.slice(prefix.length);
  const colon = rest.indexOf(':');
  const length = Number(rest.slice(0, colon));
  const bytes = new Uint8Array(length);
  let acc = 0;
  let held = 0;
  let n = 0;
  for (const ch of rest.slice(colon + 1)) {
    acc = ((acc << 15) | (ch.codePointAt(0) - 0x3400)) >>> 0;
    held += 15;
    while (held >= 8 && n < length) {
      held -= 8;
      bytes[n++] = (acc >>> held) & 0xff;
    }
    acc &= (1 << held) - 1;
  }
  // LZ4 block: sequences of literals and matches; the first 4 bytes are the size.
  const size = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
  const out = new Uint8Array(size);
  let i = 4;
  let o = 0;
  while (i < length) {
    const token = bytes[i++];
    let literals = token >> 4;
    if (literals === 15) for (let b = 255; b === 255; literals += b) b = bytes[i++];
    out.set(bytes.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i >= length) break;
    const offset = bytes[i] | (bytes[i + 1] << 8);
    i += 2;
    let match = (token & 15) + 4;
    if ((token & 15) === 15) for (let b = 255; b === 255; match += b) b = bytes[i++];
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset];
  }
  return new TextDecoder().decode(out.subarray(0, o));
}

/** The workspace stored under `key` in the page's localStorage, as its envelope (parsed). */
export async function storedWorkspace(page, key = 'kam.workspace') {
  const value = await page.evaluate((k) => localStorage.getItem(k), key);
  return value === null ? null : JSON.parse(unpackStored(value));
}

export const FORMAT = 'kam-workbench/workspace';
/** The format version this build writes (`envelope::VERSION`). */
export const VERSION = 4;

/** A workspace envelope with the given accounts (default model and tiers). */
export function workspaceFile(accounts, extra = {}) {
  return JSON.stringify({
    format: FORMAT,
    version: 1,
    workspace: { accounts, next_account_id: accounts.length + 1, ...extra },
  });
}

/** An account with all eight default criteria scored: a = attractiveness, f = feasibility. */
export function scoredAccount(id, name, a, f, fields = {}) {
  const scores = {};
  for (let c = 1; c <= 4; c++) scores[c] = { value: a, note: '' };
  for (let c = 5; c <= 8; c++) scores[c] = { value: f, note: '' };
  return { id, name, scores, ...fields };
}

export function readText(path) {
  return readFileSync(path, 'utf8');
}

/**
 * Registers the server and browser for one test file (node:test `before`/`after`) and
 * returns an object whose `server` and `browser` are set once they are up. `headers`, a
 * function returning name → value, gives the HTTP headers the server sends.
 */
export function useApp({ before, after, headers }) {
  const app = { server: null, browser: null };
  before(async () => {
    app.server = await startServer(dist, { headers: headers?.() });
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    app.server?.stop();
  });
  return app;
}

/**
 * Asserts that the notices come to say `pattern`: notices are drawn by a chunk fetched
 * the first time there is one, a moment after the action that caused it.
 */
export async function expectNotice(page, pattern, { timeout = 10_000 } = {}) {
  await page
    .waitForFunction((source) => new RegExp(source).test(document.querySelector('.notices')?.textContent ?? ''), pattern.source, { timeout })
    .catch(() => {});
  assert.match((await page.textContent('.notices')) ?? '', pattern);
}

/**
 * Asserts that the elements matching `selector` come to read `expected`, in order: a page
 * opened by a click is fetched and drawn a moment later, and reading it at once would see
 * the page before.
 */
export async function expectTexts(page, selector, expected, { timeout = 10_000 } = {}) {
  await page
    .waitForFunction(
      ([source, want]) => JSON.stringify([...document.querySelectorAll(source)].map((e) => e.textContent)) === want,
      [selector, JSON.stringify(expected)],
      { timeout },
    )
    .catch(() => {});
  assert.deepEqual(await page.locator(selector).allTextContents(), expected);
}
