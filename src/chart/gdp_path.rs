//! `gdp-path`: Shaoxing's GDP from the start of the 14th plan period to the 2030 target, as a line on
//! a year axis. The actual segment (2020–2025) is solid with filled squares; the planned segment
//! (the 2027 milestone and the 2030 target) is dashed with hollow squares. Each point carries its
//! figure as the plan states it (突破1万亿元, 1.25万亿元左右); the implied average yearly increase of
//! the stated figures is computed, labelled as derived, and set beside the plan's stated growth target.

use super::parts::{padding, PLAN_WORDS, REPORTED};
use super::{label, Rendered, Tooltip};
use crate::chart::{Options, Reported};
use crate::data::model::{Cell, Figure, FigureKind, Lang, Meaning, Quantity, Text, Unit};
use crate::data::{FIGURES, INDICATORS, UNITS};
use crate::format;
use crate::order;
use crate::plot::fields::{self, table};
use crate::plot::lines::{Dot, Lines, Marker, Segment, Side, Stroke};
use crate::plot::paragraphs::{self, Paragraph, Style};
use crate::plot::symbols::Symbol;
use crate::plot::{Column, Field, Key};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub const TITLE: Text =
    Text { zh: "地区生产总值：从“十四五”到2030年", en: "GDP: from the 14th plan period to 2030" };

/// The group of `data/figures/` whose figures the chart draws.
pub const GROUP: &str = "gdp-path";
/// The unit the plan reports GDP in (6111亿元), the value axis and the unit of reported values.
const YI: &str = "cny-100m";
/// The main indicator that states the plan's GDP growth target.
const GROWTH_INDICATOR: &str = "indicator.gdp-growth";

const DERIVED: Text = Text {
    zh: "按所列数值推算的年均增幅（计算值）",
    en: "Implied average yearly increase of the stated figures (derived)",
};
const ACTUAL: Text = Text { zh: "实际值", en: "Actual" };
const PLANNED: Text = Text { zh: "规划目标", en: "Planned" };
/// Every reported value is drawn, not only the latest: the legend says so.
const REPORTED_VALUES: Text = Text { zh: "报告的实际值", en: "Reported values" };
const STATED_GROWTH: Text = Text {
    zh: "规划GDP增长预期目标（“十五五”年均，主要指标）",
    en: "The plan's GDP growth target (yearly average 2026–2030, main indicators)",
};
/// Why the derived rates and the plan's growth target may not compare directly. The plan does not
/// say how its target is priced, so the note says what is usual rather than what the plan means.
const MEASURES_DIFFER: Text = Text {
    zh: "计算值由所列地区生产总值总量推算，含价格变动；规划未说明增长目标的计价口径（地区生产总值增速通常按可比价格计算），二者未必可直接比较。",
    en: "The derived rates come from the stated GDP totals, which include price changes. The plan does not say how its growth target is priced (GDP growth is usually measured at comparable prices), so the two may not compare directly.",
};

type F = &'static Figure;

/// A point of the line: a GDP figure of the plan with a year, its value in 亿元, and the implied
/// average yearly increase into it (from the year of the last actual before it).
#[derive(Clone, Copy)]
struct Point {
    figure: F,
    year: u16,
    value: f64,
    growth: Option<(u16, f64)>,
}

impl Point {
    fn planned(&self) -> bool {
        self.figure.kind != FigureKind::Actual
    }

    /// The plan's year is inferred when its quote does not name it ("从6111亿元增加至8932亿元").
    fn year_inferred(&self) -> bool {
        !self.figure.source.quote.contains(&self.year.to_string())
    }

    /// The derived rate written with what the plan's qualifier implies: 突破 → more than, 左右 → about.
    fn rate(&self, lang: Lang) -> Option<String> {
        let pct = format!("{}%", format::number(self.growth?.1 * 100.0, 2, lang));
        let words = match self.figure.value.qualifier.map(|q| q.meaning) {
            Some(Meaning::Over) => Text { zh: "高于", en: "more than " },
            Some(Meaning::About) => Text { zh: "约", en: "about " },
            Some(Meaning::AtLeast) => Text { zh: "不低于", en: "at least " },
            Some(Meaning::Within) => Text { zh: "不高于", en: "at most " },
            Some(Meaning::Striving) => Text { zh: "力争", en: "striving for " },
            None => Text { zh: "", en: "" },
        };
        Some(format!("{}{pct}", words.get(lang)))
    }

