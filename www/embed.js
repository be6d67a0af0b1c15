// The embed page (embed.html): the chart of the address in a <shaoxing-chart>, and its height posted
// to the parent page on load and on every size change, for pkg/embed-resize.js to size the frame.
//
// The per-chart pages that the build makes from embed.html (embed/<id>.<lang>.html) name their chart
// in <html data-chart> and their language in <html lang>; the address may add the options.
//
// Parameters: chart, lang, theme (default "auto": the reader's colour scheme), the chart's options
// sort, measure, category, fill, selected, and geometry=demo for the district map on the demo
// boundaries of geo/ (not an approved map; geometry=none, the default, draws the schematic).
import "../pkg/shaoxing-chart.js";

const ATTRIBUTES = ["chart", "lang", "theme", "sort", "measure", "category", "fill", "selected"];
const params = new URLSearchParams(location.search);

const chart = document.createElement("shaoxing-chart");
const pageChart = document.documentElement.dataset.chart;
if (pageChart) chart.setAttribute("chart", pageChart);
for (const name of ATTRIBUTES) {
  if (params.has(name) && !(pageChart && (name === "chart" || name === "lang"))) chart.setAttribute(name, params.get(name));
}
if (!params.has("theme")) chart.setAttribute("theme", "auto");
// A per-chart page keeps its own language; embed.html takes the one of the address.
if (!pageChart && /^en/i.test(params.get("lang") ?? "")) document.documentElement.lang = "en";
chart.addEventListener("load", () => {
  const title = chart.querySelector(".spc-title")?.textContent;
  if (title) document.title = title;
});
// In the page's one landmark, where assistive technology looks for its content.
document.querySelector("main").append(chart);

/** Shows a problem of the address that the element cannot show, as the element shows its own. */
function fail(message) {
  const p = document.createElement("p");
  p.className = "embed-message";
  p.setAttribute("role", "alert");
  p.textContent = message;
  document.querySelector("main").prepend(p);
}

const geometry = params.get("geometry");
if (geometry !== null && geometry !== "none") {
  const geojson = geometry === "demo"
    ? fetch(new URL("geo/shaoxing.geojson", import.meta.url)).then((r) => r.ok ? r.json() : Promise.reject(new Error(`geo/shaoxing.geojson: ${r.status}`)))
    : Promise.reject(new Error(`The parameter "geometry" must be "none" or "demo"; got "${geometry}".`));
  const drawn = new Promise((resolve) => chart.addEventListener("load", resolve, { once: true }));
  Promise.all([geojson, drawn]).then(([data]) => chart.handle?.update({ geometry: data })).catch((error) => fail(String(error.message || error)));
}

if (window.parent !== window) {
  let posted = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    // Only a height and the chart's id: any page may embed the chart and learn them.
    window.parent.postMessage({ type: "shaoxing-chart:height", chart: chart.getAttribute("chart"), height }, "*");
  };
  new ResizeObserver(post).observe(document.documentElement);
}
