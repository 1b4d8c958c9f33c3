// Importing accounts from spreadsheets: a GB18030 CSV from Chinese Excel with a bad row,
// the ranked list exported as CSV and XLSX and imported back, duplicates, a large file,
// and a clear message when the spreadsheet tools cannot load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, SUB_PATH, expectNotice, expectTexts } from './harness.mjs';

const app = useApp({ before, after });
const fixture = resolve(import.meta.dirname, '..', 'fixtures', 'accounts-gb18030.csv');
const rows = (page) => page.locator('[data-testid=accounts-table] tbody tr').count();

async function chooseFile(page, path) {
  await page.setInputFiles('[data-testid=import-sheet-file]', path);
  await page.waitForSelector('[data-testid=import-mapping]');
}

async function importAndWait(page) {
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('[data-testid=accounts-table]');
}

async function rankedRows(page) {
  await page.waitForSelector('[data-testid=ranking-table] tbody tr');
  return page.$$eval('[data-testid=ranking-table] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()).join(' | ')),
  );
}

test('a GB18030 CSV from Chinese Excel imports its good rows and reports the bad one', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await page.click('[data-testid=first-run-import]');
  await chooseFile(page, fixture);

  // The encoding was detected, and the Chinese headers were matched.
  assert.equal(await page.inputValue('[data-testid=import-encoding]'), 'gb18030');
  assert.match(await page.textContent('[data-testid=import-encoding] option:checked'), /GB18030.*\(detected\)/);
  const mapping = await page.$$eval('[data-testid=import-target]', (selects) =>
    selects.map((s) => s.selectedOptions[0].textContent),
  );
  assert.deepEqual(mapping.slice(0, 9), [
    'Customer no.', 'Name', 'Industry', 'Segment', 'Size band', 'Ownership', 'Status', 'Employees',
    'Score: Financial performance',
  ]);
  assert.equal(mapping.length, 16);
  assert.ok(mapping.every((m) => m !== "Don't import"), mapping.join());

  const summary = page.locator('[data-testid=import-summary]');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Rows ready to import: 3\. Rows with problems: 1\./);
  assert.equal(
    await page.textContent('[data-testid=import-problems] li'),
    'Row 4: score 11 for “Financial performance” is outside 1–10',
  );

  // The bad row can be downloaded as it was, with what is wrong, for fixing in Excel.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=import-problems-download]'),
  ]);
  const fixes = readText(await download.path());
  assert.ok(fixes.startsWith('\uFEFF'), 'UTF-8 with BOM');
  const fixLines = fixes.slice(1).trim().split(/\r?\n/);
  assert.equal(fixLines.length, 2);
  assert.match(fixLines[0], /^客户编号,客户名称,.*,自身执行能力,Problems$/);
  assert.equal(
    fixLines[1],
    'K-103,宁波模具厂,机械,工业设备,小型,民营,潜在客户,80,11,5,5,5,5,5,5,5,score 11 for “Financial performance” is outside 1–10',
  );

  // A wrong guess can be corrected: read as UTF-8 the headers are garbage and no column
  // is the name, which the page says; back to GB18030 all is well again.
  await page.selectOption('[data-testid=import-encoding]', 'utf-8');
  await page.waitForSelector('[data-testid=import-mapping]');
  await page.waitForSelector('text=Choose the column that holds the customer name.');
  assert.equal(await page.isDisabled('[data-testid=import-run]'), true);
  await page.selectOption('[data-testid=import-encoding]', 'gb18030');
  await summary.waitFor();
  assert.equal(await page.textContent('[data-testid=import-run]'), 'Import (3 rows)');

  // The user can correct the mapping: the industry column is left out.
  await page.selectOption('[data-testid=import-target] >> nth=2', 'ignore');
  await summary.waitFor();
  await importAndWait(page);
  await expectNotice(page, /Imported from “accounts-gb18030\.csv”: added 3, updated 0, skipped 0; rows with problems not imported: 1\./);
  assert.equal(await rows(page), 3);
  const table = await page.textContent('[data-testid=accounts-table]');
  assert.ok(table.includes('华东汽车零部件有限公司'));
  assert.ok(table.includes('<img src=x onerror=alert(1)>'), 'hostile name shown as text');
  assert.ok(!table.includes('宁波模具厂'), 'the bad row is not imported');
  assert.equal(await page.locator('img[src=x]').count(), 0);

  // The scores came in: weighted scores and tiers are computed from them.
  await page.click('nav >> text=Ranking & tiers');
  const ranked = await rankedRows(page);
  const east = ranked.find((r) => r.includes('华东汽车零部件有限公司'));
  assert.match(east, /\| 7\.5 \| 7\.0 \| 14\.5 \| ●Tier 1 \|/);

  // Saved: a reload keeps them, with the other fields.
  await page.reload();
  await page.click('nav >> text=Accounts');
  // The accounts page loads its part on first opening: wait for its rows to be drawn.
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  assert.equal(await rows(page), 3);
  await page.click('text=华东汽车零部件有限公司');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.inputValue('[data-field=number]'), 'K-101');
  assert.equal(await page.inputValue('[data-field=employees]'), '1200');
  assert.equal(await page.inputValue('[data-field=ownership]'), 'joint_venture');
  assert.equal(await page.inputValue('[data-field=industry]'), '');
  assert.deepEqual(problems, []);
});

