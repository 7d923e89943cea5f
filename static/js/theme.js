// Light or dark: the system's choice (prefers-color-scheme) until the user presses the toggle in the
// nav, then theirs, remembered in localStorage. Loaded early in <head> (the CSP allows no inline
// script), so the page is painted in its theme from the first frame; the toggle is wired once the
// nav exists. Charts follow through the 'deepdash:theme' event (static/js/charts.js).
(function () {
  'use strict';

  const KEY = 'deepdash-theme';
  const root = document.documentElement;
  const system = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      const value = localStorage.getItem(KEY);
      return value === 'dark' || value === 'light' ? value : null;
    } catch (e) {
      // Storage can be switched off; the system's choice still applies.
      return null;
    }
  }

  function current() {
    return stored() || (system && system.matches ? 'dark' : 'light');
  }

  function apply(theme) {
    if (root.dataset.theme === theme) {
      return;
    }
    root.dataset.theme = theme;
    const toggle = document.getElementById('theme-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', String(theme === 'dark'));
    }
    document.dispatchEvent(new CustomEvent('deepdash:theme', {detail: {theme}}));
  }

  apply(current());
  if (system && system.addEventListener) {
    system.addEventListener('change', () => apply(current()));
  }
  // Another tab's toggle.
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) {
      apply(current());
    }
  });

  document.addEventListener('DOMContentLoaded', () => {
    const toggle = document.getElementById('theme-toggle');
    if (!toggle) {
      return;
    }
    toggle.hidden = false;
    toggle.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
    toggle.addEventListener('click', () => {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(KEY, next);
      } catch (e) {
        // Not remembered, but still applied to this page.
      }
      apply(next);
    });
  });
})();
