// Photos prepared in the browser before an upload (issue 12: in the field on a phone's connection).
//
// A JPEG, PNG or WebP photo larger than 2 MB, or longer than 2560 px on a side, is decoded (createImageBitmap turns
// it upright by its EXIF orientation) and sent as a JPEG of at most 2048 px a side, quality 0.85. What the record
// keeps of the original: its name, size and SHA-256 (crypto.subtle, computed here, sent in the form's "originals"
// field), and its EXIF: the original's EXIF block (time, place, camera) is carried into the smaller JPEG, its
// orientation set to upright, so that the server reads the time and place from the stored file as from any photo.
// crypto.subtle exists on https and localhost only: elsewhere a large photo goes as it is, with the note
// NOT_SHRUNK_INSECURE_CONTEXT; a photo the browser cannot decode goes as it is with NOT_SHRUNK_UNSUPPORTED.
//
// Refused here, before anything is sent: HEIC/HEIF photos and videos (by name, type and first bytes) and files
// still over the upload limit. The server refuses them too (task.EvidenceStore), for clients without this script.
window.photos = (function () {
  var SHRINK_BYTES = 2 * 1024 * 1024;
  var SHRINK_SIDE = 2560;
  var TARGET_SIDE = 2048;
  var QUALITY = 0.85;
  var HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'mif2', 'msf1', 'avif',
    'avis'];
  var HEIF_NAMES = /\.(heic|heif|hif|avif)$/i;
  var VIDEO_NAMES = /\.(mp4|mov|m4v|3gp|avi|mkv|webm)$/i;

  function ascii(bytes, from, length) {
    return String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, from, from + length));
  }

  // What the file is: 'heic', 'video', 'jpeg', 'png', 'webp' or 'other', by its name, type and first bytes.
  function kindOf(file) {
    if (HEIF_NAMES.test(file.name) || /^image\/(heic|heif|avif)/.test(file.type)) { return Promise.resolve('heic'); }
    if (VIDEO_NAMES.test(file.name) || /^video\//.test(file.type)) { return Promise.resolve('video'); }
    return file.slice(0, 12).arrayBuffer().then(function (buffer) {
      var b = new Uint8Array(buffer);
      if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
        return HEIF_BRANDS.indexOf(ascii(b, 8, 4).toLowerCase()) >= 0 ? 'heic' : 'video';
      }
      if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) { return 'video'; }
      if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) { return 'jpeg'; }
      if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') { return 'png'; }
      if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') { return 'webp'; }
      return 'other';
    });
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (x) {
      return (x + 256).toString(16).substring(1);
    }).join('');
  }

  // The EXIF block (a TIFF structure, "II*\0" or "MM\0*") of a JPEG's APP1, a PNG's eXIf or a WebP's EXIF chunk.
  function exifOf(bytes, kind) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var at;
    if (kind === 'jpeg') {
      at = 2;
      while (at + 4 <= bytes.length && bytes[at] === 0xff) {
        var marker = bytes[at + 1];
        if (marker === 0xda || marker === 0xd9) { return null; }
        var length = view.getUint16(at + 2);
        if (marker === 0xe1 && ascii(bytes, at + 4, 6) === 'Exif\0\0') {
          return bytes.slice(at + 10, at + 2 + length);
        }
        at += 2 + length;
      }
      return null;
    }
    if (kind === 'png') {
      at = 8;
      while (at + 8 <= bytes.length) {
        var size = view.getUint32(at);
        if (ascii(bytes, at + 4, 4) === 'eXIf') { return bytes.slice(at + 8, at + 8 + size); }
        at += 12 + size;
      }
      return null;
    }
    if (kind === 'webp') {
      at = 12;
      while (at + 8 <= bytes.length) {
        var chunk = view.getUint32(at + 4, true);
        if (ascii(bytes, at, 4) === 'EXIF') {
          var data = bytes.slice(at + 8, at + 8 + chunk);
          return ascii(data, 0, 6) === 'Exif\0\0' ? data.slice(6) : data;
        }
        at += 8 + chunk + (chunk % 2);
      }
    }
    return null;
  }

  // The EXIF block with its orientation (tag 0x0112 of the first IFD) set to 1: the pixels are upright now.
  function upright(tiff) {
    var copy = tiff.slice();
    var view = new DataView(copy.buffer);
    if (copy.length < 8) { return copy; }
    var little = copy[0] === 0x49;
    var ifd = view.getUint32(4, little);
    if (ifd + 2 > copy.length) { return copy; }
    var count = view.getUint16(ifd, little);
    for (var i = 0; i < count; i++) {
      var entry = ifd + 2 + i * 12;
      if (entry + 12 > copy.length) { break; }
      if (view.getUint16(entry, little) === 0x0112) { view.setUint16(entry + 8, 1, little); }
    }
    return copy;
  }

  // A JPEG with this EXIF block as its first segment (APP1), or as it is when the block does not fit one segment.
  function withExif(jpeg, tiff) {
    if (!tiff || tiff.length + 8 > 0xffff) { return Promise.resolve(jpeg); }
    var head = new Uint8Array(10);
    head.set([0xff, 0xe1, (tiff.length + 8) >> 8, (tiff.length + 8) & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
    return Promise.resolve(new Blob([jpeg.slice(0, 2), head, tiff, jpeg.slice(2)], {type: 'image/jpeg'}));
  }

  function encode(bitmap) {
    var scale = Math.min(1, TARGET_SIDE / Math.max(bitmap.width, bitmap.height));
    var canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return new Promise(function (done, fail) {
      canvas.toBlob(function (blob) { if (blob) { done(blob); } else { fail(new Error('no JPEG')); } },
        'image/jpeg', QUALITY);
    });
  }

  function jpegName(name) {
    return /\.(jpe?g)$/i.test(name) ? name : name.replace(/\.[^.]*$/, '') + '.jpg';
  }

  // One file as it will go: {file, original}, original being null (sent as it is), {name, size, sha256} (shrunk)
  // or {note} (large, but sent as it is, and why).
  function prepare(file, kind) {
    var photo = kind === 'jpeg' || kind === 'png' || kind === 'webp';
    if (!photo || !window.createImageBitmap) { return Promise.resolve({file: file, original: null}); }
    return createImageBitmap(file, {imageOrientation: 'from-image'}).then(function (bitmap) {
      if (file.size <= SHRINK_BYTES && Math.max(bitmap.width, bitmap.height) <= SHRINK_SIDE) {
        bitmap.close();
        return {file: file, original: null};
      }
      if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
        bitmap.close();
        return {file: file, original: {note: 'NOT_SHRUNK_INSECURE_CONTEXT'}};
      }
      return file.arrayBuffer().then(function (buffer) {
        return Promise.all([crypto.subtle.digest('SHA-256', buffer), encode(bitmap)]).then(function (done) {
          bitmap.close();
          var exif = exifOf(new Uint8Array(buffer), kind);
          return withExif(done[1], exif && upright(exif)).then(function (jpeg) {
            return {
              file: new File([jpeg], jpegName(file.name), {type: 'image/jpeg', lastModified: file.lastModified}),
              original: {name: file.name, size: file.size, sha256: hex(done[0])}
            };
          });
        });
      });
    }).catch(function () {
      return {file: file, original: {note: 'NOT_SHRUNK_UNSUPPORTED'}};
    });
  }

  function size(bytes) {
    return bytes < 1024 * 1024 ? Math.ceil(bytes / 1024) + ' KB' : (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function refusal(zone, attribute, values) {
    var text = zone.getAttribute(attribute);
    values.forEach(function (v, i) { text = text.replace('{' + i + '}', v); });
    return {message: text};
  }

  // The files of a form as they will go, one at a time (a phone's memory holds one decoded photo at once); or the
  // first refusal, with its text.
  function prepareAll(files, zone) {
    var max = Number(zone && zone.getAttribute('data-max-bytes')) || Infinity;
    var prepared = [];
    return files.reduce(function (previous, file) {
      return previous.then(function () { return kindOf(file); }).then(function (kind) {
        if (kind === 'heic') { throw refusal(zone, 'data-heic', [file.name]); }
        if (kind === 'video') { throw refusal(zone, 'data-video', [file.name]); }
        return prepare(file, kind);
      }).then(function (p) {
        if (p.file.size > max) {
          throw refusal(zone, 'data-too-large', [file.name, size(p.file.size), zone.getAttribute('data-max-size')]);
        }
        prepared.push(p);
      });
    }, Promise.resolve()).then(function () { return prepared; });
  }

  return {prepareAll: prepareAll, exifOf: exifOf};
})();