    /// "2025—2030年": the years the derived rate runs over.
    fn period(&self, lang: Lang) -> Option<String> {
        let from = self.growth?.0;
        Some(match lang {
            Lang::Zh => format!("{from}—{}年", self.year),
            Lang::En => format!("{from}–{}", self.year),
        })
    }

    fn stated(&self, lang: Lang) -> String {
        format::quantity(&self.figure.value, lang)
    }
}

fn yi() -> Option<&'static Unit> {
    UNITS.iter().copied().find(|u| u.id == YI)
}

/// The GDP figures of the group, in year order (the plan's order for equal years).
fn points() -> Vec<Point> {
    let mut points = Vec::new();
    for figure in FIGURES.iter().filter(|f| f.group == GROUP) {
        if let (Some(value), Some(year)) = (figure.value.value_in(YI), figure.year) {
            if value.is_finite() {
                points.push(Point { figure, year, value, growth: None });
            }
        }
    }
    order::sort_by_key(&mut points, |p| p.year);
    for i in 0..points.len() {
        let p = points[i];
        // From the previous actual for an actual, from the latest actual before it for a planned point.
        let start = points[..i].iter().rev().find(|s| !s.planned() && s.year < p.year);
        points[i].growth = start.and_then(|s| Some((s.year, implied_growth(s.year, s.value, p.year, p.value)?)));
    }
    points
}

/// Figures of the group that are not GDP in 亿元 (GDP per capita), shown as notes.
fn notes() -> Vec<F> {
    FIGURES.iter().filter(|f| f.group == GROUP && f.value.value_in(YI).is_none()).collect()
}

/// The ids `actuals` may report on: the planned GDP points (milestones and targets).
pub fn targets() -> Vec<&'static str> {
    points().iter().filter(|p| p.planned()).map(|p| p.figure.id).collect()
}

/// The implied average yearly increase from `from` to `to`, as a fraction; None when undefined.
pub fn implied_growth(from_year: u16, from: f64, to_year: u16, to: f64) -> Option<f64> {
    let years = f64::from(to_year) - f64::from(from_year);
    if years <= 0.0 || !(from > 0.0 && to > 0.0) {
        return None;
    }
    let g = (to / from).powf(1.0 / years) - 1.0;
    g.is_finite().then_some(g)
}

/// The plan's stated GDP growth target: the main indicator's “十五五”年均 cell.
fn stated_growth(lang: Lang) -> Option<String> {
    let indicator = INDICATORS.iter().find(|i| i.id == GROWTH_INDICATOR)?;
    Some(match indicator.plan_period? {
        Cell::Number { value, qualifier, .. } => {
            format::quantity(&Quantity { value, unit: indicator.unit, qualifier, as_written: None }, lang)
        }
        Cell::Words(words) => words.get(lang).to_string(),
    })
}

fn kind_name(kind: FigureKind, lang: Lang) -> &'static str {
    match kind {
        FigureKind::Actual => label("实际值", "Actual", lang),
        FigureKind::Milestone => label("阶段目标", "Milestone", lang),
        FigureKind::Target => label("目标", "Target", lang),
    }
}

/// Why the years of the 14th-plan figures are shown: the plan gives the values without years.
fn year_note(points: &[Point], lang: Lang) -> String {
    let (mut stated, mut years, mut quote) = (Vec::new(), Vec::new(), "");
    for p in points.iter().filter(|p| p.year_inferred()) {
        stated.push(p.stated(lang));
        years.push(p.year.to_string());
        quote = if quote.is_empty() { p.figure.source.quote } else { quote };
    }
    match lang {
        Lang::Zh => format!("年份为推定：规划原文“{quote}”未写年份，按“十四五”时期的起止年（{}年）理解", years.join("年、")),
        Lang::En => format!(
            "Years inferred: the plan gives GDP as {} without years, read here as the start and end of the 14th plan period ({})",
            stated.join(" → "),
            format::list(&years.iter().map(String::as_str).collect::<Vec<_>>(), lang)
        ),
    }
}

