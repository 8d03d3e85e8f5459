// The service worker that makes the app open without a network: the counter officer's page (and
// its queue of intakes kept in IndexedDB) must come up on a reload while the connection is down.
// It keeps the app shell only: index.html and the hashed assets. API answers are never cached
// here; they carry personal data and must always be the server's current word.

declare const self: ServiceWorkerGlobalScope;
export {};

const CACHE = 'gov-shell-v1';
const SHELL = '/';
/** The API's health probes, served beside the app: always the server's answer. */
const PROBES = new Set(['/healthz', '/readyz', '/livez']);

/** The built index.html's own assets (entry script, styles, preloads); lazy chunks are cached on first use. */
function assetsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? ''))].filter(Boolean);
}

async function cacheShell(): Promise<void> {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the app shell answered ${response.status}`);
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  await cache.addAll([...assetsOf(html), '/manifest.webmanifest', '/icon-192.png', '/icon-512.png']);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Pages: the network first (a deploy shows at once), the kept shell when it cannot be reached. */
async function page(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch {
    return (await caches.match(SHELL)) ?? Response.error();
  }
}

/** Hashed assets never change under their name: the kept copy first, fetched and kept otherwise. */
async function asset(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || PROBES.has(url.pathname)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
