//! `main-indicators`: the plan's table 主要指标 (25 indicators in 26 rows) as a chart-table.
//!
//! Rows are grouped under their category. Each row gives the indicator's name and unit, whether it is
//! binding (约束性: a filled badge) or expected (预期性: an outlined badge), and a small scale of its
//! own from zero: the 2025 value is an open diamond, the 2030 target a filled diamond joined to it
//! (a dumbbell), and a yearly or five-year figure of the plan period a bar (hatched when cumulative).
//! Rows never share an axis: their units differ. Every figure is labelled as the table states it
//! (78左右, 5.2*, [18]); cells in words (稳定, 完成省下达目标) are written out, never drawn as zero.

use super::parts::{padding, PLAN_WORDS, REPORTED};
use super::{label, Rendered};
use crate::chart::Options;
use crate::data::model::{Attribute, Cell, Indicator, Lang, Meaning, Position, Qualifier, Quantity, Text};
use crate::data::{CATEGORIES, INDICATORS};
use crate::format;
use crate::order;
use crate::plot::fields::{self, table, tooltip};
use crate::plot::symbols::Symbol;
use crate::plot::tracks::{Mark, Sign, Track, Tracks};
use crate::plot::{Column, Field, Key, Paint};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub const TITLE: Text =
    Text { zh: "绍兴市“十五五”主要指标", en: "Main indicators of Shaoxing's 15th Five-Year Plan" };
pub(crate) const SECTION: &str = "主要指标";
const NOTE: Text = Text {
    zh: "* 2024年实绩；[ ] 五年累计；各行刻度单独从0起，单位见指标名称。",
    en: "* 2024 actual; [ ] five-year total. Each row has its own scale from 0; units follow the names.",
};

/// The values of `category`: the category ids without their `category.` prefix, e.g.
/// ("economy", "category.economy").
pub fn categories() -> Vec<(&'static str, &'static str)> {
    CATEGORIES.iter().map(|c| (c.id.strip_prefix("category.").unwrap_or(c.id), c.id)).collect()
}

type I = &'static Indicator;

/// The three figure columns of the table, by the period they are for.
#[derive(Clone, Copy, PartialEq)]
enum Period {
    Y2025,
    Y2030,
    /// “十五五”年均/累计
    Plan,
}
use Period::{Plan, Y2025, Y2030};

