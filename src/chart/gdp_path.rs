//! `gdp-path`: Shaoxing's GDP from the start of the 14th plan period to the 2030 target, as a line on
//! a year axis. The actual segment (2020–2025) is solid with filled squares; the planned segment
//! (the 2027 milestone and the 2030 target) is dashed with hollow squares. Each point carries its
//! figure as the plan states it (突破1万亿元, 1.25万亿元左右); the implied average yearly increase of
//! the stated figures is computed, labelled as derived, and set beside the plan's stated growth target.

use super::parts::{legend, padding, widest, Swatch, HEADING_SIZE, REPORTED, TICK_SIZE, VALUE_SIZE};
use super::{label, Rendered, Table, Tooltip};
use crate::chart::{Options, Reported};
use crate::data::model::{Cell, Figure, FigureKind, Lang, Meaning, Qualifier, Text, Unit};
use crate::data::{FIGURES, INDICATORS, UNITS};
use crate::format;
use crate::order;
use crate::scale::Within;
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene, Shape};
use crate::text::{wrap, TextMeasure};
use crate::theme::{Color, Theme};

pub const TITLE: Text =
    Text { zh: "地区生产总值：从“十四五”到2030年", en: "GDP: from the 14th plan period to 2030" };

const GROUP: &str = "gdp-path";
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

/// A point of the line: a GDP figure of the plan with a year, its value in 亿元.
struct Point {
    figure: &'static Figure,
    year: u16,
    value: f64,
}

impl Point {
    fn planned(&self) -> bool {
        self.figure.kind != FigureKind::Actual
    }
}

fn yi() -> Option<&'static Unit> {
    UNITS.iter().copied().find(|u| u.id == YI)
}

/// The GDP figures of the group, in year order (the plan's order for equal years).
fn points() -> Vec<Point> {
    let mut points: Vec<Point> = FIGURES
        .iter()
        .filter(|f| f.group == GROUP)
        .filter_map(|f| {
            let value = f.value.value_in(YI)?;
            let year = f.year?;
            value.is_finite().then_some(Point { figure: f, year, value })
        })
        .collect();
    order::sort_by_key(&mut points, |p| p.year);
    points
}

/// Figures of the group that are not GDP in 亿元 (GDP per capita), shown as notes.
fn notes() -> Vec<&'static Figure> {
    FIGURES.iter().filter(|f| f.group == GROUP && f.value.value_in(YI).is_none()).collect()
}

/// The ids `actuals` may report on: the planned GDP points (milestones and targets).
pub fn targets() -> Vec<&'static str> {
    points().iter().filter(|p| p.planned()).map(|p| p.figure.id).collect()
}

/// The plan's year is inferred when its quote does not name it ("从6111亿元增加至8932亿元").
fn year_inferred(point: &Point) -> bool {
    !point.figure.source.quote.contains(&point.year.to_string())
}

/// What a point's yearly increase is measured from: the previous actual for an actual, the latest
/// actual before it for a planned point.
fn start_of(points: &[Point], index: usize) -> Option<&Point> {
    let point = points.get(index)?;
    points[..index].iter().rev().find(|p| !p.planned() && p.year < point.year)
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

/// The derived rate written with what the plan's qualifier implies: 突破 → more than, 左右 → about.
fn growth_text(growth: f64, qualifier: Option<&Qualifier>, lang: Lang) -> String {
    let pct = format!("{}%", format::number(growth * 100.0, 2, lang));
    match (qualifier.map(|q| q.meaning), lang) {
        (Some(Meaning::Over), Lang::Zh) => format!("高于{pct}"),
        (Some(Meaning::Over), Lang::En) => format!("more than {pct}"),
        (Some(Meaning::About), Lang::Zh) => format!("约{pct}"),
        (Some(Meaning::About), Lang::En) => format!("about {pct}"),
        (Some(Meaning::AtLeast), Lang::Zh) => format!("不低于{pct}"),
        (Some(Meaning::AtLeast), Lang::En) => format!("at least {pct}"),
        (Some(Meaning::Within), Lang::Zh) => format!("不高于{pct}"),
        (Some(Meaning::Within), Lang::En) => format!("at most {pct}"),
        (Some(Meaning::Striving), Lang::Zh) => format!("力争{pct}"),
        (Some(Meaning::Striving), Lang::En) => format!("striving for {pct}"),
        (None, _) => pct,
    }
}

fn period(from: u16, to: u16, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{from}—{to}年"),
        Lang::En => format!("{from}–{to}"),
    }
}

