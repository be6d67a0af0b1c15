//! `major-projects`: the ten domains of 专栏5 (优化投资结构重大工程项目) as horizontal bars, one row
//! per domain, sorted largest first by the chosen measure. For money (`measure: "total"` or
//! `"five-year"`) each row has two bars side by side: total investment (solid) and investment planned
//! for 2026–2030 (hatched); the chosen measure comes first, drawn taller and labelled in bold. For
//! `"count"` each row has one bar, its number of projects. Below the axis a totals block sets the
//! plan's stated totals (652个, 约1.7万亿元, 超1万亿元) next to the sums of the domains, each labelled
//! as stated or computed.

use super::parts::{
    grid, legend, padding, reported_mark, value_axis, widest, Swatch, HEADING_SIZE, LABEL_SIZE, NARROW, REPORTED,
    VALUE_SIZE,
};
use super::{label, ProjectMeasure, Rendered, Table, Tooltip};
use crate::chart::Options;
use crate::data::model::{Lang, Measure, ProjectDomain, ProjectTotal, Quantity, Text, Unit};
use crate::data::{PROJECT_DOMAINS, PROJECT_TOTALS, UNITS};
use crate::format;
use crate::order;
use crate::scale::Within;
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::{Color, Theme};

pub const TITLE: Text = Text { zh: "优化投资结构重大工程项目", en: "Major investment projects by domain" };
const DESCRIPTION: Text = Text {
    zh: "“十五五”时期绍兴市10大领域重大项目的总投资、五年计划完成投资和项目个数",
    en: "Total investment, investment planned for 2026–2030 and number of Shaoxing's major projects in 10 domains",
};
pub(crate) const SECTION: &str = "专栏5";
/// Investment is compared in 亿元, the unit of every domain's figures.
const MONEY: &str = "cny-100m";
const COMPUTED: Text = Text { zh: "计算值", en: "computed" };
const STATED: Text = Text { zh: "规划表述", en: "Stated in the plan" };
const SHARE: Text =
    Text { zh: "五年计划投资占总投资（计算值）", en: "Planned 2026–2030 as share of total (derived)" };
const LINE: f64 = 17.0;

fn money_unit() -> Option<&'static Unit> {
    UNITS.iter().copied().find(|u| u.id == MONEY)
}

fn measure_name(measure: ProjectMeasure, lang: Lang) -> &'static str {
    match measure {
        ProjectMeasure::Total => label("总投资", "Total investment", lang),
        ProjectMeasure::FiveYear => label("五年计划完成投资", "Planned for 2026–2030", lang),
        ProjectMeasure::Count => label("重大项目数", "Number of projects", lang),
    }
}

/// The bars of a row: the chosen measure first, then the other money measure, if any.
fn shown(measure: ProjectMeasure) -> Vec<ProjectMeasure> {
    match measure {
        ProjectMeasure::Total => vec![ProjectMeasure::Total, ProjectMeasure::FiveYear],
        ProjectMeasure::FiveYear => vec![ProjectMeasure::FiveYear, ProjectMeasure::Total],
        ProjectMeasure::Count => vec![ProjectMeasure::Count],
    }
}

fn quantity(domain: &ProjectDomain, measure: ProjectMeasure) -> &Quantity {
    match measure {
        ProjectMeasure::Total => &domain.total_investment,
        ProjectMeasure::FiveYear => &domain.five_year_investment,
        ProjectMeasure::Count => &domain.projects,
    }
}

/// A domain's figure as a number: money in 亿元, projects as a count. Zero only if the data were
/// broken (the dataset tests check that every figure converts).
fn value(domain: &ProjectDomain, measure: ProjectMeasure) -> f64 {
    let q = quantity(domain, measure);
    let v = if measure == ProjectMeasure::Count { Some(q.value) } else { q.value_in(MONEY) };
    v.filter(|v| v.is_finite()).unwrap_or(0.0)
}

fn total_measure(measure: Measure) -> ProjectMeasure {
    match measure {
        Measure::Projects => ProjectMeasure::Count,
        Measure::TotalInvestment => ProjectMeasure::Total,
        Measure::FiveYearInvestment => ProjectMeasure::FiveYear,
    }
}

