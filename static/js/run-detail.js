// A run's page: the delete button becomes usable once the run has ended.
(function () {
  'use strict';

  document.addEventListener('run-finished', () => {
    const button = document.querySelector('[data-role="delete-run"]');
    if (button) {
      button.disabled = false;
    }
  });
})();
