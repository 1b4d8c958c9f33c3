// The service worker that keeps the built app working offline after the first load.
// This is a template: scripts/offline-cache.sh copies it to sw.js beside index.html
// (at the end of the Trunk post-build hook) and fills in BUILD below with every file of
// the build and its digest. The page registers it from index.html.
//
// What it promises, and why it is built this way:
// - One build, one cache. The cache holds exactly the files of the build this worker
//   was generated with (each fetched with its digest as `integrity`, bypassing the HTTP
//   cache), and a page this worker serves gets every file from that cache. The app and
//   its on-demand modules (tools/, sheets/) are separate wasm-bindgen outputs whose glue
//   must match, and the modules' file names carry no hash, so mixing two builds breaks
//   them; a build is therefore never mixed with another one.
// - No skipWaiting unless the user asks, no clients.claim. A new build's worker installs
//   (fills its own cache) and then waits until no tab runs the old build; only then does
//   it activate, delete the old cache, and serve the next load. Open tabs say that a new
//   version is ready; its reload button has the new worker take over at once, and every
//   tab of the old build, told of the change, writes its edits and reloads. Taking over earlier would hand an
//   open old page the new build's tools module the first time it draws a chart.
//   Claiming the first visit's page is no safer: it loaded from the network, possibly
//   from an older build than this worker's. That page stays with the network; offline
//   use starts with the next load.
// - The page is served from the cache first, not the network. A reload while the old
//   worker is active is still answered by that old worker (the new one keeps waiting
//   while the reloading tab exists); if it fetched the new index.html from the network,
//   that new page would then get the old tools module from the old cache. Serving the
//   worker's own index.html keeps page and modules from one build. Updates therefore
//   arrive on the first load after every tab of the old version has been closed (each
//   page load asks for a newer sw.js, see index.html, so the new one is ready by then).
// - The network is the fallback for anything missing from the cache (storage cleared
//   by the browser): online the app then simply loads as if there were no worker.
// - Only this build's own files are answered, matched by exact URL without fragment
//   (and, for the page, without query); other requests, other hosts and anything but GET never reach
//   the cache.
// - Caches are named after the registration's scope: two copies of the app on one
//   origin (say `/` and `/kam/`) each keep and clean up only their own.
//
// Development builds (`trunk serve`, debug profile) get BUILD.files = null: a worker that
// caches nothing, answers nothing and removes a release worker's cache at this scope, so
// every rebuild shows up on reload.
'use strict';

// Filled in by scripts/offline-cache.sh: {version, files: [[path, integrity], ...],
// onDemand: [[path, integrity], ...]} (onDemand: cached at first use, not at install).
const BUILD = /* BUILD */ null;

const APP = 'kam-workbench';
const PREFIX = `${APP}:${self.registration.scope}:`;
const CACHE = PREFIX + BUILD.version;
const PRECACHE = BUILD.files ?? [];
// Absolute URLs of the build's files, resolved against this script so any sub-path works.
const OWN = new Set(PRECACHE.map(([path]) => new URL(path, self.location).href));
// Files only some users need (team sync): fetched and kept in this build's cache the
// first time they are asked for, so a shared workspace works offline from then on.
const ON_DEMAND = new Map((BUILD.onDemand ?? []).map(([path, integrity]) => [new URL(path, self.location).href, integrity]));

self.addEventListener('install', (event) => {
  if (BUILD.files === null) {
    // A development worker holds no files, so nothing can be mixed: replace at once.
    event.waitUntil(self.skipWaiting());
    return;
  }
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      PRECACHE.map(async ([path, integrity]) => {
        const url = new URL(path, self.location).href;
        // `reload` skips a stale HTTP-cached copy (the module files keep their names from
        // build to build); `integrity` rejects a file from another build, for instance
        // when a new build is copied to the server while this one installs. (A server
        // that rewrites files, say injecting a script, fails it too: the app then simply
        // stays online-only.)
        const response = await fetch(new Request(url, { cache: 'reload', integrity }));
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, response.redirected ? await unredirected(response) : response);
      }),
    );
    // An older worker activating meanwhile deletes caches that are not its own; make sure
    // this one is still complete before declaring the install done.
    const stored = await (await caches.open(CACHE)).keys();
    if (stored.length !== PRECACHE.length) throw new Error('the offline cache was removed while filling it');
  } catch (error) {
    // A failed install is retried by the browser on a later load; leave nothing behind.
    await caches.delete(CACHE);
    throw error;
  }
}

// Browsers refuse to answer a navigation with a response that was redirected (some hosts
// redirect `index.html` to `./`): keep the body and headers, drop the redirect.
async function unredirected(response) {
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// The page's "reload to use the new version" (index.html, once the app has written its
// edits): the user asks this waiting build to take over now. Every open tab of the old
// build then reloads itself into this one (they listen for the change of worker), so no
// page keeps running with the other build's files.
self.addEventListener('message', (event) => {
  if (event.data === 'kam:take-over') event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  // Every page of an older build has closed by now (see above), so its cache can go.
  // Only this scope's caches: another copy of the app on this origin keeps its own.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)))),
  );
});

if (BUILD.files !== null) {
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    // Every address of the app is the page plus a fragment (`…/kam/#/accounts/14`), and
    // browsers hand the worker the request URL with its fragment (the service-worker
    // spec since 2017: Firefox 52+, Chromium 59+, Safari 11.1+; older ones strip it), so
    // the fragment goes before matching, or every reload of a `#/…` address would miss
    // the cache and fail offline. It never reaches a server anyway. The page's query
    // does not change the page either.
    url.hash = '';
    if (request.mode === 'navigate') url.search = '';
    if (ON_DEMAND.has(url.href)) {
      event.respondWith(cacheOnFirstUse(url.href, ON_DEMAND.get(url.href), request));
      return;
    }
    if (!OWN.has(url.href)) return;
    event.respondWith(cacheFirst(url.href, request));
  });
}

async function cacheOnFirstUse(key, integrity, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  try {
    const response = await fetch(new Request(key, { cache: 'reload', integrity }));
    if (response.ok && !response.redirected) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    return fetch(request);
  }
}

async function cacheFirst(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) ?? fetch(request);
}
