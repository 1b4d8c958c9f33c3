// The content-security policy: the built page carries it as a <meta> naming each of its
// inline scripts by hash (scripts/name-app-files.py); here the server also sends it as an
// HTTP header, with `frame-ancestors 'none'`, as a host may. Every page, the charts, an
// import and the exports then run without one refused script, style, image, worker or
// fetch, and the app cannot be framed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useApp, openPage, workspaceFile, scoredAccount, seedStorage, dist, SUB_PATH } from './harness.mjs';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');

/** The built page's policy, from its <meta>. */
function builtPolicy() {
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const meta = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'dist/index.html carries a content-security policy');
  return meta[1];
}

/** Directive name → its sources. */
function directives(policy) {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const app = useApp({
  before,
  after,
  headers: () => ({
    'Content-Security-Policy': `${builtPolicy()}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
  }),
});

/**
 * A page of the app whose refused loads and inline code are collected in `violations`:
 * the listener is in place before any script of the page runs.
 */
async function watchedPage(options = {}) {
  const context = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true, ...options });
  const violations = [];
  await context.exposeFunction('reportViolation', (v) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportViolation(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  try {
    return { ...(await openPage(app.browser, app.server.origin, { context })), violations };
  } catch (error) {
    // An app that does not start at all: say what was refused.
    error.message += `\nrefused: ${JSON.stringify(violations, null, 1)}`;
    throw error;
  }
}

async function open(page, route, selector = 'main > *') {
  await page.goto(`${app.server.origin}${SUB_PATH}${route}`);
  await page.waitForSelector(selector);
  await page.waitForFunction(() => !document.querySelector('.page-loading'));
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  assert.ok(await file.path(), `${selector} gave a file`);
  return file;
}

test('the built page names each of its inline scripts in a strict policy, before any script', () => {
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const policy = directives(builtPolicy());
  assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<script'), 'the policy comes before every script');
  const inline = [...page.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\ssrc=/.test(attrs ?? ''));
  assert.ok(inline.length >= 3, 'the start-up (classic and module) and index.html\'s own script');
  for (const [, , text] of inline) {
    const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    assert.ok(policy.get('script-src').includes(hash), `script-src lists ${hash} for ${text.slice(0, 60)}…`);
  }
  assert.deepEqual(policy.get('script-src').filter((s) => !s.startsWith("'sha256-")), ["'self'", "'wasm-unsafe-eval'"]);
  assert.equal(policy.get('script-src').length, 2 + new Set(inline.map(([, , text]) => text)).size, 'no stale hashes');
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('style-src'), ["'self'"]);
  assert.deepEqual(policy.get('worker-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'none'"]);
  assert.ok(!/'unsafe-inline'|'unsafe-eval'|data:|\*/.test(builtPolicy()), builtPolicy());

  // The README's nginx header asks for nothing this test does not serve.
  const readme = readFileSync(resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const header = readme.match(/add_header Content-Security-Policy "([^"]+)"/);
  assert.ok(header, 'README.md shows the header');
  const served = directives(`${builtPolicy()}; frame-ancestors 'none'`);
  for (const [name, sources] of directives(header[1])) assert.deepEqual(sources, served.get(name), name);
  assert.match(readme, /add_header X-Content-Type-Options nosniff always;/);
});

test('every page, the charts, an import, a merge and the exports run with nothing refused', async () => {
  const { page, context, problems, violations } = await watchedPage();
  await page.click('[data-testid=start-demo]');
  await page.waitForSelector('[data-testid=demo-banner]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');

  // The worked plan belongs to the top-ranked account.
  await open(page, '#/ranking', '[data-testid=ranking-table] tbody tr');
  const top = await page.getAttribute('[data-testid=ranking-table] tbody tr a', 'href');
  await download(page, '[data-testid=export-csv]');
  await download(page, '[data-testid=export-xlsx]');

  for (const route of ['#/accounts', '#/accounts/new', top, '#/model', '#/workspaces', '#/import', '#/merge', '#/actions', '#/contacts', '#/pipeline', '#/calendar', '#/inquiries', '#/people', '#/review', '#/portfolio']) {
    await open(page, route);
  }
  const sections = ['summary', 'profile', 'analysis', 'people', 'competitors', 'position', 'six-steps', 'strategy', 'actions', 'revenue'];
  for (const section of sections) {
    await open(page, `${top}/plan/${section}`, `[data-testid=plan-section][data-section=${section}]`);
  }
  await open(page, `${top}/plan/print`, '[data-testid=print-matrix] svg');

  // The matrix: a point read by keyboard and by pointer (the tooltip is placed by style
  // properties), exported as SVG and PNG (drawn through a blob: image).
  await open(page, '#/matrix', '[data-testid=matrix] svg');
  await page.focus('[data-testid=matrix-overlay]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid=matrix-tooltip]');
  const focus = await page.locator('.point-focus').boundingBox();
  assert.ok(focus, 'the focus ring is on the page');
  await page.mouse.move(focus.x + focus.width / 2, focus.y + focus.height / 2);
  await download(page, '[data-testid=export-svg]');
  const png = readFileSync(await (await download(page, '[data-testid=export-png]')).path());
  assert.ok(png.length > 5000, 'the PNG has a picture in it');

  // The pyramid: its bands are placed by style properties and open their level.
  await open(page, '#/pyramid', '[data-testid=pyramid] svg');
  const band = await page.locator('button[data-level=key]').boundingBox();
  assert.ok(band && band.height > 10, 'the key band is placed over the drawing');
  await page.click('button[data-level=key]');
  await page.waitForSelector('[data-testid=level-accounts]');

  // An import from a CSV file (read in the sheets worker).
  await open(page, '#/import', '[data-testid=import-sheet-file]');
  await page.setInputFiles('[data-testid=import-sheet-file]', join(FIXTURES, 'accounts-gb18030.csv'));
  await page.waitForSelector('[data-testid=import-summary]');
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('[data-testid=accounts-table]');

  // A form, a colleague's workspace merged, the workspace exported, the other language.
  await open(page, '#/accounts/new', '[data-testid=new-account-form]');
  await page.fill('[data-field=name]', 'Policy Check Co');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  await page.setInputFiles('[data-testid=import-file]', {
    name: 'colleague.json',
    mimeType: 'application/json',
    buffer: Buffer.from(workspaceFile([scoredAccount(1, 'Colleague Co', 6, 6)])),
  });
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-summary]');
  await page.click('[data-testid=merge-apply]');
  await page.waitForSelector('[data-testid=accounts-table]');
  await download(page, '[data-testid=export-workspace]');
  await page.click('[data-testid=language-switch]');
  await page.waitForSelector('html[lang=zh-CN]');

  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a crowded matrix on its canvas layer and the phone layout run with nothing refused', async () => {
  const { page, context, problems, violations } = await watchedPage({ viewport: { width: 390, height: 844 } });
  const many = Array.from({ length: 2100 }, (_, i) => scoredAccount(i + 1, `Crowd ${i + 1}`, 1 + (i % 10), 1 + ((i * 7) % 10)));
  await seedStorage(page, { 'kam.workspace': workspaceFile(many) });
  await open(page, '#/matrix', '[data-testid=matrix] canvas.chart-markers');
  await page.waitForSelector('[data-testid=matrix-list]');
  await page.focus('[data-testid=matrix-overlay]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid=matrix-tooltip]');
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the service worker registers, caches the build and serves it with nothing refused', async () => {
  const { page, context, problems, violations } = await watchedPage({ serviceWorkers: 'allow' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha Motors', 8, 7)]) });
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the worker');
  await open(page, '#/matrix', '[data-testid=matrix] svg');
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('another site cannot frame the app', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await page.setContent(`<iframe src="${app.server.origin}${SUB_PATH}"></iframe>`);
  await refused;
  const framed = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(await framed.locator('.app-header').count(), 0);
  await context.close();
});
