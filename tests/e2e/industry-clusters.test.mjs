// The first chart in a real browser: drawn crisp, interactive by pointer and keyboard, bilingual,
// exportable, and strict about bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

test("a CJK font is installed, or Chinese would render as empty boxes", () => {
  const fonts = execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  assert.ok(fonts.trim().length > 0, "no CJK font: apt-get install fonts-wqy-microhei");
});

async function demo(query = "", contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, "/www/" + query, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

for (const deviceScaleFactor of [1, 2]) {
  test(`the chart paints crisp at devicePixelRatio ${deviceScaleFactor} with no console error or foreign request`, async () => {
    const { page, context, problems } = await demo("", { deviceScaleFactor });
    const info = await canvasInfo(page);
    assert.equal(info.width, Math.round(info.cssWidth * deviceScaleFactor));
    assert.equal(info.height, Math.round(info.cssHeight * deviceScaleFactor));
    assert.ok(info.inked > 5000 * deviceScaleFactor, `only ${info.inked} drawn pixels`);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await screenshot(page, `industry-clusters-dpr${deviceScaleFactor}`);
    await context.close();
  });
}

test("hovering the 新材料 bar shows its target, focus areas and districts, and highlights it", async () => {
  const { page, context } = await demo();
  const before = await page.evaluate(() => document.querySelectorAll(".spc-plot canvas")[1].toDataURL());
  const text = await hoverUntil(page, "新材料");
  assert.match(text, /突破3500亿元/);
  assert.match(text, /碳纤维/);
  assert.match(text, /柯桥区/);
  const after = await page.evaluate(() => document.querySelectorAll(".spc-plot canvas")[1].toDataURL());
  assert.notEqual(before, after, "the overlay shows the highlight");
  await screenshot(page, "industry-clusters-hover");
  await page.mouse.move(1, 1);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  await context.close();
});

test("a tap shows the tooltip, which stays until a tap elsewhere", async () => {
  const { page, context } = await demo("", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const box = await page.locator(".spc-plot").boundingBox();
  let shown = null;
  for (let y = 10; y < box.height && !shown; y += 8) {
    await page.touchscreen.tap(box.x + 60, box.y + y);
    if (await page.locator(".spc-tooltip").isVisible()) shown = await page.locator(".spc-tooltip-title").textContent();
  }
  assert.ok(shown, "no tap showed a tooltip");
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), true, "the tooltip stays after the finger lifts");
  await page.touchscreen.tap(box.x + 10, 5);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  await context.close();
});

test("a chart whose handle the page dropped keeps working after garbage collection", async () => {
  const { page, context, problems } = await demo();
  await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    m.render(el, "industry-clusters", { lang: "en" }); // the handle is not kept
  });
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => new Promise((resolve) => { window.gc(); setTimeout(resolve, 50); }));
  }
  await page.evaluate(() => { document.getElementById("chart").style.width = "500px"; });
  await page.waitForFunction(() => Math.round(document.querySelector(".spc-plot canvas").getBoundingClientRect().width) === 498);
  assert.match(await hoverUntil(page, "New materials"), /over CNY 350 bn/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("Tab focuses the chart and arrow keys move the highlight and tooltip", async () => {
  const { page, context } = await demo();
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("ArrowDown");
  const title = () => page.locator(".spc-tooltip-title").textContent();
  assert.equal(await title(), "现代纺织");
  await page.keyboard.press("ArrowDown");
  assert.equal(await title(), "绿色化工");
  await page.keyboard.press("End");
  assert.equal(await title(), "新能源");
  await page.keyboard.press("ArrowUp");
  assert.equal(await title(), "智能家居");
  await page.keyboard.press("Home");
  assert.equal(await title(), "现代纺织");
  assert.match(await page.locator(".spc-live").textContent(), /现代纺织/);
  await screenshot(page, "industry-clusters-keyboard");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  // Tab order: the page's controls reach the chart.
  await page.locator("select[name=sort]").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "spc-plot");
  await context.close();
});

