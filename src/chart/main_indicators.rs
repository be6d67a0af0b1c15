//! `main-indicators`: the plan's table 主要指标 (25 indicators in 26 rows) as a chart-table.
//!
//! Rows are grouped under their category. Each row gives the indicator's name and unit, whether it is
//! binding (约束性: a filled badge) or expected (预期性: an outlined badge), and a small scale of its
//! own from zero: the 2025 value is an open diamond, the 2030 target a filled diamond joined to it
//! (a dumbbell), and a yearly or five-year figure of the plan period a bar (hatched when cumulative).
//! Rows never share an axis: their units differ. Every figure is labelled as the table states it
//! (78左右, 5.2*, [18]); cells in words (稳定, 完成省下达目标) are written out, never drawn as zero.

use super::parts::{
    legend, padding, reported_mark, widest, Swatch, HEADING_SIZE, LABEL_SIZE, NARROW, REPORTED, TICK_SIZE, VALUE_SIZE,
};
use super::{label, Rendered, Table, Tooltip};
use crate::chart::Options;
use crate::data::model::{Attribute, Cell, Indicator, Lang, Meaning, Position, Quantity, Text};
use crate::data::{CATEGORIES, INDICATORS};
use crate::format;
use crate::order;
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene, Shape};
use crate::text::{wrap, TextMeasure};
use crate::theme::{Color, Theme};
use std::cmp::Ordering;

pub const TITLE: Text =
    Text { zh: "绍兴市“十五五”主要指标", en: "Main indicators of Shaoxing's 15th Five-Year Plan" };
pub(crate) const SECTION: &str = "主要指标";

/// A line of names, of value labels, the height of a row's scale, and the room a reported value adds.
const NAME_LINE: f64 = 17.0;
const VALUE_LINE: f64 = 16.0;
const TRACK: f64 = 20.0;
const REPORT_EXTRA: f64 = 12.0;
const ROW_PAD: f64 = 7.0;
/// Half-diagonals of the open (2025) and filled (2030) diamonds.
const OPEN: f64 = 6.0;
const FILLED: f64 = 5.0;
const BAR: f64 = 8.0;
const BADGE_HEIGHT: f64 = 18.0;
/// How far a 2025 value and a 2030 target that would overlap move up and down from the track.
const DODGE: f64 = 6.5;
/// Marks nearer than this overlap: their labels keep the plan's order, their diamonds dodge.
const NEAR: f64 = OPEN + FILLED;

/// The values of `category`: the category ids without their `category.` prefix, e.g.
/// ("economy", "category.economy").
pub fn categories() -> Vec<(&'static str, &'static str)> {
    CATEGORIES.iter().map(|c| (c.id.strip_prefix("category.").unwrap_or(c.id), c.id)).collect()
}

/// The three figure columns of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Y2025,
    Y2030,
    /// “十五五”年均/累计
    Plan,
}

const COLUMNS: [Column; 3] = [Column::Y2025, Column::Y2030, Column::Plan];

impl Column {
    fn cell(self, indicator: &'static Indicator) -> Option<&'static Cell> {
        match self {
            Column::Y2025 => indicator.y2025.as_ref(),
            Column::Y2030 => indicator.y2030.as_ref(),
            Column::Plan => indicator.plan_period.as_ref(),
        }
    }

    /// The column's heading in the table and tooltip.
    fn heading(self, lang: Lang) -> &'static str {
        match self {
            Column::Y2025 => label("2025年", "2025", lang),
            Column::Y2030 => label("2030年", "2030", lang),
            Column::Plan => label("“十五五”年均/累计", "2026–2030 yearly/total", lang),
        }
    }

    /// What a label on the chart starts with: 2025年 / 年均 / 五年累计 / “十五五”时期.
    fn prefix(self, cell: &Cell, lang: Lang) -> &'static str {
        match (self, cell) {
            (Column::Y2025, Cell::Number { cumulative: true, .. }) => label("2021—2025年累计", "2021–25 total", lang),
            (Column::Y2025, _) => label("2025年", "2025", lang),
            (Column::Y2030, _) => label("2030年", "2030", lang),
            (Column::Plan, Cell::Number { cumulative: true, .. }) => label("五年累计", "5-year total", lang),
            (Column::Plan, Cell::Number { .. }) => label("年均", "Yearly", lang),
            (Column::Plan, Cell::Words(_)) => label("“十五五”时期", "2026–30", lang),
        }
    }
}

fn number_of(cell: Option<&Cell>) -> Option<f64> {
    match cell {
        Some(Cell::Number { value, .. }) if value.is_finite() => Some(*value),
        _ => None,
    }
}

/// A number with its qualifier, without unit: "78左右", "不低于47.56", "about 78".
fn qualified(value: f64, qualifier: Option<&crate::data::model::Qualifier>, lang: Lang) -> String {
    let n = format::number(value, 3, lang);
    match (qualifier, lang) {
        (None, _) => n,
        (Some(q), Lang::Zh) if q.position == Position::Prefix => format!("{}{n}", q.zh),
        (Some(q), Lang::Zh) => format!("{n}{}", q.zh),
        (Some(q), Lang::En) => format!("{} {n}", q.en),
    }
}

/// Wraps a figure in the table's marks: `[]` five-year cumulative, `*` 2024 actual.
fn marked(text: String, actual_2024: bool, cumulative: bool) -> String {
    let text = if cumulative { format!("[{text}]") } else { text };
    if actual_2024 {
        text + "*"
    } else {
        text
    }
}

/// A cell as the table states it, the unit being in the row's name: "5.2*", "[18]", "78左右", "稳定".
fn stated(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Words(text) => text.get(lang).to_string(),
        Cell::Number { value, qualifier, actual_2024, cumulative } => {
            marked(qualified(*value, *qualifier, lang), *actual_2024, *cumulative)
        }
    }
}

