// The account plan as a user works on it: open it from the account, fill sections, see
// completeness and computed figures, reload, and print it (headless Chromium's
// print-to-PDF, A4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH, expectNotice } from './harness.mjs';

const app = useApp({ before, after });
const HOSTILE = '<img src=x onerror=alert(1)>';
const lastYear = new Date().getFullYear() - 1;

const tab = (page, section) => page.click(`.plan-tabs a[data-section=${section}]`);
const tabPercent = (page, section) => page.textContent(`.plan-tabs a[data-section=${section}] .percent-badge`);

test('a plan section is filled, computed, kept over a reload and shown in the account list', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, {
    'kam.workspace': workspaceFile([scoredAccount(1, 'Eastbay Motor Group', 8, 7, { relationship: 'customer' })]),
  });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  assert.match(await page.textContent('[data-testid=plan-summary]'), /Not started/);
  await page.click('[data-testid=open-plan]');
  await page.waitForSelector('[data-testid=plan-section][data-section=summary]');
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'Account plan: Eastbay Motor Group');
  assert.equal(await tabPercent(page, 'summary'), '0%');

  assert.equal(await page.textContent('[data-testid=plan-missing]'), 'Still missing: Overall purpose and direction');
  await page.fill('[data-field=summary]', `Grow to preferred supplier. ${HOSTILE}`);
  assert.equal(await tabPercent(page, 'summary'), '100%');
  assert.equal(await page.locator('[data-testid=plan-missing]').count(), 0);
  assert.match(await page.textContent('[data-testid=plan-complete]'), /^10% complete$/);

  // Profile: a fact with its provenance, an old date flags it; finance growth computed.
  await tab(page, 'profile');
  await page.fill('[data-fact=goals] [data-field=goals]', 'Double EV output by 2028');
  await page.selectOption('[data-field="goals.level"]', 'public_free');
  await page.fill('[data-field="goals.source"]', 'Annual report');
  await page.fill('[data-field="goals.date"]', `${lastYear - 1}-01-15`);
  await page.waitForSelector('[data-fact=goals] [data-testid=fact-due]');
  assert.match(await page.textContent('[data-fact=goals] [data-testid=fact-due]'), /Older than six months/);
  await page.fill(`[data-field="finance.${lastYear - 1}.revenue"]`, '1000');
  await page.press(`[data-field="finance.${lastYear - 1}.revenue"]`, 'Tab');
  await page.fill(`[data-field="finance.${lastYear}.revenue"]`, '1,100');
  await page.press(`[data-field="finance.${lastYear}.revenue"]`, 'Tab');
  assert.equal(await page.textContent(`[data-growth="${lastYear}.revenue"]`), '10.0%');
  // Something that is not an amount is explained and not stored.
  await page.fill(`[data-field="finance.${lastYear}.profit"]`, 'lots');
  await page.press(`[data-field="finance.${lastYear}.profit"]`, 'Tab');
  assert.match(await page.textContent('.finance-table [role=alert]'), /Enter a number/);
  assert.equal(await tabPercent(page, 'profile'), '28%');
  // The percentage is explained: what the section still lacks.
  assert.equal(
    await page.textContent('[data-testid=plan-missing]'),
    'Still missing: Market position, Main competitors, Latest business news, Their use of our category, Vendors they use',
  );

  // Our position: share of wallet is computed from two amounts.
  await tab(page, 'position');
  await page.fill('[data-field="position.our_sales"]', '300');
  await page.press('[data-field="position.our_sales"]', 'Tab');
  assert.equal(await page.textContent('[data-testid=share-of-wallet]'), 'Needs both amounts');
  await page.fill('[data-field="position.total_spend"]', '1,200');
  await page.press('[data-field="position.total_spend"]', 'Tab');
  assert.equal(await page.textContent('[data-testid=share-of-wallet]'), '25.0%');
  await page.selectOption('[data-field="position.ladder"]', 'preferred_supplier');
  // The workspace's unit of amounts names every amount field.
  await page.fill('[data-field=amount_unit]', ' k CNY ');
  await page.press('[data-field=amount_unit]', 'Tab');
  assert.equal(await page.textContent('label:has([data-field="position.our_sales"]) > span'), 'Our sales to the customer (k CNY)');

  // Six steps: done states count.
  await tab(page, 'six-steps');
  await page.fill('[data-field="six_steps.0"]', 'The market grows 8% a year');
  await page.check('[data-field="six_steps.0.done"]');
  // Competition, needs and the plan are worked in their own sections: those steps
  // link there instead of asking for the analysis twice.
  assert.equal(await page.locator('[data-step="1"] textarea, [data-step="1"] input[type=text]').count(), 0);
  assert.match(await page.textContent('[data-step="1"] [data-testid=step-link]'), /worked out in: Competitors · \d+%/);
  assert.equal(await page.locator('[data-step="0"] textarea').count(), 1);
  await page.check('[data-field="six_steps.1.done"]');
  assert.equal(await tabPercent(page, 'six-steps'), '33%');
  assert.equal(
    await page.textContent('[data-testid=plan-missing]'),
    'Still missing: the conclusion of step 3 (Personalised needs), the conclusion of step 4 (Customised solution), '
      + 'the conclusion of step 5 (Service-support capability), the conclusion of step 6 (Objectives and actions)',
  );
  await page.click('[data-step="1"] [data-testid=step-link] a');
  await page.waitForSelector('[data-testid=plan-section][data-section=competitors]');
  await tab(page, 'six-steps');

  // Competitors and analysis lists.
  await tab(page, 'competitors');
  await page.click('[data-testid=add-competitor]');
  await page.fill('[data-competitor] [data-field$=".name"]', HOSTILE);
  assert.equal(await page.textContent('[data-competitor] h3'), HOSTILE);
  await tab(page, 'analysis');
  await page.fill('[data-field="swot.strengths"]', 'Scale');
  await page.selectOption('[data-field="forces.rivalry.rating"]', '5');
  await page.click('[data-testid=add-need]');
  await page.fill('[data-need] [data-field$=".text"]', 'Lighter seats');
  await page.check('[data-need] [data-field$=".implicit"]');
  // Removing is undone from the notice, the item back as it was.
  await page.click('[data-need] .link-button');
  assert.equal(await page.locator('[data-need]').count(), 0);
  await expectNotice(page, /Removed “Lighter seats” from the plan\./);
  await page.click('[data-testid=undo-remove]');
  assert.equal(await page.inputValue('[data-need] [data-field$=".text"]'), 'Lighter seats');
  assert.equal(await page.isChecked('[data-need] [data-field$=".implicit"]'), true);

  // Everything is kept over a reload.
  await page.waitForSelector('[data-testid=save-status].saved');
  await page.reload();
  await page.waitForSelector('[data-testid=plan-section][data-section=analysis]');
  assert.equal(await page.inputValue('[data-need] [data-field$=".text"]'), 'Lighter seats');
  assert.equal(await page.isChecked('[data-need] [data-field$=".implicit"]'), true);
  assert.equal(await page.inputValue('[data-field="forces.rivalry.rating"]'), '5');
  await tab(page, 'profile');
  assert.equal(await page.inputValue(`[data-field="finance.${lastYear}.revenue"]`), '1,100');
  assert.equal(await page.inputValue('[data-field="goals.source"]'), 'Annual report');
  await tab(page, 'position');
  assert.equal(await page.textContent('[data-testid=share-of-wallet]'), '25.0%');
  assert.equal(await page.inputValue('[data-field=amount_unit]'), 'k CNY');
  const complete = await page.textContent('[data-testid=plan-complete]');

  // The account list shows how complete the plan is, and that information is stale.
  await page.click('nav >> text=Accounts');
  const cell = page.locator('[data-account-id="1"] .plan-cell');
  // Summaries come from the plan's code, loaded with them: "…" until then.
  await cell.locator('a[data-plan-complete]').waitFor();
  assert.equal(`${await cell.locator('a').textContent()} complete`, complete);
  assert.equal(await cell.locator('[data-testid=stale-mark]').count(), 1);
  assert.equal(await page.locator('img[src=x]').count(), 0);

  // The workspace file carries the plan.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.workspace.accounts[0].plan.summary, `Grow to preferred supplier. ${HOSTILE}`);
  assert.equal(file.workspace.accounts[0].plan.position.total_spend, 120000);
  assert.equal(file.workspace.amount_unit, 'k CNY');
  // The printed plan says what its amounts are in.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/print`);
  assert.match(await page.textContent('.print-meta'), /Amounts in k CNY/);
  assert.deepEqual(problems, []);
});

