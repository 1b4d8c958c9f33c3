// Engagement as a team uses it, on a fixed clock (Playwright's, installed before the app
// starts): our people and "who am I"; an account's owners, summary header, pipeline and
// contact log; the contacts due list, where logging a contact takes an account off; the
// pipeline board with stuck accounts; the calendar's months and its .ics file; inbound
// inquiries whose deadlines change state as the clock passes them. Hostile text in a
// colleague's name and a next step stays text everywhere, the .ics file included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openPage, seedStorage, scoredAccount, storedWorkspace, expectNotice, SUB_PATH, FORMAT, VERSION } from './harness.mjs';

const app = useApp({ before, after });
const HOSTILE = '<img src=x onerror=alert(1)>';
/** Monday 16 March 2026, 09:00 in the browser's time zone. */
const NOW = '2026-03-16T09:00:00';

function workspace() {
  const eastbay = scoredAccount(1, 'Eastbay Motor Group', 8, 8, {
    overall_owner: 1,
    daily_owner: 2,
    engagement: {
      since: '2025-06-01',
      pipeline: [{ stage: 'first_contact', on: '2025-06-01' }],
      activities: [
        { id: 1, at: '2026-01-10T10:00:00', kind: 'routine_visit', ours: [2], tenths_of_hours: 20, notes: 'Met the buyer', next_step: 'Send the proposal, with prices', next_step_on: '2026-03-20' },
        { id: 2, at: '2025-12-01T15:30:00', kind: 'phone_or_email', ours: [3], tenths_of_hours: 5, next_step: HOSTILE, next_step_on: '2026-03-27' },
      ],
      next_id: 3,
    },
    plan: {
      people: [{ id: 1, name: 'Helen Park', title: 'COO' }],
      actions: [{ id: 1, task: 'Quarterly review', owner: 'Li Na', due: '2026-03-25', status: 'in_progress' }],
      next_id: 2,
    },
  });
  const northwind = scoredAccount(2, 'Northwind Seating', 4, 8, {
    relationship: 'customer',
    daily_owner: 2,
    engagement: {
      pipeline: [{ stage: 'first_contact', on: '2025-12-01' }, { stage: 'seminars', on: '2026-02-01', seminars: 2 }],
      activities: [{ id: 1, at: '2026-03-01T10:00:00', kind: 'technical_exchange', ours: [2], tenths_of_hours: 30 }],
      next_id: 2,
    },
  });
  const harbor = scoredAccount(3, 'Harbor Glass', 8, 4, { overall_owner: 1 });
  const faraway = scoredAccount(4, 'Far Away Parts', 3, 3);
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    workspace: {
      accounts: [eastbay, northwind, harbor, faraway],
      next_account_id: 5,
      engagement: {
        team: {
          people: [
            { id: 1, name: 'Wang Wei', role: 'segment_manager', team: 'East' },
            { id: 2, name: 'Li Na', role: 'account_manager', team: 'East' },
            { id: 3, name: HOSTILE, role: 'researcher' },
          ],
          next_id: 4,
        },
      },
    },
  });
}

/** A page on the fixed clock with the seeded workspace, at `hash`. */
async function open(hash, { seed = workspace(), width = 1280 } = {}) {
  const context = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true, viewport: { width, height: 900 } });
  await context.clock.install({ time: new Date(NOW) });
  const opened = await openPage(app.browser, app.server.origin, { context });
  if (seed) await seedStorage(opened.page, { 'kam.workspace': seed });
  await opened.page.goto(`${app.server.origin}${SUB_PATH}${hash}`);
  return opened;
}

async function clean({ page, problems, dialogs, context }) {
  assert.equal(await page.locator('img[src=x]').count(), 0, 'no hostile markup became an element');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
}

const summary = (page, key) => page.textContent(`[data-summary=${key}] dd`);

