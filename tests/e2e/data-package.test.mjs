// The open-data package pkg/data/ (docs/data-package.md): valid by its own schemas as frictionless
// reads them (types, constraints, keys), naming the plan and the package, and holding every figure
// of dataset() once, with the same value, unit, qualifier, year, section and quote, and nothing else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness.mjs";
import { initSync, dataset } from "../../pkg/shaoxing_plan_charts.js";

const DATA = path.join(ROOT, "pkg/data");
// `cargo xtask test` installs frictionless and says where; run alone, this file looks where it installs it.
const FRICTIONLESS = process.env.FRICTIONLESS || path.join(ROOT, "target/frictionless/bin/frictionless");

initSync({ module: fs.readFileSync(path.join(ROOT, "pkg/shaoxing_plan_charts_bg.wasm")) });
const data = dataset();
const descriptor = JSON.parse(fs.readFileSync(path.join(DATA, "datapackage.json"), "utf8"));

/** The rows of a CSV file (RFC 4180, after its byte-order mark) as objects keyed by the header. */
function readCsv(file) {
  const text = fs.readFileSync(path.join(DATA, file), "utf8");
  assert.ok(text.startsWith("\uFEFF"), `${file} starts with the byte-order mark`);
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      (record = []), (field = ""), i++;
    } else field += c;
  }
  assert.equal(record.length + field.length, 0, `${file} ends with CRLF`);
  const [header, ...rows] = records;
  for (const row of rows) assert.equal(row.length, header.length, `${file}: ${row}`);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

const unit = (id) => data.units.find((u) => u.id === id);
const qualifier = (zh) => data.qualifiers.find((q) => q.zh === zh);
const cell = (value) => (value === undefined || value === null ? "" : String(value));

/** The columns of a row that hold one figure, as the dataset says them. */
function figure({ value, unit: unitId, qualifier: word, as_written }, year, source) {
  return {
    value: cell(value), unit: unitId, unit_zh: unit(unitId).zh, unit_en: unit(unitId).en,
    qualifier: cell(word), qualifier_en: cell(word && qualifier(word).en), as_written: cell(as_written),
    year: cell(year), section: source.section, quote: source.quote,
  };
}

/** Every figure of the dataset: the table it belongs in, the key of its row, and what the row says. */
function expectedFigures() {
  const out = [];
  const named = (x) => ({ name_zh: x.name_zh, name_en: x.name_en });
  for (const c of data.clusters) {
    out.push({ table: "clusters", key: c.id, row: { ...named(c), kind: c.kind, ...figure(c.target, c.year, c.source) } });
  }
  for (const i of data.indicators) {
    for (const column of ["y2025", "y2030", "plan_period"]) {
      const x = i[column];
      if (!x) continue;
      const year = { y2025: x.actual_2024 ? 2024 : 2025, y2030: 2030 }[column];
      const row = { ...named(i), ...figure({ ...x, unit: i.unit }, year, i.source), text_zh: cell(x.text_zh),
        text_en: cell(x.text_en), actual_2024: String(Boolean(x.actual_2024)), cumulative: String(Boolean(x.cumulative)) };
      out.push({ table: "indicators", key: `${i.id} ${column}`, row });
    }
  }
  for (const d of data.project_domains) {
    for (const measure of ["projects", "total_investment", "five_year_investment"]) {
      out.push({ table: "projects", key: `${d.id} ${measure}`, row: { ...named(d), ...figure(d[measure], undefined, d.source) } });
    }
  }
  for (const t of data.project_totals) {
    out.push({ table: "project-totals", key: t.id, row: { ...named(t), measure: t.measure, ...figure(t.stated, undefined, t.source) } });
  }
  for (const f of data.figures) {
    out.push({ table: "figures", key: f.id, row: { ...named(f), group: f.group, kind: f.kind, ...figure(f.value, f.year, f.source) } });
  }
  return out;
}

/** The key of a CSV row, as `expectedFigures` writes it. */
const KEYS = {
  clusters: (r) => r.id,
  indicators: (r) => `${r.id} ${r.column}`,
  projects: (r) => `${r.id} ${r.measure}`,
  "project-totals": (r) => r.id,
  figures: (r) => r.id,
};
// The figures of data/figures/ are split by chart: the GDP path, the infrastructure targets, the rest.
const FILES = {
  clusters: ["clusters.csv"], indicators: ["indicators.csv"], projects: ["projects.csv"],
  "project-totals": ["project-totals.csv"], figures: ["gdp-path.csv", "infrastructure-targets.csv", "other-figures.csv"],
};

