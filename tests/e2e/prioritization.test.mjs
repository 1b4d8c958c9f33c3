// The prioritization flow as a user goes through it: register an account, screen it,
// score it, see its tier and why, override it, tune thresholds and the model, reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

async function score(page, criterion, value) {
  await page.fill(`tr[data-criterion="${criterion}"] [data-testid=score-input]`, String(value));
}

async function createAccount(page, name, fields = {}) {
  await page.click('[data-testid=add-account]');
  await page.fill('[data-field=name]', name);
  for (const [field, value] of Object.entries(fields)) {
    const el = page.locator(`[data-field=${field}]`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
  await page.click('[data-testid=create-account]');
  await page.waitForSelector('[data-testid=tier-section]');
}

test('create an account, score it, see its tier, and find it all again after a reload', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await createAccount(page, 'Shanghai Motor Parts', { segment: 'Automotive', size_band: 'large', number: 'C-001' });
  assert.match(page.url(), /#\/accounts\/1$/);
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Shanghai Motor Parts');

  // Unscored: incomplete, not tiered — never zero.
  assert.equal((await page.textContent('.page-head .tier-badge')).trim(), '·Not tiered');
  assert.match(await page.textContent('[data-axis=attractiveness][data-testid=axis-total]'), /Incomplete/);

  for (const gate of ['reachable', 'profitable', 'implementable', 'sustainable']) {
    await page.check(`[data-gate=${gate}] input[value=yes]`);
  }
  assert.equal(await page.textContent('[data-testid=screening-status]'), 'Passed screening');

  // 8×40% + 7×30% + 6×20% + 5×10% = 7.0 ; 6 everywhere = 6.0
  for (const [c, v] of [[1, 8], [2, 7], [3, 6], [4, 5], [5, 6], [6, 6], [7, 6]]) await score(page, c, v);
  assert.match(await page.textContent('[data-axis=feasibility][data-testid=axis-total]'), /Incomplete.*Our execution capability/);
  assert.match(await page.textContent('.page-head .tier-badge'), /Not tiered/);
  await page.fill('tr[data-criterion="1"] .note-input', 'Revenue up 12% a year');
  await score(page, 8, 6);

  assert.match(await page.textContent('[data-axis=attractiveness][data-testid=axis-total]'), /7\.0/);
  assert.match(await page.textContent('[data-axis=feasibility][data-testid=axis-total]'), /6\.0/);
  assert.match(await page.textContent('.page-head .tier-badge'), /Tier 1/);
  const why = await page.textContent('[data-testid=why-tier]');
  assert.match(why, /Attractiveness score 7\.0 ≥ threshold 5\.5: high/);
  assert.match(why, /Feasibility score 6\.0 ≥ threshold 5\.5: high/);
  assert.match(why, /By the tier rule: Tier 1/);
  // The breakdown shows score × weight per criterion: 8 × 40% = 3.20 points.
  assert.match(await page.textContent('.why-table[data-axis=attractiveness]'), /40%\s*8\s*3\.20/);
  await page.waitForSelector('[data-testid=save-status]:has-text("Saved")');

  await page.reload();
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Shanghai Motor Parts');
  assert.equal(await page.inputValue('tr[data-criterion="1"] [data-testid=score-input]'), '8');
  assert.equal(await page.inputValue('tr[data-criterion="1"] .note-input'), 'Revenue up 12% a year');
  assert.match(await page.textContent('.page-head .tier-badge'), /Tier 1/);

  await page.click('nav >> text=Ranking & tiers');
  const row = page.locator('[data-testid=ranking-table] tr[data-account-id="1"]');
  assert.match(await row.textContent(), /1\s*Shanghai Motor Parts\s*7\.0\s*6\.0.*Tier 1/);
  assert.equal(await page.textContent('tr[data-tier=tier1] [data-testid=tier-actual]'), '1');

  await page.click('nav >> text=Accounts');
  const listRow = page.locator('[data-testid=accounts-table] tr[data-account-id="1"]');
  assert.match(await listRow.textContent(), /C-001\s*Shanghai Motor Parts\s*Automotive\s*Large\s*Prospect\s*7\.0\s*6\.0.*Tier 1/);
  assert.deepEqual(problems, []);
});

test('a score outside 1–10 is refused with a message and the previous score stays', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await createAccount(page, 'Acme');
  await score(page, 1, 7);
  await score(page, 1, 11);
  await page.waitForSelector('[data-testid=score-error]');
  assert.equal(await page.textContent('[data-testid=score-error]'), 'A score is a whole number from 1 to 10.');
  await page.reload();
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.inputValue('tr[data-criterion="1"] [data-testid=score-input]'), '7');
  assert.deepEqual(problems, []);
});

