//! `infrastructure-targets`: the physical targets of the plan for transport and energy (专栏7,
//! 四(三)2) and any physical target of the urban, water and environment chapters, as horizontal bars
//! in panels, one panel per unit: lengths in 公里 share an axis, capacities in 万千瓦 another, charging
//! points a third. No axis is shared across units. Each bar carries its figure as the plan states
//! it (超100公里, 力争290万千瓦); a target for another year than 2030, or with no year, says so in
//! its label and is hatched.

use super::parts::{
    grid, legend, padding, reported_mark, widest, Swatch, HEADING_SIZE, LABEL_SIZE, NARROW, REPORTED, TICK_SIZE,
    VALUE_SIZE,
};
use super::{label, Rendered, Table, Tooltip};
use crate::chart::Options;
use crate::data::model::{Figure, Lang, Text, Unit};
use crate::data::{FIGURES, GROUPS};
use crate::format;
use crate::scale::Within;
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::Theme;

pub const TITLE: Text = Text {
    zh: "基础设施实物目标（交通、能源）",
    en: "Infrastructure: physical targets for transport and energy",
};
const DESCRIPTION: Text = Text {
    zh: "“十五五”规划中交通、能源等基础设施的实物目标，按计量单位分组；各组单位不同，不作比较或相加",
    en: "The plan's physical targets for transport, energy and other infrastructure, grouped by unit; groups in different units are not compared or added",
};

/// The chapters whose figures may be infrastructure.
const GROUPS_SHOWN: &[&str] = &["transport", "energy", "water", "urban", "environment"];
/// Units of physical quantities: lengths, capacities, installations. Counts of showcases or zones
/// and percentages are not physical infrastructure.
const PHYSICAL_UNITS: &[&str] = &["km", "mw-10", "charging-points", "charging-points-10k"];
/// The year of the plan's targets; other years and figures with no year are marked.
const PLAN_YEAR: u16 = 2030;

/// The figures shown, in the plan's order.
fn figures() -> Vec<&'static Figure> {
    FIGURES
        .iter()
        .filter(|f| {
            GROUPS_SHOWN.contains(&f.group) && PHYSICAL_UNITS.contains(&f.value.unit.id) && f.value.value.is_finite()
        })
        .collect()
}

/// The ids `actuals` may report on: every figure shown.
pub fn targets() -> Vec<&'static str> {
    figures().iter().map(|f| f.id).collect()
}

/// Figures grouped by unit, panels in order of first appearance.
fn panels() -> Vec<(&'static Unit, Vec<&'static Figure>)> {
    let mut out: Vec<(&'static Unit, Vec<&'static Figure>)> = Vec::new();
    for f in figures() {
        match out.iter_mut().find(|(u, _)| u.id == f.value.unit.id) {
            Some((_, list)) => list.push(f),
            None => out.push((f.value.unit, vec![f])),
        }
    }
    out
}

fn off_year(f: &Figure) -> bool {
    f.year != Some(PLAN_YEAR)
}

/// "（2027年）", "（未注年份）": said after the name of a figure that is not for 2030.
fn year_tag(f: &Figure, lang: Lang) -> String {
    match (f.year, lang) {
        (Some(PLAN_YEAR), _) => String::new(),
        (Some(y), Lang::Zh) => format!("（{y}年）"),
        (Some(y), Lang::En) => format!(" ({y})"),
        (None, Lang::Zh) => "（未注年份）".into(),
        (None, Lang::En) => " (no year stated)".into(),
    }
}

fn name(f: &Figure, lang: Lang) -> String {
    format!("{}{}", f.name.get(lang), year_tag(f, lang))
}

fn year_text(f: &Figure, lang: Lang) -> String {
    match f.year {
        Some(y) => y.to_string(),
        None => label("未注年份", "No year stated", lang).into(),
    }
}

fn target_label(f: &Figure, lang: Lang) -> String {
    match (f.year, lang) {
        (Some(y), Lang::Zh) => format!("{y}年目标"),
        (Some(y), Lang::En) => format!("{y} target"),
        (None, _) => label("目标（规划未注年份）", "Target (no year stated)", lang).into(),
    }
}

fn group_name(f: &Figure, lang: Lang) -> &'static str {
    GROUPS.iter().find(|g| g.id == f.group).map_or(f.group, |g| g.name.get(lang))
}

/// The mark after a value whose unit is the dataset's reading, and before its note under the chart.
const UNIT_NOTE_MARK: &str = "†";

/// A figure as stated, marked when its unit is the dataset's reading.
fn stated_value(f: &Figure, lang: Lang) -> String {
    let value = format::quantity(&f.value, lang);
    match unit_note(f, lang) {
        Some(_) => format!("{value}{UNIT_NOTE_MARK}"),
        None => value,
    }
}

