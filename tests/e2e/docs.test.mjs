// The documentation: README.md, ARCHITECTURE.md and docs/*.md. Every relative link and #anchor leads
// to a file or heading in the project (under pkg/ and www/embed/, in the build, which runs before
// the browser tests); the README stays short; the README's three ways to embed a chart, copied
// from it as they are, and every other page or script example of the docs, run in Chromium against
// the built pkg/ and draw their charts with no console error; the options table and the list of
// dependencies cannot drift from the package; the npm page (pkg-README.md) links nowhere relative.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useBrowser, openPage, ROOT } from "./harness.mjs";

const env = useBrowser();

/** The documentation files: whatever README.md, ARCHITECTURE.md and docs/*.md the tree holds. */
function documents() {
  const docs = fs.existsSync(path.join(ROOT, "docs"))
    ? fs.readdirSync(path.join(ROOT, "docs")).filter((n) => n.endsWith(".md")).sort().map((n) => `docs/${n}`)
    : [];
  return ["README.md", "ARCHITECTURE.md", ...docs];
}

const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");

/**
 * The fenced code blocks of a Markdown text, with their language, their line and the comment (if
 * any) on the line before them; and the text with the blocks blanked out, for links and headings.
 */
function parse(markdown) {
  const lines = markdown.split("\n");
  const blocks = [];
  const prose = [];
  let open = null;
  lines.forEach((line, i) => {
    const fence = line.match(/^\s*(```+)\s*([\w-]*)/);
    if (open) {
      if (fence && fence[1].length >= open.fence.length && line.trim() === fence[1]) {
        blocks.push({ lang: open.lang, line: open.line, before: open.before, code: open.code.join("\n") });
        open = null;
      } else {
        open.code.push(line);
      }
      prose.push("");
    } else if (fence) {
      const previous = lines.slice(0, i).reverse().find((l) => l.trim() !== "") ?? "";
      open = { fence: fence[1], lang: fence[2], line: i + 1, before: previous.trim(), code: [] };
      prose.push("");
    } else {
      prose.push(line);
    }
  });
  return { blocks, prose };
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading) {
  const text = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").trim().toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
}

/** The anchors of a Markdown file's headings, with -1, -2 … for repeated ones, as GitHub numbers them. */
function anchors(markdown) {
  const seen = new Map();
  const out = new Set();
  for (const line of parse(markdown).prose) {
    const m = line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The links of a Markdown text outside code: [text](target) and ![alt](target). */
function links(markdown) {
  const out = [];
  parse(markdown).prose.forEach((line, i) => {
    const text = line.replace(/`[^`]*`/g, (code) => " ".repeat(code.length));
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1], line: i + 1 });
  });
  return out;
}

const external = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target);

test("every relative link and #anchor of the documentation leads to a file or heading of the project", () => {
  const files = documents();
  assert.ok(files.includes("docs/api.md") && files.includes("docs/errors.md"), "docs/ holds the documentation");
  const broken = [];
  for (const file of files) {
    for (const { target, line } of links(read(file))) {
      if (external(target)) continue;
      const [pathPart, anchor] = target.split("#");
      const resolved = pathPart === "" ? path.join(ROOT, file) : path.resolve(ROOT, path.dirname(file), decodeURIComponent(pathPart));
      const where = `${file}:${line}: ${target}`;
      if (!resolved.startsWith(ROOT + path.sep) && resolved !== ROOT) {
        broken.push(`${where} leads outside the project`);
        continue;
      }
      if (!fs.existsSync(resolved)) {
        const built = /^(pkg|www\/embed)\//.test(path.relative(ROOT, resolved)) ? " (made by cargo xtask build: run it first)" : "";
        broken.push(`${where}: no such file${built}`);
        continue;
      }
      if (anchor !== undefined) {
        if (!resolved.endsWith(".md")) {
          broken.push(`${where}: an anchor into a file that is not Markdown`);
        } else if (!anchors(fs.readFileSync(resolved, "utf8")).has(anchor)) {
          broken.push(`${where}: ${path.relative(ROOT, resolved)} has no heading #${anchor}`);
        }
      }
    }
  }
  assert.deepEqual(broken, [], broken.join("\n"));
});

test("the slugs are GitHub's", () => {
  assert.equal(slug("The element `<shaoxing-chart>`"), "the-element-shaoxing-chart");
  assert.equal(slug("Preload the `.wasm`"), "preload-the-wasm");
  assert.equal(slug("Reported values (`actuals`)"), "reported-values-actuals");
  assert.equal(slug("Two commands, and one for hosting"), "two-commands-and-one-for-hosting");
  assert.equal(slug("Benchmark against ECharts and Chart.js"), "benchmark-against-echarts-and-chartjs");
  assert.deepEqual([...anchors("# A\n```\n# not a heading\n```\n## A\n")], ["a", "a-1"]);
});

