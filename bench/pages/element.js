// This package's <shaoxing-chart> element, as its README shows it: the page holds the element and
// the element's script (and the glue's modulepreload); the element shows the chart's static picture
// (pkg/static/<id>.<lang>.svg), then loads the .wasm and replaces the picture with the chart.
//
// On the page with the picture inline in the element (as the snippet builder writes it), the
// picture is the page's first content: `picture` is the First Contentful Paint, since Element Timing
// does not see an inline <svg>.
//
// This script only watches. It is inline and classic, after the element's tag, so it runs while the
// page is parsed, before the element's module. It reports:
// - picture: when the static picture was painted, the Element Timing `renderTime` of the element's
//   <img> (the time of the first frame that presented the image after it had loaded; the
//   `elementtiming` attribute is set on the <img> as soon as the element adds it, long before its
//   bytes arrive). Also, for comparison, the image's `load` event and the end of the next frame
//   after it (as the other rows measure, see page.js).
// - painted: the chart drawn by the .wasm on screen. The element fires `load` once render() has
//   drawn its canvas and the picture has been removed; the end of the next frame after it (a message
//   posted from that frame's animation-frame callback, as for every other library) is `painted`.
// - the timeline between them: when each file arrived (Resource Timing) and when the .wasm's
//   WebAssembly.instantiateStreaming resolved.
const element = document.querySelector("shaoxing-chart");
const inlinePicture = element.querySelector(":scope > svg");
const marks = { picture: null, pictureLoaded: null, pictureFrame: null, instantiated: null, drawn: null };
let instance = null;
let drawnAt = null;

/** Calls `f` at the end of the next frame (after its callbacks, style, layout and paint). */
function afterFrame(f) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => f(performance.now());
    channel.port2.postMessage(null);
  });
}

// When the .wasm is compiled and instantiated (the glue calls this once; recordWasmCalls, which
// the benchmark installs before, still sees the call).
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = function (...args) {
  return streaming.apply(this, args).then((result) => {
    marks.instantiated = performance.now();
    instance = result.instance;
    return result;
  });
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const painted = inlinePicture ? entry.name === "first-contentful-paint" : entry.identifier === "picture";
    if (painted && marks.picture === null) marks.picture = inlinePicture ? entry.startTime : entry.renderTime;
  }
  maybeFinish();
}).observe({ type: inlinePicture ? "paint" : "element", buffered: true });

new MutationObserver(() => {
  const img = element.querySelector(":scope > img.spc-fallback");
  if (!img || img.hasAttribute("elementtiming")) return;
  img.setAttribute("elementtiming", "picture");
  const loaded = () => {
    marks.pictureLoaded ??= performance.now();
    afterFrame((t) => (marks.pictureFrame ??= t));
  };
  if (img.complete && img.naturalWidth > 0) loaded();
  else img.addEventListener("load", loaded, { once: true });
}).observe(element, { childList: true });

element.addEventListener(
  "load",
  () => {
    marks.drawn = performance.now();
    const state = {
      canvases: element.querySelectorAll("canvas").length,
      picture: element.querySelector(".spc-fallback") !== null || (inlinePicture !== null && !inlinePicture.hasAttribute("hidden")),
      busy: element.hasAttribute("aria-busy"),
      handle: element.handle !== null,
    };
    if (state.canvases === 0 || state.picture || state.busy || !state.handle) {
      throw new Error(`the element fired load but does not show its chart: ${JSON.stringify(state)}`);
    }
    afterFrame((t) => {
      drawnAt = t;
      maybeFinish();
    });
  },
  { once: true },
);
element.addEventListener("error", (e) => {
  throw e.detail;
});

/** The files' arrival times (ms from navigation start), by path. */
function files() {
  const entries = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
  return Object.fromEntries(
    entries.map((e) => [
      new URL(e.name).pathname,
      { start: e.startTime, responseStart: e.responseStart, responseEnd: e.responseEnd },
    ]),
  );
}

function maybeFinish() {
  if (drawnAt === null) return;
  if (marks.picture === null) {
    // The Element Timing entry is delivered some time after the frame; the chart being drawn
    // before the picture was ever shown would be a failure of the page, which the benchmark reports.
    if (performance.now() - drawnAt > 5000) throw new Error("the static picture was never painted");
    setTimeout(maybeFinish, 50);
    return;
  }
  window.benchFinish({ painted: drawnAt, element: { ...marks, files: files() } });
}

window.benchPage = {
  wasmMemory: () => instance.exports.memory.buffer.byteLength,
  height: () => element.getBoundingClientRect().height,
};
