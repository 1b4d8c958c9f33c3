// The strategy, action plan and revenue plan of an account plan as a user works on them:
// SMART objectives flagged until complete, overdue actions marked and counted, revenue
// variance computed; everything kept over a reload; the cross-account list of overdue
// actions with its remembered owner filter; user text shown as text everywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, scoredAccount, SUB_PATH, FORMAT, VERSION } from './harness.mjs';

const app = useApp({ before, after });
const HOSTILE = '<img src=x onerror=alert(1)>';

const tab = (page, section) => page.click(`.plan-tabs a[data-section=${section}]`);
const tabPercent = (page, section) => page.textContent(`.plan-tabs a[data-section=${section}] .percent-badge`);

/** Days from `iso` (a past date) to today, in the browser's (and this process's) time zone. */
function daysSince(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const now = new Date();
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(y, m - 1, d)) / 86400000);
}

function workspace() {
  const second = scoredAccount(2, 'Northwind Seating', 6, 6, {
    plan: {
      actions: [
        { id: 1, task: 'Send the quotation', owner: 'Li Lei', due: '2020-03-01', status: 'not_started' },
        { id: 2, task: 'Quarterly review', owner: 'Chen Jing', due: '2999-01-01', status: 'in_progress' },
        { id: 3, task: 'Closed long ago', owner: 'li lei ', due: '2019-01-01', status: 'done' },
      ],
      next_id: 4,
    },
  });
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    workspace: { accounts: [scoredAccount(1, 'Eastbay Motor Group', 8, 7), second], next_account_id: 3 },
  });
}

/** Types an amount and leaves the field, as a user does (amounts are taken on change). */
async function enter(page, field, value) {
  await page.fill(`[data-field="${field}"]`, value);
  await page.press(`[data-field="${field}"]`, 'Tab');
}

