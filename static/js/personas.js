// Persona pages: focus management after HTMX swaps, busy upload buttons, dimmed "not kept" review rows.
// No inline scripts (CSP): everything hooks on data- attributes and classes.
(function () {
  "use strict";

  function focusOpenForm(root) {
    if (root.querySelector("[autofocus]")) return; // app.js focuses it
    var field = root.querySelector(".part-form input:not([type=hidden]), .part-form select, .part-form textarea");
    if (field) field.focus();
  }

  function initBusyButtons(root) {
    root.querySelectorAll("[data-busy-label]").forEach(function (button) {
      if (button.dataset.busyBound) return;
      button.dataset.busyBound = "1";
      var form = button.form;
      if (!form) return;
      form.addEventListener("submit", function () {
        button.setAttribute("aria-disabled", "true");
        button.textContent = button.dataset.busyLabel;
      });
    });
  }

  function initKeepGroups(root) {
    root.querySelectorAll("[data-keep-group]").forEach(function (group) {
      var box = group.querySelector("input[type=checkbox][name$='-keep']");
      if (!box || box.dataset.keepBound) return;
      box.dataset.keepBound = "1";
      var sync = function () { group.classList.toggle("is-dropped", !box.checked); };
      box.addEventListener("change", sync);
      sync();
    });
  }

  function init(root) {
    initBusyButtons(root);
    initKeepGroups(root);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
  document.addEventListener("htmx:afterSwap", function (event) {
    // outerHTML swaps replace the target, so find the new section by its (stable) id.
    var id = event.detail && event.detail.target && event.detail.target.id;
    var section = id ? document.getElementById(id) : null;
    if (section && section.classList.contains("persona-section")) focusOpenForm(section);
  });
})();
