// Embedding: the static pictures in pkg/static/, the <shaoxing-chart> element, the iframe embed page
// with its resize script, and all of them under a strict Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

test("every chart has a static picture in both languages whose title is the chart's title", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/gallery.html");
  await page.waitForSelector(".gallery-item .spc-plot canvas");
  const pictures = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const out = [];
    for (const { id, title } of m.charts()) {
      for (const lang of ["zh", "en"]) {
        const url = `/pkg/static/${id}.${lang}.svg`;
        const response = await fetch(url);
        const svg = await response.text();
        const img = new Image();
        img.src = url;
        await img.decode();
        const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
        out.push({ id, lang, expected: title[lang], type: response.headers.get("content-type"),
          title: doc.querySelector("svg > title")?.textContent, width: img.naturalWidth, height: img.naturalHeight });
      }
    }
    return out;
  });
  assert.ok(pictures.length >= 10);
  for (const p of pictures) {
    assert.equal(p.type, "image/svg+xml", p.id);
    assert.equal(p.title, p.expected, `${p.id}.${p.lang}`);
    assert.equal(p.width, 720, `${p.id}.${p.lang}`);
    assert.ok(p.height > 200, `${p.id}.${p.lang} is ${p.height} high`);
  }
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  for (const name of ["major-projects.en", "main-indicators.zh"]) { // for a person to look at
    await page.setContent(`<link rel="icon" href="data:,"><img src="/pkg/static/${name}.svg">`);
    await page.locator("img").evaluate((img) => img.decode());
    await screenshot(page, `embed-static-${name}`);
  }
  await context.close();
});

/** The page of tests/e2e/pages/elements.html: two elements, #a (industry-clusters, en) and #b (gdp-path). */
async function elementsPage(contextOptions, prepare) {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 1600 }, ...contextOptions });
  const page = await context.newPage();
  const problems = { console: [], foreign: [] };
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.console.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(env.origin + "/")) problems.foreign.push(r.url()); });
  const wasm = [];
  page.on("request", (r) => { if (r.url().endsWith("_bg.wasm")) wasm.push(r.url()); });
  await prepare?.(page);
  await page.goto(env.origin + "/tests/e2e/pages/elements.html");
  return { page, context, problems, wasm };
}

/** Resolves when `selector`'s element has drawn its chart (a "load" event, or already drawn). */
function drawn(page, selector) {
  return page.waitForFunction((selector) => document.querySelector(selector)?.handle != null
    && document.querySelector(selector).querySelector(".spc-plot canvas") != null, selector);
}

