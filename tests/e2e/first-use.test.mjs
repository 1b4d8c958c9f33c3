// What a first-time user meets moving around the app: every new page opens at its top,
// going back returns to where the list was left, and the workspaces page has its own
// place in the navigation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, SUB_PATH } from './harness.mjs';
import { resolve } from 'node:path';

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

test('a long list keeps its pinyin order from one visit to the next, and a name changed meanwhile takes its new place', async () => {
  // 1,200 accounts: long lists have their order remembered between visits.
  const syllables = '中东北滨云临海港山河江湖天明华新光';
  const names = [];
  for (let i = 0; i < 1200; i++) names.push(`${syllables[(i * 7) % 17]}${syllables[(i * 11) % 17]}${syllables[(i * 5) % 17]} ${1200 - i}`);
  const accounts = names.map((n, i) => scoredAccount(i + 1, n, 5, 5));
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await page.setViewportSize({ width: 1200, height: 800 });
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  const firstRows = async () => (await page.locator('[data-testid=accounts-table] a.account-link').allTextContents()).slice(0, 12).map((t) => t.trim());
  const expected = (list) => page.evaluate((list) => {
    const collator = new Intl.Collator('zh-CN');
    return [...list].sort((a, b) => collator.compare(a, b)).slice(0, 12);
  }, list);
  assert.deepEqual(await firstRows(), await expected(names));
  await page.waitForFunction(() => localStorage.getItem('kam.collation.name') !== null);

  await page.reload();
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  assert.deepEqual(await firstRows(), await expected(names), 'the same order after a reload');

  // Another tab (or an import) renames an account: the remembered order is not used.
  const renamed = [...names];
  renamed[700] = '阿里 1';
  await page.evaluate((text) => localStorage.setItem('kam.workspace', text), workspaceFile(renamed.map((n, i) => scoredAccount(i + 1, n, 5, 5))));
  await page.reload();
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  const shown = await firstRows();
  assert.equal(shown[0], '阿里 1', 'ā sorts first');
  assert.deepEqual(shown, await expected(renamed));
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

test('the ranking lists an account that failed screening after the ranked ones, shows the combined score, and flags a plan the workspace cannot meet', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US' });
  const accounts = [
    scoredAccount(1, 'Alpha Screened', 10, 10, { screening: { profitable: 'no' } }),
    scoredAccount(2, 'Bravo Motors', 8, 8),
    scoredAccount(3, 'Charlie Parts', 6, 4),
  ];
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/ranking`);
  await page.waitForSelector('[data-testid=ranking-table] tbody tr');
  const rows = await page.$$eval('[data-testid=ranking-table] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent.trim())));
  assert.deepEqual(rows.map((r) => r[1]), ['Bravo Motors', 'Charlie Parts', 'Alpha Screened']);
  assert.deepEqual(rows.map((r) => r[0]), ['1', '2', '—'], 'the screened-out account has no rank');
  assert.deepEqual(rows.map((r) => r[4]), ['16.0', '10.0', '20.0'], 'the combined score');
  assert.match(await page.textContent('[data-testid=ranking-table] tbody tr:nth-child(3)'), /Failed screening: not profitable/);

  // Planned 10/25/15 for 3 accounts with a tier: flagged, and scaled in one click.
  const misfit = await page.textContent('[data-testid=planned-misfit]');
  assert.match(misfit, /50 accounts in tiers 1 to 3, more than the 3 accounts with a tier/);
  await page.click('[data-testid=planned-scale]');
  await page.waitForSelector('[data-testid=planned-misfit]', { state: 'detached' });
  for (const tier of ['tier1', 'tier2', 'tier3']) {
    assert.equal(await page.inputValue(`input[data-planned=${tier}]`), '1');
  }
  // Tier 2 is planned but empty; "not pursued" was planned as the rest (0) and holds one.
  assert.equal(await page.textContent('tr[data-tier=tier2] [data-testid=tier-filling]'), '1 under plan');
  assert.equal(await page.textContent('tr[data-tier=not_pursued] [data-testid=tier-filling]'), '1 over plan');
  assert.equal(await page.textContent('tr[data-tier=tier1] [data-testid=tier-filling]'), '');
  assert.match(await page.textContent('[data-testid=planned-rest-hint]'), /is planned as the rest/);

  // The plan is kept.
  await page.waitForSelector('[data-testid=save-status].saved');
  await page.reload();
  await page.waitForSelector('input[data-planned=tier2]');
  assert.equal(await page.inputValue('input[data-planned=tier2]'), '1');
  assert.deepEqual(problems, []);
});

test('a refused model says why beside the Apply button, with both totals on screen', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US' });
  await page.setViewportSize({ width: 1200, height: 700 });
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/model`);
  await page.waitForSelector('[data-testid=apply-model]');
  const onScreen = async (selector) => {
    const box = await page.locator(selector).boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= 700;
  };
  // The feasibility axis to 80%: 30 → 10 on its first criterion, typed where it sits.
  await page.fill('[data-axis=feasibility] tr[data-criterion="5"] [data-field=weight]', '10');
  assert.equal(await page.textContent('[data-testid=bar-total][data-axis=feasibility]'), 'Feasibility: 80%');
  assert.match(await page.getAttribute('[data-testid=bar-total][data-axis=feasibility]', 'class'), /bad/);
  assert.match(await page.getAttribute('[data-testid=bar-total][data-axis=attractiveness]', 'class'), /ok/);

  // Scrolled to the top of the page, Apply is still at hand, and so is the reason.
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await onScreen('[data-testid=apply-model]'), 'Apply is on screen');
  await page.click('[data-testid=apply-model]');
  await page.waitForSelector('[data-testid=model-refused]');
  assert.ok(await onScreen('[data-testid=model-refused]'), 'the reason is on screen');
  assert.ok(await onScreen('[data-testid=bar-total][data-axis=feasibility]'), 'the total is on screen');
  assert.match(await page.textContent('[data-testid=model-refused]'), /total 80%, not 100%/);

  // In Chinese the totals read with a full-width colon.
  await page.click('[data-testid=language-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.textContent('[data-testid=bar-total][data-axis=feasibility]'), '可行性：80%');
  assert.deepEqual(problems, []);
});

