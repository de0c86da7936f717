// Draws the dashboard's charts from the JSON beside each canvas. Progressive enhancement: every chart has its data
// as a table one click away, so without JavaScript (or Chart.js) nothing is lost.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  // The Okabe–Ito palette, which people with each common kind of colour blindness can tell apart.
  var colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
  var sentimentColours = { Positive: "#009e73", Neutral: "#999999", Mixed: "#e69f00", Negative: "#d55e00", "Not analysed": "#dddddd" };
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById("chart-" + canvas.getAttribute("data-chart"));
    if (!source) {
      return;
    }

    var data = JSON.parse(source.textContent);
    var stacked = data.type === "stacked";
    var horizontal = data.type === "hbar";
    var datasets = data.datasets.map(function (set, i) {
      var colour = stacked ? sentimentColours[set.label] || colours[i % colours.length] : colours[i % colours.length];
      var dataset = { label: set.label, data: set.data, backgroundColor: colour, borderColor: colour, fill: false, tension: 0.2, spanGaps: true };
      if (data.diverging) {
        // Rising themes in vermilion, falling ones in blue, with the sign in the labels as well as the colour.
        dataset.backgroundColor = set.data.map(function (value) { return value > 0 ? colours[1] : colours[0]; });
      }

      return dataset;
    });
    var valueAxis = { stacked: stacked, beginAtZero: true };
    if (data.percent) {
      valueAxis.max = 100;
    }

    new window.Chart(canvas, {
      type: stacked || horizontal ? "bar" : data.type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : undefined,
        scales: horizontal ? { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } } : { x: { stacked: stacked }, y: valueAxis },
        plugins: { legend: { display: datasets.length > 1, position: "bottom" } }
      }
    });
  });
})();