/// Reported GDP values (the `actuals` option, in 亿元) on any of the targets, in year order, with the
/// target they were reported on.
fn reports(options: &Options) -> Vec<(&'static str, Reported)> {
    let mut out = Vec::new();
    for actual in targets().into_iter().filter_map(|id| options.actual(id)) {
        for p in &actual.points {
            out.push((actual.datum, *p));
        }
    }
    order::sort_by_key(&mut out, |(_, p)| p.year);
    out
}

/// The value of the last actual before the targets: where progress is measured from (8932亿元).
fn baseline(points: &[Point]) -> Option<f64> {
    points.iter().rev().find(|p| !p.planned()).map(|p| p.value)
}

fn progress(point: &Point, options: &Options) -> Option<String> {
    let actual = options.actual(point.figure.id)?;
    crate::progress::describe(actual, yi()?, baseline(&points()), point.value, options.lang)
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let points = points();
    let reported = reports(options);
    let (factor, unit) = yi().map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));
    let mut legend = vec![
        (ACTUAL.get(lang), Key::Symbol(Symbol::Line { planned: false })),
        (PLANNED.get(lang), Key::Symbol(Symbol::Line { planned: true })),
    ];
    if !reported.is_empty() {
        legend.push((REPORTED_VALUES.get(lang), Key::Symbol(Symbol::Cross)));
    }
    let (labelled, dots, stops) = (Vec::new(), Vec::new(), Vec::new());
    let mut plot = Lines { legend, factor, unit, labelled, segments: Vec::new(), dots, stops };
    // Solid between actuals, dashed from the last actual through the planned points.
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let stroke = if b.planned() { Stroke::Dashed } else { Stroke::Solid };
        plot.segments.push(Segment { from: (a.year, a.value), to: (b.year, b.value), stroke, datum: b.figure.id });
    }
    // Reported values continue the actual line, thin, from the last actual: the first of each year.
    if let Some(base) = points.iter().rev().find(|p| !p.planned()) {
        let (mut from, mut year) = ((base.year, base.value), None);
        for &(datum, r) in reported.iter().filter(|(_, r)| r.year >= base.year) {
            if year != Some(r.year) {
                plot.segments.push(Segment { from, to: (r.year, r.value), stroke: Stroke::Thin, datum });
                (from, year) = ((r.year, r.value), Some(r.year));
            }
        }
    }
    // Actuals labelled below to the right (the line rises away from there), planned figures above to
    // the left (the line arrives from below).
    for p in &points {
        let (marker, side) =
            if p.planned() { (Marker::Hollow, Side::AboveLeft) } else { (Marker::Filled, Side::BelowRight) };
        let label = Some((p.stated(lang), side));
        plot.dots.push(Dot { at: (p.year, p.value), marker, datum: p.figure.id, label });
        plot.labelled.push(p.year);
    }
    // Stops in year order; a report in a year the plan has a point for belongs to that point.
    let mut stops: Vec<(u16, usize)> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        stops.push((p.year, i));
    }
    for &(datum, r) in &reported {
        if !stops.iter().any(|(year, _)| *year == r.year) {
            stops.push((r.year, plot.dots.len()));
        }
        plot.dots.push(Dot { at: (r.year, r.value), marker: Marker::Cross, datum, label: None });
    }
    order::sort_by_key(&mut stops, |(year, _)| *year);
    let mut tooltips = Vec::new();
    for &(year, i) in &stops {
        plot.stops.push(i);
        tooltips.push(match points.get(i) {
            Some(point) => tooltip(&points, point, &reported, options),
            None => report_tooltip(year, &reported, &points, lang),
        });
    }
    let mut laid = plot.lay_out(width, lang, measure, theme);

    // Below the plot: the derived yearly increases beside the plan's stated growth target, and notes.
    let paragraph = |style, text, datum, apart| Paragraph { style, text, datum, apart };
    let mut below = vec![paragraph(Style::Heading, DERIVED.get(lang).to_string(), None, false)];
    for (line, datum) in growth_lines(&points, lang) {
        below.push(paragraph(Style::Text, line, Some(datum), false));
    }
    if let Some(stated) = stated_growth(lang) {
        let line = format!("{}{}", label("对照 · ", "Compare · ", lang), Tooltip::label(STATED_GROWTH.get(lang), lang));
        below.push(paragraph(Style::Text, line + &stated, Some(GROWTH_INDICATOR), false));
        below.push(paragraph(Style::Muted, MEASURES_DIFFER.get(lang).into(), Some(GROWTH_INDICATOR), false));
    }
    // The notes apart from the rates.
    let mut apart = true;
    for note in notes() {
        below.push(paragraph(Style::Muted, note_line(note, lang), Some(note.id), apart));
        apart = false;
    }
    if points.iter().any(Point::year_inferred) {
        let line = format!("{}{}", label("注：", "Note: ", lang), year_note(&points, lang));
        below.push(paragraph(Style::Muted, line, None, apart));
    }
    let bottom = paragraphs::draw(&mut laid.scene, &below, laid.bottom, measure, theme);
    laid.scene.height = (bottom + padding(width)).ceil();

    let mut columns = vec![&YEAR, &KIND, &STATED, &GROWTH, &ALSO_STATED, &SOURCE];
    if !options.actuals.is_empty() {
        columns.insert(3, &PROGRESS);
    }
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: description(&points, lang),
        source: format::source_line(&sections(&points), lang),
        alt: alt_text(&points, lang),
        tooltips,
        table: table(&columns, &points, options),
        scene: laid.scene,
        hint: None,
    }
}

