// The snippet builder: options from the package's chart list, a live chart, three snippets that work
// pasted into a blank page (and whose integrity hashes refuse a changed file), downloads, citation.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { useBrowser, openPage, screenshot, canvasInfo, ROOT } from "./harness.mjs";

const env = useBrowser();

/** The builder at `query`, with the clipboard allowed, once its chart and snippets are there. */
async function builder(query = "") {
  const opened = await openPage(env.browser, env.origin, `/www/builder.html${query}`, { viewport: { width: 1000, height: 1400 }, acceptDownloads: true });
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.origin });
  await opened.page.waitForSelector("#chart .spc-plot canvas");
  await opened.page.waitForFunction(() => document.getElementById("snippet-module").textContent.length > 0);
  return opened;
}

const snippet = (page, name) => page.locator(`#snippet-${name}`).textContent();

test("the builder offers each chart's own options, shows the chart live and writes the snippets", async () => {
  const { page, context, problems } = await builder();
  const list = await page.evaluate(async () => (await import("/pkg/shaoxing_plan_charts.js")).charts());
  assert.deepEqual(await page.locator("select[name=chart] option").evaluateAll((os) => os.map((o) => o.value)), list.map((c) => c.id));
  assert.equal(await page.locator("select[name=theme]").inputValue(), "auto");
  const offered = () => page.locator("#chart-options select").evaluateAll((ss) => ss.map((s) => [s.name, [...s.options].map((o) => o.value)]));
  assert.deepEqual(await offered(), [["sort", ["plan", "value"]]]);
  await page.locator("select[name=chart]").selectOption("main-indicators");
  await page.waitForFunction(() => document.querySelector("#chart .spc-title")?.textContent.includes("主要指标"));
  const category = (await offered())[0];
  assert.equal(category[0], "category");
  assert.deepEqual(category[1], list.find((c) => c.id === "main-indicators").options.find((o) => o.name === "category").values);
  await page.locator("select[name=category]").selectOption("green");
  await page.locator("input[name=lang][value=en]").check();
  await page.waitForFunction(() => document.querySelector("#chart .spc-title")?.textContent.startsWith("Main indicators"));
  const origin = env.origin;
  assert.equal(await snippet(page, "element"), [
    `<script type="importmap">`,
    `{\n  "integrity": {\n    "${origin}/pkg/shaoxing_plan_charts.js": "${await hash("shaoxing_plan_charts.js")}"\n  }\n}`,
    `</script>`,
    `<link rel="modulepreload" href="${origin}/pkg/shaoxing_plan_charts.js" integrity="${await hash("shaoxing_plan_charts.js")}" crossorigin="anonymous">`,
    `<link rel="preload" href="${origin}/pkg/shaoxing_plan_charts_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`,
    `<script type="module" src="${origin}/pkg/shaoxing-chart.js" integrity="${await hash("shaoxing-chart.js")}" crossorigin="anonymous"></script>`,
    `<shaoxing-chart chart="main-indicators" lang="en" theme="auto" category="green"></shaoxing-chart>`,
  ].join("\n"));
  assert.match(await snippet(page, "iframe"), new RegExp(`^<iframe src="${origin}/www/embed/main-indicators\\.en\\.html\\?theme=auto&amp;category=green" title="Main indicators`));
  assert.match(await snippet(page, "module"), /render\(document\.getElementById\("shaoxing-chart"\), "main-indicators", \{"lang":"en","theme":"auto","category":"green"\}\);/);
  // The page says which parts of the snippets a strict Content-Security-Policy stops, as text.
  const csp = page.locator("p.hint", { hasText: "Content-Security-Policy" });
  assert.match(await csp.textContent(), /keep only the <script src="…\/shaoxing-chart\.js"> tag and the <shaoxing-chart> element/);
  // The chart is drawn with the options of the snippets.
  assert.match(await page.evaluate(() => document.querySelector("#chart .spc-plot").closest(".spc-chart").textContent), /Green/);
  await screenshot(page, "builder");
  // Copy buttons put the snippet on the clipboard.
  await page.locator("button[data-copy=snippet-iframe]").click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(page, "iframe"));
  assert.equal(await page.locator("#status").textContent(), "Copied.");
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

/** The hash the build wrote for a package file. */
async function hash(file) {
  return JSON.parse(await fs.readFile(path.join(ROOT, "pkg/integrity.json"), "utf8"))[file];
}

test("the builder downloads PNG, SVG and a CSV with a byte-order mark, and copies the citation", async () => {
  const { page, context, problems } = await builder("?chart=major-projects&lang=en&measure=count");
  assert.equal(await page.locator("select[name=measure]").inputValue(), "count");
  const files = {};
  for (const [button, name] of [["#download-png", "png"], ["#download-svg", "svg"], ["#download-csv", "csv"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
    assert.equal(download.suggestedFilename(), `shaoxing-major-projects-en.${name}`);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    files[name] = Buffer.concat(chunks);
  }
  assert.deepEqual([...files.png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.match(files.svg.toString("utf8"), /^<svg [^>]*>\s*<title>Major investment projects by domain<\/title>/);
  assert.deepEqual([...files.csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = files.csv.subarray(3).toString("utf8").trimEnd().split("\r\n").map((r) => r.split(",")[1]);
  assert.equal(rows.filter((kind) => kind === "domain").length, 10, "the 10 domains");
  assert.deepEqual(rows.slice(-4), ["computed-sum", "stated-total", "stated-total", "stated-total"], "the sum and the plan's totals");
  // The citation names the plan, its notice, the chart, the package's address and today.
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getDate()} ${d.toLocaleString("en", { month: "long" })} ${d.getFullYear()}`; });
  const citation = await page.locator("#citation").textContent();
  assert.ok(citation.startsWith("Shaoxing Municipal People's Government, Outline of the 15th Five-Year Plan"), citation);
  for (const part of ["绍政发〔2026〕6号", "Box 5", "Major investment projects by domain", `${env.origin}/pkg/`, `accessed ${today}.`]) {
    assert.ok(citation.includes(part), `${citation} lacks ${part}`);
  }
  await page.locator("#copy-citation").click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
  await page.locator("input[name=lang][value=zh]").check();
  assert.match(await page.locator("#citation").textContent(), /^绍兴市人民政府：《绍兴市国民经济和社会发展第十五个五年规划纲要》（绍政发〔2026〕6号，2026年3月9日），专栏5。/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

/**
 * Opens a blank page holding `html` (at /blank.html on the test server), with `tamper` optionally
 * changing one package file on its way; returns the page and what it logged. With `holdScripts`, the
 * package's scripts wait until `release()` is called, and the page is returned as soon as it starts.
 */
async function pasted(html, tamper, { viewport = { width: 900, height: 1200 }, holdScripts = false } = {}) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = { console: [], warnings: [], foreign: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.console.push(m.text());
    if (m.type() === "warning") problems.warnings.push(m.text());
  });
  page.on("pageerror", (e) => problems.console.push(String(e)));
  page.on("request", (r) => {
    problems.requests.push(r.url());
    if (!r.url().startsWith(env.origin + "/")) problems.foreign.push(r.url());
  });
  await page.route(`${env.origin}/blank.html`, (route) => route.fulfill({
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body>\n${html}\n</body></html>`,
  }));
  if (tamper) {
    await page.route(`${env.origin}/pkg/${tamper}`, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      // A harmless change: a comment for scripts, an empty custom section for the .wasm.
      const changed = tamper.endsWith(".wasm") ? Buffer.concat([body, Buffer.from([0, 2, 1, 0x78])]) : Buffer.concat([body, Buffer.from("\n// changed\n")]);
      await route.fulfill({ response, body: changed });
    });
  }
  let release = () => {};
  if (holdScripts) {
    const held = new Promise((resolve) => (release = resolve));
    await page.route(`${env.origin}/pkg/*.js`, async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.goto(`${env.origin}/blank.html`, { waitUntil: holdScripts ? "commit" : "load" });
  return { page, context, problems, release };
}

/** The three snippets of the builder for the GDP chart in English. */
async function builderSnippets() {
  const { page, context } = await builder("?chart=gdp-path&lang=en");
  const out = { element: await snippet(page, "element"), iframe: await snippet(page, "iframe"), module: await snippet(page, "module") };
  await context.close();
  return out;
}

test("each snippet, pasted into a blank page, draws the chart", async () => {
  const snippets = await builderSnippets();
  for (const [name, html] of Object.entries(snippets)) {
    const { page, context, problems } = await pasted(html);
    const frame = name === "iframe" ? page.frameLocator("iframe") : page;
    await frame.locator(".spc-plot canvas").first().waitFor();
    const target = name === "iframe" ? page.frames().find((f) => f.url().includes("/embed/gdp-path.en.html")) : page;
    const info = await canvasInfo(target);
    assert.ok(info.inked > 2000, `${name}: ${info.inked} painted pixels`);
    assert.equal(await frame.locator(".spc-title").textContent(), "GDP: from the 14th plan period to 2030");
    if (name === "iframe") {
      await page.waitForFunction(() => document.querySelector("iframe").clientHeight > 600);
    }
    await screenshot(page, `builder-pasted-${name}`);
    if (name !== "iframe") {
      // The element's fetch takes up the snippet's preload: one download, no warning.
      assert.equal(problems.requests.filter((url) => url.endsWith("/pkg/shaoxing_plan_charts_bg.wasm")).length, 1, name);
    }
    assert.deepEqual(problems.warnings.filter((w) => /preload/i.test(w)), [], name);
    assert.deepEqual(problems.console, [], name);
    assert.deepEqual(problems.foreign, [], name);
    await context.close();
  }
});

test("the element snippet with its picture: shown before any script, sized to a phone, named, then replaced by the chart", async () => {
  const { page, context } = await builder("?chart=industry-clusters&lang=en");
  const short = await snippet(page, "element");
  await page.locator("#inline-picture").check();
  await page.waitForFunction(() => document.getElementById("snippet-element").textContent.includes("<svg"));
  const html = await snippet(page, "element");
  assert.ok(html.startsWith(short.slice(0, short.lastIndexOf("<shaoxing-chart"))), "the same scripts as without the picture");
  assert.match(html, /<shaoxing-chart chart="industry-clusters" lang="en" theme="auto">\n<svg role="img" viewBox="0 0 720 \d+" [^>]*>\n<title>Manufacturing clusters: 2030 output targets<\/title>/);
  assert.ok(html.endsWith("</svg>\n</shaoxing-chart>"), html.slice(-80));
  // The builder's language is the picture's.
  await page.locator("input[name=lang][value=zh]").check();
  await page.waitForFunction(() => document.getElementById("snippet-element").textContent.includes("<title>先进制造业集群"));
  await page.locator("#inline-picture").uncheck();
  await page.waitForFunction(() => !document.getElementById("snippet-element").textContent.includes("<svg"));
  await context.close();

  const phone = await pasted(html, null, { viewport: { width: 360, height: 740 }, holdScripts: true });
  const picture = phone.page.getByRole("img", { name: "Manufacturing clusters: 2030 output targets" });
  await picture.waitFor();
  assert.equal(await phone.page.evaluate(() => customElements.get("shaoxing-chart")), undefined, "no script has run yet");
  const box = await picture.boundingBox();
  assert.ok(box.width > 300 && box.x + box.width <= 360 && box.height > 150, JSON.stringify(box));
  await screenshot(phone.page, "builder-pasted-picture-phone");
  phone.release();
  await phone.page.locator(".spc-plot canvas").first().waitFor();
  assert.ok((await canvasInfo(phone.page)).inked > 2000);
  assert.equal(await phone.page.locator("shaoxing-chart > svg").isHidden(), true, "the picture gives way to the chart");
  assert.equal(await phone.page.locator(".spc-title").textContent(), "Manufacturing clusters: 2030 output targets");
  assert.deepEqual(phone.problems.console, []);
  assert.deepEqual(phone.problems.foreign, []);
  await phone.context.close();
});

test("a changed package file is refused where a snippet pins its hash", async () => {
  const snippets = await builderSnippets();
  const cases = [
    ["element", "shaoxing-chart.js"],
    ["element", "shaoxing_plan_charts.js"],
    ["element", "shaoxing_plan_charts_bg.wasm"],
    ["module", "shaoxing_plan_charts.js"],
    ["module", "shaoxing_plan_charts_bg.wasm"],
    ["iframe", "embed-resize.js"],
  ];
  for (const [name, file] of cases) {
    const { page, context, problems } = await pasted(snippets[name], file);
    const refused = [];
    for (let i = 0; i < 100 && refused.length === 0; i++) {
      await page.waitForTimeout(100);
      refused.push(...problems.console.filter((m) => /integrity|digest/i.test(m)));
    }
    assert.ok(refused.length > 0, `${name} with a changed ${file}: ${problems.console.join(" | ")}`);
    assert.equal(await page.locator(".spc-plot canvas").count(), 0, `${name} with a changed ${file} drew a chart`);
    if (name === "iframe") {
      // The chart in the frame draws (its files are unchanged), but the frame is not resized.
      await page.frameLocator("iframe").locator(".spc-plot canvas").first().waitFor();
      assert.equal(await page.locator("iframe").evaluate((f) => f.style.height), "");
    }
    await context.close();
  }
});

test("the API: citation() with a given date and address, toCsvBlob() with a byte-order mark, toCsv() without, and clear errors", async () => {
  const { page, context, problems } = await builder();
  const result = await page.evaluate(async () => {
    const { render } = await import("/pkg/shaoxing_plan_charts.js");
    const box = document.createElement("div");
    document.body.append(box);
    const chart = render(box, "industry-clusters", { lang: "en" });
    const blob = chart.toCsvBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const text = chart.toCsv();
    const out = {
      en: chart.citation("2026-11-29", "https://example.org/pkg/"),
      fromDate: chart.citation(new Date(2026, 10, 29), "https://example.org/pkg/"),
      byDefault: chart.citation(),
      type: blob.type,
      bom: [...bytes.slice(0, 3)],
      sameText: new TextDecoder().decode(bytes.slice(3)) === text,
      plain: text.charCodeAt(0) !== 0xfeff,
      rows: text.trimEnd().split("\r\n").length,
      header: text.split("\r\n")[0],
      errors: [
        attempt(() => chart.citation("29/11/2026")),
        attempt(() => chart.citation(new Date("nonsense"))),
        attempt(() => chart.citation("2026-11-29", "pkg/")),
        attempt(() => chart.citation(20261129)),
      ],
    };
    chart.update({ lang: "zh" });
    out.zh = chart.citation("2026-11-29", "https://example.org/pkg/");
    chart.destroy();
    out.destroyed = attempt(() => chart.citation());
    return out;
  });
  const version = await page.evaluate(async () => (await import("/pkg/shaoxing_plan_charts.js")).version());
  assert.equal(result.en, `Shaoxing Municipal People's Government, Outline of the 15th Five-Year Plan for the Economic and Social Development of Shaoxing (绍兴市国民经济和社会发展第十五个五年规划纲要), notice 绍政发〔2026〕6号, 9 March 2026: Box 1; Chapter 2, section 1, item 1. Chart “Manufacturing clusters: 2030 output targets”, shaoxing-plan-charts ${version}, https://example.org/pkg/, accessed 29 November 2026.`);
  assert.equal(result.zh, `绍兴市人民政府：《绍兴市国民经济和社会发展第十五个五年规划纲要》（绍政发〔2026〕6号，2026年3月9日），专栏1、二（一）1。图表“先进制造业集群2030年产业规模目标”，shaoxing-plan-charts ${version}，https://example.org/pkg/，访问日期：2026年11月29日。`);
  assert.equal(result.fromDate, result.en);
  assert.ok(result.byDefault.includes(`${env.origin}/www/builder.html`), result.byDefault);
  assert.equal(result.type, "text/csv;charset=utf-8");
  assert.deepEqual(result.bom, [0xef, 0xbb, 0xbf]);
  assert.ok(result.sameText && result.plain);
  assert.equal(result.rows, 11, "a header and the 10 clusters");
  assert.match(result.header, /^id,.*section.*quote/);
  assert.match(result.errors[0], /^Error: The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as "2026-03-09"; got "29\/11\/2026" \(a string\)\.$/);
  assert.match(result.errors[1], /got an invalid Date\.$/);
  assert.match(result.errors[2], /^Error: The address of a citation must be an absolute http or https URL/);
  assert.match(result.errors[3], /got 20261129 \(a number\)\.$/);
  assert.match(result.destroyed, /^Error: This chart was destroyed/);
  assert.deepEqual(problems.console, []);
  await context.close();
});
