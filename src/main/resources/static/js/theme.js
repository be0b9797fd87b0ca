// Applied before first paint so a dark-mode user never sees a white flash.
(function () {
  document.documentElement.classList.add('js'); // CSS shows JavaScript-only controls (e.g. Write/Preview tabs)
  var t = localStorage.getItem('fixpoint-theme');
  if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
})();
