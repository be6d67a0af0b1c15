// The main-indicators chart in a real browser: painted, interactive by pointer and keyboard,
// bilingual, switching category with update(), tracking progress, and strict about bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

/** The demo page showing this chart; tall enough that every row is on screen. */
async function demo(query = "", contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, "/www/?chart=main-indicators" + query,
    { viewport: { width: 900, height: 2400 }, ...contextOptions });
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

for (const deviceScaleFactor of [1, 2]) {
  test(`the chart paints at devicePixelRatio ${deviceScaleFactor} with no console error or foreign request`, async () => {
    const { page, context, problems } = await demo("", { deviceScaleFactor });
    const info = await canvasInfo(page, "#chart .spc-plot canvas");
    assert.equal(info.width, Math.round(info.cssWidth * deviceScaleFactor));
    assert.equal(info.height, Math.round(info.cssHeight * deviceScaleFactor));
    assert.ok(info.cssHeight > 1200, `26 rows need room; the plot is ${info.cssHeight}px tall`);
    assert.ok(info.inked > 20000 * deviceScaleFactor, `only ${info.inked} drawn pixels`);
    assert.equal(await page.locator("#chart .spc-title").textContent(), "绍兴市“十五五”主要指标");
    assert.match(await page.locator("#chart .spc-source").textContent(), /主要指标/);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await screenshot(page, `main-indicators-dpr${deviceScaleFactor}`);
    await context.close();
  });
}

test("hovering rows shows every cell as stated, the attribute, the derived change and the plan's row", async () => {
  const { page, context } = await demo();
  const before = await page.evaluate(() => document.querySelectorAll("#chart .spc-plot canvas")[1].toDataURL());
  const urban = await hoverUntil(page, "常住人口城镇化率", { root: "#chart", xFraction: 0.75 });
  assert.match(urban, /2025年: 75%/);
  assert.match(urban, /2030年: 78%左右/);
  assert.match(urban, /约\+3个百分点/);
  assert.match(urban, /预期性/);
  assert.match(urban, /出处: 主要指标/);
  assert.match(urban, /常住人口城镇化率（%） 75 78左右 — 预期性/);
  const after = await page.evaluate(() => document.querySelectorAll("#chart .spc-plot canvas")[1].toDataURL());
  assert.notEqual(before, after, "the overlay shows the highlight");
  await screenshot(page, "main-indicators-hover");
  const land = await hoverUntil(page, "单位GDP建设用地使用面积下降率", { root: "#chart", xFraction: 0.75 });
  assert.match(land, /5\.2%\*（2024年实绩）/);
  assert.match(land, /\[18%\]（2026—2030年五年累计）/);
  const forest = await hoverUntil(page, "森林覆盖率", { root: "#chart", xFraction: 0.75 });
  assert.match(forest, /不低于47\.6%/);
  assert.match(forest, /属性: 约束性/);
  const co2 = await hoverUntil(page, "单位GDP二氧化碳排放降低", { root: "#chart", xFraction: 0.75 });
  assert.match(co2, /2030年: 完成省下达目标/);
  await page.mouse.move(1, 1);
  assert.equal(await page.locator("#chart .spc-tooltip").isVisible(), false);
  await context.close();
});

test("the keyboard reaches every row: arrows, Home and End", async () => {
  const { page, context } = await demo();
  await page.locator("#chart .spc-plot").focus();
  const title = () => page.locator("#chart .spc-tooltip-title").textContent();
  await page.keyboard.press("ArrowDown");
  assert.equal(await title(), "地区生产总值（GDP）增长");
  await page.keyboard.press("ArrowDown");
  assert.equal(await title(), "全员劳动生产率增长");
  await page.keyboard.press("End");
  assert.equal(await title(), "粮食综合生产能力");
  assert.match(await page.locator("#chart .spc-tooltip").textContent(), /30\.6亿斤以上/);
  await page.keyboard.press("ArrowUp");
  assert.equal(await title(), "单位GDP用水量下降率");
  await page.keyboard.press("Home");
  assert.equal(await title(), "地区生产总值（GDP）增长");
  for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await title(), "每千人拥有医护人员数：注册护士数");
  assert.match(await page.locator("#chart .spc-live").textContent(), /注册护士数.*4\.44个\*（2024年实绩）/);
  await screenshot(page, "main-indicators-keyboard");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#chart .spc-tooltip").isVisible(), false);
  await context.close();
});

