// The rows of an upload list: one a file, with its name, size, a progress bar, a status line and a close button.
// upload.js fills them while a file uploads; pending.js uses them for files that wait.
import { el } from './page.js';

export function formatSize(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB';
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + ' MB';
}

/** The upload list of {@code host}, added at its end if the template has none. */
export function uploadList(host) {
  let list = host.querySelector('[data-upload-list]');
  if (!list) {
    list = el('ul', 'att-uploads');
    list.setAttribute('data-upload-list', '');
    host.appendChild(list);
  }
  return list;
}

export function uploadRow(list, name, size) {
  const row = el('li', 'att-upload');
  const bar = el('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-label', 'Uploading ' + name);
  const status = el('span', 'att-upload-status small', 'Waiting…');
  status.setAttribute('role', 'status');
  const close = el('button', 'icon-btn att-upload-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.hidden = true;
  close.addEventListener('click', () => row.remove());
  row.append(el('span', 'att-upload-name', name), el('span', 'att-upload-size muted small', formatSize(size)), bar,
    status, close);
  list.appendChild(row);
  return row;
}

/** Turns {@code row} into the message of a refused or impossible upload, with a button to dismiss it. */
export function fail(row, message) {
  row.classList.add('is-error');
  row.querySelector('progress').remove();
  const status = row.querySelector('.att-upload-status');
  status.textContent = message;
  status.setAttribute('role', 'alert');
  row.querySelector('.att-upload-close').hidden = false;
}
