// Every chart of the package on one page, each linking to the chart tool with its options and to its data.
import init, { render, charts } from "../pkg/shaoxing_plan_charts.js";
import { carryLanguage } from "./site-nav.js";
import { dataLinks } from "./data-links.js";

const form = document.getElementById("controls");
const gallery = document.getElementById("gallery");
const status = document.getElementById("status");
const rendered = [];

function applyPageLanguage(lang) {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  carryLanguage(lang);
  for (const el of document.querySelectorAll("[data-zh]")) {
    el.textContent = el.dataset[lang];
  }
}

try {
  await init();
  const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
  form.elements.lang.value = lang;
  applyPageLanguage(lang);
  for (const { id, title } of charts()) {
    const section = document.createElement("section");
    section.className = "gallery-item";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = `./?chart=${encodeURIComponent(id)}${lang === "en" ? "&lang=en" : ""}`;
    link.dataset.zh = title.zh;
    link.dataset.en = title.en;
    link.textContent = title[lang];
    heading.append(link);
    const box = document.createElement("div");
    box.className = "chart-box";
    section.append(heading, box, dataLinks(id, lang));
    gallery.append(section);
    rendered.push({ id, chart: render(box, id, { lang, theme: "auto" }), link });
  }
  form.addEventListener("change", () => {
    const next = form.elements.lang.value;
    applyPageLanguage(next);
    for (const { chart, link } of rendered) {
      chart.update({ lang: next });
      link.href = `./?chart=${encodeURIComponent(chart.id)}${next === "en" ? "&lang=en" : ""}`;
    }
  });
} catch (error) {
  status.textContent = String(error.message || error);
  status.classList.add("error");
  throw error;
}
