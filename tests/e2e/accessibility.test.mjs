// Keyboard, screen reader, touch, forced colours, reduced motion and the auto theme, for every chart,
// on the embed page (one chart, nothing else to focus) and the chart tool.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, screenshot } from "./harness.mjs";

const env = useBrowser();

const CHART_IDS = ["industry-clusters", "major-projects", "main-indicators", "gdp-path", "infrastructure-targets",
  "district-map", "district-industries"];
/** Charts whose marks are clusters, industries or districts, which Enter or Space selects. */
const SELECTABLE = new Set(["industry-clusters", "district-map", "district-industries"]);
/** The focus ring's colour in the light and dark themes (src/theme.rs). */
const FOCUS = { light: [0x05, 0x50, 0xae], dark: [0x79, 0xc0, 0xff] };

async function embed(chart, lang, contextOptions = {}, extra = "") {
  const opened = await openPage(env.browser, env.origin, `/www/embed.html?chart=${chart}&lang=${lang}${extra}`, contextOptions);
  await opened.page.waitForSelector(".spc-plot canvas");
  await opened.page.waitForFunction(() => document.querySelector("shaoxing-chart")?.handle != null);
  await installReader(opened.page);
  return opened;
}

/**
 * Installs window.readCanvas(index): the pixels of the page's chart canvas `index` (0: the plot,
 * 1: the overlay), read from a copy so that reading often does not make the browser warn about the
 * chart's own canvases.
 */
function installReader(page) {
  return page.evaluate(() => {
    window.readCanvas = (index) => {
      const canvas = document.querySelectorAll(".spc-plot canvas")[index];
      const copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext("2d");
      ctx.drawImage(canvas, 0, 0);
      return ctx.getImageData(0, 0, copy.width, copy.height).data;
    };
  });
}

/** Pixels of the overlay canvas within 40 of `rgb` and opaque: the focus ring as drawn. */
function ringPixels(page, rgb) {
  return page.evaluate((rgb) => {
    const data = window.readCanvas(1);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near = Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 40;
      if (near && data[i + 3] > 200) n++;
    }
    return n;
  }, rgb);
}

/** What the live region should say for the tooltip on screen, punctuated for `lang`. */
function expectedAnnouncement(page, lang) {
  return page.evaluate((lang) => {
    const tip = document.querySelector(".spc-tooltip");
    const title = tip.querySelector(".spc-tooltip-title").textContent;
    const lines = [...tip.querySelectorAll(".spc-tooltip-line")].map((l) => l.textContent);
    return lang === "zh" ? `${title}。${lines.join("；")}。` : `${title}. ${lines.join("; ")}.`;
  }, lang);
}

const live = (page) => page.locator(".spc-live").textContent();
const tipTitle = (page) => page.locator(".spc-tooltip-title").textContent();

for (const chart of CHART_IDS) {
  test(`keyboard only: ${chart}`, async () => {
    for (const lang of ["zh", "en"]) {
      const { page, context, problems } = await embed(chart, lang);
      const events = [];
      await page.evaluate(() => { window.selections = []; document.addEventListener("select", (e) => window.selections.push(e.detail.id)); });
      // One Tab stop for the chart: the first Tab lands on the plot, the next leaves it for the table button.
      assert.equal(await ringPixels(page, FOCUS.light), 0, "no ring before focus");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.className), "spc-plot");
      assert.ok(await ringPixels(page, FOCUS.light) > 400, "a focus ring around the plot");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.className), "spc-table-toggle");
      const stops = await page.evaluate(() => [...document.querySelectorAll(".spc-plot, .spc-plot *")]
        .filter((el) => el.tabIndex >= 0 || el.matches("a[href], button, input, select, textarea")).length);
      assert.equal(stops, 1, "one focusable element in the plot");
      await page.keyboard.press("Shift+Tab");
      assert.equal(await page.evaluate(() => document.activeElement.className), "spc-plot");

      // End, then Home; then arrows through every mark, each announced as its tooltip reads.
      await page.keyboard.press("End");
      const last = await tipTitle(page);
      await page.keyboard.press("Home");
      const first = await tipTitle(page);
      assert.ok(await page.locator(".spc-tooltip").isVisible());
      assert.ok(await ringPixels(page, FOCUS.light) > 40, "the focused mark has a ring");
      const titles = [first];
      for (let i = 0; i < 80; i++) {
        const said = await live(page);
        assert.equal(said, await expectedAnnouncement(page, lang), `${chart} ${lang}`);
        assert.ok(said.startsWith(titles.at(-1)), said);
        if (lang === "zh") assert.doesNotMatch(said, /[:;]|\.(?!\d)/, said);
        if (titles.at(-1) === last) break;
        await page.keyboard.press(i % 2 ? "ArrowDown" : "ArrowRight");
        titles.push(await tipTitle(page));
      }
      assert.equal(titles.at(-1), last, `${chart}: the arrows reach the last mark`);
      assert.ok(titles.length >= 4, `${chart}: ${titles.length} marks`);
      await page.keyboard.press("ArrowUp");
      assert.equal(await tipTitle(page), titles.at(-2));
      await page.keyboard.press("ArrowLeft");
      assert.equal(await tipTitle(page), titles.at(-3));

      // Enter selects, Space clears, where marks are selectable.
      await page.keyboard.press("Home");
      await page.keyboard.press("Enter");
      await page.keyboard.press(" ");
      const selections = await page.evaluate(() => window.selections);
      if (SELECTABLE.has(chart)) {
        assert.equal(selections.length, 2, `${chart}: ${selections}`);
        assert.ok(typeof selections[0] === "string" && selections[1] === null, `${selections}`);
      } else {
        assert.deepEqual(selections, []);
      }
      // Escape clears the highlight and tooltip; the ring stays around the plot.
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement.className), "spc-plot");
      if (lang === "en") await screenshot(page, `a11y-keyboard-${chart}`);
      assert.deepEqual(problems.console, []);
      await context.close();
    }
  });
}

