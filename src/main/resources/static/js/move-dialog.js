// The one dialog that asks for the fields a status change needs (resolution, "verified by me", …), for the
// board's cards and the bug page's status buttons alike. Without this file, or without <dialog>, the server
// asks on the page instead: a status button whose transition needs fields is then a link to that form.
(function () {
  if (window.fixpointMoveDialog) return; // loaded again by an htmx swap of the bug page
  var DIALOG = 'move-dialog';

  function dialog() {
    var d = document.getElementById(DIALOG);
    return d && typeof d.showModal === 'function' ? d : null;
  }

  // "Duplicate of" only matters for the Duplicate resolution.
  function syncDuplicate(root) {
    root.querySelectorAll('[data-duplicate-of]').forEach(function (box) {
      var field = box.closest('[data-field]');
      var select = field && field.querySelector('[data-resolution]');
      var on = !!select && select.value === 'duplicate' && !select.disabled;
      box.hidden = !on;
      box.querySelectorAll('input').forEach(function (input) { input.disabled = !on; input.required = on; });
    });
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-resolution]')) syncDuplicate(e.target.closest('form') || document);
  });
  document.addEventListener('DOMContentLoaded', function () { syncDuplicate(document); });

  // Asks for {fields} (names of move-fields) to move {bug} to {statusName}; calls done(FormData) once filled in.
  // Returns false when there is no dialog to ask with.
  function ask(bug, statusName, fields, done) {
    var d = dialog();
    if (!d) return false;
    d.querySelector('[data-dialog-bug]').textContent = bug;
    d.querySelector('[data-dialog-status]').textContent = statusName;
    d.querySelectorAll('[data-field]').forEach(function (box) {
      var on = fields.indexOf(box.getAttribute('data-field')) >= 0;
      box.hidden = !on;
      box.querySelectorAll('input, select, textarea').forEach(function (input) { input.disabled = !on; });
    });
    syncDuplicate(d);
    var form = d.querySelector('form');
    form.onsubmit = function (e) {
      e.preventDefault();
      if (!form.reportValidity()) return;
      var data = new FormData(form);
      d.close();
      done(data);
    };
    d.querySelector('[data-dialog-cancel]').onclick = function () { d.close(); };
    d.showModal();
    var first = d.querySelector('[data-field]:not([hidden]) input, [data-field]:not([hidden]) select, [data-field]:not([hidden]) textarea');
    if (first) first.focus();
    return true;
  }
  window.fixpointMoveDialog = { ask: ask };

  // Bug page: a status button whose transition needs fields opens the dialog, then posts its form with them.
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-move-needs]');
    if (!link) return;
    var form = document.getElementById(link.getAttribute('data-move-form'));
    if (!form) return;
    var asked = ask(link.getAttribute('data-move-bug'), link.getAttribute('data-move-name'),
      link.getAttribute('data-move-needs').split(','), function (data) {
        form.querySelectorAll('input[data-asked]').forEach(function (i) { i.remove(); });
        data.forEach(function (value, name) {
          var input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          input.setAttribute('data-asked', '');
          form.appendChild(input);
        });
        form.requestSubmit();
      });
    if (asked) e.preventDefault();
  });
})();
