//! Canvas painting at the screen's pixel density, and text measurement with `measureText`.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

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

/// Measures text with the same font the canvas draws with.
pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    font: RefCell<String>,
}

impl CanvasMeasure {
    pub fn new(document: &Document) -> Result<CanvasMeasure, JsValue> {
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        Ok(CanvasMeasure { context: context(&canvas)?, font: RefCell::new(String::new()) })
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        // The same font string plotters-canvas sets: "<style> <size>px <family>".
        let font = format!("{} {}px {}", if bold { "bold" } else { "normal" }, size, FONT_FAMILY);
        if *self.font.borrow() != font {
            self.context.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        self.context.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}
