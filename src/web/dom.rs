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

pub fn element(document: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = document.create_element(tag)?.dyn_into()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    Ok(el)
}

pub fn style(el: &HtmlElement, properties: &[(&str, &str)]) -> Result<(), JsValue> {
    let style = el.style();
    for (name, value) in properties {
        style.set_property(name, value)?;
    }
    Ok(())
}

/// Every element of a chart, created once and filled on each render.
pub struct Parts {
    pub root: HtmlElement,
    title: HtmlElement,
    description: HtmlElement,
    pub plot: HtmlElement,
    pub canvas: HtmlCanvasElement,
    pub overlay: HtmlCanvasElement,
    pub tooltip: HtmlElement,
    /// The tooltip's title, and its lines of label and value, made once and refilled on each
    /// hover: rebuilding them cost a pointer move about a millisecond of style work.
    tip_title: HtmlElement,
    tip_lines: RefCell<Vec<TipLine>>,
    /// Announces the focused datum to screen readers.
    live: HtmlElement,
    /// How to use the chart, under the plot; left out of exports.
    hint: HtmlElement,
    source: HtmlElement,
    table_toggle: HtmlElement,
    table_box: HtmlElement,
}

/// A line of the tooltip: the element, its label and its value, with the texts they show.
struct TipLine {
    line: HtmlElement,
    label: HtmlElement,
    value: HtmlElement,
    shown: (String, String),
}

impl TipLine {
    fn new(document: &Document) -> Result<TipLine, JsValue> {
        let line = element(document, "div", "spc-tooltip-line")?;
        let label = element(document, "span", "spc-tooltip-label")?;
        style(&label, &[("opacity", "0.8")])?;
        let value = element(document, "span", "spc-tooltip-value")?;
        line.append_child(&label)?;
        line.append_child(&value)?;
        Ok(TipLine { line, label, value, shown: Default::default() })
    }
}

const VISUALLY_HIDDEN: &[(&str, &str)] = &[
    ("position", "absolute"),
    ("width", "1px"),
    ("height", "1px"),
    ("overflow", "hidden"),
    ("clip-path", "inset(50%)"),
    ("white-space", "nowrap"),
];

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