/// Where the plan writes a figure without its unit (新型储能容量破百万), the unit is the dataset's reading.
fn unit_note(f: &Figure, lang: Lang) -> Option<String> {
    let unit = f.value.unit;
    if unit.zh.is_empty() || f.source.quote.replace(' ', "").contains(unit.zh) {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!("规划原文未写单位，此处按“{}”理解", unit.zh),
        Lang::En => format!("The plan writes no unit here; read as {} ({})", unit.zh, unit.en),
    })
}

fn unit_heading(unit: &Unit, lang: Lang) -> String {
    let (_, name) = format::axis_unit(unit, lang);
    match lang {
        Lang::Zh => format!("单位：{name}"),
        Lang::En => format!("Unit: {name}"),
    }
}

fn progress(f: &Figure, options: &Options) -> Option<String> {
    let actual = options.actual(f.id)?;
    crate::progress::describe(actual, f.value.unit, None, f.value.value, options.lang)
}

/// A bar: the first series for 2030 targets, the second hatched for other years or none.
fn bar(scene: &mut Scene, rect: Rect, off: bool, theme: &Theme, datum: Option<&'static str>) {
    if off {
        scene.fill(rect, theme.series[1], datum);
        scene.hatch(rect, theme.hatch, 5.0, datum);
    } else {
        scene.fill(rect, theme.series[0], datum);
    }
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let panels = panels();
    let narrow = width < NARROW;
    let pad = padding(width);
    let inner = width - 2.0 * pad;

    let mut scene = Scene::new(width, 0.0);
    let plan_year = |s: &mut Scene, r: Rect| bar(s, r, false, theme, None);
    let other_year = |s: &mut Scene, r: Rect| bar(s, r, true, theme, None);
    let progress_swatch = |s: &mut Scene, r: Rect| reported_mark(s, r.x, r.x + r.w, r.y + r.h / 2.0, theme, None);
    let plan_year_name = match lang {
        Lang::Zh => format!("{PLAN_YEAR}年目标"),
        Lang::En => format!("{PLAN_YEAR} target"),
    };
    let mut entries: Vec<(&str, Swatch)> = vec![(plan_year_name.as_str(), &plan_year)];
    if figures().iter().any(|f| off_year(f)) {
        entries.push((label("其他年份或未注年份", "Other year, or no year stated", lang), &other_year));
    }
    if !options.actuals.is_empty() {
        entries.push((REPORTED.get(lang), &progress_swatch));
    }
    let mut y = legend(&mut scene, &entries, width, pad, measure, theme);

    // One label column for all panels; names wrap within it.
    let names: Vec<String> = figures().iter().map(|f| name(f, lang)).collect();
    let label_max = if narrow { inner } else { (width * 0.36).round() };
    let label_width = widest(names.iter().map(String::as_str), LABEL_SIZE, false, measure).min(label_max);
    let bar_x = if narrow { pad } else { (pad + label_width + 10.0).round() };
    let line_height = LABEL_SIZE + 3.0;
    let bar_height = if narrow { 16.0 } else { 18.0 };

    let mut regions = Vec::new();
    let mut tooltips = Vec::new();
    for (unit, figures) in &panels {
        let (factor, _) = format::axis_unit(unit, lang);
        scene.text(
            (pad, y),
            unit_heading(unit, lang),
            HEADING_SIZE,
            true,
            theme.muted,
            Align::Start,
            Baseline::Top,
            None,
        );
        y += HEADING_SIZE + 10.0;

        let values: Vec<String> = figures.iter().map(|f| stated_value(f, lang)).collect();
        let value_width = widest(values.iter().map(String::as_str), VALUE_SIZE, false, measure) + 8.0;
        let bar_end = (width - pad - value_width).max(bar_x + 40.0);
        let latest = |f: &Figure| options.actual(f.id).and_then(|a| a.points.last()).map(|p| p.value);
        let max = figures.iter().map(|f| f.value.value.max(latest(f).unwrap_or(0.0)) * factor).fold(0.0, f64::max);
        let ticks = ticks_from_zero(max, ((bar_end - bar_x) / 80.0).within(2.0, 6.0) as usize);
        let scale = Linear::new((0.0, *ticks.last().unwrap_or(&1.0)), (bar_x, bar_end));

        let top = y;
        let mut marks = Scene::new(width, 0.0);
        for (f, value) in figures.iter().zip(&values) {
            let datum = Some(f.id);
            let lines = wrap(&name(f, lang), label_width.max(40.0), LABEL_SIZE, false, measure);
            let count = lines.len().max(1) as f64;
            let (band, bar_top) = if narrow {
                let band = count * line_height + bar_height + 12.0;
                for (i, line) in lines.iter().enumerate() {
                    marks.text(
                        (pad, y + 2.0 + i as f64 * line_height),
                        line.clone(),
                        LABEL_SIZE,
                        false,
                        theme.text,
                        Align::Start,
                        Baseline::Top,
                        datum,
                    );
                }
                (band, y + 4.0 + count * line_height)
            } else {
                let band = (count * line_height + 10.0).max(30.0);
                let first = y + band / 2.0 - (count - 1.0) * line_height / 2.0;
                for (i, line) in lines.iter().enumerate() {
                    marks.text(
                        (bar_x - 10.0, first + i as f64 * line_height),
                        line.clone(),
                        LABEL_SIZE,
                        false,
                        theme.text,
                        Align::End,
                        Baseline::Middle,
                        datum,
                    );
                }
                (band, y + (band - bar_height) / 2.0)
            };
            let end = scale.map(f.value.value * factor).round();
            let rect = Rect { x: bar_x, y: bar_top.round(), w: (end - bar_x).max(1.0), h: bar_height };
            if narrow {
                // On phones the zero line runs beside the bars only, never through the labels above them.
                grid(&mut scene, &scale, &ticks, rect.y - 3.0, rect.y + bar_height + 3.0, true, theme);
            }
            bar(&mut marks, rect, off_year(f), theme, datum);
            // The value follows the bar, or the reported mark where that reaches further.
            let mut label_x = end;
            if let Some(v) = latest(f) {
                let to = scale.map(v * factor).round();
                reported_mark(&mut marks, bar_x, to, rect.y + bar_height / 2.0, theme, datum);
                label_x = label_x.max(to);
            }
            marks.text(
                (label_x + 6.0, rect.y + bar_height / 2.0),
                value.clone(),
                VALUE_SIZE,
                false,
                theme.text,
                Align::Start,
                Baseline::Middle,
                datum,
            );
            regions.push(Region { datum: f.id, hit: Rect { x: 0.0, y, w: width, h: band }, mark: rect });
            tooltips.push(tooltip(f, options));
            y += band;
        }
        if !narrow {
            grid(&mut scene, &scale, &ticks, top, y, false, theme);
        }
        scene.items.append(&mut marks.items);
        for t in &ticks {
            scene.text(
                (scale.map(*t), y + 4.0),
                format::number(*t, 2, lang),
                TICK_SIZE,
                false,
                theme.muted,
                Align::Center,
                Baseline::Top,
                None,
            );
        }
        y += 4.0 + TICK_SIZE + 18.0;
    }
    // Under the panels: what the † after a value means, set apart from the source line below.
    let noted_before = y;
    for f in figures() {
        let Some(note) = unit_note(f, lang) else { continue };
        let text = match lang {
            Lang::Zh => format!("{UNIT_NOTE_MARK} {}：{note}", f.name.get(lang)),
            Lang::En => format!("{UNIT_NOTE_MARK} {}: {note}", f.name.get(lang)),
        };
        for line in wrap(&text, inner, TICK_SIZE + 1.0, false, measure) {
            scene.text(
                (pad, y - 8.0),
                line,
                TICK_SIZE + 1.0,
                false,
                theme.muted,
                Align::Start,
                Baseline::Top,
                Some(f.id),
            );
            y += TICK_SIZE + 5.0;
        }
    }
    if y > noted_before {
        y += 6.0;
    }
    scene.regions = regions;
    scene.height = (y - 18.0 + pad).ceil();

    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&sections(), lang),
        alt: alt_text(&panels, lang),
        tooltips,
        table: table(options),
        scene,
        hint: None,
    }
}

