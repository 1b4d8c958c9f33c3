// The figures of BENCHMARKS.md, measured in the built app in headless Chromium and
// printed as one table beside their goals, for 1,000 and 10,000 accounts: what a user
// waits for (in the page, until painted), what the browser downloads, how much of the
// storage quota a register takes, and how the ranking's WebAssembly compares with a
// plain-JavaScript version of the same rule in the same page. Figures, not assertions.
//
// Usage: node scripts/bench-browser.mjs <build dir with dist/ and bench/>   (scripts/bench.sh)
//        BENCH_ONLY=sync node scripts/bench-browser.mjs dist   (the team sync's figures only)
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, openPage, SUB_PATH, freePort } from '../tests/e2e/harness.mjs';
import { startSyncServer, stopSyncServer, startProxy } from '../tests/e2e/sync-server.mjs';

const [dist, benchModule] = process.argv.slice(2);
const syncOnly = process.env.BENCH_ONLY === 'sync';
const QUOTA = 5_242_880;
const SIZES = [1000, 10000];

// --- Data: registers with the whole basic sheet filled in, as a sales team keeps them.

function generator(seed) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)], int: (a, b) => a + Math.floor(next() * (b - a + 1)) };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅志文玉海燕鹏飞晓东';
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '天津', '重庆', '西安', '长沙', '青岛', '宁波', '无锡', '厦门', '合肥', '郑州', '济南'];
const WORDS = '汽车零部件电子科技机械制造新材料物流供应链医疗器械精密仪器智能装备化工能源环保软件信息服务金融投资建设工程食品饮料纺织服装';

function accounts(n) {
  const g = generator(20261130);
  const words = (k) => Array.from({ length: k }, () => g.pick(WORDS)).join('');
  const list = [];
  for (let i = 1; i <= n; i++) {
    const city = g.pick(CITIES);
    const scores = {};
    // One account in ten is missing a score, so incomplete accounts are in the mix.
    for (let c = 1; c <= 8; c++) if (!(i % 10 === 0 && c === 8)) scores[c] = { value: g.int(1, 10) };
    const account = {
      id: i,
      number: `C-${g.int(10000, 99999)}-${i}`,
      name: `${city}${words(g.int(2, 4))}${g.pick(['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'])}`,
      industry: g.pick(['汽车制造', '汽车零部件', '电子', '机械', '化工', '物流', '金融', '医疗', '能源', '软件']),
      segment: g.pick(['整车厂', '一级供应商', '二级供应商', '经销商', '金融机构', '物流企业']),
      ownership: g.pick(['state_owned', 'private', 'foreign', 'joint_venture']),
      size_band: g.pick(['large', 'medium', 'small']),
      company_type: g.pick(['有限责任公司', '股份有限公司', '外商独资企业', '合资企业']),
      address: `${city}市${words(2)}区${words(2)}路${g.int(1, 999)}号${g.int(1, 30)}楼`,
      contact_person: g.pick(SURNAMES) + Array.from({ length: g.int(1, 2) }, () => g.pick(GIVEN)).join(''),
      position: g.pick(['采购总监', '总经理', '技术经理', '采购经理', '副总裁', '财务总监']),
      phone: `1${g.int(3, 9)}${g.int(100000000, 999999999)}`,
      email: `buyer${g.int(1, 99999)}@${g.pick(['example', 'corp', 'mail'])}${g.int(1, 999)}.com`,
      employees: g.int(20, 50000),
      main_products: Array.from({ length: 3 }, () => words(2)).join('、'),
      main_partners: Array.from({ length: 2 }, () => words(3)).join('、'),
      relationship: g.pick(['customer', 'prospect']),
      scores,
      created_at: 1764000000000 + i,
      updated_at: 1764000000000 + i,
    };
    // Development records (contracts, payment) put about one account in six into a
    // key-account category; one in fifty belongs to a group.
    if (i % 6 === 0) {
      account.development = {
        contracts: [{ id: 1, date: '2025-05-01', volume: g.int(1000, 900000), value: g.int(100000, 90000000) }],
        payment: g.pick(['good', 'good', 'late']),
        next_id: 2,
      };
    }
    if (i % 50 === 0 && i > 1) account.parent = i - 1;
    if (i % 37 === 0) account.screening = { profitable: 'no' };
    if (i % 53 === 0) account.tier_override = { tier: 'tier1', reason: '战略客户', at: 1764000000000 };
    list.push(account);
  }
  return list;
}

