// Mascate's service worker: keeps the app shell on the device so Mascate opens with no
// network. The build (scripts/precache.py, a Trunk post_build hook) fills in the list of
// files and a version; a new build means a new cache and the old one is dropped.
//
// API calls (/api/...) are never cached here: the app keeps its data in IndexedDB and
// must see real network failures to know it is offline.

const VERSION = "dev";
const PRECACHE = ["/", "/index.html"];

const CACHE = `mascate-shell-${VERSION}`;
const NAVIGATION_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("mascate-shell-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (request.mode === "navigate") {
    // Any page of the app is the same shell; the app's router takes it from there.
    // Network first so a deploy shows at once, the cached shell when there is no network
    // or when a weak one has not answered within a few seconds (a rep at a customer's door
    // must not stare at a blank page).
    const cachedShell = () => caches.match("/index.html");
    const network = fetch(request).then((response) =>
      response.ok ? response : cachedShell().then((c) => c || response),
    );
    const slow = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS)).then(cachedShell);
    event.respondWith(
      Promise.race([network, slow.then((c) => c || network)]).catch(() =>
        cachedShell().then((c) => c || Response.error()),
      ),
    );
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
