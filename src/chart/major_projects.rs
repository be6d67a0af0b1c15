//! `major-projects`: the ten domains of 专栏5 (优化投资结构重大工程项目) as horizontal bars, one row
//! per domain, sorted largest first by the chosen measure. For money (`measure: "total"` or
//! `"five-year"`) each row has two bars side by side: total investment (solid) and investment planned
//! for 2026–2030 (hatched); the chosen measure comes first, drawn taller and labelled in bold. For
//! `"count"` each row has one bar, its number of projects. Below the axis a totals block sets the
//! plan's stated totals (652个, 约1.7万亿元, 超1万亿元) next to the sums of the domains, each labelled
//! as stated or computed.

use super::{label, ProjectMeasure, Rendered, Tooltip};
use crate::chart::Options;
use crate::data::model::{Lang, Measure, ProjectDomain, ProjectTotal, Quantity, Text, Unit};
use crate::data::{PROJECT_DOMAINS, PROJECT_TOTALS, UNITS};
use crate::format;
use crate::order;
use crate::plot::fields::{self, table, tooltip};
use crate::plot::notes::{wrap_joined, Note, Notes};
use crate::plot::parts::{padding, LABEL_SIZE, NARROW, PLAN_WORDS};
use crate::plot::{Bar, Bars, Column, Field, Key, Paint, Row};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub const TITLE: Text = Text { zh: "优化投资结构重大工程项目", en: "Major investment projects by domain" };
const DESCRIPTION: Text = Text {
    zh: "“十五五”时期绍兴市10大领域重大项目的总投资、五年计划完成投资和项目个数",
    en: "Total investment, investment planned for 2026–2030 and number of Shaoxing's major projects in 10 domains",
};
pub(crate) const SECTION: &str = "专栏5";
/// Investment is compared in 亿元, the unit of every domain's figures.
const MONEY: &str = "cny-100m";
const STATED: Text = Text { zh: "规划表述", en: "Stated in the plan" };
const INVESTED: Text = Text { zh: "已完成投资（最新实际值）", en: "Invested so far (reported)" };
const COUNT: Text = Text { zh: "重大项目数", en: "Number of projects" };

use ProjectMeasure::{Count, FiveYear, Total};

fn money_unit() -> Option<&'static Unit> {
    UNITS.iter().copied().find(|u| u.id == MONEY)
}

fn measure_name(measure: ProjectMeasure, lang: Lang) -> &'static str {
    match measure {
        Total => TOTAL.name,
        FiveYear => FIVE_YEAR.name,
        Count => COUNT,
    }
    .get(lang)
}

fn quantity(domain: &ProjectDomain, measure: ProjectMeasure) -> &Quantity {
    match measure {
        Total => &domain.total_investment,
        FiveYear => &domain.five_year_investment,
        Count => &domain.projects,
    }
}

/// A figure as a number: money in 亿元, projects as a count.
fn number_of(q: &Quantity, measure: ProjectMeasure) -> Option<f64> {
    if measure == Count {
        Some(q.value)
    } else {
        q.value_in(MONEY)
    }
}

/// A domain's figure as a number. Zero only if the data were broken (the dataset tests check that
/// every figure converts).
fn value(domain: &ProjectDomain, measure: ProjectMeasure) -> f64 {
    number_of(quantity(domain, measure), measure).filter(|v| v.is_finite()).unwrap_or(0.0)
}

fn total_measure(measure: Measure) -> ProjectMeasure {
    match measure {
        Measure::Projects => Count,
        Measure::TotalInvestment => Total,
        Measure::FiveYearInvestment => FiveYear,
    }
}

/// The sum of the domains for one measure: a derived figure.
fn sum(measure: ProjectMeasure) -> f64 {
    PROJECT_DOMAINS.iter().map(|d| value(d, measure)).sum()
}

/// A derived sum written in the unit of the domains' figures: "17148亿元", "652个".
fn sum_text(measure: ProjectMeasure, lang: Lang) -> String {
    let unit = PROJECT_DOMAINS.first().map(|d| quantity(d, measure).unit);
    let unit = if measure == Count { unit } else { money_unit().or(unit) };
    match unit {
        Some(unit) => format::amount(sum(measure), unit, lang),
        None => format::number(sum(measure), 0, lang),
    }
}

/// "10个领域相加（计算值）": what the sums are.
fn sum_name(lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}个领域相加（计算值）", PROJECT_DOMAINS.len()),
        Lang::En => format!("Sum of the {} domains (computed)", PROJECT_DOMAINS.len()),
    }
}

/// The domains in display order: largest first by `measure`, ties in the plan's order.
fn ordered(measure: ProjectMeasure) -> Vec<&'static ProjectDomain> {
    let mut domains: Vec<&ProjectDomain> = PROJECT_DOMAINS.iter().collect();
    order::sort_by(&mut domains, |a, b| value(b, measure).total_cmp(&value(a, measure)));
    domains
}