test("frictionless finds the package valid by its schemas: types, constraints, primary and foreign keys", () => {
  assert.ok(fs.existsSync(FRICTIONLESS), `no frictionless at ${FRICTIONLESS}: run \`cargo xtask test\` (it installs it) or set FRICTIONLESS`);
  let output;
  try {
    output = execFileSync(FRICTIONLESS, ["validate", "--json", "datapackage.json"], { cwd: DATA, encoding: "utf8" });
  } catch (e) {
    output = e.stdout; // frictionless exits with 1 on an invalid package; its report says why
  }
  const report = JSON.parse(output);
  const errors = [...report.errors, ...report.tasks.flatMap((t) => t.errors.map((e) => ({ table: t.name, ...e })))]
    .map((e) => `${e.table ?? "package"}: ${e.type} ${e.message}`);
  assert.deepEqual(errors, []);
  assert.equal(report.valid, true);
  assert.equal(report.stats.warnings, 0);
  assert.deepEqual(report.tasks.map((t) => t.name), descriptor.resources.map((r) => r.name), "every table was validated");
  for (const resource of descriptor.resources) {
    assert.equal(resource.profile, "tabular-data-resource");
    assert.ok(resource.schema.primaryKey.length > 0, resource.name);
  }
});

test("the package names the plan and the package, in the version that built it", () => {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "pkg/package.json"), "utf8")).version;
  assert.equal(descriptor.name, "shaoxing-plan-charts");
  assert.equal(descriptor.version, version);
  assert.equal(descriptor.profile, "tabular-data-package");
  const named = JSON.stringify([descriptor.licenses, descriptor.sources]);
  for (const words of ["绍政发〔2026〕6号", "绍兴市国民经济和社会发展第十五个五年规划纲要", `shaoxing-plan-charts ${version}`]) {
    assert.ok(named.includes(words), `licences and sources lack ${words}`);
  }
  assert.equal(descriptor.licenses[0].name, JSON.parse(fs.readFileSync(path.join(ROOT, "pkg/package.json"), "utf8")).license);
});

test("every figure of dataset() is in the CSVs once, as the dataset says it, and the CSVs hold no other", () => {
  const expected = expectedFigures();
  assert.ok(expected.length > 150, `only ${expected.length} figures`);
  for (const [table, files] of Object.entries(FILES)) {
    const rows = files.flatMap((file) => readCsv(file).map((row) => ({ file, row })));
    const wanted = expected.filter((f) => f.table === table);
    assert.deepEqual(rows.map(({ row }) => KEYS[table](row)).sort(), wanted.map((f) => f.key).sort(), `the rows of ${files}`);
    for (const { key, row } of wanted) {
      const found = rows.find((r) => KEYS[table](r.row) === key);
      const written = Object.fromEntries(Object.keys(row).map((name) => [name, found.row[name]]));
      // Numbers compare as numbers: the CSV writes 3300, the dataset's JSON 3300.0.
      written.value = cell(written.value === "" ? "" : Number(written.value));
      assert.deepEqual(written, row, `${found.file}: ${key}`);
    }
  }
});

test("the other tables hold every record of the dataset once, in the dataset's order", () => {
  const ids = (file, column = "id") => readCsv(file).map((r) => r[column]);
  assert.deepEqual(ids("units.csv"), data.units.map((u) => u.id));
  assert.deepEqual(ids("qualifiers.csv", "zh"), data.qualifiers.map((q) => q.zh));
  assert.deepEqual(ids("industries.csv"), data.industries.map((i) => i.id));
  assert.deepEqual(readCsv("industries.csv").map((i) => i.cluster), data.industries.map((i) => cell(i.cluster)));
  assert.deepEqual(ids("districts.csv"), data.districts.map((d) => d.id));
  assert.deepEqual(readCsv("district-industries.csv").map((r) => `${r.district} ${r.industry}`),
    data.districts.flatMap((d) => d.industries.map((i) => `${d.id} ${i}`)));
  assert.deepEqual(ids("places.csv"), data.districts.flatMap((d) => (d.place ?? []).map((p) => p.id)));
  assert.deepEqual(ids("groups.csv"), data.groups.map((g) => g.id));
  assert.deepEqual(ids("names.csv"), data.names.map((n) => n.id));
  const files = fs.readdirSync(DATA).sort();
  assert.deepEqual(files, ["datapackage.json", ...descriptor.resources.map((r) => r.path)].sort(), "no file outside the descriptor");
});
