// The matrix and the pyramid as a user meets them: points to hover, step through and
// click, filters, exports, live updates, levels to click, and a level override.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });

function sample() {
  const accounts = [
    scoredAccount(1, 'Alpha Motors', 8, 7, { segment: 'Automotive', size_band: 'large', relationship: 'customer' }),
    scoredAccount(2, 'Beta Bank', 4, 8, { segment: 'Finance', size_band: 'medium', relationship: 'customer' }),
    scoredAccount(3, '<img src=x onerror=alert(1)>', 8, 3, { segment: 'Finance', size_band: 'small' }),
    scoredAccount(4, 'Twin One', 6, 6, { segment: 'Automotive' }),
    scoredAccount(5, 'Twin Two', 6, 6, { segment: 'Automotive' }),
    { id: 6, name: 'Unscored Co', segment: 'Automotive' },
  ];
  accounts[0].tier_override = { tier: 'tier1', reason: 'flagship', at: 0 };
  return accounts;
}

async function openMatrix(page) {
  await seedStorage(page, { 'kam.workspace': workspaceFile(sample()) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/matrix`);
  await page.waitForSelector('[data-testid=matrix] svg');
}

test('the matrix shows every scored account, steps through them by keyboard and opens one on click', async () => {
  const { page, problems, dialogs } = await openPage(app.browser, app.server.origin);
  await openMatrix(page);
  assert.match(await page.textContent('[data-testid=matrix-count]'), /5 accounts on the matrix\. 1 account is not shown because it is not fully scored/);
  const svg = await page.innerHTML('[data-testid=matrix] .chart-svg');
  for (const zone of ['Tier 1 · focus and develop', 'Tier 2 · develop with existing resources', 'Tier 3 · invest to develop', 'Not pursued · dare to say no']) {
    assert.ok(svg.includes(zone), zone);
  }
  assert.ok(svg.includes('&lt;img src=x'), 'the hostile name is escaped text in the SVG');
  assert.equal(await page.locator('[data-testid=matrix] svg image, main img').count(), 0);

  // Keyboard: the best-ranked point first, then on.
  await page.focus('[data-testid=matrix-overlay]');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-testid=matrix-tooltip]'), /Alpha Motors: attractiveness 8\.0, feasibility 7\.0, Tier 1 \(Overridden\)/);
  await page.keyboard.press('ArrowRight');
  const second = await page.textContent('[data-testid=matrix-tooltip]');
  // Coinciding points are one stop with both names.
  const seen = [second];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push(await page.textContent('[data-testid=matrix-tooltip]'));
  }
  const twins = seen.find((s) => s.includes('Twin One'));
  assert.ok(twins && twins.includes('Twin Two'), 'coinciding accounts are listed together');
  assert.ok(seen.some((s) => s.includes('<img src=x onerror=alert(1)>: attractiveness 8.0, feasibility 3.0, Tier 3')));

  // Enter on a shared point pins the list; its links open each account.
  while (!(await page.textContent('[data-testid=matrix-tooltip]')).includes('Twin One')) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.click('[data-testid=matrix-tooltip] >> text=Twin Two');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Twin Two');

  // Clicking a single point opens its account.
  await page.goBack();
  await page.waitForSelector('[data-testid=matrix] svg');
  await page.focus('[data-testid=matrix-overlay]');
  await page.keyboard.press('ArrowRight');
  const box = await page.locator('.point-focus').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await page.textContent('[data-testid=matrix-tooltip]'), /Alpha Motors/);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await page.textContent('[data-testid=account-title]'), 'Alpha Motors');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('the matrix follows filters, thresholds and scores without a reload', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await openMatrix(page);
  await page.selectOption('[data-testid=matrix-segment]', 'Finance');
  assert.match(await page.textContent('[data-testid=matrix-count]'), /^2 accounts on the matrix\./);
  await page.selectOption('[data-field=matrix_size]', 'small');
  assert.match(await page.textContent('[data-testid=matrix-count]'), /^1 account on the matrix\./);
  await page.selectOption('[data-field=matrix_size]', '');
  await page.selectOption('[data-testid=matrix-segment]', '');

  // Raise the attractiveness threshold on the ranking page: Beta Bank (4.0/8.0) stays
  // Tier 2, Twin One (6.0/6.0) drops from Tier 1 to Tier 2.
  const tooltipFor = async (name) => {
    await page.focus('[data-testid=matrix-overlay]');
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) {
      const text = await page.textContent('[data-testid=matrix-tooltip]');
      if (text.includes(name)) return text;
      await page.keyboard.press('ArrowRight');
    }
    throw new Error(`${name} not found on the matrix`);
  };
  assert.match(await tooltipFor('Twin One'), /Twin One: attractiveness 6\.0, feasibility 6\.0, Tier 1/);
  const before = await page.innerHTML('[data-testid=matrix] .chart-svg');
  await page.click('nav >> text=Ranking & tiers');
  await page.fill('[data-threshold=attractiveness]', '6.5');
  await page.click('nav >> text=Matrix');
  await page.waitForSelector('[data-testid=matrix] svg');
  assert.notEqual(await page.innerHTML('[data-testid=matrix] .chart-svg'), before, 'zones moved with the threshold');
  assert.match(await tooltipFor('Twin One'), /Twin One: attractiveness 6\.0, feasibility 6\.0, Tier 2/);
  assert.match(await page.textContent('.chart-legend'), /attractiveness 6\.5, feasibility 5\.5/);

  // Scoring the unscored account puts it on the matrix.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/6`);
  await page.waitForSelector('[data-testid=tier-section]');
  for (let c = 1; c <= 8; c++) await page.fill(`tr[data-criterion="${c}"] [data-testid=score-input]`, '9');
  await page.click('nav >> text=Matrix');
  assert.match(await page.textContent('[data-testid=matrix-count]'), /^6 accounts on the matrix\.\s*$/);
  assert.deepEqual(problems, []);
});

