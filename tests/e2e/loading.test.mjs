// What loads when: the first screen carries only the main module and one language's
// texts; every other page fetches its parts when first opened, and says so plainly if
// it cannot; workspaces are stored packed, old plain data still loads, and the app
// shows how full the browser's storage is and warns before it is full.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, storedWorkspace, unpackStored, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

/** The app's own files fetched by a page, by kind, from its requests. */
function watchRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.startsWith('kam-workbench-')) seen.push(name);
  });
  return {
    chunks: () => seen.filter((n) => /\.(split|chunk)_[a-z0-9_]+\.wasm$/.test(n)),
    mains: () => seen.filter((n) => /_bg\.wasm$/.test(n)),
    texts: () => seen.filter((n) => /\.strings\.[a-zA-Z-]+(\.start)?\.json$/.test(n)),
    clear: () => seen.splice(0),
  };
}

test('the first screen loads the main module and its texts only; other pages fetch their parts when first opened', async () => {
  const context = await app.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const requests = watchRequests(page);
  await page.goto(`${app.server.origin}${SUB_PATH}`);
  await page.waitForSelector('[data-testid=first-run]');
  assert.equal(requests.mains().length, 1, 'one main module');
  assert.deepEqual(requests.chunks(), [], 'no page part before a page needs it');
  assert.ok(requests.texts().some((t) => t.endsWith('.strings.en.start.json')), requests.texts().join());
  // The whole table of texts follows the first paint.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.strings.en.json')));

  // Each page's parts come when it first opens, and not again.
  for (const [hash, heading] of [
    ['#/model', 'Scoring model'],
    ['#/ranking', 'Ranking & tiers'],
    ['#/import', 'Import accounts from a spreadsheet'],
  ]) {
    requests.clear();
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
    assert.ok(requests.chunks().length > 0, `${hash} fetched its part`);
    requests.clear();
    await page.evaluate(() => {
      location.hash = '#/accounts';
    });
    await page.waitForSelector('[data-testid=first-run]');
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
    assert.deepEqual(requests.chunks(), [], `${hash} opens again without fetching`);
  }
  await context.close();
});

test('a page whose part cannot be fetched says so in the user\'s language, the data stays, and "try again" opens it', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha Motors', 8, 7)]) });
  const blocked = /\.(split|chunk)_[a-z0-9_]+\.wasm$/;
  await context.route(blocked, (route) => route.abort());
  await page.click('.account-link');
  await page.waitForSelector('[data-testid=page-unavailable]');
  assert.match(await page.textContent('[data-testid=page-unavailable]'), /This page could not be loaded.*Your data is safe in this browser/);
  await page.click('[data-testid=language-switch]');
  assert.match(await page.textContent('[data-testid=page-unavailable]'), /无法加载此页面.*你的数据仍安全地保存在本浏览器中/);
  await page.click('[data-testid=language-switch]');
  // The rest of the app works, the data included.
  await page.click('nav >> text=Accounts');
  await page.waitForSelector('text=Alpha Motors');
  await page.goBack();
  await page.waitForSelector('[data-testid=page-unavailable]');
  // Back online: trying again fetches the part and shows the page.
  await context.unroute(blocked);
  await page.click('[data-testid=page-retry]');
  await page.waitForSelector('[data-testid=account-title]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Alpha Motors');
  // Only the refused fetches were complained about.
  assert.ok(problems.every((p) => /wasm|Failed to fetch|failed to load/i.test(p)), problems.join('\n'));
});

