// Strict hosts: every way to show a chart, and the demo pages, under
// Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// with no securitypolicyviolation event in any frame and no request outside the origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot, hoverUntil } from "./harness.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The same policy without 'wasm-unsafe-eval', for one page. */
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const env = useBrowser((path) => ({ "Content-Security-Policy": path.endsWith("/no-wasm-eval.html") ? NO_WASM : POLICY }));

/**
 * Opens `url` and loads it again with a recorder of CSP violations in every frame (window.violations);
 * the console of both loads is in `problems` too, where browsers also report violations.
 */
async function strictPage(url, contextOptions = {}) {
  const opened = await openPage(env.browser, env.origin, url, { viewport: { width: 900, height: 1000 }, ...contextOptions });
  await opened.context.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  await opened.page.reload();
  return opened;
}

/** The violations recorded in every frame of the page. */
async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...await frame.evaluate(() => window.violations ?? ["no recorder"]));
  return all;
}

test("render(), the element and the iframe draw, hover and export under the strict policy", async () => {
  const { page, context, problems } = await strictPage("/tests/e2e/pages/csp.html", { viewport: { width: 900, height: 1400 } });
  const policy = (await page.request.get(env.origin + "/tests/e2e/pages/csp.html")).headers()["content-security-policy"];
  assert.equal(policy, POLICY);
  await page.waitForSelector("#rendered .spc-plot canvas");
  await page.waitForSelector("#element .spc-plot canvas");
  const frame = page.frameLocator("#frame");
  await frame.locator(".spc-plot canvas").first().waitFor();
  await page.waitForFunction(() => {
    const f = document.getElementById("frame");
    return f.clientHeight === Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height);
  });
  // Hover in each.
  assert.match(await hoverUntil(page, "New materials", { root: "#rendered" }), /over CNY 350 bn/);
  assert.match(await hoverUntil(page, "Clean energy supply", { root: "#element", xFraction: 0.1 }), /15 projects/);
  const inFrame = page.frames().find((f) => f.url().includes("embed.html"));
  await frame.locator(".spc-plot").scrollIntoViewIfNeeded();
  const box = await frame.locator(".spc-plot").boundingBox();
  let tip = null;
  for (let x = 4; x < box.width && !tip; x += 6) {
    await page.mouse.move(box.x + x, box.y + box.height * 0.5);
    if (await frame.locator(".spc-tooltip").isVisible()) tip = await frame.locator(".spc-tooltip").textContent();
  }
  assert.ok(tip, "a tooltip in the frame");
  // The data table, a selection, the exports.
  await page.locator("#element .spc-table-toggle").click();
  await page.locator("#rendered .spc-plot").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  const exported = async (target) => target.evaluate(async (handle) => {
    const png = await handle.toPng();
    const bitmap = await createImageBitmap(png);
    return { png: png.type, width: bitmap.width, svg: handle.toSvg().slice(0, 20), csv: handle.toCsv().split("\r\n")[0].slice(0, 3) };
  });
  const expected = { png: "image/png", svg: '<svg role="img" widt', csv: "id," };
  const fromRender = await exported(await page.evaluateHandle(() => window.rendered));
  const fromElement = await exported(await page.evaluateHandle(() => document.getElementById("element").handle));
  const fromFrame = await exported(await inFrame.evaluateHandle(() => document.querySelector("shaoxing-chart").handle));
  for (const result of [fromRender, fromElement, fromFrame]) {
    assert.deepEqual({ ...result, width: undefined }, { ...expected, width: undefined });
    assert.ok(result.width > 800, `${result.width}`);
  }
  await screenshot(page, "csp-three-ways");
  // The element's constructed stylesheet applies (a blocked one would leave it display: inline).
  assert.equal(await page.locator("#element").evaluate((el) => getComputedStyle(el).display), "block");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  // The recorder works: a style attribute is a violation.
  await page.evaluate(() => {
    const el = document.createElement("div");
    el.setAttribute("style", "color: red");
    document.body.append(el);
  });
  await page.waitForFunction(() => window.violations.length === 1);
  assert.equal((await violations(page))[0].directive, "style-src-attr");
  await context.close();
});

for (const url of ["/www/", "/www/gallery.html", "/www/embed-example.html", "/www/embed.html?chart=main-indicators&category=green", "/www/builder.html"]) {
  test(`${url} works under the strict policy`, async () => {
    const { page, context, problems } = await strictPage(url, { acceptDownloads: true });
    await page.waitForSelector(url.includes("example") ? "iframe" : ".spc-plot canvas");
    if (url.includes("example")) await page.frameLocator("#gdp").locator(".spc-plot canvas").first().waitFor();
    if (url.endsWith("builder.html")) await page.waitForSelector("#snippet-element:not(:empty)");
    if (url === "/www/" || url.endsWith("builder.html")) {
      for (const [button, name] of [["#download-png", /\.png$/], ["#download-svg", /\.svg$/], ["#download-csv", /\.csv$/]]) {
        const [download] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
        assert.match(download.suggestedFilename(), name);
        assert.ok((await download.createReadStream()) != null);
      }
      await page.locator("select[name=theme]").selectOption("dark");
      await hoverUntil(page, "新材料");
    }
    await page.waitForTimeout(200);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await context.close();
  });
}

test("a host whose policy forbids WebAssembly gets the static picture and a message", async () => {
  const { page, context } = await strictPage("/tests/e2e/pages/no-wasm-eval.html");
  await page.waitForSelector("#element .spc-message");
  assert.match(await page.locator("#element .spc-message").textContent(), /^The chart cannot be shown. The chart's WebAssembly module \(.*\) could not be loaded: .*Content Security Policy/);
  await page.waitForFunction(() => document.querySelector("#element img.spc-fallback")?.naturalWidth === 720);
  assert.ok((await violations(page)).some((v) => v.directive === "script-src"), "the browser reports the blocked compilation");
  await screenshot(page, "csp-no-wasm");
  await context.close();
});
