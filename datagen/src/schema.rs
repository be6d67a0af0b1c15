//! The records of `data/*.toml`, exactly as an editor writes them (see `data/README.md`).
//! Unknown fields are errors, so a misspelt field name cannot be silently ignored.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub section: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
}

/// One cell of the main-indicator table: a number, words, or (when absent) the table's `—`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub actual_2024: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub cumulative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_en: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub zh: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    pub zh: String,
    pub position: String,
    pub meaning: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub category: String,
    pub number: u32,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_en: Option<String>,
    pub unit: String,
    pub attribute: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y2025: Option<Cell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y2030: Option<Cell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_period: Option<Cell>,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub id: String,
    pub kind: String,
    pub name_zh: String,
    pub name_en: String,
    pub target: Quantity,
    pub year: u16,
    pub focus_zh: Vec<String>,
    pub focus_en: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Industry {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub kind: String,
    pub name_zh: String,
    pub name_en: String,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adcode: Option<u32>,
    pub industries: Vec<String>,
    pub industries_source: Source,
    pub hallmark_zh: String,
    pub hallmark_en: String,
    pub hallmark_source: Source,
    #[serde(default)]
    pub place: Vec<Place>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub number: u32,
    pub name_zh: String,
    pub name_en: String,
    pub projects: Quantity,
    pub total_investment: Quantity,
    pub five_year_investment: Quantity,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Total {
    pub id: String,
    pub measure: String,
    pub name_zh: String,
    pub name_en: String,
    pub stated: Quantity,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub group: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub kind: String,
    pub value: Quantity,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub id: String,
    pub list: String,
    pub name_zh: String,
    pub name_en: String,
    pub source: Source,
}

// One struct per file: the file's top-level arrays of tables.

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    pub unit: Vec<Unit>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifiersFile {
    pub qualifier: Vec<Qualifier>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    pub category: Vec<Named>,
    pub indicator: Vec<Indicator>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClustersFile {
    pub cluster: Vec<Cluster>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustriesFile {
    pub industry: Vec<Industry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistrictsFile {
    pub district: Vec<District>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectsFile {
    pub domain: Vec<Domain>,
    pub total: Vec<Total>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupsFile {
    pub group: Vec<Named>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    pub figure: Vec<Figure>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    pub name: Vec<Name>,
}

/// The whole dataset, in the order the files list it. Serialised as the JSON that `dataset()` returns.
#[derive(Debug, Default, Serialize)]
pub struct Dataset {
    pub units: Vec<Unit>,
    pub qualifiers: Vec<Qualifier>,
    pub categories: Vec<Named>,
    pub indicators: Vec<Indicator>,
    pub clusters: Vec<Cluster>,
    pub industries: Vec<Industry>,
    pub districts: Vec<District>,
    pub project_domains: Vec<Domain>,
    pub project_totals: Vec<Total>,
    pub groups: Vec<Named>,
    pub figures: Vec<Figure>,
    pub names: Vec<Name>,
}