impl Parts {
    /// The chart's elements, not yet in the page; `lang` is the language it first draws in.
    pub fn new(document: &Document, lang: Lang) -> Result<Parts, JsValue> {
        let root = element(document, "figure", "spc-chart")?;
        // Set before the chart joins the page: on an element in the page, it restyles all inside.
        root.set_attribute("lang", lang_tag(lang))?;
        style(
            &root,
            &[
                ("margin", "0"),
                ("padding", "12px 0 8px"),
                ("font-family", FONT_FAMILY),
                ("box-sizing", "border-box"),
                ("width", "100%"),
            ],
        )?;
        let caption = element(document, "figcaption", "spc-caption")?;
        style(&caption, &[("padding", "0 12px 6px")])?;
        let title = element(document, "div", "spc-title")?;
        style(&title, &[("font-size", "17px"), ("font-weight", "700"), ("line-height", "1.35")])?;
        let description = element(document, "div", "spc-description")?;
        style(&description, &[("font-size", "13px"), ("line-height", "1.4"), ("margin-top", "2px")])?;
        caption.append_child(&title)?;
        caption.append_child(&description)?;

        let plot = element(document, "div", "spc-plot")?;
        plot.set_tab_index(0);
        plot.set_attribute("role", "img")?;
        style(
            &plot,
            &[("position", "relative"), ("outline", "none"), ("touch-action", "pan-y"), ("user-select", "none")],
        )?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        canvas.set_attribute("aria-hidden", "true")?;
        style(canvas.unchecked_ref(), &[("display", "block")])?;
        let overlay: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        overlay.set_attribute("aria-hidden", "true")?;
        style(
            overlay.unchecked_ref(),
            &[("position", "absolute"), ("left", "0"), ("top", "0"), ("pointer-events", "none")],
        )?;
        let tooltip = element(document, "div", "spc-tooltip")?;
        tooltip.set_attribute("aria-hidden", "true")?;
        style(
            &tooltip,
            &[
                ("position", "absolute"),
                ("display", "none"),
                ("pointer-events", "none"),
                ("z-index", "2"),
                ("max-width", "280px"),
                ("padding", "8px 10px"),
                ("border-radius", "6px"),
                ("font-size", "12px"),
                ("line-height", "1.45"),
                ("box-shadow", "0 2px 10px rgba(0,0,0,.25)"),
            ],
        )?;
        let tip_title = element(document, "div", "spc-tooltip-title")?;
        style(&tip_title, &[("font-weight", "700"), ("font-size", "13px"), ("margin-bottom", "2px")])?;
        tooltip.append_child(&tip_title)?;
        let live = element(document, "div", "spc-live")?;
        live.set_attribute("aria-live", "polite")?;
        style(&live, VISUALLY_HIDDEN)?;
        plot.append_child(&canvas)?;
        plot.append_child(&overlay)?;
        plot.append_child(&tooltip)?;

        let hint = element(document, "p", "spc-hint")?;
        style(&hint, &[("margin", "6px 12px 0"), ("font-size", "13px"), ("line-height", "1.45")])?;
        let source = element(document, "p", "spc-source")?;
        style(&source, &[("margin", "6px 12px 0"), ("font-size", "11px"), ("line-height", "1.4")])?;
        let table_toggle = element(document, "button", "spc-table-toggle")?;
        table_toggle.set_attribute("type", "button")?;
        table_toggle.set_attribute("aria-expanded", "false")?;
        style(
            &table_toggle,
            &[
                ("margin", "6px 12px 0"),
                ("font", "inherit"),
                ("font-size", "12px"),
                ("padding", "3px 10px"),
                ("border-radius", "4px"),
                ("border-width", "1px"),
                ("border-style", "solid"),
                ("background", "transparent"),
                ("cursor", "pointer"),
            ],
        )?;
        let table_box = element(document, "div", "spc-table")?;
        style(&table_box, &[("overflow-x", "auto"), ("margin", "6px 12px 0")])?;
        table_box.set_hidden(true);

        root.append_child(&caption)?;
        root.append_child(&plot)?;
        root.append_child(&hint)?;
        // Outside the plot: the children of an element with role="img" are hidden from screen
        // readers, which would silence the announcements.
        root.append_child(&live)?;
        root.append_child(&source)?;
        root.append_child(&table_toggle)?;
        root.append_child(&table_box)?;
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
        let text = theme.text.hex();
        let muted = theme.muted.hex();
        style(&self.root, &[("background", &theme.background.hex()), ("color", &text)])?;
        if self.root.get_attribute("lang").as_deref() != Some(lang_tag(lang)) {
            self.root.set_attribute("lang", lang_tag(lang))?;
        }
        self.title.set_text_content(Some(&rendered.title));
        self.description.set_text_content(Some(&rendered.description));
        style(&self.description, &[("color", &muted)])?;
        self.plot.set_attribute("aria-label", &rendered.alt)?;
        self.plot.set_attribute("aria-roledescription", if lang == Lang::Zh { "图表" } else { "chart" })?;
        self.hint.set_text_content(rendered.hint.as_deref());
        self.hint.set_hidden(rendered.hint.is_none());
        style(&self.hint, &[("color", &muted)])?;
        self.source.set_text_content(Some(&rendered.source));
        style(&self.source, &[("color", &muted)])?;
        style(
            &self.tooltip,
            &[
                ("background", &theme.background.hex()),
                ("color", &text),
                ("border", &format!("1px solid {}", theme.grid.hex())),
            ],
        )?;
        style(&self.table_toggle, &[("color", &text), ("border-color", &theme.grid.hex())])?;
        self.update_toggle(lang)?;
        self.table_box.replace_children_with_node_0();
        // On a phone the columns cannot all fit: each row becomes a block of "column：value" lines
        // that wraps within the width, instead of a wide table to scroll sideways.
        let stacked = rendered.scene.width < NARROW;
        let table = table(document, &rendered.table, &rendered.title, theme, lang, stacked)?;
        self.table_box.append_child(&table)?;
        if stacked {
            self.table_box.remove_attribute("tabindex")?;
            self.table_box.remove_attribute("role")?;
            self.table_box.remove_attribute("aria-label")?;
        } else {
            // A table wider than its box scrolls: keyboard users reach it by Tab and scroll it
            // with the arrow keys.
            self.table_box.set_tab_index(0);
            self.table_box.set_attribute("role", "region")?;
            let name = match lang {
                Lang::Zh => format!("{}（数据表）", rendered.title),
                Lang::En => format!("{} (data table)", rendered.title),
            };
            self.table_box.set_attribute("aria-label", &name)?;
        }
        Ok(())
    }

    pub fn table_shown(&self) -> bool {
        !self.table_box.hidden()
    }

