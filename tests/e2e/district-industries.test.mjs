// The district × industry matrix in a real browser: cells and headings answer the pointer and the
// keyboard, a click on a district selects it, sort reorders, bad options throw, and a selection in
// industry-clusters shows in the matrix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

async function demo(query = "", contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, "/www/?chart=district-industries" + query, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

const title = (page, root = "") => page.locator(`${root} .spc-tooltip-title`.trim()).first().textContent();

/**
 * Walks the keyboard focus through the regions until the tooltip is `wanted`; returns a horizontal
 * position inside its mark as a fraction of the plot's width, so that the pointer can then find it.
 * A keyboard tooltip opens 8 px inside the mark's near edge: from its left edge in the left half of
 * the plot, its right edge in the right half.
 */
async function markFraction(page, wanted, root = "") {
  await page.locator(`${root} .spc-plot`.trim()).first().focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 60 && (await title(page, root)) !== wanted; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await title(page, root), wanted);
  const plot = await page.locator(`${root} .spc-plot`.trim()).first().boundingBox();
  const tooltip = page.locator(`${root} .spc-tooltip`.trim()).first();
  const tip = await tooltip.boundingBox();
  const fromRight = await tooltip.evaluate((el) => el.style.right !== "auto");
  await page.keyboard.press("Escape");
  await page.locator(`${root} .spc-plot`.trim()).first().blur();
  const x = fromRight ? tip.x + tip.width + 8 - 4 : tip.x - 8 + 4;
  return (x - plot.x) / plot.width;
}

/** Renders `id` into a new attached box of `width` px; returns the box's selector. */
async function renderInto(page, name, id, options, width = 720) {
  await page.evaluate(async ({ name, id, options, width }) => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const box = document.createElement("div");
    box.id = name;
    box.style.width = `${width}px`;
    document.body.append(box);
    window.charts = window.charts || {};
    window.charts[name] = m.render(box, id, options);
  }, { name, id, options, width });
  return `#${name}`;
}

test("the matrix paints with no console error or foreign request", async () => {
  const { page, context, problems } = await demo();
  const info = await canvasInfo(page);
  assert.equal(info.width, Math.round(info.cssWidth));
  assert.ok(info.inked > 3000, `only ${info.inked} drawn pixels`);
  assert.equal(await page.locator(".spc-title").textContent(), "各地重点发展产业一览表");
  assert.match(await page.locator(".spc-source").textContent(), /二（一）1/);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await screenshot(page, "district-industries");
  await context.close();
});

test("hovering a cell names district, industry, cluster and the plan's clause", async () => {
  const { page, context, problems } = await demo();
  const before = await page.evaluate(() => document.querySelectorAll(".spc-plot canvas")[1].toDataURL());
  let text = await hoverUntil(page, "越城区 · 集成电路", { xFraction: await markFraction(page, "越城区 · 集成电路") });
  assert.match(text, /专栏1集群：集成电路/);
  assert.match(text, /支持越城区重点发展集成电路、低空经济、医疗器械等产业/);
  assert.match(text, /二（一）1/);
  const after = await page.evaluate(() => document.querySelectorAll(".spc-plot canvas")[1].toDataURL());
  assert.notEqual(before, after, "the overlay shows the highlight");
  await screenshot(page, "district-industries-hover");
  text = await hoverUntil(page, "柯桥区 · 新材料", { xFraction: await markFraction(page, "柯桥区 · 新材料") });
  assert.match(text, /专栏1集群：新材料/);
  assert.match(text, /柯桥区重点发展现代纺织、光电信息、新材料等产业/);
  // A row heading: the district's industries and its 专栏2 hallmark.
  text = await hoverUntil(page, "柯桥区", { xFraction: 0.03 });
  assert.match(text, /现代纺织、光电信息、新材料/);
  assert.match(text, /全力打造“数智轻纺城”/);
  await page.mouse.move(1, 1);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the keyboard reaches every heading and cell, row by row", async () => {
  const { page, context } = await demo();
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("Home");
  assert.equal(await title(page), "现代纺织");
  await page.keyboard.press("ArrowDown");
  assert.equal(await title(page), "绿色化工");
  await page.keyboard.press("End");
  assert.equal(await title(page), "滨海新区 · 新能源");
  await page.keyboard.press("ArrowUp");
  assert.equal(await title(page), "滨海新区 · 智能家居");
  assert.match(await page.locator(".spc-live").textContent(), /滨海新区 · 智能家居/);
  // After the 15 column headings: 越城区's heading, then its three cells.
  await page.keyboard.press("Home");
  for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await title(page), "越城区");
  const row = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("ArrowRight");
    row.push(await title(page));
  }
  assert.deepEqual(row, ["越城区 · 集成电路", "越城区 · 低空经济", "越城区 · 医疗器械"]);
  await page.keyboard.press("ArrowRight");
  assert.equal(await title(page), "柯桥区");
  // 上虞区's 具身智能 belongs to no 专栏1 cluster.
  for (let i = 0; i < 60 && (await title(page)) !== "上虞区 · 具身智能"; i++) await page.keyboard.press("ArrowRight");
  assert.match(await page.locator(".spc-tooltip").textContent(), /专栏1集群：其他（专栏1未列）.*上虞区重点发展绿色化工、新材料、高端装备、具身智能等产业/);
  await screenshot(page, "district-industries-keyboard");
  await context.close();
});