test('failing a screening gate puts the account in "not pursued" with the reason', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Big Bank', 9, 9)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
  assert.match(await page.textContent('.page-head .tier-badge'), /Tier 1/);
  await page.check('[data-gate=profitable] input[value=no]');
  assert.equal(await page.textContent('[data-testid=screening-status]'), 'Failed screening: not profitable');
  assert.match(await page.textContent('.page-head .tier-badge'), /Not pursued/);
  assert.match(await page.textContent('[data-testid=why-tier]'), /Failed screening \(not profitable\), so not pursued whatever the scores/);
  assert.deepEqual(problems, []);
});

test('a tier override needs a reason, is marked, and survives re-scoring', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Small Fleet Co', 3, 3)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
  assert.match(await page.textContent('.page-head .tier-badge'), /Not pursued/);

  await page.selectOption('[data-field=override_tier]', 'tier3');
  await page.click('[data-testid=apply-override]');
  assert.equal(await page.textContent('[data-testid=override-error]'), 'Give a reason for the override.');
  assert.match(await page.textContent('.page-head .tier-badge'), /Not pursued/);

  await page.fill('[data-field=override_reason]', 'Group headquarters decided to pilot with us');
  await page.click('[data-testid=apply-override]');
  assert.match(await page.textContent('.page-head .tier-badge'), /Tier 3.*Overridden/);
  assert.match(await page.textContent('[data-testid=why-tier]'), /A manager set the tier to “Tier 3” \(the rule gives “Not pursued”\)\. Reason: Group headquarters decided to pilot with us/);

  // Re-scoring moves the rule's tier to Tier 2; the override stays in force.
  for (const c of [5, 6, 7]) await score(page, c, 10);
  assert.match(await page.textContent('[data-testid=why-tier]'), /By the tier rule: Tier 2/);
  await page.reload();
  await page.waitForSelector('[data-testid=tier-section]');
  assert.match(await page.textContent('.page-head .tier-badge'), /Tier 3.*Overridden/);

  await page.click('[data-testid=remove-override]');
  assert.match(await page.textContent('.page-head .tier-badge'), /Tier 2/);
  assert.doesNotMatch(await page.textContent('.page-head .tier-badge'), /Overridden/);
  assert.deepEqual(problems, []);
});

test('thresholds wait in the draft with what they would move, re-tier on apply, and are kept with the planned sizes', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, {
    'kam.workspace': workspaceFile([
      scoredAccount(1, 'Alpha', 7, 6),
      scoredAccount(2, 'Beta', 4, 8),
      scoredAccount(3, 'Gamma', 8, 3),
      { id: 4, name: 'Delta', scores: { 1: { value: 5, note: '' } } },
    ]),
  });
  await page.goto(`${app.server.origin}${SUB_PATH}#/ranking`);
  await page.waitForSelector('[data-testid=ranking-table]');
  const tierOf = async (id) => page.textContent(`[data-testid=ranking-table] tr[data-account-id="${id}"] [data-col=tier]`);
  assert.match(await tierOf(1), /Tier 1/);
  assert.match(await tierOf(2), /Tier 2/);
  assert.match(await tierOf(3), /Tier 3/);
  assert.match(await tierOf(4), /Not tiered/);
  assert.equal(await page.textContent('[data-testid=untiered-count]'), '1 account is not fully scored and not tiered yet.');
  assert.equal(await page.textContent('[data-testid=thresholds-in-force]'),
    'Tier thresholds: attractiveness 5.5, feasibility 5.5 (a score at or above counts as high).');

  // Thresholds are changed where the model is, and nothing moves until "apply".
  await page.click('[data-testid=change-thresholds]');
  await page.waitForSelector('[data-threshold=attractiveness]');
  await page.fill('[data-threshold=attractiveness]', '7.5');
  await page.waitForSelector('[data-testid=whatif-move]');
  assert.equal(await page.textContent('[data-testid=whatif-summary]'), '1 account would change tier.');
  const move = await page.textContent('[data-testid=whatif-move][data-account="1"]');
  assert.match(move, /Alpha.*Tier 1.*→.*Tier 2.*7\.0 → 7\.0.*6\.0 → 6\.0.*Attractiveness threshold 5\.5 → 7\.5/);
  assert.equal(await page.textContent('[data-testid=bar-moves]'), '1 account would change tier See which');
  await page.fill('[data-threshold=feasibility]', '11');
  await page.waitForSelector('text=A threshold is between 1.0 and 10.0');
  await page.click('nav >> text=Ranking & tiers');
  assert.match(await tierOf(1), /Tier 1/, 'not in force before apply');

  await page.goto(`${app.server.origin}${SUB_PATH}#/model`);
  assert.equal(await page.inputValue('[data-threshold=attractiveness]'), '7.5', 'the draft is kept');
  await page.click('[data-testid=apply-model]');
  await page.click('nav >> text=Ranking & tiers');
  assert.match(await tierOf(1), /Tier 2/);
  assert.match(await tierOf(3), /Tier 3/);
  assert.equal(await page.textContent('tr[data-tier=tier2] [data-testid=tier-actual]'), '2');

  await page.fill('[data-planned=tier1]', '3');
  assert.equal(await page.textContent('[data-planned=not_pursued]'), 'the rest (0)');
  await page.reload();
  await page.waitForSelector('[data-testid=ranking-table]');
  assert.match(await page.textContent('[data-testid=thresholds-in-force]'), /attractiveness 7\.5, feasibility 5\.5/);
  assert.equal(await page.inputValue('[data-planned=tier1]'), '3');
  assert.match(await tierOf(1), /Tier 2/);
  // The tier's service principle and cadence are shown and editable.
  assert.match(await page.inputValue('[data-tier=tier1] [data-field=cadence]'), /Monthly contact/);
  assert.deepEqual(problems, []);
});

