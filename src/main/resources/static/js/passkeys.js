// Passkeys (WebAuthn) in the browser: registers one from the security page and signs in with one from the sign-in
// page or sign-in's second step. Markup: a button or form with data-passkey="register" | "sign-in" and
// data-options / data-action (the two URLs of the ceremony); a [data-passkey-error] element next to it shows failures.
// The server keeps the ceremony's challenge in the session; the JSON follows Spring Security's WebAuthn format
// (binary fields as base64url). Without WebAuthn in the browser the controls stay hidden.
(function () {
  'use strict';

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer), raw = '';
    for (var i = 0; i < bytes.length; i++) { raw += String.fromCharCode(bytes[i]); }
    return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function headers() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var csrf = document.body.getAttribute('hx-headers');
    if (csrf) { Object.assign(h, JSON.parse(csrf)); }
    return h;
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers(),
      body: body === undefined ? '{}' : JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) { throw new Error(json.detail || json.error || ('HTTP ' + response.status)); }
          return json;
        });
      });
  }

  function descriptors(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: toBytes(c.id) }); });
  }

  function register(el) {
    var labelInput = el.querySelector('[name=label]');
    var label = labelInput ? labelInput.value.trim() : '';
    return post(el.dataset.options).then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.user = Object.assign({}, options.user, { id: toBytes(options.user.id) });
      options.excludeCredentials = descriptors(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(el.dataset.action, {
        label: label,
        credential: {
          id: credential.id,
          rawId: toBase64url(credential.rawId),
          type: credential.type,
          response: {
            attestationObject: toBase64url(response.attestationObject),
            clientDataJSON: toBase64url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        }
      });
    });
  }

  function signIn(el) {
    return post(el.dataset.options).then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.allowCredentials = descriptors(options.allowCredentials);
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      var remember = document.querySelector('[name=remember]');
      return post(el.dataset.action, {
        remember: !!(remember && remember.checked),
        credential: {
          id: credential.id,
          rawId: toBase64url(credential.rawId),
          type: credential.type,
          response: {
            authenticatorData: toBase64url(response.authenticatorData),
            clientDataJSON: toBase64url(response.clientDataJSON),
            signature: toBase64url(response.signature),
            userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        }
      });
    });
  }

  // Loads the page the server sent us to. Assigning a URL that differs from this page's only by its #fragment
  // (a passkey registered on the security page goes back to /settings/security#passkeys) would only scroll, and the
  // new passkey would not be listed: the same document is reloaded instead.
  function go(url) {
    var target = new URL(url, window.location.href);
    var here = new URL(window.location.href);
    target.hash = here.hash = '';
    if (target.href !== here.href) {
      window.location.assign(url);
      return;
    }
    if (url.indexOf('#') >= 0) {
      window.history.replaceState(null, '', url);
    }
    window.location.reload();
  }

  function start(el, event) {
    event.preventDefault();
    var error = el.parentElement.querySelector('[data-passkey-error]');
    if (error) { error.hidden = true; }
    var run = el.dataset.passkey === 'register' ? register : signIn;
    run(el).then(function (result) {
      go(result.redirect || window.location.href);
    }).catch(function (err) {
      if (!error) { return; }
      error.textContent = err && err.name === 'NotAllowedError'
        ? 'The passkey prompt was closed or timed out.' : (err && err.message) || 'That did not work.';
      error.hidden = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var supported = !!(window.PublicKeyCredential && navigator.credentials);
    document.querySelectorAll('[data-passkey]').forEach(function (el) {
      if (!supported) { return; }
      el.hidden = false;
      el.addEventListener(el.tagName === 'FORM' ? 'submit' : 'click', function (event) { start(el, event); });
    });
  });
})();
