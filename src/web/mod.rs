//! The browser API: `render`, `charts`, `dataset`, `version` and the `Chart` handle. This folder is
//! the only code that knows about wasm-bindgen and the DOM; it turns events into calls of the pure
//! core (layout, hit-testing, overlay) and paints the resulting scenes on canvases.

mod canvas;
mod dom;
mod js_options;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Event, EventTarget, HtmlElement, KeyboardEvent, MediaQueryList, MouseEvent, ResizeObserver, Window,
};

use crate::chart::{with_captions, ChartKind, Options, Rendered, CHARTS};
use crate::data::model::Lang;
use crate::error::Error;
use crate::highlight::{overlay, place_tip, Highlight};
use crate::hit::{hit_test, step, touch_test, Key};
use crate::scale::Within;
use crate::scene::Rect;
use crate::theme::Theme;
use canvas::CanvasMeasure;
use dom::Parts;

fn js_error(e: Error) -> JsValue {
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

/// TypeScript types of the options, events and chart ids, and the declaration of `render` (whose
/// options argument may be left out).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

fn window() -> Result<Window, JsValue> {
    web_sys::window()
        .ok_or_else(|| js_error(Error::Browser { what: "give access to the window", detail: "no window".into() }))
}

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
    let window = window()?;
    let document = window.document().ok_or_else(|| {
        js_error(Error::Browser { what: "give access to the document", detail: "no document".into() })
    })?;
    // Before the chart's elements join the page, so that a failure leaves nothing behind.
    let measure = CanvasMeasure::new(&document).map_err(browser("create a canvas"))?;
    let parts = Parts::new(&document, options.lang).map_err(browser("create the chart's elements"))?;
    container.append_child(&parts.root).map_err(browser("add the chart to its container"))?;
    let state = Rc::new(RefCell::new(State {
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
    }));
    let result = State::start(&state);
    if let Err(e) = result {
        State::stop(&state);
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
    CHARTS
        .iter()
        .map(|c| {
            let title = Object::new();
            let _ = Reflect::set(&title, &"zh".into(), &c.title.zh.into());
            let _ = Reflect::set(&title, &"en".into(), &c.title.en.into());
            let options: Array = crate::chart::options::COMMON
                .iter()
                .chain(c.options)
                .map(|name| {
                    let values = c.kind.choices(name).map_or(JsValue::NULL, |words| {
                        JsValue::from(words.into_iter().map(JsValue::from).collect::<Array>())
                    });
                    let option = Object::new();
                    let _ = Reflect::set(&option, &"name".into(), &(*name).into());
                    let _ = Reflect::set(&option, &"values".into(), &values);
                    JsValue::from(option)
                })
                .collect();
            let entry = Object::new();
            let _ = Reflect::set(&entry, &"id".into(), &c.id.into());
            let _ = Reflect::set(&entry, &"title".into(), &title);
            let _ = Reflect::set(&entry, &"options".into(), &options);
            JsValue::from(entry)
        })
        .collect()
}

/// The whole dataset as a plain object, every figure with its unit, qualifier and source.
#[wasm_bindgen]
pub fn dataset() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(crate::data::DATASET_JSON)
}

