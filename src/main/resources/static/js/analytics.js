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

  function progress(e) {
    // an export takes a moment on a large project: say so until the download starts
    var status = document.getElementById('an-progress');
    if (!status) return;
    status.hidden = false;
    status.textContent = 'Preparing ' + e.currentTarget.textContent.trim() + ' export…';
    setTimeout(function () { status.hidden = true; }, 4000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    draw();
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    if (window.matchMedia) window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
    document.querySelectorAll('.an-export').forEach(function (a) { a.addEventListener('click', progress); });
  });
})();