test('if the texts cannot be fetched, the loading screen says so in both languages', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN' });
  await context.route(/\.strings\.[a-zA-Z-]+(\.start)?\.json$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${app.server.origin}${SUB_PATH}`);
  await page.waitForSelector('#boot.boot-error');
  const text = await page.textContent('#boot');
  assert.match(text, /无法加载界面文字/);
  assert.match(text, /The interface texts could not be loaded/);
  await context.close();
});

test('a server that sends the WebAssembly under another type still starts the app', async () => {
  // The page compiles the main module while it downloads, which browsers allow only for
  // application/wasm; some static servers send .wasm as something else.
  const context = await app.browser.newContext({ locale: 'en-US' });
  let served = 0;
  await context.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    served += 1;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  await page.waitForSelector('[data-testid=first-run]');
  assert.ok(served >= 1, 'the main module came with the other type');
  // The app works: the other language loads and the page switches to it.
  await page.click('[data-testid=language-switch]');
  await page.waitForSelector('html[lang=zh-CN]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('workspaces are stored packed; plain data of earlier versions loads and is packed on the next save', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const accounts = Array.from({ length: 300 }, (_, i) =>
    scoredAccount(i + 1, `上海汽车零部件有限公司 ${i + 1}`, 6, 7, { address: '上海市浦东新区世纪大道 88 号', email: `buyer${i}@example.com` }),
  );
  const plain = workspaceFile(accounts);
  await seedStorage(page, { 'kam.workspace': plain });
  await page.waitForSelector('text=上海汽车零部件有限公司 1');
  // Opening writes nothing: the plain value is still there.
  assert.equal(await page.evaluate(() => localStorage.getItem('kam.workspace')), plain);

  await page.click('.account-link >> nth=0');
  await page.fill('[data-field=phone]', '021-5555 0101');
  await page.waitForSelector('[data-testid=save-status].saved');
  const stored = await page.evaluate(() => localStorage.getItem('kam.workspace'));
  assert.ok(stored.startsWith('kam-lz4-1:'), stored.slice(0, 20));
  assert.ok(stored.length * 3 < plain.length, `${stored.length} characters for ${plain.length} of JSON`);
  const envelope = JSON.parse(unpackStored(stored));
  assert.equal(envelope.workspace.accounts.length, 300);
  assert.ok(envelope.workspace.accounts.some((a) => a.phone === '021-5555 0101'));

  // Read back after a reload.
  await page.reload();
  await page.waitForSelector('text=上海汽车零部件有限公司 1');
  assert.equal((await storedWorkspace(page)).workspace.accounts.length, 300);
  assert.deepEqual(problems, []);
});

test('the workspaces page shows how full storage is, and every page warns from 80%', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha Motors', 8, 7)]) });
  await page.click('[data-testid=workspace-link]');
  await page.waitForSelector('[data-testid=storage-usage] meter');
  assert.match(await page.textContent('[data-testid=storage-usage]'), /Browser storage: 0% used \(0\.\d\d of 5\.24 million characters\)\./);
  assert.equal(await page.locator('[data-testid=storage-nearly-full]').count(), 0);

  // Another application of this site fills storage to about 85%.
  await page.evaluate(() => localStorage.setItem('other.app.cache', 'x'.repeat(4_450_000)));
  await page.reload();
  await page.waitForSelector('[data-testid=storage-nearly-full]');
  assert.match(await page.textContent('[data-testid=storage-nearly-full]'), /This browser's storage is 8\d% full\. Export workspace files/);
  assert.match(await page.getAttribute('[data-testid=storage-usage] meter', 'value'), /^8\d$/);
  await page.click('[data-testid=language-switch]');
  assert.match(await page.textContent('[data-testid=storage-nearly-full]'), /浏览器存储已使用 8\d%，即将用满/);
  await page.click('[data-testid=language-switch]');

  // Room made: the warning goes with the next save.
  await page.evaluate(() => localStorage.removeItem('other.app.cache'));
  await page.click('nav >> text=Accounts');
  await page.click('.account-link');
  await page.fill('[data-field=phone]', '021-1234 5678');
  await page.waitForSelector('[data-testid=save-status].saved');
  await page.waitForFunction(() => !document.querySelector('[data-testid=storage-nearly-full]'));
  assert.deepEqual(problems, []);
});

test('a stored plan this version cannot read is said to be so, and is never written over', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const damaged = { summary: 42, people: 'not a list' };
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha Motors', 8, 7, { plan: damaged })]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan`);
  await page.waitForSelector('[data-testid=plan-unreadable]');
  assert.match(await page.textContent('[data-testid=plan-unreadable]'), /This account plan could not be read \(.+\)\. It is kept as it is/);
  assert.ok(await page.locator('[data-testid=plan-section]').isHidden(), 'no form to write over it');
  // Other edits of the account keep the plan as it was.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.fill('[data-field=phone]', '021-5555 0101');
  await page.waitForSelector('[data-testid=save-status].saved');
  const account = (await storedWorkspace(page)).workspace.accounts[0];
  assert.deepEqual(account.plan, damaged);
  assert.equal(account.phone, '021-5555 0101');
  assert.match(await page.textContent('[data-testid=plan-summary]'), /could not be read/);
  assert.deepEqual(problems, []);
});

