// Nothing lost, nothing run: hostile text, unreadable or newer stored data, full or
// blocked storage, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, unpackStored, SUB_PATH, FORMAT, VERSION, expectNotice } from './harness.mjs';

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
  await expectNotice(second.page, /Another tab changed the data/);

  // And the other way round, without a ping-pong of saves.
  await second.page.click('text=Alpha Renamed');
  await second.page.waitForSelector('[data-testid=tier-section]');
  await second.page.fill('tr[data-criterion="1"] [data-testid=score-input]', '10');
  await first.page.waitForFunction(() => document.querySelector('tr[data-criterion="1"] [data-testid=score-input]').value === '10');
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
});

// Two versions of one workspace: the one stored at the start, and another tab's save of
// it (the other tab renamed Beta). Numbered, so the merge page matches them by number.
const BEFORE = () => [scoredAccount(1, 'Alpha', 7, 6, { number: 'K-1' }), scoredAccount(2, 'Beta', 4, 4, { number: 'K-2' })];
const THEIRS = () => workspaceFile([scoredAccount(1, 'Alpha', 7, 6, { number: 'K-1' }), scoredAccount(2, 'Beta Theirs', 4, 4, { number: 'K-2' })]);

async function editAlpha(page) {
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
}

async function names(page) {
  const stored = await page.evaluate(() => localStorage.getItem('kam.workspace'));
  return JSON.parse(unpackStored(stored)).workspace.accounts.map((a) => a.name).sort();
}

test('two tabs editing at the same moment: both versions are kept and combined field by field', async () => {
  const mine = await openPage(app.browser, app.server.origin);
  await seedStorage(mine.page, { 'kam.workspace': workspaceFile(BEFORE()) });
  await editAlpha(mine.page);
  // Another tab of the same browser profile (any page of the origin shares its storage).
  const other = await mine.context.newPage();
  await other.goto(`${app.server.origin}${SUB_PATH}favicon.svg`);

  // This tab's edit is waiting to be written when the other tab's save arrives.
  await mine.page.fill('[data-field=name]', 'Alpha Mine');
  await other.evaluate((value) => localStorage.setItem('kam.workspace', value), THEIRS());
  await mine.page.waitForSelector('[data-testid=tab-conflict]');
  assert.match(await mine.page.textContent('[data-testid=tab-conflict]'), /Another tab saved this workspace while this tab had edits not yet saved/);
  assert.equal(await mine.page.textContent('[data-testid=save-status]'), 'Not saved');
  // Nothing was written over the other tab's save, not even after the save delay.
  await mine.page.waitForTimeout(800);
  assert.deepEqual(await names(other), ['Alpha', 'Beta Theirs']);
  // The workspace cannot be left with one version unsaved.
  await mine.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
  await mine.page.fill('[data-testid=new-workspace-form] input', 'Elsewhere');
  await mine.page.click('[data-testid=new-workspace]');
  await mine.page.waitForSelector('.notices >> text=first choose, at the top of the page, which to keep');
  assert.equal(await mine.page.locator('[data-testid=workspace-list] li').count(), 1, 'no workspace was created');

  // Side by side: this tab's name for Alpha against the other's, and the other's for Beta.
  await mine.page.click('[data-testid=tab-conflict-compare]');
  await mine.page.waitForSelector('[data-testid=merge-other-tab]');
  const alpha = mine.page.locator('[data-testid=merge-conflict][data-account="1"]');
  const beta = mine.page.locator('[data-testid=merge-conflict][data-account="2"]');
  assert.equal(await alpha.locator('tr[data-field=name] [data-testid=merge-mine]').textContent(), 'Alpha Mine');
  assert.equal(await alpha.locator('tr[data-field=name] [data-testid=merge-theirs]').textContent(), 'Alpha');
  assert.equal(await beta.locator('tr[data-field=name] [data-testid=merge-mine]').textContent(), 'Beta');
  assert.equal(await beta.locator('tr[data-field=name] [data-testid=merge-theirs]').textContent(), 'Beta Theirs');
  assert.match(await mine.page.textContent('.merge-table thead'), /This tab's.*Other tab's/s);
  await beta.locator('tr[data-field=name] [data-testid=take-theirs]').check();
  await mine.page.click('[data-testid=merge-apply]');
  await mine.page.waitForSelector('[data-testid=save-status].saved');
  assert.equal(await mine.page.locator('[data-testid=tab-conflict]').count(), 0);
  assert.deepEqual(await names(other), ['Alpha Mine', 'Beta Theirs'], 'both edits are kept');
  assert.deepEqual(mine.problems, []);
  await mine.context.close();
});

