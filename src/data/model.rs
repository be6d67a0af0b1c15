//! The typed dataset. The build compiles `data/*.toml` into statics of these types, so reading a
//! figure costs nothing at run time and needs no parser in the `.wasm`.

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Labels used by several charts.
pub(crate) fn label(zh: &'static str, en: &'static str, lang: Lang) -> &'static str {
    Text { zh, en }.get(lang)
}

/// The two languages every chart speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Where a figure stands in the plan: `主要指标`, `专栏N` or a chapter path like `二(一)1`,
/// and a short passage of the plan that contains it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    pub section: &'static str,
    pub quote: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Unit {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The unit this one converts to, with the factor: 1 万亿元 = 10000 亿元.
    pub base: Option<(&'static str, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// 突破3300亿元
    Prefix,
    /// 78%左右
    Suffix,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Over,
    About,
    AtLeast,
    Within,
    Striving,
}

#[derive(Debug, PartialEq)]
pub struct Qualifier {
    pub zh: &'static str,
    pub en: &'static str,
    pub position: Position,
    pub meaning: Meaning,
}

/// A number as the plan states it: value in the plan's unit, and the word around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: &'static Unit,
    pub qualifier: Option<&'static Qualifier>,
    /// How the plan writes the number where it is not in Arabic numerals.
    pub as_written: Option<&'static str>,
}

/// One cell of the main-indicator table. A missing cell (`—`) is `None` where a `Cell` is expected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Number {
        value: f64,
        qualifier: Option<&'static Qualifier>,
        /// The table's `*`: a 2024 actual rather than a 2025 figure.
        actual_2024: bool,
        /// The table's `[]`: a five-year cumulative figure.
        cumulative: bool,
    },
    /// Words such as 稳定 or 完成省下达目标, never to be drawn as a number.
    Words(Text),
}

#[derive(Debug, PartialEq)]
pub struct Category {
    pub id: &'static str,
    pub name: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    /// 预期性
    Expected,
    /// 约束性
    Binding,
}

#[derive(Debug, PartialEq)]
pub struct Indicator {
    pub id: &'static str,
    pub category: &'static str,
    pub number: u32,
    pub name: Text,
    /// The row of a two-row indicator (14: 执业医师数, 注册护士数).
    pub sub: Option<Text>,
    pub unit: &'static Unit,
    pub attribute: Attribute,
    pub y2025: Option<Cell>,
    pub y2030: Option<Cell>,
    /// “十五五”年均/累计: a yearly average, or a five-year total when the cell is cumulative.
    pub plan_period: Option<Cell>,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterKind {
    Traditional,
    Emerging,
}

#[derive(Debug, PartialEq)]
pub struct Cluster {
    pub id: &'static str,
    pub kind: ClusterKind,
    pub name: Text,
    pub target: Quantity,
    pub year: u16,
    pub focus: &'static [Text],
    pub source: Source,
}

#[derive(Debug, PartialEq)]
pub struct Industry {
    pub id: &'static str,
    pub name: Text,
    /// The 专栏1 cluster this industry belongs to, where there is one.
    pub cluster: Option<&'static str>,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistrictKind {
    District,
    CountyCity,
    County,
    NewArea,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    CentralTown,
    FunctionalArea,
}

#[derive(Debug, PartialEq)]
pub struct Place {
    pub id: &'static str,
    pub kind: PlaceKind,
    pub name: Text,
    pub source: Source,
}

#[derive(Debug, PartialEq)]
pub struct District {
    pub id: &'static str,
    pub name: Text,
    pub kind: DistrictKind,
    pub adcode: Option<u32>,
    pub industries: &'static [&'static str],
    pub industries_source: Source,
    pub hallmark: Text,
    pub hallmark_source: Source,
    pub places: &'static [Place],
}

#[derive(Debug, PartialEq)]
pub struct ProjectDomain {
    pub id: &'static str,
    pub number: u32,
    pub name: Text,
    pub projects: Quantity,
    pub total_investment: Quantity,
    pub five_year_investment: Quantity,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Projects,
    TotalInvestment,
    FiveYearInvestment,
}

#[derive(Debug, PartialEq)]
pub struct ProjectTotal {
    pub id: &'static str,
    pub measure: Measure,
    pub name: Text,
    pub stated: Quantity,
    pub source: Source,
}

#[derive(Debug, PartialEq)]
pub struct Group {
    pub id: &'static str,
    pub name: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Target,
    Actual,
    Milestone,
}

#[derive(Debug, PartialEq)]
pub struct Figure {
    pub id: &'static str,
    pub group: &'static str,
    pub name: Text,
    pub year: Option<u16>,
    pub kind: FigureKind,
    pub value: Quantity,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameList {
    Lab,
    Platform,
    MajorItem,
}

#[derive(Debug, PartialEq)]
pub struct Name {
    pub id: &'static str,
    pub list: NameList,
    pub name: Text,
    pub source: Source,
}
