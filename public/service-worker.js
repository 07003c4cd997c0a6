// MentorKit's service worker: the app opens offline after the first visit (a workshop
// venue's flaky wifi, a laptop on a train). The build (.ci/offline.mjs, a post-build step)
// fills in VERSION (a hash of every file of this build) and FILES (every file but
// index.html and this one, names relative to the app's folder) and writes the result to
// dist/service-worker.js. It never sees participants' data: programs live in the page's
// storage, and this worker only keeps the app's own files.
//
// - index.html: network first, so an online visit always gets the newest app; the copy
//   cached with this build answers when the network fails or takes too long. The cached
//   copy is never replaced by a newer index.html, which would name files this cache lacks.
// - Every other file of the build (names carry a content hash, the matching worker's too):
//   cache first. An old page therefore only ever meets its own matching worker.
// - A new build installs beside the old one and waits; the page shows "A new version is
//   available" with Reload, which posts "skip-waiting". Activating removes the caches of
//   older builds.
const VERSION = '__MENTORKIT_VERSION__';
const FILES = __MENTORKIT_FILES__;
const PREFIX = 'mentorkit-';
const CACHE = `${PREFIX}${VERSION}`;
// How long a navigation waits for the network before the cached index.html answers.
const NETWORK_TIMEOUT_MS = 4000;

const scope = () => self.registration.scope;
const indexUrl = () => new URL('./', scope()).href;
const fileUrls = () => FILES.map((f) => new URL(f, scope()).href);

async function precache() {
  const cache = await caches.open(CACHE);
  // All or nothing: a half-filled cache would break offline use later.
  await cache.addAll([indexUrl(), ...fileUrls()].map((url) => new Request(url, { cache: 'reload' })));
}

// Looks in this build's cache only, without creating it (caches.open would).
const cached = (url) => caches.match(url, { cacheName: CACHE });

// The cache can be deleted under a running worker ("Delete everything on this device", or
// the browser evicting it): refill it on the next visit.
async function ensureCached() {
  if (!(await cached(indexUrl()))) await precache();
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

async function networkFirst(request) {
  const copy = await cached(indexUrl());
  const controller = new AbortController();
  const timer = copy ? setTimeout(() => controller.abort(), NETWORK_TIMEOUT_MS) : undefined;
  try {
    const response = await fetch(request, { signal: controller.signal });
    if (response.ok || !copy) return response;
    return copy;
  } catch (e) {
    if (copy) return copy;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function cacheFirst(request, url) {
  const hit = await cached(url);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(url, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  const index = indexUrl();
  if (request.mode === 'navigate' && (url.href === index || url.href === `${index}index.html`)) {
    event.respondWith(networkFirst(request));
    event.waitUntil(ensureCached().catch(() => {}));
  } else if (fileUrls().includes(url.href)) {
    event.respondWith(cacheFirst(request, url.href));
  }
  // Anything else (another path, another origin) goes to the network as usual.
});