test('the first screen needs only its start table of texts: with the whole table held back it reads the same', async () => {
  /** What the page says: its text and the texts of its attributes, notices aside. */
  const reading = (page) => page.evaluate(() => {
    const main = document.body.cloneNode(true);
    main.querySelectorAll('.notices, script').forEach((n) => n.remove());
    const attributes = [...main.querySelectorAll('[title], [aria-label], [placeholder]')]
      .map((e) => ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? '').join('|'));
    return `${main.innerText}\n${attributes.join('\n')}`;
  });
  for (const locale of ['zh-CN', 'en-US']) {
    for (const stored of [null, workspaceFile([scoredAccount(1, 'Alpha Motors', 8, 7), scoredAccount(2, 'Beta Parts', 3, 9)])]) {
      const { page, context } = await openPage(app.browser, app.server.origin, { locale });
      if (stored) await seedStorage(page, { 'kam.workspace': stored });
      const ready = stored ? '[data-testid=accounts-table] tbody tr' : '[data-testid=first-run]';
      const whole = /\.strings\.[a-zA-Z-]+\.json$/;
      await context.route(whole, (route) => route.abort());
      await page.reload();
      await page.waitForSelector(ready);
      // The failed whole table is announced, not hidden.
      await page.waitForSelector('.notices .notice.error');
      const startOnly = await reading(page);
      await context.unroute(whole);
      await page.reload();
      await page.waitForSelector(ready);
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\.strings\.[a-zA-Z-]+\.json$/.test(e.name)));
      await page.waitForTimeout(200);
      assert.equal(startOnly, await reading(page), `${locale}, ${stored ? 'with accounts' : 'empty'}`);
      await context.close();
    }
  }
});

test('the demo\'s code comes when it is first loaded; if it cannot be fetched the user is told and can try again', async () => {
  const { page, context, problems } = await openPage(app.browser, app.server.origin, { locale: 'en-US' });
  await page.waitForSelector('[data-testid=first-run]');
  const blocked = /\.(split|chunk)_[a-z0-9_]+\.wasm$/;
  await context.route(blocked, (route) => route.abort());
  await page.click('[data-testid=start-demo]');
  const notice = page.locator('.notices .notice.error span');
  await notice.waitFor();
  assert.equal(await notice.textContent(), 'That did not work: a part of the app could not be loaded; check the connection to the server and try again');
  assert.equal(await page.locator('[data-testid=demo-banner]').count(), 0, 'nothing half loaded');
  await context.unroute(blocked);
  await page.click('[data-testid=start-demo]');
  await page.waitForSelector('[data-testid=demo-banner]');
  assert.ok((await page.locator('[data-testid=accounts-table] tbody tr').count()) > 0);
  // Failed fetches are what this test is about; nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !/net::ERR_FAILED|Failed to fetch|wasm/i.test(p)), []);
  await context.close();
});
