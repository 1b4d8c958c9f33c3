// The annual review as a manager goes through it: close a year, change scores, and see
// the movement — from/to table, flow chart, each move with what caused it — then start
// next year's model from this one and print the review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, expectNotice, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

const HOSTILE = '<img src=x onerror=window.__hacked=1>';

const accounts = [
  scoredAccount(1, 'Rising Motors', 4, 8), // Tier 2, then rescored to Tier 1
  scoredAccount(2, HOSTILE, 8, 8), // Tier 1, then rescored to Tier 2
  scoredAccount(3, 'Steady Steel', 7, 7), // Tier 1 throughout
  scoredAccount(4, 'Tin Works', 8, 3), // Tier 3 throughout
];

async function score(page, account, value) {
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/${account}`);
  for (let c = 1; c <= 4; c++) {
    await page.fill(`tr[data-criterion="${c}"] [data-testid=score-input]`, String(value));
  }
}

test('close a year, change scores, and see the movement in the review with its causes', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/review`);
  await page.waitForSelector('[data-testid=review-need-year]');
  assert.equal(await page.title(), 'Annual review · Key-account workbench');

  await page.fill('[data-testid=close-year-input]', '2025');
  await page.click('[data-testid=close-year-button]');
  assert.match(await page.textContent('[role=alertdialog]'),
    /Closing 2025 keeps a snapshot of the 4 accounts as they stand now; it cannot be changed afterwards\./);
  await page.click('[data-testid=close-year-confirm]');
  await expectNotice(page, /2025 is closed and its snapshot kept\./);
  assert.match(await page.textContent('[data-testid=closed-years]'), /^2025: closed on \d{4}-\d\d-\d\d, 4 accounts$/);
  // A closed year is never replaced.
  await page.click('[data-testid=close-year-button]');
  await page.click('[data-testid=close-year-confirm]');
  await expectNotice(page, /2025 is closed already; its snapshot cannot be replaced\./);

  // This year's scores change; the snapshot does not.
  await score(page, 1, 8);
  await score(page, 2, 3);
  await page.goto(`${app.server.origin}${SUB_PATH}#/review`);
  await page.waitForSelector('[data-testid=review-moves]');
  assert.equal(await page.inputValue('[data-testid=review-from]'), '2025');
  assert.equal(await page.inputValue('[data-testid=review-to]'), 'today');

  const move = (id) => page.textContent(`[data-testid=review-move][data-account="${id}"]`);
  assert.match(await move(1), /^Rising Motors\s*■\s*Tier 2\s*→\s*●\s*Tier 1\s*4\.0 → 8\.0\s*8\.0 → 8\.0/);
  assert.match(await move(1), /score on “Financial performance” 4 → 8; score on “Spend on our category” 4 → 8/);
  // A hostile name is text in the review.
  assert.match(await move(2), /^<img src=x onerror=window.__hacked=1>\s*●\s*Tier 1\s*→\s*■\s*Tier 2\s*8\.0 → 3\.0/);
  assert.equal(await page.locator('.review-page img').count(), 0);
  assert.equal(await page.locator('[data-testid=review-move]').count(), 2);
  // The from/to table: one account each way between Tier 1 and Tier 2, one stayed in each of Tier 1 and Tier 3.
  const cell = (from, to) => page.textContent(`[data-testid=review-from-to] tr[data-from=${from}] td[data-to=${to}]`);
  assert.equal(await cell('tier2', 'tier1'), '1');
  assert.equal(await cell('tier1', 'tier2'), '1');
  assert.equal(await cell('tier1', 'tier1'), '1');
  assert.equal(await cell('tier3', 'tier3'), '1');
  assert.equal(await page.textContent('[data-testid=review-counts] tr[data-tier=tier1] [data-testid=review-delta]'), '0');
  // The flow chart, drawn by plotters: both years, tier names, no markup from names.
  await page.waitForSelector('[data-testid=review-flow] svg');
  const flow = await page.textContent('[data-testid=review-flow]');
  assert.match(flow, /2025/);
  assert.match(flow, /Tier 1 · 2/);
  assert.equal(await page.getAttribute('[data-testid=review-flow]', 'aria-label'), 'Flow of tiers from 2025 to Today (not closed)');
  assert.match(await page.textContent('[data-testid=review-model-same]'), /The two years' models and thresholds are the same\./);
  assert.match(await page.textContent('[data-testid=review-results]'), /Objectives achieved: 0 of 0/);
  assert.equal(await page.evaluate(() => window.__hacked), undefined);

  // Printed: the review with its heading, without the pickers.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('[data-testid=review-from]'), false);
  assert.equal(await page.isVisible('[data-testid=close-year]'), false);
  assert.match(await page.textContent('.review-compare h2.print-only'), /Annual review, 2025 against Today \(not closed\)/);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // Next year's model starts from this one; the what-if compares it with 2025's.
  await page.click('[data-testid=start-next-model]');
  await page.waitForSelector('[data-testid=whatif]');
  assert.match(page.url(), /#\/model$/);
  await page.fill('tr[data-criterion="1"] [data-field=weight]', '60');
  await page.fill('tr[data-criterion="2"] [data-field=weight]', '10');
  await page.selectOption('[data-testid=whatif-from]', '2025');
  assert.equal(await page.textContent('[data-testid=whatif-model-changes]'),
    'weight of “Financial performance” 40% → 60%weight of “Spend on our category” 30% → 10%');

  // The closed year is kept across a reload.
  await page.reload();
  await page.goto(`${app.server.origin}${SUB_PATH}#/review`);
  await page.waitForSelector('[data-testid=closed-years]');
  assert.match(await page.textContent('[data-testid=closed-years]'), /2025/);
  assert.deepEqual(problems, []);
});

test('the review reads on a phone in Chinese', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/review`);
  await page.fill('[data-testid=close-year-input]', '2025');
  await page.click('[data-testid=close-year-button]');
  await page.click('[data-testid=close-year-confirm]');
  await expectNotice(page, /2025 年已关闭，快照已保存。/);
  await score(page, 1, 8);
  await page.goto(`${app.server.origin}${SUB_PATH}#/review`);
  await page.waitForSelector('[data-testid=review-flow] svg');
  assert.match(await page.textContent('[data-testid=review-move]'), /Rising Motors.*二级客户\s*→\s*●\s*一级客户/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  assert.deepEqual(problems, []);
  await context.close();
});