test("English labels, title, source, tooltips and table", async () => {
  const { page, context } = await demo("&lang=en");
  assert.equal(await page.locator("#chart .spc-title").textContent(), "Main indicators of Shaoxing's 15th Five-Year Plan");
  assert.match(await page.locator("#chart .spc-source").textContent(), /Source: .*Table of main indicators/);
  const text = await hoverUntil(page, "Urbanisation rate of the resident population", { root: "#chart", xFraction: 0.75 });
  assert.match(text, /2030: about 78%/);
  assert.match(text, /about \+3 percentage points/);
  const grain = await hoverUntil(page, "Comprehensive grain production capacity", { root: "#chart", xFraction: 0.75 });
  assert.match(grain, /Attribute: Binding/);
  await page.locator("#chart .spc-table-toggle").click();
  assert.equal(await page.locator("#chart .spc-data tbody tr").count(), 26);
  assert.equal(await page.locator("#chart .spc-data tbody tr th").first().textContent(), "GDP growth");
  await screenshot(page, "main-indicators-en-table");
  await context.close();
});

test("update() switches the category and back, and the keyboard follows", async () => {
  const { page, context, problems } = await demo();
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.mi = m.render(el, "main-indicators", { category: "green" });
    const title = () => el.querySelector(".spc-title").textContent;
    const rows = () => el.querySelectorAll(".spc-data tbody tr").length;
    const out = { green: title(), greenRows: rows(), greenCsv: window.mi.toCsv().trim().split("\r\n").length };
    window.mi.update({ category: "security", lang: "en" });
    out.security = title();
    out.securityRows = rows();
    window.mi.update({ category: "all" });
    out.allRows = rows();
    window.mi.update({ category: "livelihood", lang: "zh" });
    out.livelihood = title();
    return out;
  });
  assert.equal(result.green, "绍兴市“十五五”主要指标：绿色低碳");
  assert.equal(result.greenRows, 5);
  assert.equal(result.greenCsv, 6);
  assert.equal(result.security, "Main indicators of Shaoxing's 15th Five-Year Plan: Security");
  assert.equal(result.securityRows, 1);
  assert.equal(result.allRows, 26);
  assert.equal(result.livelihood, "绍兴市“十五五”主要指标：民生福祉");
  await page.locator("#chart .spc-plot").focus();
  await page.keyboard.press("Home");
  assert.equal(await page.locator("#chart .spc-tooltip-title").textContent(), "城镇调查失业率");
  await page.keyboard.press("End");
  assert.equal(await page.locator("#chart .spc-tooltip-title").textContent(), "文化及相关产业增加值增速");
  await screenshot(page, "main-indicators-livelihood");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("dark theme, and the chart fits a phone and a desktop", async () => {
  {
    const { page, context } = await demo("", { colorScheme: "dark" });
    const { background } = await canvasInfo(page, "#chart .spc-plot canvas");
    assert.ok(background.every((c) => c < 40), `background ${background}`);
    await screenshot(page, "main-indicators-dark");
    await context.close();
  }
  for (const width of [320, 1200]) {
    const { page, context, problems } = await demo("&lang=en", { viewport: { width, height: 900 } });
    const info = await canvasInfo(page, "#chart .spc-plot canvas");
    const body = await page.evaluate(() => document.documentElement.scrollWidth);
    const box = await page.evaluate(() => document.getElementById("chart").clientWidth);
    assert.ok(body <= width, `page scrolls sideways at ${width}px (${body})`);
    assert.equal(Math.round(info.cssWidth), box, `the canvas fills its ${box}px container at ${width}px`);
    assert.ok(info.inked > 10000, `only ${info.inked} drawn pixels at ${width}px`);
    assert.deepEqual(problems.console, []);
    await screenshot(page, `main-indicators-${width}`);
    await context.close();
  }
});

