// The package as an application imports it from node_modules: render() into a div, and the
// <shaoxing-chart> element, which loads the glue and the .wasm itself.
import init, { render } from "shaoxing-plan-charts";
import "shaoxing-plan-charts/element";

await init();
render(document.getElementById("chart"), "industry-clusters");