test('the ranked list exported as CSV and as XLSX imports back unchanged', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const accounts = [
    scoredAccount(1, '上海汽车', 8, 7, { number: 'K-1', segment: '整车', size_band: 'large', relationship: 'customer' }),
    scoredAccount(2, '=HYPERLINK("http://x")', 6, 5, { number: 'K-2', segment: '零部件' }),
    scoredAccount(3, 'Ningbo Moulds', 3, 9, { number: 'K-3', size_band: 'small' }),
  ];
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.click('nav >> text=Ranking & tiers');
  const original = await rankedRows(page);
  assert.equal(original.length, 3);
  const dir = mkdtempSync(join(tmpdir(), 'kam-export-'));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csvPath = join(dir, 'ranking.csv');
  await csv.saveAs(csvPath);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  assert.match(xlsx.suggestedFilename(), /^kam-ranking-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const xlsxPath = join(dir, 'ranking.xlsx');
  await xlsx.saveAs(xlsxPath);
  assert.equal(readText(xlsxPath).slice(0, 2), 'PK');

  // Scores changed since the export; importing the CSV with "update" puts them back.
  const changed = accounts.map((a) => scoredAccount(a.id, a.name, 2, 2, { number: a.number }));
  await seedStorage(page, { 'kam.workspace': workspaceFile(changed) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await chooseFile(page, csvPath);
  await page.locator('[data-testid=import-summary]').waitFor();
  assert.match(await page.textContent('[data-testid=import-duplicates]'), /same number.*: 3\./);
  assert.equal(await page.textContent('[data-testid=import-run]'), 'Import (0 rows)');
  assert.equal(await page.isDisabled('[data-testid=import-run]'), true);
  await page.check('[data-testid=duplicates-update]');
  await importAndWait(page);
  await expectNotice(page, /added 0, updated 3, skipped 0/);
  await page.click('nav >> text=Ranking & tiers');
  assert.deepEqual(await rankedRows(page), original);

  // Into an empty workspace, the XLSX gives the same ranked list.
  await seedStorage(page, {});
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await chooseFile(page, xlsxPath);
  await page.locator('[data-testid=import-summary]').waitFor();
  await importAndWait(page);
  await expectNotice(page, /added 3, updated 0, skipped 0/);
  await page.click('nav >> text=Ranking & tiers');
  assert.deepEqual(await rankedRows(page), original);
  assert.ok((await page.textContent('[data-testid=ranking-table]')).includes('=HYPERLINK("http://x")'));

  // "Add as new" keeps both.
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await chooseFile(page, xlsxPath);
  await page.locator('[data-testid=import-summary]').waitFor();
  await page.check('[data-testid=duplicates-add]');
  await importAndWait(page);
  assert.equal(await rows(page), 6);

  // The same workbook claiming 3 GB once unpacked, as a zip bomb does: refused before
  // anything is unpacked, with the limits, and nothing changes.
  const bomb = readFileSync(xlsxPath);
  const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bomb.writeUInt32LE(3_000_000_000, directory + 24);
  const bombPath = join(dir, 'huge.xlsx');
  writeFileSync(bombPath, bomb);
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await page.setInputFiles('[data-testid=import-sheet-file]', bombPath);
  await page.waitForSelector('[data-testid=import-error]');
  assert.equal(
    await page.textContent('[data-testid=import-error]'),
    'Could not read “huge.xlsx” as a spreadsheet: it is too large to read: at most 1,024 columns, 2,000,000 cells with a value and 256 MB once unpacked. Keep only the rows and columns to import, then try again',
  );
  await page.click('nav >> text=Accounts');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  assert.equal(await rows(page), 6);
  assert.deepEqual(problems, []);
});

test('10,000 rows import with visible progress', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kam-large-'));
  const path = join(dir, 'large.csv');
  const lines = ['Customer no.,Name,Segment,Financial performance,Existing relationship with us'];
  for (let i = 1; i <= 10000; i++) lines.push(`N-${i},Customer ${i},Segment ${i % 7},${(i % 10) + 1},${((i * 3) % 10) + 1}`);
  writeFileSync(path, lines.join('\n'));
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await page.setInputFiles('[data-testid=import-sheet-file]', path);
  // Progress is shown while reading or checking.
  await page.waitForSelector('[data-testid=import-reading], [data-testid=import-checking]');
  const summary = page.locator('[data-testid=import-summary]');
  await summary.waitFor({ timeout: 60000 });
  assert.match(await summary.textContent(), /Rows ready to import: 10000\. Rows with problems: 0\./);
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('[data-testid=accounts-table]', { timeout: 60000 });
  assert.match(await page.textContent('[data-testid=account-count]'), /of 10000 accounts/);
  await page.reload();
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.match(await page.textContent('[data-testid=account-count]'), /of 10000 accounts/);
  assert.deepEqual(problems, []);
});

/**
 * Writes a minimal workbook as Excel saves it: text as inline strings, numbers as
 * floats (`30001` is stored as 30001.0), and `{ date: 'YYYY-MM-DD' }` as a date serial
 * number in a cell formatted as a date.
 */
function writeWorkbook(path, rows) {
  const column = (i) => String.fromCharCode(65 + i);
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (value, ref) => {
    if (typeof value === 'number') return `<c r="${ref}"><v>${value.toFixed(1)}</v></c>`;
    if (value && value.date) {
      const serial = (Date.parse(`${value.date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
      return `<c r="${ref}" s="1"><v>${serial}</v></c>`;
    }
    return `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
  };
  const sheet = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cell(v, `${column(c)}${r + 1}`)).join('')}</row>`)
    .join('');
  const parts = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml':
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  };
  execFileSync('python3', [
    '-c',
    'import json, sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n    for name, text in json.load(sys.stdin).items(): z.writestr(name, text)',
    path,
  ], { input: JSON.stringify(parts) });
}

test('a date where the name belongs holds its row back, and numbers stay whole', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'kam-dates-')), '客户.xlsx');
  writeWorkbook(path, [
    ['客户编号', '客户名称', '联系电话', '财务状况'],
    [30001, { date: '2025-03-14' }, 13800138000, 7],
    [30002, '上海汽车', 13900139000, 8],
  ]);
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await chooseFile(page, path);
  await page.locator('[data-testid=import-summary]').waitFor();
  assert.match(await page.textContent('[data-testid=import-summary]'), /Rows ready to import: 1\. Rows with problems: 1\./);
  assert.equal(
    await page.textContent('[data-testid=import-problems] li'),
    'Row 2: Name holds a date, 2025-03-14: is a column shifted?',
  );
  await page.click('[data-testid=language-switch]');
  assert.match(await page.textContent('[data-testid=import-problems] li'), /第 2 行：.*“客户名称”列中是日期 2025-03-14：可能是列错位了/);
  await page.click('[data-testid=language-switch]');
  await importAndWait(page);
  await expectTexts(page, '[data-testid=accounts-table] .account-link', ['上海汽车']);
  await page.click('.account-link');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.inputValue('[data-field=number]'), '30002');
  assert.equal(await page.inputValue('[data-field=phone]'), '13900139000');
  assert.deepEqual(problems, []);
});

test('files that are not spreadsheets, and tools that cannot load, get a clear message', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  const dir = mkdtempSync(join(tmpdir(), 'kam-bad-'));
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  await page.setInputFiles('[data-testid=import-sheet-file]', empty);
  assert.equal(
    await page.textContent('[data-testid=import-error]'),
    'Could not read “empty.csv” as a spreadsheet: the file is empty',
  );
  const old = join(dir, 'old.xls');
  writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
  await page.setInputFiles('[data-testid=import-sheet-file]', old);
  await page.waitForSelector('text=it is an old Excel file (.xls)');
  assert.deepEqual(problems, []);

  // A fresh page whose sheets worker cannot be fetched says so, and keeps working.
  const second = await openPage(app.browser, app.server.origin);
  await second.context.route('**/sheets/**', (route) => route.abort());
  await second.page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await second.page.setInputFiles('[data-testid=import-sheet-file]', fixture);
  await second.page.waitForSelector('[data-testid=import-error]');
  assert.match(
    await second.page.textContent('[data-testid=import-error]'),
    /The spreadsheet tools could not be loaded \(.*\)\. Check the connection and try again\./,
  );
  // The aborted request is logged by the browser as a failed load; nothing else.
  assert.ok(second.problems.every((p) => /sheets|Failed to load/.test(p)), second.problems.join('\n'));
});

test('headers close to a criterion name are preselected as marked guesses that must be confirmed', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  const dir = mkdtempSync(join(tmpdir(), 'kam-guess-'));
  const path = join(dir, 'guess.csv');
  writeFileSync(path, '\uFEFF客户名称,IT支出,与我们现有关系,与竞争对手关系,备注\n甲公司,7,6,5,老客户\n乙公司,4,8,9,\n');
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await chooseFile(page, path);
  const chosen = () => page.$$eval('[data-testid=import-target]', (selects) => selects.map((s) => s.selectedOptions[0].textContent));
  const mapping = await chosen();
  assert.equal(mapping[0], '客户名称');
  assert.match(mapping[1], /年度IT产品\/服务预算或实际支出/);
  assert.match(mapping[2], /与我们现有业务的关系/);
  assert.match(mapping[3], /客户与竞争对手的关系/);
  assert.equal(mapping[4], '不导入');
  // Each guess is marked, and the import waits until they are confirmed.
  assert.equal(await page.locator('[data-testid=import-guess]').count(), 3);
  assert.match(await page.textContent('[data-testid=import-guess]'), /按相近名称推测，请确认/);
  await page.waitForSelector('[data-testid=import-summary]');
  assert.ok(await page.isDisabled('[data-testid=import-run]'));
  assert.match(await page.textContent('[data-testid=import-guesses-pending]'), /还有 3 列/);
  // Confirm two; change the third to "don't import".
  await page.click('[data-testid=import-guess-confirm] >> nth=0');
  await page.click('[data-testid=import-guess-confirm] >> nth=0');
  await page.selectOption('[data-testid=import-target] >> nth=3', { label: '不导入' });
  assert.equal(await page.locator('[data-testid=import-guess]').count(), 0);
  await page.waitForSelector('[data-testid=import-guesses-pending]', { state: 'detached' });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-run]').disabled);
  await importAndWait(page);
  await page.click('[data-testid=accounts-table] >> text=甲公司');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.inputValue('tr[data-criterion="2"] [data-testid=score-input]'), '7');
  assert.equal(await page.inputValue('tr[data-criterion="5"] [data-testid=score-input]'), '6');
  assert.deepEqual(problems, []);
});
