// Builds the benchmark pages into bench/dist/: the figures of the compared charts, read from the
// package's own dataset() (never retyped), and one page per library and chart, each library
// bundled and minified with esbuild as a site would ship it.
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { ROOT } from "./server.mjs";

const BENCH = path.join(ROOT, "bench");
export const DIST = path.join(BENCH, "dist");
/** The bar chart, also the one hovered and repeated 10 and 50 times; and the line chart. */
export const BAR = "industry-clusters";
export const CHARTS = [BAR, "gdp-path"];

// ECharts tree-shaken to what each chart needs: its series type, title, tooltip, grid and canvas.
const echartsLean = (series) => `
import * as echarts from "echarts/core";
import { ${series} } from "echarts/charts";
import { TitleComponent, TooltipComponent, GridComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { start } from "./echarts.js";
echarts.use([${series}, TitleComponent, TooltipComponent, GridComponent, CanvasRenderer]);
start(echarts);`;

/** The compared libraries: a name for the table, and how each chart's page script is made. */
export const LIBRARIES = [
  { id: "ours", name: "shaoxing-plan-charts", entry: () => ({ file: "ours.js" }) },
  {
    id: "echarts-full",
    name: "ECharts (full)",
    entry: () => ({ source: `import * as echarts from "echarts"; import { start } from "./echarts.js"; start(echarts);` }),
  },
  {
    id: "echarts-lean",
    name: "ECharts (tree-shaken)",
    entry: (chart) => ({ source: echartsLean(chart === "gdp-path" ? "LineChart" : "BarChart") }),
  },
  { id: "chartjs", name: "Chart.js (auto)", entry: () => ({ file: "chartjs.js" }) },
];

/** A page without a chart, for the floor of the hover measure. */
export const BLANK = { id: "blank", name: "no chart", entry: () => ({ file: "blank.js" }) };

/** The bar chart with this package's `<shaoxing-chart>` element, for the phone's first picture and interactive chart. */
export const ELEMENT = { id: "element", name: "shaoxing-plan-charts, <shaoxing-chart>", entry: () => ({ file: "element.js" }) };

/**
 * The same as the snippet builder writes it when asked for the picture: the chart's static picture
 * inline in the element, which comes with the page, before any script, and the .wasm preloaded.
 */
export const ELEMENT_PICTURE = {
  id: "element-picture",
  name: "shaoxing-plan-charts, <shaoxing-chart> as the builder writes it (picture inline, .wasm preloaded)",
  entry: ELEMENT.entry,
};

/** The figures both charts show, in 亿元, from the package's dataset(). */
export async function exportFigures() {
  const glue = await import(pathToFileURL(path.join(ROOT, "pkg/shaoxing_plan_charts.js")));
  glue.initSync({ module: await fs.readFile(path.join(ROOT, "pkg/shaoxing_plan_charts_bg.wasm")) });
  const data = glue.dataset();
  const title = Object.fromEntries(glue.charts().map((c) => [c.id, c.title.zh]));
  const yi = (quantity) => {
    const unit = data.units.find((u) => u.id === quantity.unit);
    if (quantity.unit === "cny-100m") return quantity.value;
    if (unit.base === "cny-100m") return quantity.value * unit.factor;
    throw new Error(`not an amount in 亿元: ${JSON.stringify(quantity)}`);
  };
  return {
    "industry-clusters": {
      title: title["industry-clusters"],
      unit: "亿元",
      labels: data.clusters.map((c) => c.name_zh),
      values: data.clusters.map((c) => yi(c.target)),
    },
    "gdp-path": {
      title: title["gdp-path"],
      unit: "亿元",
      points: data.figures.filter((f) => f.id.startsWith("gdp.")).map((f) => [f.year, yi(f.value)]),
    },
  };
}

const html = (title, script, head = "") => `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">${head}
</head>
<body>
${script}
</body>
</html>
`;

/** Writes dist/: data.json, and `<library>.<chart>.html` (with its `.js` for the other libraries). */
export async function buildPages() {
  await fs.rm(DIST, { recursive: true, force: true });
  await fs.mkdir(DIST, { recursive: true });
  await fs.writeFile(path.join(DIST, "data.json"), JSON.stringify(await exportFigures(), null, 1));
  const pages = path.join(BENCH, "pages");
  for (const library of [...LIBRARIES, BLANK]) {
    for (const chart of library === BLANK ? [BAR] : CHARTS) {
      const { file, source } = library.entry(chart);
      const result = await esbuild.build({
        ...(file ? { entryPoints: [path.join(pages, file)] } : { stdin: { contents: source, resolveDir: pages } }),
        bundle: true,
        minify: true,
        format: "esm",
        write: false,
        // The package is loaded from pkg/ as published, not bundled.
        external: ["/pkg/*"],
        define: { "process.env.NODE_ENV": '"production"' },
        logLevel: "error",
      });
      const code = result.outputFiles[0].text;
      const name = `${library.id}.${chart}`;
      let script;
      let head = "";
      if (library.id === "ours") {
        // Only a few lines of page code: inline, so the page makes no request the package does not.
        script = `<script type="module">${code}</script>`;
        // As docs/embedding.md advises: the .wasm's download starts with the page, not after the glue's.
        head = `\n<link rel="preload" href="/pkg/shaoxing_plan_charts_bg.wasm" as="fetch" type="application/wasm" crossorigin>`;
      } else {
        await fs.writeFile(path.join(DIST, `${name}.js`), code);
        script = `<script type="module" src="${name}.js"></script>`;
      }
      await fs.writeFile(path.join(DIST, `${name}.html`), html(`${library.name}: ${chart}`, script, head));
    }
  }
  await buildElementPages(pages);
}

/**
 * `element.<bar chart>.html`: the element as the README shows it, 720 px wide as every library's
 * chart, with the glue's modulepreload (the element imports it; without the hint its request would
 * wait for the element's script) and no preload of the .wasm, as the README has it. Then the
 * watching script, inline.
 * `element-picture.<bar chart>.html`: the builder's element snippet: the same with the static
 * picture inside the element, without its width and height, and the .wasm preloaded beside it, as
 * www/builder.js writes it.
 */
async function buildElementPages(pages) {
  const result = await esbuild.build({
    entryPoints: [path.join(pages, ELEMENT.entry().file)],
    bundle: true,
    minify: true,
    format: "iife",
    write: false,
    logLevel: "error",
  });
  const head = `\n<link rel="modulepreload" href="/pkg/shaoxing_plan_charts.js">`;
  const svg = await fs.readFile(path.join(ROOT, `pkg/static/${BAR}.zh.svg`), "utf8");
  const inline = svg.trim().replace(/^(<svg\b[^>]*?) width="[^"]*" height="[^"]*"/, "$1");
  const wasmPreload = `<link rel="preload" href="/pkg/shaoxing_plan_charts_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`;
  for (const [page, content, preload] of [[ELEMENT, "", []], [ELEMENT_PICTURE, `\n${inline}\n`, [wasmPreload]]]) {
    const body = [
      ...preload,
      `<script type="module" src="/pkg/shaoxing-chart.js"></script>`,
      `<shaoxing-chart chart="${BAR}" lang="zh" style="width: 720px">${content}</shaoxing-chart>`,
      `<script>${result.outputFiles[0].text}</script>`,
    ].join("\n");
    await fs.writeFile(path.join(DIST, `${page.id}.${BAR}.html`), html(`${page.name.replace(/</g, "&lt;")}: ${BAR}`, body, head));
  }
}