/// The sum of the domains for one measure: a derived figure.
fn sum(measure: ProjectMeasure) -> f64 {
    PROJECT_DOMAINS.iter().map(|d| value(d, measure)).sum()
}

/// A derived sum written in the unit of the domains' figures: "17148亿元", "652个".
fn sum_text(measure: ProjectMeasure, lang: Lang) -> String {
    let unit = PROJECT_DOMAINS.first().map(|d| quantity(d, measure).unit);
    let unit = if measure == ProjectMeasure::Count { unit } else { money_unit().or(unit) };
    match unit {
        Some(unit) => format::amount(sum(measure), unit, lang),
        None => format::number(sum(measure), 0, lang),
    }
}

/// The domains in display order: largest first by `measure`, ties in the plan's order.
fn ordered(measure: ProjectMeasure) -> Vec<&'static ProjectDomain> {
    let mut domains: Vec<&ProjectDomain> = PROJECT_DOMAINS.iter().collect();
    order::sort_by(&mut domains, |a, b| value(b, measure).total_cmp(&value(a, measure)));
    domains
}

/// "先进制造业基地 · 140个": the count rides on the label except where the bars show it.
fn row_label(domain: &ProjectDomain, measure: ProjectMeasure, lang: Lang) -> String {
    let name = domain.name.get(lang);
    match count_suffix(domain, measure, lang) {
        Some(count) => format!("{name}{count}"),
        None => name.to_string(),
    }
}

fn count_suffix(domain: &ProjectDomain, measure: ProjectMeasure, lang: Lang) -> Option<String> {
    (measure != ProjectMeasure::Count).then(|| format!(" · {}", format::quantity(&domain.projects, lang)))
}

/// A label above the bars, wrapped within `max_width`; the count is never split from its unit.
fn label_lines(
    domain: &ProjectDomain,
    measure: ProjectMeasure,
    lang: Lang,
    max_width: f64,
    m: &dyn TextMeasure,
) -> Vec<String> {
    let mut lines = wrap(domain.name.get(lang), max_width, LABEL_SIZE, false, m);
    if let Some(count) = count_suffix(domain, measure, lang) {
        match lines.last_mut() {
            Some(last) if m.width(&format!("{last}{count}"), LABEL_SIZE, false) <= max_width => last.push_str(&count),
            _ => lines.extend(wrap(&format::quantity(&domain.projects, lang), max_width, LABEL_SIZE, false, m)),
        }
    }
    lines
}

fn series(theme: &Theme, measure: ProjectMeasure) -> Color {
    match measure {
        ProjectMeasure::FiveYear => theme.series[1],
        ProjectMeasure::Total | ProjectMeasure::Count => theme.series[0],
    }
}

/// A bar in its measure's colour; the five-year bar is hatched too, so colour is not the only cue.
fn bar(scene: &mut Scene, rect: Rect, measure: ProjectMeasure, theme: &Theme, datum: Option<&'static str>) {
    scene.fill(rect, series(theme, measure), datum);
    if measure == ProjectMeasure::FiveYear {
        scene.hatch(rect, theme.hatch, 5.0, datum);
    }
}

/// The latest reported investment completed, in 亿元.
fn latest(domain: &ProjectDomain, options: &Options) -> Option<f64> {
    options.actual(domain.id).and_then(|a| a.points.last()).map(|p| p.value)
}

fn progress(domain: &ProjectDomain, options: &Options, lang: Lang) -> Option<String> {
    let actual = options.actual(domain.id)?;
    let unit = money_unit()?;
    crate::progress::describe(actual, unit, None, value(domain, ProjectMeasure::FiveYear), lang)
}

fn share_text(five_year: f64, total: f64, lang: Lang) -> String {
    if total > 0.0 && five_year.is_finite() {
        format!("{}%", format::number(five_year / total * 100.0, 0, lang))
    } else {
        "—".into()
    }
}