/// What the table's marks mean for a cell of `column`.
fn note(column: Column, cell: &Cell, lang: Lang) -> Option<&'static str> {
    match (column, cell) {
        (_, Cell::Number { actual_2024: true, .. }) => Some(label("2024年实绩", "2024 actual", lang)),
        (Column::Y2025, Cell::Number { cumulative: true, .. }) => {
            Some(label("2021—2025年五年累计", "five-year total, 2021–2025", lang))
        }
        (Column::Plan, Cell::Number { cumulative: true, .. }) => {
            Some(label("2026—2030年五年累计", "five-year total, 2026–2030", lang))
        }
        (_, Cell::Number { cumulative: true, .. }) => Some(label("五年累计", "five-year total", lang)),
        (Column::Plan, Cell::Number { .. }) => Some(label("年均", "yearly average", lang)),
        _ => None,
    }
}

fn with_note(text: String, note: Option<&str>, lang: Lang) -> String {
    match (note, lang) {
        (None, _) => text,
        (Some(n), Lang::Zh) => format!("{text}（{n}）"),
        (Some(n), Lang::En) => format!("{text} ({n})"),
    }
}

/// A cell for the table, whose unit has a column of its own: "5.2*（2024年实绩）", or "—".
fn table_cell(indicator: &'static Indicator, column: Column, lang: Lang) -> String {
    match column.cell(indicator) {
        None => "—".into(),
        Some(cell) => with_note(stated(cell, lang), note(column, cell, lang), lang),
    }
}

/// A cell with its unit, for tooltips: "5.2%*（2024年实绩）", "about 78%", "[18%] (five-year total, 2026–2030)".
fn full(indicator: &'static Indicator, column: Column, lang: Lang) -> String {
    match column.cell(indicator) {
        None => "—".into(),
        Some(cell @ Cell::Words(_)) => stated(cell, lang),
        Some(cell @ Cell::Number { value, qualifier, actual_2024, cumulative }) => {
            let q = Quantity { value: *value, unit: indicator.unit, qualifier: *qualifier, as_written: None };
            with_note(marked(format::quantity(&q, lang), *actual_2024, *cumulative), note(column, cell, lang), lang)
        }
    }
}

fn unit_of(indicator: &Indicator, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => indicator.unit.zh,
        Lang::En => indicator.unit.en,
    }
}

/// The unit as the table puts it after the name: "（%）" / " (%)"; empty for a plain ratio.
fn unit_suffix(indicator: &Indicator, lang: Lang) -> String {
    match lang {
        _ if unit_of(indicator, lang).is_empty() => String::new(),
        Lang::Zh => format!("（{}）", indicator.unit.zh),
        Lang::En => format!(" ({})", indicator.unit.en),
    }
}

fn name_with_unit(indicator: &Indicator, lang: Lang) -> String {
    format!("{}{}", indicator.name.get(lang), unit_suffix(indicator, lang))
}

/// The name wrapped to `width`, its unit kept in one piece: never "份额（" above "%）".
fn name_lines(indicator: &Indicator, width: f64, lang: Lang, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines = wrap(indicator.name.get(lang), width, LABEL_SIZE, false, measure);
    let suffix = unit_suffix(indicator, lang);
    match lines.last_mut() {
        _ if suffix.is_empty() => {}
        Some(last) if measure.width(&format!("{last}{suffix}"), LABEL_SIZE, false) <= width => last.push_str(&suffix),
        _ => lines.extend(wrap(suffix.trim_start(), width, LABEL_SIZE, false, measure)),
    }
    lines
}

/// The row's full name: "每千人拥有医护人员数：执业医师数".
fn full_name(indicator: &Indicator, lang: Lang) -> String {
    match (indicator.sub, lang) {
        (None, _) => indicator.name.get(lang).to_string(),
        (Some(sub), Lang::Zh) => format!("{}：{}", indicator.name.zh, sub.zh),
        (Some(sub), Lang::En) => format!("{}: {}", indicator.name.en, sub.en),
    }
}

fn attribute_name(attribute: Attribute, lang: Lang) -> &'static str {
    match attribute {
        Attribute::Binding => label("约束性", "Binding", lang),
        Attribute::Expected => label("预期性", "Expected", lang),
    }
}

fn category_name(id: &str, lang: Lang) -> &'static str {
    CATEGORIES.iter().find(|c| c.id == id).map_or("", |c| c.name.get(lang))
}

/// The rows shown: all of them, or those of the chosen category, in the plan's order.
fn shown(options: &Options) -> Vec<&'static Indicator> {
    INDICATORS.iter().filter(|i| options.category.map_or(true, |c| i.category == c)).collect()
}

/// The change from the 2025 value to the 2030 target of an indicator in %, in percentage points:
/// a derived figure. (value, whether either figure is approximate, whether the base is a 2024 actual).
fn change_pp(indicator: &Indicator) -> Option<(f64, bool, bool)> {
    if indicator.unit.id != "percent" {
        return None;
    }
    match (indicator.y2025, indicator.y2030) {
        (
            Some(Cell::Number { value: from, qualifier: q0, actual_2024, cumulative: false }),
            Some(Cell::Number { value: to, qualifier: q1, cumulative: false, .. }),
        ) if from.is_finite() && to.is_finite() => {
            let about = [q0, q1].iter().any(|q| q.is_some_and(|q| q.meaning == Meaning::About));
            Some((to - from, about, actual_2024))
        }
        _ => None,
    }
}

fn change_label(indicator: &Indicator, lang: Lang) -> &'static str {
    match change_pp(indicator) {
        Some((_, _, true)) => label("2024—2030年变化（计算值）", "Change 2024–2030 (derived)", lang),
        _ => label("2025—2030年变化（计算值）", "Change 2025–2030 (derived)", lang),
    }
}

