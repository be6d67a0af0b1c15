//! The TypeScript declarations written by hand for the browser package (src/web/types.d.ts) name
//! every chart, every option and every category that the library accepts.

use shaoxing_plan_charts::chart::options::COMMON;
use shaoxing_plan_charts::chart::{ChartKind, CHARTS};

const TYPES: &str = include_str!("../src/web/types.d.ts");

/// The text of the declaration that starts with `start`, up to the next blank line.
fn declaration(start: &str) -> &'static str {
    let from = TYPES.find(start).unwrap_or_else(|| panic!("types.d.ts has no {start}"));
    let rest = &TYPES[from..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

#[test]
fn chart_ids_options_and_categories_are_declared() {
    let ids = declaration("export type ChartId");
    for info in CHARTS {
        assert!(ids.contains(&format!("\"{}\"", info.id)), "ChartId lacks \"{}\"", info.id);
    }
    assert_eq!(ids.matches('"').count(), CHARTS.len() * 2, "ChartId names a chart that does not exist: {ids}");
    let options = declaration("export interface ChartOptions");
    for name in COMMON.iter().chain(CHARTS.iter().flat_map(|c| c.options.iter())) {
        assert!(options.contains(&format!("\n  {name}?: ")), "ChartOptions lacks {name}");
    }
    for (value, _) in ChartKind::MainIndicators.categories() {
        assert!(options.contains(&format!("\"{value}\"")), "ChartOptions' category lacks \"{value}\"");
    }
}
