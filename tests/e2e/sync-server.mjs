// The stock sync server (`sync-server/`, installed by `npm ci` from its lockfile in
// scripts/setup.sh) for the browser tests and the benchmark: started on a local port with
// a data folder of its own, and a TCP proxy in front of it that can be cut and restored
// (one browser offline while another stays online) and counts the bytes each way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { freePort } from './harness.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const script = join(root, 'sync-server/node_modules/@automerge/automerge-repo-sync-server/src/index.js');

/** The stock server on `port` keeping its documents in `data`; resolves once it listens. */
export function startSyncServer(port, data) {
  assert.ok(existsSync(script), 'the sync server is installed (scripts/setup.sh runs npm ci in sync-server/)');
  const child = spawn('node', [script], {
    env: { ...process.env, PORT: String(port), DATA_DIR: data },
    cwd: data,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('Listening on port')) ok(child);
    });
    child.on('exit', () => fail(new Error('the sync server stopped before listening')));
  });
}

export function stopSyncServer(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null) {
      ok();
      return;
    }
    child.on('exit', () => ok());
    child.kill();
  });
}

/**
 * A TCP proxy to the server on `target()` that can be cut (`offline`) and restored
 * (`online`), or hold the server's answers back with the connection open (`hold`,
 * `release`); `sent` and `received` count the bytes from and to the browser.
 */
export async function startProxy(target) {
  const port = await freePort();
  const sockets = new Set();
  let cut = false;
  let held = null; // the server's answers held back: [client, chunk] in order
  const proxy = {
    url: `ws://127.0.0.1:${port}`,
    sent: 0,
    received: 0,
    offline() {
      cut = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    online() {
      cut = false;
    },
    hold() {
      held ??= [];
    },
    release() {
      const chunks = held ?? [];
      held = null;
      for (const [client, chunk] of chunks) if (!client.destroyed) client.write(chunk);
    },
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target(), '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('data', (chunk) => (proxy.sent += chunk.length));
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      proxy.received += chunk.length;
      if (held) held.push([client, chunk]);
      else client.write(chunk);
    });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return proxy;
}
