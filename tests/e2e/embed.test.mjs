// Embedding: the static pictures in pkg/static/, the <shaoxing-chart> element, the iframe embed page
// with its resize script, and all of them under a strict Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

test("every chart has a static picture in both languages whose title is the chart's title", async () => {
  const { page, context, problems } = await openPage(env.browser, env.origin, "/www/gallery.html");
  await page.waitForSelector(".gallery-item .spc-plot canvas");
  const pictures = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const out = [];
    for (const { id, title } of m.charts()) {
      for (const lang of ["zh", "en"]) {
        const url = `/pkg/static/${id}.${lang}.svg`;
        const response = await fetch(url);
        const svg = await response.text();
        const img = new Image();
        img.src = url;
        await img.decode();
        const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
        out.push({ id, lang, expected: title[lang], type: response.headers.get("content-type"),
          title: doc.querySelector("svg > title")?.textContent, width: img.naturalWidth, height: img.naturalHeight });
      }
    }
    return out;
  });
  assert.ok(pictures.length >= 10);
  for (const p of pictures) {
    assert.equal(p.type, "image/svg+xml", p.id);
    assert.equal(p.title, p.expected, `${p.id}.${p.lang}`);
    assert.equal(p.width, 720, `${p.id}.${p.lang}`);
    assert.ok(p.height > 200, `${p.id}.${p.lang} is ${p.height} high`);
  }
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  for (const name of ["major-projects.en", "main-indicators.zh"]) { // for a person to look at
    await page.setContent(`<link rel="icon" href="data:,"><img src="/pkg/static/${name}.svg">`);
    await page.locator("img").evaluate((img) => img.decode());
    await screenshot(page, `embed-static-${name}`);
  }
  await context.close();
});
