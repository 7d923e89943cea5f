// A run's page: the delete button becomes usable once the run has ended (and its hint goes), "Open
// in Draw" appears when a CNN run completes, and the name and notes form sends JSON.
(function () {
  'use strict';

  document.addEventListener('run-finished', (event) => {
    const button = document.querySelector('[data-role="delete-run"]');
    if (button) {
      button.disabled = false;
    }
    const hint = document.querySelector('[data-role="delete-hint"]');
    if (hint) {
      hint.hidden = true;
    }
    const draw = document.querySelector('[data-role="open-in-draw"]');
    if (draw && event.detail && event.detail.status === 'completed') {
      draw.hidden = false;
    }
  });

  // hx-ext="json-body": the form's fields as one JSON object, as PATCH /api/runs/{id} takes them.
  if (window.htmx) {
    window.htmx.defineExtension('json-body', {
      onEvent(name, event) {
        if (name === 'htmx:configRequest') {
          event.detail.headers['Content-Type'] = 'application/json';
        }
      },
      encodeParameters(xhr, parameters) {
        const body = {};
        parameters.forEach((value, key) => {
          body[key] = value;
        });
        return JSON.stringify(body);
      },
    });
  }
})();
