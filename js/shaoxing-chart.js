// <shaoxing-chart chart="industry-clusters" lang="en" theme="auto"></shaoxing-chart>
//
// A custom element that draws one chart of the package in itself. Importing this module defines it;
// every element on the page shares one download and compilation of the .wasm. While the .wasm loads,
// the element shows the chart's static picture (static/<id>.<lang>.svg beside this file).
//
// Content the page puts in the element (say, the picture as an <img> or inline SVG) shows without
// JavaScript and while loading, instead of the element's own picture, and hides when the chart shows.
//
// Attributes (chart, lang, theme and the chart's options), the events (load, select, error) and
// the `handle` property (the Chart that render() returned, or null): docs/embedding.md.
//
// No inline styles and no innerHTML: the element's few rules are a constructed stylesheet, which a
// Content-Security-Policy of style-src 'self' allows.
// What `cargo xtask build` writes here when it copies this file into pkg/: the ids of the charts that
// have a static picture, and the Subresource Integrity hash of the .wasm, which the element checks
// when it fetches it. A page that pins this file's hash (an integrity attribute) so pins the .wasm.
const BUILT = { charts: [], wasm: "" };
const WASM = new URL("./shaoxing_plan_charts_bg.wasm", import.meta.url);

/** Attributes that are chart options, passed to render() and update() under the same name. */
const OPTIONS = ["lang", "theme", "sort", "measure", "category", "fill", "selected"];

const CSS = `
:where(shaoxing-chart) { display: block; }
:where(shaoxing-chart) > .spc-fallback { display: block; max-width: 100%; height: auto; }
:where(shaoxing-chart) > [hidden] { display: none !important; }
:where(shaoxing-chart) > .spc-message {
  margin: 0; padding: 10px 12px; border: 1px solid #cf222e; border-radius: 6px;
  color: #82071e; background: #fff0ee; font: 14px/1.45 system-ui, sans-serif;
}`;

let loading = null;
let render = null; // the package's render(), once loaded

/**
 * Downloads and compiles the .wasm once per page (streaming, when served as application/wasm); the
 * browser refuses a .wasm whose hash is not the one this file was built with. The module is imported
 * only now, so the picture shows without waiting for it, and the .wasm is fetched beside it.
 */
function load() {
  if (!loading) {
    const wasm = fetch(new Request(WASM, { integrity: BUILT.wasm }));
    wasm.catch(() => {}); // reported by init below
    loading = import("./shaoxing_plan_charts.js").then(async (m) => {
      await m.default({ module_or_path: wasm });
      render = m.render;
    });
    loading.catch(() => (loading = null)); // an element added later tries again
  }
  return loading;
}

const sheets = new WeakMap();