/// A stated total and the matching sum, each as a (name, figure) pair:
/// ("总投资：", "17148亿元（计算值）") and ("规划表述：", "约1.7万亿元").
fn total_parts(total: &ProjectTotal, lang: Lang) -> [(String, String); 2] {
    let measure = total_measure(total.measure);
    let name = total.name.get(lang);
    let computed = sum_text(measure, lang);
    let stated = format::quantity(&total.stated, lang);
    match lang {
        Lang::Zh => {
            [(format!("{name}："), format!("{computed}（{}）", COMPUTED.zh)), (format!("{}：", STATED.zh), stated)]
        }
        Lang::En => [
            (format!("{name}: "), format!("{computed} ({})", COMPUTED.en)),
            (format!("{}: ", STATED.en.to_ascii_lowercase()), stated),
        ],
    }
}

/// `head` wrapped within `max_width`, then `tail` on its last line if it fits, else on lines of
/// its own: a figure is never broken between two lines where it fits on one.
fn wrap_head_tail(head: &str, tail: &str, max_width: f64, bold: bool, m: &dyn TextMeasure) -> Vec<String> {
    let mut lines = wrap(head, max_width, LABEL_SIZE, bold, m);
    match lines.last_mut() {
        Some(last) if m.width(&format!("{last}{}{tail}", head_gap(head)), LABEL_SIZE, bold) <= max_width => {
            last.push_str(head_gap(head));
            last.push_str(tail);
        }
        _ => lines.extend(wrap(tail, max_width, LABEL_SIZE, bold, m)),
    }
    lines
}

