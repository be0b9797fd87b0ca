// Board drag & drop. Without this file every card still moves through its "Move to…" form.
// A card carries the statuses the server allows it to move to (data-targets) and the fields a move still needs
// (data-needs="resolved:resolution closed:verified_by"); only those columns light up while dragging.
(function () {
  var BOARD = '#board';
  var dragged = null;

  function needsOf(card, status) {
    var needs = (card.getAttribute('data-needs') || '').split(' ');
    for (var i = 0; i < needs.length; i++) {
      var parts = needs[i].split(':');
      if (parts[0] === status && parts[1]) return parts[1].split(',');
    }
    return [];
  }

  function targetsOf(card) {
    return (card.getAttribute('data-targets') || '').split(' ').filter(Boolean);
  }

  function toast(message, error) {
    if (window.fixpointToast) window.fixpointToast(message, { error: error });
  }

  function clearTargets() {
    document.querySelectorAll('.board-col.is-drop-target, .board-col.is-over').forEach(function (c) {
      c.classList.remove('is-drop-target', 'is-over');
    });
    var board = document.querySelector(BOARD);
    if (board) board.classList.remove('is-dragging');
  }

  // Posts the card's move form (plus fields from the dialog) and swaps in the columns the server sends back.
  function move(card, status, extra) {
    var form = card.querySelector('form.board-move');
    if (!form) return;
    var data = new FormData(form);
    data.set('status', status);
    if (extra) extra.forEach(function (value, key) { data.set(key, value); });
    var column = document.querySelector('.board-col[data-status="' + status + '"] .board-cards');
    if (column) column.appendChild(card); // optimistic; the server's answer replaces the board anyway
    card.classList.add('is-moving');
    fetch(form.action, { method: 'POST', body: new URLSearchParams(data), headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector(BOARD);
        var current = document.querySelector(BOARD);
        if (!fresh || !current) { window.location.reload(); return; }
        current.replaceWith(fresh);
        var notice = fresh.querySelector('[data-board-notice]');
        if (notice) {
          toast(notice.textContent.trim(), notice.getAttribute('data-board-notice') === 'error');
          if (notice.getAttribute('data-board-notice') === 'ok') notice.remove();
        }
      })
      .catch(function () { toast('Could not reach the server; the card was not moved.', true); window.location.reload(); });
  }

  // The shared dialog (move-dialog.js) asks for the fields; without it the server asks on the page.
  function ask(card, status, fields) {
    var column = document.querySelector('.board-col[data-status="' + status + '"] h2');
    var asked = window.fixpointMoveDialog && window.fixpointMoveDialog.ask(card.getAttribute('data-bug'),
      column ? column.textContent.trim() : status, fields, function (data) { move(card, status, data); });
    if (!asked) move(card, status);
  }

  function request(card, status) {
    if (targetsOf(card).indexOf(status) < 0) return;
    var fields = needsOf(card, status);
    if (fields.length) ask(card, status, fields); else move(card, status);
  }

  document.addEventListener('dragstart', function (e) {
    var card = e.target.closest && e.target.closest('.board-card[draggable="true"]');
    if (!card) return;
    dragged = card;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.getAttribute('data-bug'));
    var board = document.querySelector(BOARD);
    if (board) board.classList.add('is-dragging');
    card.classList.add('is-dragged');
    targetsOf(card).forEach(function (status) {
      var col = document.querySelector('.board-col[data-status="' + status + '"]');
      if (col) col.classList.add('is-drop-target');
    });
  });

  document.addEventListener('dragend', function () {
    if (dragged) dragged.classList.remove('is-dragged');
    dragged = null;
    clearTargets();
  });

  document.addEventListener('dragover', function (e) {
    var col = dragged && e.target.closest && e.target.closest('.board-col.is-drop-target');
    if (!col) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    document.querySelectorAll('.board-col.is-over').forEach(function (c) { if (c !== col) c.classList.remove('is-over'); });
    col.classList.add('is-over');
  });

  document.addEventListener('drop', function (e) {
    var col = dragged && e.target.closest && e.target.closest('.board-col.is-drop-target');
    if (!col) return;
    e.preventDefault();
    var card = dragged;
    clearTargets();
    request(card, col.getAttribute('data-status'));
  });

  // The "Move to…" form: same path as a drop, so required fields are asked for in the dialog.
  document.addEventListener('submit', function (e) {
    var form = e.target.closest && e.target.closest('form.board-move');
    if (!form) return;
    e.preventDefault();
    var status = form.querySelector('select[name="status"]').value;
    if (status) request(form.closest('.board-card'), status);
  });
})();