/// The derived increase into point `index`: (from year, rate as stated, fraction).
fn growth_into(points: &[Point], index: usize, lang: Lang) -> Option<(u16, String, f64)> {
    let point = points.get(index)?;
    let start = start_of(points, index)?;
    let g = implied_growth(start.year, start.value, point.year, point.value)?;
    Some((start.year, growth_text(g, point.figure.value.qualifier, lang), g))
}

/// The plan's stated GDP growth target: the main indicator's “十五五”年均 cell.
fn stated_growth(lang: Lang) -> Option<String> {
    let indicator = INDICATORS.iter().find(|i| i.id == GROWTH_INDICATOR)?;
    Some(match indicator.plan_period? {
        Cell::Number { value, qualifier, .. } => {
            let q = crate::data::model::Quantity { value, unit: indicator.unit, qualifier, as_written: None };
            format::quantity(&q, lang)
        }
        Cell::Words(words) => words.get(lang).to_string(),
    })
}

/// Why the derived rates and the plan's growth target may not compare directly. The plan does not
/// say how its target is priced, so the note says what is usual rather than what the plan means.
const MEASURES_DIFFER: Text = Text {
    zh: "计算值由所列地区生产总值总量推算，含价格变动；规划未说明增长目标的计价口径（地区生产总值增速通常按可比价格计算），二者未必可直接比较。",
    en: "The derived rates come from the stated GDP totals, which include price changes. The plan does not say how its growth target is priced (GDP growth is usually measured at comparable prices), so the two may not compare directly.",
};

fn stated_growth_label(lang: Lang) -> &'static str {
    label(
        "规划GDP增长预期目标（“十五五”年均，主要指标）",
        "The plan's GDP growth target (yearly average 2026–2030, main indicators)",
        lang,
    )
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
    let inferred: Vec<&Point> = points.iter().filter(|p| year_inferred(p)).collect();
    let stated: Vec<String> = inferred.iter().map(|p| format::quantity(&p.figure.value, lang)).collect();
    let years: Vec<String> = inferred.iter().map(|p| p.year.to_string()).collect();
    let quote = inferred.first().map_or("", |p| p.figure.source.quote);
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
    let mut out: Vec<(&'static str, Reported)> = targets()
        .into_iter()
        .filter_map(|id| options.actual(id))
        .flat_map(|a| a.points.iter().map(move |p| (a.datum, *p)))
        .collect();
    order::sort_by_key(&mut out, |(_, p)| p.year);
    out
}

/// The last actual before the targets: where progress is measured from (8932亿元 in 2025).
fn baseline(points: &[Point]) -> Option<&Point> {
    points.iter().rev().find(|p| !p.planned())
}

fn progress(point: &Point, points: &[Point], options: &Options) -> Option<String> {
    let actual = options.actual(point.figure.id)?;
    crate::progress::describe(actual, yi()?, baseline(points).map(|b| b.value), point.value, options.lang)
}

/// "2027年突破1万亿元目标：已完成目标进程的53%" for one reported value against each target.
fn shares_of(value: f64, points: &[Point], lang: Lang) -> Vec<(String, String)> {
    let base = baseline(points).map(|b| b.value);
    points
        .iter()
        .filter(|p| p.planned())
        .filter_map(|p| {
            let share = crate::progress::share(base, p.value, value)?;
            let pct = format::number(share * 100.0, 0, lang);
            let stated = format::quantity(&p.figure.value, lang);
            Some(match lang {
                Lang::Zh => (format!("距{}年{}目标", p.year, stated), format!("已完成目标进程的{pct}%")),
                Lang::En => (format!("Towards {} by {}", stated, p.year), format!("{pct}% of the way from 2025")),
            })
        })
        .collect()
}

