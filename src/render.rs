//! Paints a scene: one walk over its shapes, in whole CSS pixels, onto a [`Surface`]. The canvas
//! in the browser is one (`web::canvas`), the standalone SVG of the exports and golden files
//! ([`to_svg`]) another, and natively any plotters `DrawingBackend` ([`paint`]), the seam a native
//! user paints scenes on. The canvas glue scales its context by devicePixelRatio.

use crate::data::model::Lang;
use crate::scene::{Align, Baseline, Rect, Rotation, Scene, Shape};
use crate::text::FONT_FAMILY;
use crate::theme::Color;

/// A point in whole CSS pixels, as every surface draws it.
pub type Point = (i32, i32);

/// How [`Surface::text`] sets a text: `at` is its anchor, by `align` and `baseline`.
pub struct TextStyle {
    pub size: f64,
    pub bold: bool,
    pub color: Color,
    pub align: Align,
    pub baseline: Baseline,
    pub rotation: Rotation,
}

/// What a scene is painted on. Shapes come in scene order, none of them invisible; stroke widths
/// are whole pixels.
pub trait Surface {
    type Error;
    /// A rectangle between two corners, filled, or outlined `stroke` pixels wide.
    fn rect(&mut self, from: Point, to: Point, color: Color, stroke: Option<u32>) -> Result<(), Self::Error>;
    fn line(&mut self, from: Point, to: Point, color: Color, width: u32) -> Result<(), Self::Error>;
    fn polygon(&mut self, points: &[Point], color: Color) -> Result<(), Self::Error>;
    /// An open polyline.
    fn path(&mut self, points: &[Point], color: Color, width: u32) -> Result<(), Self::Error>;
    fn text(&mut self, text: &str, at: Point, style: &TextStyle) -> Result<(), Self::Error>;
}

fn point(x: f64, y: f64) -> Point {
    (x.round() as i32, y.round() as i32)
}

fn corners(r: &Rect) -> (Point, Point) {
    (point(r.x, r.y), point(r.x + r.w, r.y + r.h))
}

fn points(of: &[(f64, f64)]) -> Vec<Point> {
    of.iter().map(|p| point(p.0, p.1)).collect()
}

