// Tracker settings page: select the new calendar feed URL when focused, so it is easy to copy;
// show a theme as soon as it is picked (it is saved with the form).
(function () {
  "use strict";
  function init(root) {
    root.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
      if (input.dataset.bound) return;
      input.dataset.bound = "1";
      input.addEventListener("focus", function () { input.select(); });
    });
    root.querySelectorAll("[data-theme-preview]").forEach(function (select) {
      if (select.dataset.bound) return;
      select.dataset.bound = "1";
      select.addEventListener("change", function () {
        document.documentElement.setAttribute("data-theme", select.value);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
