// Files that wait in the browser until what they belong to exists: the bug being filed on the new-bug form, or a
// comment being written. Each waits as a row of a list in the form, and the row holds its file: removing the row
// takes the file out of the queue, and the list (hx-preserve) keeps them across htmx swaps of the form.
import { uploadRow } from './rows.js';
import { send } from './upload.js';

const waiting = new WeakMap(); // row -> { file, name }

/** The file's own name, or for a pasted screenshot (always "image.png") one with the time in it. */
function uniqueName(file, i) {
  if (file.name && file.name !== 'image.png') return file.name;
  const d = new Date();
  const two = n => (n < 10 ? '0' : '') + n;
  const stamp = d.getFullYear() + two(d.getMonth() + 1) + two(d.getDate()) + '-' + two(d.getHours())
    + two(d.getMinutes()) + two(d.getSeconds());
  const ext = (file.type.split('/')[1] || 'png').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
  return 'screenshot-' + stamp + (i ? '-' + (i + 1) : '') + '.' + ext;
}

/** Names each of {@code files}: what {@code send} is given (pasted screenshots get unique names). */
export function named(files) {
  return Array.from(files, (file, i) => ({ file, name: uniqueName(file, i) }));
}

/** Adds {@code files} to {@code list} as waiting rows, each saying {@code note} and with a button to remove it. */
export function hold(list, files, note) {
  named(files).forEach(entry => {
    const row = uploadRow(list, entry.name, entry.file.size);
    row.querySelector('.att-upload-status').textContent = note;
    row.querySelector('progress').hidden = true;
    const remove = row.querySelector('.att-upload-close');
    remove.hidden = false;
    remove.setAttribute('aria-label', 'Remove ' + entry.name);
    waiting.set(row, entry);
  });
}

/** The rows of files waiting in {@code list} (none without a list), in the order they were added. */
export function waitingIn(list) {
  return list ? Array.from(list.children).filter(row => waiting.has(row)) : [];
}

/**
 * Uploads the files of {@code rows} to {@code url} one after another; each row gives way to its upload's row in
 * {@code list} when its turn comes. Resolves with the number of files that were refused.
 */
export async function sendInTurn(rows, url, list) {
  let failed = 0;
  for (const row of rows) {
    const { file, name } = waiting.get(row);
    row.remove();
    await send(file, name, url, list).catch(() => { failed++; });
  }
  return failed;
}
