//! `pkg/data/`: the plan's figures as open data. A Frictionless Data Package (`datapackage.json`,
//! Data Package v1, one tabular data resource with its Table Schema per table) and one CSV per table
//! (RFC 4180, UTF-8), made from the dataset as datagen reads it from `data/`: the records that
//! `dataset()` returns. Same data, same bytes. See docs/data-package.md.

use std::path::Path;

use datagen::check::{
    ATTRIBUTES, CLUSTER_KINDS, DISTRICT_KINDS, FIGURE_KINDS, MEANINGS, MEASURES, NAME_LISTS, PLACE_KINDS, POSITIONS,
};
use datagen::schema::{Dataset, Figure, Quantity, Source};
use serde_json::{json, Value};
use shaoxing_plan_charts::chart::{gdp_path, infrastructure_targets};
use shaoxing_plan_charts::citation::{ISSUED, ISSUER_EN, ISSUER_ZH, NOTICE, TITLE_EN, TITLE_ZH};
use shaoxing_plan_charts::csv;

use crate::Result;

/// The folder of `pkg/` that holds the package.
pub const FOLDER: &str = "data";

/// One column of a table: its Table Schema field, and how a record of the table fills it.
struct Column<'a, T> {
    field: Value,
    cell: Box<dyn Fn(&T) -> String + 'a>,
}

fn column<'a, T>(name: &str, kind: &str, description: &str, cell: impl Fn(&T) -> String + 'a) -> Column<'a, T> {
    Column { field: json!({ "name": name, "type": kind, "description": description }), cell: Box::new(cell) }
}

impl<T> Column<'_, T> {
    fn constraint(mut self, name: &str, value: Value) -> Self {
        self.field["constraints"][name] = value;
        self
    }

    fn required(self) -> Self {
        self.constraint("required", json!(true))
    }

    fn one_of(self, values: &[&str]) -> Self {
        self.constraint("enum", json!(values))
    }
}

/// A table of the package: its resource (with its schema) and its CSV.
pub struct Table {
    pub name: &'static str,
    pub resource: Value,
    pub csv: String,
}

impl Table {
    pub fn file(&self) -> String {
        format!("{}.csv", self.name)
    }
}

/// A foreign key: a field of this table, the table it refers to and the field there.
type ForeignKey = (&'static str, &'static str, &'static str);

struct Spec<'a, T> {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    primary_key: &'static [&'static str],
    foreign_keys: &'static [ForeignKey],
    columns: Vec<Column<'a, T>>,
}

impl<T> Spec<'_, T> {
    fn table(self, records: &[T]) -> Table {
        let header: Vec<&str> = self.columns.iter().map(|c| c.field["name"].as_str().unwrap_or_default()).collect();
        let rows: Vec<Vec<String>> =
            records.iter().map(|r| self.columns.iter().map(|c| (c.cell)(r)).collect()).collect();
        let text = csv::write(&header, &rows);
        let foreign_keys: Vec<Value> = self
            .foreign_keys
            .iter()
            .map(|(field, resource, key)| json!({ "fields": field, "reference": { "resource": resource, "fields": key } }))
            .collect();
        let mut schema = json!({
            "fields": self.columns.iter().map(|c| c.field.clone()).collect::<Vec<_>>(),
            "primaryKey": self.primary_key,
            "missingValues": [""],
        });
        if !foreign_keys.is_empty() {
            schema["foreignKeys"] = json!(foreign_keys);
        }
        let bytes = csv::file_bytes(&text);
        let resource = json!({
            "profile": "tabular-data-resource",
            "name": self.name,
            "path": format!("{}.csv", self.name),
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": bytes.len(),
            "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true },
            "schema": schema,
        });
        Table { name: self.name, resource, csv: text }
    }
}

fn text(s: &str) -> String {
    s.to_string()
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A figure as every table writes it: the number (none for words), its unit and qualifier.
struct Amount<'a> {
    value: Option<f64>,
    unit: &'a str,
    qualifier: Option<&'a str>,
    as_written: Option<&'a str>,
}

