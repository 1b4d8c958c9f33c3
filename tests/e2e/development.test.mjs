// Key-account development on the account page: categories and why, a group, contracts,
// payment record, referrals, the strategic flag, the development-value forecast and
// relationship assessments with the class and strategy they lead to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

const HOSTILE = '<img src=x onerror=window.__hacked=1>';

const accounts = [
  scoredAccount(1, 'Eastern Vehicle Group', 8, 8),
  scoredAccount(2, 'Eastern Seating', 4, 8),
  { ...scoredAccount(3, 'Harbour Buses', 6, 6), relationship: 'prospect' },
];

test('contracts, payment, referrals, the strategic flag and a group put an account in its categories with why', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=development]');
  assert.match(await page.textContent('[data-testid=dev-no-category]'), /Not in any key-account category yet/);

  // A contract over the volume threshold waits for a good payment record.
  await page.fill('[data-testid=contract-volume]', '6000');
  await page.click('[data-testid=contract-add]');
  assert.match(await page.textContent('[data-testid=dev-contracts] [role=alert]'), /A contract needs a date/);
  await page.fill('[data-testid=contract-date]', '2025-05-01');
  await page.fill('[data-testid=contract-value]', '1,200,000');
  await page.fill('[data-testid=contract-note]', 'Line 1 retrofit');
  await page.click('[data-testid=contract-add]');
  await page.waitForSelector('[data-testid=contract-row]');
  assert.match(await page.textContent('[data-testid=contract-row]'), /2025-05-01\s*6,000\s*1,200,000\s*Line 1 retrofit/);
  assert.match(await page.textContent('[data-testid=category-reasons]'),
    /Potential: Quality figure reached \(6,000 ≥ 5,000\) but the payment record is “not recorded”/);
  await page.selectOption('[data-field=payment]', 'good');
  const reasons = () => page.textContent('[data-testid=category-reasons]');
  assert.match(await reasons(), /Quality: cumulative contracted volume 6,000 ≥ 5,000, payment good/);
  assert.match(await reasons(), /High value: a contract of 1,200,000 on 2025-05-01 ≥ 1,000,000, payment good/);
  await page.selectOption('[data-field=payment]', 'bad');
  assert.doesNotMatch(await reasons().catch(() => ''), /Quality: cumulative/);
  await page.selectOption('[data-field=payment]', 'good');

  // A referral is text whatever its name; a signed one makes the account quality too.
  await page.fill('[data-testid=referral-name]', HOSTILE);
  await page.check('[data-testid=referral-signed]');
  await page.click('[data-testid=referral-add]');
  assert.match(await page.textContent('[data-testid=referral-row]'), /<img src=x onerror=window.__hacked=1> · signed/);
  assert.match(await reasons(), /Quality: referred “<img src=x onerror=window.__hacked=1>”, who signed/);

  // The strategic flag needs a reason.
  await page.click('[data-testid=strategic-set]');
  assert.match(await page.textContent('[data-testid=dev-strategic] [role=alert]'), /A strategic flag needs a reason/);
  await page.fill('[data-testid=strategic-reason]', 'Sets the example for the region');
  await page.click('[data-testid=strategic-set]');
  assert.match(await reasons(), /Strategic: flagged strategic on \d{4}-\d\d-\d\d: Sets the example for the region/);

  // A group: the seating maker buys through the vehicle group.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/2`);
  await page.fill('[data-testid=group-search]', 'vehicle');
  await page.click('[data-testid=group-match]');
  assert.match(await page.textContent('[data-testid=group-parent]'), /Group parent: Eastern Vehicle Group/);
  assert.match(await page.textContent('[data-testid=category-reasons]'), /Group: member of the group of “Eastern Vehicle Group”/);
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=group-members]');
  assert.equal(await page.textContent('[data-testid=group-members]'), 'Eastern Seating');
  assert.equal(await page.textContent('[data-testid=group-totals]'), 'Group totals: 2 units, 1 contract, volume 6,000, value 1,200,000');
  assert.deepEqual(
    await page.$$eval('.category-badge', (b) => b.map((e) => e.textContent)),
    ['Quality', 'High value', 'Group', 'Strategic'],
  );
  // The parent cannot join its own member's group.
  await page.fill('[data-testid=group-search]', 'seating');
  await page.click('[data-testid=group-match]');
  assert.match(await page.textContent('[data-testid=group-problem]'), /That would make a loop/);

  await page.reload();
  await page.waitForSelector('[data-testid=category-reasons]');
  assert.match(await page.textContent('[data-testid=category-reasons]'), /Quality: cumulative contracted volume 6,000/);
  assert.equal(await page.evaluate(() => window.__hacked), undefined);
  assert.equal(await page.locator('[data-testid=development] img').count(), 0);
  assert.deepEqual(problems, []);
});