test('the matrix exports as SVG and as PNG', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await openMatrix(page);
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-svg]')]);
  assert.match(svgFile.suggestedFilename(), /^kam-matrix-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = readFileSync(await svgFile.path(), 'utf8');
  assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  assert.ok(svg.includes('&lt;img src=x') && !svg.includes('<img'));
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
  assert.match(pngFile.suggestedFilename(), /\.png$/);
  const png = readFileSync(await pngFile.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.length > 5000, 'the PNG has a picture in it');
  assert.deepEqual(problems, []);
});

test('the pyramid counts levels, reads its shape, lists a level on click and takes a level override', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await seedStorage(page, { 'kam.workspace': workspaceFile(sample()) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/pyramid`);
  await page.waitForSelector('[data-testid=pyramid] svg');
  // Alpha (customer, Tier 1) is key; Beta (customer, Tier 2) ordinary; prospects in
  // Tiers 1–3 (the hostile one, both twins) super-potential; the unscored one outside.
  const svg = await page.innerHTML('[data-testid=pyramid] .chart-svg');
  assert.match(svg, /1 account · 20% \(recommended 10%\)/);
  assert.match(svg, /3 accounts · 60% \(recommended 60%\)/);
  // Time: key 48 h, ordinary 12 h, super-potential 12+48+48 = 108 h → 29% / 7% / 64%.
  const reading = await page.textContent('[data-testid=pyramid-reading]');
  assert.match(reading, /Key customers get 29% of planned selling time; recommended 60%\./);
  assert.match(reading, /Super-potential customers get 64% of planned selling time; recommended 10%\./);
  assert.match(reading, /1 account is outside the pyramid/);

  await page.click('button[data-level=super_potential]');
  const list = await page.textContent('[data-testid=level-accounts]');
  assert.match(list, /Super-potential customers \(3\)/);
  assert.match(list, /Twin One/);
  assert.match(list, /<img src=x onerror=alert\(1\)>/);

  // Planned time follows the cadence: Tier 1 at 1 contact × 4 h.
  await page.fill('tr[data-tier=tier1] [data-plan=contacts]', '1');
  assert.equal(await page.textContent('tr[data-tier=tier1] [data-testid=hours-per-year]'), '4');

  // Move Beta Bank to the key level, with a reason.
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/2`);
  await page.waitForSelector('[data-testid=pyramid-section]');
  assert.equal(await page.textContent('[data-testid=pyramid-level]'), 'Ordinary customers');
  assert.match(await page.textContent('[data-testid=pyramid-section]'), /By the default rule \(any other current customer → ordinary customer\): Ordinary customers/);
  await page.selectOption('[data-field=level_override]', 'key');
  await page.click('[data-testid=apply-level-override]');
  await page.waitForSelector('[data-testid=pyramid-section] >> text=Give a reason for the override.');
  await page.fill('[data-field=level_override_reason]', 'Group purchasing moves here next year');
  await page.click('[data-testid=apply-level-override]');
  assert.equal(await page.textContent('[data-testid=pyramid-level]'), 'Key customers');
  await page.reload();
  await page.waitForSelector('[data-testid=pyramid-section]');
  assert.match(await page.textContent('[data-testid=pyramid-section]'), /A manager placed it as “Key customers”\. Reason: Group purchasing moves here next year/);
  await page.click('nav >> text=Pyramid');
  await page.click('button[data-level=key]');
  assert.match(await page.textContent('[data-testid=level-accounts]'), /Key customers \(2\)[\s\S]*Beta Bank/);
  assert.deepEqual(problems, []);
});