test('the plan prints on A4 with the matrix position, in the current language', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  const fixture = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'workspace-v2.json'), 'utf8');
  await seedStorage(page, { 'kam.workspace': fixture });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan`);
  await page.click('[data-testid=plan-print]');
  await page.waitForSelector('[data-testid=print-matrix] svg');
  assert.match(await page.textContent('[data-testid=print-title]'), /^客户计划：上海汽车零部件有限公司$/);
  const doc = await page.textContent('[data-testid=print-document]');
  for (const heading of ['1 概述', '2 客户概况', '3 客户分析', '4 决策单元', '5 竞争对手', '6 我们的地位', '7 六步分析法', '8 战略', '9 行动计划', '10 收入计划']) {
    assert.ok(doc.includes(heading), heading);
  }
  assert.ok(doc.includes('12.0%'), 'growth in the finance table');
  assert.ok(doc.includes('25.0%'), 'share of wallet');
  assert.ok(doc.includes('超过六个月，需更新'), 'stale facts marked');
  // The power map: the org chart nests the engineer under the buyer; names stay text.
  assert.ok(doc.includes(HOSTILE), 'hostile name printed as text');
  assert.equal(await page.locator('[data-testid=print-document] img').count(), 0);
  assert.ok((await page.locator('[data-testid=print-document] .org-chart').count()) > 0);
  // The page's chrome is not printed.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.app-header'), false);
  assert.equal(await page.isVisible('.print-toolbar'), false);
  await page.emulateMedia({ media: 'screen' });

  const dir = mkdtempSync(join(tmpdir(), 'kam-print-'));
  const path = join(dir, 'plan.pdf');
  const pdf = await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  // A4 pages (595 × 842 points), more than one.
  const text = pdf.toString('latin1');
  assert.match(text, /\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
  assert.ok((text.match(/\/Type \/Page\b/g) || []).length >= 2);
  assert.deepEqual(problems, []);
});
