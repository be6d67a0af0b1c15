// The accessibility engine axe-core (pinned in package.json), run inside every demo and embed page
// under the strict Content-Security-Policy (it is loaded from the page's own origin, so the policy
// allows it): every www/*.html page, the chart tool and the embed page with every chart id, in both
// languages and both colour schemes, at phone and desktop widths, with every data table shown.
// No serious or critical violation may remain.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useBrowser, openPage, ROOT } from "./harness.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const env = useBrowser(() => ({ "Content-Security-Policy": POLICY }));

const AXE = "/tests/e2e/node_modules/axe-core/axe.min.js";
const PAGES = fs.readdirSync(path.join(ROOT, "www")).filter((n) => n.endsWith(".html")).sort();
const CHART_IDS = ["industry-clusters", "major-projects", "main-indicators", "gdp-path", "infrastructure-targets",
  "district-map", "district-industries"];
/** Pages that show one chart picked by `?chart=`: checked with every chart id. */
const PER_CHART = new Set(["index.html", "embed.html"]);
const WIDTHS = { phone: { width: 375, height: 800 }, desktop: { width: 1280, height: 900 } };

/** The addresses to check for one page file, language and theme. */
function addresses(file, lang, theme) {
  const query = (extra) => `/www/${file}?${new URLSearchParams({ ...extra, lang, theme })}`;
  return PER_CHART.has(file) ? CHART_IDS.map((chart) => query({ chart })) : [query({})];
}

/** Waits until every chart of the page (and of its frames) has drawn, then opens every data table. */
async function settle(page) {
  await page.waitForLoadState("load");
  for (const frame of page.frames()) {
    await frame.waitForFunction(() => {
      const boxes = [...document.querySelectorAll(".chart-box, shaoxing-chart")];
      return boxes.every((b) => b.querySelector(".spc-plot canvas")) && !document.querySelector("[aria-busy=true]");
    }, null, { timeout: 20000 });
    await frame.evaluate(() => {
      for (const b of document.querySelectorAll(".spc-table-toggle[aria-expanded=false]")) b.click();
    });
  }
}

/** Axe's violations in every frame of the page: each with its rule, impact and first nodes. */
async function violations(page) {
  const found = [];
  for (const frame of page.frames()) {
    await frame.addScriptTag({ url: AXE });
    const result = await frame.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`) }));
    });
    found.push(...result);
  }
  return found;
}

test("the pages to check include every demo and embed page", () => {
  for (const page of ["index.html", "gallery.html", "explainer.html", "embed.html", "embed-example.html"]) {
    assert.ok(PAGES.includes(page), `${page} in ${PAGES}`);
  }
});

for (const [size, viewport] of Object.entries(WIDTHS)) {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds no serious or critical violation: ${size}, ${scheme}`, async () => {
      const phone = size === "phone";
      const serious = [];
      const lesser = {};
      let checked = 0;
      for (const file of PAGES) {
        for (const lang of ["zh", "en"]) {
          for (const url of addresses(file, lang, scheme)) {
            const { page, context, problems } = await openPage(env.browser, env.origin, url,
              { viewport, colorScheme: scheme, isMobile: phone, hasTouch: phone });
            await settle(page);
            for (const v of await violations(page)) {
              if (v.impact === "serious" || v.impact === "critical") serious.push({ url, ...v });
              else lesser[`${v.id} (${v.impact})`] = (lesser[`${v.id} (${v.impact})`] ?? 0) + 1;
            }
            assert.deepEqual(problems.console, [], url);
            assert.deepEqual(problems.foreign, [], url);
            await context.close();
            checked++;
          }
        }
      }
      // What axe rates moderate or minor is reported, for a person to weigh, not failed.
      console.log(`axe ${size} ${scheme}: ${checked} page loads, ${serious.length} serious or critical violations;`
        + ` moderate or minor, by rule and number of pages: ${JSON.stringify(lesser)}`);
      assert.deepEqual(serious, []);
    });
  }
}
