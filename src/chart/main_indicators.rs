//! `main-indicators`: the plan's table 主要指标 (25 indicators in 26 rows) as a chart-table.
//!
//! Rows are grouped under their category. Each row gives the indicator's name and unit, whether it is
//! binding (约束性: a filled badge) or expected (预期性: an outlined badge), and a small scale of its
//! own from zero: the 2025 value is an open diamond, the 2030 target a filled diamond joined to it
//! (a dumbbell), and a yearly or five-year figure of the plan period a bar (hatched when cumulative).
//! Rows never share an axis: their units differ. Every figure is labelled as the table states it
//! (78左右, 5.2*, [18]); cells in words (稳定, 完成省下达目标) are written out, never drawn as zero.

use super::{label, Rendered};
use crate::chart::Options;
use crate::data::indicator::Period::{self, Plan, Y2025, Y2030};
use crate::data::model::{Attribute, Cell, Indicator, Lang, Text};
use crate::data::{CATEGORIES, INDICATORS};
use crate::format;
use crate::order;
use crate::plot::fields::{self, table, tooltip};
use crate::plot::parts::{padding, PLAN_WORDS, REPORTED};
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

/// The row's full name: "每千人拥有医护人员数：执业医师数".
fn full_name(indicator: &Indicator, lang: Lang) -> String {
    match indicator.sub {
        None => indicator.name.get(lang).to_string(),
        Some(sub) => format!("{}{}{}", indicator.name.get(lang), label("：", ": ", lang), sub.get(lang)),
    }
}

fn category_name(id: &str, lang: Lang) -> &'static str {
    CATEGORIES.iter().find(|c| c.id == id).map_or("", |c| c.name.get(lang))
}

/// The rows shown: all of them, or those of the chosen category, in the plan's order.
fn shown(options: &Options) -> Vec<I> {
    INDICATORS.iter().filter(|i| options.category.is_none_or(|c| i.category == c)).collect()
}

/// The ids of the indicators whose 2030 target or plan-period figure is a number.
pub fn targets() -> Vec<&'static str> {
    INDICATORS.iter().filter(|i| i.goal().is_some()).map(|i| i.id).collect()
}