/// Paints every visible shape of `scene` on `surface`, after filling the background with
/// `background` if given.
pub fn paint_on<S: Surface>(scene: &Scene, background: Option<Color>, surface: &mut S) -> Result<(), S::Error> {
    if let Some(bg) = background {
        let (a, b) = corners(&Rect { x: 0.0, y: 0.0, w: scene.width, h: scene.height });
        surface.rect(a, b, bg, None)?;
    }
    // Invisible shapes are left out: a canvas draws nothing for them, and the SVG is smaller.
    for item in scene.items.iter().filter(|item| shape_color(&item.shape).a > 0.0) {
        match &item.shape {
            Shape::Fill { rect, color } => {
                let (a, b) = corners(rect);
                surface.rect(a, b, *color, None)?;
            }
            Shape::Stroke { rect, color, width } => {
                let (a, b) = corners(rect);
                surface.rect(a, b, *color, Some(width.round() as u32))?;
            }
            Shape::Line { from, to, color, width } => {
                surface.line(point(from.0, from.1), point(to.0, to.1), *color, width.round() as u32)?;
            }
            Shape::Polygon { points: corners, color } => surface.polygon(&points(corners), *color)?,
            Shape::Path { points: along, color, width } => {
                surface.path(&points(along), *color, width.round() as u32)?;
            }
            Shape::Text { at, text, size, bold, color, align, baseline, rotation } => {
                let style = TextStyle {
                    size: *size,
                    bold: *bold,
                    color: *color,
                    align: *align,
                    baseline: *baseline,
                    rotation: *rotation,
                };
                surface.text(text, point(at.0, at.1), &style)?;
            }
        }
    }
    Ok(())
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

#[cfg(not(target_arch = "wasm32"))]
pub use plotters::paint;

/// Natively, a scene paints on any plotters backend.
#[cfg(not(target_arch = "wasm32"))]
mod plotters {
    use plotters_backend::text_anchor::{HPos, Pos, VPos};
    use plotters_backend::{
        BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
        FontStyle, FontTransform,
    };

    use super::{paint_on, Point, Surface, TextStyle};
    use crate::scene::{Align, Baseline, Rotation, Scene};
    use crate::text::FONT_FAMILY;
    use crate::theme::Color;

    /// Paints every shape of `scene` on a plotters backend, after filling the background with
    /// `background` if given.
    pub fn paint<B: DrawingBackend>(
        scene: &Scene,
        background: Option<Color>,
        backend: &mut B,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        backend.ensure_prepared()?;
        paint_on(scene, background, &mut Backend(backend))?;
        backend.present()
    }

    struct Backend<'a, B>(&'a mut B);

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

    struct Text<'a>(&'a TextStyle);

    impl BackendTextStyle for Text<'_> {
        type FontError = core::fmt::Error;

        fn color(&self) -> BackendColor {
            backend_color(self.0.color)
        }
        fn size(&self) -> f64 {
            self.0.size
        }
        fn style(&self) -> FontStyle {
            if self.0.bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            }
        }
        fn anchor(&self) -> Pos {
            let h = match self.0.align {
                Align::Start => HPos::Left,
                Align::Center => HPos::Center,
                Align::End => HPos::Right,
            };
            let v = match self.0.baseline {
                Baseline::Top => VPos::Top,
                Baseline::Middle => VPos::Center,
                Baseline::Bottom => VPos::Bottom,
            };
            Pos::new(h, v)
        }
        fn transform(&self) -> FontTransform {
            // The text turns about its anchor; 270° clockwise reads upwards.
            match self.0.rotation {
                Rotation::None => FontTransform::None,
                Rotation::Up => FontTransform::Rotate270,
            }
        }
        fn family(&self) -> FontFamily<'_> {
            FontFamily::Name(FONT_FAMILY)
        }
        fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
            // Only pixel backends ask for this; the scene places text itself.
            let width = crate::text::TextMeasure::width(&crate::text::FixedMetrics, text, self.0.size, self.0.bold);
            Ok(((0, 0), (width.round() as i32, self.0.size.round() as i32)))
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

    impl<B: DrawingBackend> Surface for Backend<'_, B> {
        type Error = DrawingErrorKind<B::ErrorType>;

        fn rect(&mut self, from: Point, to: Point, color: Color, stroke: Option<u32>) -> Result<(), Self::Error> {
            match stroke {
                None => self.0.draw_rect(from, to, &backend_color(color), true),
                Some(width) => self.0.draw_rect(from, to, &Stroke { color: backend_color(color), width }, false),
            }
        }
        fn line(&mut self, from: Point, to: Point, color: Color, width: u32) -> Result<(), Self::Error> {
            self.0.draw_line(from, to, &Stroke { color: backend_color(color), width })
        }
        fn polygon(&mut self, points: &[Point], color: Color) -> Result<(), Self::Error> {
            self.0.fill_polygon(points.iter().copied(), &backend_color(color))
        }
        fn path(&mut self, points: &[Point], color: Color, width: u32) -> Result<(), Self::Error> {
            self.0.draw_path(points.iter().copied(), &Stroke { color: backend_color(color), width })
        }
        fn text(&mut self, text: &str, at: Point, style: &TextStyle) -> Result<(), Self::Error> {
            self.0.draw_text(text, &Text(style), at)
        }
    }
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
    let mut svg = Svg(String::with_capacity(64 * scene.items.len() + 1024));
    let out = &mut svg.0;
    out.push_str("<svg role=\"img\"");
    attr_int(out, "width", width);
    attr_int(out, "height", height);
    out.push_str(" viewBox=\"0 0 ");
    push_int(out, width);
    out.push(' ');
    push_int(out, height);
    out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\"");
    attr(out, "font-family", FONT_FAMILY);
    out.push_str(">\n<title>");
    escape_into(out, title, false);
    out.push_str("</title>\n<desc>");
    escape_into(out, description, false);
    out.push_str("</desc>\n");
    let Ok(()) = paint_on(scene, Some(background), &mut svg);
    svg.0.push_str("</svg>\n");
    svg.0
}

/// The SVG elements of a scene, written as it is painted.
struct Svg(String);

impl Surface for Svg {
    type Error = core::convert::Infallible;

    fn rect(&mut self, from: Point, to: Point, color: Color, stroke: Option<u32>) -> Result<(), Self::Error> {
        let svg = &mut self.0;
        svg.push_str("<rect");
        for (name, value) in [("x", from.0), ("y", from.1), ("width", to.0 - from.0), ("height", to.1 - from.1)] {
            attr_int(svg, name, value as i64);
        }
        match stroke {
            None => paint_attrs(svg, "fill", color),
            Some(width) => {
                svg.push_str(" fill=\"none\"");
                stroke_attrs(svg, color, width);
            }
        }
        svg.push_str("/>\n");
        Ok(())
    }

    fn line(&mut self, from: Point, to: Point, color: Color, width: u32) -> Result<(), Self::Error> {
        let svg = &mut self.0;
        svg.push_str("<line");
        for (name, value) in [("x1", from.0), ("y1", from.1), ("x2", to.0), ("y2", to.1)] {
            attr_int(svg, name, value as i64);
        }
        stroke_attrs(svg, color, width);
        svg.push_str("/>\n");
        Ok(())
    }

