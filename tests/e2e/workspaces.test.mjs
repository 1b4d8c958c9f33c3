// Named workspaces and the trainers' demo: first run, loading and resetting the demo
// without touching real data, and opening, renaming, duplicating and deleting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, storedWorkspace, SUB_PATH, expectTexts } from './harness.mjs';

const app = useApp({ before, after });
const rows = (page) => page.locator('[data-testid=accounts-table] tbody tr').count();

test('the first screen explains the method and starts the demo in its own workspace', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const intro = await page.textContent('[data-testid=first-run]');
  assert.match(intro, /Welcome to the key-account workbench/);
  for (const step of ['Accounts:', 'Scoring model:', 'Screening and scoring:', 'Ranking and tiers:', 'Matrix and pyramid:']) {
    assert.ok(intro.includes(step), step);
  }
  await page.click('[data-testid=start-demo]');
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.equal(await page.textContent('[data-testid=account-count]'), 'Showing 40 of 40 accounts');
  assert.match(await page.textContent('[data-testid=demo-banner]'), /all data is fictional/);
  assert.match(await page.textContent('[data-testid=workspace-link]'), /Workshop demo \(fictional data\)\s*Demo/);
  assert.match(await page.textContent('[data-testid=accounts-table]'), /\(demo\)/);

  // The demo exercises the method: every tier, an override, failed screening, charts.
  await page.click('nav >> text=Ranking & tiers');
  const ranking = await page.textContent('[data-testid=ranking-table]');
  for (const tier of ['Tier 1', 'Tier 2', 'Tier 3', 'Not pursued', 'Overridden', 'Failed screening']) {
    assert.ok(ranking.includes(tier), tier);
  }
  await page.click('nav >> text=Matrix');
  assert.match(await page.textContent('[data-testid=matrix-count]'), /^40 accounts on the matrix\./);
  await page.click('nav >> text=Pyramid');
  await page.waitForSelector('[data-testid=pyramid] svg');

  // Survives a reload; the real workspace is untouched and still empty.
  await page.reload();
  await page.waitForSelector('[data-testid=demo-banner]');
  await page.click('[data-testid=workspace-link]');
  await page.click('[data-workspace=main] [data-testid=open-workspace]');
  await page.waitForSelector('[data-testid=first-run]');
  assert.equal(await page.locator('[data-testid=demo-banner]').count(), 0);
  assert.match(await page.textContent('[data-testid=workspace-link]'), /^My accounts$/);
  assert.deepEqual(problems, []);
});

test('resetting the demo restores it and never touches a real workspace', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Real Customer Ltd', 7, 7)]) });
  await page.click('[data-testid=workspace-link]');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=demo-banner]');
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
  const original = await page.textContent('[data-testid=account-title]');
  await page.fill('[data-field=name]', 'Renamed in the workshop');
  await page.click('[data-testid=reset-demo]');
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=account-title]'), original);

  const stored = (await storedWorkspace(page)).workspace.accounts.map((a) => a.name);
  assert.deepEqual(stored, ['Real Customer Ltd']);
  await page.click('[data-testid=workspace-link]');
  await page.click('[data-workspace=main] [data-testid=open-workspace]');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /Real Customer Ltd/);
  assert.equal(await rows(page), 1);
  assert.deepEqual(problems, []);
});

