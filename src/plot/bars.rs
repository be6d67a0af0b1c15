//! Horizontal bars on a band of rows: a label per row (beside the bars where a column of labels
//! fits, above them otherwise), one or more bars on a shared linear scale, the figure as stated at
//! the end of each bar, reported values drawn over a bar, group headings, grid lines, the value axis
//! and a legend. Figures in different units stand in panels, each on an axis of its own. The layout
//! is solved once here for every bar chart of the package.

use crate::data::model::Lang;
use crate::format;
use crate::plot::parts::{
    grid, legend, padding, reported_mark, selection_outline, value_axis, widest, Swatch, HEADING_SIZE, LABEL_SIZE,
    NARROW, TICK_SIZE, VALUE_SIZE,
};
use crate::scale::Within;
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::{Color, Theme};

/// How a bar is filled: colour, and hatching as a second cue beside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub color: Color,
    pub hatched: bool,
}

impl Paint {
    pub fn draw(self, scene: &mut Scene, rect: Rect, theme: &Theme, datum: Option<&'static str>) {
        scene.fill(rect, self.color, datum);
        if self.hatched {
            scene.hatch(rect, theme.hatch, 5.0, datum);
        }
    }
}

pub struct Bar {
    /// In the unit of the data; the axis factor turns it into the axis unit.
    pub value: f64,
    pub paint: Paint,
    pub height: f64,
    /// The figure as stated, written after the bar.
    pub label: String,
    /// The row's main figure: its label is bold, in the text colour; others are muted.
    pub main: bool,
    /// A reported value (the `actuals` option) drawn over this bar.
    pub reported: Option<f64>,
}

pub struct Row {
    pub datum: &'static str,
    pub label: String,
    /// Where labels stand above the bars, the lines of the label instead of `label` wrapped.
    pub lines_above: Option<Vec<String>>,
    /// Selected here or in a linked chart: the label is bold and the bars are outlined.
    pub selected: bool,
    /// A heading written above the first row of each run of rows of the same group.
    pub group: Option<&'static str>,
    pub bars: Vec<Bar>,
}

/// A legend entry: its name and how its swatch looks.
pub enum Key {
    Bar(Paint),
    Reported,
    Symbol(super::symbols::Symbol),
}

pub struct Bars<'a> {
    pub rows: Vec<Row>,
    pub legend: Vec<(&'a str, Key)>,
    /// Values × factor are in the axis unit, which `unit` names.
    pub factor: f64,
    pub unit: &'a str,
    /// Rows can be selected, which sets their label in bold: the label column is measured bold.
    pub selectable: bool,
    /// The space above and below the bars of a row whose label stands beside them.
    pub row_gap: f64,
    /// The space between bars of one row.
    pub bar_gap: f64,
}

/// Figures in different units: a panel of bars per unit, each on a value axis of its own from zero,
/// under one legend and beside one column of labels. No axis is shared across units, so no bar is
/// set against one in another unit. Labels beside the bars wrap within at most 36 % of the width.
pub struct Panels<'a> {
    pub panels: Vec<Panel>,
    pub legend: Vec<(&'a str, Key)>,
    /// The space above and below the bars of a row whose label stands beside them.
    pub row_gap: f64,
}

pub struct Panel {
    /// Written above the panel; it names the unit, which the axis below then leaves out.
    pub heading: String,
    /// Values × factor are in the axis unit.
    pub factor: f64,
    pub rows: Vec<Row>,
}

/// The plot laid out: its scene (height set) and the y below the value axis.
pub struct Laid {
    pub scene: Scene,
    pub bottom: f64,
}

const LINE: f64 = 17.0;

impl Bars<'_> {
    pub fn lay_out(self, width: f64, lang: Lang, measure: &dyn TextMeasure, theme: &Theme) -> Laid {
        let pad = padding(width);
        let label_width = widest(self.rows.iter().map(|r| r.label.as_str()), LABEL_SIZE, self.selectable, measure);
        let beside = width >= NARROW && label_width <= 0.4 * width;
        let bar_x = if beside { (pad + label_width + 10.0).round() } else { pad };
        let columns = Columns { width, pad, beside, bar_x, wrap_beside: None, tick_spacing: 90.0 };
        let mut scene = Scene::new(width, 0.0);
        let y = draw_legend(&mut scene, &self.legend, width, measure, theme);
        let gaps = (self.row_gap, self.bar_gap);
        let (y, scale, ticks) = draw_rows(&mut scene, &self.rows, self.factor, gaps, &columns, y, measure, theme);
        let bottom = value_axis(&mut scene, &scale, &ticks, y, self.unit, width - pad, lang, theme);
        Laid { scene, bottom }
    }
}

