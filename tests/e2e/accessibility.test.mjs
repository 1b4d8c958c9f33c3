// Accessibility: axe-core (pinned in package.json) checks every page in both languages,
// with and without the demo, against WCAG 2.1 A and AA; no serious or critical
// violation is allowed. Then what axe cannot see: the scoring flow and the matrix by
// keyboard alone, focus moving to the new page's heading, and the app at 200% zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useApp, openPage, SUB_PATH } from './harness.mjs';

const app = useApp({ before, after });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SECTIONS = ['summary', 'profile', 'analysis', 'people', 'competitors', 'position', 'six-steps', 'strategy', 'actions', 'revenue', 'print'];
const ROUTES = ['#/accounts', '#/accounts/new', '#/accounts/1', '#/model', '#/ranking', '#/actions', '#/matrix', '#/pyramid', '#/workspaces', '#/import', '#/merge', '#/contacts', '#/pipeline', '#/calendar', '#/inquiries', '#/people', '#/review', '#/portfolio', ...SECTIONS.map((s) => `#/accounts/1/plan/${s}`)];

async function settle(page, route) {
  await page.goto(`${app.server.origin}${SUB_PATH}${route}`);
  await page.waitForSelector('main > *');
  await page.waitForFunction(() => !document.querySelector('.page-loading'));
  // Charts draw once their module is loaded.
  await page.waitForTimeout(250);
}

/** The page's WCAG 2.1 A/AA violations, as axe reports them. */
async function audit(page) {
  // Injected through the debugging protocol, which the page's content-security policy
  // does not govern (the app's own scripts stay under it).
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')), count: v.nodes.length }));
  });
}

test('axe finds no serious or critical violation on any page, in either language, with or without the demo', async () => {
  const serious = [];
  const byImpact = {};
  let pages = 0;
  for (const locale of ['zh-CN', 'en-US']) {
    for (const demo of [false, true]) {
      const context = await app.browser.newContext({ locale, acceptDownloads: true });
      const { page, problems } = await openPage(app.browser, app.server.origin, { context });
      if (demo) {
        await page.click('[data-testid=start-demo]');
        await page.waitForSelector('[data-testid=demo-banner]');
      }
      for (const route of ROUTES) {
        await settle(page, route);
        pages += 1;
        for (const v of await audit(page)) {
          byImpact[v.impact] = (byImpact[v.impact] ?? 0) + v.count;
          if (v.impact === 'serious' || v.impact === 'critical') {
            serious.push(`${locale}${demo ? ' demo' : ''} ${route}: ${v.impact} ${v.id} (${v.help}) ×${v.count} at ${v.targets.join(' | ')}`);
          }
        }
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  console.log(`axe: ${pages} pages checked; violations by impact: ${JSON.stringify(byImpact)}`);
  assert.deepEqual(serious, []);
});

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page, selector, { back = false, max = 200 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} was not reached by ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Whether the focused element shows where the focus is (an outline or a ring). */
async function focusShows(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  });
}

async function headingFocused(page) {
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  return page.evaluate(() => document.activeElement.textContent);
}

test('the scoring flow and the matrix work by keyboard alone, and focus moves to each new page\'s heading', async () => {
  const { page, problems } = await openPage(app.browser, app.server.origin);
  await tabTo(page, '[data-testid=add-account]');
  assert.ok(await focusShows(page), 'the focused link is visible');
  await page.keyboard.press('Enter');
  assert.match(await headingFocused(page), /New account/);

  await tabTo(page, '[data-field=name]');
  await page.keyboard.type('Keyboard Co');
  await tabTo(page, '[data-testid=create-account]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=tier-section]');
  assert.equal(await headingFocused(page), 'Keyboard Co');

  for (let c = 1; c <= 8; c++) {
    await tabTo(page, `tr[data-criterion="${c}"] [data-testid=score-input]`);
    if (c === 1) assert.ok(await focusShows(page), 'the focused score field is visible');
    await page.keyboard.type(c <= 4 ? '8' : '7');
  }
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => /Tier 1/.test(document.querySelector('[data-testid=tier-section]').textContent));

  // Back up to the navigation, on to the matrix.
  await tabTo(page, 'nav a[href$="#/matrix"]', { back: true });
  await page.keyboard.press('Enter');
  assert.match(await headingFocused(page), /matrix/i);
  await tabTo(page, '[data-testid=matrix-overlay]');
  assert.ok(await focusShows(page), 'the focused matrix is visible');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-testid=matrix-tooltip]'), /Keyboard Co: attractiveness 8\.0, feasibility 7\.0, Tier 1/);
  // Enter opens a point's account, or pins the list of a shared point.
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=tier-section], [data-testid=matrix-tooltip] a');
  if (!(await page.locator('[data-testid=tier-section]').count())) {
    await tabTo(page, '[data-testid=matrix-tooltip] a');
    await page.keyboard.press('Enter');
  }
  assert.equal(await headingFocused(page), 'Keyboard Co');
  assert.deepEqual(problems, []);
});

test('at 200% zoom every page fits the window and its navigation is reachable, in either language', async () => {
  // A 1280 × 800 window at 200% is laid out as 640 × 400 CSS pixels.
  const wide = [];
  for (const locale of ['zh-CN', 'en-US']) {
    const context = await app.browser.newContext({ locale, viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const { page, problems } = await openPage(app.browser, app.server.origin, { context });
    await page.click('[data-testid=start-demo]');
    await page.waitForSelector('[data-testid=demo-banner]');
    for (const route of ROUTES) {
      await settle(page, route);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) wide.push(`${locale} ${route}: ${scroll} > ${client}`);
    }
    // The navigation is there to use: every page's link can be reached and followed.
    await settle(page, '#/accounts');
    // Folded behind the menu button at this width.
    await tabTo(page, '[data-testid=menu-toggle]', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, 'nav a[href$="#/pyramid"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=pyramid]');
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(wide, []);
});
