// The strict host's own script: one chart through render(), next to the element and the iframe.
import init, { render } from "/pkg/shaoxing_plan_charts.js";
import "/pkg/shaoxing-chart.js";

await init();
window.rendered = render(document.getElementById("rendered"), "industry-clusters", { lang: "en", theme: "dark" });
document.getElementById("status").textContent = "ready";