test('our people: added with checks, "who am I" kept per browser, renamed, removed with undo', async () => {
  const opened = await open('#/people', { seed: null });
  const { page } = opened;
  await page.waitForSelector('[data-testid=no-people]');
  await page.click('[data-testid=add-colleague-button]');
  assert.match(await page.textContent('[data-testid=add-colleague]'), /Enter a name/);
  await page.fill('[data-field=person-name]', 'Wang Wei');
  await page.selectOption('[data-field=person-role]', 'segment_manager');
  await page.fill('[data-field=person-team]', 'East');
  await page.click('[data-testid=add-colleague-button]');
  await page.waitForSelector('tr[data-person-id="1"]');
  await page.fill('[data-field=person-name]', ' wang wei ');
  await page.click('[data-testid=add-colleague-button]');
  assert.match(await page.textContent('[data-testid=add-colleague]'), /Someone of that name is listed already/);
  await page.fill('[data-field=person-name]', HOSTILE);
  await page.click('[data-testid=add-colleague-button]');
  await page.waitForSelector('tr[data-person-id="2"]');
  assert.equal(await page.inputValue('tr[data-person-id="2"] [data-field=name]'), HOSTILE);
  assert.equal(await page.inputValue('tr[data-person-id="1"] [data-field=role]'), 'segment_manager');

  await page.selectOption('[data-field=me]', '1');
  await page.reload();
  await page.waitForSelector('tr[data-person-id="2"]');
  assert.equal(await page.inputValue('[data-field=me]'), '1', 'who am I is remembered in this browser');
  await page.fill('tr[data-person-id="2"] [data-field=name]', 'Li Na');
  await page.selectOption('tr[data-person-id="2"] [data-field=role]', 'account_manager');

  await page.click('tr[data-person-id="1"] [data-testid=remove-person]');
  await page.waitForSelector('tr[data-person-id="1"]', { state: 'detached' });
  await expectNotice(page, /Removed “Wang Wei”/);
  await page.click('[data-testid=undo-remove]');
  await page.waitForSelector('tr[data-person-id="1"]');
  await page.waitForSelector('[data-testid=save-status].saved');
  const stored = await storedWorkspace(page);
  assert.deepEqual(stored.workspace.engagement.team.people.map((p) => [p.id, p.name, p.role]), [
    [1, 'Wang Wei', 'segment_manager'],
    [2, 'Li Na', 'account_manager'],
  ]);
  await clean(opened);
});

