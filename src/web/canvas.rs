//! Canvas painting at the screen's pixel density, and text measurement with `measureText`.

use core::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, EventTarget, HtmlCanvasElement};

use crate::render::{paint_on, Point, Surface, TextStyle};
use crate::scene::{Align, Baseline, Rotation, Scene};
use crate::text::{TextMeasure, FONT_FAMILY};
use crate::theme::Color;

/// The canvas's 2D context (`getContext("2d")` gives a CanvasRenderingContext2D or null).
fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    let no_context =
        || js_sys::Error::new("The browser gave no 2D canvas context (too many canvases, or canvas disabled).");
    Ok(canvas.get_context("2d")?.ok_or_else(no_context)?.unchecked_into())
}

/// Sizes the canvas to `width` × `height` CSS pixels with a backing store of that times `ratio`, or
/// less where the browser's canvas limits need. Returns the ratio to paint at.
pub fn resize(canvas: &HtmlCanvasElement, width: f64, height: f64, ratio: f64) -> Result<f64, JsValue> {
    let ratio = crate::render::backing_ratio(width, height, ratio);
    let (w, h) = ((width * ratio).round().max(1.0) as u32, (height * ratio).round().max(1.0) as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let px = |v: f64| format!("{}px", super::js_text(v));
    super::dom::style(canvas, &[("width", &px(width)), ("height", &px(height))])?;
    Ok(ratio)
}

/// Clears the canvas and paints `scene` (in CSS pixels) scaled to the backing store.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, background: Option<Color>, ratio: f64) -> Result<(), JsValue> {
    let context = context(canvas)?;
    context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
    context.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    let mut painter = Painter { context, state: ContextState::default(), open_lines: false };
    paint_on(scene, background, &mut painter)?;
    painter.close_lines();
    Ok(())
}

/// Paints on a 2D canvas, setting the context's colours, line width, font and text alignment only
/// when a shape needs other ones than the last (each is a newly formatted string). Straight lines
/// are shifted by half a pixel onto the pixel grid, and a run of lines of one style (gridlines,
/// hatching) is stroked as one path rather than one path each.
struct Painter {
    context: CanvasRenderingContext2d,
    state: ContextState,
    /// Whether lines traced since the last shape of another kind still wait for `stroke()`.
    open_lines: bool,
}

/// What the context was last set to; `None` until set by this painter.
#[derive(Default)]
struct ContextState {
    fill: Option<Color>,
    stroke: Option<Color>,
    line_width: Option<u32>,
    font: Option<(f64, bool)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// Records `value` in `slot`; whether it was another.
fn changed<T: PartialEq>(slot: &mut Option<T>, value: T) -> bool {
    let changed = slot.as_ref() != Some(&value);
    *slot = Some(value);
    changed
}

/// The canvas font of a text: the painter draws with it, `CanvasMeasure` measures with it.
fn font(size: f64, bold: bool) -> String {
    let weight = if bold { "bold" } else { "normal" };
    format!("{weight} {}px {FONT_FAMILY}", super::js_text(size))
}

impl Painter {
    /// Strokes the run of lines traced so far; called before any other drawing.
    fn close_lines(&mut self) {
        if self.open_lines {
            self.context.stroke();
            self.open_lines = false;
        }
    }

    fn fill(&mut self, fill: Color) {
        if changed(&mut self.state.fill, fill) {
            self.context.set_fill_style_str(&fill.css());
        }
    }

    fn stroke(&mut self, stroke: Color, width: u32) {
        if changed(&mut self.state.stroke, stroke) {
            self.close_lines();
            self.context.set_stroke_style_str(&stroke.css());
        }
        if changed(&mut self.state.line_width, width) {
            self.close_lines();
            self.context.set_line_width(f64::from(width));
        }
    }

    fn text_style(&mut self, style: &TextStyle) {
        self.fill(style.color);
        if changed(&mut self.state.font, (style.size, style.bold)) {
            self.context.set_font(&font(style.size, style.bold));
        }
        let align = match style.align {
            Align::Start => "start",
            Align::End => "end",
            Align::Center => "center",
        };
        if changed(&mut self.state.align, align) {
            self.context.set_text_align(align);
        }
        let baseline = match style.baseline {
            Baseline::Top => "top",
            Baseline::Middle => "middle",
            Baseline::Bottom => "bottom",
        };
        if changed(&mut self.state.baseline, baseline) {
            self.context.set_text_baseline(baseline);
        }
    }