impl Panels<'_> {
    pub fn lay_out(self, width: f64, lang: Lang, measure: &dyn TextMeasure, theme: &Theme) -> Laid {
        let pad = padding(width);
        let labels = self.panels.iter().flat_map(|p| &p.rows).map(|r| r.label.as_str());
        let label_width = widest(labels, LABEL_SIZE, false, measure).min((0.36 * width).round());
        let beside = width >= NARROW;
        let bar_x = if beside { (pad + label_width + 10.0).round() } else { pad };
        // A panel's few bars read against an axis of their own: ticks about 80 px apart, not 90.
        let wrap_beside = Some(label_width.max(40.0));
        let columns = Columns { width, pad, beside, bar_x, wrap_beside, tick_spacing: 80.0 };
        let mut scene = Scene::new(width, 0.0);
        let mut y = draw_legend(&mut scene, &self.legend, width, measure, theme);
        for (i, panel) in self.panels.iter().enumerate() {
            if i > 0 {
                y += 18.0;
            }
            let heading = panel.heading.as_str();
            scene.text((pad, y), heading, HEADING_SIZE, true, theme.muted, Align::Start, Baseline::Top, None);
            let top = y + HEADING_SIZE + 10.0;
            let gaps = (self.row_gap, 0.0);
            let (bottom, scale, ticks) =
                draw_rows(&mut scene, &panel.rows, panel.factor, gaps, &columns, top, measure, theme);
            // Tick labels only: the heading names the unit.
            for t in &ticks {
                let (at, tick) = ((scale.map(*t), bottom + 4.0), format::number(*t, 2, lang));
                scene.text(at, tick, TICK_SIZE, false, theme.muted, Align::Center, Baseline::Top, None);
            }
            y = bottom + 4.0 + TICK_SIZE;
        }
        Laid { scene, bottom: y }
    }
}

/// Where the parts of a row stand across the plot.
struct Columns {
    width: f64,
    pad: f64,
    /// Labels stand beside the bars, right-aligned before `bar_x`; otherwise above them.
    beside: bool,
    bar_x: f64,
    /// The width that labels beside the bars wrap within; `None`: each on one line.
    wrap_beside: Option<f64>,
    /// About how far apart the ticks of the value axis stand.
    tick_spacing: f64,
}

/// The legend from the top of the plot; returns the y below it.
pub(super) fn draw_legend(
    scene: &mut Scene,
    keys: &[(&str, Key)],
    width: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    let draw = |key: &Key, s: &mut Scene, r: Rect| match key {
        Key::Bar(paint) => paint.draw(s, r, theme, None),
        Key::Reported => reported_mark(s, r.x, r.x + r.w, r.y + r.h / 2.0, theme, None),
        Key::Symbol(symbol) => symbol.swatch(s, r, theme),
    };
    let swatches: Vec<_> = keys.iter().map(|(_, key)| move |s: &mut Scene, r: Rect| draw(key, s, r)).collect();
    let entries: Vec<(&str, Swatch)> =
        keys.iter().zip(&swatches).map(|((name, _), swatch)| (*name, swatch as Swatch)).collect();
    legend(scene, &entries, width, padding(width), measure, theme)
}

/// The legend from the top of the plot, then `note` in small print under it; returns the y below
/// the note.
pub(super) fn draw_legend_note(
    scene: &mut Scene,
    keys: &[(&str, Key)],
    note: &str,
    width: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    let pad = padding(width);
    let mut y = draw_legend(scene, keys, width, measure, theme) - 6.0;
    for line in wrap(note, width - 2.0 * pad, TICK_SIZE, false, measure) {
        scene.text((pad, y), line, TICK_SIZE, false, theme.muted, Align::Start, Baseline::Top, None);
        y += TICK_SIZE + 4.0;
    }
    y
}

