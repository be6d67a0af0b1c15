//! The live state of a chart on the page: its layout, the listeners that keep it interactive and
//! sized, and the handling of pointer, keyboard and focus events over the pure hit-testing core.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Event, EventTarget, HtmlElement, KeyboardEvent, MediaQueryList, MouseEvent, ResizeObserver, Window,
};

use super::canvas::{self, CanvasMeasure};
use super::dom::Parts;
use super::{browser, js_error, js_options, js_text};
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

type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);
/// The observer of the container's size, with the callback it calls.
type SizeWatch = (ResizeObserver, Closure<dyn FnMut(Array)>);

pub(super) struct State {
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
    pub(super) listeners: Vec<Listener>,
    pub(super) resize_observer: Option<SizeWatch>,
    /// A selection the reader just made (click, tap, Enter), applied once the handler returns.
    pub(super) chosen: Option<Option<&'static str>>,
    /// Functions registered with `on("select", …)`.
    pub(super) on_select: Vec<Function>,
    /// Charts whose selection follows this one's (`link`).
    pub(super) links: Vec<Weak<RefCell<State>>>,
    /// The pending animation frame, and the callback that every frame request uses.
    pub(super) frame: Option<i32>,
    pub(super) on_frame: Option<Closure<dyn FnMut()>>,
}

impl State {
    pub(super) fn theme(&self) -> &'static Theme {
        let prefers_dark =
            self.window.match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches());
        Theme::get(self.options.theme.resolve(prefers_dark))
    }

    /// First draw, then the listeners that keep the chart interactive and sized.
    pub(super) fn start(this: &Rc<RefCell<State>>) -> Result<(), JsValue> {
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
    pub(super) fn watch_pixel_ratio(this: &Rc<RefCell<State>>) -> Result<(), JsValue> {
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
    pub(super) fn schedule(this: &Rc<RefCell<State>>) {
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

    pub(super) fn paint_overlay(&self) -> Result<(), JsValue> {
        let (Some(rendered), Some((_, ratio, theme))) = (&self.rendered, self.drawn) else { return Ok(()) };
        let backing = crate::render::backing_ratio(rendered.scene.width, rendered.scene.height, ratio);
        canvas::paint(&self.parts.overlay, &overlay(&rendered.scene, self.highlight, theme), None, backing)
    }

    /// Highlights region `index` (or none) and shows its tooltip near `at` (plot pixels) or its mark.
    pub(super) fn set_active(&mut self, index: Option<usize>, at: Option<(f64, f64)>) -> Result<(), JsValue> {
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
    pub(super) fn target(&self, event: &MouseEvent) -> Option<usize> {
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

    pub(super) fn pointer(&mut self, event: Event) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<MouseEvent>() else { return Ok(()) };
        let (x, y) = (event.offset_x() as f64, event.offset_y() as f64);
        let index = self.target(event);
        if index != self.highlight.active {
            self.set_active(index, Some((x, y)))?;
        }
        Ok(())
    }

    pub(super) fn click(&mut self, event: Event) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<MouseEvent>() else { return Ok(()) };
        let index = self.target(event);
        self.toggle(index);
        Ok(())
    }

    /// Selects the datum of region `index`, or clears the selection if it is already selected.
    pub(super) fn toggle(&mut self, index: Option<usize>) {
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
    pub(super) fn pointer_left(&mut self, event: Event) -> Result<(), JsValue> {
        let touch = event.dyn_ref::<web_sys::PointerEvent>().is_some_and(|e| e.pointer_type() == "touch");
        if touch {
            return Ok(());
        }
        self.set_active(None, None)
    }

    pub(super) fn pointer_elsewhere(&mut self, event: Event) -> Result<(), JsValue> {
        let inside = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| self.parts.plot.contains(Some(&n)));
        if !inside && !self.highlight.keyboard_focus {
            self.set_active(None, None)?;
        }
        Ok(())
    }

    pub(super) fn key(&mut self, event: Event) -> Result<(), JsValue> {
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

    pub(super) fn focus(&mut self, focused: bool) -> Result<(), JsValue> {
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
    pub(super) fn stop(this: &Rc<RefCell<State>>) {
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
pub(super) fn listen(
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
