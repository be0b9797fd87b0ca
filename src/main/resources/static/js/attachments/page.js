// What the other modules need to know about this page: the bug's attachments panel, where dropped files go, the CSRF
// header htmx sends too, and a tiny element builder.

/** The bug's attachments panel, once htmx has loaded it. */
export function panel() {
  return document.querySelector('[data-attachments]');
}

/** The drop target of this page: a bug's panel that accepts uploads, or the new-bug form. */
export function dropTarget() {
  const p = panel();
  if (p && p.hasAttribute('data-upload-url')) return p;
  return document.querySelector('[data-attach-after-create]');
}

/** The headers htmx sends with every request (the CSRF token), from the body's hx-headers. */
export function csrfHeaders() {
  try {
    return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
  }
  catch (e) {
    return {};
  }
}

export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}
