// Email-first sign-in: an email whose organization requires single sign-on goes on to its
// provider at once. A new navigation, not a redirect from the form's POST: Chromium would not
// send the SameSite=Lax session cookie at the end of a POST-started chain through the provider.
document.addEventListener('DOMContentLoaded', function () {
  var link = document.querySelector('a[data-follow]');
  if (link) {
    window.location.assign(link.href);
  }
});
