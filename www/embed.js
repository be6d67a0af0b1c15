// The embed page (embed.html): the chart of the address in a <shaoxing-chart>, and its height posted
// to the parent page on load and on every size change, for pkg/embed-resize.js to size the frame.
import "../pkg/shaoxing-chart.js";

const ATTRIBUTES = ["chart", "lang", "theme", "sort", "measure", "category", "fill", "selected"];
const params = new URLSearchParams(location.search);

const chart = document.createElement("shaoxing-chart");
for (const name of ATTRIBUTES) {
  if (params.has(name)) chart.setAttribute(name, params.get(name));
}
if (/^en/i.test(params.get("lang") ?? "")) document.documentElement.lang = "en";
chart.addEventListener("load", () => {
  const title = chart.querySelector(".spc-title")?.textContent;
  if (title) document.title = title;
});
document.body.append(chart);

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