test('an account opens with its summary; owners, pipeline and a logged contact update it and the power map', async () => {
  const opened = await open('#/accounts/1');
  const { page } = opened;
  await page.waitForSelector('[data-testid=account-summary]');
  assert.equal(await summary(page, 'overall-owner'), 'Wang Wei');
  assert.equal(await summary(page, 'daily-owner'), 'Li Na');
  assert.equal(await summary(page, 'stage'), 'First contact · 288 days');
  assert.equal(await summary(page, 'last-contact'), '10 Jan 2026 10:00');
  assert.equal(await summary(page, 'next-step'), 'Send the proposal, with prices · 20 Mar 2026');
  assert.equal(await summary(page, 'cadence'), '34 days overdue (10 Feb 2026)');
  assert.equal(await summary(page, 'level'), 'Super-potential customers');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the account opens at its top');

  await page.selectOption('[data-field=daily-owner]', '3');
  assert.equal(await summary(page, 'daily-owner'), HOSTILE);

  // The form proposes the next stage; a lost deal needs its reason.
  assert.equal(await page.inputValue('[data-field=stage]'), 'seminars');
  await page.click('[data-testid=record-stage]');
  assert.equal(await summary(page, 'stage'), '1 seminar held · 0 days');
  await page.selectOption('[data-field=stage]', 'lost');
  await page.click('[data-testid=record-stage]');
  assert.match(await page.textContent('[data-testid=pipeline-error]'), /Enter why it was lost/);
  await page.selectOption('[data-field=stage]', 'drafting_proposal');
  await page.click('[data-testid=record-stage]');
  assert.match(await page.textContent('[data-testid=pipeline-history]'), /16 Mar 2026 · Drafting proposal.*16 Mar 2026 · 1 seminar held.*1 Jun 2025 · First contact/);

  // A contact with Helen Park of the decision-making unit.
  await page.fill('[data-field=hours]', 'two');
  await page.click('[data-testid=log-contact]');
  assert.match(await page.textContent('[data-testid=log-form]'), /Hours are a number/);
  await page.fill('[data-field=hours]', '1.5');
  await page.selectOption('[data-field=kind]', 'executive_meeting');
  await page.check('[data-field=theirs][data-person="1"]');
  await page.check('[data-field=ours][data-person="1"]');
  await page.fill('[data-field=notes]', 'Agreed the pilot');
  await page.fill('[data-field=next-step]', 'Pilot kick-off');
  await page.fill('[data-field=next-step-on]', '2026-04-02');
  await page.click('[data-testid=log-contact]');
  await page.waitForSelector('.log-entry >> nth=2');
  assert.equal(await summary(page, 'last-contact'), '16 Mar 2026 09:00');
  assert.equal(await summary(page, 'next-step'), 'Pilot kick-off · 2 Apr 2026');
  assert.equal(await summary(page, 'cadence'), 'in 31 days (16 Apr 2026)');
  const first = await page.textContent('.log-entry >> nth=0');
  assert.match(first, /16 Mar 2026 09:00 · Executive or strategy meeting · 1\.5 h/);
  assert.match(first, /Wang Wei ↔ Helen Park/);

  await page.reload();
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/people`);
  await page.waitForSelector('[data-testid=plan-section][data-section=people]');
  assert.equal(await page.inputValue('[data-field="people.1.last_contact"]'), '2026-03-16', "the person's last contact moved");
  await clean(opened);
});

test('contacts due: most overdue first, filtered by owner and tier; one click logs a contact and the account leaves', async () => {
  const opened = await open('#/contacts');
  const { page } = opened;
  await page.waitForSelector('[data-testid=contacts-due]');
  const rows = () => page.locator('[data-testid=contacts-due] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 5).map((c) => c.textContent.trim())));
  assert.deepEqual(await rows(), [
    ['Harbor Glass', '▲Tier 3', 'Wang Wei', 'Never', 'now (never contacted)'],
    ['Eastbay Motor Group', '●Tier 1', 'Li Na', '10 Jan 2026 10:00', '34 days overdue (10 Feb 2026)'],
  ]);
  assert.equal(await page.textContent('[data-testid=contacts-total]'), '2 accounts need a contact');

  await page.selectOption('[data-field="contacts.owner"]', 'mine');
  assert.match(await page.textContent('[data-testid=mine-unset]'), /Pick “who am I”/);
  await page.selectOption('[data-field="contacts.owner"]', '2');
  assert.deepEqual((await rows()).map((r) => r[0]), ['Eastbay Motor Group']);
  await page.selectOption('[data-field="contacts.owner"]', '');
  await page.selectOption('[data-field="contacts.tier"]', 'tier3');
  assert.deepEqual((await rows()).map((r) => r[0]), ['Harbor Glass']);
  await page.selectOption('[data-field="contacts.tier"]', '');

  await page.click('tr[data-account-id="1"] [data-testid=log-now]');
  await page.waitForSelector('tr[data-account-id="1"]', { state: 'detached' });
  await expectNotice(page, /Contact with “Eastbay Motor Group” logged/);
  assert.equal(await page.textContent('[data-testid=contacts-total]'), '1 account needs a contact');
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=account-summary]');
  assert.equal(await summary(page, 'last-contact'), '16 Mar 2026 09:00');
  await clean(opened);
});

test('the pipeline board: accounts per stage with days, stuck ones flagged, limits editable, filtered by tier', async () => {
  const opened = await open('#/pipeline');
  const { page } = opened;
  await page.waitForSelector('[data-testid=pipeline-board]');
  const column = (stage) => page.textContent(`.pipeline-column[data-stage=${stage}]`);
  assert.match(await column('first_contact'), /Eastbay Motor Group.*288 days.*⚠ Stuck/);
  assert.match(await column('seminars'), /Northwind Seating.*2 seminars held.*43 days/);
  assert.doesNotMatch(await column('seminars'), /Stuck/);
  assert.match(await column('none'), /Harbor Glass/);
  assert.doesNotMatch(await page.textContent('[data-testid=pipeline-board]'), /Far Away Parts/, 'not pursued: not on the board');

  await page.click('.pipeline-page details summary');
  await page.fill('[data-field=limit-first_contact]', '400');
  await page.press('[data-field=limit-first_contact]', 'Enter');
  await page.waitForFunction(() => !document.querySelector('.pipeline-column[data-stage=first_contact]').textContent.includes('Stuck'));
  await page.selectOption('[data-field="pipeline.tier"]', 'tier2');
  assert.equal(await page.locator('.pipeline-card').count(), 1);
  assert.match(await column('seminars'), /Northwind Seating/);
  await clean(opened);
});

test('the calendar: a month of items, navigable, on a phone as a list, and its planned items as an .ics file', async () => {
  const opened = await open('#/calendar');
  const { page } = opened;
  await page.waitForSelector('[data-testid=calendar-grid]');
  assert.equal(await page.textContent('[data-testid=calendar-month]'), 'Mar 2026');
  const day = (date) => page.textContent(`.calendar-day[data-date="${date}"]`);
  assert.match(await day('2026-03-20'), /Next step Eastbay Motor Group · Send the proposal, with prices/);
  assert.match(await day('2026-03-25'), /Action due Eastbay Motor Group · Quarterly review/);
  assert.match(await day('2026-03-27'), /Next step Eastbay Motor Group · <img src=x onerror=alert\(1\)>/);
  assert.match(await day('2026-03-01'), /Contacted Northwind Seating/);
  await page.click('[data-testid=previous-month]');
  assert.equal(await page.textContent('[data-testid=calendar-month]'), 'Feb 2026');
  assert.match(await day('2026-02-10'), /Contact due Eastbay Motor Group/);
  await page.click('[data-testid=next-month]');
  await page.click('[data-testid=next-month]');
  await page.click('[data-testid=next-month]');
  assert.equal(await page.textContent('[data-testid=calendar-month]'), 'May 2026');
  await page.click('[data-testid=this-month]');
  assert.equal(await page.textContent('[data-testid=calendar-month]'), 'Mar 2026');

  const download = page.waitForEvent('download');
  await page.click('[data-testid=download-ics]');
  const file = await download;
  assert.match(file.suggestedFilename(), /^kam-calendar-2026-03-16\.ics$/);
  const ics = readFileSync(await file.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /SUMMARY:Next step · Eastbay Motor Group\r\nDESCRIPTION:Send the proposal\\, with prices\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20260325\r\n/);
  assert.match(ics, /DESCRIPTION:<img src=x onerror=alert\(1\)>\r\n/);
  assert.doesNotMatch(ics, /Contacted/, 'contacts made are not planned items');
  assert.match(ics, /SUMMARY:Contact due · Northwind Seating/);

  await page.setViewportSize({ width: 390, height: 800 });
  assert.equal(await page.locator('.calendar-day[data-date="2026-03-02"]').isVisible(), false, 'empty days fold away');
  assert.equal(await page.locator('.calendar-day[data-date="2026-03-20"] .day-full').isVisible(), true);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');

  // Printed: the month without the navigation and buttons.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.engagement-tabs').isVisible(), false);
  assert.equal(await page.locator('[data-testid=download-ics]').isVisible(), false);
  assert.equal(await page.locator('.calendar-day[data-date="2026-03-20"]').isVisible(), true);
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=account-summary]');
  assert.equal(await page.locator('[data-testid=log-form]').isVisible(), false, 'the contact form is not printed');
  assert.equal(await page.locator('[data-testid=contact-entries]').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  await clean(opened);
});

test('inquiries: logged with checks, deadlines change state as the clock passes, ticked, summarised, made a target', async () => {
  const opened = await open('#/inquiries');
  const { page, context } = opened;
  await page.waitForSelector('[data-testid=inquiry-form]');
  await page.click('[data-testid=log-inquiry]');
  assert.match(await page.textContent('[data-testid=inquiry-form]'), /Enter the company/);
  await page.fill('[data-testid=inquiry-form] [data-field=company]', 'Sunrise Logistics');
  await page.fill('[data-testid=inquiry-form] [data-field=industry]', 'Logistics');
  await page.fill('[data-testid=inquiry-form] [data-field=contact]', 'Zhou Min');
  await page.fill('[data-testid=inquiry-form] [data-field=request]', HOSTILE);
  await page.selectOption('[data-testid=inquiry-form] [data-field=importance]', 'important');
  await page.selectOption('[data-testid=inquiry-form] [data-field=handler]', '1');
  await page.click('[data-testid=log-inquiry]');
  await page.waitForSelector('.inquiry[data-inquiry-id="1"]');
  const card = '.inquiry[data-inquiry-id="1"]';
  const state = () => page.textContent(`${card} [data-testid=inquiry-state]`);
  const step = (s) => page.textContent(`${card} tr[data-step=${s}] [data-testid=step-state]`);
  assert.equal(await state(), 'On time');
  assert.equal(await step('logged'), 'Met');
  assert.equal(await step('followed_up'), 'Not started');
  assert.match(await page.textContent(card), /Wang Wei/);

  await context.clock.fastForward('19:00:00');
  await page.waitForFunction((c) => document.querySelector(`${c} [data-testid=inquiry-state]`).textContent === 'Due soon', card);
  assert.equal(await step('reported'), 'Due soon');
  await context.clock.fastForward('06:00:00');
  await page.waitForFunction((c) => document.querySelector(`${c} [data-testid=inquiry-state]`).textContent === 'Overdue', card);
  assert.match(await page.textContent('[data-testid=summary-overdue]'), /Sunrise Logistics/);

  await page.click(`${card} tr[data-step=reported] [data-testid=tick]`);
  await page.click(`${card} tr[data-step=answered] [data-testid=tick]`);
  assert.equal(await step('reported'), 'Met late');
  assert.equal(await state(), 'Met late');
  await page.click(`${card} tr[data-step=followed_up] [data-testid=materials-now]`);
  assert.equal(await step('followed_up'), 'On time');
  assert.match(await page.textContent('[data-testid=summary-received]'), /1 received/);
  assert.match(await page.textContent('[data-testid=summary-met]'), /Logged 100%.*Reported to segment manager 0%.*Answered 0%.*Followed up —/);
  assert.match(await page.textContent('[data-testid=summary-industry]'), /Logistics 1/);

  await page.click(`${card} [data-testid=make-target]`);
  await page.waitForSelector('[data-testid=account-title]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Sunrise Logistics');
  assert.equal(await page.inputValue('[data-field=contact_person]'), 'Zhou Min');
  await page.goBack();
  await page.waitForSelector(`${card} [data-testid=decision]`);
  assert.match(await page.textContent(`${card} [data-testid=decision]`), /Made a target account: Sunrise Logistics/);
  await page.waitForSelector('[data-testid=save-status].saved');
  const stored = await storedWorkspace(page);
  assert.equal(stored.workspace.inquiries.inquiries[0].decision.decision, 'target');
  assert.equal(stored.workspace.accounts.length, 5);
  await clean(opened);
});

test('engagement pages in Chinese, and at 390 px without sideways scrolling', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  await context.clock.install({ time: new Date(NOW) });
  const opened = await openPage(app.browser, app.server.origin, { context });
  const { page } = opened;
  await seedStorage(page, { 'kam.workspace': workspace() });
  for (const [hash, heading] of [
    ['#/contacts', '联系节奏'],
    ['#/pipeline', '开发进展'],
    ['#/calendar', '关键业务行为日历'],
    ['#/inquiries', '来电查询'],
    ['#/people', '我方人员'],
    ['#/accounts/1', 'Eastbay Motor Group'],
  ]) {
    await page.goto(`${app.server.origin}${SUB_PATH}${hash}`);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${hash}: no sideways scrolling`);
  }
  assert.equal(await summary(page, 'cadence'), '已逾期 34 天（2026年2月10日）');
  await clean(opened);
});

