// The district-map chart in a real browser: the schematic by default, the demo boundaries passed as
// `geometry`, every district reachable by pointer, tap and keyboard, a click selecting a district
// and showing what the plan assigns it, a selection in the cluster chart marking the districts
// that develop it, and clear errors for bad options and bad GeoJSON.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, canvasInfo, hoverUntil } from "./harness.mjs";

const env = useBrowser();

// The map with its notes and details is tall: a tall window keeps it in view.
const TALL = { viewport: { width: 900, height: 1600 } };

// 二(一)1 as the plan lists each district's industries; and where each sits across the schematic
// (the fraction of the plot's width at which a vertical sweep meets it).
const DISTRICTS = [
  { id: "district.yuecheng", zh: "越城区", en: "Yuecheng District", x: 0.5, industries: "集成电路、低空经济、医疗器械" },
  { id: "district.keqiao", zh: "柯桥区", en: "Keqiao District", x: 0.17, industries: "现代纺织、光电信息、新材料" },
  { id: "district.shangyu", zh: "上虞区", en: "Shangyu District", x: 0.83, industries: "绿色化工、新材料、高端装备、具身智能" },
  { id: "district.zhuji", zh: "诸暨市", en: "Zhuji City", x: 0.17, industries: "高端装备、智能视觉、航空航天" },
  { id: "district.shengzhou", zh: "嵊州市", en: "Shengzhou City", x: 0.5, industries: "高端装备、新能源、智能家居" },
  { id: "district.xinchang", zh: "新昌县", en: "Xinchang County", x: 0.83, industries: "高端装备、生物医药、低空经济" },
  { id: "district.binhai", zh: "滨海新区", en: "Binhai New Area", x: 0.5, industries: "生物医药、新能源、泛半导体、智能家居" },
];

async function demo(query = "", contextOptions = TALL) {
  const opened = await openPage(env.browser, env.origin, "/www/?chart=district-map" + query, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  return opened;
}

/** Replaces the demo's chart with one rendered by the package, as window.dm, recording its
 * `select` events in window.selections. `geometry: "demo"` fetches the demo boundaries first. */
async function renderOwn(page, options = {}) {
  await page.evaluate(async (options) => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    if (options.geometry === "demo") {
      options.geometry = await (await fetch("/www/geo/shaoxing.geojson")).json();
    }
    const el = document.getElementById("chart");
    window.dm?.destroy();
    el.replaceChildren();
    window.dm = m.render(el, "district-map", options);
    window.selections = [];
    window.dm.on("select", (e) => window.selections.push(e));
  }, options);
}

const title = (page) => page.locator(".spc-tooltip-title").textContent();
const svg = (page) => page.evaluate(() => window.dm.toSvg());

/** Rows of the chart's data table whose last cell is `mark`, by their first cell. */
function rowsMarked(page, mark, root = "") {
  return page.locator(`${root} .spc-data tbody tr`.trim()).evaluateAll(
    (rows, mark) => rows.filter((r) => r.lastElementChild.textContent === mark).map((r) => r.firstElementChild.textContent),
    mark,
  );
}

for (const deviceScaleFactor of [1, 2]) {
  test(`the schematic paints at devicePixelRatio ${deviceScaleFactor} with no console error or foreign request`, async () => {
    const { page, context, problems } = await demo("", { ...TALL, deviceScaleFactor });
    const info = await canvasInfo(page);
    assert.equal(info.width, Math.round(info.cssWidth * deviceScaleFactor));
    assert.equal(info.height, Math.round(info.cssHeight * deviceScaleFactor));
    assert.ok(info.inked > 5000 * deviceScaleFactor, `only ${info.inked} drawn pixels`);
    assert.equal(await page.locator(".spc-title").textContent(), "各地重点发展产业布局");
    assert.match(await page.locator(".spc-source").textContent(), /二（一）1、专栏2/);
    assert.match(await page.locator(".spc-plot").getAttribute("aria-label"), /^示意图：绍兴市7个地区/);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await screenshot(page, `district-map-dpr${deviceScaleFactor}`);
    await context.close();
  });
}

test("hovering districts shows their industries, hallmark and towns", async () => {
  const { page, context } = await demo();
  const yuecheng = await hoverUntil(page, "越城区");
  assert.match(yuecheng, /重点产业：集成电路、低空经济、医疗器械/);
  assert.match(yuecheng, /服务业标志性成果：重点打造全省现代服务业高质量发展样板区/);
  assert.match(yuecheng, /省级中心镇：富盛镇/);
  assert.match(yuecheng, /功能区：越城鉴水科技城/);
  const zhuji = await hoverUntil(page, "诸暨市", { xFraction: 0.17 });
  assert.match(zhuji, /重点产业：高端装备、智能视觉、航空航天/);
  assert.match(zhuji, /省级中心镇：店口镇/);
  const binhai = await hoverUntil(page, "滨海新区");
  assert.match(binhai, /不是行政区划/);
  await screenshot(page, "district-map-hover");
  await context.close();
});

