// Files for a comment wait in its form (a new comment or a reply) and upload once the comment exists: bugs'
// CommentController names it in an "HX-Trigger: commentAdded" header. Then htmx loads the panel again, which lists
// the files under their comment.
import { panel } from './page.js';
import { uploadList } from './rows.js';
import { hold, waitingIn, sendInTurn } from './pending.js';
import { refreshPanel } from './panel.js';

/** The waiting-files list of the comment form {@code el} is in, if that form takes files. */
export function commentQueueOf(el) {
  const form = el && el.closest && el.closest('form.comment-form');
  return form && form.querySelector('[data-comment-queue]');
}

export function queueForComment(list, files) {
  hold(list, files, 'Uploads with the comment');
}

/** The commentAdded listener: htmx fires it on the form that was posted, before swapping in the new activity. */
export function onCommentAdded(e) {
  const rows = waitingIn(commentQueueOf(e.target));
  const p = panel();
  if (!rows.length || !e.detail || !e.detail.id || !p || !p.hasAttribute('data-upload-url')) return;
  rows.forEach(row => row.remove()); // the form is empty again; the files show in the panel as they upload
  const url = p.getAttribute('data-upload-url') + '?comment_id=' + encodeURIComponent(e.detail.id);
  sendInTurn(rows, url, uploadList(p)).then(refreshPanel);
}
