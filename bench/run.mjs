// The benchmark: the same charts with this package, ECharts (full and tree-shaken) and Chart.js,
// served over gzip on 127.0.0.1 and loaded cold in headless Chromium, several times each.
// Prints a table of medians with the ratio to this package and writes bench/results.json.
//
//   node run.mjs [--runs N] [--only phone]   (`cargo xtask bench` installs what it needs, builds pkg/ if
//   missing, runs this; `--only phone` runs only the phone loads, prints their rows and writes nothing)
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { launch, recordWasmCalls } from "../tests/e2e/harness.mjs";
import { serve, ROOT } from "./server.mjs";
import { buildPages, LIBRARIES, CHARTS, BAR, BLANK, ELEMENT, ELEMENT_PICTURE } from "./build.mjs";

const { runs: RUNS, only: ONLY } = parseArguments(process.argv.slice(2));
const COUNTS = [1, 10, 50];
const HOVER_WARMUP = 4;
const HOVER_MOVES = 30;
/**
 * A phone on a slow mobile network, with the figures Lighthouse uses for its mobile runs when the
 * browser itself throttles ("devtools" throttling of its slow 4G): 562.5 ms added to each request
 * (150 ms round trips, ×3.75 since the browser delays a request once, not each round trip),
 * 1474.56 kbit/s down, 675 kbit/s up, the CPU slowed 4×, and a phone's screen (412 × 823 CSS px at
 * a pixel ratio of 1.75). The charts keep their 720 px width, so every library draws the same chart.
 * The localhost runs show the libraries' own cost; this one, what their size costs a reader on the move.
 */
const PHONE = {
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
  cpuSlowdown: 4,
  screen: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};

/**
 * Installed in every page before its own scripts (after `recordWasmCalls`, which records the
 * WebAssembly entry points the page calls): a promise the page resolves when its charts are
 * painted, and the hover probe.
 *
 * The hover probe times one pointer move: from its first listener (this capture listener on window
 * runs before any library's) to the end of the next frame (a message posted from that frame's
 * animation-frame callback runs after the frame's other callbacks, style, layout and paint). Chromium
 * dispatches pointer moves at the start of a frame, so the span holds the move's main-thread work
 * and no idle wait; `inFrame` records that this held for each move.
 */
function instrument() {
  let finish;
  window.benchDone = new Promise((resolve) => (finish = resolve));
  window.benchFinish = finish;
  const probe = { sample: null, resolve: null, started: false };
  window.benchHover = {
    arm() {
      probe.sample = new Promise((resolve) => (probe.resolve = resolve));
      probe.started = false;
    },
    sample: () => probe.sample,
  };
  addEventListener(
    "pointermove",
    () => {
      if (!probe.sample || probe.started) return;
      probe.started = true;
      const start = performance.now();
      requestAnimationFrame((frameTime) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.resolve({ ms: performance.now() - start, inFrame: start >= frameTime });
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

/** One cold load in a fresh browser context; with `hover`, also the pointer-move probe. */
async function load(browser, origin, library, chart, { count = 1, height = 0, hover = false, phone = false } = {}) {
  const screen = phone ? PHONE.screen : { viewport: { width: 900, height: 900 }, deviceScaleFactor: 1 };
  const context = await browser.newContext(screen);
  await context.addInitScript(recordWasmCalls);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (phone) {
    const { latency, downloadThroughput, uploadThroughput, cpuSlowdown } = PHONE;
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput, uploadThroughput });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { path: new URL(e.request.url).pathname }));
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(requests.get(e.requestId), { type: headers["content-type"], encoding: headers["content-encoding"] });
  });
  cdp.on("Network.loadingFinished", (e) => (requests.get(e.requestId).bytes = e.encodedDataLength));

  const query = `chart=${chart}&n=${count}${height ? `&h=${height}` : ""}`;
  await page.goto(`${origin}/bench/dist/${library.id}.${chart}.html?${query}`);
  // `element` (the <shaoxing-chart> pages only): the first picture and timeline, see pages/element.js.
  const { rendering, painted, element } = await page.evaluate(() => window.benchDone);
  for (let wait = 0; [...requests.values()].some((r) => r.bytes === undefined) && wait < 100; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const result = {
    painted,
    ...(rendering === undefined ? { element } : { render: painted - rendering }),
    bytes: [...requests.values()].reduce((sum, r) => sum + (r.bytes ?? 0), 0),
    requests: [...requests.values()],
    heap: usedSize,
    wasm: await page.evaluate(() => window.benchPage.wasmMemory()),
    wasmCalls: await page.evaluate(() => window.wasmCalls),
    height: await page.evaluate(() => window.benchPage.height?.()),
  };
  if (hover) result.hover = await hoverMoves(page, cdp, library);
  if (problems.length) throw new Error(`${library.name}, ${chart}: ${problems.join("; ")}`);
  await context.close();
  return result;
}

