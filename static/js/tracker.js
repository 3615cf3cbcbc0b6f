// Application tracker: board drag and drop (native HTML5 DnD) and its keyboard alternative.
// Auto refresh of the board and list is static/js/autorefresh.js (data-autorefresh on the section).
// No inline scripts (CSP): everything hooks on data- attributes. One request per drop; a refused move
// snaps the card back and says why.
(function () {
  "use strict";

  var dragging = null; // {card, from, next}
  var picked = null; // keyboard: {card, from, next, index}

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      return "";
    }
  }

  function columns(board) {
    return Array.prototype.slice.call(board.querySelectorAll("[data-column]"));
  }

  function announce(board, text) {
    var live = board.querySelector("[data-board-live]");
    if (live) live.textContent = text;
  }

  function flash(text, kind) {
    var box = document.getElementById("messages");
    if (!box) return;
    var div = document.createElement("div");
    div.className = "message message--" + (kind || "info");
    div.setAttribute("data-tracker-message", "");
    div.textContent = text;
    box.appendChild(div);
    window.setTimeout(function () { div.remove(); }, 8000);
  }

  // Column badges hold the column's full count (a long column shows only its first cards), so a
  // move adjusts them by one rather than counting the cards on the page.
  function adjustCount(list, delta) {
    var column = list.closest("[data-column]");
    var badge = column && column.querySelector("[data-count]");
    if (badge) {
      var count = Math.max(0, parseInt(badge.dataset.count, 10) + delta);
      badge.dataset.count = String(count);
      badge.textContent = String(count);
      badge.setAttribute("aria-label", count + (count === 1 ? " application" : " applications"));
    }
    var placeholder = list.querySelector("[data-placeholder]");
    if (placeholder) placeholder.hidden = list.querySelector("[data-card]") !== null;
  }

  function snapBack(board, move) {
    var list = move.card.parentNode;
    if (move.next && move.next.parentNode === move.from) move.from.insertBefore(move.card, move.next);
    else move.from.insertBefore(move.card, move.from.querySelector(".board__more"));
    if (list !== move.from) {
      adjustCount(list, -1);
      adjustCount(move.from, +1);
    }
    move.card.focus();
  }

  // The one request of a drop: POST the column; the server answers JSON with the re-rendered card.
  function sendMove(board, move, columnKey, columnLabel) {
    var body = new FormData();
    body.append("column", columnKey);
    move.card.classList.add("is-saving");
    fetch(move.card.dataset.moveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        move.card.classList.remove("is-saving");
        if (!result.ok || !result.data.ok) {
          snapBack(board, move);
          var why = (result.data && result.data.message) || "That move is not allowed.";
          flash(why, "error");
          announce(board, "Not moved. " + why);
          return;
        }
        if (result.data.card) {
          var holder = document.createElement("div");
          holder.innerHTML = result.data.card.trim();
          var fresh = holder.firstElementChild;
          move.card.replaceWith(fresh);
          bindCard(board, fresh);
          if (window.htmx) window.htmx.process(fresh);
          fresh.focus();
        }
        announce(board, result.data.message || "Moved to " + columnLabel + ".");
      })
      .catch(function () {
        move.card.classList.remove("is-saving");
        snapBack(board, move);
        flash("Could not reach the server; the card was put back.", "error");
      });
  }

  function dropInto(board, move, column) {
    var list = column.querySelector("[data-dropzone]");
    if (list === move.from) {
      snapBack(board, move);
      return;
    }
    list.insertBefore(move.card, list.firstChild);
    adjustCount(list, +1);
    adjustCount(move.from, -1);
    sendMove(board, move, column.dataset.column, column.dataset.dropLabel);
  }

  function bindCard(board, card) {
    if (card.dataset.bound) return;
    card.dataset.bound = "1";
    card.addEventListener("dragstart", function (event) {
      dragging = { card: card, from: card.parentNode, next: card.nextElementSibling };
      card.classList.add("is-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.dataset.id);
    });
    card.addEventListener("dragend", function () {
      card.classList.remove("is-dragging");
      columns(board).forEach(function (c) { c.classList.remove("is-over"); });
      dragging = null;
    });
    card.addEventListener("keydown", function (event) {
      if (event.target !== card) return;
      onCardKey(board, card, event);
    });
  }

  function onCardKey(board, card, event) {
    var cols = columns(board);
    if (!picked && (event.key === " " || event.key === "Spacebar")) {
      event.preventDefault();
      var index = cols.indexOf(card.closest("[data-column]"));
      picked = { card: card, from: card.parentNode, next: card.nextElementSibling, index: index, start: index };
      card.classList.add("is-picked");
      card.setAttribute("aria-grabbed", "true");
      announce(board, "Picked up. Column " + cols[index].dataset.dropLabel + ". Use Left and Right, then Space to drop.");
      return;
    }
    if (!picked || picked.card !== card) return;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      cols[picked.index].classList.remove("is-over");
      picked.index = Math.max(0, Math.min(cols.length - 1, picked.index + (event.key === "ArrowRight" ? 1 : -1)));
      cols[picked.index].classList.add("is-over");
      announce(board, cols[picked.index].dataset.dropLabel);
    } else if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      var move = picked;
      finishPick(cols);
      if (move.index === move.start) {
        announce(board, "Dropped where it was.");
        return;
      }
      dropInto(board, move, cols[move.index]);
      move.card.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      finishPick(cols);
      announce(board, "Move cancelled.");
    }
  }

  function finishPick(cols) {
    cols.forEach(function (c) { c.classList.remove("is-over"); });
    picked.card.classList.remove("is-picked");
    picked.card.removeAttribute("aria-grabbed");
    picked = null;
  }

  function bindBoard(board) {
    if (board.dataset.bound) return;
    board.dataset.bound = "1";
    columns(board).forEach(function (column) {
      column.addEventListener("dragover", function (event) {
        if (!dragging) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        column.classList.add("is-over");
      });
      column.addEventListener("dragleave", function (event) {
        if (!column.contains(event.relatedTarget)) column.classList.remove("is-over");
      });
      column.addEventListener("drop", function (event) {
        if (!dragging) return;
        event.preventDefault();
        column.classList.remove("is-over");
        var move = dragging;
        dragging = null;
        dropInto(board, move, column);
      });
    });
    board.querySelectorAll("[data-card]").forEach(function (card) { bindCard(board, card); });
  }

  function init(root) {
    var boards = root.matches && root.matches("[data-board]") ? [root] : root.querySelectorAll("[data-board]");
    Array.prototype.forEach.call(boards, bindBoard);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) {
    var board = event.target.closest ? event.target.closest("[data-board]") : null;
    if (board && event.target.matches && event.target.matches("[data-card]")) {
      bindCard(board, event.target);
      return;
    }
    init(event.target);
  });
  // autorefresh.js swaps in a fresh board: bind its cards again.
  document.addEventListener("autorefresh:done", function (event) {
    var fresh = document.getElementById(event.detail.id);
    if (fresh) init(fresh);
  });
})();