function workspaceText(list) {
  return JSON.stringify({ format: 'kam-workbench/workspace', version: 4, workspace: { accounts: list, next_account_id: list.length + 1 } });
}

// --- The same rule in plain JavaScript: weighted axis scores in tenths (half up),
// screening, the tier table, overrides; ranked by combined score, then attractiveness,
// then name, then id; accounts that failed screening after, in the same order;
// incomplete accounts last, in register order.
// Self-contained: its source is run in the page.
function rankJs(list, threshold = 55) {
  const CRITERIA = [
    [1, 'a', 40], [2, 'a', 30], [3, 'a', 20], [4, 'a', 10],
    [5, 'f', 30], [6, 'f', 30], [7, 'f', 30], [8, 'f', 10],
  ];
  const GATES = ['reachable', 'profitable', 'implementable', 'sustainable'];
  const axis = (scores, which) => {
    let weighted = 0;
    let total = 0;
    for (const [id, ax, weight] of CRITERIA) {
      if (ax !== which) continue;
      total += weight;
      const v = scores?.[id]?.value;
      if (!(v >= 1 && v <= 10)) return null;
      weighted += v * weight;
    }
    return total === 0 ? null : Math.floor((20 * weighted + total) / (2 * total));
  };
  const complete = [];
  const screenedOut = [];
  const incomplete = [];
  for (const a of list) {
    const att = axis(a.scores, 'a');
    const fea = axis(a.scores, 'f');
    const failed = GATES.some((g) => a.screening?.[g] === 'no');
    let tier = null;
    if (failed) tier = 'not_pursued';
    else if (att !== null && fea !== null) tier = att >= threshold ? (fea >= threshold ? 'tier1' : 'tier3') : fea >= threshold ? 'tier2' : 'not_pursued';
    const effective = a.tier_override ? a.tier_override.tier : tier;
    if (att !== null && fea !== null) (failed ? screenedOut : complete).push({ sum: att + fea, att, name: a.name ?? '', id: a.id, effective });
    else incomplete.push({ id: a.id, effective });
  }
  const byScore = (x, y) => y.sum - x.sum || y.att - x.att || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) || x.id - y.id;
  complete.sort(byScore);
  screenedOut.sort(byScore);
  return [...complete.map((r) => r.id), ...screenedOut.map((r) => r.id), ...incomplete.map((r) => r.id)];
}

// --- Measuring in the page.

/** Milliseconds from the page's start until `selector` is on screen (after its frame). */
const PAINT_WATCH = (selector) => `
  (() => {
    const seen = () => {
      window.__painted = undefined;
      const done = () => new Promise((ok) => requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => ok(performance.now());
        c.port2.postMessage(0);
      }));
      const watch = new MutationObserver(() => {
        if (document.querySelector(${JSON.stringify(selector)})) {
          watch.disconnect();
          done().then((t) => { window.__painted = t; });
        }
      });
      watch.observe(document, { childList: true, subtree: true });
    };
    seen();
  })();`;

/** Runs `act` in the page and returns milliseconds until the next frame after it. */
async function untilPainted(page, act) {
  return page.evaluate(async (act) => {
    const start = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(act)();
    await new Promise((ok) => requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = ok;
      c.port2.postMessage(0);
    }));
    return performance.now() - start;
  }, act);
}

/** Milliseconds from `act` (run in the page) until `selector` is on screen and painted. */
async function untilShown(page, act, selector) {
  return page.evaluate(({ act, selector }) => new Promise((done) => {
    const start = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(act)();
    const check = () => {
      if (document.querySelector(selector)) requestAnimationFrame(() => done(performance.now() - start));
      else requestAnimationFrame(check);
    };
    check();
  }), { act, selector });
}

