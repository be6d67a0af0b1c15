//! `infrastructure-targets`: the physical targets of the plan for transport and energy (专栏7,
//! 四(三)2) and any physical target of the urban, water and environment chapters, as horizontal bars
//! in panels, one panel per unit: lengths in 公里 share an axis, capacities in 万千瓦 another, charging
//! points a third. No axis is shared across units. Each bar carries its figure as the plan states
//! it (超100公里, 力争290万千瓦); a target for another year than 2030, or with no year, says so in
//! its label and is hatched.

use super::{label, Rendered};
use crate::chart::Options;
use crate::data::model::{Figure, Lang, Text, Unit};
use crate::data::{FIGURES, GROUPS};
use crate::format;
use crate::plot::fields::{self, table, tooltip};
use crate::plot::notes::footnotes;
use crate::plot::parts::{padding, NARROW, PLAN_WORDS, REPORTED};
use crate::plot::{Bar, Column, Field, Key, Paint, Panel, Panels, Row};
use crate::text::TextMeasure;
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
/// The mark after a value whose unit is the dataset's reading, and before its note under the chart.
const UNIT_NOTE_MARK: &str = "†";

type F = &'static Figure;

/// The figures shown, in the plan's order.
fn figures() -> Vec<F> {
    let mut out = Vec::new();
    for f in FIGURES {
        if GROUPS_SHOWN.contains(&f.group) && PHYSICAL_UNITS.contains(&f.value.unit.id) && f.value.value.is_finite() {
            out.push(f);
        }
    }
    out
}

/// The ids `actuals` may report on: every figure shown.
pub fn targets() -> Vec<&'static str> {
    figures().iter().map(|f| f.id).collect()
}

/// Where the chart's figures stand in the plan: their sections, in order of first use.
pub(crate) fn sections() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for f in figures() {
        if !out.contains(&f.source.section) {
            out.push(f.source.section);
        }
    }
    out
}

/// Figures grouped by unit, panels in order of first appearance.
fn panels() -> Vec<(&'static Unit, Vec<F>)> {
    let mut out: Vec<(&'static Unit, Vec<F>)> = Vec::new();
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

/// The name, and after it "（2027年）" or "（未注年份）" for a figure that is not for 2030.
fn name(f: &Figure, lang: Lang) -> String {
    let name = f.name.get(lang);
    match (f.year, lang) {
        (Some(PLAN_YEAR), _) => name.into(),
        (Some(y), Lang::Zh) => format!("{name}（{y}年）"),
        (Some(y), Lang::En) => format!("{name} ({y})"),
        (None, _) => format!("{name}{}", label("（未注年份）", " (no year stated)", lang)),
    }
}

fn target_label(f: &Figure, lang: Lang) -> String {
    match (f.year, lang) {
        (Some(y), Lang::Zh) => format!("{y}年目标"),
        (Some(y), Lang::En) => format!("{y} target"),
        (None, _) => label("目标（规划未注年份）", "Target (no year stated)", lang).into(),
    }
}

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

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let panels = panels();
    // The first series for 2030 targets, the second hatched for other years or none.
    let paint = |off| Paint { color: theme.series[if off { 1 } else { 0 }], hatched: off };
    let plan_year = match lang {
        Lang::Zh => format!("{PLAN_YEAR}年目标"),
        Lang::En => format!("{PLAN_YEAR} target"),
    };
    let mut legend = vec![(plan_year.as_str(), Key::Bar(paint(false)))];
    if figures().iter().any(|f| off_year(f)) {
        legend.push((label("其他年份或未注年份", "Other year, or no year stated", lang), Key::Bar(paint(true))));
    }
    if !options.actuals.is_empty() {
        legend.push((REPORTED.get(lang), Key::Reported));
    }
    let mut plot = Panels { panels: Vec::new(), legend, row_gap: 6.0 };
    let (mut tooltips, mut notes) = (Vec::new(), Vec::new());
    for (unit, figures) in &panels {
        let mut rows = Vec::new();
        for f in figures {
            let bar = Bar {
                value: f.value.value,
                paint: paint(off_year(f)),
                height: if width < NARROW { 16.0 } else { 18.0 },
                label: stated_value(f, lang),
                main: true,
                reported: options.latest(f.id).map(|p| p.value),
            };
            let (datum, bars) = (f.id, vec![bar]);
            rows.push(Row { datum, label: name(f, lang), lines_above: None, selected: false, group: None, bars });
            let mut tip = tooltip(f.name.get(lang).into(), &TOOLTIP, f, options);
            tip.lines.insert(0, (target_label(f, lang), format::quantity(&f.value, lang)));
            tooltips.push(tip);
            // What the † after the value means, under the panels.
            if let Some(note) = unit_note(f, lang) {
                notes.push((f.id, format!("{UNIT_NOTE_MARK} {}{}{note}", f.name.get(lang), label("：", ": ", lang))));
            }
        }
        let (factor, unit_name) = format::axis_unit(unit, lang);
        let heading = format!("{}{unit_name}", label("单位：", "Unit: ", lang));
        plot.panels.push(Panel { heading, factor, rows });
    }
    let mut laid = plot.lay_out(width, lang, measure, theme);
    let bottom = footnotes(&mut laid.scene, &notes, laid.bottom, measure, theme);
    laid.scene.height = (bottom + padding(width)).ceil();

    let columns = [&NAME, &YEAR, &STATED, &PROGRESS, &UNIT, &AREA, &SOURCE];
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&sections(), lang),
        alt: alt_text(&panels, lang),
        tooltips,
        table: table(&columns, &figures(), options),
        scene: laid.scene,
        hint: None,
    }
}

