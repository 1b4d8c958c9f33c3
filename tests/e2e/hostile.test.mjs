// Hostile text, everywhere a user or a file can put text: every text field of an account
// and of its plan, and every import path (workspace file, merge file, CSV, XLSX). Each
// string must come back as the same text in every view, chart, print layout and export,
// with no script run, no element made from it, no `javascript:` link, and no page made
// wider than the window (long text wraps, or is cut with the whole value still there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH, expectNotice } from './harness.mjs';

const app = useApp({ before, after });

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</text><script>alert(2)</script>',
  'javascript:alert(3)',
  '\u202Eevil\u202C right-to-left override',
  'zero\u200B\u200C\u200Dwidth\uFEFF joiners',
  'Zalgo Z\u0335\u0321\u0322a\u0348\u0319 combining',
  '👩‍👩‍👧‍👦 emoji 🏳️‍🌈',
  'nul\u0000byte',
];
const LONG = `Long ${'长'.repeat(50000)}${'x'.repeat(50000)}`;

const SECTIONS = ['summary', 'profile', 'analysis', 'people', 'competitors', 'position', 'six-steps', 'strategy', 'actions', 'revenue'];
const VIEWS = ['#/accounts', '#/accounts/1', '#/accounts/2', '#/ranking', '#/actions', '#/matrix', '#/pyramid', '#/workspaces', '#/contacts', '#/pipeline', '#/calendar', '#/inquiries', '#/people', '#/review', '#/portfolio', ...SECTIONS.map((s) => `#/accounts/1/plan/${s}`), '#/accounts/1/plan/print', '#/accounts/2/plan/print'];

async function settle(page, route) {
  await page.goto(`${app.server.origin}${SUB_PATH}${route}`);
  await page.waitForSelector('main > *');
  await page.waitForFunction(() => !document.querySelector('.page-loading'));
  await page.waitForTimeout(200);
}

// Text fields a user types into (not searches and filters, nor the score and number
// fields, which refuse text).
// The reasons of the override forms are kept only when their form is applied, so they
// are given hostile text through their forms instead; so is the contact log's form
// (a draft until it is logged), whose entries the engagement tests cover.
const TEXT_FIELDS = 'main :is(input:not([type]), input[type=text], input[type=email], input[type=tel], textarea):not([data-testid=score-input]):not([data-field$=override_reason]):not([data-testid=log-form] *):not([data-role=entry] *):not([data-field=lost-reason]):not([readonly]):not([disabled]):visible';

/** The page's text fields: a name for each (its label) and what it holds. */
function fieldValues(page) {
  return page.$$eval(TEXT_FIELDS.replace(':visible', ''), (els) =>
    els.map((e, i) => [`${i} ${e.dataset.field ?? e.getAttribute('aria-label') ?? e.closest('label')?.textContent.trim().slice(0, 40) ?? ''}`, e.value]),
  );
}

/**
 * Types a hostile string into every text field of the page. Returns what each holds
 * then, leaving out the fields that refused the text as invalid (numbers, amounts).
 */
async function fillEveryField(page, offset) {
  const fields = page.locator(TEXT_FIELDS);
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || !(await field.isEditable())) continue;
    await field.fill(HOSTILE[(i + offset) % HOSTILE.length]);
    await field.blur();
  }
  const refused = await page.$$eval(TEXT_FIELDS.replace(':visible', ''), (els) => els.map((e) => e.getAttribute('aria-invalid') === 'true' || /numeric|decimal/.test(e.inputMode)));
  return (await fieldValues(page)).filter((_, i) => !refused[i]);
}