/**
 * Real pointer moves (CDP input events) back and forth between the centres of two marks. Each
 * sample has the probe's span and the renderer main thread's CPU time over the move (Chromium's
 * TaskDuration counted in thread time), which a busy machine inflates far less than a span.
 */
async function hoverMoves(page, cdp, library) {
  const marks = await page.evaluate(() => window.benchPage.marks());
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const taskSeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const samples = [];
  for (let i = 0; i < HOVER_WARMUP + HOVER_MOVES; i++) {
    const mark = marks[i % 2];
    await page.evaluate(() => window.benchHover.arm());
    const before = await taskSeconds();
    await cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: mark.x, y: mark.y });
    const sample = await page.evaluate(() => window.benchHover.sample());
    sample.cpuMs = ((await taskSeconds()) - before) * 1000;
    const hovered = await page.evaluate(() => window.benchPage.hovered());
    if (hovered !== mark.label) throw new Error(`${library.name}: a move onto ${mark.label} hovers ${hovered}`);
    if (i >= HOVER_WARMUP) samples.push(sample);
    // Let anything the move scheduled (a tooltip's timers) finish before the next one.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }
  return samples;
}

function parseArguments(args) {
  const parsed = { runs: 7, only: null };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === "--runs" && Number.isInteger(Number(value)) && Number(value) > 0) parsed.runs = Number(value);
    else if (flag === "--only" && value === "phone") parsed.only = value;
    else throw new Error(`usage: node run.mjs [--runs N] [--only phone]; got ${args.join(" ")}`);
  }
  return parsed;
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