impl Period {
    fn cell(self, indicator: I) -> Option<&'static Cell> {
        match self {
            Y2025 => indicator.y2025.as_ref(),
            Y2030 => indicator.y2030.as_ref(),
            Plan => indicator.plan_period.as_ref(),
        }
    }

    /// What a label on the chart starts with: 2025年 / 年均 / 五年累计 / “十五五”时期.
    fn prefix(self, cell: &Cell, lang: Lang) -> &'static str {
        match (self, cell) {
            (Y2025, Cell::Number { cumulative: true, .. }) => label("2021—2025年累计", "2021–25 total", lang),
            (Y2025, _) => label("2025年", "2025", lang),
            (Y2030, _) => label("2030年", "2030", lang),
            (Plan, Cell::Number { cumulative: true, .. }) => label("五年累计", "5-year total", lang),
            (Plan, Cell::Number { .. }) => label("年均", "Yearly", lang),
            (Plan, Cell::Words(_)) => label("“十五五”时期", "2026–30", lang),
        }
    }

    /// What the table's marks mean for a cell of this column.
    fn note(self, cell: &Cell, lang: Lang) -> Option<&'static str> {
        match (self, cell) {
            (_, Cell::Number { actual_2024: true, .. }) => Some(label("2024年实绩", "2024 actual", lang)),
            (Y2025, Cell::Number { cumulative: true, .. }) => {
                Some(label("2021—2025年五年累计", "five-year total, 2021–2025", lang))
            }
            (Plan, Cell::Number { cumulative: true, .. }) => {
                Some(label("2026—2030年五年累计", "five-year total, 2026–2030", lang))
            }
            (_, Cell::Number { cumulative: true, .. }) => Some(label("五年累计", "five-year total", lang)),
            (Plan, Cell::Number { .. }) => Some(label("年均", "yearly average", lang)),
            _ => None,
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
fn qualified(value: f64, qualifier: Option<&Qualifier>, lang: Lang) -> String {
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

fn with_note(text: String, note: Option<&str>, lang: Lang) -> String {
    match (note, lang) {
        (None, _) => text,
        (Some(n), Lang::Zh) => format!("{text}（{n}）"),
        (Some(n), Lang::En) => format!("{text} ({n})"),
    }
}

/// A cell for the table, whose unit has a column of its own: "5.2*（2024年实绩）", or "—".
fn table_cell(indicator: I, period: Period, lang: Lang) -> Option<String> {
    let cell = period.cell(indicator)?;
    Some(with_note(stated(cell, lang), period.note(cell, lang), lang))
}

/// A cell with its unit, for tooltips: "5.2%*（2024年实绩）", "about 78%", "[18%] (five-year total, 2026–2030)".
fn full(indicator: I, period: Period, lang: Lang) -> String {
    match period.cell(indicator) {
        None => "—".into(),
        Some(cell @ Cell::Words(_)) => stated(cell, lang),
        Some(cell @ Cell::Number { value, qualifier, actual_2024, cumulative }) => {
            let q = Quantity { value: *value, unit: indicator.unit, qualifier: *qualifier, as_written: None };
            let text = marked(format::quantity(&q, lang), *actual_2024, *cumulative);
            with_note(text, period.note(cell, lang), lang)
        }
    }
}

fn unit_of(indicator: &Indicator, lang: Lang) -> &'static str {
    Text { zh: indicator.unit.zh, en: indicator.unit.en }.get(lang)
}

/// The unit as the table puts it after the name: "（%）" / " (%)"; empty for a plain ratio.
fn unit_suffix(indicator: &Indicator, lang: Lang) -> String {
    match lang {
        _ if unit_of(indicator, lang).is_empty() => String::new(),
        Lang::Zh => format!("（{}）", indicator.unit.zh),
        Lang::En => format!(" ({})", indicator.unit.en),
    }
}

/// The row's full name: "每千人拥有医护人员数：执业医师数".
fn full_name(indicator: &Indicator, lang: Lang) -> String {
    match indicator.sub {
        None => indicator.name.get(lang).to_string(),
        Some(sub) => format!("{}{}{}", indicator.name.get(lang), label("：", ": ", lang), sub.get(lang)),
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
fn shown(options: &Options) -> Vec<I> {
    INDICATORS.iter().filter(|i| options.category.is_none_or(|c| i.category == c)).collect()
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
    let about = if about { label("约", "about ", lang) } else { "" };
    Some(format!("{about}{sign}{n}{}", label("个百分点", " percentage points", lang)))
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
fn progress(indicator: I, options: &Options, lang: Lang) -> Option<String> {
    let actual = options.actual(indicator.id)?;
    let (target, baseline, yearly) = goal(indicator)?;
    if !yearly {
        return crate::progress::describe(actual, indicator.unit, baseline, target, lang);
    }
    let (latest, Some(Cell::Number { value, qualifier, .. })) = (actual.points.last()?, indicator.plan_period) else {
        return None;
    };
    let amount = format::amount(latest.value, indicator.unit, lang);
    let stated = format::quantity(&Quantity { value, unit: indicator.unit, qualifier, as_written: None }, lang);
    Some(match lang {
        Lang::Zh => format!("{}年：{amount}（年均目标{stated}）", latest.year),
        Lang::En => format!("{}: {amount} (yearly target {stated})", latest.year),
    })
}

fn share(indicator: &Indicator, value: f64) -> Option<f64> {
    match goal(indicator)? {
        (_, _, true) => None,
        (target, baseline, false) => crate::progress::share(baseline, target, value),
    }
}

/// The row's numeric cells as marks, and its cells in words as lines of text. A yearly 2025 figure
/// beside a five-year total measures something else, so it is written out rather than drawn on the
/// total's scale.
fn marks_and_words(indicator: I, theme: &Theme, lang: Lang) -> (Vec<Mark>, Vec<String>) {
    let (mut marks, mut words) = (Vec::new(), Vec::new());
    let total_planned = matches!(indicator.plan_period, Some(Cell::Number { cumulative: true, .. }));
    for period in [Y2025, Y2030, Plan] {
        let Some(cell) = period.cell(indicator) else { continue };
        let text = format!("{}{}{}", period.prefix(cell, lang), label("：", ": ", lang), stated(cell, lang));
        match *cell {
            Cell::Words(_) => words.push(text),
            Cell::Number { cumulative: false, .. } if period == Y2025 && total_planned => {
                words.push(with_note(text, period.note(cell, lang), lang))
            }
            Cell::Number { value, cumulative, .. } if value.is_finite() => {
                let sign = match period {
                    Y2025 => Sign::Open,
                    Y2030 => Sign::Filled,
                    Plan => Sign::Bar(Paint { color: theme.series[1], hatched: cumulative }),
                };
                marks.push(Mark { sign, value, label: text });
            }
            Cell::Number { .. } => {}
        }
    }
    (marks, words)
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let rows = shown(options);
    // The marks of the scales and the two attributes, each by shape as well as colour.
    let bar = |hatched| Key::Bar(Paint { color: theme.series[1], hatched });
    let (binding, expected) = (attribute_name(Attribute::Binding, lang), attribute_name(Attribute::Expected, lang));
    let mut legend = vec![
        (label("2025年", "2025", lang), Key::Symbol(Symbol::OpenDiamond)),
        (label("2030年目标", "2030 target", lang), Key::Symbol(Symbol::FilledDiamond)),
        (label("“十五五”年均", "Yearly, 2026–30", lang), bar(false)),
        (label("“十五五”五年累计", "5-year total, 2026–30", lang), bar(true)),
        (binding, Key::Symbol(Symbol::Tag { filled: true })),
        (expected, Key::Symbol(Symbol::Tag { filled: false })),
    ];
    if !options.actuals.is_empty() {
        legend.push((REPORTED.get(lang), Key::Reported));
    }
    let mut widest = 0;
    for i in INDICATORS {
        widest = widest.max(i.number);
    }
    let widest = widest.to_string();
    let (mut tracks, mut tooltips) = (Vec::new(), Vec::new());
    for &i in &rows {
        let (marks, words) = marks_and_words(i, theme, lang);
        let reported = options.actual(i.id).and_then(|a| a.points.last()).map(|p| p.value).filter(|v| v.is_finite());
        tracks.push(Track {
            datum: i.id,
            group: category_name(i.category, lang),
            number: i.number.to_string(),
            name: i.name.get(lang),
            unit: unit_suffix(i, lang),
            part: i.sub.map(|s| s.get(lang)),
            tag: usize::from(i.attribute == Attribute::Binding),
            marks,
            reported,
            words,
        });
        tooltips.push(tooltip(full_name(i, lang), &TOOLTIP, &i, options));
    }
    let tags = vec![(expected, false), (binding, true)];
    let plot = Tracks { legend, note: NOTE.get(lang), tags, widest_number: &widest, rows: tracks };
    let mut laid = plot.lay_out(width, lang, measure, theme);
    laid.scene.height = (laid.bottom + padding(width)).ceil();

    let mut columns = vec![&NAME, &NUMBER, &CATEGORY, &UNIT, &ATTRIBUTE, &T2025, &T2030, &TPLAN, &CHANGE, &SOURCE];
    if !options.actuals.is_empty() {
        columns.insert(9, &PROGRESS);
    }
    Rendered {
        title: title(options),
        description: description(&rows, options),
        source: format::source_line(&[SECTION], lang),
        alt: alt_text(&rows, lang),
        tooltips,
        table: table(&columns, &rows, options),
        scene: laid.scene,
        hint: None,
    }
}

const NAME: Field<I> = Field::new(Text { zh: "指标", en: "Indicator" }, |i, _, lang| Some(full_name(i, lang)));
const NUMBER: Field<I> = Field::new(Text { zh: "序号", en: "No." }, |i, _, _| Some(i.number.to_string()));
const CATEGORY: Field<I> =
    Field::new(Text { zh: "类别", en: "Category" }, |i, _, lang| Some(category_name(i.category, lang).into()));
const UNIT: Field<I> = Field::new(Text { zh: "单位", en: "Unit" }, |i, _, lang| {
    Some(Some(unit_of(i, lang)).filter(|u| !u.is_empty()).unwrap_or("—").into())
});
const ATTRIBUTE: Field<I> =
    Field::new(Text { zh: "属性", en: "Attribute" }, |i, _, lang| Some(attribute_name(i.attribute, lang).into()));
const HEADINGS: [Text; 3] = [
    Text { zh: "2025年", en: "2025" },
    Text { zh: "2030年", en: "2030" },
    Text { zh: "“十五五”年均/累计", en: "2026–2030 yearly/total" },
];
// The table's cells leave the unit to its column; the tooltip's carry it.
const T2025: Field<I> = Field::new(HEADINGS[0], |i, _, lang| table_cell(i, Y2025, lang));
const T2030: Field<I> = Field::new(HEADINGS[1], |i, _, lang| table_cell(i, Y2030, lang));
const TPLAN: Field<I> = Field::new(HEADINGS[2], |i, _, lang| table_cell(i, Plan, lang));
const F2025: Field<I> = Field::new(HEADINGS[0], |i, _, lang| Some(full(i, Y2025, lang)));
const F2030: Field<I> = Field::new(HEADINGS[1], |i, _, lang| Some(full(i, Y2030, lang)));
const FPLAN: Field<I> = Field::new(HEADINGS[2], |i, _, lang| Some(full(i, Plan, lang)));
const FROM_2025: Text = Text { zh: "2025—2030年变化（计算值）", en: "Change 2025–2030 (derived)" };
const CHANGE: Field<I> = Field::new(FROM_2025, |i, _, lang| change_text(i, lang));
// In the tooltip, the change is named by the year of its base.
const CHANGE_FROM_2025: Field<I> =
    Field::new(FROM_2025, |i, _, lang| change_text(i, lang).filter(|_| change_pp(i).is_some_and(|c| !c.2)));
const CHANGE_FROM_2024: Field<I> =
    Field::new(Text { zh: "2024—2030年变化（计算值）", en: "Change 2024–2030 (derived)" }, |i, _, lang| {
        change_text(i, lang).filter(|_| change_pp(i).is_some_and(|c| c.2))
    });
const PROGRESS: Field<I> = Field::new(REPORTED, |i, options, lang| progress(i, options, lang));
const SOURCE: Field<I> =
    Field::new(Text { zh: "出处", en: "Source" }, |i, _, lang| Some(format::section(i.source.section, lang)));
const QUOTE: Field<I> = Field::new(PLAN_WORDS, |i, _, _| Some(i.source.quote.into()));

const TOOLTIP: [&Field<I>; 10] =
    [&F2025, &F2030, &FPLAN, &CHANGE_FROM_2025, &CHANGE_FROM_2024, &PROGRESS, &ATTRIBUTE, &CATEGORY, &SOURCE, &QUOTE];

/// How many indicators `rows` hold (indicator 14 has two rows).
fn indicators(rows: &[I]) -> usize {
    let mut numbers: Vec<u32> = rows.iter().map(|i| i.number).collect();
    numbers.dedup();
    numbers.len()
}

/// One line on what the chart shows, for all indicators or one category.
fn description(rows: &[I], options: &Options) -> String {
    let n = indicators(rows);
    let category = options.category.map(|c| category_name(c, options.lang));
    match options.lang {
        Lang::Zh => format!(
            "{}{n}项主要指标的2025年值、2030年目标和“十五五”年均或累计目标{}；每行刻度各自从0起",
            category.map_or(String::new(), |c| format!("{c}类")),
            if category.is_some() { "" } else { "，按类别分组" }
        ),
        Lang::En => format!(
            "The {n} main indicators {}: 2025 values, 2030 targets and yearly or five-year figures for 2026–2030; each row has its own scale from 0",
            category.map_or("by category".into(), |c| format!("of {}", c.to_ascii_lowercase()))
        ),
    }
}

fn title(options: &Options) -> String {
    let lang = options.lang;
    match options.category {
        None => TITLE.get(lang).to_string(),
        Some(c) => format!("{}{}{}", TITLE.get(lang), label("：", ": ", lang), category_name(c, lang)),
    }
}

/// What the chart shows in words, from the data: counts by attribute and kind of figure, and the
/// largest and smallest changes in percentage points.
fn alt_text(rows: &[I], lang: Lang) -> String {
    let (mut binding, mut expected, mut dumbbells, mut bars, mut words) = (Vec::new(), Vec::new(), 0, 0, 0);
    let (mut categories, mut changes): (Vec<&str>, Vec<(I, f64)>) = (Vec::new(), Vec::new());
    for &i in rows {
        match i.attribute {
            Attribute::Binding => binding.push(i),
            Attribute::Expected => expected.push(i),
        }
        dumbbells += usize::from(number_of(i.y2025.as_ref()).is_some() && number_of(i.y2030.as_ref()).is_some());
        bars += usize::from(number_of(i.plan_period.as_ref()).is_some());
        for period in [Y2025, Y2030, Plan] {
            words += usize::from(matches!(period.cell(i), Some(Cell::Words(_))));
        }
        let category = category_name(i.category, lang);
        if categories.last() != Some(&category) {
            categories.push(category);
        }
        if let Some((change, _, _)) = change_pp(i) {
            changes.push((i, change));
        }
    }
    let (binding, expected) = (indicators(&binding), indicators(&expected));
    order::sort_by(&mut changes, |a, b| b.1.total_cmp(&a.1));
    let extremes = match (changes.first(), changes.last()) {
        (Some(&(most, _)), Some(&(least, _))) if changes.len() > 1 => {
            let (a0, a1, ac) = (full(most, Y2025, lang), full(most, Y2030, lang), change_text(most, lang));
            let (b0, b1, bc) = (full(least, Y2025, lang), full(least, Y2030, lang), change_text(least, lang));
            let (ac, bc) = (ac.unwrap_or_default(), bc.unwrap_or_default());
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
            indicators(rows),
            rows.len(),
            format::list(&categories, lang),
            categories.len(),
        ),
        Lang::En => format!(
            "Chart-table of the {} ({}) of Shaoxing's 15th Five-Year Plan in {} ({}): {binding} binding, {expected} expected. {} the 2025 value (open diamond) and the 2030 target (filled diamond); {} a yearly or five-year figure for 2026–2030 as a bar; {} stated in words (such as \"meet the target set by the province\") and written out.{extremes}",
            format::count(indicators(rows), "main indicator", "main indicators"),
            format::count(rows.len(), "row", "rows"),
            format::count(categories.len(), "category", "categories"),
            format::lower(&format::list_common(&categories, lang), lang),
            format::count(dumbbells, "row shows", "rows show"),
            format::count(bars, "row shows", "rows show"),
            format::count(words, "cell is", "cells are"),
        ),
    }
}

/// A cell's number for the CSV, where it is one.
fn csv_value(cell: Option<&Cell>) -> String {
    number_of(cell).map_or(String::new(), |v| format::number(v, 3, Lang::Zh))
}

/// A cell's mark in the table: `*` (2024 actual) or `[]` (five-year total).
fn csv_mark(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Number { actual_2024: true, .. }) => "*".into(),
        Some(Cell::Number { cumulative: true, .. }) => "[]".into(),
        _ => String::new(),
    }
}

fn csv_stated(cell: Option<&Cell>, lang: Lang) -> String {
    cell.map_or(String::new(), |c| stated(c, lang))
}

/// The CSV: every cell as a number (where it is one) and as stated in both languages, with the
/// table's marks, the derived change, provenance and progress.
const CSV: &[Column<I>] = &[
    Column::One("id", |i| i.id.into()),
    Column::One("number", |i| i.number.to_string()),
    Column::One("category", |i| i.category.strip_prefix("category.").unwrap_or(i.category).into()),
    Column::Both("name", |i, lang| i.name.get(lang).into()),
    Column::Both("sub", |i, lang| i.sub.map_or("", |s| s.get(lang)).into()),
    Column::Both("unit", |i, lang| unit_of(i, lang).into()),
    Column::One("attribute", |i| {
        match i.attribute {
            Attribute::Binding => "binding",
            Attribute::Expected => "expected",
        }
        .into()
    }),
    Column::One("y2025_value", |i| csv_value(Y2025.cell(i))),
    Column::One("y2025_mark", |i| csv_mark(Y2025.cell(i))),
    Column::Both("y2025_stated", |i, lang| csv_stated(Y2025.cell(i), lang)),
    Column::One("y2030_value", |i| csv_value(Y2030.cell(i))),
    Column::One("y2030_mark", |i| csv_mark(Y2030.cell(i))),
    Column::Both("y2030_stated", |i, lang| csv_stated(Y2030.cell(i), lang)),
    Column::One("plan_period_value", |i| csv_value(Plan.cell(i))),
    Column::One("plan_period_mark", |i| csv_mark(Plan.cell(i))),
    Column::One("plan_period_kind", |i| {
        match i.plan_period {
            Some(Cell::Number { cumulative: true, .. }) => "five-year-total",
            Some(Cell::Number { .. }) => "yearly",
            Some(Cell::Words(_)) => "words",
            None => "",
        }
        .into()
    }),
    Column::Both("plan_period_stated", |i, lang| csv_stated(Plan.cell(i), lang)),
    Column::One("change_pp_derived", |i| change_pp(i).map_or(String::new(), |c| format::number(c.0, 3, Lang::Zh))),
    Column::One("section", |i| i.source.section.into()),
    Column::One("quote", |i| i.source.quote.into()),
    Column::Reported(|i, options| {
        let reported = *options.actual(i.id)?.points.last()?;
        Some((reported, share(i, reported.value)))
    }),
];

pub fn csv(options: &Options) -> String {
    fields::csv(CSV, &shown(options), options)
}
