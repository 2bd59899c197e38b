// The charts of the dashboard and of the leader's queue, drawn by ECharts on a canvas. Their figures come from the
// page's JSON data blocks (script type="application/json", never run): the pages' Content-Security-Policy allows no
// script written into a page. Tooltips are drawn on the canvas too (renderMode richText): ECharts' HTML tooltips
// carry style attributes, which the policy refuses.
(function () {
  if (!window.echarts) { return; }

  function data(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }

  function draw(el, option) {
    var chart = echarts.init(el);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // The leader's queue: problems by status.
  var status = document.getElementById('status-chart');
  var rows = data('status-chart-data');
  if (status && rows) {
    draw(status, {
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.label; }) },
      series: [{ type: 'bar', data: rows.map(function (r) { return r.count; }), itemStyle: { color: '#9b1c1c' },
                 label: { show: true, position: 'right' } }]
    });
  }

  // The dashboard: the closure rate by unit and the trend by week.
  var figures = data('dashboard-chart-data');
  if (!figures) { return; }
  var names = figures.names;
  // Patterns (decals) and markers as well as colours, so that the series read without colour.
  var common = { aria: { enabled: true, decal: { show: true } }, animation: false,
                 textStyle: { fontSize: document.documentElement.classList.contains('elder') ? 16 : 12 } };
  var units = document.getElementById('chart-units');
  if (units) {
    draw(units, Object.assign({}, common, {
      grid: { left: 140, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: figures.units.map(function (r) { return r.name; }) },
      series: [{ name: names.rate, type: 'bar', data: figures.units.map(function (r) { return r.rate; }),
                 itemStyle: { color: '#9b1c1c' }, label: { show: true, position: 'right', formatter: '{c}%' } }]
    }));
  }
  var trend = document.getElementById('chart-trend');
  if (trend) {
    var weeks = figures.weeks;
    draw(trend, Object.assign({}, common, {
      legend: { top: 0 }, tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: weeks.map(function (w) { return w.week; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: names.registered, type: 'bar', data: weeks.map(function (w) { return w.registered; }) },
        { name: names.closed, type: 'bar', data: weeks.map(function (w) { return w.closed; }) },
        { name: names.open, type: 'line', symbol: 'circle', symbolSize: 8, data: weeks.map(function (w) { return w.open; }) },
        { name: names.overdue, type: 'line', symbol: 'triangle', symbolSize: 10, lineStyle: { type: 'dashed' },
          data: weeks.map(function (w) { return w.overdue; }) }]
    }));
  }
})();
