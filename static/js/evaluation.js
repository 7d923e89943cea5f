// The evaluation section of a run's page: draws every test image tile (a 28x28 canvas whose
// pixels travel in data-pixels as 784 hex bytes) when htmx brings it in, and marks the confusion
// cell whose images are shown.
(function () {
  'use strict';

  if (window.deepdashEvaluation) {
    return;
  }
  window.deepdashEvaluation = true;

  const SIDE = 28;

  function drawTile(canvas) {
    const hex = canvas.dataset.pixels;
    if (!hex || canvas.dataset.drawn) {
      return;
    }
    const context = canvas.getContext('2d');
    const image = context.createImageData(SIDE, SIDE);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const level = parseInt(hex.substr(2 * i, 2), 16);
      image.data.set([level, level, level, 255], 4 * i);
    }
    context.putImageData(image, 0, 0);
    canvas.dataset.drawn = 'true';
  }

  function drawAll(root) {
    root.querySelectorAll('canvas[data-pixels]').forEach(drawTile);
  }

  document.addEventListener('htmx:load', (event) => drawAll(event.detail.elt));
  document.addEventListener('DOMContentLoaded', () => drawAll(document));

  // A run that completes while its page is open: show its evaluation then.
  document.addEventListener('run-finished', (event) => {
    const section = document.getElementById('evaluation');
    if (!section || !section.dataset.evaluationUrl || section.dataset.runId !== event.target.dataset.runId) {
      return;
    }
    if (event.detail.status !== 'completed') {
      section.remove();
      return;
    }
    section.hidden = false;
    htmx.ajax('GET', section.dataset.evaluationUrl, {target: section, swap: 'innerHTML'});
    delete section.dataset.evaluationUrl;
  });

  document.addEventListener('click', (event) => {
    const button = event.target.closest('.cm-button');
    if (!button) {
      return;
    }
    const table = button.closest('table.confusion');
    table.querySelectorAll('.cm-button.selected').forEach((b) => b.classList.remove('selected'));
    button.classList.add('selected');
  });
})();
