//! `industry-clusters`: the 2030 output targets of the ten manufacturing clusters of 专栏1, as
//! horizontal bars. Traditional and emerging clusters differ by colour, by hatching and by a group
//! heading; each bar carries its target as the plan states it (突破3500亿元 / over CNY 350 bn).

use super::parts::{
    grid, legend, padding, reported_mark, selected_clusters, selection_outline, value_axis, widest, Swatch,
    HEADING_SIZE, LABEL_SIZE, NARROW, REPORTED, VALUE_SIZE,
};
use super::{label, Rendered, Sort, Table, Tooltip};
use crate::chart::Options;
use crate::data::model::{Cluster, ClusterKind, Lang, Text};
use crate::data::{districts_of_cluster, CLUSTERS};
use crate::format;
use crate::order;
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Where the chart's figures stand in the plan.
pub(crate) const SECTIONS: [&str; 2] = ["专栏1", "二(一)1"];

pub const TITLE: Text =
    Text { zh: "先进制造业集群2030年产业规模目标", en: "Manufacturing clusters: 2030 output targets" };
const DESCRIPTION: Text = Text {
    zh: "“十五五”时期绍兴市2个传统产业集群和8个新兴产业集群到2030年的产业规模目标",
    en: "What Shaoxing's 2 traditional and 8 emerging manufacturing clusters are to reach by 2030",
};

fn kind_name(kind: ClusterKind, lang: Lang) -> &'static str {
    match kind {
        ClusterKind::Traditional => label("传统产业集群", "Traditional clusters", lang),
        ClusterKind::Emerging => label("新兴产业集群", "Emerging clusters", lang),
    }
}

/// The clusters in display order.
fn ordered(sort: Sort) -> Vec<&'static Cluster> {
    let mut clusters: Vec<&Cluster> = CLUSTERS.iter().collect();
    if sort == Sort::Value {
        // Stable: equal targets keep the plan's order.
        order::sort_by(&mut clusters, |a, b| b.target.value.total_cmp(&a.target.value));
    }
    clusters
}

fn series_color(theme: &Theme, kind: ClusterKind) -> crate::theme::Color {
    match kind {
        ClusterKind::Emerging => theme.series[0],
        ClusterKind::Traditional => theme.series[1],
    }
}

/// A bar with the series colour, hatched for traditional clusters.
fn bar(scene: &mut Scene, rect: Rect, kind: ClusterKind, theme: &Theme, datum: Option<&'static str>) {
    scene.fill(rect, series_color(theme, kind), datum);
    if kind == ClusterKind::Traditional {
        scene.hatch(rect, theme.hatch, 5.0, datum);
    }
}

fn progress(cluster: &Cluster, options: &Options, lang: Lang) -> Option<String> {
    let actual = options.actual(cluster.id)?;
    crate::progress::describe(actual, cluster.target.unit, None, cluster.target.value, lang)
}