/// The derived lines under the plot, one per point that has a start to measure from.
fn growth_lines(points: &[Point], lang: Lang) -> Vec<(String, &'static str)> {
    let mut lines = Vec::new();
    for p in points {
        let (Some(period), Some(rate)) = (p.period(lang), p.rate(lang)) else { continue };
        let what = match (p.planned(), lang) {
            (false, _) => format!("{period}{}", label("（实际）", " (actual)", lang)),
            (true, Lang::Zh) => format!("{period}（至{}）", p.stated(lang)),
            (true, Lang::En) => format!("{period} (to {})", p.stated(lang)),
        };
        lines.push((format!("{}{rate}", Tooltip::label(&what, lang)), p.figure.id));
    }
    lines
}

fn note_line(note: &Figure, lang: Lang) -> String {
    let name = match (lang, note.year) {
        (Lang::Zh, Some(year)) => format!("{year}年{}", note.name.zh),
        (Lang::En, Some(year)) => format!("{} in {year}", note.name.en),
        (_, None) => note.name.get(lang).to_string(),
    };
    format!("{}{}", Tooltip::label(&name, lang), format::quantity(&note.value, lang))
}

/// Where the chart's figures stand in the plan.
pub(crate) fn cited_sections() -> Vec<&'static str> {
    sections(&points())
}

