//! Canvas painting at the screen's pixel density, and text measurement with `measureText`.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, EventTarget, HtmlCanvasElement};

use crate::render::paint as paint_scene;
use crate::scene::Scene;
use crate::text::{TextMeasure, FONT_FAMILY};
use crate::theme::Color;

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| {
            JsValue::from(js_sys::Error::new(
                "The browser gave no 2D canvas context (too many canvases, or canvas disabled).",
            ))
        })?
        .dyn_into()
        .map_err(JsValue::from)
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
    let style = canvas.style();
    style.set_property("width", &format!("{width}px"))?;
    style.set_property("height", &format!("{height}px"))?;
    Ok(ratio)
}

/// Clears the canvas and paints `scene` (in CSS pixels) scaled to the backing store.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, background: Option<Color>, ratio: f64) -> Result<(), JsValue> {
    let ctx = context(canvas)?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    let mut backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsValue::from(js_sys::Error::new("The canvas has no 2D context to draw the chart with.")))?;
    paint_scene(scene, background, &mut backend, 1.0)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("Drawing the chart failed: {e}"))))
}

/// Measures text with the same font the canvas draws with. Widths are kept, for every chart of
/// the page: a `measureText` call costs tens of microseconds (the font is set and resolved again
/// whenever size or weight change), while layouts measure the same labels and characters often.
pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    /// The size and weight the context's font is set to.
    font: RefCell<Option<(f64, bool)>>,
}

impl CanvasMeasure {
    pub fn new(document: &Document) -> Result<CanvasMeasure, JsValue> {
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        forget_widths_when_fonts_load(document);
        Ok(CanvasMeasure { context: context(&canvas)?, font: RefCell::new(None) })
    }
}

/// Widths taken while a web font of the chart's font stack was still loading are the fallback
/// font's: once the page's fonts finish loading (`document.fonts` fires `loadingdone`), the kept
/// widths are dropped, so that the next render measures again. One listener per page, kept for
/// the page's life.
fn forget_widths_when_fonts_load(document: &Document) {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let fonts = js_sys::Reflect::get(document, &"fonts".into()).ok().and_then(|f| f.dyn_into::<EventTarget>().ok());
    if let Some(fonts) = fonts {
        let forget = Closure::<dyn FnMut()>::new(|| WIDTHS.with(|w| w.borrow_mut().iter_mut().for_each(Vec::clear)));
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
    static WIDTHS: RefCell<Widths> = RefCell::new(vec![Vec::new(); BUCKETS as usize]);
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
            w.borrow()[bucket].iter().find(|(t, s, b, _)| t == text && *s == size && *b == bold).map(|e| e.3)
        });
        if let Some(width) = known {
            return width;
        }
        if *self.font.borrow() != Some((size, bold)) {
            // The same font string plotters-canvas sets: "<style> <size>px <family>".
            let weight = if bold { "bold" } else { "normal" };
            self.context.set_font(&format!("{weight} {size}px {FONT_FAMILY}"));
            *self.font.borrow_mut() = Some((size, bold));
        }
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        WIDTHS.with(|w| {
            let known = &mut w.borrow_mut()[bucket];
            if known.len() >= BUCKET_SIZE {
                known.clear();
            }
            known.push((text.to_string(), size, bold, width));
        });
        width
    }
}
