// The same charts with ECharts, given the full or a tree-shaken `echarts` namespace. Animation is
// off, as this package does not animate: the first frame is the finished chart.
import data from "../dist/data.json";
import { chart, containers, reportPainted, onPage } from "./page.js";

export function start(echarts) {
  const figures = data[chart];
  const option = chart === "gdp-path" ? lineOption(figures) : barOption(figures);
  const charts = containers().map((el) => {
    const instance = echarts.init(el, null, { renderer: "canvas" });
    instance.setOption(option);
    return instance;
  });
  reportPainted();

  const first = charts[0];
  let hovered = null;
  first.on("mouseover", (e) => (hovered = e.name));
  first.on("mouseout", () => (hovered = null));
  window.benchPage = {
    wasmMemory: () => 0,
    hovered: () => hovered,
    marks: () =>
      [0, 1].map((i) => {
        const [x, y] = first.convertToPixel({ seriesIndex: 0 }, [figures.values[i] / 2, i]);
        return { ...onPage(first.getDom(), x, y), label: figures.labels[i] };
      }),
  };
}

function barOption({ title, unit, labels, values }) {
  return {
    animation: false,
    title: { text: title, left: "center" },
    tooltip: { trigger: "item" },
    xAxis: { type: "value", name: unit },
    yAxis: { type: "category", data: labels, inverse: true },
    series: [{ type: "bar", name: unit, data: values }],
  };
}

function lineOption({ title, unit, points }) {
  return {
    animation: false,
    title: { text: title, left: "center" },
    tooltip: { trigger: "item" },
    xAxis: { type: "value", min: points[0][0], max: points.at(-1)[0], minInterval: 1 },
    yAxis: { type: "value", name: unit },
    series: [{ type: "line", name: unit, data: points }],
  };
}
