// Merging a colleague's workspace file: new accounts added, differences shown side by
// side and chosen field by field, nothing overwritten without a choice, a summary, and
// hostile text in the file shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, storedWorkspace, SUB_PATH, FORMAT, VERSION, expectNotice } from './harness.mjs';

const app = useApp({ before, after });

async function importFile(page, name, content) {
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
  await page.waitForSelector('[data-testid=import-confirm]');
}

/** The default model with one more attractiveness criterion, as a colleague might have. */
function modelWithBrandAwareness() {
  return {
    criteria: [
      { id: 1, axis: 'attractiveness', name: { zh: '财务业绩', en: 'Financial performance' }, weight: 30 },
      { id: 2, axis: 'attractiveness', name: { zh: '年度IT产品/服务预算或实际支出', en: 'Spend on our category' }, weight: 30 },
      { id: 3, axis: 'attractiveness', name: { zh: '声誉和内部管理', en: 'Reputation and internal management' }, weight: 20 },
      { id: 4, axis: 'attractiveness', name: { zh: '地理位置', en: 'Geographic location' }, weight: 10 },
      { id: 9, axis: 'attractiveness', name: { zh: '品牌知名度', en: 'Brand awareness' }, weight: 10 },
      { id: 5, axis: 'feasibility', name: { zh: '与我们现有业务的关系', en: 'Existing relationship with us' }, weight: 30 },
      { id: 6, axis: 'feasibility', name: { zh: '客户与竞争对手的关系', en: 'Relationship with competitors' }, weight: 30 },
      { id: 7, axis: 'feasibility', name: { zh: '对我们服务的态度', en: 'Attitude toward our services' }, weight: 30 },
      { id: 8, axis: 'feasibility', name: { zh: '自身执行能力', en: 'Our execution capability' }, weight: 10 },
    ],
    next_id: 10,
  };
}

const alpha = () => scoredAccount(1, 'Alpha Motors', 7, 6, { number: 'A-1', address: 'Old Road 1', phone: '021-1111' });
const beta = () => scoredAccount(2, 'Beta Bank', 4, 8, { number: 'B-1', segment: 'Finance' });

