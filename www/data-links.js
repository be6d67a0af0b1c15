// Under each chart, its figures as open data: the table it draws from (a CSV of pkg/data/) and the
// Data Package that describes every table (see docs/data-package.md). Relative to the pages of www/,
// so the links work where the project is served (cargo xtask serve) and in the folder of cargo xtask dist.
const DATA = "../pkg/data/";

/** The table of pkg/data/ that each chart draws, by chart id. */
const TABLES = {
  "industry-clusters": "clusters",
  "major-projects": "projects",
  "main-indicators": "indicators",
  "gdp-path": "gdp-path",
  "infrastructure-targets": "infrastructure-targets",
  "district-map": "district-industries",
  "district-industries": "district-industries",
};

function span(zh, en, lang) {
  const el = document.createElement("span");
  el.dataset.zh = zh;
  el.dataset.en = en;
  el.textContent = lang === "en" ? en : zh;
  return el;
}

/**
 * "Data (CSV, Data Package)" for chart `chartId` in `lang`, as a paragraph (a chart with no table of
 * its own links to the package only). Its texts carry data-zh and data-en, which the pages' language
 * switch reads.
 */
export function dataLinks(chartId, lang) {
  const p = document.createElement("p");
  p.className = "data-links";
  p.append(span("数据（", "Data (", lang));
  if (TABLES[chartId]) {
    const csv = document.createElement("a");
    csv.href = `${DATA}${TABLES[chartId]}.csv`;
    csv.textContent = "CSV";
    p.append(csv, span("、", ", ", lang));
  }
  const datapackage = document.createElement("a");
  datapackage.href = `${DATA}datapackage.json`;
  datapackage.append(span("数据包", "Data Package", lang));
  p.append(datapackage, span("）", ")", lang));
  return p;
}
