/**
 * The console's service worker (registered by /app/assets/console.js, scope /app). It keeps the
 * app shell only: the stylesheet, the scripts under /app/assets/, the icons, the manifest and the
 * offline page, all static files with no clinical content. It never stores a console page, an API
 * answer or anything under /api, /voice or /mcp: those hold clinical content and who is signed in,
 * and a shared clinic device must not keep them. When the device is offline, a page the browser
 * navigates to is answered with the offline page. docs/pwa.md explains the choices.
 */

// Bump when the shape of the cache changes; activation deletes every other console cache.
const CACHE = "console-shell-v1";
const CACHE_PREFIX = "console-shell-";
const OFFLINE_PAGE = "/app/offline.html";

/** Stored at install, so the offline page can be drawn the first time the device is offline. */
const PRECACHE = [
  OFFLINE_PAGE,
  "/app/assets/console.css",
  "/app/assets/console.js",
  "/app/assets/messages.js",
  "/app/manifest.webmanifest",
  "/app/icons/icon.svg",
  "/app/icons/icon-192.png",
  "/app/icons/icon-512.png",
  "/app/icons/icon-maskable-512.png",
  "/app/icons/apple-touch-icon.png",
  "/app/icons/shortcut-diagnose.png",
  "/app/icons/shortcut-voice.png",
  "/app/icons/shortcut-notes.png",
];

/** The shell: static files only. Every other path is left to the network, untouched. */
function isShell(url) {
  return (
    url.origin === self.location.origin &&
    url.search === "" &&
    (url.pathname.startsWith("/app/assets/") ||
      url.pathname.startsWith("/app/icons/") ||
      url.pathname === "/app/manifest.webmanifest" ||
      url.pathname === OFFLINE_PAGE)
  );
}

/**
 * Fetches a shell file past the HTTP cache and stores it under its own path. The copy drops the
 * response's "redirected" mark (Static Assets answer /app/offline.html through a redirect to
 * /app/offline), which a navigation may not be answered with. Nothing marked no-store is kept.
 */
async function refresh(cache, path) {
  const response = await fetch(path, { cache: "no-cache", credentials: "omit" });
  if (!response.ok || /no-store/i.test(response.headers.get("Cache-Control") ?? "")) return response;
  const copy = new Response(await response.clone().blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  await cache.put(path, copy);
  return response;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(PRECACHE.map((path) => refresh(cache, path)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);

  if (request.mode === "navigate") {
    // Network only: the page is never stored. Offline, the stored offline page answers instead.
    event.respondWith(fetch(request).catch(async () => (await caches.match(OFFLINE_PAGE)) ?? Response.error()));
    return;
  }

  if (isShell(url)) {
    // The shell's URLs carry no content hash, so the network answers first (a deploy is seen at
    // once) and refreshes the stored copy; the stored copy answers only when the network fails.
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          return await refresh(cache, url.pathname);
        } catch {
          return (await cache.match(url.pathname)) ?? Response.error();
        }
      })(),
    );
  }
  // Anything else (/api, /voice, /mcp, console pages' data): not handled here, so the browser
  // fetches it as if there were no service worker, and nothing is stored.
});