/// A number as JavaScript's `String(n)` writes it: the browser formats numbers, so that the `.wasm`
/// carries no float formatter of its own.
pub(crate) fn js_text(n: f64) -> String {
    js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

/// Runs when the module is instantiated: messages write numbers with JavaScript.
#[wasm_bindgen(start)]
fn start() {
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

thread_local! {
    /// Every chart on the page until `destroy()`. A chart keeps working when the embedder drops
    /// the handle `render` returned (and the garbage collector frees it): the page still shows it.
    static LIVE: RefCell<Vec<Rc<RefCell<State>>>> = const { RefCell::new(Vec::new()) };
}

type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);
/// The observer of the container's size, with the callback it calls.
type SizeWatch = (ResizeObserver, Closure<dyn FnMut(Array)>);

struct State {
    container: HtmlElement,
    kind: ChartKind,
    options: Options,
    parts: Parts,
    document: Document,
    window: Window,
    measure: CanvasMeasure,
    rendered: Option<Rendered>,
    /// The plot width and pixel ratio of the last layout, to skip redraws that change nothing.
    drawn: Option<(f64, f64, &'static Theme)>,
    highlight: Highlight,
    listeners: Vec<Listener>,
    resize_observer: Option<SizeWatch>,
    /// A selection the reader just made (click, tap, Enter), applied once the handler returns.
    chosen: Option<Option<&'static str>>,
    /// Functions registered with `on("select", …)`.
    on_select: Vec<Function>,
    /// Charts whose selection follows this one's (`link`).
    links: Vec<Weak<RefCell<State>>>,
    /// The pending animation frame, and the callback that every frame request uses.
    frame: Option<i32>,
    on_frame: Option<Closure<dyn FnMut()>>,
}

impl State {
    fn theme(&self) -> &'static Theme {
        let prefers_dark =
            self.window.match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches());
        Theme::get(self.options.theme.resolve(prefers_dark))
    }

    /// First draw, then the listeners that keep the chart interactive and sized.
    fn start(this: &Rc<RefCell<State>>) -> Result<(), JsValue> {
        this.borrow_mut().draw(true)?;
        let weak = Rc::downgrade(this);
        let plot: EventTarget = this.borrow().parts.plot.clone().into();
        let toggle: EventTarget = this.borrow().parts.table_toggle().clone().into();
        listen(this, &plot, "pointermove", weak.clone(), |s, e| s.pointer(e))?;
        listen(this, &plot, "pointerdown", weak.clone(), |s, e| s.pointer(e))?;
        listen(this, &plot, "pointerleave", weak.clone(), |s, e| s.pointer_left(e))?;
        listen(this, &plot, "keydown", weak.clone(), |s, e| s.key(e))?;
        listen(this, &plot, "click", weak.clone(), |s, e| s.click(e))?;
        listen(this, &plot, "focus", weak.clone(), |s, _| s.focus(true))?;
        listen(this, &plot, "blur", weak.clone(), |s, _| s.focus(false))?;
        listen(this, &toggle, "click", weak.clone(), |s, _| s.parts.toggle_table(s.options.lang))?;
        // A tap outside the chart dismisses a tooltip that a tap opened.
        let document: EventTarget = this.borrow().document.clone().into();
        listen(this, &document, "pointerdown", weak.clone(), |s, e| s.pointer_elsewhere(e))?;
        let dark: Option<MediaQueryList> =
            this.borrow().window.match_media("(prefers-color-scheme: dark)").ok().flatten();
        if let Some(query) = dark {
            listen(this, &query.into(), "change", weak.clone(), |s, _| s.draw(true))?;
        }
        State::watch_pixel_ratio(this)?;

        let on_frame = Closure::<dyn FnMut()>::new({
            let weak = weak.clone();
            move || {
                if let Some(this) = weak.upgrade() {
                    if let Ok(mut s) = this.try_borrow_mut() {
                        s.frame = None;
                        let _ = s.draw(false);
                    }
                }
            }
        });
        this.borrow_mut().on_frame = Some(on_frame);
        let on_resize = Closure::<dyn FnMut(Array)>::new({
            let weak = weak.clone();
            move |_| {
                if let Some(this) = weak.upgrade() {
                    State::schedule(&this);
                }
            }
        });
        let observer =
            ResizeObserver::new(on_resize.as_ref().unchecked_ref()).map_err(browser("observe the container's size"))?;
        observer.observe(&this.borrow().container);
        this.borrow_mut().resize_observer = Some((observer, on_resize));
        Ok(())
    }

    /// Redraws when the page moves to a screen of another pixel ratio (or zooms).
    fn watch_pixel_ratio(this: &Rc<RefCell<State>>) -> Result<(), JsValue> {
        let query = {
            let s = this.borrow();
            s.window
                .match_media(&format!("(resolution: {}dppx)", js_text(s.window.device_pixel_ratio())))
                .ok()
                .flatten()
        };
        let Some(query) = query else { return Ok(()) };
        let weak = Rc::downgrade(this);
        let closure = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            if let Some(this) = weak.upgrade() {
                State::schedule(&this);
                // A resolution query matches one ratio only: watch the new one.
                let _ = State::watch_pixel_ratio(&this);
            }
        });
        let target: EventTarget = query.into();
        target
            .add_event_listener_with_callback("change", closure.as_ref().unchecked_ref())
            .map_err(browser("listen to events"))?;
        this.borrow_mut().listeners.push((target, "change", closure));
        Ok(())
    }

    /// Coalesces size and pixel-ratio changes into one redraw per animation frame.
    fn schedule(this: &Rc<RefCell<State>>) {
        let Ok(mut s) = this.try_borrow_mut() else { return };
        if s.frame.is_some() {
            return;
        }
        let Some(on_frame) = &s.on_frame else { return };
        if let Ok(id) = s.window.request_animation_frame(on_frame.as_ref().unchecked_ref()) {
            s.frame = Some(id);
        }
    }

    /// Lays out and paints the chart. Without `force`, does nothing if width, pixel ratio and theme
    /// are those of the last draw.
    fn draw(&mut self, force: bool) -> Result<(), JsValue> {
        let width = self.parts.root.client_width() as f64;
        if width <= 0.0 {
            // Hidden for now (display: none): the observer redraws when it shows. A forced draw
            // (new options, theme or selection) must then not be taken for the last one drawn.
            if force {
                self.drawn = None;
            }
            return Ok(());
        }
        let ratio = self.window.device_pixel_ratio().within(0.5, 8.0);
        let theme = self.theme();
        let unchanged = self.drawn.is_some_and(|(w, r, t)| w == width && r == ratio && std::ptr::eq(t, theme));
        if unchanged && !force {
            return Ok(());
        }
        let rendered = self.kind.render(&self.options, theme, width, &self.measure);
        let (scene_width, height) = (rendered.scene.width, rendered.scene.height);
        let backing = canvas::resize(&self.parts.canvas, scene_width, height, ratio)?;
        canvas::resize(&self.parts.overlay, scene_width, height, ratio)?;
        canvas::paint(&self.parts.canvas, &rendered.scene, Some(theme.background), backing)?;
        // Texts and table again when the theme changes, or the width crosses to or from a phone's
        // (where the table is laid out as blocks).
        let phone = |w: f64| w < crate::chart::parts::NARROW;
        let refill = self.drawn.is_none_or(|(w, _, t)| !std::ptr::eq(t, theme) || phone(w) != phone(width));
        if force || refill {
            self.parts.fill(&self.document, &rendered, theme, self.options.lang)?;
        }
        self.drawn = Some((width, ratio, theme));
        self.rendered = Some(rendered);
        let active = self.highlight.active;
        self.highlight.active = None;
        self.set_active(active, None)
    }

    fn paint_overlay(&self) -> Result<(), JsValue> {
        let (Some(rendered), Some((_, ratio, theme))) = (&self.rendered, self.drawn) else { return Ok(()) };
        let backing = crate::render::backing_ratio(rendered.scene.width, rendered.scene.height, ratio);
        canvas::paint(&self.parts.overlay, &overlay(&rendered.scene, self.highlight, theme), None, backing)
    }

    /// Highlights region `index` (or none) and shows its tooltip near `at` (plot pixels) or its mark.
    fn set_active(&mut self, index: Option<usize>, at: Option<(f64, f64)>) -> Result<(), JsValue> {
        if index == self.highlight.active && at.is_none() {
            return Ok(());
        }
        self.highlight.active = index;
        self.paint_overlay()?;
        let Some(rendered) = &self.rendered else { return Ok(()) };
        match index.and_then(|i| Some((rendered.scene.regions.get(i)?, rendered.tooltips.get(i)?))) {
            Some((region, tip)) => {
                // Beside the pointer, or (from the keyboard) below or above the mark.
                let (anchor, gap) = match at {
                    Some((x, y)) => (Rect { x, y, w: 0.0, h: 0.0 }, (14.0, 16.0)),
                    None => (region.mark, (8.0, 8.0)),
                };
                let place = place_tip(anchor, gap, rendered.scene.width, rendered.scene.height);
                let lang = self.options.lang;
                self.parts.show_tooltip(&self.document, tip, lang, place)?;
                self.parts.announce(&tip.announcement(lang));
            }
            None => self.parts.hide_tooltip()?,
        }
        Ok(())
    }

    /// The region under a mouse, or the one a finger means (with the slop of a touch target).
    fn target(&self, event: &MouseEvent) -> Option<usize> {
        let scene = &self.rendered.as_ref()?.scene;
        let (x, y) = (event.offset_x() as f64, event.offset_y() as f64);
        // Chromium and Firefox deliver clicks as pointer events too.
        let touch = event.dyn_ref::<web_sys::PointerEvent>().is_some_and(|e| e.pointer_type() == "touch");
        if touch {
            touch_test(scene, x, y)
        } else {
            hit_test(scene, x, y)
        }
    }

    fn pointer(&mut self, event: Event) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<MouseEvent>() else { return Ok(()) };
        let (x, y) = (event.offset_x() as f64, event.offset_y() as f64);
        let index = self.target(event);
        if index != self.highlight.active {
            self.set_active(index, Some((x, y)))?;
        }
        Ok(())
    }

    fn click(&mut self, event: Event) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<MouseEvent>() else { return Ok(()) };
        let index = self.target(event);
        self.toggle(index);
        Ok(())
    }

    /// Selects the datum of region `index`, or clears the selection if it is already selected.
    fn toggle(&mut self, index: Option<usize>) {
        let datum = index.and_then(|i| self.rendered.as_ref()?.scene.regions.get(i)).map(|r| r.datum);
        let Some(datum) = datum else { return };
        // Only clusters, industries and districts are shared between charts.
        let id = crate::data::links::Selectable::find(datum).map(|s| s.id());
        if id.is_some() {
            self.chosen = Some(if self.options.selected == id { None } else { id });
        }
    }

    /// Sets the selection of this chart and of every chart linked to it, directly or through
    /// others, and redraws them; with `notify`, calls this chart's `select` listeners.
    fn select(this: &Rc<RefCell<State>>, selected: Option<&'static str>, notify: bool) -> Result<(), JsValue> {
        let mut seen: Vec<Rc<RefCell<State>>> = Vec::new();
        let mut queue = vec![Rc::clone(this)];
        while let Some(state) = queue.pop() {
            if seen.iter().any(|s| Rc::ptr_eq(s, &state)) {
                continue;
            }
            {
                let mut s = state.borrow_mut();
                s.options.selected = selected;
                s.draw(true)?;
                queue.extend(s.links.iter().filter_map(Weak::upgrade));
            }
            seen.push(state);
        }
        if notify {
            let (listeners, chart) = {
                let s = this.borrow();
                (s.on_select.clone(), s.kind.info().id)
            };
            let detail = Object::new();
            let _ = Reflect::set(&detail, &"type".into(), &"select".into());
            let _ = Reflect::set(&detail, &"id".into(), &selected.map_or(JsValue::NULL, JsValue::from));
            let _ = Reflect::set(&detail, &"chart".into(), &chart.into());
            for listener in listeners {
                // A failing listener must not stop the others.
                let _ = listener.call1(&JsValue::NULL, &detail);
            }
        }
        Ok(())
    }

    /// A mouse leaving the plot clears the highlight; a finger lifting does not (the tooltip a tap
    /// opened stays until the next tap).
    fn pointer_left(&mut self, event: Event) -> Result<(), JsValue> {
        let touch = event.dyn_ref::<web_sys::PointerEvent>().is_some_and(|e| e.pointer_type() == "touch");
        if touch {
            return Ok(());
        }
        self.set_active(None, None)
    }

    fn pointer_elsewhere(&mut self, event: Event) -> Result<(), JsValue> {
        let inside = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| self.parts.plot.contains(Some(&n)));
        if !inside && !self.highlight.keyboard_focus {
            self.set_active(None, None)?;
        }
        Ok(())
    }

    fn key(&mut self, event: Event) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
        let key = match event.key().as_str() {
            "ArrowDown" | "ArrowRight" => Key::Next,
            "ArrowUp" | "ArrowLeft" => Key::Previous,
            "Home" => Key::First,
            "End" => Key::Last,
            "Enter" | " " => {
                event.prevent_default();
                self.toggle(self.highlight.active);
                return Ok(());
            }
            "Escape" => {
                event.prevent_default();
                return self.set_active(None, None);
            }
            _ => return Ok(()),
        };
        event.prevent_default();
        self.highlight.keyboard_focus = true;
        let count = self.rendered.as_ref().map_or(0, |r| r.scene.regions.len());
        let next = step(count, self.highlight.active, key);
        self.set_active(next, None)
    }

    fn focus(&mut self, focused: bool) -> Result<(), JsValue> {
        // Only keyboard focus draws the ring, as :focus-visible does for other elements.
        self.highlight.keyboard_focus = focused && self.parts.plot.matches(":focus-visible").unwrap_or(true);
        if focused {
            self.paint_overlay()
        } else {
            self.set_active(None, None)?;
            self.paint_overlay()
        }
    }

    /// Removes everything the chart added: elements, listeners, observer and pending frame.
    fn stop(this: &Rc<RefCell<State>>) {
        let mut s = this.borrow_mut();
        for (target, name, closure) in s.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
        if let Some((observer, _)) = s.resize_observer.take() {
            observer.disconnect();
        }
        if let Some(id) = s.frame.take() {
            let _ = s.window.cancel_animation_frame(id);
        }
        s.on_frame = None;
        s.parts.root.remove();
        s.rendered = None;
    }
}

