// The snippet builder: pick a chart and its options (from the package's own list, charts()), see it
// live, copy it as a web component, an iframe or an ES module, download it, copy its citation.
// Snippets use absolute addresses of the package and the embed page where this page is hosted, and
// the integrity hashes the build wrote into pkg/integrity.json.
import init, { render, charts } from "../pkg/shaoxing_plan_charts.js";
import { carryLanguage } from "./site-nav.js";
import { download } from "./save-file.js";

const PACKAGE = new URL("../pkg/", import.meta.url);
/** The embed page of a chart in a language, whose <noscript> shows that chart's picture (made by the build). */
const embedPage = (chart, lang) => new URL(`embed/${chart}.${lang}.html`, import.meta.url);
const GLUE = "shaoxing_plan_charts.js";
const WASM = "shaoxing_plan_charts_bg.wasm";
const ELEMENT = "shaoxing-chart.js";
const RESIZE = "embed-resize.js";

/** Names of the options the builder offers, beyond chart, lang and theme. */
const LABELS = {
  sort: { zh: "排序", en: "Order" },
  measure: { zh: "指标", en: "Measure" },
  category: { zh: "类别", en: "Category" },
  fill: { zh: "着色", en: "Fill" },
};
const MESSAGES = {
  copied: { zh: "已复制。", en: "Copied." },
  copyFailed: { zh: "无法写入剪贴板：请选中文本后手动复制。", en: "The clipboard is not available here: select the text and copy it." },
};

const form = document.getElementById("controls");
const status = document.getElementById("status");
const container = document.getElementById("chart");
const citation = document.getElementById("citation");
const params = new URLSearchParams(location.search);

const lang = () => form.elements.lang.value;

