// Nothing lost, nothing run: hostile text, unreadable or newer stored data, full or
// blocked storage, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, unpackStored, SUB_PATH, FORMAT, VERSION } from './harness.mjs';

const app = useApp({ before, after });

const HOSTILE = '<img src=x onerror=alert(1)>';

test('a hostile account name is shown as text everywhere and runs nothing', async () => {
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin);
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', HOSTILE);
  await page.fill('[data-field=segment]', '<b>seg</b>');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=account-title]'), HOSTILE);
  for (const [c, v] of [[1, 6], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6], [7, 6], [8, 6]]) {
    await page.fill(`tr[data-criterion="${c}"] [data-testid=score-input]`, String(v));
  }
  await page.click('[data-testid=delete-account]');
  assert.match(await page.textContent('.danger-zone [role=alert]'), /Delete “<img src=x onerror=alert\(1\)>”\?/);
  await page.click('.danger-zone >> text=Cancel');

  await page.click('nav >> text=Accounts');
  assert.equal(await page.textContent('[data-testid=accounts-table] .account-link'), HOSTILE);
  await page.selectOption('[data-testid=filter-segment]', '<b>seg</b>');
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), 1);
  await page.click('nav >> text=Ranking & tiers');
  assert.match(await page.textContent('[data-testid=ranking-table]'), /<img src=x onerror=alert\(1\)>/);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('main img, main b').count(), 0, 'no element was created from the text');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('unreadable stored data is kept aside, announced, downloadable and not overwritten', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const corrupt = '{"format":"kam-workbench/workspace","version":1,"workspace":{"accounts":[{"id":1,"name":"Lost Co"'; // cut off
  await seedStorage(page, { 'kam.workspace': corrupt });
  const banner = await page.textContent('[data-testid=unreadable-notice]');
  assert.match(banner, /The data saved in this browser could not be read: not valid JSON/);
  assert.match(banner, /kam\.workspace\.unreadable\.\d+/);
  // Nothing of this page is stored yet: the header does not claim "Saved".
  assert.equal(await page.textContent('[data-testid=save-status]'), 'Nothing saved yet');
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('[data-testid=save-status]'), 'Nothing saved yet');
  const stored = await page.evaluate(() => {
    const copies = Object.keys(localStorage).filter((k) => k.startsWith('kam.workspace.unreadable.'));
    return { main: localStorage.getItem('kam.workspace'), copies: copies.map((k) => localStorage.getItem(k)) };
  });
  assert.equal(stored.main, corrupt, 'opening the page does not replace the unreadable data');
  assert.deepEqual(stored.copies, [corrupt]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-unreadable]')]);
  assert.equal(readText(await download.path()), corrupt);

  // Working on: the new data is saved, and the unreadable copy is still there.
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', 'Fresh Start Ltd');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  await page.waitForSelector('[data-testid=save-status]:has-text("Saved")');
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kam.workspace.unreadable.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(after, [corrupt]);
  assert.deepEqual(problems, []);
});

test('data from a newer version is refused with the reason and left untouched', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  const newer = JSON.stringify({ format: FORMAT, version: 99, workspace: { accounts: [], future_field: true } });
  await seedStorage(page, { 'kam.workspace': newer });
  const banner = await page.textContent('[data-testid=unreadable-notice]');
  assert.match(banner, new RegExp(`无法读取本浏览器中保存的数据：它来自更新的版本（格式版本 99），本版本最高只能读取格式版本 ${VERSION}`));
  assert.equal(await page.evaluate(() => localStorage.getItem('kam.workspace')), newer);
  assert.deepEqual(problems, []);
});

test('when storage is full the user is warned, keeps working and can still export; once freed, saving resumes by itself', async () => {
  const context = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(() => {
    window.storageFull = true;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'kam.workspace' && window.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', 'Kept In Memory Co');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  await page.waitForSelector('[data-testid=save-problem]');
  assert.equal(await page.textContent('[data-testid=save-status]'), 'Not saved');
  assert.match(await page.textContent('[data-testid=save-problem]'), /Not saved: the browser's storage is full\. Your data is still here; export the workspace file now\./);
  await page.click('nav >> text=Accounts');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /Kept In Memory Co/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  const file = JSON.parse(readText(await download.path()));
  assert.equal(file.format, FORMAT);
  assert.equal(file.workspace.accounts[0].name, 'Kept In Memory Co');

  // Typed while storage is still full, then space is freed: nothing to click.
  await page.click('text=Kept In Memory Co');
  await page.waitForSelector('[data-testid=tier-section]');
  await page.fill('tr[data-criterion="1"] [data-testid=score-input]', '9');
  await page.waitForTimeout(500);
  assert.equal(await page.textContent('[data-testid=save-status]'), 'Not saved');
  await page.evaluate(() => { window.storageFull = false; });
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent === 'Saved', null, { timeout: 10000 });
  assert.equal(await page.locator('[data-testid=save-problem]').count(), 0, 'the warning cleared');
  const stored = JSON.parse(unpackStored(await page.evaluate(() => localStorage.getItem('kam.workspace'))));
  assert.equal(stored.workspace.accounts[0].name, 'Kept In Memory Co');
  assert.equal(stored.workspace.accounts[0].scores['1'].value, 9, 'the score typed while storage was full');
  assert.deepEqual(problems, []);
  await context.close();
});

test('when storage is blocked the app still works and says nothing is saved', async () => {
  const context = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  assert.match(await page.textContent('[data-testid=save-problem]'), /blocks local storage/);
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', 'Still Usable');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Still Usable');
  assert.match(await page.textContent('[data-testid=save-problem]'), /blocks local storage/, 'still said after an edit');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  const file = JSON.parse(readText(await download.path()));
  assert.equal(file.workspace.accounts[0].name, 'Still Usable');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second tab sees changes made in the first', async () => {
  const first = await openPage(app.browser, app.server.origin);
  await seedStorage(first.page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  const second = await openPage(app.browser, app.server.origin, { context: first.context });
  assert.match(await second.page.textContent('[data-testid=accounts-table]'), /Alpha/);

  await first.page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await first.page.waitForSelector('[data-testid=tier-section]');
  await first.page.fill('[data-field=name]', 'Alpha Renamed');
  await second.page.waitForSelector('[data-testid=accounts-table] >> text=Alpha Renamed');
  assert.match(await second.page.textContent('.notices'), /Another tab changed the data/);

  // And the other way round, without a ping-pong of saves.
  await second.page.click('text=Alpha Renamed');
  await second.page.waitForSelector('[data-testid=tier-section]');
  await second.page.fill('tr[data-criterion="1"] [data-testid=score-input]', '10');
  await first.page.waitForFunction(() => document.querySelector('tr[data-criterion="1"] [data-testid=score-input]').value === '10');
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
});

test('deleting an account asks first and can be undone', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6), scoredAccount(2, 'Beta', 4, 4)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/2`);
  await page.click('[data-testid=delete-account]');
  await page.click('[data-testid=confirm-delete]');
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.doesNotMatch(await page.textContent('[data-testid=accounts-table]'), /Beta/);
  assert.match(await page.textContent('.notices'), /Deleted “Beta”/);
  await page.click('[data-testid=undo-delete]');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /Beta/);
  await page.reload();
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /Beta/);
  assert.deepEqual(problems, []);
});

test('an edit made just before the page is closed or reloaded is not lost', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
  await page.fill('[data-field=phone]', '021-5555 0101');
  await page.reload(); // at once, before the gathered write would have run
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.inputValue('[data-field=phone]'), '021-5555 0101');
  assert.deepEqual(problems, []);
});