const NAME: Field<F> = Field {
    table_only: true,
    ..Field::new(Text { zh: "指标", en: "Target" }, |f, _, lang| Some(f.name.get(lang).into()))
};
const YEAR: Field<F> = Field {
    table_only: true,
    ..Field::new(Text { zh: "年份", en: "Year" }, |f, _, lang| {
        Some(f.year.map_or_else(|| label("未注年份", "No year stated", lang).into(), |y| y.to_string()))
    })
};
const STATED: Field<F> = Field {
    table_only: true,
    ..Field::new(Text { zh: "目标（规划所述）", en: "Target (as stated)" }, |f, _, lang| {
        Some(stated_value(f, lang))
    })
};
const UNIT: Field<F> = Field {
    table_only: true,
    ..Field::new(Text { zh: "单位", en: "Unit" }, |f, _, lang| Some(format::axis_unit(f.value.unit, lang).1.into()))
};
const PROGRESS: Field<F> = Field::reported(|f, options, lang| {
    crate::progress::describe(options.actual(f.id)?, f.value.unit, None, f.value.value, lang)
});
const AREA: Field<F> = Field::new(Text { zh: "类别", en: "Area" }, |f, _, lang| {
    Some(GROUPS.iter().find(|g| g.id == f.group).map_or(f.group, |g| g.name.get(lang)).into())
});
const NOTE: Field<F> = Field::new(Text { zh: "注", en: "Note" }, |f, _, lang| unit_note(f, lang));
const SOURCE: Field<F> =
    Field::new(Text { zh: "出处", en: "Source" }, |f, _, lang| Some(format::section(f.source.section, lang)));
const QUOTE: Field<F> = Field::new(PLAN_WORDS, |f, _, _| Some(f.source.quote.into()));

/// The tooltip: the target for its year first, then these.
const TOOLTIP: [&Field<F>; 5] = [&PROGRESS, &AREA, &NOTE, &SOURCE, &QUOTE];

/// What the chart shows in words: per unit, the largest and smallest figure; the marked years.
fn alt_text(panels: &[(&'static Unit, Vec<F>)], lang: Lang) -> String {
    let (mut count, mut parts, mut marked) = (0, Vec::new(), Vec::new());
    // Mid-sentence: an English name begins in lower case.
    let said = |f: &Figure| {
        let name = format::lower(f.name.get(lang), lang);
        format!("{name}{}{}", label("", ", ", lang), format::quantity(&f.value, lang))
    };
    for (unit, list) in panels {
        let unit_name = format::axis_unit(unit, lang).1;
        let (Some(mut largest), Some(mut smallest)) = (list.first(), list.first()) else { continue };
        for f in list {
            if f.value.value > largest.value.value {
                largest = f;
            }
            if f.value.value < smallest.value.value {
                smallest = f;
            }
            if off_year(f) {
                marked.push(format::lower(&name(f, lang), lang));
            }
        }
        count += list.len();
        parts.push(match (list.len(), lang) {
            (1, Lang::Zh) => format!("{unit_name}：{}", said(largest)),
            (1, Lang::En) => format!("in {unit_name}: {}", said(largest)),
            (n, Lang::Zh) => format!("{unit_name}（{n}项）：最大为{}，最小为{}", said(largest), said(smallest)),
            (n, Lang::En) => {
                format!("in {unit_name} ({n} targets): largest {}; smallest {}", said(largest), said(smallest))
            }
        });
    }
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

/// The CSV: each figure as a number and as stated, in both languages, with its source.
const CSV: &[Column<F>] = &[
    Column::One("id", |f| f.id.into()),
    Column::One("group", |f| f.group.into()),
    Column::Both("name", |f, lang| f.name.get(lang).into()),
    Column::One("year", |f| f.year.map_or(String::new(), |y| y.to_string())),
    Column::Figure(|f| &f.value),
    Column::Source(|f| &f.source),
    Column::Reported(|f, options| {
        let reported = options.latest(f.id)?;
        Some((reported, crate::progress::share(None, f.value.value, reported.value)))
    }),
];

pub fn csv(options: &Options) -> String {
    fields::csv(CSV, &figures(), options)
}
