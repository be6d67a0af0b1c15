// The demo page: any chart of the package, with language, theme and chart options, and downloads.
// A chart's own options are <label data-option="NAME"> controls, shown when the chart takes them.
import init, { render, charts, version } from "../pkg/shaoxing_plan_charts.js";
import { carryLanguage } from "./site-nav.js";
import { download } from "./save-file.js";
import { dataLinks } from "./data-links.js";

const form = document.getElementById("controls");
const status = document.getElementById("status");
const params = new URLSearchParams(location.search);

/**
 * Chart-specific options each chart takes, by chart id (the rest are lang and theme), as
 * [option, form control] where the control's name differs from the option's.
 */
const CHART_OPTIONS = {
  "industry-clusters": ["sort"],
  "major-projects": ["measure"],
  "main-indicators": ["category"],
  "district-map": ["fill", "geometry"],
  "district-industries": [["sort", "matrix-sort"]],
};
const controls = (chartId) => (CHART_OPTIONS[chartId] || []).map((o) => (Array.isArray(o) ? o : [o, o]));

/** The demo boundaries, fetched once when a reader first picks them (not an approved map). */
let demoGeometry = null;
async function geometry(choice) {
  if (choice !== "demo") return null;
  demoGeometry ??= await (await fetch("geo/shaoxing.geojson")).json();
  return demoGeometry;
}

function applyPageLanguage(lang) {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  carryLanguage(lang);
  for (const el of document.querySelectorAll("[data-zh]")) {
    el.textContent = el.dataset[lang];
  }
  for (const option of form.elements.chart.options) {
    option.textContent = option.dataset[lang];
  }
}

/** The options of the form that apply to `chartId`. */
async function optionsFor(chartId) {
  const options = { lang: form.elements.lang.value, theme: form.elements.theme.value };
  for (const [option, control] of controls(chartId)) {
    const value = form.elements[control].value;
    options[option] = option === "geometry" ? await geometry(value) : value;
  }
  return options;
}

function showOptionControls(chartId) {
  for (const label of form.querySelectorAll("[data-option]")) {
    label.hidden = !controls(chartId).some(([, control]) => control === label.dataset.option);
  }
}

try {
  await init();
  document.getElementById("version").textContent = version();
  const list = charts();
  for (const { id, title } of list) {
    const option = document.createElement("option");
    option.value = id;
    option.dataset.zh = title.zh;
    option.dataset.en = title.en;
    form.elements.chart.append(option);
  }
  const wanted = params.get("chart");
  form.elements.chart.value = list.some((c) => c.id === wanted) ? wanted : list[0].id;
  form.elements.lang.value = params.get("lang") === "en" ? "en" : "zh";
  form.elements.theme.value = ["light", "dark"].includes(params.get("theme")) ? params.get("theme") : "auto";
  for (const label of form.querySelectorAll("[data-option]")) {
    const name = label.dataset.option;
    const select = form.elements[name];
    if ([...select.options].some((o) => o.value === params.get(name))) select.value = params.get(name);
  }
  applyPageLanguage(form.elements.lang.value);

  const container = document.getElementById("chart");
  let chartId = form.elements.chart.value;
  showOptionControls(chartId);
  let chart = render(container, chartId, await optionsFor(chartId));
  let links = dataLinks(chartId, form.elements.lang.value);
  document.querySelector(".downloads").after(links);

  form.addEventListener("change", async (event) => {
    applyPageLanguage(form.elements.lang.value);
    try {
      if (event.target.name === "chart") {
        chartId = form.elements.chart.value;
        showOptionControls(chartId);
        const options = await optionsFor(chartId);
        chart.destroy();
        chart = render(container, chartId, options);
        const next = dataLinks(chartId, form.elements.lang.value);
        links.replaceWith(next);
        links = next;
      } else {
        chart.update(await optionsFor(chartId));
      }
      status.textContent = "";
      status.classList.remove("error");
    } catch (error) {
      status.textContent = String(error.message || error);
      status.classList.add("error");
    }
  });
  const base = () => `shaoxing-${chartId}`;
  document.getElementById("download-png").addEventListener("click", async () => download(`${base()}.png`, await chart.toPng()));
  document.getElementById("download-svg").addEventListener("click", () =>
    download(`${base()}.svg`, new Blob([chart.toSvg()], { type: "image/svg+xml" })));
  // With a byte-order mark, so that Excel opens the Chinese text as UTF-8.
  document.getElementById("download-csv").addEventListener("click", () => download(`${base()}.csv`, chart.toCsvBlob()));
  // The citation names the package where this page loads it from, and today.
  document.getElementById("copy-citation").addEventListener("click", async () => {
    const lang = form.elements.lang.value;
    try {
      await navigator.clipboard.writeText(chart.citation(new Date(), new URL("../pkg/", import.meta.url).href));
      status.textContent = lang === "en" ? "Citation copied." : "已复制引用。";
      status.classList.remove("error");
    } catch (error) {
      status.textContent = String(error.message || error);
      status.classList.add("error");
    }
  });
} catch (error) {
  status.textContent = String(error.message || error);
  status.classList.add("error");
  throw error;
}
