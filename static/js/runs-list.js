// The Runs page: remembers which runs are ticked while htmx swaps the table (filters, pages, the
// live refresh), and opens the compare page for two or more of them.
(function () {
  'use strict';

  const MAX_COMPARED = 12;
  const form = document.getElementById('compare-form');
  if (!form) {
    return;
  }
  const button = form.querySelector('[data-role="compare"]');
  const note = form.querySelector('[data-role="selection"]');
  const selected = new Set();

  function boxes() {
    return document.querySelectorAll('#run-table input[name="ids"]');
  }

  function sync() {
    boxes().forEach((box) => {
      box.checked = selected.has(box.value);
    });
    button.disabled = selected.size < 2 || selected.size > MAX_COMPARED;
    if (selected.size === 0) {
      note.textContent = deepdashText('js.runs.tickTwo');
    } else if (selected.size > MAX_COMPARED) {
      note.textContent = deepdashText('js.runs.tooMany', [selected.size, MAX_COMPARED]);
    } else {
      note.textContent = deepdashText('js.runs.selected', [selected.size]);
    }
  }

  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!box.matches || !box.matches('#run-table input[name="ids"]')) {
      return;
    }
    if (box.checked) {
      selected.add(box.value);
    } else {
      selected.delete(box.value);
    }
    sync();
  });

  // The ticked runs may be on several pages; the form alone would only send this page's boxes.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (selected.size >= 2) {
      window.location.href = form.action + '?ids=' + Array.from(selected).map(encodeURIComponent).join(',');
    }
  });

  document.addEventListener('htmx:afterSwap', sync);
  sync();
})();
