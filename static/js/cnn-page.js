// The CNN page's train form: says what the "Training images" number means (the train/validation
// split), marks the input a refused form names (aria-invalid, aria-describedby), and when a run is
// started, brings its new panel into view with the focus on it, clearing finished panels away.
(function () {
  'use strict';

  const FORM_ID = 'train-form';
  const ERRORS_ID = 'train-errors';
  const MESSAGE_ID = 'train-error-message';
  const STATUS_ID = 'train-status';
  const PANELS_ID = 'run-panels';
  // As deepdash.training.ImageClassification: the last 20% of the images used validate.
  const VALIDATION_SPLIT = 0.2;
  const ALL_IMAGES = 60000;
  const FINAL = ['completed', 'failed', 'cancelled', 'interrupted'];

  const count = (n) => n.toLocaleString('en-US');

  /** "all 60,000 (48,000 train + 12,000 validation)", or the split of the first N images. */
  function splitText(value) {
    const n = value === '' ? ALL_IMAGES : Number(value);
    if (!Number.isInteger(n) || n < 10 || n > ALL_IMAGES) {
      return deepdashText('js.cnn.splitInvalid');
    }
    const validation = Math.round(n * VALIDATION_SPLIT);
    return deepdashText(n === ALL_IMAGES ? 'js.cnn.splitAll' : 'js.cnn.splitFirst',
        [count(n), count(n - validation), count(validation)]);
  }

  function describedBy(input) {
    return (input.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && id !== MESSAGE_ID);
  }

  function clearInvalid(form) {
    form.querySelectorAll('[aria-invalid="true"]').forEach((input) => {
      input.removeAttribute('aria-invalid');
      const ids = describedBy(input);
      if (ids.length) {
        input.setAttribute('aria-describedby', ids.join(' '));
      } else {
        input.removeAttribute('aria-describedby');
      }
    });
  }

  function markInvalid(form) {
    const message = document.getElementById(MESSAGE_ID);
    const name = message ? message.dataset.input : '';
    const input = name ? form.querySelector('[name="' + CSS.escape(name) + '"]') : null;
    if (!input) {
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', describedBy(input).concat([MESSAGE_ID]).join(' '));
    // The cures' inputs sit in a <details> that may be closed.
    const details = input.closest('details');
    if (details) {
      details.open = true;
    }
    input.focus();
  }

  /** The new panel on top: finished ones and the "no run yet" line go, the new one comes into view. */
  function showNewRun(panels) {
    const panel = panels.querySelector('.run-panel');
    if (!panel) {
      return;
    }
    panels.querySelectorAll('[data-role="no-runs"]').forEach((line) => line.remove());
    panels.querySelectorAll('.run-panel').forEach((other) => {
      if (other !== panel && FINAL.includes(other.dataset.status)) {
        if (other.eventSource) {
          other.eventSource.close();
        }
        other.remove();
      }
    });
    panel.scrollIntoView({block: 'start'});
    const heading = panel.querySelector('[data-role="heading"]');
    (heading || panel).focus({preventScroll: true});
  }

  function setUp() {
    const form = document.getElementById(FORM_ID);
    if (!form) {
      return;
    }
    const limit = form.querySelector('[name="trainLimit"]');
    const split = form.querySelector('[data-role="train-limit-split"]');
    if (limit && split) {
      const show = () => {
        split.textContent = splitText(limit.value.trim());
      };
      limit.addEventListener('input', show);
      show();
    }
    document.body.addEventListener('htmx:afterSwap', (event) => {
      const target = event.detail.target;
      if (!target) {
        return;
      }
      if (target.id === ERRORS_ID) {
        clearInvalid(form);
        const status = document.getElementById(STATUS_ID);
        if (status) {
          status.textContent = '';
        }
        markInvalid(form);
      } else if (target.id === PANELS_ID) {
        clearInvalid(form);
        showNewRun(target);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
  window.DeepDashCnnPage = {splitText};
})();