/// "+3个百分点" / "about +3 percentage points".
fn change_text(indicator: &Indicator, lang: Lang) -> Option<String> {
    let (change, about, _) = change_pp(indicator)?;
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "-"
    } else {
        ""
    };
    let n = format::number(change.abs(), 2, lang);
    Some(match (lang, about) {
        (Lang::Zh, true) => format!("约{sign}{n}个百分点"),
        (Lang::Zh, false) => format!("{sign}{n}个百分点"),
        (Lang::En, true) => format!("about {sign}{n} percentage points"),
        (Lang::En, false) => format!("{sign}{n} percentage points"),
    })
}

/// What progress is measured against: the 2030 target from the 2025 value, or a five-year total
/// from zero. A yearly rate is compared with, not travelled towards. (target, baseline, yearly).
fn goal(indicator: &Indicator) -> Option<(f64, Option<f64>, bool)> {
    if let Some(target) = number_of(indicator.y2030.as_ref()) {
        let baseline = match indicator.y2025 {
            Some(Cell::Number { value, cumulative: false, .. }) if value.is_finite() => Some(value),
            _ => None,
        };
        return Some((target, baseline, false));
    }
    match indicator.plan_period {
        Some(Cell::Number { value, cumulative, .. }) if value.is_finite() => Some((value, None, !cumulative)),
        _ => None,
    }
}

/// The ids of the indicators whose 2030 target or plan-period figure is a number.
pub fn targets() -> Vec<&'static str> {
    INDICATORS.iter().filter(|i| goal(i).is_some()).map(|i| i.id).collect()
}

/// The latest report on `indicator`, described: "2027年：77%（已完成目标进程的67%）", or for a yearly
/// rate "2026年：5.8%（年均目标6%）".
fn progress(indicator: &'static Indicator, options: &Options, lang: Lang) -> Option<String> {
    let actual = options.actual(indicator.id)?;
    let (target, baseline, yearly) = goal(indicator)?;
    if !yearly {
        return crate::progress::describe(actual, indicator.unit, baseline, target, lang);
    }
    let latest = actual.points.last()?;
    let amount = format::amount(latest.value, indicator.unit, lang);
    let stated = full_plan_quantity(indicator, lang);
    Some(match lang {
        Lang::Zh => format!("{}年：{amount}（年均目标{stated}）", latest.year),
        Lang::En => format!("{}: {amount} (yearly target {stated})", latest.year),
    })
}

fn full_plan_quantity(indicator: &Indicator, lang: Lang) -> String {
    match indicator.plan_period {
        Some(Cell::Number { value, qualifier, .. }) => {
            format::quantity(&Quantity { value, unit: indicator.unit, qualifier, as_written: None }, lang)
        }
        _ => String::new(),
    }
}

fn share(indicator: &Indicator, value: f64) -> Option<f64> {
    match goal(indicator)? {
        (_, _, true) => None,
        (target, baseline, false) => crate::progress::share(baseline, target, value),
    }
}

// ---- drawing ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    /// The 2025 value: an open diamond.
    Baseline,
    /// The 2030 target: a filled diamond.
    Target,
    /// A yearly rate of the plan period: a bar.
    Yearly,
    /// A five-year total of the plan period: a hatched bar.
    Total,
}

struct Mark {
    kind: MarkKind,
    value: f64,
    label: String,
}

fn colon(prefix: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{prefix}：{text}"),
        Lang::En => format!("{prefix}: {text}"),
    }
}

/// The row's numeric cells as marks, and its cells in words as lines of text. A yearly 2025 figure
/// beside a five-year total measures something else, so it is written out rather than drawn on the
/// total's scale.
fn marks_and_words(indicator: &'static Indicator, lang: Lang) -> (Vec<Mark>, Vec<String>) {
    let mut marks = Vec::new();
    let mut words = Vec::new();
    let total_planned = matches!(indicator.plan_period, Some(Cell::Number { cumulative: true, .. }));
    for column in COLUMNS {
        let Some(cell) = column.cell(indicator) else { continue };
        let text = colon(column.prefix(cell, lang), &stated(cell, lang), lang);
        match cell {
            Cell::Words(_) => words.push(text),
            Cell::Number { cumulative: false, .. } if column == Column::Y2025 && total_planned => {
                words.push(with_note(text, note(column, cell, lang), lang))
            }
            Cell::Number { value, cumulative, .. } if value.is_finite() => {
                let kind = match column {
                    Column::Y2025 => MarkKind::Baseline,
                    Column::Y2030 => MarkKind::Target,
                    Column::Plan if *cumulative => MarkKind::Total,
                    Column::Plan => MarkKind::Yearly,
                };
                marks.push(Mark { kind, value: *value, label: text });
            }
            Cell::Number { .. } => {}
        }
    }
    (marks, words)
}

/// A diamond's outline: four lines whose corners fall on whole pixels, crisp at any pixel ratio.
fn diamond(scene: &mut Scene, (cx, cy): (f64, f64), r: f64, color: Color, width: f64, datum: Option<&'static str>) {
    let corners = [(cx + r, cy), (cx, cy + r), (cx - r, cy), (cx, cy - r), (cx + r, cy)];
    for pair in corners.windows(2) {
        scene.push(Shape::Line { from: pair[0], to: pair[1], color, width }, datum);
    }
}

/// A filled diamond: one-pixel rows, smoothed by its outline.
fn filled_diamond(scene: &mut Scene, (cx, cy): (f64, f64), r: f64, color: Color, datum: Option<&'static str>) {
    let rows = (2.0 * r).ceil() as usize;
    for i in 0..rows {
        let top = cy - r + i as f64;
        let half = (r - (top + 0.5 - cy).abs()).max(0.0);
        scene.fill(Rect { x: cx - half, y: top, w: 2.0 * half, h: 1.0 }, color, datum);
    }
    diamond(scene, (cx, cy), r - 0.5, color, 1.0, datum);
}