/// A marker: a filled square for actuals, a hollow one for planned figures.
fn marker(scene: &mut Scene, x: f64, y: f64, planned: bool, theme: &Theme, datum: Option<&'static str>) -> Rect {
    let rect = Rect { x: (x - 4.5).round(), y: (y - 4.5).round(), w: 9.0, h: 9.0 };
    if planned {
        scene.fill(rect, theme.background, datum);
        scene.push(
            Shape::Stroke {
                rect: Rect { x: rect.x + 1.0, y: rect.y + 1.0, w: 7.0, h: 7.0 },
                color: theme.series[0],
                width: 2.0,
            },
            datum,
        );
    } else {
        scene.fill(rect, theme.series[0], datum);
    }
    rect
}

/// A reported value: a cross in the text colour, unlike either square.
fn cross(scene: &mut Scene, x: f64, y: f64, theme: &Theme, datum: Option<&'static str>) -> Rect {
    let r = 5.0;
    scene.push(Shape::Line { from: (x - r, y - r), to: (x + r, y + r), color: theme.text, width: 2.0 }, datum);
    scene.push(Shape::Line { from: (x - r, y + r), to: (x + r, y - r), color: theme.text, width: 2.0 }, datum);
    Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r }
}

/// A dashed line drawn as short segments, so that every backend shows the dashes.
fn dashed(scene: &mut Scene, from: (f64, f64), to: (f64, f64), color: Color, width: f64, datum: Option<&'static str>) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt();
    if !(length.is_finite() && length > 0.0) {
        return;
    }
    let (dash, gap) = (6.0, 4.0);
    let mut at = 0.0;
    while at < length {
        let end = (at + dash).min(length);
        let p = |t: f64| (from.0 + dx * t / length, from.1 + dy * t / length);
        scene.push(Shape::Line { from: p(at), to: p(end), color, width }, datum);
        at += dash + gap;
    }
}

fn solid(scene: &mut Scene, from: (f64, f64), to: (f64, f64), color: Color, width: f64, datum: Option<&'static str>) {
    scene.push(Shape::Line { from, to, color, width }, datum);
}

