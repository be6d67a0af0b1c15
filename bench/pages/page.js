// What every benchmark page shares, whatever the library: the query (?chart=&n=&h=), the chart
// containers, and the moment the charts count as painted.
const query = new URLSearchParams(location.search);
export const chart = query.get("chart");
const count = Number(query.get("n") || 1);
// Libraries that need a fixed height get the one this package's chart takes at the same width.
const height = Number(query.get("h") || 0);
const WIDTH = 720;
// When the render calls start: `containers()` is called right before them.
let rendering = 0;

/** The page's chart containers, stacked. */
export function containers() {
  const elements = Array.from({ length: count }, () => {
    const el = document.createElement("div");
    el.style.width = `${WIDTH}px`;
    if (height) el.style.height = `${height}px`;
    document.body.append(el);
    return el;
  });
  rendering = performance.now();
  return elements;
}

/**
 * Call right after the render calls. The charts count as painted at the end of the next frame: a
 * message posted from that frame's animation-frame callback runs only after the frame's other
 * callbacks (a library's own deferred drawing included), style, layout and paint.
 */
export function reportPainted() {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => window.benchFinish({ rendering, painted: performance.now() });
    channel.port2.postMessage(null);
  });
}

/** The page-coordinates centre of an element-relative point. */
export function onPage(element, x, y) {
  const box = element.getBoundingClientRect();
  return { x: box.left + x, y: box.top + y };
}
