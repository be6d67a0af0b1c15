//! The live state of a chart on the page: its layout, the listeners that keep it interactive and
//! sized, and the handling of pointer, keyboard and focus events over the pure hit-testing core.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Event, EventTarget, HtmlElement, KeyboardEvent, MediaQueryList, MouseEvent, ResizeObserver, Window,
};

use super::canvas::{self, CanvasMeasure};
use super::dom::Parts;
use super::{browser, js_error, js_options, js_text, object};
use crate::chart::{with_captions, ChartKind, Options, Rendered};
use crate::error::Error;
use crate::highlight::{overlay, place_tip, Highlight};
use crate::hit::{hit_test, step, touch_test, Key};
use crate::scale::Within;
use crate::scene::Rect;
use crate::theme::Theme;

thread_local! {
    /// Every chart on the page until `destroy()`. A chart keeps working when the embedder drops
    /// the handle `render` returned (and the garbage collector frees it): the page still shows it.
    pub(super) static LIVE: RefCell<Vec<Rc<RefCell<State>>>> = const { RefCell::new(Vec::new()) };
}

/// What the browser calls back: event listeners, the size observer and animation frames.
type Callback = Closure<dyn FnMut(JsValue)>;
/// What a callback does with the chart's state and the event (or entries, or time) it is given.
type Handler = fn(&mut State, JsValue) -> Result<(), JsValue>;

pub(super) struct State {
    /// This chart's own state, for the callbacks it gives the browser.
    pub(super) this: Weak<RefCell<State>>,
    pub(super) container: HtmlElement,
    pub(super) kind: ChartKind,
    pub(super) options: Options,
    pub(super) parts: Parts,
    pub(super) document: Document,
    pub(super) window: Window,
    pub(super) measure: CanvasMeasure,
    pub(super) rendered: Option<Rendered>,
    /// The plot width and pixel ratio of the last layout, to skip redraws that change nothing.
    pub(super) drawn: Option<(f64, f64, &'static Theme)>,
    pub(super) highlight: Highlight,
    pub(super) listeners: Vec<(EventTarget, &'static str, Callback)>,
    /// The observer of the container's size, with the callback it calls.
    pub(super) resize_observer: Option<(ResizeObserver, Callback)>,
    /// A selection the reader just made (click, tap, Enter), applied once the handler returns.
    pub(super) chosen: Option<Option<&'static str>>,
    /// Functions registered with `on("select", …)`.
    pub(super) on_select: Vec<Function>,
    /// Charts whose selection follows this one's (`link`).
    pub(super) links: Vec<Weak<RefCell<State>>>,
    /// The pending animation frame, and the callback that every frame request uses.
    pub(super) frame: Option<i32>,
    pub(super) on_frame: Option<Callback>,
}

impl State {
    fn dark_query(&self) -> Option<MediaQueryList> {
        self.window.match_media("(prefers-color-scheme: dark)").ok().flatten()
    }

    pub(super) fn theme(&self) -> &'static Theme {
        Theme::get(self.options.theme.resolve(self.dark_query().is_some_and(|m| m.matches())))
    }

    /// First draw, then the listeners that keep the chart interactive and sized.
    pub(super) fn start(&mut self) -> Result<(), JsValue> {
        self.draw(true)?;
        let plot = self.parts.plot.clone();
        let on_plot: [(&str, Handler); 7] = [
            ("pointermove", State::pointer),
            ("pointerdown", State::pointer),
            ("pointerleave", State::pointer_left),
            ("keydown", State::key),
            ("click", State::click),
            ("focus", |s, _| s.focus(true)),
            ("blur", |s, _| s.focus(false)),
        ];
        for (name, handler) in on_plot {
            self.listen(&plot, name, handler)?;
        }
        self.listen(&self.parts.table_toggle.clone(), "click", |s, _| s.parts.toggle_table(s.options.lang))?;
        // A tap outside the chart dismisses a tooltip that a tap opened.
        self.listen(&self.document.clone(), "pointerdown", State::pointer_elsewhere)?;
        if let Some(query) = self.dark_query() {
            self.listen(&query, "change", |s, _| s.draw(true))?;
        }
        self.watch_pixel_ratio()?;
        self.on_frame = Some(self.callback(|s, _| {
            s.frame = None;
            s.draw(false)
        }));
        let on_resize = self.callback(|s, _| {
            s.schedule();
            Ok(())
        });
        let observer =
            ResizeObserver::new(on_resize.as_ref().unchecked_ref()).map_err(browser("observe the container's size"))?;
        observer.observe(&self.container);
        self.resize_observer = Some((observer, on_resize));
        Ok(())
    }

    /// A callback that runs `handler` on the state unless the chart is gone or busy, then applies
    /// the selection the reader made, if any.
    fn callback(&self, handler: Handler) -> Callback {
        let this = self.this.clone();
        Closure::new(move |event| {
            let Some(state) = this.upgrade() else { return };
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
        })
    }

    /// Adds an event listener that runs `handler`, and remembers it for `destroy`.
    fn listen(&mut self, target: &EventTarget, name: &'static str, handler: Handler) -> Result<(), JsValue> {
        let callback = self.callback(handler);
        target
            .add_event_listener_with_callback(name, callback.as_ref().unchecked_ref())
            .map_err(browser("listen to events"))?;
        self.listeners.push((target.clone(), name, callback));
        Ok(())
    }

    /// Redraws when the page moves to a screen of another pixel ratio (or zooms).
    fn watch_pixel_ratio(&mut self) -> Result<(), JsValue> {
        let query = format!("(resolution: {}dppx)", js_text(self.window.device_pixel_ratio()));
        let Some(query) = self.window.match_media(&query).ok().flatten() else { return Ok(()) };
        // A resolution query matches one ratio only: on a change, watch the new one.
        self.listen(&query, "change", |s, _| {
            s.schedule();
            s.watch_pixel_ratio()
        })
    }

    /// Coalesces size and pixel-ratio changes into one redraw per animation frame.
    fn schedule(&mut self) {
        if self.frame.is_some() {
            return;
        }
        let Some(on_frame) = &self.on_frame else { return };
        if let Ok(id) = self.window.request_animation_frame(on_frame.as_ref().unchecked_ref()) {
            self.frame = Some(id);
        }
    }

    /// Lays out and paints the chart. Without `force`, does nothing if width, pixel ratio and theme
    /// are those of the last draw.
    pub(super) fn draw(&mut self, force: bool) -> Result<(), JsValue> {
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
        let phone = |w: f64| w < crate::plot::parts::NARROW;
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
        if is_touch(event) {
            touch_test(scene, x, y)
        } else {
            hit_test(scene, x, y)
        }
    }

    fn pointer(&mut self, event: JsValue) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<MouseEvent>() else { return Ok(()) };
        let index = self.target(event);
        if index != self.highlight.active {
            self.set_active(index, Some((event.offset_x() as f64, event.offset_y() as f64)))?;
        }
        Ok(())
    }