/// What the pointer and keyboard address, in year order: the plan's points, and reported values
/// in years the plan has no point for.
enum Stop<'a> {
    Plan(usize, &'a Point),
    Report(u16, &'static str),
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let points = points();
    let reported = reports(options);
    let pad = padding(width);
    let (factor, unit_name) = yi().map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));

    let mut scene = Scene::new(width, 0.0);
    let actual_swatch = |s: &mut Scene, r: Rect| {
        solid(s, (r.x, r.y + 7.0), (r.x + r.w, r.y + 7.0), theme.series[0], 3.0, None);
        marker(s, r.x + 7.0, r.y + 7.0, false, theme, None);
    };
    let planned_swatch = |s: &mut Scene, r: Rect| {
        dashed(s, (r.x, r.y + 7.0), (r.x + r.w, r.y + 7.0), theme.series[0], 2.0, None);
        marker(s, r.x + 7.0, r.y + 7.0, true, theme, None);
    };
    let reported_swatch = |s: &mut Scene, r: Rect| {
        cross(s, r.x + 7.0, r.y + 7.0, theme, None);
    };
    let mut entries: Vec<(&str, Swatch)> =
        vec![(ACTUAL.get(lang), &actual_swatch), (PLANNED.get(lang), &planned_swatch)];
    if !reported.is_empty() {
        entries.push((REPORTED_VALUES.get(lang), &reported_swatch));
    }
    let mut y = legend(&mut scene, &entries, width, pad, measure, theme);

    // Scales: years across, 亿元 (CNY bn in English) up from zero.
    let first_year = points.first().map_or(2020, |p| p.year).min(reported.first().map_or(u16::MAX, |(_, r)| r.year));
    let last_year =
        points.last().map_or(2030, |p| p.year).max(reported.last().map_or(0, |(_, r)| r.year)).max(first_year + 1);
    let max = points.iter().map(|p| p.value).chain(reported.iter().map(|(_, r)| r.value)).fold(0.0, f64::max) * factor;
    let plot_height = (width * 0.5).within(200.0, 320.0);
    let ticks = ticks_from_zero(max, (plot_height / 50.0).within(3.0, 6.0) as usize);
    let tick_labels: Vec<String> = ticks.iter().map(|t| format::number(*t, 2, lang)).collect();
    let left = (pad + widest(tick_labels.iter().map(String::as_str), TICK_SIZE, false, measure) + 8.0).round();
    // Room for the last year's label, centred under the last point.
    let right = width - pad - (measure.width(&last_year.to_string(), TICK_SIZE, false) / 2.0 + 2.0).max(8.0);
    let xs = Linear::new((f64::from(first_year), f64::from(last_year)), (left + 6.0, right));

    // The unit above the value axis, then room for the labels above the highest points.
    let unit = match lang {
        Lang::Zh => format!("单位：{unit_name}"),
        Lang::En => format!("Unit: {unit_name}"),
    };
    scene.text((pad, y), unit, TICK_SIZE, false, theme.muted, Align::Start, Baseline::Top, None);
    let top = y + TICK_SIZE + 24.0;
    let bottom = top + plot_height;
    let ys = Linear::new((0.0, *ticks.last().unwrap_or(&1.0)), (bottom, top));
    for (t, text) in ticks.iter().zip(&tick_labels) {
        let ty = ys.map(*t).round() + 0.5;
        scene.line((left, ty), (right, ty), if *t == 0.0 { theme.muted } else { theme.grid }, 1.0);
        scene.text((left - 6.0, ty), text.clone(), TICK_SIZE, false, theme.muted, Align::End, Baseline::Middle, None);
    }
    // Year ticks; labels for the years with a point, and the ends, skipping those that would overlap.
    let mut labelled: Vec<u16> = points.iter().map(|p| p.year).collect();
    labelled.extend([first_year, last_year]);
    order::sort(&mut labelled);
    labelled.dedup();
    for year in first_year..=last_year {
        let x = xs.map(f64::from(year)).round() + 0.5;
        scene.line((x, bottom), (x, bottom + 4.0), theme.muted, 1.0);
    }
    let mut last_right = f64::NEG_INFINITY;
    for year in labelled {
        let x = xs.map(f64::from(year));
        let text = year.to_string();
        let half = measure.width(&text, TICK_SIZE, false) / 2.0;
        if x - half < last_right + 4.0 {
            continue;
        }
        last_right = x + half;
        scene.text((x, bottom + 6.0), text, TICK_SIZE, false, theme.muted, Align::Center, Baseline::Top, None);
    }
    y = bottom + 6.0 + TICK_SIZE + 10.0;

    let at = |year: u16, value: f64| (xs.map(f64::from(year)), ys.map(value * factor));
    // Lines: solid between actuals, dashed from the last actual through the planned points.
    for pair in points.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let datum = Some(b.figure.id);
        if b.planned() {
            dashed(&mut scene, at(a.year, a.value), at(b.year, b.value), theme.series[0], 2.0, datum);
        } else {
            solid(&mut scene, at(a.year, a.value), at(b.year, b.value), theme.series[0], 3.0, datum);
        }
    }
    // Reported values continue the actual line, solid, from the last actual.
    if let Some(base) = baseline(&points) {
        let mut previous = at(base.year, base.value);
        let mut seen_years: Vec<u16> = Vec::new();
        for (datum, r) in reported.iter().filter(|(_, r)| r.year >= base.year) {
            if seen_years.contains(&r.year) {
                continue;
            }
            seen_years.push(r.year);
            let next = at(r.year, r.value);
            solid(&mut scene, previous, next, theme.text, 1.0, Some(*datum));
            previous = next;
        }
    }

    // Points and their labels: actuals below to the right (the line rises away from there),
    // planned figures above to the left (the line arrives from below).
    let mut marks: Vec<Rect> = Vec::new();
    for point in &points {
        let datum = Some(point.figure.id);
        let (x, py) = at(point.year, point.value);
        marks.push(marker(&mut scene, x, py, point.planned(), theme, datum));
        let text = format::quantity(&point.figure.value, lang);
        let w = measure.width(&text, VALUE_SIZE, false);
        if point.planned() {
            let end = (x - 6.0).max(w + pad).min(width - pad);
            scene.text((end, py - 7.0), text, VALUE_SIZE, false, theme.text, Align::End, Baseline::Bottom, datum);
        } else {
            let start = (x + 6.0).min(width - pad - w).max(pad);
            scene.text((start, py + 7.0), text, VALUE_SIZE, false, theme.text, Align::Start, Baseline::Top, datum);
        }
    }
    let mut report_marks: Vec<(u16, &'static str, Rect)> = Vec::new();
    for (datum, r) in &reported {
        let (x, py) = at(r.year, r.value);
        let rect = cross(&mut scene, x, py, theme, Some(datum));
        if !report_marks.iter().any(|(year, _, _)| *year == r.year) {
            report_marks.push((r.year, datum, rect));
        }
    }

    // Stops in year order; a report in a year the plan has a point for belongs to that point.
    let mut stops: Vec<(u16, Stop, Rect)> =
        points.iter().enumerate().zip(&marks).map(|((i, p), m)| (p.year, Stop::Plan(i, p), *m)).collect();
    for (year, datum, rect) in &report_marks {
        if !points.iter().any(|p| p.year == *year) {
            stops.push((*year, Stop::Report(*year, datum), *rect));
        }
    }
    order::sort_by_key(&mut stops, |(year, _, _)| *year);
    let mut tooltips = Vec::new();
    for (i, (year, stop, mark)) in stops.iter().enumerate() {
        let x = xs.map(f64::from(*year));
        let before =
            i.checked_sub(1).and_then(|j| stops.get(j)).map_or(0.0, |(y, _, _)| (x + xs.map(f64::from(*y))) / 2.0);
        let after = stops.get(i + 1).map_or(width, |(y, _, _)| (x + xs.map(f64::from(*y))) / 2.0);
        let hit = Rect { x: before, y: top - 24.0, w: after - before, h: bottom - top + 24.0 + TICK_SIZE + 8.0 };
        let datum = match stop {
            Stop::Plan(_, p) => p.figure.id,
            Stop::Report(_, datum) => datum,
        };
        scene.regions.push(Region { datum, hit, mark: *mark });
        tooltips.push(match stop {
            Stop::Plan(index, point) => tooltip(&points, *index, point, &reported, options),
            Stop::Report(year, _) => report_tooltip(*year, &reported, &points, lang),
        });
    }

    // Below the plot: the derived yearly increases beside the plan's stated growth target, and notes.
    let inner = width - 2.0 * pad;
    let block = |scene: &mut Scene, y: &mut f64, text: &str, bold: bool, color: Color, datum: Option<&'static str>| {
        let size = if bold { HEADING_SIZE } else { VALUE_SIZE };
        for line in wrap(text, inner, size, bold, measure) {
            scene.text((pad, *y), line, size, bold, color, Align::Start, Baseline::Top, datum);
            *y += size * 1.45;
        }
    };
    block(&mut scene, &mut y, DERIVED.get(lang), true, theme.text, None);
    for (line, datum) in growth_lines(&points, lang) {
        block(&mut scene, &mut y, &line, false, theme.text, datum);
    }
    if let Some(stated) = stated_growth(lang) {
        let line = match lang {
            Lang::Zh => format!("对照 · {}：{stated}", stated_growth_label(lang)),
            Lang::En => format!("Compare · {}: {stated}", stated_growth_label(lang)),
        };
        block(&mut scene, &mut y, &line, false, theme.text, Some(GROWTH_INDICATOR));
        block(&mut scene, &mut y, MEASURES_DIFFER.get(lang), false, theme.muted, Some(GROWTH_INDICATOR));
    }
    y += 4.0;
    for note in notes() {
        let line = note_line(note, lang);
        block(&mut scene, &mut y, &line, false, theme.muted, Some(note.id));
    }
    if points.iter().any(year_inferred) {
        let line = format!("{}{}", label("注：", "Note: ", lang), year_note(&points, lang));
        block(&mut scene, &mut y, &line, false, theme.muted, None);
    }
    scene.height = (y + pad).ceil();

    Rendered {
        title: TITLE.get(lang).to_string(),
        description: description(&points, lang),
        source: format::source_line(&sections(&points), lang),
        alt: alt_text(&points, lang),
        tooltips,
        table: table(&points, options),
        scene,
        hint: None,
    }
}

