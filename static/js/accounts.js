// Account pages: the live password checklist on signup. Hooks on data- attributes only (CSP).
(function () {
  "use strict";

  function check(list, password) {
    var value = password.value || "";
    list.querySelectorAll("[data-rule]").forEach(function (item) {
      var met = false;
      if (item.dataset.rule === "min") met = value.length >= 8;
      if (item.dataset.rule === "max") met = value.length > 0 && value.length <= 128;
      if (item.dataset.rule === "match") {
        var other = document.getElementById(item.dataset.match);
        met = value.length > 0 && !!other && other.value === value;
      }
      item.classList.toggle("is-met", met);
    });
  }

  function init(root) {
    root.querySelectorAll("[data-password-checklist]").forEach(function (list) {
      if (list.dataset.bound) return;
      list.dataset.bound = "1";
      var password = document.getElementById(list.dataset.passwordChecklist);
      if (!password) return;
      var inputs = [password];
      list.querySelectorAll("[data-match]").forEach(function (item) {
        var other = document.getElementById(item.dataset.match);
        if (other) inputs.push(other);
      });
      inputs.forEach(function (input) {
        input.addEventListener("input", function () { check(list, password); });
      });
      check(list, password);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