test("two elements share one download of the .wasm and show static pictures while it loads", async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, context, problems, wasm } = await elementsPage({}, (page) =>
    page.route("**/*_bg.wasm", async (route) => { await held; await route.continue(); }));
  // While the .wasm is held back, each element shows its chart's static picture in its language.
  await page.waitForFunction(() => [...document.querySelectorAll("shaoxing-chart > img.spc-fallback")].filter((i) => i.complete && i.naturalWidth > 0).length === 2);
  const pictures = await page.locator("shaoxing-chart > img.spc-fallback").evaluateAll((imgs) => imgs.map((i) => [i.parentElement.id, new URL(i.src).pathname, i.naturalWidth]));
  assert.deepEqual(pictures, [["a", "/pkg/static/industry-clusters.en.svg", 720], ["b", "/pkg/static/gdp-path.zh.svg", 720]]);
  assert.equal(await page.locator("#a").getAttribute("aria-busy"), "true");
  await screenshot(page, "embed-elements-loading");
  release();
  await drawn(page, "#a");
  await drawn(page, "#b");
  assert.equal(wasm.length, 1, `the .wasm was requested ${wasm.length} times`);
  assert.equal(await page.locator("shaoxing-chart img.spc-fallback").count(), 0, "the pictures are gone");
  assert.equal(await page.locator("#a .spc-title").textContent(), "Manufacturing clusters: 2030 output targets");
  assert.match(await page.locator("#b .spc-title").textContent(), /[\u4e00-\u9fff]/);
  assert.equal(await page.locator("#a").getAttribute("aria-busy"), null);
  // The element is a block as wide as its container, and the chart fills it.
  const widths = await page.evaluate(() => [document.querySelector("#a").clientWidth, document.querySelector("main").clientWidth - 32,
    document.querySelector("#a .spc-plot canvas").getBoundingClientRect().width]);
  assert.equal(widths[0], widths[1]);
  assert.ok(Math.abs(widths[2] - widths[0]) < 2, `${widths}`);
  await screenshot(page, "embed-elements");
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test("attribute changes redraw the chart: language, options, another chart, back to defaults", async () => {
  const { page, context, problems } = await elementsPage();
  await drawn(page, "#a");
  await page.evaluate(() => {
    window.loads = 0;
    document.querySelector("#a").addEventListener("load", () => loads++);
  });
  const title = () => page.locator("#a .spc-title").textContent();
  assert.equal(await title(), "Manufacturing clusters: 2030 output targets");
  await page.evaluate(() => document.querySelector("#a").setAttribute("lang", "zh-CN"));
  assert.equal(await title(), "先进制造业集群2030年产业规模目标");
  const first = () => page.evaluate(() => document.querySelector("#a").handle.toCsv().split("\r\n")[1].split(",")[0]);
  assert.equal(await first(), "cluster.modern-textiles");
  await page.evaluate(() => document.querySelector("#a").setAttribute("sort", "value"));
  assert.equal(await first(), "cluster.new-materials");
  await page.evaluate(() => document.querySelector("#a").removeAttribute("sort"));
  assert.equal(await first(), "cluster.modern-textiles", "removing an attribute restores the default");
  await page.evaluate(() => {
    const a = document.querySelector("#a");
    a.setAttribute("lang", "en");
    a.setAttribute("chart", "major-projects");
    a.setAttribute("measure", "count");
  });
  assert.equal(await title(), "Major investment projects by domain");
  assert.equal(await page.evaluate(() => document.querySelector("#a").handle.id), "major-projects");
  assert.equal(await page.locator("#a .spc-chart").count(), 1, "the previous chart was removed");
  assert.equal(await page.evaluate(() => loads), 6);
  // The page's language is the default: without lang, the element follows the nearest lang around it.
  await page.evaluate(() => document.querySelector("#a").removeAttribute("lang"));
  assert.equal(await title(), "优化投资结构重大工程项目");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the element re-sends the reader's selections as a select event", async () => {
  const { page, context } = await elementsPage();
  await drawn(page, "#a");
  await page.evaluate(() => {
    window.heard = [];
    document.body.addEventListener("select", (e) => heard.push([e.target.id, e.detail]));
    document.querySelector("#a").setAttribute("selected", "district.shangyu");
  });
  assert.deepEqual(await page.evaluate(() => heard), [], "an attribute is not the reader's choice");
  await page.locator("#a .spc-plot").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  assert.deepEqual(await page.evaluate(() => heard), [["a", { type: "select", id: "cluster.modern-textiles", chart: "industry-clusters" }]]);
  await context.close();
});