test("switching language changes the title, labels and tooltips; sorting reorders", async () => {
  const { page, context } = await demo();
  assert.equal(await page.locator(".spc-title").textContent(), "先进制造业集群2030年产业规模目标");
  await page.locator("input[name=lang][value=en]").check();
  assert.equal(await page.locator(".spc-title").textContent(), "Manufacturing clusters: 2030 output targets");
  assert.match(await page.locator(".spc-source").textContent(), /Source: .*Box 1/);
  const text = await hoverUntil(page, "New materials");
  assert.match(text, /over CNY 350 bn/);
  await page.locator("select[name=sort]").selectOption("value");
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("Home");
  assert.equal(await page.locator(".spc-tooltip-title").textContent(), "New materials");
  await page.locator(".spc-table-toggle").click();
  assert.equal(await page.locator(".spc-data tbody tr").count(), 10);
  assert.equal(await page.locator(".spc-data tbody tr th").first().textContent(), "New materials");
  await screenshot(page, "industry-clusters-en-table");
  await context.close();
});

test("dark theme follows prefers-color-scheme with theme auto", async () => {
  const { page, context } = await demo("", { colorScheme: "dark" });
  const { background } = await canvasInfo(page);
  assert.ok(background.every((c) => c < 40), `background ${background}`);
  await screenshot(page, "industry-clusters-dark");
  await context.close();
});

test("the chart fits a phone and a desktop, and follows its container's size", async () => {
  for (const width of [320, 1200]) {
    const { page, context, problems } = await demo("?lang=en", { viewport: { width, height: 900 } });
    const info = await canvasInfo(page);
    const body = await page.evaluate(() => document.documentElement.scrollWidth);
    const box = await page.evaluate(() => document.getElementById("chart").clientWidth);
    assert.ok(body <= width, `page scrolls sideways at ${width}px (${body})`);
    assert.equal(Math.round(info.cssWidth), box, `the canvas fills its ${box}px container at ${width}px`);
    assert.deepEqual(problems.console, []);
    await screenshot(page, `industry-clusters-${width}`);
    await context.close();
  }
  const { page, context } = await demo();
  await page.evaluate(() => { document.getElementById("chart").style.width = "400px"; });
  await page.waitForFunction(() => Math.round(document.querySelector(".spc-plot canvas").getBoundingClientRect().width) <= 400);
  const info = await canvasInfo(page);
  assert.equal(info.width, Math.round(info.cssWidth));
  await context.close();
});

test("exports: SVG with title and source, PNG at device pixels, CSV with provenance", async () => {
  const { page, context } = await demo("", { deviceScaleFactor: 2 });
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const chart = m.render(el, "industry-clusters", { lang: "en" });
    const svg = chart.toSvg();
    const png = await chart.toPng();
    const bitmap = await createImageBitmap(png);
    const csv = chart.toCsv();
    const listed = m.charts();
    const data = m.dataset();
    chart.destroy();
    return { svg, type: png.type, pngWidth: bitmap.width, cssWidth: el.clientWidth, csv, listed, version: m.version(),
      clusters: data.clusters.length, quote: data.clusters[0].source.quote };
  });
  assert.match(result.svg, /^<svg role="img"/);
  assert.match(result.svg, /<title>Manufacturing clusters: 2030 output targets<\/title>/);
  assert.match(result.svg, /over CNY 350 bn/);
  assert.match(result.svg, /Source: /);
  assert.equal(result.type, "image/png");
  assert.equal(result.pngWidth, result.cssWidth * 2);
  assert.match(result.csv, /^id,group,name_zh,name_en/);
  assert.match(result.csv, /cluster\.new-materials,emerging,新材料,New materials,2030,3500,/);
  assert.deepEqual(result.listed[0], { id: "industry-clusters", title: { zh: "先进制造业集群2030年产业规模目标", en: "Manufacturing clusters: 2030 output targets" },
    options: [{ name: "lang", values: ["zh", "en"] }, { name: "theme", values: ["light", "dark", "auto"] }, { name: "sort", values: ["plan", "value"] }, { name: "actuals", values: null }, { name: "selected", values: null }] });
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  assert.equal(result.clusters, 10);
  assert.match(result.quote, /3300亿元/);
  await context.close();
});

