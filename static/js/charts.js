// Line charts of per-epoch metrics (train vs validation), shared by every page that shows a run.
(function () {
  'use strict';

  const COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#dc2626', '#0891b2', '#ca8a04', '#db2777'];

  /** Creates a chart of two series (e.g. loss and val_loss) against the epoch number. */
  function metricChart(canvas, names) {
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: names.map((name, i) => ({
          label: name,
          data: [],
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          borderDash: name.startsWith('val_') ? [6, 3] : [],
          tension: 0.15,
          pointRadius: 3,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: {mode: 'index', intersect: false},
        scales: {x: {title: {display: true, text: 'epoch'}}},
      },
    });
  }

  /** Adds one epoch's values; an epoch already on the chart is ignored (replays are harmless). */
  function addEpoch(chart, epoch, values) {
    if (chart.data.labels.includes(epoch)) {
      return;
    }
    chart.data.labels.push(epoch);
    chart.data.datasets.forEach((dataset, i) => dataset.data.push(values[i]));
    chart.update('none');
  }

  window.DeepDashCharts = {metricChart, addEpoch, COLORS};
})();