test('the forecast says whether a prospect is worth developing, and assessments give its level, class and strategy', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/3`);
  await page.waitForSelector('[data-testid=dev-forecast]');
  const figure = async (name, value) => {
    await page.fill(`[data-forecast=${name}]`, value);
    await page.press(`[data-forecast=${name}]`, 'Tab');
  };
  await figure('sales', '1,000,000');
  await figure('profit', '200,000');
  await figure('management', '20,000');
  await figure('travel', '10,000');
  await figure('risk', '20');
  await figure('development', '50,000');
  // 200,000 × 80% − 20,000 − 10,000 − 50,000 = 80,000.
  assert.equal(await page.textContent('[data-testid=forecast-result]'), 'Worth developing · Net value 80,000 · margin 20.0%');
  await figure('development', '200,000');
  assert.equal(await page.textContent('[data-testid=forecast-verdict]'), 'Not worth developing');
  assert.equal(await page.textContent('[data-testid=forecast-net]'), 'Net value -70,000');
  await figure('profit', 'a lot');
  assert.match(await page.textContent('[data-testid=dev-forecast]'), /Enter a number/);

  // Two assessments: initial, then strategic.
  assert.equal(await page.textContent('[data-testid=relationship-current]'), 'Relationship level now: not assessed yet');
  await page.fill('[data-testid=assessment-date]', '2025-01-10');
  for (const d of ['communication', 'fit', 'joint_work', 'recognition']) await page.selectOption(`[data-dimension=${d}]`, '2');
  await page.click('[data-testid=assessment-add]');
  await page.fill('[data-testid=assessment-date]', '2025-11-20');
  for (const d of ['communication', 'fit', 'joint_work', 'recognition']) await page.selectOption(`[data-dimension=${d}]`, '4');
  await page.fill('[data-testid=assessment-note]', 'Joint roadmap agreed');
  await page.click('[data-testid=assessment-add]');
  assert.equal(await page.locator('[data-testid=assessment-row]').count(), 2);
  assert.match(await page.textContent('[data-testid=assessment-row]'), /2025-11-20\s*4\s*4\s*4\s*4\s*16\s*Strategic\s*Joint roadmap agreed/);
  assert.equal(await page.textContent('[data-testid=relationship-current]'), 'Relationship level now: Strategic (was Initial)');
  // A date after today is refused.
  await page.fill('[data-testid=assessment-date]', '2999-01-01');
  await page.click('[data-testid=assessment-add]');
  assert.match(await page.textContent('[data-testid=dev-relationship] [role=alert]'), /cannot be dated after today/);

  // The class and its strategy: attractiveness 6.0 is medium against 5.5; developing.
  assert.match(await page.textContent('[data-testid=state-suggested]'), /The assessments suggest: developing/);
  await page.selectOption('[data-field=relationship_state]', 'developing');
  assert.equal(await page.textContent('[data-testid=classification]'), 'Class: medium attractiveness × developing');
  assert.match(await page.textContent('[data-testid=strategy]'), /^Develop selectively/);
  assert.deepEqual(problems, []);
});

test('the development section reads on a phone in Chinese', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  const { page, problems } = await openPage(app.browser, app.server.origin, { context });
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=development]');
  assert.match(await page.textContent('[data-testid=development] h2'), /大客户开发/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the portfolio page lists accounts by category with why, places them on the grid, and tracks the list plan; the account list, the ranking and the matrix filter by category', async () => {
  const now = Date.now();
  const year = new Date().getFullYear();
  const dev = (fields) => ({ development: fields });
  const seeded = [
    { ...scoredAccount(1, 'Eastern Vehicle Group', 9, 8), segment: 'Automotive', size_band: 'large', created_at: now,
      ...dev({ contracts: [{ id: 1, date: '2025-05-01', volume: 600000, value: 50000000 }], payment: 'good', relationship_state: 'developing', next_id: 2 }) },
    { ...scoredAccount(2, 'Eastern Seating', 4, 8), segment: 'Automotive', size_band: 'small', created_at: now, parent: 1 },
    { ...scoredAccount(3, 'Harbour Buses', 6, 6), segment: 'Buses', created_at: now },
  ];
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile(seeded) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/portfolio`);
  await page.waitForSelector('[data-testid=category-accounts]');
  assert.equal(await page.title(), 'Key-account categories and list plan · Key-account workbench');
  assert.match(await page.textContent('[data-testid=portfolio-category]'), /Quality \(1\).*Group \(2\)/);
  assert.equal(await page.textContent('[data-testid=category-accounts]'),
    'Eastern Vehicle Group — cumulative contracted volume 6,000 ≥ 5,000, payment good');
  await page.selectOption('[data-testid=portfolio-category]', 'group');
  assert.match(await page.textContent('[data-testid=category-accounts]'), /Eastern Vehicle Group — group parent of 1 member.*Eastern Seating — member of the group of “Eastern Vehicle Group”/);

  // Raising the threshold moves the account from quality to potential.
  await page.fill('[data-setting=quality_volume]', '7,000');
  await page.press('[data-setting=quality_volume]', 'Tab');
  await page.selectOption('[data-testid=portfolio-category]', 'potential');
  assert.match(await page.textContent('[data-testid=category-accounts]'), /cumulative volume 6,000, within 20% of 7,000/);

  // The grid: attractiveness 9.0 against 5.5 is very attractive; the state is developing.
  assert.equal(await page.getAttribute('[data-testid=class-grid] tr[data-class=very] td[data-state=developing]', 'data-count'), '1');
  assert.match(await page.textContent('[data-testid=class-grid] tr[data-class=very] td[data-state=developing]'), /Eastern Vehicle Group.*Invest to build/);
  assert.match(await page.textContent('[data-testid=grid-unplaced]'), /2 accounts are not on the grid/);

  // This year's list plan: Automotive, 2 large and 3 small; one of each collected.
  await page.click('[data-testid=list-plan-start]');
  await page.fill('[data-field=list_segment]', 'automotive');
  await page.press('[data-field=list_segment]', 'Tab');
  await page.fill('[data-testid=list-segment] [data-band=large]', '2');
  await page.press('[data-testid=list-segment] [data-band=large]', 'Tab');
  await page.fill('[data-testid=list-segment] [data-band=small]', '3');
  await page.press('[data-testid=list-segment] [data-band=small]', 'Tab');
  assert.match(await page.textContent('[data-testid=list-progress] tr[data-segment=automotive]'), /automotive\s*1 \/ 2\s*0 \/ 0\s*1 \/ 3\s*0\s*2 \/ 5/);

  // The account list: a category filter, and the list plan's line.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts`);
  await page.waitForSelector('[data-testid=filter-category]');
  assert.equal(await page.textContent('[data-testid=list-plan-line]'), `Preliminary list ${year}: 2 collected of 5 planned`);
  await page.selectOption('[data-testid=filter-category]', 'group');
  await page.waitForFunction(() => document.querySelector('[data-testid=account-count]').textContent.startsWith('Showing 2 of 3'));
  await page.selectOption('[data-testid=filter-category]', 'potential');
  await page.waitForFunction(() => document.querySelector('[data-testid=account-count]').textContent.startsWith('Showing 1 of 3'));

  // The ranking and the matrix filter by category too.
  await page.goto(`${app.server.origin}${SUB_PATH}#/ranking`);
  await page.waitForSelector('[data-testid=ranking-category]');
  assert.equal(await page.locator('[data-testid=ranking-table] tbody tr').count(), 3);
  await page.selectOption('[data-testid=ranking-category]', 'group');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=ranking-table] tbody tr').length === 2);
  assert.deepEqual(await page.locator('[data-testid=ranking-table] tbody tr td:nth-child(2)').allTextContents(),
    ['Eastern Vehicle Group', 'Eastern Seating']);
  await page.goto(`${app.server.origin}${SUB_PATH}#/matrix`);
  await page.waitForSelector('[data-testid=matrix-category]');
  assert.match(await page.textContent('[data-testid=matrix-count]'), /^3 accounts on the matrix\./);
  await page.selectOption('[data-testid=matrix-category]', 'potential');
  await page.waitForFunction(() => /^1 account on the matrix\./.test(document.querySelector('[data-testid=matrix-count]').textContent));
  assert.match(await page.textContent('[data-testid=matrix] svg'), /Eastern Vehicle Group/);
  assert.doesNotMatch(await page.textContent('[data-testid=matrix] svg'), /Harbour Buses/);
  await page.selectOption('[data-testid=matrix-category]', '');
  await page.waitForFunction(() => /^3 accounts on the matrix\./.test(document.querySelector('[data-testid=matrix-count]').textContent));
  assert.deepEqual(problems, []);
});
