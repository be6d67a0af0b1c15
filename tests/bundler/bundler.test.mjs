// The package as an application installs it: `npm pack` of pkg/ installed into this project, and a
// page (index.html, src/main.js) that uses render() and the <shaoxing-chart> element bundled by
// Vite. The build must hold the .wasm and the static pictures as assets (Vite found the glue's and the
// element's `new URL(…, import.meta.url)`), and, served alone, the page must draw both charts, the
// element's static picture first, with no console error or warning and no request but for files of
// the build. Needs `npm ci` here and a built pkg/ (`cargo xtask test` does both).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ROOT, useBrowser, openPage, canvasInfo, screenshot } from "../e2e/harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG = path.join(ROOT, "pkg");
const DIST = path.join(HERE, "dist");
const run = promisify(execFile);

before(async () => {
  const packed = await fs.mkdtemp(path.join(os.tmpdir(), "spc-pack-"));
  try {
    const { stdout } = await run("npm", ["pack", PKG, "--pack-destination", packed, "--json", "--loglevel=error"]);
    const tarball = path.join(packed, JSON.parse(stdout)[0].filename);
    // Not saved: package.json and the lockfile pin only Vite; the package is whatever pkg/ holds now.
    await run("npm", ["install", "--no-save", "--offline", "--loglevel=error", tarball], { cwd: HERE });
  } finally {
    await fs.rm(packed, { recursive: true, force: true });
  }
  await run(path.join(HERE, "node_modules/.bin/vite"), ["build"], { cwd: HERE });
});

const env = useBrowser(undefined, DIST);

const read = (...parts) => fs.readFile(path.join(...parts));

test("the installed package is pkg/ as built, and the build holds its .wasm and pictures as assets", async () => {
  const wasm = await read(PKG, "shaoxing_plan_charts_bg.wasm");
  assert.ok(wasm.equals(await read(HERE, "node_modules/shaoxing-plan-charts/shaoxing_plan_charts_bg.wasm")),
    "node_modules holds another .wasm than pkg/");
  const assets = await fs.readdir(path.join(DIST, "assets"));
  const wasms = assets.filter((n) => n.endsWith(".wasm"));
  assert.deepEqual(wasms.map((n) => n.replace(/-[\w-]{8}\.wasm$/, ".wasm")), ["shaoxing_plan_charts_bg.wasm"], assets.join(" "));
  // Unchanged, byte for byte: the element checks the hash it was built with.
  assert.ok(wasm.equals(await read(DIST, "assets", wasms[0])));
  const pictures = (await fs.readdir(path.join(PKG, "static"))).sort();
  assert.deepEqual(assets.filter((n) => n.endsWith(".svg")).map((n) => n.replace(/-[\w-]{8}\.svg$/, ".svg")).sort(), pictures);
  const scripts = await Promise.all(assets.filter((n) => n.endsWith(".js")).map((n) => fs.readFile(path.join(DIST, "assets", n), "utf8")));
  assert.ok(scripts.some((s) => s.includes(`/assets/${wasms[0]}`)), "no script of the build refers to the .wasm asset");
});

test("served from the build, the page draws render()'s chart and the element, the element's picture first", async () => {
  const { page, context, problems, requests } = await openPage(env.browser, env.origin, "/");
  await page.waitForSelector("#chart .spc-plot canvas");
  assert.ok((await canvasInfo(page, "#chart .spc-plot canvas")).inked > 3000);
  assert.equal(await page.locator("#chart .spc-plot").getAttribute("role"), "img");
  assert.ok((await page.locator("#chart .spc-plot").getAttribute("aria-label")).length > 100);
  assert.ok(await page.locator("#chart .spc-data tbody tr").count() >= 4);
  await page.waitForSelector("shaoxing-chart .spc-plot canvas");
  assert.ok((await canvasInfo(page, "shaoxing-chart .spc-plot canvas")).inked > 3000);
  await screenshot(page, "bundler-vite");

  // Again with the .wasm held back: the element shows its static picture, then draws over it.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  const picture = page.locator("shaoxing-chart > img.spc-fallback");
  await page.waitForFunction(() => document.querySelector("shaoxing-chart > img.spc-fallback")?.naturalWidth > 0);
  assert.match(await picture.getAttribute("src"), new RegExp(`^${env.origin}/assets/gdp-path\\.en-[\\w-]{8}\\.svg$`));
  assert.equal(await page.locator("shaoxing-chart").getAttribute("aria-busy"), "true");
  assert.equal(await page.locator("shaoxing-chart canvas").count(), 0);
  release();
  await page.waitForSelector("shaoxing-chart .spc-plot canvas");
  assert.equal(await picture.count(), 0);
  assert.equal(await page.locator("shaoxing-chart").getAttribute("aria-busy"), null);

  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  for (const url of requests) {
    const pathname = new URL(url).pathname;
    await fs.access(path.join(DIST, pathname.endsWith("/") ? pathname + "index.html" : pathname)).catch(() => {
      assert.fail(`${url} is not a file of the build`);
    });
  }
  assert.ok(requests.some((url) => /\/assets\/shaoxing_plan_charts_bg-[\w-]{8}\.wasm$/.test(url)), requests.join(" "));
  await context.close();
});
