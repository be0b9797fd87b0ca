// Keyboard everywhere: the "?" sheet of this page's shortcuts, the Cmd/Ctrl-K command palette, and the bug
// page's shortcuts (a assign, s status, p priority, e edit, m comment). Every action goes through the page's own
// controls or the endpoints they post to, so the server's rules (and its refusals) are the same as with the mouse.
// Without this file every page still works; on touch devices no hint is shown (css: .kbd-hint).
(function () {
  if (window.fixpointKeys) return;
  var MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  var MOD = MAC ? '⌘' : 'Ctrl';

  function typing(target) {
    var tag = (target && target.tagName || '').toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || (target && target.isContentEditable);
  }
  function bug() { return document.getElementById('bug'); }
  function toast(text, error) { if (window.fixpointToast) window.fixpointToast(text, { error: !!error }); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function csrfHeaders() {
    try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}'); } catch (err) { return {}; }
  }

  // ---- what the current bug page offers (rendered from the server's rules for this viewer) ----
  function transitions() {
    var box = document.querySelector('#bug .transitions');
    if (!box) return [];
    var out = [];
    Array.prototype.forEach.call(box.children, function (node) {
      if (node.matches('form.transition') && !node.hidden) {
        var button = node.querySelector('button');
        out.push({ label: button.textContent.trim(), hint: button.title, run: function () { node.requestSubmit(button); } });
      } else if (node.matches('a[data-move-needs]')) {
        out.push({ label: node.textContent.trim(), hint: node.title, run: function () { node.click(); } });
      }
    });
    return out;
  }
  function selectChoices(id) {
    var select = document.getElementById(id);
    if (!select) return [];
    return Array.prototype.map.call(select.options, function (o) {
      return { label: o.textContent.trim(), hint: o.selected ? 'current' : '', run: function () {
        select.value = o.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } };
    });
  }
  function can(flag) { var b = bug(); return !!b && b.getAttribute('data-can-' + flag) === 'true'; }

  // Posts one field the way the page's inline forms do (same URL, same answer: the bug fragment), swaps the
  // answer in and shows the server's reason when it refused.
  function postField(field, value) {
    var b = bug();
    if (!b || !window.htmx) return;
    var key = b.getAttribute('data-bug-key');
    awaiting = true;
    htmx.ajax('POST', '/bugs/' + encodeURIComponent(key) + '/fields/' + field, {
      source: b, target: '#bug', swap: 'outerHTML',
      values: { value: value, version: b.getAttribute('data-version') }
    });
  }
  // the answer to a change made from the keyboard or a status button: a refusal's reason also shows as a toast
  var awaiting = false;
  document.addEventListener('htmx:afterSwap', function (e) {
    var swapped = e.detail && e.detail.target;
    if (swapped && swapped.id && swapped.id !== 'bug') return; // another part of the page
    var b = bug();
    if (!awaiting || !b || !b.isConnected) return;
    awaiting = false;
    var alert = b.querySelector(':scope > .alert');
    var reason = alert && (alert.querySelector('p') || alert);
    if (reason) toast(reason.textContent.replace(/\s+/g, ' ').trim(), true);
  });

  // ---- status changes feel instant: the badge moves at once, the server's answer replaces it (a refusal puts the
  // old status back, with its reason) ----
  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.target.closest && e.target.closest('#bug form.transition');
    if (!form) return;
    awaiting = true;
    var button = form.querySelector('button');
    var to = button && (button.title || '').replace(/^Move to /, '');
    document.querySelectorAll('#bug .status-box .badge, #bug .bug-badges .badge[class*="st-"]').forEach(function (badge) {
      badge.setAttribute('data-was', badge.textContent);
      badge.textContent = to;
      badge.classList.add('is-pending');
    });
    document.querySelectorAll('#bug .transitions button, #bug .transitions a').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
  });
  function rollback(e) {
    var form = e.target.closest && e.target.closest('#bug form.transition');
    if (!form) return;
    document.querySelectorAll('#bug .badge.is-pending').forEach(function (badge) {
      badge.textContent = badge.getAttribute('data-was');
      badge.classList.remove('is-pending');
    });
    document.querySelectorAll('#bug .transitions [aria-disabled]').forEach(function (b) { b.removeAttribute('aria-disabled'); });
    toast('Could not reach the server; the status did not change.', true);
  }
  document.addEventListener('htmx:sendError', rollback);
  document.addEventListener('htmx:responseError', rollback);

  // ---- the palette ----
  var palette = null;
  var projects = null;
  var bugSearch = { q: '', seq: 0, timer: null, items: [] };

  function buildPalette() {
    var dialog = el('dialog', 'palette');
    dialog.id = 'palette';
    dialog.setAttribute('aria-label', 'Command palette');
    var title = el('p', 'palette-mode muted small');
    var input = el('input');
    input.type = 'text';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-controls', 'palette-list');
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-label', 'Command');
    input.autocomplete = 'off';
    var list = el('ul', 'palette-list');
    list.id = 'palette-list';
    list.setAttribute('role', 'listbox');
    var foot = el('p', 'palette-foot muted small kbd-hint', '↑↓ to choose · Enter to run · Esc to close');
    dialog.append(title, input, list, foot);
    document.body.appendChild(dialog);
    palette = { dialog: dialog, input: input, list: list, title: title, mode: null, items: [], cursor: 0 };
    input.addEventListener('input', function () { refresh(); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || (e.ctrlKey && e.key === 'n')) { move(1); e.preventDefault(); }
      else if (e.key === 'ArrowUp' || (e.ctrlKey && e.key === 'p')) { move(-1); e.preventDefault(); }
      else if (e.key === 'Enter') { e.preventDefault(); run(palette.items[palette.cursor]); }
      else if (e.key === 'Backspace' && !input.value && palette.mode.back) { e.preventDefault(); show(palette.mode.back()); }
    });
    list.addEventListener('click', function (e) {
      var li = e.target.closest('li[data-index]');
      if (li) run(palette.items[Number(li.getAttribute('data-index'))]);
    });
    dialog.addEventListener('click', function (e) { if (e.target === dialog) dialog.close(); });
    return palette;
  }

  function move(step) {
    if (!palette.items.length) return;
    palette.cursor = (palette.cursor + step + palette.items.length) % palette.items.length;
    paint();
  }

  function run(item) {
    if (!item) return;
    if (item.mode) { show(item.mode); return; }
    palette.dialog.close();
    item.run();
  }

  function matches(item, q) {
    if (!q) return true;
    var text = (item.label + ' ' + (item.hint || '') + ' ' + (item.keywords || '')).toLowerCase();
    return q.toLowerCase().split(/\s+/).every(function (w) { return text.indexOf(w) >= 0; });
  }

  function refresh() {
    var q = palette.input.value.trim();
    palette.items = palette.mode.items(q).filter(function (item) { return item.always || matches(item, q); });
    palette.cursor = 0;
    paint();
  }

  function paint() {
    palette.list.innerHTML = '';
    palette.items.forEach(function (item, i) {
      var li = el('li', i === palette.cursor ? 'is-cursor' : '');
      li.setAttribute('role', 'option');
      li.id = 'palette-item-' + i;
      li.setAttribute('data-index', String(i));
      if (i === palette.cursor) li.setAttribute('aria-selected', 'true');
      li.appendChild(el('span', 'palette-label', item.label));
      // a one-key hint is a keyboard hint: hidden on touch devices (css .kbd-hint)
      if (item.hint) li.appendChild(el('span', 'palette-hint' + (item.hint.length === 1 ? ' kbd-hint' : ''), item.hint));
      palette.list.appendChild(li);
    });
    if (!palette.items.length) palette.list.appendChild(el('li', 'palette-empty muted', palette.mode.empty || 'Nothing matches'));
    palette.input.setAttribute('aria-activedescendant', palette.items.length ? 'palette-item-' + palette.cursor : '');
    var current = palette.list.querySelector('.is-cursor');
    if (current) current.scrollIntoView({ block: 'nearest' });
  }

  function show(mode) {
    palette.mode = mode;
    palette.title.textContent = mode.title;
    palette.input.placeholder = mode.placeholder;
    palette.input.value = '';
    if (mode.load) mode.load();
    refresh();
    palette.input.focus();
  }

  function open(mode) {
    buildPalette.done = buildPalette.done || buildPalette();
    if (!palette.dialog.open) palette.dialog.showModal();
    show(mode || rootMode());
  }

  function fetchFragment(url) {
    return fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.text();
    }).then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); });
  }

  function loadProjects() {
    if (projects) return;
    projects = [];
    fetchFragment('/projects/switcher').then(function (doc) {
      projects = Array.prototype.filter.call(doc.querySelectorAll('a'), function (a) { return a.querySelector('.switcher-key'); })
        .map(function (a) {
          var href = a.getAttribute('href');
          return { label: 'Go to ' + a.textContent.replace(/\s+/g, ' ').trim(), hint: 'project', run: function () { window.location = href; } };
        });
      if (palette && palette.dialog.open && palette.mode.root) refresh();
    }).catch(function () { projects = null; });
  }

  function searchBugs(q) {
    if (q === bugSearch.q) return; // asked already (the answer refreshes the list, which asks again)
    bugSearch.q = q;
    bugSearch.items = [];
    clearTimeout(bugSearch.timer);
    if (!q) return;
    bugSearch.timer = setTimeout(function () {
      var seq = ++bugSearch.seq;
      fetchFragment('/search/quick?q=' + encodeURIComponent(q)).then(function (doc) {
        if (seq !== bugSearch.seq) return;
        bugSearch.items = Array.prototype.map.call(doc.querySelectorAll('a.quick-hit'), function (a) {
          var key = a.querySelector('.bug-key');
          var href = a.getAttribute('href');
          return {
            label: a.textContent.replace(/\s+/g, ' ').trim(), hint: key ? 'bug' : 'search', always: true,
            run: function () { window.location = href; }
          };
        });
        if (palette && palette.dialog.open && palette.mode.root) {
          var keep = palette.cursor;
          refresh();
          palette.cursor = Math.min(keep, Math.max(0, palette.items.length - 1));
          paint();
        }
      }).catch(function () { /* offline: the commands still work */ });
    }, 150);
  }

  function bugCommands() {
    var b = bug();
    if (!b) return [];
    var key = b.getAttribute('data-bug-key');
    var out = [];
    if (can('assign')) out.push({ label: 'Assign ' + key + '…', hint: 'a', mode: assignMode() });
    if (transitions().length) out.push({ label: 'Change status of ' + key + '…', hint: 's', mode: statusMode() });
    if (document.getElementById('edit-priority')) out.push({ label: 'Set priority of ' + key + '…', hint: 'p', mode: choiceMode('Priority', 'edit-priority') });
    if (document.getElementById('edit-severity')) out.push({ label: 'Set severity of ' + key + '…', hint: '', mode: choiceMode('Severity', 'edit-severity') });
    if (can('fields')) out.push({ label: 'Labels of ' + key + '…', hint: '', keywords: 'tag label', mode: labelMode() });
    var edit = document.querySelector('#bug [data-shortcut="e"]');
    if (edit) out.push({ label: 'Edit the report', hint: 'e', run: function () { edit.click(); } });
    if (document.getElementById('new-comment-content')) out.push({ label: 'Comment', hint: 'm', run: focusComment });
    return out;
  }

  function pageCommands() {
    var out = [];
    var newBug = document.querySelector('[data-shortcut="c"]');
    if (newBug) out.push({ label: 'New bug', hint: 'c', run: function () { window.location = newBug.href; } });
    document.querySelectorAll('.project-nav a').forEach(function (a) {
      out.push({ label: 'Go to ' + a.textContent.trim(), hint: '', keywords: 'open page', run: function () { window.location = a.href; } });
    });
    out.push({ label: 'Notifications', hint: '', run: function () { window.location = '/notifications'; } });
    out.push({ label: 'All projects', hint: '', run: function () { window.location = '/projects'; } });
    out.push({ label: 'Toggle dark mode', hint: '', keywords: 'theme light', run: function () { var t = document.getElementById('theme-toggle'); if (t) t.click(); } });
    out.push({ label: 'Keyboard shortcuts', hint: '?', run: openSheet });
    return out;
  }

  function rootMode() {
    return {
      root: true, title: bug() ? bug().getAttribute('data-bug-key') : 'Go to or run', placeholder: 'Type a command, a bug key or title, a project…',
      load: loadProjects,
      items: function (q) {
        searchBugs(q);
        var commands = bugCommands().concat(pageCommands()).filter(function (i) { return matches(i, q); });
        var places = (projects || []).filter(function (i) { return matches(i, q); });
        return q ? commands.concat(bugSearch.items, places) : commands.concat(places);
      }
    };
  }

  function statusMode() {
    return { title: 'Change the status (the moves open to you)', placeholder: 'Status…', back: rootMode, empty: 'No status change is open to you',
      items: function () { return transitions(); } };
  }

  function choiceMode(name, id) {
    return { title: name, placeholder: name + '…', back: rootMode, items: function () { return selectChoices(id); } };
  }

  function assignMode() {
    var people = null;
    var mode = {
      title: 'Assign to', placeholder: 'Person…', back: rootMode, empty: 'Loading people…',
      load: function () {
        if (people) return;
        var key = bug().getAttribute('data-bug-key');
        fetchFragment('/bugs/' + encodeURIComponent(key) + '/assignee').then(function (doc) {
          var select = doc.querySelector('select[name="value"]');
          var me = document.body.getAttribute('data-me');
          people = select ? Array.prototype.map.call(select.options, function (o) {
            return { label: o.value ? o.textContent.trim() : 'Unassigned', hint: (o.value === me ? 'me' : '') + (o.selected ? (o.value === me ? ', ' : '') + 'current' : ''),
              keywords: o.value === me ? 'me myself' : '', value: o.value,
              run: function () { postField('assignee_id', o.value); } };
          }) : [];
          people.sort(function (a, b) { return (b.value === me) - (a.value === me); });
          mode.empty = 'Nobody matches';
          if (palette.dialog.open && palette.mode === mode) refresh();
        }).catch(function () { mode.empty = 'Could not load the people of this project'; refresh(); });
      },
      items: function () { return people || []; }
    };
    return mode;
  }

  function labelMode() {
    return {
      title: 'Labels (type one to add it)', placeholder: 'Label…', back: rootMode,
      items: function (q) {
        var current = (bug().getAttribute('data-tags') || '').split(',').filter(Boolean);
        var out = [];
        var typed = q.toLowerCase().replace(/[\s,]+/g, '-');
        if (typed && current.indexOf(typed) < 0) {
          out.push({ label: 'Add label “' + typed + '”', always: true,
            run: function () { postField('tags', current.concat([typed]).join(',')); } });
        }
        current.forEach(function (tag) {
          out.push({ label: 'Remove label “' + tag + '”', keywords: tag,
            run: function () { postField('tags', current.filter(function (t) { return t !== tag; }).join(',')); } });
        });
        return out;
      }
    };
  }

  function focusComment() {
    var box = document.getElementById('new-comment-content');
    if (!box) return;
    box.scrollIntoView({ block: 'center' });
    box.focus();
  }

  // ---- the "?" sheet: this page's shortcuts only ----
  function shortcuts() {
    var groups = [];
    var global = [[MOD + ' K', 'Command palette: go to a bug or project, run an action'], ['/', 'Search'], ['?', 'This list']];
    if (document.querySelector('[data-shortcut="c"]')) global.push(['c', 'New bug']);
    groups.push(['Everywhere', global]);
    if (document.querySelector('[data-row-link]')) {
      var rows = [['j', 'Next ' + (document.getElementById('board') ? 'card' : 'row')], ['k', 'Previous'], ['Enter', 'Open it']];
      if (document.querySelector('[data-assign-me]')) rows.push(['a', 'Assign the chosen bug to me']);
      groups.push([document.getElementById('board') ? 'Board' : 'List', rows]);
    }
    if (bug()) {
      var page = [];
      if (can('assign')) page.push(['a', 'Assign']);
      if (transitions().length) page.push(['s', 'Change the status']);
      if (document.getElementById('edit-priority')) page.push(['p', 'Set the priority']);
      if (document.querySelector('#bug [data-shortcut="e"]')) page.push(['e', 'Edit the report']);
      if (document.getElementById('new-comment-content')) page.push(['m', 'Comment']);
      page.push(['Esc', 'Leave a field']);
      groups.push(['This bug', page]);
    }
    return groups;
  }

  function openSheet() {
    var sheet = document.getElementById('shortcut-sheet');
    if (!sheet) {
      sheet = el('dialog', 'shortcut-sheet');
      sheet.id = 'shortcut-sheet';
      sheet.setAttribute('aria-labelledby', 'shortcut-sheet-title');
      sheet.addEventListener('click', function (e) { if (e.target === sheet || e.target.closest('[data-close]')) sheet.close(); });
      document.body.appendChild(sheet);
    }
    sheet.innerHTML = '';
    var head = el('div', 'sheet-head');
    var h = el('h2', null, 'Keyboard shortcuts');
    h.id = 'shortcut-sheet-title';
    var close = el('button', 'icon-btn', '✕');
    close.type = 'button';
    close.setAttribute('data-close', '');
    close.setAttribute('aria-label', 'Close');
    head.append(h, close);
    sheet.appendChild(head);
    shortcuts().forEach(function (group) {
      sheet.appendChild(el('h3', 'section-title', group[0]));
      var dl = el('dl', 'shortcut-list');
      group[1].forEach(function (pair) {
        var dt = el('dt');
        pair[0].split(' ').forEach(function (k) { dt.appendChild(el('kbd', null, k)); });
        dl.append(dt, el('dd', null, pair[1]));
      });
      sheet.appendChild(dl);
    });
    if (!sheet.open) sheet.showModal();
  }

  // ---- the keys ----
  document.addEventListener('keydown', function (e) {
    if ((e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey && (e.key === 'k' || e.key === 'K')) {
      // also from inside a field: it is the one way to the palette
      e.preventDefault();
      if (palette && palette.dialog.open) palette.dialog.close(); else open();
      return;
    }
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    var b = bug();
    var handled = true;
    if (e.key === '?') openSheet();
    else if (b && e.key === 'a' && can('assign')) open(assignMode());
    else if (b && e.key === 's' && transitions().length) open(statusMode());
    else if (b && e.key === 'p' && document.getElementById('edit-priority')) open(choiceMode('Priority', 'edit-priority'));
    else if (b && e.key === 'e' && document.querySelector('#bug [data-shortcut="e"]')) document.querySelector('#bug [data-shortcut="e"]').click();
    else if (b && e.key === 'm' && document.getElementById('new-comment-content')) focusComment();
    else handled = false;
    if (handled) e.preventDefault();
  });

  // the header's palette button (a hint on devices with a keyboard)
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-palette]')) { e.preventDefault(); open(); }
  });

  // hints only where there is a keyboard (a phone or tablet shows none)
  var TOUCH = window.matchMedia('(hover: none) and (pointer: coarse)').matches;
  function hints() {
    if (TOUCH) return;
    document.querySelectorAll('[data-palette][hidden]').forEach(function (b) { b.hidden = false; });
    document.querySelectorAll('[data-mod]').forEach(function (k) { k.textContent = MOD; });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hints); else hints();

  window.fixpointKeys = { open: open, sheet: openSheet };
})();