/// The districts that develop the cluster; where the plan names the district's industry differently
/// from the cluster (泛半导体 for 集成电路), the industry follows in brackets.
fn districts(cluster: &Cluster, lang: Lang) -> String {
    let names: Vec<String> = districts_of_cluster(cluster.id)
        .iter()
        .map(|d| {
            let other: Vec<&str> = d
                .industries
                .iter()
                .filter_map(|id| crate::data::industry(id))
                .filter(|i| i.cluster == Some(cluster.id) && i.name.zh != cluster.name.zh)
                .map(|i| i.name.get(lang))
                .collect();
            match (other.is_empty(), lang) {
                (true, _) => d.name.get(lang).to_string(),
                (false, Lang::Zh) => format!("{}（{}）", d.name.zh, other.join("、")),
                (false, Lang::En) => format!("{} ({})", d.name.en, other.join(", ")),
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    if names.is_empty() {
        label("（规划未列明）", "(none named in the plan)", lang).to_string()
    } else {
        format::list(&names, lang)
    }
}

fn focus(cluster: &Cluster, lang: Lang) -> String {
    let items: Vec<&str> = cluster.focus.iter().map(|f| f.get(lang)).collect();
    format::list(&items, lang)
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let clusters = ordered(options.sort);
    let narrow = width < NARROW;
    let pad = padding(width);
    let unit = CLUSTERS.first().map(|c| c.target.unit);
    let (factor, unit_name) = unit.map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));

    let values: Vec<String> = clusters.iter().map(|c| format::quantity(&c.target, lang)).collect();
    let value_width = widest(values.iter().map(String::as_str), VALUE_SIZE, false, measure) + 8.0;
    let label_width = widest(clusters.iter().map(|c| c.name.get(lang)), LABEL_SIZE, true, measure);
    let bar_x = if narrow { pad } else { (pad + label_width + 10.0).round() };
    let bar_end = (width - pad - value_width).max(bar_x + 40.0);

    let latest = |c: &Cluster| options.actual(c.id).and_then(|a| a.points.last()).map(|p| p.value);
    let max = clusters.iter().map(|c| c.target.value.max(latest(c).unwrap_or(0.0)) * factor).fold(0.0, f64::max);
    let ticks = ticks_from_zero(max, ((bar_end - bar_x) / 90.0).clamp(2.0, 6.0) as usize);
    let scale = Linear::new((0.0, *ticks.last().unwrap_or(&1.0)), (bar_x, bar_end));

    let mut scene = Scene::new(width, 0.0);
    // Legend: the two groups, with the same colour and hatching as their bars.
    let traditional = |s: &mut Scene, r: Rect| bar(s, r, ClusterKind::Traditional, theme, None);
    let emerging = |s: &mut Scene, r: Rect| bar(s, r, ClusterKind::Emerging, theme, None);
    let progress_swatch = |s: &mut Scene, r: Rect| reported_mark(s, r.x, r.x + r.w, r.y + r.h / 2.0, theme, None);
    let mut entries: Vec<(&str, Swatch)> = vec![
        (kind_name(ClusterKind::Traditional, lang), &traditional),
        (kind_name(ClusterKind::Emerging, lang), &emerging),
    ];
    if !options.actuals.is_empty() {
        entries.push((REPORTED.get(lang), &progress_swatch));
    }
    let mut y = legend(&mut scene, &entries, width, pad, measure, theme);

    let band = if narrow { 42.0 } else { 30.0 };
    let bar_height = if narrow { 16.0 } else { 18.0 };
    let plot_top = y;
    let mut marks = Scene::new(width, 0.0);
    let selected = selected_clusters(options.selected);
    let mut previous_kind = None;
    for (cluster, value) in clusters.iter().zip(&values) {
        if options.sort == Sort::Plan && previous_kind != Some(cluster.kind) {
            // A group heading: the group is told by words, not by colour alone.
            let top = y + if previous_kind.is_some() { 6.0 } else { 0.0 };
            marks.text(
                (pad, top + 10.0),
                kind_name(cluster.kind, lang),
                HEADING_SIZE,
                true,
                theme.muted,
                Align::Start,
                Baseline::Middle,
                None,
            );
            y = top + 22.0;
            previous_kind = Some(cluster.kind);
        }
        let datum = Some(cluster.id);
        let name = cluster.name.get(lang);
        // A selected cluster's label is bold as well as its bar outlined.
        let bold = selected.contains(&cluster.id);
        let bar_top = if narrow {
            marks.text((pad, y + 2.0), name, LABEL_SIZE, bold, theme.text, Align::Start, Baseline::Top, datum);
            y + 20.0
        } else {
            marks.text(
                (bar_x - 10.0, y + band / 2.0),
                name,
                LABEL_SIZE,
                bold,
                theme.text,
                Align::End,
                Baseline::Middle,
                datum,
            );
            y + (band - bar_height) / 2.0
        };
        let end = scale.map(cluster.target.value * factor).round();
        let rect = Rect { x: bar_x, y: bar_top.round(), w: (end - bar_x).max(1.0), h: bar_height };
        bar(&mut marks, rect, cluster.kind, theme, datum);
        if selected.contains(&cluster.id) {
            selection_outline(&mut marks, rect, theme, datum);
        }
        if let Some(value) = latest(cluster) {
            reported_mark(
                &mut marks,
                bar_x,
                scale.map(value * factor).round(),
                rect.y + bar_height / 2.0,
                theme,
                datum,
            );
        }
        marks.text(
            (end + 6.0, rect.y + bar_height / 2.0),
            value.clone(),
            VALUE_SIZE,
            false,
            theme.text,
            Align::Start,
            Baseline::Middle,
            datum,
        );
        let hit = Rect { x: 0.0, y, w: width, h: band };
        marks.regions.push(Region { datum: cluster.id, hit, mark: rect });
        y += band;
    }

    // Grid lines go behind the bars, so they are drawn first.
    grid(&mut scene, &scale, &ticks, plot_top, y, narrow, theme);
    scene.items.append(&mut marks.items);
    scene.regions = marks.regions;
    y = value_axis(&mut scene, &scale, &ticks, y, unit_name, width - pad, lang, theme) + pad;
    scene.height = y.ceil();

    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&SECTIONS, lang),
        alt: alt_text(lang),
        tooltips: clusters.iter().map(|c| tooltip(c, options)).collect(),
        table: table(&clusters, options),
        scene,
        hint: None,
    }
}