test("clicking a district's row heading selects it and tells on('select')", async () => {
  const { page, context, problems } = await demo();
  await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.events = [];
    window.matrix = m.render(el, "district-industries", {});
    window.matrix.on("select", (e) => window.events.push(e));
  });
  const before = await page.evaluate(() => document.querySelector(".spc-plot canvas").toDataURL());
  await hoverUntil(page, "柯桥区", { xFraction: 0.03 });
  await page.mouse.down();
  await page.mouse.up();
  assert.deepEqual(await page.evaluate(() => window.events), [{ type: "select", id: "district.keqiao", chart: "district-industries" }]);
  const after = await page.evaluate(() => document.querySelector(".spc-plot canvas").toDataURL());
  assert.notEqual(before, after, "the selection is drawn");
  const svg = await page.evaluate(() => window.matrix.toSvg());
  assert.match(svg, /font-weight="bold"[^>]*>\s*柯桥区/);
  assert.match(svg, /已选：柯桥区/);
  await screenshot(page, "district-industries-selected");
  // Enter on a cell selects its industry; a second Enter clears it.
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  const events = await page.evaluate(() => window.events.map((e) => e.id));
  assert.deepEqual(events, ["district.keqiao", "industry.new-energy", null]);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("update({ sort: 'count' }) reorders; a bad sort value or actuals throw a clear Error", async () => {
  const { page, context, problems } = await demo();
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.getElementById("chart");
    el.replaceChildren();
    window.matrix = m.render(el, "district-industries", {});
    const other = document.createElement("div");
    document.body.append(other);
    return {
      plan: window.matrix.toCsv().split("\r\n")[1],
      count: attempt(() => window.matrix.update({ sort: "count" })),
      counted: window.matrix.toCsv().split("\r\n")[1],
      badSort: attempt(() => window.matrix.update({ sort: "value" })),
      badType: attempt(() => window.matrix.update({ sort: 2 })),
      actuals: attempt(() => m.render(other, "district-industries", { actuals: { "industry.new-materials": [] } })),
      badSelected: attempt(() => window.matrix.update({ selected: "district.atlantis" })),
      leftovers: other.childElementCount,
    };
  });
  assert.match(result.plan, /^district\.yuecheng,越城区,Yuecheng District,industry\.integrated-circuits,/);
  assert.equal(result.count, "no error");
  assert.match(result.counted, /^district\.shangyu,上虞区,Shangyu District,industry\.high-end-equipment,/);
  assert.equal(result.badSort, 'Error: Option "sort" must be one of "plan", "count"; got "value" (a string).');
  assert.equal(result.badType, 'Error: Option "sort" must be one of "plan", "count"; got 2 (a number).');
  assert.equal(result.actuals, 'Error: Unknown option "actuals" for chart "district-industries". Allowed options: lang, theme, sort, selected.');
  assert.match(result.badSelected, /^Error: A selection must be the id of a cluster, an industry or a district, or null; got "district\.atlantis"/);
  assert.equal(result.leftovers, 0);
  // The chart kept the count order through the failed updates.
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("Home");
  assert.equal(await title(page), "高端装备");
  for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await title(page), "上虞区");
  await page.locator(".spc-table-toggle").click();
  assert.equal(await page.locator(".spc-data tbody tr").count(), 16);
  assert.equal(await page.locator(".spc-data tbody tr th").first().textContent(), "高端装备");
  await screenshot(page, "district-industries-count-table");
  // And still answers the pointer.
  assert.match(await hoverUntil(page, "上虞区", { xFraction: 0.03 }), /总部经济新地标/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("in English, labels, tooltips and the transposed phone layout", async () => {
  const { page, context, problems } = await demo("&lang=en");
  assert.equal(await page.locator(".spc-title").textContent(), "Priority industries by district: the full table");
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("End");
  assert.equal(await title(page), "Binhai New Area · New energy");
  assert.match(await page.locator(".spc-tooltip").textContent(), /Box 1 cluster: New energy/);
  await screenshot(page, "district-industries-en");
  await context.close();

  const phone = await demo("&lang=en", { viewport: { width: 360, height: 900 } });
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page scrolls sideways (${width})`);
  await phone.page.locator(".spc-plot").focus();
  await phone.page.keyboard.press("Home");
  // Transposed: districts are the columns, so the first heading is a district.
  assert.equal(await title(phone.page), "Yuecheng District");
  assert.match(await phone.page.locator(".spc-tooltip").textContent(), /Box 2 hallmark/);
  await phone.page.keyboard.press("End");
  assert.equal(await title(phone.page), "Zhuji City · Aerospace");
  assert.match(await phone.page.locator(".spc-tooltip").textContent(), /Not in Box 1/);
  await screenshot(phone.page, "district-industries-en-360");
  assert.deepEqual(problems.console, []);
  assert.deepEqual(phone.problems.console, []);
  await phone.context.close();
});

test("linked with industry-clusters, a click on the 新材料 bar highlights the 新材料 column", async () => {
  // Tall enough for both charts below the demo's controls.
  const { page, context, problems } = await demo("", { viewport: { width: 900, height: 1600 } });
  await page.evaluate(() => document.getElementById("chart").replaceChildren());
  const bars = await renderInto(page, "bars", "industry-clusters", {});
  const matrix = await renderInto(page, "matrix", "district-industries", {});
  await page.evaluate(() => {
    window.events = [];
    window.charts.bars.on("select", (e) => window.events.push(e));
    window.charts.bars.link(window.charts.matrix);
  });
  const before = await page.evaluate((m) => document.querySelector(`${m} .spc-plot canvas`).toDataURL(), matrix);
  const barsBefore = await page.evaluate(() => window.charts.bars.toSvg());
  await hoverUntil(page, "新材料", { root: bars });
  await page.mouse.down();
  await page.mouse.up();
  assert.deepEqual(await page.evaluate(() => window.events.map((e) => e.id)), ["cluster.new-materials"]);
  const after = await page.evaluate((m) => document.querySelector(`${m} .spc-plot canvas`).toDataURL(), matrix);
  assert.notEqual(before, after, "the matrix redraws with the selection");
  const svg = await page.evaluate(() => window.charts.matrix.toSvg());
  const bold = [...svg.matchAll(/<text[^>]*font-weight="bold"[^>]*>\s*([^<]*?)\s*</g)].map((m) => m[1]);
  // The 新材料 column heading (stacked) and the rows of 柯桥区 and 上虞区, and no other district.
  assert.ok(bold.includes("柯桥区") && bold.includes("上虞区"), bold.join(" "));
  assert.ok(!bold.includes("越城区") && !bold.includes("滨海新区"), bold.join(" "));
  assert.ok(["新", "材", "料"].every((c) => bold.includes(c)), bold.join(" "));
  assert.match(svg, /已选：新材料/);
  await page.locator(matrix).scrollIntoViewIfNeeded();
  await screenshot(page, "district-industries-linked");
  // The matrix's tooltips still work, and clearing in the matrix clears the bars too.
  assert.match(await hoverUntil(page, "上虞区", { root: matrix, xFraction: 0.03 }), /绿色化工、新材料、高端装备、具身智能/);
  await page.evaluate(() => window.charts.matrix.select(null));
  assert.equal(await page.evaluate(() => window.charts.bars.toSvg()), barsBefore, "the bars are drawn unselected again");
  assert.deepEqual(problems.console, []);
  await context.close();
});