    fn polygon(&mut self, points: &[Point], color: Color) -> Result<(), Self::Error> {
        self.0.push_str("<polygon");
        attr_points(&mut self.0, points);
        paint_attrs(&mut self.0, "fill", color);
        self.0.push_str("/>\n");
        Ok(())
    }

    fn path(&mut self, points: &[Point], color: Color, width: u32) -> Result<(), Self::Error> {
        self.0.push_str("<polyline fill=\"none\"");
        attr_points(&mut self.0, points);
        stroke_attrs(&mut self.0, color, width);
        self.0.push_str("/>\n");
        Ok(())
    }

    fn text(&mut self, text: &str, (x, y): Point, style: &TextStyle) -> Result<(), Self::Error> {
        let svg = &mut self.0;
        svg.push_str("<text");
        attr_int(svg, "x", x as i64);
        attr_int(svg, "y", y as i64);
        // The offsets that put the anchor at the top, middle or bottom of the line.
        let dy = match style.baseline {
            Baseline::Top => "0.76em",
            Baseline::Middle => "0.5ex",
            Baseline::Bottom => "-0.5ex",
        };
        attr(svg, "dy", dy);
        let anchor = match style.align {
            Align::Start => "start",
            Align::Center => "middle",
            Align::End => "end",
        };
        attr(svg, "text-anchor", anchor);
        attr(svg, "font-size", &crate::format::number(style.size, 1, Lang::Zh));
        if style.bold {
            attr(svg, "font-weight", "bold");
        }
        paint_attrs(svg, "fill", style.color);
        if style.rotation == Rotation::Up {
            svg.push_str(" transform=\"rotate(270, ");
            push_int(svg, x as i64);
            svg.push_str(", ");
            push_int(svg, y as i64);
            svg.push_str(")\"");
        }
        // The text on a line of its own, as the SVG exports have always written it (and tests read it).
        svg.push_str(">\n");
        escape_into(svg, text, true);
        svg.push_str("\n</text>\n");
        Ok(())
    }
}

fn stroke_attrs(svg: &mut String, color: Color, width: u32) {
    paint_attrs(svg, "stroke", color);
    attr_int(svg, "stroke-width", i64::from(width));
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

fn attr_points(svg: &mut String, points: &[Point]) {
    svg.push_str(" points=\"");
    for (i, &(x, y)) in points.iter().enumerate() {
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

    /// A native user's plotters backend receives the scene's visible shapes, in whole pixels.
    #[test]
    fn scenes_paint_on_any_plotters_backend() {
        use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingBackend, DrawingErrorKind};

        #[derive(Default)]
        struct Recorder(Vec<String>);
        impl DrawingBackend for Recorder {
            type ErrorType = core::fmt::Error;
            fn get_size(&self) -> (u32, u32) {
                (120, 40)
            }
            fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
                Ok(())
            }
            fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
                self.0.push("present".into());
                Ok(())
            }
            fn draw_pixel(
                &mut self,
                _: BackendCoord,
                _: BackendColor,
            ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
                Ok(())
            }
            fn draw_rect<S: BackendStyle>(
                &mut self,
                a: BackendCoord,
                b: BackendCoord,
                style: &S,
                fill: bool,
            ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
                self.0.push(format!("rect {a:?} {b:?} {:?} {fill}", style.color().rgb));
                Ok(())
            }
        }

        let mut scene = Scene::new(120.0, 40.0);
        scene.fill(Rect { x: 10.4, y: 9.6, w: 50.0, h: 20.0 }, Color::rgb(0x0b6e99), Some("a"));
        scene.fill(Rect { x: 0.0, y: 0.0, w: 5.0, h: 5.0 }, Color { a: 0.0, ..Color::rgb(0) }, None);
        let mut backend = Recorder::default();
        paint(&scene, Some(Color::rgb(0xffffff)), &mut backend).unwrap();
        assert_eq!(
            backend.0,
            ["rect (0, 0) (120, 40) (255, 255, 255) true", "rect (10, 10) (60, 30) (11, 110, 153) true", "present"]
        );
    }

    #[test]
    fn upward_text_turns_about_its_anchor() {
        let mut scene = Scene::new(60.0, 120.0);
        scene.text_up((30.0, 110.0), "Aerospace", 12.0, false, Color::rgb(0), Align::Start, Baseline::Middle, None);
        let svg = to_svg(&scene, Color::rgb(0xffffff), "T", "D");
        assert!(svg.contains("transform=\"rotate(270, 30, 110)\""), "{svg}");
    }
}
