// Suggestions for the search query box: an input with data-suggest="<JSON URL>" asks it, while typing, for the
// fields and values that fit at the caret ({from, to, items: [{insert, label, hint}]}); arrows move, Enter or Tab
// (or a tap) put the choice in place of from..to, Escape closes. Without this file the box is a plain search box.
// Also: Enter in a box with data-key-jump on a bug key (WEB-42, web-42) loads the page without htmx, so the server
// can open that bug.
(function () {
  var KEY = /^\s*[A-Za-z][A-Za-z0-9]{1,9}-[1-9][0-9]{0,8}\s*$/;
  var menu = null, input = null, items = [], active = -1, range = null, timer = null, asked = 0, seq = 0;

  function close() {
    if (menu) menu.remove();
    if (input) { input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); }
    menu = null; items = []; active = -1;
  }

  function show(box, answer) {
    if (menu) menu.remove();
    menu = null;
    input = box; items = answer.items || []; range = answer; active = -1;
    if (!items.length) { close(); return; }
    menu = document.createElement('ul');
    menu.className = 'suggest-menu';
    menu.id = box.id + '-suggestions';
    menu.setAttribute('role', 'listbox');
    menu.setAttribute('aria-label', 'Suggestions');
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = menu.id + '-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var label = document.createElement('span'); label.className = 'suggest-label'; label.textContent = item.insert;
      li.appendChild(label);
      var hintText = item.label && item.label !== item.insert ? item.label : item.hint;
      if (hintText) {
        var hint = document.createElement('span'); hint.className = 'suggest-hint'; hint.textContent = hintText;
        li.appendChild(hint);
      }
      // mousedown keeps the focus in the box; click covers taps
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });
      li.addEventListener('click', function () { choose(i); });
      menu.appendChild(li);
    });
    box.parentNode.appendChild(menu);
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-controls', menu.id);
    box.setAttribute('aria-expanded', 'true');
  }

  function highlight(i) {
    active = i;
    Array.prototype.forEach.call(menu.children, function (li, n) {
      li.classList.toggle('active', n === i);
      li.setAttribute('aria-selected', n === i ? 'true' : 'false');
    });
    var li = menu.children[i];
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  function choose(i) {
    var item = items[i], box = input, text = box.value;
    var after = text.slice(range.to);
    var field = /:$/.test(item.insert);
    var chosen = item.insert + (field || /^\s/.test(after) ? '' : ' ');
    box.value = text.slice(0, range.from) + chosen + after;
    var caret = range.from + chosen.length;
    box.setSelectionRange(caret, caret);
    box.focus();
    close();
    if (field) ask(box); // straight on to the field's values
  }

  function ask(box) {
    clearTimeout(timer);
    var mine = ++seq;
    timer = setTimeout(function () {
      var url = box.getAttribute('data-suggest');
      url += (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(box.value) + '&caret=' + box.selectionStart;
      asked = mine;
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (answer) { if (asked === mine && document.activeElement === box) show(box, answer); })
        .catch(close);
    }, 120);
  }

  document.addEventListener('input', function (e) {
    if (!(e.target.matches && e.target.matches('input[data-suggest]'))) return;
    // the open menu answered the text before this change: choosing from it would put its value over the wrong range
    // (status: + "o" typed, Tab: "status:open o"), so it closes until the answer for this text arrives
    if (e.target === input) close();
    ask(e.target);
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.matches && e.target.matches('input[data-suggest]') && !e.target.value) ask(e.target);
  });
  document.addEventListener('focusout', function (e) { if (e.target === input) close(); });

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t.matches && t.matches('input[data-key-jump]') && e.key === 'Enter' && KEY.test(t.value) && t.form) {
      // a full page load: the server opens the bug (htmx would only swap the list)
      e.preventDefault();
      window.location.assign(t.form.action + '?q=' + encodeURIComponent(t.value.trim()));
      return;
    }
    if (!menu || t !== input) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      highlight((active + (e.key === 'ArrowDown' ? 1 : items.length - 1) + (active < 0 && e.key === 'ArrowUp' ? 1 : 0)) % items.length);
    } else if ((e.key === 'Enter' && active >= 0) || (e.key === 'Tab' && !e.shiftKey)) {
      choose(active < 0 ? 0 : active);
    } else if (e.key === 'Escape') {
      close();
      e.stopPropagation();
    } else {
      return;
    }
    e.preventDefault();
  }, true);
})();
