// Huge files: a workspace file of 1,000,000 accounts, one of 40 MB, JSON nested 100,000
// deep, and a 50 MB CSV. Each is refused with a clear message in the user's language,
// the page stays responsive (the longest task is printed), and nothing changes. (The zip
// bomb posing as XLSX is in import.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH, FORMAT } from './harness.mjs';

const app = useApp({ before, after });
const dir = mkdtempSync(join(tmpdir(), 'kam-huge-'));

function bigFile(name, parts) {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  for (const part of parts()) writeSync(fd, part);
  closeSync(fd);
  return path;
}

/** Starts watching the page's long tasks; `longest()` gives the longest since, in ms. */
async function watchTasks(page) {
  await page.evaluate(() => {
    window.kamLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.kamLongest = Math.max(window.kamLongest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => window.kamLongest);
}

async function names(page) {
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts`);
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  return page.$$eval('[data-testid=accounts-table] .account-link', (as) => as.map((a) => a.textContent).sort());
}

test('huge or deeply nested workspace files are refused at once with the limits, and nothing changes', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6), scoredAccount(2, 'Beta', 4, 4)]) });
  const before = await names(page);
  const longest = await watchTasks(page);
  const million = bigFile('million.json', function* () {
    yield `{"format":"${FORMAT}","version":1,"workspace":{"accounts":[`;
    for (let i = 1; i <= 1_000_000; i += 10_000) {
      yield Array.from({ length: 10_000 }, (_, k) => `{"id":${i + k},"name":"A${i + k}"}`).join(',') + (i + 10_000 <= 1_000_000 ? ',' : '');
    }
    yield ']}}';
  });
  const forty = bigFile('forty.json', function* () {
    yield `{"format":"${FORMAT}","version":1,"workspace":{"amount_unit":"`;
    for (let i = 0; i < 40; i++) yield 'x'.repeat(1 << 20);
    yield '"}}';
  });
  const deep = bigFile('deep.json', function* () {
    yield `{"format":"${FORMAT}","version":1,"workspace":{"accounts":`;
    yield '['.repeat(100_000);
    yield ']'.repeat(100_000);
    yield '}}';
  });
  const figures = [];
  for (const [path, expected] of [
    [million, /无法导入“million\.json”：文件过大：最多 32 MB、100,000 个客户/],
    [forty, /无法导入“forty\.json”：文件过大：最多 32 MB、100,000 个客户/],
    [deep, /无法导入“deep\.json”/],
  ]) {
    const start = Date.now();
    await page.setInputFiles('[data-testid=import-file]', path);
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.notices').textContent), expected.source, { timeout: 20_000 });
    figures.push(`${path.split('/').pop()}: ${Date.now() - start} ms, longest task ${Math.round(await longest())} ms`);
    assert.equal(await page.locator('[data-testid=confirm-import]').count(), 0, 'no import is offered');
  }
  console.log(`refused workspace files: ${figures.join('; ')}`);
  assert.deepEqual(await names(page), before);
  assert.deepEqual(problems, []);
});

test('a 50 MB CSV file is refused while it is read, with the limits, and nothing changes', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  const before = await names(page);
  const csv = bigFile('huge.csv', function* () {
    yield 'Name,Number,Segment,Industry,Address\r\n';
    const row = (i) => `Account ${i},K-${i},Segment ${i % 7},Industry ${i % 13},"${i} Long Road, Some City"\r\n`;
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i += 1000) {
      const chunk = Array.from({ length: 1000 }, (_, k) => row(i + k)).join('');
      size += chunk.length;
      yield chunk;
    }
  });
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  const longest = await watchTasks(page);
  const start = Date.now();
  await page.setInputFiles('[data-testid=import-sheet-file]', csv);
  await page.waitForSelector('[data-testid=import-error]', { timeout: 60_000 });
  console.log(`50 MB CSV refused in ${Date.now() - start} ms, longest task ${Math.round(await longest())} ms`);
  assert.equal(
    await page.textContent('[data-testid=import-error]'),
    'Could not read “huge.csv” as a spreadsheet: it is too large to read: at most 1,024 columns, 2,000,000 cells with a value and 256 MB once unpacked. Keep only the rows and columns to import, then try again',
  );
  assert.deepEqual(await names(page), before);
  assert.deepEqual(problems, []);
});
