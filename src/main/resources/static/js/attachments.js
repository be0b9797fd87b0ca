// Attachments in the browser: drop files anywhere on a bug page (or the new-bug form), paste a screenshot, or pick
// files; each file uploads on its own with a progress bar and the server's message when it is refused. Thumbnails
// open in a lightbox (arrows, Escape). Without this file the panel's plain multipart form still works.
// The server decides everything (size, type, quota, roles): the checks here only save a pointless upload.
(function () {
  'use strict';

  var PANEL = '[data-attachments]';

  // ---- where files go -------------------------------------------------------------------------------------------

  function panel() {
    return document.querySelector(PANEL);
  }

  /** The drop target of this page: a bug's panel that accepts uploads, or the new-bug form. */
  function dropTarget() {
    var p = panel();
    if (p && p.hasAttribute('data-upload-url')) return p;
    return document.querySelector('[data-attach-after-create]');
  }

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    }
    catch (e) {
      return {};
    }
  }

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB';
    return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + ' MB';
  }

  /** A readable message from a refused upload: problem+json (detail, field errors) or a small HTML fragment. */
  function problemMessage(xhr) {
    var type = xhr.getResponseHeader('Content-Type') || '';
    if (type.indexOf('json') >= 0) {
      try {
        var problem = JSON.parse(xhr.responseText);
        if (problem.errors && problem.errors.length) {
          return problem.errors.map(function (e) { return e.message; }).join(' ');
        }
        if (problem.detail) return problem.detail;
        if (problem.title) return problem.title;
      }
      catch (e) { /* fall through */ }
    }
    if (type.indexOf('html') >= 0 && xhr.responseText) {
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var message = doc.querySelector('[data-upload-error]') || doc.querySelector('.error-message') || doc.body;
      var text = (message.textContent || '').replace(/\s+/g, ' ').trim();
      if (text && text.length < 400) return text;
    }
    if (xhr.status === 413) return 'The file is too large.';
    if (xhr.status === 403) return 'You are not allowed to attach files here.';
    if (xhr.status === 0) return 'Could not reach the server.';
    return 'The upload failed (' + xhr.status + ').';
  }

  // ---- the upload queue: one row with a progress bar per file ----------------------------------------------------

  var active = []; // rows of unfinished uploads, moved into a freshly rendered panel after htmx swaps

  function uploadList(host) {
    var list = host.querySelector('[data-upload-list]');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'att-uploads';
      list.setAttribute('data-upload-list', '');
      host.appendChild(list);
    }
    return list;
  }

  function uploadRow(list, name, size) {
    var row = document.createElement('li');
    row.className = 'att-upload';
    var label = document.createElement('span');
    label.className = 'att-upload-name';
    label.textContent = name;
    var meta = document.createElement('span');
    meta.className = 'att-upload-size muted small';
    meta.textContent = formatSize(size);
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Uploading ' + name);
    var status = document.createElement('span');
    status.className = 'att-upload-status small';
    status.setAttribute('role', 'status');
    status.textContent = 'Waiting…';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'icon-btn att-upload-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.hidden = true;
    close.addEventListener('click', function () { row.remove(); });
    row.appendChild(label);
    row.appendChild(meta);
    row.appendChild(bar);
    row.appendChild(status);
    row.appendChild(close);
    list.appendChild(row);
    return row;
  }

  function fail(row, message) {
    row.classList.add('is-error');
    row.querySelector('progress').remove();
    var status = row.querySelector('.att-upload-status');
    status.textContent = message;
    status.setAttribute('role', 'alert');
    row.querySelector('.att-upload-close').hidden = false;
  }

  /**
   * Uploads one file (a File or a Blob with a name) to {@code url} as the multipart part "file"; resolves with the
   * server's HTML (the new attachment's item) or rejects after showing the message in the row.
   */
  function send(file, name, url, list) {
    var row = uploadRow(list, name, file.size);
    active.push(row);
    var max = Number((panel() || dropTarget() || document.body).getAttribute('data-max-size') || 0);
    return new Promise(function (resolve, reject) {
      function done() {
        active = active.filter(function (r) { return r !== row; });
      }
      if (max && file.size > max) {
        done();
        fail(row, 'Too large: ' + formatSize(file.size) + ' (at most ' + formatSize(max) + ' per file).');
        reject(new Error('too large'));
        return;
      }
      if (file.size === 0) {
        done();
        fail(row, 'This file is empty.');
        reject(new Error('empty'));
        return;
      }
      var data = new FormData();
      data.append('file', file, name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      var headers = csrfHeaders();
      Object.keys(headers).forEach(function (h) { xhr.setRequestHeader(h, headers[h]); });
      xhr.setRequestHeader('HX-Request', 'true');
      xhr.setRequestHeader('Accept', 'text/html');
      var bar = row.querySelector('progress');
      var status = row.querySelector('.att-upload-status');
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) return;
        var pct = Math.round(e.loaded / e.total * 100);
        bar.value = pct;
        status.textContent = pct < 100 ? pct + '%' : 'Checking…';
      });
      xhr.addEventListener('load', function () {
        done();
        if (xhr.status >= 200 && xhr.status < 300 && xhr.responseText.indexOf('data-attachment') >= 0) {
          row.remove();
          resolve(xhr.responseText);
        }
        else if (xhr.status >= 200 && xhr.status < 300) {
          // e.g. an expired session answered with the sign-in page: nothing was stored
          fail(row, 'Not uploaded: your session may have ended. Reload the page and try again.');
          reject(new Error('unexpected answer'));
        }
        else {
          fail(row, problemMessage(xhr));
          reject(new Error(String(xhr.status)));
        }
      });
      xhr.addEventListener('error', function () {
        done();
        fail(row, problemMessage(xhr));
        reject(new Error('network'));
      });
      status.textContent = '0%';
      xhr.send(data);
    });
  }

  /** Puts a freshly uploaded attachment (the server's item fragment) into the panel and updates the count. */
  function show(html) {
    var p = panel();
    if (!p) return null;
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var item = doc.querySelector('[data-attachment]');
    if (!item) return null;
    var kind = item.getAttribute('data-kind');
    var list = p.querySelector(kind === 'image' ? '[data-gallery]' : '[data-files]');
    if (!list) return null;
    var old = document.getElementById(item.id);
    if (old) old.remove();
    list.appendChild(item);
    p.querySelectorAll('[data-when-empty]').forEach(function (e) { e.hidden = true; });
    list.hidden = false;
    var count = p.querySelector('[data-attachment-count]');
    if (count) count.textContent = String(p.querySelectorAll('[data-attachment]').length);
    if (window.htmx) window.htmx.process(item);
    return item;
  }

  function uniqueName(file, i) {
    if (file.name && file.name !== 'image.png') return file.name;
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    var stamp = d.getFullYear() + two(d.getMonth() + 1) + two(d.getDate()) + '-' + two(d.getHours())
      + two(d.getMinutes()) + two(d.getSeconds());
    var ext = (file.type.split('/')[1] || 'png').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
    return 'screenshot-' + stamp + (i ? '-' + (i + 1) : '') + '.' + ext;
  }

  /** Uploads files to the current page's bug (or queues them on the new-bug form). */
  function attach(files) {
    var target = dropTarget();
    if (!target || !files.length) return;
    if (target.hasAttribute('data-attach-after-create')) {
      queue(target, files);
      return;
    }
    var list = uploadList(target);
    Array.prototype.forEach.call(files, function (file, i) {
      send(file, uniqueName(file, i), target.getAttribute('data-upload-url'), list).then(show, function () {});
    });
  }

  // ---- the new-bug form: files wait until the bug exists, then upload to it ---------------------------------------

  var queued = [];

  function queue(form, files) {
    var list = uploadList(form.querySelector('[data-attach-queue]') || form);
    Array.prototype.forEach.call(files, function (file, i) {
      var entry = { file: file, name: uniqueName(file, i) };
      var row = uploadRow(list, entry.name, file.size);
      row.querySelector('.att-upload-status').textContent = 'Uploads when the bug is filed';
      row.querySelector('progress').hidden = true;
      var remove = row.querySelector('.att-upload-close');
      remove.hidden = false;
      remove.setAttribute('aria-label', 'Remove ' + entry.name);
      remove.addEventListener('click', function () {
        queued = queued.filter(function (q) { return q !== entry; });
      });
      entry.row = row;
      queued.push(entry);
    });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target.closest && e.target.closest('[data-attach-after-create]');
    if (!form || !queued.length || e.defaultPrevented) return;
    e.preventDefault();
    var submit = form.querySelector('[type=submit]');
    if (submit) submit.disabled = true;
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
      .then(function (response) {
        var path = new URL(response.url).pathname;
        if (response.redirected && /^\/bugs\/[A-Z][A-Z0-9]*-[0-9]+$/.test(path)) {
          return uploadQueued(form, path + '/attachments').then(function (failed) {
            if (!failed) {
              window.location.assign(path);
              return;
            }
            // the bug exists; say which files did not make it and let the user go on
            var note = form.querySelector('[data-attach-queue] .hint');
            if (note) {
              note.textContent = 'The bug was filed, but ' + failed + (failed === 1 ? ' file was' : ' files were')
                + ' refused (see below). ';
              var go = document.createElement('a');
              go.href = path;
              go.textContent = 'Go to the bug';
              note.appendChild(go);
              go.focus();
            }
          });
        }
        // the form came back with messages: show them, keep the queued files
        return response.text().then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.querySelector('[data-attach-after-create]');
          if (!fresh) { document.documentElement.innerHTML = html; return; }
          var queueBox = form.querySelector('[data-attach-queue]');
          var freshQueue = fresh.querySelector('[data-attach-queue]');
          if (queueBox && freshQueue) freshQueue.replaceWith(queueBox);
          var alert = doc.querySelector('main .alert');
          var oldAlert = document.querySelector('main .alert');
          if (oldAlert) oldAlert.remove();
          form.replaceWith(fresh);
          if (alert) fresh.parentNode.insertBefore(alert, fresh);
          var firstError = fresh.querySelector('.has-error input, .has-error textarea, .has-error select');
          if (firstError) firstError.focus();
        });
      })
      .catch(function () {
        if (submit) submit.disabled = false;
        var note = form.querySelector('[data-attach-queue] .hint');
        if (note) note.textContent = 'Could not reach the server. Try again.';
      });
  });

  /** Uploads the queued files one after another into the new bug; resolves with the number that failed. */
  function uploadQueued(form, url) {
    var list = uploadList(form.querySelector('[data-attach-queue]') || form);
    var failed = 0;
    var chain = Promise.resolve();
    queued.forEach(function (entry) {
      chain = chain.then(function () {
        entry.row.remove();
        return send(entry.file, entry.name, url, list).catch(function () { failed++; });
      });
    });
    return chain.then(function () {
      queued = [];
      return failed;
    });
  }

  // ---- files for a comment: they wait in its form and upload once the comment exists -------------------------------

  var commentQueues = {}; // comment form id -> [{file, name, row}]

  /** The comment form {@code el} is in, if that form takes files (a new comment or a reply). */
  function commentFormOf(el) {
    var form = el && el.closest && el.closest('form.comment-form');
    var list = form && form.querySelector('[data-comment-queue]');
    return list ? list.getAttribute('data-comment-queue') : null;
  }

  function queueForComment(formId, files) {
    var list = document.querySelector('[data-comment-queue="' + formId + '"]');
    if (!list) return;
    var entries = commentQueues[formId] = commentQueues[formId] || [];
    Array.prototype.forEach.call(files, function (file, i) {
      var entry = { file: file, name: uniqueName(file, i) };
      var row = uploadRow(list, entry.name, file.size);
      row.querySelector('.att-upload-status').textContent = 'Uploads with the comment';
      row.querySelector('progress').hidden = true;
      var remove = row.querySelector('.att-upload-close');
      remove.hidden = false;
      remove.setAttribute('aria-label', 'Remove ' + entry.name);
      remove.addEventListener('click', function () {
        commentQueues[formId] = (commentQueues[formId] || []).filter(function (q) { return q !== entry; });
      });
      entry.row = row;
      entries.push(entry);
    });
  }

  // bugs' CommentController names the new comment in an HX-Trigger header
  document.addEventListener('commentAdded', function (e) {
    var formId = commentFormOf(e.target);
    var entries = formId && commentQueues[formId];
    var p = panel();
    if (!entries || !entries.length || !e.detail || !e.detail.id || !p || !p.hasAttribute('data-upload-url')) return;
    delete commentQueues[formId];
    var url = p.getAttribute('data-upload-url') + '?comment_id=' + encodeURIComponent(e.detail.id);
    var list = uploadList(p);
    var chain = Promise.resolve();
    entries.forEach(function (entry) {
      chain = chain.then(function () {
        entry.row.remove();
        return send(entry.file, entry.name, url, list).catch(function () {});
      });
    });
    chain.then(refreshPanel);
  });

  function refreshPanel() {
    var p = panel();
    if (p && window.htmx && p.getAttribute('data-panel-url')) {
      window.htmx.ajax('GET', p.getAttribute('data-panel-url'), { target: '#' + p.id, swap: 'outerHTML' });
    }
  }

  // ---- drag and drop anywhere, paste, file picker ------------------------------------------------------------------

  var depth = 0;

  function hasFiles(e) {
    var types = e.dataTransfer && e.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }

  function overlay(on) {
    var target = dropTarget();
    var o = document.getElementById('att-drop-overlay');
    if (on && target && !o) {
      o = document.createElement('div');
      o.id = 'att-drop-overlay';
      o.className = 'att-drop-overlay';
      var box = document.createElement('div');
      box.className = 'att-drop-box';
      box.textContent = target.getAttribute('data-drop-label') || 'Drop files to attach them';
      o.appendChild(box);
      document.body.appendChild(o);
    }
    else if (!on && o) {
      o.remove();
    }
  }

  document.addEventListener('dragenter', function (e) {
    if (!hasFiles(e) || !dropTarget()) return;
    depth++;
    overlay(true);
  });
  document.addEventListener('dragleave', function (e) {
    if (!hasFiles(e) || !dropTarget()) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay(false);
  });
  document.addEventListener('dragover', function (e) {
    if (!hasFiles(e) || !dropTarget()) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', function (e) {
    if (!hasFiles(e) || !dropTarget()) return;
    e.preventDefault();
    depth = 0;
    overlay(false);
    var formId = commentFormOf(e.target);
    if (formId) queueForComment(formId, e.dataTransfer.files);
    else attach(e.dataTransfer.files);
  });

  document.addEventListener('paste', function (e) {
    var items = e.clipboardData && e.clipboardData.files;
    if (!items || !items.length || !dropTarget()) return;
    e.preventDefault();
    var formId = commentFormOf(e.target);
    if (formId) queueForComment(formId, items);
    else attach(items);
  });

  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[type=file][data-attach-input], input[type=file][data-comment-files]')) return;
    var files = Array.prototype.slice.call(input.files);
    input.value = '';
    if (input.hasAttribute('data-comment-files')) queueForComment(input.getAttribute('data-comment-files'), files);
    else attach(files);
  });

  // "u" opens the file picker (the app's other shortcuts live in app.js)
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key !== 'u') return;
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || e.target.isContentEditable) return;
    var input = document.querySelector('input[type=file][data-attach-input]');
    if (input && !document.querySelector('dialog[open]')) {
      e.preventDefault();
      input.click();
    }
  });

  // ---- keeping state across htmx swaps ------------------------------------------------------------------------------

  document.addEventListener('htmx:afterSettle', function (e) {
    // a re-rendered activity or comment lost the files moved under its comments: ask for the panel again
    var swapped = e.detail && e.detail.target;
    if (swapped && (swapped.id === 'bug-activity' || (swapped.classList && swapped.classList.contains('comment')))) {
      refreshPanel();
    }
    Object.keys(commentQueues).forEach(function (formId) {
      var list = document.querySelector('[data-comment-queue="' + formId + '"]');
      if (list) commentQueues[formId].forEach(function (entry) { if (!entry.row.isConnected) list.appendChild(entry.row); });
    });
    var p = panel();
    if (!p) return;
    if (active.length) {
      var list = uploadList(p);
      active.forEach(function (row) { if (!row.isConnected) list.appendChild(row); });
    }
    placeCommentAttachments();
  });
  document.addEventListener('DOMContentLoaded', placeCommentAttachments);

  /** Files attached to a comment are listed in the panel; with JavaScript they move under their comment. */
  function placeCommentAttachments() {
    document.querySelectorAll('[data-for-comment]').forEach(function (group) {
      var slot = document.querySelector('[data-comment-attachments="' + group.getAttribute('data-for-comment') + '"]');
      if (slot && group.parentNode !== slot) {
        slot.innerHTML = '';
        slot.appendChild(group);
        group.classList.add('is-placed');
      }
    });
  }

  // ---- lightbox -------------------------------------------------------------------------------------------------------

  var box = null, shown = 0, links = [];

  function lightbox() {
    if (box) return box;
    box = document.createElement('dialog');
    box.className = 'lightbox';
    box.setAttribute('aria-label', 'Image preview');
    box.innerHTML = '<div class="lightbox-bar"><span class="lightbox-title"></span><span class="spacer"></span>'
      + '<span class="lightbox-count muted small"></span>'
      + '<button type="button" class="btn btn-sm" data-lb-annotate>Annotate</button>'
      + '<a class="btn btn-sm" data-lb-open target="_blank" rel="noopener">Original</a>'
      + '<button type="button" class="icon-btn" data-lb-close aria-label="Close (Escape)">×</button></div>'
      + '<div class="lightbox-stage"><button type="button" class="lightbox-nav lightbox-prev" data-lb-prev aria-label="Previous image (←)">‹</button>'
      + '<img alt=""><button type="button" class="lightbox-nav lightbox-next" data-lb-next aria-label="Next image (→)">›</button></div>';
    document.body.appendChild(box);
    box.addEventListener('click', function (e) {
      if (e.target === box || e.target.closest('[data-lb-close]')) box.close();
      else if (e.target.closest('[data-lb-prev]')) step(-1);
      else if (e.target.closest('[data-lb-next]')) step(1);
      else if (e.target.closest('[data-lb-annotate]')) {
        var link = links[shown];
        box.close();
        openAnnotator(link);
      }
    });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowLeft') { step(-1); e.preventDefault(); }
      else if (e.key === 'ArrowRight') { step(1); e.preventDefault(); }
    });
    box.addEventListener('close', function () {
      var link = links[shown];
      if (link && link.isConnected) link.focus();
    });
    return box;
  }

  function showImage(i) {
    shown = (i + links.length) % links.length;
    var link = links[shown];
    var dialog = lightbox();
    var img = dialog.querySelector('img');
    img.src = link.getAttribute('href');
    img.alt = link.getAttribute('data-name') || '';
    dialog.querySelector('.lightbox-title').textContent = link.getAttribute('data-name') || '';
    dialog.querySelector('.lightbox-count').textContent = links.length > 1 ? (shown + 1) + ' / ' + links.length : '';
    dialog.querySelector('[data-lb-open]').href = link.getAttribute('href');
    dialog.querySelector('[data-lb-annotate]').hidden = !link.hasAttribute('data-annotate-url');
    dialog.querySelectorAll('.lightbox-nav').forEach(function (b) { b.hidden = links.length < 2; });
  }

  function step(d) {
    showImage(shown + d);
  }

  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-lightbox]');
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    var dialog = lightbox();
    if (typeof dialog.showModal !== 'function') return; // no <dialog>: the link opens the image
    e.preventDefault();
    links = Array.prototype.slice.call(document.querySelectorAll('a[data-lightbox]'));
    showImage(links.indexOf(link));
    dialog.showModal();
    dialog.querySelector('[data-lb-close]').focus();
  });

  // "Annotate" buttons next to images
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-annotate-button]');
    if (!button) return;
    var link = document.querySelector('#' + button.getAttribute('data-annotate-button') + ' a[data-lightbox]');
    if (link) openAnnotator(link);
  });

  function openAnnotator(link) {
    if (!window.FixpointAnnotate || !link) return;
    window.FixpointAnnotate.open({
      src: link.getAttribute('href'),
      name: link.getAttribute('data-name') || 'image.png',
      saveUrl: link.getAttribute('data-annotate-url'),
      save: function (blob, name, progressHost) {
        return send(blob, name, link.getAttribute('data-annotate-url'), progressHost).then(function (html) {
          var item = show(html);
          if (item) {
            item.classList.add('is-new');
            item.scrollIntoView({ block: 'nearest' });
          }
          return item;
        });
      }
    });
  }

  // enhanced pages hide the no-JavaScript upload button
  function enhance() {
    document.querySelectorAll('[data-nojs-only]').forEach(function (e) { e.hidden = true; });
    document.querySelectorAll('[data-js-only][hidden]').forEach(function (e) { e.hidden = false; });
  }
  document.addEventListener('DOMContentLoaded', enhance);
  document.addEventListener('htmx:afterSettle', enhance);

  window.FixpointAttachments = { attach: attach, formatSize: formatSize };
})();