async function packageSizes() {
  const sizes = {};
  for (const file of ["shaoxing_plan_charts_bg.wasm", "shaoxing_plan_charts.js"]) {
    const body = await fs.readFile(path.join(ROOT, "pkg", file));
    sizes[file] = { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
  }
  return sizes;
}

async function main() {
  await buildPages();
  const server = await serve();
  const browser = await launch();
  const loadBefore = os.loadavg()[0];
  const results = Object.fromEntries([...LIBRARIES, BLANK, ...ELEMENT_PAGES].map((l) => [l.id, { loads: {} }]));
  const record = (library, key, result) => (results[library.id].loads[key] ??= []).push(result);
  try {
    // The other libraries draw in a box of the height this package's chart takes at the same width.
    const heights = {};
    for (const chart of CHARTS) heights[chart] = Math.round((await load(browser, server.origin, LIBRARIES[0], chart)).height);
    for (let run = 0; run < RUNS; run++) {
      if (ONLY === "phone") {
        await phoneLoads(browser, server.origin, heights, record);
        process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
        continue;
      }
      for (const chart of CHARTS) {
        for (const library of LIBRARIES) {
          const result = await load(browser, server.origin, library, chart, { height: heights[chart], hover: chart === BAR });
          record(library, `${chart}×1`, result);
        }
      }
      record(BLANK, "hover", await load(browser, server.origin, BLANK, BAR, { height: heights[BAR], hover: true }));
      await phoneLoads(browser, server.origin, heights, record);
      for (const count of COUNTS.slice(1)) {
        for (const library of LIBRARIES) {
          record(library, `${BAR}×${count}`, await load(browser, server.origin, library, BAR, { count, height: heights[BAR] }));
        }
      }
      process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
    }
    if (ONLY === "phone") {
      console.log(phoneTable(results, RUNS));
      return;
    }
    const summary = summarise(results);
    const report = {
      command: "cargo xtask bench",
      date: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0].model,
        cores: os.cpus().length,
        memory_gib: Math.round(os.totalmem() / 2 ** 30),
        load_average_before_after: [loadBefore, os.loadavg()[0]].map((x) => Math.round(x * 100) / 100),
        chromium: browser.version(),
        node: process.version,
      },
      runs: RUNS,
      hover_moves_per_run: HOVER_MOVES,
      phone: PHONE,
      heights,
      package: await packageSizes(),
      libraries: Object.fromEntries(LIBRARIES.map((l) => [l.id, l.name])),
      medians: summary,
      loads: results,
    };
    report.targets = targets(report);
    const rounded = (_, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v);
    await fs.writeFile(path.join(ROOT, "bench/results.json"), JSON.stringify(report, rounded, 1) + "\n");
    console.log(table(report));
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The `<shaoxing-chart>` pages: the element as the README has it, and as the builder writes it. */
const ELEMENT_PAGES = [ELEMENT, ELEMENT_PICTURE];

/**
 * One run's phone loads of the bar chart: every library's page, then the `<shaoxing-chart>` pages
 * (their first picture and interactive chart), one after the other under the same conditions.
 */
async function phoneLoads(browser, origin, heights, record) {
  for (const library of [...LIBRARIES, ...ELEMENT_PAGES]) {
    record(library, `${BAR}×1 phone`, await load(browser, origin, library, BAR, { height: heights[BAR], phone: true }));
  }
}

/**
 * Medians of a `<shaoxing-chart>` page's phone loads, and their ratios to Chart.js's chart. Steps
 * the page does not take (the picture's request, when it is inline) are null.
 */
function summariseElement(loads, chartjsPhoneMs, page) {
  const of = (f) => (loads.every((l) => f(l) != null) ? median(loads.map(f)) : null);
  const file = (name, key) => of((l) => l.element.files[name]?.[key]);
  const s = {
    transfer_bytes: of((l) => l.bytes),
    requests: of((l) => l.requests.length),
    phone_picture_ms: of((l) => l.element.picture),
    phone_painted_ms: of((l) => l.painted),
    phone_picture_to_chartjs: of((l) => l.element.picture) / chartjsPhoneMs,
    phone_painted_to_chartjs: of((l) => l.painted) / chartjsPhoneMs,
    // The way there, each step's median over the runs (ms from navigation start).
    phone_timeline_ms: {
      page_arrived: file(`/bench/dist/${page.id}.${BAR}.html`, "responseEnd"),
      element_script_arrived: file("/pkg/shaoxing-chart.js", "responseEnd"),
      glue_arrived: file("/pkg/shaoxing_plan_charts.js", "responseEnd"),
      picture_requested: file(`/pkg/static/${BAR}.zh.svg`, "start"),
      picture_arrived: file(`/pkg/static/${BAR}.zh.svg`, "responseEnd"),
      picture_load_event: of((l) => l.element.pictureLoaded),
      picture_frame_end: of((l) => l.element.pictureFrame),
      picture_painted: of((l) => l.element.picture),
      wasm_requested: file("/pkg/shaoxing_plan_charts_bg.wasm", "start"),
      wasm_arrived: file("/pkg/shaoxing_plan_charts_bg.wasm", "responseEnd"),
      wasm_instantiated: of((l) => l.element.instantiated),
      element_load_event: of((l) => l.element.drawn),
      chart_painted: of((l) => l.painted),
    },
  };
  s.served = loads[0].requests.map(({ path, type, encoding, bytes }) => ({ path, type, encoding, bytes }));
  s.wasm_calls = loads[0].wasmCalls;
  return s;
}

/** The phone rows alone (`--only phone`): every library's chart, and the element's two times. */
function phoneTable(results, runs) {
  const ms = (loads) => median(loads.map((l) => l.painted));
  const chartjs = ms(results.chartjs.loads[`${BAR}×1 phone`]);
  const lines = [`median of ${runs} cold runs, phone on slow 4G, ${BAR}:`];
  for (const library of LIBRARIES) lines.push(`- ${library.name}, painted: ${ms(results[library.id].loads[`${BAR}×1 phone`]).toFixed(0)} ms`);
  for (const page of ELEMENT_PAGES) {
    const element = summariseElement(results[page.id].loads[`${BAR}×1 phone`], chartjs, page);
    lines.push(`- ${page.name}, first picture: ${element.phone_picture_ms.toFixed(0)} ms (×${element.phone_picture_to_chartjs.toFixed(2)} of Chart.js)`);
    lines.push(`- ${page.name}, interactive: ${element.phone_painted_ms.toFixed(0)} ms (×${element.phone_painted_to_chartjs.toFixed(2)} of Chart.js)`);
    lines.push(`- ${page.name}, transfer ${(element.transfer_bytes / 1024).toFixed(1)} KiB in ${element.requests} requests; timeline (ms): ${timeline(element)}`);
  }
  return lines.join("\n");
}

/** A `<shaoxing-chart>` page's way to its chart, the steps it takes, in ms from navigation start. */
const timeline = (element) =>
  Object.entries(element.phone_timeline_ms)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(", ");

/** Quantiles of the hover samples of all runs. */
function hoverQuantiles(loads) {
  const moves = loads.flatMap((l) => l.hover);
  return {
    hover_cpu_p50_ms: quantile(moves.map((m) => m.cpuMs), 0.5),
    hover_cpu_p95_ms: quantile(moves.map((m) => m.cpuMs), 0.95),
    hover_span_p50_ms: quantile(moves.map((m) => m.ms), 0.5),
    hover_span_p95_ms: quantile(moves.map((m) => m.ms), 0.95),
    hover_moves_in_frame: `${moves.filter((m) => m.inFrame).length}/${moves.length}`,
  };
}

/** Medians (hover: quantiles of all moves of all runs) per library, and the hover floor. */
function summarise(results) {
  const summary = { blank: hoverQuantiles(results.blank.loads.hover) };
  for (const library of LIBRARIES) {
    const loads = results[library.id].loads;
    const of = (key, f) => median(loads[key].map(f));
    const s = {
      transfer_bytes: of(`${BAR}×1`, (l) => l.bytes),
      requests: of(`${BAR}×1`, (l) => l.requests.length),
      painted_ms: Object.fromEntries(CHARTS.map((c) => [c, of(`${c}×1`, (l) => l.painted)])),
      phone_painted_ms: of(`${BAR}×1 phone`, (l) => l.painted),
      ...hoverQuantiles(loads[`${BAR}×1`]),
      charts: {},
    };
    for (const count of COUNTS) {
      s.charts[count] = {
        painted_ms: of(`${BAR}×${count}`, (l) => l.painted),
        render_ms: of(`${BAR}×${count}`, (l) => l.render),
        memory_bytes: of(`${BAR}×${count}`, (l) => l.heap + l.wasm),
      };
    }
    const served = loads[`${BAR}×1`][0].requests;
    s.served = served.map(({ path, type, encoding }) => ({ path, type, encoding }));
    s.wasm_calls = loads[`${BAR}×1`][0].wasmCalls;
    summary[library.id] = s;
  }
  for (const page of ELEMENT_PAGES) {
    summary[page.id] = summariseElement(results[page.id].loads[`${BAR}×1 phone`], summary.chartjs.phone_painted_ms, page);
  }
  return summary;
}

/** The performance targets the package aims for, each with the numbers it was judged on. */
function targets({ medians: m, package: pkg }) {
  const [ours, full, lean, chartjs, element, inline] = ["ours", "echarts-full", "echarts-lean", "chartjs", ELEMENT.id, ELEMENT_PICTURE.id].map((id) => m[id]);
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const ms = (x) => `${x.toFixed(1)} ms`;
  const wasmGzip = pkg["shaoxing_plan_charts_bg.wasm"].gzip;
  const paint = (s, chart) => s.painted_ms[chart];
  // Each library's figure, by name.
  const named = (f) => LIBRARIES.map((l) => `${l.name} ${f(m[l.id])}`).join(", ");
  return [
    {
      target: "page transfer below Chart.js's and at most half of tree-shaken ECharts'",
      met: ours.transfer_bytes < chartjs.transfer_bytes && ours.transfer_bytes * 2 <= lean.transfer_bytes,
      numbers: named((s) => kib(s.transfer_bytes)),
    },
    { target: ".wasm at most 100 KiB gzip", met: wasmGzip <= 100 * 1024, numbers: kib(wasmGzip) },
    {
      target: "time to first chart no more than Chart.js's, at most half of ECharts', for both charts",
      met: CHARTS.every((c) => paint(ours, c) <= paint(chartjs, c) && paint(ours, c) * 2 <= Math.min(paint(full, c), paint(lean, c))),
      numbers: CHARTS.map((c) => `${c}: ${named((s) => ms(paint(s, c)))}`).join("; "),
    },
    {
      target: "phone on slow 4G, <shaoxing-chart> as the README has it: first picture in at most half of Chart.js's time to its chart",
      met: element.phone_picture_ms * 2 <= chartjs.phone_painted_ms,
      numbers: `first picture ${ms(element.phone_picture_ms)} (×${element.phone_picture_to_chartjs.toFixed(2)}), Chart.js ${ms(chartjs.phone_painted_ms)}`,
    },
    {
      target: "phone on slow 4G, <shaoxing-chart> as the builder writes it (picture inline, .wasm preloaded): first picture in at most half of Chart.js's time to its chart",
      met: inline.phone_picture_ms * 2 <= chartjs.phone_painted_ms,
      numbers: `first picture ${ms(inline.phone_picture_ms)} (×${inline.phone_picture_to_chartjs.toFixed(2)}), Chart.js ${ms(chartjs.phone_painted_ms)}`,
    },
    {
      target: "phone on slow 4G, <shaoxing-chart> as the builder writes it: interactive chart no later than Chart.js's chart",
      met: inline.phone_painted_ms <= chartjs.phone_painted_ms,
      numbers: `interactive ${ms(inline.phone_painted_ms)} (×${inline.phone_painted_to_chartjs.toFixed(2)}), Chart.js ${ms(chartjs.phone_painted_ms)}`,
    },
    {
      target: "phone on slow 4G, <shaoxing-chart> as the README has it: interactive chart no later than Chart.js's chart",
      met: element.phone_painted_ms <= chartjs.phone_painted_ms,
      numbers: `interactive ${ms(element.phone_painted_ms)} (×${element.phone_painted_to_chartjs.toFixed(2)}), Chart.js ${ms(chartjs.phone_painted_ms)}`,
    },
    {
      target: "hover p95 (main-thread CPU) under 2 ms and no slower than either library",
      met: ours.hover_cpu_p95_ms < 2 && [full, lean, chartjs].every((s) => ours.hover_cpu_p95_ms <= s.hover_cpu_p95_ms),
      numbers: `${named((s) => ms(s.hover_cpu_p95_ms))}; floor of the method ${ms(m.blank.hover_cpu_p95_ms)}`,
    },
    {
      target: "memory after rendering lower than ECharts'",
      met: COUNTS.every((n) => ours.charts[n].memory_bytes < Math.min(full.charts[n].memory_bytes, lean.charts[n].memory_bytes)),
      numbers: COUNTS.map((n) => `${n === 1 ? "one chart" : `${n} charts`}: ${named((s) => kib(s.charts[n].memory_bytes))}`).join("; "),
    },
  ];
}

/** The table of medians, Markdown, each cell with its ratio to this package. */
function table(report) {
  const m = report.medians;
  const ids = LIBRARIES.map((l) => l.id);
  const perAddedChart = (s, key) => (s.charts[50][key] - s.charts[1][key]) / 49;
  const rows = [
    ["transfer, one bar chart (KiB, encoded)", (s) => s.transfer_bytes / 1024, 1],
    ["requests", (s) => s.requests, 0],
    ...CHARTS.map((c) => [`navigation → ${c} painted (ms)`, (s) => s.painted_ms[c], 0]),
    [`navigation → ${BAR} painted, phone on slow 4G (ms)`, (s) => s.phone_painted_ms, 0],
    ["one bar chart: render → painted (ms)", (s) => s.charts[1].render_ms, 0],
    ["one bar chart: JS heap + wasm memory (MiB)", (s) => s.charts[1].memory_bytes / 2 ** 20, 2],
    ["hover move, main-thread CPU p50 (ms)", (s) => s.hover_cpu_p50_ms, 2],
    ["hover move, main-thread CPU p95 (ms)", (s) => s.hover_cpu_p95_ms, 2],
    ["hover move, input → frame end p50 (ms)", (s) => s.hover_span_p50_ms, 2],
    ["hover move, input → frame end p95 (ms)", (s) => s.hover_span_p95_ms, 2],
    ...COUNTS.slice(1).flatMap((n) => [
      [`${n} bar charts: render → painted (ms)`, (s) => s.charts[n].render_ms, 0],
      [`${n} bar charts: JS heap + wasm (MiB)`, (s) => s.charts[n].memory_bytes / 2 ** 20, 2],
    ]),
    ["1 → 50 charts: render time per added chart (ms)", (s) => perAddedChart(s, "render_ms"), 1],
    ["1 → 50 charts: memory per added chart (KiB)", (s) => perAddedChart(s, "memory_bytes") / 1024, 0],
  ];
  const lines = [
    `| median of ${report.runs} cold runs | ${LIBRARIES.map((l) => l.name).join(" | ")} |`,
    `| --- |${" --- |".repeat(ids.length)}`,
  ];
  for (const [label, value, digits] of rows) {
    const base = value(m.ours);
    const cells = ids.map((id) => {
      const v = value(m[id]);
      return id === "ours" ? v.toFixed(digits) : `${v.toFixed(digits)} (×${(v / base).toFixed(2)})`;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
    if (label.includes("phone")) {
      // The element pages' two rows each, against Chart.js's row above (the other cells stay empty).
      for (const [page, name] of [[ELEMENT, "`<shaoxing-chart>`"], [ELEMENT_PICTURE, "`<shaoxing-chart>`, the builder's snippet"]]) {
        const e = m[page.id];
        for (const [what, v, ratio] of [
          ["first picture", e.phone_picture_ms, e.phone_picture_to_chartjs],
          ["interactive chart", e.phone_painted_ms, e.phone_painted_to_chartjs],
        ]) {
          lines.push(`| ${name}: navigation → ${what}, phone on slow 4G (ms) | ${v.toFixed(0)} (×${ratio.toFixed(2)} of Chart.js) |${" – |".repeat(ids.length - 1)}`);
        }
      }
    }
  }
  const pkg = report.package;
  const sizes = Object.entries(pkg)
    .map(([f, s]) => `${f} ${(s.gzip / 1024).toFixed(1)} KiB gzip (${(s.raw / 1024).toFixed(1)} KiB raw)`)
    .join(", ");
  const machine = report.machine;
  return [
    lines.join("\n"),
    "",
    `Package measured, as served (zlib level 9): ${sizes}.`,
    `Hover floor (${BLANK.name}: a line of text changes): main-thread CPU p50 ${m.blank.hover_cpu_p50_ms.toFixed(2)} ms, p95 ${m.blank.hover_cpu_p95_ms.toFixed(2)} ms; input → frame end p50 ${m.blank.hover_span_p50_ms.toFixed(2)} ms, p95 ${m.blank.hover_span_p95_ms.toFixed(2)} ms.`,
    `Hover moves inside a frame: ${[...ids, "blank"].map((id) => `${id} ${m[id].hover_moves_in_frame}`).join(", ")}.`,
    ...ELEMENT_PAGES.map((page) => `${page.name} on the phone: ${(m[page.id].transfer_bytes / 1024).toFixed(1)} KiB in ${m[page.id].requests} requests; medians (ms from navigation start): ${timeline(m[page.id])}.`),
    `The .wasm compiled by: ${m.ours.wasm_calls.join(", ")}; served as ${m.ours.served.map((r) => `${r.path} (${r.type}, ${r.encoding})`).join(", ")}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB; Chromium ${machine.chromium}; Node ${machine.node}; load average ${machine.load_average_before_after.join(" → ")}.`,
    "",
    "Targets:",
    ...report.targets.map((t) => `- ${t.met ? "met" : "NOT met"}: ${t.target} (${t.numbers})`),
  ].join("\n");
}

await main();
