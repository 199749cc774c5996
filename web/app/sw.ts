/// <reference lib="webworker" />
import { defaultCache } from '@serwist/next/worker';
import type { PrecacheEntry, RouteMatchCallbackOptions, SerwistGlobalConfig } from 'serwist';
import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const sameOrigin = ({ url }: RouteMatchCallbackOptions) => url.origin === self.location.origin;
const isPage = (o: RouteMatchCallbackOptions) => o.request.mode === 'navigate' || o.request.headers.get('RSC') === '1';

// Public catalogue data: shown at once from the cache and refreshed behind the scenes.
const publicApi = ({ url, request }: RouteMatchCallbackOptions) =>
  request.method === 'GET' &&
  (url.pathname.startsWith('/api/events') ||
    (url.pathname.startsWith('/api/tickets') &&
      !url.pathname.startsWith('/api/tickets/serial-number') &&
      !url.pathname.startsWith('/api/tickets/user')));

// Public pages: network first (fresh availability), the cached copy if the network is slow or gone.
// They carry the header with the signed-in email, so every runtime cache is emptied when the
// device's user changes or signs out (device-store.ts).
const publicPage = ({ url }: RouteMatchCallbackOptions) =>
  url.pathname === '/' || url.pathname.startsWith('/events/') || url.pathname.startsWith('/tickets/');

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  // Routes match GET only: anything else (sign-in, holds, payments, listing, server actions) never touches a cache.
  runtimeCaching: [
    {
      matcher: (o) => sameOrigin(o) && publicApi(o),
      handler: new StaleWhileRevalidate({
        cacheName: 'public-api',
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 24 * 3600 })],
      }),
    },
    // Other users' data and private API data: always from the network.
    { matcher: (o) => sameOrigin(o) && o.url.pathname.startsWith('/api/'), handler: new NetworkOnly() },
    {
      matcher: (o) => sameOrigin(o) && isPage(o) && publicPage(o),
      handler: new NetworkFirst({
        cacheName: 'pages-public',
        networkTimeoutSeconds: 4,
        plugins: [new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 7 * 24 * 3600 })],
      }),
    },
    // Private pages (My tickets, orders, selling) and auth pages: live only, never from a cache a
    // later user of this device could be served. Offline they get the fallback page, which lists
    // the tickets saved for the user this device last saw signed in (components/pwa/device-store.ts).
    { matcher: (o) => sameOrigin(o) && isPage(o), handler: new NetworkOnly() },
    ...defaultCache,
  ],
  fallbacks: {
    entries: [{ url: '/offline', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();

// Earlier versions kept the signed-in user's My tickets page here, shared by whoever came next.
const RETIRED_CACHES = ['pages-private'];
self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all(RETIRED_CACHES.map((name) => caches.delete(name))));
});
