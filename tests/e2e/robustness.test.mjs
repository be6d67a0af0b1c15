// What an embedder's page may do to charts: extreme sizes and pixel ratios, fifty charts at once,
// resize and pointer storms, a thousand charts made and destroyed, and markup in every text it can
// pass. No error, no frozen page, no leak, no request beyond the page's origin and the package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

/** The robustness page (pages/robust.js), recording every request and dialog. */
async function robustPage(contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, "/tests/e2e/pages/robust.html", contextOptions);
  const { page } = opened;
  await page.waitForFunction(() => window.robust);
  opened.requests = [];
  opened.dialogs = [];
  page.on("request", (r) => opened.requests.push(new URL(r.url()).pathname));
  page.on("dialog", (d) => {
    opened.dialogs.push(d.message());
    d.dismiss();
  });
  return opened;
}

/** No console error, no dialog, and requests only for the package and the test page's own files. */
function assertClean({ problems, requests, dialogs }) {
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  assert.deepEqual(dialogs, []);
  const elsewhere = requests.filter((p) => !p.startsWith("/pkg/") && !p.startsWith("/tests/e2e/pages/") && p !== "/www/favicon.svg");
  assert.deepEqual(elsewhere, [], "requests outside the package and the page");
}

/** The page answers within `ms`: its main thread is not stuck in a loop. */
async function assertResponsive(page, ms = 2000) {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  assert.ok(Date.now() - started < ms, `the page took ${Date.now() - started} ms to draw a frame`);
}

/** Backing-store and CSS sizes of every plot canvas, and whether each has ink on it. */
function canvases(page) {
  return page.evaluate(() => [...document.querySelectorAll(".spc-plot canvas:first-child")].map((c) => {
    const rect = c.getBoundingClientRect();
    // Read a copy, so that the chart's own canvas is not read back (the browser warns of that).
    const copy = document.createElement("canvas");
    copy.width = copy.height = 400;
    const context = copy.getContext("2d", { willReadFrequently: true });
    context.drawImage(c, 0, 0);
    const { data } = context.getImageData(0, 0, 400, 400);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked++;
    return { width: c.width, height: c.height, cssWidth: rect.width, cssHeight: rect.height, inked };
  }));
}

test("1×1 and 0×0 containers: a chart in 1 px, an error for none, and a chart that shrinks to nothing and comes back", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  const result = await page.evaluate(() => {
    const out = {};
    for (const { id } of robust.charts()) out[id] = robust.run(`render(el("1px", "1px"), ${JSON.stringify(id)})`);
    out.none = robust.run('render(el("0px", "0px"), "gdp-path")');
    const shrinking = robust.el();
    window.shrinking = shrinking;
    robust.render(shrinking, "district-map", { lang: "en" });
    shrinking.style.width = "0px";
    return out;
  });
  for (const [id, outcome] of Object.entries(result)) {
    if (id === "none") assert.match(outcome, /^Error: The container has no size \(0 × 0 px\)/);
    else assert.equal(outcome, "no error", id);
  }
  await page.waitForTimeout(100);
  await page.evaluate(() => { window.shrinking.style.width = "700px"; });
  await page.waitForFunction(() => Math.round(window.shrinking.querySelector("canvas").getBoundingClientRect().width) === 700);
  await assertResponsive(page);
  await screenshot(page, "robust-tiny-containers");
  assertClean(opened);
  await context.close();
});