    /// Traces `points` as one path, closed or not.
    fn trace(&self, points: &[Point], close: bool) {
        self.context.begin_path();
        if let Some((&(x, y), rest)) = points.split_first() {
            self.context.move_to(f64::from(x), f64::from(y));
            for &(x, y) in rest {
                self.context.line_to(f64::from(x), f64::from(y));
            }
            if close {
                self.context.close_path();
            }
        }
    }
}

/// A horizontal or vertical line moved by half a pixel onto the pixel grid, so that it is not
/// spread over two rows of pixels.
fn crisp(from: Point, to: Point) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl Surface for Painter {
    type Error = JsValue;

    fn rect(&mut self, from: Point, to: Point, color: Color, stroke: Option<u32>) -> Result<(), JsValue> {
        let (x, y) = (f64::from(from.0), f64::from(from.1));
        let (w, h) = (f64::from(to.0 - from.0), f64::from(to.1 - from.1));
        self.close_lines();
        match stroke {
            None => {
                self.fill(color);
                self.context.fill_rect(x, y, w, h);
            }
            Some(width) => {
                self.stroke(color, width);
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn line(&mut self, from: Point, to: Point, color: Color, width: u32) -> Result<(), JsValue> {
        let (from, to) = crisp(from, to);
        self.stroke(color, width);
        if !self.open_lines {
            self.context.begin_path();
            self.open_lines = true;
        }
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        Ok(())
    }

    fn polygon(&mut self, points: &[Point], color: Color) -> Result<(), JsValue> {
        self.close_lines();
        self.fill(color);
        self.trace(points, true);
        self.context.fill();
        Ok(())
    }

    fn path(&mut self, points: &[Point], color: Color, width: u32) -> Result<(), JsValue> {
        self.close_lines();
        self.stroke(color, width);
        self.trace(points, false);
        self.context.stroke();
        Ok(())
    }

    fn text(&mut self, text: &str, (x, y): Point, style: &TextStyle) -> Result<(), JsValue> {
        self.close_lines();
        // Set before `save()`, so that `restore()` keeps what the state says.
        self.text_style(style);
        if style.rotation == Rotation::None {
            return self.context.fill_text(text, f64::from(x), f64::from(y));
        }
        // Upwards: a quarter turn anticlockwise about the anchor.
        self.context.save();
        let drawn = self
            .context
            .translate(f64::from(x), f64::from(y))
            .and_then(|()| self.context.rotate(1.5 * core::f64::consts::PI))
            .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
        self.context.restore();
        drawn
    }
}

/// Measures text with the same font the canvas draws with. Widths are kept, for every chart of
/// the page: a `measureText` call costs tens of microseconds (the font is set and resolved again
/// whenever size or weight change), while layouts measure the same labels and characters often.
/// One canvas context, made with the first chart, measures for every chart of the page.
pub struct CanvasMeasure(&'static MeasureContext);

struct MeasureContext {
    context: CanvasRenderingContext2d,
    /// The size and weight the context's font is set to.
    font_set: RefCell<Option<(f64, bool)>>,
}

thread_local! {
    /// Made once, with the first chart, and kept for the page's life.
    static MEASURE_CONTEXT: Cell<Option<&'static MeasureContext>> = const { Cell::new(None) };
}

impl CanvasMeasure {
    pub fn new(document: &Document) -> Result<CanvasMeasure, JsValue> {
        if let Some(shared) = MEASURE_CONTEXT.get() {
            return Ok(CanvasMeasure(shared));
        }
        let context = context(&super::dom::canvas(document, "")?)?;
        let shared = Box::leak(Box::new(MeasureContext { context, font_set: RefCell::new(None) }));
        forget_widths_when_fonts_load(document);
        MEASURE_CONTEXT.set(Some(shared));
        Ok(CanvasMeasure(shared))
    }
}

/// Widths taken while a web font of the chart's font stack was still loading are the fallback
/// font's: once the page's fonts finish loading (`document.fonts` fires `loadingdone`), the kept
/// widths are dropped, so that the next render measures again. Called once, with the measuring
/// context; the listener stays for the page's life.
fn forget_widths_when_fonts_load(document: &Document) {
    // An object other than an EventTarget fails `addEventListener`, which is caught.
    let fonts = js_sys::Reflect::get(document, &"fonts".into()).ok().filter(JsValue::is_object);
    if let Some(fonts) = fonts.map(JsCast::unchecked_into::<EventTarget>) {
        let forget =
            Closure::<dyn FnMut(JsValue)>::new(|_| WIDTHS.with(|w| w.borrow_mut().iter_mut().for_each(Vec::clear)));
        if fonts.add_event_listener_with_callback("loadingdone", forget.as_ref().unchecked_ref()).is_ok() {
            forget.forget();
        }
    }
}

/// Widths measured so far, (text, size, bold, width), in buckets by a hash of the text. A bucket
/// past [`BUCKET_SIZE`] entries (an embedder's ever-new reported figures, say) starts afresh, so
/// that the memory they take stays bounded; the plan's own texts fill a few per bucket.
type Widths = Vec<Vec<(String, f64, bool, f64)>>;

const BUCKETS: u64 = 512;
const BUCKET_SIZE: usize = 64;

thread_local! {
    /// Empty until the first width is kept, then [`BUCKETS`] buckets.
    static WIDTHS: RefCell<Widths> = const { RefCell::new(Vec::new()) };
}

/// FNV-1a: a few lines, where a HashMap would add its hasher and table code to the .wasm.
fn bucket(text: &str) -> usize {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    (hash % BUCKETS) as usize
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let bucket = bucket(text);
        let known = WIDTHS.with(|w| {
            w.borrow().get(bucket)?.iter().find(|(t, s, b, _)| t == text && *s == size && *b == bold).map(|e| e.3)
        });
        if let Some(width) = known {
            return width;
        }
        let MeasureContext { context, font_set } = self.0;
        if *font_set.borrow() != Some((size, bold)) {
            context.set_font(&font(size, bold));
            *font_set.borrow_mut() = Some((size, bold));
        }
        let width = context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        WIDTHS.with(|w| {
            let mut buckets = w.borrow_mut();
            if buckets.is_empty() {
                buckets.resize_with(BUCKETS as usize, Vec::new);
            }
            let known = &mut buckets[bucket];
            if known.len() >= BUCKET_SIZE {
                known.clear();
            }
            known.push((text.to_string(), size, bold, width));
        });
        width
    }
}