impl<'a> From<&'a Quantity> for Amount<'a> {
    fn from(q: &'a Quantity) -> Self {
        Amount {
            value: Some(q.value),
            unit: &q.unit,
            qualifier: q.qualifier.as_deref(),
            as_written: q.as_written.as_deref(),
        }
    }
}

/// The columns of a figure: value, unit (id and both languages), qualifier (both languages), and
/// the Chinese numeral the plan writes it in, if it does.
fn amount_columns<'a, T: 'a>(data: &'a Dataset, get: fn(&T) -> Amount<'_>, value_required: bool) -> Vec<Column<'a, T>> {
    let unit = move |r: &T, en: bool| {
        let id = get(r).unit;
        let unit = data.units.iter().find(|u| u.id == id);
        unit.map(|u| if en { u.en.clone() } else { u.zh.clone() }).unwrap_or_default()
    };
    let qualifier_en = move |r: &T| {
        let word = get(r).qualifier;
        optional(word.and_then(|w| data.qualifiers.iter().find(|q| q.zh == w)).map(|q| &q.en))
    };
    let words: Vec<&str> = data.qualifiers.iter().map(|q| q.zh.as_str()).collect();
    let value = column("value", "number", "The number as the plan writes it, in the plan's unit", move |r: &T| {
        optional(get(r).value)
    });
    vec![
        if value_required { value.required() } else { value },
        column("unit", "string", "The unit's id (see the table units)", move |r: &T| text(get(r).unit)).required(),
        column("unit_zh", "string", "The unit in Chinese (empty for a ratio)", move |r: &T| unit(r, false)),
        column(
            "unit_en",
            "string",
            "The unit in English (empty where English writes none, as for 个)",
            move |r: &T| unit(r, true),
        ),
        column(
            "qualifier",
            "string",
            "The plan's word around the number (突破, 左右, 以上 …), empty for a plain number",
            move |r: &T| optional(get(r).qualifier),
        )
        .one_of(&words),
        column("qualifier_en", "string", "The qualifier in English", qualifier_en),
        column(
            "as_written",
            "string",
            "The number in the Chinese numerals the plan writes it in (十大 → 十)",
            move |r: &T| optional(get(r).as_written),
        ),
    ]
}

/// The columns of a source: the place in the plan and a passage of it that holds the figure.
fn source_columns<'a, T: 'a>(prefix: &str, get: fn(&T) -> &Source) -> Vec<Column<'a, T>> {
    vec![
        column(
            &format!("{prefix}section"),
            "string",
            "Where the plan says it: 主要指标 (the indicator table), 专栏N (box N) or a chapter path such as 二(一)1",
            move |r: &T| text(&get(r).section),
        )
        .required(),
        column(&format!("{prefix}quote"), "string", "The plan's words, verbatim", move |r: &T| text(&get(r).quote))
            .required(),
    ]
}

fn id<'a, T: 'a>(description: &str, get: fn(&T) -> &str) -> Column<'a, T> {
    column("id", "string", description, move |r: &T| text(get(r))).required().constraint("unique", json!(true))
}

fn names<'a, T: 'a>(zh: fn(&T) -> &str, en: fn(&T) -> &str) -> Vec<Column<'a, T>> {
    vec![
        column("name_zh", "string", "The name as the plan writes it", move |r: &T| text(zh(r))).required(),
        column("name_en", "string", "The name in English", move |r: &T| text(en(r))).required(),
    ]
}

/// The year of 专栏5's figures: none, as they are the projects of the plan period as a whole.
const PLAN_PERIOD: &str = "Empty: the figures are for the plan period 2026–2030 as a whole, not for one year";

fn year<'a, T: 'a>(description: &str, get: fn(&T) -> Option<u16>) -> Column<'a, T> {
    column("year", "year", description, move |r: &T| optional(get(r))).constraint("minimum", json!(2020))
}

