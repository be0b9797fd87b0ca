// One file, one request: XMLHttpRequest, because its upload progress events drive the row's bar (fetch has none).
// The server decides everything (size, type, quota, roles); the checks here only save a pointless upload.
import { panel, dropTarget, csrfHeaders } from './page.js';
import { uploadList, uploadRow, fail, formatSize } from './rows.js';

let active = []; // rows of unfinished uploads, moved into a freshly rendered panel by adoptUnfinished

/** A readable message from a refused upload: problem+json (detail, field errors) or a small HTML fragment. */
function problemMessage(xhr) {
  const type = xhr.getResponseHeader('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const problem = JSON.parse(xhr.responseText);
      if (problem.errors && problem.errors.length) return problem.errors.map(e => e.message).join(' ');
      if (problem.detail) return problem.detail;
      if (problem.title) return problem.title;
    }
    catch (e) { /* fall through */ }
  }
  if (type.includes('html') && xhr.responseText) {
    const doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    const message = doc.querySelector('[data-upload-error]') || doc.querySelector('.error-message') || doc.body;
    const text = (message.textContent || '').replace(/\s+/g, ' ').trim();
    if (text && text.length < 400) return text;
  }
  if (xhr.status === 413) return 'The file is too large.';
  if (xhr.status === 403) return 'You are not allowed to attach files here.';
  if (xhr.status === 0) return 'Could not reach the server.';
  return 'The upload failed (' + xhr.status + ').';
}

/** Refuses what the server would refuse anyway; null when the file may go. */
function pointless(file) {
  const max = Number((panel() || dropTarget() || document.body).getAttribute('data-max-size') || 0);
  if (max && file.size > max) return 'Too large: ' + formatSize(file.size) + ' (at most ' + formatSize(max) + ' per file).';
  if (file.size === 0) return 'This file is empty.';
  return null;
}

/**
 * Uploads one file (a File or a Blob with a name) to {@code url} as the multipart part "file", with a row in
 * {@code list}; resolves with the server's HTML (the new attachment's item) or rejects after showing the message
 * in the row.
 */
export function send(file, name, url, list) {
  const row = uploadRow(list, name, file.size);
  active.push(row);
  return new Promise((resolve, reject) => {
    const done = () => { active = active.filter(r => r !== row); };
    const refusal = pointless(file);
    if (refusal) {
      done();
      fail(row, refusal);
      reject(new Error(refusal));
      return;
    }
    const data = new FormData();
    data.append('file', file, name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const headers = csrfHeaders();
    Object.keys(headers).forEach(h => xhr.setRequestHeader(h, headers[h]));
    xhr.setRequestHeader('HX-Request', 'true');
    xhr.setRequestHeader('Accept', 'text/html');
    const bar = row.querySelector('progress');
    const status = row.querySelector('.att-upload-status');
    xhr.upload.addEventListener('progress', e => {
      if (!e.lengthComputable) return;
      const pct = Math.round(e.loaded / e.total * 100);
      bar.value = pct;
      status.textContent = pct < 100 ? pct + '%' : 'Checking…';
    });
    xhr.addEventListener('load', () => {
      done();
      const ok = xhr.status >= 200 && xhr.status < 300;
      if (ok && xhr.responseText.includes('data-attachment')) {
        row.remove();
        resolve(xhr.responseText);
      }
      else if (ok) {
        // e.g. an expired session answered with the sign-in page: nothing was stored
        fail(row, 'Not uploaded: your session may have ended. Reload the page and try again.');
        reject(new Error('unexpected answer'));
      }
      else {
        fail(row, problemMessage(xhr));
        reject(new Error(String(xhr.status)));
      }
    });
    xhr.addEventListener('error', () => {
      done();
      fail(row, problemMessage(xhr));
      reject(new Error('network'));
    });
    status.textContent = '0%';
    xhr.send(data);
  });
}

/** After htmx re-rendered the panel: its new upload list takes the rows of the uploads still under way. */
export function adoptUnfinished(p) {
  if (!active.length) return;
  const list = uploadList(p);
  active.forEach(row => { if (!row.isConnected) list.appendChild(row); });
}
