// Offline after the first load: the service worker (sw.js, written by
// scripts/offline-cache.sh) caches every file of the build, the app then starts, shows
// its data, draws charts and writes XLSX with the server gone; a new build replaces the
// old cache only once no page of the old build is open, and never hands an open page
// the new build's files; copies of the app at `/` and `/kam/` keep their own caches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { launchBrowser, startServer, openPage, seedStorage, workspaceFile, scoredAccount, dist, SUB_PATH } from './harness.mjs';

const GENERATOR = resolve(import.meta.dirname, '..', '..', 'scripts', 'offline-cache.sh');
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A browser context in which the app's service worker may run (the harness blocks it). */
function offlineCapableContext() {
  return browser.newContext({ locale: 'en-US', acceptDownloads: true, serviceWorkers: 'allow' });
}

/** Every file of a build directory, relative, except the worker itself. */
function buildFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.filter((f) => f !== 'sw.js').sort();
}

/** The cache version written into a build's sw.js. */
function version(dir) {
  return readFileSync(join(dir, 'sw.js'), 'utf8').match(/"version": "([^"]+)"/)[1];
}

/** Polls `check` in the page until it returns something truthy, and returns that. */
async function until(page, check, what = 'the condition') {
  for (let i = 0; i < 200; i++) {
    const result = await page.evaluate(check);
    if (result) return result;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Waits until the page's own registration (scope = the page's directory) has an active
 * worker, which means its install, the precache, has finished; returns the scope and the
 * app's cache names on this origin.
 */
function offlineReady(page) {
  return until(
    page,
    async () => {
      const scope = new URL('./', location.href).href;
      const registration = await navigator.serviceWorker.getRegistration();
      const active = registration && registration.scope === scope && registration.active;
      return active && active.state === 'activated' ? { scope, caches: await caches.keys() } : null;
    },
    'the service worker to be active',
  );
}

async function cachedUrls(page, name) {
  return page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), name);
}

const accounts = () => [scoredAccount(1, 'Alpha Motors', 8, 7, { relationship: 'customer' }), scoredAccount(2, 'Beta Bank', 4, 8)];

