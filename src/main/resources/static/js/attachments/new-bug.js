// The new-bug form: files dropped, pasted or picked there wait until the bug exists. The form is then posted by
// fetch (the redirect names the new bug), the files upload to the bug one after another, and the browser goes
// there. A form sent back with messages is swapped in by htmx; its waiting files stay (hx-preserve).
import { el } from './page.js';
import { uploadList } from './rows.js';
import { hold, waitingIn, sendInTurn } from './pending.js';

const BUG_PAGE = /^\/bugs\/[A-Z][A-Z0-9]*-[0-9]+$/;

function filesBox(form) {
  return form.querySelector('[data-attach-queue]') || form;
}

export function queueForNewBug(form, files) {
  hold(uploadList(filesBox(form)), files, 'Uploads when the bug is filed');
}

/** The submit listener: a new-bug form with waiting files is posted here; any other form goes as usual. */
export function onSubmit(e) {
  const form = e.target.closest && e.target.closest('[data-attach-after-create]');
  const rows = form ? waitingIn(filesBox(form).querySelector('[data-upload-list]')) : [];
  if (!rows.length || e.defaultPrevented) return;
  e.preventDefault();
  const submit = form.querySelector('[type=submit]');
  if (submit) submit.disabled = true;
  fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
    .then(response => {
      const path = new URL(response.url).pathname;
      if (response.redirected && BUG_PAGE.test(path)) return uploadThenGo(form, rows, path);
      return response.text().then(showAgain);
    })
    .catch(() => {
      if (submit) submit.disabled = false;
      const note = form.querySelector('[data-attach-queue] .hint');
      if (note) note.textContent = 'Could not reach the server. Try again.';
    });
}

async function uploadThenGo(form, rows, path) {
  const failed = await sendInTurn(rows, path + '/attachments', uploadList(filesBox(form)));
  if (!failed) {
    window.location.assign(path);
    return;
  }
  // the bug exists; say which files did not make it and let the user go on
  const note = form.querySelector('[data-attach-queue] .hint');
  if (!note) return;
  note.textContent = 'The bug was filed, but ' + failed + (failed === 1 ? ' file was' : ' files were')
    + ' refused (see below). ';
  const go = el('a', null, 'Go to the bug');
  go.href = path;
  note.appendChild(go);
  go.focus();
}

/** The form came back with messages: htmx swaps in the page's new content, the waiting files stay in theirs. */
function showAgain(html) {
  if (!html.includes('data-attach-after-create')) { // not the form (an error page): show whatever it is
    document.documentElement.innerHTML = html;
    return;
  }
  htmx.swap('#main', html, { swapStyle: 'innerHTML' }, { select: '#main > *' });
  const form = document.querySelector('[data-attach-after-create]');
  const firstError = form && form.querySelector('.has-error input, .has-error textarea, .has-error select');
  if (firstError) firstError.focus();
}
