// The workspace as a file, the two languages, addresses that survive a reload from a
// sub-path and from the root, and the register's search, filters and sorting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, SUB_PATH, FORMAT, VERSION, expectNotice } from './harness.mjs';

const app = useApp({ before, after });

async function importFile(page, name, content) {
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('export the workspace to a file and import it back after confirming', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6), scoredAccount(2, '上海汽车零部件', 4, 8)]) });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  assert.match(download.suggestedFilename(), /^kam-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = readText(await download.path());
  const file = JSON.parse(exported);
  assert.equal(file.format, FORMAT);
  assert.equal(file.version, VERSION);
  assert.match(file.saved_at, /^\d{4}-\d{2}-\d{2}T/);
  assert.deepEqual(file.workspace.accounts.map((a) => a.name), ['Alpha', '上海汽车零部件']);

  // Change the workspace, then bring the file back.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.click('[data-testid=delete-account]');
  await page.click('[data-testid=confirm-delete]');
  await page.waitForSelector('[data-testid=accounts-table]');
  await importFile(page, 'colleague.json', exported);
  const dialog = await page.textContent('[data-testid=import-confirm]');
  assert.match(dialog, /The file “colleague\.json” holds 2 accounts\. The current workspace's 1 account and/);
  await page.click('[data-testid=import-confirm] >> text=Cancel');
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), 1);

  await importFile(page, 'colleague.json', exported);
  await page.click('[data-testid=confirm-import]');
  await page.waitForSelector('.notices >> text=Imported');
  assert.doesNotMatch(await page.textContent('.notices'), /Deleted/, 'undo of the replaced workspace is gone');
  await expectNotice(page, /Imported “colleague\.json”: 2 accounts\./);
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), 2);
  await page.reload();
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), 2);
  assert.deepEqual(problems, []);
});

test('malformed, foreign and newer files are refused with a clear message and change nothing', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  const cases = [
    ['broken.json', '{"format": "kam-workbench/workspace", "version": 1, ', /Could not import “broken\.json”: not valid JSON \(EOF while parsing/],
    ['other.json', '{"hello": "world"}', /Could not import “other\.json”: this is not a workspace file of the key-account workbench\./],
    ['numbered.json', '{"format": 5, "version": 2, "workspace": {}}', /Could not import “numbered\.json”: this is not a workspace file of the key-account workbench\./],
    ['list.json', '[{"name": "Alpha"}]', /Could not import “list\.json”: this is not a workspace file of the key-account workbench\./],
    ['future.json', JSON.stringify({ format: FORMAT, version: 7, workspace: {} }), new RegExp(`it comes from a newer version \\(format version 7\\); this version reads up to format version ${VERSION}`)],
    ['shape.json', JSON.stringify({ format: FORMAT, version: 1, workspace: { accounts: 'many' } }), /the workspace data does not have the expected shape/],
  ];
  for (const [name, content, message] of cases) {
    await importFile(page, name, content);
    await page.waitForSelector(`.notices >> text=${name}`);
    assert.match(await page.textContent('.notices'), message);
    assert.equal(await page.locator('[data-testid=import-confirm]').count(), 0);
  }
  await expectNotice(page, /The current workspace is unchanged\./);
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), 1);
  assert.deepEqual(problems, []);
});

test('the language follows the browser, switches without losing input, and is remembered', async () => {
  const zh = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  assert.equal(await zh.page.textContent('nav a[aria-current=page]'), '客户档案');
  assert.equal(await zh.page.getAttribute('html', 'lang'), 'zh-CN');
  await zh.context.close();

  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-GB' });
  assert.equal(await page.textContent('nav a[aria-current=page]'), 'Accounts');
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', 'Half-typed Co');
  await page.fill('[data-field=address]', '88 Century Avenue');
  await page.click('[data-testid=language-switch]');
  assert.equal(await page.textContent('h1'), '新增客户');
  assert.equal(await page.textContent('[data-testid=create-account]'), '创建客户');
  assert.equal(await page.inputValue('[data-field=name]'), 'Half-typed Co');
  assert.equal(await page.inputValue('[data-field=address]'), '88 Century Avenue');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.title(), /大客户管理工作台/);
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.match(await page.textContent('[data-testid=tier-section]'), /评分不完整，暂不分级/);

  await page.reload();
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('nav a[aria-current=page]'), '客户档案');
  await page.click('[data-testid=language-switch]');
  assert.equal(await page.textContent('nav a[aria-current=page]'), 'Accounts');
  assert.deepEqual(problems, []);
});