test('the charts scale to phone width and print on A4', async () => {
  const { page, problems, context } = await openPage(app.browser, app.server.origin);
  await openMatrix(page);
  await page.setViewportSize({ width: 390, height: 800 });
  const box = await page.locator('[data-testid=matrix] svg').boundingBox();
  assert.ok(box.width <= 390 && box.width > 300, `matrix is ${box.width}px wide`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.app-header'), false, 'no navigation chrome in print');
  assert.equal(await page.isVisible('[data-testid=matrix] svg'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a crowded matrix draws markers on a canvas layer and stays fully interactive and exportable', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return 1 + Math.floor((seed / 2147483648) * 10);
  };
  const many = Array.from({ length: 2500 }, (_, i) => {
    const scores = {};
    for (let c = 1; c <= 8; c++) scores[c] = { value: random() };
    return { id: i + 1, name: `Crowd ${i + 1}`, scores };
  });
  many.push(scoredAccount(9999, 'Top Account', 10, 10));
  await seedStorage(page, { 'kam.workspace': workspaceFile(many) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/matrix`);
  await page.waitForSelector('[data-testid=matrix] canvas.chart-markers');
  assert.match(await page.textContent('[data-testid=matrix-count]'), /^2501 accounts on the matrix\./);
  const svg = await page.innerHTML('[data-testid=matrix] .chart-svg');
  assert.equal((svg.match(/<circle/g) || []).length, 0, 'markers are not SVG elements here');
  // The canvas has the markers: some pixels are in the Tier 1 blue.
  const blue = await page.evaluate(() => {
    const c = document.querySelector('canvas.chart-markers');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0 && data[i + 1] === 0x72 && data[i + 2] === 0xb2) n++;
    return n;
  });
  assert.ok(blue > 100, `Tier 1 markers drawn (${blue} px)`);
  // Keyboard starts with the best-ranked account.
  await page.focus('[data-testid=matrix-overlay]');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-testid=matrix-tooltip]'), /Top Account: attractiveness 10\.0, feasibility 10\.0, Tier 1/);
  // The exported SVG carries every marker.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-svg]')]);
  const exported = readFileSync(await file.path(), 'utf8');
  assert.ok((exported.match(/<circle/g) || []).length > 100, 'the export has the Tier 1 markers');
  assert.deepEqual(problems, []);
});

test('if the chart module cannot be loaded, the page says so plainly', async () => {
  const context = await app.browser.newContext({ locale: 'en-US' });
  await context.route('**/tools/kam_tools.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
  const { page } = await openPage(app.browser, app.server.origin, { context });
  await seedStorage(page, { 'kam.workspace': workspaceFile(sample()) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/matrix`);
  const message = await page.textContent('[role=alert]:has-text("chart module")');
  assert.match(message, /The chart module could not be loaded \(.+\)\. Check the connection to the server and reload the page\./);
  // The rest of the app still works.
  await page.click('nav >> text=Accounts');
  assert.match(await page.textContent('[data-testid=accounts-table]'), /Alpha Motors/);
  await context.close();
});
