//! Helpers shared by the native test files: golden SVG comparison and the clipping check.
#![allow(dead_code)] // each test file uses some of them

use std::path::PathBuf;

use shaoxing_plan_charts::chart::{with_captions, ChartKind, Options, Rendered};
use shaoxing_plan_charts::render::to_svg;
use shaoxing_plan_charts::scene::{Align, Baseline, Rotation, Scene, Shape};
use shaoxing_plan_charts::text::{FixedMetrics, TextMeasure};
use shaoxing_plan_charts::theme::Theme;

pub fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Makes output comparable across platforms: one line ending, no trailing spaces.
pub fn normalise(svg: &str) -> String {
    svg.replace("\r\n", "\n").lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

/// A rendered chart with its captions, as the SVG that `toSvg()` and the golden files hold.
pub fn export_rendered(rendered: &Rendered, theme: &Theme) -> String {
    let scene = with_captions(rendered, theme, &FixedMetrics);
    normalise(&to_svg(&scene, theme.background, &rendered.title, &rendered.alt))
}

pub fn export(kind: ChartKind, options: &Options, width: f64) -> String {
    let theme = Theme::get(options.theme.resolve(false));
    export_rendered(&kind.render(options, theme, width, &FixedMetrics), theme)
}

/// Compares `svg` with tests/golden/<name>.svg. With BLESS set, writes it instead. A difference
/// writes <name>-changed.svg beside the golden file and returns a message.
pub fn check_golden(name: &str, svg: &str) -> Option<String> {
    let path = golden_dir().join(format!("{name}.svg"));
    let changed = golden_dir().join(format!("{name}-changed.svg"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, svg).unwrap();
        let _ = std::fs::remove_file(&changed);
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if normalise(&expected) == svg => {
            let _ = std::fs::remove_file(&changed);
            None
        }
        Ok(_) => {
            std::fs::write(&changed, svg).unwrap();
            Some(format!("{name}: differs; see {}", changed.display()))
        }
        Err(_) => Some(format!("{name}: no golden file at {} (run with BLESS=1)", path.display())),
    }
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

pub fn assert_inside(scene: &Scene, what: &str) {
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
