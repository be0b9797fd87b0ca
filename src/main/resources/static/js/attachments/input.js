// Files come in from anywhere on the page: dragged (an overlay says where they go), pasted (a screenshot), picked
// with a file input, or "u" to open the picker (the app's other shortcuts live in app.js). Files dropped or pasted
// in a comment form wait for that comment; any others upload to the bug at once, or wait on the new-bug form.
import { dropTarget, el } from './page.js';
import { uploadList } from './rows.js';
import { send } from './upload.js';
import { named } from './pending.js';
import { show } from './panel.js';
import { queueForNewBug } from './new-bug.js';
import { commentQueueOf, queueForComment } from './comment-files.js';

let depth = 0; // dragenter/dragleave pairs: the overlay goes when the drag has left the page

/** Uploads files to the current page's bug (or queues them on the new-bug form). */
function attach(files) {
  const target = dropTarget();
  if (!target || !files.length) return;
  if (target.hasAttribute('data-attach-after-create')) {
    queueForNewBug(target, files);
    return;
  }
  const list = uploadList(target);
  named(files).forEach(({ file, name }) => {
    send(file, name, target.getAttribute('data-upload-url'), list).then(show, () => {});
  });
}

/** Files that arrived at {@code where}: its comment form's queue, or the page's drop target. */
function route(where, files) {
  const queue = commentQueueOf(where);
  if (queue) queueForComment(queue, files);
  else attach(files);
}

function hasFiles(e) {
  const types = e.dataTransfer && e.dataTransfer.types;
  return !!types && Array.prototype.includes.call(types, 'Files');
}

function overlay(on) {
  const target = dropTarget();
  let o = document.getElementById('att-drop-overlay');
  if (on && target && !o) {
    o = el('div', 'att-drop-overlay');
    o.id = 'att-drop-overlay';
    o.appendChild(el('div', 'att-drop-box', target.getAttribute('data-drop-label') || 'Drop files to attach them'));
    document.body.appendChild(o);
  }
  else if (!on && o) {
    o.remove();
  }
}

const dragsFiles = e => hasFiles(e) && !!dropTarget();

export function onDragEnter(e) {
  if (!dragsFiles(e)) return;
  depth++;
  overlay(true);
}

export function onDragLeave(e) {
  if (!dragsFiles(e)) return;
  depth = Math.max(0, depth - 1);
  if (depth === 0) overlay(false);
}

export function onDragOver(e) {
  if (!dragsFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
}

export function onDrop(e) {
  if (!dragsFiles(e)) return;
  e.preventDefault();
  depth = 0;
  overlay(false);
  route(e.target, e.dataTransfer.files);
}

export function onPaste(e) {
  const files = e.clipboardData && e.clipboardData.files;
  if (!files || !files.length || !dropTarget()) return;
  e.preventDefault();
  route(e.target, files);
}

/** The change listener of the file inputs: the panel's or new-bug form's picker, or a comment form's. */
export function onPick(e) {
  const input = e.target;
  if (!input.matches || !input.matches('input[type=file][data-attach-input], input[type=file][data-comment-files]')) return;
  const files = Array.from(input.files);
  input.value = '';
  route(input, files);
}

/** "u" opens the file picker, unless the user is typing or a dialog is open. */
export function onShortcut(e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key !== 'u') return;
  const tag = (e.target.tagName || '').toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || e.target.isContentEditable) return;
  const input = document.querySelector('input[type=file][data-attach-input]');
  if (input && !document.querySelector('dialog[open]')) {
    e.preventDefault();
    input.click();
  }
}