/// `wrap` trims the space that ends an English head; this puts it back before the tail.
fn head_gap(head: &str) -> &'static str {
    if head.ends_with(' ') {
        " "
    } else {
        ""
    }
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let chosen = options.measure;
    let bars = shown(chosen);
    let domains = ordered(chosen);
    let narrow = width < NARROW;
    let pad = padding(width);
    let inner = (width - 2.0 * pad).max(1.0);
    let draw_reports = chosen != ProjectMeasure::Count && !options.actuals.is_empty();

    let labels: Vec<String> = domains.iter().map(|d| row_label(d, chosen, lang)).collect();
    let values: Vec<Vec<String>> =
        domains.iter().map(|d| bars.iter().map(|m| format::quantity(quantity(d, *m), lang)).collect()).collect();
    let value_width = values.iter().flatten().map(|v| measure.width(v, VALUE_SIZE, true)).fold(0.0, f64::max) + 8.0;
    let label_width = widest(labels.iter().map(String::as_str), LABEL_SIZE, false, measure);
    // Labels stand beside the bars where they fit in a column; otherwise above them, wrapped.
    let beside = !narrow && label_width <= 0.4 * width;
    let bar_x = if beside { (pad + label_width + 10.0).round() } else { pad };
    let bar_end = (width - pad - value_width).max(bar_x + 40.0);

    let axis_unit = match chosen {
        ProjectMeasure::Count => PROJECT_DOMAINS.first().map(|d| d.projects.unit),
        _ => money_unit(),
    };
    let (factor, unit_name) = axis_unit.map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));
    let reported = |d: &ProjectDomain| if draw_reports { latest(d, options) } else { None };
    let max = domains
        .iter()
        .map(|d| bars.iter().map(|m| value(d, *m)).chain(reported(d)).fold(0.0, f64::max) * factor)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = ticks_from_zero(max, ((bar_end - bar_x) / 90.0).within(2.0, 6.0) as usize);
    let scale = Linear::new((0.0, *ticks.last().unwrap_or(&1.0)), (bar_x, bar_end));
    let x_of = |v: f64| scale.map(v * factor).round().within(bar_x, bar_end);

    let mut scene = Scene::new(width, 0.0);
    let solid = |s: &mut Scene, r: Rect| bar(s, r, ProjectMeasure::Total, theme, None);
    let hatched = |s: &mut Scene, r: Rect| bar(s, r, ProjectMeasure::FiveYear, theme, None);
    let progress_swatch = |s: &mut Scene, r: Rect| reported_mark(s, r.x, r.x + r.w, r.y + r.h / 2.0, theme, None);
    let mut entries: Vec<(&str, Swatch)> = bars
        .iter()
        .map(|m| {
            (measure_name(*m, lang), if *m == ProjectMeasure::FiveYear { &hatched as Swatch } else { &solid as Swatch })
        })
        .collect();
    if draw_reports {
        entries.push((label("已完成投资（最新实际值）", "Invested so far (reported)", lang), &progress_swatch));
    }
    let mut y = legend(&mut scene, &entries, width, pad, measure, theme);

    let main_height = if narrow { 14.0 } else { 16.0 };
    let second_height = 10.0;
    let gap = 3.0;
    let bars_height = if bars.len() > 1 { main_height + gap + second_height } else { main_height };
    let plot_top = y;
    let mut marks = Scene::new(width, 0.0);
    for ((domain, label_text), texts) in domains.iter().zip(&labels).zip(&values) {
        let datum = Some(domain.id);
        let row_top = y;
        let bars_top = if beside {
            let band = bars_height + 14.0;
            marks.text(
                (bar_x - 10.0, y + band / 2.0),
                label_text.clone(),
                LABEL_SIZE,
                false,
                theme.text,
                Align::End,
                Baseline::Middle,
                datum,
            );
            y + 7.0
        } else {
            let mut line_y = y + 2.0;
            for line in label_lines(domain, chosen, lang, inner, measure) {
                marks.text((pad, line_y), line, LABEL_SIZE, false, theme.text, Align::Start, Baseline::Top, datum);
                line_y += LINE;
            }
            line_y + 2.0
        };
        let mut bar_y = bars_top.round();
        let mut outline = Rect { x: bar_x, y: bar_y, w: 1.0, h: bars_height };
        for (i, (m, text)) in bars.iter().zip(texts).enumerate() {
            let main = i == 0;
            let h = if main { main_height } else { second_height };
            let end = x_of(value(domain, *m));
            let rect = Rect { x: bar_x, y: bar_y, w: (end - bar_x).max(1.0), h };
            bar(&mut marks, rect, *m, theme, datum);
            let mut label_x = end;
            if *m == ProjectMeasure::FiveYear {
                if let Some(done) = reported(domain) {
                    let to = x_of(done);
                    reported_mark(&mut marks, bar_x, to, rect.y + h / 2.0, theme, datum);
                    label_x = label_x.max(to + 1.0);
                }
            }
            let color = if main { theme.text } else { theme.muted };
            marks.text(
                (label_x + 6.0, rect.y + h / 2.0),
                text.clone(),
                VALUE_SIZE,
                main,
                color,
                Align::Start,
                Baseline::Middle,
                datum,
            );
            outline.w = outline.w.max(rect.w);
            bar_y += h + gap;
        }
        if !beside {
            // The zero line, row by row, so that it never runs through the labels above the bars.
            let top = bars_top.round() - 2.0;
            marks.line((bar_x.round() + 0.5, top), (bar_x.round() + 0.5, top + bars_height + 4.0), theme.muted, 1.0);
        }
        y = if beside { row_top + bars_height + 14.0 } else { bars_top.round() + bars_height + 10.0 };
        marks.regions.push(Region {
            datum: domain.id,
            hit: Rect { x: 0.0, y: row_top, w: width, h: y - row_top },
            mark: outline,
        });
    }

    // Grid lines go behind the bars; where labels stand above the bars, only the zero line, per row.
    if beside {
        grid(&mut scene, &scale, &ticks, plot_top, y, false, theme);
    }
    scene.items.append(&mut marks.items);
    scene.regions = marks.regions;
    y = value_axis(&mut scene, &scale, &ticks, y, unit_name, width - pad, lang, theme) + 10.0;

    // The totals: what the plan states, next to what the domains add up to.
    scene.line((pad, y), (width - pad, y), theme.grid, 1.0);
    y += 8.0;
    scene.text(
        (pad, y),
        label("合计", "Totals", lang),
        HEADING_SIZE,
        true,
        theme.muted,
        Align::Start,
        Baseline::Top,
        None,
    );
    y += 20.0;
    for total in PROJECT_TOTALS {
        let bold = total_measure(total.measure) == chosen;
        let [(name, computed), (stated_label, stated)] = total_parts(total, lang);
        let whole = format!("{name}{computed} · {stated_label}{stated}");
        // One line where it fits; else the computed sum, then the stated total indented below it.
        let indent = 12.0;
        let lines: Vec<(f64, String)> = if measure.width(&whole, LABEL_SIZE, bold) <= inner {
            vec![(0.0, whole)]
        } else {
            let first = wrap_head_tail(&name, &computed, inner - indent, bold, measure).into_iter().enumerate();
            let rest = wrap_head_tail(&stated_label, &stated, inner - indent, bold, measure).into_iter();
            first.map(|(i, l)| (if i == 0 { 0.0 } else { indent }, l)).chain(rest.map(|l| (indent, l))).collect()
        };
        let top = y;
        let text_width = lines.iter().map(|(x, l)| x + measure.width(l, LABEL_SIZE, bold)).fold(0.0, f64::max);
        for (x, line) in lines {
            scene.text(
                (pad + x, y + 1.0),
                line,
                LABEL_SIZE,
                bold,
                theme.text,
                Align::Start,
                Baseline::Top,
                Some(total.id),
            );
            y += LINE;
        }
        let mark = Rect { x: pad - 3.0, y: top - 1.0, w: (text_width + 6.0).min(width - pad + 3.0), h: y - top + 2.0 };
        scene.regions.push(Region {
            datum: total.id,
            hit: Rect { x: 0.0, y: top - 2.0, w: width, h: y - top + 4.0 },
            mark,
        });
        y += 4.0;
    }
    scene.height = (y + pad).ceil();

    let mut tooltips: Vec<Tooltip> = domains.iter().map(|d| domain_tooltip(d, options)).collect();
    tooltips.extend(PROJECT_TOTALS.iter().map(|t| total_tooltip(t, lang)));
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&[SECTION], lang),
        alt: alt_text(chosen, lang),
        tooltips,
        table: table(&domains, options),
        scene,
        hint: None,
    }
}

