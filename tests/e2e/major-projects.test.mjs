// The major-projects chart (专栏5) in a real browser: drawn, interactive by pointer and keyboard over
// every domain and every total, switching measures, bilingual, with progress reports, and strict
// about bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

// The chart is tall (ten rows of two bars, then the totals): a tall window keeps it all in view.
const TALL = { viewport: { width: 900, height: 1500 } };

async function demo(query = "", contextOptions = TALL) {
  const opened = await openPage(env.browser, env.origin, "/www/?chart=major-projects" + query, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

/** Replaces the demo's chart with one rendered by the package with `options`, as window.mp
 * (destroying the one rendered before: a handle must be destroyed, not just dropped). */
async function renderOwn(page, options) {
  await page.evaluate(async (options) => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    window.mp?.destroy();
    el.replaceChildren();
    window.mp = m.render(el, "major-projects", options);
  }, options);
}

const title = (page) => page.locator(".spc-tooltip-title").textContent();

/** The tooltip titles met by pressing ArrowDown from the top, one per mark. */
async function keyboardTitles(page, count) {
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("Home");
  const titles = [await title(page)];
  for (let i = 1; i < count; i++) {
    await page.keyboard.press("ArrowDown");
    titles.push(await title(page));
  }
  return titles;
}

for (const deviceScaleFactor of [1, 2]) {
  test(`the chart paints at devicePixelRatio ${deviceScaleFactor} with no console error or foreign request`, async () => {
    const { page, context, problems } = await demo("", { ...TALL, deviceScaleFactor });
    const info = await canvasInfo(page);
    assert.equal(info.width, Math.round(info.cssWidth * deviceScaleFactor));
    assert.equal(info.height, Math.round(info.cssHeight * deviceScaleFactor));
    assert.ok(info.inked > 8000 * deviceScaleFactor, `only ${info.inked} drawn pixels`);
    assert.equal(await page.locator(".spc-title").textContent(), "优化投资结构重大工程项目");
    assert.match(await page.locator(".spc-source").textContent(), /专栏5/);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await screenshot(page, `major-projects-dpr${deviceScaleFactor}`);
    await context.close();
  });
}

test("hovering a domain shows its projects and both investments; hovering a total shows stated and computed", async () => {
  const { page, context } = await demo();
  const before = await page.evaluate(() => document.querySelectorAll(".spc-plot canvas")[1].toDataURL());
  const text = await hoverUntil(page, "先进制造业基地");
  assert.match(text, /重大项目：140个/);
  assert.match(text, /总投资：4205亿元/);
  assert.match(text, /五年计划完成投资：2970亿元/);
  assert.match(text, /（计算值）：71%/);
  assert.match(text, /出处：专栏5/);
  const after = await page.evaluate(() => document.querySelectorAll(".spc-plot canvas")[1].toDataURL());
  assert.notEqual(before, after, "the overlay shows the highlight");
  await screenshot(page, "major-projects-hover");
  const transport = await hoverUntil(page, "交通强省");
  assert.match(transport, /3747亿元/);
  assert.match(transport, /1375亿元/);
  const total = await hoverUntil(page, "合计：总投资");
  assert.match(total, /规划表述：约1\.7万亿元/);
  assert.match(total, /10个领域相加（计算值）：17148亿元/);
  const five = await hoverUntil(page, "合计：“十五五”计划投资");
  assert.match(five, /超1万亿元/);
  assert.match(five, /10629亿元/);
  await screenshot(page, "major-projects-hover-total");
  await page.mouse.move(1, 1);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  await context.close();
});

test("the keyboard reaches every domain, largest first, then the three totals", async () => {
  const { page, context } = await demo();
  const titles = await keyboardTitles(page, 13);
  assert.deepEqual(titles, [
    "先进制造业基地", "交通强省", "城市有机更新", "民生设施", "科技创新强基", "文化旅游融合", "数字经济（人工智能）",
    "水网安澜提升", "农业农村优先", "清洁能源保供", "合计：重大项目", "合计：总投资", "合计：“十五五”计划投资",
  ]);
  await page.keyboard.press("End");
  assert.equal(await title(page), "合计：“十五五”计划投资");
  await page.keyboard.press("ArrowUp");
  assert.equal(await title(page), "合计：总投资");
  await page.keyboard.press("Home");
  assert.equal(await title(page), "先进制造业基地");
  assert.match(await page.locator(".spc-live").textContent(), /先进制造业基地/);
  await screenshot(page, "major-projects-keyboard");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  await context.close();
});

test("update switches the measure: order, bars, CSV and text alternative follow", async () => {
  const { page, context, problems } = await demo();
  await renderOwn(page, {});
  const before = await canvasInfo(page);
  await page.evaluate(() => window.mp.update({ measure: "count" }));
  const count = await keyboardTitles(page, 4);
  assert.deepEqual(count, ["先进制造业基地", "城市有机更新", "民生设施", "文化旅游融合"]);
  const hovered = await hoverUntil(page, "民生设施");
  assert.match(hovered, /104个/);
  const after = await canvasInfo(page);
  assert.notEqual(after.inked, before.inked, "a different picture for counts");
  let svg = await page.evaluate(() => window.mp.toSvg());
  assert.match(svg, /\n140个\n/);
  assert.match(svg, /按重大项目数从大到小排列/);
  assert.doesNotMatch(svg, /\n4205亿元\n/);
  let csv = await page.evaluate(() => window.mp.toCsv());
  assert.match(csv.split("\r\n")[2], /^project\.urban-renewal,domain,7,/);
  await screenshot(page, "major-projects-count");

  await page.evaluate(() => window.mp.update({ measure: "five-year" }));
  assert.deepEqual(await keyboardTitles(page, 3), ["先进制造业基地", "城市有机更新", "交通强省"]);
  svg = await page.evaluate(() => window.mp.toSvg());
  assert.match(svg, /\n2970亿元\n/);
  assert.match(svg, /\n4205亿元\n/);
  assert.match(svg, /“十五五”计划投资：10629亿元（计算值） · 规划表述：超1万亿元/);
  await screenshot(page, "major-projects-five-year");

  await page.evaluate(() => window.mp.update({ measure: "total" }));
  assert.deepEqual(await keyboardTitles(page, 3), ["先进制造业基地", "交通强省", "城市有机更新"]);
  csv = await page.evaluate(() => window.mp.toCsv());
  assert.match(csv, /^id,row,number,name_zh,name_en,projects,total_investment,five_year_investment,/);
  assert.match(csv, /\r\nproject-total\.total-investment,stated-total,,总投资,Total investment,,17000,,亿元,CNY 100 million,,约,about,约1\.7万亿元,about CNY 1\.7 trn,专栏5,/);
  assert.match(csv, /\r\nproject-total\.computed-sum,computed-sum,,10个领域相加（计算值）,Sum of the 10 domains \(computed\),652,17148,10629,/);
  // Reading the canvas twice above makes Chrome suggest willReadFrequently: the test's doing, not the chart's.
  assert.deepEqual(problems.console.filter((m) => !/willReadFrequently/.test(m)), []);
  await context.close();
});

test("in English: labels with counts, money in CNY bn, totals as stated and computed, the table", async () => {
  const { page, context } = await demo("&lang=en");
  assert.equal(await page.locator(".spc-title").textContent(), "Major investment projects by domain");
  assert.match(await page.locator(".spc-source").textContent(), /Source: .*Box 5/);
  const text = await hoverUntil(page, "Advanced manufacturing bases");
  assert.match(text, /Major projects: 140 projects/);
  assert.match(text, /Total investment: CNY 420\.5 bn/);
  assert.match(text, /Planned for 2026–2030: CNY 297 bn/);
  const total = await hoverUntil(page, "Total: Total investment");
  assert.match(total, /Stated in the plan: about CNY 1\.7 trn/);
  assert.match(total, /Sum of the 10 domains \(computed\): CNY 1\.71 trn/);
  const svg = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    el.style.width = "720px";
    document.body.append(el);
    const chart = m.render(el, "major-projects", { lang: "en" });
    const svg = chart.toSvg();
    chart.destroy();
    return svg;
  });
  assert.match(svg, /Advanced manufacturing bases · 140 projects/);
  assert.match(svg, /Total investment: CNY 1\.71 trn \(computed\) · stated in the plan: about CNY 1\.7 trn/);
  await page.locator(".spc-table-toggle").click();
  const rows = page.locator(".spc-data tbody tr");
  assert.equal(await rows.count(), 12);
  assert.equal(await rows.first().locator("th").textContent(), "Advanced manufacturing bases");
  assert.equal(await rows.nth(10).locator("th").textContent(), "Total (sum of the 10 domains, computed)");
  assert.equal(await rows.nth(11).locator("th").textContent(), "Total (stated in the plan)");
  assert.deepEqual(await rows.nth(11).locator("td").allTextContents(), ["652 projects", "about CNY 1.7 trn", "over CNY 1 trn", "—", "Box 5"]);
  await screenshot(page, "major-projects-en-table");
  await context.close();
});