test('strategy, actions and revenue: checks, overdue marks, variance, reload, print', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspace() });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/strategy`);
  await page.waitForSelector('[data-testid=plan-section][data-section=strategy]');

  // Strategy: an objective without a date is flagged, beside it and at the top.
  await page.fill('[data-field=vision]', 'Their first call for seating systems');
  await page.click('[data-testid=add-objective]');
  const objective = await page.getAttribute('[data-objective]', 'data-objective');
  const of = (field) => `[data-field="objectives.${objective}.${field}"]`;
  await page.fill(of('text'), 'Win the 2027 platform');
  await page.fill(of('measure'), 'Platform awarded');
  await page.fill(of('target'), '1 platform');
  assert.equal(await page.textContent('[data-objective] [data-testid=objective-flag]'), '⚠ no due date');
  assert.equal(
    await page.textContent('[data-testid=objective-gaps]'),
    '⚠ Objective “Win the 2027 platform” is not SMART yet: no due date.',
  );
  assert.equal(await tabPercent(page, 'strategy'), '66%');
  await page.fill(of('due'), '2027-03-31');
  await page.waitForSelector('[data-testid=objective-flag]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=objective-gaps]').count(), 0);
  assert.equal(await tabPercent(page, 'strategy'), '100%');
  await page.selectOption(of('status'), 'on_track');

  // Actions linked to the objective; one overdue is marked in words and counted.
  await tab(page, 'actions');
  await page.click('[data-testid=add-action]');
  await page.click('[data-testid=add-action]');
  const [late, later] = await page.$$eval('[data-action]', (rows) => rows.map((r) => r.dataset.action));
  const act = (id, field) => `[data-field="actions.${id}.${field}"]`;
  await page.fill(act(late, 'task'), HOSTILE);
  await page.fill(act(late, 'owner'), 'Wang Fang');
  await page.fill(act(late, 'due'), '2020-01-15');
  await page.fill(act(later, 'task'), 'Plant visit');
  await page.fill(act(later, 'owner'), 'Li Lei');
  await page.fill(act(later, 'due'), '2999-12-31');
  const choices = await page.$$eval(`${act(late, 'objective')} option`, (os) => os.map((o) => o.textContent));
  assert.deepEqual(choices, ['(none)', 'Win the 2027 platform']);
  await page.selectOption(act(late, 'objective'), objective);
  await page.selectOption(act(later, 'objective'), objective);
  assert.match(await page.getAttribute(`[data-action="${late}"]`, 'class'), /\boverdue\b/);
  assert.equal(await page.textContent(`[data-action="${late}"] [data-testid=action-overdue]`), '⚠ Overdue');
  assert.doesNotMatch(await page.getAttribute(`[data-action="${later}"]`, 'class'), /\boverdue\b/);
  assert.equal(await page.textContent('[data-testid=overdue-count]'), '⚠ Overdue actions: 1.');
  assert.equal(await tabPercent(page, 'actions'), '100%');
  // Done is no longer overdue; blocked still is.
  await page.selectOption(act(late, 'status'), 'done');
  await page.waitForSelector('[data-testid=overdue-count]', { state: 'detached' });
  assert.doesNotMatch(await page.getAttribute(`[data-action="${late}"]`, 'class'), /\boverdue\b/);
  assert.equal(await page.locator('[data-testid=action-overdue]').count(), 0);
  await page.selectOption(act(late, 'status'), 'blocked');
  await page.waitForSelector(`[data-action="${late}"] [data-testid=action-overdue]`);
  assert.equal(await page.inputValue(act(late, 'task')), HOSTILE);

  // Revenue: a year, its figures and their variance; a quarter; refused periods.
  await tab(page, 'revenue');
  await page.fill('[data-field="revenue.new.year"]', '2027');
  await page.click('[data-testid=add-revenue-year]');
  await enter(page, 'revenue.2027.sales.target', '1,000');
  await enter(page, 'revenue.2027.sales.actual', '800');
  await enter(page, 'revenue.2027.profit.target', '100');
  await enter(page, 'revenue.2027.profit.actual', '125.5');
  assert.equal(await page.textContent('[data-variance="2027.sales"]'), '-200');
  assert.equal(await page.textContent('[data-variance-percent="2027.sales"]'), '-20.0%');
  assert.match(await page.getAttribute('[data-variance="2027.sales"]', 'class'), /\bnegative\b/);
  assert.equal(await page.textContent('[data-variance="2027.profit"]'), '+25.5');
  assert.equal(await page.textContent('[data-variance-percent="2027.profit"]'), '+25.5%');
  assert.doesNotMatch(await page.getAttribute('[data-variance="2027.profit"]', 'class'), /\bnegative\b/);
  assert.equal(await page.textContent('[data-variance="2027.margin"]'), '—');
  await page.selectOption('[data-field="revenue.new.quarter"]', '2');
  await page.click('[data-testid=add-revenue-quarter]');
  await page.fill('[data-field="revenue.new.year"]', '2026');
  await page.click('[data-testid=add-revenue-year]');
  const periods = () => page.$$eval('[data-revenue-line]', (ls) => ls.map((l) => l.dataset.revenueLine));
  assert.deepEqual(await periods(), ['2026', '2027', '2027-q2']);
  assert.equal(await page.textContent('[data-revenue-line="2027-q2"] caption'), '2027 Q2');
  await page.fill('[data-field="revenue.new.year"]', '2027');
  await page.click('[data-testid=add-revenue-year]');
  assert.equal(await page.textContent('[data-testid=revenue-problem]'), 'The revenue plan already has 2027.');
  await page.fill('[data-field="revenue.new.year"]', '27');
  await page.click('[data-testid=add-revenue-quarter]');
  assert.equal(await page.textContent('[data-testid=revenue-problem]'), 'Enter a year, e.g. 2026.');
  await page.click('[data-revenue-line="2026"] [data-testid=remove-revenue-line]');
  assert.deepEqual(await periods(), ['2027', '2027-q2']);
  assert.equal(await tabPercent(page, 'revenue'), '100%');

  // Everything is kept over a reload.
  await page.waitForSelector('[data-testid=save-status].saved');
  await page.reload();
  await page.waitForSelector('[data-testid=plan-section][data-section=revenue]');
  assert.deepEqual(await periods(), ['2027', '2027-q2']);
  assert.equal(await page.inputValue('[data-field="revenue.2027.sales.target"]'), '1,000');
  assert.equal(await page.inputValue('[data-field="revenue.2027.profit.actual"]'), '125.5');
  assert.equal(await page.textContent('[data-variance-percent="2027.sales"]'), '-20.0%');
  await tab(page, 'strategy');
  assert.equal(await page.inputValue('[data-field=vision]'), 'Their first call for seating systems');
  assert.equal(await page.inputValue(of('due')), '2027-03-31');
  assert.equal(await page.inputValue(of('status')), 'on_track');
  assert.equal(await page.locator('[data-testid=objective-flag]').count(), 0);
  await tab(page, 'actions');
  assert.equal(await page.inputValue(act(late, 'task')), HOSTILE);
  assert.equal(await page.inputValue(act(late, 'status')), 'blocked');
  assert.equal(await page.inputValue(act(late, 'objective')), objective);
  assert.equal(await page.inputValue(act(later, 'owner')), 'Li Lei');
  assert.equal(await page.textContent('[data-testid=overdue-count]'), '⚠ Overdue actions: 1.');

  // The printed plan carries the three sections, read-only, user text as text.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/print`);
  await page.waitForSelector('[data-testid=print-document]');
  assert.match(await page.textContent('[data-testid=objectives-table]'), /Win the 2027 platform.*Platform awarded.*1 platform.*31 Mar 2027.*On track/);
  const printedAction = page.locator(`[data-testid=actions-table] tr[data-action="${late}"]`);
  assert.equal(await printedAction.locator('td').first().textContent(), HOSTILE);
  assert.match(await printedAction.getAttribute('class'), /\boverdue\b/);
  assert.match(await printedAction.textContent(), /Blocked · ⚠ Overdue/);
  assert.equal(await page.textContent('[data-testid=revenue-table] [data-variance="2027.sales"]'), '-200');
  assert.equal(await page.textContent('[data-testid=revenue-table] [data-variance-percent="2027.profit"]'), '+25.5%');

  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.deepEqual(problems, []);
});

