// The power map of an account plan as a user works on it: people added in the UI, the
// warnings following what is filled in, the org chart nesting people under their boss
// with role and attitude marks, a reporting loop refused, a person removed, everything
// kept over a reload; and hostile text in a saved plan shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, readText, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });
const HOSTILE = '<img src=x onerror=alert(1)>';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local date `days` ago, as the date input takes it and as the app writes it. */
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    value: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    text: `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`,
  };
}

const card = (id) => `.person-card[data-person="${id}"]`;
const field = (id, key) => `${card(id)} [data-field="people.${id}.${key}"]`;
const warnings = (page) => page.locator('[data-testid=power-warnings] li').allTextContents();

async function addPerson(page) {
  const before = await page.locator('.person-card').count();
  await page.click('[data-testid=add-person]');
  await page.waitForSelector(`.person-card >> nth=${before}`);
  return page.getAttribute(`.person-card >> nth=${before}`, 'data-person');
}

test('people are added, warned about, charted, kept from loops, removed and kept over a reload', async () => {
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Eastbay Motor Group', 8, 7)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/people`);
  await page.waitForSelector('[data-testid=plan-section][data-section=people]');
  assert.match(await page.textContent('[data-testid=org-chart-empty]'), /Add people and their “reports to”/);
  assert.deepEqual(await warnings(page), []);

  // A decision maker without owner or contact: three warnings, each naming her.
  const boss = await addPerson(page);
  await page.fill(field(boss, 'name'), 'Helen Park');
  await page.fill(field(boss, 'title'), 'COO');
  await page.selectOption(field(boss, 'role'), 'decision_maker');
  assert.deepEqual(await warnings(page), [
    '⚠ The decision maker “Helen Park” has no owner on our side.',
    '⚠ Nobody in the decision-making unit supports us yet.',
    '⚠ Key person “Helen Park” has no contact on record.',
  ]);
  assert.equal(await page.isChecked(field(boss, 'key')), true, 'decision makers are key');
  assert.equal(await page.isDisabled(field(boss, 'key')), true);
  assert.match(await page.textContent(`${card(boss)} .person-checks`), /Decision makers are always key people/);

  // An engineer reporting to her, sceptical, with hidden influence.
  const engineer = await addPerson(page);
  await page.fill(field(engineer, 'name'), 'Tom Reed');
  await page.fill(field(engineer, 'title'), 'Lead engineer');
  await page.fill(field(engineer, 'department'), 'R&D');
  await page.selectOption(field(engineer, 'role'), 'user');
  await page.selectOption(field(engineer, 'attitude'), 'sceptical');
  await page.selectOption(field(engineer, 'reports_to'), boss);
  await page.check(field(engineer, 'hidden_influence'));
  assert.equal(await page.isChecked(field(engineer, 'key')), false);
  assert.equal(await page.isDisabled(field(engineer, 'key')), false);

  // A champion, key, contacted recently: someone supports us now.
  const champion = await addPerson(page);
  await page.fill(field(champion, 'name'), 'Ana Silva');
  await page.selectOption(field(champion, 'role'), 'champion');
  await page.selectOption(field(champion, 'attitude'), 'champion');
  await page.selectOption(field(champion, 'relationship'), 'strategic');
  await page.check(field(champion, 'key'));
  await page.fill(field(champion, 'last_contact'), daysAgo(10).value);
  assert.deepEqual(await warnings(page), [
    '⚠ The decision maker “Helen Park” has no owner on our side.',
    '⚠ Key person “Helen Park” has no contact on record.',
  ]);

  // Owner and contact fill the gaps; an old contact is named with its date.
  await page.fill(field(boss, 'owner'), 'Our MD');
  const old = daysAgo(120);
  await page.fill(field(boss, 'last_contact'), old.value);
  assert.deepEqual(await warnings(page), [
    `⚠ Key person “Helen Park” not contacted for over 90 days (last: ${old.text}).`,
  ]);
  await page.fill(field(boss, 'last_contact'), daysAgo(30).value);
  assert.deepEqual(await warnings(page), []);

  // The org chart: the engineer under the decision maker, the champion on her own;
  // role, attitude (mark and text), key and hidden influence visible on the boxes.
  const tree = '[data-testid=org-chart] .org-tree';
  const bossBox = `${tree} > li > .org-box[data-person="${boss}"]`;
  const engineerBox = `${tree} > li > ul > li > .org-box[data-person="${engineer}"]`;
  const championBox = `${tree} > li > .org-box[data-person="${champion}"]`;
  await page.waitForSelector(engineerBox);
  assert.equal(await page.textContent(`${bossBox} .org-name`), 'Helen Park');
  assert.equal(await page.textContent(`${bossBox} .role-badge`), 'Decision maker');
  assert.equal(await page.locator(`${bossBox} .key-mark`).count(), 1);
  assert.equal(await page.textContent(`${engineerBox} .role-badge`), 'Influencer: user');
  assert.equal(await page.getAttribute(`${engineerBox} .attitude-badge`, 'data-attitude'), 'sceptical');
  assert.equal((await page.textContent(`${engineerBox} .attitude-badge`)).trim(), '− Sceptical');
  assert.match(await page.getAttribute(engineerBox, 'class'), /hidden-influence/);
  assert.equal(await page.textContent(`${engineerBox} .org-hidden`), 'Hidden influence');
  assert.equal(await page.textContent(`${engineerBox} .org-department`), 'R&D');
  assert.equal((await page.textContent(`${championBox} .attitude-badge`)).trim(), '++ Champion');
  assert.equal(await page.locator(`${championBox} .key-mark`).count(), 1);
  assert.match(await page.textContent('[data-testid=org-legend]'), /−− Hostile.*− Sceptical.*○ Neutral.*\+ Supportive.*\+\+ Champion.*\? Unknown.*Key person.*Hidden influence/);
  // The connectors are drawn, and the engineer's box sits below the decision maker's.
  const [bossRect, engineerRect] = await Promise.all([page.locator(bossBox).boundingBox(), page.locator(engineerBox).boundingBox()]);
  assert.ok(engineerRect.y > bossRect.y + bossRect.height, 'the report is drawn under the boss');

  // The table lists everyone with the details the chart leaves out.
  const row = (id) => `[data-testid=people-table] tr[data-person="${id}"]`;
  assert.equal(await page.locator('[data-testid=people-table] tbody tr').count(), 3);
  assert.match(await page.textContent(row(engineer)), /Tom Reed.*Lead engineer · R&D.*Helen Park.*Influencer: user.*Hidden influence.*Sceptical/);
  assert.match(await page.textContent(row(champion)), /Ana Silva.*Supporter \/ champion.*Visible.*Champion.*Strategic/);

  // Making the decision maker report to her own engineer would be a loop: refused.
  await page.selectOption(field(boss, 'reports_to'), engineer);
  assert.equal(await page.textContent(`${card(boss)} [data-testid=reports-to-loop]`), 'Not possible: that would make a reporting loop.');
  assert.equal(await page.inputValue(field(boss, 'reports_to')), '', 'the select shows what is stored');
  assert.equal(await page.locator(engineerBox).count(), 1, 'the chart is unchanged');
  // A valid choice clears the message.
  await page.selectOption(field(boss, 'reports_to'), '');
  assert.equal(await page.textContent(`${card(boss)} [data-testid=reports-to-loop]`), '');

  // Removing the decision maker unlinks the engineer, who becomes a root.
  await page.click(`${card(boss)} [data-testid=remove-person]`);
  assert.equal(await page.locator('.person-card').count(), 2);
  await page.waitForSelector(`${tree} > li > .org-box[data-person="${engineer}"]`);
  assert.equal(await page.inputValue(field(engineer, 'reports_to')), '');
  assert.equal(await page.locator(`${field(engineer, 'reports_to')} option`).count(), 2, 'nobody and the champion');
  assert.deepEqual(await warnings(page), []);

  // Everything is kept over a reload.
  await page.waitForSelector('[data-testid=save-status]:has-text("Saved")');
  await page.reload();
  await page.waitForSelector(`${tree} > li > .org-box[data-person="${engineer}"]`);
  assert.equal(await page.locator('.person-card').count(), 2);
  assert.equal(await page.inputValue(field(engineer, 'name')), 'Tom Reed');
  assert.equal(await page.inputValue(field(engineer, 'attitude')), 'sceptical');
  assert.equal(await page.isChecked(field(engineer, 'hidden_influence')), true);
  assert.equal(await page.inputValue(field(champion, 'name')), 'Ana Silva');
  assert.equal(await page.inputValue(field(champion, 'relationship')), 'strategic');
  assert.equal(await page.isChecked(field(champion, 'key')), true);
  assert.equal(await page.inputValue(field(champion, 'last_contact')), daysAgo(10).value);
  assert.equal(await page.textContent('.plan-tabs a[data-section=people] .percent-badge'), '50%');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('a hostile name in a saved plan shows as text in the chart, table, editor and warnings, also at 390 px', async () => {
  const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin, { context });
  const fixture = readText(resolve(import.meta.dirname, '..', 'fixtures', 'workspace-v2.json'));
  await seedStorage(page, { 'kam.workspace': fixture });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/people`);
  const hostileBox = '[data-testid=org-chart] .org-tree > li > ul > li > .org-box[data-person="4"]';
  await page.waitForSelector(hostileBox);
  assert.equal(await page.textContent(`${hostileBox} .org-name`), HOSTILE);
  assert.equal(await page.textContent('[data-testid=people-table] tr[data-person="4"] .person-name'), HOSTILE);
  assert.equal(await page.textContent('.person-card[data-person="4"] h4'), HOSTILE);
  assert.equal(await page.inputValue('[data-field="people.4.name"]'), HOSTILE);
  assert.equal(await page.textContent('[data-field="people.3.reports_to"] option[value="4"]'), `${HOSTILE} — 工程师`);
  // (The fixture's other person may be flagged too once its contact date is old.)
  assert.ok((await warnings(page)).includes(`⚠ Key person “${HOSTILE}” has no contact on record.`));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('main img').count(), 0, 'no element was created from the text');

  // At phone width the editor fits the screen and the chart scrolls inside its frame.
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cards = [...document.querySelectorAll('.person-card, .person-card input, .person-card select')];
    return cards.filter((el) => el.getBoundingClientRect().right > width + 0.5).length;
  });
  assert.equal(overflow, 0, 'person cards fit at 390 px');
  const frame = await page.locator('.org-chart-scroll').boundingBox();
  assert.ok(frame.x + frame.width <= 390, 'the chart frame fits the screen');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});