/// The columns of a figure table: one row per figure of the plan's text.
fn figures<'a>(
    data: &'a Dataset,
    name: &'static str,
    title: &'static str,
    description: &'static str,
) -> Spec<'a, &'a Figure> {
    let mut columns = vec![
        id("The figure's id in the dataset", |f: &&Figure| &f.id),
        column("group", "string", "The topic it is filed under (see the table groups)", |f: &&Figure| text(&f.group))
            .required(),
    ];
    columns.extend(names(|f: &&Figure| &f.name_zh, |f| &f.name_en));
    columns.push(
        column(
            "kind",
            "string",
            "target, actual (a past figure) or milestone (a target before 2030)",
            |f: &&Figure| text(&f.kind),
        )
        .required()
        .one_of(FIGURE_KINDS),
    );
    columns.push(year("The year the figure is for; empty where the plan gives none", |f: &&Figure| f.year));
    columns.extend(amount_columns(data, |f: &&Figure| Amount::from(&f.value), true));
    columns.extend(source_columns("", |f: &&Figure| &f.source));
    Spec {
        name,
        title,
        description,
        primary_key: &["id"],
        foreign_keys: &[("group", "groups", "id"), ("unit", "units", "id"), ("qualifier", "qualifiers", "zh")],
        columns,
    }
}

/// A cell of the main-indicator table, with its indicator and its column.
struct IndicatorCell<'a> {
    indicator: &'a datagen::schema::Indicator,
    column: &'static str,
    cell: &'a datagen::schema::Cell,
}

impl IndicatorCell<'_> {
    /// The year of the figure: the table's columns 2025 (a 2024 actual where marked `*`) and 2030;
    /// none for the plan period's yearly average or five-year total.
    fn year(&self) -> Option<u16> {
        match self.column {
            "y2025" if self.cell.actual_2024 => Some(2024),
            "y2025" => Some(2025),
            "y2030" => Some(2030),
            _ => None,
        }
    }
}

/// A figure of a project domain: the domain and one of its three measures.
struct DomainFigure<'a> {
    domain: &'a datagen::schema::Domain,
    measure: &'static str,
    quantity: &'a Quantity,
}

