// Attachments in the browser (the entry module, loaded by layout/page.jte): drop files anywhere on a bug page or the
// new-bug form, paste a screenshot or pick files; each uploads with a progress bar, or says why the server refused
// it. Thumbnails open in a lightbox and the annotation editor. This file only wires the page's events to the
// modules next to it; without JavaScript the panel's plain multipart form still works.
// Loaded async: fetching the modules does not hold back DOMContentLoaded, so htmx starts as early as without them.
import { panel } from './page.js';
import { adoptUnfinished } from './upload.js';
import { refreshPanel, placeCommentAttachments } from './panel.js';
import { onDragEnter, onDragLeave, onDragOver, onDrop, onPaste, onPick, onShortcut } from './input.js';
import { onSubmit as onNewBugSubmit } from './new-bug.js';
import { onCommentAdded } from './comment-files.js';
import { onThumbnailClick } from './lightbox.js';
import { onAnnotateButton } from './annotate.js';

/** Enhanced pages hide the no-JavaScript upload button and show what needs JavaScript. */
function enhance() {
  document.querySelectorAll('[data-nojs-only]').forEach(e => { e.hidden = true; });
  document.querySelectorAll('[data-js-only][hidden]').forEach(e => { e.hidden = false; });
}

/** After any htmx swap: keep what the swap took away (waiting lists keep themselves: hx-preserve). */
function afterSettle(e) {
  // a re-rendered activity or comment lost the files moved under its comments: ask for the panel again
  const swapped = e.detail && e.detail.target;
  if (swapped && (swapped.id === 'bug-activity' || (swapped.classList && swapped.classList.contains('comment')))) {
    refreshPanel();
  }
  const p = panel();
  if (p) {
    adoptUnfinished(p);
    placeCommentAttachments();
  }
  enhance();
}

[
  ['submit', onNewBugSubmit],
  ['commentAdded', onCommentAdded],
  ['dragenter', onDragEnter],
  ['dragleave', onDragLeave],
  ['dragover', onDragOver],
  ['drop', onDrop],
  ['paste', onPaste],
  ['change', onPick],
  ['keydown', onShortcut],
  ['click', onThumbnailClick],
  ['click', onAnnotateButton],
  ['htmx:afterSettle', afterSettle]
].forEach(([type, listener]) => document.addEventListener(type, listener));

// the page (and perhaps the panel htmx loaded) may be there already
function ready() {
  placeCommentAttachments();
  enhance();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
else ready();
