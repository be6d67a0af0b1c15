//! Paints a scene on any plotters `DrawingBackend` (the canvas in the browser, or a native user's
//! own backend), and writes it as standalone SVG (`to_svg`) for exports and the golden files.
//! Coordinates are CSS pixels; the canvas glue scales its context by devicePixelRatio.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

use crate::data::model::Lang;
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
pub fn paint<B: DrawingBackend>(
    scene: &Scene,
    background: Option<Color>,
    backend: &mut B,
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
                let style =
                    TextStyle { color: backend_color(*color), size: *size, bold: *bold, anchor, rotation: *rotation };
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
/// Coordinates are whole CSS pixels, as the canvas draws them; the font family is set once, on the
/// root, and colours are written as `#RRGGBB` with a separate opacity, which print tools read.
pub fn to_svg(scene: &Scene, background: Color, title: &str, description: &str) -> String {
    let (width, height) = (scene.width.ceil().max(1.0) as i64, scene.height.ceil().max(1.0) as i64);
    let mut svg = String::with_capacity(64 * scene.items.len() + 1024);
    svg.push_str("<svg role=\"img\"");
    attr_int(&mut svg, "width", width);
    attr_int(&mut svg, "height", height);
    svg.push_str(" viewBox=\"0 0 ");
    push_int(&mut svg, width);
    svg.push(' ');
    push_int(&mut svg, height);
    svg.push_str("\" xmlns=\"http://www.w3.org/2000/svg\"");
    attr(&mut svg, "font-family", FONT_FAMILY);
    svg.push_str(">\n<title>");
    escape_into(&mut svg, title, false);
    svg.push_str("</title>\n<desc>");
    escape_into(&mut svg, description, false);
    svg.push_str("</desc>\n");
    let full = Rect { x: 0.0, y: 0.0, w: scene.width, h: scene.height };
    svg_rect(&mut svg, &full, background, None);
    // Invisible shapes are left out, as a canvas draws nothing for them.
    for item in scene.items.iter().filter(|item| shape_color(&item.shape).a > 0.0) {
        match &item.shape {
            Shape::Fill { rect, color } => svg_rect(&mut svg, rect, *color, None),
            Shape::Stroke { rect, color, width } => svg_rect(&mut svg, rect, *color, Some(*width)),
            Shape::Line { from, to, color, width } => {
                svg.push_str("<line");
                let (a, b) = (point(from.0, from.1), point(to.0, to.1));
                for (name, value) in [("x1", a.0), ("y1", a.1), ("x2", b.0), ("y2", b.1)] {
                    attr_int(&mut svg, name, value as i64);
                }
                stroke(&mut svg, *color, *width);
                svg.push_str("/>\n");
            }
            Shape::Polygon { points, color } => {
                svg.push_str("<polygon");
                attr_points(&mut svg, points);
                paint_attrs(&mut svg, "fill", *color);
                svg.push_str("/>\n");
            }
            Shape::Path { points, color, width } => {
                svg.push_str("<polyline fill=\"none\"");
                attr_points(&mut svg, points);
                stroke(&mut svg, *color, *width);
                svg.push_str("/>\n");
            }
            Shape::Text { at, text, size, bold, color, align, baseline, rotation } => {
                let (x, y) = point(at.0, at.1);
                svg.push_str("<text");
                attr_int(&mut svg, "x", x as i64);
                attr_int(&mut svg, "y", y as i64);
                // The offsets that put the anchor at the top, middle or bottom of the line.
                let dy = match baseline {
                    Baseline::Top => "0.76em",
                    Baseline::Middle => "0.5ex",
                    Baseline::Bottom => "-0.5ex",
                };
                attr(&mut svg, "dy", dy);
                let anchor = match align {
                    Align::Start => "start",
                    Align::Center => "middle",
                    Align::End => "end",
                };
                attr(&mut svg, "text-anchor", anchor);
                attr(&mut svg, "font-size", &crate::format::number(*size, 1, Lang::Zh));
                if *bold {
                    attr(&mut svg, "font-weight", "bold");
                }
                paint_attrs(&mut svg, "fill", *color);
                if *rotation == Rotation::Up {
                    svg.push_str(" transform=\"rotate(270, ");
                    push_int(&mut svg, x as i64);
                    svg.push_str(", ");
                    push_int(&mut svg, y as i64);
                    svg.push_str(")\"");
                }
                // The text on a line of its own, as the SVG exports have always written it (and tests read it).
                svg.push_str(">\n");
                escape_into(&mut svg, text, true);
                svg.push_str("\n</text>\n");
            }
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn shape_color(shape: &Shape) -> Color {
    match shape {
        Shape::Fill { color, .. }
        | Shape::Stroke { color, .. }
        | Shape::Line { color, .. }
        | Shape::Polygon { color, .. }
        | Shape::Path { color, .. }
        | Shape::Text { color, .. } => *color,
    }
}

fn svg_rect(svg: &mut String, rect: &Rect, color: Color, stroke_width: Option<f64>) {
    let (a, b) = corners(rect);
    svg.push_str("<rect");
    let values = [("x", a.0), ("y", a.1), ("width", b.0 - a.0), ("height", b.1 - a.1)];
    for (name, value) in values {
        attr_int(svg, name, value as i64);
    }
    match stroke_width {
        None => paint_attrs(svg, "fill", color),
        Some(width) => {
            svg.push_str(" fill=\"none\"");
            stroke(svg, color, width);
        }
    }
    svg.push_str("/>\n");
}

fn stroke(svg: &mut String, color: Color, width: f64) {
    paint_attrs(svg, "stroke", color);
    attr_int(svg, "stroke-width", width.round() as i64);
}

/// `fill="#RRGGBB"` (or `stroke`), with `fill-opacity` where the colour is translucent.
fn paint_attrs(svg: &mut String, which: &str, color: Color) {
    attr(svg, which, &color.hex().to_ascii_uppercase());
    if color.a < 1.0 {
        svg.push(' ');
        svg.push_str(which);
        attr(svg, "-opacity", &crate::format::number(color.a, 2, Lang::Zh));
    }
}

fn attr_points(svg: &mut String, points: &[(f64, f64)]) {
    svg.push_str(" points=\"");
    for (i, p) in points.iter().enumerate() {
        let (x, y) = point(p.0, p.1);
        if i > 0 {
            svg.push(' ');
        }
        push_int(svg, x as i64);
        svg.push(',');
        push_int(svg, y as i64);
    }
    svg.push('"');
}

/// ` name="value"`, the value escaped. A name that starts with `-` continues the one before it.
fn attr(svg: &mut String, name: &str, value: &str) {
    if !name.starts_with('-') {
        svg.push(' ');
    }
    svg.push_str(name);
    svg.push_str("=\"");
    escape_into(svg, value, true);
    svg.push('"');
}

fn attr_int(svg: &mut String, name: &str, value: i64) {
    svg.push(' ');
    svg.push_str(name);
    svg.push_str("=\"");
    push_int(svg, value);
    svg.push('"');
}

fn push_int(svg: &mut String, value: i64) {
    if value < 0 {
        svg.push('-');
    }
    let mut digits = [0u8; 20];
    let mut n = value.unsigned_abs();
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[start..].iter().for_each(|d| svg.push(*d as char));
}

/// `text` escaped for XML; `apostrophes` too where the text may stand in an attribute or a `<text>`.
fn escape_into(out: &mut String, text: &str, apostrophes: bool) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' if apostrophes => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
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
