//! The plan's GDP path: its figures of GDP in 亿元 with their years, in year order, the average
//! yearly increase that each implies, the group's other figures (GDP per capita) as notes, and the
//! plan's stated growth target from the table of main indicators; and how they are told: each
//! figure as stated, the derived rates with what the plan's qualifiers imply, the years inferred.

use super::indicator::Period;
use super::model::{Figure, FigureKind, Lang, Meaning, Text, Unit};
use super::{FIGURES, INDICATORS, UNITS};
use crate::data::model::label;
use crate::format;
use crate::order;

/// The group of `data/figures/` of the GDP path.
pub const GROUP: &str = "gdp-path";
/// The unit the plan reports GDP in (6111亿元).
const YI: &str = "cny-100m";
/// The main indicator that states the plan's GDP growth target.
pub const GROWTH_INDICATOR: &str = "indicator.gdp-growth";

type F = &'static Figure;

/// A point of the line: a GDP figure of the plan with a year, its value in 亿元, and the implied
/// average yearly increase into it (from the year of the last actual before it).
#[derive(Clone, Copy)]
pub struct Point {
    pub figure: F,
    pub year: u16,
    pub value: f64,
    pub growth: Option<(u16, f64)>,
}

impl Point {
    pub fn planned(&self) -> bool {
        self.figure.kind != FigureKind::Actual
    }

    /// The plan's year is inferred when its quote does not name it ("从6111亿元增加至8932亿元").
    pub fn year_inferred(&self) -> bool {
        !self.figure.source.quote.contains(&self.year.to_string())
    }

    /// The derived rate written with what the plan's qualifier implies: 突破 → more than, 左右 → about.
    pub fn rate(&self, lang: Lang) -> Option<String> {
        let pct = format!("{}%", format::number(self.growth?.1 * 100.0, 2, lang));
        let words = match self.figure.value.qualifier.map(|q| q.meaning) {
            Some(Meaning::Over) => label("高于", "more than ", lang),
            Some(Meaning::About) => label("约", "about ", lang),
            Some(Meaning::AtLeast) => label("不低于", "at least ", lang),
            Some(Meaning::Within) => label("不高于", "at most ", lang),
            Some(Meaning::Striving) => label("力争", "striving for ", lang),
            None => "",
        };
        Some(format!("{words}{pct}"))
    }

    /// "2025—2030年": the years the derived rate runs over.
    pub fn period(&self, lang: Lang) -> Option<String> {
        let from = self.growth?.0;
        Some(format!("{from}{}{}{}", label("—", "–", lang), self.year, label("年", "", lang)))
    }

    pub fn stated(&self, lang: Lang) -> String {
        format::quantity(&self.figure.value, lang)
    }
}

/// 亿元: the unit of the value axis and of reported values.
pub fn yi() -> Option<&'static Unit> {
    UNITS.iter().copied().find(|u| u.id == YI)
}

/// The GDP figures of the group, in year order (the plan's order for equal years).
pub fn points() -> Vec<Point> {
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
pub fn notes() -> Vec<F> {
    FIGURES.iter().filter(|f| f.group == GROUP && f.value.value_in(YI).is_none()).collect()
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
pub fn stated_growth(lang: Lang) -> Option<String> {
    let indicator = INDICATORS.iter().find(|i| i.id == GROWTH_INDICATOR)?;
    Some(indicator.stated(indicator.cell(Period::Plan)?, true, lang))
}

/// Why the years of the 14th-plan figures are shown: the plan gives the values without years.
pub fn year_note(points: &[Point], lang: Lang) -> String {
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

/// The value of the last actual before the targets: where progress is measured from (8932亿元).
pub fn baseline(points: &[Point]) -> Option<f64> {
    points.iter().rev().find(|p| !p.planned()).map(|p| p.value)
}

/// A figure's kind: its word in the CSV and its name.
pub fn kind(kind: FigureKind) -> (&'static str, Text) {
    match kind {
        FigureKind::Actual => ("actual", Text { zh: "实际值", en: "Actual" }),
        FigureKind::Milestone => ("milestone", Text { zh: "阶段目标", en: "Milestone" }),
        FigureKind::Target => ("target", Text { zh: "目标", en: "Target" }),
    }
}

/// The derived lines under the plot, one per point that has a start to measure from.
pub fn growth_lines(points: &[Point], lang: Lang) -> Vec<(String, &'static str)> {
    let mut lines = Vec::new();
    for p in points {
        let (Some(period), Some(rate)) = (p.period(lang), p.rate(lang)) else { continue };
        let what = match (p.planned(), lang) {
            (false, _) => format!("{period}{}", label("（实际）", " (actual)", lang)),
            (true, Lang::Zh) => format!("{period}（至{}）", p.stated(lang)),
            (true, Lang::En) => format!("{period} (to {})", p.stated(lang)),
        };
        lines.push((format!("{}{rate}", crate::plot::fields::Tooltip::label(&what, lang)), p.figure.id));
    }
    lines
}

/// "2025年人均地区生产总值：16.4万元左右" / "GDP per capita in 2025: about CNY 164,000".
pub fn note_line(note: &Figure, lang: Lang) -> String {
    let name = match (lang, note.year) {
        (Lang::Zh, Some(year)) => format!("{year}年{}", note.name.zh),
        (Lang::En, Some(year)) => format!("{} in {year}", note.name.en),
        (_, None) => note.name.get(lang).to_string(),
    };
    format!("{}{}", crate::plot::fields::Tooltip::label(&name, lang), format::quantity(&note.value, lang))
}

/// The plan's sections the GDP path draws on, in order of first use, then the indicator table.
pub fn sections() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let growth = INDICATORS.iter().find(|i| i.id == GROWTH_INDICATOR).map(|i| i.source.section);
    let (points, notes) = (points(), notes());
    let cited = points.iter().map(|p| p.figure.source.section).chain(notes.iter().map(|n| n.source.section));
    for s in cited.chain(growth) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
