// Prints how the built app performs in headless Chromium with large registers: cold
// load to a rendered list, a search keystroke, opening an account, a score edit until
// the tier updates, and the gathered save. Figures, not assertions. Timings taken from
// Node include the driver's round trips (tens of ms); those marked "in page" do not.
// Usage: node scripts/bench-browser.mjs   (after scripts/build.sh)
import { startServer, launchBrowser, openPage, seedStorage, workspaceFile, SUB_PATH } from '../tests/e2e/harness.mjs';

function accounts(n) {
  // A fixed pseudo-random sequence, so runs compare and points spread over the matrix.
  let seed = 20261122;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const list = [];
  for (let i = 1; i <= n; i++) {
    const scores = {};
    for (let c = 1; c <= 8; c++) if (!(i % 10 === 0 && c === 8)) scores[c] = { value: 1 + Math.floor(random() * 10) };
    list.push({
      id: i,
      number: `C-${String(i).padStart(5, '0')}`,
      name: `客户 ${i} Customer Co., Ltd.`,
      segment: ['汽车', '金融', '物流'][i % 3],
      size_band: ['large', 'medium', 'small'][i % 3],
      address: '上海市浦东新区世纪大道 88 号',
      scores,
    });
  }
  return list;
}

async function timed(label, f) {
  const start = performance.now();
  await f();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const n of [1000, 5000]) {
    console.log(`\n${n} accounts`);
    const { page, problems } = await openPage(browser, server.origin);
    const file = workspaceFile(accounts(n));
    console.log(`${'saved workspace size'.padEnd(52)} ${(file.length / 1024).toFixed(0).padStart(6)} KB`);
    await page.evaluate((text) => localStorage.setItem('kam.workspace', text), file);
    await timed('cold load until the list shows', async () => {
      await page.reload();
      await page.waitForSelector('[data-testid=accounts-table] tbody tr');
    });
    await timed('search keystroke until the list is filtered', async () => {
      await page.fill('[data-testid=search]', 'customer 123');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=accounts-table] tbody tr').length < 50);
    });
    await timed('sort by attractiveness', async () => {
      await page.fill('[data-testid=search]', '');
      await page.waitForFunction((n) => document.querySelector('[data-testid=account-count]').textContent.includes(`${n} of ${n}`) || document.querySelector('[data-testid=account-count]').textContent.includes(`${n} / ${n}`), n);
      await page.click('button[data-sort=attractiveness]');
      await page.waitForSelector('th[aria-sort=ascending] button[data-sort=attractiveness]');
    });
    await timed('open an account', async () => {
      await page.goto(`${server.origin}${SUB_PATH}#/accounts/${n}`);
      await page.waitForSelector('[data-testid=tier-section]');
    });
    await timed('score edit until the tier shown changes', async () => {
      const before = await page.textContent('.page-head .tier-badge');
      await page.fill('tr[data-criterion="8"] [data-testid=score-input]', '1');
      await page.fill('tr[data-criterion="5"] [data-testid=score-input]', '1');
      await page.fill('tr[data-criterion="6"] [data-testid=score-input]', '1');
      await page.fill('tr[data-criterion="7"] [data-testid=score-input]', '1');
      await page.waitForFunction((b) => document.querySelector('.page-head .tier-badge').textContent !== b, before);
    });
    // Measured inside the page, without the driver's round trips.
    const edit = await page.evaluate(async () => {
      const input = document.querySelector('[data-field=phone]');
      const status = document.querySelector('[data-testid=save-status]');
      const start = performance.now();
      input.value = '021-5555 0101';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const handled = performance.now() - start;
      return new Promise((done) => {
        const watch = new MutationObserver(() => {
          if (status.classList.contains('saved')) {
            watch.disconnect();
            done({ handled, saved: performance.now() - start });
          }
        });
        watch.observe(status, { attributes: true, childList: true, subtree: true, characterData: true });
      });
    });
    console.log(`${'keystroke handled (in page)'.padEnd(52)} ${edit.handled.toFixed(1).padStart(6)} ms`);
    console.log(`${'keystroke until written (in page, 300 ms gathering)'.padEnd(52)} ${edit.saved.toFixed(0).padStart(6)} ms`);
    await timed('ranking page until shown', async () => {
      await page.goto(`${server.origin}${SUB_PATH}#/ranking`);
      await page.waitForSelector('[data-testid=ranking-table] tbody tr');
    });
    if (problems.length) console.log('page problems:', problems);
    await page.context().close();
  }
  // The matrix: from following the link until the chart is in the page and painted
  // (measured in page; the target is 10,000 accounts within 100 ms).
  for (const n of [1000, 10000]) {
    const { page, problems } = await openPage(browser, server.origin);
    await page.evaluate((text) => localStorage.setItem('kam.workspace', text), workspaceFile(accounts(n)));
    await page.reload();
    await page.waitForSelector('[data-testid=accounts-table] tbody tr');
    const runs = [];
    for (let i = 0; i < 5; i++) {
      runs.push(
        await page.evaluate(
          () =>
            new Promise((done) => {
              const start = performance.now();
              location.hash = '#/matrix';
              const check = () => {
                if (document.querySelector('[data-testid=matrix] svg')) {
                  requestAnimationFrame(() => done(performance.now() - start));
                } else {
                  requestAnimationFrame(check);
                }
              };
              check();
            }),
        ),
      );
      await page.evaluate(() => (location.hash = '#/accounts'));
      await page.waitForSelector('[data-testid=accounts-table]');
    }
    const svgKb = await page.evaluate(async () => {
      location.hash = '#/matrix';
      await new Promise((r) => setTimeout(r, 200));
      return document.querySelector('[data-testid=matrix] .chart-svg').innerHTML.length / 1024;
    });
    runs.sort((a, b) => a - b);
    console.log(
      `${`matrix of ${n} accounts: draw + mount + paint (in page)`.padEnd(52)} best ${runs[0].toFixed(0)} ms, median ${runs[2].toFixed(0)} ms (SVG ${svgKb.toFixed(0)} KB)`,
    );
    if (problems.length) console.log('page problems:', problems);
    await page.context().close();
  }
  // Importing 10,000 rows from CSV and from XLSX: file chosen → rows checked → imported,
  // and the longest the page's thread was blocked meanwhile (long tasks, in page).
  {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kam-bench-'));
    const csvPath = join(dir, 'accounts.csv');
    const lines = ['客户编号,客户名称,细分市场,规模,财务业绩,年度IT产品/服务预算或实际支出,声誉和内部管理,地理位置,与我们现有业务的关系,客户与竞争对手的关系,对我们服务的态度,自身执行能力'];
    for (let i = 1; i <= 10000; i++) {
      const s = (k) => ((i * k) % 10) + 1;
      lines.push(`C-${i},客户 ${i} Customer Co.,${['汽车', '金融', '物流'][i % 3]},${['大型', '中型', '小型'][i % 3]},${s(1)},${s(3)},${s(7)},${s(9)},${s(11)},${s(13)},${s(17)},${s(19)}`);
    }
    writeFileSync(csvPath, lines.join('\r\n'));
    const { page, problems } = await openPage(browser, server.origin);
    // Make the XLSX with the app itself: import the CSV, export the ranked list.
    for (const [label, path] of [['CSV', csvPath], ['XLSX', null]]) {
      let file = path;
      if (!file) {
        await page.goto(`${server.origin}${SUB_PATH}#/ranking`);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
        file = join(dir, 'ranking.xlsx');
        await download.saveAs(file);
        await page.evaluate(() => { localStorage.clear(); });
        await page.reload();
        await page.waitForSelector('.app-header');
      }
      await page.goto(`${server.origin}${SUB_PATH}#/import`);
      // What a user feels: the longest task and the longest wait of a zero-delay timer
      // (event-loop lag, which includes the rendering between tasks), in the page.
      const watch = () =>
        page.evaluate(() => {
          window.__longest = 0;
          window.__lag = 0;
          window.__observer?.disconnect();
          window.__observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
          });
          window.__observer.observe({ type: 'longtask', buffered: false });
          if (!window.__ticking) {
            window.__ticking = true;
            let last = performance.now();
            const tick = () => {
              const now = performance.now();
              window.__lag = Math.max(window.__lag, now - last);
              last = now;
              setTimeout(tick, 0);
            };
            tick();
          }
        });
      const report = async (what) => {
        const { longest, lag } = await page.evaluate(() => ({ longest: window.__longest, lag: window.__lag }));
        console.log(`${`${label} ${what}: longest task / event-loop lag (in page)`.padEnd(52)} ${longest.toFixed(0).padStart(6)} ms / ${lag.toFixed(0)} ms`);
      };
      await watch();
      await timed(`${label} 10,000 rows: choose file until checked`, async () => {
        await page.setInputFiles('[data-testid=import-sheet-file]', file);
        await page.waitForSelector('[data-testid=import-summary]', { timeout: 120000 });
      });
      await report('reading and checking');
      await watch();
      await timed(`${label} 10,000 rows: import until the list shows`, async () => {
        await page.click('[data-testid=import-run]');
        await page.waitForSelector('[data-testid=accounts-table] tbody tr', { timeout: 120000 });
      });
      // The import is complete for the user once it is saved.
      await page.waitForSelector('[data-testid=save-status].saved', { timeout: 120000 });
      await page.waitForTimeout(500);
      await report('import, list shown and saved');
    }
    if (problems.length) console.log('page problems:', problems);
    await page.context().close();
  }
} finally {
  await browser.close();
  server.stop();
}