/// The derived lines under the plot, one per point that has a start to measure from.
fn growth_lines(points: &[Point], lang: Lang) -> Vec<(String, Option<&'static str>)> {
    (0..points.len())
        .filter_map(|i| {
            let point = points.get(i)?;
            let (from, rate, _) = growth_into(points, i, lang)?;
            let stated = format::quantity(&point.figure.value, lang);
            let what = match (point.planned(), lang) {
                (false, Lang::Zh) => format!("{}（实际）", period(from, point.year, lang)),
                (false, Lang::En) => format!("{} (actual)", period(from, point.year, lang)),
                (true, Lang::Zh) => format!("{}（至{stated}）", period(from, point.year, lang)),
                (true, Lang::En) => format!("{} (to {stated})", period(from, point.year, lang)),
            };
            Some((
                match lang {
                    Lang::Zh => format!("{what}：{rate}"),
                    Lang::En => format!("{what}: {rate}"),
                },
                Some(point.figure.id),
            ))
        })
        .collect()
}

fn note_line(note: &Figure, lang: Lang) -> String {
    let stated = format::quantity(&note.value, lang);
    match (lang, note.year) {
        (Lang::Zh, Some(year)) => format!("{year}年{}：{stated}", note.name.zh),
        (Lang::Zh, None) => format!("{}：{stated}", note.name.zh),
        (Lang::En, Some(year)) => format!("{} in {year}: {stated}", note.name.en),
        (Lang::En, None) => format!("{}: {stated}", note.name.en),
    }
}

