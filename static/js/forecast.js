// The Forecast page: drag-and-drop upload, the chart of a dataset's whole series, and, once a
// forecasting run completes, its result fragment with the chart of real vs forecast prices.
(function () {
  'use strict';

  const COLORS = DeepDashCharts.COLORS;

  /** A line chart of one or more series against dates; long series are drawn without points. */
  function dateChart(canvas, labels, series) {
    if (canvas.chart) {
      canvas.chart.destroy();
    }
    canvas.chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.data,
          borderColor: s.color || COLORS[i % COLORS.length],
          backgroundColor: s.color || COLORS[i % COLORS.length],
          borderDash: s.dash || [],
          borderWidth: 1.5,
          pointRadius: labels.length > 120 ? 0 : 2,
          tension: 0,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: {mode: 'index', intersect: false},
        scales: {x: {ticks: {maxTicksLimit: 12, autoSkip: true}}},
        // chartjs-plugin-zoom (a webjar, loaded by the layout): wheel or pinch zooms the dates, dragging pans.
        plugins: {
          zoom: {
            zoom: {wheel: {enabled: true}, pinch: {enabled: true}, mode: 'x'},
            pan: {enabled: true, mode: 'x'},
            limits: {x: {minRange: 5}},
          },
        },
      },
    });
    return canvas.chart;
  }

  function drawSeries(canvas, column) {
    const url = canvas.dataset.seriesUrl + '?column=' + encodeURIComponent(column);
    fetch(url).then((r) => r.ok ? r.json() : Promise.reject(r.status)).then((s) => {
      dateChart(canvas, s.dates, [{label: s.column, data: s.values}]);
      canvas.dataset.drawnColumn = s.column;
      const caption = canvas.parentElement.querySelector('[data-role="series-caption"]');
      if (caption && s.dates.length) {
        caption.textContent = deepdashText('js.forecast.seriesCaption',
            [s.column, s.dates[0], s.dates[s.dates.length - 1], s.dates.length.toLocaleString('en-US')]);
      }
    }).catch(() => {
      canvas.dataset.drawnColumn = '';
    });
  }

  function drawForecast(canvas) {
    fetch(canvas.dataset.forecastUrl).then((r) => r.ok ? r.json() : Promise.reject(r.status)).then((f) => {
      dateChart(canvas, f.dates, [
        {label: deepdashText('js.forecast.real', [f.target || 'price']), data: f.actual,
          color: () => DeepDashCharts.themeColors().ink},
        {label: deepdashText('js.forecast.model', [canvas.dataset.modelTitle || 'model']), data: f.predicted,
          color: COLORS[0]},
        {label: deepdashText('js.forecast.naive'), data: f.naive, color: COLORS[1], dash: [6, 3]},
      ]);
      canvas.dataset.drawn = 'true';
    });
  }

  function setUpUpload(form) {
    if (form.dataset.ready) {
      return;
    }
    form.dataset.ready = 'true';
    const zone = form.querySelector('[data-role="drop-zone"]');
    const input = form.querySelector('input[type="file"]');
    const status = document.getElementById('upload-status');
    ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    }));
    ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('dragging')));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      if (!event.dataTransfer.files.length) {
        return;
      }
      input.files = event.dataTransfer.files;
      input.dispatchEvent(new Event('change', {bubbles: true}));
    });
    // Refuse a file over the limit before sending it; the server refuses it too (413).
    form.addEventListener('htmx:confirm', (event) => {
      const file = input.files[0];
      const max = Number(form.dataset.maxBytes);
      if (!file) {
        event.preventDefault();
      } else if (max && file.size > max) {
        event.preventDefault();
        status.innerHTML = '';
        const error = document.createElement('div');
        error.className = 'error';
        error.setAttribute('role', 'alert');
        error.textContent = deepdashText('js.upload.tooLarge',
            [file.name, (file.size / 1048576).toFixed(1), (max / 1048576).toFixed(0)]);
        status.appendChild(error);
      } else {
        const reading = document.createElement('p');
        reading.className = 'muted';
        reading.textContent = deepdashText('js.upload.reading', [file.name]);
        status.replaceChildren(reading);
      }
    });
    // The same file twice in a row is a new upload too.
    form.addEventListener('htmx:afterRequest', () => {
      input.value = '';
    });
  }

  /** The elements matching {@code selector} in {@code root}, {@code root} itself included. */
  function within(root, selector) {
    const found = Array.from(root.querySelectorAll ? root.querySelectorAll(selector) : []);
    return root.matches && root.matches(selector) ? [root].concat(found) : found;
  }

  // Any button with data-chart-reset-zoom shows the whole of the chart in its figure again.
  document.addEventListener('click', (event) => {
    const button = event.target.closest ? event.target.closest('[data-chart-reset-zoom]') : null;
    const figure = button ? button.closest('figure') : null;
    const chart = figure ? Chart.getChart(figure.querySelector('canvas')) : null;
    if (chart && chart.resetZoom) {
      chart.resetZoom();
    }
  });

  htmx.onLoad((root) => {
    within(root, '#upload-form').forEach(setUpUpload);
    within(root, 'canvas[data-series-url]').forEach((canvas) => {
      drawSeries(canvas, canvas.dataset.column);
      const form = document.getElementById('forecast-form');
      const select = form && form.querySelector('[data-role="target-select"]');
      if (select && !select.dataset.ready) {
        select.dataset.ready = 'true';
        select.addEventListener('change', () => drawSeries(canvas, select.value));
      }
    });
    within(root, 'canvas[data-forecast-url]').forEach(drawForecast);
  });

  // A run panel says when its run ends; a completed run of a forecasting model then shows its forecast.
  document.addEventListener('run-finished', (event) => {
    const panel = event.target;
    if (panel.dataset.forecast !== 'true' || event.detail.status !== 'completed') {
      return;
    }
    const id = panel.dataset.runId;
    const target = document.getElementById('forecast-result');
    if (!target || target.querySelector('[data-run-id="' + CSS.escape(id) + '"]')) {
      return;
    }
    htmx.ajax('GET', '/ui/forecast/runs/' + encodeURIComponent(id) + '/result', {target: target, swap: 'innerHTML'});
  });
})();
