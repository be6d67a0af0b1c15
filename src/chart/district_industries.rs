//! `district-industries`: which industries the plan's chapter 二(一)1 (推进区域产业优化布局) names for
//! each of the seven districts, as a district × industry matrix (`plot::cells`). A filled square marks
//! each industry the plan names for a district; industries are grouped by their 专栏1 cluster, and row
//! and column totals count the marks. On wide screens districts are rows and industries columns;
//! below [`NARROW`] the matrix is transposed so that seven district columns fit a phone.

use super::{label, Rendered, Sort, Table};
use crate::chart::Options;
use crate::data::links::{districts_of, industries_of, Selectable};
use crate::data::model::{Cluster, District, Industry, Lang, Text};
use crate::data::{cluster, CLUSTERS, DISTRICTS, INDUSTRIES};
use crate::format;
use crate::order;
use crate::plot::cells::{Cells, Group};
use crate::plot::fields::{self, table_across, tooltip, Across};
use crate::plot::parts::{padding, NARROW, PLAN_WORDS};
use crate::plot::symbols::Symbol;
use crate::plot::{Column, Field, Key};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub const TITLE: Text =
    Text { zh: "各地重点发展产业一览表", en: "Priority industries by district: the full table" };
const DESCRIPTION: Text = Text {
    zh: "规划为各区、县（市）和滨海新区列出的重点发展产业，按专栏1先进制造业集群分组",
    en: "The industries the plan names for each district, county-level city and county and for the Binhai New Area, grouped by Box 1 manufacturing cluster",
};
/// The words of `sort`: the plan's order, or the most industries (districts) first.
pub const SORTS: &[(&str, Sort)] = &[("plan", Sort::Plan), ("count", Sort::Value)];

const OTHER: Text = Text { zh: "其他（专栏1未列）", en: "Not in Box 1" };
const NAMED: Text = Text { zh: "规划列为重点发展", en: "Named as a priority in the plan" };
const NOTE: Text = Text {
    zh: "按专栏1产业集群分组；合计为计数（计算值）",
    en: "Grouped by Box 1 cluster; totals are derived counts",
};
const TOTAL: Text = Text { zh: "合计", en: "Total" };
const SECTION: &str = "二(一)1";
/// Where the chart's figures stand in the plan: the assignments, the clusters, the hallmarks.
pub(crate) const SECTIONS: [&str; 3] = [SECTION, "专栏1", "专栏2"];

/// What the chart tells about: a district or an industry (a row or a column), a district's industry
/// (a cell's mark), or the totals (the table's last row).
#[derive(Debug, Clone, Copy)]
enum Item {
    District(&'static District),
    Industry(&'static Industry),
    Cell(&'static District, &'static Industry),
    Total,
}
use Item::{Cell, Total};

impl Item {
    /// The datum it shows: a cell's mark shows its industry.
    fn id(self) -> &'static str {
        match self {
            Item::District(d) => d.id,
            Item::Industry(i) | Cell(_, i) => i.id,
            Total => "",
        }
    }

    /// The name of a row or a column.
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Item::District(d) => d.name.get(lang),
            Item::Industry(i) => i.name.get(lang),
            Cell(..) | Total => "",
        }
    }

    fn title(self, lang: Lang) -> String {
        match self {
            Cell(d, i) => format!("{} · {}", d.name.get(lang), i.name.get(lang)),
            _ => self.name(lang).into(),
        }
    }
}

/// The mark of a district and an industry, row and column either way: the plan names the industry
/// for the district.
fn assigned(a: Item, b: Item) -> Option<Item> {
    let ((Item::District(d), Item::Industry(i)) | (Item::Industry(i), Item::District(d))) = (a, b) else {
        return None;
    };
    d.industries.contains(&i.id).then_some(Cell(d, i))
}

/// The 专栏1 cluster of an industry, if it has one.
fn cluster_of(industry: &Industry) -> Option<&'static Cluster> {
    industry.cluster.and_then(cluster)
}

fn cluster_name(industry: &Industry, lang: Lang) -> &'static str {
    cluster_of(industry).map_or(OTHER.get(lang), |c| c.name.get(lang))
}

