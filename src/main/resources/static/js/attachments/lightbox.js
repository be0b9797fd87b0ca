// The lightbox: a thumbnail opens its image in a dialog; arrows walk through the page's images, Escape closes it,
// "Annotate" hands the image to the annotation editor. Without <dialog> the link opens the image.
import { annotate } from './annotate.js';

let box = null;
let shown = 0;
let links = [];

function lightbox() {
  if (box) return box;
  box = document.createElement('dialog');
  box.className = 'lightbox';
  box.setAttribute('aria-label', 'Image preview');
  box.innerHTML = '<div class="lightbox-bar"><span class="lightbox-title"></span><span class="spacer"></span>'
    + '<span class="lightbox-count muted small"></span>'
    + '<button type="button" class="btn btn-sm" data-lb-annotate>Annotate</button>'
    + '<a class="btn btn-sm" data-lb-open target="_blank" rel="noopener">Original</a>'
    + '<button type="button" class="icon-btn" data-lb-close aria-label="Close (Escape)">×</button></div>'
    + '<div class="lightbox-stage"><button type="button" class="lightbox-nav lightbox-prev" data-lb-prev aria-label="Previous image (←)">‹</button>'
    + '<img alt=""><button type="button" class="lightbox-nav lightbox-next" data-lb-next aria-label="Next image (→)">›</button></div>';
  document.body.appendChild(box);
  box.addEventListener('click', e => {
    if (e.target === box || e.target.closest('[data-lb-close]')) box.close();
    else if (e.target.closest('[data-lb-prev]')) showImage(shown - 1);
    else if (e.target.closest('[data-lb-next]')) showImage(shown + 1);
    else if (e.target.closest('[data-lb-annotate]')) {
      const link = links[shown];
      box.close();
      annotate(link);
    }
  });
  box.addEventListener('keydown', e => {
    if (e.key === 'ArrowLeft') { showImage(shown - 1); e.preventDefault(); }
    else if (e.key === 'ArrowRight') { showImage(shown + 1); e.preventDefault(); }
  });
  box.addEventListener('close', () => {
    const link = links[shown];
    if (link && link.isConnected) link.focus();
  });
  return box;
}

function showImage(i) {
  shown = (i + links.length) % links.length;
  const link = links[shown];
  const dialog = lightbox();
  const img = dialog.querySelector('img');
  img.src = link.getAttribute('href');
  img.alt = link.getAttribute('data-name') || '';
  dialog.querySelector('.lightbox-title').textContent = link.getAttribute('data-name') || '';
  dialog.querySelector('.lightbox-count').textContent = links.length > 1 ? (shown + 1) + ' / ' + links.length : '';
  dialog.querySelector('[data-lb-open]').href = link.getAttribute('href');
  dialog.querySelector('[data-lb-annotate]').hidden = !link.hasAttribute('data-annotate-url');
  dialog.querySelectorAll('.lightbox-nav').forEach(b => { b.hidden = links.length < 2; });
}

/** The click listener for thumbnails (a[data-lightbox]); a click with a modifier opens the link as usual. */
export function onThumbnailClick(e) {
  const link = e.target.closest && e.target.closest('a[data-lightbox]');
  if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  const dialog = lightbox();
  if (typeof dialog.showModal !== 'function') return; // no <dialog>: the link opens the image
  e.preventDefault();
  links = Array.from(document.querySelectorAll('a[data-lightbox]'));
  showImage(links.indexOf(link));
  dialog.showModal();
  dialog.querySelector('[data-lb-close]').focus();
}