/// The 2025 value: an open diamond. Its inside is cleared first (a bar may run beneath it); the
/// outline is drawn last, over a 2030 target at the same place.
fn baseline_mark(scene: &mut Scene, at: (f64, f64), theme: &Theme, datum: Option<&'static str>) {
    filled_diamond(scene, at, OPEN + 1.5, theme.background, datum);
}

fn baseline_outline(scene: &mut Scene, at: (f64, f64), theme: &Theme, datum: Option<&'static str>) {
    diamond(scene, at, OPEN, theme.text, 2.0, datum);
}

fn bar(scene: &mut Scene, rect: Rect, kind: MarkKind, theme: &Theme, datum: Option<&'static str>) {
    scene.fill(rect, theme.series[1], datum);
    if kind == MarkKind::Total {
        scene.hatch(rect, theme.hatch, 4.0, datum);
    }
}

/// The attribute badge: binding filled and bold, expected outlined.
fn badge(scene: &mut Scene, rect: Rect, attribute: Attribute, lang: Lang, theme: &Theme, datum: Option<&'static str>) {
    let name = attribute_name(attribute, lang);
    let middle = (rect.x + rect.w / 2.0, rect.y + rect.h / 2.0);
    match attribute {
        Attribute::Binding => {
            scene.fill(rect, theme.text, datum);
            scene.text(middle, name, VALUE_SIZE, true, theme.background, Align::Center, Baseline::Middle, datum);
        }
        Attribute::Expected => {
            scene.push(Shape::Stroke { rect, color: theme.muted, width: 1.0 }, datum);
            scene.text(middle, name, VALUE_SIZE, false, theme.text, Align::Center, Baseline::Middle, datum);
        }
    }
}

/// Column positions of a row.
struct Columns {
    narrow: bool,
    pad: f64,
    /// Right edge of the number.
    number_end: f64,
    name_x: f64,
    name_width: f64,
    badge_x: f64,
    badge_width: f64,
    figure_x0: f64,
    figure_x1: f64,
}

