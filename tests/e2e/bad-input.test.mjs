// Bad input, row by row: every public function, method and option of the package and every
// attribute of the element, with what each bad input gets (the rows of bad-input.mjs, which also
// make the table of docs/errors.md). After all of them the page has no console error, made no request and
// still draws charts: no input reached a panic, which would kill the module for the whole page.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { useBrowser, openPage, ROOT } from "./harness.mjs";
import { CALLS, ATTRIBUTES, attributes, markdown, counted } from "./bad-input.mjs";

const env = useBrowser();

async function robustPage() {
  const opened = await openPage(env.browser, env.origin, "/tests/e2e/pages/robust.html");
  await opened.page.waitForFunction(() => window.robust);
  opened.dialogs = [];
  opened.page.on("dialog", (d) => {
    opened.dialogs.push(d.message());
    d.dismiss();
  });
  return opened;
}

/** `result` as the table states it: whole, or up to " …". */
function matches(actual, expected) {
  return expected.endsWith(" …") ? actual.startsWith(expected.slice(0, -2)) : actual === expected;
}

test("every call of the table gets what the table says, and the page keeps working", async () => {
  const { page, context, problems, dialogs } = await robustPage();
  const wrong = [];
  for (const [api, call, expected] of CALLS) {
    const actual = await page.evaluate((call) => robust.run(call), call);
    if (!matches(actual, expected)) wrong.push(`${api}: ${call}\n  expected ${expected}\n  got      ${actual}`);
  }
  assert.deepEqual(wrong, [], wrong.join("\n"));
  // Still alive: a chart draws and answers.
  assert.equal(await page.evaluate(() => robust.run('chart("gdp-path", { lang: "en" }).toCsv().length > 100')), "no error");
  assert.equal(await page.evaluate(() => document.querySelectorAll("img").length), 0, "no text became an element");
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test("every attribute of the element in the table gets what the table says, shown as text", async () => {
  const { page, context, problems, dialogs } = await robustPage();
  await page.evaluate(() => import("/pkg/shaoxing-chart.js"));
  for (const [attrs, expected] of ATTRIBUTES) {
    const got = await page.evaluate(async (attrs) => {
      const el = document.createElement("shaoxing-chart");
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      const settled = new Promise((resolve) => {
        el.addEventListener("error", (e) => resolve("Error: " + e.detail.message), { once: true });
        el.addEventListener("load", () => resolve("no error"), { once: true });
      });
      document.getElementById("host").append(el);
      const result = await settled;
      const shown = el.querySelector(".spc-message")?.textContent ?? "";
      const elements = el.querySelectorAll("*").length;
      el.remove();
      return { result, shown, elements };
    }, attrs);
    assert.ok(matches(got.result, expected), `${attributes(attrs)}: ${got.result}`);
    assert.ok(got.shown.endsWith(got.result.slice("Error: ".length)), `${attributes(attrs)} shows ${got.shown}`);
    assert.equal(got.elements, 1, `${attributes(attrs)}: only the message, no element made of the text`);
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test("the table leaves out no function, method, option or attribute of the package", async () => {
  const { page, context } = await robustPage();
  const surface = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    const { ShaoxingChart } = await import("/pkg/shaoxing-chart.js");
    const functions = Object.keys(m).filter((k) => typeof m[k] === "function" && k !== "default" && k !== "initSync" && k !== "Chart");
    const methods = Object.getOwnPropertyNames(m.Chart.prototype)
      .filter((k) => !["constructor", "free", "__destroy_into_raw"].includes(k));
    const options = new Set();
    for (const { id } of m.charts()) {
      const message = robust.run(`chart(${JSON.stringify(id)}, { "?": 1 })`);
      for (const name of message.match(/Allowed options: (.*)\.$/)[1].split(", ")) options.add(name);
    }
    return { functions, methods, options: [...options], attributes: ShaoxingChart.observedAttributes };
  });
  const apis = new Set(CALLS.map(([api]) => api));
  const missing = [
    ...surface.functions.filter((f) => !apis.has(f)),
    ...surface.methods.filter((f) => !apis.has(`chart.${f}`)),
    ...surface.options.filter((o) => !apis.has(`option ${o}`)),
    ...surface.attributes.filter((a) => a !== "chart" && !ATTRIBUTES.some(([attrs]) => a in attrs)),
  ];
  assert.ok(surface.functions.includes("render") && surface.methods.includes("toSvg") && surface.options.includes("geometry"));
  assert.deepEqual(missing, [], `no row for ${missing.join(", ")}`);
  await context.close();
});

test("docs/errors.md holds the table as bad-input.mjs makes it, with its count (BLESS=1 rewrites it)", async () => {
  const file = path.join(ROOT, "docs/errors.md");
  const doc = await fs.readFile(file, "utf8");
  const start = "<!-- bad-input table: made from tests/e2e/bad-input.mjs -->\n";
  const end = "\n<!-- end of the bad-input table -->";
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  assert.ok(from >= 0 && to > from, "docs/errors.md has the markers of the bad-input table");
  const table = markdown();
  if (process.env.BLESS) {
    await fs.writeFile(file, doc.slice(0, from + start.length) + table + doc.slice(to));
    return;
  }
  assert.equal(doc.slice(from + start.length, to), table, "run BLESS=1 node --test bad-input.test.mjs");
});

test("docs/testing.md states how many rows the table has (BLESS=1 rewrites the count)", async () => {
  const file = path.join(ROOT, "docs/testing.md");
  const doc = await fs.readFile(file, "utf8");
  const stated = /\(\d+ calls, \d+ element attributes\)/g;
  assert.equal(doc.match(stated)?.length, 1, "docs/testing.md states the count once, as (N calls, M element attributes)");
  if (process.env.BLESS) {
    await fs.writeFile(file, doc.replace(stated, counted()));
    return;
  }
  assert.ok(doc.includes(counted()), `docs/testing.md says ${doc.match(stated)[0]}; the table has ${counted()}`);
});
