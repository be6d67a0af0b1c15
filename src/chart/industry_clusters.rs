//! `industry-clusters`: the 2030 output targets of the ten manufacturing clusters of 专栏1, as
//! horizontal bars. Traditional and emerging clusters differ by colour, by hatching and by a group
//! heading; each bar carries its target as the plan states it (突破3500亿元 / over CNY 350 bn).

use super::{label, Rendered, Sort};
use crate::chart::Options;
use crate::data::model::{Cluster, ClusterKind, Lang, Text};
use crate::data::{districts_of_cluster, CLUSTERS};
use crate::format;
use crate::order;
use crate::plot::fields::{self, table, tooltip};
use crate::plot::parts::{padding, selected_clusters, NARROW, REPORTED};
use crate::plot::{Bar, Bars, Column, Field, Key, Paint, Row};
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
    format::list_common(&items, lang)
}

type C = &'static Cluster;

const NAME: Field<C> = Field {
    table_only: true,
    ..Field::new(Text { zh: "集群", en: "Cluster" }, |c, _, lang| Some(c.name.get(lang).into()))
};
const GROUP: Field<C> =
    Field::new(Text { zh: "类别", en: "Group" }, |c, _, lang| Some(kind_name(c.kind, lang).into()));
const TARGET: Field<C> =
    Field::new(Text { zh: "2030年目标", en: "2030 target" }, |c, _, lang| Some(format::quantity(&c.target, lang)));
const PROGRESS: Field<C> = Field::reported(|c, options, lang| progress(c, options, lang));
const FOCUS: Field<C> = Field::new(Text { zh: "重点领域", en: "Focus areas" }, |c, _, lang| Some(focus(c, lang)));
const DISTRICTS: Field<C> =
    Field::new(Text { zh: "布局地区", en: "Developed in" }, |c, _, lang| Some(districts(c, lang)));
const SOURCE: Field<C> =
    Field::new(Text { zh: "出处", en: "Source" }, |c, _, lang| Some(format::section(c.source.section, lang)));

/// The table's columns.
const TABLE: [&Field<C>; 7] = [&NAME, &GROUP, &TARGET, &PROGRESS, &FOCUS, &DISTRICTS, &SOURCE];

/// The tooltip reads the target first, then what has been reported, then the rest.
const TOOLTIP: [&Field<C>; 6] = [&TARGET, &PROGRESS, &GROUP, &FOCUS, &DISTRICTS, &SOURCE];

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let clusters = ordered(options.sort);
    let unit = CLUSTERS.first().map(|c| c.target.unit);
    let (factor, unit) = unit.map(|u| format::axis_unit(u, lang)).unwrap_or((1.0, ""));
    let selected = selected_clusters(options.selected);
    let paint = |kind| Paint { color: series_color(theme, kind), hatched: kind == ClusterKind::Traditional };
    let mut legend = vec![
        (kind_name(ClusterKind::Traditional, lang), Key::Bar(paint(ClusterKind::Traditional))),
        (kind_name(ClusterKind::Emerging, lang), Key::Bar(paint(ClusterKind::Emerging))),
    ];
    if !options.actuals.is_empty() {
        legend.push((REPORTED.get(lang), Key::Reported));
    }
    let rows = clusters
        .iter()
        .map(|c| Row {
            datum: c.id,
            label: c.name.get(lang).into(),
            lines_above: None,
            selected: selected.contains(&c.id),
            // Headings only where the groups stay together, in the plan's order.
            group: (options.sort == Sort::Plan).then(|| kind_name(c.kind, lang)),
            bars: vec![Bar {
                value: c.target.value,
                paint: paint(c.kind),
                height: if width < NARROW { 16.0 } else { 18.0 },
                label: format::quantity(&c.target, lang),
                main: true,
                reported: options.latest(c.id).map(|p| p.value),
            }],
        })
        .collect();
    let bars = Bars { rows, legend, factor, unit, selectable: true, row_gap: 6.0, bar_gap: 0.0 };
    let mut laid = bars.lay_out(width, lang, measure, theme);
    laid.scene.height = (laid.bottom + padding(width)).ceil();

    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&SECTIONS, lang),
        alt: alt_text(lang),
        tooltips: clusters.iter().map(|c| tooltip(c.name.get(lang).into(), &TOOLTIP, c, options)).collect(),
        table: table(&TABLE, &clusters, options),
        scene: laid.scene,
        hint: None,
    }
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
            "Horizontal bar chart of the 2030 output targets of {} manufacturing clusters ({traditional} traditional, {emerging} emerging). Largest: {}, {}; smallest: {}, {}. Each target is a minimum; together they come to over CNY {} bn.",
            CLUSTERS.len(),
            largest.name.en,
            format::quantity(&largest.target, lang),
            smallest.name.en,
            format::quantity(&smallest.target, lang),
            // In billions, exactly: trillions would round 1.405 up and overstate a minimum.
            format::number(sum * format::axis_unit(unit, lang).0, 1, lang),
        ),
    }
}

/// The CSV: the figure as a number and as stated, in both languages, with its source.
const CSV: &[Column<C>] = &[
    Column::One("id", |c| c.id.into()),
    Column::One("group", |c| {
        match c.kind {
            ClusterKind::Traditional => "traditional",
            ClusterKind::Emerging => "emerging",
        }
        .into()
    }),
    Column::Both("name", |c, lang| c.name.get(lang).into()),
    Column::One("year", |c| c.year.to_string()),
    Column::Figure(|c| &c.target),
    Column::Both("focus", |c, lang| focus(c, lang)),
    Column::Both("districts", |c, lang| districts(c, lang)),
    Column::Source(|c| &c.source),
    Column::Reported(|c, options| {
        let reported = options.latest(c.id)?;
        Some((reported, crate::progress::share(None, c.target.value, reported.value)))
    }),
];

pub fn csv(options: &Options) -> String {
    fields::csv(CSV, &ordered(options.sort), options)
}