fn domain_tooltip(domain: &ProjectDomain, options: &Options) -> Tooltip {
    let lang = options.lang;
    let mut tip = Tooltip {
        title: domain.name.get(lang).to_string(),
        lines: vec![
            (label("重大项目", "Major projects", lang).into(), format::quantity(&domain.projects, lang)),
            (measure_name(ProjectMeasure::Total, lang).into(), format::quantity(&domain.total_investment, lang)),
            (measure_name(ProjectMeasure::FiveYear, lang).into(), format::quantity(&domain.five_year_investment, lang)),
            (
                SHARE.get(lang).into(),
                share_text(value(domain, ProjectMeasure::FiveYear), value(domain, ProjectMeasure::Total), lang),
            ),
            (label("出处", "Source", lang).into(), format::section(domain.source.section, lang)),
            (super::parts::PLAN_WORDS.get(lang).into(), domain.source.quote.into()),
        ],
    };
    if let Some(progress) = progress(domain, options, lang) {
        tip.lines.insert(3, (REPORTED.get(lang).into(), progress));
    }
    tip
}

fn total_tooltip(total: &ProjectTotal, lang: Lang) -> Tooltip {
    let count = PROJECT_DOMAINS.len();
    Tooltip {
        title: match lang {
            Lang::Zh => format!("合计：{}", total.name.zh),
            Lang::En => format!("Total: {}", total.name.en),
        },
        lines: vec![
            (STATED.get(lang).into(), format::quantity(&total.stated, lang)),
            (
                match lang {
                    Lang::Zh => format!("{count}个领域相加（{}）", COMPUTED.zh),
                    Lang::En => format!("Sum of the {count} domains ({})", COMPUTED.en),
                },
                sum_text(total_measure(total.measure), lang),
            ),
            (label("出处", "Source", lang).into(), format::section(total.source.section, lang)),
            (super::parts::PLAN_WORDS.get(lang).into(), total.source.quote.into()),
        ],
    }
}