test('a demo built in Chinese offers, after a switch to English, to be built again in English; its first account is tier 1 with the worked plan', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await page.click('[data-testid=start-demo]');
  await page.waitForSelector('[data-testid=demo-banner]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /（示例）/);
  assert.equal(await page.locator('[data-testid=demo-other-language]').count(), 0, 'nothing to offer in its own language');

  // Switched to English: the data stays as it is until the trainer says so.
  await page.click('[data-testid=language-switch]');
  await page.waitForSelector('html[lang=en]');
  const offer = page.locator('[data-testid=demo-other-language]');
  await offer.waitFor();
  assert.match(await offer.textContent(), /The demo data is in Chinese\. Build it again in English\? Changes made in the demo will be replaced\./);
  assert.match(await page.textContent('[data-testid=accounts-table]'), /（示例）/);
  // One click: the banner's reset button is the offer.
  assert.equal((await page.textContent('[data-testid=reset-demo]')).trim(), 'Rebuild the demo in English');
  await page.click('[data-testid=reset-demo]');
  await offer.waitFor({ state: 'detached' });
  assert.equal((await page.textContent('[data-testid=reset-demo]')).trim(), 'Reset the demo');
  await page.waitForFunction(() => document.querySelector('[data-testid=accounts-table]')?.textContent.includes('(demo)'));
  assert.doesNotMatch(await page.textContent('[data-testid=accounts-table]'), /示例/);
  assert.match(await page.textContent('[data-testid=workspace-link]'), /^Workshop demo \(fictional data\)\s*Demo$/);

  // The method at work: the first in the ranking is tier 1 and has the worked plan.
  await page.click('nav >> text=Ranking & tiers');
  const first = page.locator('[data-testid=ranking-table] tbody tr').first();
  await first.waitFor();
  assert.equal((await first.locator('td').first().textContent()).trim(), '1');
  assert.match(await first.textContent(), /Eastbay Motor Group Co\. \(demo\)/);
  assert.match(await first.locator('[data-col=tier]').textContent(), /Tier 1/);
  const id = await first.getAttribute('data-account-id');
  await page.click('nav >> text=Accounts');
  const plan = page.locator(`[data-testid=accounts-table] tr[data-account-id="${id}"] [data-plan-complete]`);
  await plan.waitFor();
  assert.ok(Number(await plan.getAttribute('data-plan-complete')) >= 90, await plan.textContent());

  // A reload keeps the English demo, with nothing to offer; back in Chinese, the offer is in Chinese.
  await page.reload();
  await page.waitForSelector('[data-testid=demo-banner]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /Eastbay Motor Group Co\. \(demo\)/);
  assert.equal(await page.locator('[data-testid=demo-other-language]').count(), 0);
  await page.click('[data-testid=language-switch]');
  await page.waitForSelector('html[lang=zh-CN]');
  assert.match(await offer.textContent(), /演示数据是英文的。要用中文重新生成吗？/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('workspaces can be created, opened, renamed, duplicated and deleted after confirmation', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Shanghai Account', 7, 7)]) });
  await page.click('[data-testid=workspace-link]');

  // A name is required.
  await page.click('[data-testid=new-workspace]');
  await page.waitForSelector('text=Give the workspace a name.');
  await page.fill('[data-field=new_workspace_name]', 'Team <b>B</b>');
  await page.click('[data-testid=new-workspace]');
  await page.waitForSelector('[data-testid=first-run]');
  assert.equal(await page.textContent('[data-testid=workspace-link]'), 'Team <b>B</b>');
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', 'Beijing Account');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  await page.reload();
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=workspace-link]'), 'Team <b>B</b>', 'the open workspace is remembered');

  await page.click('[data-testid=workspace-link]');
  await page.click('[data-workspace=main] [data-testid=open-workspace]');
  await expectTexts(page, '[data-testid=accounts-table] .account-link', ['Shanghai Account']);

  // Counts read correctly for one and for many, in both languages.
  await page.click('[data-testid=workspace-link]');
  const count = () => page.textContent('[data-workspace=main] [data-testid=workspace-count]');
  assert.equal(await count(), '1 account');
  await page.click('nav >> text=Accounts');
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', 'Second Account');
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  await page.click('[data-testid=workspace-link]');
  assert.equal(await count(), '2 accounts');
  await page.click('[data-testid=language-switch]');
  assert.equal(await count(), '2 个客户');
  await page.click('[data-testid=language-switch]');
  await page.click('nav >> text=Accounts');
  await page.click('.account-link:text("Second Account")');
  await page.click('[data-testid=delete-account]');
  await page.click('[data-testid=confirm-delete]');
  await page.waitForSelector('[data-testid=accounts-table]');

  await page.click('[data-testid=workspace-link]');
  await page.click('[data-workspace=main] [data-testid=rename-workspace]');
  await page.fill('[data-field=workspace_name]', 'Shanghai team');
  await page.click('[data-testid=rename-form] button[type=submit]');
  assert.match(await page.textContent('[data-workspace=main] .workspace-name'), /^Shanghai team$/);
  await page.click('[data-workspace=main] [data-testid=duplicate-workspace]');
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.equal(await page.textContent('[data-testid=workspace-link]'), 'Copy of Shanghai team');
  await expectTexts(page, '[data-testid=accounts-table] .account-link', ['Shanghai Account']);

  // Delete Team B: asks first, offers an export, then removes it and its data.
  await page.click('[data-testid=workspace-link]');
  const teamB = page.locator('.workspace-row', { hasText: 'Team <b>B</b>' });
  const key = `kam.ws.${await teamB.getAttribute('data-workspace')}`;
  assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, key));
  await teamB.locator('[data-testid=delete-workspace]').click();
  assert.match(await teamB.locator('[data-testid=delete-workspace-confirm]').textContent(), /Delete the workspace “Team <b>B<\/b>” and all its data\?/);
  const [file] = await Promise.all([page.waitForEvent('download'), teamB.getByRole('button', { name: 'Export it first' }).click()]);
  assert.equal(JSON.parse(readText(await file.path())).workspace.accounts[0].name, 'Beijing Account');
  await teamB.locator('[data-testid=confirm-delete-workspace]').click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.workspace-name')].some((e) => e.textContent.includes('Team')));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  assert.equal(await page.locator('main b').count(), 0, 'the name stayed text');
  // The open workspace offers no delete button.
  assert.equal(await page.locator('.workspace-row:has(.badge:text("Open now")) [data-testid=delete-workspace]').count(), 0);
  assert.deepEqual(problems, []);
});

