// Team sync in two browsers: the stock Automerge sync server (sync-server/) on a free
// port with a temporary data folder, and two browser contexts (two people), each reaching
// the server through a proxy of its own so that one can be cut off while the other
// stays connected. Share, join by link, edits of different fields, one field edited by
// both while one is offline (both see the conflict, one resolves it), a reload
// with edits waiting, the server gone and back, leaving with a local copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openPage, seedStorage, workspaceFile, scoredAccount, SUB_PATH, freePort } from './harness.mjs';
import { startSyncServer, stopSyncServer, startProxy } from './sync-server.mjs';

const app = useApp({ before, after });

const status = (page) => page.textContent('[data-testid=sync-status]');
async function waitForStatus(page, pattern, timeout = 30_000) {
  await page
    .waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''),
      pattern.source,
      // Polled by time, not by frame: a page behind another gets few frames.
      { timeout, polling: 100 },
    )
    .catch((error) => {
      if (error.name !== 'TimeoutError') throw error;
    });
  assert.match((await status(page)) ?? '(no status)', pattern);
}

async function waitForText(page, selector, text, timeout = 30_000) {
  await page
    .waitForFunction(
      ([selector, text]) => (document.querySelector(selector)?.textContent ?? '').includes(text),
      [selector, text],
      { timeout, polling: 100 },
    )
    .catch((error) => {
      if (error.name !== 'TimeoutError') throw error;
    });
  const shown = (await page.textContent(selector).catch(() => null)) ?? '';
  assert.ok(shown.includes(text), `${selector} shows "${text}": ${shown.slice(0, 400)}`);
}

async function rename(page, id, name) {
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/${id}`);
  await page.waitForSelector('[data-field=name]');
  await page.fill('[data-field=name]', name);
  await page.locator('[data-field=name]').blur();
  await page.waitForSelector('[data-testid=save-status].saved');
}

async function accounts(page) {
  await page.goto(`${app.server.origin}${SUB_PATH}#/accounts`);
  await page.waitForSelector('[data-testid=accounts-table]');
}

const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const LI = '李娜 <b>Li</b>';
// A date and time as the English interface writes them: "5 Dec 2026 10:32".
const WHEN = '\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}';