/// The heading of a group of industries, where their names alone do not tell it: a cluster of
/// several industries, an industry named otherwise than its cluster, and the industries of no cluster.
fn heading(cluster: Option<&Cluster>, industries: &[&Industry], lang: Lang) -> Option<&'static str> {
    match cluster {
        None => Some(OTHER.get(lang)),
        Some(c) if industries.len() > 1 || industries.iter().any(|i| i.name.zh != c.name.zh) => Some(c.name.get(lang)),
        Some(_) => None,
    }
}

/// The districts in display order: the plan's, or by number of industries (ties in the plan's order).
fn ordered_districts(sort: Sort) -> Vec<&'static District> {
    let mut districts: Vec<&District> = DISTRICTS.iter().collect();
    if sort == Sort::Value {
        order::sort_by_key(&mut districts, |d| std::cmp::Reverse(industries_of(d).len()));
    }
    districts
}

type Industries = (Option<&'static Cluster>, Vec<&'static Industry>);

/// The industries grouped by cluster in 专栏1's order, those of no cluster last. Sorted by count,
/// industries go by number of districts within their group and groups by their most widespread
/// industry; the group of no cluster stays last.
fn industry_groups(sort: Sort) -> Vec<Industries> {
    let mut groups: Vec<Industries> =
        CLUSTERS.iter().map(|c| (Some(c), INDUSTRIES.iter().filter(|i| i.cluster == Some(c.id)).collect())).collect();
    groups.push((None, INDUSTRIES.iter().filter(|i| cluster_of(i).is_none()).collect()));
    groups.retain(|(_, industries)| !industries.is_empty());
    if sort == Sort::Value {
        let spread = |i: &&Industry| std::cmp::Reverse(districts_of(i).len());
        for (_, industries) in &mut groups {
            order::sort_by_key(industries, spread);
        }
        order::sort_by_key(&mut groups, |(c, industries)| (c.is_none(), industries.first().map(spread)));
    }
    groups
}

/// The industries in display order.
fn ordered_industries(sort: Sort) -> Vec<&'static Industry> {
    industry_groups(sort).into_iter().flat_map(|(_, industries)| industries).collect()
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let (lang, sort) = (options.lang, options.sort);
    let selection = options.selected.and_then(Selectable::find);
    let mut selected = Vec::new();
    if let Some(s) = selection {
        selected.extend(s.districts().iter().map(|d| d.id).chain(s.industries().iter().map(|i| i.id)));
    }
    let districts = ordered_districts(sort).into_iter().map(Item::District).collect();
    let districts = vec![Group { heading: None, items: districts }];
    let industries = industry_groups(sort).into_iter().map(|(cluster, industries)| Group {
        heading: heading(cluster, &industries, lang),
        items: industries.into_iter().map(Item::Industry).collect(),
    });
    let industries = industries.collect();
    let (rows, columns) = if width < NARROW { (industries, districts) } else { (districts, industries) };

    let selected_text = selection.map(|s| format!("{}{}", label("已选：", "Selected: ", lang), s.name(lang)));
    let mut legend = vec![(NAMED.get(lang), Key::Symbol(Symbol::Cell))];
    if let Some(text) = &selected_text {
        legend.push((text.as_str(), Key::Symbol(Symbol::Selected)));
    }
    let (note, total) = (NOTE.get(lang), TOTAL.get(lang));
    let (name, mark, datum) = (Item::name, assigned, Item::id);
    let cells = Cells { legend, note, rows, columns, name, mark, datum, selected, total };
    let (mut laid, items) = cells.lay_out(width, lang, measure, theme);
    laid.scene.height = (laid.bottom + padding(width)).ceil();

    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&SECTIONS, lang),
        alt: alt_text(lang),
        tooltips: items.iter().map(|item| tooltip(item.title(lang), &TOOLTIP, item, options)).collect(),
        table: table(options),
        scene: laid.scene,
        hint: None,
    }
}