/// The row's numeric cells as marks, and its cells in words as lines of text. A yearly 2025 figure
/// beside a five-year total measures something else, so it is written out rather than drawn on the
/// total's scale.
fn marks_and_words(indicator: I, theme: &Theme, lang: Lang) -> (Vec<Mark>, Vec<String>) {
    let (mut marks, mut words) = (Vec::new(), Vec::new());
    let total_planned = matches!(indicator.plan_period, Some(Cell::Number { cumulative: true, .. }));
    for period in Period::ALL {
        let Some(cell) = indicator.cell(period) else { continue };
        let head = format!("{}{}", period.prefix(cell, lang), label("：", ": ", lang));
        match *cell {
            Cell::Words(_) => words.push(head + &indicator.stated(cell, false, lang)),
            Cell::Number { cumulative: false, .. } if period == Y2025 && total_planned => {
                words.push(head + &indicator.noted(period, false, lang))
            }
            Cell::Number { value, cumulative, .. } if value.is_finite() => {
                let sign = match period {
                    Y2025 => Sign::Open,
                    Y2030 => Sign::Filled,
                    Plan => Sign::Bar(Paint { color: theme.series[1], hatched: cumulative }),
                };
                marks.push(Mark { sign, value, label: head + &indicator.stated(cell, false, lang) });
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
    let (binding, expected) = (Attribute::Binding.name(lang), Attribute::Expected.name(lang));
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
    let widest = INDICATORS.iter().map(|i| i.number).max().unwrap_or(0).to_string();
    let mut tracks = Vec::new();
    for &i in &rows {
        let (marks, words) = marks_and_words(i, theme, lang);
        tracks.push(Track {
            datum: i.id,
            group: category_name(i.category, lang),
            number: i.number.to_string(),
            name: i.name.get(lang),
            unit: i.unit_name(lang),
            part: i.sub.map(|s| s.get(lang)),
            tag: usize::from(i.attribute == Attribute::Binding),
            marks,
            reported: options.latest(i.id).map(|p| p.value).filter(|v| v.is_finite()),
            words,
        });
    }
    let tags = vec![(expected, false), (binding, true)];
    let plot = Tracks { legend, note: NOTE.get(lang), tags, widest_number: &widest, rows: tracks };
    let mut laid = plot.lay_out(width, lang, measure, theme);
    laid.scene.height = (laid.bottom + padding(width)).ceil();
    let columns = [&NAME, &NUMBER, &CATEGORY, &UNIT, &ATTRIBUTE, &T2025, &T2030, &TPLAN, &CHANGE, &PROGRESS, &SOURCE];
    Rendered {
        title: title(options),
        description: description(&rows, options),
        source: format::source_line(&[SECTION], lang),
        alt: alt_text(&rows, lang),
        tooltips: rows.iter().map(|i| tooltip(full_name(i, lang), &TOOLTIP, i, options)).collect(),
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
    Some(i.unit_name(lang)).filter(|u| !u.is_empty()).map(String::from)
});
const ATTRIBUTE: Field<I> =
    Field::new(Text { zh: "属性", en: "Attribute" }, |i, _, lang| Some(i.attribute.name(lang).into()));
// The table's cells leave the unit to its column; the tooltip's carry it.
const T2025: Field<I> = Field::new(Text { zh: "2025年", en: "2025" }, |i, _, lang| Some(i.noted(Y2025, false, lang)));
const T2030: Field<I> = Field::new(Text { zh: "2030年", en: "2030" }, |i, _, lang| Some(i.noted(Y2030, false, lang)));
const TPLAN: Field<I> =
    Field::new(Text { zh: "“十五五”年均/累计", en: "2026–2030 yearly/total" }, |i, _, lang| {
        Some(i.noted(Plan, false, lang))
    });
const F2025: Field<I> = Field::new(T2025.name, |i, _, lang| Some(i.noted(Y2025, true, lang)));
const F2030: Field<I> = Field::new(T2030.name, |i, _, lang| Some(i.noted(Y2030, true, lang)));
const FPLAN: Field<I> = Field::new(TPLAN.name, |i, _, lang| Some(i.noted(Plan, true, lang)));
const FROM_2025: Text = Text { zh: "2025—2030年变化（计算值）", en: "Change 2025–2030 (derived)" };
const CHANGE: Field<I> = Field::new(FROM_2025, |i, _, lang| i.change_text(lang));
// In the tooltip, the change is named by the year of its base.
const CHANGE_FROM_2025: Field<I> =
    Field::new(FROM_2025, |i, _, lang| i.change_text(lang).filter(|_| i.change_pp().is_some_and(|c| !c.2)));
const CHANGE_FROM_2024: Field<I> =
    Field::new(Text { zh: "2024—2030年变化（计算值）", en: "Change 2024–2030 (derived)" }, |i, _, lang| {
        i.change_text(lang).filter(|_| i.change_pp().is_some_and(|c| c.2))
    });
const PROGRESS: Field<I> = Field::reported(|i, options, lang| i.progress(options.actual(i.id)?, lang));
const SOURCE: Field<I> =
    Field::new(Text { zh: "出处", en: "Source" }, |i, _, lang| Some(format::section(i.source.section, lang)));
const QUOTE: Field<I> = Field::new(PLAN_WORDS, |i, _, _| Some(i.source.quote.into()));

const TOOLTIP: [&Field<I>; 10] =
    [&F2025, &F2030, &FPLAN, &CHANGE_FROM_2025, &CHANGE_FROM_2024, &PROGRESS, &ATTRIBUTE, &CATEGORY, &SOURCE, &QUOTE];

/// How many indicators of `attribute`, or of any, `rows` hold: an indicator's rows (14 has two) follow
/// each other.
fn indicators(rows: &[I], attribute: Option<Attribute>) -> usize {
    let mut previous = None;
    let first_rows = rows.iter().filter(|i| previous.replace(i.number) != Some(i.number));
    first_rows.filter(|i| attribute.is_none_or(|a| i.attribute == a)).count()
}

/// One line on what the chart shows, for all indicators or one category.
fn description(rows: &[I], options: &Options) -> String {
    let n = indicators(rows, None);
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
    let (lang, title) = (options.lang, TITLE.get(options.lang));
    options.category.map_or(title.into(), |c| format!("{title}{}{}", label("：", ": ", lang), category_name(c, lang)))
}

/// What the chart shows in words, from the data: counts by attribute and kind of figure, and the
/// largest and smallest changes in percentage points.
fn alt_text(rows: &[I], lang: Lang) -> String {
    let (mut dumbbells, mut bars, mut words) = (0, 0, 0);
    let (mut categories, mut changes): (Vec<&str>, Vec<(I, f64)>) = (Vec::new(), Vec::new());
    for &i in rows {
        let number = |period| i.cell(period).and_then(Cell::number).is_some();
        dumbbells += usize::from(number(Y2025) && number(Y2030));
        bars += usize::from(number(Plan));
        words += Period::ALL.iter().filter(|&&p| matches!(i.cell(p), Some(Cell::Words(_)))).count();
        let category = category_name(i.category, lang);
        if categories.last() != Some(&category) {
            categories.push(category);
        }
        changes.extend(i.change_pp().map(|(change, _, _)| (i, change)));
    }
    let (binding, expected) = (indicators(rows, Some(Attribute::Binding)), indicators(rows, Some(Attribute::Expected)));
    order::sort_by(&mut changes, |a, b| b.1.total_cmp(&a.1));
    let extremes = match (changes.first(), changes.last()) {
        (Some(&(most, _)), Some(&(least, _))) if changes.len() > 1 => {
            let said = |i: I| (i.noted(Y2025, true, lang), i.noted(Y2030, true, lang));
            let ((a0, a1), (b0, b1)) = (said(most), said(least));
            let (ac, bc) = (most.change_text(lang).unwrap_or_default(), least.change_text(lang).unwrap_or_default());
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
            indicators(rows, None),
            rows.len(),
            format::list(&categories, lang),
            categories.len(),
        ),
        Lang::En => format!(
            "Chart-table of the {} ({}) of Shaoxing's 15th Five-Year Plan in {} ({}): {binding} binding, {expected} expected. {} the 2025 value (open diamond) and the 2030 target (filled diamond); {} a yearly or five-year figure for 2026–2030 as a bar; {} stated in words (such as \"meet the target set by the province\") and written out.{extremes}",
            format::count(indicators(rows, None), "main indicator", "main indicators"),
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
fn csv_value(i: I, period: Period) -> String {
    i.cell(period).and_then(Cell::number).map_or(String::new(), |v| format::number(v, 3, Lang::Zh))
}

/// The CSV: every cell as a number (where it is one) and as stated in both languages, with the
/// table's marks, the derived change, provenance and progress.
const CSV: &[Column<I>] = &[
    Column::One("id", |i| i.id.into()),
    Column::One("number", |i| i.number.to_string()),
    Column::One("category", |i| i.category.strip_prefix("category.").unwrap_or(i.category).into()),
    Column::Both("name", |i, lang| i.name.get(lang).into()),
    Column::Both("sub", |i, lang| i.sub.map_or("", |s| s.get(lang)).into()),
    Column::Both("unit", |i, lang| i.unit_name(lang).into()),
    Column::One("attribute", |i| String::from(if i.attribute == Attribute::Binding { "binding" } else { "expected" })),
    Column::One("y2025_value", |i| csv_value(i, Y2025)),
    Column::One("y2025_mark", |i| i.cell(Y2025).map_or("", Cell::mark).into()),
    Column::Both("y2025_stated", |i, lang| i.cell(Y2025).map_or(String::new(), |c| i.stated(c, false, lang))),
    Column::One("y2030_value", |i| csv_value(i, Y2030)),
    Column::One("y2030_mark", |i| i.cell(Y2030).map_or("", Cell::mark).into()),
    Column::Both("y2030_stated", |i, lang| i.cell(Y2030).map_or(String::new(), |c| i.stated(c, false, lang))),
    Column::One("plan_period_value", |i| csv_value(i, Plan)),
    Column::One("plan_period_mark", |i| i.cell(Plan).map_or("", Cell::mark).into()),
    Column::One("plan_period_kind", |i| i.cell(Plan).map_or("", Cell::kind).into()),
    Column::Both("plan_period_stated", |i, lang| i.cell(Plan).map_or(String::new(), |c| i.stated(c, false, lang))),
    Column::One("change_pp_derived", |i| i.change_pp().map_or(String::new(), |c| format::number(c.0, 3, Lang::Zh))),
    Column::Source(|i| &i.source),
    Column::Reported(|i, options| options.latest(i.id).map(|reported| (reported, i.share(reported.value)))),
];

pub fn csv(options: &Options) -> String {
    fields::csv(CSV, &shown(options), options)
}