test('a model whose weights do not total 100% is refused and the model in force stays', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/model`);
  await page.waitForSelector('[data-testid=apply-model]');
  // The default model of the method, with both names.
  const names = await page.locator('[data-axis=attractiveness] [data-field=name_en]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, ['Financial performance', 'Spend on our category', 'Reputation and internal management', 'Geographic location']);
  assert.equal(await page.inputValue('[data-axis=attractiveness] tr[data-criterion="1"] [data-field=name_zh]'), '财务业绩');
  assert.equal(await page.textContent('[data-axis=attractiveness] [data-testid=weight-total]'), 'Total 100%');

  await page.fill('[data-axis=attractiveness] tr[data-criterion="1"] [data-field=weight]', '50');
  assert.equal(await page.textContent('[data-axis=attractiveness] [data-testid=weight-total]'), 'Total 110%: must be 100%');
  await page.click('[data-testid=apply-model]');
  assert.match(await page.textContent('[data-testid=model-refused]'), /the weights on Attractiveness of the customer total 110%, not 100%/);

  // The draft is kept across a reload, and the model in force is unchanged.
  await page.reload();
  await page.waitForSelector('[data-testid=apply-model]');
  assert.equal(await page.inputValue('[data-axis=attractiveness] tr[data-criterion="1"] [data-field=weight]'), '50');
  assert.match(await page.textContent('[data-testid=draft-state]'), /not yet applied/);
  await page.click('nav >> text=Accounts');
  await page.click('text=Alpha');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('tr[data-criterion="1"] td.num'), '40%');

  // Fix it: 50/20/20/10 is valid and is applied.
  await page.click('nav >> text=Scoring model');
  await page.fill('[data-axis=attractiveness] tr[data-criterion="2"] [data-field=weight]', '20');
  assert.equal(await page.textContent('[data-axis=attractiveness] [data-testid=weight-total]'), 'Total 100%');
  await page.click('[data-testid=apply-model]');
  await page.waitForSelector('text=The new scoring model is in force');

  // Add a criterion: it needs a name and a weight, and existing accounts become incomplete.
  await page.click('[data-axis=feasibility] [data-testid=add-criterion]');
  const added = page.locator('[data-axis=feasibility] tbody tr').last();
  await added.locator('[data-field=name_en]').fill('Payment record');
  await added.locator('[data-field=weight]').fill('10');
  await page.fill('[data-axis=feasibility] tr[data-criterion="8"] [data-field=weight]', '0');
  await page.click('[data-testid=apply-model]');
  assert.match(await page.textContent('[data-testid=model-refused]'), /the weight of “Our execution capability”, 0%, is not between 1% and 100%/);
  await page.click('[data-axis=feasibility] tr[data-criterion="8"] [data-testid=remove-criterion]');
  await page.click('[data-testid=apply-model]');
  await page.waitForSelector('text=The new scoring model is in force');
  await page.click('nav >> text=Ranking & tiers');
  assert.match(await page.textContent('[data-testid=ranking-table] tr[data-account-id="1"]'), /Not tiered/);
  assert.deepEqual(problems, []);
});