test('every view has an address that opens it after a reload, from a sub-path and from the root', async () => {
  for (const base of [SUB_PATH, '/']) {
    const { page, problems, context } = await openPage(app.browser, app.server.origin, { path: base });
    await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6), scoredAccount(7, 'Linked Ltd', 6, 6)]) });
    const views = [
      ['#/accounts/7', '[data-testid=account-title]', /^Linked Ltd$/],
      ['#/model', 'main h1', /^Scoring model$/],
      ['#/ranking', 'main h1', /^Ranking & tiers$/],
      ['#/accounts', 'main h1', /^Accounts$/],
      ['#/accounts/new', 'main h1', /^New account$/],
      ['#/accounts/99', '[data-testid=account-not-found]', /no account with id 99/],
    ];
    for (const [hash, selector, expected] of views) {
      const fresh = await context.newPage();
      await fresh.goto(`${app.server.origin}${base}${hash}`);
      await fresh.waitForSelector(selector);
      await fresh.reload();
      await fresh.waitForSelector(selector);
      assert.match(await fresh.textContent(selector), expected, `${base}${hash}`);
      await fresh.close();
    }
    // Following links within the app updates the address.
    await page.click('text=Linked Ltd');
    await page.waitForSelector('[data-testid=tier-section]');
    assert.equal(new URL(page.url()).hash, '#/accounts/7');
    await page.goBack();
    await page.waitForSelector('[data-testid=accounts-table]');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the register searches, filters by segment, tier and size band, and sorts by any column', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, {
    'kam.workspace': workspaceFile([
      scoredAccount(1, 'Alpha Motors', 7, 6, { segment: 'Automotive', size_band: 'large', number: 'A-3' }),
      scoredAccount(2, 'Beta Bank', 4, 8, { segment: 'Finance', size_band: 'medium', number: 'A-1' }),
      scoredAccount(3, 'Gamma Parts', 8, 3, { segment: 'Automotive', size_band: 'small', number: 'A-2', industry: 'Brakes' }),
      { id: 4, name: 'Delta Logistics', segment: 'Finance', number: '' },
    ]),
  });
  const names = () => page.locator('[data-testid=accounts-table] .account-link').allTextContents();
  assert.deepEqual(await names(), ['Alpha Motors', 'Beta Bank', 'Delta Logistics', 'Gamma Parts']);

  await page.click('button[data-sort=name]');
  assert.deepEqual(await names(), ['Gamma Parts', 'Delta Logistics', 'Beta Bank', 'Alpha Motors']);
  await page.click('button[data-sort=attractiveness]');
  assert.deepEqual(await names(), ['Beta Bank', 'Alpha Motors', 'Gamma Parts', 'Delta Logistics']);
  await page.click('button[data-sort=attractiveness]');
  assert.deepEqual(await names(), ['Gamma Parts', 'Alpha Motors', 'Beta Bank', 'Delta Logistics'], 'unscored stays last');
  await page.click('button[data-sort=number]');
  assert.deepEqual(await names(), ['Beta Bank', 'Gamma Parts', 'Alpha Motors', 'Delta Logistics']);
  assert.equal(await page.getAttribute('th:has(button[data-sort=number])', 'aria-sort'), 'ascending');

  await page.fill('[data-testid=search]', 'brakes');
  assert.deepEqual(await names(), ['Gamma Parts']);
  await page.fill('[data-testid=search]', '');
  await page.selectOption('[data-testid=filter-segment]', 'Finance');
  assert.deepEqual((await names()).sort(), ['Beta Bank', 'Delta Logistics']);
  await page.selectOption('[data-testid=filter-tier]', 'none');
  assert.deepEqual(await names(), ['Delta Logistics']);
  assert.equal(await page.textContent('[data-testid=account-count]'), 'Showing 1 of 4 accounts');
  await page.click('text=Clear filters');
  await page.selectOption('[data-testid=filter-size]', 'large');
  assert.deepEqual(await names(), ['Alpha Motors']);
  await page.selectOption('[data-testid=filter-size]', '');
  await page.selectOption('[data-testid=filter-tier]', 'tier3');
  assert.deepEqual(await names(), ['Gamma Parts']);
  await page.fill('[data-testid=search]', 'nothing like this');
  assert.equal(await page.textContent('main .empty-state'), 'No account matches the search and filters.');
  assert.deepEqual(problems, []);
});