/// Draws `rows` from `y` down on a value axis of their own, grid lines behind them; returns the y
/// below the rows, the scale and its ticks.
#[allow(clippy::too_many_arguments)]
fn draw_rows(
    scene: &mut Scene,
    rows: &[Row],
    factor: f64,
    (row_gap, bar_gap): (f64, f64),
    columns: &Columns,
    mut y: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> (f64, Linear, Vec<f64>) {
    let Columns { width, pad, beside, bar_x, tick_spacing, .. } = *columns;
    let inner = (width - 2.0 * pad).max(1.0);
    let value_width = widest(
        rows.iter().flat_map(|r| r.bars.iter()).map(|b| b.label.as_str()),
        VALUE_SIZE,
        rows.iter().any(|r| r.bars.len() > 1),
        measure,
    ) + 8.0;
    let bar_end = (width - pad - value_width).max(bar_x + 40.0);

    let max = rows
        .iter()
        .flat_map(|r| r.bars.iter())
        .map(|b| b.value.max(b.reported.unwrap_or(0.0)) * factor)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = ticks_from_zero(max, ((bar_end - bar_x) / tick_spacing).within(2.0, 6.0) as usize);
    let scale = Linear::new((0.0, *ticks.last().unwrap_or(&1.0)), (bar_x, bar_end));
    let x_of = |v: f64| scale.map(v * factor).round().within(bar_x, bar_end);

    let plot_top = y;
    let mut marks = Scene::new(width, 0.0);
    let mut group = None;
    for row in rows {
        if row.group.is_some() && row.group != group {
            // A group heading: the group is told by words, not by colour alone.
            let top = y + if group.is_some() { 6.0 } else { 0.0 };
            let heading = row.group.unwrap_or_default();
            marks.text(
                (pad, top + 10.0),
                heading,
                HEADING_SIZE,
                true,
                theme.muted,
                Align::Start,
                Baseline::Middle,
                None,
            );
            y = top + 22.0;
            group = row.group;
        }
        let datum = Some(row.datum);
        let bars_height: f64 =
            row.bars.iter().map(|b| b.height).sum::<f64>() + bar_gap * row.bars.len().saturating_sub(1) as f64;
        let bold = row.selected;
        let row_top = y;
        // Where the bars start; beside the labels, the height of the row's band.
        let (bars_top, band) = if beside {
            let lines = match columns.wrap_beside {
                Some(within) => wrap(&row.label, within, LABEL_SIZE, bold, measure),
                None => vec![row.label.clone()],
            };
            // The lines centred on the band, which grows to hold them.
            let spread = lines.len().saturating_sub(1) as f64 * LINE;
            let band = bars_height.max(spread + LABEL_SIZE) + 2.0 * row_gap;
            let mut line_y = y + band / 2.0 - spread / 2.0;
            for line in lines {
                marks.text(
                    (bar_x - 10.0, line_y),
                    line,
                    LABEL_SIZE,
                    bold,
                    theme.text,
                    Align::End,
                    Baseline::Middle,
                    datum,
                );
                line_y += LINE;
            }
            (y + (band - bars_height) / 2.0, Some(band))
        } else {
            let lines = match &row.lines_above {
                Some(lines) => lines.clone(),
                None => wrap(&row.label, inner, LABEL_SIZE, bold, measure),
            };
            let mut line_y = y + 2.0;
            for line in lines {
                marks.text((pad, line_y), line, LABEL_SIZE, bold, theme.text, Align::Start, Baseline::Top, datum);
                line_y += LINE;
            }
            (line_y + 1.0, None)
        };
        let mut bar_y = bars_top.round();
        let mut outline = Rect { x: bar_x, y: bar_y, w: 1.0, h: bars_height };
        for bar in &row.bars {
            let end = x_of(bar.value);
            let rect = Rect { x: bar_x, y: bar_y, w: (end - bar_x).max(1.0), h: bar.height };
            bar.paint.draw(&mut marks, rect, theme, datum);
            let mut label_x = end;
            if let Some(reported) = bar.reported {
                let to = x_of(reported);
                reported_mark(&mut marks, bar_x, to, rect.y + bar.height / 2.0, theme, datum);
                label_x = label_x.max(to + 1.0);
            }
            let color = if bar.main { theme.text } else { theme.muted };
            let at = (label_x + 6.0, rect.y + bar.height / 2.0);
            let strong = bar.main && row.bars.len() > 1;
            marks.text(at, bar.label.clone(), VALUE_SIZE, strong, color, Align::Start, Baseline::Middle, datum);
            outline.w = outline.w.max(rect.w);
            bar_y += bar.height + bar_gap;
        }
        if row.selected {
            selection_outline(&mut marks, outline, theme, datum);
        }
        if !beside {
            // The zero line, row by row, so that it never runs through the labels above the bars.
            let top = bars_top.round() - 2.0;
            let x = bar_x.round() + 0.5;
            marks.line((x, top), (x, top + bars_height + 4.0), theme.muted, 1.0);
        }
        y = match band {
            Some(band) => row_top + band,
            // More room under several bars, so that the next label reads with its own bars.
            None => bars_top.round() + bars_height + if row.bars.len() > 1 { 10.0 } else { 6.0 },
        };
        marks.regions.push(Region {
            datum: row.datum,
            hit: Rect { x: 0.0, y: row_top, w: width, h: y - row_top },
            mark: outline,
        });
    }

    // Grid lines go behind the bars; where labels stand above the bars, only the zero line, per row.
    if beside {
        grid(scene, &scale, &ticks, plot_top, y, false, theme);
    }
    scene.items.append(&mut marks.items);
    scene.regions.append(&mut marks.regions);
    (y, scale, ticks)
}
