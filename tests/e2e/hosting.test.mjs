// The built dist/ hosted as teams host it: nginx serving it under a sub-path with a
// plain `location … alias` block (the README's example), deep links reloaded, the
// on-demand tools module fetched, and nothing requested from other hosts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, seedStorage, workspaceFile, scoredAccount, dist, freePort } from './harness.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
let browser;
let nginx;
let origin;


/** The README's nginx block, in a throw-away configuration on a free local port. */
function nginxConfig(dir, port) {
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location /kam/ {
      alias ${dist}/;
      index index.html;
    }
  }
}
`;
}

before(async () => {
  assert.ok(NGINX, 'nginx is installed by scripts/setup.sh');
  const dir = mkdtempSync(join(tmpdir(), 'kam-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port));
  nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/kam/`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  nginx?.kill();
});

test('served by nginx from /kam/, every address reloads and the tools module loads', async () => {
  const { page, problems, context } = await openPage(browser, origin, { path: '/kam/' });
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  await seedStorage(page, { 'kam.workspace': workspaceFile([scoredAccount(1, 'Alpha', 8, 7, { relationship: 'customer' }), scoredAccount(2, 'Beta', 4, 8)]) });
  for (const [hash, selector] of [
    ['#/accounts/2', '[data-testid=account-title]'],
    ['#/ranking', '[data-testid=ranking-table]'],
    ['#/matrix', '[data-testid=matrix] svg'],
    ['#/pyramid', '[data-testid=pyramid] svg'],
  ]) {
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => problems.push(e.message));
    await fresh.goto(`${origin}/kam/${hash}`);
    await fresh.reload();
    await fresh.waitForSelector(selector);
    await fresh.close();
  }
  const wasm = await page.evaluate(async () => {
    const url = [...document.querySelectorAll('link[rel=preload], script')].map((e) => e.href || e.textContent).join(' ');
    const name = url.match(/kam-workbench-[0-9a-f]+_bg\.wasm/);
    return name ? (await fetch(name[0])).headers.get('content-type') : null;
  });
  assert.equal(wasm, 'application/wasm');
  assert.deepEqual(foreign, [], 'nothing is fetched from other hosts');
  assert.deepEqual(problems, []);
});
