// The unread count in the header, live over Server-Sent Events (no polling), and a toast for each new
// notification. Without JavaScript the bell is a plain link to the notification center.
(function () {
  var bell = document.getElementById('notification-bell');
  if (!bell || !window.EventSource) return;
  var badge = bell.querySelector('.bell-count');
  var source = new EventSource(bell.getAttribute('data-stream'));

  function show(count) {
    badge.hidden = count === 0;
    badge.textContent = count > 99 ? '99+' : String(count);
    bell.setAttribute('data-unread', String(count));
    bell.setAttribute('aria-label', count ? 'Notifications, ' + count + ' unread' : 'Notifications');
  }

  function toast(t) {
    if (window.fixpointToast) window.fixpointToast(t.text, { url: t.url });
  }

  source.addEventListener('unread', function (e) {
    var data;
    try { data = JSON.parse(e.data); } catch (err) { return; }
    show(data.count || 0);
    if (data.toast) {
      toast(data.toast);
      // on the notification center, show the new one in the list too
      var list = document.getElementById('notification-list');
      if (list && window.htmx) {
        htmx.ajax('GET', window.location.pathname + window.location.search, { target: list, swap: 'outerHTML' });
      }
    }
  });
  // EventSource reconnects by itself after network errors; close it when the page goes away
  window.addEventListener('pagehide', function () { source.close(); });
})();