/// The five-year bar is hatched too, so that colour is not the only cue.
fn paint(theme: &Theme, measure: ProjectMeasure) -> Paint {
    match measure {
        FiveYear => Paint { color: theme.series[1], hatched: true },
        Total | Count => Paint { color: theme.series[0], hatched: false },
    }
}

fn progress(domain: &ProjectDomain, options: &Options, lang: Lang) -> Option<String> {
    let actual = options.actual(domain.id)?;
    crate::progress::describe(actual, money_unit()?, None, value(domain, FiveYear), lang)
}

/// The five-year investment as a share of the total: a derived figure.
fn share(five_year: f64, total: f64) -> Option<f64> {
    (total > 0.0).then(|| five_year / total)
}

/// A stated total beside the matching sum: ("总投资：", "17148亿元（计算值）"), ("规划表述：", "约1.7万亿元").
fn total_parts(total: &ProjectTotal, lang: Lang) -> Vec<(String, String)> {
    let name = format!("{}{}", total.name.get(lang), label("：", ": ", lang));
    let computed =
        format!("{}{}", sum_text(total_measure(total.measure), lang), label("（计算值）", " (computed)", lang));
    let stated = label("规划表述：", "stated in the plan: ", lang);
    vec![(name, computed), (stated.into(), format::quantity(&total.stated, lang))]
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let chosen = options.measure;
    // The bars of a row: the chosen measure first, then the other money measure, if any.
    let shown: &[ProjectMeasure] = match chosen {
        Total => &[Total, FiveYear],
        FiveYear => &[FiveYear, Total],
        Count => &[Count],
    };
    let domains = ordered(chosen);
    let draw_reports = chosen != Count && !options.actuals.is_empty();
    let inner = (width - 2.0 * padding(width)).max(1.0);

    let mut legend = Vec::new();
    for m in shown {
        legend.push((measure_name(*m, lang), Key::Bar(paint(theme, *m))));
    }
    if draw_reports {
        legend.push((INVESTED.get(lang), Key::Reported));
    }
    let main_height = if width < NARROW { 14.0 } else { 16.0 };
    let (mut rows, mut tooltips, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    for d in &domains {
        let name = d.name.get(lang);
        let latest = options.actual(d.id).and_then(|a| a.points.last()).filter(|_| draw_reports);
        // The count rides on the label except where the bars show it, and is never split from its unit.
        let count = (chosen != Count).then(|| format::quantity(&d.projects, lang));
        let mut bars = Vec::new();
        for (i, m) in shown.iter().enumerate() {
            bars.push(Bar {
                value: value(d, *m),
                paint: paint(theme, *m),
                height: if i == 0 { main_height } else { 10.0 },
                label: format::quantity(quantity(d, *m), lang),
                main: i == 0,
                reported: latest.filter(|_| *m == FiveYear).map(|p| p.value),
            });
        }
        rows.push(Row {
            datum: d.id,
            label: count.as_ref().map_or_else(|| name.into(), |c| format!("{name} · {c}")),
            lines_above: count.map(|c| wrap_joined(name, " · ", &c, inner, LABEL_SIZE, false, measure)),
            selected: false,
            group: None,
            bars,
        });
        tooltips.push(tooltip(name.into(), &TOOLTIP, &Line::Domain(d), options));
        lines.push(Line::Domain(d));
    }
    let axis_unit = if chosen == Count { PROJECT_DOMAINS.first().map(|d| d.projects.unit) } else { money_unit() };
    let (factor, unit) = axis_unit.map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));
    let bars = Bars { rows, legend, factor, unit, selectable: false, row_gap: 7.0, bar_gap: 3.0 };
    let mut laid = bars.lay_out(width, lang, measure, theme);

    // The totals: what the plan states, next to what the domains add up to.
    let mut totals = Vec::new();
    for t in PROJECT_TOTALS {
        totals.push(Note { datum: t.id, parts: total_parts(t, lang), bold: total_measure(t.measure) == chosen });
        tooltips.push(total_tooltip(t, lang));
    }
    let heading = label("合计", "Totals", lang);
    let bottom = Notes { heading, notes: totals }.draw(&mut laid.scene, laid.bottom, measure, theme);
    laid.scene.height = (bottom + padding(width)).ceil();

    lines.extend([Line::Sum, Line::Stated]);
    let columns = [&DOMAIN, &PROJECTS, &TOTAL, &FIVE_YEAR, &SHARE, &PROGRESS, &SOURCE];
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&[SECTION], lang),
        alt: alt_text(chosen, lang),
        tooltips,
        table: table(&columns, &lines, options),
        scene: laid.scene,
        hint: None,
    }
}

