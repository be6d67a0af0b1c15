// Compiled with `tsc --noEmit` against the built package (tests/e2e/types.test.mjs): the declarations
// of pkg/ describe what a TypeScript page uses.
import init, { render, charts, dataset, version, type Chart } from "shaoxing-plan-charts";
import { ShaoxingChart, type SelectDetail } from "shaoxing-plan-charts/element";

await init();
const box = document.createElement("div");
const chart: Chart = render(box, "industry-clusters", { lang: "en", theme: "auto" });
const svg: string = chart.toSvg();
const csv: string = chart.toCsv();
const file: Blob = chart.toCsvBlob();
const cited: string = chart.citation() + chart.citation("2026-11-29") + chart.citation(new Date(), "https://example.org/pkg/");
// @ts-expect-error the access date is a Date or a string
chart.citation(20261129);
const optionNames: string[] = charts().flatMap((c) => c.options.map((o) => o.name));
const words: (string[] | null)[] = charts()[0].options.map((o) => o.values);
const png: Promise<unknown> = chart.toPng();
chart.update({ sort: "value" });
chart.on("select", (event: unknown) => console.log(event));
chart.link(render(document.createElement("div"), "industry-clusters", {}));
chart.select(null);
const id: string = chart.id;
chart.destroy();
const listed: string[] = charts().map((c) => c.title.en);
render(box, "gdp-path"); // options may be left out
chart.on("select", (event) => console.log(event.id?.startsWith("cluster."), event.chart === "industry-clusters"));
const blob: Promise<Blob> = chart.toPng();
// @ts-expect-error not a chart of the package
render(box, "pie", {});
// @ts-expect-error not a value of sort
chart.update({ sort: "size" });
// @ts-expect-error charts send one event
chart.on("hover", () => {});
const data: unknown = dataset();
const text: string = version();

// The element: createElement and querySelector know its class, its events are typed.
const el: ShaoxingChart = document.createElement("shaoxing-chart");
el.setAttribute("chart", "gdp-path");
el.addEventListener("select", (event) => {
  const detail: SelectDetail = event.detail;
  const selected: string | null = detail.id;
  console.log(selected);
});
el.addEventListener("error", (event) => console.log(event.detail.message));
el.addEventListener("load", () => el.handle?.toCsv());
el.addEventListener("load", () => el.handle?.citation("2026-11-29", "https://example.org/pkg/"));
const found = document.querySelector("shaoxing-chart");
const handle: Chart | null | undefined = found?.handle;
// @ts-expect-error the handle is read-only
el.handle = null;
// @ts-expect-error toSvg returns a string
const wrong: number = chart.toSvg();
console.log(file, cited, optionNames, words, svg, csv, png, blob, id, listed, data, text, handle, wrong, customElements.get("shaoxing-chart") === ShaoxingChart);