test('the offline cache lists every file of the build and is named after its contents', () => {
  const a = mkdtempSync(join(tmpdir(), 'kam-sw-a-'));
  writeFileSync(join(a, 'index.html'), '<!DOCTYPE html><title>a</title>');
  mkdirSync(join(a, 'tools'));
  writeFileSync(join(a, 'tools', 'kam_tools.js'), 'export {}');
  mkdirSync(join(a, 'later module'));
  writeFileSync(join(a, 'later module', 'worker#1.js'), '');
  writeFileSync(join(a, 'top-level-worker.js'), '');
  execFileSync('bash', [GENERATOR, a, 'release']);
  const worker = readFileSync(join(a, 'sw.js'), 'utf8');
  const listed = [...worker.matchAll(/\["([^"]+)", "sha384-[A-Za-z0-9+/=]+"\]/g)].map((m) => m[1]);
  assert.deepEqual(listed, ['./', 'index.html', 'later%20module/worker%231.js', 'tools/kam_tools.js', 'top-level-worker.js']);
  execFileSync('node', ['--check', join(a, 'sw.js')]);

  // The same files give the same cache; a changed file, another.
  const b = mkdtempSync(join(tmpdir(), 'kam-sw-b-'));
  cpSync(a, b, { recursive: true });
  execFileSync('bash', [GENERATOR, b, 'release']);
  assert.equal(version(b), version(a), 'regenerating over its own sw.js changes nothing');
  appendFileSync(join(b, 'tools', 'kam_tools.js'), '// another build');
  execFileSync('bash', [GENERATOR, b, 'release']);
  assert.notEqual(version(b), version(a));
  assert.match(version(a), /^[0-9a-f]{16}$/);

  // A development build (trunk serve) caches nothing.
  execFileSync('bash', [GENERATOR, b, 'debug']);
  assert.match(readFileSync(join(b, 'sw.js'), 'utf8'), /"files": null/);
});

test('after the first load the app starts, shows its accounts, draws the matrix and writes XLSX with the server gone', async () => {
  const server = await startServer();
  const context = await offlineCapableContext();
  try {
    const { page, problems } = await openPage(browser, server.origin, { context });
    await seedStorage(page, { 'kam.workspace': workspaceFile(accounts()) });
    const { scope, caches } = await offlineReady(page);
    assert.equal(scope, `${server.origin}/kam/`);
    const name = `kam-workbench:${scope}:${version(dist)}`;
    assert.deepEqual(caches, [name]);
    // Every file of the build, found generically (the on-demand modules included), and
    // the page's own address.
    // Team sync's module (only a shared workspace needs it) is kept apart: cached the
    // first time it is fetched, not at install.
    const all = buildFiles(dist);
    const onFirstUse = all.filter((f) => f.startsWith('sync/'));
    assert.ok(onFirstUse.includes('sync/worker.js'), 'the build has a sync module');
    const cached = (await cachedUrls(page, name)).sort();
    const expected = [scope, ...all.filter((f) => !f.startsWith('sync/')).map((f) => scope + f)].sort();
    assert.deepEqual(cached, expected);
    assert.ok(cached.includes(`${scope}tools/kam_tools_bg.wasm`));
    const syncWorker = `${scope}sync/worker.js`;
    // The worker serves the loads after the one that installed it.
    await page.reload();
    await page.waitForSelector('.app-header');
    assert.ok(await page.evaluate(async (url) => { const r = await fetch(url); return r.ok && (await r.text()).length > 0; }, syncWorker));
    // The worker stores the file before answering, so it is in the cache by now.
    assert.ok((await cachedUrls(page, name)).includes(syncWorker), 'fetched once, the sync module is cached');

    // The matrix was never opened online: its tools module can only come from the cache.
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.app-header');
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the worker');
    await page.waitForSelector('text=Alpha Motors');
    await page.evaluate(() => {
      location.hash = '#/matrix';
    });
    await page.waitForSelector('[data-testid=matrix] svg');
    assert.match(await page.innerHTML('[data-testid=matrix] .chart-svg'), /Alpha Motors/);

    // The sheets module runs in a worker: it too starts from the cache.
    await page.evaluate(() => {
      location.hash = '#/ranking';
    });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    const path = join(mkdtempSync(join(tmpdir(), 'kam-offline-')), 'ranking.xlsx');
    await xlsx.saveAs(path);
    assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK');

    // The sync module, fetched once online, comes from the cache too.
    assert.ok(await page.evaluate(async (url) => { const r = await fetch(url); return r.ok && (await r.text()).length > 0; }, syncWorker));

    assert.deepEqual(failed, [], 'nothing was asked of the network');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

// Every view lives at a `#/…` address, and browsers hand the service worker the request
// URL with its fragment: each address must open from the cache with the server gone, by
// reload and in a new tab (as typed, bookmarked or shared), at the root and under a
// sub-path, with or without a query. `fromServiceWorker()` proves the worker answered,
// not the browser's HTTP cache.
const ADDRESSES = [
  ['#/accounts/1', 'h1[data-testid=account-title]', 'Alpha Motors'],
  ['#/accounts/1/plan/profile', 'h1[data-testid=plan-title]', 'Account plan: Alpha Motors'],
  ['#/matrix', 'h1', 'Attractiveness × feasibility matrix'],
  ['#/ranking', 'h1', 'Ranking & tiers'],
  ['#/import', 'h1', 'Import accounts from a spreadsheet'],
  ['?source=mail#/accounts/2', 'h1[data-testid=account-title]', 'Beta Bank'],
  ['index.html?x=1#/matrix', 'h1', 'Attractiveness × feasibility matrix'],
  // Every other page, each loaded in parts never fetched online (the cache has them all).
  ['#/accounts/new', 'h1', 'New account'],
  ['#/model', 'h1', 'Scoring model'],
  ['#/pyramid', 'h1', 'Customer pyramid'],
  ['#/workspaces', 'h1', 'Workspaces'],
  ['#/actions', 'h1', 'Overdue actions'],
  ['#/merge', 'h1', 'Merge a workspace file'],
  ['#/contacts', 'h1', 'Contacts due'],
  ['#/inquiries', 'h1', 'Inbound inquiries'],
  ['#/review', 'h1', 'Annual review'],
  ['#/portfolio', 'h1', 'Key-account categories and list plan'],
  ['#/accounts/1/plan/print', 'h1[data-testid=print-title]', 'Account plan: Alpha Motors'],
];

for (const base of ['/kam/', '/']) {
  test(`offline, every address under ${base} opens from the cache, by reload and in a new tab`, async () => {
    const server = await startServer();
    const context = await offlineCapableContext();
    try {
      const { page, problems } = await openPage(browser, server.origin, { context, path: base });
      await seedStorage(page, { 'kam.workspace': workspaceFile(accounts()) });
      await offlineReady(page);
      await server.stop();
      await context.setOffline(true);

      const opened = async (p, response, [address, selector, heading]) => {
        assert.ok(response, `${address}: a response`);
        assert.ok(response.fromServiceWorker(), `${address}: answered by the service worker`);
        assert.equal(response.status(), 200, address);
        await p.waitForSelector('.app-header');
        assert.equal((await p.textContent(selector, { timeout: 10000 }))?.trim(), heading, address);
      };
      for (const entry of ADDRESSES) {
        const url = `${server.origin}${base}${entry[0]}`;
        // Reload at the address: the page was already at it.
        await page.goto(url);
        await opened(page, await page.reload(), entry);
        // A new tab opened at it, as a bookmark or a shared link does.
        const tab = await context.newPage();
        const tabProblems = [];
        tab.on('pageerror', (err) => tabProblems.push(err.message));
        tab.on('console', (msg) => msg.type() === 'error' && tabProblems.push(msg.text()));
        await opened(tab, await tab.goto(url), entry);
        assert.deepEqual(tabProblems, [], entry[0]);
        await tab.close();
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });
}

/**
 * A copy of the build served on its own, and a page of it on a returning visit: the
 * worker has cached the build, and the page was reloaded so that the worker runs it.
 * (The first visit's page is not controlled by the worker: it loaded from the network
 * before the worker.)
 */
async function returningVisit() {
  const build = mkdtempSync(join(tmpdir(), 'kam-build-'));
  cpSync(dist, build, { recursive: true });
  const server = await startServer(build);
  const context = await offlineCapableContext();
  const opened = await openPage(browser, server.origin, { context });
  await seedStorage(opened.page, { 'kam.workspace': workspaceFile(accounts()) });
  const { scope } = await offlineReady(opened.page);
  await opened.page.reload();
  await opened.page.waitForSelector('.app-header');
  return { build, server, context, opened, scope };
}

/** Copies another build over the served one: a new page (`meta[name=build]`) and its worker. */
function deployAnotherBuild(build) {
  const indexHtml = join(build, 'index.html');
  writeFileSync(indexHtml, readFileSync(indexHtml, 'utf8').replace('</head>', '<meta name="build" content="another">\n</head>'));
  execFileSync('bash', [GENERATOR, build, 'release']);
}

test('a new build takes over once the old pages are closed, and an open old page keeps its own files', async () => {
  const { build, server, context, opened: old, scope } = await returningVisit();
  try {
    assert.ok(await old.page.evaluate(() => navigator.serviceWorker.controller !== null));
    const oldCache = `kam-workbench:${scope}:${version(build)}`;
    const oldTools = readFileSync(join(build, 'tools', 'kam_tools.js'), 'utf8');

    // Deploy another build over the served files: a new page, and a new tools module under
    // the same name.
    appendFileSync(join(build, 'tools', 'kam_tools.js'), '\n// another build\n');
    deployAnotherBuild(build);
    const newCache = `kam-workbench:${scope}:${version(build)}`;
    assert.notEqual(newCache, oldCache);

    // The next load of the open tab still runs the old build (the old worker answers it),
    // finds the new one, whose worker fills its own cache and waits.
    await old.page.reload();
    await old.page.waitForSelector('.app-header');
    assert.equal(await old.page.locator('meta[name=build]').count(), 0, 'the old page, not the new one');
    await until(old.page, async () => (await navigator.serviceWorker.getRegistration()).waiting !== null, 'the new build to install');
    assert.deepEqual((await old.page.evaluate(() => caches.keys())).sort(), [newCache, oldCache].sort());
    // Its charts use the old tools module, which matches its app.
    assert.equal(await old.page.evaluate(() => fetch('tools/kam_tools.js').then((r) => r.text())), oldTools);
    await old.page.evaluate(() => {
      location.hash = '#/matrix';
    });
    await old.page.waitForSelector('[data-testid=matrix] svg');
    assert.deepEqual(old.problems, []);

    // Every old page closed: the next load gets the new build, and the old cache is gone.
    await old.page.close();
    let names = [];
    let fresh;
    for (let i = 0; i < 50; i++) {
      fresh = await openPage(browser, server.origin, { context });
      names = await fresh.page.evaluate(() => caches.keys());
      if (names.length === 1) break;
      await fresh.page.close();
    }
    assert.deepEqual(names, [newCache]);
    assert.equal(await fresh.page.locator('meta[name=build]').count(), 1, 'the new page');
    assert.match(await fresh.page.evaluate(() => fetch('tools/kam_tools.js').then((r) => r.text())), /another build/);
    assert.deepEqual(fresh.problems, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('copies of the app at / and at /kam/ keep their own caches', async () => {
  const server = await startServer();
  try {
    for (const order of [['/', '/kam/'], ['/kam/', '/']]) {
      const context = await offlineCapableContext();
      const names = [];
      for (const path of order) {
        const { page, problems } = await openPage(browser, server.origin, { context, path });
        const ready = await offlineReady(page);
        names.push(`kam-workbench:${ready.scope}:${version(dist)}`);
        // The second copy's worker has activated, which removes old caches of its own scope only.
        assert.deepEqual(ready.caches.sort(), [...names].sort());
        assert.deepEqual(problems, []);
        await page.close();
      }
      await context.close();
    }
  } finally {
    await server.stop();
  }
});

test('a new build on the server: open tabs say a new version is ready; reloading writes the edits first, and every open tab moves to the new build', async () => {
  const { build, server, context, opened: first } = await returningVisit();
  try {
    const second = await openPage(browser, server.origin, { context });
    for (const tab of [first, second]) {
      assert.ok(await tab.page.evaluate(() => navigator.serviceWorker.controller !== null), 'a returning visit, run by the offline cache');
      assert.equal(await tab.page.locator('[data-testid=update-ready]').count(), 0, 'no update yet');
    }

    // Another build is copied to the server while both tabs are open.
    deployAnotherBuild(build);

    // The tab comes back into view: it looks for a new build and says one is ready.
    await first.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    for (const tab of [first, second]) {
      await tab.page.waitForSelector('[data-testid=update-ready]', { timeout: 20000 });
    }
    assert.match(await first.page.textContent('[data-testid=update-ready]'), /A new version of the workbench is ready\. Reload to use it/);

    // An edit, then at once "reload": the edit is written before the new build opens.
    await first.page.goto(`${server.origin}${SUB_PATH}#/accounts/1`);
    await first.page.waitForSelector('[data-testid=tier-section]');
    await first.page.fill('[data-field=name]', 'Alpha Motors Group');
    await Promise.all([first.page.waitForEvent('load'), first.page.click('[data-testid=update-reload]')]);
    await first.page.waitForSelector('[data-testid=account-title]');
    assert.equal(await first.page.locator('meta[name=build]').count(), 1, 'the new build');
    assert.equal(await first.page.textContent('[data-testid=account-title]'), 'Alpha Motors Group');
    assert.equal(await first.page.locator('[data-testid=update-ready]').count(), 0);

    // The other tab of the old build reloaded itself into the new one.
    await second.page.waitForSelector('meta[name=build]', { state: 'attached', timeout: 20000 });
    await second.page.waitForSelector('[data-testid=accounts-table] >> text=Alpha Motors Group');
    assert.deepEqual(first.problems, []);
    assert.deepEqual(second.problems, []);
  } finally {
    await context.close();
    await server.stop();
  }
});