test("bad attributes show a message in the element and fire error; a fix draws the chart", async () => {
  const { page, context, problems } = await elementsPage();
  await drawn(page, "#b");
  const unknown = await page.evaluate(async () => {
    const events = [];
    const el = document.createElement("shaoxing-chart");
    el.setAttribute("chart", "pie");
    el.setAttribute("lang", "en");
    el.addEventListener("error", (e) => events.push(e.detail instanceof Error ? e.detail.message : "not an Error"));
    document.querySelector("main").prepend(el);
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.bad = el;
    window.events = events;
    return { message: el.querySelector(".spc-message")?.textContent, role: el.querySelector(".spc-message")?.getAttribute("role"),
      height: el.getBoundingClientRect().height, pictures: el.querySelectorAll("img").length };
  });
  await screenshot(page, "embed-element-error");
  const result = await page.evaluate(() => {
    const el = window.bad;
    el.setAttribute("chart", "industry-clusters");
    el.setAttribute("sort", "size");
    const badValue = el.querySelector(".spc-message")?.textContent;
    el.setAttribute("sort", "value");
    return { events: window.events, badValue, fixed: el.querySelector(".spc-title")?.textContent, messages: el.querySelectorAll(".spc-message").length };
  });
  assert.match(unknown.message, /^The chart cannot be shown\. Unknown chart id "pie"\. Known charts: industry-clusters, /);
  assert.equal(unknown.role, "alert");
  assert.ok(unknown.height > 20, "the message is visible");
  assert.equal(unknown.pictures, 0, "no broken picture");
  assert.equal(result.events.length, 2);
  assert.match(result.events[0], /^Unknown chart id "pie"/);
  assert.match(result.badValue, /Option "sort" must be one of "plan", "value"; got "size"/);
  assert.equal(result.fixed, "Manufacturing clusters: 2030 output targets");
  assert.equal(result.messages, 0);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("a .wasm that cannot load leaves the static picture with a message and an error event", async () => {
  const { page, context } = await elementsPage({}, async (page) => {
    await page.route("**/*_bg.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.addInitScript(() => {
      window.errors = [];
      addEventListener("error", (e) => { if (e instanceof CustomEvent) errors.push(e.detail.message); }, true);
    });
  });
  await page.waitForSelector("#a .spc-message");
  const state = await page.evaluate(() => ({
    message: document.querySelector("#a .spc-message").textContent,
    picture: document.querySelector("#a img.spc-fallback")?.complete,
    errors,
  }));
  assert.match(state.message, /^The chart cannot be shown\. The chart's WebAssembly module \(http:\/\/127\.0\.0\.1:\d+\/pkg\/shaoxing_plan_charts_bg\.wasm\) could not be loaded/);
  assert.equal(state.picture, true);
  assert.equal(state.errors.length, 2);
  await screenshot(page, "embed-element-no-wasm");
  await context.close();
});

test("a hidden element draws when it is shown", async () => {
  const { page, context, problems } = await elementsPage();
  await drawn(page, "#a");
  await page.evaluate(() => {
    const el = document.createElement("shaoxing-chart");
    el.id = "c";
    el.hidden = true;
    el.setAttribute("chart", "main-indicators");
    document.querySelector("main").prepend(el);
  });
  await page.waitForTimeout(200);
  assert.equal(await page.locator("#c .spc-chart").count(), 0);
  assert.equal(await page.locator("#c .spc-message").count(), 0, "no error for a hidden element");
  await page.evaluate(() => { document.querySelector("#c").hidden = false; });
  await drawn(page, "#c");
  assert.ok((await page.locator("#c .spc-plot canvas").first().boundingBox()).width > 800);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("removing an element destroys its chart: 200 add/remove cycles leave no nodes, listeners or memory behind", async () => {
  const { page, context, problems } = await elementsPage();
  await drawn(page, "#a");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const cycles = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement("shaoxing-chart");
      el.setAttribute("chart", ["industry-clusters", "major-projects", "gdp-path"][i % 3]);
      el.setAttribute("lang", i % 2 ? "en" : "zh");
      const loaded = new Promise((resolve) => el.addEventListener("load", resolve, { once: true }));
      document.querySelector("main").append(el);
      await loaded;
      el.handle.toSvg();
      el.remove();
    }
  }, n);
  const measure = async () => {
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => new Promise((resolve) => { window.gc(); setTimeout(resolve, 20); }));
      await cdp.send("HeapProfiler.collectGarbage");
    }
    const { metrics } = await cdp.send("Performance.getMetrics");
    const get = (name) => metrics.find((m) => m.name === name).value;
    const wasmMemory = await page.evaluate(async () => (await (await import("/pkg/shaoxing_plan_charts.js")).default()).memory.buffer.byteLength);
    return { nodes: get("Nodes"), listeners: get("JSEventListeners"), heap: get("JSHeapUsedSize"), wasmMemory };
  };
  await cycles(20); // warm up: compiled code, caches, the .wasm's memory
  const before = await measure();
  const started = Date.now();
  await cycles(200);
  const seconds = (Date.now() - started) / 1000;
  const after = await measure();
  console.log(`200 cycles in ${seconds.toFixed(1)} s; before ${JSON.stringify(before)}; after ${JSON.stringify(after)}`);
  assert.equal(await page.locator("main > shaoxing-chart").count(), 2);
  assert.equal(await page.locator(".spc-chart").count(), 2, "only the charts of #a and #b remain");
  assert.ok(after.nodes - before.nodes < 50, `DOM nodes grew from ${before.nodes} to ${after.nodes}`);
  assert.ok(after.listeners - before.listeners < 10, `event listeners grew from ${before.listeners} to ${after.listeners}`);
  assert.ok(after.heap - before.heap < 1024 * 1024, `the JS heap grew by ${after.heap - before.heap} bytes`);
  assert.ok(after.wasmMemory - before.wasmMemory <= 1024 * 1024, `the .wasm's memory grew by ${after.wasmMemory - before.wasmMemory} bytes`);
  // Moving an element (remove and add back) draws it again.
  await page.evaluate(() => document.querySelector("main").append(document.querySelector("#a")));
  await drawn(page, "#a");
  assert.equal(await page.locator("#a .spc-chart").count(), 1);
  assert.deepEqual(problems.console, []);
  await context.close();
});