/** What a hostile string may not do to the page, checked wherever it is shown. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    made: document.querySelectorAll('main img, main script, main iframe, main object, main embed, main foreignObject, main svg script, main svg image').length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  assert.equal(found.made, 0, `${where}: an element was made from text`);
  assert.equal(found.links, 0, `${where}: a javascript: link`);
  assert.ok(found.wide <= 0, `${where}: the page is ${found.wide} px wider than the window`);
}

test('hostile text in every field of an account and its plan stays text in every view, print layout and export', async () => {
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin);
  await page.click('[data-testid=start-demo]');
  await page.waitForSelector('[data-testid=demo-banner]');

  const typed = {};
  let offset = 0;
  for (const route of ['#/accounts/1', ...SECTIONS.map((s) => `#/accounts/1/plan/${s}`)]) {
    await settle(page, route);
    typed[route] = await fillEveryField(page, offset);
    offset += typed[route].length;
  }
  // A manager's overrides, each with a hostile reason.
  await settle(page, '#/accounts/1');
  await page.fill('[data-field=override_reason]', HOSTILE[0]);
  await page.click('[data-testid=apply-override]');
  await page.fill('[data-field=level_override_reason]', HOSTILE[1]);
  await page.click('[data-testid=apply-level-override]');
  await settle(page, '#/accounts/2');
  await page.fill('[data-field=name]', LONG);
  await page.locator('[data-field=name]').blur();
  await page.waitForSelector('[data-testid=save-status].saved');
  assert.ok(offset > 40, `only ${offset} text fields were found`);
  // The development section's entries are added by their buttons, each with hostile text.
  await settle(page, '#/accounts/1');
  await page.fill('[data-testid=contract-date]', '2025-05-01');
  await page.fill('[data-testid=contract-note]', HOSTILE[2]);
  await page.click('[data-testid=contract-add]');
  await page.fill('[data-testid=referral-name]', HOSTILE[3]);
  await page.click('[data-testid=referral-add]');
  if (await page.isVisible('[data-testid=strategic-clear]')) await page.click('[data-testid=strategic-clear]');
  await page.fill('[data-testid=strategic-reason]', HOSTILE[4]);
  await page.click('[data-testid=strategic-set]');
  await page.fill('[data-testid=assessment-note]', HOSTILE[5]);
  await page.click('[data-testid=assessment-add]');
  await page.fill('[data-testid=group-search]', HOSTILE[6]);
  await page.waitForSelector('[data-testid=save-status].saved');

  // Stored, read back: every field holds what was typed.
  // The workspace's amount unit is a field of several plan sections: the last typed holds.
  const unit = Object.values(typed).flat().filter(([field]) => field.endsWith(' amount_unit')).at(-1)?.[1];
  await page.reload();
  for (const [route, values] of Object.entries(typed)) {
    await settle(page, route);
    const now = new Map(await fieldValues(page));
    for (const [field, value] of values) {
      assert.equal(now.get(field), field.endsWith(' amount_unit') ? unit : value, `${route}: ${field}`);
    }
  }
  await settle(page, '#/accounts/2');
  assert.equal(await page.inputValue('[data-field=name]'), LONG);
  await settle(page, '#/accounts/1');
  assert.ok((await page.textContent('[data-testid=why-tier]')).includes(`Reason: ${HOSTILE[0]}`), 'the tier override shows its reason as typed');
  assert.ok((await page.textContent('[data-testid=pyramid-section]')).includes(`Reason: ${HOSTILE[1]}`), 'the level override shows its reason as typed');
  await assertInert(page, 'the overrides');
  const development = await page.textContent('[data-testid=development]');
  for (const text of HOSTILE.slice(2, 6)) {
    assert.ok(development.includes(text.trim()) || development.includes(text), `the development section shows ${JSON.stringify(text.slice(0, 30))} as text`);
  }
  await assertInert(page, 'the development section');

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const route of VIEWS) {
      await settle(page, route);
      await assertInert(page, `${route} at ${width} px`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await settle(page, '#/accounts/1');
  // The title shows the name exactly as typed.
  assert.equal(await page.textContent('[data-testid=account-title]'), await page.inputValue('[data-field=name]'));
  // The long name is cut or wrapped on the list, and all of it is still there.
  await settle(page, '#/accounts');
  const long = await page.evaluate(() => {
    const link = [...document.querySelectorAll('[data-testid=accounts-table] .account-link')].find((a) => a.textContent.startsWith('Long '));
    return { length: link.textContent.length, width: link.getBoundingClientRect().width, window: innerWidth };
  });
  assert.equal(long.length, LONG.length);
  assert.ok(long.width < long.window, 'the long name fits the window');

  // Print layouts.
  await page.emulateMedia({ media: 'print' });
  for (const route of ['#/accounts/1/plan/print', '#/accounts/2/plan/print', '#/matrix', '#/pyramid']) {
    await settle(page, route);
    await assertInert(page, `${route} in print`);
  }
  await page.emulateMedia({ media: 'screen' });

  // Exports: the workspace file holds every string as it was typed; the charts' SVG
  // holds them as escaped text; the ranked list's CSV and XLSX download.
  const dir = mkdtempSync(join(tmpdir(), 'kam-hostile-'));
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  const exported = readFileSync(await file.path(), 'utf8');
  const workspace = JSON.parse(exported).workspace;
  const names = workspace.accounts.map((a) => a.name);
  assert.ok(names.includes(LONG));
  for (const text of HOSTILE) assert.ok(exported.includes(JSON.stringify(text).slice(1, -1)), `the file holds ${JSON.stringify(text)}`);
  await settle(page, '#/matrix');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-svg]')]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  assert.doesNotMatch(svgText, /<script|<img|<foreignObject|<\/text><script/i);
  await settle(page, '#/ranking');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.ok(csvText.includes(LONG), 'the CSV holds the long name whole');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  const xlsxPath = join(dir, 'ranking.xlsx');
  await xlsx.saveAs(xlsxPath);
  // Excel holds 32,767 characters in a cell: the long name is cut there, and the user told.
  await expectNotice(page, /1 cell was longer than Excel allows \(32,767 characters\) and is cut in the XLSX file/);
  writeFileSync(join(dir, 'workspace.json'), exported);

  // The XLSX imported into an empty workspace gives the same names back, the long one
  // as Excel holds it.
  await seedStorage(page, {});
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await page.setInputFiles('[data-testid=import-sheet-file]', xlsxPath);
  await page.waitForSelector('[data-testid=import-summary]');
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('[data-testid=accounts-table]');
  const [back] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  const backNames = JSON.parse(readFileSync(await back.path(), 'utf8')).workspace.accounts.map((a) => a.name).sort();
  const inExcel = names.map((name) => (name === LONG ? `${LONG.slice(0, 32_766)}…` : name));
  assert.deepEqual(backNames, inExcel.sort());
  await assertInert(page, 'accounts after the XLSX import');

  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('hostile names arriving by every import path stay text: workspace file, merge file, CSV', async () => {
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin);
  const accounts = HOSTILE.map((name, i) => scoredAccount(i + 1, name, 8 - (i % 5), 3 + (i % 6), { number: `H-${i}`, segment: HOSTILE[(i + 1) % HOSTILE.length], notes: HOSTILE[(i + 2) % HOSTILE.length] }));
  accounts.push(scoredAccount(accounts.length + 1, LONG, 5, 5, { number: 'H-long' }));
  const file = workspaceFile(accounts);

  // A workspace file, replacing the open workspace.
  await page.setInputFiles('[data-testid=import-file]', { name: '<b>file</b>.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.click('[data-testid=confirm-import]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  for (const route of ['#/accounts', '#/ranking', '#/matrix', '#/pyramid']) {
    await settle(page, route);
    await assertInert(page, `${route} after a workspace file`);
  }
  await settle(page, '#/accounts');
  const shown = await page.$$eval('[data-testid=accounts-table] .account-link', (as) => as.map((a) => a.textContent));
  for (const name of HOSTILE) assert.ok(shown.includes(name), `listed: ${JSON.stringify(name)}`);

  // The same file merged into an empty workspace: listed as new, then added.
  await seedStorage(page, {});
  await page.setInputFiles('[data-testid=import-file]', { name: 'merge.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-new-accounts]');
  await assertInert(page, 'the merge page');
  const offered = await page.$$eval('[data-testid=merge-new] .merge-name', (els) => els.map((e) => e.textContent));
  for (const name of HOSTILE) assert.ok(offered.includes(name), `offered: ${JSON.stringify(name)}`);
  await page.click('[data-testid=merge-apply]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), accounts.length);

  // A CSV with the same names, but for NUL: a file with NUL bytes is no text file (it
  // is refused as "not a spreadsheet", see import.test.mjs).
  const quote = (s) => `"${s.replaceAll('"', '""')}"`;
  const textual = accounts.filter((a) => !a.name.includes('\u0000'));
  const csv = ['Name,Segment', ...textual.map((a) => `${quote(a.name)},${quote((a.segment ?? '').replaceAll('\u0000', ''))}`)].join('\r\n');
  const dir = mkdtempSync(join(tmpdir(), 'kam-hostile-csv-'));
  writeFileSync(join(dir, 'hostile.csv'), csv);
  await seedStorage(page, {});
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await page.setInputFiles('[data-testid=import-sheet-file]', join(dir, 'hostile.csv'));
  await page.waitForSelector('[data-testid=import-summary]');
  await assertInert(page, 'the import page');
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr');
  const imported = await page.$$eval('[data-testid=accounts-table] .account-link', (as) => as.map((a) => a.textContent));
  for (const a of textual) assert.ok(imported.includes(a.name), `imported: ${JSON.stringify(a.name).slice(0, 60)}`);
  await assertInert(page, 'accounts after the CSV import');

  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});
