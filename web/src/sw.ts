// The service worker (/sw.js): keeps the app shell, the catalog the app reads, and the current
// plan, so a session can start and run with no network. Session records never go through here:
// the page queues them in IndexedDB and syncs them itself (see src/sync/).
// __VERSION__ and __SHELL__ are filled in at build time (vite.config.ts).

import { diagramUrl, diagramsIn } from './lib/markdown';
import { planPictureUrls } from './lib/pictures';
import type { Plan } from './api/types';

declare const __VERSION__: string;
declare const __SHELL__: string[];

// The few service-worker types we use (lib "webworker" clashes with lib "dom").
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const sw = self as unknown as SwScope;

const SHELL = `unknot-shell-${__VERSION__}`;
const DATA = 'unknot-data-v1'; // API answers: kept across app versions, refreshed from the network
const PLAN_URL = '/__unknot/current-plan'; // read by src/state.ts
export {}; // a module, not a script

// Catalog reads the app needs offline (the learn articles' diagrams too), and the ones worth
// fetching before they are asked for.
const CATALOG =
  /^\/api\/v1\/((techniques|stretches|learn|muscles|regions|tools|conditions|cues|goals|sources|pictures)(\/[A-Za-z0-9_-]+)?|learn\/diagrams\/[a-z0-9-]+\.svg)$/;
const RECENT = /^\/api\/v1\/(history|progress|assignments)$/; // the signed-in person's (forgotten on a change of person)
const PREFETCH = ['techniques', 'stretches', 'learn', 'muscles', 'regions', 'tools', 'conditions', 'cues', 'goals', 'sources'].map(
  (p) => `/api/v1/${p}`,
);

async function prefetchData(): Promise<void> {
  const cache = await caches.open(DATA);
  await Promise.all(
    PREFETCH.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) return;
      await cache.put(url, res.clone());
      if (url.endsWith('/learn')) {
        const list = (await res.json()) as Array<{ slug: string }>;
        await Promise.all(
          list.map(async (a) => {
            const r = await fetch(`/api/v1/learn/${encodeURIComponent(a.slug)}`);
            if (!r.ok) return;
            await cache.put(r.url, r.clone());
            const { body } = (await r.json()) as { body: string };
            await Promise.all(
              diagramsIn(body).map(async (name) => {
                const d = await fetch(diagramUrl(name));
                if (d.ok) await cache.put(d.url, d);
              }),
            );
          }),
        );
      }
    }),
  ).catch(() => undefined); // offline at install: the app fills the cache as it reads
}

sw.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(__SHELL__);
      await prefetchData();
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('unknot-shell-') && key !== SHELL) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

/** Network first (fresh content), the cache when the network fails. */
async function networkFirst(req: Request, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(req, { ignoreVary: true });
    if (hit) return hit;
    throw err;
  }
}

// ignoreVary: module scripts and stylesheets are requested with an Origin header (crossorigin),
// the shell was cached without one.
async function cacheFirst(req: Request): Promise<Response> {
  const hit = await caches.match(req.url, { ignoreVary: true });
  return hit ?? fetch(req);
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname === PLAN_URL) {
    e.respondWith(caches.match(PLAN_URL).then((r) => r ?? new Response('null', { headers: { 'Content-Type': 'application/json' } })));
    return;
  }
  if (req.method !== 'GET') return; // sessions, events, plans: the page handles failures itself
  if (req.mode === 'navigate') {
    e.respondWith(
      fetch(req).catch(async () => (await caches.match('/', { ignoreSearch: true })) ?? Response.error()),
    );
    return;
  }
  if (CATALOG.test(url.pathname) || RECENT.test(url.pathname)) {
    e.respondWith(networkFirst(req, DATA));
    return;
  }
  if (__SHELL__.includes(url.pathname)) e.respondWith(cacheFirst(req));
});

// The page sends the plan it is about to run, so a reload offline can still find it; and says
// when another person signs in, so nothing of the last one's is shown to them offline.
sw.addEventListener('message', (e) => {
  const msg = e.data as { type?: string; plan?: unknown } | null;
  if (msg?.type === 'forget')
    void caches.open(DATA).then(async (c) => {
      for (const req of await c.keys()) if (RECENT.test(new URL(req.url).pathname) || new URL(req.url).pathname === PLAN_URL) await c.delete(req);
    });
  if (msg?.type === 'plan')
    void caches.open(DATA).then(async (c) => {
      await c.put(PLAN_URL, new Response(JSON.stringify(msg.plan), { headers: { 'Content-Type': 'application/json' } }));
      // The session's pictures too, so it can run with no network (failures: fetched when shown).
      const plan = msg.plan as Plan | null;
      if (!plan?.phases) return;
      await Promise.all(
        planPictureUrls(plan).map(async (u) => {
          if (await c.match(u)) return;
          const r = await fetch(u).catch(() => null);
          if (r?.ok) await c.put(u, r);
        }),
      );
    });
});
