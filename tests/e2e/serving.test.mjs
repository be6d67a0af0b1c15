// The package served as a static host that compresses would serve it (the benchmark's server):
// everything gzip-encoded, the .wasm as application/wasm, so that the glue compiles it with
// WebAssembly.instantiateStreaming while it downloads instead of falling back to a full download.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, recordWasmCalls } from "./harness.mjs";
import { serve } from "../../bench/server.mjs";

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("over gzip, the .wasm arrives as application/wasm and is compiled while it streams", async () => {
  const context = await browser.newContext();
  await context.addInitScript(recordWasmCalls);
  const page = await context.newPage();
  const messages = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && messages.push(m.text()));
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(`${server.origin}/www/index.html?chart=industry-clusters`);
  await page.waitForSelector(".spc-plot canvas");
  const wasm = responses.find((r) => r.url().endsWith(".wasm"));
  assert.ok(wasm, "the page fetched the .wasm");
  const headers = await wasm.allHeaders();
  assert.equal(headers["content-type"], "application/wasm");
  assert.equal(headers["content-encoding"], "gzip");
  for (const response of responses) {
    assert.equal((await response.allHeaders())["content-encoding"], "gzip", response.url());
  }
  assert.deepEqual(await page.evaluate(() => window.wasmCalls), ["instantiateStreaming"]);
  assert.deepEqual(messages, []);
  await context.close();
});
