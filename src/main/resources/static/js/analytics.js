// Draws the analytics page's charts with ECharts (served from the app's webjar). Each .an-chart carries its data as
// JSON in data-chart: {categories, series: [{name, type, color, data, axis, links}], links, unit}; colors name CSS
// custom properties, so charts follow the light/dark theme and are redrawn when it changes. A click on a bar or point
// opens the bug list behind it (the series' links[i], else the chart's); the same numbers are in each chart's data
// table for screen readers.
(function () {
  'use strict';
  var charts = [];

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
  }

  function linksOf(spec, i) {
    var own = spec.series[i] && spec.series[i].links;
    var links = own ? own : spec.links;
    return links && links.length ? links : null;
  }

  function option(spec) {
    var text = css('--text'), muted = css('--muted'), border = css('--border');
    var twoAxes = spec.series.some(function (s) { return s.axis === 1; });
    var axis = function (position) {
      return { type: 'value', position: position, minInterval: 1, axisLabel: { color: muted },
        splitLine: { lineStyle: { color: border } } };
    };
    return {
      backgroundColor: 'transparent',
      animation: false, // numbers, not a show: drawn at once (and clickable at once)
      textStyle: { color: text },
      tooltip: { trigger: 'axis', backgroundColor: css('--surface'), borderColor: border, textStyle: { color: text } },
      legend: { show: spec.series.length > 1, textStyle: { color: muted }, top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: spec.series.length > 1 ? 30 : 10, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { color: muted, hideOverlap: true },
        axisLine: { lineStyle: { color: border } } },
      yAxis: twoAxes ? [axis('left'), Object.assign(axis('right'), { splitLine: { show: false } })] : axis('left'),
      series: spec.series.map(function (s, i) {
        var data = s.colors ? s.data.map(function (v, i) { return { value: v, itemStyle: { color: css(s.colors[i]) } }; })
          : s.data;
        return { name: s.name, type: s.type, data: data, yAxisIndex: s.axis || 0, smooth: false, connectNulls: true,
          itemStyle: { color: css(s.color) }, symbolSize: 6,
          // a second line (median next to mean) is dashed, so equal values still show both
          lineStyle: { color: css(s.color), width: 2, type: i === 1 && s.type === 'line' ? 'dashed' : 'solid' },
          cursor: linksOf(spec, i) ? 'pointer' : 'default', barMaxWidth: 28 };
      })
    };
  }

  function draw() {
    if (!window.echarts) return;
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    document.querySelectorAll('.an-chart[data-chart]').forEach(function (el) {
      var spec = JSON.parse(el.getAttribute('data-chart'));
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(spec));
      chart.on('click', function (p) {
        var links = linksOf(spec, p.seriesIndex);
        var link = links && links[p.dataIndex];
        if (link) window.location.href = link;
      });
      charts.push(chart);
    });
  }

  // An export downloads through fetch so the page can show how far it got: while the server computes the report
  // the seconds elapsed, then the bytes received (of Content-Length when known: the PDF), then the file is saved
  // under the server's name. Without fetch or streams, the link downloads as a plain link.
  function kb(bytes) { return (bytes / 1024).toFixed(bytes < 10240 ? 1 : 0) + ' KB'; }

  function filename(response, fallback) {
    var match = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
    return match ? match[1] : fallback;
  }

  function exportWithProgress(e) {
    var link = e.currentTarget;
    var status = document.getElementById('an-progress');
    if (!status || !window.fetch || !window.ReadableStream || link.dataset.busy) return;
    e.preventDefault();
    link.dataset.busy = '1';
    link.setAttribute('aria-disabled', 'true');
    var label = link.textContent.trim();
    var bar = document.getElementById('an-progress-bar');
    var text = document.getElementById('an-progress-text');
    status.hidden = false;
    bar.removeAttribute('value');
    var started = Date.now();
    var ticking = setInterval(function () {
      text.textContent = label + ' export: computing the report… ' + Math.round((Date.now() - started) / 1000) + ' s';
    }, 250);
    text.textContent = label + ' export: computing the report…';
    function done(message) {
      clearInterval(ticking);
      text.textContent = message;
      delete link.dataset.busy;
      link.removeAttribute('aria-disabled');
    }
    fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('the server answered ' + response.status);
      clearInterval(ticking);
      var total = parseInt(response.headers.get('Content-Length') || '0', 10);
      var reader = response.body.getReader();
      var chunks = [], received = 0;
      if (total) bar.max = total;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) return;
          chunks.push(step.value);
          received += step.value.length;
          if (total) {
            bar.value = received;
            text.textContent = label + ' export: ' + kb(received) + ' of ' + kb(total) + ' (' + Math.round(100 * received / total) + ' %)';
          } else {
            text.textContent = label + ' export: ' + kb(received) + ' received';
          }
          return pump();
        });
      }
      return pump().then(function () {
        bar.max = 1; bar.value = 1;
        var blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
        var url = URL.createObjectURL(blob);
        var a = document.createElement('a');
        a.href = url;
        a.download = filename(response, link.getAttribute('download') || 'analytics.' + label.toLowerCase());
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        done(label + ' export ready: ' + a.download + ' (' + kb(received) + ', ' + ((Date.now() - started) / 1000).toFixed(1) + ' s)');
      });
    }).catch(function (error) {
      bar.value = 0;
      done(label + ' export failed: ' + error.message + '. Try again, or use a shorter range.');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    draw();
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    if (window.matchMedia) window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
    document.querySelectorAll('.an-export').forEach(function (a) { a.addEventListener('click', exportWithProgress); });
  });
})();