/// Every table of the package, in the order `datapackage.json` lists them.
pub fn tables(data: &Dataset) -> Vec<Table> {
    use datagen::schema::{Cluster, District, Industry, Name, Named, Place, Qualifier, Total, Unit};
    let mut out = Vec::new();

    out.push(
        Spec {
            name: "units",
            title: "Units",
            description: "The units of measure, in both languages, and how a unit converts to its base unit",
            primary_key: &["id"],
            foreign_keys: &[("base", "units", "id")],
            columns: vec![
                id("The unit's id", |u: &Unit| &u.id),
                column("zh", "string", "The unit in Chinese (empty for a ratio)", |u: &Unit| text(&u.zh)),
                column("en", "string", "The unit in English (empty where English writes none)", |u: &Unit| text(&u.en)),
                column("base", "string", "The unit it converts to, if any", |u: &Unit| optional(u.base.as_ref())),
                column("factor", "number", "1 of this unit is `factor` of the base unit", |u: &Unit| {
                    optional(u.factor)
                }),
            ],
        }
        .table(&data.units),
    );
    out.push(
        Spec {
            name: "qualifiers",
            title: "Qualifiers",
            description: "The words the plan puts around a figure (突破3300亿元 is over 3300, never a plain 3300)",
            primary_key: &["zh"],
            foreign_keys: &[],
            columns: vec![
                column("zh", "string", "The word as the plan writes it", |q: &Qualifier| text(&q.zh))
                    .required()
                    .constraint("unique", json!(true)),
                column("en", "string", "The word in English", |q: &Qualifier| text(&q.en)).required(),
                column(
                    "position",
                    "string",
                    "Before the number (prefix) or after the number and unit (suffix)",
                    |q: &Qualifier| text(&q.position),
                )
                .required()
                .one_of(POSITIONS),
                column("meaning", "string", "What it says about the number", |q: &Qualifier| text(&q.meaning))
                    .required()
                    .one_of(MEANINGS),
            ],
        }
        .table(&data.qualifiers),
    );

    let cells: Vec<IndicatorCell> = data
        .indicators
        .iter()
        .flat_map(|indicator| {
            [("y2025", &indicator.y2025), ("y2030", &indicator.y2030), ("plan_period", &indicator.plan_period)]
                .into_iter()
                .filter_map(move |(column, cell)| Some(IndicatorCell { indicator, column, cell: cell.as_ref()? }))
        })
        .collect();
    let category = |en: bool| {
        move |c: &IndicatorCell| {
            let category = data.categories.iter().find(|x| x.id == c.indicator.category);
            optional(category.map(|x: &Named| if en { &x.name_en } else { &x.name_zh }))
        }
    };
    let mut columns = vec![
        column("id", "string", "The indicator's id (indicator 14 has two rows, two ids)", |c: &IndicatorCell| {
            text(&c.indicator.id)
        })
        .required(),
        column(
            "column",
            "string",
            "The table's column: y2025, y2030, or plan_period (“十五五”年均/累计)",
            |c: &IndicatorCell| text(c.column),
        )
        .required()
        .one_of(&["y2025", "y2030", "plan_period"]),
        column("number", "integer", "The indicator's number (序号) in the table", |c: &IndicatorCell| {
            c.indicator.number.to_string()
        })
        .required()
        .constraint("minimum", json!(1)),
        column("category", "string", "The category's id", |c: &IndicatorCell| text(&c.indicator.category)).required(),
        column("category_zh", "string", "The category in Chinese", category(false)).required(),
        column("category_en", "string", "The category in English", category(true)).required(),
    ];
    columns.extend(names(|c: &IndicatorCell| &c.indicator.name_zh, |c| &c.indicator.name_en));
    columns.extend([
        column("sub_zh", "string", "The row of a two-row indicator, in Chinese", |c: &IndicatorCell| {
            optional(c.indicator.sub_zh.as_ref())
        }),
        column("sub_en", "string", "The row of a two-row indicator, in English", |c: &IndicatorCell| {
            optional(c.indicator.sub_en.as_ref())
        }),
        column("attribute", "string", "预期性 (expected) or 约束性 (binding)", |c: &IndicatorCell| {
            text(&c.indicator.attribute)
        })
        .required()
        .one_of(ATTRIBUTES),
        year(
            "The year of the figure: 2025, 2024 for a 2024 actual (the table's *), 2030; empty for the plan period",
            |c: &IndicatorCell| c.year(),
        ),
    ]);
    columns.extend(amount_columns(
        data,
        |c: &IndicatorCell| Amount {
            value: c.cell.value,
            unit: &c.indicator.unit,
            qualifier: c.cell.qualifier.as_deref(),
            as_written: None,
        },
        false,
    ));
    columns.extend([
        column(
            "text_zh",
            "string",
            "A cell in words (稳定, 与经济增长同步 …) instead of a number, in Chinese",
            |c: &IndicatorCell| optional(c.cell.text_zh.as_ref()),
        ),
        column("text_en", "string", "The words in English", |c: &IndicatorCell| optional(c.cell.text_en.as_ref())),
        column("actual_2024", "boolean", "The table's *: the 2025 column gives a 2024 actual", |c: &IndicatorCell| {
            c.cell.actual_2024.to_string()
        })
        .required(),
        column("cumulative", "boolean", "The table's []: a five-year cumulative figure", |c: &IndicatorCell| {
            c.cell.cumulative.to_string()
        })
        .required(),
    ]);
    columns.extend(source_columns("", |c: &IndicatorCell| &c.indicator.source));
    out.push(
        Spec {
            name: "indicators",
            title: "Main indicators (主要指标)",
            description:
                "The table 绍兴市“十五五”时期经济社会发展主要指标: one row per filled cell (a cell of — has no row)",
            primary_key: &["id", "column"],
            foreign_keys: &[("unit", "units", "id"), ("qualifier", "qualifiers", "zh")],
            columns,
        }
        .table(&cells),
    );

    let mut columns = vec![
        id("The cluster's id", |c: &Cluster| &c.id),
        column("kind", "string", "traditional or emerging", |c: &Cluster| text(&c.kind))
            .required()
            .one_of(CLUSTER_KINDS),
    ];
    columns.extend(names(|c: &Cluster| &c.name_zh, |c| &c.name_en));
    columns.push(year("The year of the target", |c: &Cluster| Some(c.year)).required());
    columns.extend(amount_columns(data, |c: &Cluster| Amount::from(&c.target), true));
    columns.extend([
        column("focus_zh", "string", "The cluster's focus areas in Chinese, separated by 、", |c: &Cluster| {
            c.focus_zh.join("、")
        }),
        column("focus_en", "string", "The focus areas in English, separated by ; ", |c: &Cluster| {
            c.focus_en.join("; ")
        }),
    ]);
    columns.extend(source_columns("", |c: &Cluster| &c.source));
    out.push(
        Spec {
            name: "clusters",
            title: "Manufacturing clusters (专栏1)",
            description: "The advanced manufacturing clusters and their output targets",
            primary_key: &["id"],
            foreign_keys: &[("unit", "units", "id"), ("qualifier", "qualifiers", "zh")],
            columns,
        }
        .table(&data.clusters),
    );

    let mut columns = vec![id("The industry's id", |i: &Industry| &i.id)];
    columns.extend(names(|i: &Industry| &i.name_zh, |i| &i.name_en));
    columns.push(column(
        "cluster",
        "string",
        "The 专栏1 cluster it belongs to; empty where no cluster covers it",
        |i: &Industry| optional(i.cluster.as_ref()),
    ));
    columns.extend(source_columns("", |i: &Industry| &i.source));
    out.push(
        Spec {
            name: "industries",
            title: "Industries (二(一)1)",
            description: "The industries the plan assigns to districts, with the cluster each belongs to",
            primary_key: &["id"],
            foreign_keys: &[("cluster", "clusters", "id")],
            columns,
        }
        .table(&data.industries),
    );

    let mut columns = vec![id("The district's id", |d: &District| &d.id)];
    columns.extend(names(|d: &District| &d.name_zh, |d| &d.name_en));
    columns.extend([
        column(
            "kind",
            "string",
            "district (区), county-city (市), county (县) or new-area (新区)",
            |d: &District| text(&d.kind),
        )
        .required()
        .one_of(DISTRICT_KINDS),
        column("adcode", "integer", "The national administrative code", |d: &District| optional(d.adcode))
            .constraint("minimum", json!(100000)),
        column(
            "hallmark_zh",
            "string",
            "The district's service-sector hallmark (专栏2), in Chinese",
            |d: &District| text(&d.hallmark_zh),
        )
        .required(),
        column("hallmark_en", "string", "The hallmark in English", |d: &District| text(&d.hallmark_en)).required(),
    ]);
    columns.extend(source_columns("hallmark_", |d: &District| &d.hallmark_source));
    out.push(
        Spec {
            name: "districts",
            title: "Districts",
            description: "The districts, county-level cities and the new area, with their 专栏2 hallmark",
            primary_key: &["id"],
            foreign_keys: &[],
            columns,
        }
        .table(&data.districts),
    );

    let assignments: Vec<(&District, usize, &String)> =
        data.districts.iter().flat_map(|d| d.industries.iter().enumerate().map(move |(i, x)| (d, i + 1, x))).collect();
    type Assignment<'a> = (&'a District, usize, &'a String);
    let mut columns = vec![
        column("district", "string", "The district's id", |a: &Assignment| text(&a.0.id)).required(),
        column("industry", "string", "The industry's id", |a: &Assignment| text(a.2)).required(),
        column("position", "integer", "Its place in the plan's list for the district", |a: &Assignment| {
            a.1.to_string()
        })
        .required()
        .constraint("minimum", json!(1)),
    ];
    columns.extend(source_columns("", |a: &Assignment| &a.0.industries_source));
    out.push(
        Spec {
            name: "district-industries",
            title: "Which district develops which industries (二(一)1)",
            description: "One row per industry the plan assigns to a district, in the plan's order",
            primary_key: &["district", "industry"],
            foreign_keys: &[("district", "districts", "id"), ("industry", "industries", "id")],
            columns,
        }
        .table(&assignments),
    );

    let places: Vec<(&District, &Place)> =
        data.districts.iter().flat_map(|d| d.place.iter().map(move |p| (d, p))).collect();
    let mut columns = vec![
        id("The place's id", |p: &(&District, &Place)| &p.1.id),
        column("district", "string", "The district's id", |p: &(&District, &Place)| text(&p.0.id)).required(),
        column(
            "kind",
            "string",
            "central-town (省级中心镇) or functional-area (功能区)",
            |p: &(&District, &Place)| text(&p.1.kind),
        )
        .required()
        .one_of(PLACE_KINDS),
    ];
    columns.extend(names(|p: &(&District, &Place)| &p.1.name_zh, |p| &p.1.name_en));
    columns.extend(source_columns("", |p: &(&District, &Place)| &p.1.source));
    out.push(
        Spec {
            name: "places",
            title: "Central towns and functional areas",
            description: "The places the plan names in each district",
            primary_key: &["id"],
            foreign_keys: &[("district", "districts", "id")],
            columns,
        }
        .table(&places),
    );

    let domain_figures: Vec<DomainFigure> = data
        .project_domains
        .iter()
        .flat_map(|domain| {
            [
                ("projects", &domain.projects),
                ("total_investment", &domain.total_investment),
                ("five_year_investment", &domain.five_year_investment),
            ]
            .map(|(measure, quantity)| DomainFigure { domain, measure, quantity })
        })
        .collect();
    let mut columns = vec![
        column("id", "string", "The domain's id", |d: &DomainFigure| text(&d.domain.id)).required(),
        column("number", "integer", "The domain's number in 专栏5", |d: &DomainFigure| d.domain.number.to_string())
            .required()
            .constraint("minimum", json!(1)),
    ];
    columns.extend(names(|d: &DomainFigure| &d.domain.name_zh, |d| &d.domain.name_en));
    columns.push(
        column(
            "measure",
            "string",
            "projects (the number of projects), total_investment, or five_year_investment (planned for 2026–2030)",
            |d: &DomainFigure| text(d.measure),
        )
        .required()
        .one_of(MEASURES),
    );
    columns.extend(amount_columns(data, |d: &DomainFigure| Amount::from(d.quantity), true));
    columns.push(year(PLAN_PERIOD, |_| None));
    columns.extend(source_columns("", |d: &DomainFigure| &d.domain.source));
    out.push(
        Spec {
            name: "projects",
            title: "Major projects by domain (专栏5)",
            description: "Per domain: the number of projects, their total investment and the investment planned for 2026–2030; one row per domain and measure",
            primary_key: &["id", "measure"],
            foreign_keys: &[("unit", "units", "id"), ("qualifier", "qualifiers", "zh")],
            columns,
        }
        .table(&domain_figures),
    );

    let mut columns = vec![
        id("The total's id", |t: &Total| &t.id),
        column("measure", "string", "The measure it totals (see the table projects)", |t: &Total| text(&t.measure))
            .required()
            .one_of(MEASURES),
    ];
    columns.extend(names(|t: &Total| &t.name_zh, |t| &t.name_en));
    columns.extend(amount_columns(data, |t: &Total| Amount::from(&t.stated), true));
    columns.push(year(PLAN_PERIOD, |_| None));
    columns.extend(source_columns("", |t: &Total| &t.source));
    out.push(
        Spec {
            name: "project-totals",
            title: "Major projects: the totals the plan states (专栏5)",
            description: "The totals as the plan states them, not summed from the domains",
            primary_key: &["id"],
            foreign_keys: &[("unit", "units", "id"), ("qualifier", "qualifiers", "zh")],
            columns,
        }
        .table(&data.project_totals),
    );

    let mut columns = vec![id("The group's id", |g: &Named| &g.id)];
    columns.extend(names(|g: &Named| &g.name_zh, |g| &g.name_en));
    out.push(
        Spec {
            name: "groups",
            title: "Topics of the figures",
            description: "The topics that the tables gdp-path, infrastructure-targets and other-figures file their figures under",
            primary_key: &["id"],
            foreign_keys: &[],
            columns,
        }
        .table(&data.groups),
    );

    let infrastructure = infrastructure_targets::targets();
    let (gdp, rest): (Vec<&Figure>, Vec<&Figure>) = data.figures.iter().partition(|f| f.group == gdp_path::GROUP);
    let (infrastructure, other): (Vec<&Figure>, Vec<&Figure>) =
        rest.into_iter().partition(|f| infrastructure.contains(&f.id.as_str()));
    out.push(
        figures(
            data,
            "gdp-path",
            "GDP path",
            "Shaoxing's GDP from the start of the 14th plan period to the 2030 target",
        )
        .table(&gdp),
    );
    out.push(
        figures(
            data,
            "infrastructure-targets",
            "Infrastructure: physical targets",
            "The physical targets for transport, energy and other infrastructure (the chart infrastructure-targets)",
        )
        .table(&infrastructure),
    );
    out.push(
        figures(
            data,
            "other-figures",
            "Other figures",
            "Every other figure of the plan's text outside the tables above",
        )
        .table(&other),
    );

    let mut columns = vec![
        id("The name's id", |n: &Name| &n.id),
        column("list", "string", "lab (专栏3), platform (专栏6) or major-item (专栏9)", |n: &Name| text(&n.list))
            .required()
            .one_of(NAME_LISTS),
    ];
    columns.extend(names(|n: &Name| &n.name_zh, |n| &n.name_en));
    columns.extend(source_columns("", |n: &Name| &n.source));
    out.push(
        Spec {
            name: "names",
            title: "Labs, platforms and major items",
            description: "The names of 专栏3 (labs), 专栏6 (platforms) and 专栏9 (the ten major items)",
            primary_key: &["id"],
            foreign_keys: &[],
            columns,
        }
        .table(&data.names),
    );
    out
}

