//! `gdp-path`: Shaoxing's GDP from the start of the 14th plan period to the 2030 target, as a line on
//! a year axis. The actual segment (2020–2025) is solid with filled squares; the planned segment
//! (the 2027 milestone and the 2030 target) is dashed with hollow squares. Each point carries its
//! figure as the plan states it (突破1万亿元, 1.25万亿元左右); the implied average yearly increase of
//! the stated figures is computed, labelled as derived, and set beside the plan's stated growth target.

use super::{label, Rendered, Tooltip};
use crate::chart::{Options, Reported};
use crate::data::gdp::{baseline, growth_lines, kind, note_line, notes, points, stated_growth, year_note, yi};
use crate::data::gdp::{sections, Point, GROWTH_INDICATOR};
use crate::data::model::{Figure, Lang, Text};
use crate::format;
use crate::order;
use crate::plot::fields::{self, table};
use crate::plot::lines::{Dot, Lines};
use crate::plot::paragraphs::{self, Paragraph, Style};
use crate::plot::parts::{padding, PLAN_WORDS, REPORTED};
use crate::plot::symbols::Symbol;
use crate::plot::{Column, Field, Key};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub use crate::data::gdp::{implied_growth, GROUP};

pub const TITLE: Text =
    Text { zh: "地区生产总值：从“十四五”到2030年", en: "GDP: from the 14th plan period to 2030" };

const DERIVED: Text = Text {
    zh: "按所列数值推算的年均增幅（计算值）",
    en: "Implied average yearly increase of the stated figures (derived)",
};
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

/// The ids `actuals` may report on: the planned GDP points (milestones and targets).
pub fn targets() -> Vec<&'static str> {
    points().iter().filter(|p| p.planned()).map(|p| p.figure.id).collect()
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

fn progress(point: &Point, options: &Options) -> Option<String> {
    crate::progress::describe(options.actual(point.figure.id)?, yi()?, baseline(&points()), point.value, options.lang)
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let (points, reported) = (points(), reports(options));
    let (factor, unit) = yi().map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));
    let mut legend = vec![
        (label("实际值", "Actual", lang), Key::Symbol(Symbol::Line { planned: false })),
        (label("规划目标", "Planned", lang), Key::Symbol(Symbol::Line { planned: true })),
    ];
    if !reported.is_empty() {
        // Every reported value is drawn, not only the latest: the legend says so.
        legend.push((label("报告的实际值", "Reported values", lang), Key::Symbol(Symbol::Cross)));
    }
    let mut plot = Lines { legend, factor, unit, points: Vec::new(), reports: Vec::new() };
    for p in &points {
        let label = p.stated(lang);
        plot.points.push(Dot { at: (p.year, p.value), planned: p.planned(), datum: p.figure.id, label });
    }
    for &(datum, r) in &reported {
        plot.reports.push((datum, (r.year, r.value)));
    }
    let mut tooltips = Vec::new();
    for (year, i) in plot.stops() {
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
    for (n, note) in notes().into_iter().enumerate() {
        below.push(paragraph(Style::Muted, note_line(note, lang), Some(note.id), n == 0));
    }
    if points.iter().any(Point::year_inferred) {
        let line = format!("{}{}", label("注：", "Note: ", lang), year_note(&points, lang));
        below.push(paragraph(Style::Muted, line, None, notes().is_empty()));
    }
    let bottom = paragraphs::draw(&mut laid.scene, &below, laid.bottom, measure, theme);
    laid.scene.height = (bottom + padding(width)).ceil();
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: description(&points, lang),
        source: format::source_line(&sections(), lang),
        alt: alt_text(&points, lang),
        tooltips,
        table: table(&[&YEAR, &KIND, &STATED, &PROGRESS, &GROWTH, &ALSO_STATED, &SOURCE], &points, options),
        scene: laid.scene,
        hint: None,
    }
}

fn description(points: &[Point], lang: Lang) -> String {
    let actual = |p: &&Point| !p.planned();
    let (Some(first), Some(last)) = (points.iter().find(actual), points.iter().rev().find(actual)) else {
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

fn tooltip(points: &[Point], point: &Point, reported: &[(&'static str, Reported)], options: &Options) -> Tooltip {
    let (lang, f) = (options.lang, point.figure);
    let mut lines = vec![(kind(f.kind).1.get(lang).to_string(), point.stated(lang))];
    lines.extend(progress(point, options).map(|p| (REPORTED.get(lang).to_string(), p)));
    for (_, r) in reported.iter().filter(|(_, r)| r.year == point.year) {
        let name = format!("{}{}", r.year, label("年实际值（报告）", " reported", lang));
        lines.extend(yi().map(|yi| (name, format::amount(r.value, yi, lang))));
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
        lines.extend(yi().map(|yi| (label("地区生产总值", "GDP", lang).into(), format::amount(r.value, yi, lang))));
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
    Field::new(Text { zh: "类型", en: "Kind" }, |p, _, lang| Some(kind(p.figure.kind).1.get(lang).into()));
const STATED: Field<Point> =
    Field::new(Text { zh: "地区生产总值（规划所述）", en: "GDP (as stated)" }, |p, _, lang| {
        Some(p.stated(lang))
    });
const PROGRESS: Field<Point> = Field::reported(|p, options, _| progress(p, options));
const GROWTH: Field<Point> = Field::new(DERIVED, |p, _, lang| Some(format!("{} {}", p.period(lang)?, p.rate(lang)?)));
/// The plan's other figures of a point's year that its tooltip gives, so that the table has them too.
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
        let kind = kind(p.figure.kind).1.get(lang);
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
type Record = (&'static Figure, Option<Point>);

/// The CSV: each figure as a number and as stated, in both languages, the derived increases, the
/// sources and the latest report.
const CSV: &[Column<Record>] = &[
    Column::One("id", |(f, _)| f.id.into()),
    Column::One("kind", |(f, _)| kind(f.kind).0.into()),
    Column::Both("name", |(f, _), lang| f.name.get(lang).into()),
    Column::One("year", |(f, _)| f.year.map_or(String::new(), |y| y.to_string())),
    Column::One("year_inferred", |(_, p)| p.map_or("", |p| if p.year_inferred() { "yes" } else { "no" }).into()),
    Column::Figure(|(f, _)| &f.value),
    Column::One("value_cny_100m", |(_, p)| p.map_or(String::new(), |p| format::number(p.value, 3, Lang::Zh))),
    Column::One("derived_from_year", |(_, p)| p.and_then(|p| p.growth).map_or(String::new(), |g| g.0.to_string())),
    Column::One("derived_avg_yearly_increase", |(_, p)| {
        p.and_then(|p| p.growth).map_or(String::new(), |g| format::number(g.1, 4, Lang::Zh))
    }),
    Column::Source(|(f, _)| &f.source),
    Column::Reported(|(_, p), options| {
        let (p, reported) = (p.as_ref()?, options.latest(p.as_ref()?.figure.id)?);
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