test('overdue actions across accounts, oldest first, with a remembered owner filter', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspace() });
  // A second overdue action, older, on the first account, its task hostile.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/actions`);
  await page.click('[data-testid=add-action]');
  const id = await page.getAttribute('[data-action]', 'data-action');
  await page.fill(`[data-field="actions.${id}.task"]`, HOSTILE);
  await page.fill(`[data-field="actions.${id}.owner"]`, 'Wang Fang');
  await page.fill(`[data-field="actions.${id}.due"]`, '2020-01-15');

  await page.click('nav >> text=Overdue actions');
  await page.waitForSelector('[data-testid=overdue-actions]');
  assert.equal(await page.getAttribute('.main-nav a[href="#/actions"]', 'aria-current'), 'page');
  const rows = () =>
    page.$$eval('[data-testid=overdue-actions] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
  assert.deepEqual(await rows(), [
    ['Eastbay Motor Group', HOSTILE, 'Wang Fang', '15 Jan 2020', `Days overdue: ${daysSince('2020-01-15')}`],
    ['Northwind Seating', 'Send the quotation', 'Li Lei', '1 Mar 2020', `Days overdue: ${daysSince('2020-03-01')}`],
  ]);
  assert.equal(await page.textContent('[data-testid=overdue-total]'), 'Overdue actions: 2.');
  const owners = await page.$$eval('[data-field="actions.owner"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(owners, ['Everyone', 'Chen Jing', 'Li Lei', 'Wang Fang']);

  // "My overdue actions": the choice is remembered over a reload.
  await page.selectOption('[data-field="actions.owner"]', 'Li Lei');
  assert.deepEqual((await rows()).map((r) => r[1]), ['Send the quotation']);
  assert.equal(await page.evaluate(() => localStorage.getItem('kam.actions.owner')), 'Li Lei');
  await page.reload();
  await page.waitForSelector('[data-testid=overdue-actions]');
  assert.equal(await page.inputValue('[data-field="actions.owner"]'), 'Li Lei');
  assert.deepEqual((await rows()).map((r) => r[1]), ['Send the quotation']);
  // An owner with nothing overdue gets the empty state.
  await page.selectOption('[data-field="actions.owner"]', 'Chen Jing');
  assert.equal(await page.textContent('[data-testid=no-overdue]'), 'No overdue actions.');
  await page.selectOption('[data-field="actions.owner"]', '');
  assert.equal((await rows()).length, 2);
  assert.equal(await page.evaluate(() => localStorage.getItem('kam.actions.owner')), null);

  // The account opens on its plan's actions, the overdue one highlighted.
  await page.click('[data-testid=overdue-actions] >> text=Northwind Seating');
  await page.waitForSelector('[data-testid=plan-section][data-section=actions]');
  assert.match(page.url(), /#\/accounts\/2\/plan\/actions$/);
  assert.match(await page.getAttribute('[data-action="1"]', 'class'), /\boverdue\b/);
  assert.equal(await page.locator('[data-action="3"] [data-testid=action-overdue]').count(), 0);

  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.deepEqual(problems, []);
});