test('the page loads clean: favicon, no console error, and a message when WebAssembly is missing', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const icon = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=icon]').href)).status);
  assert.equal(icon, 200);
  assert.deepEqual(problems, []);

  const context = await app.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    delete window.WebAssembly;
  });
  const bare = await context.newPage();
  await bare.goto(`${app.server.origin}${SUB_PATH}`);
  await bare.waitForSelector('.boot-error');
  assert.match(await bare.textContent('.boot-error'), /does not support WebAssembly/);
  await context.close();
});

test('long registers show 50 rows at a time with a "show more" button', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const many = Array.from({ length: 120 }, (_, i) => scoredAccount(i + 1, `Account ${String(i + 1).padStart(3, '0')}`, 5 + (i % 5), 5));
  await seedStorage(page, { 'kam.workspace': workspaceFile(many) });
  const rows = () => page.locator('[data-testid=accounts-table] tbody tr').count();
  assert.equal(await rows(), 50);
  assert.equal(await page.textContent('[data-testid=show-more]'), 'Show more (50 of 120 shown)');
  await page.click('[data-testid=show-more]');
  assert.equal(await rows(), 100);
  await page.click('[data-testid=show-more]');
  assert.equal(await rows(), 120);
  assert.equal(await page.locator('[data-testid=show-more]').count(), 0);
  await page.click('nav >> text=Ranking & tiers');
  await page.waitForSelector('[data-testid=ranking-table] tbody tr');
  const ranked = page.locator('[data-testid=ranking-table] tbody tr');
  assert.equal(await ranked.count(), 50);
  await page.click('[data-testid=show-more]');
  assert.equal(await ranked.count(), 100);
  // In rank order: the best combined score first, ties by name.
  assert.equal(await ranked.nth(0).locator('td').nth(1).textContent(), 'Account 005');
  assert.equal(await ranked.nth(0).locator('td').nth(0).textContent(), '1');
  assert.equal(await ranked.nth(99).locator('td').nth(0).textContent(), '100');
  assert.deepEqual(problems, []);
});

test('the ranked list exports as CSV that Excel reads: BOM, headers in the language, owners named, formulas neutralised', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await seedStorage(page, {
    'kam.workspace': workspaceFile(
      [
        scoredAccount(1, '上海汽车零部件', 7, 6, { number: '=1+2', segment: '汽车', overall_owner: 1, daily_owner: 2 }),
        scoredAccount(2, '<img src=x onerror=alert(1)>', 4, 8),
        { id: 3, name: '未评分公司' },
      ],
      { engagement: { team: { people: [{ id: 1, name: '王伟', role: 'segment_manager' }, { id: 2, name: '李娜' }], next_id: 3 } } },
    ),
  });
  await page.goto(`${app.server.origin}${SUB_PATH}#/ranking`);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  assert.match(file.suggestedFilename(), /^kam-ranking-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await file.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
  assert.match(lines[0], /^排名,客户编号,客户名称,细分市场,规模,客户状态,总负责人,日常关系负责人,吸引力,可行性,综合得分,级别/);
  assert.match(lines[0], /财务业绩 \(40%\)/);
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^1,'=1\+2,上海汽车零部件,汽车,,潜在客户,王伟,李娜,7\.0,6\.0,13\.0,一级客户/);
  assert.match(lines[2], /<img src=x onerror=alert\(1\)>,,,潜在客户,,,4\.0,8\.0,12\.0,二级客户/);
  assert.match(lines[3], /^,,未评分公司,,,潜在客户,,,,,,未分级/);
  assert.deepEqual(problems, []);
});
