// The gdp-path chart in a real browser: drawn, answering pointer and keyboard, bilingual, showing
// reported values, and strict about bad options.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

async function demo(query = "", contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, "/www/?chart=gdp-path" + query, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

const title = (page) => page.locator(".spc-tooltip-title").textContent();

test("the demo draws the GDP path with no console error or foreign request", async () => {
  const { page, context, problems } = await demo();
  assert.equal(await page.locator(".spc-title").textContent(), "地区生产总值：从“十四五”到2030年");
  assert.match(await page.locator(".spc-source").textContent(), /一（一）、一（三）3、主要指标/);
  assert.ok((await canvasInfo(page)).inked > 3000);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await screenshot(page, "gdp-path");
  await context.close();
});

test("hovering the points shows the figure as stated, the derived increase and the inferred year", async () => {
  const { page, context } = await demo();
  const milestone = await hoverUntil(page, "2027年地区生产总值", { across: true });
  assert.match(milestone, /突破1万亿元/);
  assert.match(milestone, /2025—2027年年均增幅（计算值）：高于5\.81%/);
  assert.match(milestone, /一（三）3/);
  await screenshot(page, "gdp-path-hover-2027");
  const start = await hoverUntil(page, "2020年地区生产总值", { across: true });
  assert.match(start, /6111亿元/);
  assert.match(start, /年份为推定/);
  await page.mouse.move(1, 1);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  await context.close();
});

test("the keyboard reaches every point: arrows, Home and End", async () => {
  const { page, context } = await demo();
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await title(page), "2020年地区生产总值");
  await page.keyboard.press("ArrowRight");
  assert.equal(await title(page), "2025年地区生产总值");
  assert.match(await page.locator(".spc-tooltip").textContent(), /16\.4万元左右/);
  await page.keyboard.press("End");
  assert.equal(await title(page), "2030年地区生产总值");
  assert.match(await page.locator(".spc-tooltip").textContent(), /1\.25万亿元左右.*约6\.95%/);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await title(page), "2027年地区生产总值");
  await page.keyboard.press("Home");
  assert.equal(await title(page), "2020年地区生产总值");
  await screenshot(page, "gdp-path-keyboard");
  await context.close();
});

test("English labels, tooltips and table", async () => {
  const { page, context, problems } = await demo();
  await page.locator("input[name=lang][value=en]").check();
  assert.equal(await page.locator(".spc-title").textContent(), "GDP: from the 14th plan period to 2030");
  assert.match(await page.locator(".spc-source").textContent(), /Chapter 1, section 3, item 3/);
  const target = await hoverUntil(page, "GDP, 2030", { across: true });
  assert.match(target, /about CNY 1\.25 trn/);
  assert.match(target, /about 6\.95%/);
  await page.locator(".spc-table-toggle").click();
  assert.equal(await page.locator(".spc-data tbody tr").count(), 4);
  assert.match(await page.locator(".spc-data tbody").textContent(), /over CNY 1 trn/);
  await screenshot(page, "gdp-path-en-table");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("update() draws reported values on the line, with the share of the way to the target", async () => {
  const { page, context, problems } = await demo();
  const before = (await canvasInfo(page)).inked;
  await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.gdpChart = m.render(el, "gdp-path", {});
    window.gdpChart.update({ actuals: { "gdp.2030": [{ year: 2026, value: 9500 }, { year: 2027, value: 10200 }] } });
  });
  assert.notEqual((await canvasInfo(page)).inked, before);
  const reported = await hoverUntil(page, "2026年实际值（报告）", { across: true });
  assert.match(reported, /9500亿元/);
  assert.match(reported, /距2030年1\.25万亿元左右目标：已完成目标进程的16%/);
  const target = await hoverUntil(page, "2030年地区生产总值", { across: true });
  assert.match(target, /2027年：10200亿元（已完成目标进程的36%）/);
  assert.match(await page.evaluate(() => window.gdpChart.toCsv()), /gdp\.2030,.*,2027,10200,0\.3554\r\n/);
  await screenshot(page, "gdp-path-progress");
  await page.evaluate(() => window.gdpChart.update({ lang: "en" }));
  assert.match(await hoverUntil(page, "Reported, 2026", { across: true }), /CNY 950 bn/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("invalid options and actuals throw a clear Error and the page keeps working", async () => {
  const { page, context, problems } = await demo();
  const messages = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const out = {
      sort: attempt(() => m.render(el, "gdp-path", { sort: "value" })),
      lang: attempt(() => m.render(el, "gdp-path", { lang: "fr" })),
      actualOfActual: attempt(() => m.render(el, "gdp-path", { actuals: { "gdp.2020": [{ year: 2026, value: 1 }] } })),
      badYear: attempt(() => m.render(el, "gdp-path", { actuals: { "gdp.2030": [{ year: 2040, value: 9000 }] } })),
      notArray: attempt(() => m.render(el, "gdp-path", { actuals: { "gdp.2030": { year: 2026, value: 9000 } } })),
      nan: attempt(() => m.render(el, "gdp-path", { actuals: { "gdp.2027": [{ year: 2026, value: NaN }] } })),
    };
    const chart = m.render(el, "gdp-path", {});
    out.badUpdate = attempt(() => chart.update({ actuals: [] }));
    out.stillWorks = attempt(() => chart.update({ lang: "en" }));
    out.svg = chart.toSvg().includes("about CNY 1.25 trn");
    chart.destroy();
    out.leftovers = el.childElementCount;
    return out;
  });
  assert.equal(messages.sort, 'Error: Unknown option "sort" for chart "gdp-path". Allowed options: lang, theme, actuals.');
  assert.match(messages.lang, /^Error: Option "lang" must be one of "zh", "en"; got "fr"/);
  assert.equal(messages.actualOfActual, 'Error: Option "actuals" names "gdp.2020", which is not a target of chart "gdp-path". Its targets: gdp.2027, gdp.2030.');
  assert.match(messages.badYear, /^Error: Option "actuals": report 1 on "gdp.2030": year must be a whole number from 2025 to 2035; got 2040/);
  assert.match(messages.notArray, /^Error: Option "actuals": the reports on "gdp.2030" must be an array/);
  assert.match(messages.nan, /value must be a finite number.*got NaN/);
  assert.match(messages.badUpdate, /^Error: Option "actuals" must be an object/);
  assert.equal(messages.stillWorks, "no error");
  assert.equal(messages.svg, true);
  assert.equal(messages.leftovers, 0);
  assert.match(await hoverUntil(page, "2027年地区生产总值", { across: true }), /突破1万亿元/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("fits a phone: nothing scrolls sideways", async () => {
  const { page, context, problems } = await demo("&lang=en", { viewport: { width: 320, height: 900 } });
  const body = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(body <= 320, `page scrolls sideways (${body})`);
  assert.ok((await canvasInfo(page)).inked > 1500);
  assert.deepEqual(problems.console, []);
  await screenshot(page, "gdp-path-320");
  await context.close();
});
