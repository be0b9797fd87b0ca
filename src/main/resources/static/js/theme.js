// Applied before first paint so a dark-mode user never sees a white flash.
(function () {
  var t = localStorage.getItem('fixpoint-theme');
  if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
})();
