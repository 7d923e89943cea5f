// A text summary of every chart for screen readers: a Chart.js plugin, registered for all charts,
// that keeps a visually hidden paragraph after each canvas up to date with the latest value of each
// visible series (the last epoch's numbers on a training chart, every bar on a bar chart) and points
// the canvas at it with aria-describedby.
(function () {
  'use strict';

  if (!window.Chart) {
    return;
  }
  let next = 0;

  function format(value) {
    if (typeof value !== 'number' || !isFinite(value)) {
      return '–';
    }
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 0.001 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
  }

  function xOf(point, index, chart) {
    if (point && typeof point === 'object' && 'x' in point) {
      return point.x;
    }
    return chart.data.labels ? chart.data.labels[index] : index;
  }

  function yOf(point) {
    return point && typeof point === 'object' ? point.y : point;
  }

  function describe(chart) {
    const axis = chart.options.scales && chart.options.scales.x && chart.options.scales.x.title
        && chart.options.scales.x.title.text ? chart.options.scales.x.title.text : 'x';
    const datasets = chart.data.datasets.filter((d, i) => chart.isDatasetVisible(i)
        && !(d.deepdashRaw && chart.data.datasets.some((s) => s.deepdashSmoothed)));
    if (chart.config.type === 'bar' && datasets.length === 1) {
      const d = datasets[0];
      return deepdashText('js.summary.bars', [d.label || deepdashText('js.summary.value'), axis]) + ' ' + d.data.map((v, i) =>
          chart.data.labels[i] + ' ' + (chart.options.scales.y.max === 1 ? (100 * yOf(v)).toFixed(1) + '%'
              : format(yOf(v)))).join(', ') + '.';
    }
    const parts = [];
    datasets.forEach((d) => {
      for (let i = d.data.length - 1; i >= 0; i--) {
        const y = yOf(d.data[i]);
        if (typeof y === 'number' && isFinite(y)) {
          parts.push(deepdashText('js.summary.point', [d.label, format(y), axis, format(Number(xOf(d.data[i], i, chart)))]));
          return;
        }
      }
    });
    return parts.length ? deepdashText('js.summary.latest', [parts.join('; ')]) : deepdashText('js.summary.none');
  }

  Chart.register({
    id: 'deepdashSummary',
    afterUpdate(chart) {
      const canvas = chart.canvas;
      if (!canvas || !canvas.parentNode) {
        return;
      }
      let summary = canvas.deepdashSummary;
      if (!summary) {
        summary = document.createElement('p');
        summary.className = 'visually-hidden chart-summary';
        summary.id = (canvas.id || 'chart-' + (++next)) + '-summary';
        canvas.insertAdjacentElement('afterend', summary);
        canvas.deepdashSummary = summary;
        canvas.setAttribute('aria-describedby', summary.id);
        if (!canvas.hasAttribute('role')) {
          canvas.setAttribute('role', 'img');
        }
        if (!canvas.hasAttribute('aria-label') && !canvas.hasAttribute('aria-labelledby')) {
          const caption = canvas.closest('figure') && canvas.closest('figure').querySelector('figcaption');
          canvas.setAttribute('aria-label', caption && caption.textContent.trim() ? caption.textContent.trim() : 'chart');
        }
      }
      const text = describe(chart);
      if (summary.textContent !== text) {
        summary.textContent = text;
      }
    },
  });
})();