test("options changed while a chart is hidden are drawn when it shows again at the same size", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  await page.evaluate(() => {
    const container = robust.el("600px");
    window.hiding = { container, chart: robust.render(container, "industry-clusters", { lang: "zh" }) };
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await page.evaluate(() => {
    window.hiding.container.style.display = "none";
    window.hiding.chart.update({ lang: "en" });
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await page.evaluate(() => { window.hiding.container.style.display = ""; });
  // Before, the chart kept its Chinese texts: width, pixel ratio and theme were those last drawn.
  await page.waitForFunction(() => window.hiding.container.querySelector(".spc-chart").getAttribute("lang") === "en");
  const title = await page.evaluate(() => window.hiding.container.querySelector(".spc-title").textContent);
  assert.match(title, /^[\x20-\x7e–—’]+$/, `an English title: ${title}`);
  assertClean(opened);
  await context.close();
});

test("10000 px wide at devicePixelRatio 3: the canvas stays within what browsers draw, and is not blank", async () => {
  const opened = await robustPage({ deviceScaleFactor: 3, viewport: { width: 1200, height: 900 } });
  const { page, context } = opened;
  await page.evaluate(() => {
    for (const id of ["industry-clusters", "main-indicators", "district-map"]) robust.render(robust.el("10000px"), id, { lang: "en" });
    robust.render(robust.el("10000000px"), "major-projects");
  });
  const sizes = await canvases(page);
  assert.equal(sizes.length, 4);
  for (const c of sizes) {
    assert.ok(c.width <= 16384 && c.height <= 16384 && c.width * c.height <= 16777216, `backing ${c.width} × ${c.height}`);
    assert.ok(c.inked > 100, "the canvas has the chart on it");
  }
  assert.equal(sizes[0].cssWidth, 10000);
  assert.equal(sizes[3].cssWidth, 16384, "a chart of the widest layout in a wider container");
  // The screen's ratio where the limits allow.
  await page.evaluate(() => robust.render(robust.el("500px"), "gdp-path"));
  const [small] = (await canvases(page)).slice(-1);
  assert.equal(small.width, 1500);
  const png = await page.evaluate(async () => (await robust.chart("main-indicators").toPng()).size);
  assert.ok(png > 10000, `a PNG of ${png} bytes`);
  await assertResponsive(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL("./screenshots/robust-10000px-dpr3.png", import.meta.url).pathname, clip: { x: 0, y: 0, width: 1200, height: 900 } });
  assertClean(opened);
  await context.close();
});

test("fifty charts on one page, then storms of resizes and pointer moves: no error, the page keeps answering", async () => {
  const opened = await robustPage({ viewport: { width: 1280, height: 900 } });
  const { page, context } = opened;
  const made = await page.evaluate(() => {
    const ids = robust.charts().map((c) => c.id);
    const started = performance.now();
    const charts = [];
    for (let i = 0; i < 50; i++) {
      const el = robust.el(`${300 + (i % 5) * 100}px`);
      el.style.display = "inline-block";
      charts.push(robust.render(el, ids[i % ids.length], { lang: i % 2 ? "en" : "zh", theme: i % 3 ? "light" : "dark" }));
    }
    window.fifty = charts;
    return { ms: performance.now() - started, drawn: document.querySelectorAll(".spc-chart").length };
  });
  assert.equal(made.drawn, 50);
  console.log(`fifty charts drawn in ${Math.round(made.ms)} ms`);
  await assertResponsive(page);
  await screenshot(page, "robust-fifty-charts");

  // 300 resizes of every container within a few frames.
  await page.evaluate(async () => {
    const containers = [...document.querySelectorAll("#host > div")];
    for (let i = 0; i < 300; i++) {
      for (const el of containers) el.style.width = `${120 + ((i * 37) % 900)}px`;
      if (i % 50 === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    for (const el of containers) el.style.width = "333px";
  });
  await page.waitForFunction(() => [...document.querySelectorAll(".spc-plot canvas:first-child")]
    .every((c) => Math.round(c.getBoundingClientRect().width) === 333));
  await assertResponsive(page);

  // 300 pointer moves and 30 clicks over the first charts, as fast as the browser takes them.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 300; i++) {
    await page.mouse.move(5 + ((i * 53) % 1200), 5 + ((i * 29) % 880));
    if (i % 10 === 0) await page.mouse.down().then(() => page.mouse.up());
  }
  await assertResponsive(page);
  const alive = await page.evaluate(() => window.fifty.every((c) => c.toCsv().length > 50));
  assert.ok(alive);
  await screenshot(page, "robust-after-storms");
  assertClean(opened);
  await context.close();
});

/** Counters of the page from the DevTools protocol after garbage collection. */
async function counters(page, cdp) {
  await page.evaluate(() => { window.gc(); window.gc(); });
  await cdp.send("HeapProfiler.collectGarbage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => robust.memory());
  return { wasm, heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

test("text widths are measured once per page: a second chart of the same kind measures no text again, until fonts load", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  const counts = await page.evaluate(() => {
    let calls = 0;
    const measure = CanvasRenderingContext2D.prototype.measureText;
    CanvasRenderingContext2D.prototype.measureText = function (text) {
      calls++;
      return measure.call(this, text);
    };
    const counted = (f) => {
      const before = calls;
      f();
      return calls - before;
    };
    const first = counted(() => robust.render(robust.el(), "main-indicators", { lang: "zh" }));
    const second = counted(() => robust.render(robust.el(), "main-indicators", { lang: "zh" }));
    const wrapped = counted(() => robust.render(robust.el("380px"), "gdp-path", { lang: "zh" }));
    // Web fonts finished loading: widths taken before may be the fallback font's, and are dropped.
    document.fonts.dispatchEvent(new Event("loadingdone"));
    const afterFonts = counted(() => robust.render(robust.el(), "main-indicators", { lang: "zh" }));
    return { first, second, wrapped, afterFonts };
  });
  // Without the widths kept, the first chart took some 620 calls and the second as many again.
  console.log(`measureText calls: ${JSON.stringify(counts)}`);
  assert.ok(counts.first > 50 && counts.first < 500, `first chart: ${counts.first} measurements`);
  assert.equal(counts.second, 0);
  assert.ok(counts.wrapped < 200, `gdp-path at 380 px: ${counts.wrapped} measurements`);
  assert.equal(counts.afterFonts, counts.first, "measured afresh once the page's fonts have loaded");
  assertClean(opened);
  await context.close();
});

test("a chart's language is set before it joins the page, and one canvas measures text for every chart of the page", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  const seen = await page.evaluate(() => {
    const langSets = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
      if (name === "lang") langSets.push({ value, inPage: this.isConnected });
      return setAttribute.call(this, name, value);
    };
    // Canvases that get a 2D context: the plots' in the page, and those outside it.
    const withContext = new Set();
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (...args) {
      withContext.add(this);
      return getContext.apply(this, args);
    };
    robust.render(robust.el(), "industry-clusters", { lang: "zh" });
    const chart = robust.render(robust.el(), "gdp-path", { lang: "en" });
    const atRender = langSets.splice(0);
    chart.update({ lang: "en" });
    const sameLanguage = langSets.splice(0);
    chart.update({ lang: "zh" });
    const otherLanguage = langSets.splice(0);
    const canvases = [...withContext];
    return {
      inPage: canvases.filter((c) => c.isConnected).length,
      outside: canvases.filter((c) => !c.isConnected).length,
      atRender,
      sameLanguage,
      otherLanguage,
      lang: document.querySelectorAll("figure.spc-chart")[1].getAttribute("lang"),
    };
  });
  console.log(`canvases with a context and lang attributes: ${JSON.stringify(seen)}`);
  // Before, each chart made a canvas of its own to measure text with, and set its language once
  // in the page, which restyled the whole chart.
  assert.equal(seen.inPage, 2, "the two plots");
  assert.equal(seen.outside, 1, "one canvas measures for both charts");
  assert.deepEqual(seen.atRender, [{ value: "zh-CN", inPage: false }, { value: "en", inPage: false }]);
  assert.deepEqual(seen.sameLanguage, [], "an update in the same language leaves the attribute alone");
  assert.deepEqual(seen.otherLanguage, [{ value: "zh-CN", inPage: true }]);
  assert.equal(seen.lang, "zh-CN");
  assertClean(opened);
  await context.close();
});

test("painting sets no canvas state to the value it already has, and strokes a run of like lines at once", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  const counts = await page.evaluate(() => {
    const proto = CanvasRenderingContext2D.prototype;
    const counts = { repeated: [], sets: 0, stroke: 0, lineTo: 0 };
    // What each context was last set to by the page (its defaults are not repeats).
    const last = new WeakMap();
    for (const name of ["fillStyle", "strokeStyle", "lineWidth", "font", "textAlign", "textBaseline"]) {
      const { get, set } = Object.getOwnPropertyDescriptor(proto, name);
      Object.defineProperty(proto, name, {
        get,
        set(value) {
          if (!last.has(this)) last.set(this, {});
          if (last.get(this)[name] === value) counts.repeated.push(`${name} ${value}`);
          last.get(this)[name] = value;
          counts.sets++;
          set.call(this, value);
        },
        configurable: true,
      });
    }
    for (const name of ["stroke", "lineTo"]) {
      const call = proto[name];
      proto[name] = function (...args) {
        counts[name]++;
        return call.apply(this, args);
      };
    }
    // Hatched bars, gridlines, labels of several sizes and weights.
    robust.render(robust.el(), "major-projects", { lang: "zh" });
    return counts;
  });
  console.log(`major-projects paint: ${JSON.stringify({ ...counts, repeated: counts.repeated.length })}`);
  assert.deepEqual(counts.repeated, []);
  assert.ok(counts.sets > 10, `${counts.sets} state changes`);
  // Before, each of some 150 gridline and hatching lines had its own path and stroke().
  assert.ok(counts.lineTo > 100 && counts.stroke < 20, `${counts.stroke} strokes for ${counts.lineTo} lines`);
  assertClean(opened);
  await context.close();
});

test("1000 charts made and destroyed, by render() and by the element, leave memory, nodes and listeners flat", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => import("/pkg/shaoxing-chart.js"));
  const cycles = (count) => page.evaluate(async (count) => {
    const ids = robust.charts().map((c) => c.id);
    const el = robust.el();
    for (let i = 0; i < count; i++) {
      const chart = robust.render(el, ids[i % ids.length], { lang: i % 2 ? "en" : "zh" });
      chart.on("select", () => {});
      chart.toSvg();
      chart.destroy();
      const element = document.createElement("shaoxing-chart");
      element.setAttribute("chart", ids[(i + 3) % ids.length]);
      document.getElementById("host").append(element);
      element.remove();
      if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    el.remove();
  }, count);
  await cycles(100); // warm-up: caches, the element's style sheet, code paths compiled once
  const before = await counters(page, cdp);
  await cycles(1000);
  const after = await counters(page, cdp);
  console.log(`1000 cycles: wasm memory ${before.wasm} → ${after.wasm} bytes, JS heap ${before.heap} → ${after.heap} bytes, ` +
    `DOM nodes ${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}`);
  assert.equal(after.wasm, before.wasm, "WebAssembly memory");
  assert.ok(after.listeners <= before.listeners, `listeners ${before.listeners} → ${after.listeners}`);
  assert.ok(after.nodes <= before.nodes + 50, `DOM nodes ${before.nodes} → ${after.nodes}`);
  assert.ok(after.heap < before.heap + 1_000_000, `JS heap ${before.heap} → ${after.heap}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll(".spc-chart, shaoxing-chart").length), 0);
  assertClean(opened);
  await context.close();
});

const PAYLOAD = "<img src=x onerror=alert(1)>";

test("markup an embedder passes (actuals, GeoJSON names, options, attributes) stays text and never runs", async () => {
  const opened = await robustPage();
  const { page, context } = opened;
  const geojson = await (await fetch(`${env.origin}/www/geo/shaoxing.geojson`)).json();
  const result = await page.evaluate(async ({ PAYLOAD, geojson }) => {
    const out = { messages: [], texts: [], svgs: [] };
    // A map whose boundaries carry the payload in names and properties, beside a real district.
    const tainted = structuredClone(geojson);
    tainted.features.push({ type: "Feature", properties: { name: PAYLOAD + "x".repeat(100000), adcode: PAYLOAD }, geometry: tainted.features[0].geometry });
    for (const f of tainted.features) f.properties.note = PAYLOAD;
    const map = robust.chart("district-map", { geometry: tainted, lang: "en" });
    const charts = [map, robust.chart("industry-clusters", { actuals: { "cluster.new-materials": [{ year: 2026, value: 2100 }] } })];
    for (const attempt of [
      () => robust.chart("gdp-path", { actuals: { [PAYLOAD]: [{ year: 2026, value: 1 }] } }),
      () => robust.chart("gdp-path", { actuals: { "gdp.2030": [{ year: 2026, value: 1, [PAYLOAD]: 1 }] } }),
      () => robust.chart("gdp-path", { lang: PAYLOAD }),
      () => robust.chart("gdp-path", { [PAYLOAD]: 1 }),
      () => robust.chart(PAYLOAD),
      () => robust.chart("district-map", { geometry: { type: "Feature", properties: { name: PAYLOAD }, geometry: null } }),
      () => robust.chart("district-map", { geometry: `{"type": "${PAYLOAD}"}` }),
      () => map.select(PAYLOAD),
    ]) {
      try {
        attempt();
        out.messages.push("no error");
      } catch (e) {
        out.messages.push(e.message);
      }
    }
    // The element shows its error as text.
    await import("/pkg/shaoxing-chart.js");
    const el = document.createElement("shaoxing-chart");
    el.setAttribute("chart", PAYLOAD);
    const failed = new Promise((resolve) => el.addEventListener("error", resolve, { once: true }));
    document.getElementById("host").append(el);
    await failed;
    out.elementText = el.textContent;
    // Every text the charts show: tooltip (hover each region by keyboard), table, text alternative, exports.
    for (const chart of charts) {
      out.svgs.push(chart.toSvg());
      out.texts.push(chart.toCsv());
    }
    for (const plot of document.querySelectorAll(".spc-plot")) {
      plot.focus();
      for (let i = 0; i < 12; i++) {
        plot.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
        out.texts.push(plot.querySelector(".spc-tooltip").textContent);
      }
      out.texts.push(plot.getAttribute("aria-label"));
    }
    out.texts.push(document.body.textContent);
    out.images = document.querySelectorAll("img").length;
    out.scripts = document.querySelectorAll("script").length;
    return out;
  }, { PAYLOAD, geojson });
  await page.waitForTimeout(200);
  // The element asks for no static picture of a chart id it does not know.
  assert.deepEqual(opened.requests.filter((p) => p.startsWith("/pkg/static/%3Cimg")), []);
  assert.equal(result.images, 0, "no <img> was made from text");
  assert.equal(result.scripts, 1, "only the page's own script");
  assert.ok(result.messages.every((m) => m !== "no error"), result.messages.join("\n"));
  assert.ok(result.messages.filter((m) => m.includes(PAYLOAD)).length >= 5, "the messages quote the text as it was");
  assert.ok(result.elementText.includes(PAYLOAD), "the element shows the message, markup as text");
  for (const svg of result.svgs) {
    assert.ok(!svg.includes("<img") && !svg.includes("<script") && !svg.includes("<foreignObject") && !/\son[a-z]+=/.test(svg), "SVG export has no active content");
  }
  const wellFormed = await page.evaluate((svgs) => svgs.every((s) => !new DOMParser().parseFromString(s, "image/svg+xml").querySelector("parsererror")), result.svgs);
  assert.ok(wellFormed, "SVG exports are well-formed XML");
  assertClean(opened);
  await context.close();
});
