// The page of the robustness tests: the package loaded, its WebAssembly memory reachable, and
// helpers that make containers and charts for the bad-input table (tests/e2e/bad-input.mjs).
import init, * as m from "/pkg/shaoxing_plan_charts.js";

const wasm = await init();
const host = document.getElementById("host");

/** A fresh container attached to the page, 600 px wide unless said otherwise. */
function el(width = "600px", height = "") {
  const div = document.createElement("div");
  div.style.width = width;
  if (height) div.style.height = height;
  host.append(div);
  return div;
}

const helpers = {
  render: m.render,
  charts: m.charts,
  dataset: m.dataset,
  version: m.version,
  el,
  /** A container that is not in the document. */
  detached: () => document.createElement("div"),
  /** A container in the document of an iframe on the page: an element of another window. */
  framed() {
    const frame = document.createElement("iframe");
    host.append(frame);
    const div = frame.contentDocument.createElement("div");
    frame.contentDocument.body.append(div);
    return div;
  },
  /** A container that is in the document but not shown. */
  hidden() {
    const div = el();
    div.hidden = true;
    return div;
  },
  /** A chart drawn in a fresh container. */
  chart: (id = "industry-clusters", options = {}) => m.render(el(), id, options),
  /** A chart already destroyed. */
  destroyed() {
    const chart = m.render(el(), "industry-clusters", {});
    chart.destroy();
    return chart;
  },
  /** A handle released with wasm-bindgen's free() instead of destroy(). */
  freed() {
    const chart = m.render(el(), "industry-clusters", {});
    chart.free();
    return chart;
  },
};

window.robust = {
  ...helpers,
  /** Runs `code`, an expression over the helpers, and returns "no error" or "Error: message". */
  run(code) {
    const f = new Function(...Object.keys(helpers), `return (${code});`);
    return attempt(() => f(...Object.values(helpers)));
  },
  memory: () => wasm.memory.buffer.byteLength,
};
window.dispatchEvent(new Event("robust-ready"));