test("the chart fits a phone and a desktop, light and dark", async () => {
  for (const width of [320, 1200]) {
    const { page, context, problems } = await demo("&lang=en", { viewport: { width, height: 1500 } });
    const info = await canvasInfo(page);
    const body = await page.evaluate(() => document.documentElement.scrollWidth);
    const box = await page.evaluate(() => document.getElementById("chart").clientWidth);
    assert.ok(body <= width, `page scrolls sideways at ${width}px (${body})`);
    assert.equal(Math.round(info.cssWidth), box);
    assert.ok(info.inked > 5000);
    assert.deepEqual(problems.console, []);
    await screenshot(page, `major-projects-${width}`);
    await context.close();
  }
  const { page, context } = await demo("", { ...TALL, colorScheme: "dark" });
  const { background } = await canvasInfo(page);
  assert.ok(background.every((c) => c < 40), `background ${background}`);
  await screenshot(page, "major-projects-dark");
  await context.close();
});

test("reported investment is drawn on the five-year bar and described in tooltip, table and CSV", async () => {
  const { page, context, problems } = await demo();
  await renderOwn(page, {});
  const plain = await canvasInfo(page);
  await renderOwn(page, { actuals: { "project.advanced-manufacturing": [{ year: 2026, value: 600 }, { year: 2027, value: 1485 }] } });
  const drawn = await canvasInfo(page);
  assert.ok(drawn.inked > plain.inked, "the progress mark and its legend add ink");
  const text = await hoverUntil(page, "先进制造业基地");
  assert.match(text, /最新实际值：2027年：1485亿元（已完成目标进程的50%）/);
  assert.match(await page.evaluate(() => window.mp.toSvg()), /已完成投资（最新实际值）/);
  assert.match(await page.evaluate(() => window.mp.toCsv()), /\r\nproject\.advanced-manufacturing,domain,1,.*,2027,1485,0\.5\r\n/);
  await screenshot(page, "major-projects-progress");
  await page.evaluate(() => window.mp.update({ measure: "five-year", lang: "en" }));
  assert.match(await hoverUntil(page, "Advanced manufacturing bases"), /Latest reported: 2027: CNY 148\.5 bn \(50% of the way to the target\)/);
  await screenshot(page, "major-projects-progress-five-year");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("bad options and bad actuals throw an Error that says what is wrong, and the page keeps working", async () => {
  const { page, context, problems } = await demo();
  const messages = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const out = {
      badMeasure: attempt(() => m.render(el, "major-projects", { measure: "sum" })),
      numberMeasure: attempt(() => m.render(el, "major-projects", { measure: 5 })),
      sortNotTaken: attempt(() => m.render(el, "major-projects", { sort: "value" })),
      actualsUnknownId: attempt(() => m.render(el, "major-projects", { actuals: { "cluster.new-materials": [] } })),
      actualsTotal: attempt(() => m.render(el, "major-projects", { actuals: { "project-total.total-investment": [{ year: 2026, value: 1 }] } })),
      actualsBadYear: attempt(() => m.render(el, "major-projects", { actuals: { "project.transport": [{ year: 2024, value: 1 }] } })),
      actualsNaN: attempt(() => m.render(el, "major-projects", { actuals: { "project.transport": [{ year: 2026, value: NaN }] } })),
      actualsNotArray: attempt(() => m.render(el, "major-projects", { actuals: { "project.transport": { year: 2026, value: 1 } } })),
    };
    const chart = m.render(el, "major-projects", {});
    out.badUpdate = attempt(() => chart.update({ measure: "average" }));
    out.stillRenders = attempt(() => chart.update({ measure: "count" }));
    out.svgAfter = chart.toSvg().includes("\n140个\n");
    out.destroy = attempt(() => chart.destroy());
    out.leftovers = el.childElementCount;
    return out;
  });
  assert.equal(messages.badMeasure, 'Error: Option "measure" must be one of "total", "five-year", "count"; got "sum" (a string).');
  assert.equal(messages.numberMeasure, 'Error: Option "measure" must be one of "total", "five-year", "count"; got 5 (a number).');
  assert.equal(messages.sortNotTaken, 'Error: Unknown option "sort" for chart "major-projects". Allowed options: lang, theme, measure, actuals.');
  assert.match(messages.actualsUnknownId, /^Error: Option "actuals" names "cluster.new-materials", which is not a target of chart "major-projects"\. Its targets: project\.advanced-manufacturing, /);
  assert.match(messages.actualsTotal, /^Error: Option "actuals" names "project-total.total-investment", which is not a target/);
  assert.match(messages.actualsBadYear, /^Error: Option "actuals": report 1 on "project.transport": year must be a whole number from 2025 to 2035; got 2024/);
  assert.match(messages.actualsNaN, /value must be a finite number.*got NaN/);
  assert.match(messages.actualsNotArray, /^Error: Option "actuals": the reports on "project.transport" must be an array/);
  assert.match(messages.badUpdate, /^Error: Option "measure" must be one of "total", "five-year", "count"; got "average"/);
  assert.equal(messages.stillRenders, "no error");
  assert.equal(messages.svgAfter, true, "the update after a bad one took effect");
  assert.equal(messages.destroy, "no error");
  assert.equal(messages.leftovers, 0);
  // The demo chart still answers the pointer after all of that.
  assert.match(await hoverUntil(page, "先进制造业基地"), /4205亿元/);
  assert.deepEqual(problems.console, []);
  await context.close();
});
