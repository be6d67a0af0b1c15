// The same charts with Chart.js's full build (chart.js/auto registers every chart type, scale and
// plugin). Animation is off, as this package does not animate.
import Chart from "chart.js/auto";
import data from "../dist/data.json";
import { chart, containers, reportPainted, onPage } from "./page.js";

const figures = data[chart];
const config = chart === "gdp-path" ? lineConfig(figures) : barConfig(figures);
const charts = containers().map((el) => {
  const canvas = document.createElement("canvas");
  el.append(canvas);
  return new Chart(canvas, config);
});
reportPainted();

const first = charts[0];
window.benchPage = {
  wasmMemory: () => 0,
  hovered: () => {
    const [active] = first.getActiveElements();
    return active ? figures.labels[active.index] : null;
  },
  marks: () =>
    [0, 1].map((i) => {
      const bar = first.getDatasetMeta(0).data[i];
      return { ...onPage(first.canvas, (bar.x + bar.base) / 2, bar.y), label: figures.labels[i] };
    }),
};

function common(title) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { title: { display: true, text: title }, legend: { display: false } },
  };
}

function barConfig({ title, unit, labels, values }) {
  return {
    type: "bar",
    data: { labels, datasets: [{ label: unit, data: values }] },
    options: { ...common(title), indexAxis: "y", scales: { x: { title: { display: true, text: unit } } } },
  };
}

function lineConfig({ title, unit, points }) {
  return {
    type: "line",
    data: { datasets: [{ label: unit, data: points.map(([x, y]) => ({ x, y })) }] },
    options: {
      ...common(title),
      scales: {
        x: { type: "linear", min: points[0][0], max: points.at(-1)[0], ticks: { stepSize: 1 } },
        y: { title: { display: true, text: unit } },
      },
    },
  };
}