/** Adds the element's rules to the document or shadow root it is in, once. */
function adoptStyles(element) {
  const root = element.getRootNode();
  if (!("adoptedStyleSheets" in root)) return;
  const view = (root.ownerDocument || root).defaultView;
  if (!view) return;
  let sheet = sheets.get(view);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(CSS);
    sheets.set(view, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** "zh" or "en" for a language tag; other values are passed on for the chart to reject. */
function langOption(tag) {
  if (/^en(-|$)/i.test(tag)) return "en";
  if (/^zh(-|$)/i.test(tag)) return "zh";
  return tag;
}

function optionValue(name, value) {
  if (name === "lang") return langOption(value);
  if (name === "selected") return value === "" ? null : value;
  return value;
}

export class ShaoxingChart extends HTMLElement {
  static observedAttributes = ["chart", ...OPTIONS];

  #chart = null;
  /** Counts connections and disconnections, so that work begun for an earlier one stops. */
  #run = 0;
  #fallback = null;
  #message = null;
  /** Waits for the element to get a width (it was hidden) before drawing. */
  #sizeWatch = null;
  /** The page's own content in the element, hidden while the chart shows. */
  #hidden = [];

  /** The Chart that render() returned, or null while loading, after an error or when removed. */
  get handle() {
    return this.#chart;
  }

  connectedCallback() {
    const run = ++this.#run;
    adoptStyles(this);
    this.#clear();
    if (render) {
      this.#render();
      return;
    }
    this.#showFallback();
    this.setAttribute("aria-busy", "true");
    load().then(
      () => run === this.#run && this.#render(),
      (error) => {
        if (run !== this.#run) return;
        this.#fail(new Error(`The chart's WebAssembly module (${WASM}) could not be loaded: ${error?.message ?? error}`, { cause: error }), true);
      },
    );
  }

  disconnectedCallback() {
    this.#run++;
    this.#clear();
    this.removeAttribute("aria-busy");
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected || !render || this.#sizeWatch) return;
    if (!this.#chart || name === "chart" || value === null) {
      this.#render(); // another chart, an option back to its default, or a new try after an error
      return;
    }
    try {
      this.#chart.update({ [name]: optionValue(name, value) });
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.dispatchEvent(new Event("load"));
  }

  /** Draws the chart of the current attributes, replacing whatever the element showed. */
  #render() {
    this.#destroyChart();
    if (this.clientWidth === 0) {
      // Hidden (display: none, or a closed <details>): draw once it has a width.
      this.#sizeWatch = new ResizeObserver(() => {
        if (this.clientWidth === 0) return;
        this.#sizeWatch.disconnect();
        this.#sizeWatch = null;
        this.#render();
      });
      this.#sizeWatch.observe(this);
      return;
    }
    const options = {};
    for (const name of OPTIONS) {
      if (this.hasAttribute(name)) options[name] = optionValue(name, this.getAttribute(name));
    }
    let chart;
    try {
      chart = render(this, this.getAttribute("chart"), options);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#chart = chart;
    // The attribute: an <svg> has no `hidden` property.
    this.#hidden = [...this.children].filter((child) => !child.hasAttribute("hidden") && child !== this.#fallback && child !== this.#message && !child.classList.contains("spc-chart"));
    for (const child of this.#hidden) child.setAttribute("hidden", "");
    chart.on("select", (detail) => {
      this.dispatchEvent(new CustomEvent("select", { detail, bubbles: true, composed: true }));
    });
    this.#fallback?.remove();
    this.#fallback = null;
    this.#message?.remove();
    this.#message = null;
    this.removeAttribute("aria-busy");
    this.dispatchEvent(new Event("load"));
  }

  /** The chart's static picture, in the element's language, until the chart is drawn. */
  #showFallback() {
    const id = this.getAttribute("chart");
    if (this.children.length > 0) return; // the page's own content stands in for the chart
    if (!BUILT.charts.includes(id)) return; // no picture to show (the chart will say what is wrong)

    const lang = langOption(this.closest("[lang]")?.getAttribute("lang") ?? "") === "en" ? "en" : "zh";
    const img = this.ownerDocument.createElement("img");
    img.className = "spc-fallback";
    img.alt = lang === "en" ? "The chart (a static picture, while the interactive chart loads)" : "图表（静态图片，交互图表加载中）";
    img.decoding = "async";
    img.addEventListener("error", () => {
      img.remove();
      if (this.#fallback === img) this.#fallback = null;
    }, { once: true });
    img.src = new URL(`./static/${encodeURIComponent(id)}.${lang}.svg`, import.meta.url).href;
    this.#fallback = img;
    this.append(img);
  }

  /**
   * Shows `error` as a message in the element and fires an "error" event with it. A package that
   * could not load keeps the static picture (`keepPicture`); a mistake of the page's markup does not.
   */
  #fail(error, keepPicture = false) {
    this.#destroyChart();
    if (!keepPicture) {
      this.#fallback?.remove();
      this.#fallback = null;
    }
    this.#message?.remove();
    const lang = langOption(this.closest("[lang]")?.getAttribute("lang") ?? "") === "en" ? "en" : "zh";
    const message = this.ownerDocument.createElement("p");
    message.className = "spc-message";
    message.setAttribute("role", "alert");
    message.textContent = (lang === "en" ? "The chart cannot be shown. " : "图表无法显示。") + (error?.message ?? String(error));
    this.#message = message;
    this.prepend(message);
    this.removeAttribute("aria-busy");
    this.dispatchEvent(new CustomEvent("error", { detail: error }));
  }

  #destroyChart() {
    for (const child of this.#hidden) child.removeAttribute("hidden");
    this.#hidden = [];
    this.#sizeWatch?.disconnect();
    this.#sizeWatch = null;
    const chart = this.#chart;
    this.#chart = null;
    try {
      chart?.destroy();
    } catch {
      // The page destroyed the handle itself.
    }
  }

  /** Removes everything the element added. */
  #clear() {
    this.#destroyChart();
    this.#fallback?.remove();
    this.#fallback = null;
    this.#message?.remove();
    this.#message = null;
  }
}

if (!customElements.get("shaoxing-chart")) customElements.define("shaoxing-chart", ShaoxingChart);
