// The sync worker: runs the sync module (src/bin/kam-sync.rs) for one shared workspace.
// It owns the websocket to the sync server (reconnecting with backoff), this browser's
// copy of the document in IndexedDB (incremental saves, compacted as they pile up) and
// the count of edits the server has not had yet. The page (src/ui/sync.rs) sends it the
// workspace after each save and takes back the workspace when other people's changes
// arrive. Copied to sync/worker.js by scripts/build-wasm.sh.
import * as sync from './kam_sync.js';

const ready = sync.default({ module_or_path: new URL('./kam_sync_bg.wasm', import.meta.url) });

// Saves kept per document before they are replaced by one compacted save.
const COMPACT_AFTER = 64;
// No answer to a join within this time: the server was not ready (it listens before
// its storage is), so the connection is closed and made again.
const JOIN_TIMEOUT_MS = 5000;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

let core = null;
let doc = '';
let server = '';
let socket = null;
let attempt = 0;
let reconnectTimer = null;
let joinTimer = null;
let answered = false;
let waiting = 0;
let stopped = false;
let lastStatus = '';
// An edit that arrived before a joined document had a workspace: applied once it has.
let pendingEdit = null;
// Requests are handled one at a time, in order.
let queue = Promise.resolve();

function message(error) {
  return String((error && error.message) || error);
}

function post(data) {
  self.postMessage(data);
}

// --- IndexedDB: one record per document, { chunks: [Uint8Array…], waiting, actors }.
// `actors`: every actor id this browser has written the document as. Each load writes as
// a new one (reusing one is unsafe: a change sent but not yet kept would be numbered
// again), and a conflict's value written by any of them is the user's own.

let dbPromise = null;
function db() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open('kam-sync', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('docs');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return dbPromise;
}

async function readKept(id) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const request = database.transaction('docs').objectStore('docs').get(id);
    request.onsuccess = () => resolve(request.result || null);
    request.onerror = () => reject(request.error);
  });
}

async function writeKept(id, record) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const tx = database.transaction('docs', 'readwrite');
    if (record === null) tx.objectStore('docs').delete(id);
    else tx.objectStore('docs').put(record, id);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

let kept = { chunks: [], waiting: 0, actors: [] };
// Appends what changed since the last save; compacts once the saves have piled up.
async function keep() {
  if (!core) return;
  const more = core.save_incremental();
  if (more.length === 0 && kept.waiting === waiting) return;
  if (more.length > 0) kept.chunks.push(more);
  if (kept.chunks.length > COMPACT_AFTER) kept.chunks = [core.save()];
  kept.waiting = waiting;
  try {
    await writeKept(doc, { chunks: kept.chunks, waiting, actors: kept.actors });
  } catch (error) {
    post({ ev: 'storage', error: message(error) });
  }
}