test("the text alternative and the data table are in the DOM for screen readers", async () => {
  for (const chart of CHART_IDS) {
    const { page, context } = await embed(chart, "en");
    const plot = page.locator(".spc-plot");
    assert.equal(await plot.getAttribute("role"), "img");
    const alt = await plot.getAttribute("aria-label");
    const handle = await page.evaluateHandle(() => document.querySelector("shaoxing-chart").handle);
    const svgDesc = await handle.evaluate((h) => new DOMParser().parseFromString(h.toSvg(), "image/svg+xml").querySelector("desc").textContent);
    assert.equal(alt, svgDesc, chart);
    assert.ok(alt.length > 100, alt);
    // The table is in the DOM while hidden and holds what toCsv holds, row for row.
    const rows = await page.locator(".spc-data tbody tr").count();
    assert.ok(rows >= 4, `${chart}: ${rows} rows`);
    assert.equal(await page.locator(".spc-data caption").textContent(), await page.locator(".spc-title").textContent());
    assert.equal(await page.locator(".spc-live").getAttribute("aria-live"), "polite");
    // Not inside the image: its children are presentational, and an announcement there is lost.
    assert.equal(await page.locator(".spc-live").evaluate((el) => el.closest("[role=img]")), null);
    await context.close();
  }
});

test("on a phone the table is a list of labelled rows with its whole caption, and no sideways scroll", async () => {
  const phone = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };
  for (const [chart, lang] of [["industry-clusters", "en"], ["main-indicators", "zh"]]) {
    const { page, context } = await embed(chart, lang, phone);
    await page.locator(".spc-table-toggle").tap();
    const box = page.locator(".spc-table");
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth,
      caption: el.querySelector("caption").getBoundingClientRect().right, right: el.getBoundingClientRect().right }));
    assert.ok(sizes.scroll <= sizes.client, `${chart}: scrolls ${sizes.scroll} > ${sizes.client}`);
    assert.ok(sizes.caption <= sizes.right + 0.5, `${chart}: caption cut at ${sizes.right}`);
    // Every cell after the first names its column for the eye; screen readers get the table's roles.
    const first = await page.locator(".spc-data tbody tr").first().evaluate((tr) => ({
      role: tr.getAttribute("role"), header: tr.firstElementChild.getAttribute("role"),
      labels: [...tr.querySelectorAll(".spc-cell-label")].map((l) => l.textContent),
      hidden: [...tr.querySelectorAll(".spc-cell-label")].every((l) => l.getAttribute("aria-hidden") === "true"),
    }));
    const columns = await page.locator(".spc-data thead th").allTextContents();
    const sep = lang === "zh" ? "：" : ": ";
    assert.deepEqual(first.labels, columns.slice(1).map((c) => c + sep));
    assert.deepEqual([first.role, first.header, first.hidden], ["row", "rowheader", true]);
    const tableRole = await page.locator(".spc-data").getAttribute("role");
    assert.equal(tableRole, "table");
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, `a11y-phone-table-${chart}`);
    // Wider again: a table as usual, in a box that scrolls and can be focused to scroll by keys.
    await page.setViewportSize({ width: 900, height: 800 });
    await page.waitForFunction(() => document.querySelector(".spc-data").getAttribute("role") === null);
    assert.equal(await box.getAttribute("tabindex"), "0");
    assert.equal(await box.getAttribute("role"), "region");
    await context.close();
  }
});

