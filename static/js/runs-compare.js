// The compare page: one chart per metric with every run's curve overlaid, one colour per run.
(function () {
  'use strict';

  const root = document.getElementById('compare');
  if (!root) {
    return;
  }
  const runs = JSON.parse(root.dataset.runs);
  const charts = [];
  root.querySelectorAll('canvas[data-compare-metric]').forEach((canvas) => {
    const key = canvas.dataset.compareMetric;
    // A chart limited to one kind of model (classifiers' and forecasters' losses are never overlaid).
    const kind = canvas.dataset.compareKind || '';
    const series = runs
        .filter((run) => !kind || run.kind === kind)
        .filter((run) => run.epochs.some((e) => e[key] !== undefined && e[key] !== null))
        .map((run) => ({
          label: run.label,
          color: run.color,
          points: run.epochs.map((e) => ({epoch: e.epoch, seconds: e.elapsedSeconds, y: e[key]})),
        }));
    charts.push(DeepDashCharts.lineChart(canvas, series, {
      logScale: canvas.dataset.logScale === 'true',
      legend: false,
    }));
  });
  DeepDashCharts.bindControls(root.querySelector('[data-chart-controls]'), charts);
  document.querySelectorAll('.swatch[data-color]').forEach((swatch) => {
    swatch.style.background = swatch.dataset.color;
  });

  // The coach's notes of each run, side by side.
  root.ownerDocument.querySelectorAll('[data-notes-run]').forEach((box) => {
    const list = box.querySelector('[data-role="notes"]');
    fetch('/api/runs/' + encodeURIComponent(box.dataset.notesRun) + '/notes', {headers: {Accept: 'application/json'}})
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then((notes) => {
          if (notes.length) {
            DeepDashRunPanel.renderNotes(list, notes);
          } else {
            list.replaceChildren(Object.assign(document.createElement('li'), {textContent: deepdashText('js.notes.none')}));
          }
        })
        .catch(() => {
          list.replaceChildren(Object.assign(document.createElement('li'), {textContent: deepdashText('js.notes.unreadable')}));
        });
  });

  // One legend for all the charts: a click hides or shows that run everywhere.
  root.querySelectorAll('[data-legend-run]').forEach((item) => {
    item.addEventListener('click', () => {
      const hidden = item.getAttribute('aria-pressed') !== 'true';
      item.setAttribute('aria-pressed', String(hidden));
      const run = runs.find((r) => r.id === item.dataset.legendRun);
      charts.forEach((chart) => DeepDashCharts.setSeriesHidden(chart, run.label, hidden));
    });
  });
})();