/** Milliseconds from following a link (from the account list) until `selector` is painted; `visits` visits, the first left out. */
async function fromLink(page, hash, selector, visits = 4) {
  const times = [];
  for (let i = 0; i < visits; i++) {
    await page.goto(`${server.origin}${SUB_PATH}#/accounts`);
    await page.waitForSelector('[data-testid=accounts-table] tbody tr', { timeout: 60000 });
    times.push(await untilShown(page, `location.hash = ${JSON.stringify(hash)};`, selector));
  }
  return times.slice(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;

async function importWorkspace(page, path) {
  await page.setInputFiles('[data-testid=import-file]', path);
  await page.click('[data-testid=confirm-import]');
  await page.waitForSelector('[data-testid=accounts-table] tbody tr', { timeout: 120000 });
  await page.waitForSelector('[data-testid=save-status].saved', { timeout: 120000 });
}

// GNU gzip -9, as scripts/build.sh measures (Node's zlib, a faster variant, comes out
// about 2% larger on these files).
const gz = (path) => execFileSync('gzip', ['-9', '-c', path], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

const table = [];
const row = (figure, goal, values) => table.push({ figure, goal, values });

/** Until the page's sync status reads "up to date" (both ways done, nothing waiting). */
const syncSettled = (page, timeout = 180000) =>
  page.waitForFunction(() => /up to date$/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout, polling: 50 });

/**
 * Team sync through the stock server, at `n` accounts: Ana shares her register, Li joins
 * it by its link, then Ana renames an account five times. Each browser reaches the server
 * through a proxy that counts its bytes.
 */
async function syncFigures(n, path, put) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'kam-bench-sync-'));
  const syncServer = await startSyncServer(port, data);
  const proxyA = await startProxy(() => port);
  const proxyB = await startProxy(() => port);
  try {
    const a = await openBench();
    await importWorkspace(a.page, path);
    await a.page.goto(`${server.origin}${SUB_PATH}#/workspaces`);
    await a.page.fill('[data-field=sync_server]', proxyA.url);
    let start = Date.now();
    await a.page.click('[data-testid=share-workspace]');
    await a.page.waitForSelector('[data-testid=share-link]', { timeout: 180000 });
    await syncSettled(a.page);
    put('share', n, `${((Date.now() - start) / 1000).toFixed(1)} s, ${kb(proxyA.sent)} sent`);
    const link = await a.page.inputValue('[data-testid=share-link]');

    const b = await openBench();
    await b.page.goto(link.replace(encodeURIComponent(proxyA.url), encodeURIComponent(proxyB.url)));
    await b.page.waitForSelector('[data-testid=join-page-form]');
    await b.page.fill('[data-field=join_name]', 'Team');
    start = Date.now();
    await b.page.click('[data-testid=join-workspace]');
    await b.page.waitForSelector('[data-testid=accounts-table] tbody tr', { timeout: 180000 });
    const painted = Date.now() - start;
    await syncSettled(b.page);
    put('join', n, `${(painted / 1000).toFixed(1)} s to the list (${((Date.now() - start) / 1000).toFixed(1)} s settled), ${kb(proxyB.received)} received`);

    // Edits: from leaving the field (the save) until the other browser shows the name.
    await a.page.goto(`${server.origin}${SUB_PATH}#/accounts/1`);
    await b.page.goto(`${server.origin}${SUB_PATH}#/accounts/1`);
    await a.page.waitForSelector('[data-field=name]');
    await b.page.waitForSelector('h1[data-testid=account-title]');
    await syncSettled(a.page);
    const latency = [];
    const bytes = [];
    const edits = 5;
    for (let i = 1; i <= edits; i++) {
      const name = `Renamed account ${i}`;
      await a.page.fill('[data-field=name]', name);
      const t = Date.now();
      const sentBefore = proxyA.sent;
      await a.page.locator('[data-field=name]').blur();
      await b.page.waitForFunction((name) => document.querySelector('h1[data-testid=account-title]')?.textContent.includes(name), name, { timeout: 60000, polling: 'raf' });
      latency.push(Date.now() - t);
      await syncSettled(a.page);
      await a.page.waitForTimeout(300);
      bytes.push(proxyA.sent - sentBefore);
    }
    put('edit', n, range(latency));
    // The first edit after sharing is shown apart: it sends more (see BENCHMARKS.md).
    put('edit bytes', n, `${range(bytes.slice(1))} B (the first after sharing: ${bytes[0]} B)`);
    await a.page.context().close();
    await b.page.context().close();
  } finally {
    proxyA.close();
    proxyB.close();
    await stopSyncServer(syncServer);
    rmSync(data, { recursive: true, force: true });
  }
}