function concat(chunks) {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

// --- Status and conflicts.

function report() {
  if (!core) return;
  let status = core.status();
  if (status === 'up-to-date') waiting = 0;
  if (status === 'offline' && socket && socket.readyState === WebSocket.OPEN) status = 'syncing';
  const text = status + '|' + waiting;
  if (text !== lastStatus) {
    lastStatus = text;
    post({ ev: 'status', status, waiting });
  }
}

let conflictsShown = '';
function reportConflicts() {
  if (!core || !core.has_workspace()) return;
  const list = core.conflicts();
  if (list !== conflictsShown) {
    conflictsShown = list;
    post({ ev: 'conflicts', list, actors: kept.actors.join(' ') });
  }
}

// --- The connection.

function send(bytes) {
  if (bytes && socket && socket.readyState === WebSocket.OPEN) socket.send(bytes);
}

function flush() {
  for (let i = 0; i < 100; i++) {
    const out = core.outgoing();
    if (!out) break;
    send(out);
  }
}

function connect() {
  if (stopped || !core) return;
  clearTimeout(reconnectTimer);
  reconnectTimer = null;
  let ws;
  try {
    ws = new WebSocket(server);
  } catch (error) {
    post({ ev: 'status', status: 'bad-address', waiting, detail: message(error) });
    return;
  }
  ws.binaryType = 'arraybuffer';
  socket = ws;
  answered = false;
  ws.onopen = () => {
    if (socket !== ws) return;
    send(core.open());
    report();
    clearTimeout(joinTimer);
    joinTimer = setTimeout(() => {
      if (socket === ws && !answered) ws.close();
    }, JOIN_TIMEOUT_MS);
  };
  ws.onmessage = (event) => {
    if (socket !== ws) return;
    answered = true;
    const bytes = new Uint8Array(event.data);
    queue = queue.then(() => received(bytes)).catch(fail);
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    clearTimeout(joinTimer);
    queue = queue
      .then(() => {
        core.closed();
        report();
        if (!answered) attempt += 1;
        else attempt = 0;
        schedule();
      })
      .catch(fail);
  };
  ws.onerror = () => {};
}

function schedule() {
  if (stopped || reconnectTimer !== null) return;
  const status = core.status();
  // A link the server does not know: asking again soon will not help, but the one who
  // shared it may not have synced yet.
  const slow = status === 'unavailable' || status.startsWith('refused');
  const delay = slow ? 30000 : BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
  reconnectTimer = setTimeout(() => {
    reconnectTimer = null;
    connect();
  }, delay);
}

self.addEventListener('online', () => {
  if (!socket && !stopped && core) {
    attempt = 0;
    connect();
  }
});

async function received(bytes) {
  const [reply, workspace] = core.receive(bytes);
  send(reply);
  flush();
  const before = waiting;
  report();
  if (workspace !== undefined) {
    if (pendingEdit) {
      const edit = pendingEdit;
      pendingEdit = null;
      await edited(edit.workspace, edit.heads, edit.id);
    } else {
      post({ ev: 'workspace', json: workspace, heads: core.heads() });
    }
    reportConflicts();
  }
  if (workspace !== undefined || before !== waiting) await keep();
}

async function edited(workspace, heads, id) {
  if (!core.has_workspace()) {
    pendingEdit = { workspace, heads, id };
    return;
  }
  const before = core.heads();
  const [out, merged] = core.edit_on(workspace, heads);
  const after = core.heads();
  if (after !== before && (core.status() !== 'up-to-date' || !socket)) waiting += 1;
  send(out);
  flush();
  // The status first: the page counts its edit as syncing until this answer, and must
  // not show the status from before it in between.
  report();
  post({ ev: 'edited', id, heads: after, json: merged });
  reportConflicts();
  await keep();
}

// --- Requests from the page.

async function start(request) {
  server = request.server;
  const me = request.me;
  if (request.mode === 'share') {
    doc = sync.new_document_id(crypto.getRandomValues(new Uint8Array(16)));
  } else {
    doc = request.doc;
  }
  await lock();
  // Edits that came while another tab held the document: the last one holds them all.
  if (latestEdit) {
    request = { ...request, workspace: latestEdit.workspace, heads: latestEdit.heads };
    latestEdit = null;
  }
  if (request.mode === 'share') {
    core = sync.SyncCore.share(request.workspace, doc, me);
    kept = { chunks: [], waiting: 0, actors: [] };
  } else {
    const record = await readKept(doc);
    if (record && record.chunks && record.chunks.length > 0) {
      core = sync.SyncCore.load(concat(record.chunks), doc, me);
      kept = { chunks: record.chunks, waiting: record.waiting || 0, actors: record.actors || [] };
      waiting = kept.waiting;
      // Everything loaded counts as kept already.
      core.save_incremental();
    } else {
      core = sync.SyncCore.join(doc, me);
      kept = { chunks: [], waiting: 0, actors: [] };
    }
  }
  core.set_author(request.author || '');
  if (!kept.actors.includes(core.actor())) kept.actors.push(core.actor());
  post({ ev: 'started', doc, actor: core.actor(), heads: core.heads() });
  if (request.mode === 'resume' && request.workspace && core.has_workspace()) {
    // The page's saved workspace may hold edits the document never got (the tab closed
    // first), and the document changes the page never took: both meet here.
    await edited(request.workspace, request.heads || '[]', 0);
  } else if (request.mode === 'resume' && request.workspace) {
    pendingEdit = { workspace: request.workspace, heads: request.heads || '[]', id: 0 };
  } else if (request.mode !== 'share' && core.has_workspace()) {
    post({ ev: 'workspace', json: core.workspace(), heads: core.heads() });
  }
  await keep();
  report();
  reportConflicts();
  connect();
}

// One tab at a time syncs a document (two would write the same saves): the others wait
// for the lock and say so.
let waitingForLock = false;
let latestEdit = null;
async function lock() {
  if (!self.navigator.locks) return;
  const name = 'kam-sync:' + doc;
  let resolveHeld;
  const held = new Promise((resolve) => (resolveHeld = resolve));
  self.navigator.locks.request(name, { ifAvailable: true }, (lock) => {
    if (lock) {
      resolveHeld(true);
      return new Promise(() => {});
    }
    resolveHeld(false);
    return null;
  });
  if (await held) return;
  post({ ev: 'status', status: 'other-tab', waiting });
  waitingForLock = true;
  await new Promise((resolve) => {
    self.navigator.locks.request(name, () => {
      resolve();
      return new Promise(() => {});
    });
  });
  waitingForLock = false;
}

async function handle(request) {
  if (request.op === 'start') {
    await start(request);
  } else if (request.op === 'edit') {
    if (core) await edited(request.workspace, request.heads, request.id);
  } else if (request.op === 'resolve') {
    const [json, out] = core.resolve(request.path, request.value);
    send(out);
    flush();
    post({ ev: 'workspace', json, heads: core.heads() });
    reportConflicts();
    await keep();
    report();
  } else if (request.op === 'author') {
    if (core) core.set_author(request.name || '');
  } else if (request.op === 'forget') {
    stopped = true;
    if (socket) socket.close();
    await writeKept(request.doc, null);
    post({ ev: 'forgotten', doc: request.doc });
    self.close();
  } else if (request.op === 'fault' && typeof sync.fault === 'function') {
    // Test builds only (the `fault-hooks` feature): a panic, for the error screen's tests.
    sync.fault();
  }
}

function fail(error) {
  // A panic stops the module for good (src/panics.rs left its message here): the page
  // shows its error screen, and this worker closes.
  if (self.kamPanic !== undefined) {
    post({ ev: 'panic', message: String(self.kamPanic) });
    stopped = true;
    if (socket) socket.close();
    self.close();
    return;
  }
  post({ ev: 'error', message: message(error) });
}

self.onmessage = (event) => {
  const request = event.data;
  if (waitingForLock && request.op === 'edit') {
    latestEdit = request;
    return;
  }
  queue = queue
    .then(async () => {
      try {
        await ready;
      } catch (error) {
        post({ ev: 'error', message: 'kam:load:' + message(error) });
        return;
      }
      await handle(request);
    })
    .catch(fail);
};
