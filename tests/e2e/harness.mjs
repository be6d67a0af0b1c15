// Shared set-up of the browser tests: a static server for the project folder on 127.0.0.1 and
// Debian's Chromium driven by playwright-core, recording console errors and every request.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm", ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
  ".png": "image/png", ".csv": "text/csv; charset=utf-8",
};

/**
 * Serves `root` (the project folder by default); `headers(pathname)` may add response headers (e.g. a
 * Content-Security-Policy).
 */
export async function serve(headers = () => ({}), root = ROOT) {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(root, pathname.endsWith("/") ? pathname + "index.html" : pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", ...headers(pathname) });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic", "--font-render-hinting=none", "--js-flags=--expose-gc"],
  });
}

/**
 * An init script (for `context.addInitScript`): records in `window.wasmCalls` which WebAssembly
 * entry points the page's scripts call, so that a test or the benchmark can tell whether the .wasm
 * was compiled while it streamed.
 */
export function recordWasmCalls() {
  window.wasmCalls = [];
  for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.wasmCalls.push(name);
      return original.apply(this, args);
    };
  }
}

/**
 * A page that records console errors, page errors and requests that leave `origin`, and in
 * `requests` the address of every request.
 */
export async function openPage(browser, origin, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const problems = { console: [], foreign: [] };
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.console.push(String(e)));
  page.on("request", (r) => {
    requests.push(r.url());
    if (!r.url().startsWith(origin + "/")) problems.foreign.push(r.url());
  });
  // window.attempt(f) runs f and returns "no error", or "Error: <message>" for an Error it throws
  // (or "not an Error: …" for anything else thrown): how the tests read the library's messages.
  await page.addInitScript(() => {
    window.attempt = (f) => {
      try {
        f();
        return "no error";
      } catch (e) {
        return (e instanceof Error ? "Error: " : "not an Error: ") + e.message;
      }
    };
  });
  await page.goto(origin + url);
  return { page, context, problems, requests };
}

/** Saves a screenshot under tests/e2e/screenshots/ for a person to look at. */
export async function screenshot(page, name) {
  const dir = path.join(ROOT, "tests/e2e/screenshots");
  await fs.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name + ".png"), fullPage: true });
}

/**
 * Starts the server (of `root`, see serve) and the browser before a test file's tests and stops them
 * after; the returned object's `origin` and `browser` are set once the tests run.
 */
export function useBrowser(headers, root) {
  const env = { origin: null, browser: null };
  let server;
  before(async () => {
    server = await serve(headers, root);
    env.origin = server.origin;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await server?.close();
  });
  return env;
}

/** Non-background pixels of a chart canvas (the first on the page by default), and its backing and CSS sizes. */
export function canvasInfo(page, selector = ".spc-plot canvas") {
  return page.evaluate((selector) => {
    const canvas = document.querySelector(selector);
    const ctx = canvas.getContext("2d");
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0] = data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 60) inked++;
    }
    const rect = canvas.getBoundingClientRect();
    return { width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height, inked, background: [r0, g0, b0] };
  }, selector);
}

/**
 * Moves the pointer over the plot inside `root` (the first on the page by default) until the
 * tooltip names `title`; returns the tooltip's text. It sweeps down the plot at `xFraction` of its
 * width, or with `across`, sweeps left to right at a few heights (for charts with a time axis).
 */
export async function hoverUntil(page, title, { root = "", xFraction = 0.5, across = false } = {}) {
  const box = await page.locator(`${root} .spc-plot`.trim()).first().boundingBox();
  const points = [];
  if (across) {
    for (const fraction of [0.5, 0.35, 0.65]) {
      for (let x = 2; x < box.width; x += 8) points.push([x, box.height * fraction]);
    }
  } else {
    for (let y = 4; y < box.height; y += 6) points.push([box.width * xFraction, y]);
  }
  for (const [x, y] of points) {
    await page.mouse.move(box.x + x, box.y + y);
    const tip = page.locator(`${root} .spc-tooltip`.trim()).first();
    if (await tip.isVisible() && (await tip.locator(".spc-tooltip-title").textContent()) === title) {
      return tip.textContent();
    }
  }
  throw new Error(`no mark with the tooltip ${title}`);
}
