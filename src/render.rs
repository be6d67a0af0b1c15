//! Paints a scene on any plotters `DrawingBackend`: the canvas in the browser, SVG natively and for
//! export. Coordinates are CSS pixels; the canvas glue scales its context by devicePixelRatio.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

use crate::scene::{Align, Baseline, Rect, Rotation, Scene, Shape};
use crate::text::FONT_FAMILY;
use crate::theme::Color;

fn backend_color(c: Color) -> BackendColor {
    BackendColor { alpha: c.a, rgb: (c.r, c.g, c.b) }
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

struct TextStyle {
    color: BackendColor,
    size: f64,
    bold: bool,
    anchor: Pos,
    rotation: Rotation,
}

impl BackendTextStyle for TextStyle {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn transform(&self) -> FontTransform {
        // Both backends turn the text about its anchor; 270° clockwise reads upwards.
        match self.rotation {
            Rotation::None => FontTransform::None,
            Rotation::Up => FontTransform::Rotate270,
        }
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        // Only pixel backends ask for this; ours place text themselves.
        let width = crate::text::TextMeasure::width(&crate::text::FixedMetrics, text, self.size, self.bold);
        Ok(((0, 0), (width.round() as i32, self.size.round() as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

fn point(x: f64, y: f64) -> BackendCoord {
    (x.round() as i32, y.round() as i32)
}

fn corners(r: &Rect) -> (BackendCoord, BackendCoord) {
    (point(r.x, r.y), point(r.x + r.w, r.y + r.h))
}

/// Paints every shape of `scene`, after filling the background with `background` if given.
/// `text_scale` compensates backends that shrink font sizes (plotters' SVG writes size / 1.24).
pub fn paint<B: DrawingBackend>(
    scene: &Scene,
    background: Option<Color>,
    backend: &mut B,
    text_scale: f64,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    backend.ensure_prepared()?;
    if let Some(bg) = background {
        let full = Rect { x: 0.0, y: 0.0, w: scene.width, h: scene.height };
        let (a, b) = corners(&full);
        backend.draw_rect(a, b, &backend_color(bg), true)?;
    }
    for item in &scene.items {
        match &item.shape {
            Shape::Fill { rect, color } => {
                let (a, b) = corners(rect);
                backend.draw_rect(a, b, &backend_color(*color), true)?;
            }
            Shape::Stroke { rect, color, width } => {
                let (a, b) = corners(rect);
                backend.draw_rect(
                    a,
                    b,
                    &Stroke { color: backend_color(*color), width: width.round() as u32 },
                    false,
                )?;
            }
            Shape::Line { from, to, color, width } => {
                let style = Stroke { color: backend_color(*color), width: width.round() as u32 };
                backend.draw_line(point(from.0, from.1), point(to.0, to.1), &style)?;
            }
            Shape::Polygon { points, color } => {
                backend.fill_polygon(points.iter().map(|p| point(p.0, p.1)), &backend_color(*color))?;
            }
            Shape::Path { points, color, width } => {
                let style = Stroke { color: backend_color(*color), width: width.round() as u32 };
                backend.draw_path(points.iter().map(|p| point(p.0, p.1)), &style)?;
            }
            Shape::Text { at, text, size, bold, color, align, baseline, rotation } => {
                let anchor = Pos::new(
                    match align {
                        Align::Start => HPos::Left,
                        Align::Center => HPos::Center,
                        Align::End => HPos::Right,
                    },
                    match baseline {
                        Baseline::Top => VPos::Top,
                        Baseline::Middle => VPos::Center,
                        Baseline::Bottom => VPos::Bottom,
                    },
                );
                let style = TextStyle {
                    color: backend_color(*color),
                    size: size * text_scale,
                    bold: *bold,
                    anchor,
                    rotation: *rotation,
                };
                backend.draw_text(text, &style, point(at.0, at.1))?;
            }
        }
    }
    backend.present()
}

/// The longest side and the largest area, in device pixels, of a canvas that every browser draws
/// (Safari's 16,777,216 pixels is the smallest area); past them a canvas stays blank.
pub const MAX_CANVAS_SIDE: f64 = 16384.0;
pub const MAX_CANVAS_AREA: f64 = 16_777_216.0;

/// The pixel ratio of the canvas for a `width` × `height` CSS px picture on a screen of `ratio`:
/// lowered as far as the canvas limits need (a softer picture rather than none).
pub fn backing_ratio(width: f64, height: f64, ratio: f64) -> f64 {
    let (w, h) = (width.max(1.0), height.max(1.0));
    // A pixel to spare on each side for the rounding of the canvas size.
    ratio.min((MAX_CANVAS_SIDE - 1.0) / w.max(h)).min((MAX_CANVAS_AREA / ((w + 1.0) * (h + 1.0))).sqrt())
}

/// The scene as a standalone SVG document, with a title and description for screen readers.
pub fn to_svg(scene: &Scene, background: Color, title: &str, description: &str) -> String {
    let mut svg = String::new();
    {
        let size = (scene.width.ceil().max(1.0) as u32, scene.height.ceil().max(1.0) as u32);
        let mut backend = plotters_svg::SVGBackend::with_string(&mut svg, size);
        // Drawing into a String cannot fail.
        let _ = paint(scene, Some(background), &mut backend, 1.24);
    }
    let accessible = format!("<title>{}</title>\n<desc>{}</desc>\n", xml_escape(title), xml_escape(description));
    match svg.find('>') {
        Some(end) => {
            svg.insert_str(end + 1, &format!("\n{accessible}"));
            svg.replacen("<svg ", "<svg role=\"img\" ", 1)
        }
        None => svg,
    }
}

pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Rect;

    #[test]
    fn svg_has_accessible_title_background_and_escaped_text() {
        let mut scene = Scene::new(120.0, 40.0);
        scene.fill(Rect { x: 10.0, y: 10.0, w: 50.0, h: 20.0 }, Color::rgb(0x0b6e99), Some("a"));
        scene.text((5.0, 5.0), "A & B <新材料>", 12.0, false, Color::rgb(0), Align::Start, Baseline::Top, None);
        let svg = to_svg(&scene, Color::rgb(0xffffff), "T <1>", "D");
        assert!(svg.starts_with("<svg role=\"img\" "), "{svg}");
        assert!(svg.contains("<title>T &lt;1&gt;</title>"));
        assert!(svg.contains("A &amp; B &lt;新材料&gt;"));
        assert!(svg.contains("#0B6E99") || svg.contains("#0b6e99"), "{svg}");
        assert!(svg.contains("width=\"120\"") && svg.contains("height=\"40\""));
    }

    #[test]
    fn canvases_keep_within_what_browsers_draw() {
        assert_eq!(backing_ratio(900.0, 600.0, 3.0), 3.0);
        assert_eq!(backing_ratio(10000.0, 500.0, 3.0), 1.6383);
        for (w, h) in [(3000.0, 4000.0), (7299.0 / 1.6383, 2299.0 / 1.6383), (16384.0, 1.0)] {
            let ratio = backing_ratio(w, h, 3.0);
            let (bw, bh) = ((w * ratio).round(), (h * ratio).round());
            assert!(bw * bh <= MAX_CANVAS_AREA && bw.max(bh) <= MAX_CANVAS_SIDE, "{w} × {h}: {ratio}");
        }
        assert_eq!(backing_ratio(0.0, 0.0, 2.0), 2.0);
        assert!(backing_ratio(100.0, 50_000.0, 1.0) * 50_000.0 <= MAX_CANVAS_SIDE);
    }

    #[test]
    fn upward_text_turns_about_its_anchor() {
        let mut scene = Scene::new(60.0, 120.0);
        scene.text_up((30.0, 110.0), "Aerospace", 12.0, false, Color::rgb(0), Align::Start, Baseline::Middle, None);
        let svg = to_svg(&scene, Color::rgb(0xffffff), "T", "D");
        assert!(svg.contains("transform=\"rotate(270, 30, 110)\""), "{svg}");
    }
}
