// The gallery page shows every chart of the package and links each to the chart tool.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

test("the gallery renders every chart, links to each, and switches language", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/gallery.html");
  await page.waitForSelector(".gallery-item .spc-plot canvas");
  const ids = await page.evaluate(async () => (await import("/pkg/shaoxing_plan_charts.js")).charts().map((c) => c.id));
  assert.ok(ids.length >= 1);
  assert.equal(await page.locator(".gallery-item").count(), ids.length);
  assert.equal(await page.locator(".gallery-item .spc-plot").count(), ids.length);
  const links = await page.locator(".gallery-item h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(links, ids.map((id) => `./?chart=${id}`));
  await page.locator("input[name=lang][value=en]").check();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const titles = await page.locator(".spc-title").allTextContents();
  assert.ok(titles.every((t) => /^[\x00-\x7F–’]+$/.test(t)), `titles still in Chinese: ${titles}`);
  await screenshot(page, "gallery-en");
  // Each link opens the chart tool on that chart.
  await page.locator(".gallery-item h2 a").first().click();
  await page.waitForSelector(".spc-plot canvas");
  assert.equal(await page.locator("#chart-select").inputValue(), ids[0]);
  assert.equal(await page.locator(".spc-title").textContent(), titles[0]);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});
