// The bug's attachments panel: htmx puts a freshly uploaded item into it (htmx.swap) or asks for the whole panel
// again (htmx.ajax); files attached to a comment, listed in the panel, move under their comment.
import { panel } from './page.js';

/**
 * Puts a freshly uploaded attachment (the server's item fragment) into the panel's gallery or file list and updates
 * the count; returns the item as it now stands in the page.
 */
export function show(html) {
  const p = panel();
  if (!p) return null;
  const item = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-attachment]');
  const list = item && p.querySelector(item.getAttribute('data-kind') === 'image' ? '[data-gallery]' : '[data-files]');
  if (!list) return null;
  document.getElementById(item.id)?.remove(); // already listed by a panel rendered meanwhile
  htmx.swap(list, html, { swapStyle: 'beforeend' }, { select: '[data-attachment]' });
  p.querySelectorAll('[data-when-empty]').forEach(e => { e.hidden = true; });
  list.hidden = false;
  const count = p.querySelector('[data-attachment-count]');
  if (count) count.textContent = String(p.querySelectorAll('[data-attachment]').length);
  return document.getElementById(item.id);
}

export function refreshPanel() {
  const p = panel();
  if (p && p.getAttribute('data-panel-url')) {
    htmx.ajax('GET', p.getAttribute('data-panel-url'), { target: '#' + p.id, swap: 'outerHTML' });
  }
}

/** Files attached to a comment are listed in the panel; with JavaScript they move under their comment. */
export function placeCommentAttachments() {
  document.querySelectorAll('[data-for-comment]').forEach(group => {
    const slot = document.querySelector('[data-comment-attachments="' + group.getAttribute('data-for-comment') + '"]');
    if (slot && group.parentNode !== slot) {
      slot.innerHTML = '';
      slot.appendChild(group);
      group.classList.add('is-placed');
    }
  });
}
