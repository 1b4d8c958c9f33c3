// A panic is never a dead page: wherever it happens (the app, a page's chunk, the tools
// module, the sheets module's worker), the page shows an error screen in the user's
// language with the user's data to download and a reload. Run against the test build
// with the `fault-hooks` feature (scripts/build-faults.sh, target/dist-faults), whose
// `window.kamFault(where)` panics there; the release build must not have it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, openPage, seedStorage, workspaceFile, scoredAccount, readText, unpackStored, SUB_PATH, dist } from './harness.mjs';

const faultsDist = process.env.KAM_FAULTS_DIST ?? join(resolve(import.meta.dirname, '..', '..'), 'target', 'dist-faults');
const app = { server: null, release: null, browser: null };
before(async () => {
  app.server = await startServer(faultsDist);
  app.release = await startServer(dist);
  app.browser = await launchBrowser();
});
after(async () => {
  await app.browser?.close();
  app.server?.stop();
  app.release?.stop();
});

/** Opens the test build with two saved accounts. */
async function crashAt(locale) {
  const opened = await openPage(app.browser, app.server.origin, { locale });
  const { page } = opened;
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha <b>Saved</b>', 7, 6), scoredAccount(2, 'Beta', 4, 4)]) });
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  return opened;
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=crash-download]')]);
  return { name: file.suggestedFilename(), data: JSON.parse(readText(await file.path())) };
}

for (const [place, expected] of [
  ['app', /a test fault in the app/],
  ['page', /a test fault in a page's chunk/],
  ['tools', /a test fault in the tools module/],
  ['sheets', /a test fault in the sheets module/],
]) {
  test(`a panic in the ${place} shows the error screen with the data on screen to download, and saves nothing after it`, async () => {
    const { page, context } = await crashAt('en-US');
    await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/2`);
    await page.waitForSelector('[data-testid=tier-section]');
    const before = await page.evaluate(() => localStorage.getItem('kam.workspace'));
    // An edit the panic comes right after: on screen, not saved yet.
    await page.fill('[data-field=name]', 'Beta Edited');
    await page.evaluate((place) => {
      try {
        window.kamFault(place);
      } catch {
        // A panic in the app stops it with an error thrown back to this call.
      }
    }, place);
    await page.waitForSelector('[data-testid=crash-screen]', { timeout: 20000 });
    assert.equal(await page.textContent('h1'), 'Something went wrong');
    assert.match(await page.textContent('[data-testid=crash-details]'), expected);
    await page.waitForSelector('[data-testid=crash-data-note]:has-text("as it was on screen")');
    const file = await download(page);
    assert.match(file.name, /^kam-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(file.data.format, 'kam-workbench/workspace');
    assert.deepEqual(file.data.workspace.accounts.map((a) => a.name), ['Alpha <b>Saved</b>', 'Beta Edited']);
    assert.equal(await page.locator('[data-testid=crash-screen] b').count(), 0, 'names are text');
    // Nothing is saved after the panic, not even when the page is hidden or left.
    await page.waitForTimeout(600);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    assert.equal(await page.evaluate(() => localStorage.getItem('kam.workspace')), before);
    // Reload: the app starts again on the same page, with the last good save.
    await page.click('[data-testid=crash-reload]');
    await page.waitForSelector('[data-testid=account-title]');
    assert.equal(await page.textContent('[data-testid=account-title]'), 'Beta');
    await context.close();
  });
}

test('in Chinese the error screen speaks Chinese; with the state unreadable, the last save is offered', async () => {
  const { page, context } = await crashAt('zh-CN');
  // A panic in the middle of a change leaves the workspace unreadable: the last save is
  // what is offered.
  await page.evaluate(() => {
    try {
      window.kamFault('change');
    } catch {
      // the panic
    }
  });
  await page.waitForSelector('[data-testid=crash-screen]');
  assert.equal(await page.textContent('h1'), '出现错误');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.waitForSelector('[data-testid=crash-data-note]:has-text("最后保存的数据")');
  const stored = JSON.parse(unpackStored(await page.evaluate(() => localStorage.getItem('kam.workspace'))));
  const file = await download(page);
  assert.deepEqual(file.data.workspace.accounts.map((a) => a.name), stored.workspace.accounts.map((a) => a.name));
  await context.close();
});

test('the release build has no test hook', async () => {
  const { page, context, problems } = await openPage(app.browser, app.release.origin);
  assert.equal(await page.evaluate(() => typeof window.kamFault), 'undefined');
  assert.equal(await page.evaluate(() => typeof window.kamCrash), 'function', 'the on-demand modules can report a panic');
  assert.deepEqual(problems, []);
  await context.close();
});