/// Adds an event listener that calls `handler` on the live state, and remembers it for `destroy`.
fn listen(
    this: &Rc<RefCell<State>>,
    target: &EventTarget,
    name: &'static str,
    weak: Weak<RefCell<State>>,
    handler: fn(&mut State, Event) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if let Some(state) = weak.upgrade() {
            // A handler that fails leaves the chart as it was; there is no caller to tell.
            let choice = match state.try_borrow_mut() {
                Ok(mut s) => {
                    let _ = handler(&mut s, event);
                    s.chosen.take()
                }
                Err(_) => None,
            };
            if let Some(selected) = choice {
                let _ = State::select(&state, selected, true);
            }
        }
    });
    target
        .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .map_err(browser("listen to events"))?;
    this.borrow_mut().listeners.push((target.clone(), name, closure));
    Ok(())
}

/// Checks the arguments of `on` and `off`: the event name `"select"` and a function.
fn event_listener(event: &JsValue, listener: JsValue) -> Result<Function, JsValue> {
    if event.as_string().as_deref() != Some("select") {
        return Err(js_error(Error::UnknownEvent { got: js_options::describe(event) }));
    }
    listener.dyn_into::<Function>().map_err(|v| js_error(Error::ListenerNotAFunction { got: js_options::describe(&v) }))
}

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
        let canvas: web_sys::HtmlCanvasElement = s.document.create_element("canvas")?.dyn_into()?;
        let ratio = canvas::resize(&canvas, scene.width, scene.height, ratio)?;
        canvas::paint(&canvas, &scene, Some(theme.background), ratio)?;
        Ok(Promise::new(&mut |resolve: Function, reject: Function| {
            let fail = reject.clone();
            let done = Closure::once_into_js(move |blob: JsValue| {
                if blob.is_null() {
                    let _ = fail.call1(
                        &JsValue::NULL,
                        &js_error(Error::Browser { what: "encode the PNG", detail: "no image".into() }),
                    );
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
        State::stop(&state);
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

impl State {
    /// The chart with its captions, laid out at the current width for export.
    fn export(&self, theme: &'static Theme) -> Result<(crate::scene::Scene, Rendered), JsValue> {
        let width = self.drawn.map(|(w, _, _)| w).unwrap_or(640.0);
        let rendered = self.kind.render(&self.options, theme, width, &self.measure);
        Ok((with_captions(&rendered, theme, &self.measure), rendered))
    }
}
