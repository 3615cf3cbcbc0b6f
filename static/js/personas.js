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

  // Drag and drop reordering, on top of the ↑/↓ buttons (which stay the keyboard and no-JS way).
  // A list with data-reorder-url posts its new order as ids=... and gets the section back.
  function initReorder(root) {
    var lists = root.querySelectorAll ? root.querySelectorAll("[data-reorder-url]") : [];
    if (root.matches && root.matches("[data-reorder-url]")) lists = [root].concat(Array.from(lists));
    Array.prototype.forEach.call(lists, function (list) {
      if (list.dataset.reorderBound) return;
      list.dataset.reorderBound = "1";
      var dragged = null;
      var before = "";
      var items = function () {
        return Array.prototype.filter.call(list.children, function (el) { return el.dataset.id; });
      };
      items().forEach(function (li) {
        if (li.querySelector("form.part-form")) return; // an open form: typing, not dragging
        li.draggable = true;
        li.classList.add("is-draggable");
      });
      list.addEventListener("dragstart", function (event) {
        var li = event.target.closest && event.target.closest("[data-id]");
        if (!li || li.parentElement !== list) return;
        event.stopPropagation(); // a bullet's drag is not its role's
        dragged = li;
        before = items().map(function (el) { return el.dataset.id; }).join(",");
        li.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", li.dataset.id);
      });
      list.addEventListener("dragover", function (event) {
        if (!dragged) return;
        var over = event.target.closest && event.target.closest("[data-id]");
        while (over && over.parentElement !== list) over = over.parentElement.closest("[data-id]");
        event.preventDefault();
        if (!over || over === dragged) return;
        var box = over.getBoundingClientRect();
        list.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? over.nextSibling : over);
      });
      list.addEventListener("drop", function (event) { if (dragged) event.preventDefault(); });
      list.addEventListener("dragend", function (event) {
        if (!dragged) return;
        event.stopPropagation();
        dragged.classList.remove("is-dragging");
        dragged = null;
        var ids = items().map(function (el) { return el.dataset.id; });
        if (ids.join(",") === before || !window.htmx) return;
        window.htmx.ajax("POST", list.dataset.reorderUrl, {
          source: list,
          target: "#" + list.closest(".persona-section").id,
          swap: "outerHTML",
          values: { ids: ids },
        });
      });
    });
  }

  function init(root) {
    initBusyButtons(root);
    initKeepGroups(root);
    initReorder(root);
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
