// The floor of the hover measure: no chart, two plain boxes as the marks, and the least visible
// change a hover can make (a line of text naming the hovered box).
import { containers, reportPainted, onPage } from "./page.js";

const labels = ["A", "B"];
const [first] = containers();
const status = document.createElement("p");
const boxes = labels.map((label) => {
  const box = document.createElement("div");
  box.style.height = "40px";
  box.addEventListener("pointerover", () => (status.textContent = label));
  return box;
});
first.append(...boxes, status);
reportPainted();

window.benchPage = {
  wasmMemory: () => 0,
  hovered: () => status.textContent || null,
  marks: () => boxes.map((box, i) => ({ ...onPage(box, 100, 20), label: labels[i] })),
};