fn columns(width: f64, rows: &[&'static Indicator], lang: Lang, measure: &dyn TextMeasure) -> Columns {
    let narrow = width < NARROW;
    let pad = padding(width);
    let inner = width - 2.0 * pad;
    let number_width = measure.width("25", LABEL_SIZE, false) + 6.0;
    let badge_width =
        (widest([Attribute::Binding, Attribute::Expected].map(|a| attribute_name(a, lang)), VALUE_SIZE, true, measure)
            + 12.0)
            .ceil();
    let name_x = pad + number_width;
    if narrow {
        let badge_x = width - pad - badge_width;
        return Columns {
            narrow,
            pad,
            number_end: name_x - 6.0,
            name_x,
            name_width: (badge_x - 8.0 - name_x).max(40.0),
            badge_x,
            badge_width,
            figure_x0: name_x,
            figure_x1: width - pad,
        };
    }
    let longest = widest(
        rows.iter().map(|i| name_with_unit(i, lang)).collect::<Vec<_>>().iter().map(String::as_str),
        LABEL_SIZE,
        false,
        measure,
    );
    let name_width = longest.min((inner * 0.34).max(120.0)).ceil();
    let badge_x = name_x + name_width + 12.0;
    Columns {
        narrow,
        pad,
        number_end: name_x - 6.0,
        name_x,
        name_width,
        badge_x,
        badge_width,
        figure_x0: badge_x + badge_width + 16.0,
        figure_x1: width - pad,
    }
}

/// Places value labels above their marks: centred on them, kept apart and inside [x0, x1].
/// Returns one or two lines of (left x, text) pairs.
fn place_labels(
    items: &[(f64, String)],
    x0: f64,
    x1: f64,
    size: f64,
    measure: &dyn TextMeasure,
) -> Vec<Vec<(f64, String)>> {
    const GAP: f64 = 12.0;
    let clamp = |left: f64, w: f64| left.min(x1 - w).max(x0);
    let mut sized: Vec<(f64, f64, String)> =
        items.iter().map(|(x, t)| (*x, measure.width(t, size, false), t.clone())).collect();
    // Left to right; marks that (nearly) coincide keep the plan's column order.
    order::sort_by(&mut sized, |a, b| if (a.0 - b.0).abs() < NEAR { Ordering::Equal } else { a.0.total_cmp(&b.0) });
    let total: f64 = sized.iter().map(|s| s.1).sum::<f64>() + GAP * sized.len().saturating_sub(1) as f64;
    if sized.len() > 1 && total > x1 - x0 {
        return sized.into_iter().map(|(x, w, t)| vec![(clamp(x - w / 2.0, w), t)]).collect();
    }
    let mut lefts: Vec<f64> = sized.iter().map(|(x, w, _)| clamp(x - w / 2.0, *w)).collect();
    for i in 1..lefts.len() {
        let overlap = lefts[i - 1] + sized[i - 1].1 + GAP - lefts[i];
        if overlap > 0.0 {
            lefts[i - 1] -= overlap / 2.0;
            lefts[i] += overlap / 2.0;
        }
    }
    // Push back inside from the left, then from the right.
    let mut edge = x0;
    for (left, s) in lefts.iter_mut().zip(&sized) {
        *left = left.max(edge);
        edge = *left + s.1 + GAP;
    }
    let mut edge = x1;
    for (left, s) in lefts.iter_mut().zip(&sized).rev() {
        *left = left.min(edge - s.1);
        edge = *left - GAP;
    }
    vec![lefts.into_iter().zip(sized).map(|(left, (_, _, t))| (left, t)).collect()]
}

/// A nice domain from zero (or below, for a negative report) to at least every value.
fn domain(values: &[f64]) -> (f64, f64) {
    // Magnitudes too small to draw count as zero (and would give a nice step of zero).
    let usable = || values.iter().copied().filter(|v| v.is_finite() && v.abs() >= 1e-9);
    let hi = usable().fold(0.0, f64::max);
    let lo = usable().fold(0.0, f64::min);
    let nice = |v: f64| ticks_from_zero(v, 4).last().copied().unwrap_or(1.0);
    let hi = if hi > 0.0 { nice(hi) } else { 0.0 };
    let lo = if lo < 0.0 { -nice(-lo) } else { 0.0 };
    if hi - lo > 0.0 {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let rows = shown(options);
    let cols = columns(width, &rows, lang, measure);
    let pad = cols.pad;
    let mut scene = Scene::new(width, 0.0);

    // Legend: the marks of the scales and the two attributes, each by shape as well as colour.
    let baseline_swatch = |s: &mut Scene, r: Rect| {
        let at = (r.x + r.w / 2.0, r.y + r.h / 2.0);
        baseline_mark(s, at, theme, None);
        baseline_outline(s, at, theme, None);
    };
    let target_swatch = |s: &mut Scene, r: Rect| {
        filled_diamond(s, (r.x + r.w / 2.0, r.y + r.h / 2.0), FILLED + 1.0, theme.series[0], None)
    };
    let yearly_swatch =
        |s: &mut Scene, r: Rect| bar(s, Rect { y: r.y + 2.0, h: r.h - 4.0, ..r }, MarkKind::Yearly, theme, None);
    let total_swatch =
        |s: &mut Scene, r: Rect| bar(s, Rect { y: r.y + 2.0, h: r.h - 4.0, ..r }, MarkKind::Total, theme, None);
    let binding_swatch = |s: &mut Scene, r: Rect| s.fill(r, theme.text, None);
    let expected_swatch =
        |s: &mut Scene, r: Rect| s.push(Shape::Stroke { rect: r, color: theme.muted, width: 1.0 }, None);
    let progress_swatch = |s: &mut Scene, r: Rect| reported_mark(s, r.x, r.x + r.w, r.y + r.h / 2.0, theme, None);
    let mut entries: Vec<(&str, Swatch)> = vec![
        (label("2025年", "2025", lang), &baseline_swatch),
        (label("2030年目标", "2030 target", lang), &target_swatch),
        (label("“十五五”年均", "Yearly, 2026–30", lang), &yearly_swatch),
        (label("“十五五”五年累计", "5-year total, 2026–30", lang), &total_swatch),
        (attribute_name(Attribute::Binding, lang), &binding_swatch),
        (attribute_name(Attribute::Expected, lang), &expected_swatch),
    ];
    if !options.actuals.is_empty() {
        entries.push((REPORTED.get(lang), &progress_swatch));
    }
    let mut y = legend(&mut scene, &entries, width, pad, measure, theme) - 6.0;
    let notes = label(
        "* 2024年实绩；[ ] 五年累计；各行刻度单独从0起，单位见指标名称。",
        "* 2024 actual; [ ] five-year total. Each row has its own scale from 0; units follow the names.",
        lang,
    );
    for line in wrap(notes, width - 2.0 * pad, TICK_SIZE, false, measure) {
        scene.text((pad, y), line, TICK_SIZE, false, theme.muted, Align::Start, Baseline::Top, None);
        y += TICK_SIZE + 4.0;
    }
    y += 6.0;

    let mut previous: Option<&'static Indicator> = None;
    for indicator in &rows {
        let indicator: &'static Indicator = indicator;
        let datum = Some(indicator.id);
        if previous.map(|p| p.category) != Some(indicator.category) {
            // The category heading, in words.
            y += if previous.is_some() { 12.0 } else { 0.0 };
            for line in
                wrap(category_name(indicator.category, lang), width - 2.0 * pad, HEADING_SIZE + 1.0, true, measure)
            {
                scene.text(
                    (pad, y + 9.0),
                    line,
                    HEADING_SIZE + 1.0,
                    true,
                    theme.text,
                    Align::Start,
                    Baseline::Middle,
                    None,
                );
                y += 18.0;
            }
            y += 4.0;
            scene.line((pad, y), (width - pad, y), theme.muted, 1.0);
        } else if previous.map(|p| p.number) != Some(indicator.number) {
            scene.line((pad, y), (width - pad, y), theme.grid, 1.0);
        }
        let top = y;
        let continues = previous.is_some_and(|p| p.number == indicator.number);
        previous = Some(indicator);

        // The name: for indicator 14, the shared name above its first sub-row, then the sub-row's name.
        let mut lines: Vec<(f64, String)> = Vec::new();
        let indent = 12.0;
        let lead = match indicator.sub {
            Some(sub) => {
                if !continues {
                    lines.extend(name_lines(indicator, cols.name_width, lang, measure).into_iter().map(|l| (0.0, l)));
                }
                let lead = lines.len();
                lines.extend(
                    wrap(sub.get(lang), cols.name_width - indent, LABEL_SIZE, false, measure)
                        .into_iter()
                        .map(|l| (indent, l)),
                );
                lead
            }
            None => {
                lines.extend(name_lines(indicator, cols.name_width, lang, measure).into_iter().map(|l| (0.0, l)));
                0
            }
        };
        let content = top + ROW_PAD;
        if !continues {
            let number = indicator.number.to_string();
            scene.text(
                (cols.number_end, content + NAME_LINE / 2.0),
                number,
                LABEL_SIZE,
                false,
                theme.muted,
                Align::End,
                Baseline::Middle,
                datum,
            );
        }
        for (i, (dx, line)) in lines.iter().enumerate() {
            let at = (cols.name_x + dx, content + i as f64 * NAME_LINE + NAME_LINE / 2.0);
            scene.text(at, line.clone(), LABEL_SIZE, false, theme.text, Align::Start, Baseline::Middle, datum);
        }
        let own_top = content + lead as f64 * NAME_LINE;
        let names_bottom = content + lines.len() as f64 * NAME_LINE;
        let badge_rect = Rect {
            x: cols.badge_x,
            y: own_top + (NAME_LINE - BADGE_HEIGHT) / 2.0,
            w: cols.badge_width,
            h: BADGE_HEIGHT,
        };
        badge(&mut scene, badge_rect, indicator.attribute, lang, theme, datum);

        // The figures: labels, the row's own scale, then the cells in words.
        let (marks, words) = marks_and_words(indicator, lang);
        let latest =
            options.actual(indicator.id).and_then(|a| a.points.last()).map(|p| p.value).filter(|v| v.is_finite());
        let figure_top = if cols.narrow { names_bottom + 4.0 } else { own_top };
        let mut fy = figure_top;
        let mut mark_rect = None;
        if !marks.is_empty() {
            let mut values: Vec<f64> = marks.iter().map(|m| m.value).collect();
            values.extend(latest);
            let (lo, hi) = domain(&values);
            let (lo_text, hi_text) = (format::number(lo, 2, lang), format::number(hi, 2, lang));
            let track_x0 = (cols.figure_x0 + measure.width(&lo_text, TICK_SIZE, false) + 11.0).round();
            let track_x1 =
                (cols.figure_x1 - measure.width(&hi_text, TICK_SIZE, false) - 11.0).max(track_x0 + 20.0).round();
            let scale = Linear::new((lo, hi), (track_x0, track_x1));
            let x = |v: f64| scale.map(v).round();

            let items: Vec<(f64, String)> = marks.iter().map(|m| (x(m.value), m.label.clone())).collect();
            for line in place_labels(&items, cols.figure_x0, cols.figure_x1, VALUE_SIZE, measure) {
                for (left, text) in line {
                    scene.text(
                        (left, fy + VALUE_LINE / 2.0),
                        text,
                        VALUE_SIZE,
                        false,
                        theme.text,
                        Align::Start,
                        Baseline::Middle,
                        datum,
                    );
                }
                fy += VALUE_LINE;
            }
            let at = |kind| marks.iter().find(|m| m.kind == kind).map(|m| x(m.value));
            let (base, target) = (at(MarkKind::Baseline), at(MarkKind::Target));
            // A 2025 value on (or next to) its 2030 target: the two diamonds dodge up and down.
            let dodge = match (base, target) {
                (Some(b), Some(t)) if (b - t).abs() < NEAR => DODGE,
                _ => 0.0,
            };
            let ty = (fy + TRACK / 2.0 + dodge).round();
            // The row's own scale: a track from its lower end to its nice maximum, zero marked.
            scene.text(
                (cols.figure_x0, ty),
                lo_text,
                TICK_SIZE,
                false,
                theme.muted,
                Align::Start,
                Baseline::Middle,
                datum,
            );
            scene.text(
                (cols.figure_x1, ty),
                hi_text,
                TICK_SIZE,
                false,
                theme.muted,
                Align::End,
                Baseline::Middle,
                datum,
            );
            let mut line = |from, to, color| scene.push(Shape::Line { from, to, color, width: 1.0 }, datum);
            line((track_x0, ty + 0.5), (track_x1, ty + 0.5), theme.grid);
            line((x(0.0) + 0.5, ty - 5.0), (x(0.0) + 0.5, ty + 6.0), theme.muted);
            line((track_x1 + 0.5, ty - 3.0), (track_x1 + 0.5, ty + 4.0), theme.grid);

            let mut xs: Vec<f64> = Vec::new();
            for m in marks.iter().filter(|m| matches!(m.kind, MarkKind::Yearly | MarkKind::Total)) {
                let (a, b) = (x(0.0), x(m.value));
                let rect = Rect { x: a.min(b), y: ty - BAR / 2.0, w: (b - a).abs().max(1.0), h: BAR };
                bar(&mut scene, rect, m.kind, theme, datum);
                xs.extend([a, b]);
            }
            if let (Some(b), Some(t), 0.0) = (base, target, dodge) {
                scene.push(Shape::Line { from: (b, ty), to: (t, ty), color: theme.muted, width: 2.0 }, datum);
            }
            if let Some(b) = base {
                baseline_mark(&mut scene, (b, ty - dodge), theme, datum);
            }
            if let Some(t) = target {
                filled_diamond(&mut scene, (t, ty + dodge), FILLED, theme.series[0], datum);
            }
            if let Some(b) = base {
                baseline_outline(&mut scene, (b, ty - dodge), theme, datum);
            }
            xs.extend(base.iter().chain(target.iter()));
            let mut height = TRACK + 2.0 * dodge;
            if let Some(value) = latest {
                let (zero, to) = (x(0.0), x(value));
                let middle = ty + dodge + REPORT_EXTRA;
                if to >= zero {
                    reported_mark(&mut scene, zero, to, middle, theme, datum);
                } else {
                    // Below zero: the bar runs left from zero, the tick at the value.
                    scene.fill(Rect { x: to, y: middle - 2.0, w: (zero - to).max(1.0), h: 4.0 }, theme.text, datum);
                    scene.fill(Rect { x: to - 1.0, y: middle - 7.0, w: 2.0, h: 14.0 }, theme.text, datum);
                }
                xs.extend([zero, to]);
                height += REPORT_EXTRA;
            }
            let left = xs.iter().copied().fold(f64::INFINITY, f64::min) - OPEN - 2.0;
            let right = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max) + OPEN + 2.0;
            mark_rect = Some(Rect {
                x: left.max(0.0),
                y: ty - dodge - TRACK / 2.0,
                w: (right.min(width) - left.max(0.0)).max(1.0),
                h: height,
            });
            fy += height;
        }
        let words_top = fy;
        let mut words_width: f64 = 0.0;
        for text in &words {
            for line in wrap(text, cols.figure_x1 - cols.figure_x0, VALUE_SIZE, false, measure) {
                words_width = words_width.max(measure.width(&line, VALUE_SIZE, false));
                scene.text(
                    (cols.figure_x0, fy + VALUE_LINE / 2.0),
                    line,
                    VALUE_SIZE,
                    false,
                    theme.text,
                    Align::Start,
                    Baseline::Middle,
                    datum,
                );
                fy += VALUE_LINE;
            }
        }
        let mark = mark_rect.unwrap_or(Rect {
            x: cols.figure_x0 - 2.0,
            y: words_top,
            w: (words_width + 4.0).min(width - cols.figure_x0 + 2.0),
            h: (fy - words_top).max(1.0),
        });
        let bottom = names_bottom.max(fy).max(badge_rect.y + badge_rect.h) + ROW_PAD;
        scene.regions.push(Region {
            datum: indicator.id,
            hit: Rect { x: 0.0, y: top, w: width, h: bottom - top },
            mark,
        });
        y = bottom;
    }
    scene.height = (y + pad).ceil();

    Rendered {
        title: title(options),
        description: description(&rows, options),
        source: format::source_line(&[SECTION], lang),
        alt: alt_text(&rows, lang),
        tooltips: rows.iter().map(|i| tooltip(i, options)).collect(),
        table: table(&rows, options),
        scene,
        hint: None,
    }
}

/// One line on what the chart shows, for all indicators or one category.
fn description(rows: &[&'static Indicator], options: &Options) -> String {
    let mut numbers: Vec<u32> = rows.iter().map(|i| i.number).collect();
    numbers.dedup();
    let n = numbers.len();
    match (options.category, options.lang) {
        (None, Lang::Zh) => format!("{n}项主要指标的2025年值、2030年目标和“十五五”年均或累计目标，按类别分组；每行刻度各自从0起"),
        (Some(c), Lang::Zh) => format!("{}类{n}项主要指标的2025年值、2030年目标和“十五五”年均或累计目标；每行刻度各自从0起", category_name(c, Lang::Zh)),
        (None, Lang::En) => format!(
            "The {n} main indicators by category: 2025 values, 2030 targets and yearly or five-year figures for 2026–2030; each row has its own scale from 0"
        ),
        (Some(c), Lang::En) => format!(
            "The {n} main indicators of {}: 2025 values, 2030 targets and yearly or five-year figures for 2026–2030; each row has its own scale from 0",
            category_name(c, Lang::En).to_ascii_lowercase()
        ),
    }
}

fn title(options: &Options) -> String {
    let lang = options.lang;
    match (options.category, lang) {
        (None, _) => TITLE.get(lang).to_string(),
        (Some(c), Lang::Zh) => format!("{}：{}", TITLE.zh, category_name(c, lang)),
        (Some(c), Lang::En) => format!("{}: {}", TITLE.en, category_name(c, lang)),
    }
}

fn tooltip(indicator: &'static Indicator, options: &Options) -> Tooltip {
    let lang = options.lang;
    let mut lines: Vec<(String, String)> =
        COLUMNS.iter().map(|c| (c.heading(lang).to_string(), full(indicator, *c, lang))).collect();
    if let Some(change) = change_text(indicator, lang) {
        lines.push((change_label(indicator, lang).into(), change));
    }
    if let Some(progress) = progress(indicator, options, lang) {
        lines.push((REPORTED.get(lang).into(), progress));
    }
    lines.extend([
        (label("属性", "Attribute", lang).into(), attribute_name(indicator.attribute, lang).into()),
        (label("类别", "Category", lang).into(), category_name(indicator.category, lang).into()),
        (label("出处", "Source", lang).into(), format::section(indicator.source.section, lang)),
        (super::parts::PLAN_WORDS.get(lang).into(), indicator.source.quote.into()),
    ]);
    Tooltip { title: full_name(indicator, lang), lines }
}

fn unit_name(indicator: &Indicator, lang: Lang) -> String {
    let unit = unit_of(indicator, lang);
    if unit.is_empty() {
        "—".into()
    } else {
        unit.into()
    }
}

fn table(rows: &[&'static Indicator], options: &Options) -> Table {
    let lang = options.lang;
    let mut columns: Vec<String> = vec![
        label("指标", "Indicator", lang).into(),
        label("序号", "No.", lang).into(),
        label("类别", "Category", lang).into(),
        label("单位", "Unit", lang).into(),
        label("属性", "Attribute", lang).into(),
    ];
    columns.extend(COLUMNS.iter().map(|c| c.heading(lang).to_string()));
    columns.push(label("2025—2030年变化（计算值）", "Change 2025–2030 (derived)", lang).into());
    if !options.actuals.is_empty() {
        columns.push(REPORTED.get(lang).into());
    }
    columns.push(label("出处", "Source", lang).into());
    let rows = rows
        .iter()
        .map(|i| {
            let mut row = vec![
                full_name(i, lang),
                i.number.to_string(),
                category_name(i.category, lang).into(),
                unit_name(i, lang),
                attribute_name(i.attribute, lang).into(),
            ];
            row.extend(COLUMNS.iter().map(|c| table_cell(i, *c, lang)));
            row.push(change_text(i, lang).unwrap_or_else(|| "—".into()));
            if !options.actuals.is_empty() {
                row.push(progress(i, options, lang).unwrap_or_else(|| "—".into()));
            }
            row.push(format::section(i.source.section, lang));
            row
        })
        .collect();
    Table { columns, rows }
}

/// What the chart shows in words, from the data: counts by attribute and kind of figure, and the
/// largest and smallest changes in percentage points.
fn alt_text(rows: &[&'static Indicator], lang: Lang) -> String {
    let mut numbers: Vec<u32> = rows.iter().map(|i| i.number).collect();
    numbers.dedup();
    let indicators = numbers.len();
    let count_attr = |a: Attribute| {
        let mut n: Vec<u32> = rows.iter().filter(|i| i.attribute == a).map(|i| i.number).collect();
        n.dedup();
        n.len()
    };
    let (binding, expected) = (count_attr(Attribute::Binding), count_attr(Attribute::Expected));
    let dumbbells =
        rows.iter().filter(|i| number_of(i.y2025.as_ref()).is_some() && number_of(i.y2030.as_ref()).is_some()).count();
    let bars = rows.iter().filter(|i| number_of(i.plan_period.as_ref()).is_some()).count();
    let words = rows
        .iter()
        .flat_map(|i| COLUMNS.iter().filter_map(move |c| c.cell(i)))
        .filter(|c| matches!(c, Cell::Words(_)))
        .count();
    let mut categories: Vec<&str> = rows.iter().map(|i| category_name(i.category, lang)).collect();
    categories.dedup();
    let mut changes: Vec<(&'static Indicator, f64)> =
        rows.iter().filter_map(|i| change_pp(i).map(|(c, _, _)| (*i, c))).collect();
    order::sort_by(&mut changes, |a, b| b.1.total_cmp(&a.1));
    let range = |i: &'static Indicator| {
        (full(i, Column::Y2025, lang), full(i, Column::Y2030, lang), change_text(i, lang).unwrap_or_default())
    };
    let extremes = match (changes.first(), changes.last()) {
        (Some((most, _)), Some((least, _))) if changes.len() > 1 => {
            let (a0, a1, ac) = range(most);
            let (b0, b1, bc) = range(least);
            match lang {
                Lang::Zh => format!(
                    "以百分比计的指标中，2025至2030年变化最大的是{}，从{a0}到{a1}，{ac}；最小的是{}，从{b0}到{b1}，{bc}（计算值）。",
                    most.name.zh, least.name.zh
                ),
                Lang::En => format!(
                    " Among indicators in %, the largest change from 2025 to 2030 is {}, from {a0} to {a1}, {ac}; the smallest is {}, from {b0} to {b1}, {bc} (derived).",
                    format::lower(most.name.en, lang),
                    format::lower(least.name.en, lang)
                ),
            }
        }
        _ => String::new(),
    };
    match lang {
        Lang::Zh => format!(
            "图表式表格：绍兴市“十五五”规划{}项主要指标（{}行），分{}{}类，其中约束性{binding}项、预期性{expected}项。{dumbbells}行以空心菱形和实心菱形标出2025年值与2030年目标，{bars}行以条形标出“十五五”年均或五年累计数，{words}个单元格为文字表述（如“完成省下达目标”），以文字列出。{extremes}",
            indicators,
            rows.len(),
            format::list(&categories, lang),
            categories.len(),
        ),
        Lang::En => format!(
            "Chart-table of the {} ({}) of Shaoxing's 15th Five-Year Plan in {} ({}): {binding} binding, {expected} expected. {} the 2025 value (open diamond) and the 2030 target (filled diamond); {} a yearly or five-year figure for 2026–2030 as a bar; {} stated in words (such as \"meet the target set by the province\") and written out.{extremes}",
            format::count(indicators, "main indicator", "main indicators"),
            format::count(rows.len(), "row", "rows"),
            format::count(categories.len(), "category", "categories"),
            format::lower(&format::list_common(&categories, lang), lang),
            format::count(dumbbells, "row shows", "rows show"),
            format::count(bars, "row shows", "rows show"),
            format::count(words, "cell is", "cells are"),
        ),
    }
}

/// Columns of the CSV: every cell as a number (where it is one) and as stated in both languages,
/// with the table's marks, the derived change, provenance and progress.
const CSV_HEADER: &[&str] = &[
    "id",
    "number",
    "category",
    "name_zh",
    "name_en",
    "sub_zh",
    "sub_en",
    "unit_zh",
    "unit_en",
    "attribute",
    "y2025_value",
    "y2025_mark",
    "y2025_stated_zh",
    "y2025_stated_en",
    "y2030_value",
    "y2030_mark",
    "y2030_stated_zh",
    "y2030_stated_en",
    "plan_period_value",
    "plan_period_mark",
    "plan_period_kind",
    "plan_period_stated_zh",
    "plan_period_stated_en",
    "change_pp_derived",
    "section",
    "quote",
    "reported_year",
    "reported_value",
    "reported_share_of_target",
];

pub fn csv(options: &Options) -> String {
    let rows: Vec<Vec<String>> = shown(options)
        .into_iter()
        .map(|i| {
            let mut row: Vec<String> = vec![
                i.id.into(),
                i.number.to_string(),
                i.category.strip_prefix("category.").unwrap_or(i.category).into(),
                i.name.zh.into(),
                i.name.en.into(),
                i.sub.map_or("", |s| s.zh).into(),
                i.sub.map_or("", |s| s.en).into(),
                i.unit.zh.into(),
                i.unit.en.into(),
                match i.attribute {
                    Attribute::Binding => "binding".into(),
                    Attribute::Expected => "expected".into(),
                },
            ];
            for column in COLUMNS {
                let cell = column.cell(i);
                row.push(number_of(cell).map_or(String::new(), |v| format::number(v, 3, Lang::Zh)));
                row.push(match cell {
                    Some(Cell::Number { actual_2024: true, .. }) => "*".into(),
                    Some(Cell::Number { cumulative: true, .. }) => "[]".into(),
                    _ => String::new(),
                });
                if column == Column::Plan {
                    row.push(match cell {
                        Some(Cell::Number { cumulative: true, .. }) => "five-year-total".into(),
                        Some(Cell::Number { .. }) => "yearly".into(),
                        Some(Cell::Words(_)) => "words".into(),
                        None => String::new(),
                    });
                }
                row.push(cell.map_or(String::new(), |c| stated(c, Lang::Zh)));
                row.push(cell.map_or(String::new(), |c| stated(c, Lang::En)));
            }
            row.push(change_pp(i).map_or(String::new(), |(c, _, _)| format::number(c, 3, Lang::Zh)));
            row.push(i.source.section.into());
            row.push(i.source.quote.into());
            let reported = options.actual(i.id).and_then(|a| a.points.last());
            row.extend(crate::progress::csv_cells(reported, reported.and_then(|p| share(i, p.value))));
            row
        })
        .collect();
    crate::csv::write(CSV_HEADER, &rows)
}
