// Rectify's service worker (issue 12). Served at /sw.js, so its scope is the whole app.
//
// What it does: it keeps the app's static files (styles, scripts, icons and the offline page) in a cache, and when
// a page cannot be had because the network is down, it shows the offline page (Chinese and English).
// What it never does: keep a page. Pages are a signed-in user's own (their worklist, their tasks), so they always
// come from the network and are never stored, for this user or another on the same phone. And it never touches a
// request that changes something (POST, PUT, DELETE): those go to the network as if there were no service worker,
// so nothing is queued while offline and nothing is sent again later. The offline page says so.
var VERSION = 'rectify-static-2';
var OFFLINE = '/offline.html';
var STATIC = [
  OFFLINE,
  '/css/rectify.css',
  '/js/rectify.js',
  '/js/photos.js',
  '/webjars/bootstrap/css/bootstrap.min.css',
  '/webjars/bootstrap/js/bootstrap.bundle.min.js',
  '/webjars/htmx.org/dist/htmx.min.js',
  '/icons/icon-192.png',
  '/manifest.webmanifest'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    return cache.addAll(STATIC.map(function (url) { return new Request(url, {cache: 'reload'}); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== VERSION; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return; // never intercepted, never cached, never queued
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // A page: from the network, never stored; without a network, the offline page.
    event.respondWith(fetch(request).catch(function () { return caches.match(OFFLINE); }));
    return;
  }
  if (STATIC.indexOf(url.pathname) >= 0 && !url.search) {
    // The app's own files: the network's copy when there is one (so a new version shows at once), else the cache's.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(VERSION).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname);
    }));
  }
});