fn table(domains: &[&ProjectDomain], options: &Options) -> Table {
    let lang = options.lang;
    let with_reports = !options.actuals.is_empty();
    let mut columns: Vec<String> = vec![
        label("领域", "Domain", lang).into(),
        label("重大项目", "Major projects", lang).into(),
        measure_name(ProjectMeasure::Total, lang).into(),
        measure_name(ProjectMeasure::FiveYear, lang).into(),
        SHARE.get(lang).into(),
    ];
    if with_reports {
        columns.push(REPORTED.get(lang).into());
    }
    columns.push(label("出处", "Source", lang).into());
    let section = format::section(SECTION, lang);
    let mut rows: Vec<Vec<String>> = domains
        .iter()
        .map(|d| {
            let mut row = vec![
                d.name.get(lang).into(),
                format::quantity(&d.projects, lang),
                format::quantity(&d.total_investment, lang),
                format::quantity(&d.five_year_investment, lang),
                share_text(value(d, ProjectMeasure::FiveYear), value(d, ProjectMeasure::Total), lang),
            ];
            if with_reports {
                row.push(progress(d, options, lang).unwrap_or_else(|| "—".into()));
            }
            row.push(format::section(d.source.section, lang));
            row
        })
        .collect();
    // The totals: the sums of the domains, then the plan's own words for them.
    let mut computed = vec![
        match lang {
            Lang::Zh => format!("合计（{}个领域相加，{}）", PROJECT_DOMAINS.len(), COMPUTED.zh),
            Lang::En => format!("Total (sum of the {} domains, {})", PROJECT_DOMAINS.len(), COMPUTED.en),
        },
        sum_text(ProjectMeasure::Count, lang),
        sum_text(ProjectMeasure::Total, lang),
        sum_text(ProjectMeasure::FiveYear, lang),
        share_text(sum(ProjectMeasure::FiveYear), sum(ProjectMeasure::Total), lang),
    ];
    let stated_of = |m: ProjectMeasure| {
        PROJECT_TOTALS
            .iter()
            .find(|t| total_measure(t.measure) == m)
            .map_or_else(|| "—".to_string(), |t| format::quantity(&t.stated, lang))
    };
    let mut stated = vec![
        match lang {
            Lang::Zh => format!("合计（{}）", STATED.zh),
            Lang::En => format!("Total ({})", STATED.en.to_ascii_lowercase()),
        },
        stated_of(ProjectMeasure::Count),
        stated_of(ProjectMeasure::Total),
        stated_of(ProjectMeasure::FiveYear),
        "—".into(),
    ];
    for row in [&mut computed, &mut stated] {
        if with_reports {
            row.push("—".into());
        }
        row.push(section.clone());
    }
    rows.push(computed);
    rows.push(stated);
    Table { columns, rows }
}

/// What the chart shows in words, from the data: the order, the largest and smallest domain by the
/// chosen measure, and the totals as computed and as stated.
fn alt_text(chosen: ProjectMeasure, lang: Lang) -> String {
    let domains = ordered(chosen);
    let (Some(largest), Some(smallest)) = (domains.first(), domains.last()) else {
        return String::new();
    };
    let name = measure_name(chosen, Lang::Zh);
    let figure = |d: &ProjectDomain| format::quantity(quantity(d, chosen), lang);
    let stated: Vec<String> = PROJECT_TOTALS
        .iter()
        .map(|t| match lang {
            Lang::Zh => format!("{}{}", t.name.zh, format::quantity(&t.stated, lang)),
            Lang::En => format!("{}: {}", t.name.en.to_ascii_lowercase(), format::quantity(&t.stated, lang)),
        })
        .collect();
    let count = domains.len();
    let (projects, total, five_year) = (
        sum_text(ProjectMeasure::Count, lang),
        sum_text(ProjectMeasure::Total, lang),
        sum_text(ProjectMeasure::FiveYear, lang),
    );
    match lang {
        Lang::Zh => format!(
            "横向条形图：{count}个领域的重大项目，按{name}从大到小排列{}。{name}最大为{}，{}；最小为{}，{}。各领域相加（计算值）：{projects}项目，总投资{total}，五年计划完成投资{five_year}；规划表述：{}。",
            if chosen == ProjectMeasure::Count { "" } else { "，每个领域并列总投资与五年计划完成投资" },
            largest.name.zh,
            figure(largest),
            smallest.name.zh,
            figure(smallest),
            stated.join("，"),
        ),
        Lang::En => format!(
            "Horizontal bar chart of the major projects in {count} domains, largest first by {}{}. Largest: {}, {}; smallest: {}, {}. The domains add up to (computed) {projects}, total investment of {total} and {five_year} planned for 2026–2030; as stated in the plan, {}.",
            match chosen {
                ProjectMeasure::Total => "total investment",
                ProjectMeasure::FiveYear => "investment planned for 2026–2030",
                ProjectMeasure::Count => "number of projects",
            },
            if chosen == ProjectMeasure::Count { "" } else { ", each domain with its total investment and its investment planned for 2026–2030 side by side" },
            largest.name.en,
            figure(largest),
            smallest.name.en,
            figure(smallest),
            stated.join("; "),
        ),
    }
}