test('merge two workspaces with a conflict', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([alpha(), beta()]) });

  // The colleague's file: Alpha changed (address, phone and a score), Beta the same
  // under another id, Gamma new with an id that is Alpha's here.
  const theirAlpha = { ...alpha(), id: 9, address: 'New Road 9', phone: '021-2222' };
  theirAlpha.scores = { ...theirAlpha.scores, 1: { value: 9, note: '' } };
  const file = workspaceFile([{ ...beta(), id: 5 }, theirAlpha, scoredAccount(1, 'Gamma Parts', 5, 5, { number: 'C-1' })]);

  await importFile(page, 'colleague.json', file);
  assert.match(await page.textContent('[data-testid=import-confirm]'), /Or merge it into this workspace/);
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-summary]');
  assert.equal(new URL(page.url()).hash, '#/merge');
  assert.equal(await page.textContent('[data-testid=merge-count-new]'), 'New accounts: 1');
  assert.equal(await page.textContent('[data-testid=merge-count-conflicts]'), 'Accounts with differences: 1');
  assert.equal(await page.textContent('[data-testid=merge-count-unchanged]'), 'Unchanged accounts: 1');
  assert.match(await page.textContent('main'), /Your scoring model, thresholds and tier settings stay as they are/);
  assert.deepEqual(await page.locator('[data-testid=merge-new]').allTextContents(), ['Gamma Parts C-1']);
  assert.equal(await page.locator('[data-testid=merge-unmapped]').count(), 0);

  // Side by side: field, mine, theirs, and the choice, which starts at "keep mine".
  const card = page.locator('[data-testid=merge-conflict]');
  assert.equal(await card.count(), 1);
  assert.match(await card.locator('h3').textContent(), /Alpha Motors/);
  assert.deepEqual(
    await card.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.field)),
    ['address', 'phone', 'score-1'],
  );
  const row = (field) => card.locator(`tr[data-field="${field}"]`);
  assert.equal(await row('address').locator('th').textContent(), 'Address');
  assert.equal(await row('address').locator('[data-testid=merge-mine]').textContent(), 'Old Road 1');
  assert.equal(await row('address').locator('[data-testid=merge-theirs]').textContent(), 'New Road 9');
  assert.equal(await row('score-1').locator('th').textContent(), 'Score for Financial performance');
  assert.equal(await row('score-1').locator('[data-testid=merge-mine]').textContent(), '7');
  assert.equal(await row('score-1').locator('[data-testid=merge-theirs]').textContent(), '9');
  for (const field of ['address', 'phone', 'score-1']) {
    assert.ok(await row(field).locator('[data-testid=keep-mine]').isChecked(), `${field} keeps mine by default`);
  }
  assert.equal(await row('phone').getByRole('radiogroup').getAttribute('aria-label'), 'Phone: which to use');

  // Take theirs for the address by keyboard, for the score by clicking; take the phone
  // and then go back to mine.
  await row('address').locator('[data-testid=take-theirs]').focus();
  await page.keyboard.press('Space');
  await row('score-1').locator('[data-testid=take-theirs]').check();
  await row('phone').locator('[data-testid=take-theirs]').check();
  await row('phone').locator('[data-testid=keep-mine]').check();
  assert.equal(await card.locator('[data-testid=merge-taken]').textContent(), 'Taken from theirs: 2 of 3 fields');
  assert.match(await row('address').locator('[data-testid=merge-theirs]').getAttribute('class'), /chosen/);

  // The per-account buttons set every field at once.
  await card.locator('[data-testid=merge-take-all]').click();
  assert.equal(await card.locator('[data-testid=merge-taken]').textContent(), 'Taken from theirs: 3 of 3 fields');
  await card.locator('[data-testid=merge-keep-all]').click();
  assert.equal(await card.locator('[data-testid=merge-taken]').textContent(), 'Taken from theirs: 0 of 3 fields');
  await row('address').locator('[data-testid=take-theirs]').check();
  await row('score-1').locator('[data-testid=take-theirs]').check();

  await page.click('[data-testid=merge-apply]');
  await page.waitForSelector('[data-testid=accounts-table]');
  await expectNotice(page, /Merged from “colleague\.json”: 1 added, 1 updated, 0 kept as yours, 1 unchanged\./);
  const names = await page.locator('[data-testid=accounts-table] .account-link').allTextContents();
  assert.deepEqual([...names].sort(), ['Alpha Motors', 'Beta Bank', 'Gamma Parts']);

  const checkAlpha = async () => {
    await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
    await page.waitForSelector('[data-testid=tier-section]');
    assert.equal(await page.inputValue('[data-field=address]'), 'New Road 9');
    assert.equal(await page.inputValue('[data-field=phone]'), '021-1111', 'the phone kept mine');
    assert.equal(await page.inputValue('tr[data-criterion="1"] [data-testid=score-input]'), '9');
    assert.equal(await page.inputValue('tr[data-criterion="2"] [data-testid=score-input]'), '7');
  };
  await checkAlpha();
  // Gamma got a fresh id, after mine.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/3`);
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Gamma Parts');

  await page.waitForSelector('[data-testid=save-status].saved');
  await page.reload();
  await page.waitForSelector('.app-header');
  await checkAlpha();
  const stored = await storedWorkspace(page);
  assert.equal(stored.version, VERSION);
  assert.deepEqual(stored.workspace.accounts.map((a) => [a.id, a.name]), [[1, 'Alpha Motors'], [2, 'Beta Bank'], [3, 'Gamma Parts']]);
  assert.deepEqual(problems, []);
});

