// The Cell page: draws every heat map (one canvas per gate or state, one square per unit, values in
// data-values) when the page loads and whenever htmx swaps in another day.
(function () {
  'use strict';

  if (window.deepdashCell) {
    return;
  }
  window.deepdashCell = true;

  // Blue for low, white in the middle, red for high.
  function colour(level) {
    const t = Math.max(0, Math.min(1, level));
    if (t < 0.5) {
      const k = t / 0.5;
      return [Math.round(49 + k * (247 - 49)), Math.round(54 + k * (247 - 54)), Math.round(149 + k * (247 - 149))];
    }
    const k = (t - 0.5) / 0.5;
    return [Math.round(247 - k * (247 - 178)), Math.round(247 - k * (247 - 24)), Math.round(247 - k * (247 - 43))];
  }

  function drawMap(canvas) {
    if (canvas.dataset.drawn) {
      return;
    }
    const values = canvas.dataset.values.split(',').map(Number);
    const columns = Number(canvas.dataset.columns) || 8;
    const signed = canvas.dataset.scale === 'signed';
    const side = canvas.width / Math.min(columns, values.length);
    const context = canvas.getContext('2d');
    values.forEach((value, unit) => {
      // Gates (0..1) map as they are; signed values map -1..1 onto the same colours.
      const level = signed ? (value + 1) / 2 : value;
      const [r, g, b] = colour(level);
      context.fillStyle = 'rgb(' + r + ',' + g + ',' + b + ')';
      context.fillRect((unit % columns) * side, Math.floor(unit / columns) * side, side - 1, side - 1);
    });
    canvas.dataset.drawn = 'true';
  }

  function drawAll(root) {
    root.querySelectorAll('canvas[data-role=heat-map]').forEach(drawMap);
  }

  document.addEventListener('htmx:load', (event) => drawAll(event.detail.elt));
  document.addEventListener('DOMContentLoaded', () => drawAll(document));
})();