test("README.md has at most 250 lines, and starts with a sentence and a committed picture", () => {
  const readme = read("README.md");
  const lines = readme.endsWith("\n") ? readme.slice(0, -1).split("\n") : readme.split("\n");
  assert.ok(lines.length <= 250, `README.md has ${lines.length} lines; at most 250`);
  const picture = readme.match(/^!\[[^\]]+\]\(([^)]+\.svg)\)$/m);
  assert.ok(picture, "README.md shows a picture of a chart");
  assert.ok(readme.indexOf(picture[0]) < readme.indexOf("\n## "), "the picture comes before the first section");
  assert.ok(!/^(pkg|www\/embed)\//.test(picture[1]) && fs.existsSync(path.join(ROOT, picture[1])), `${picture[1]} is a committed file`);
});

/** The rows of the Markdown table that starts with `header`. */
function table(markdown, header) {
  const lines = markdown.split("\n");
  const start = lines.indexOf(header);
  assert.ok(start >= 0, `no table ${header}`);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  return lines.slice(start, end < 0 ? undefined : end);
}

test("the options table of the README is the one of docs/api.md, and names every option of every chart", async () => {
  const header = "| option | values | default |";
  const readme = table(read("README.md"), header);
  assert.deepEqual(table(read("docs/api.md"), header), readme, "README.md and docs/api.md give the same options table");
  const { page, context, problems } = await openPage(env.browser, env.origin, "/tests/e2e/pages/robust.html");
  const options = await page.evaluate(async () => {
    const m = await import("/pkg/shaoxing_plan_charts.js");
    await m.default();
    return [...new Set(m.charts().flatMap((c) => c.options.map((o) => o.name)))];
  });
  const named = readme.slice(2).map((row) => row.match(/^\| `(\w+)`/)?.[1]);
  assert.deepEqual(options.filter((o) => !named.includes(o)), [], "every option has a row");
  assert.deepEqual(named.filter((o) => !options.includes(o)), [], "every row is an option");
  assert.deepEqual(problems.console, []);
  await context.close();
});

/** The dependencies a Cargo.toml names in its [*dependencies] sections (any target). */
function cargoDependencies(file) {
  const names = [];
  let inDependencies = false;
  for (const line of read(file).split("\n")) {
    const section = line.match(/^\s*\[(.+)\]\s*$/);
    if (section) {
      inDependencies = /(^|\.)(dev-|build-)?dependencies$/.test(section[1]);
      continue;
    }
    const key = line.match(/^([A-Za-z0-9_-]+)\s*=/);
    if (inDependencies && key) names.push(key[1]);
  }
  return names;
}

test("docs/dependencies.md has a row for every dependency of every manifest", () => {
  const doc = read("docs/dependencies.md");
  // The first cell of every table row: the names in backticks.
  const listed = new Set(doc.split("\n").filter((l) => l.startsWith("| `")).flatMap((l) => [...l.split("|")[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])));
  const wanted = [];
  for (const file of ["Cargo.toml", "datagen/Cargo.toml", "xtask/Cargo.toml"]) {
    for (const name of cargoDependencies(file)) wanted.push([file, name]);
  }
  const manifests = ["tests/e2e/package.json", "bench/package.json", "tests/bundler/package.json"];
  for (const file of manifests.filter((f) => fs.existsSync(path.join(ROOT, f)))) {
    const json = JSON.parse(read(file));
    for (const name of Object.keys({ ...json.dependencies, ...json.devDependencies })) wanted.push([file, name]);
  }
  assert.ok(wanted.length >= 20 && wanted.some(([, n]) => n === "wasm-bindgen") && wanted.some(([, n]) => n === "esbuild"));
  const missing = wanted.filter(([, name]) => !listed.has(name)).map(([file, name]) => `${name} (${file})`);
  assert.deepEqual(missing, [], `no row in docs/dependencies.md for ${missing.join(", ")}`);
  assert.ok(listed.has("vite"), "vite, of tests/bundler/, has its row");
});

test("pkg-README.md, the npm page, links nowhere relative and shows the README's snippets", () => {
  const page = read("pkg-README.md");
  const relative = links(page).filter(({ target }) => !external(target)).map(({ target, line }) => `${line}: ${target}`);
  assert.deepEqual(relative, [], "an npm page cannot link into the project's folders");
  const readme = parse(read("README.md")).blocks.map((b) => b.code);
  for (const block of parse(page).blocks.filter((b) => b.lang === "html")) {
    assert.ok(readme.includes(block.code), `pkg-README.md's snippet is the README's:\n${block.code}`);
  }
  assert.equal(read("xtask/src/main.rs").includes('root.join("pkg-README.md"), pkg.join("README.md")'), true, "the build copies it into pkg/");
});

