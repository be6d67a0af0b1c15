// Every public function, method and option of the package, and the element's attributes, with the
// bad input each one gets and what it answers: the table in docs/errors.md is generated from these
// rows, and bad-input.test.mjs runs each row in Chromium and checks docs/errors.md.
//
// A call is an expression over the helpers of pages/robust.js (el(), chart(), destroyed() …). Its
// result is "no error" or "Error: <message>"; a result ending in " …" is a prefix of the message
// (the rest lists every allowed value).

export const CALLS = [
  ["render", "render(undefined, \"industry-clusters\")", "Error: The container must be a DOM element to draw the chart in; got undefined."],
  ["render", "render(null, \"industry-clusters\")", "Error: The container must be a DOM element to draw the chart in; got null."],
  ["render", "render(\"#chart\", \"industry-clusters\")", "Error: The container must be a DOM element to draw the chart in; got \"#chart\" (a string)."],
  ["render", "render(document.createTextNode(\"x\"), \"industry-clusters\")", "Error: The container must be a DOM element to draw the chart in; got a #text node."],
  ["render", "render(el().appendChild(document.createElementNS(\"http://www.w3.org/2000/svg\", \"svg\")), \"industry-clusters\")", "Error: The container must be a DOM element to draw the chart in; got a <svg> element."],
  ["render", "render(framed(), \"industry-clusters\")", "Error: The container is an element of another window (an iframe's document); load the package in the page that shows the chart."],
  ["render", "render(detached(), \"industry-clusters\")", "Error: The container element is not attached to the document; insert it before rendering."],
  ["render", "render(hidden(), \"industry-clusters\")", "Error: The container has no size (0 × 0 px): give it a width, e.g. display: block, before rendering."],
  ["render", "render(el(\"0px\"), \"industry-clusters\")", "Error: The container has no size (0 × 0 px): give it a width, e.g. display: block, before rendering."],
  ["render", "render(el(), \"pie\")", "Error: Unknown chart id \"pie\". Known charts: industry-clusters, major-projects, main-indicators, gdp-path, …"],
  ["render", "render(el(), 42)", "Error: The chart id must be a string, one of: industry-clusters, major-projects, main-indicators, gdp-path, …"],
  ["render", "render(el())", "Error: The chart id must be a string, one of: industry-clusters, major-projects, main-indicators, gdp-path, …"],
  ["render", "render(el(), \"x\".repeat(1e6))", "Error: Unknown chart id \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" (1000000 characters). Known …"],
  ["render", "render(el(), \"gdp-path\", [\"en\"])", "Error: Options must be a plain object such as { lang: \"en\" }; got an array."],
  ["render", "render(el(), \"gdp-path\", \"en\")", "Error: Options must be a plain object such as { lang: \"en\" }; got \"en\" (a string)."],
  ["render", "render(el(), \"gdp-path\", document.body)", "Error: Options must be a plain object such as { lang: \"en\" }; got a <body> element."],
  ["render", "render(el(), \"gdp-path\", { colour: \"red\" })", "Error: Unknown option \"colour\" for chart \"gdp-path\". Allowed options: lang, theme, actuals."],
  ["render", "render(el(), \"gdp-path\", { get lang() { throw new Error(\"no\") } })", "Error: The options could not be read: reading a property threw an Error: \"no\". Pass plain values."],
  ["render", "render(el(), \"gdp-path\", new Proxy({}, { ownKeys() { throw new TypeError(\"trap\") } }))", "Error: The options could not be read: reading a property threw an Error: \"trap\". Pass plain values."],
  ["render", "render(el(), \"gdp-path\", { lang: \"en\" }, \"extra\")", "no error"],
  ["charts", "charts(\"anything\", 1)", "no error"],
  ["dataset", "dataset(null)", "no error"],
  ["version", "version({})", "no error"],
  ["option lang", "chart(\"gdp-path\", { lang: 1 })", "Error: Option \"lang\" must be one of \"zh\", \"en\"; got 1 (a number)."],
  ["option lang", "chart(\"gdp-path\", { lang: \"fr\" })", "Error: Option \"lang\" must be one of \"zh\", \"en\"; got \"fr\" (a string)."],
  ["option lang", "chart(\"gdp-path\", { lang: null })", "Error: Option \"lang\" must be one of \"zh\", \"en\"; got null."],
  ["option lang", "chart(\"gdp-path\", { lang: \"x\".repeat(1e6) })", "Error: Option \"lang\" must be one of \"zh\", \"en\"; got a string of 1000000 characters, more than an option may hold (1000)."],
  ["option theme", "chart(\"gdp-path\", { theme: \"blue\" })", "Error: Option \"theme\" must be one of \"light\", \"dark\", \"auto\"; got \"blue\" (a string)."],
  ["option theme", "chart(\"gdp-path\", { theme: NaN })", "Error: Option \"theme\" must be one of \"light\", \"dark\", \"auto\"; got NaN (a number)."],
  ["option theme", "chart(\"gdp-path\", { theme: Symbol(\"dark\") })", "Error: Option \"theme\" must be one of \"light\", \"dark\", \"auto\"; got a symbol."],
  ["option sort", "chart(\"industry-clusters\", { sort: \"size\" })", "Error: Option \"sort\" must be one of \"plan\", \"value\"; got \"size\" (a string)."],
  ["option sort", "chart(\"district-industries\", { sort: \"value\" })", "Error: Option \"sort\" must be one of \"plan\", \"count\"; got \"value\" (a string)."],
  ["option sort", "chart(\"gdp-path\", { sort: \"value\" })", "Error: Unknown option \"sort\" for chart \"gdp-path\". Allowed options: lang, theme, actuals."],
  ["option measure", "chart(\"major-projects\", { measure: \"sum\" })", "Error: Option \"measure\" must be one of \"total\", \"five-year\", \"count\"; got \"sum\" (a string)."],
  ["option measure", "chart(\"major-projects\", { measure: 1 })", "Error: Option \"measure\" must be one of \"total\", \"five-year\", \"count\"; got 1 (a number)."],
  ["option measure", "chart(\"industry-clusters\", { measure: \"total\" })", "Error: Unknown option \"measure\" for chart \"industry-clusters\". Allowed options: lang, theme, sort, actuals, selected."],
  ["option category", "chart(\"main-indicators\", { category: \"eco\" })", "Error: Option \"category\" must be one of \"all\", \"economy\", \"innovation\", \"livelihood\", \"green\", \"security\"; got \"eco\" (a string)."],
  ["option category", "chart(\"main-indicators\", { category: Infinity })", "Error: Option \"category\" must be one of \"all\", \"economy\", \"innovation\", \"livelihood\", \"green\", \"security\"; got Infinity (a number)."],
  ["option fill", "chart(\"district-map\", { fill: \"area\" })", "Error: Option \"fill\" must be one of \"selection\", \"count\"; got \"area\" (a string)."],
  ["option fill", "chart(\"district-map\", { fill: true })", "Error: Option \"fill\" must be one of \"selection\", \"count\"; got true (a boolean)."],
  ["option geometry", "chart(\"district-map\", { geometry: 42 })", "Error: Option \"geometry\" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got 42 (a number)."],
  ["option geometry", "chart(\"district-map\", { geometry: \"geo/shaoxing.geojson\" })", "Error: Option \"geometry\" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid …"],
  ["option geometry", "chart(\"district-map\", { geometry: '{\"type\": \"FeatureCollection\", \"features\": [' })", "Error: Option \"geometry\" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid …"],
  ["option geometry", "chart(\"district-map\", { geometry: \"1e999\" })", "Error: Option \"geometry\" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid …"],
  ["option geometry", "chart(\"district-map\", { geometry: [1, 2] })", "Error: Option \"geometry\" is not GeoJSON that the map can draw: the document must be a GeoJSON FeatureCollection object; got an array."],
  ["option geometry", "chart(\"district-map\", { geometry: { type: \"Topology\" } })", "Error: Option \"geometry\" is not GeoJSON that the map can draw: the document is of type \"Topology\"; give a …"],
  ["option geometry", "chart(\"district-map\", { geometry: { type: \"FeatureCollection\", features: [] } })", "Error: Option \"geometry\" has no feature for a district of Shaoxing. Name each feature by properties.name (越城区 or 越城, …"],
  ["option geometry", "chart(\"district-map\", { geometry: { type: \"Feature\", properties: { name: \"<img src=x onerror=alert(1)>\" }, geometry: null } })", "Error: Option \"geometry\" has no feature for a district of Shaoxing. Name each feature by properties.name (越城区 or 越城, …"],
  ["option geometry", "chart(\"district-map\", { geometry: { type: \"Feature\", properties: { name: \"越城区\" }, geometry: { type: \"Polygon\", coordinates: [[[13420000, 3500000], [1, 2], [3, 4]]] } } })", "Error: Option \"geometry\" is not GeoJSON that the map can draw: geometry.coordinates[0][0] must be a position [longitude, …"],
  ["option geometry", "chart(\"district-map\", { geometry: { type: \"Feature\", properties: { name: \"越城区\" }, geometry: { type: \"LineString\", coordinates: [[120, 30], [121, 30]] } } })", "Error: Option \"geometry\" is not GeoJSON that the map can draw: geometry.type is \"LineString\"; a district's boundary must be a Polygon or MultiPolygon."],
  ["option geometry", "chart(\"district-map\", { geometry: \"[\".repeat(1e5) })", "Error: Option \"geometry\" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid …"],
  ["option geometry", "chart(\"district-map\", { geometry: (() => { const o = {}; o.self = o; return o; })() })", "Error: Option \"geometry\" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got an object that JSON.stringify cannot write."],
  ["option geometry", "chart(\"district-map\", { geometry: \" \".repeat(2 ** 25 + 1) })", "Error: Option \"geometry\" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got JSON text of 33554433 …"],
  ["option selected", "chart(\"industry-clusters\", { selected: \"district.hangzhou\" })", "Error: A selection must be the id of a cluster, an industry or a district, or null; got \"district.hangzhou\" (a string). …"],
  ["option selected", "chart(\"industry-clusters\", { selected: 42 })", "Error: A selection must be the id of a cluster, an industry or a district, or null; got 42 (a number). Ids: …"],
  ["option selected", "chart(\"gdp-path\", { selected: \"district.keqiao\" })", "Error: Unknown option \"selected\" for chart \"gdp-path\". Allowed options: lang, theme, actuals."],
  ["option actuals", "chart(\"gdp-path\", { actuals: [] })", "Error: Option \"actuals\" must be an object such as { \"<id>\": [{ year: 2026, value: 1 }] }; got an array."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2020\": [] } })", "Error: Option \"actuals\" names \"gdp.2020\", which is not a target of chart \"gdp-path\". Its targets: gdp.2027, gdp.2030."],
  ["option actuals", "chart(\"district-map\", { actuals: { \"district.keqiao\": [] } })", "Error: Unknown option \"actuals\" for chart \"district-map\". Allowed options: lang, theme, fill, geometry, selected."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": { year: 2026, value: 9000 } } })", "Error: Option \"actuals\": the reports on \"gdp.2030\" must be an array of { year, value }; got an object."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [\"2026: 9000\"] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": must be an object { year, value }; got \"2026: 9000\" (a string)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ value: 9000 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": has no year."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": has no value."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2050, value: 9000 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": year must be a whole number from 2025 to 2035; got 2050 (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026.5, value: 9000 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": year must be a whole number from 2025 to 2035; got 2026.5 (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: \"2026\", value: 9000 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": year must be a whole number from 2025 to 2035; got \"2026\" (a string)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: -2026, value: 9000 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": year must be a whole number from 2025 to 2035; got -2026 (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: NaN }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": value must be a finite number of at most 1e12 in size; got NaN (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: Infinity }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": value must be a finite number of at most 1e12 in size; got Infinity (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: 1e300 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": value must be a finite number of at most 1e12 in size; got 1e+300 (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: -1e13 }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": value must be a finite number of at most 1e12 in size; got -10000000000000 (a number)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: \"9000\" }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": value must be a finite number of at most 1e12 in size; got \"9000\" (a string)."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: 1 }, { year: 2026, value: 2 }] } })", "Error: Option \"actuals\": report 2 on \"gdp.2030\": reports the year 2026 twice."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ year: 2026, value: 1, note: \"<img src=x onerror=alert(1)>\" }] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": has an unknown field \"note\"; use year and value."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"<img src=x onerror=alert(1)>\": [] } })", "Error: Option \"actuals\" names \"<img src=x onerror=alert(1)>\", which is not a target of chart \"gdp-path\". Its targets: gdp.2027, gdp.2030."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": new Array(2 ** 32 - 1) } })", "Error: Option \"actuals\": the reports on \"gdp.2030\" must be an array of { year, value }; got an array of 4294967295 …"],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [{ get year() { throw new Error(\"no year\") }, value: 1 }] } })", "Error: The options could not be read: reading a property threw an Error: \"no year\". Pass plain values."],
  ["option actuals", "chart(\"gdp-path\", { actuals: { \"gdp.2030\": [[[[{ year: 2026, value: 1 }]]]] } })", "Error: Option \"actuals\": report 1 on \"gdp.2030\": must be an object { year, value }; got an array."],
  ["chart.update", "chart().update({ lang: \"fr\" })", "Error: Option \"lang\" must be one of \"zh\", \"en\"; got \"fr\" (a string)."],
  ["chart.update", "chart().update(\"en\")", "Error: Options must be a plain object such as { lang: \"en\" }; got \"en\" (a string)."],
  ["chart.update", "chart().update()", "no error"],
  ["chart.update", "destroyed().update({ lang: \"en\" })", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.update", "(() => { const c = chart(); return c.update({ get lang() { c.toSvg(); c.update({ theme: \"dark\" }); return \"en\" } }) })()", "no error"],
  ["chart.update", "(() => { const c = chart(); return c.update({ get lang() { c.destroy(); return \"en\" } }) })()", "Error: The options could not be read: reading a property threw an Error: \"recursive use of an object detected which …"],
  ["chart.id", "destroyed().id", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.toSvg", "destroyed().toSvg()", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.toSvg", "chart().toSvg.call({})", "Error: null pointer passed to rust"],
  ["chart.toSvg", "(() => { const f = chart().toSvg; return f() })()", "Error: Cannot read properties of undefined (reading '__wbg_ptr')"],
  ["chart.toPng", "destroyed().toPng()", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.toCsv", "destroyed().toCsv()", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.toCsv", "chart().toCsv(\"en\")", "no error"],
  ["chart.toCsvBlob", "destroyed().toCsvBlob()", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.toCsvBlob", "chart().toCsvBlob(42)", "no error"],
  ["chart.citation", "destroyed().citation()", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.citation", "chart().citation(\"2026-13-40\")", "Error: The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as \"2026-03-09\"; got \"2026-13-40\" (a string)."],
  ["chart.citation", "chart().citation(\"yesterday\")", "Error: The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as \"2026-03-09\"; got \"yesterday\" (a string)."],
  ["chart.citation", "chart().citation(new Date(NaN))", "Error: The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as \"2026-03-09\"; got an invalid Date."],
  ["chart.citation", "chart().citation(20260309)", "Error: The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as \"2026-03-09\"; got 20260309 (a number)."],
  ["chart.citation", "chart().citation(\"2026-03-09\", \"javascript:alert(1)\")", "Error: The address of a citation must be an absolute http or https URL, such as \"https://example.org/pkg/\"; got \"javascript:alert(1)\" (a string)."],
  ["chart.citation", "chart().citation(\"2026-03-09\", \"pkg/\")", "Error: The address of a citation must be an absolute http or https URL, such as \"https://example.org/pkg/\"; got \"pkg/\" (a string)."],
  ["chart.citation", "chart().citation(\"2026-03-09\", 42)", "Error: The address of a citation must be an absolute http or https URL, such as \"https://example.org/pkg/\"; got 42 (a number)."],
  ["chart.citation", "chart().citation(undefined, \"https://example.org/pkg/\")", "no error"],
  ["chart.destroy", "(() => { const c = chart(); c.destroy(); return c.destroy() })()", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.destroy", "freed().destroy()", "Error: null pointer passed to rust"],
  ["chart.select", "chart().select(\"cluster.steel\")", "Error: A selection must be the id of a cluster, an industry or a district, or null; got \"cluster.steel\" (a string). Ids: …"],
  ["chart.select", "chart().select(42)", "Error: A selection must be the id of a cluster, an industry or a district, or null; got 42 (a number). Ids: …"],
  ["chart.select", "chart().select({ id: \"cluster.new-materials\" })", "Error: A selection must be the id of a cluster, an industry or a district, or null; got an object. Ids: …"],
  ["chart.select", "chart().select(null)", "no error"],
  ["chart.select", "destroyed().select(null)", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.on", "chart().on(\"hover\", () => {})", "Error: Charts send one event, \"select\"; got \"hover\" (a string)."],
  ["chart.on", "chart().on(\"select\", \"alert(1)\")", "Error: The listener must be a function; got \"alert(1)\" (a string)."],
  ["chart.on", "chart().on(\"select\")", "Error: The listener must be a function; got undefined."],
  ["chart.on", "destroyed().on(\"select\", () => {})", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.off", "chart().off(\"click\", () => {})", "Error: Charts send one event, \"select\"; got \"click\" (a string)."],
  ["chart.off", "chart().off(\"select\", null)", "Error: The listener must be a function; got null."],
  ["chart.off", "chart().off(\"select\", () => {})", "no error"],
  ["chart.off", "destroyed().off(\"select\", () => {})", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.link", "chart().link({})", "Error: expected instance of Chart"],
  ["chart.link", "chart().link(null)", "Error: expected instance of Chart"],
  ["chart.link", "chart().link(destroyed())", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.link", "destroyed().link(chart())", "Error: This chart was destroyed; call render() again to draw a new one."],
  ["chart.link", "chart().link(freed())", "Error: null pointer passed to rust"],
  ["chart.link", "(() => { const c = chart(); return c.link(c) })()", "no error"],
];

// <shaoxing-chart> attributes: what the element's "error" event carries (and the element shows).
export const ATTRIBUTES = [
  [{}, "Error: The chart id must be a string, one of: industry-clusters, major-projects, main-indicators, gdp-path, …"],
  [{ chart: "pie" }, "Error: Unknown chart id \"pie\". Known charts: industry-clusters, major-projects, main-indicators, gdp-path, …"],
  [{ chart: "gdp-path", lang: "fr" }, "Error: Option \"lang\" must be one of \"zh\", \"en\"; got \"fr\" (a string)."],
  [{ chart: "gdp-path", theme: "blue" }, "Error: Option \"theme\" must be one of \"light\", \"dark\", \"auto\"; got \"blue\" (a string)."],
  [{ chart: "industry-clusters", sort: "size" }, "Error: Option \"sort\" must be one of \"plan\", \"value\"; got \"size\" (a string)."],
  [{ chart: "gdp-path", sort: "value" }, "Error: Unknown option \"sort\" for chart \"gdp-path\". Allowed options: lang, theme, actuals."],
  [{ chart: "major-projects", measure: "sum" }, "Error: Option \"measure\" must be one of \"total\", \"five-year\", \"count\"; got \"sum\" (a string)."],
  [{ chart: "main-indicators", category: "eco" }, "Error: Option \"category\" must be one of \"all\", \"economy\", \"innovation\", \"livelihood\", \"green\", …"],
  [{ chart: "district-map", fill: "area" }, "Error: Option \"fill\" must be one of \"selection\", \"count\"; got \"area\" (a string)."],
  [{ chart: "district-map", selected: "<img src=x onerror=alert(1)>" }, "Error: A selection must be the id of a cluster, an industry or a district, or null; got \"<img src=x onerror=alert(1)>\" …"],
  [{ chart: "gdp-path", selected: "district.keqiao" }, "Error: Unknown option \"selected\" for chart \"gdp-path\". Allowed options: lang, theme, actuals."],
];

/** `{ chart: "pie" }` as the markup would have it. */
export function attributes(attrs) {
  const written = Object.entries(attrs).map(([name, value]) => `${name}="${value}"`);
  return `<shaoxing-chart${written.map((a) => " " + a).join("")}>`;
}

/** How many rows the table has, as docs/testing.md states it: "(N calls, M element attributes)". */
export function counted() {
  return `(${CALLS.length} calls, ${ATTRIBUTES.length} element attributes)`;
}

/** The table of docs/errors.md, with its count: one row per call and attribute set. */
export function markdown() {
  const cell = (text) => text.replaceAll("|", "\\|");
  const lines = [
    `${CALLS.length} calls and ${ATTRIBUTES.length} sets of the element's attributes, one row each:`,
    "",
    "| API | call | what it gets |",
    "| --- | --- | --- |",
  ];
  for (const [api, call, result] of CALLS) lines.push(`| ${api} | \`${cell(call)}\` | \`${cell(result)}\` |`);
  for (const [attrs, result] of ATTRIBUTES) lines.push(`| element | \`${cell(attributes(attrs))}\` | \`error\` event: \`${cell(result)}\` |`);
  return lines.join("\n");
}