test('a save another tab made unseen is met, and the user keeps either version whole', async () => {
  // In Chinese: the notice is in the user's language.
  const mine = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await seedStorage(mine.page, { 'kam.workspace': workspaceFile(BEFORE()) });
  await editAlpha(mine.page);
  // Another tab wrote, and this tab has not heard of it yet when its own save is due
  // (a write of this very page raises no event here): the save finds it, writes nothing.
  await mine.page.fill('[data-field=name]', 'Alpha Mine');
  await mine.page.evaluate((value) => localStorage.setItem('kam.workspace', value), THEIRS());
  await mine.page.waitForSelector('[data-testid=tab-conflict]');
  assert.match(await mine.page.textContent('[data-testid=tab-conflict]'), /另一个标签页保存了这个工作区/);
  assert.deepEqual(await names(mine.page), ['Alpha', 'Beta Theirs']);
  // Take the other tab's version: this tab's unsaved edit is dropped, nothing is written.
  await mine.page.click('[data-testid=tab-conflict-take-theirs]');
  await mine.page.waitForFunction(() => document.querySelector('[data-field=name]').value === 'Alpha');
  await mine.page.waitForSelector('[data-testid=save-status].saved');
  await mine.page.goto(`${app.server.origin}${SUB_PATH}#/accounts`);
  assert.match(await mine.page.textContent('[data-testid=accounts-table]'), /Beta Theirs/);
  assert.deepEqual(await names(mine.page), ['Alpha', 'Beta Theirs']);

  // Both tabs wrote at the same moment: the other tab's save replaced this tab's last
  // save without having read it (its event names an old value this tab never had).
  await editAlpha(mine.page);
  await mine.page.fill('[data-field=name]', 'Alpha Mine');
  await mine.page.waitForSelector('[data-testid=save-status].saved');
  const overwritten = workspaceFile([scoredAccount(1, 'Alpha', 7, 6, { number: 'K-1' }), scoredAccount(2, 'Beta Again', 4, 4, { number: 'K-2' })]);
  await mine.page.evaluate(([value, old]) => {
    localStorage.setItem('kam.workspace', value);
    window.dispatchEvent(new StorageEvent('storage', { key: 'kam.workspace', oldValue: old, newValue: value, storageArea: localStorage }));
  }, [overwritten, THEIRS()]);
  await mine.page.waitForSelector('[data-testid=tab-conflict]');
  // Keep this tab's version: written over the other's.
  await mine.page.click('[data-testid=tab-conflict-keep-mine]');
  await mine.page.waitForSelector('[data-testid=save-status].saved');
  assert.equal(await mine.page.locator('[data-testid=tab-conflict]').count(), 0);
  assert.deepEqual(await names(mine.page), ['Alpha Mine', 'Beta Theirs']);
  assert.deepEqual(mine.problems, []);
  await mine.context.close();
});

test('deleting an account asks first and can be undone', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6), scoredAccount(2, 'Beta', 4, 4)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/2`);
  await page.click('[data-testid=delete-account]');
  await page.click('[data-testid=confirm-delete]');
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.doesNotMatch(await page.textContent('[data-testid=accounts-table]'), /Beta/);
  await expectNotice(page, /Deleted “Beta”/);
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