test('owners filter the account list, the ranking and the matrix; owners named in a CSV join our people', async () => {
  const opened = await open('#/accounts');
  const { page } = opened;
  const names = (selector) => page.locator(selector).allTextContents();
  await page.waitForSelector('[data-field=filter-owner]');
  await page.selectOption('[data-field=filter-owner]', '2');
  assert.deepEqual(await names('[data-testid=accounts-table] tbody tr .account-link'), ['Eastbay Motor Group', 'Northwind Seating']);
  await page.selectOption('[data-field=filter-owner]', '1');
  assert.deepEqual(await names('[data-testid=accounts-table] tbody tr .account-link'), ['Eastbay Motor Group', 'Harbor Glass']);

  await page.goto(`${app.server.origin}${SUB_PATH}#/ranking`);
  await page.waitForSelector('[data-field=ranking-owner]');
  assert.equal(await page.locator('[data-testid=ranking-table] tbody tr').count(), 4);
  await page.selectOption('[data-field=ranking-owner]', '2');
  assert.deepEqual(await names('[data-testid=ranking-table] tbody tr td:nth-child(2)'), ['Eastbay Motor Group', 'Northwind Seating']);

  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${app.server.origin}${SUB_PATH}#/matrix`);
  await page.waitForSelector('[data-testid=matrix-list] li');
  await page.selectOption('[data-field=matrix-owner]', '1');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=matrix-list] li').length === 2);
  assert.match((await names('[data-testid=matrix-list] li')).join(' | '), /^Eastbay Motor Group.* \| Harbor Glass/);
  await page.setViewportSize({ width: 1280, height: 900 });

  const dir = mkdtempSync(join(tmpdir(), 'kam-owners-'));
  const csv = join(dir, 'owners.csv');
  writeFileSync(csv, 'Name,Overall owner,Daily relationship owner\nSunrise Logistics,Zhao Lei,li na\n');
  await page.goto(`${app.server.origin}${SUB_PATH}#/import`);
  await page.setInputFiles('[data-testid=import-sheet-file]', csv);
  await page.waitForSelector('[data-testid=import-mapping]');
  await page.click('[data-testid=import-run]');
  await expectNotice(page, /Owners named in the file joined Our people: Zhao Lei\./);
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/5`);
  await page.waitForSelector('[data-testid=account-summary]');
  assert.equal(await summary(page, 'overall-owner'), 'Zhao Lei');
  assert.equal(await summary(page, 'daily-owner'), 'Li Na');
  await clean(opened);
});

test('promotion plans: added, their problems said beside them, kept over a reload, removed and put back', async () => {
  const opened = await open('#/accounts/1');
  const { page } = opened;
  await page.waitForSelector('[data-testid=promotions]');
  assert.match(await page.textContent('[data-testid=no-promotions]'), /No promotion plan yet/);
  await page.click('[data-testid=add-promotion]');
  const plan = '.promotion[data-promotion-id="3"]';
  await page.waitForSelector(plan);
  const problems = () => page.locator(`${plan} [data-testid=promotion-problems] li`).allTextContents();
  assert.deepEqual(await problems(), ['Enter the purpose.']);
  await page.fill(`${plan} [data-field=promotion-purpose]`, 'Pilot the telematics kit');
  await page.fill(`${plan} [data-field=promotion-products]`, 'Telematics');
  await page.fill(`${plan} [data-field=promotion-measure]`, HOSTILE);
  await page.selectOption(`${plan} [data-field=promotion-target]`, '1');
  await page.selectOption(`${plan} [data-field=promotion-form]`, 'product_launch');
  await page.selectOption(`${plan} [data-field=promotion-effect]`, 'success');
  assert.deepEqual(await problems(), [
    'Success or failure is judged once the plan was carried out.',
    'Say why it succeeded or failed.',
  ]);
  await page.check(`${plan} [data-field=promotion-done]`);
  await page.fill(`${plan} [data-field=promotion-reason]`, 'Fleet manager signed');
  assert.deepEqual(await problems(), []);
  await page.click(`${plan} [data-testid=add-support]`);
  await page.fill(`${plan} [data-field=support-who]`, 'Pre-sales');
  await page.press(`${plan} [data-field=support-who]`, 'Tab');
  await page.waitForSelector('[data-testid=save-status].saved');

  await page.reload();
  await page.waitForSelector(plan);
  assert.equal(await page.inputValue(`${plan} [data-field=promotion-measure]`), HOSTILE);
  assert.equal(await page.inputValue(`${plan} [data-field=promotion-target]`), '1');
  assert.equal(await page.inputValue(`${plan} [data-field=promotion-form]`), 'product_launch');
  assert.equal(await page.isChecked(`${plan} [data-field=promotion-done]`), true);
  assert.equal(await page.inputValue(`${plan} [data-field=support-who]`), 'Pre-sales');

  await page.click(`${plan} [data-testid=remove-promotion]`);
  await page.waitForSelector(plan, { state: 'detached' });
  await expectNotice(page, /Removed “Pilot the telematics kit”/);
  await page.click('[data-testid=undo-remove]');
  await page.waitForSelector(plan);
  assert.equal(await page.inputValue(`${plan} [data-field=promotion-purpose]`), 'Pilot the telematics kit');
  await clean(opened);
});

test('the pyramid shows the selling time logged per level over a chosen period beside the plan and 60/30/10', async () => {
  const opened = await open('#/pyramid');
  const { page } = opened;
  await page.waitForSelector('[data-testid=logged-table]');
  const rows = () => page.locator('[data-testid=logged-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  // The last 12 months: Eastbay (super-potential) 2.0 + 0.5 h, Northwind (ordinary) 3.0 h.
  assert.deepEqual((await rows()).map((r) => [r[0], r[1], r[2], r[4]]), [
    ['Key customers', '0.0', '0%', '60%'],
    ['Ordinary customers', '3.0', '55%', '30%'],
    ['Super-potential customers', '2.5', '45%', '10%'],
  ]);
  await page.fill('[data-field=logged-from]', '2026-01-01');
  await page.waitForFunction(() => document.querySelector('[data-testid=logged-table] tr[data-level=super_potential] td').textContent === '2.0');
  assert.deepEqual((await rows()).map((r) => r[2]), ['0%', '60%', '40%']);
  await page.click('text=This month');
  await page.waitForFunction(() => document.querySelector('[data-testid=logged-table] tr[data-level=super_potential] td').textContent === '0.0');
  assert.deepEqual((await rows()).map((r) => r[2]), ['0%', '100%', '0%']);
  await page.fill('[data-field=logged-from]', '2026-03-10');
  await page.fill('[data-field=logged-to]', '2026-03-15');
  await page.waitForSelector('[data-testid=nothing-logged]');
  await clean(opened);
});

test('the demo runs a team week: people, owners, overdue contacts, a stuck pipeline, a calendar and inquiries in every state', async () => {
  const opened = await open('#/accounts', { seed: null });
  const { page } = opened;
  await page.click('[data-testid=start-demo]');
  await page.waitForSelector('[data-testid=demo-banner]');
  await page.goto(`${app.server.origin}${SUB_PATH}#/people`);
  await page.waitForSelector('[data-testid=people] tbody tr');
  assert.equal(await page.locator('[data-testid=people] tbody tr').count(), 8);
  await page.goto(`${app.server.origin}${SUB_PATH}#/contacts`);
  await page.waitForSelector('[data-testid=contacts-due]');
  const states = await page.locator('[data-testid=cadence-state]').allTextContents();
  assert.ok(states.some((s) => /overdue/.test(s)) && states.some((s) => /^in \d+ days?/.test(s) || /^today/.test(s)), states.join(' / '));
  await page.goto(`${app.server.origin}${SUB_PATH}#/pipeline`);
  await page.waitForSelector('[data-testid=pipeline-board]');
  assert.ok((await page.locator('[data-testid=stuck]').count()) >= 3);
  for (const stage of ['first_contact', 'seminars', 'drafting_proposal', 'negotiating', 'won', 'lost']) {
    assert.ok((await page.locator(`.pipeline-column[data-stage=${stage}] .pipeline-card`).count()) >= 1, stage);
  }
  await page.goto(`${app.server.origin}${SUB_PATH}#/calendar`);
  await page.waitForSelector('[data-testid=calendar-grid]');
  assert.ok((await page.locator('.calendar-item[data-kind=next-step]').count()) >= 1);
  assert.ok((await page.locator('.calendar-item[data-kind=done]').count()) >= 1);
  await page.goto(`${app.server.origin}${SUB_PATH}#/inquiries`);
  await page.waitForSelector('[data-testid=inquiries] .inquiry');
  const overall = new Set(await page.locator('[data-testid=inquiry-state]').allTextContents());
  for (const state of ['Overdue', 'Due soon', 'On time', 'Met', 'Met late']) assert.ok(overall.has(state), `${state} in ${[...overall]}`);
  await clean(opened);
});

