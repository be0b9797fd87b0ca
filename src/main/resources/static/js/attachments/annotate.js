// "Annotate", next to an image or in the lightbox, opens the annotation editor on the image; the copy drawn there
// uploads like any file (to the image's annotate URL, which links it to its original) and joins the panel. The
// editor is only fetched when it is first needed.
import { send } from './upload.js';
import { show } from './panel.js';

export function annotate(link) {
  if (!link) return;
  const url = link.getAttribute('data-annotate-url');
  import('./editor.js').then(editor => editor.open({
    src: link.getAttribute('href'),
    name: link.getAttribute('data-name') || 'image.png',
    save: (blob, name, progressHost) => send(blob, name, url, progressHost).then(html => {
      const item = show(html);
      if (item) {
        item.classList.add('is-new');
        item.scrollIntoView({ block: 'nearest' });
      }
      return item;
    })
  }));
}

/** The click listener for the "Annotate" buttons next to images ([data-annotate-button] names the item). */
export function onAnnotateButton(e) {
  const button = e.target.closest && e.target.closest('[data-annotate-button]');
  if (!button) return;
  const link = document.querySelector('#' + button.getAttribute('data-annotate-button') + ' a[data-lightbox]');
  if (link) annotate(link);
}