fn tooltip(cluster: &Cluster, options: &Options) -> Tooltip {
    let lang = options.lang;
    let mut tip = Tooltip {
        title: cluster.name.get(lang).to_string(),
        lines: vec![
            (format!("{}{}", cluster.year, label("年目标", " target", lang)), format::quantity(&cluster.target, lang)),
            (label("类别", "Group", lang).into(), kind_name(cluster.kind, lang).into()),
            (label("重点领域", "Focus areas", lang).into(), focus(cluster, lang)),
            (label("布局地区", "Developed in", lang).into(), districts(cluster, lang)),
            (label("出处", "Source", lang).into(), format::section(cluster.source.section, lang)),
        ],
    };
    if let Some(progress) = progress(cluster, options, lang) {
        tip.lines.insert(1, (REPORTED.get(lang).into(), progress));
    }
    tip
}

fn table(clusters: &[&Cluster], options: &Options) -> Table {
    let lang = options.lang;
    let mut table = Table {
        columns: [
            label("集群", "Cluster", lang),
            label("类别", "Group", lang),
            label("2030年目标", "2030 target", lang),
            label("重点领域", "Focus areas", lang),
            label("布局地区", "Developed in", lang),
            label("出处", "Source", lang),
        ]
        .map(String::from)
        .to_vec(),
        rows: clusters
            .iter()
            .map(|c| {
                vec![
                    c.name.get(lang).into(),
                    kind_name(c.kind, lang).into(),
                    format::quantity(&c.target, lang),
                    focus(c, lang),
                    districts(c, lang),
                    format::section(c.source.section, lang),
                ]
            })
            .collect(),
    };
    if !options.actuals.is_empty() {
        table.columns.insert(3, REPORTED.get(lang).into());
        for (row, c) in table.rows.iter_mut().zip(clusters) {
            row.insert(3, progress(c, options, lang).unwrap_or_else(|| "—".into()));
        }
    }
    table
}

/// What the chart shows in words, from the data: the largest and smallest targets and their sum.
fn alt_text(lang: Lang) -> String {
    let by_value = ordered(Sort::Value);
    let (Some(largest), Some(smallest)) = (by_value.first(), by_value.last()) else {
        return String::new();
    };
    let sum: f64 = CLUSTERS.iter().map(|c| c.target.value).sum();
    let unit = largest.target.unit;
    let count = |kind| CLUSTERS.iter().filter(|c| c.kind == kind).count();
    let (traditional, emerging) = (count(ClusterKind::Traditional), count(ClusterKind::Emerging));
    match lang {
        Lang::Zh => format!(
            "横向条形图：{}个先进制造业集群（{traditional}个传统、{emerging}个新兴）到2030年的产业规模目标。最大为{}，{}；最小为{}，{}。各集群目标均为“突破”目标，相加超过{}。",
            CLUSTERS.len(),
            largest.name.zh,
            format::quantity(&largest.target, lang),
            smallest.name.zh,
            format::quantity(&smallest.target, lang),
            format::amount(sum, unit, lang),
        ),
        Lang::En => format!(
            "Horizontal bar chart of the 2030 output targets of {} manufacturing clusters ({traditional} traditional, {emerging} emerging). Largest: {}, {}; smallest: {}, {}. Each target is a minimum; together they come to over {}.",
            CLUSTERS.len(),
            largest.name.en,
            format::quantity(&largest.target, lang),
            smallest.name.en,
            format::quantity(&smallest.target, lang),
            // In billions, exactly: trillions would round 1.405 up and overstate a minimum.
            format!("CNY {} bn", format::number(sum * format::axis_unit(unit, lang).0, 1, lang)),
        ),
    }
}

/// Columns of the CSV: the figure as a number and as stated, in both languages, with its source.
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
    "focus_zh",
    "focus_en",
    "districts_zh",
    "districts_en",
    "section",
    "quote",
    "reported_year",
    "reported_value",
    "reported_share_of_target",
];

pub fn csv(options: &Options) -> String {
    let rows: Vec<Vec<String>> = ordered(options.sort)
        .into_iter()
        .map(|c| {
            let q = &c.target;
            let reported = options.actual(c.id).and_then(|a| a.points.last());
            let mut row = vec![
                c.id.into(),
                match c.kind {
                    ClusterKind::Traditional => "traditional".into(),
                    ClusterKind::Emerging => "emerging".into(),
                },
                c.name.zh.into(),
                c.name.en.into(),
                c.year.to_string(),
                format::number(q.value, 3, Lang::Zh),
                q.unit.zh.into(),
                q.unit.en.into(),
                q.qualifier.map_or("", |x| x.zh).into(),
                q.qualifier.map_or("", |x| x.en).into(),
                format::quantity(q, Lang::Zh),
                format::quantity(q, Lang::En),
                focus(c, Lang::Zh),
                focus(c, Lang::En),
                districts(c, Lang::Zh),
                districts(c, Lang::En),
                c.source.section.into(),
                c.source.quote.into(),
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
