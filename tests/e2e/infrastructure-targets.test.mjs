// The infrastructure-targets chart in a real browser: panels by unit, pointer and keyboard,
// both languages, reported values, and clear errors for bad options.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

async function demo(query = "", contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, "/www/?chart=infrastructure-targets" + query, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

const title = (page) => page.locator(".spc-tooltip-title").textContent();

test("the demo draws the panels with no console error or foreign request", async () => {
  const { page, context, problems } = await demo();
  assert.equal(await page.locator(".spc-title").textContent(), "基础设施实物目标（交通、能源）");
  assert.match(await page.locator(".spc-source").textContent(), /专栏7、四（三）2/);
  assert.ok((await canvasInfo(page)).inked > 5000);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await screenshot(page, "infrastructure-targets");
  await context.close();
});

test("hovering bars shows the figure as stated, its year and the plan's words", async () => {
  const { page, context } = await demo();
  const storage = await hoverUntil(page, "新型储能容量");
  assert.match(storage, /2027年目标：破百万千瓦/);
  assert.match(storage, /规划原文未写单位/);
  assert.match(storage, /四（三）2/);
  await screenshot(page, "infrastructure-targets-hover");
  const metro = await hoverUntil(page, "累计开通城市轨道交通里程");
  assert.match(metro, /目标（规划未注年份）：超100公里/);
  assert.match(metro, /专栏7/);
  await page.mouse.move(1, 1);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  await context.close();
});

test("the keyboard reaches every bar: arrows, Home and End", async () => {
  const { page, context } = await demo();
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await title(page), "普通铁路里程");
  await page.keyboard.press("ArrowDown");
  assert.equal(await title(page), "高速铁路里程");
  await page.keyboard.press("End");
  assert.equal(await title(page), "公共充电桩");
  assert.match(await page.locator(".spc-tooltip").textContent(), /超过1\.8万个/);
  await page.keyboard.press("ArrowUp");
  assert.equal(await title(page), "新增光伏装机");
  assert.match(await page.locator(".spc-tooltip").textContent(), /力争290万千瓦/);
  await page.keyboard.press("Home");
  assert.equal(await title(page), "普通铁路里程");
  assert.match(await page.locator(".spc-live").textContent(), /普通铁路里程/);
  await screenshot(page, "infrastructure-targets-keyboard");
  await context.close();
});

test("English labels, units, tooltips and table", async () => {
  const { page, context, problems } = await demo();
  await page.locator("input[name=lang][value=en]").check();
  assert.equal(await page.locator(".spc-title").textContent(), "Infrastructure: physical targets for transport and energy");
  const solar = await hoverUntil(page, "New solar PV capacity");
  assert.match(solar, /2030 target: striving for 2\.9 GW/);
  const charging = await hoverUntil(page, "Public charging points (built)");
  assert.match(charging, /over 18,000 charging points/);
  await page.locator(".spc-table-toggle").click();
  assert.equal(await page.locator(".spc-data tbody tr").count(), 7);
  assert.match(await page.locator(".spc-data tbody").textContent(), /No year stated/);
  await screenshot(page, "infrastructure-targets-en-table");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("update() draws reported values on the bars, with the share of the target", async () => {
  const { page, context, problems } = await demo();
  await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.infraChart = m.render(el, "infrastructure-targets", {});
    window.infraChart.update({ actuals: { "transport.expressway-km": [{ year: 2026, value: 560 }, { year: 2027, value: 600 }] } });
  });
  const text = await hoverUntil(page, "高速公路总里程");
  assert.match(text, /最新实际值：2027年：600公里（已完成目标进程的91%）/);
  assert.match(await page.evaluate(() => window.infraChart.toCsv()), /transport\.expressway-km,.*,2027,600,0\.9063\r\n/);
  await screenshot(page, "infrastructure-targets-progress");
  await page.evaluate(() => window.infraChart.update({ lang: "en" }));
  assert.match(await hoverUntil(page, "Total expressway length"), /2027: 600 km \(91% of the way to the target\)/);
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
      sort: attempt(() => m.render(el, "infrastructure-targets", { sort: "value" })),
      theme: attempt(() => m.render(el, "infrastructure-targets", { theme: "blue" })),
      notTarget: attempt(() => m.render(el, "infrastructure-targets", { actuals: { "urban.urbanisation-rate": [] } })),
      badYear: attempt(() => m.render(el, "infrastructure-targets", { actuals: { "transport.metro-km": [{ year: 2026.5, value: 40 }] } })),
      extraField: attempt(() => m.render(el, "infrastructure-targets", { actuals: { "transport.metro-km": [{ year: 2026, value: 40, unit: "km" }] } })),
    };
    const chart = m.render(el, "infrastructure-targets", {});
    out.badUpdate = attempt(() => chart.update({ actuals: { "transport.metro-km": [{ year: 2026, value: Infinity }] } }));
    out.stillWorks = attempt(() => chart.update({ lang: "en" }));
    out.svg = chart.toSvg().includes("over 100 km");
    chart.destroy();
    out.leftovers = el.childElementCount;
    return out;
  });
  assert.equal(messages.sort, 'Error: Unknown option "sort" for chart "infrastructure-targets". Allowed options: lang, theme, actuals.');
  assert.match(messages.theme, /^Error: Option "theme" must be one of "light", "dark", "auto"; got "blue"/);
  assert.match(messages.notTarget, /^Error: Option "actuals" names "urban\.urbanisation-rate", which is not a target of chart "infrastructure-targets"\. Its targets: transport\.rail-conventional-km, /);
  assert.match(messages.badYear, /year must be a whole number from 2025 to 2035; got 2026\.5/);
  assert.match(messages.extraField, /has an unknown field "unit"/);
  assert.match(messages.badUpdate, /value must be a finite number/);
  assert.equal(messages.stillWorks, "no error");
  assert.equal(messages.svg, true);
  assert.equal(messages.leftovers, 0);
  assert.match(await hoverUntil(page, "高速公路总里程"), /662公里/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("fits a phone and a desktop: nothing scrolls sideways", async () => {
  for (const width of [320, 1200]) {
    const { page, context, problems } = await demo("&lang=en", { viewport: { width, height: 900 } });
    const body = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(body <= width, `page scrolls sideways at ${width}px (${body})`);
    assert.ok((await canvasInfo(page)).inked > 3000);
    assert.deepEqual(problems.console, []);
    await screenshot(page, `infrastructure-targets-${width}`);
    await context.close();
  }
});