/// The districts the plan names an industry for.
fn district_names(industry: &Industry, lang: Lang) -> String {
    format::list(&districts_of(industry).iter().map(|d| d.name.get(lang)).collect::<Vec<_>>(), lang)
}

/// How many marks a line of the matrix holds: a district's industries, an industry's districts, or
/// all of them.
fn count(item: &Item) -> Option<String> {
    let count = match item {
        Item::District(d) => industries_of(d).len(),
        Item::Industry(i) => districts_of(i).len(),
        Cell(..) => return None,
        Total => assignments(Sort::Plan).len(),
    };
    Some(count.to_string())
}

const INDUSTRY: Field<Item> = Field {
    table_only: true,
    ..Field::new(Text { zh: "产业", en: "Industry" }, |item, _, lang| match item {
        Total => Some(label("产业数（计算值）", "Industries (derived)", lang).into()),
        _ => Some(item.name(lang).into()),
    })
};
const PRIORITIES: Field<Item> =
    Field::new(Text { zh: "重点发展产业", en: "Priority industries" }, |item, _, lang| {
        let Item::District(d) = item else { return None };
        Some(format::list_common(&industries_of(d).iter().map(|i| i.name.get(lang)).collect::<Vec<_>>(), lang))
    });
const INDUSTRY_COUNT: Field<Item> =
    Field::new(Text { zh: "产业数（计算值）", en: "Count (derived)" }, |item, _, _| {
        count(item).filter(|_| matches!(item, Item::District(_)))
    });
const HALLMARK: Field<Item> =
    Field::new(Text { zh: "专栏2 一地一特色", en: "Box 2 hallmark" }, |item, _, lang| {
        let Item::District(d) = item else { return None };
        Some(d.hallmark.get(lang).into())
    });
const CLUSTER: Field<Item> = Field::new(Text { zh: "专栏1集群", en: "Box 1 cluster" }, |item, _, lang| match item {
    Item::Industry(i) | Cell(_, i) => Some(cluster_name(i, lang).into()),
    Total => Some(String::new()),
    Item::District(_) => None,
});
const NAMED_FOR: Field<Item> = Field::new(Text { zh: "布局地区", en: "Named for" }, |item, _, lang| {
    let Item::Industry(i) = item else { return None };
    Some(district_names(i, lang))
});
const DISTRICT_COUNT: Field<Item> =
    Field::new(Text { zh: "地区数（计算值）", en: "Count (derived)" }, |item, _, _| {
        count(item).filter(|_| matches!(item, Item::Industry(_)))
    });
const DISTRICTS_COLUMN: Field<Item> = Field {
    table_only: true,
    ..Field::new(Text { zh: "地区数（计算值）", en: "Districts (derived)" }, |item, _, _| count(item))
};
const QUOTE: Field<Item> = Field::new(PLAN_WORDS, |item, _, _| {
    let Cell(d, _) = item else { return None };
    Some(d.industries_source.quote.into())
});
const SOURCE: Field<Item> = Field::new(Text { zh: "出处", en: "Source" }, |item, _, lang| {
    let section = |s| format::section(s, lang);
    Some(match item {
        Item::District(d) => {
            let (a, b) = (section(d.industries_source.section), section(d.hallmark_source.section));
            format!("{a}{}{b}", label("；", "; ", lang))
        }
        Item::Industry(i) => section(i.source.section),
        Cell(d, _) => section(d.industries_source.section),
        Total => return None,
    })
});

/// A district's tooltip, an industry's and a cell's: each reads the fields it has, in this order.
const TOOLTIP: [&Field<Item>; 8] =
    [&PRIORITIES, &INDUSTRY_COUNT, &HALLMARK, &CLUSTER, &NAMED_FOR, &DISTRICT_COUNT, &QUOTE, &SOURCE];

/// Every (district, industry) pair the plan names, districts and industries in display order.
fn assignments(sort: Sort) -> Vec<(&'static District, &'static Industry)> {
    let industries = ordered_industries(sort);
    ordered_districts(sort)
        .into_iter()
        .flat_map(|d| industries.iter().filter(|i| d.industries.contains(&i.id)).map(move |i| (d, *i)))
        .collect()
}