test("clicking each district selects it and shows its industries as the plan lists them", async () => {
  const { page, context, problems } = await demo();
  await renderOwn(page);
  for (const d of DISTRICTS) {
    await hoverUntil(page, d.zh, { xFraction: d.x });
    await page.mouse.down();
    await page.mouse.up();
    const last = await page.evaluate(() => window.selections.at(-1));
    assert.deepEqual(last, { type: "select", id: d.id, chart: "district-map" }, d.zh);
    // The details block under the map (drawn, and in the export), and the table.
    const picture = await svg(page);
    assert.ok(picture.includes(`${d.zh}（已选）`), `${d.zh}: no details heading`);
    assert.ok(picture.includes(`重点产业：${d.industries}`), `${d.zh}: details do not list ${d.industries}`);
    assert.deepEqual(await rowsMarked(page, "已选"), [d.zh]);
    assert.equal(await page.locator(".spc-data thead th").last().textContent(), `所选：${d.zh}`);
    assert.equal(await page.locator(".spc-hint").isVisible(), false, "the selection hint hides once a district is selected");
  }
  await screenshot(page, "district-map-selected");
  // Clicking the selected district again clears the selection.
  await page.mouse.down();
  await page.mouse.up();
  assert.equal(await page.evaluate(() => window.selections.at(-1).id), null);
  // With nothing selected, the page says how to select, under the map; an export does not.
  assert.match(await page.locator(".spc-hint").textContent(), /^点击、轻触或用键盘/);
  assert.ok(await page.locator(".spc-hint").isVisible());
  assert.ok(!(await svg(page)).includes("点击、轻触或用键盘"), "the on-screen hint is not exported");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("Tab and arrow keys reach every district in the plan's order; Enter selects", async () => {
  const { page, context } = await demo();
  await renderOwn(page);
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("Home");
  const titles = [await title(page)];
  for (let i = 1; i < DISTRICTS.length; i++) {
    await page.keyboard.press("ArrowDown");
    titles.push(await title(page));
  }
  assert.deepEqual(titles, DISTRICTS.map((d) => d.zh));
  await page.keyboard.press("End");
  assert.equal(await title(page), "滨海新区");
  await page.keyboard.press("Home");
  assert.equal(await title(page), "越城区");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => window.selections.at(-1).id), "district.keqiao");
  assert.ok((await svg(page)).includes("重点产业：现代纺织、光电信息、新材料"));
  assert.match(await page.locator(".spc-live").textContent(), /柯桥区/);
  await screenshot(page, "district-map-keyboard");
  await context.close();
});

