// Draws an ECharts chart from a table marked data-chart="line" or "bar" (bars run sideways, one band per row, so
// long union names stay readable on a phone): each body row is a category (its first cell the label), each header
// cell marked data-series a series (data-hidden="true": off until its legend is clicked), each data cell's
// data-value its number. The table stays the accessible source; charts are redrawn
// after htmx swaps a table in (the campaign page refreshes every few seconds).
(function () {
  function draw(table) {
    var target = document.getElementById(table.dataset.chartTarget);
    if (!target || !window.echarts) { return; }
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th[data-series]'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var selected = {};
    var series = heads.map(function (th, i) {
      var name = th.textContent.trim();
      selected[name] = th.dataset.hidden !== 'true';
      return {
        name: name, type: table.dataset.chart, smooth: false,
        data: rows.map(function (row) { return Number(row.querySelectorAll('td[data-value]')[i].dataset.value); })
      };
    });
    var categories = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var horizontal = table.dataset.chart === 'bar';
    if (horizontal) {
      target.style.height = Math.max(240, 60 + categories.length * 34) + 'px';
    }
    var chart = echarts.getInstanceByDom(target) || echarts.init(target);
    chart.resize();
    var shown = chart.getOption();
    var legend = shown && shown.legend && shown.legend.length ? shown.legend[0].selected : selected;
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {type: 'scroll', top: 0, selected: legend},
      grid: {left: 8, right: 12, top: 40, bottom: 8, containLabel: true},
      xAxis: horizontal ? {type: 'value', minInterval: 1} : {type: 'category', data: categories},
      yAxis: horizontal ? {type: 'category', data: categories, inverse: true} : {type: 'value', minInterval: 1},
      series: series
    }, true);
  }

  function drawAll() {
    document.querySelectorAll('table[data-chart]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSwap', drawAll);
  window.addEventListener('resize', function () {
    document.querySelectorAll('.chart').forEach(function (el) {
      var chart = window.echarts && echarts.getInstanceByDom(el);
      if (chart) { chart.resize(); }
    });
  });
})();
