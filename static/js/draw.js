// The draw page: a canvas drawn with Pointer Events (mouse, touch, pen). When a stroke ends, the
// canvas goes to /api/predict as a PNG; the answer fills in the digit, the probability chart, the
// 28x28 input the model saw and one tile per convolution filter.
(function () {
  'use strict';

  const CANVAS_SIDE_CSS = 280;
  // Thick enough that a digit drawn across most of the canvas has MNIST's stroke width once it is
  // scaled into the 20x20 box; round ends and joins, as a pen leaves them.
  const STROKE_WIDTH_CSS = 18;
  const INK = '#111827';
  const MODEL_INPUT_SIDE = 28;

  function setUp(app) {
    const canvas = document.getElementById('draw-canvas');
    const context = canvas.getContext('2d');
    const clearButton = document.getElementById('draw-clear');
    const modelSelect = document.getElementById('draw-model');
    const errorBox = document.getElementById('draw-error');
    const result = document.getElementById('draw-result');
    const placeholder = document.getElementById('draw-placeholder');
    const modelDetails = document.getElementById('draw-model-details');
    const digitText = document.getElementById('prediction-digit');
    const confidenceText = document.getElementById('prediction-confidence');
    const inputCanvas = document.getElementById('model-input');
    const chartCanvas = document.getElementById('probability-chart');
    const mapsSection = document.getElementById('feature-maps');
    const mapsLayers = document.getElementById('feature-map-layers');
    const predictUrl = app.dataset.predictUrl;

    let chart = null;
    let activePointer = null;
    let lastPoint = null;
    let hasInk = false;
    // Only the newest answer is shown; a slow one that arrives late is dropped.
    let requestSequence = 0;
    let inFlight = null;
    let pending = false;
    // An MNIST test image opened from an evaluation (?mnist=test:<index>): sent as its exact pixels
    // until the user draws over it.
    let mnistPixels = null;

    // The backing store follows the screen's pixel density so strokes stay sharp on HiDPI
    // screens; drawing code works in CSS pixels. Capped at 3 (840 px) because page zoom raises the
    // ratio too, and the server refuses images over 1024 px a side.
    function sizeCanvas() {
      // Its displayed size comes from app.css (280 px, less on a narrow screen, always square); pointOf maps
      // the pointer from that size to these 280 drawing units.
      const ratio = Math.min(window.devicePixelRatio || 1, 3);
      canvas.width = Math.round(CANVAS_SIDE_CSS * ratio);
      canvas.height = Math.round(CANVAS_SIDE_CSS * ratio);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.lineWidth = STROKE_WIDTH_CSS;
      context.strokeStyle = INK;
      context.fillStyle = INK;
    }

    function pointOf(event) {
      const box = canvas.getBoundingClientRect();
      return {
        x: (event.clientX - box.left) * CANVAS_SIDE_CSS / box.width,
        y: (event.clientY - box.top) * CANVAS_SIDE_CSS / box.height,
      };
    }

    function dot(point) {
      context.beginPath();
      context.arc(point.x, point.y, STROKE_WIDTH_CSS / 2, 0, 2 * Math.PI);
      context.fill();
    }

    function lineTo(point) {
      context.beginPath();
      context.moveTo(lastPoint.x, lastPoint.y);
      context.lineTo(point.x, point.y);
      context.stroke();
      lastPoint = point;
    }

    canvas.addEventListener('pointerdown', (event) => {
      if (activePointer !== null || (event.pointerType === 'mouse' && event.button !== 0)) {
        return;
      }
      event.preventDefault();
      activePointer = event.pointerId;
      canvas.setPointerCapture(event.pointerId);
      lastPoint = pointOf(event);
      dot(lastPoint);
      hasInk = true;
      mnistPixels = null;
    });

    canvas.addEventListener('pointermove', (event) => {
      if (event.pointerId !== activePointer) {
        return;
      }
      event.preventDefault();
      // Fast strokes deliver several positions per frame; using them all keeps curves smooth.
      const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
      (events.length ? events : [event]).forEach((e) => lineTo(pointOf(e)));
    });

    function endStroke(event) {
      if (event.pointerId !== activePointer) {
        return;
      }
      activePointer = null;
      lastPoint = null;
      predict();
    }

    canvas.addEventListener('pointerup', endStroke);
    canvas.addEventListener('pointercancel', endStroke);

    clearButton.addEventListener('click', () => {
      requestSequence++;
      pending = false;
      hasInk = false;
      mnistPixels = null;
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.restore();
      sizeCanvas();
      showError('');
      result.hidden = true;
      if (placeholder) {
        placeholder.hidden = false;
      }
      mapsSection.hidden = true;
      delete app.dataset.digit;
      delete app.dataset.probabilities;
      delete app.dataset.run;
      app.dataset.state = 'empty';
    });

    const evaluationLink = document.getElementById('draw-evaluation');
    // The selected model's full text, where a narrow selector would cut it.
    function showModelDetails() {
      const option = modelSelect.selectedOptions[0];
      if (modelDetails && option) {
        modelDetails.textContent = option.textContent;
      }
    }

    modelSelect.addEventListener('change', () => {
      showModelDetails();
      if (evaluationLink) {
        evaluationLink.href = evaluationLink.dataset.base + encodeURIComponent(modelSelect.value);
      }
      if (hasInk) {
        predict();
      }
    });

    function predict() {
      if (inFlight) {
        // One request at a time; the newest drawing goes as soon as the current answer is in.
        pending = true;
        return;
      }
      const sequence = ++requestSequence;
      app.dataset.state = 'predicting';
      const run = modelSelect.value || null;
      const body = JSON.stringify(mnistPixels ? {pixels: mnistPixels, run}
          : {image: canvas.toDataURL('image/png'), run});
      inFlight = fetch(predictUrl, {method: 'POST', headers: {'Content-Type': 'application/json'}, body})
          .then((response) => response.json().then((json) => ({ok: response.ok, json})))
          .then(({ok, json}) => {
            if (sequence !== requestSequence) {
              return;
            }
            if (!ok) {
              showError(json.error || deepdashText('js.draw.predictionFailed'));
              app.dataset.state = 'error';
              return;
            }
            show(json);
          })
          .catch((error) => {
            if (sequence === requestSequence) {
              showError(deepdashText('js.draw.noAnswer', [error.message]));
              app.dataset.state = 'error';
            }
          })
          .finally(() => {
            inFlight = null;
            if (pending) {
              pending = false;
              predict();
            }
          });
    }

    function showError(message) {
      errorBox.textContent = message;
      errorBox.hidden = !message;
    }

    function show(prediction) {
      showError('');
      result.hidden = false;
      if (placeholder) {
        placeholder.hidden = true;
      }
      const probabilities = prediction.probabilities;
      digitText.textContent = String(prediction.digit);
      confidenceText.textContent = deepdashText('js.draw.sure', [(100 * probabilities[prediction.digit]).toFixed(1)]);
      drawModelInput(prediction.input);
      drawChart(probabilities, prediction.digit);
      drawFeatureMaps(prediction.featureMaps || []);
      // For tests and curious readers: the raw answer, next to what is drawn from it.
      app.dataset.digit = String(prediction.digit);
      app.dataset.probabilities = JSON.stringify(probabilities);
      app.dataset.run = prediction.run;
      app.dataset.state = 'predicted';
    }

    function drawModelInput(input) {
      const context2d = inputCanvas.getContext('2d');
      const image = context2d.createImageData(MODEL_INPUT_SIDE, MODEL_INPUT_SIDE);
      for (let i = 0; i < input.length; i++) {
        const level = Math.round(255 * input[i]);
        image.data.set([level, level, level, 255], 4 * i);
      }
      context2d.putImageData(image, 0, 0);
    }

    function drawChart(probabilities, digit) {
      const colors = probabilities.map((_, i) => (i === digit ? '#2563eb' : '#94a3b8'));
      if (!chart) {
        chart = new Chart(chartCanvas, {
          type: 'bar',
          data: {
            labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
            datasets: [{label: 'probability', data: probabilities, backgroundColor: colors}],
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            plugins: {legend: {display: false}},
            scales: {y: {min: 0, max: 1}, x: {title: {display: true, text: 'digit'}}},
          },
        });
        return;
      }
      chart.data.datasets[0].data = probabilities;
      chart.data.datasets[0].backgroundColor = colors;
      chart.update('none');
    }

    // One block of tiles per layer, made once and redrawn in place for every prediction.
    function drawFeatureMaps(layers) {
      mapsSection.hidden = layers.length === 0;
      // Runs may have different networks: a layer's tiles are kept only while its name and shape stay the same.
      const keyOf = (layer) => layer.layer + ':' + layer.filters + ':' + layer.widthPixels + 'x' + layer.heightPixels;
      const keys = new Set(layers.map(keyOf));
      mapsLayers.querySelectorAll('.feature-map-layer').forEach((old) => {
        if (!keys.has(old.dataset.key)) {
          old.remove();
        }
      });
      layers.forEach((layer) => {
        let block = Array.from(mapsLayers.querySelectorAll('.feature-map-layer'))
            .find((existing) => existing.dataset.key === keyOf(layer));
        if (!block) {
          block = document.createElement('div');
          block.className = 'feature-map-layer';
          block.dataset.layer = layer.layer;
          block.dataset.key = keyOf(layer);
          const title = document.createElement('h3');
          title.textContent = deepdashText('js.draw.layerTitle',
              [layer.layer, layer.filters, layer.widthPixels, layer.heightPixels]);
          const tiles = document.createElement('div');
          tiles.className = 'feature-map-tiles';
          for (let f = 0; f < layer.filters; f++) {
            const tile = document.createElement('canvas');
            tile.width = layer.widthPixels;
            tile.height = layer.heightPixels;
            tile.className = 'feature-map-tile';
            tiles.appendChild(tile);
          }
          block.append(title, tiles);
        }
        // Appending an existing block moves it: the layers stay in the network's order.
        mapsLayers.appendChild(block);
        const levels = Uint8Array.from(atob(layer.levels), (c) => c.charCodeAt(0));
        const tilePixels = layer.widthPixels * layer.heightPixels;
        block.querySelectorAll('canvas').forEach((tile, f) => {
          const tileContext = tile.getContext('2d');
          const image = tileContext.createImageData(layer.widthPixels, layer.heightPixels);
          for (let i = 0; i < tilePixels; i++) {
            const level = levels[f * tilePixels + i];
            image.data.set([level, level, level, 255], 4 * i);
          }
          tileContext.putImageData(image, 0, 0);
          tile.title = deepdashText('js.draw.filterTitle', [f, layer.maxActivations[f].toFixed(3)]);
        });
      });
    }

    // ?mnist=test:<index>[&run=<id>]: paint that test image as ink (a pixel's value is its ink's
    // opacity) and read it with the chosen model.
    function loadMnistImage() {
      const params = new URLSearchParams(window.location.search);
      // The page's own "read an MNIST test image" form sends the bare index.
      const match = /^(?:test:)?(\d+)$/.exec(params.get('mnist') || '');
      if (!match) {
        return;
      }
      const run = params.get('run');
      if (run && Array.from(modelSelect.options).some((option) => option.value === run)) {
        modelSelect.value = run;
        showModelDetails();
        if (evaluationLink) {
          evaluationLink.href = evaluationLink.dataset.base + encodeURIComponent(run);
        }
      }
      // The Data page's route: {"index","label","pixels":[[28 values 0..255] x 28]}, scaled here as MNIST is for the model.
      fetch('/api/mnist/test/' + match[1])
          .then((response) => response.json().then((json) => ({ok: response.ok, json})))
          .then(({ok, json}) => {
            if (!ok) {
              showError(json.error || deepdashText('js.draw.cannotLoad'));
              return;
            }
            const pixels = json.pixels.flat().map((value) => value / 255);
            const cell = CANVAS_SIDE_CSS / MODEL_INPUT_SIDE;
            context.save();
            for (let i = 0; i < pixels.length; i++) {
              if (pixels[i] > 0) {
                context.globalAlpha = pixels[i];
                context.fillRect((i % MODEL_INPUT_SIDE) * cell, Math.floor(i / MODEL_INPUT_SIDE) * cell, cell, cell);
              }
            }
            context.restore();
            hasInk = true;
            mnistPixels = pixels;
            app.dataset.mnist = 'test:' + json.index;
            const picked = document.getElementById('draw-mnist-index');
            if (picked) {
              picked.value = String(json.index);
            }
            app.dataset.mnistLabel = String(json.label);
            predict();
          })
          .catch((error) => showError(deepdashText('js.draw.cannotLoadWhy', [error.message])));
    }

    sizeCanvas();
    app.dataset.state = 'empty';
    loadMnistImage();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const app = document.getElementById('draw-app');
    if (app) {
      setUp(app);
    }
  });
})();