/** What a page example of the docs must run in: a page at the root of the project's server. */
function pageFor(block, origin) {
  const page = (body) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>example</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`;
  const code = block.code.replaceAll("https://your.host/", `${origin}/`);
  if (block.lang === "js") {
    // A script example runs as a module with the package loaded and the names it uses defined.
    return page(`<div id="a"></div><div id="b"></div>
<script type="module">
import init, { render, charts, dataset, version } from "./pkg/shaoxing_plan_charts.js";
await init();
const el = document.getElementById("a"), a = el, b = document.getElementById("b");
${code}
window.exampleRan = true;
</script>`);
  }
  // An inline module script says when it has run to its end.
  const at = code.lastIndexOf("</script>");
  const opening = code.lastIndexOf("<script", at);
  const inline = at >= 0 && /^<script type="module">/.test(code.slice(opening));
  return page(inline ? `${code.slice(0, at)}  window.exampleRan = true;\n${code.slice(at)}` : code);
}

/** The examples of the docs that are pages or scripts: every html and js block not marked as not run. */
function examples() {
  const out = [];
  for (const file of documents()) {
    for (const block of parse(read(file)).blocks) {
      if (!["html", "js"].includes(block.lang)) continue;
      if (block.before.startsWith("<!-- example, not run")) continue;
      out.push({ file, ...block });
    }
  }
  return out;
}

/** Runs an example in Chromium; returns what it drew and what went wrong. */
async function run(example) {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(env.origin + "/") && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`); });
  await page.route(`${env.origin}/docs-example.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: pageFor(example, env.origin) }));
  await page.goto(`${env.origin}/docs-example.html`);
  const html = example.code;
  const drawn = { canvases: 0, elements: 0, frames: 0 };
  if (example.lang === "js" || /<script type="module">\s*\n/.test(html)) {
    await page.waitForFunction(() => window.exampleRan === true, null, { timeout: 20000 }).catch(() => problems.push("the script did not run to its end"));
  }
  if (html.includes("<shaoxing-chart")) {
    await page.waitForFunction(() => [...document.querySelectorAll("shaoxing-chart")].every((e) => e.handle && e.querySelector(".spc-plot canvas")), null, { timeout: 20000 })
      .catch(() => problems.push("an element did not draw its chart"));
    drawn.elements = await page.locator("shaoxing-chart").count();
  }
  if (html.includes("<iframe")) {
    await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => f.style.height !== ""), null, { timeout: 20000 })
      .catch(() => problems.push("embed-resize.js did not size the frame"));
    for (const frame of page.frames().filter((f) => f.url().includes("/www/embed"))) {
      await frame.waitForSelector(".spc-plot canvas", { timeout: 20000 });
      if (await inked(frame) > 500) drawn.frames++;
    }
  }
  drawn.canvases = await inked(page) > 500 ? 1 : 0;
  const height = await page.evaluate(() => document.querySelector("iframe")?.getBoundingClientRect().height ?? null);
  await context.close();
  return { problems, drawn, height };
}

/** The inked pixels of the first chart canvas of a page or frame (0 if it has none). */
function inked(target) {
  return target.evaluate(() => {
    const canvas = document.querySelector(".spc-plot canvas");
    if (!canvas) return 0;
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60) n++;
    return n;
  });
}

test("the README's three ways to embed a chart, as the README writes them, each draw the chart", async () => {
  const blocks = parse(read("README.md")).blocks.filter((b) => b.lang === "html");
  const element = blocks.filter((b) => b.code.includes("<shaoxing-chart "));
  const module = blocks.filter((b) => b.code.includes("render(") && b.code.includes("./pkg/shaoxing_plan_charts.js"));
  const iframe = blocks.filter((b) => b.code.includes("<iframe"));
  assert.deepEqual([element.length, module.length, iframe.length], [1, 1, 1], "one snippet of each way in README.md");
  const element_ = await run({ file: "README.md", ...element[0] });
  assert.deepEqual(element_.problems, []);
  assert.equal(element_.drawn.elements, 1);
  assert.equal(element_.drawn.canvases, 1, "the element drew its chart");
  const module_ = await run({ file: "README.md", ...module[0] });
  assert.deepEqual(module_.problems, []);
  assert.equal(module_.drawn.canvases, 1, "render() drew the chart");
  const iframe_ = await run({ file: "README.md", ...iframe[0] });
  assert.deepEqual(iframe_.problems, []);
  assert.equal(iframe_.drawn.frames, 1, "the frame drew its chart");
  assert.ok(iframe_.height > 200 && iframe_.height !== 600, `the frame is as high as its chart (${iframe_.height} px)`);
});

test("every other page and script example of the docs runs with no error", async () => {
  const all = examples().filter((e) => e.file !== "README.md");
  assert.ok(all.length >= 5, `${all.length} examples`);
  const failed = [];
  for (const example of all) {
    const { problems, drawn } = await run(example);
    const draws = /render\(|<shaoxing-chart |<iframe/.test(example.code) && !example.code.includes(".destroy()");
    if (draws && drawn.canvases + drawn.frames === 0) problems.push("it drew no chart");
    if (problems.length) failed.push(`${example.file}:${example.line}:\n  ${problems.join("\n  ")}`);
  }
  assert.deepEqual(failed, [], failed.join("\n"));
});
