// Insights charts. The figures come from the <script type="application/json" id="insights-data"> element
// (json_script: data, never executed), the colours from the theme's CSS variables. No inline script (CSP).
(function () {
  "use strict";

  function css(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function palette() {
    return {
      primary: css("--primary", "#3d5afe"),
      soft: css("--primary-soft", "#e8ecff"),
      text: css("--text", "#1b1f24"),
      muted: css("--text-muted", "#5a6270"),
      border: css("--border", "#d9dde3"),
      series: [css("--primary", "#3d5afe"), css("--success", "#1b7f4b"), css("--warning", "#9a6300"), css("--danger", "#c62828"), css("--text-muted", "#5a6270"), "#8e6bd8", "#1f9bb4", "#c2185b", "#7c8b2f"],
    };
  }

  function axes(colors) {
    var common = { ticks: { color: colors.muted }, grid: { color: colors.border } };
    return { x: common, y: Object.assign({ beginAtZero: true, ticks: { color: colors.muted, precision: 0 } }, { grid: { color: colors.border } }) };
  }

  function build(kind, data, colors) {
    var base = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } };
    if (kind === "weeks") {
      return { type: "bar", data: { labels: data.weeks.map(function (w) { return w.week; }), datasets: [{ label: "Applications", data: data.weeks.map(function (w) { return w.count; }), backgroundColor: colors.primary }] }, options: Object.assign({ scales: axes(colors) }, base) };
    }
    if (kind === "funnel") {
      var stages = data.funnel.stages;
      return { type: "bar", data: { labels: stages.map(function (s) { return s.label; }), datasets: [{ label: "Reached", data: stages.map(function (s) { return s.count; }), backgroundColor: colors.primary }] }, options: Object.assign({ indexAxis: "y", scales: axes(colors) }, base) };
    }
    if (kind === "statuses") {
      var rows = data.statuses;
      var options = Object.assign({}, base, { plugins: { legend: { display: true, position: "bottom", labels: { color: colors.text } } } });
      return { type: "doughnut", data: { labels: rows.map(function (s) { return s.label; }), datasets: [{ data: rows.map(function (s) { return s.count; }), backgroundColor: colors.series, borderColor: css("--surface", "#fff") }] }, options: options };
    }
    if (kind === "stages") {
      return { type: "bar", data: { labels: data.stages.map(function (s) { return s.label; }), datasets: [{ label: "Average days", data: data.stages.map(function (s) { return s.days; }), backgroundColor: colors.primary }] }, options: Object.assign({ scales: axes(colors) }, base) };
    }
    return null;
  }

  var charts = [];

  function draw() {
    var source = document.getElementById("insights-data");
    if (!source || !window.Chart) return;
    var data = JSON.parse(source.textContent);
    var colors = palette();
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var config = build(canvas.getAttribute("data-chart"), data, colors);
      if (config) charts.push(new window.Chart(canvas, config));
    });
    document.documentElement.setAttribute("data-charts", String(charts.length));
  }

  document.addEventListener("DOMContentLoaded", draw);
  // The theme switch changes the CSS variables: redraw in the new colours.
  new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