    fn click(&mut self, event: JsValue) -> Result<(), JsValue> {
        if let Some(event) = event.dyn_ref::<MouseEvent>() {
            self.toggle(self.target(event));
        }
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
    pub(super) fn select(
        this: &Rc<RefCell<State>>,
        selected: Option<&'static str>,
        notify: bool,
    ) -> Result<(), JsValue> {
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
            let id = selected.map_or(JsValue::NULL, JsValue::from);
            let detail = object(&[("type", &"select".into()), ("id", &id), ("chart", &chart.into())]);
            for listener in listeners {
                // A failing listener must not stop the others.
                let _ = listener.call1(&JsValue::NULL, &detail);
            }
        }
        Ok(())
    }

    /// A mouse leaving the plot clears the highlight; a finger lifting does not (the tooltip a tap
    /// opened stays until the next tap).
    fn pointer_left(&mut self, event: JsValue) -> Result<(), JsValue> {
        if is_touch(&event) {
            return Ok(());
        }
        self.set_active(None, None)
    }

    fn pointer_elsewhere(&mut self, event: JsValue) -> Result<(), JsValue> {
        // An event listener is given an Event.
        let inside = event
            .unchecked_ref::<Event>()
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| self.parts.plot.contains(Some(&n)));
        if !inside && !self.highlight.keyboard_focus {
            self.set_active(None, None)?;
        }
        Ok(())
    }

    fn key(&mut self, event: JsValue) -> Result<(), JsValue> {
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
        if !focused {
            self.set_active(None, None)?;
        }
        self.paint_overlay()
    }

    /// Removes everything the chart added: elements, listeners, observer and pending frame.
    pub(super) fn stop(&mut self) {
        for (target, name, callback) in self.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        }
        if let Some((observer, _)) = self.resize_observer.take() {
            observer.disconnect();
        }
        if let Some(id) = self.frame.take() {
            let _ = self.window.cancel_animation_frame(id);
        }
        self.on_frame = None;
        self.parts.root.remove();
        self.rendered = None;
    }
}

fn is_touch(event: &JsValue) -> bool {
    event.dyn_ref::<web_sys::PointerEvent>().is_some_and(|e| e.pointer_type() == "touch")
}

/// Checks the arguments of `on` and `off`: the event name `"select"` and a function.
pub(super) fn event_listener(event: &JsValue, listener: JsValue) -> Result<Function, JsValue> {
    if event.as_string().as_deref() != Some("select") {
        return Err(js_error(Error::UnknownEvent { got: js_options::describe(event) }));
    }
    listener.dyn_into::<Function>().map_err(|v| js_error(Error::ListenerNotAFunction { got: js_options::describe(&v) }))
}

impl State {
    /// The chart with its captions, laid out at the current width for export.
    pub(super) fn export(&self, theme: &'static Theme) -> Result<(crate::scene::Scene, Rendered), JsValue> {
        let width = self.drawn.map(|(w, _, _)| w).unwrap_or(640.0);
        let rendered = self.kind.render(&self.options, theme, width, &self.measure);
        Ok((with_captions(&rendered, theme, &self.measure), rendered))
    }
}