test("a tap shows the tooltip and pins it; the next tap moves it; a tap outside closes it", async () => {
  const phone = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };
  const { page, context, problems } = await embed("industry-clusters", "en", phone);
  await page.evaluate(() => { window.selections = []; document.addEventListener("select", (e) => window.selections.push(e.detail.id)); });
  const box = await page.locator(".spc-plot").boundingBox();
  // Find two marks by tapping down the plot (each tap on a mark selects it, the next clears it).
  const seen = [];
  for (let y = 40; y < box.height && seen.length < 2; y += 12) {
    await page.touchscreen.tap(box.x + 60, box.y + y);
    if (!(await page.locator(".spc-tooltip").isVisible())) continue;
    const title = await tipTitle(page);
    if (!seen.some((s) => s.title === title)) seen.push({ title, y });
  }
  assert.equal(seen.length, 2, JSON.stringify(seen));
  await page.touchscreen.tap(box.x + 60, box.y + seen[0].y);
  assert.equal(await tipTitle(page), seen[0].title);
  await page.waitForTimeout(600);
  assert.ok(await page.locator(".spc-tooltip").isVisible(), "the tooltip stays after the finger lifts");
  await screenshot(page, "a11y-tap-tooltip");
  await page.touchscreen.tap(box.x + 60, box.y + seen[1].y);
  assert.equal(await tipTitle(page), seen[1].title);
  const selected = await page.evaluate(() => window.selections.at(-1));
  assert.match(selected, /^cluster\./);
  // A tap outside the chart closes it.
  await page.touchscreen.tap(box.x + 60, box.y + box.height + 40);
  assert.equal(await page.locator(".spc-tooltip").isVisible(), false);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("forced colours: the chart, the focus ring and the table stay visible", async () => {
  const { page, context, problems } = await embed("industry-clusters", "en", { forcedColors: "active" });
  assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
  const inked = await page.evaluate(() => {
    const data = window.readCanvas(0);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60) n++;
    return n;
  });
  assert.ok(inked > 2000, `inked ${inked}`);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Home");
  assert.ok(await ringPixels(page, FOCUS.light) > 40, "ring");
  await page.locator(".spc-table-toggle").click();
  const contrast = await page.locator(".spc-data tbody td").first().evaluate((td) => {
    const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    let el = td;
    let bg = getComputedStyle(el).backgroundColor;
    while (/rgba\(0, 0, 0, 0\)|transparent/.test(bg) && el.parentElement) { el = el.parentElement; bg = getComputedStyle(el).backgroundColor; }
    const [a, b] = [lum(rgb(getComputedStyle(td).color)), lum(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  assert.ok(contrast >= 4.5, `table text contrast ${contrast}`);
  await screenshot(page, "a11y-forced-colors");
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("reduced motion: nothing on the demo pages or in a chart transitions or animates", async () => {
  for (const url of ["/www/?chart=district-map", "/www/gallery.html", "/www/explainer.html", "/www/embed.html?chart=gdp-path"]) {
    const { page, context } = await openPage(env.browser, env.origin, url, { reducedMotion: "reduce" });
    await page.waitForSelector(".spc-plot canvas");
    await page.locator(".spc-plot").first().hover();
    const moving = await page.evaluate(() => [...document.querySelectorAll("*")].filter((el) => {
      const s = getComputedStyle(el);
      const seconds = (v) => v.split(",").map((t) => parseFloat(t)).some((t) => t > 0);
      return seconds(s.transitionDuration) || (s.animationName !== "none" && seconds(s.animationDuration)) || s.scrollBehavior === "smooth";
    }).map((el) => el.tagName + "." + el.className));
    assert.deepEqual(moving, [], url);
    await context.close();
  }
});

test("theme auto follows prefers-color-scheme, also when it changes while the page is open", async () => {
  const { page, context, problems } = await embed("gdp-path", "zh", { colorScheme: "light" }, "&theme=auto");
  const background = () => page.evaluate(() => [...window.readCanvas(0).slice(0, 3)]);
  assert.deepEqual(await background(), [255, 255, 255]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => window.readCanvas(0)[0] < 40);
  assert.deepEqual(await background(), [13, 17, 23]);
  assert.equal(await page.locator(".spc-chart").evaluate((el) => getComputedStyle(el).color), "rgb(230, 237, 243)");
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => window.readCanvas(0)[0] > 200);
  assert.deepEqual(problems.console, []);
  await context.close();
});