test('two people share a workspace: join by link, edits both ways, a conflict seen by both and resolved, edits kept offline', async () => {
  const data = mkdtempSync(join(tmpdir(), 'kam-sync-'));
  const port = await freePort();
  let server = await startSyncServer(port, data);
  const proxyA = await startProxy(() => port);
  const proxyB = await startProxy(() => port);
  try {
    // Ana shares her workspace.
    const a = await openPage(app.browser, app.server.origin);
    await seedStorage(a.page, {
      'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha Bus', 7, 7), scoredAccount(2, 'Beta Rail', 6, 6)]),
    });
    await a.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await a.page.fill('[data-field=sync_server]', 'http://not-a-websocket');
    await a.page.click('[data-testid=share-workspace]');
    assert.match(await a.page.textContent('[data-testid=share-panel]'), /starting with wss:\/\/ or ws:\/\//);
    await a.page.fill('[data-field=sync_server]', proxyA.url);
    await a.page.click('[data-testid=share-workspace]');
    await a.page.waitForSelector('[data-testid=share-link]');
    await waitForStatus(a.page, /Shared · up to date/);
    assert.match(await a.page.textContent('[data-testid=share-panel]'), /Anyone with the share link can read and change/);
    const link = await a.page.inputValue('[data-testid=share-link]');
    assert.match(link, /#\/join\?server=ws%3A%2F%2F127\.0\.0\.1%3A\d+&doc=\w+$/);

    // Li opens the link (through her own way to the server) and joins.
    const b = await openPage(app.browser, app.server.origin);
    await b.page.goto(link.replace(encodeURIComponent(proxyA.url), encodeURIComponent(proxyB.url)));
    await b.page.waitForSelector('[data-testid=join-page-form]');
    await b.page.fill('[data-field=join_name]', 'Team accounts');
    await b.page.click('[data-testid=join-workspace]');
    await waitForText(b.page, '[data-testid=accounts-table]', 'Beta Rail');
    assert.match(await b.page.textContent('[data-testid=workspace-link]'), /Team accounts/);
    await waitForStatus(b.page, /Shared · up to date/);
    // Li gives colleagues her name (kept in her browser; markup in it stays text).
    await b.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await b.page.fill('[data-field=sync_author]', LI);
    await b.page.locator('[data-field=sync_author]').blur();
    assert.equal(await b.page.evaluate(() => localStorage.getItem('kam.sync.author')), LI);

    // Different fields: each sees the other's.
    await rename(a.page, 1, 'Alpha Coaches');
    await rename(b.page, 2, 'Beta Trains');
    await accounts(a.page);
    await accounts(b.page);
    await waitForText(a.page, '[data-testid=accounts-table]', 'Beta Trains');
    await waitForText(b.page, '[data-testid=accounts-table]', 'Alpha Coaches');

    // Li goes offline and renames account 1; Ana renames it too.
    proxyB.offline();
    await waitForStatus(b.page, /Offline/);
    await rename(b.page, 1, HOSTILE);
    await waitForStatus(b.page, /Offline · 1 edit waiting/);
    await rename(a.page, 1, 'Alpha Express');
    // Li reloads while offline: her edit is still there, and still waiting.
    await b.page.reload();
    await b.page.waitForSelector('[data-testid=account-title]');
    assert.equal(await b.page.inputValue('[data-field=name]'), HOSTILE);
    await waitForStatus(b.page, /Offline · 1 edit waiting/);

    // Back online: both see the conflict, with both values as text.
    proxyB.online();
    await waitForStatus(b.page, /up to date · 1 conflict/, 40_000);
    await waitForStatus(a.page, /up to date · 1 conflict/);
    await a.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await waitForText(a.page, '[data-testid=conflicts]', 'Alpha Express');
    const conflict = await a.page.textContent('[data-testid=conflict]');
    assert.ok(conflict.includes(HOSTILE), conflict);
    // Named as the form names the field, not by its stored key.
    assert.match(conflict, / › Name/);
    assert.doesNotMatch(conflict, /accounts|› name/);
    // Each value says who wrote it and when: Ana gave no name, Li did.
    assert.match(conflict, new RegExp(`\\(you, ${WHEN}\\)`));
    assert.ok(conflict.includes(`(${LI}, `), conflict);
    assert.match(conflict, new RegExp(`, ${WHEN}\\)`));
    assert.equal(await a.page.locator('[data-testid=conflict] b').count(), 0);
    assert.equal(await a.page.evaluate(() => window.__pwned), undefined);
    assert.equal(await a.page.locator('[data-testid=conflict] img').count(), 0);
    // Li's own value is hers though her page was reloaded since (a new writer id per load).
    await b.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await waitForText(b.page, '[data-testid=conflicts]', 'Alpha Express');
    const hers = await b.page.locator('[data-testid=conflict] li', { hasText: 'onerror' }).first().textContent();
    assert.ok(hers.includes(`(you (${LI}), `), hers);
    // Ana keeps her value; the choice reaches Li.
    await a.page
      .locator('[data-testid=conflict] li', { hasText: 'Alpha Express' })
      .locator('[data-testid=keep-value]')
      .click();
    await a.page.waitForSelector('[data-testid=conflicts]', { state: 'detached' });
    await waitForStatus(a.page, /^Shared · up to date$/);
    await waitForStatus(b.page, /^Shared · up to date$/);
    await accounts(b.page);
    await waitForText(b.page, '[data-testid=accounts-table]', 'Alpha Express');
    assert.ok(!(await b.page.textContent('[data-testid=accounts-table]')).includes(HOSTILE));

    // The server goes away: both say so and work goes on; it comes back with its data.
    await stopSyncServer(server);
    await waitForStatus(a.page, /Offline/);
    await rename(a.page, 2, 'Beta Freight');
    await waitForStatus(a.page, /Offline · 1 edit waiting/);
    server = await startSyncServer(port, data);
    // The edit made while the server was away reaches it once it is back, and Li.
    await waitForStatus(a.page, /^Shared · up to date$/, 45_000);
    await waitForText(b.page, '[data-testid=accounts-table]', 'Beta Freight', 45_000);
    // And an edit made after the restart reaches Ana.
    await waitForStatus(b.page, /^Shared · up to date$/, 45_000);
    await rename(b.page, 2, 'Beta Logistics');
    await accounts(a.page);
    await waitForText(a.page, '[data-testid=accounts-table]', 'Beta Logistics');

    // Ana stops sharing: her copy stays, as an ordinary workspace.
    await a.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await a.page.click('[data-testid=leave-share]');
    await a.page.click('[data-testid=share-confirm-yes]');
    await a.page.waitForSelector('[data-testid=share-form]');
    assert.equal(await a.page.locator('[data-testid=sync-status]').count(), 0);
    await accounts(a.page);
    await waitForText(a.page, '[data-testid=accounts-table]', 'Beta Logistics');
    assert.deepEqual(a.problems, []);
    assert.deepEqual(
      b.problems.filter((p) => !/WebSocket/.test(p)),
      [],
    );
    await a.context.close();
    await b.context.close();
  } finally {
    proxyA.close();
    proxyB.close();
    await stopSyncServer(server).catch(() => {});
    rmSync(data, { recursive: true, force: true });
  }
});

