// Tracker settings page: select the new calendar feed URL when focused, so it is easy to copy.
(function () {
  "use strict";
  function init(root) {
    root.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
      if (input.dataset.bound) return;
      input.dataset.bound = "1";
      input.addEventListener("focus", function () { input.select(); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