/// Industries as rows and districts as columns, with each industry's cluster: the matrix as a table
/// that reads well with a screen reader (a word in each named cell, a dash elsewhere), and the totals.
fn table(options: &Options) -> Table {
    let districts = ordered_districts(options.sort);
    let mut lines: Vec<Item> = ordered_industries(options.sort).into_iter().map(Item::Industry).collect();
    lines.push(Total);
    let say = |item: &Item, d: &&'static District, lang| match item {
        Item::Industry(i) => d.industries.contains(&i.id).then(|| label("重点发展", "Priority", lang).into()),
        _ => count(&Item::District(d)),
    };
    let across = Across { at: 2, members: &districts, name: |d, lang| d.name.get(lang), say };
    table_across(&[&INDUSTRY, &CLUSTER, &DISTRICTS_COLUMN], across, &lines, options)
}

/// What the chart shows in words, from the data: how many assignments, the district with the most
/// industries, the industry named for the most districts.
fn alt_text(lang: Lang) -> String {
    let (pairs, single) = (assignments(Sort::Plan).len(), INDUSTRIES.iter().filter(|i| districts_of(i).len() == 1));
    let most_industries = DISTRICTS.iter().map(|d| industries_of(d).len()).max().unwrap_or(0);
    let busiest: Vec<&str> =
        DISTRICTS.iter().filter(|d| industries_of(d).len() == most_industries).map(|d| d.name.get(lang)).collect();
    let most_districts = INDUSTRIES.iter().map(|i| districts_of(i).len()).max().unwrap_or(0);
    let spread: Vec<&Industry> = INDUSTRIES.iter().filter(|i| districts_of(i).len() == most_districts).collect();
    let spread_names: Vec<&str> = spread.iter().map(|i| i.name.get(lang)).collect();
    // The districts of the widest-spread industry, where there is only one.
    let detail = match spread.as_slice() {
        [one] => format!("{}{}", label("：", ": ", lang), district_names(one, lang)),
        _ => String::new(),
    };
    let (several, single, busiest) = (busiest.len() > 1, single.count(), format::list(&busiest, lang));
    let (districts, industries) = (DISTRICTS.len(), INDUSTRIES.len());
    match lang {
        Lang::Zh => format!(
            "矩阵图：规划二（一）1为{districts}个地区列出的{industries}个重点发展产业，共{pairs}处（计算值）。列出产业最多的是{busiest}（{}{most_industries}个）；布局地区最多的产业是{}（{most_districts}个地区{detail}）。{single}个产业只列在1个地区。",
            if several { "各" } else { "" },
            format::list(&spread_names, lang),
        ),
        Lang::En => format!(
            "Matrix of the {industries} priority industries that chapter 2, section 1, item 1 of the plan names for {districts} districts: {pairs} in all (a derived count). {busiest} {} named the most industries, {most_industries}{}; {} {} named for the most districts, {most_districts}{detail}. {single} industries are named for one district only.",
            if several { "are" } else { "is" },
            if several { " each" } else { "" },
            format::lower(&format::list_common(&spread_names, lang), lang),
            if spread_names.len() > 1 { "are" } else { "is" },
        ),
    }
}

type Pair = (&'static District, &'static Industry);

/// The CSV: one row per (district, industry) pair the plan names, with its cluster and provenance.
const CSV: &[Column<Pair>] = &[
    Column::One("district_id", |(d, _)| d.id.into()),
    Column::Both("district", |(d, _), lang| d.name.get(lang).into()),
    Column::One("industry_id", |(_, i)| i.id.into()),
    Column::Both("industry", |(_, i), lang| i.name.get(lang).into()),
    Column::One("cluster_id", |(_, i)| cluster_of(i).map_or("", |c| c.id).into()),
    Column::Both("cluster", |(_, i), lang| cluster_name(i, lang).into()),
    Column::Source(|(d, _)| &d.industries_source),
];

pub fn csv(options: &Options) -> String {
    fields::csv(CSV, &assignments(options.sort), options)
}
