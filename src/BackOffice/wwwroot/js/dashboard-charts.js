// Draws the dashboard's charts from the JSON beside each canvas. Progressive enhancement: every chart repeats
// a data table that follows it, so without JavaScript (or Chart.js) nothing is lost.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  // NHS identity colours: blue, dark green, warm yellow, red, purple, aqua green, dark grey, pink, orange, dark blue.
  var colours = ["#005eb8", "#007f3b", "#ffb81c", "#d5281b", "#330072", "#00a499", "#425563", "#ae2573", "#ed8b00", "#003087"];
  var sentimentColours = { Positive: "#007f3b", Neutral: "#768692", Mixed: "#ffb81c", Negative: "#d5281b", "Not analysed": "#d8dde0" };

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById("chart-" + canvas.getAttribute("data-chart"));
    if (!source) {
      return;
    }

    var data = JSON.parse(source.textContent);
    var stacked = data.type === "stacked";
    var datasets = data.datasets.map(function (set, i) {
      var colour = stacked ? sentimentColours[set.label] || colours[i % colours.length] : colours[i % colours.length];
      return { label: set.label, data: set.data, backgroundColor: colour, borderColor: colour, fill: false, tension: 0.2 };
    });
    new window.Chart(canvas, {
      type: stacked ? "bar" : data.type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
        plugins: { legend: { display: datasets.length > 1, position: "bottom" } }
      }
    });
  });
})();
