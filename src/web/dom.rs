//! The DOM a chart adds to its container, built with `createElement` and `textContent` only (never
//! `innerHTML`), and styled through the CSSOM so that a strict Content-Security-Policy needs no
//! `'unsafe-inline'` for styles.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlCanvasElement, HtmlElement};

use crate::chart::{Rendered, Table, Tooltip};
use crate::data::model::Lang;
use crate::highlight::{Edge, TipPlacement};
use crate::plot::parts::NARROW;
use crate::text::FONT_FAMILY;
use crate::theme::Theme;

/// A new `tag` element of class `class` (none if empty), styled by the declarations `css`.
fn element(document: &Document, tag: &str, class: &str, css: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = document.create_element(tag)?.dyn_into()?;
    if !class.is_empty() {
        el.set_attribute("class", class)?;
    }
    if !css.is_empty() {
        el.style().set_css_text(css);
    }
    Ok(el)
}

/// A new canvas styled by `css`: an HTML element named "canvas" is always an HTMLCanvasElement.
pub fn canvas(document: &Document, css: &str) -> Result<HtmlCanvasElement, JsValue> {
    Ok(element(document, "canvas", "", css)?.unchecked_into())
}

/// A new element as [`element`] makes it, appended to `parent`.
fn child(document: &Document, parent: &HtmlElement, tag: &str, class: &str, css: &str) -> Result<HtmlElement, JsValue> {
    let el = element(document, tag, class, css)?;
    parent.append_child(&el)?;
    Ok(el)
}

pub fn style(el: &HtmlElement, properties: &[(&str, &str)]) -> Result<(), JsValue> {
    let style = el.style();
    for (name, value) in properties {
        style.set_property(name, value)?;
    }
    Ok(())
}

fn set_hidden(el: &HtmlElement, hidden: bool) -> Result<(), JsValue> {
    if hidden {
        el.set_attribute("hidden", "")
    } else {
        el.remove_attribute("hidden")
    }
}

/// Every element of a chart, created once and filled on each render.
pub struct Parts {
    pub root: HtmlElement,
    title: HtmlElement,
    description: HtmlElement,
    pub plot: HtmlElement,
    pub canvas: HtmlCanvasElement,
    pub overlay: HtmlCanvasElement,
    tooltip: HtmlElement,
    /// The tooltip's title, and its lines of label and value, made once and refilled on each
    /// hover: rebuilding them cost a pointer move about a millisecond of style work.
    tip_title: HtmlElement,
    tip_lines: RefCell<Vec<TipLine>>,
    /// Announces the focused datum to screen readers.
    live: HtmlElement,
    /// How to use the chart, under the plot; left out of exports.
    hint: HtmlElement,
    source: HtmlElement,
    pub table_toggle: HtmlElement,
    table_box: HtmlElement,
}

/// A line of the tooltip: the element, its label and its value, with the texts they show and
/// whether the line is in the tooltip.
struct TipLine {
    line: HtmlElement,
    label: HtmlElement,
    value: HtmlElement,
    shown: (String, String),
    attached: bool,
}

impl TipLine {
    fn new(document: &Document) -> Result<TipLine, JsValue> {
        let line = element(document, "div", "spc-tooltip-line", "")?;
        let label = child(document, &line, "span", "spc-tooltip-label", "opacity:0.8")?;
        let value = child(document, &line, "span", "spc-tooltip-value", "")?;
        Ok(TipLine { line, label, value, shown: Default::default(), attached: false })
    }
}

const VISUALLY_HIDDEN: &str =
    "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap";

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

