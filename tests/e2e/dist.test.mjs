// The folder of `cargo xtask dist`, served as static files below a sub-path (/dist/): every page
// draws from the content-hashed package files, with no failed request, no console error and no
// request off the origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { useBrowser, ROOT } from "./harness.mjs";

const DIST = path.join(ROOT, "dist");
const env = useBrowser();

async function listing() {
  try {
    return { assets: await fs.readdir(path.join(DIST, "assets")), www: await fs.readdir(path.join(DIST, "www")) };
  } catch {
    throw new Error("no dist/ folder: run `cargo xtask dist` first");
  }
}

test("dist holds the site, the package, hashed copies and a cache policy, with relative references only", async () => {
  const { assets, www } = await listing();
  assert.deepEqual(assets.map((n) => n.replace(/\.[0-9a-f]{12}\./, ".#.")).sort(),
    ["embed-resize.#.js", "shaoxing-chart.#.js", "shaoxing_plan_charts.#.js", "shaoxing_plan_charts_bg.#.wasm"]);
  for (const name of ["integrity.json", "shaoxing_plan_charts.js", "shaoxing-chart.js", "static/gdp-path.en.svg", "package.json"]) {
    await fs.access(path.join(DIST, "pkg", name));
  }
  const headers = await fs.readFile(path.join(DIST, "_headers"), "utf8");
  assert.match(headers, /^\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  assert.match(headers, /^\/www\/\*\n {2}Cache-Control: no-cache$/m);
  for (const name of www.filter((n) => /\.(html|js)$/.test(n))) {
    const text = await fs.readFile(path.join(DIST, "www", name), "utf8");
    assert.doesNotMatch(text, /(src|href)="\/|from "\/|"\.\.\/pkg\/(shaoxing|embed-resize)[^"]*\.js"/, name);
  }
  // A hashed file's name is its content's: the element's copy refers to the hashed glue and .wasm.
  const element = await fs.readFile(path.join(DIST, "assets", assets.find((n) => n.startsWith("shaoxing-chart."))), "utf8");
  assert.ok(element.includes(`"./${assets.find((n) => n.startsWith("shaoxing_plan_charts."))}"`));
  assert.ok(element.includes(`"./${assets.find((n) => n.endsWith(".wasm"))}"`));
});

const PAGES = [
  ["/dist/", ".spc-plot canvas"],
  ["/dist/www/gallery.html", ".gallery-item .spc-plot canvas"],
  ["/dist/www/explainer.html", ".spc-plot canvas"],
  ["/dist/www/builder.html", "#snippet-module:not(:empty)"],
  ["/dist/www/embed.html?chart=district-map&geometry=demo&lang=en", ".spc-plot canvas"],
  ["/dist/www/embed-example.html", "iframe"],
  ["/dist/www/embed/major-projects.zh.html?measure=count", ".spc-plot canvas"],
];

for (const [url, ready] of PAGES) {
  test(`${url} works from the dist folder`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    const problems = { console: [], foreign: [], failed: [], loaded: [] };
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.console.push(m.text()); });
    page.on("pageerror", (e) => problems.console.push(String(e)));
    page.on("request", (r) => { if (!r.url().startsWith(env.origin + "/")) problems.foreign.push(r.url()); });
    // A request that a navigation cancels (the root page's redirect) is not a failure of the folder.
    page.on("requestfailed", (r) => { if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.failed.push(r.url()); });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.failed.push(`${r.status()} ${r.url()}`);
      problems.loaded.push(new URL(r.url()).pathname);
    });
    await page.goto(env.origin + url);
    await page.waitForSelector(ready);
    if (url.includes("example")) await page.frameLocator("iframe").first().locator(".spc-plot canvas").first().waitFor();
    if (url.includes("geometry")) {
      await page.waitForFunction(() => document.querySelector("shaoxing-chart").handle?.toCsv().length > 0);
    }
    await page.waitForTimeout(300);
    assert.deepEqual(problems.failed, []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    assert.ok(problems.loaded.some((p) => /^\/dist\/assets\/shaoxing_plan_charts_bg\.[0-9a-f]{12}\.wasm$/.test(p)), problems.loaded.join(" "));
    assert.ok(!problems.loaded.some((p) => /^\/dist\/pkg\/.*\.(js|wasm)$/.test(p)), `a page loaded the package by its unhashed names: ${problems.loaded.join(" ")}`);
    await context.close();
  });
}
