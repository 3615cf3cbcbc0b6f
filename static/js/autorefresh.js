// Auto refresh for the board and lists (tracker settings: "Refresh the board and list").
//
// Put on the element to refresh (it must have an id):
//   data-autorefresh="30"                 seconds between refreshes; 0 or empty: off
//   data-autorefresh-url="/applications/?…" optional: what to GET (default: the current URL); answered
//                                          with an HTMX request, so the view returns the element's partial
// The element is replaced (outerHTML) by the element with the same id in the response.
//
// A refresh waits while: the tab is hidden, the user is typing or has focus in a form control,
// a <dialog> or an open <details> menu is showing, a card is being dragged, picked up with the keyboard
// or saved, or a request is running.
// When the tab becomes visible again and a refresh is overdue, it refreshes at once.
(function () {
  "use strict";

  var TYPING_PAUSE_MS = 4000;
  var lastRefresh = Date.now();
  var lastTyping = 0;
  var running = false;

  function target() {
    return document.querySelector("[data-autorefresh]");
  }

  function intervalMs(el) {
    var seconds = parseInt(el.getAttribute("data-autorefresh"), 10);
    return seconds > 0 ? seconds * 1000 : 0;
  }

  function isEditing() {
    var active = document.activeElement;
    if (active && active !== document.body) {
      var tag = active.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || active.isContentEditable) return true;
    }
    return Date.now() - lastTyping < TYPING_PAUSE_MS;
  }

  function isBusy() {
    return (
      running ||
      document.querySelector("dialog[open], details[open], .is-dragging, .is-picked, .is-saving, .htmx-request") !== null
    );
  }

  function shouldPause() {
    return document.hidden || isEditing() || isBusy();
  }

  function refresh(el) {
    var url = el.getAttribute("data-autorefresh-url") || window.location.href;
    running = true;
    fetch(url, { headers: { "HX-Request": "true", "HX-Trigger": el.id }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("refresh failed: " + response.status);
        return response.text();
      })
      .then(function (html) {
        // Never swap under the user: they may have started typing while the request ran.
        if (isEditing()) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById(el.id);
        var current = document.getElementById(el.id);
        if (!fresh || !current) return;
        current.replaceWith(fresh);
        if (window.htmx) window.htmx.process(fresh);
        document.dispatchEvent(new CustomEvent("autorefresh:done", { detail: { id: el.id } }));
      })
      .catch(function () { /* try again at the next interval */ })
      .then(function () {
        running = false;
        lastRefresh = Date.now();
      });
  }

  function tick() {
    var el = target();
    if (!el || !el.id) return;
    var every = intervalMs(el);
    if (!every || shouldPause()) return;
    if (Date.now() - lastRefresh >= every) refresh(el);
  }

  document.addEventListener("keydown", function () { lastTyping = Date.now(); }, true);
  document.addEventListener("input", function () { lastTyping = Date.now(); }, true);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) tick(); });
  document.addEventListener("htmx:afterSwap", function () { lastRefresh = Date.now(); });
  function start() {
    lastRefresh = Date.now();
    window.setInterval(tick, 1000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  // For tests and tools: window.zentropyAutorefresh.paused() says whether a refresh would wait now.
  window.zentropyAutorefresh = { paused: shouldPause, refreshNow: function () { var el = target(); if (el) refresh(el); } };
})();