/// `datapackage.json` for `tables`.
pub fn descriptor(tables: &[Table], license: &str) -> String {
    let plan = format!(
        "{ISSUER_ZH}《{TITLE_ZH}》（{NOTICE}），{}",
        ISSUED.written(shaoxing_plan_charts::data::model::Lang::Zh)
    );
    let plan_en = format!(
        "{ISSUER_EN}, {TITLE_EN}, notice {NOTICE}, {}",
        ISSUED.written(shaoxing_plan_charts::data::model::Lang::En)
    );
    let package = json!({
        "profile": "tabular-data-package",
        "name": "shaoxing-plan-charts",
        "version": shaoxing_plan_charts::VERSION,
        "title": "绍兴市“十五五”规划的数据 · The figures of Shaoxing's 15th Five-Year Plan (2026–2030)",
        "description": format!("Every figure that the package shaoxing-plan-charts {} draws, with its unit, qualifier, year, and its place and words in the plan: {plan_en}. 数据来源：{plan}。", shaoxing_plan_charts::VERSION),
        "keywords": ["shaoxing", "绍兴", "five-year plan", "十五五", "open data"],
        "licenses": [{
            "name": license,
            "path": format!("https://opensource.org/licenses/{license}"),
            "title": format!("{license} License, as the package shaoxing-plan-charts {}; the figures and quotes are those of {plan_en}, a public document (此件公开发布)", shaoxing_plan_charts::VERSION),
        }],
        "sources": [{ "title": plan }, { "title": plan_en }],
        "resources": tables.iter().map(|t| t.resource.clone()).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&package).unwrap_or_default() + "\n"
}

/// Writes the package into `dir` (`pkg/data/`), replacing what was there.
pub fn write(root: &Path, dir: &Path, license: &str) -> Result {
    let sources = datagen::read_sources(&root.join("data")).map_err(|e| e.to_string())?;
    let data = datagen::compile(&sources)
        .map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))?;
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let tables = tables(&data);
    for table in &tables {
        let file = table.file();
        std::fs::write(dir.join(&file), csv::file_bytes(&table.csv))
            .map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    std::fs::write(dir.join("datapackage.json"), descriptor(&tables, license))
        .map_err(|e| format!("cannot write datapackage.json: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(dir: &Path) -> Vec<(String, Vec<u8>)> {
        write(&crate::root(), dir, "MIT").unwrap();
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_build_writes_the_same_bytes_and_nothing_stale() {
        let dir = std::env::temp_dir().join(format!("spc-data-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("removed-table.csv"), "stale").unwrap();
        let first = written(&dir);
        let second = written(&dir);
        assert_eq!(first, second);
        let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
        assert!(!names.contains(&"removed-table.csv"));
        assert!(names.contains(&"datapackage.json") && names.contains(&"clusters.csv"), "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
