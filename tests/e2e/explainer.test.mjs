// The linked explainer: cluster chart, district map and district × industry matrix on one page.
// "Which districts build integrated circuits, and what else does Shangyu build?" in two clicks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

async function explainer(query = "") {
  const opened = await openPage(env.browser, env.origin, "/www/explainer.html" + query, { viewport: { width: 1280, height: 2200 } });
  await opened.page.waitForSelector("#matrix .spc-plot canvas");
  return opened;
}

/** The table rows of the chart in `box` (its accessible companion), as arrays of cell texts. */
function tableRows(page, box) {
  return page.locator(`#${box} .spc-data tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
}

test("the three charts are linked: a cluster selected in one is marked in the others", async () => {
  const { page, context, problems } = await explainer();
  assert.equal(await page.locator(".spc-chart").count(), 3);
  // Select 集成电路 in the cluster chart with the keyboard.
  await page.locator("#clusters .spc-plot").focus();
  await page.keyboard.press("Home");
  let title = "";
  for (let i = 0; i < 10 && title !== "集成电路"; i++) {
    title = await page.locator("#clusters .spc-tooltip-title").textContent();
    if (title !== "集成电路") await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#selection").textContent(), "已选择：集成电路");
  const ids = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    return m.dataset().districts.filter((d) => d.industries.some((i) => ["industry.integrated-circuits", "industry.pan-semiconductors"].includes(i))).map((d) => d.name_zh);
  });
  assert.deepEqual(ids, ["越城区", "滨海新区"]);
  await screenshot(page, "explainer-integrated-circuits");
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test("a district selected on the map shows what else it builds, in English too", async () => {
  const { page, context } = await explainer("?lang=en");
  await page.locator("#map .spc-plot").focus();
  let title = "";
  await page.keyboard.press("Home");
  for (let i = 0; i < 8 && title !== "Shangyu District"; i++) {
    title = await page.locator("#map .spc-tooltip-title").textContent();
    if (title !== "Shangyu District") await page.keyboard.press("ArrowDown");
  }
  assert.equal(title, "Shangyu District");
  const tip = await page.locator("#map .spc-tooltip").textContent();
  for (const industry of ["Green chemicals", "new materials", "high-end equipment", "embodied AI"]) {
    assert.match(tip, new RegExp(industry), `${industry} in ${tip}`);
  }
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#selection").textContent(), "Selected: Shangyu District");
  await page.locator("#clear").click();
  assert.equal(await page.locator("#selection").textContent(), "Nothing selected.");
  await context.close();
});
