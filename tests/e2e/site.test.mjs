// The demo site: the chart tool switches charts and their options; the gallery shows every chart.
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
  // Links keep the reader's language: to each chart and to the other pages.
  const english = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(english.includes(`./?chart=${ids[0]}&lang=en`), english.join(" "));
  assert.ok(english.includes("explainer.html?lang=en") && english.includes("./?lang=en"), english.join(" "));
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

test("the chart tool switches charts and shows only the options each chart takes", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/", { viewport: { width: 900, height: 2400 } });
  await page.waitForSelector(".spc-plot canvas");
  const visible = () => page.locator("[data-option]").evaluateAll((ls) => ls.filter((l) => !l.hidden).map((l) => l.dataset.option));
  assert.deepEqual(await visible(), ["sort"]);
  await page.locator("#chart-select").selectOption("major-projects");
  assert.deepEqual(await visible(), ["measure"]);
  assert.equal(await page.locator(".spc-title").textContent(), "优化投资结构重大工程项目");
  await page.locator("select[name=measure]").selectOption("count");
  await page.locator(".spc-plot").focus();
  await page.keyboard.press("Home");
  assert.match(await page.locator(".spc-tooltip").textContent(), /先进制造业基地/);
  await page.locator("#chart-select").selectOption("main-indicators");
  assert.deepEqual(await visible(), ["category"]);
  await page.locator("select[name=category]").selectOption("green");
  assert.equal(await page.locator(".spc-chart").count(), 1, "the previous chart was destroyed");
  assert.match(await page.locator(".spc-title").textContent(), /绿色低碳/);
  await page.locator("#chart-select").selectOption("gdp-path");
  assert.deepEqual(await visible(), []);
  await screenshot(page, "site-tool-gdp");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("the tool opens pre-set from the address, and copies the chart's citation", async () => {
  const { page, context } = await openPage(env.browser, env.origin, "/www/?chart=major-projects&lang=en&measure=five-year");
  await page.waitForSelector(".spc-plot canvas");
  assert.equal(await page.locator("#chart-select").inputValue(), "major-projects");
  assert.equal(await page.locator("select[name=measure]").inputValue(), "five-year");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.origin });
  await page.locator("#copy-citation").click();
  await page.waitForFunction(() => document.getElementById("status").textContent === "Citation copied.");
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(citation, /^Shaoxing Municipal People's Government, .*notice 绍政发〔2026〕6号, 9 March 2026: Box 5\. Chart “Major investment projects by domain”, shaoxing-plan-charts [\d.]+, http:\/\/127\.0\.0\.1:\d+\/pkg\/, accessed \d+ \w+ \d{4}\.$/);
  await context.close();
});

test("the tool draws the district map on the demo boundaries and by count", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/?chart=district-map", { viewport: { width: 900, height: 1600 } });
  await page.waitForSelector(".spc-plot canvas");
  const visible = await page.locator("[data-option]").evaluateAll((ls) => ls.filter((l) => !l.hidden).map((l) => l.dataset.option));
  assert.deepEqual(visible, ["fill", "geometry"]);
  await page.locator("select[name=geometry]").selectOption("demo");
  await page.waitForFunction(() => document.querySelector(".spc-source")?.textContent.length > 0);
  await page.locator("select[name=fill]").selectOption("count");
  assert.equal(await page.locator("#status").textContent(), "");
  await screenshot(page, "site-tool-district-map-demo");
  assert.deepEqual(problems.console, []);
  await context.close();
});