/// The plan's sections of the figures shown, in order of first use.
/// Where the chart's figures stand in the plan.
pub(crate) fn sections() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for f in figures() {
        if !out.contains(&f.source.section) {
            out.push(f.source.section);
        }
    }
    out
}

fn tooltip(f: &Figure, options: &Options) -> Tooltip {
    let lang = options.lang;
    let mut lines = vec![(target_label(f, lang), format::quantity(&f.value, lang))];
    if let Some(progress) = progress(f, options) {
        lines.push((REPORTED.get(lang).into(), progress));
    }
    lines.push((label("类别", "Area", lang).into(), group_name(f, lang).into()));
    if let Some(note) = unit_note(f, lang) {
        lines.push((label("注", "Note", lang).into(), note));
    }
    lines.push((label("出处", "Source", lang).into(), format::section(f.source.section, lang)));
    lines.push((super::parts::PLAN_WORDS.get(lang).into(), f.source.quote.into()));
    Tooltip { title: f.name.get(lang).into(), lines }
}

fn table(options: &Options) -> Table {
    let lang = options.lang;
    let mut table = Table {
        columns: [
            label("指标", "Target", lang),
            label("年份", "Year", lang),
            label("目标（规划所述）", "Target (as stated)", lang),
            label("单位", "Unit", lang),
            label("类别", "Area", lang),
            label("出处", "Source", lang),
        ]
        .map(String::from)
        .to_vec(),
        rows: figures()
            .iter()
            .map(|f| {
                vec![
                    f.name.get(lang).into(),
                    year_text(f, lang),
                    stated_value(f, lang),
                    format::axis_unit(f.value.unit, lang).1.into(),
                    group_name(f, lang).into(),
                    format::section(f.source.section, lang),
                ]
            })
            .collect(),
    };
    if !options.actuals.is_empty() {
        table.columns.insert(3, REPORTED.get(lang).into());
        for (row, f) in table.rows.iter_mut().zip(figures()) {
            row.insert(3, progress(f, options).unwrap_or_else(|| "—".into()));
        }
    }
    table
}