impl Parts {
    /// The chart's elements, not yet in the page; `lang` is the language it first draws in.
    pub fn new(document: &Document, lang: Lang) -> Result<Parts, JsValue> {
        let root =
            element(document, "figure", "spc-chart", "margin:0;padding:12px 0 8px;box-sizing:border-box;width:100%")?;
        style(&root, &[("font-family", FONT_FAMILY)])?;
        // Set before the chart joins the page: on an element in the page, it restyles all inside.
        root.set_attribute("lang", lang_tag(lang))?;
        let caption = child(document, &root, "figcaption", "spc-caption", "padding:0 12px 6px")?;
        let title = child(document, &caption, "div", "spc-title", "font-size:17px;font-weight:700;line-height:1.35")?;
        let description =
            child(document, &caption, "div", "spc-description", "font-size:13px;line-height:1.4;margin-top:2px")?;

        let plot = child(
            document,
            &root,
            "div",
            "spc-plot",
            "position:relative;outline:none;touch-action:pan-y;user-select:none",
        )?;
        plot.set_attribute("tabindex", "0")?;
        plot.set_attribute("role", "img")?;
        let canvas = canvas(document, "display:block")?;
        let overlay = self::canvas(document, "position:absolute;left:0;top:0;pointer-events:none")?;
        plot.append_child(&canvas)?;
        plot.append_child(&overlay)?;
        let tooltip = child(
            document,
            &plot,
            "div",
            "spc-tooltip",
            "position:absolute;display:none;pointer-events:none;z-index:2;max-width:280px;padding:8px 10px;\
             border-radius:6px;font-size:12px;line-height:1.45;box-shadow:0 2px 10px rgba(0,0,0,.25)",
        )?;
        for el in [&*canvas, &*overlay, &tooltip] {
            el.set_attribute("aria-hidden", "true")?;
        }
        let tip_title =
            child(document, &tooltip, "div", "spc-tooltip-title", "font-weight:700;font-size:13px;margin-bottom:2px")?;

        let hint = child(document, &root, "p", "spc-hint", "margin:6px 12px 0;font-size:13px;line-height:1.45")?;
        // Outside the plot: the children of an element with role="img" are hidden from screen
        // readers, which would silence the announcements.
        let live = child(document, &root, "div", "spc-live", VISUALLY_HIDDEN)?;
        live.set_attribute("aria-live", "polite")?;
        let source = child(document, &root, "p", "spc-source", "margin:6px 12px 0;font-size:11px;line-height:1.4")?;
        let table_toggle = child(
            document,
            &root,
            "button",
            "spc-table-toggle",
            "margin:6px 12px 0;font:inherit;font-size:12px;padding:3px 10px;border-radius:4px;border-width:1px;\
             border-style:solid;background:transparent;cursor:pointer",
        )?;
        table_toggle.set_attribute("type", "button")?;
        table_toggle.set_attribute("aria-expanded", "false")?;
        let table_box = child(document, &root, "div", "spc-table", "overflow-x:auto;margin:6px 12px 0")?;
        set_hidden(&table_box, true)?;
        Ok(Parts {
            root,
            title,
            description,
            plot,
            canvas,
            overlay,
            tooltip,
            tip_title,
            tip_lines: RefCell::new(Vec::new()),
            live,
            hint,
            source,
            table_toggle,
            table_box,
        })
    }

    /// Fills every text of the chart and applies the theme's colours.
    pub fn fill(&self, document: &Document, rendered: &Rendered, theme: &Theme, lang: Lang) -> Result<(), JsValue> {
        let (background, text, muted, grid) =
            (theme.background.hex(), theme.text.hex(), theme.muted.hex(), theme.grid.hex());
        style(&self.root, &[("background", &background), ("color", &text)])?;
        if self.root.get_attribute("lang").as_deref() != Some(lang_tag(lang)) {
            self.root.set_attribute("lang", lang_tag(lang))?;
        }
        self.title.set_text_content(Some(&rendered.title));
        self.description.set_text_content(Some(&rendered.description));
        self.plot.set_attribute("aria-label", &rendered.alt)?;
        self.plot.set_attribute("aria-roledescription", if lang == Lang::Zh { "图表" } else { "chart" })?;
        self.hint.set_text_content(rendered.hint.as_deref());
        set_hidden(&self.hint, rendered.hint.is_none())?;
        self.source.set_text_content(Some(&rendered.source));
        for el in [&self.description, &self.hint, &self.source] {
            style(el, &[("color", &muted)])?;
        }
        let border = format!("1px solid {grid}");
        style(&self.tooltip, &[("background", &background), ("color", &text), ("border", &border)])?;
        style(&self.table_toggle, &[("color", &text), ("border-color", &grid)])?;
        self.update_toggle(lang)?;
        // On a phone the columns cannot all fit: each row becomes a block of "column：value" lines
        // that wraps within the width, instead of a wide table to scroll sideways.
        let stacked = rendered.scene.width < NARROW;
        self.table_box.set_text_content(None);
        let table = table(document, &rendered.table, &rendered.title, theme, lang, stacked)?;
        self.table_box.append_child(&table)?;
        if stacked {
            for name in ["tabindex", "role", "aria-label"] {
                self.table_box.remove_attribute(name)?;
            }
        } else {
            // A table wider than its box scrolls: keyboard users reach it by Tab and scroll it
            // with the arrow keys.
            let name = match lang {
                Lang::Zh => format!("{}（数据表）", rendered.title),
                Lang::En => format!("{} (data table)", rendered.title),
            };
            for (attribute, value) in [("tabindex", "0"), ("role", "region"), ("aria-label", &name)] {
                self.table_box.set_attribute(attribute, value)?;
            }
        }
        Ok(())
    }

    pub fn table_shown(&self) -> bool {
        self.table_box.get_attribute("hidden").is_none()
    }

    pub fn toggle_table(&self, lang: Lang) -> Result<(), JsValue> {
        set_hidden(&self.table_box, self.table_shown())?;
        self.update_toggle(lang)
    }

    fn update_toggle(&self, lang: Lang) -> Result<(), JsValue> {
        let shown = self.table_shown();
        let label = match (lang, shown) {
            (Lang::Zh, false) => "显示数据表",
            (Lang::Zh, true) => "隐藏数据表",
            (Lang::En, false) => "Show as table",
            (Lang::En, true) => "Hide table",
        };
        self.table_toggle.set_text_content(Some(label));
        self.table_toggle.set_attribute("aria-expanded", if shown { "true" } else { "false" })
    }