test('hostile text in the file shows as text; unknown criteria are reported; cancel changes nothing; a reload forgets the merge', async () => {
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile([alpha(), beta()]) });
  const before = await page.evaluate(() => localStorage.getItem('kam.workspace'));

  const hostile = '<img src=x onerror=alert(1)>';
  const theirAlpha = { ...alpha(), id: 3, address: '<b>bold</b><img src=x onerror=alert(2)>' };
  theirAlpha.scores = { ...theirAlpha.scores, 9: { value: 8, note: '' } };
  const file = JSON.stringify({
    format: FORMAT,
    version: VERSION,
    workspace: {
      accounts: [
        theirAlpha,
        { id: 4, name: hostile, number: 'X-1', scores: { 9: { value: 3, note: hostile } } },
        { id: 5, name: 'Alpha Motors again', number: 'a-1' },
      ],
      model: modelWithBrandAwareness(),
      next_account_id: 6,
    },
  });

  await importFile(page, 'hostile.json', file);
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-summary]');
  assert.deepEqual(await page.locator('[data-testid=merge-new] .merge-name').allTextContents(), [hostile]);
  const card = page.locator('[data-testid=merge-conflict]');
  assert.equal(
    await card.locator('tr[data-field=address] [data-testid=merge-theirs]').textContent(),
    '<b>bold</b><img src=x onerror=alert(2)>',
  );
  assert.equal(await page.locator('main img, main b').count(), 0, 'no markup from the file is rendered');
  assert.match(
    await page.textContent('[data-testid=merge-unmapped]'),
    /Your scoring model has no criterion of these names, so the file's scores on them are not imported: Brand awareness/,
  );
  assert.match(
    await page.textContent('[data-testid=merge-repeats]'),
    /Accounts of the file that are the same customer as an earlier one \(same number or name\): 1;[\s\S]*“Alpha Motors again” \(same as “Alpha Motors”\)/,
  );

  // Both languages.
  await page.click('[data-testid=language-switch]');
  assert.equal(await page.textContent('main h1'), '合并工作区文件');
  assert.match(await page.textContent('[data-testid=merge-unmapped]'), /品牌知名度/);
  assert.equal(await card.locator('thead th').nth(2).textContent(), '文件中的');
  await page.click('[data-testid=language-switch]');

  // The global button, then cancel: nothing changes.
  await page.click('[data-testid=merge-all-theirs]');
  assert.equal(await card.locator('[data-testid=merge-taken]').textContent(), 'Taken from theirs: 1 of 1 field');
  await page.click('[data-testid=merge-cancel]');
  await page.waitForSelector('[data-testid=accounts-table]');
  assert.equal(await page.locator('[data-testid=accounts-table] tbody tr').count(), 2);
  await page.waitForSelector('[data-testid=save-status].saved');
  assert.equal(await page.evaluate(() => localStorage.getItem('kam.workspace')), before);

  // A merge lives in memory only: after a reload there is nothing to merge.
  await importFile(page, 'hostile.json', file);
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-summary]');
  await page.reload();
  await page.waitForSelector('[data-testid=merge-nothing]');
  assert.match(await page.textContent('[data-testid=merge-nothing]'), /There is nothing to merge/);
  await page.click('[data-testid=merge-nothing] a');
  await page.waitForSelector('[data-testid=accounts-table]');

  // Applied without any choice: the new account is added, Alpha keeps mine.
  await importFile(page, 'hostile.json', file);
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-summary]');
  await page.click('[data-testid=merge-apply]');
  await page.waitForSelector('[data-testid=accounts-table]');
  await expectNotice(page, /Merged from “hostile\.json”: 1 added, 0 updated, 1 kept as yours, 0 unchanged\. Not merged: 1 account repeating an earlier one in the file\. Scores not imported \(no such criterion in your model\): Brand awareness\./);
  assert.ok((await page.locator('[data-testid=accounts-table] .account-link').allTextContents()).includes(hostile));
  assert.equal(await page.locator('main img').count(), 0);
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.inputValue('[data-field=address]'), 'Old Road 1');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('hundreds of differing accounts are shown a page at a time and merge in one step', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const mine = [];
  const theirs = [];
  for (let i = 1; i <= 300; i++) {
    const account = scoredAccount(i, `Account ${i}`, 5, 5, { number: `N-${i}`, industry: 'Old' });
    mine.push(account);
    theirs.push({ ...account, id: 1000 + i, industry: 'New' });
  }
  await seedStorage(page, { 'kam.workspace': workspaceFile(mine) });
  await importFile(page, 'many.json', workspaceFile(theirs));
  const started = Date.now();
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-conflict]');
  assert.ok(Date.now() - started < 5000, `shown in ${Date.now() - started} ms`);
  assert.equal(await page.textContent('[data-testid=merge-count-conflicts]'), 'Accounts with differences: 300');
  assert.equal(await page.locator('[data-testid=merge-conflict]').count(), 50);
  await page.click('[data-testid=merge-conflicts] [data-testid=show-more]');
  assert.equal(await page.locator('[data-testid=merge-conflict]').count(), 100);
  await page.click('[data-testid=merge-all-theirs]');
  await page.click('[data-testid=merge-conflict] >> nth=0 >> [data-testid=merge-keep-all]');
  await page.click('[data-testid=merge-apply]');
  await page.waitForSelector('[data-testid=accounts-table]');
  await expectNotice(page, /0 added, 299 updated, 1 kept as yours, 0 unchanged\./);
  assert.deepEqual(problems, []);
});

