// The annotation editor's shapes, drawn onto a 2D canvas context: rectangle, arrow, freehand line, text label,
// and the pixelated (blur) or blacked-out (redact) regions that change the exported pixels themselves.

export function box(s) {
  return {
    x: Math.round(Math.min(s.x1, s.x2)), y: Math.round(Math.min(s.y1, s.y2)),
    w: Math.round(Math.abs(s.x2 - s.x1)), h: Math.round(Math.abs(s.y2 - s.y1))
  };
}

function pixelate(c, r) {
  if (r.w < 1 || r.h < 1) return;
  var cell = Math.max(10, Math.round(Math.max(c.canvas.width, c.canvas.height) / 90)); // coarse enough that text is gone
  var small = document.createElement('canvas');
  small.width = Math.max(1, Math.ceil(r.w / cell));
  small.height = Math.max(1, Math.ceil(r.h / cell));
  var sc = small.getContext('2d');
  sc.imageSmoothingEnabled = true;
  sc.drawImage(c.canvas, r.x, r.y, r.w, r.h, 0, 0, small.width, small.height);
  c.save();
  c.imageSmoothingEnabled = false;
  c.drawImage(small, 0, 0, small.width, small.height, r.x, r.y, r.w, r.h);
  c.restore();
}

function arrow(c, s, lw) {
  var angle = Math.atan2(s.y2 - s.y1, s.x2 - s.x1);
  var head = lw * 5;
  c.beginPath();
  c.moveTo(s.x1, s.y1);
  c.lineTo(s.x2 - Math.cos(angle) * head * .6, s.y2 - Math.sin(angle) * head * .6);
  c.stroke();
  c.beginPath();
  c.moveTo(s.x2, s.y2);
  c.lineTo(s.x2 - head * Math.cos(angle - Math.PI / 7), s.y2 - head * Math.sin(angle - Math.PI / 7));
  c.lineTo(s.x2 - head * Math.cos(angle + Math.PI / 7), s.y2 - head * Math.sin(angle + Math.PI / 7));
  c.closePath();
  c.fill();
}

export function drawShape(c, s, lw) {
  c.save();
  c.strokeStyle = s.color;
  c.fillStyle = s.color;
  c.lineWidth = lw;
  c.lineJoin = 'round';
  c.lineCap = 'round';
  var r = box(s);
  if (s.type === 'rect') {
    c.strokeRect(r.x, r.y, r.w, r.h);
  }
  else if (s.type === 'arrow') {
    arrow(c, s, lw);
  }
  else if (s.type === 'pen') {
    c.beginPath();
    s.points.forEach(function (p, i) { if (i) c.lineTo(p[0], p[1]); else c.moveTo(p[0], p[1]); });
    c.stroke();
  }
  else if (s.type === 'text') {
    var size = lw * 8;
    c.font = '600 ' + size + 'px system-ui, sans-serif';
    c.textBaseline = 'top';
    var width = c.measureText(s.text).width;
    c.fillStyle = s.color === '#111111' ? 'rgba(255,255,255,.85)' : 'rgba(0,0,0,.6)';
    c.fillRect(s.x1 - lw, s.y1 - lw, width + 2 * lw, size + 2 * lw);
    c.fillStyle = s.color;
    c.fillText(s.text, s.x1, s.y1);
  }
  else if (s.type === 'blur') {
    pixelate(c, r);
  }
  else if (s.type === 'redact') {
    c.fillStyle = '#000000';
    c.fillRect(r.x, r.y, r.w, r.h);
  }
  c.restore();
}
