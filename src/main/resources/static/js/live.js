// Live pages over Server-Sent Events (no polling): the bug page updates in place when someone else changes the bug
// (or, while you are editing, says who did and offers to refresh), shows who else is viewing it; the bug list and
// the board fetch their results again when a bug they show changes, and count the new bugs that pass their filters
// (and the changed ones they do not show yet) in a "2 new bugs · 1 updated — Show" bar: nothing is fetched until
// the viewer asks, and Show opens the first page (keyset paging is never shifted under the reader). The list's
// stream carries its filters (the page's query string) so the server tells it only about bugs that pass them, and
// is opened again when the filters change. The stream is open only while the tab is visible (fewer connections;
// presence means "looking at it"); coming back fetches what may have been missed. The bug page's stream carries the
// page's data-version and data-history (comments), so a change announced before the stream opened is not missed
// either.
// Without this file (or without EventSource) the pages are as they were when loaded.
(function () {
  var host = document.querySelector('[data-live]');
  if (!host || !window.EventSource) return;
  var url = host.getAttribute('data-live');
  var bugKey = host.getAttribute('data-live-bug');
  var targetSelector = bugKey ? '#bug' : host.getAttribute('data-live-target');
  var tab = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
  var source = null;
  var missed = false;
  var pending = null; // a refresh waiting until the user is done (board drag, ticked rows)
  var timer = null;
  var following = null; // a list's filters its stream was opened with
  var news = { created: {}, updated: {} }; // keys of bugs the list or board does not show yet

  function toast(text, options) { if (window.fixpointToast) window.fixpointToast(text, options); }

  // ---- the stream ----
  function connect() {
    if (source) return;
    following = filters();
    source = new EventSource(url + (bugKey ? '?tab=' + encodeURIComponent(tab) + version() : following));
    source.addEventListener('hello', function () {
      document.body.setAttribute('data-live', 'open');
      if (!bugKey) document.body.setAttribute('data-live-following', following);
      if (missed) { missed = false; refresh({ quiet: true }); }
    });
    source.addEventListener('changed', function (e) { changed(parse(e)); });
    source.addEventListener('created', function (e) { created(parse(e)); });
    source.addEventListener('presence', function (e) { presence(parse(e).viewers || []); });
    source.onerror = function () {
      // EventSource reconnects by itself; what happened meanwhile is fetched once it is back
      document.body.removeAttribute('data-live');
      missed = true;
    };
  }
  function disconnect() {
    if (!source) return;
    source.close();
    source = null;
    document.body.removeAttribute('data-live');
    if (bugKey && navigator.sendBeacon) {
      // a form post (urlencoded, so the CSRF token is read like any form's) that outlives the page
      var data = new URLSearchParams();
      var headers = {};
      try { headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}'); } catch (err) { /* none */ }
      data.append('tab', tab);
      var token = Object.keys(headers).map(function (name) { return headers[name]; })[0];
      if (token) data.append('_csrf', token);
      navigator.sendBeacon('/bugs/' + encodeURIComponent(bugKey) + '/live/leave', data);
    }
    presence([]);
  }
  // the bug page's version and its activity's history count (comments change the second only): a change committed
  // after the page was read and announced before the stream opened is told at once (a resync)
  function version() {
    var page = document.querySelector(targetSelector);
    var v = page && page.getAttribute('data-version');
    var activity = page && page.querySelector('[data-history]');
    var h = activity && activity.getAttribute('data-history');
    return (v ? '&version=' + encodeURIComponent(v) : '') + (h ? '&history=' + encodeURIComponent(h) : '');
  }
  // the list's or board's filters: its query string without the page it is on
  function filters() {
    var params = new URLSearchParams(window.location.search);
    params.delete('cursor');
    var query = params.toString();
    return query ? '?' + query : '';
  }
  function filtersChanged() {
    if (bugKey || !source || filters() === following) return;
    source.close();
    source = null;
    document.body.removeAttribute('data-live');
    news = { created: {}, updated: {} };
    showNews();
    connect();
  }
  document.addEventListener('htmx:pushedIntoHistory', filtersChanged);
  document.addEventListener('htmx:replacedInHistory', filtersChanged);
  window.addEventListener('popstate', filtersChanged);
  function parse(e) { try { return JSON.parse(e.data) || {}; } catch (err) { return {}; } }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { disconnect(); missed = true; } else connect();
  });
  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', function (e) { if (e.persisted) { missed = true; connect(); } });
  if (document.visibilityState !== 'hidden') connect();

  // ---- what changed ----
  function changed(data) {
    if (data.resync) { refresh({ quiet: true }); return; }
    if (bugKey) {
      if (data.self) return; // this tab (or another of mine) made it; the page that made it shows it already
      var who = data.by ? ' by ' + data.by : '';
      if (editing()) notice('Updated' + (who || ' by someone else') + describe(data.fields) + ' while you were editing.', REFRESH);
      else refresh({ toast: bugKey + ' updated' + who + describe(data.fields) });
      return;
    }
    if (!data.key) return;
    if (shown(data.key)) {
      clearTimeout(timer);
      timer = setTimeout(function () { refresh({ mark: [data.key] }); }, 200);
    } else if (data.matches && !news.created[data.key]) {
      news.updated[data.key] = true;
      showNews();
    }
  }

  // a new bug that passes the list's filters (the server asked once per filter, not per viewer)
  function created(data) {
    if (bugKey || !data.key || shown(data.key)) return;
    news.created[data.key] = true;
    delete news.updated[data.key];
    showNews();
  }

  function shown(key) {
    return !!document.querySelector(targetSelector + ' [data-bug="' + CSS.escape(key) + '"]');
  }

  function showNews() {
    var box = document.getElementById('live-notice');
    if (!box) return;
    var added = Object.keys(news.created).length;
    var updated = Object.keys(news.updated).length;
    if (!added && !updated) {
      if (box.hasAttribute('data-news')) { box.hidden = true; box.removeAttribute('data-news'); }
      return;
    }
    var parts = [];
    if (added) parts.push(added + ' new bug' + (added === 1 ? '' : 's'));
    if (updated) parts.push(updated + ' updated');
    notice(parts.join(' · '), { label: 'Show', run: function () {
      var mark = Object.keys(news.created).concat(Object.keys(news.updated));
      news = { created: {}, updated: {} };
      refresh({ force: true, first: true, mark: mark });
    } });
    box.setAttribute('data-news', String(added + updated));
  }

  function describe(fields) {
    if (!fields || !fields.length) return '';
    var names = { status: 'status', assignee: 'assignee', priority: 'priority', severity: 'severity', comment: 'a comment',
      title: 'title', tags: 'labels', description: 'description', due_date: 'due date', component: 'component' };
    var words = fields.map(function (f) { return names[f] || f.replace(/_/g, ' '); });
    return ' (' + words.slice(0, 3).join(', ') + (words.length > 3 ? '…' : '') + ')';
  }

  // Is the user in the middle of something the refresh would throw away?
  function editing() {
    var root = document.querySelector(targetSelector);
    if (!root) return false;
    var active = document.activeElement;
    if (active && root.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) return true;
    if (root.querySelector('form.report-form, .title-edit[open], #assignee-picker select, .pending-move')) return true;
    if (document.querySelector('dialog[open]')) return true;
    return Array.prototype.some.call(root.querySelectorAll('textarea, input[type="text"], input[type="date"]'), function (i) {
      return i.value !== i.defaultValue;
    });
  }

  function busy() {
    if (document.querySelector('dialog[open], .is-dragging')) return true;
    var root = document.querySelector(targetSelector);
    var active = document.activeElement;
    if (root && active && root.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) return true;
    return !!document.querySelector('input[name="ids"]:checked');
  }

  var REFRESH = { label: 'Refresh', run: function () { refresh({ force: true }); } };

  // says something above the page, with a button that does something about it
  function notice(text, action) {
    var box = document.getElementById('live-notice');
    if (!box) { toast(text); return; }
    box.innerHTML = '';
    box.removeAttribute('data-news');
    var p = document.createElement('span');
    p.textContent = text + ' ';
    box.appendChild(p);
    if (action) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-sm';
      b.textContent = action.label;
      b.addEventListener('click', function () { box.hidden = true; action.run(); });
      box.appendChild(b);
    }
    box.hidden = false;
  }

  // The page's own htmx requests sent from (or into) its live part: a status change, a comment, a field. Their answer
  // is newer than what a refresh may fetch meanwhile (a comment does not bump data-version), and a refresh swapped in
  // while one is on its way leaves it answering into an element no longer on the page: the user's change seemingly
  // undone. So a refresh waits until they are all answered, and one answered after such a request was sent is
  // fetched again.
  var inflight = 0;
  var sent = 0;
  var waiting = null; // the latest refresh waiting for them
  document.addEventListener('htmx:beforeSend', function (e) {
    var root = document.querySelector(targetSelector);
    var xhr = e.detail && e.detail.xhr;
    var into = e.detail && e.detail.target;
    if (!root || !xhr || !(root.contains(e.target) || (into && (root.contains(into) || into.contains(root))))) return;
    inflight++;
    sent++;
    // loadend comes after htmx has swapped the answer in (it swaps in the load handler), on errors and aborts too
    xhr.addEventListener('loadend', function () {
      inflight--;
      if (!inflight && waiting) {
        var o = waiting;
        waiting = null;
        document.body.removeAttribute('data-live-waiting');
        refresh(o);
      }
    });
  });
  function later(options) {
    waiting = options;
    document.body.setAttribute('data-live-waiting', 'true');
  }

  // Fetches the page's live part again, as htmx would (the same URL, the fragment), and swaps it in.
  function refresh(options) {
    options = options || {};
    var target = document.querySelector(targetSelector);
    if (!target) return;
    if (inflight) { later(options); return; }
    var seen = sent;
    if (!options.force && (bugKey ? editing() : busy())) {
      if (bugKey) { if (!options.quiet) notice('This bug changed while you were editing.', REFRESH); }
      else { pending = options; notice('The ' + (document.getElementById('board') ? 'board' : 'list') + ' changed.', REFRESH); }
      return;
    }
    var address = bugKey ? '/bugs/' + encodeURIComponent(bugKey) : window.location.pathname + (options.first ? filters() : window.location.search);
    fetch(address, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector(targetSelector);
        var current = document.querySelector(targetSelector);
        if (!fresh || !current) return;
        if (!options.force && (bugKey ? editing() : busy())) return; // started editing meanwhile
        // the page sent something meanwhile: its answer is newer than this one (or is still to come)
        if (sent !== seen) { if (inflight) later(options); else refresh(options); return; }
        // an answer overtaken by a newer change must not put the older bug back
        if (bugKey && Number(fresh.getAttribute('data-version')) < Number(current.getAttribute('data-version'))) return;
        if (window.htmx && htmx.swap) {
          // htmx's own swap: processes the new content and fires the usual events (bulk bar, attachments)
          htmx.swap(current, fresh.outerHTML, { swapStyle: 'outerHTML', swapDelay: 0, settleDelay: 0 });
        } else {
          current.replaceWith(fresh);
        }
        fresh = document.querySelector(targetSelector) || fresh;
        if (options.first && window.location.search !== filters()) {
          history.replaceState(history.state, '', window.location.pathname + filters());
        }
        var box = document.getElementById('live-notice');
        if (box) box.hidden = true;
        (options.mark || []).forEach(function (key) {
          var row = fresh.querySelector('[data-bug="' + CSS.escape(key) + '"]');
          if (row) { row.classList.add('live-changed'); setTimeout(function () { row.classList.remove('live-changed'); }, 2500); }
        });
        if (!bugKey) {
          // what the fresh page shows is no longer news
          Object.keys(news.created).concat(Object.keys(news.updated)).forEach(function (key) {
            if (shown(key)) { delete news.created[key]; delete news.updated[key]; }
          });
          showNews();
        }
        if (options.toast) toast(options.toast);
        document.body.setAttribute('data-live-refreshed', String(Number(document.body.getAttribute('data-live-refreshed') || 0) + 1));
      })
      .catch(function () { /* the stream tells again, or the user reloads */ });
  }

  // a deferred list/board refresh runs once the user is done
  function retry() {
    if (pending && !busy()) { var o = pending; pending = null; refresh(o); }
  }
  document.addEventListener('dragend', function () { setTimeout(retry, 50); });
  document.addEventListener('change', function (e) { if (e.target.name === 'ids') setTimeout(retry, 50); });
  document.addEventListener('focusout', function () { setTimeout(retry, 50); });

  // ---- who else is here ----
  function presence(viewers) {
    var box = document.getElementById('presence');
    if (!box) return;
    box.innerHTML = '';
    if (!viewers.length) { box.hidden = true; return; }
    box.hidden = false;
    var label = document.createElement('span');
    label.className = 'muted small';
    label.textContent = 'Also viewing:';
    box.appendChild(label);
    viewers.forEach(function (v) {
      var person = document.createElement('span');
      person.className = 'person presence-person';
      var avatar = document.createElement('span');
      avatar.className = 'avatar avatar-sm';
      avatar.setAttribute('aria-hidden', 'true');
      avatar.textContent = v.initial;
      person.append(avatar, document.createTextNode(' ' + v.name));
      box.appendChild(person);
    });
  }
})();