test('a busy calendar day and a long pipeline column show their first items and the rest on demand', async () => {
  const accounts = Array.from({ length: 30 }, (_, k) => scoredAccount(k + 1, `Target ${k + 1}`, 8, 8, {
    engagement: {
      pipeline: [{ stage: 'first_contact', on: '2026-01-05' }],
      activities: [{ id: 1, at: '2026-03-02T10:00:00', kind: 'phone_or_email', next_step: 'Call back', next_step_on: '2026-03-18' }],
      next_id: 2,
    },
  }));
  const seed = JSON.stringify({ format: FORMAT, version: VERSION, workspace: { accounts, next_account_id: 31 } });
  const opened = await open('#/calendar', { seed });
  const { page } = opened;
  const day = '.calendar-day[data-date="2026-03-18"]';
  await page.waitForSelector(`${day} .calendar-item`);
  assert.equal(await page.locator(`${day} .calendar-item`).count(), 4);
  assert.equal(await page.textContent(`${day} [data-testid=day-more]`), '26 more');
  await page.click(`${day} [data-testid=day-more]`);
  assert.equal(await page.locator(`${day} .calendar-item`).count(), 30);

  await page.goto(`${app.server.origin}${SUB_PATH}#/pipeline`);
  const column = '.pipeline-column[data-stage=first_contact]';
  await page.waitForSelector(`${column} .pipeline-card`);
  assert.equal(await page.locator(`${column} .pipeline-card`).count(), 25);
  assert.match(await page.textContent(`${column} h2`), /First contact 30/);
  await page.click(`${column} [data-testid=column-more]`);
  assert.equal(await page.locator(`${column} .pipeline-card`).count(), 30);
  await clean(opened);
});
