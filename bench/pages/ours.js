// This package, used as its README shows: the glue and the .wasm from pkg/, then render().
import init, { render } from "/pkg/shaoxing_plan_charts.js";
import { chart, containers, reportPainted } from "./page.js";

const wasm = await init();
const elements = containers();
for (const el of elements) render(el, chart, { lang: "zh" });
reportPainted();

const first = elements[0];
const hovered = () => {
  const tip = first.querySelector(".spc-tooltip");
  return tip?.checkVisibility() ? tip.querySelector(".spc-tooltip-title").textContent : null;
};
window.benchPage = {
  height: () => first.getBoundingClientRect().height,
  wasmMemory: () => wasm.memory.buffer.byteLength,
  hovered,
  // The library has no geometry API: find the first two marks by moving a synthetic pointer down
  // the plot (before any measured move) and take the middle of each mark's run.
  marks() {
    const plot = first.querySelector(".spc-plot");
    const box = plot.getBoundingClientRect();
    for (const fraction of [0.5, 0.3, 0.15]) {
      const x = box.left + box.width * fraction;
      const runs = [];
      // A third run means the second is whole.
      for (let y = box.top + 1; y < box.bottom && runs.length < 3; y += 1) {
        const target = document.elementFromPoint(x, y);
        target.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true }));
        const title = hovered();
        if (title && runs.at(-1)?.title === title) runs.at(-1).end = y;
        else if (title) runs.push({ title, start: y, end: y });
      }
      plot.dispatchEvent(new PointerEvent("pointerleave"));
      if (runs.length >= 2) return runs.slice(0, 2).map((r) => ({ x, y: (r.start + r.end) / 2, label: r.title }));
    }
    throw new Error("no two marks found");
  },
};
