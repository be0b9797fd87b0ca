// Small progressive enhancements; every page works without this file.
(function () {
  function currentTheme() {
    var t = document.documentElement.getAttribute('data-theme');
    if (t) return t;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.addEventListener('click', function (e) {
    var toggle = e.target.closest('#theme-toggle, [data-theme-toggle]');
    if (toggle) {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      localStorage.setItem('fixpoint-theme', next);
    }
    // close open menus when clicking elsewhere
    document.querySelectorAll('details.switcher[open], details.user-menu[open]').forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute('open');
    });
  });

  // Phones: the header's search sits behind an icon (a link to /search without JavaScript); the list's filters
  // fold behind a button, the active ones shown as chips above the results.
  var PHONE = window.matchMedia('(max-width: 640px)');
  document.addEventListener('click', function (e) {
    var open = e.target.closest('[data-search-toggle]');
    var form = document.getElementById('quick-search-form');
    if (open && form && PHONE.matches) {
      e.preventDefault();
      var on = !document.body.classList.contains('search-open');
      document.body.classList.toggle('search-open', on);
      open.setAttribute('aria-expanded', String(on));
      if (on) document.getElementById('quick-search').focus();
    } else if (!open && form && document.body.classList.contains('search-open') && !e.target.closest('#quick-search-form')) {
      document.body.classList.remove('search-open');
    }
    var fold = e.target.closest('[data-filter-toggle]');
    if (fold) {
      var filters = document.getElementById(fold.getAttribute('aria-controls'));
      var folded = filters.classList.toggle('is-folded');
      fold.setAttribute('aria-expanded', String(!folded));
    }
  });
  function foldFilters() {
    document.querySelectorAll('[data-filter-toggle]').forEach(function (fold) {
      var filters = document.getElementById(fold.getAttribute('aria-controls'));
      if (!filters) return;
      fold.hidden = false;
      filters.classList.add('is-folded');
      fold.setAttribute('aria-expanded', 'false');
    });
  }
  document.addEventListener('DOMContentLoaded', foldFilters);

  // Keyboard shortcuts: "c" new bug, "/" focus the filter box, "j"/"k" move in lists, "Enter" opens,
  // "a" assigns the selected row to me (triage).
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || e.target.isContentEditable) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (e.key === 'c') {
      var link = document.querySelector('[data-shortcut="c"]');
      if (link) { e.preventDefault(); window.location = link.href; }
    } else if (e.key === '/') {
      // the page's own search box if it has one, otherwise the header's quick search
      var box = document.querySelector('[data-shortcut="/"]') || document.getElementById('quick-search');
      if (box) { e.preventDefault(); box.focus(); }
    } else if (e.key === 'j' || e.key === 'k') {
      var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row-link]'));
      if (!rows.length) return;
      var i = rows.indexOf(document.querySelector('[data-row-link].is-cursor'));
      rows.forEach(function (r) { r.classList.remove('is-cursor'); r.removeAttribute('aria-current'); });
      i = e.key === 'j' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1);
      rows[i].classList.add('is-cursor');
      rows[i].setAttribute('aria-current', 'true'); // tells screen readers (and tests) which row Enter opens
      rows[i].scrollIntoView({ block: 'nearest' });
      e.preventDefault();
    } else if (e.key === 'a') {
      // triage: assign the selected row to me; the cursor moves on to the next row
      var row = document.querySelector('[data-row-link].is-cursor');
      var assign = row && row.querySelector('[data-assign-me]');
      if (!assign) return;
      e.preventDefault();
      var next = row.nextElementSibling || row.previousElementSibling;
      row.classList.remove('is-cursor');
      if (next) next.classList.add('is-cursor');
      assign.click();
    } else if (e.key === 'Enter') {
      var cur = document.querySelector('[data-row-link].is-cursor');
      if (cur) { window.location = cur.getAttribute('data-row-link'); }
    }
  });

  // Header quick search: arrow keys move through the hits, Enter opens the chosen one, Escape closes the list.
  function quickHits() {
    return Array.prototype.slice.call(document.querySelectorAll('#quick-results .quick-hit'));
  }
  function closeQuick(input) {
    var results = document.getElementById('quick-results');
    if (results) results.innerHTML = '';
    input.setAttribute('aria-expanded', 'false');
  }
  document.addEventListener('keydown', function (e) {
    var input = e.target;
    if (input.id !== 'quick-search') return;
    var hits = quickHits();
    var current = hits.indexOf(document.querySelector('#quick-results .quick-hit.is-cursor'));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      var i = e.key === 'ArrowDown' ? Math.min(hits.length - 1, current + 1) : Math.max(0, current - 1);
      hits.forEach(function (h) { h.classList.remove('is-cursor'); h.removeAttribute('aria-selected'); });
      hits[i].classList.add('is-cursor');
      hits[i].setAttribute('aria-selected', 'true');
      if (!hits[i].id) hits[i].id = 'quick-hit-' + i;
      input.setAttribute('aria-activedescendant', hits[i].id);
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault();
      window.location = hits[current].href;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeQuick(input);
      input.blur();
    }
  }, true);
  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.target.id !== 'quick-results') return;
    var input = document.getElementById('quick-search');
    if (input) input.setAttribute('aria-expanded', quickHits().length ? 'true' : 'false');
  });
  document.addEventListener('click', function (e) {
    var input = document.getElementById('quick-search');
    if (input && !e.target.closest('.quick-search')) closeQuick(input);
  });

  // Bug list bulk bar: shown once a bug is checked (always shown without JavaScript); "select all on this page".
  function syncBulk() {
    var bar = document.querySelector('[data-bulk-bar]');
    if (!bar) return;
    var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="ids"][form="' + bar.id + '"]'));
    var n = boxes.filter(function (b) { return b.checked; }).length;
    bar.hidden = n === 0;
    var count = bar.querySelector('[data-bulk-count]');
    if (count) count.textContent = n + (n === 1 ? ' bug selected' : ' bugs selected');
    var all = document.querySelector('[data-select-all]');
    if (all) {
      all.hidden = false;
      all.checked = n > 0 && n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
    }
  }
  document.addEventListener('DOMContentLoaded', syncBulk);
  document.addEventListener('htmx:afterSettle', syncBulk);
  document.addEventListener('change', function (e) {
    if (e.target.matches('[data-select-all]')) {
      var bar = document.querySelector('[data-bulk-bar]');
      if (!bar) return;
      document.querySelectorAll('input[name="ids"][form="' + bar.id + '"]').forEach(function (b) {
        b.checked = e.target.checked;
      });
      syncBulk();
    } else if (e.target.name === 'ids') {
      syncBulk();
    }
  });

  // New project: suggest a key from the name ("Web Shop" -> "WS", "Backend" -> "BACK") until the key is edited.
  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('form[data-key-suggest]');
    if (!form) return;
    var key = form.querySelector('[name="key"]');
    if (e.target === key) { key.dataset.edited = key.value ? 'true' : ''; key.value = key.value.toUpperCase(); return; }
    if (e.target.name !== 'name' || !key || key.dataset.edited) return;
    var words = e.target.value.toUpperCase().normalize('NFKD').replace(/[^A-Z0-9 ]+/g, ' ').trim().split(/ +/)
      .filter(function (w) { return w; });
    var suggestion = words.length > 1 ? words.map(function (w) { return w[0]; }).join('') : (words[0] || '').slice(0, 4);
    suggestion = suggestion.replace(/^[0-9]+/, '').slice(0, 10);
    key.value = suggestion.length >= 2 ? suggestion : '';
  });

  // Copy buttons (e.g. a new API token): hidden without JavaScript, since they need it.
  function enableCopyButtons() {
    document.querySelectorAll('[data-copy][hidden]').forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener('DOMContentLoaded', enableCopyButtons);
  document.addEventListener('htmx:afterSettle', enableCopyButtons);
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-copy]');
    if (!button || !navigator.clipboard) return;
    var source = document.querySelector(button.getAttribute('data-copy'));
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = 'Copy'; }, 2000);
    });
  });

  // Toasts: one region (#flash, bottom centre, clear of the navigation and the bug page's sidebar), at most
  // three at once (the oldest goes), each dismissed after a few seconds or by a click. Everything that shows a
  // toast calls this: HX-Trigger "flash" from the server, the board, live notifications.
  var MAX_TOASTS = 3;
  window.fixpointToast = function (text, options) {
    var flash = document.getElementById('flash');
    if (!flash || !text) return null;
    options = options || {};
    var toast = document.createElement(options.url ? 'a' : 'div');
    toast.className = 'toast' + (options.url ? ' toast-link' : '') + (options.error ? ' toast-error' : '');
    if (options.url) toast.href = options.url;
    toast.textContent = text;
    flash.appendChild(toast);
    while (flash.children.length > MAX_TOASTS) flash.firstElementChild.remove();
    var timer = setTimeout(function () { toast.remove(); }, options.error ? 8000 : 4000);
    if (!options.url) toast.addEventListener('click', function () { clearTimeout(timer); toast.remove(); });
    return toast;
  };
  document.body && document.body.addEventListener('flash', function (e) {
    var detail = e.detail || {};
    window.fixpointToast(typeof detail.value === 'string' ? detail.value : String(detail.value || detail || ''));
  });

  // Inline errors go away as soon as their field is valid again (the server checks again on submit).
  function clearFixedError(e) {
    var input = e.target;
    var field = input && input.closest && input.closest('.has-error');
    if (!field || !input.name) return;
    var filled = input.type === 'checkbox' || input.type === 'radio'
      ? !!field.querySelector('input:checked') : String(input.value || '').trim() !== '';
    if (!filled || (input.checkValidity && !input.checkValidity())) return;
    field.classList.remove('has-error');
    field.querySelectorAll('.field-error').forEach(function (p) { p.hidden = true; });
    field.querySelectorAll('[aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
    var form = input.form || field.closest('form');
    var summary = document.querySelector('[data-fix-summary]');
    if (summary && form && !form.querySelector('.has-error')) summary.hidden = true;
  }
  document.addEventListener('input', clearFixedError);
  document.addEventListener('change', clearFixedError);
})();
