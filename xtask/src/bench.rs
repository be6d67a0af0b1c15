//! `cargo xtask bench`: the benchmark of bench/ against ECharts and Chart.js. It measures whatever
//! pkg/ holds (building it only when it is missing), so run `cargo xtask build` first to measure
//! the current sources. Too slow and too noisy for `cargo xtask test`. Arguments go to
//! bench/run.mjs: `--runs N`, and `--only phone` for the phone loads alone (printed, not written).

use std::process::Command;

use crate::{apt_install, build, npm_install, root, run, Result};

pub fn bench(args: &[String]) -> Result {
    let root = root();
    apt_install(&["chromium", "fonts-wqy-microhei"])?;
    // playwright-core and the browser launch come from the browser tests; binaryen for the build.
    npm_install(&root.join("tests/e2e"))?;
    npm_install(&root.join("bench"))?;
    if !root.join("pkg/shaoxing_plan_charts_bg.wasm").exists() {
        build()?;
    }
    run(Command::new("node").arg("run.mjs").args(args).current_dir(root.join("bench")))
}