test("reported actuals are drawn and described in the tooltip, table and CSV", async () => {
  const { page, context, problems } = await demo();
  const before = await canvasInfo(page, "#chart .spc-plot canvas");
  const csv = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.progressChart = m.render(el, "main-indicators", {
      actuals: {
        "indicator.urbanisation-rate": [{ year: 2026, value: 75.8 }, { year: 2027, value: 76.5 }],
        "indicator.gdp-growth": [{ year: 2026, value: 5.8 }],
      },
    });
    return window.progressChart.toCsv();
  });
  const after = await canvasInfo(page, "#chart .spc-plot canvas");
  assert.ok(after.inked > before.inked, "the reported bars add ink");
  const urban = await hoverUntil(page, "常住人口城镇化率", { root: "#chart", xFraction: 0.75 });
  assert.match(urban, /最新实际值: 2027年：76\.5%（已完成目标进程的50%）/);
  const gdp = await hoverUntil(page, "地区生产总值（GDP）增长", { root: "#chart", xFraction: 0.75 });
  assert.match(gdp, /2026年：5\.8%（年均目标6%）/);
  assert.match(csv, /indicator\.urbanisation-rate,.*,2027,76\.5,0\.5\r\n/);
  assert.match(csv, /indicator\.gdp-growth,.*,2026,5\.8,\r\n/);
  await page.locator("#chart .spc-table-toggle").click();
  assert.ok(await page.locator("#chart .spc-data th", { hasText: "最新实际值" }).count() >= 1);
  await screenshot(page, "main-indicators-progress");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("exports: SVG and CSV say what and whence; charts() lists the chart", async () => {
  const { page, context } = await demo();
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const chart = m.render(el, "main-indicators", { lang: "en", category: "economy" });
    const out = { svg: chart.toSvg(), csv: chart.toCsv(), listed: m.charts().find((c) => c.id === "main-indicators") };
    chart.destroy();
    return out;
  });
  assert.match(result.svg, /<title>Main indicators of Shaoxing's 15th Five-Year Plan: Economic development<\/title>/);
  assert.match(result.svg, /2030: about 78/);
  assert.match(result.svg, /Table of main indicators/);
  assert.match(result.csv, /^id,number,category,name_zh,name_en/);
  assert.match(result.csv, /indicator\.land-use-per-gdp-decline,5,economy,.*,5\.2,\*,5\.2\*,5\.2\*,/);
  assert.equal(result.csv.trim().split("\r\n").length, 7);
  assert.deepEqual(result.listed, { id: "main-indicators", title: { zh: "绍兴市“十五五”主要指标", en: "Main indicators of Shaoxing's 15th Five-Year Plan" },
    options: [{ name: "lang", values: ["zh", "en"] }, { name: "theme", values: ["light", "dark", "auto"] }, { name: "category", values: ["all", "economy", "innovation", "livelihood", "green", "security"] }, { name: "actuals", values: null }] });
  await context.close();
});

test("bad options and actuals throw an Error that says what is wrong, and the page keeps working", async () => {
  const { page, context, problems } = await demo();
  const messages = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const out = {
      badCategory: attempt(() => m.render(el, "main-indicators", { category: "eco" })),
      categoryNumber: attempt(() => m.render(el, "main-indicators", { category: 3 })),
      sort: attempt(() => m.render(el, "main-indicators", { sort: "value" })),
      wordsTarget: attempt(() => m.render(el, "main-indicators", { actuals: { "indicator.co2-per-gdp-reduction": [{ year: 2026, value: 1 }] } })),
      badYear: attempt(() => m.render(el, "main-indicators", { actuals: { "indicator.gdp-growth": [{ year: 2024, value: 6 }] } })),
      notArray: attempt(() => m.render(el, "main-indicators", { actuals: { "indicator.gdp-growth": { year: 2026, value: 6 } } })),
      infinite: attempt(() => m.render(el, "main-indicators", { actuals: { "indicator.gdp-growth": [{ year: 2026, value: Infinity }] } })),
    };
    const chart = m.render(el, "main-indicators", { category: "innovation" });
    out.badUpdate = attempt(() => chart.update({ category: "culture" }));
    out.keptCategory = el.querySelector(".spc-title").textContent;
    out.stillRenders = attempt(() => chart.update({ category: "green" }));
    out.destroy = attempt(() => chart.destroy());
    out.leftovers = el.childElementCount;
    return out;
  });
  assert.equal(messages.badCategory,
    'Error: Option "category" must be one of "all", "economy", "innovation", "livelihood", "green", "security"; got "eco" (a string).');
  assert.match(messages.categoryNumber, /^Error: Option "category" must be one of .*got 3 \(a number\)/);
  assert.equal(messages.sort, 'Error: Unknown option "sort" for chart "main-indicators". Allowed options: lang, theme, category, actuals.');
  assert.match(messages.wordsTarget, /^Error: Option "actuals" names "indicator.co2-per-gdp-reduction", which is not a target of chart "main-indicators"/);
  assert.match(messages.badYear, /^Error: Option "actuals": report 1 on "indicator.gdp-growth": year must be a whole number from 2025 to 2035; got 2024/);
  assert.match(messages.notArray, /^Error: Option "actuals": the reports on "indicator.gdp-growth" must be an array/);
  assert.match(messages.infinite, /value must be a finite number/);
  assert.match(messages.badUpdate, /^Error: Option "category" must be one of/);
  assert.equal(messages.keptCategory, "绍兴市“十五五”主要指标：创新驱动");
  assert.equal(messages.stillRenders, "no error");
  assert.equal(messages.destroy, "no error");
  assert.equal(messages.leftovers, 0);
  // The demo chart still answers the pointer after all of that.
  assert.match(await hoverUntil(page, "硕士学位授权点", { root: "#chart", xFraction: 0.75 }), /2030年: 42个/);
  assert.deepEqual(problems.console, []);
  await context.close();
});
