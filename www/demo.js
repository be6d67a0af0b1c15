// The demo page: one chart with language, theme and order switches, and downloads.
import init, { render, version } from "../pkg/shaoxing_plan_charts.js";

const form = document.getElementById("controls");
const status = document.getElementById("status");
const params = new URLSearchParams(location.search);
const options = {
  lang: params.get("lang") === "en" ? "en" : "zh",
  theme: ["light", "dark"].includes(params.get("theme")) ? params.get("theme") : "auto",
  sort: params.get("sort") === "value" ? "value" : "plan",
};

function applyPageLanguage(lang) {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  for (const el of document.querySelectorAll("[data-zh]")) {
    el.textContent = el.dataset[lang];
  }
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

try {
  await init();
  document.getElementById("version").textContent = version();
  form.elements.lang.value = options.lang;
  form.elements.theme.value = options.theme;
  form.elements.sort.value = options.sort;
  applyPageLanguage(options.lang);
  const chart = render(document.getElementById("chart"), "industry-clusters", options);

  form.addEventListener("change", () => {
    const next = { lang: form.elements.lang.value, theme: form.elements.theme.value, sort: form.elements.sort.value };
    applyPageLanguage(next.lang);
    chart.update(next);
  });
  const base = "shaoxing-industry-clusters";
  document.getElementById("download-png").addEventListener("click", async () => download(`${base}.png`, await chart.toPng()));
  document.getElementById("download-svg").addEventListener("click", () =>
    download(`${base}.svg`, new Blob([chart.toSvg()], { type: "image/svg+xml" })));
  document.getElementById("download-csv").addEventListener("click", () =>
    // A byte-order mark lets Excel open the Chinese text as UTF-8.
    download(`${base}.csv`, new Blob(["\uFEFF", chart.toCsv()], { type: "text/csv;charset=utf-8" })));
} catch (error) {
  status.textContent = String(error.message || error);
  status.classList.add("error");
  throw error;
}
