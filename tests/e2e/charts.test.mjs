// The matrix and the pyramid as a user meets them: points to hover, step through and
// click, filters, exports, live updates, levels to click, and a level override.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

  // Raise the attractiveness threshold and apply it: Beta Bank (4.0/8.0) stays
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
  await page.click('nav >> text=Scoring model');
  await page.fill('[data-threshold=attractiveness]', '6.5');
  await page.click('[data-testid=apply-model]');
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
  // Time: key 48 h, ordinary 12 h, super-potential 6 (tier 3: every six months) + 48 + 48
  // = 102 h → 30% / 7% / 63%.
  const reading = await page.textContent('[data-testid=pyramid-reading]');
  assert.match(reading, /Key customers get 30% of planned selling time; recommended 60%\./);
  assert.match(reading, /Super-potential customers get 63% of planned selling time; recommended 10%\./);
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
  // At phone width the chart is drawn again at the screen's width: wait for that drawing.
  // The drawing may be replaced more than once while the window shrinks, so its width is
  // read in the same step that finds it.
  const width = await (await page.waitForFunction(() => {
    const svg = document.querySelector('[data-testid=matrix] svg');
    const width = svg?.getBoundingClientRect().width;
    return width && width <= 390 ? width : false;
  })).jsonValue();
  assert.ok(width <= 390 && width > 300, `matrix is ${width}px wide`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.app-header'), false, 'no navigation chrome in print');
  assert.equal(await page.isVisible('[data-testid=matrix] svg'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * What a reader sees of the matrix, in the drawing's own pixels: every text with its
 * box, the markers (their tag and centre), the two threshold lines, the grid lines, and
 * how large each text shows on the screen (or paper) in CSS pixels.
 */
async function matrixGeometry(page, selector = '[data-testid=matrix] .chart-svg svg') {
  return page.evaluate((selector) => {
    const svg = document.querySelector(selector);
    const scale = svg.getScreenCTM().a;
    const tierFills = ['#0072B2', '#009E73', '#D55E00', '#6B6B6B'];
    const box = (e) => {
      const b = e.getBBox();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    };
    const texts = [...svg.querySelectorAll('text')].map((t) => ({
      text: t.textContent.trim(),
      box: box(t),
      shownPx: parseFloat(getComputedStyle(t).fontSize) * scale,
    }));
    const markers = [...svg.querySelectorAll('circle, rect, polygon')]
      .filter((e) => tierFills.includes((e.getAttribute('fill') || '').toUpperCase()) && e.getAttribute('opacity') === '1')
      .map((e) => {
        const b = box(e);
        return { tag: e.tagName, x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width };
      })
      .filter((m) => m.width <= 16);
    const lines = [...svg.querySelectorAll('polyline, line, path')].map((e) => ({
      stroke: (e.getAttribute('stroke') || '').toUpperCase(),
      width: e.getAttribute('stroke-width'),
      opacity: e.getAttribute('opacity'),
      box: box(e),
    }));
    const thresholds = lines.filter((l) => l.stroke === '#333333' && l.width === '2').map((l) => l.box);
    return { texts, markers, thresholds, lines, width: svg.getBoundingClientRect().width };
  }, selector);
}

function distanceToBox(p, b) {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** Whether a text's box touches a line 2 px wide (its box is that of its centre line). */
function crosses(text, line) {
  return text.x < line.x + line.width + 1 && line.x - 1 < text.x + text.width
    && text.y < line.y + line.height + 1 && line.y - 1 < text.y + text.height;
}

const LONG_NAMES = [
  // name, attractiveness, feasibility, the marker of its tier
  ['Northern Star Logistics Group Holdings', 8, 8, 'circle'],
  ['Blue Ocean Trading Company', 9, 3, 'polygon'],
  ['Shanghai Precision Parts Works', 3, 9, 'rect'],
  // Half a point left of the feasibility threshold (5.5): its name must not cross it.
  ['Harbour Line Engineering', 6, 5, 'polygon'],
];

test('the matrix writes whole names beside their markers, off the threshold lines, with no minor grid', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const accounts = LONG_NAMES.map(([name, a, f], i) => scoredAccount(i + 1, name, a, f));
  await seedStorage(page, { 'kam.workspace': workspaceFile(accounts) });
  await page.goto(`${app.server.origin}${SUB_PATH}#/matrix`);
  await page.waitForSelector('[data-testid=matrix] svg');
  const g = await matrixGeometry(page);
  assert.equal(g.thresholds.length, 2, 'two threshold lines');
  for (const [name, , , tag] of LONG_NAMES) {
    const label = g.texts.find((t) => t.text === name);
    assert.ok(label, `${name} is written whole (texts: ${g.texts.map((t) => t.text).join(' | ')})`);
    assert.ok(!g.texts.some((t) => t.text.includes('…')), 'no name is cut');
    // Next to its own marker: the nearest marker is of its tier, a few pixels away.
    const nearest = g.markers
      .map((m) => ({ ...m, distance: distanceToBox(m, label.box) }))
      .sort((a, b) => a.distance - b.distance)[0];
    assert.equal(nearest.tag, tag, `${name} sits by its own marker`);
    assert.ok(nearest.distance <= 14, `${name} is ${nearest.distance.toFixed(1)} px from its marker`);
    for (const line of g.thresholds) assert.ok(!crosses(label.box, line), `${name} crosses a threshold line`);
    assert.ok(label.shownPx >= 11, `${name} shows at ${label.shownPx.toFixed(1)} px`);
  }
  // The grid: light lines at whole scores only, nothing faint in between.
  const grid = g.lines.filter((l) => l.stroke === '#E2E2E2');
  assert.ok(grid.length > 0 && grid.length <= 22, `${grid.length} grid lines`);
  assert.equal(g.lines.filter((l) => l.opacity === '0.1' || l.stroke === '#EEEEEE').length, 0, 'no minor grid');
  assert.deepEqual(problems, []);
});

test('on a phone the matrix fills the screen, a tap reads a point, and a list names and opens every account', async () => {
  for (const locale of ['en-US', 'zh-CN']) {
    const context = await app.browser.newContext({ locale, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page, problems } = await openPage(app.browser, app.server.origin, { context });
    await openMatrix(page);
    const zh = locale === 'zh-CN';
    assert.match(await page.textContent('[data-testid=matrix-help]'), zh ? /点按一个点/ : /Tap a marker/);
    assert.ok(!/mouse|Hover|鼠标/.test(await page.textContent('[data-testid=matrix-help]')), 'no hover talk on a phone');
    const g = await matrixGeometry(page);
    assert.ok(g.width >= 385 && g.width <= 390, `the chart is ${g.width} px wide`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'nothing sideways');
    const named = g.texts.filter((t) => ['Alpha Motors', 'Beta Bank'].includes(t.text));
    assert.ok(named.length > 0, 'names on the chart');
    for (const t of g.texts) assert.ok(t.shownPx >= 11, `"${t.text}" shows at ${t.shownPx.toFixed(1)} px`);

    // The list: every account on the matrix, best ranked first, as text, each a target
    // a finger can hit.
    const list = page.locator('[data-testid=matrix-list]');
    assert.match(await list.locator('h2').textContent(), zh ? /矩阵上的客户/ : /Accounts on the matrix/);
    const entries = list.locator('li');
    assert.equal(await entries.count(), 5);
    assert.match(await entries.nth(0).textContent(), zh ? /Alpha Motors.*吸引力 8\.0 · 可行性 7\.0/ : /Alpha Motors.*attractiveness 8\.0 · feasibility 7\.0/);
    assert.ok((await list.textContent()).includes('<img src=x onerror=alert(1)>'), 'the hostile name is text');
    assert.equal(await page.locator('main img').count(), 0);
    for (let i = 0; i < 5; i++) {
      const box = await entries.nth(i).locator('a').boundingBox();
      assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= 390, `entry ${i}: ${JSON.stringify(box)}`);
    }

    // A tap on a marker reads it without leaving the page; its name then opens it.
    const marker = await page.evaluate(() => {
      const c = [...document.querySelectorAll('[data-testid=matrix] svg circle')].find((e) => e.getAttribute('r') === '5');
      const b = c.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await page.touchscreen.tap(marker.x + 6, marker.y + 6);
    const tooltip = page.locator('[data-testid=matrix-tooltip].pinned');
    await tooltip.waitFor();
    assert.match(page.url(), /#\/matrix$/);
    const tip = await tooltip.boundingBox();
    assert.ok(tip.x >= 0 && tip.x + tip.width <= 390, `the tooltip stays on screen: ${JSON.stringify(tip)}`);
    const first = tooltip.locator('a').first();
    const name = (await first.textContent()).split(/[:：]/)[0];
    await first.tap();
    await page.waitForSelector('[data-testid=tier-section]');
    assert.equal(await page.textContent('[data-testid=account-title]'), name);

    // Tapping an entry of the list opens that account.
    await page.goBack();
    await page.waitForSelector('[data-testid=matrix-list]');
    await page.locator('[data-testid=matrix-list] a', { hasText: 'Beta Bank' }).tap();
    await page.waitForSelector('[data-testid=tier-section]');
    assert.equal(await page.textContent('[data-testid=account-title]'), 'Beta Bank');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the printed plan writes the matrix at 8 pt or more', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  const fixture = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'workspace-v2.json'), 'utf8');
  await seedStorage(page, { 'kam.workspace': fixture });
  // An A4 sheet's width at 96 dpi, laid out for print.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1/plan/print`);
  await page.waitForSelector('[data-testid=print-matrix] svg');
  await page.emulateMedia({ media: 'print' });
  const g = await matrixGeometry(page, '[data-testid=print-matrix] svg');
  assert.ok(g.texts.some((t) => t.text === '上海汽车零部件有限公司'), 'the account is named, whole');
  for (const t of g.texts) {
    const pt = (t.shownPx * 72) / 96;
    assert.ok(pt >= 8, `"${t.text}" prints at ${pt.toFixed(1)} pt`);
  }
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
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
