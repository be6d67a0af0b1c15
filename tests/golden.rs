//! Golden SVG files of every chart, in both languages and both themes, rendered natively with fixed
//! text metrics. A difference fails the test and writes `<name>-changed.svg` beside the golden file;
//! `BLESS=1 cargo test --test golden` accepts the new pictures.
//!
//! Also: nothing is clipped at phone and desktop widths.

use std::path::PathBuf;

use shaoxing_plan_charts::chart::{with_captions, ChartKind, Options, Sort, ThemeChoice, CHARTS};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::render::to_svg;
use shaoxing_plan_charts::scene::{Align, Baseline, Rotation, Scene, Shape};
use shaoxing_plan_charts::text::{FixedMetrics, TextMeasure};
use shaoxing_plan_charts::theme::{Theme, ThemeName};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Makes output comparable across platforms: one line ending, no trailing spaces.
fn normalise(svg: &str) -> String {
    svg.replace("\r\n", "\n").lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

fn export(kind: ChartKind, options: &Options, width: f64) -> String {
    let theme = Theme::get(options.theme.resolve(false));
    let rendered = kind.render(options, theme, width, &FixedMetrics);
    let scene = with_captions(&rendered, theme, &FixedMetrics);
    to_svg(&scene, theme.background, &rendered.title, &rendered.alt)
}

#[test]
fn charts_match_their_golden_svgs() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for info in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            for (theme, theme_name) in [(ThemeChoice::Light, "light"), (ThemeChoice::Dark, "dark")] {
                for (width, size) in [(720.0, "wide"), (360.0, "narrow")] {
                    let options = Options { lang, theme, sort: Sort::Plan, ..Options::default() };
                    let svg = normalise(&export(info.kind, &options, width));
                    let lang_name = if lang == Lang::Zh { "zh" } else { "en" };
                    let name = format!("{}.{lang_name}.{theme_name}.{size}", info.id);
                    let path = golden_dir().join(format!("{name}.svg"));
                    let changed = golden_dir().join(format!("{name}-changed.svg"));
                    if bless {
                        std::fs::create_dir_all(golden_dir()).unwrap();
                        std::fs::write(&path, &svg).unwrap();
                        let _ = std::fs::remove_file(&changed);
                        continue;
                    }
                    match std::fs::read_to_string(&path) {
                        Ok(expected) if normalise(&expected) == svg => {
                            let _ = std::fs::remove_file(&changed);
                        }
                        Ok(_) => {
                            std::fs::write(&changed, &svg).unwrap();
                            failures.push(format!("{name}: differs; see {}", changed.display()));
                        }
                        Err(_) => {
                            failures.push(format!("{name}: no golden file at {} (run with BLESS=1)", path.display()))
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The horizontal extent of a text shape, measured as the layout measured it.
fn text_extent(x: f64, text: &str, size: f64, bold: bool, align: Align) -> (f64, f64) {
    let w = FixedMetrics.width(text, size, bold);
    match align {
        Align::Start => (x, x + w),
        Align::Center => (x - w / 2.0, x + w / 2.0),
        Align::End => (x - w, x),
    }
}

fn assert_inside(scene: &Scene, what: &str) {
    for item in &scene.items {
        match &item.shape {
            Shape::Text { at, text, size, bold, align, baseline, rotation: Rotation::Up, .. } => {
                // Reads upwards: `align` runs up the page from the anchor, `baseline` across it.
                let (from, to) = text_extent(0.0, text, *size, *bold, *align);
                let (top, bottom) = (at.1 - to, at.1 - from);
                let (left, right) = match baseline {
                    Baseline::Top => (at.0, at.0 + size),
                    Baseline::Middle => (at.0 - size / 2.0, at.0 + size / 2.0),
                    Baseline::Bottom => (at.0 - size, at.0),
                };
                assert!(
                    left >= 0.0 && right <= scene.width && top >= 0.0 && bottom <= scene.height,
                    "{what}: upward \"{text}\" spans x {left:.1}..{right:.1}, y {top:.1}..{bottom:.1} of {} × {}",
                    scene.width,
                    scene.height
                );
            }
            Shape::Text { at, text, size, bold, align, .. } => {
                let (left, right) = text_extent(at.0, text, *size, *bold, *align);
                assert!(
                    left >= 0.0 && right <= scene.width,
                    "{what}: \"{text}\" spans {left:.1}..{right:.1} of {}",
                    scene.width
                );
                assert!(
                    at.1 >= 0.0 && at.1 + size <= scene.height + 1.0,
                    "{what}: \"{text}\" at y {} of {}",
                    at.1,
                    scene.height
                );
            }
            Shape::Fill { rect, .. } | Shape::Stroke { rect, .. } => {
                assert!(
                    rect.x >= 0.0 && rect.x + rect.w <= scene.width && rect.y >= 0.0 && rect.y + rect.h <= scene.height,
                    "{what}: {rect:?}"
                );
            }
            Shape::Polygon { points, .. } | Shape::Path { points, .. } => {
                for (x, y) in points {
                    assert!(
                        *x >= -0.5 && *x <= scene.width + 0.5 && *y >= -0.5 && *y <= scene.height + 0.5,
                        "{what}: point at {x},{y}"
                    );
                }
            }
            Shape::Line { from, to, .. } => {
                for (x, y) in [from, to] {
                    assert!(
                        *x >= 0.0 && *x <= scene.width + 1.0 && *y >= 0.0 && *y <= scene.height,
                        "{what}: line at {x},{y}"
                    );
                }
            }
        }
    }
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
