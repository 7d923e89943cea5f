// The My digits page: draws each saved drawing's 28x28 model input (base64 grey levels in
// data-levels) into its canvas, on load and in every fragment htmx swaps in.
(function () {
  'use strict';

  function drawThumbnails(root) {
    const canvases = root.matches && root.matches('canvas[data-levels]')
      ? [root] : Array.from(root.querySelectorAll('canvas[data-levels]'));
    canvases.forEach((canvas) => {
      const levels = Uint8Array.from(atob(canvas.dataset.levels), (c) => c.charCodeAt(0));
      const context = canvas.getContext('2d');
      const image = context.createImageData(canvas.width, canvas.height);
      for (let i = 0; i < levels.length && i < canvas.width * canvas.height; i++) {
        image.data.set([levels[i], levels[i], levels[i], 255], 4 * i);
      }
      context.putImageData(image, 0, 0);
    });
  }

  htmx.onLoad(drawThumbnails);
})();