function say(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

/** Text for an HTML attribute value in double quotes. */
const attr = (text) => String(text).replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** The chart and options of the form: { chart, info, options } with only the options that differ from the defaults, lang and theme always. */
function choice(list) {
  const info = list.find((c) => c.id === form.elements.chart.value);
  const options = { lang: lang(), theme: form.elements.theme.value };
  for (const { name, values } of info.options) {
    if (name === "lang" || name === "theme" || !values) continue;
    const value = form.elements[name]?.value;
    if (value && value !== values[0]) options[name] = value;
  }
  return { chart: info.id, info, options };
}

function importMap(hashes) {
  const map = { integrity: { [new URL(GLUE, PACKAGE).href]: hashes[GLUE] } };
  return `<script type="importmap">\n${JSON.stringify(map, null, 2)}\n</script>`;
}

/**
 * The chart's static picture (the package's own file, made by the build) as inline SVG, without its
 * width and height so that it scales to the element's width by its viewBox. It carries no ids, so
 * several can share a page.
 */
async function picture(chart, lang) {
  const response = await fetch(new URL(`static/${chart}.${lang}.svg`, PACKAGE));
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${response.statusText}`);
  return (await response.text()).trim().replace(/^(<svg\b[^>]*?) width="[^"]*" height="[^"]*"/, "$1");
}

/**
 * The three snippets for `chart` with `options`, pinned to the files whose hashes are `hashes`;
 * `inlinePicture`, if given, is the static picture to put inside the element.
 */
function snippets({ chart, info, options }, hashes, inlinePicture) {
  const attributes = Object.entries(options).map(([name, value]) => ` ${name}="${attr(value)}"`).join("");
  const opening = `<shaoxing-chart chart="${attr(chart)}"${attributes}>`;
  // The glue and the .wasm are fetched with the page, not once the element's script has run: on a
  // phone each request of a chain costs a round trip. The element's own fetch of the .wasm (with
  // this hash) takes up the preload.
  const element = [
    importMap(hashes),
    `<link rel="modulepreload" href="${attr(new URL(GLUE, PACKAGE))}" integrity="${hashes[GLUE]}" crossorigin="anonymous">`,
    `<link rel="preload" href="${attr(new URL(WASM, PACKAGE))}" as="fetch" type="application/wasm" crossorigin="anonymous">`,
    `<script type="module" src="${attr(new URL(ELEMENT, PACKAGE))}" integrity="${hashes[ELEMENT]}" crossorigin="anonymous"></script>`,
    inlinePicture ? `${opening}\n${inlinePicture}\n</shaoxing-chart>` : `${opening}</shaoxing-chart>`,
  ].join("\n");

  // The page names its chart and language; the address adds the options.
  const { lang, ...rest } = options;
  const page = embedPage(chart, lang);
  page.search = new URLSearchParams(rest).toString();
  const iframe = [
    `<iframe src="${attr(page)}" title="${attr(info.title[options.lang])}"`,
    `        width="100%" height="600" loading="lazy" style="border:0"></iframe>`,
    `<script src="${attr(new URL(RESIZE, PACKAGE))}" integrity="${hashes[RESIZE]}" crossorigin="anonymous" defer></script>`,
  ].join("\n");

  const module = [
    `<div id="shaoxing-chart"></div>`,
    importMap(hashes),
    `<script type="module">`,
    `  import init, { render } from ${JSON.stringify(new URL(GLUE, PACKAGE).href)};`,
    `  await init({ module_or_path: new Request(${JSON.stringify(new URL(WASM, PACKAGE).href)}, { integrity: ${JSON.stringify(hashes[WASM])} }) });`,
    `  render(document.getElementById("shaoxing-chart"), ${JSON.stringify(chart)}, ${JSON.stringify(options)});`,
    `</script>`,
  ].join("\n");
  return { element, iframe, module };
}

function applyPageLanguage() {
  const l = lang();
  document.documentElement.lang = l === "en" ? "en" : "zh-CN";
  carryLanguage(l);
  for (const el of document.querySelectorAll("[data-zh]")) el.textContent = el.dataset[l];
  for (const option of form.elements.chart.options) option.textContent = option.dataset[l];
}

/** One <select> per option of the chart that takes a word, as the package lists them. */
function showOptionControls(info) {
  const box = document.getElementById("chart-options");
  box.replaceChildren();
  for (const { name, values } of info.options) {
    if (name === "lang" || name === "theme" || !values) continue;
    const label = document.createElement("label");
    const span = document.createElement("span");
    span.dataset.zh = LABELS[name]?.zh ?? name;
    span.dataset.en = LABELS[name]?.en ?? name;
    const select = document.createElement("select");
    select.name = name;
    for (const value of values) select.append(new Option(value, value));
    if (values.includes(params.get(name))) select.value = params.get(name);
    label.append(span, select);
    box.append(label);
  }
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    say(MESSAGES.copied[lang()]);
  } catch {
    say(MESSAGES.copyFailed[lang()], true);
  }
}

try {
  const [, hashes] = await Promise.all([
    init(),
    fetch(new URL("integrity.json", PACKAGE)).then((r) => {
      if (!r.ok) throw new Error(`${r.url}: ${r.status} ${r.statusText}`);
      return r.json();
    }),
  ]);
  const list = charts();
  for (const { id, title } of list) {
    const option = new Option(title.zh, id);
    option.dataset.zh = title.zh;
    option.dataset.en = title.en;
    form.elements.chart.append(option);
  }
  const themes = list[0].options.find((o) => o.name === "theme").values;
  for (const value of themes) form.elements.theme.append(new Option(value, value));
  form.elements.chart.value = list.some((c) => c.id === params.get("chart")) ? params.get("chart") : list[0].id;
  form.elements.lang.value = params.get("lang") === "en" ? "en" : "zh";
  form.elements.theme.value = themes.includes(params.get("theme")) ? params.get("theme") : "auto";

  let current = choice(list);
  showOptionControls(current.info);
  applyPageLanguage();
  current = choice(list);
  let chart = render(container, current.chart, current.options);

  const inlinePicture = document.getElementById("inline-picture");
  let refreshes = 0;
  /** Writes the snippets and the citation; a later call wins over one still fetching its picture. */
  const refresh = async () => {
    const run = ++refreshes;
    citation.textContent = chart.citation(new Date(), PACKAGE.href);
    const svg = inlinePicture.checked ? await picture(current.chart, current.options.lang) : null;
    if (run !== refreshes) return;
    const texts = snippets(current, hashes, svg);
    for (const [name, text] of Object.entries(texts)) document.getElementById(`snippet-${name}`).textContent = text;
  };
  await refresh();
  inlinePicture.addEventListener("change", () => refresh().catch((error) => say(String(error.message || error), true)));

  form.addEventListener("change", async (event) => {
    try {
      if (event.target.name === "chart") {
        const info = list.find((c) => c.id === form.elements.chart.value);
        showOptionControls(info);
      }
      applyPageLanguage();
      const next = choice(list);
      if (next.chart !== current.chart) {
        chart.destroy();
        chart = render(container, next.chart, next.options);
      } else {
        // Options the chart no longer shows go back to their defaults.
        const defaults = Object.fromEntries(next.info.options.filter((o) => o.values).map((o) => [o.name, o.values[0]]));
        chart.update({ ...defaults, ...next.options });
      }
      current = next;
      say("");
      await refresh();
    } catch (error) {
      say(String(error.message || error), true);
    }
  });

  const base = () => `shaoxing-${current.chart}-${current.options.lang}`;
  document.getElementById("download-png").addEventListener("click", async () => download(`${base()}.png`, await chart.toPng()));
  document.getElementById("download-svg").addEventListener("click", () =>
    download(`${base()}.svg`, new Blob([chart.toSvg()], { type: "image/svg+xml" })));
  document.getElementById("download-csv").addEventListener("click", () => download(`${base()}.csv`, chart.toCsvBlob()));
  document.getElementById("copy-citation").addEventListener("click", () => copy(citation.textContent));
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", () => copy(document.getElementById(button.dataset.copy).textContent));
  }
} catch (error) {
  say(String(error.message || error), true);
  throw error;
}