test('a wrong share link is refused in words, and the sharing panel fits a phone in Chinese', async () => {
  const { page, problems, context } = await openPage(app.browser, app.server.origin, { locale: 'zh-CN' });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${app.server.origin}${SUB_PATH}#/join?server=http%3A%2F%2Fx&doc=nope`);
  await page.waitForSelector('[data-testid=join-invalid]');
  assert.match(await page.textContent('[data-testid=join-invalid]'), /不是有效的共享链接/);
  await page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
  await page.waitForSelector('[data-testid=share-panel]');
  assert.match(await page.textContent('[data-testid=share-panel]'), /团队同步/);
  await page.fill('[data-field=join_link]', 'https://example.com/#/join?server=wss%3A%2F%2Fa&doc=1Bhh3pUZD358hwFbvigTAY5qkz');
  await page.click('[data-testid=join-workspace]');
  assert.match(await page.textContent('.join-panel'), /不是有效的共享链接/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 390 px (overflow ${overflow} px)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving a shared workspace to a new link: the old link gets no more changes, the new one does; the panel fits a phone in English and is never printed', async () => {
  const data = mkdtempSync(join(tmpdir(), 'kam-sync-'));
  const port = await freePort();
  const server = await startSyncServer(port, data);
  const address = `ws://127.0.0.1:${port}`;
  try {
    const a = await openPage(app.browser, app.server.origin);
    await seedStorage(a.page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha Bus', 7, 7)]) });
    await a.page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await a.page.fill('[data-field=sync_server]', address);
    await a.page.click('[data-testid=share-workspace]');
    await a.page.waitForSelector('[data-testid=share-link]');
    await waitForStatus(a.page, /Shared · up to date/);
    const oldLink = await a.page.inputValue('[data-testid=share-link]');

    // The shared panel in English on a phone: no sideways scroll; in print: not there
    // (the link is the key to the workspace).
    await a.page.setViewportSize({ width: 390, height: 800 });
    const overflow = await a.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scroll at 390 px (overflow ${overflow} px)`);
    const button = await a.page.locator('[data-testid=move-share]').boundingBox();
    assert.ok(button && button.x >= 0 && button.x + button.width <= 390, 'the buttons are on screen');
    await a.page.emulateMedia({ media: 'print' });
    assert.equal(await a.page.locator('[data-testid=share-panel]').isVisible(), false);
    assert.equal(await a.page.locator('[data-testid=share-link]').isVisible(), false);
    await a.page.emulateMedia({ media: 'screen' });
    await a.page.setViewportSize({ width: 1280, height: 800 });

    // Li is on the old link.
    const b = await openPage(app.browser, app.server.origin);
    await b.page.goto(oldLink);
    await b.page.click('[data-testid=join-workspace]');
    await waitForText(b.page, '[data-testid=accounts-table]', 'Alpha Bus');
    await waitForStatus(b.page, /Shared · up to date/);

    // Ana moves the workspace: a new link, asked first.
    await a.page.click('[data-testid=move-share]');
    assert.match(await a.page.textContent('[data-testid=share-confirm]'), /the old link gets no more changes/);
    await a.page.click('[data-testid=share-confirm-yes]');
    await a.page.waitForFunction(
      (old) => {
        const input = document.querySelector('[data-testid=share-link]');
        return input && input.value && input.value !== old;
      },
      oldLink,
      { timeout: 30_000 },
    );
    const newLink = await a.page.inputValue('[data-testid=share-link]');
    assert.match(newLink, /#\/join\?server=ws%3A%2F%2F127\.0\.0\.1%3A\d+&doc=\w+$/);
    await waitForStatus(a.page, /Shared · up to date/);

    // Ana's edit reaches the new link, and not the old one.
    await rename(a.page, 1, 'Alpha Moved');
    await waitForStatus(a.page, /^Shared · up to date$/);
    const c = await openPage(app.browser, app.server.origin);
    await c.page.goto(newLink);
    await c.page.click('[data-testid=join-workspace]');
    await waitForText(c.page, '[data-testid=accounts-table]', 'Alpha Moved');
    await b.page.waitForTimeout(2000);
    await accounts(b.page);
    const old = await b.page.textContent('[data-testid=accounts-table]');
    assert.ok(old.includes('Alpha Bus') && !old.includes('Alpha Moved'), old);
    // Li's edit on the old link does not reach Ana either.
    await rename(b.page, 1, 'Alpha Old Link');
    await waitForStatus(b.page, /^Shared · up to date$/);
    await accounts(a.page);
    await a.page.waitForTimeout(1000);
    assert.ok(!(await a.page.textContent('[data-testid=accounts-table]')).includes('Alpha Old Link'));
    assert.deepEqual(a.problems, []);
    assert.deepEqual(c.problems, []);
    for (const x of [a, b, c]) await x.context.close();
  } finally {
    await stopSyncServer(server).catch(() => {});
    rmSync(data, { recursive: true, force: true });
  }
});

test('the header says an edit is syncing, not up to date, until the server has answered it', async () => {
  const data = mkdtempSync(join(tmpdir(), 'kam-sync-'));
  const port = await freePort();
  const server = await startSyncServer(port, data);
  const proxy = await startProxy(() => port);
  try {
    const { page, problems, context } = await openPage(app.browser, app.server.origin);
    await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
    await page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await page.fill('[data-field=sync_server]', proxy.url);
    await page.click('[data-testid=share-workspace]');
    await waitForStatus(page, /^Shared · up to date$/);

    // From the moment the edit is written, before the sync worker has even taken it.
    await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
    await page.waitForSelector('[data-field=name]');
    const early = await page.evaluate(
      () =>
        new Promise((done) => {
          const saveStatus = document.querySelector('[data-testid=save-status]');
          const observer = new MutationObserver(() => {
            if (!/\bsaved\b/.test(saveStatus.className)) return;
            observer.disconnect();
            setTimeout(() => done(document.querySelector('[data-testid=sync-status]').textContent), 0);
          });
          observer.observe(saveStatus, { attributes: true });
          const box = document.querySelector('[data-field=name]');
          box.value = 'Alpha Early';
          box.dispatchEvent(new Event('input', { bubbles: true }));
          box.dispatchEvent(new Event('change', { bubbles: true }));
        }),
    );
    assert.match(early, /^Syncing…/, 'just written: syncing');
    await waitForStatus(page, /^Shared · up to date$/);

    // The connection stays open, but the server's answers are held back.
    proxy.hold();
    await rename(page, 1, 'Alpha Held');
    await waitForStatus(page, /^Syncing…/);
    await page.waitForTimeout(1500);
    assert.match(await status(page), /^Syncing…/, 'no answer from the server: still syncing');
    proxy.release();
    await waitForStatus(page, /^Shared · up to date$/);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    proxy.close();
    await stopSyncServer(server).catch(() => {});
    rmSync(data, { recursive: true, force: true });
  }
});

test('in a shared workspace a field edited and left is written (and sent) at once, not after the pause that gathers keystrokes', async () => {
  const data = mkdtempSync(join(tmpdir(), 'kam-sync-'));
  const port = await freePort();
  const server = await startSyncServer(port, data);
  try {
    const { page, problems, context } = await openPage(app.browser, app.server.origin);
    await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 7, 6)]) });
    await page.goto(`${app.server.origin}${SUB_PATH}#/workspaces`);
    await page.fill('[data-field=sync_server]', `ws://127.0.0.1:${port}`);
    await page.click('[data-testid=share-workspace]');
    await waitForStatus(page, /Shared · up to date/);
    await page.goto(`${app.server.origin}${SUB_PATH}#/accounts/1`);
    await page.waitForSelector('[data-testid=tier-section]');
    // Typing alone waits for the pause (300 ms) before writing.
    const typing = await page.evaluate(async () => {
      const box = document.querySelector('[data-field=phone]');
      box.value = '021-5555 0101';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((done) => setTimeout(done, 100));
      return document.querySelector('[data-testid=save-status]').className;
    });
    assert.doesNotMatch(typing, /\bsaved\b/, 'a keystroke alone is not written at once');
    await page.waitForSelector('[data-testid=save-status].saved');
    // Leaving the field (its change) writes well within that pause.
    const left = await page.evaluate(async () => {
      const box = document.querySelector('[data-field=phone]');
      box.value = '021-5555 0202';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((done) => setTimeout(done, 100));
      return document.querySelector('[data-testid=save-status]').className;
    });
    assert.match(left, /\bsaved\b/);
    await page.reload();
    await page.waitForSelector('[data-testid=tier-section]');
    assert.equal(await page.inputValue('[data-field=phone]'), '021-5555 0202');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await stopSyncServer(server).catch(() => {});
    rmSync(data, { recursive: true, force: true });
  }
});