test('inquiries and contacts merge: new ones added, one logged differently shown side by side and taken', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const team = { people: [{ id: 1, name: 'Wang Wei', role: 'segment_manager' }], next_id: 2 };
  const received = '2026-03-02T09:00:00';
  const mine = {
    format: FORMAT,
    version: VERSION,
    workspace: {
      accounts: [alpha()],
      next_account_id: 2,
      engagement: { team },
      inquiries: { inquiries: [{ id: 1, received_at: received, logged_at: '2026-03-02T09:10:00', company: 'Sunrise Logistics', request: 'Prices', handler: 1 }], next_id: 2 },
    },
  };
  const theirs = structuredClone(mine);
  // Theirs answered the same inquiry, logged a new one, and logged a contact with Alpha.
  theirs.workspace.inquiries.inquiries[0].answered_at = '2026-03-02T15:00:00';
  theirs.workspace.inquiries.inquiries.push({ id: 2, received_at: '2026-03-03T10:00:00', company: 'Harbor Glass', request: '<img src=x onerror=alert(1)>' });
  theirs.workspace.inquiries.next_id = 3;
  theirs.workspace.accounts[0].engagement = { activities: [{ id: 1, at: '2026-03-04T10:00:00', kind: 'routine_visit', ours: [1], tenths_of_hours: 10 }], next_id: 2 };
  await seedStorage(page, { 'kam.workspace': JSON.stringify(mine) });

  await importFile(page, 'colleague.json', JSON.stringify(theirs));
  await page.click('[data-testid=merge-import]');
  await page.waitForSelector('[data-testid=merge-inquiries]');
  assert.equal(await page.textContent('[data-testid=merge-count-new-inquiries]'), 'New inquiries: 1');
  const card = page.locator('[data-testid=merge-inquiry]');
  assert.equal(await card.count(), 1);
  assert.deepEqual(await card.locator('tbody tr').allTextContents(), ['Answered2 Mar 2026 15:00']);
  assert.equal(await card.locator('[data-testid=keep-mine]').isChecked(), true, 'mine is kept unless chosen');
  await card.locator('[data-testid=take-theirs]').check();
  await page.click('[data-testid=merge-apply]');
  await expectNotice(page, /Added 1 inquiry\. Took their version of 1 inquiry\./);
  await page.waitForSelector('[data-testid=save-status].saved');
  const stored = await storedWorkspace(page);
  const log = stored.workspace.inquiries.inquiries;
  assert.deepEqual(log.map((i) => [i.company, i.answered_at ?? null]), [
    ['Sunrise Logistics', '2026-03-02T15:00:00'],
    ['Harbor Glass', null],
  ]);
  assert.equal(stored.workspace.accounts[0].engagement.activities.length, 1, 'their contact is added');
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.deepEqual(problems, []);
});