test('a workspace deleted in another tab is never saved over another one', async () => {
  const first = await openPage(app.browser, app.server.origin);
  await seedStorage(first.page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Main Account', 7, 7)]) });
  await first.page.click('[data-testid=workspace-link]');
  await first.page.fill('[data-field=new_workspace_name]', 'Field team');
  await first.page.click('[data-testid=new-workspace]');
  await first.page.waitForSelector('[data-testid=first-run]');

  // The second tab opens the main workspace and deletes "Field team".
  const second = await openPage(app.browser, app.server.origin, { context: first.context });
  await second.page.click('[data-testid=workspace-link]');
  await second.page.click('[data-workspace=main] [data-testid=open-workspace]');
  await second.page.click('[data-testid=workspace-link]');
  const row = second.page.locator('.workspace-row', { hasText: 'Field team' });
  await row.locator('[data-testid=delete-workspace]').click();
  await row.locator('[data-testid=confirm-delete-workspace]').click();

  // The first tab is told, stops saving, and the main workspace stays as it was.
  await first.page.waitForSelector('[data-testid=workspace-deleted-elsewhere]');
  await first.page.click('[data-testid=add-account]');
  await first.page.fill('[data-field=name]', 'Typed after the deletion');
  await first.page.click('[data-testid=create-account]');
  await first.page.waitForSelector('[data-testid=tier-section]');
  await first.page.waitForTimeout(600);
  assert.equal(await first.page.textContent('[data-testid=save-status]'), 'Not saved');
  const main = (await storedWorkspace(first.page)).workspace.accounts.map((a) => a.name);
  assert.deepEqual(main, ['Main Account']);
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
});

test('a workspace operation that fails says why in the user\'s language', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN' });
  // New workspaces cannot be stored: the browser's storage is full for them.
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('kam.ws.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  await page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
  await page.fill('[data-field=new_workspace_name]', '华东团队');
  await page.click('[data-testid=new-workspace]');
  const notice = page.locator('.notices .notice.error');
  await notice.waitFor();
  assert.equal((await notice.locator('span').textContent()).trim(), '操作未完成：浏览器的存储空间已满');
  // Nothing half made: the list of workspaces is as it was.
  assert.equal(await page.locator('[data-workspace]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
