// Line charts of per-epoch metrics, shared by every page that shows a run: one run's train vs
// validation curves, or several runs overlaid, and one run's per-step loss. Every chart can smooth
// its curves (an exponential moving average; the raw points stay, faintly), put wall time instead of
// the epoch on the x-axis, use a log scale (loss charts), zoom and pan (chartjs-plugin-zoom, loaded
// by the layout) and save itself as a PNG.
(function () {
  'use strict';

  // The palette is defined once, on the server (deepdash.web.ChartPalette); the layout hands it over.
  const COLORS = (document.documentElement.dataset.chartColors || '#2563eb,#ea580c').split(',');
  const RAW_ALPHA = 0.25;
  // Dashed series get a line, not a box, in the legend: a box's dashed border reads as a scribble.
  const LEGEND_LINE_WIDTH = 28;

  /** Wheel or pinch zooms, dragging pans; both axes, since a loss spike can hide the rest of the curve. */
  function zoomOptions() {
    return {
      zoom: {wheel: {enabled: true}, pinch: {enabled: true}, mode: 'xy'},
      pan: {enabled: true, mode: 'xy'},
    };
  }

  /** The theme's chart colours (light or dark), from app.css's custom properties. */
  let themed = {theme: undefined, colors: null};
  function themeColors() {
    const theme = document.documentElement.dataset.theme;
    if (themed.theme !== theme || !themed.colors) {
      const style = getComputedStyle(document.documentElement);
      const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
      themed = {theme, colors: {background: read('--chart-bg', '#fff'), text: read('--chart-text', '#4b5563'),
        grid: read('--chart-grid', 'rgba(0,0,0,0.1)'), ink: read('--ink', '#1f2937')}};
    }
    return themed.colors;
  }

  // Every chart, drawn or to come, takes the theme's text and grid colours; a theme change (static/js/theme.js)
  // recolours those already drawn (Chart.js reads its defaults when a chart is made, so they are set on each).
  function applyTheme() {
    const colors = themeColors();
    Chart.defaults.color = colors.text;
    Chart.defaults.borderColor = colors.grid;
    Object.values(Chart.instances).forEach((chart) => {
      Object.values(chart.options.scales || {}).forEach((scale) => {
        scale.ticks.color = colors.text;
        scale.title.color = colors.text;
        scale.grid.color = colors.grid;
        scale.border.color = colors.grid;
      });
      chart.options.plugins.legend.labels.color = colors.text;
      chart.update('none');
    });
  }
  applyTheme();
  document.addEventListener('deepdash:theme', applyTheme);

  // Exported PNGs get the theme's background instead of a transparent one.
  const whiteBackground = {
    id: 'deepdashWhiteBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = themeColors().background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };

  // The coach's notes about an epoch: a dashed vertical line at it, labelled at the top.
  const noteMarkers = {
    id: 'deepdashNotes',
    afterDatasetsDraw(chart) {
      const state = chart.$deepdash;
      if (!state || !state.notes || !state.notes.length) {
        return;
      }
      const x = chart.scales.x;
      const area = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      // Neighbouring marks alternate between two rows; marks at the same epoch stack.
      const rows = new Map();
      state.notes.forEach((note, i) => {
        const at = state.view.x === 'time' ? secondsAtEpoch(state, note.epoch) : note.epoch;
        if (!isNumber(at)) {
          return;
        }
        const px = x.getPixelForValue(at);
        if (px < area.left - 1 || px > area.right + 1) {
          return;
        }
        const row = rows.has(note.epoch) ? rows.get(note.epoch) + 1 : i % 2;
        rows.set(note.epoch, row);
        ctx.strokeStyle = note.color;
        ctx.fillStyle = note.color;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(px, area.top + 12 + row * 11);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        // Kept inside the plot: a mark at the first or last epoch would otherwise lose half its label.
        const half = ctx.measureText(note.label).width / 2;
        const labelX = Math.min(Math.max(px, area.left + half), area.right - half);
        ctx.fillText(note.label, labelX, area.top + 9 + row * 11);
      });
      ctx.restore();
    },
  };

  function secondsAtEpoch(state, epoch) {
    for (const s of state.series) {
      const point = s.points.find((p) => p.epoch === epoch);
      if (point && isNumber(point.seconds)) {
        return point.seconds;
      }
    }
    return null;
  }

  function withAlpha(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function isNumber(value) {
    return typeof value === 'number' && isFinite(value);
  }

  /**
   * Exponential moving average as TensorBoard draws it: weight 0 is the raw curve, 0.9 is very
   * smooth; debiased so the first points are not pulled towards zero. Gaps stay gaps.
   */
  function ema(values, weight) {
    let last = 0;
    let count = 0;
    return values.map((value) => {
      if (!isNumber(value)) {
        return null;
      }
      last = last * weight + (1 - weight) * value;
      count++;
      return last / (1 - Math.pow(weight, count));
    });
  }

  /** "45s", "3m07s", "1h05m"; a dash for a missing or infinite value. */
  function formatSeconds(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) {
      return '–';
    }
    const s = Math.round(seconds);
    if (s < 60) {
      return s + 's';
    }
    const m = Math.floor(s / 60);
    return m < 60 ? m + 'm' + String(s % 60).padStart(2, '0') + 's'
        : Math.floor(m / 60) + 'h' + String(m % 60).padStart(2, '0') + 'm';
  }

  /**
   * A chart of any number of series against the epoch (or wall time).
   * series: [{label, color, dashed, points: [{epoch, seconds, y}]}]; options: {logScale} says
   * whether the log-scale toggle applies to this chart (it does to loss charts), {legend: false}
   * leaves the legend to the page (the compare page has one for all its charts), {xKind: 'step'}
   * makes a per-step chart: its points are {step, y} and the x-axis control leaves it alone.
   */
  function lineChart(canvas, series, options) {
    const chart = new Chart(canvas, {
      type: 'line',
      data: {labels: [], datasets: []},
      plugins: [whiteBackground, noteMarkers],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: true,
        interaction: {mode: 'nearest', axis: 'x', intersect: false},
        plugins: {
          legend: {
            display: !(options && options.legend === false),
            labels: {
              filter: (item, data) => !data.datasets[item.datasetIndex].deepdashRaw
                  || !data.datasets.some((d) => d.deepdashSmoothed),
              usePointStyle: true,
              pointStyle: 'line',
              pointStyleWidth: LEGEND_LINE_WIDTH,
            },
            onClick: (event, item, legend) => toggleSeries(legend.chart, item.datasetIndex),
          },
          zoom: zoomOptions(),
        },
        scales: {
          x: {type: 'linear', title: {display: true, text: deepdashText('js.chart.epoch')}, ticks: {precision: 0}},
          y: {type: 'linear'},
        },
      },
    });
    chart.$deepdash = {
      series: series.map((s, i) => Object.assign({color: COLORS[i % COLORS.length], dashed: false, points: []}, s)),
      view: {smoothing: 0, x: 'epoch', log: false},
      logScale: Boolean(options && options.logScale),
      xKind: options && options.xKind === 'step' ? 'step' : 'epoch',
      epochs: new Set(),
      steps: new Set(),
    };
    series.forEach((s) => (s.points || []).forEach((p) => chart.$deepdash.epochs.add(p.epoch)));
    render(chart);
    return chart;
  }

  /** One run's chart of two series (e.g. loss and val_loss); the val_ one is dashed. */
  function metricChart(canvas, names) {
    return lineChart(canvas, names.map((name, i) => ({
      label: name,
      color: COLORS[i % COLORS.length],
      dashed: name.startsWith('val_'),
      points: [],
    })), {logScale: names.some((name) => name.endsWith('loss'))});
  }

  /**
   * Adds one epoch's values (one per series) at its wall time; an epoch already on the chart is
   * ignored, so replayed events are harmless.
   */
  function addEpoch(chart, epoch, values, elapsedSeconds) {
    const state = chart.$deepdash;
    if (state.epochs.has(epoch)) {
      return;
    }
    state.epochs.add(epoch);
    state.series.forEach((s, i) => {
      s.points.push({epoch, seconds: elapsedSeconds, y: values[i]});
      s.points.sort((a, b) => a.epoch - b.epoch);
    });
    render(chart);
  }

  /** A one-series chart of the per-step training loss (TensorBoard's step axis). */
  function stepChart(canvas, label) {
    return lineChart(canvas, [{label: label, color: COLORS[0], dashed: false, points: []}],
        {logScale: true, xKind: 'step'});
  }

  /**
   * Adds points [{step, y}] to a per-step chart's first series; steps already there are ignored,
   * so a stored series and the live one can overlap.
   */
  function addSteps(chart, points) {
    const state = chart.$deepdash;
    const series = state.series[0];
    let added = false;
    points.forEach((p) => {
      if (!isNumber(p.step) || state.steps.has(p.step)) {
        return;
      }
      state.steps.add(p.step);
      series.points.push({step: p.step, epoch: p.epoch, y: p.y});
      added = true;
    });
    if (added) {
      series.points.sort((a, b) => a.step - b.step);
      render(chart);
    }
  }

  function stepCount(chart) {
    return chart.$deepdash.steps.size;
  }

  /** Marks epochs on the chart: [{epoch, label, color}]; replaces the marks it had. */
  function setNotes(chart, notes) {
    chart.$deepdash.notes = notes.filter((n) => isNumber(n.epoch));
    chart.update('none');
  }

  function epochCount(chart) {
    return chart.$deepdash.epochs.size;
  }

  function toggleSeries(chart, datasetIndex) {
    const state = chart.$deepdash;
    const s = state.series[chart.data.datasets[datasetIndex].deepdashSeries];
    s.hidden = !s.hidden;
    render(chart);
  }

  /** Rebuilds the datasets from the raw points and the chart's view settings. */
  function render(chart) {
    const state = chart.$deepdash;
    const view = state.view;
    const log = view.log && state.logScale;
    const smoothing = view.smoothing > 0;
    const steps = state.xKind === 'step';
    const xOf = (p) => (steps ? p.step : view.x === 'time' ? p.seconds : p.epoch);
    const datasets = [];
    state.series.forEach((s, index) => {
      const points = s.points
          .filter((p) => steps || view.x === 'epoch' || isNumber(p.seconds))
          .map((p) => ({x: xOf(p), y: isNumber(p.y) && (!log || p.y > 0) ? p.y : null}));
      const common = {
        borderDash: s.dashed ? [6, 3] : [],
        hidden: Boolean(s.hidden),
        deepdashSeries: index,
      };
      datasets.push(Object.assign({
        label: s.label,
        data: points,
        borderColor: smoothing ? withAlpha(s.color, RAW_ALPHA) : s.color,
        backgroundColor: smoothing ? withAlpha(s.color, RAW_ALPHA) : s.color,
        pointRadius: steps ? 0 : smoothing ? 2 : 3,
        borderWidth: steps ? 1.5 : 3,
        tension: smoothing || steps ? 0 : 0.15,
        deepdashRaw: true,
      }, common));
      if (smoothing) {
        const smooth = ema(points.map((p) => p.y), view.smoothing);
        datasets.push(Object.assign({
          label: s.label,
          data: points.map((p, i) => ({x: p.x, y: smooth[i]})),
          borderColor: s.color,
          backgroundColor: s.color,
          pointRadius: 0,
          tension: 0.15,
          deepdashSmoothed: true,
        }, common));
      }
    });
    chart.data.labels = Array.from(state.epochs).sort((a, b) => a - b);
    chart.data.datasets = datasets;
    const x = chart.options.scales.x;
    const time = !steps && view.x === 'time';
    x.title.text = deepdashText(steps ? 'js.chart.step' : time ? 'js.chart.wallTime' : 'js.chart.epoch');
    x.ticks.precision = time ? undefined : 0;
    x.ticks.callback = time ? (value) => formatSeconds(value) : undefined;
    chart.options.scales.y.type = log ? 'logarithmic' : 'linear';
    chart.update('none');
  }

  /** Shows or hides the series with this label (both its raw and its smoothed curve). */
  function setSeriesHidden(chart, label, hidden) {
    chart.$deepdash.series.filter((s) => s.label === label).forEach((s) => {
      s.hidden = hidden;
    });
    render(chart);
  }

  /** Changes how a chart is drawn: {smoothing: 0..0.99, x: 'epoch'|'time', log: boolean}. */
  function setView(chart, patch) {
    // A zoom in epochs means nothing in seconds: a new x-axis starts unzoomed.
    const newAxis = patch.x !== undefined && patch.x !== chart.$deepdash.view.x && chart.$deepdash.xKind !== 'step';
    Object.assign(chart.$deepdash.view, patch);
    if (newAxis) {
      resetZoom(chart);
    }
    render(chart);
  }

  /** Back to the whole curve after zooming or panning. */
  function resetZoom(chart) {
    if (typeof chart.resetZoom === 'function') {
      chart.resetZoom('none');
    }
  }

  /**
   * Wires a controls bar (templates/charts/controls.jte) to the charts it governs: a smoothing
   * slider, an x-axis choice and a log-scale toggle (only loss charts follow it).
   */
  function bindControls(controls, charts) {
    if (!controls) {
      return;
    }
    const field = (name) => controls.querySelector('[data-control="' + name + '"]');
    const smoothing = field('smoothing');
    const smoothingValue = field('smoothing-value');
    const xAxis = field('x');
    const log = field('log');
    const apply = () => {
      const view = {smoothing: Number(smoothing.value), x: xAxis.value, log: log.checked};
      if (smoothingValue) {
        smoothingValue.textContent = view.smoothing.toFixed(2);
      }
      charts.forEach((chart) => setView(chart, view));
    };
    [smoothing, xAxis, log].forEach((input) => input.addEventListener('input', apply));
    [xAxis, log].forEach((input) => input.addEventListener('change', apply));
    const reset = field('reset-zoom');
    if (reset) {
      reset.addEventListener('click', () => charts.forEach(resetZoom));
    }
    apply();
  }

  /** Saves a chart as a PNG file. */
  function downloadPng(chart, fileName) {
    const link = document.createElement('a');
    link.href = chart.toBase64Image('image/png', 1);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // Any button with data-chart-png="name.png" saves the chart in its figure.
  document.addEventListener('click', (event) => {
    const button = event.target.closest ? event.target.closest('[data-chart-png]') : null;
    if (!button) {
      return;
    }
    const figure = button.closest('figure');
    const chart = figure ? Chart.getChart(figure.querySelector('canvas')) : null;
    if (chart) {
      downloadPng(chart, button.dataset.chartPng);
    }
  });

  window.DeepDashCharts = {
    metricChart, lineChart, stepChart, addEpoch, addSteps, stepCount, epochCount, setNotes, setView, setSeriesHidden,
    bindControls, resetZoom, downloadPng, ema, COLORS, formatSeconds, themeColors,
  };
})();
