//! Golden SVG files of every chart, in both languages and both themes, rendered natively with fixed
//! text metrics. A difference fails the test and writes `<name>-changed.svg` beside the golden file;
//! `BLESS=1 cargo test --test golden` accepts the new pictures.
//!
//! Also: nothing is clipped at phone and desktop widths.

mod common;

use common::{assert_inside, check_golden, export, golden_dir, normalise};
use shaoxing_plan_charts::chart::{with_captions, Options, Sort, ThemeChoice, CHARTS};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

#[test]
fn charts_match_their_golden_svgs() {
    let mut failures = Vec::new();
    for info in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            for (theme, theme_name) in [(ThemeChoice::Light, "light"), (ThemeChoice::Dark, "dark")] {
                for (width, size) in [(720.0, "wide"), (360.0, "narrow")] {
                    let options = Options { lang, theme, sort: Sort::Plan, ..Options::default() };
                    let svg = export(info.kind, &options, width);
                    let lang_name = if lang == Lang::Zh { "zh" } else { "en" };
                    let name = format!("{}.{lang_name}.{theme_name}.{size}", info.id);
                    failures.extend(check_golden(&name, &svg));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn nothing_is_clipped_from_phone_to_desktop() {
    for info in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            for sort in [Sort::Plan, Sort::Value] {
                for width in [260.0, 286.0, 320.0, 375.0, 479.0, 480.0, 720.0, 1200.0] {
                    let options = Options { lang, theme: ThemeChoice::Light, sort, ..Options::default() };
                    let theme = Theme::get(ThemeName::Light);
                    let rendered = info.kind.render(&options, theme, width, &FixedMetrics);
                    let what = format!("{} {lang:?} {sort:?} at {width}px", info.id);
                    assert_inside(&rendered.scene, &what);
                    assert_inside(&with_captions(&rendered, theme, &FixedMetrics), &what);
                    assert_eq!(rendered.tooltips.len(), rendered.scene.regions.len());
                }
            }
        }
    }
}

/// The static pictures that `cargo xtask build` writes to `pkg/static/` are the light, wide golden
/// pictures: one per chart and language, named `<id>.<lang>.svg`.
#[test]
fn static_pictures_are_the_light_wide_golden_svgs() {
    use shaoxing_plan_charts::chart::static_files;
    let files = static_files();
    assert_eq!(files.len(), CHARTS.len() * 2);
    for (name, svg) in &files {
        let (id, lang) = name.trim_end_matches(".svg").rsplit_once('.').unwrap();
        assert!(CHARTS.iter().any(|c| c.id == id) && ["zh", "en"].contains(&lang), "{name}");
        let golden = golden_dir().join(format!("{id}.{lang}.light.wide.svg"));
        let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        assert!(normalise(svg) == normalise(&expected), "{name} differs from {}", golden.display());
        assert!(svg.starts_with("<svg role=\"img\" width=\"720\""), "{name}");
    }
}
