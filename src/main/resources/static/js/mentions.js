// @mention autocomplete for the markdown text areas of a page element with data-mentions="<suggest URL>".
// Typing "@" and letters lists matching project members; arrows move, Enter/Tab/click insert "@username ",
// Escape closes. Without this file the text just stays text (unknown names are not links either).
(function () {
  var TOKEN = /(^|[^\w@.])@([A-Za-z0-9][A-Za-z0-9_.-]{0,38})?$/;
  var menu = null, items = [], active = 0, area = null, start = 0, timer = null, asked = '';

  function close() {
    if (menu) menu.remove();
    menu = null; items = []; area = null;
  }

  function show(textarea, people) {
    if (menu) menu.remove();
    if (!people.length) { menu = null; items = []; return; }
    area = textarea; items = people; active = 0;
    menu = document.createElement('ul');
    menu.className = 'mention-menu';
    menu.setAttribute('role', 'listbox');
    people.forEach(function (p, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      var name = document.createElement('span'); name.textContent = p.name;
      var user = document.createElement('span'); user.className = 'muted'; user.textContent = '@' + p.username;
      li.appendChild(name); li.appendChild(user);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); insert(i); });
      menu.appendChild(li);
    });
    textarea.parentNode.insertBefore(menu, textarea.nextSibling);
    menu.style.top = (textarea.offsetTop + textarea.offsetHeight + 2) + 'px';
    menu.style.left = textarea.offsetLeft + 'px';
    highlight();
  }

  function highlight() {
    Array.prototype.forEach.call(menu.children, function (li, i) {
      li.classList.toggle('active', i === active);
      li.setAttribute('aria-selected', i === active ? 'true' : 'false');
    });
  }

  function insert(i) {
    var text = area.value, caret = area.selectionStart, chosen = '@' + items[i].username + ' ';
    area.value = text.slice(0, start) + chosen + text.slice(caret);
    area.selectionStart = area.selectionEnd = start + chosen.length;
    area.focus();
    area.dispatchEvent(new Event('keyup', { bubbles: true })); // refresh the live preview
    close();
  }

  document.addEventListener('input', function (e) {
    var t = e.target;
    if (t.tagName !== 'TEXTAREA') return;
    var host = t.closest('[data-mentions]');
    if (!host) return;
    var match = TOKEN.exec(t.value.slice(0, t.selectionStart));
    if (!match) { close(); return; }
    start = t.selectionStart - (match[2] || '').length - 1;
    var q = match[2] || '';
    clearTimeout(timer);
    timer = setTimeout(function () {
      asked = q;
      fetch(host.getAttribute('data-mentions') + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (people) { if (asked === q && document.activeElement === t) show(t, people); })
        .catch(close);
    }, 150);
  });

  document.addEventListener('keydown', function (e) {
    if (!menu || e.target !== area) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      highlight();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      insert(active);
    } else if (e.key === 'Escape') {
      close();
      e.stopPropagation();
    } else {
      return;
    }
    e.preventDefault();
  }, true);

  document.addEventListener('focusout', function (e) { if (e.target === area) close(); });
})();