test('a language switch leaves the threshold field being edited as it was, caret included', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US' });
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/model`);
  const field = 'input[data-threshold=attractiveness]';
  await page.waitForSelector(field);
  await page.click(field);
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  const state = () => page.evaluate((field) => {
    const input = document.querySelector(field);
    return { value: input.value, caret: input.selectionStart, same: input === window.kamField };
  }, field);
  await page.evaluate((field) => { window.kamField = document.querySelector(field); }, field);
  assert.deepEqual(await state(), { value: '5.0', caret: 3, same: true });
  await page.click('[data-testid=language-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.deepEqual(await state(), { value: '5.0', caret: 3, same: true });
  // Typing on where the caret was.
  await page.focus(field);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('5');
  assert.equal(await page.inputValue(field), '5.5');
  assert.deepEqual(problems, []);
});

test('a stored model whose weights total 90% is not put in force: it waits as the draft, and the user is told', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US' });
  const file = readText(resolve(import.meta.dirname, '..', 'fixtures', 'workspace-model-90.json'));
  await seedStorage(page, { 'kam.workspace': file });
  await page.waitForSelector('[data-testid=model-drafted]');
  assert.match(await page.textContent('[data-testid=model-drafted]'), /scoring model breaks the rules.*kept as the draft/);
  await page.click('.notice >> text=Open the scoring model');
  await page.waitForSelector('[data-testid=apply-model]');
  assert.match(await page.textContent('[data-testid=draft-state]'), /not yet applied/);
  assert.equal(await page.textContent('[data-testid=bar-total][data-axis=attractiveness]'), 'Attractiveness: 90%');
  // The account is scored with the default model meanwhile: 40% on the first criterion.
  await page.click('nav >> text=Accounts');
  await page.click('[data-testid=accounts-table] a.account-link');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('tr[data-criterion="1"] td.num'), '40%');
  assert.deepEqual(problems, []);
});

test('at 390 px no page is wider than the screen, in either language', async () => {
  const sections = ['summary', 'profile', 'analysis', 'people', 'competitors', 'position', 'six-steps', 'strategy', 'actions', 'revenue', 'print'];
  const routes = ['#/accounts', '#/accounts/new', '#/accounts/1', '#/model', '#/ranking', '#/matrix', '#/pyramid', '#/workspaces', '#/import', '#/merge', '#/actions', ...sections.map((s) => `#/accounts/1/plan/${s}`)];
  for (const locale of ['zh-CN', 'en-US']) {
    const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('[data-testid=start-demo]');
    await page.waitForSelector('[data-testid=demo-banner]');
    const wide = [];
    for (const route of routes) {
      await page.goto(`${app.server.origin}${SUB_PATH}${route}`);
      await page.waitForSelector('main > *');
      await page.waitForFunction(() => !document.querySelector('.page-loading'));
      await page.waitForTimeout(300);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) {
        // What sticks out, for the message.
        const what = await page.evaluate(() => [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 391)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
        wide.push(`${route}: ${width} px (${what.join(', ')})`);
      }
    }
    assert.deepEqual(wide, [], `${locale}: pages wider than 390 px`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('on a phone the header folds to one row, touch targets are at least 44 px and lists keep the name in view', async () => {
  for (const locale of ['zh-CN', 'en-US']) {
    const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale });
    await page.setViewportSize({ width: 390, height: 844 });
    await seedStorage(page, { 'kam.workspace': register(30) });
    await page.waitForSelector('[data-testid=accounts-table] tbody tr');

    // One row: the app's name, the save status and the menu button.
    const header = await page.locator('.app-header').boundingBox();
    assert.ok(header.height <= 844 * 0.1, `${locale}: header is ${header.height}px high`);
    assert.equal(await page.isVisible('.main-nav'), false);
    assert.equal(await page.isVisible('[data-testid=save-status]'), true);
    await page.click('[data-testid=menu-toggle]');
    assert.equal(await page.getAttribute('[data-testid=menu-toggle]', 'aria-expanded'), 'true');
    assert.equal(await page.isVisible('.main-nav'), true);
    await page.click(`.main-nav a[href="#/ranking"]`);
    await page.waitForSelector('[data-testid=ranking-table]');
    assert.equal(await page.isVisible('.main-nav'), false, `${locale}: the menu closes when a page opens`);

    // Every control on these pages is at least 44 px high (check boxes and radio
    // buttons at least 22 px, in a label of 44).
    for (const route of ['#/accounts', '#/accounts/1', '#/ranking', '#/model']) {
      await page.goto(`${app.server.origin}${SUB_PATH}${route}`);
      await page.waitForSelector('main > *');
      await page.waitForFunction(() => !document.querySelector('.page-loading'));
      const small = await page.evaluate(() => [...document.querySelectorAll(
        'main button, main select, main input, main textarea, .app-header button')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => {
          const box = e.getBoundingClientRect();
          const tick = e.type === 'radio' || e.type === 'checkbox';
          return { what: `${e.tagName.toLowerCase()}[${e.type || ''}] ${e.textContent || e.name || ''}`.trim(), h: box.height, tick };
        })
        .filter(({ h, tick }) => h < (tick ? 22 : 44))
        .slice(0, 5)
        .map(({ what, h }) => `${what}: ${h}px`));
      assert.deepEqual(small, [], `${locale} ${route}: controls under the touch size`);
    }

    // Scrolling the list sideways keeps the names on screen.
    await page.goto(`${app.server.origin}${SUB_PATH}#/accounts`);
    const wrap = page.locator('.table-wrap:has([data-testid=accounts-table])');
    await wrap.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
    const name = await page.locator('[data-testid=accounts-table] tbody tr').first().locator('td').nth(1).boundingBox();
    assert.ok(name.x >= 0 && name.x + name.width <= 390, `${locale}: the name stays in view (${name.x})`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
