// Embedding: the static pictures in pkg/static/, the <shaoxing-chart> element, the iframe embed page
// with its resize script, and all of them under a strict Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo } from "./harness.mjs";

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

/** The embed page in frame `id` of embed-example.html, once its chart is drawn. */
async function frameDrawn(page, id) {
  const frame = page.frameLocator(`#${id}`);
  await frame.locator(".spc-plot canvas").first().waitFor();
  return page.frames().find((f) => f.url().includes(id === "gdp" ? "chart=gdp-path" : "chart=major-projects"));
}

/** The frame's CSS content height and its document's height. */
function heights(page, id) {
  return page.evaluate((id) => {
    const frame = document.getElementById(id);
    const doc = frame.contentDocument.documentElement;
    return { frame: frame.clientHeight, content: Math.ceil(doc.getBoundingClientRect().height), scroll: doc.scrollHeight };
  }, id);
}

test("embedded frames report their chart's height and the parent page sizes them, also when it changes", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/embed-example.html", { viewport: { width: 800, height: 900 } });
  await page.evaluate(() => {
    window.heard = [];
    addEventListener("message", (e) => heard.push(e.data));
  });
  const gdp = await frameDrawn(page, "gdp");
  await frameDrawn(page, "projects");
  await page.waitForFunction(() => ["gdp", "projects"].every((id) => {
    const frame = document.getElementById(id);
    return Math.abs(frame.clientHeight - frame.contentDocument.documentElement.getBoundingClientRect().height) < 1;
  }));
  for (const id of ["gdp", "projects"]) {
    const h = await heights(page, id);
    assert.ok(h.frame > 480, `${id} grew from its 480px: ${JSON.stringify(h)}`);
    assert.ok(h.scroll <= h.frame, `${id} has nothing to scroll: ${JSON.stringify(h)}`);
  }
  assert.equal(await gdp.locator(".spc-title").textContent(), "GDP: from the 14th plan period to 2030");
  assert.equal(await gdp.title(), "GDP: from the 14th plan period to 2030");
  assert.equal(await gdp.evaluate(() => document.documentElement.lang), "en");
  // The chart fills the frame's width.
  const widths = await gdp.evaluate(() => [innerWidth, document.querySelector(".spc-plot canvas").getBoundingClientRect().width]);
  assert.ok(Math.abs(widths[0] - widths[1]) < 2, `${widths}`);
  await screenshot(page, "embed-frames");
  // Opening the data table makes the chart taller; the frame follows.
  const before = (await heights(page, "gdp")).frame;
  await gdp.locator(".spc-table-toggle").click();
  await page.waitForFunction((before) => document.getElementById("gdp").clientHeight > before + 100, before);
  const after = await heights(page, "gdp");
  assert.equal(after.frame, after.content);
  // A narrower page makes the charts reflow; the frames follow again.
  await page.setViewportSize({ width: 420, height: 900 });
  await page.waitForFunction(() => ["gdp", "projects"].every((id) => {
    const frame = document.getElementById(id);
    const doc = frame.contentDocument.documentElement;
    return frame.clientHeight === Math.ceil(doc.getBoundingClientRect().height) && doc.scrollHeight <= frame.clientHeight;
  }));
  await screenshot(page, "embed-frames-narrow");
  const messages = await page.evaluate(() => heard.filter((m) => m.type === "shaoxing-chart:height"));
  assert.ok(messages.length >= 4, `${messages.length} messages`);
  assert.deepEqual(Object.keys(messages[0]).sort(), ["chart", "height", "type"]);
  assert.ok(messages.some((m) => m.chart === "major-projects") && messages.some((m) => m.chart === "gdp-path"));
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test("the resize script ignores messages that do not come from an embed page's frame", async () => {
  const { page, context } = await openPage(env.browser, env.origin, "/www/embed-example.html");
  await frameDrawn(page, "gdp");
  await page.waitForFunction(() => document.getElementById("gdp").style.height !== "");
  const result = await page.evaluate(async () => {
    const gdp = document.getElementById("gdp");
    const settled = gdp.style.height;
    // The page itself, and a frame of another page, send the same message.
    postMessage({ type: "shaoxing-chart:height", chart: "gdp-path", height: 5 }, "*");
    const other = document.createElement("iframe");
    other.src = "gallery.html";
    document.querySelector("main").append(other);
    await new Promise((resolve) => other.addEventListener("load", resolve, { once: true }));
    other.contentWindow.parent.postMessage({ type: "shaoxing-chart:height", height: 7 }, "*");
    other.contentWindow.eval("parent.postMessage({ type: 'shaoxing-chart:height', height: 9 }, '*')");
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { gdp: gdp.style.height, settled, other: other.style.height };
  });
  assert.equal(result.gdp, result.settled);
  assert.equal(result.other, "");
  await context.close();
});

test("without JavaScript the embed page links to every chart's static pictures", async () => {
  const titles = await (async () => {
    const { page, context } = await openPage(env.browser, env.origin, "/www/embed.html?chart=gdp-path");
    await page.waitForSelector(".spc-plot canvas");
    const list = await page.evaluate(async () => (await import("/pkg/shaoxing_plan_charts.js")).charts());
    await context.close();
    return list;
  })();
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/embed.html?chart=gdp-path", { javaScriptEnabled: false });
  assert.ok(await page.locator(".noscript").isVisible());
  const links = await page.locator(".noscript li").evaluateAll((items) => items.map((li) => {
    const [zh, en] = li.querySelectorAll("a");
    return { zh: zh.getAttribute("href"), en: en.getAttribute("href"), text: zh.textContent };
  }));
  assert.deepEqual(links.map((l) => l.zh), titles.map((c) => `../pkg/static/${c.id}.zh.svg`), "one entry per chart, in order");
  for (const [i, link] of links.entries()) {
    assert.equal(link.text, titles[i].title.zh);
    assert.equal(link.en, `../pkg/static/${titles[i].id}.en.svg`);
    for (const [href, lang] of [[link.zh, "zh"], [link.en, "en"]]) {
      const svg = await (await page.request.get(new URL(href, `${env.origin}/www/`).href)).text();
      assert.equal(svg.match(/<title>([^<]*)<\/title>/)?.[1].replaceAll("&quot;", '"'), titles[i].title[lang], href);
    }
  }
  await screenshot(page, "embed-noscript");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the page's own content in the element shows without JavaScript and while loading, and hides while the chart shows", async () => {
  const off = await openPage(env.browser, env.origin, "/tests/e2e/pages/authored.html", { javaScriptEnabled: false });
  await off.page.locator("#own").evaluate((img) => img.decode());
  assert.ok(await off.page.locator("#own").isVisible());
  await off.context.close();

  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, context, problems } = await elementsPage({}, (page) =>
    page.route("**/*_bg.wasm", async (route) => { await held; await route.continue(); }));
  await page.goto(env.origin + "/tests/e2e/pages/authored.html");
  await page.waitForFunction(() => customElements.get("shaoxing-chart"));
  assert.ok(await page.locator("#own").isVisible(), "the page's picture stands in while loading");
  assert.equal(await page.locator("#c .spc-fallback").count(), 0, "no second picture");
  release();
  await drawn(page, "#c");
  assert.equal(await page.locator("#own").isVisible(), false);
  // An error shows the page's content again, with the message; a fix hides it again.
  await page.evaluate(() => document.querySelector("#c").setAttribute("theme", "sepia"));
  assert.ok(await page.locator("#own").isVisible());
  assert.ok(await page.locator("#c .spc-message").isVisible());
  await page.evaluate(() => document.querySelector("#c").setAttribute("theme", "dark"));
  assert.equal(await page.locator("#own").isVisible(), false);
  // Removed and added back, the element draws again and the content is as the page left it.
  await page.evaluate(() => { const c = document.querySelector("#c"); c.remove(); window.kept = c.querySelector("#own").hidden; document.querySelector("main").append(c); });
  assert.equal(await page.evaluate(() => kept), false);
  await drawn(page, "#c");
  assert.equal(await page.locator("#own").isVisible(), false);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the embed page: theme auto by default, geometry=demo boundaries, and an unknown chart without a request for its picture", async () => {
  const dark = await openPage(env.browser, env.origin, "/www/embed.html?chart=gdp-path", { colorScheme: "dark" });
  await dark.page.waitForSelector(".spc-plot canvas");
  assert.equal(await dark.page.locator("shaoxing-chart").getAttribute("theme"), "auto");
  const [r, g, b] = (await canvasInfo(dark.page)).background;
  assert.ok(r + g + b < 150, `a dark background for a reader who prefers dark: ${[r, g, b]}`);
  await dark.context.close();

  const svgOf = async (url) => {
    const { page, context, problems } = await openPage(env.browser, env.origin, url);
    await page.waitForFunction(() => document.querySelector("shaoxing-chart").handle != null);
    return { page, context, problems, svg: () => page.evaluate(() => document.querySelector("shaoxing-chart").handle.toSvg()) };
  };
  const schematic = await svgOf("/www/embed.html?chart=district-map&lang=en");
  const plain = await schematic.svg();
  await schematic.context.close();
  const mapped = await svgOf("/www/embed.html?chart=district-map&lang=en&geometry=demo");
  await mapped.page.waitForFunction((plain) => document.querySelector("shaoxing-chart").handle.toSvg() !== plain, plain);
  assert.deepEqual(mapped.problems.console, []);
  await screenshot(mapped.page, "embed-geometry-demo");
  await mapped.context.close();

  const bad = await openPage(env.browser, env.origin, "/www/embed.html?chart=district-map&geometry=world");
  await bad.page.waitForSelector(".embed-message");
  assert.equal(await bad.page.locator(".embed-message").textContent(), 'The parameter "geometry" must be "none" or "demo"; got "world".');
  await bad.context.close();

  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/embed.html?chart=pie");
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(r.url()); });
  await page.reload();
  await page.waitForSelector(".spc-message");
  assert.match(await page.locator(".spc-message").textContent(), /Unknown chart id "pie"/);
  await page.waitForTimeout(300);
  assert.deepEqual(failed, []);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("each chart has embed pages of its own whose <noscript> shows its picture, and which draw it with the address's options", async () => {
  const list = await (async () => {
    const { page, context } = await openPage(env.browser, env.origin, "/www/embed.html?chart=gdp-path");
    await page.waitForSelector(".spc-plot canvas");
    const list = await page.evaluate(async () => (await import("/pkg/shaoxing_plan_charts.js")).charts());
    await context.close();
    return list;
  })();
  const off = await openPage(env.browser, env.origin, "/www/embed.html", { javaScriptEnabled: false });
  for (const { id, title } of list) {
    for (const lang of ["zh", "en"]) {
      await off.page.goto(`${env.origin}/www/embed/${id}.${lang}.html`);
      const img = off.page.locator("noscript img, img.noscript-picture");
      await img.evaluate((i) => i.decode());
      const shown = await img.evaluate((i) => ({ src: new URL(i.src).pathname, width: i.naturalWidth, alt: i.alt, visible: i.getBoundingClientRect().height > 200 }));
      assert.deepEqual(shown, { src: `/pkg/static/${id}.${lang}.svg`, width: 720, alt: title[lang], visible: true });
      assert.equal(await off.page.title(), title[lang]);
    }
  }
  await screenshot(off.page, "embed-page-noscript");
  await off.context.close();

  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/embed/major-projects.en.html?measure=count&theme=dark");
  await page.waitForSelector(".spc-plot canvas");
  assert.equal(await page.locator(".spc-title").textContent(), "Major investment projects by domain");
  const same = await page.evaluate(async () => {
    const { render } = await import("/pkg/shaoxing_plan_charts.js");
    const box = document.createElement("div");
    document.body.append(box);
    const expected = render(box, "major-projects", { lang: "en", measure: "count" });
    const result = expected.toCsv() === document.querySelector("shaoxing-chart").handle.toCsv();
    expected.destroy();
    return result;
  });
  assert.ok(same, "the chart is drawn with the address's options, in the page's language");
  assert.equal(await page.locator("shaoxing-chart").getAttribute("measure"), "count");
  assert.equal(await page.locator("img.noscript-picture").count(), 0, "no picture with JavaScript");
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});