test("a tap on a phone shows the tooltip and selects the district", async () => {
  const { page, context, problems } = await demo("", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 1000 } });
  await renderOwn(page);
  const box = await page.locator(".spc-plot").boundingBox();
  let shown = null;
  let tappedAt = null;
  for (let y = 10; y < box.height && shown !== "诸暨市"; y += 8) {
    await page.touchscreen.tap(box.x + box.width * 0.17, box.y + y);
    tappedAt = box.y + y;
    if (await page.locator(".spc-tooltip").isVisible()) shown = await title(page);
  }
  assert.equal(shown, "诸暨市");
  assert.equal(await page.evaluate(() => window.selections.at(-1).id), "district.zhuji");
  // The tooltip opens towards the middle of the plot, away from the finger: upwards from a tap in
  // the lower half (clear of the details under the map), downwards from one in the upper half.
  const tip = await page.locator(".spc-tooltip").boundingBox();
  assert.ok(tip.x >= box.x && tip.x + tip.width <= box.x + box.width + 0.5, "inside the plot across");
  if (tappedAt > box.y + box.height / 2) assert.ok(tip.y + tip.height <= tappedAt, `above the tap: ${JSON.stringify(tip)} ${tappedAt}`);
  else assert.ok(tip.y >= tappedAt, `below the tap: ${JSON.stringify(tip)} ${tappedAt}`);
  await screenshot(page, "district-map-phone");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("selecting 新材料 in the linked cluster chart marks exactly 柯桥区 and 上虞区", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/", { viewport: { width: 900, height: 2000 } });
  await page.waitForSelector(".spc-plot canvas");
  await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    document.body.replaceChildren();
    for (const id of ["clusters", "map"]) {
      const el = document.createElement("div");
      el.id = id;
      document.body.append(el);
    }
    window.clusters = m.render(document.getElementById("clusters"), "industry-clusters", {});
    window.map = m.render(document.getElementById("map"), "district-map", {});
    window.clusters.link(window.map);
  });
  const before = await page.evaluate(() => document.querySelector("#map .spc-plot canvas").toDataURL());
  await hoverUntil(page, "新材料", { root: "#clusters" });
  await page.mouse.down();
  await page.mouse.up();
  assert.deepEqual(await rowsMarked(page, "发展", "#map"), ["柯桥区", "上虞区"]);
  assert.equal(await page.locator("#map .spc-data thead th").last().textContent(), "所选：新材料（产业集群）");
  const picture = await page.evaluate(() => window.map.toSvg());
  assert.ok(picture.includes("布局地区：柯桥区、上虞区"));
  assert.ok(picture.includes("发展所选：新材料（产业集群）"));
  const after = await page.evaluate(() => document.querySelector("#map .spc-plot canvas").toDataURL());
  assert.notEqual(before, after, "the map is redrawn with the marked districts");
  await page.locator("#map").scrollIntoViewIfNeeded();
  await screenshot(page, "district-map-linked");
  // And back: selecting 嵊州市 on the map outlines its clusters in the bar chart.
  await hoverUntil(page, "嵊州市", { root: "#map" });
  await page.mouse.down();
  await page.mouse.up();
  assert.ok((await page.evaluate(() => window.clusters.toSvg())).length > 0);
  assert.deepEqual(await rowsMarked(page, "已选", "#map"), ["嵊州市"]);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("English, the count fill and updates", async () => {
  const { page, context, problems } = await demo("&lang=en");
  assert.equal(await page.locator(".spc-title").textContent(), "Which industries each district is to develop");
  const keqiao = await hoverUntil(page, "Keqiao District", { xFraction: 0.17 });
  assert.match(keqiao, /Industries to develop: Modern textiles, optoelectronic information and new materials/);
  const shengzhou = await hoverUntil(page, "Shengzhou City");
  assert.match(shengzhou, /Services hallmark: A well-known “Shengzhou Services” brand/);
  await renderOwn(page, { lang: "en", fill: "count" });
  assert.match(await hoverUntil(page, "Shangyu District", { xFraction: 0.83 }), /Industries named: 4 \(derived\)/);
  assert.match(await svg(page), /4 industries/);
  await page.locator(".spc-table-toggle").click();
  assert.equal(await page.locator(".spc-data tbody tr").count(), 7);
  assert.equal(await page.locator(".spc-data thead th").nth(3).textContent(), "Industries named (derived)");
  await screenshot(page, "district-map-en-count");
  await page.evaluate(() => window.dm.update({ fill: "selection", selected: "industry.high-end-equipment" }));
  assert.deepEqual(await rowsMarked(page, "develops it"), ["Shangyu District", "Zhuji City", "Shengzhou City", "Xinchang County"]);
  await page.evaluate(() => window.dm.update({ selected: null }));
  assert.equal(await page.locator(".spc-data thead th").count(), 7);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the demo boundaries passed as geometry draw a map with no console error", async () => {
  const { page, context, problems } = await demo();
  await renderOwn(page, { geometry: "demo" });
  const info = await canvasInfo(page);
  assert.ok(info.inked > 20000, `only ${info.inked} drawn pixels`);
  assert.match(await page.locator(".spc-plot").getAttribute("aria-label"), /^地图：/);
  assert.match(await hoverUntil(page, "诸暨市", { xFraction: 0.2 }), /高端装备、智能视觉、航空航天/);
  assert.match(await hoverUntil(page, "新昌县", { xFraction: 0.7 }), /高端装备、生物医药、低空经济/);
  assert.match(await hoverUntil(page, "滨海新区", { xFraction: 0.62 }), /生物医药、新能源、泛半导体、智能家居/);
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("End");
  assert.equal(await title(page), "滨海新区");
  await page.keyboard.press("Home");
  assert.equal(await title(page), "越城区");
  await screenshot(page, "district-map-geometry");
  // Selecting on the map, and the same boundaries given as JSON text.
  await hoverUntil(page, "上虞区", { xFraction: 0.7 });
  await page.mouse.down();
  await page.mouse.up();
  assert.ok((await svg(page)).includes("重点产业：绿色化工、新材料、高端装备、具身智能"));
  await screenshot(page, "district-map-geometry-selected");
  await page.evaluate(async () => {
    const text = await (await fetch("/www/geo/shaoxing.geojson")).text();
    window.dm.update({ geometry: text, lang: "en", fill: "count" });
  });
  assert.match(await hoverUntil(page, "Zhuji City", { xFraction: 0.2 }), /Industries named: 3/);
  await screenshot(page, "district-map-geometry-en-count");
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test("bad options and bad GeoJSON throw a clear Error, and the page keeps working", async () => {
  const { page, context, problems } = await demo();
  const messages = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const el = document.createElement("div");
    document.body.append(el);
    const square = [[[120, 30], [121, 30], [121, 31], [120, 30]]];
    const cyclic = { type: "FeatureCollection" };
    cyclic.self = cyclic;
    const out = {
      fill: attempt(() => m.render(el, "district-map", { fill: "area" })),
      actuals: attempt(() => m.render(el, "district-map", { actuals: { "district.keqiao": [] } })),
      selected: attempt(() => m.render(el, "district-map", { selected: "district.hangzhou" })),
      geometryNumber: attempt(() => m.render(el, "district-map", { geometry: 42 })),
      geometryUrl: attempt(() => m.render(el, "district-map", { geometry: "geo/shaoxing.geojson" })),
      geometryBroken: attempt(() => m.render(el, "district-map", { geometry: '{"type": "FeatureCollection", "features": [' })),
      geometryArray: attempt(() => m.render(el, "district-map", { geometry: [1, 2] })),
      geometryNone: attempt(() => m.render(el, "district-map", { geometry: { type: "FeatureCollection", features: [] } })),
      geometryElsewhere: attempt(() => m.render(el, "district-map", {
        geometry: { type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "杭州市" }, geometry: { type: "Polygon", coordinates: square } }] },
      })),
      geometryProjected: attempt(() => m.render(el, "district-map", {
        geometry: { type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "越城区" }, geometry: { type: "Polygon", coordinates: [[[13420000, 3500000], [1, 2], [3, 4]]] } }] },
      })),
      geometryLine: attempt(() => m.render(el, "district-map", {
        geometry: { type: "Feature", properties: { adcode: 330603 }, geometry: { type: "LineString", coordinates: [[120, 30], [121, 30]] } },
      })),
      geometryCyclic: attempt(() => m.render(el, "district-map", { geometry: cyclic })),
    };
    const chart = m.render(el, "district-map", {});
    out.badUpdate = attempt(() => chart.update({ geometry: { type: "Topology" } }));
    out.stillRenders = attempt(() => chart.update({ lang: "en", geometry: null }));
    out.leftovers = (chart.destroy(), el.childElementCount);
    return out;
  });
  assert.equal(messages.fill, 'Error: Option "fill" must be one of "selection", "count"; got "area" (a string).');
  assert.equal(messages.actuals, 'Error: Unknown option "actuals" for chart "district-map". Allowed options: lang, theme, fill, geometry, selected.');
  assert.match(messages.selected, /^Error: A selection must be the id of a cluster, an industry or a district, or null; got "district.hangzhou"/);
  assert.equal(messages.geometryNumber, 'Error: Option "geometry" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got 42 (a number).');
  assert.equal(messages.geometryUrl, 'Error: Option "geometry" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid JSON: expected a value but found \'g\' at line 1, column 1.');
  assert.match(messages.geometryBroken, /^Error: Option "geometry" must be GeoJSON .*the text is not valid JSON: the text ends where a value should be at line 1, column 44\.$/);
  assert.equal(messages.geometryArray, 'Error: Option "geometry" is not GeoJSON that the map can draw: the document must be a GeoJSON FeatureCollection object; got an array.');
  assert.match(messages.geometryNone, /^Error: Option "geometry" has no feature for a district of Shaoxing\. Name each feature by properties\.name \(越城区 or 越城.*It has no features\.$/);
  assert.match(messages.geometryElsewhere, /Its features are: 杭州市\.$/);
  assert.equal(messages.geometryProjected, 'Error: Option "geometry" is not GeoJSON that the map can draw: features[0].geometry.coordinates[0][0] must be a position [longitude, latitude] in degrees (RFC 7946, WGS 84); got [13420000, 3500000].');
  assert.equal(messages.geometryLine, 'Error: Option "geometry" is not GeoJSON that the map can draw: geometry.type is "LineString"; a district\'s boundary must be a Polygon or MultiPolygon.');
  assert.equal(messages.geometryCyclic, 'Error: Option "geometry" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got an object that JSON.stringify cannot write.');
  assert.match(messages.badUpdate, /^Error: Option "geometry" is not GeoJSON that the map can draw: the document is of type "Topology"/);
  assert.equal(messages.stillRenders, "no error");
  assert.equal(messages.leftovers, 0);
  // The demo chart still answers the pointer after all of that.
  assert.match(await hoverUntil(page, "越城区"), /集成电路/);
  assert.deepEqual(problems.console, []);
  await context.close();
});