/// Columns of the CSV: domain rows, the computed sums and the stated totals, with provenance.
const CSV_HEADER: &[&str] = &[
    "id",
    "row",
    "number",
    "name_zh",
    "name_en",
    "projects",
    "total_investment",
    "five_year_investment",
    "investment_unit_zh",
    "investment_unit_en",
    "five_year_share_of_total",
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
    let n = |v: f64| format::number(v, 3, Lang::Zh);
    let share = |five_year: f64, total: f64| {
        if total > 0.0 {
            format::number(five_year / total, 4, Lang::Zh)
        } else {
            String::new()
        }
    };
    let (unit_zh, unit_en) = money_unit().map_or(("", ""), |u| (u.zh, u.en));
    let mut rows: Vec<Vec<String>> = ordered(options.measure)
        .into_iter()
        .map(|d| {
            let reported = options.actual(d.id).and_then(|a| a.points.last());
            let (total, five_year) = (value(d, ProjectMeasure::Total), value(d, ProjectMeasure::FiveYear));
            let mut row = vec![
                d.id.into(),
                "domain".into(),
                d.number.to_string(),
                d.name.zh.into(),
                d.name.en.into(),
                n(value(d, ProjectMeasure::Count)),
                n(total),
                n(five_year),
                unit_zh.into(),
                unit_en.into(),
                share(five_year, total),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                d.source.section.into(),
                d.source.quote.into(),
            ];
            row.extend(crate::progress::csv_cells(
                reported,
                reported.and_then(|p| crate::progress::share(None, five_year, p.value)),
            ));
            row
        })
        .collect();
    let (total, five_year) = (sum(ProjectMeasure::Total), sum(ProjectMeasure::FiveYear));
    let mut computed = vec![
        "project-total.computed-sum".into(),
        "computed-sum".into(),
        String::new(),
        format!("{}个领域相加（计算值）", PROJECT_DOMAINS.len()),
        format!("Sum of the {} domains (computed)", PROJECT_DOMAINS.len()),
        n(sum(ProjectMeasure::Count)),
        n(total),
        n(five_year),
        unit_zh.into(),
        unit_en.into(),
        share(five_year, total),
    ];
    computed.extend(std::iter::repeat(String::new()).take(4));
    computed.extend([SECTION.into(), String::new()]);
    computed.extend(std::iter::repeat(String::new()).take(3));
    rows.push(computed);
    for t in PROJECT_TOTALS {
        let q = &t.stated;
        let in_money = q.value_in(MONEY).map_or(String::new(), n);
        let (projects, total, five_year) = match t.measure {
            Measure::Projects => (n(q.value), String::new(), String::new()),
            Measure::TotalInvestment => (String::new(), in_money, String::new()),
            Measure::FiveYearInvestment => (String::new(), String::new(), in_money),
        };
        let money = t.measure != Measure::Projects;
        let mut row = vec![
            t.id.into(),
            "stated-total".into(),
            String::new(),
            t.name.zh.into(),
            t.name.en.into(),
            projects,
            total,
            five_year,
            if money { unit_zh.into() } else { String::new() },
            if money { unit_en.into() } else { String::new() },
            String::new(),
            q.qualifier.map_or("", |x| x.zh).into(),
            q.qualifier.map_or("", |x| x.en).into(),
            format::quantity(q, Lang::Zh),
            format::quantity(q, Lang::En),
            t.source.section.into(),
            t.source.quote.into(),
        ];
        row.extend(std::iter::repeat(String::new()).take(3));
        rows.push(row);
    }
    crate::csv::write(CSV_HEADER, &rows)
}
