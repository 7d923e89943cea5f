// The page's texts in its language, for scripts: layout.jte writes every js.* text of the bundles into
// <script type="application/json" id="deepdash-texts"> (data, not code, so the CSP allows it).
// deepdashText('js.key', [a, b]) fills {0}, {1}...; a key the page lacks reads as the key itself.
(function () {
  'use strict';
  let texts = null;

  function load() {
    if (texts === null) {
      const block = document.getElementById('deepdash-texts');
      try {
        texts = block ? JSON.parse(block.textContent) : {};
      } catch (e) {
        texts = {};
      }
    }
    return texts;
  }

  window.deepdashText = function (key, args) {
    const pattern = load()[key];
    if (pattern === undefined) {
      return key;
    }
    return pattern.replace(/\{(\d+)\}/g, (match, index) =>
      args && args[index] !== undefined && args[index] !== null ? String(args[index]) : match);
  };

  // The nav's language link is a plain "?lang=xx" (it works without scripts, but drops the page's
  // other parameters, such as the Runs page's filters): keep them.
  function keepQueryOnLanguageLinks() {
    document.querySelectorAll('.lang-switch a[data-lang]').forEach((link) => {
      const url = new URL(window.location.href);
      url.searchParams.set('lang', link.dataset.lang);
      link.href = url.pathname + url.search + url.hash;
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', keepQueryOnLanguageLinks);
  } else {
    keepQueryOnLanguageLinks();
  }
}());
