// The cures page: once every cure run's panel has reported a final status, open compare.
(function () {
  'use strict';

  const root = document.getElementById('cure-runs');
  if (!root) {
    return;
  }
  const FINAL = ['completed', 'failed', 'cancelled', 'interrupted'];
  const panels = Array.from(root.querySelectorAll('.run-panel[data-run-id]'));
  const allFinished = () => panels.every((panel) => FINAL.includes(panel.dataset.status));
  const openCompare = () => {
    if (allFinished()) {
      window.location.assign(root.dataset.compareUrl);
    }
  };
  root.addEventListener('run-finished', openCompare);
  openCompare();
})();
