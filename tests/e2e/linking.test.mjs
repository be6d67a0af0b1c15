// Selection and linked views through the public API: select(), on/off("select"), link().
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

/** A page with two industry-cluster charts, a and b, and the module as window.m. */
async function twoCharts() {
  const opened = await openPage(env.browser, env.origin, "/www/", { viewport: { width: 900, height: 1400 } });
  await opened.page.waitForSelector(".spc-plot canvas");
  await opened.page.evaluate(async () => {
    window.m = await import("/pkg/shaoxing_plan_charts.js");
    document.getElementById("chart").replaceChildren();
    const boxes = ["a", "b"].map((id) => {
      const el = document.createElement("div");
      el.id = id;
      document.querySelector("main").append(el);
      return el;
    });
    window.a = m.render(boxes[0], "industry-clusters", { lang: "en" });
    window.b = m.render(boxes[1], "industry-clusters", { lang: "en", sort: "value" });
    window.heard = [];
    window.listener = (e) => heard.push(e);
    a.on("select", listener);
  });
  return opened;
}

/** The clusters chart `id` shows as selected: its bold cluster labels (from its SVG export). */
function outlined(page, id) {
  return page.evaluate((id) => {
    const names = m.dataset().clusters.map((c) => c.name_en);
    const svg = window[id].toSvg();
    const bold = (svg.match(/font-weight="bold"[^>]*>\s*([^<]+?)\s*</g) || []).map((t) => t.replace(/.*>\s*/, "").replace(/\s*<$/, ""));
    return bold.filter((text) => names.includes(text));
  }, id);
}

test("a click selects a cluster, tells the listener, and shows in the linked chart", async () => {
  const { page, context, problems } = await twoCharts();
  await page.evaluate(() => a.link(b));
  await page.locator("#a .spc-plot").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  assert.deepEqual(await page.evaluate(() => heard), [{ type: "select", id: "cluster.modern-textiles", chart: "industry-clusters" }]);
  assert.ok((await outlined(page, "b")).includes("Modern textiles"), "the linked chart shows the selection");
  // Enter again clears the selection in both.
  await page.keyboard.press("Enter");
  assert.deepEqual(await page.evaluate(() => heard.at(-1)), { type: "select", id: null, chart: "industry-clusters" });
  assert.deepEqual(await outlined(page, "b"), []);
  // A click on a bar of b selects in a too (links go both ways); a's listener hears only a's own choices.
  const box = await page.locator("#b .spc-plot").boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + 60);
  const selectedInA = await outlined(page, "a");
  assert.equal(selectedInA.length, 1, `one cluster selected in a: ${selectedInA}`);
  assert.equal(await page.evaluate(() => heard.length), 2);
  await screenshot(page, "linking-two-charts");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("select() sets and clears a selection by id without calling listeners; off() removes a listener", async () => {
  const { page, context } = await twoCharts();
  const result = await page.evaluate(() => {
    a.select("district.shangyu");
    const afterSelect = heard.length;
    const svg = a.toSvg();
    a.select(null);
    const cleared = a.toSvg();
    a.off("select", listener);
    return { afterSelect, shangyu: svg, cleared };
  });
  assert.equal(result.afterSelect, 0);
  for (const name of ["Green chemicals", "High-end equipment", "New materials"]) {
    assert.match(result.shangyu, new RegExp(`font-weight="bold"[^>]*>\\s*${name}`));
  }
  assert.doesNotMatch(result.cleared, /font-weight="bold"[^>]*>\s*New materials/);
  await page.locator("#a .spc-plot").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => heard.length), 0, "the removed listener is not called");
  await context.close();
});

test("bad selections, events and links throw clear Errors", async () => {
  const { page, context } = await twoCharts();
  const messages = await page.evaluate(() => {
    return {
      unknownId: attempt(() => a.select("cluster.steel")),
      notText: attempt(() => a.select(42)),
      unknownEvent: attempt(() => a.on("hover", () => {})),
      notFunction: attempt(() => a.on("select", "alert(1)")),
      badOption: attempt(() => a.update({ selected: "district.hangzhou" })),
      selfLink: attempt(() => a.link(a)),
      destroyedLink: attempt(() => { b.destroy(); a.link(b); }),
      stillWorks: attempt(() => a.select("cluster.new-energy")),
    };
  });
  assert.match(messages.unknownId, /^Error: A selection must be the id of a cluster, an industry or a district, or null; got "cluster.steel"/);
  assert.match(messages.notText, /^Error: A selection must be .*got 42 \(a number\)/);
  assert.equal(messages.unknownEvent, 'Error: Charts send one event, "select"; got "hover" (a string).');
  assert.equal(messages.notFunction, 'Error: The listener must be a function; got "alert(1)" (a string).');
  assert.match(messages.badOption, /^Error: A selection must be/);
  assert.equal(messages.selfLink, "no error");
  assert.match(messages.destroyedLink, /^Error: This chart was destroyed/);
  assert.equal(messages.stillWorks, "no error");
  await context.close();
});
