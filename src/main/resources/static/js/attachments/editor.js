// The annotation editor: draw on a screenshot (rectangle, arrow, freehand, text), pixelate or black out a region
// (baked into the exported pixels, so a secret is really gone), undo, and save the result as a new PNG attachment
// linked to the original; the original stays. Pointer Events, so mouse, pen and touch all draw.
// Used by annotate.js: open({src, name, save(blob, name, list) -> Promise}); the shapes are drawn by shapes.js.
import { el } from './page.js';
import { box, drawShape } from './shapes.js';

var TOOLS = [
  { key: 'rect', label: 'Rectangle', shortcut: 'r' },
  { key: 'arrow', label: 'Arrow', shortcut: 'a' },
  { key: 'pen', label: 'Freehand', shortcut: 'f' },
  { key: 'text', label: 'Text', shortcut: 't' },
  { key: 'blur', label: 'Blur', shortcut: 'b' },
  { key: 'redact', label: 'Redact', shortcut: 'x' }
];
var COLORS = [
  { value: '#e11d48', label: 'Red' },
  { value: '#f59e0b', label: 'Yellow' },
  { value: '#16a34a', label: 'Green' },
  { value: '#2563eb', label: 'Blue' },
  { value: '#ffffff', label: 'White' },
  { value: '#111111', label: 'Black' }
];