// "Save with label": sends the canvas PNG and the digit the user picked to the personal test set
// (/api/drawings). Kept apart from the drawing code above; it reads the page's state from the DOM.
(function () {
  'use strict';

  function setUpSaving(app, saveBox) {
    const canvas = document.getElementById('draw-canvas');
    const labelSelect = document.getElementById('draw-label');
    const saveButton = document.getElementById('draw-save-button');
    const saved = document.getElementById('draw-saved');
    const errorBox = document.getElementById('draw-error');
    const clearButton = document.getElementById('draw-clear');
    const saveUrl = saveBox.dataset.saveUrl;
    const mineUrl = saveBox.dataset.mineUrl;

    function showError(message) {
      errorBox.textContent = message;
      errorBox.hidden = !message;
    }

    function showSaved(label) {
      saved.textContent = deepdashText('js.draw.savedAs', [label]) + ' ';
      const link = document.createElement('a');
      link.href = mineUrl;
      link.textContent = deepdashText('js.draw.myDigits');
      saved.append(link);
      saved.hidden = false;
    }

    saveButton.addEventListener('click', () => {
      saved.hidden = true;
      if (app.dataset.state === 'empty') {
        showError(deepdashText('js.draw.emptyCanvas'));
        return;
      }
      if (labelSelect.value === '') {
        showError(deepdashText('js.draw.pickFirst'));
        labelSelect.focus();
        return;
      }
      const label = Number(labelSelect.value);
      saveButton.disabled = true;
      app.dataset.saveState = 'saving';
      const body = JSON.stringify({image: canvas.toDataURL('image/png'), label});
      fetch(saveUrl, {method: 'POST', headers: {'Content-Type': 'application/json'}, body})
          .then((response) => response.json().then((json) => ({ok: response.ok, json})))
          .then(({ok, json}) => {
            if (!ok) {
              showError(json.error || deepdashText('js.draw.notSaved'));
              app.dataset.saveState = 'error';
              return;
            }
            showError('');
            showSaved(json.label);
            // The next drawing needs its own deliberate choice.
            labelSelect.value = '';
            app.dataset.saved = json.id;
            app.dataset.saveState = 'saved';
          })
          .catch((error) => {
            showError(deepdashText('js.draw.noAnswer', [error.message]));
            app.dataset.saveState = 'error';
          })
          .finally(() => {
            saveButton.disabled = false;
          });
    });

    clearButton.addEventListener('click', () => {
      saved.hidden = true;
      delete app.dataset.saveState;
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const app = document.getElementById('draw-app');
    const saveBox = document.getElementById('draw-save');
    if (app && saveBox) {
      setUpSaving(app, saveBox);
    }
  });
})();