    /// Shows `tip` placed by `place` (see [`crate::highlight::place_tip`]): its size is never read
    /// back, so a pointer move costs no forced layout.
    pub fn show_tooltip(
        &self,
        document: &Document,
        tip: &Tooltip,
        lang: Lang,
        place: TipPlacement,
    ) -> Result<(), JsValue> {
        self.tip_title.set_text_content(Some(&tip.title));
        let mut lines = self.tip_lines.borrow_mut();
        while lines.len() < tip.lines.len() {
            lines.push(TipLine::new(document)?);
        }
        for (i, line) in lines.iter_mut().enumerate() {
            let Some((label, value)) = tip.lines.get(i) else {
                line.line.remove();
                line.attached = false;
                continue;
            };
            // Most labels repeat from mark to mark: a text left as it is costs no style work.
            let label = Tooltip::label(label, lang);
            if line.shown.0 != label {
                line.label.set_text_content(Some(&label));
                line.shown.0 = label;
            }
            if line.shown.1 != *value {
                line.value.set_text_content(Some(value));
                line.shown.1.clone_from(value);
            }
            if !line.attached {
                self.tooltip.append_child(&line.line)?;
                line.attached = true;
            }
        }
        let px = |v: f64| format!("{}px", super::js_text(v.round()));
        // The offset from the edge it is placed by, and "auto" for the opposite edge.
        let edges = |edge: Edge| match edge {
            Edge::Start(v) => (px(v), "auto".to_string()),
            Edge::End(v) => ("auto".to_string(), px(v)),
        };
        let ((left, right), (top, bottom)) = (edges(place.horizontal), edges(place.vertical));
        let max_width = px(place.max_width);
        style(
            &self.tooltip,
            &[
                ("left", &left),
                ("right", &right),
                ("top", &top),
                ("bottom", &bottom),
                ("max-width", &max_width),
                ("display", "block"),
            ],
        )
    }

    pub fn hide_tooltip(&self) -> Result<(), JsValue> {
        style(&self.tooltip, &[("display", "none")])
    }

    pub fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }
}

/// The chart's data as an HTML table. `stacked` lays each row out as a block of labelled lines; the
/// explicit roles keep it a table for screen readers, which drop a table's semantics when its parts
/// are displayed as blocks.
fn table(
    document: &Document,
    data: &Table,
    caption: &str,
    theme: &Theme,
    lang: Lang,
    stacked: bool,
) -> Result<HtmlElement, JsValue> {
    let role = |el: &HtmlElement, role: &str| if stacked { el.set_attribute("role", role) } else { Ok(()) };
    let block = if stacked { "display:block" } else { "" };
    let table = element(document, "table", "spc-data", "border-collapse:collapse;font-size:12px;width:100%")?;
    let cap = child(document, &table, "caption", "", "text-align:left;font-weight:700;padding:4px 0")?;
    cap.set_text_content(Some(caption));
    role(&table, "table")?;
    if stacked {
        style(&table, &[("display", "block")])?;
        style(&cap, &[("display", "block")])?;
    }
    // A table has hundreds of cells: each gets its style as one declaration block (one call, not
    // one per property).
    let border = theme.grid.hex();
    let column_css =
        format!("text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid;border-color:{border}");
    // The column names stay for screen readers; sighted readers see them on every line.
    let head = child(document, &table, "thead", "", if stacked { VISUALLY_HIDDEN } else { "" })?;
    role(&head, "rowgroup")?;
    let row = child(document, &head, "tr", "", "")?;
    role(&row, "row")?;
    for column in &data.columns {
        let th = child(document, &row, "th", "", &column_css)?;
        th.set_attribute("scope", "col")?;
        role(&th, "columnheader")?;
        th.set_text_content(Some(column));
    }
    let body = child(document, &table, "tbody", "", block)?;
    role(&body, "rowgroup")?;
    let (row_css, cell_css, header_css) = if stacked {
        (
            format!("display:block;padding:6px 0;border-bottom:1px solid;border-color:{border}"),
            "display:block;padding:1px 0;text-align:left;font-weight:normal".to_string(),
            "display:block;padding:1px 0;text-align:left;font-weight:700".to_string(),
        )
    } else {
        let cell_css = format!("{column_css};font-weight:normal");
        (String::new(), cell_css.clone(), cell_css)
    };
    let label_css = format!("color:{}", theme.muted.hex());
    for cells in &data.rows {
        let row = child(document, &body, "tr", "", &row_css)?;
        role(&row, "row")?;
        for (i, cell) in cells.iter().enumerate() {
            let td = if i == 0 {
                let th = child(document, &row, "th", "", &header_css)?;
                th.set_attribute("scope", "row")?;
                th
            } else {
                child(document, &row, "td", "", &cell_css)?
            };
            role(&td, if i == 0 { "rowheader" } else { "cell" })?;
            match data.columns.get(i).filter(|_| stacked && i > 0) {
                Some(column) => {
                    let label = child(document, &td, "span", "spc-cell-label", &label_css)?;
                    label.set_attribute("aria-hidden", "true")?;
                    label.set_text_content(Some(&Tooltip::label(column, lang)));
                    td.append_child(&document.create_text_node(cell))?;
                }
                None => td.set_text_content(Some(cell)),
            }
        }
    }
    Ok(table)
}