/// The plan's sections the chart draws on, in order of first use, then the indicator table.
/// Where the chart's figures stand in the plan.
pub(crate) fn cited_sections() -> Vec<&'static str> {
    sections(&points())
}

fn sections(points: &[Point]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for s in points.iter().map(|p| p.figure.source.section).chain(notes().iter().map(|n| n.source.section)) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    if let Some(indicator) = INDICATORS.iter().find(|i| i.id == GROWTH_INDICATOR) {
        if !out.contains(&indicator.source.section) {
            out.push(indicator.source.section);
        }
    }
    out
}

fn stated_at(points: &[Point], year: u16, lang: Lang) -> String {
    points.iter().find(|p| p.year == year).map(|p| format::quantity(&p.figure.value, lang)).unwrap_or_default()
}

fn description(points: &[Point], lang: Lang) -> String {
    let actuals: Vec<&Point> = points.iter().filter(|p| !p.planned()).collect();
    let planned: Vec<&Point> = points.iter().filter(|p| p.planned()).collect();
    let (Some(first), Some(last)) = (actuals.first(), actuals.last()) else {
        return String::new();
    };
    let plans: Vec<String> = planned
        .iter()
        .map(|p| match lang {
            Lang::Zh => format!("{}年{}", p.year, format::quantity(&p.figure.value, lang)),
            Lang::En => format!("{} by {}", format::quantity(&p.figure.value, lang), p.year),
        })
        .collect();
    let plans: Vec<&str> = plans.iter().map(String::as_str).collect();
    let inferred = year_inferred(first) || year_inferred(last);
    match lang {
        Lang::Zh => format!(
            "绍兴市地区生产总值“十四五”时期从{}增至{}（{}、{}年{}），规划{}",
            stated_at(points, first.year, lang),
            stated_at(points, last.year, lang),
            first.year,
            last.year,
            if inferred { "为按起止年推定" } else { "" },
            format::list(&plans, lang)
        ),
        Lang::En => format!(
            "Shaoxing's GDP grew from {} in {} to {} in {} over the 14th plan period{}; the plan aims for {}",
            stated_at(points, first.year, lang),
            first.year,
            stated_at(points, last.year, lang),
            last.year,
            if inferred { " (years inferred)" } else { "" },
            format::list(&plans, lang)
        ),
    }
}

