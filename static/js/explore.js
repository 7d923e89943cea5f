// The data page: MNIST thumbnails, the heat map and the flattened strip are drawn on canvases from
// the base64 pixels the server puts in data-pixels (CSP allows no inline script); the image
// inspector posts a dropped or chosen file to the server and draws each channel it answers with.
(function () {
  'use strict';

  const STRIP_ROWS = 4;

  function bytesOf(base64) {
    const text = atob(base64);
    const bytes = new Uint8ClampedArray(text.length);
    for (let i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes;
  }

  // A dark-to-bright colour map (black, purple, orange, pale yellow), like matplotlib's "inferno".
  const HEAT_STOPS = [[0, 0, 4], [87, 16, 110], [188, 55, 84], [249, 142, 9], [252, 255, 164]];
  function heat(value) {
    const position = value / 255 * (HEAT_STOPS.length - 1);
    const low = Math.min(Math.floor(position), HEAT_STOPS.length - 2);
    const t = position - low;
    const a = HEAT_STOPS[low];
    const b = HEAT_STOPS[low + 1];
    return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t));
  }

  // Grey values (one byte a pixel) onto a canvas of the same size, grey or in heat colours.
  function paintGrey(canvas, values, colours) {
    const context = canvas.getContext('2d');
    const image = context.createImageData(canvas.width, canvas.height);
    const count = Math.min(values.length, canvas.width * canvas.height);
    for (let i = 0; i < count; i++) {
      const rgb = colours === 'heat' ? heat(values[i]) : [values[i], values[i], values[i]];
      image.data[4 * i] = rgb[0];
      image.data[4 * i + 1] = rgb[1];
      image.data[4 * i + 2] = rgb[2];
      image.data[4 * i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    canvas.dataset.drawn = 'true';
  }

  function drawPixelCanvases(root) {
    root.querySelectorAll('canvas[data-pixels]').forEach((canvas) => {
      paintGrey(canvas, bytesOf(canvas.dataset.pixels), canvas.dataset.colours);
    });
  }

  // ---- image inspector ----

  function setUpInspector(section) {
    const url = section.dataset.inspectUrl;
    const drop = document.getElementById('inspect-drop');
    const input = document.getElementById('inspect-file');
    const errorBox = document.getElementById('inspect-error');
    const result = document.getElementById('inspect-result');
    let sequence = 0;

    function showError(message) {
      errorBox.textContent = message;
      errorBox.hidden = false;
      result.hidden = true;
    }

    async function inspect(file) {
      if (!file) {
        return;
      }
      const mine = ++sequence;
      errorBox.hidden = true;
      section.dataset.state = 'loading';
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const response = await fetch(url, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
        const body = await response.json().catch(() => ({ error: 'HTTP ' + response.status }));
        if (mine !== sequence) {
          return;
        }
        if (!response.ok) {
          showError(body.error || ('HTTP ' + response.status));
          section.dataset.state = 'error';
          return;
        }
        show(body, file.name);
        section.dataset.state = 'shown';
      } catch (e) {
        if (mine === sequence) {
          showError(deepdashText('js.inspect.notSent', [e.message]));
          section.dataset.state = 'error';
        }
      }
    }

    function show(answer, name) {
      const [height, width, channelCount] = answer.shape;
      document.getElementById('inspect-shape').textContent = deepdashText('js.inspect.shape',
        [name, height, width, channelCount, answer.shape.join(', '), answer.max, answer.min]);
      const notes = document.getElementById('inspect-notes');
      notes.replaceChildren(...answer.notes.map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        return item;
      }));

      const preview = answer.preview;
      const planes = answer.channels.map((channel) => bytesOf(channel.pixels));
      const names = answer.channels.map((channel) => channel.name);
      paintComposite(document.getElementById('inspect-image'), preview, names, planes);

      const channelBox = document.getElementById('inspect-channels');
      channelBox.replaceChildren(...answer.channels.map((channel, i) => {
        const figure = document.createElement('figure');
        figure.className = 'inspect-figure channel';
        figure.dataset.channel = channel.name;
        const canvas = document.createElement('canvas');
        canvas.width = preview.width;
        canvas.height = preview.height;
        canvas.setAttribute('aria-label', deepdashText('js.inspect.channelLabel', [channel.name]));
        paintGrey(canvas, planes[i]);
        const caption = document.createElement('figcaption');
        caption.textContent = deepdashText('js.inspect.channelCaption', [channel.name, channel.min, channel.max]);
        figure.append(canvas, caption);
        return figure;
      }));

      paintStrip(preview, names, planes);
      result.hidden = false;
    }

    // The channels put back together: grey or RGB, with alpha when there is one.
    function colourAt(names, planes, i) {
      const grey = names[0] === 'grey';
      const alphaIndex = names.indexOf('A');
      const r = planes[0][i];
      return [r, grey ? r : planes[1][i], grey ? r : planes[2][i], alphaIndex < 0 ? 255 : planes[alphaIndex][i]];
    }

    function paintComposite(canvas, preview, names, planes) {
      canvas.width = preview.width;
      canvas.height = preview.height;
      const context = canvas.getContext('2d');
      const image = context.createImageData(preview.width, preview.height);
      for (let i = 0; i < preview.width * preview.height; i++) {
        image.data.set(colourAt(names, planes, i), 4 * i);
      }
      context.putImageData(image, 0, 0);
    }

    // The first rows laid end to end, as flattening does before a plain network sees the image.
    function paintStrip(preview, names, planes) {
      const rows = Math.min(STRIP_ROWS, preview.height);
      const canvas = document.getElementById('inspect-strip');
      canvas.width = rows * preview.width;
      canvas.height = 1;
      const context = canvas.getContext('2d');
      const image = context.createImageData(canvas.width, 1);
      for (let i = 0; i < canvas.width; i++) {
        image.data.set(colourAt(names, planes, i), 4 * i);
      }
      context.putImageData(image, 0, 0);
      canvas.dataset.rows = String(rows);
      document.getElementById('inspect-strip-caption').textContent = deepdashText(
        preview.scale > 1 ? 'js.inspect.stripPreview' : 'js.inspect.strip', [rows, canvas.width, preview.width]);
    }

    input.addEventListener('change', () => inspect(input.files[0]));
    ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add('dragging');
    }));
    ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('dragging')));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      const file = event.dataTransfer && event.dataTransfer.files[0];
      inspect(file);
    });
  }

  function start() {
    drawPixelCanvases(document);
    // Fragments htmx swaps in (a page of the grid, a digit) bring canvases of their own.
    document.body.addEventListener('htmx:load', (event) => drawPixelCanvases(event.detail.elt));
    const inspector = document.getElementById('image-inspector');
    if (inspector) {
      setUpInspector(inspector);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
