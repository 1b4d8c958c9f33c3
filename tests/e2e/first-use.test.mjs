// What a first-time user meets moving around the app: every new page opens at its top,
// going back returns to where the list was left, and the workspaces page has its own
// place in the navigation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

function register(n) {
  const accounts = [];
  for (let i = 1; i <= n; i++) accounts.push(scoredAccount(i, `客户 ${String(i).padStart(3, '0')}`, (i % 10) + 1, ((i * 3) % 10) + 1));
  return workspaceFile(accounts);
}

test('an account opened from halfway down the list opens at its top; back returns to the same place in the list', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US' });
  await page.setViewportSize({ width: 1200, height: 700 });
  await seedStorage(page, { 'kam.workspace': register(60) });
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  const link = page.locator('[data-testid=accounts-table] tbody tr').nth(40).locator('a.account-link');
  await link.scrollIntoViewIfNeeded();
  const listY = await page.evaluate(() => window.scrollY);
  assert.ok(listY > 300, `the list is scrolled (${listY})`);
  const name = await link.textContent();
  await link.click();
  await page.waitForSelector('[data-testid=account-title]');
  assert.equal(await page.textContent('[data-testid=account-title]'), name);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the account page starts at its top');
  const box = await page.locator('[data-testid=account-title]').boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 700, 'the name is on screen');

  await page.goBack();
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, listY);

  // Forward again: the account page as it was left (its top).
  await page.goForward();
  await page.waitForSelector('[data-testid=account-title]');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.scrollY), 0);

  // A link followed from the bottom of a long page opens the next page at its top too.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts`);
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click('nav.main-nav a[href="#/ranking"]');
  await page.waitForSelector('[data-testid=ranking-table] tbody tr');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the ranking starts at its top');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workspaces page has its own place in the navigation, in both languages', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  const nav = page.locator('nav.main-nav a[href="#/workspaces"]');
  assert.equal((await nav.textContent()).trim(), '工作区');
  await nav.click();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() === '工作区');
  assert.equal(await nav.getAttribute('aria-current'), 'page');
  await page.click('[data-testid=language-switch]');
  await page.waitForSelector('html[lang=en]');
  assert.equal((await nav.textContent()).trim(), 'Workspaces');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an empty matrix or pyramid offers the next step: the demo or a first account, then scoring the account that lacks scores', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US', path: `${SUB_PATH}#/matrix` });
  await page.waitForSelector('[data-testid=matrix-empty] [data-testid=next-step-demo]');
  assert.ok(await page.isVisible('[data-testid=matrix-empty] a[href="#/accounts/new"]'));
  await page.click('[data-testid=next-step-demo]');
  await page.waitForSelector('[data-testid=matrix] svg', { timeout: 30000 });

  const unscored = { id: 1, name: 'Harbour <b>Logistics</b>', scores: { 1: { value: 7, note: '' } } };
  await seedStorage(page, { 'kam.workspace': workspaceFile([unscored]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/pyramid`);
  await page.waitForSelector('[data-testid=pyramid-empty] [data-testid=next-step-score]');
  const link = page.locator('[data-testid=next-step-score]');
  assert.equal((await link.textContent()).trim(), 'Score Harbour <b>Logistics</b>');
  await link.click();
  await page.waitForSelector('[data-testid=account-title]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Harbour <b>Logistics</b>');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Chinese names and segments sort in pinyin order, as in Excel and WPS', async () => {
  const names = ['中信', '东方', '北方', '滨海', '云海', '临港'];
  const accounts = names.map((n, i) => ({ ...scoredAccount(i + 1, n, 5, 5), segment: ['物流', '汽车', '电力'][i % 3] }));
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  const shown = async () => (await page.locator('[data-testid=accounts-table] a.account-link').allTextContents()).map((t) => t.trim());
  // běi, bīn, dōng, lín, yún, zhōng
  assert.deepEqual(await shown(), ['北方', '滨海', '东方', '临港', '云海', '中信']);
  const segments = (await page.locator('[data-testid=filter-segment] option').allTextContents()).slice(1);
  assert.deepEqual(segments, ['电力', '汽车', '物流']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the skip link moves focus to the page content and stays on the page', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US', path: `${SUB_PATH}#/model` });
  await page.waitForSelector('main h1');
  const heading = await page.textContent('main h1');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'skip-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.ok(page.url().endsWith('#/model'), page.url());
  assert.equal(await page.textContent('main h1'), heading);
  assert.deepEqual(problems, []);
  await context.close();
});
