// Rectify's few scripts: CSRF for htmx requests, tables read as cards on a phone, drag and drop onto file inputs,
// photos shrunk before they go (js/photos.js), uploads with a progress bar that survive a dropped connection, and
// the service worker's registration.
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  // A table marked "cards" reads as one card a row on a phone (rectify.css): each cell is labelled with its
  // column's header, here, so that the templates name each column once.
  function labelCells(root) {
    root.querySelectorAll('table.cards').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (heads[i] && !td.hasAttribute('data-label')) { td.setAttribute('data-label', heads[i]); }
        });
      });
    });
  }
  // A table box that scrolls sideways (a wide table on a phone) takes the keyboard's focus, so that it can be
  // scrolled without a mouse, and is named after its table.
  function focusableScrollers(root) {
    root.querySelectorAll('.table-responsive').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        var caption = box.querySelector('caption');
        if (caption && !box.hasAttribute('aria-label')) { box.setAttribute('aria-label', caption.textContent.trim()); }
      } else if (box.getAttribute('tabindex') === '0') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
      }
    });
  }

  // A progress bar's width, from its data-percent: set here, since the pages' policy refuses style attributes.
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-percent') + '%';
  });

  labelCells(document);
  focusableScrollers(document);
  document.body.addEventListener('htmx:afterSwap', function (e) {
    labelCells(e.target.parentNode || document);
    focusableScrollers(document);
  });
  window.addEventListener('resize', function () { focusableScrollers(document); });

  // The files of all the zone's inputs (those chosen, and the photos taken with the camera).
  function listFiles(zone) {
    var list = zone.querySelector('.dropzone-files');
    if (!list) { return; }
    list.textContent = '';
    zone.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files, function (f) {
        var li = document.createElement('li');
        li.textContent = f.name + ' (' + Math.ceil(f.size / 1024) + ' KB)';
        list.appendChild(li);
      });
    });
  }

  document.querySelectorAll('.dropzone').forEach(function (zone) {
    var input = zone.querySelector('input[type=file]');
    if (!input) { return; }
    zone.querySelectorAll('input[type=file]').forEach(function (each) {
      each.addEventListener('change', function () { listFiles(zone); });
    });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        var all = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
        Array.prototype.forEach.call(e.dataTransfer.files, function (f) { all.items.add(f); });
        input.files = all.files;
        listFiles(zone);
      }
    });
  });
  // An upload's own key: the server records a request sent again with it once (web.UploadReceipts).
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).substring(1); }).join('');
  }

  // A form with evidence goes by XMLHttpRequest: first its photos are prepared (photos.prepare: large ones shrunk,
  // HEIC photos, videos and files over the limit refused here, before anything goes), then a progress bar while
  // it sends, and when the connection drops, up to three more tries of the same request, a little later each time
  // (its key makes the server record it once, however many arrive). The answer, the page the form leads to,
  // replaces this one.
  var TRIES = 4;
  document.querySelectorAll('form').forEach(function (form) {
    var key = form.querySelector('input.upload-key');
    if (!key || !window.FormData || !window.crypto || !window.crypto.getRandomValues || !window.Promise) { return; }
    key.value = newKey();
    var zone = form.querySelector('.dropzone');
    var bar = form.querySelector('.upload-progress');
    var status = form.querySelector('.upload-status');
    function say(text, refused) {
      status.textContent = text;
      status.classList.toggle('text-danger', !!refused);
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var buttons = form.querySelectorAll('button[type=submit]');
      buttons.forEach(function (b) { b.disabled = true; });
      var chosen = [];
      form.querySelectorAll('input[type=file][name=files]').forEach(function (input) {
        Array.prototype.forEach.call(input.files, function (f) { chosen.push(f); });
      });
      if (chosen.length) { say(zone.getAttribute('data-shrinking')); }
      photos.prepareAll(chosen, zone).then(function (prepared) {
        var data = new FormData(form);
        data.delete('files');
        prepared.forEach(function (p) { data.append('files', p.file, p.file.name); });
        if (prepared.some(function (p) { return p.original; })) {
          data.set('originals', JSON.stringify(prepared.map(function (p) { return p.original; })));
        }
        say('');
        send(data, buttons);
      }, function (refusal) {
        say(refusal.message, true);
        buttons.forEach(function (b) { b.disabled = false; });
      });
    });
    function send(data, buttons) {
      var attempt = 0;
      function once() {
        attempt++;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        // The token goes in a header too, so that it is read before the body: an upload refused as too large
        // is answered with the reason, not as a missing token.
        if (token && header) { xhr.setRequestHeader(header.content, token.content); }
        xhr.timeout = 300000;
        xhr.upload.onprogress = function (p) {
          if (p.lengthComputable) {
            bar.hidden = false;
            bar.value = Math.round(p.loaded * 100 / p.total);
            say(status.getAttribute('data-sending').replace('{0}', bar.value));
          }
        };
        xhr.onload = function () {
          document.open();
          document.write(xhr.responseText);
          document.close();
          if (xhr.responseURL) { history.replaceState(null, '', xhr.responseURL); }
        };
        xhr.onerror = xhr.ontimeout = function () {
          if (attempt < TRIES) {
            say(status.getAttribute('data-retrying').replace('{0}', attempt).replace('{1}', TRIES - 1));
            setTimeout(once, 1000 * Math.pow(2, attempt - 1));
          } else {
            bar.hidden = true;
            say(status.getAttribute('data-failed'), true);
            buttons.forEach(function (b) { b.disabled = false; });
          }
        };
        xhr.send(data);
      }
      once();
    }
  });

  // The service worker (/sw.js): the app installs on a phone's home screen, and a page asked for without a network
  // shows the offline page. It caches no page and sends nothing later (see sw.js).
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/sw.js', {scope: '/'}).catch(function () { /* the app works without it */ });
  }
})();
