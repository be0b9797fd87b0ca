// The portal's proof of work: find a nonce such that SHA-256("<challenge>:<nonce>") starts with `difficulty`
// zero bits, in small slices so the page stays responsive. Plain SHA-256 below (crypto.subtle needs HTTPS).
// Without JavaScript the form asks its arithmetic question instead.
(function () {
  'use strict';
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  // SHA-256 of an ASCII string; returns the first 32-bit word (enough to count up to 32 leading zero bits).
  function firstWord(text) {
    var n = text.length, blocks = ((n + 8) >> 6) + 1, w = new Array(blocks * 16).fill(0), i;
    for (i = 0; i < n; i++) w[i >> 2] |= text.charCodeAt(i) << (24 - (i % 4) * 8);
    w[n >> 2] |= 0x80 << (24 - (n % 4) * 8);
    w[blocks * 16 - 1] = n * 8;
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var m = new Array(64);
    for (var b = 0; b < blocks; b++) {
      for (i = 0; i < 16; i++) m[i] = w[b * 16 + i];
      for (i = 16; i < 64; i++) {
        var x = m[i - 15], y = m[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        m[i] = (m[i - 16] + s0 + m[i - 7] + s1) | 0;
      }
      var a = h[0], c = h[1], d = h[2], e = h[3], f = h[4], g = h[5], k = h[6], l = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
        var t1 = (l + S1 + ((f & g) ^ (~f & k)) + K[i] + m[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & c) ^ (a & d) ^ (c & d))) | 0;
        l = k; k = g; g = f; f = (e + t1) | 0; e = d; d = c; c = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + c) | 0; h[2] = (h[2] + d) | 0; h[3] = (h[3] + e) | 0;
      h[4] = (h[4] + f) | 0; h[5] = (h[5] + g) | 0; h[6] = (h[6] + k) | 0; h[7] = (h[7] + l) | 0;
    }
    return h[0] >>> 0;
  }

  function solve(form) {
    var challengeInput = form.querySelector('input[name="challenge"]');
    var nonceInput = form.querySelector('input[name="nonce"]');
    var fallback = form.querySelector('[data-pow-fallback]');
    var status = form.querySelector('[data-pow-status]');
    if (!challengeInput || !nonceInput) return;
    var bits = parseInt(challengeInput.getAttribute('data-difficulty'), 10) || 16;
    var limit = Math.pow(2, 32 - Math.min(bits, 31));
    var prefix = challengeInput.value + ':';
    var nonce = 0, solved = false, waiting = false;
    if (fallback) fallback.hidden = true; // the browser does the check instead of the person
    if (status) { status.hidden = false; status.textContent = 'Preparing the form…'; }
    function slice() {
      var end = nonce + 4000;
      for (; nonce < end; nonce++) {
        if (firstWord(prefix + nonce) < limit) {
          nonceInput.value = String(nonce);
          solved = true;
          if (status) status.textContent = 'Ready to send.';
          if (waiting) form.requestSubmit ? form.requestSubmit() : form.submit();
          return;
        }
      }
      setTimeout(slice, 0);
    }
    form.addEventListener('submit', function (event) {
      if (!solved) { event.preventDefault(); waiting = true; if (status) status.textContent = 'One moment…'; }
    });
    setTimeout(slice, 0);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-pow]').forEach(solve);
  });
})();