fn tooltip(
    points: &[Point],
    index: usize,
    point: &Point,
    reported: &[(&'static str, Reported)],
    options: &Options,
) -> Tooltip {
    let lang = options.lang;
    let f = point.figure;
    let mut lines = vec![(kind_name(f.kind, lang).to_string(), format::quantity(&f.value, lang))];
    if let Some(progress) = progress(point, points, options) {
        lines.push((REPORTED.get(lang).into(), progress));
    }
    for (_, r) in reported.iter().filter(|(_, r)| r.year == point.year) {
        if let Some(unit) = yi() {
            lines.push((
                format!("{}{}", r.year, label("年实际值（报告）", " reported", lang)),
                format::amount(r.value, unit, lang),
            ));
        }
    }
    if let Some((from, rate, _)) = growth_into(points, index, lang) {
        let what = match lang {
            Lang::Zh => format!("{}年均增幅（计算值）", period(from, point.year, lang)),
            Lang::En => format!("Implied yearly increase {} (derived)", period(from, point.year, lang)),
        };
        lines.push((what, rate));
    }
    if point.planned() {
        if let Some(stated) = stated_growth(lang) {
            lines.push((stated_growth_label(lang).into(), stated));
        }
    }
    for note in notes().into_iter().filter(|n| n.year == Some(point.year)) {
        lines.push((note.name.get(lang).into(), format::quantity(&note.value, lang)));
    }
    if year_inferred(point) {
        lines.push((label("年份", "Year", lang).into(), year_note(points, lang)));
    }
    lines.push((label("出处", "Source", lang).into(), format::section(f.source.section, lang)));
    lines.push((super::parts::PLAN_WORDS.get(lang).into(), f.source.quote.into()));
    let title = match lang {
        Lang::Zh => format!("{}年{}", point.year, f.name.zh),
        Lang::En => format!("{}, {}", f.name.en, point.year),
    };
    Tooltip { title, lines }
}

fn report_tooltip(year: u16, reported: &[(&'static str, Reported)], points: &[Point], lang: Lang) -> Tooltip {
    let mut lines = Vec::new();
    for (_, r) in reported.iter().filter(|(_, r)| r.year == year) {
        if let Some(unit) = yi() {
            lines.push((label("地区生产总值", "GDP", lang).to_string(), format::amount(r.value, unit, lang)));
        }
        lines.extend(shares_of(r.value, points, lang));
    }
    let title = match lang {
        Lang::Zh => format!("{year}年实际值（报告）"),
        Lang::En => format!("Reported, {year}"),
    };
    Tooltip { title, lines }
}

fn table(points: &[Point], options: &Options) -> Table {
    let lang = options.lang;
    let mut table = Table {
        columns: [
            label("年份", "Year", lang),
            label("类型", "Kind", lang),
            label("地区生产总值（规划所述）", "GDP (as stated)", lang),
            DERIVED.get(lang),
            label("规划同时述及", "Also stated in the plan", lang),
            label("出处", "Source", lang),
        ]
        .map(String::from)
        .to_vec(),
        rows: points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let year = if year_inferred(p) {
                    format!("{}{}", p.year, label("（推定）", " (inferred)", lang))
                } else {
                    p.year.to_string()
                };
                let growth = growth_into(points, i, lang).map_or_else(
                    || "—".to_string(),
                    |(from, rate, _)| format!("{} {rate}", period(from, p.year, lang)),
                );
                vec![
                    year,
                    kind_name(p.figure.kind, lang).into(),
                    format::quantity(&p.figure.value, lang),
                    growth,
                    also_stated(p, lang),
                    format::section(p.figure.source.section, lang),
                ]
            })
            .collect(),
    };
    if !options.actuals.is_empty() {
        table.columns.insert(3, REPORTED.get(lang).into());
        for (row, p) in table.rows.iter_mut().zip(points) {
            row.insert(3, progress(p, points, options).unwrap_or_else(|| "—".into()));
        }
    }
    table
}

/// The plan's other figures for a point's year that its tooltip gives (per-capita GDP, the growth
/// target), so that the table holds every figure too.
fn also_stated(point: &Point, lang: Lang) -> String {
    let mut items: Vec<String> = notes()
        .into_iter()
        .filter(|n| n.year == Some(point.year))
        .map(|n| format!("{}{}", Tooltip::label(n.name.get(lang), lang), format::quantity(&n.value, lang)))
        .collect();
    if point.planned() {
        if let Some(stated) = stated_growth(lang) {
            items.push(format!("{}{stated}", Tooltip::label(stated_growth_label(lang), lang)));
        }
    }
    if items.is_empty() {
        "—".into()
    } else {
        items.join(label("；", "; ", lang))
    }
}

/// What the chart shows in words, from the data.
fn alt_text(points: &[Point], lang: Lang) -> String {
    let listed: Vec<String> = points
        .iter()
        .map(|p| match lang {
            Lang::Zh => {
                format!("{}年{}（{}）", p.year, format::quantity(&p.figure.value, lang), kind_name(p.figure.kind, lang))
            }
            Lang::En => format!(
                "{} {} ({})",
                p.year,
                format::quantity(&p.figure.value, lang),
                kind_name(p.figure.kind, lang).to_ascii_lowercase()
            ),
        })
        .collect();
    let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
    let growth: Vec<String> = growth_lines(points, lang).into_iter().map(|(l, _)| l).collect();
    let growth: Vec<&str> = growth.iter().map(String::as_str).collect();
    let stated = stated_growth(lang).unwrap_or_default();
    match lang {
        Lang::Zh => format!(
            "折线图：绍兴市地区生产总值，{}。实线为实际值，虚线为规划目标。{}：{}。规划“十五五”GDP年均增长预期目标为{stated}。{}",
            format::list(&listed, lang),
            DERIVED.zh,
            growth.join("；"),
            year_note(points, lang)
        ),
        Lang::En => format!(
            "Line chart of Shaoxing's GDP: {}. Solid line: actual; dashed: planned. {}: {}. The plan's GDP growth target is {stated} a year on average over 2026–2030. Note: {}.",
            format::list(&listed, lang),
            DERIVED.en,
            growth.join("; "),
            year_note(points, lang)
        ),
    }
}

const CSV_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_zh",
    "name_en",
    "year",
    "year_inferred",
    "value",
    "unit_zh",
    "unit_en",
    "qualifier_zh",
    "qualifier_en",
    "stated_zh",
    "stated_en",
    "value_cny_100m",
    "derived_from_year",
    "derived_avg_yearly_increase",
    "section",
    "quote",
    "reported_year",
    "reported_value",
    "reported_share_of_target",
];

pub fn csv(options: &Options) -> String {
    let points = points();
    let base = baseline(&points).map(|b| b.value);
    let kind = |k: FigureKind| match k {
        FigureKind::Actual => "actual",
        FigureKind::Milestone => "milestone",
        FigureKind::Target => "target",
    };
    let common = |f: &Figure| {
        let q = &f.value;
        vec![
            f.id.to_string(),
            kind(f.kind).into(),
            f.name.zh.into(),
            f.name.en.into(),
            f.year.map_or(String::new(), |y| y.to_string()),
        ]
        .into_iter()
        .chain([String::new()])
        .chain([
            format::number(q.value, 3, Lang::Zh),
            q.unit.zh.into(),
            q.unit.en.into(),
            q.qualifier.map_or("", |x| x.zh).into(),
            q.qualifier.map_or("", |x| x.en).into(),
            format::quantity(q, Lang::Zh),
            format::quantity(q, Lang::En),
        ])
        .collect::<Vec<String>>()
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let mut row = common(p.figure);
        row[5] = if year_inferred(p) { "yes".into() } else { "no".into() };
        let growth = growth_into(&points, i, Lang::En);
        let reported = options.actual(p.figure.id).and_then(|a| a.points.last());
        row.extend([
            format::number(p.value, 3, Lang::Zh),
            growth.as_ref().map_or(String::new(), |(from, _, _)| from.to_string()),
            growth.as_ref().map_or(String::new(), |(_, _, g)| format::number(*g, 4, Lang::Zh)),
            p.figure.source.section.into(),
            p.figure.source.quote.into(),
            reported.map_or(String::new(), |r| r.year.to_string()),
            reported.map_or(String::new(), |r| format::number(r.value, 3, Lang::Zh)),
            reported
                .and_then(|r| crate::progress::share(base, p.value, r.value))
                .map_or(String::new(), |s| format::number(s, 4, Lang::Zh)),
        ]);
        rows.push(row);
    }
    for note in notes() {
        let mut row = common(note);
        row.extend([
            String::new(),
            String::new(),
            String::new(),
            note.source.section.into(),
            note.source.quote.into(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        rows.push(row);
    }
    crate::csv::write(CSV_HEADER, &rows)
}