/// What the chart shows in words: per unit, the largest and smallest figure; the marked years.
fn alt_text(panels: &[(&'static Unit, Vec<&'static Figure>)], lang: Lang) -> String {
    let count: usize = panels.iter().map(|(_, list)| list.len()).sum();
    let parts: Vec<String> = panels
        .iter()
        .filter_map(|(unit, list)| {
            let unit_name = format::axis_unit(unit, lang).1;
            let largest = list.iter().copied().reduce(|a, b| if b.value.value > a.value.value { b } else { a })?;
            let smallest = list.iter().copied().reduce(|a, b| if b.value.value < a.value.value { b } else { a })?;
            let said = |f: &Figure| {
                // Mid-sentence: an English name begins in lower case.
                let name = format::lower(f.name.get(lang), lang);
                format!("{name}{}{}", label("", ", ", lang), format::quantity(&f.value, lang))
            };
            Some(match (list.len(), lang) {
                (1, Lang::Zh) => format!("{unit_name}：{}", said(largest)),
                (1, Lang::En) => format!("in {unit_name}: {}", said(largest)),
                (n, Lang::Zh) => format!("{unit_name}（{n}项）：最大为{}，最小为{}", said(largest), said(smallest)),
                (n, Lang::En) => {
                    format!("in {unit_name} ({n} targets): largest {}; smallest {}", said(largest), said(smallest))
                }
            })
        })
        .collect();
    let marked: Vec<String> = panels
        .iter()
        .flat_map(|(_, list)| list.iter())
        .filter(|f| off_year(f))
        .map(|f| format::lower(&name(f, lang), lang))
        .collect();
    let marked: Vec<&str> = marked.iter().map(String::as_str).collect();
    match lang {
        Lang::Zh => format!(
            "按单位分组的横向条形图：{count}项基础设施实物目标，分为{}组。{}。各组单位不同，数值不相加。非2030年或未注年份的目标：{}。",
            panels.len(),
            parts.join("；"),
            format::list(&marked, lang)
        ),
        Lang::En => format!(
            "Horizontal bar chart of {count} physical infrastructure targets in {} groups by unit: {}. Units differ between groups, so nothing is added up. Not for 2030 or with no year: {}.",
            panels.len(),
            parts.join("; "),
            format::list(&marked, lang)
        ),
    }
}

const CSV_HEADER: &[&str] = &[
    "id",
    "group",
    "name_zh",
    "name_en",
    "year",
    "value",
    "unit_zh",
    "unit_en",
    "qualifier_zh",
    "qualifier_en",
    "stated_zh",
    "stated_en",
    "section",
    "quote",
    "reported_year",
    "reported_value",
    "reported_share_of_target",
];

pub fn csv(options: &Options) -> String {
    let rows: Vec<Vec<String>> = figures()
        .into_iter()
        .map(|f| {
            let q = &f.value;
            let reported = options.actual(f.id).and_then(|a| a.points.last());
            let mut row = vec![
                f.id.into(),
                f.group.into(),
                f.name.zh.into(),
                f.name.en.into(),
                f.year.map_or(String::new(), |y| y.to_string()),
                format::number(q.value, 3, Lang::Zh),
                q.unit.zh.into(),
                q.unit.en.into(),
                q.qualifier.map_or("", |x| x.zh).into(),
                q.qualifier.map_or("", |x| x.en).into(),
                format::quantity(q, Lang::Zh),
                format::quantity(q, Lang::En),
                f.source.section.into(),
                f.source.quote.into(),
            ];
            row.extend(crate::progress::csv_cells(
                reported,
                reported.and_then(|p| crate::progress::share(None, q.value, p.value)),
            ));
            row
        })
        .collect();
    crate::csv::write(CSV_HEADER, &rows)
}