test("bad input throws an Error that says what is wrong, and the page keeps working", async () => {
  const { page, context, problems } = await demo();
  const messages = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const hidden = document.createElement("div");
    hidden.style.display = "none";
    document.body.append(hidden);
    const detached = document.createElement("div");
    const out = {
      unknownChart: attempt(() => m.render(el, "pie-chart", {})),
      chartNotString: attempt(() => m.render(el, 42, {})),
      notElement: attempt(() => m.render("#chart", "industry-clusters", {})),
      missingElement: attempt(() => m.render(document.getElementById("nope"), "industry-clusters")),
      zeroSize: attempt(() => m.render(hidden, "industry-clusters")),
      detached: attempt(() => m.render(detached, "industry-clusters")),
      unknownOption: attempt(() => m.render(el, "industry-clusters", { colour: "red" })),
      wrongType: attempt(() => m.render(el, "industry-clusters", { lang: 1 })),
      wrongValue: attempt(() => m.render(el, "industry-clusters", { sort: "size" })),
      nanValue: attempt(() => m.render(el, "industry-clusters", { theme: NaN })),
      optionsArray: attempt(() => m.render(el, "industry-clusters", ["en"])),
      actualsUnknownId: attempt(() => m.render(el, "industry-clusters", { actuals: { "cluster.steel": [] } })),
      actualsBadYear: attempt(() => m.render(el, "industry-clusters", { actuals: { "cluster.new-materials": [{ year: 2050, value: 1 }] } })),
      actualsNaN: attempt(() => m.render(el, "industry-clusters", { actuals: { "cluster.new-materials": [{ year: 2026, value: NaN }] } })),
      actualsHuge: attempt(() => m.render(el, "industry-clusters", { actuals: { "cluster.new-materials": [{ year: 2026, value: 1e308 }] } })),
    };
    const chart = m.render(el, "industry-clusters", {});
    out.badUpdate = attempt(() => chart.update({ lang: "fr" }));
    out.stillRenders = attempt(() => chart.update({ lang: "en" }));
    out.destroy = attempt(() => chart.destroy());
    out.destroyTwice = attempt(() => chart.destroy());
    out.afterDestroy = attempt(() => chart.toSvg());
    out.leftovers = el.childElementCount;
    return out;
  });
  // The list of known charts grows as charts are added; industry-clusters comes first.
  assert.match(messages.unknownChart, /^Error: Unknown chart id "pie-chart"\. Known charts: industry-clusters(, [a-z-]+)*\.$/);
  assert.match(messages.chartNotString, /^Error: The chart id must be a string, one of: industry-clusters(, [a-z-]+)*; got 42 \(a number\)\.$/);
  assert.match(messages.notElement, /^Error: The container must be a DOM element.*got "#chart" \(a string\)/);
  assert.match(messages.missingElement, /^Error: The container must be a DOM element.*got null/);
  assert.match(messages.zeroSize, /^Error: The container has no size/);
  assert.match(messages.detached, /^Error: The container element is not attached/);
  assert.equal(messages.unknownOption, 'Error: Unknown option "colour" for chart "industry-clusters". Allowed options: lang, theme, sort, actuals, selected.');
  assert.equal(messages.wrongType, 'Error: Option "lang" must be one of "zh", "en"; got 1 (a number).');
  assert.match(messages.wrongValue, /^Error: Option "sort" must be one of "plan", "value"; got "size"/);
  assert.match(messages.nanValue, /^Error: Option "theme" must be one of .*got NaN/);
  assert.match(messages.optionsArray, /^Error: Options must be a plain object.*got an array/);
  assert.match(messages.actualsUnknownId, /^Error: Option "actuals" names "cluster.steel", which is not a target of chart "industry-clusters"/);
  assert.match(messages.actualsBadYear, /^Error: Option "actuals": report 1 on "cluster.new-materials": year must be a whole number from 2025 to 2035; got 2050/);
  assert.match(messages.actualsNaN, /value must be a finite number.*got NaN/);
  assert.match(messages.actualsHuge, /value must be a finite number/);
  assert.match(messages.badUpdate, /^Error: Option "lang"/);
  assert.equal(messages.stillRenders, "no error");
  assert.equal(messages.destroy, "no error");
  assert.match(messages.destroyTwice, /^Error: This chart was destroyed/);
  assert.match(messages.afterDestroy, /^Error: This chart was destroyed/);
  assert.equal(messages.leftovers, 0, "destroy removes every element it added");
  // The demo chart still answers the pointer after all of that.
  assert.match(await hoverUntil(page, "新材料"), /3500/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("reported actuals appear in the tooltip, table and CSV with the share of the target", async () => {
  const { page, context, problems } = await demo();
  await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.progressChart = m.render(el, "industry-clusters", { actuals: { "cluster.new-materials": [{ year: 2026, value: 1400 }, { year: 2027, value: 2100 }] } });
  });
  const text = await hoverUntil(page, "新材料");
  assert.match(text, /2027年：2100亿元（已完成目标进程的60%）/);
  assert.match(await page.evaluate(() => window.progressChart.toCsv()), /,2027,2100,0\.6\r\n/);
  await screenshot(page, "industry-clusters-progress");
  assert.deepEqual(problems.console, []);
  await context.close();
});