export function open(options) {
  var dialog = el('dialog', 'annotator');
  dialog.setAttribute('aria-label', 'Annotate ' + options.name);
  var state = { tool: 'rect', color: COLORS[0].value, shapes: [], draft: null, img: new Image(), width: 0 };

  // toolbar
  var bar = el('div', 'annotator-bar');
  var title = el('h2', 'annotator-title', 'Annotate ' + options.name);
  var tools = el('div', 'annotator-tools');
  tools.setAttribute('role', 'radiogroup');
  tools.setAttribute('aria-label', 'Tool');
  TOOLS.forEach(function (t) {
    var b = el('button', 'btn btn-sm annotator-tool', t.label);
    b.type = 'button';
    b.setAttribute('role', 'radio');
    b.setAttribute('data-tool', t.key);
    b.title = t.label + ' (' + t.shortcut + ')';
    tools.appendChild(b);
  });
  var colors = el('div', 'annotator-colors');
  colors.setAttribute('role', 'radiogroup');
  colors.setAttribute('aria-label', 'Colour');
  COLORS.forEach(function (c) {
    var b = el('button', 'annotator-color');
    b.type = 'button';
    b.setAttribute('role', 'radio');
    b.setAttribute('data-color', c.value);
    b.setAttribute('aria-label', c.label);
    b.title = c.label;
    b.style.setProperty('--swatch', c.value);
    colors.appendChild(b);
  });
  var undo = el('button', 'btn btn-sm', 'Undo');
  undo.type = 'button';
  undo.title = 'Undo (Ctrl+Z)';
  var cancel = el('button', 'btn btn-sm', 'Cancel');
  cancel.type = 'button';
  var save = el('button', 'btn btn-primary btn-sm', 'Save as new attachment');
  save.type = 'button';
  var actions = el('div', 'annotator-actions');
  actions.appendChild(undo);
  actions.appendChild(cancel);
  actions.appendChild(save);
  bar.appendChild(title);
  bar.appendChild(tools);
  bar.appendChild(colors);
  bar.appendChild(actions);

  var stage = el('div', 'annotator-stage');
  var canvas = el('canvas', 'annotator-canvas');
  canvas.setAttribute('aria-label', 'Screenshot to annotate');
  canvas.setAttribute('role', 'img');
  var loading = el('p', 'muted annotator-loading', 'Loading the image…');
  stage.appendChild(loading);
  stage.appendChild(canvas);
  var foot = el('div', 'annotator-foot');
  var hint = el('span', 'muted small', 'Drag on the image to draw. The original stays as it is.');
  var progress = el('ul', 'att-uploads');
  foot.appendChild(hint);
  foot.appendChild(progress);

  dialog.appendChild(bar);
  dialog.appendChild(stage);
  dialog.appendChild(foot);
  document.body.appendChild(dialog);

  var ctx = canvas.getContext('2d');

  function lineWidth() {
    return Math.max(2, Math.round(Math.max(canvas.width, canvas.height) / 320));
  }

  function select() {
    tools.querySelectorAll('[data-tool]').forEach(function (b) {
      b.setAttribute('aria-checked', String(b.getAttribute('data-tool') === state.tool));
    });
    colors.querySelectorAll('[data-color]').forEach(function (b) {
      b.setAttribute('aria-checked', String(b.getAttribute('data-color') === state.color));
    });
    canvas.setAttribute('data-tool', state.tool);
    undo.disabled = !state.shapes.length;
    save.disabled = !state.shapes.length || !state.width;
  }

  // ---- drawing --------------------------------------------------------------------------------------------------

  function render(c, withDraft) {
    c.clearRect(0, 0, c.canvas.width, c.canvas.height);
    c.drawImage(state.img, 0, 0);
    var lw = lineWidth();
    state.shapes.forEach(function (s) { drawShape(c, s, lw); });
    if (withDraft && state.draft) {
      drawShape(c, state.draft, lw);
      if (state.draft.type === 'blur' || state.draft.type === 'redact') {
        var r = box(state.draft); // show the region being chosen
        c.save();
        c.setLineDash([lw * 2, lw * 2]);
        c.lineWidth = Math.max(1, lw / 2);
        c.strokeStyle = '#ffffff';
        c.strokeRect(r.x, r.y, r.w, r.h);
        c.restore();
      }
    }
  }

  function point(e) {
    var rect = canvas.getBoundingClientRect();
    return [
      Math.max(0, Math.min(canvas.width, (e.clientX - rect.left) * canvas.width / rect.width)),
      Math.max(0, Math.min(canvas.height, (e.clientY - rect.top) * canvas.height / rect.height))
    ];
  }

  canvas.addEventListener('pointerdown', function (e) {
    if (!state.width || e.button > 0) return;
    e.preventDefault();
    var p = point(e);
    if (state.tool === 'text') {
      askText(p, e);
      return;
    }
    try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* a pointer the browser no longer tracks */ }
    state.draft = { type: state.tool, color: state.color, x1: p[0], y1: p[1], x2: p[0], y2: p[1], points: [p] };
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!state.draft) return;
    var p = point(e);
    state.draft.x2 = p[0];
    state.draft.y2 = p[1];
    if (state.draft.type === 'pen') state.draft.points.push(p);
    render(ctx, true);
  });
  function finish() {
    var s = state.draft;
    state.draft = null;
    if (!s) return;
    var r = box(s);
    var big = s.type === 'pen' ? s.points.length > 1 : s.type === 'arrow' ? r.w + r.h > 6 : r.w > 3 && r.h > 3;
    if (big) state.shapes.push(s);
    render(ctx, false);
    select();
  }
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', function () { state.draft = null; render(ctx, false); });

  function askText(p, e) {
    var input = el('input', 'annotator-text');
    input.type = 'text';
    input.setAttribute('aria-label', 'Label text');
    input.placeholder = 'Label, then Enter';
    var stageRect = stage.getBoundingClientRect();
    input.style.left = (e.clientX - stageRect.left + stage.scrollLeft) + 'px';
    input.style.top = (e.clientY - stageRect.top + stage.scrollTop) + 'px';
    stage.appendChild(input);
    setTimeout(function () { input.focus(); }, 0);
    var done = false;
    function commit(keep) {
      if (done) return;
      done = true;
      var text = input.value.trim();
      input.remove();
      if (keep && text) {
        state.shapes.push({ type: 'text', color: state.color, x1: p[0], y1: p[1], x2: p[0], y2: p[1], text: text });
        render(ctx, false);
        select();
      }
    }
    input.addEventListener('keydown', function (k) {
      if (k.key === 'Enter') { k.preventDefault(); commit(true); }
      else if (k.key === 'Escape') { k.preventDefault(); k.stopPropagation(); commit(false); }
    });
    input.addEventListener('blur', function () { commit(true); });
  }

  // ---- controls -------------------------------------------------------------------------------------------------

  tools.addEventListener('click', function (e) {
    var b = e.target.closest('[data-tool]');
    if (b) { state.tool = b.getAttribute('data-tool'); select(); }
  });
  colors.addEventListener('click', function (e) {
    var b = e.target.closest('[data-color]');
    if (b) { state.color = b.getAttribute('data-color'); select(); }
  });
  undo.addEventListener('click', function () {
    state.shapes.pop();
    render(ctx, false);
    select();
  });
  cancel.addEventListener('click', function () { dialog.close(); });
  dialog.addEventListener('close', function () { dialog.remove(); });
  dialog.addEventListener('cancel', function (e) {
    // Escape: ask before throwing work away
    if (state.shapes.length && !window.confirm('Discard your annotations?')) e.preventDefault();
  });
  dialog.addEventListener('keydown', function (e) {
    if (e.target.tagName === 'INPUT') return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undo.click();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tool = TOOLS.filter(function (t) { return t.shortcut === e.key; })[0];
    if (tool) {
      e.preventDefault();
      state.tool = tool.key;
      select();
    }
  });

  save.addEventListener('click', function () {
    save.disabled = true;
    cancel.disabled = true;
    render(ctx, false);
    var name = options.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '-annotated.png';
    canvas.toBlob(function (blob) {
      if (!blob) {
        hint.textContent = 'This image cannot be exported from the browser.';
        cancel.disabled = false;
        return;
      }
      progress.innerHTML = '';
      options.save(blob, name, progress).then(function () {
        dialog.close();
      }, function () {
        cancel.disabled = false;
        save.disabled = false;
      });
    }, 'image/png');
  });

  // ---- start ----------------------------------------------------------------------------------------------------

  state.img.addEventListener('load', function () {
    canvas.width = state.img.naturalWidth;
    canvas.height = state.img.naturalHeight;
    state.width = canvas.width;
    loading.remove();
    render(ctx, false);
    select();
  });
  state.img.addEventListener('error', function () {
    loading.textContent = 'The image could not be loaded (its link may have expired: reload the page).';
  });
  if (new URL(options.src, window.location.href).origin !== window.location.origin) {
    state.img.crossOrigin = 'anonymous'; // an S3 link: exporting needs CORS, or the canvas is tainted
  }
  state.img.src = options.src;
  select();
  dialog.showModal();
  tools.querySelector('[data-tool]').focus();
}
