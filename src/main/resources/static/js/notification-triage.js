// Keyboard triage of the notification center: j/k move between bugs, e marks the current one done (or back to the
// inbox in Snoozed and Done), s snoozes it until tomorrow, Enter or o opens its bug. Without JavaScript the
// buttons of each bug do the same.
(function () {
  var current = 0;

  function groups() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-triage] [data-triage-group]'));
  }

  function focus(index) {
    var all = groups();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (g, i) { g.classList.toggle('is-current', i === current); });
    all[current].focus({ preventScroll: false });
  }

  function click(selector) {
    var all = groups();
    var group = all[current];
    if (!group) return;
    var button = group.querySelector(selector);
    if (button) button.click();
  }

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (!document.querySelector('[data-triage]')) return;
    switch (e.key) {
      case 'j': focus(current + (document.querySelector('.notif-group.is-current') ? 1 : 0)); break;
      case 'k': focus(current - 1); break;
      case 'e': click('[data-triage-done]'); break;
      case 's': click('[data-triage-snooze]'); break;
      case 'o': case 'Enter':
        if (t && t.matches && t.matches('a, button, summary')) return;
        click('[data-triage-open]'); break;
      default: return;
    }
    e.preventDefault();
  });

  // after a triage action the list is replaced: keep the place in it
  document.addEventListener('htmx:load', function (e) {
    if (e.target && e.target.id === 'notification-list' && document.querySelector('.notif-group')) {
      focus(current);
    }
  });
})();
