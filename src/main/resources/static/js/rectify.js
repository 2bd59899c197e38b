// Rectify's few scripts: CSRF for htmx requests, drag and drop onto file inputs.
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  function listFiles(zone, input) {
    var list = zone.querySelector('.dropzone-files');
    if (!list) { return; }
    list.textContent = '';
    Array.prototype.forEach.call(input.files, function (f) {
      var li = document.createElement('li');
      li.textContent = f.name + ' (' + Math.ceil(f.size / 1024) + ' KB)';
      list.appendChild(li);
    });
  }

  document.querySelectorAll('.dropzone').forEach(function (zone) {
    var input = zone.querySelector('input[type=file]');
    if (!input) { return; }
    input.addEventListener('change', function () { listFiles(zone, input); });
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
        listFiles(zone, input);
      }
    });
  });
})();