// --- Run.
const build = mkdtempSync(join(tmpdir(), 'kam-bench-'));
cpSync(dist, build, { recursive: true });
if (!syncOnly) cpSync(benchModule, join(build, 'bench'), { recursive: true });
const server = await startServer(build);
const browser = await launchBrowser();
// The measuring code runs its steps with `new Function`, which the app's
// content-security policy refuses; the policy is lifted for the measuring pages only.
const openBench = async () => openPage(browser, server.origin, {
  context: await browser.newContext({ locale: 'en-US', acceptDownloads: true, bypassCSP: true }),
});
try {
  // Sizes: the first load, and what each page adds when first opened.
  const mainWasm = readdirSync(dist).find((f) => /^kam-workbench-[0-9a-f]+_bg\.wasm$/.test(f));
  const stem = mainWasm.replace('_bg.wasm', '');
  // The first screen's texts (the start table); the whole table loads after the first paint.
  const texts = Math.max(...readdirSync(dist).filter((f) => f.startsWith(`${stem}.strings.`) && f.endsWith('.start.json')).map((f) => gz(join(dist, f))));
  const firstLoad = gz(join(dist, mainWasm)) + gz(join(dist, `${stem}.js`)) + gz(join(dist, `${stem}.split.js`)) + texts;
  row('first load: app wasm + js + one language\'s texts, gzipped', '≤ 250 KB', [kb(firstLoad)]);
  {
    const { page } = await openBench();
    const fetched = new Set();
    page.on('request', (r) => {
      const name = new URL(r.url()).pathname.split('/').pop();
      if (name.endsWith('.wasm') && name !== mainWasm) fetched.add(name);
    });
    const sizeOf = (name) => {
      for (const dir of ['', 'tools', 'sheets']) {
        try {
          return gz(join(dist, dir, name));
        } catch {
          // not in this directory
        }
      }
      return 0;
    };
    const pages = [
      ['account page', '#/accounts/new'], ['scoring model', '#/model'], ['ranking', '#/ranking'], ['matrix (+ charts module)', '#/matrix'],
      ['pyramid', '#/pyramid'], ['account plan', '#/accounts/1/plan'], ['import', '#/import'], ['workspaces', '#/workspaces'],
      ['people', '#/people'], ['contacts', '#/contacts'], ['pipeline', '#/pipeline'], ['calendar', '#/calendar'], ['inquiries', '#/inquiries'],
      ['actions', '#/actions'], ['merge', '#/merge'], ['annual review', '#/review'], ['categories', '#/portfolio'],
    ];
    const parts = [];
    for (const [label, hash] of pages) {
      fetched.clear();
      await page.goto(`${server.origin}${SUB_PATH}${hash}`);
      await page.waitForSelector('main h1, main [data-testid=account-not-found], main .empty-state');
      await page.waitForTimeout(300);
      parts.push(`${label} ${kb([...fetched].reduce((s, f) => s + sizeOf(f), 0))}`);
    }
    row('on demand, gzipped, when first opened', '—', [parts.join('; ')]);
    await page.context().close();
  }
  const toolsKb = gz(join(dist, 'tools', 'kam_tools_bg.wasm')) + gz(join(dist, 'tools', 'kam_tools.js'));
  const sheetsKb = gz(join(dist, 'sheets', 'kam_sheets_bg.wasm')) + gz(join(dist, 'sheets', 'kam_sheets.js')) + gz(join(dist, 'sheets', 'worker.js'));
  row('on demand: charts module / sheets module, gzipped', '—', [`${kb(toolsKb)} / ${kb(sheetsKb)}`]);
  const syncKb = gz(join(dist, 'sync', 'kam_sync_bg.wasm')) + gz(join(dist, 'sync', 'kam_sync.js')) + gz(join(dist, 'sync', 'worker.js'));
  row('on demand: sync module (a shared workspace only), gzipped', '—', [kb(syncKb)]);

  const values = {};
  const put = (figure, n, text) => {
    values[figure] ??= {};
    values[figure][n] = text;
  };
  for (const n of SIZES) {
    const list = accounts(n);
    const text = workspaceText(list);
    const path = join(mkdtempSync(join(tmpdir(), 'kam-bench-ws-')), `workspace-${n}.json`);
    writeFileSync(path, text);
    if (syncOnly) {
      await syncFigures(n, path, put);
      continue;
    }
    const { page, problems } = await openBench();
    await importWorkspace(page, path);
    const stored = await page.evaluate(() => (localStorage.getItem('kam.workspace') ?? '').length);
    put('stored', n, `${(stored / 1e6).toFixed(2)} M chars = ${((100 * stored) / QUOTA).toFixed(0)}% (JSON ${(text.length / 1e6).toFixed(2)} M = ${((100 * text.length) / QUOTA).toFixed(0)}%)`);

    // Cold start: from the page's start until the first rows are painted.
    await page.addInitScript(PAINT_WATCH('[data-testid=accounts-table] tbody tr'));
    const cold = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 60000 });
      cold.push(await page.evaluate(() => window.__painted));
    }
    put('cold', n, range(cold));

    // A keystroke in the search box until the list is repainted.
    const search = [];
    for (const query of ['客', '客户', '上海', '上海汽', 'C-1', 'buyer1', '', '零部件']) {
      search.push(await untilPainted(page, `
        const box = document.querySelector('[data-testid=search]');
        box.value = ${JSON.stringify(query)};
        box.dispatchEvent(new Event('input', { bubbles: true }));`));
    }
    put('search', n, range(search));

    // The scoring model's page from a link until the editor and the what-if beside it
    // are painted.
    put('model', n, range(await fromLink(page, '#/model', '[data-testid=whatif]')));

    // A weight edit (two weights, so the axis still totals 100%) and a tier threshold
    // edit in the model's draft until the what-if beside it is repainted.
    const weights = [];
    for (const [a, b] of [[60, 10], [40, 30], [50, 20], [30, 40], [45, 25], [40, 30]]) {
      weights.push(await untilPainted(page, `
        for (const [c, v] of [[1, ${a}], [2, ${b}]]) {
          const box = document.querySelector('tr[data-criterion="' + c + '"] [data-field=weight]');
          box.value = String(v);
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }`));
    }
    put('weight', n, range(weights));
    const threshold = [];
    for (const value of ['6.0', '7.5', '4.0', '5.5', '6.0', '6.5']) {
      threshold.push(await untilPainted(page, `
        const box = document.querySelector('[data-threshold=attractiveness]');
        box.value = ${JSON.stringify(value)};
        box.dispatchEvent(new Event('input', { bubbles: true }));`));
    }
    put('threshold', n, range(threshold));
    const moving = await page.innerText('[data-testid=whatif-summary]');
    if (n === SIZES[SIZES.length - 1]) console.log(`what-if of attractiveness threshold 5.5 → 6.5: ${moving.trim().replace(/\s+/g, ' ')}`);
    await page.click('[data-testid=discard-model]');

    // Key-account categories: the portfolio page from a link, and the account list's
    // category filter until the list is repainted.
    put('portfolio', n, range(await fromLink(page, '#/portfolio', '[data-testid=class-grid]')));
    await page.goto(`${server.origin}${SUB_PATH}#/accounts`);
    await page.waitForSelector('[data-testid=filter-category]', { timeout: 60000 });
    const category = [];
    for (const value of ['quality', 'high_value', 'group', 'potential', '', 'quality']) {
      category.push(await untilPainted(page, `
        const box = document.querySelector('[data-testid=filter-category]');
        box.value = ${JSON.stringify(value)};
        box.dispatchEvent(new Event('change', { bubbles: true }));`));
    }
    put('category', n, range(category));

    // The annual review: closing a year (the snapshot of every account) until the
    // closed year is listed; then, with a threshold changed and applied, the review of
    // that year against today from a link until its flow chart is painted.
    await page.goto(`${server.origin}${SUB_PATH}#/review`);
    await page.fill('[data-testid=close-year-input]', '2025');
    await page.click('[data-testid=close-year-button]');
    const close = await untilShown(page, "document.querySelector('[data-testid=close-year-confirm]').click();", '[data-testid=closed-years]');
    put('close', n, `${Math.round(close)}`);
    await page.goto(`${server.origin}${SUB_PATH}#/model`);
    await page.fill('[data-threshold=attractiveness]', '6.5');
    await page.click('[data-testid=apply-model]');
    put('review', n, range(await fromLink(page, '#/review', '[data-testid=review-flow] svg')));

    // A score edit on an account until its tier and scores are repainted.
    await page.goto(`${server.origin}${SUB_PATH}#/accounts/${Math.floor(n / 2)}`);
    await page.waitForSelector('tr[data-criterion="1"] [data-testid=score-input]', { timeout: 60000 });
    const score = [];
    for (const value of ['1', '10', '3', '9', '5', '7']) {
      score.push(await untilPainted(page, `
        const box = document.querySelector('tr[data-criterion="1"] [data-testid=score-input]');
        box.value = ${JSON.stringify(value)};
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.dispatchEvent(new Event('change', { bubbles: true }));`));
    }
    put('score', n, range(score));

    // The matrix: from following the link until the chart is painted (its code loaded).
    put('matrix', n, range(await fromLink(page, '#/matrix', '[data-testid=matrix] svg', 5)));

    // The ranking rule in WebAssembly (the app's own code) and in plain JavaScript, in
    // this page, on the same accounts.
    const timing = await page.evaluate(async ({ text, source }) => {
      const bench = await import(new URL('bench/kam_bench.js', location.href).href);
      await bench.default();
      const ranker = new bench.Ranker(text);
      const list = JSON.parse(text).workspace.accounts;
      const rankJs = new Function(`return (${source})`)();
      const wasmOrder = Array.from(ranker.rank());
      const jsOrder = rankJs(list);
      const same = wasmOrder.length === jsOrder.length && wasmOrder.every((id, i) => id === jsOrder[i]);
      const time = (f) => {
        const runs = [];
        for (let i = 0; i < 15; i++) {
          const start = performance.now();
          f();
          runs.push(performance.now() - start);
        }
        runs.sort((a, b) => a - b);
        return runs[Math.floor(runs.length / 2)];
      };
      // Interleaved warm-ups, then the medians.
      time(() => ranker.rank());
      time(() => rankJs(list));
      return { wasm: time(() => ranker.rank()), js: time(() => rankJs(list)), same };
    }, { text, source: rankJs.toString() });
    put('rank', n, `wasm ${timing.wasm.toFixed(1)} ms, JS ${timing.js.toFixed(1)} ms: ratio ${(timing.wasm / timing.js).toFixed(2)}${timing.same ? '' : ' (ORDERS DIFFER)'}`);

    if (problems.length) console.log(`page problems at ${n} accounts:`, problems);
    await page.context().close();
    await syncFigures(n, path, put);
  }
  if (syncOnly) {
    row('team sync: share a register until up to date; bytes to the server', '—', SIZES.map((n) => values.share[n]));
    row('team sync: join by link until the list is painted; bytes from the server', '—', SIZES.map((n) => values.join[n]));
    row('team sync: an edit until the other browser shows it, ms', '≤ 1,000', SIZES.map((n) => values.edit[n]));
    row('team sync: bytes sent per edit (websocket frames included)', '≤ 1 KB', SIZES.map((n) => values['edit bytes'][n]));
  } else {
    row('stored in localStorage, whole basic sheet + 8 scores', '≤ 50% of 5,242,880', SIZES.map((n) => values.stored[n]));
    row('cold start until the list is painted, ms', '≤ 300', SIZES.map((n) => values.cold[n]));
    row('scoring model page (with the what-if) from a link to painted, ms', '≤ 300', SIZES.map((n) => values.model[n]));
    row('weight edit in the draft until the what-if is repainted, ms', '≤ 100', SIZES.map((n) => values.weight[n]));
    row('tier threshold edit in the draft until the what-if is repainted, ms', '≤ 100', SIZES.map((n) => values.threshold[n]));
    row('search keystroke until the list is repainted, ms', '≤ 33', SIZES.map((n) => values.search[n]));
    row('score edit on an account until repainted, ms', '≤ 33', SIZES.map((n) => values.score[n]));
    row('matrix from link to painted, ms', '≤ 100', SIZES.map((n) => values.matrix[n]));
    row('key-account categories page from a link to painted, ms', '≤ 300', SIZES.map((n) => values.portfolio[n]));
    row('category filter on the account list until repainted, ms', '≤ 100', SIZES.map((n) => values.category[n]));
    row('close a year (snapshot of every account) until listed, ms', '≤ 1,000', SIZES.map((n) => values.close[n]));
    row('annual review (a year against today) from a link to painted, ms', '≤ 300', SIZES.map((n) => values.review[n]));
    row('assess + rank: wasm / plain JS in the same page', 'ratio ≤ 1', SIZES.map((n) => values.rank[n]));
    row('team sync: share a register until up to date; bytes to the server', '—', SIZES.map((n) => values.share[n]));
    row('team sync: join by link until the list is painted; bytes from the server', '—', SIZES.map((n) => values.join[n]));
    row('team sync: an edit until the other browser shows it, ms', '≤ 1,000', SIZES.map((n) => values.edit[n]));
    row('team sync: bytes sent per edit (websocket frames included)', '≤ 1 KB', SIZES.map((n) => values['edit bytes'][n]));

    // Importing 10,000 spreadsheet rows: the longest the page stays unresponsive, from
    // choosing the file until the import is saved.
    {
      const dir = mkdtempSync(join(tmpdir(), 'kam-bench-csv-'));
      const csv = join(dir, 'accounts.csv');
      const lines = ['客户编号,客户名称,细分市场,规模,财务业绩,年度IT产品/服务预算或实际支出,声誉和内部管理,地理位置,与我们现有业务的关系,客户与竞争对手的关系,对我们服务的态度,自身执行能力'];
      for (let i = 1; i <= 10000; i++) {
        const s = (k) => ((i * k) % 10) + 1;
        lines.push(`C-${i},客户 ${i} Customer Co.,${['汽车', '金融', '物流'][i % 3]},${['大型', '中型', '小型'][i % 3]},${s(1)},${s(3)},${s(7)},${s(9)},${s(11)},${s(13)},${s(17)},${s(19)}`);
      }
      writeFileSync(csv, lines.join('\r\n'));
      const { page } = await openBench();
      await page.goto(`${server.origin}${SUB_PATH}#/import`);
      await page.waitForSelector('[data-testid=import-sheet-file]');
      await page.evaluate(() => {
        window.__longest = 0;
        window.__lag = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
        }).observe({ type: 'longtask' });
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          window.__lag = Math.max(window.__lag, now - last);
          last = now;
          setTimeout(tick, 0);
        };
        tick();
      });
      const start = Date.now();
      await page.setInputFiles('[data-testid=import-sheet-file]', csv);
      await page.waitForSelector('[data-testid=import-summary]', { timeout: 120000 });
      await page.click('[data-testid=import-run]');
      await page.waitForSelector('[data-testid=accounts-table] tbody tr', { timeout: 120000 });
      await page.waitForSelector('[data-testid=save-status].saved', { timeout: 120000 });
      const seconds = (Date.now() - start) / 1000;
      await page.waitForTimeout(500);
      const { longest, lag } = await page.evaluate(() => ({ longest: window.__longest, lag: window.__lag }));
      row('import 10,000 CSV rows: longest task / event-loop lag, ms', '< 100 longest task', [`${longest.toFixed(0)} / ${lag.toFixed(0)} (${seconds.toFixed(1)} s from file to saved)`]);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

// --- The table.
const cols = ['figure', 'goal', ...SIZES.map((n) => `${n.toLocaleString('en')} accounts`)];
console.log(`\n| ${cols.join(' | ')} |`);
console.log(`|${cols.map(() => '---').join('|')}|`);
for (const { figure, goal, values } of table) {
  const cells = values.length === 1 ? [values[0], ''] : values;
  console.log(`| ${figure} | ${goal} | ${cells.join(' | ')} |`);
}
