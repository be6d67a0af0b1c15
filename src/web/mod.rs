//! The browser API: `render`, `charts`, `dataset`, `version` and the `Chart` handle. This folder is
//! the only code that knows about wasm-bindgen and the DOM; it turns events into calls of the pure
//! core (layout, hit-testing, overlay) and paints the resulting scenes on canvases.

mod canvas;
mod dom;
mod js_options;
mod state;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::chart::{ChartKind, Options, CHARTS};
use crate::data::model::Lang;
use crate::error::Error;
use crate::highlight::Highlight;
use crate::scale::Within;
use canvas::CanvasMeasure;
use dom::Parts;
use state::{event_listener, State, LIVE};

fn js_error(e: Error) -> JsValue {
    uses_javascript_numbers();
    js_sys::Error::new(&e.to_string()).into()
}

/// A failure of a browser call, as an `Error` that says what was being done.
fn browser(what: &'static str) -> impl Fn(JsValue) -> JsValue {
    move |e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| js_options::describe(&e));
        js_error(Error::Browser { what, detail })
    }
}

fn refused(what: &'static str, detail: &str) -> JsValue {
    js_error(Error::Browser { what, detail: detail.into() })
}

/// A plain object with the given properties.
fn object(properties: &[(&str, &JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in properties {
        let _ = Reflect::set(&object, &JsValue::from(*name), value);
    }
    object
}

/// TypeScript types of the options, events and chart ids, and the declaration of `render` (whose
/// options argument may be left out).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Draws a chart in `container`. Throws an `Error` naming the problem for an unknown chart id, an
/// unknown option or value, or a container that is not an attached element with a width.
// Declared for TypeScript in types.d.ts, with the options argument optional.
#[wasm_bindgen(skip_typescript)]
pub fn render(container: JsValue, chart: JsValue, options: JsValue) -> Result<Chart, JsValue> {
    let container: HtmlElement = container.dyn_into().map_err(|v| {
        // An element made by another window fails `instanceof` here, though it is one.
        let node_type = Reflect::get(&v, &"nodeType".into()).ok().and_then(|t| t.as_f64());
        match node_type {
            Some(1.0) if v.dyn_ref::<web_sys::Element>().is_none() => js_error(Error::ElementOfAnotherWindow),
            _ => js_error(Error::NotAnElement { got: js_options::describe(&v) }),
        }
    })?;
    let id = chart.as_string().ok_or_else(|| {
        js_error(Error::ChartIdNotText {
            got: js_options::describe(&chart),
            known: CHARTS.iter().map(|c| c.id).collect(),
        })
    })?;
    let kind = ChartKind::from_id(&id).map_err(js_error)?;
    // Read first: the embedder's getters may run, and move or hide the container.
    let entries = js_options::entries(&options).map_err(js_error)?;
    if !container.is_connected() {
        return Err(js_error(Error::ElementNotInDocument));
    }
    let base = Options { lang: page_lang(&container), ..Options::default() };
    let options = kind.options(&base, &entries).map_err(js_error)?;
    let width = container.client_width() as f64;
    if width <= 0.0 {
        let height = container.client_height() as f64;
        return Err(js_error(Error::ZeroSize { width, height }));
    }
    let window = web_sys::window().ok_or_else(|| refused("give access to the window", "no window"))?;
    let document = window.document().ok_or_else(|| refused("give access to the document", "no document"))?;
    // Before the chart's elements join the page, so that a failure leaves nothing behind.
    let measure = CanvasMeasure::new(&document).map_err(browser("create a canvas"))?;
    let parts = Parts::new(&document, options.lang).map_err(browser("create the chart's elements"))?;
    container.append_child(&parts.root).map_err(browser("add the chart to its container"))?;
    let state = Rc::new_cyclic(|this| {
        RefCell::new(State {
            this: this.clone(),
            container,
            kind,
            options,
            parts,
            document,
            window,
            measure,
            rendered: None,
            drawn: None,
            highlight: Highlight::default(),
            listeners: Vec::new(),
            resize_observer: None,
            frame: None,
            on_frame: None,
            chosen: None,
            on_select: Vec::new(),
            links: Vec::new(),
        })
    });
    let result = state.borrow_mut().start();
    if let Err(e) = result {
        state.borrow_mut().stop();
        return Err(e);
    }
    LIVE.with(|live| live.borrow_mut().push(Rc::clone(&state)));
    Ok(Chart { state: Some(state) })
}

/// The default language: the nearest `lang` attribute around the container, else Chinese.
fn page_lang(container: &HtmlElement) -> Lang {
    let lang = container.closest("[lang]").ok().flatten().and_then(|el| el.get_attribute("lang")).unwrap_or_default();
    if lang.to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The charts this package draws: `[{ id, title: { zh, en }, options: [{ name, values }, …] }, …]`,
/// where `options` are those the chart takes and `values` the words an option takes (the first is
/// its default), or `null` for `selected`, `geometry` and `actuals`.
#[wasm_bindgen(unchecked_return_type = "ChartInfo[]")]
pub fn charts() -> Array {
    let charts = Array::new();
    for c in CHARTS {
        let options = Array::new();
        for name in crate::chart::options::COMMON.iter().chain(c.options) {
            let values = match c.kind.choices(name) {
                Some(words) => {
                    let values = Array::new();
                    for word in words {
                        values.push(&word.into());
                    }
                    values.into()
                }
                None => JsValue::NULL,
            };
            options.push(&object(&[("name", &(*name).into()), ("values", &values)]));
        }
        let title = object(&[("zh", &c.title.zh.into()), ("en", &c.title.en.into())]);
        charts.push(&object(&[("id", &c.id.into()), ("title", &title), ("options", &options)]));
    }
    charts
}

/// The whole dataset as a plain object, every figure with its unit, qualifier and source.
#[wasm_bindgen]
pub fn dataset() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(crate::data::DATASET_JSON)
}

/// A number as JavaScript's `String(n)` writes it: the browser formats numbers, so that the `.wasm`
/// carries no float formatter of its own.
/// (JSON.stringify writes finite numbers as String does, and the glue imports it already.)
pub(crate) fn js_text(n: f64) -> String {
    match n {
        n if n.is_nan() => "NaN".into(),
        n if n.is_infinite() => (if n > 0.0 { "Infinity" } else { "-Infinity" }).into(),
        n => js_sys::JSON::stringify(&JsValue::from_f64(n)).map(String::from).unwrap_or_default(),
    }
}

/// Messages write the numbers an embedder passed with JavaScript (see `error::js_number`): set
/// where options are read and where errors become JavaScript ones, before any message is written.
pub(crate) fn uses_javascript_numbers() {
    crate::error::set_number_writer(js_text);
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The module's allocator (the page runs it on one thread): smaller and faster than dlmalloc.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A chart on the page, returned by `render`.
#[wasm_bindgen]
pub struct Chart {
    state: Option<Rc<RefCell<State>>>,
}

#[wasm_bindgen]
impl Chart {
    fn live(&self) -> Result<&Rc<RefCell<State>>, JsValue> {
        self.state.as_ref().ok_or_else(|| js_error(Error::Destroyed))
    }

    /// Re-renders with the given options changed (the others are kept).
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartOptions")] options: JsValue,
    ) -> Result<(), JsValue> {
        let state = self.live()?;
        // Read before borrowing the state: the embedder's getters may call this chart.
        let entries = js_options::entries(&options).map_err(js_error)?;
        let mut s = state.borrow_mut();
        s.options = s.kind.options(&s.options, &entries).map_err(js_error)?;
        s.draw(true)
    }

    /// The chart's id.
    #[wasm_bindgen(getter, unchecked_return_type = "ChartId")]
    pub fn id(&self) -> Result<String, JsValue> {
        Ok(self.live()?.borrow().kind.info().id.to_string())
    }

    /// The chart as a standalone SVG document, with title, description and source.
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&self) -> Result<String, JsValue> {
        let s = self.live()?.borrow();
        let theme = s.theme();
        let (scene, rendered) = s.export(theme)?;
        Ok(crate::render::to_svg(&scene, theme.background, &rendered.title, &rendered.alt))
    }

    /// The chart as a PNG `Blob` at the screen's pixel ratio (a Promise).
    #[wasm_bindgen(js_name = toPng, unchecked_return_type = "Promise<Blob>")]
    pub fn to_png(&self) -> Result<Promise, JsValue> {
        let s = self.live()?.borrow();
        let theme = s.theme();
        let (scene, _) = s.export(theme)?;
        let ratio = s.window.device_pixel_ratio().within(1.0, 8.0);
        let canvas = dom::canvas(&s.document, "")?;
        let ratio = canvas::resize(&canvas, scene.width, scene.height, ratio)?;
        canvas::paint(&canvas, &scene, Some(theme.background), ratio)?;
        Ok(Promise::new(&mut |resolve: Function, reject: Function| {
            let fail = reject.clone();
            let done = Closure::once_into_js(move |blob: JsValue| {
                if blob.is_null() {
                    let _ = fail.call1(&JsValue::NULL, &refused("encode the PNG", "no image"));
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &blob);
                }
            });
            if let Err(e) = canvas.to_blob(done.unchecked_ref()) {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        }))
    }

    /// Selects a cluster, industry or district by id (`null` clears) in this chart and the charts
    /// linked to it. Does not call `select` listeners: they hear only the reader's own choices.
    pub fn select(&self, #[wasm_bindgen(unchecked_param_type = "string | null")] id: JsValue) -> Result<(), JsValue> {
        let state = self.live()?;
        let value = js_options::value(&id, 0).map_err(js_error)?;
        let selected = crate::chart::options::selected(&value).map_err(js_error)?;
        State::select(state, selected, false)
    }

    /// Calls `listener({ type: "select", id, chart })` when the reader selects or clears a
    /// cluster, industry or district in this chart (click, tap, Enter or Space).
    pub fn on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"select\"")] event: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(event: SelectEvent) => void")] listener: JsValue,
    ) -> Result<(), JsValue> {
        let state = self.live()?;
        let listener = event_listener(&event, listener)?;
        state.borrow_mut().on_select.push(listener);
        Ok(())
    }

    /// Removes a listener added with `on`.
    pub fn off(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"select\"")] event: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(event: SelectEvent) => void")] listener: JsValue,
    ) -> Result<(), JsValue> {
        let state = self.live()?;
        let listener = event_listener(&event, listener)?;
        state.borrow_mut().on_select.retain(|f| f != &listener);
        Ok(())
    }

    /// Links this chart with `other`: a selection in either shows in both (and in charts linked to
    /// them in turn). Linking a chart with itself or twice does nothing more.
    pub fn link(&self, other: &Chart) -> Result<(), JsValue> {
        let (a, b) = (self.live()?, other.live()?);
        if Rc::ptr_eq(a, b) {
            return Ok(());
        }
        for (from, to) in [(a, b), (b, a)] {
            let mut s = from.borrow_mut();
            if !s.links.iter().any(|w| w.upgrade().is_some_and(|l| Rc::ptr_eq(&l, to))) {
                s.links.push(Rc::downgrade(to));
            }
        }
        // The new partner shows this chart's current selection.
        let selected = a.borrow().options.selected;
        State::select(a, selected, false)
    }

    /// The chart's data as CSV, with provenance columns (section and quote).
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> Result<String, JsValue> {
        let s = self.live()?.borrow();
        Ok(s.kind.csv(&s.options))
    }

    /// The chart's data as a CSV file to save: a `Blob` of UTF-8 text that starts with a byte-order
    /// mark, so that spreadsheets open the Chinese text correctly. `toCsv()` is the same text
    /// without the mark, for programs.
    #[wasm_bindgen(js_name = toCsvBlob)]
    pub fn to_csv_blob(&self) -> Result<web_sys::Blob, JsValue> {
        let s = self.live()?.borrow();
        let bytes = js_sys::Uint8Array::from(crate::csv::file_bytes(&s.kind.csv(&s.options)).as_slice());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        web_sys::Blob::new_with_u8_array_sequence_and_options(&Array::of1(&bytes), &options)
            .map_err(browser("make the CSV file"))
    }

    /// A citation of the chart in its language: the plan (issuer, title, notice 绍政发〔2026〕6号,
    /// date), the sections the chart draws on, the chart, this package, `address` (an absolute URL;
    /// default: the page's address) and the date it was `accessed` (a `Date` or `"YYYY-MM-DD"`;
    /// default: today).
    // Declared for TypeScript in types.d.ts, with both arguments optional.
    #[wasm_bindgen(skip_typescript)]
    pub fn citation(&self, accessed: Option<JsValue>, address: Option<JsValue>) -> Result<String, JsValue> {
        let s = self.live()?;
        let (kind, lang, document) = {
            let s = s.borrow();
            (s.kind, s.options.lang, s.document.clone())
        };
        let accessed = access_date(&accessed.unwrap_or(JsValue::UNDEFINED)).map_err(js_error)?;
        let address = address.unwrap_or(JsValue::UNDEFINED);
        let address = if address.is_undefined() {
            document.url().map_err(browser("give the page's address"))?
        } else {
            address.as_string().ok_or_else(|| js_error(Error::BadAddress { got: js_options::describe(&address) }))?
        };
        let address = crate::citation::address(&address).map_err(js_error)?;
        Ok(crate::citation::citation(kind, lang, address, accessed))
    }

    /// Removes the chart and everything it added. Calling it again throws.
    pub fn destroy(&mut self) -> Result<(), JsValue> {
        let state = self.state.take().ok_or_else(|| js_error(Error::Destroyed))?;
        LIVE.with(|live| live.borrow_mut().retain(|other| !Rc::ptr_eq(other, &state)));
        state.borrow_mut().stop();
        Ok(())
    }
}

/// The access date of a citation: a `Date` (its day where the reader is), `"YYYY-MM-DD"`, or
/// today when left out.
fn access_date(value: &JsValue) -> Result<crate::citation::Date, Error> {
    let bad = || Error::BadAccessDate { got: js_options::describe(value) };
    if let Some(text) = value.as_string() {
        return crate::citation::Date::parse(&text);
    }
    let date = if value.is_undefined() {
        js_sys::Date::new_0()
    } else {
        value.dyn_ref::<js_sys::Date>().ok_or_else(bad)?.clone()
    };
    if date.get_time().is_nan() {
        return Err(Error::BadAccessDate { got: "an invalid Date".into() });
    }
    let (year, month, day) = (date.get_full_year(), date.get_month() + 1, date.get_date());
    crate::citation::Date::new(year as i64, month as i64, day as i64).ok_or_else(bad)
}
