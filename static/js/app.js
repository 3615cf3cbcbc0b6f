// Zentropy Scout page behaviour. No inline scripts anywhere (CSP): everything hooks on data- attributes.
(function () {
  "use strict";

  function applyTheme(theme) {
    document.documentElement.setAttribute("data-theme", theme);
  }

  function initThemeSelect(root) {
    root.querySelectorAll("[data-theme-select]").forEach(function (select) {
      if (select.dataset.bound) return;
      select.dataset.bound = "1";
      select.addEventListener("change", function () {
        applyTheme(select.value);
        var form = select.form;
        var body = new FormData(form);
        fetch(form.action, {
          method: "POST",
          body: body,
          headers: { "HX-Request": "true" },
          credentials: "same-origin",
        });
      });
    });
  }

  function initNavToggle(root) {
    root.querySelectorAll("[data-nav-toggle]").forEach(function (button) {
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () {
        var nav = document.getElementById(button.getAttribute("aria-controls"));
        var open = nav.classList.toggle("is-open");
        button.setAttribute("aria-expanded", open ? "true" : "false");
      });
    });
  }

  function initConfirm(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      if (form.dataset.bound) return;
      form.dataset.bound = "1";
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.dataset.confirm)) event.preventDefault();
      });
    });
  }

  function init(root) {
    initThemeSelect(root);
    initNavToggle(root);
    initConfirm(root);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
  // hx-confirm uses window.confirm; keep focus sensible after swaps.
  document.addEventListener("htmx:afterSwap", function (event) {
    var focusTarget = event.target.querySelector("[autofocus]");
    if (focusTarget) focusTarget.focus();
  });
})();
