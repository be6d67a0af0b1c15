// The linked explainer: the cluster chart, the district map and the district × industry matrix on
// one page; a selection in any of them shows in all three, and is named in words above them.
import init, { render, charts, dataset } from "../pkg/shaoxing_plan_charts.js";
import { carryLanguage } from "./site-nav.js";
import { dataLinks } from "./data-links.js";

const form = document.getElementById("controls");
const said = document.getElementById("selection");
const status = document.getElementById("status");
const PANELS = [
  ["map", "district-map"],
  ["clusters", "industry-clusters"],
  ["matrix", "district-industries"],
];

function applyPageLanguage(lang) {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  carryLanguage(lang);
  for (const el of document.querySelectorAll("[data-zh]")) {
    el.textContent = el.dataset[lang];
  }
}

try {
  await init();
  const data = dataset();
  const names = new Map();
  for (const list of [data.clusters, data.industries, data.districts]) {
    for (const item of list) names.set(item.id, { zh: item.name_zh, en: item.name_en });
  }
  const available = new Set(charts().map((c) => c.id));
  let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
  form.elements.lang.value = lang;
  applyPageLanguage(lang);

  const shown = [];
  for (const [box, id] of PANELS) {
    const el = document.getElementById(box);
    if (available.has(id)) {
      shown.push(render(el, id, { lang, theme: "auto" }));
      el.after(dataLinks(id, lang));
    } else {
      el.closest("section").hidden = true;
    }
  }
  for (const other of shown.slice(1)) shown[0].link(other);

  let selected = null;
  const describe = () => {
    const name = selected && names.get(selected);
    said.textContent = name
      ? (lang === "en" ? `Selected: ${name.en}` : `已选择：${name.zh}`)
      : (lang === "en" ? "Nothing selected." : "未选择。");
  };
  for (const chart of shown) {
    chart.on("select", (event) => {
      selected = event.id;
      describe();
    });
  }
  describe();
  document.getElementById("clear").addEventListener("click", () => {
    shown[0].select(null);
    selected = null;
    describe();
  });
  form.addEventListener("change", () => {
    lang = form.elements.lang.value;
    applyPageLanguage(lang);
    for (const chart of shown) chart.update({ lang });
    describe();
  });
} catch (error) {
  status.textContent = String(error.message || error);
  status.classList.add("error");
  throw error;
}