    pub fn toggle_table(&self, lang: Lang) -> Result<(), JsValue> {
        self.table_box.set_hidden(self.table_shown());
        self.update_toggle(lang)
    }

    pub fn table_toggle(&self) -> &HtmlElement {
        &self.table_toggle
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
        let el = &self.tooltip;
        self.tip_title.set_text_content(Some(&tip.title));
        let mut lines = self.tip_lines.borrow_mut();
        while lines.len() < tip.lines.len() {
            lines.push(TipLine::new(document)?);
        }
        for (i, line) in lines.iter_mut().enumerate() {
            match tip.lines.get(i) {
                Some((label, value)) => {
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
                    if line.line.parent_node().is_none() {
                        el.append_child(&line.line)?;
                    }
                }
                None => line.line.remove(),
            }
        }
        let px = |v: f64| format!("{}px", super::js_text(v.round()));
        let (left, right) = match place.horizontal {
            Edge::Start(v) => (px(v), "auto".to_string()),
            Edge::End(v) => ("auto".to_string(), px(v)),
        };
        let (top, bottom) = match place.vertical {
            Edge::Start(v) => (px(v), "auto".to_string()),
            Edge::End(v) => ("auto".to_string(), px(v)),
        };
        let max_width = px(place.max_width);
        style(
            el,
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
    let table = element(document, "table", "spc-data")?;
    style(&table, &[("border-collapse", "collapse"), ("font-size", "12px"), ("width", "100%")])?;
    let cap = element(document, "caption", "")?;
    cap.set_text_content(Some(caption));
    style(&cap, &[("text-align", "left"), ("font-weight", "700"), ("padding", "4px 0")])?;
    table.append_child(&cap)?;
    let block: &[(&str, &str)] = if stacked { &[("display", "block")] } else { &[] };
    let role = |el: &HtmlElement, role: &str| if stacked { el.set_attribute("role", role) } else { Ok(()) };
    role(&table, "table")?;
    style(&table, block)?;
    style(&cap, block)?;
    // A table has hundreds of cells: each gets its style as one declaration block (one call, not
    // one per property).
    let border = theme.grid.hex();
    let column_css =
        format!("text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid;border-color:{border}");
    let cell_css = format!("{column_css};font-weight:normal");
    let head = element(document, "thead", "")?;
    role(&head, "rowgroup")?;
    if stacked {
        // The column names stay for screen readers; sighted readers see them on every line.
        style(&head, VISUALLY_HIDDEN)?;
    }
    let row = element(document, "tr", "")?;
    role(&row, "row")?;
    for column in &data.columns {
        let th = element(document, "th", "")?;
        th.set_attribute("scope", "col")?;
        role(&th, "columnheader")?;
        th.set_text_content(Some(column));
        th.style().set_css_text(&column_css);
        row.append_child(&th)?;
    }
    head.append_child(&row)?;
    table.append_child(&head)?;
    let body = element(document, "tbody", "")?;
    role(&body, "rowgroup")?;
    style(&body, block)?;
    for cells in &data.rows {
        let row = element(document, "tr", "")?;
        role(&row, "row")?;
        if stacked {
            style(&row, &[("display", "block"), ("padding", "6px 0"), ("border-bottom", "1px solid")])?;
            style(&row, &[("border-color", &border)])?;
        }
        for (i, cell) in cells.iter().enumerate() {
            let td = element(document, if i == 0 { "th" } else { "td" }, "")?;
            if i == 0 {
                td.set_attribute("scope", "row")?;
            }
            role(&td, if i == 0 { "rowheader" } else { "cell" })?;
            if stacked {
                let weight = if i == 0 { "700" } else { "normal" };
                td.style().set_css_text(&format!("display:block;padding:1px 0;text-align:left;font-weight:{weight}"));
                if let Some(column) = data.columns.get(i).filter(|_| i > 0) {
                    let label = element(document, "span", "spc-cell-label")?;
                    label.set_attribute("aria-hidden", "true")?;
                    label.set_text_content(Some(&Tooltip::label(column, lang)));
                    style(&label, &[("color", &theme.muted.hex())])?;
                    td.append_child(&label)?;
                }
                td.append_child(&document.create_text_node(cell))?;
            } else {
                td.set_text_content(Some(cell));
                td.style().set_css_text(&cell_css);
            }
            row.append_child(&td)?;
        }
        body.append_child(&row)?;
    }
    table.append_child(&body)?;
    Ok(table)
}