/// The plan's sections the chart draws on, in order of first use, then the indicator table.
fn sections(points: &[Point]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let growth = INDICATORS.iter().find(|i| i.id == GROWTH_INDICATOR).map(|i| i.source.section);
    let notes = notes();
    let cited = points.iter().map(|p| p.figure.source.section).chain(notes.iter().map(|n| n.source.section));
    for s in cited.chain(growth) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn description(points: &[Point], lang: Lang) -> String {
    let actuals: Vec<&Point> = points.iter().filter(|p| !p.planned()).collect();
    let (Some(first), Some(last)) = (actuals.first(), actuals.last()) else {
        return String::new();
    };
    let mut plans = Vec::new();
    for p in points.iter().filter(|p| p.planned()) {
        plans.push(match lang {
            Lang::Zh => format!("{}年{}", p.year, p.stated(lang)),
            Lang::En => format!("{} by {}", p.stated(lang), p.year),
        });
    }
    let plans = format::list(&plans.iter().map(String::as_str).collect::<Vec<_>>(), lang);
    let inferred = first.year_inferred() || last.year_inferred();
    let (a, b) = (first.stated(lang), last.stated(lang));
    match lang {
        Lang::Zh => format!(
            "绍兴市地区生产总值“十四五”时期从{a}增至{b}（{}、{}年{}），规划{plans}",
            first.year,
            last.year,
            if inferred { "为按起止年推定" } else { "" },
        ),
        Lang::En => format!(
            "Shaoxing's GDP grew from {a} in {} to {b} in {} over the 14th plan period{}; the plan aims for {plans}",
            first.year,
            last.year,
            if inferred { " (years inferred)" } else { "" },
        ),
    }
}

/// A reported value's line: "2027年实际值（报告）: 10200亿元" or, with `name`, "地区生产总值: 10200亿元".
fn report_line(r: &Reported, name: Option<&str>, lang: Lang) -> Option<(String, String)> {
    let name = name.map_or_else(|| format!("{}{}", r.year, label("年实际值（报告）", " reported", lang)), String::from);
    Some((name, format::amount(r.value, yi()?, lang)))
}

fn tooltip(points: &[Point], point: &Point, reported: &[(&'static str, Reported)], options: &Options) -> Tooltip {
    let lang = options.lang;
    let f = point.figure;
    let mut lines = vec![(kind_name(f.kind, lang).to_string(), point.stated(lang))];
    lines.extend(progress(point, options).map(|p| (REPORTED.get(lang).to_string(), p)));
    for (_, r) in reported.iter().filter(|(_, r)| r.year == point.year) {
        lines.extend(report_line(r, None, lang));
    }
    if let (Some(period), Some(rate)) = (point.period(lang), point.rate(lang)) {
        let what = match lang {
            Lang::Zh => format!("{period}年均增幅（计算值）"),
            Lang::En => format!("Implied yearly increase {period} (derived)"),
        };
        lines.push((what, rate));
    }
    if point.planned() {
        lines.extend(stated_growth(lang).map(|s| (STATED_GROWTH.get(lang).to_string(), s)));
    }
    for note in notes().into_iter().filter(|n| n.year == Some(point.year)) {
        lines.push((note.name.get(lang).into(), format::quantity(&note.value, lang)));
    }
    if point.year_inferred() {
        lines.push((label("年份", "Year", lang).into(), year_note(points, lang)));
    }
    lines.push((label("出处", "Source", lang).into(), format::section(f.source.section, lang)));
    lines.push((PLAN_WORDS.get(lang).into(), f.source.quote.into()));
    let title = match lang {
        Lang::Zh => format!("{}年{}", point.year, f.name.zh),
        Lang::En => format!("{}, {}", f.name.en, point.year),
    };
    Tooltip { title, lines }
}

/// A report in a year the plan has no point for, with the share of the way to each target.
fn report_tooltip(year: u16, reported: &[(&'static str, Reported)], points: &[Point], lang: Lang) -> Tooltip {
    let mut lines = Vec::new();
    for (_, r) in reported.iter().filter(|(_, r)| r.year == year) {
        lines.extend(report_line(r, Some(label("地区生产总值", "GDP", lang)), lang));
        for p in points.iter().filter(|p| p.planned()) {
            let Some(share) = crate::progress::share(baseline(points), p.value, r.value) else { continue };
            let pct = format::number(share * 100.0, 0, lang);
            lines.push(match lang {
                Lang::Zh => (format!("距{}年{}目标", p.year, p.stated(lang)), format!("已完成目标进程的{pct}%")),
                Lang::En => {
                    (format!("Towards {} by {}", p.stated(lang), p.year), format!("{pct}% of the way from 2025"))
                }
            });
        }
    }
    let title = match lang {
        Lang::Zh => format!("{year}年实际值（报告）"),
        Lang::En => format!("Reported, {year}"),
    };
    Tooltip { title, lines }
}

const YEAR: Field<Point> = Field::new(Text { zh: "年份", en: "Year" }, |p, _, lang| {
    Some(format!("{}{}", p.year, if p.year_inferred() { label("（推定）", " (inferred)", lang) } else { "" }))
});
const KIND: Field<Point> =
    Field::new(Text { zh: "类型", en: "Kind" }, |p, _, lang| Some(kind_name(p.figure.kind, lang).into()));
const STATED: Field<Point> =
    Field::new(Text { zh: "地区生产总值（规划所述）", en: "GDP (as stated)" }, |p, _, lang| {
        Some(p.stated(lang))
    });
const PROGRESS: Field<Point> = Field::new(REPORTED, |p, options, _| progress(p, options));
const GROWTH: Field<Point> = Field::new(DERIVED, |p, _, lang| Some(format!("{} {}", p.period(lang)?, p.rate(lang)?)));
/// The plan's other figures for a point's year that its tooltip gives (per-capita GDP, the growth
/// target), so that the table holds every figure too.
const ALSO_STATED: Field<Point> =
    Field::new(Text { zh: "规划同时述及", en: "Also stated in the plan" }, |p, _, lang| {
        let mut items = Vec::new();
        for n in notes().into_iter().filter(|n| n.year == Some(p.year)) {
            items.push(format!("{}{}", Tooltip::label(n.name.get(lang), lang), format::quantity(&n.value, lang)));
        }
        if let Some(stated) = stated_growth(lang).filter(|_| p.planned()) {
            items.push(format!("{}{stated}", Tooltip::label(STATED_GROWTH.get(lang), lang)));
        }
        Some(items.join(label("；", "; ", lang))).filter(|s| !s.is_empty())
    });
const SOURCE: Field<Point> =
    Field::new(Text { zh: "出处", en: "Source" }, |p, _, lang| Some(format::section(p.figure.source.section, lang)));

/// What the chart shows in words, from the data.
fn alt_text(points: &[Point], lang: Lang) -> String {
    let mut listed = Vec::new();
    for p in points {
        let kind = kind_name(p.figure.kind, lang);
        listed.push(match lang {
            Lang::Zh => format!("{}年{}（{kind}）", p.year, p.stated(lang)),
            Lang::En => format!("{} {} ({})", p.year, p.stated(lang), kind.to_ascii_lowercase()),
        });
    }
    let listed = format::list(&listed.iter().map(String::as_str).collect::<Vec<_>>(), lang);
    let growth: Vec<String> = growth_lines(points, lang).into_iter().map(|(line, _)| line).collect();
    let (stated, note) = (stated_growth(lang).unwrap_or_default(), year_note(points, lang));
    match lang {
        Lang::Zh => format!(
            "折线图：绍兴市地区生产总值，{listed}。实线为实际值，虚线为规划目标。{}：{}。规划“十五五”GDP年均增长预期目标为{stated}。{note}",
            DERIVED.zh,
            growth.join("；"),
        ),
        Lang::En => format!(
            "Line chart of Shaoxing's GDP: {listed}. Solid line: actual; dashed: planned. {}: {}. The plan's GDP growth target is {stated} a year on average over 2026–2030. Note: {note}.",
            DERIVED.en,
            growth.join("; "),
        ),
    }
}

/// A line of the CSV: a GDP point, or a note (GDP per capita) with no point.
type Record = (F, Option<Point>);

/// The CSV: each figure as a number and as stated, in both languages, the derived increases, the
/// sources and the latest report.
const CSV: &[Column<Record>] = &[
    Column::One("id", |(f, _)| f.id.into()),
    Column::One("kind", |(f, _)| {
        match f.kind {
            FigureKind::Actual => "actual",
            FigureKind::Milestone => "milestone",
            FigureKind::Target => "target",
        }
        .into()
    }),
    Column::Both("name", |(f, _), lang| f.name.get(lang).into()),
    Column::One("year", |(f, _)| f.year.map_or(String::new(), |y| y.to_string())),
    Column::One("year_inferred", |(_, p)| p.map_or("", |p| if p.year_inferred() { "yes" } else { "no" }).into()),
    Column::Figure(|(f, _)| &f.value),
    Column::One("value_cny_100m", |(_, p)| p.map_or(String::new(), |p| format::number(p.value, 3, Lang::Zh))),
    Column::One("derived_from_year", |(_, p)| p.and_then(|p| p.growth).map_or(String::new(), |g| g.0.to_string())),
    Column::One("derived_avg_yearly_increase", |(_, p)| {
        p.and_then(|p| p.growth).map_or(String::new(), |g| format::number(g.1, 4, Lang::Zh))
    }),
    Column::One("section", |(f, _)| f.source.section.into()),
    Column::One("quote", |(f, _)| f.source.quote.into()),
    Column::Reported(|(_, p), options| {
        let p = p.as_ref()?;
        let reported = *options.actual(p.figure.id)?.points.last()?;
        Some((reported, crate::progress::share(baseline(&points()), p.value, reported.value)))
    }),
];

pub fn csv(options: &Options) -> String {
    let mut records: Vec<Record> = Vec::new();
    for p in points() {
        records.push((p.figure, Some(p)));
    }
    for note in notes() {
        records.push((note, None));
    }
    fields::csv(CSV, &records, options)
}
