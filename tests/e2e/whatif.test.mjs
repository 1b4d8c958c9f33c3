// What-if: change a weight or a threshold and see which accounts would change tier,
// with their scores before and after and why, before anything is applied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

const HOSTILE = '<img src=x onerror=window.__hacked=1>';

/** An account scored `first` on "Financial performance", `rest` on the other
 * attractiveness criteria and `f` on every feasibility criterion. */
function account(id, name, first, rest, f) {
  const scores = { 1: { value: first, note: '' } };
  for (let c = 2; c <= 4; c++) scores[c] = { value: rest, note: '' };
  for (let c = 5; c <= 8; c++) scores[c] = { value: f, note: '' };
  return { id, name, scores };
}

const accounts = [
  account(1, 'Rising Motors', 9, 3, 8), // 5.4 → 6.6: Tier 2 → Tier 1
  account(2, 'Falling Parts', 2, 8, 8), // 5.6 → 4.4: Tier 1 → Tier 2
  account(3, HOSTILE, 9, 2, 7), // 4.8 → 6.2: Tier 2 → Tier 1
  account(4, 'Steady Steel', 7, 7, 7), // 7.0 either way
];

const weight = (criterion) => `tr[data-criterion="${criterion}"] [data-field=weight]`;

test('a weight change lists the tier changes with scores and why, and nothing is in force before apply', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/model`);
  await page.waitForSelector('[data-testid=whatif-summary]');
  assert.match(await page.textContent('[data-testid=whatif-summary]'), /The two are the same/);

  await page.fill(weight(1), '60');
  await page.fill(weight(2), '10');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=whatif-move]').length === 3);
  assert.equal(await page.textContent('[data-testid=whatif-summary]'), '3 accounts would change tier.');
  const row = (id) => page.textContent(`[data-testid=whatif-move][data-account="${id}"]`);
  assert.match(await row(1), /^Rising Motors\s*■\s*Tier 2\s*→\s*●\s*Tier 1\s*5\.4 → 6\.6\s*8\.0 → 8\.0/);
  assert.match(await row(1), /weight of “Financial performance” 40% → 60%; weight of “Spend on our category” 30% → 10%/);
  assert.match(await row(2), /Falling Parts.*Tier 1 → .*Tier 2.*5\.6 → 4\.4/);
  assert.match(await row(3), /<img src=x onerror=window.__hacked=1>.*Tier 2 → .*Tier 1/);
  assert.equal(await page.locator('[data-testid=whatif-move][data-account="4"]').count(), 0);
  // Tier counts now and after, beside the planned sizes.
  assert.equal(await page.textContent('[data-testid=whatif-counts] tr[data-tier=tier1] [data-testid=whatif-after]'), '3 (+1)');
  assert.equal(await page.textContent('[data-testid=whatif-counts] tr[data-tier=tier2] [data-testid=whatif-after]'), '1 (-1)');
  assert.equal(await page.textContent('[data-testid=bar-moves]'), '3 accounts would change tier See which');

  // The matrix of the moves: arrows and rings drawn, names as text only.
  await page.waitForSelector('[data-testid=whatif-matrix] svg');
  const matrix = await page.evaluate(() => {
    const figure = document.querySelector('[data-testid=whatif-matrix]');
    return { text: figure.textContent, images: figure.querySelectorAll('img').length, hacked: window.__hacked };
  });
  assert.match(matrix.text, /Rising Motors/);
  assert.match(matrix.text, /<img src=x/);
  assert.equal(matrix.images, 0);
  assert.equal(matrix.hacked, undefined);

  // Nothing is in force yet.
  await page.click('nav >> text=Ranking & tiers');
  await page.waitForSelector('[data-testid=ranking-table]');
  const tierOf = (id) => page.textContent(`[data-testid=ranking-table] tr[data-account-id="${id}"] [data-col=tier]`);
  assert.match(await tierOf(1), /Tier 2/);
  assert.match(await tierOf(2), /Tier 1/);

  // A refused draft explains itself beside the button, with the changes still shown.
  await page.click('nav >> text=Scoring model');
  await page.fill(weight(3), '50');
  await page.click('[data-testid=apply-model]');
  const bar = await page.textContent('[data-testid=model-bar]');
  assert.match(bar, /Cannot apply; the model in force stays unchanged:.*the weights on Attractiveness of the customer total 130%, not 100%/);
  assert.ok(await page.locator('[data-testid=whatif-move]').count() > 0);
  await page.fill(weight(3), '20');
  await page.click('[data-testid=apply-model]');
  await page.waitForSelector('[data-testid=bar-moves]', { state: 'detached' });
  assert.match(await page.textContent('[data-testid=whatif-summary]'), /The two are the same/);
  await page.click('nav >> text=Ranking & tiers');
  assert.match(await tierOf(1), /Tier 1/);
  assert.match(await tierOf(2), /Tier 2/);

  // Any two models: the draft against the model in force, either way round.
  await page.click('nav >> text=Scoring model');
  await page.fill('[data-threshold=feasibility]', '8.5');
  await page.waitForSelector('[data-testid=whatif-move]');
  // Feasibility 8.0 and 7.0 are low now: every account leaves its tier.
  assert.equal(await page.textContent('[data-testid=whatif-summary]'), '4 accounts would change tier.');
  await page.selectOption('[data-testid=whatif-from]', 'draft');
  await page.selectOption('[data-testid=whatif-to]', 'in-force');
  assert.match(await row(1), /Rising Motors\s*▲\s*Tier 3\s*→\s*●\s*Tier 1.*Feasibility threshold 8\.5 → 5\.5/);
  assert.deepEqual(problems, []);
});

test('the what-if reads on a phone and in Chinese, and prints without its pickers', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/model`);
  await page.waitForSelector('[data-threshold=attractiveness]');
  await page.fill('[data-threshold=attractiveness]', '5.7');
  await page.waitForSelector('[data-testid=whatif-move]');
  assert.equal(await page.textContent('[data-testid=whatif-summary]'), '1 个客户会改变级别。');
  assert.match(await page.textContent('[data-testid=whatif-move]'), /Falling Parts.*吸引力阈值 5\.5 → 5\.7/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('[data-testid=whatif-from]'), false);
  assert.equal(await page.isVisible('[data-testid=whatif-moves]'), true);
  assert.deepEqual(problems, []);
  await context.close();
});