fn total_tooltip(total: &ProjectTotal, lang: Lang) -> Tooltip {
    let title = format!("{}{}", label("合计：", "Total: ", lang), total.name.get(lang));
    let lines = vec![
        (STATED.get(lang).into(), format::quantity(&total.stated, lang)),
        (sum_name(lang), sum_text(total_measure(total.measure), lang)),
        (SOURCE.name.get(lang).into(), format::section(total.source.section, lang)),
        (PLAN_WORDS.get(lang).into(), total.source.quote.into()),
    ];
    Tooltip { title, lines }
}

/// A line of the table and of a domain's tooltip: a domain, the sums of the domains, or the plan's
/// stated totals.
enum Line {
    Domain(&'static ProjectDomain),
    Sum,
    Stated,
}

fn figure(line: &Line, measure: ProjectMeasure, lang: Lang) -> Option<String> {
    Some(match line {
        Line::Domain(d) => format::quantity(quantity(d, measure), lang),
        Line::Sum => sum_text(measure, lang),
        Line::Stated => {
            let total = PROJECT_TOTALS.iter().find(|t| total_measure(t.measure) == measure)?;
            format::quantity(&total.stated, lang)
        }
    })
}

const DOMAIN: Field<Line> = Field {
    table_only: true,
    ..Field::new(Text { zh: "领域", en: "Domain" }, |line, _, lang| {
        Some(match (line, lang) {
            (Line::Domain(d), _) => d.name.get(lang).into(),
            (Line::Sum, Lang::Zh) => format!("合计（{}个领域相加，计算值）", PROJECT_DOMAINS.len()),
            (Line::Sum, Lang::En) => format!("Total (sum of the {} domains, computed)", PROJECT_DOMAINS.len()),
            (Line::Stated, _) => label("合计（规划表述）", "Total (stated in the plan)", lang).into(),
        })
    })
};
const PROJECTS: Field<Line> =
    Field::new(Text { zh: "重大项目", en: "Major projects" }, |l, _, lang| figure(l, Count, lang));
const TOTAL: Field<Line> =
    Field::new(Text { zh: "总投资", en: "Total investment" }, |l, _, lang| figure(l, Total, lang));
const FIVE_YEAR: Field<Line> =
    Field::new(Text { zh: "五年计划完成投资", en: "Planned for 2026–2030" }, |l, _, lang| {
        figure(l, FiveYear, lang)
    });
const SHARE: Field<Line> = Field::new(
    Text { zh: "五年计划投资占总投资（计算值）", en: "Planned 2026–2030 as share of total (derived)" },
    |line, _, lang| {
        let share = match line {
            Line::Domain(d) => Some(share(value(d, FiveYear), value(d, Total))),
            Line::Sum => Some(share(sum(FiveYear), sum(Total))),
            Line::Stated => None,
        };
        Some(share?.map_or("—".into(), |s| format!("{}%", format::number(s * 100.0, 0, lang))))
    },
);
const PROGRESS: Field<Line> =
    Field::reported(|line, options, lang| if let Line::Domain(d) = line { progress(d, options, lang) } else { None });
const SOURCE: Field<Line> = Field::new(Text { zh: "出处", en: "Source" }, |line, _, lang| {
    Some(format::section(if let Line::Domain(d) = line { d.source.section } else { SECTION }, lang))
});
const QUOTE: Field<Line> =
    Field::new(PLAN_WORDS, |line, _, _| if let Line::Domain(d) = line { Some(d.source.quote.into()) } else { None });

const TOOLTIP: [&Field<Line>; 7] = [&PROJECTS, &TOTAL, &FIVE_YEAR, &PROGRESS, &SHARE, &SOURCE, &QUOTE];

/// What the chart shows in words, from the data: the order, the largest and smallest domain by the
/// chosen measure, and the totals as computed and as stated.
fn alt_text(chosen: ProjectMeasure, lang: Lang) -> String {
    let domains = ordered(chosen);
    let (Some(largest), Some(smallest)) = (domains.first(), domains.last()) else {
        return String::new();
    };
    let name = measure_name(chosen, Lang::Zh);
    let figure = |d: &ProjectDomain| format::quantity(quantity(d, chosen), lang);
    let mut stated = Vec::new();
    for t in PROJECT_TOTALS {
        stated.push(match lang {
            Lang::Zh => format!("{}{}", t.name.zh, format::quantity(&t.stated, lang)),
            Lang::En => format!("{}: {}", t.name.en.to_ascii_lowercase(), format::quantity(&t.stated, lang)),
        });
    }
    let count = domains.len();
    let (projects, total, five_year) = (sum_text(Count, lang), sum_text(Total, lang), sum_text(FiveYear, lang));
    match lang {
        Lang::Zh => format!(
            "横向条形图：{count}个领域的重大项目，按{name}从大到小排列{}。{name}最大为{}，{}；最小为{}，{}。各领域相加（计算值）：{projects}项目，总投资{total}，五年计划完成投资{five_year}；规划表述：{}。",
            if chosen == Count { "" } else { "，每个领域并列总投资与五年计划完成投资" },
            largest.name.zh,
            figure(largest),
            smallest.name.zh,
            figure(smallest),
            stated.join("，"),
        ),
        Lang::En => format!(
            "Horizontal bar chart of the major projects in {count} domains, largest first by {}{}. Largest: {}, {}; smallest: {}, {}. The domains add up to (computed) {projects}, total investment of {total} and {five_year} planned for 2026–2030; as stated in the plan, {}.",
            match chosen {
                Total => "total investment",
                FiveYear => "investment planned for 2026–2030",
                Count => "number of projects",
            },
            if chosen == Count { "" } else { ", each domain with its total investment and its investment planned for 2026–2030 side by side" },
            largest.name.en,
            figure(largest),
            smallest.name.en,
            figure(smallest),
            stated.join("; "),
        ),
    }
}

/// A record of the CSV: a domain, the sums of the domains, or one stated total.
enum Record {
    Domain(&'static ProjectDomain),
    Sum,
    Total(&'static ProjectTotal),
}

impl Record {
    /// The record's id, kind, section and quote.
    fn about(&self) -> [&'static str; 4] {
        match self {
            Record::Domain(d) => [d.id, "domain", d.source.section, d.source.quote],
            Record::Sum => ["project-total.computed-sum", "computed-sum", SECTION, ""],
            Record::Total(t) => [t.id, "stated-total", t.source.section, t.source.quote],
        }
    }
}

fn n(value: f64) -> String {
    format::number(value, 3, Lang::Zh)
}

/// A record's figure for `measure` as a number; a stated total has only its own measure.
fn amount(record: &Record, measure: ProjectMeasure) -> String {
    match record {
        Record::Domain(d) => n(value(d, measure)),
        Record::Sum => n(sum(measure)),
        Record::Total(t) if total_measure(t.measure) == measure => {
            number_of(&t.stated, measure).map_or(String::new(), n)
        }
        Record::Total(_) => String::new(),
    }
}

/// The CSV: domain rows, the computed sums and the stated totals, with provenance.
const CSV: &[Column<Record>] = &[
    Column::One("id", |r| r.about()[0].into()),
    Column::One("row", |r| r.about()[1].into()),
    Column::One("number", |r| if let Record::Domain(d) = r { d.number.to_string() } else { String::new() }),
    Column::Both("name", |r, lang| match r {
        Record::Domain(d) => d.name.get(lang).into(),
        Record::Sum => sum_name(lang),
        Record::Total(t) => t.name.get(lang).into(),
    }),
    Column::One("projects", |r| amount(r, Count)),
    Column::One("total_investment", |r| amount(r, Total)),
    Column::One("five_year_investment", |r| amount(r, FiveYear)),
    Column::Both("investment_unit", |r, lang| match (r, money_unit()) {
        (Record::Total(t), _) if t.measure == Measure::Projects => String::new(),
        (_, Some(u)) => Text { zh: u.zh, en: u.en }.get(lang).into(),
        (_, None) => String::new(),
    }),
    Column::One("five_year_share_of_total", |r| {
        let share = match r {
            Record::Domain(d) => share(value(d, FiveYear), value(d, Total)),
            Record::Sum => share(sum(FiveYear), sum(Total)),
            Record::Total(_) => None,
        };
        share.map_or(String::new(), |s| format::number(s, 4, Lang::Zh))
    }),
    Column::Both("qualifier", |r, lang| match r {
        Record::Total(t) => t.stated.qualifier.map_or("", |q| Text { zh: q.zh, en: q.en }.get(lang)).into(),
        _ => String::new(),
    }),
    Column::Both(
        "stated",
        |r, lang| if let Record::Total(t) = r { format::quantity(&t.stated, lang) } else { String::new() },
    ),
    Column::One("section", |r| r.about()[2].into()),
    Column::One("quote", |r| r.about()[3].into()),
    Column::Reported(|r, options| {
        let Record::Domain(d) = r else { return None };
        let reported = options.latest(d.id)?;
        Some((reported, crate::progress::share(None, value(d, FiveYear), reported.value)))
    }),
];

pub fn csv(options: &Options) -> String {
    let mut records: Vec<Record> = ordered(options.measure).into_iter().map(Record::Domain).collect();
    records.push(Record::Sum);
    records.extend(PROJECT_TOTALS.iter().map(Record::Total));
    fields::csv(CSV, &records, options)
}
