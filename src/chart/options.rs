//! Chart options and their validation. The browser glue turns a JS object into `(key, OptionValue)`
//! pairs; everything else — unknown keys, wrong types, allowed values — is decided here.

use std::sync::Arc;

use crate::data::model::Lang;
use crate::error::Error;
use crate::geo::Geometry;
use crate::order;
pub use crate::progress::{Actual, Reported};
use crate::theme::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

impl ThemeChoice {
    /// The theme to draw with, given whether the reader prefers dark colours.
    pub fn resolve(self, prefers_dark: bool) -> ThemeName {
        match self {
            ThemeChoice::Light => ThemeName::Light,
            ThemeChoice::Dark => ThemeName::Dark,
            ThemeChoice::Auto if prefers_dark => ThemeName::Dark,
            ThemeChoice::Auto => ThemeName::Light,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The order in which the plan lists the items.
    #[default]
    Plan,
    /// Largest first.
    Value,
}

/// What `major-projects` draws for each domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectMeasure {
    /// 总投资
    #[default]
    Total,
    /// 五年计划完成投资
    FiveYear,
    /// 重大项目数
    Count,
}

/// What colours the districts of `district-map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapFill {
    /// Neutral, with the selection (a district, or those developing a cluster or industry) marked.
    #[default]
    Selection,
    /// Sequential shades by the number of industries the plan names for each district.
    Count,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub sort: Sort,
    pub measure: ProjectMeasure,
    /// One category of the main indicators (`economy`, `innovation` …), or all of them.
    pub category: Option<&'static str>,
    /// Reported values to draw against the plan's targets, by datum id.
    pub actuals: Vec<Actual>,
    /// The cluster, industry or district selected here or in a linked chart (`selected`, `select()`).
    pub selected: Option<&'static str>,
    /// `district-map`: what colours the districts.
    pub fill: MapFill,
    /// `district-map`: boundaries the embedder supplies (GeoJSON), parsed and matched to districts;
    /// without them the map is a schematic layout. Shared, as options are copied on each update.
    pub geometry: Option<Arc<Geometry>>,
}

/// A JS option value, as far as validation needs to know it.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<OptionValue>),
    /// A plain object's own properties, in order.
    Map(Vec<(String, OptionValue)>),
    /// Anything else, described for the error message ("null", "a function" …).
    Other(String),
}

/// The most items of an array, or properties of an object, that an option may hold: far more than
/// any valid option has. The browser glue reads no further, so that no input freezes the page or
/// grows the module's memory, which never shrinks.
pub const MAX_ITEMS: usize = 1000;
/// The longest string an option may be, in UTF-16 units (ids and words are short).
pub const MAX_TEXT: usize = 1000;
/// The longest JSON text of `geometry`, in UTF-16 units: far above the boundaries that
/// [`crate::geo::geojson::MAX_POINTS`] allows.
pub const MAX_DOCUMENT: usize = 32 << 20;

impl OptionValue {
    pub fn describe(&self) -> String {
        match self {
            OptionValue::Text(s) => format!("{} (a string)", crate::error::quoted(s)),
            OptionValue::Number(n) => format!("{} (a number)", crate::error::js_number(*n)),
            OptionValue::Bool(b) => format!("{b} (a boolean)"),
            OptionValue::List(_) => "an array".into(),
            OptionValue::Map(_) => "an object".into(),
            OptionValue::Other(what) => what.clone(),
        }
    }

    /// A value larger than an option may be (`what`: "an array of 5000 items"), left unread.
    pub fn too_large(what: String, max: usize) -> OptionValue {
        OptionValue::Other(format!("{what}, more than an option may hold ({max})"))
    }
}

/// Options every chart takes.
pub const COMMON: &[&str] = &["lang", "theme"];

/// What a chart accepts beyond the common options.
pub struct Accepts<'a> {
    pub chart: &'static str,
    /// Chart-specific option names.
    pub options: &'static [&'static str],
    /// Datum ids that `actuals` may report on (the chart's targets).
    pub targets: &'a [&'static str],
    /// Values of `category`, when the chart takes it: (option value, category id).
    pub categories: &'a [(&'static str, &'static str)],
    /// The words `sort` takes, when the chart takes it: [`SORTS`] unless the chart names its orders
    /// otherwise ("count" for a matrix of counts).
    pub sorts: &'a [(&'static str, Sort)],
}

/// The words of `sort` for charts of targets: the plan's order, or the largest first.
pub const SORTS: &[(&str, Sort)] = &[("plan", Sort::Plan), ("value", Sort::Value)];

/// The words of `lang`, `theme`, `measure` and `fill`; the first is the default (but `lang` defaults to
/// the page's language).
pub const LANGS: &[(&str, Lang)] = &[("zh", Lang::Zh), ("en", Lang::En)];
pub const THEMES: &[(&str, ThemeChoice)] =
    &[("light", ThemeChoice::Light), ("dark", ThemeChoice::Dark), ("auto", ThemeChoice::Auto)];
pub const MEASURES: &[(&str, ProjectMeasure)] =
    &[("total", ProjectMeasure::Total), ("five-year", ProjectMeasure::FiveYear), ("count", ProjectMeasure::Count)];
pub const FILLS: &[(&str, MapFill)] = &[("selection", MapFill::Selection), ("count", MapFill::Count)];

/// Picks the allowed word for `key`, or says what is allowed.
fn choose<T: Copy>(key: &'static str, value: &OptionValue, choices: &[(&'static str, T)]) -> Result<T, Error> {
    let found = match value {
        OptionValue::Text(s) => choices.iter().find(|(name, _)| name == s).map(|(_, v)| *v),
        _ => None,
    };
    found.ok_or_else(|| Error::BadOptionValue {
        key,
        got: value.describe(),
        allowed: choices.iter().map(|(n, _)| *n).collect(),
    })
}

/// Applies `entries` on top of `base`, accepting what `accepts` lists.
pub fn apply(accepts: &Accepts, base: &Options, entries: &[(String, OptionValue)]) -> Result<Options, Error> {
    let mut options = base.clone();
    for (key, value) in entries {
        let known = COMMON.contains(&key.as_str()) || accepts.options.contains(&key.as_str());
        if !known {
            let allowed = COMMON.iter().chain(accepts.options).copied().collect();
            return Err(Error::UnknownOption { chart: accepts.chart, key: key.clone(), allowed });
        }
        match key.as_str() {
            "lang" => options.lang = choose("lang", value, LANGS)?,
            "theme" => options.theme = choose("theme", value, THEMES)?,
            "sort" => options.sort = choose("sort", value, accepts.sorts)?,
            "measure" => options.measure = choose("measure", value, MEASURES)?,
            "category" => {
                let mut choices: Vec<(&'static str, Option<&'static str>)> = vec![("all", None)];
                choices.extend(accepts.categories.iter().map(|(name, id)| (*name, Some(*id))));
                options.category = choose("category", value, &choices)?
            }
            "actuals" => options.actuals = actuals(accepts, value)?,
            "selected" => options.selected = selected(value)?,
            "fill" => options.fill = choose("fill", value, FILLS)?,
            "geometry" => options.geometry = geometry(value)?,
            _ => {}
        }
    }
    Ok(options)
}

/// The id of a cluster, industry or district, or `null` for none.
pub fn selected(value: &OptionValue) -> Result<Option<&'static str>, Error> {
    let ids = crate::data::links::selectable_ids();
    match value {
        OptionValue::Other(what) if what == "null" || what == "undefined" => Ok(None),
        OptionValue::Text(id) => match ids.iter().find(|known| *known == id) {
            Some(known) => Ok(Some(known)),
            None => Err(Error::UnknownSelection { got: value.describe(), known: ids }),
        },
        other => Err(Error::UnknownSelection { got: other.describe(), known: ids }),
    }
}

/// GeoJSON text (the browser turns an object into text with `JSON.stringify`), or null for none.
pub fn geometry(value: &OptionValue) -> Result<Option<Arc<Geometry>>, Error> {
    match value {
        OptionValue::Other(what) if what == "null" || what == "undefined" => Ok(None),
        OptionValue::Text(text) => Ok(Some(Arc::new(crate::geo::geojson::parse(text)?))),
        other => Err(Error::GeometryType { got: other.describe() }),
    }
}

pub const FIRST_YEAR: u16 = 2025;
pub const LAST_YEAR: u16 = 2035;
/// Larger magnitudes are surely a mistake of units and would overflow layouts.
const LARGEST: f64 = 1e12;
/// `LARGEST` as messages write it (formatting a float in exponent form would add its code to the `.wasm`).
const LARGEST_WRITTEN: &str = "1e12";

/// `{ "<datum id>": [{ year, value }, …], … }`, validated entry by entry.
fn actuals(accepts: &Accepts, value: &OptionValue) -> Result<Vec<Actual>, Error> {
    let OptionValue::Map(entries) = value else {
        return Err(Error::ActualsShape { got: value.describe() });
    };
    let mut out = Vec::new();
    for (id, reports) in entries {
        let Some(datum) = accepts.targets.iter().find(|t| *t == id) else {
            return Err(Error::ActualsUnknownId {
                chart: accepts.chart,
                id: id.clone(),
                allowed: accepts.targets.to_vec(),
            });
        };
        let OptionValue::List(items) = reports else {
            return Err(Error::ActualsBadEntry {
                id: id.clone(),
                index: None,
                problem: format!("must be an array of {{ year, value }}; got {}", reports.describe()),
            });
        };
        let mut points: Vec<Reported> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let bad = |problem: String| Error::ActualsBadEntry { id: id.clone(), index: Some(index), problem };
            let OptionValue::Map(fields) = item else {
                return Err(bad(format!("must be an object {{ year, value }}; got {}", item.describe())));
            };
            let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v);
            if let Some((extra, _)) = fields.iter().find(|(k, _)| k != "year" && k != "value") {
                return Err(bad(format!("has an unknown field {}; use year and value", crate::error::quoted(extra))));
            }
            let year = match field("year") {
                Some(OptionValue::Number(y))
                    if y.fract() == 0.0 && (FIRST_YEAR as f64..=LAST_YEAR as f64).contains(y) =>
                {
                    *y as u16
                }
                Some(other) => {
                    return Err(bad(format!(
                        "year must be a whole number from {FIRST_YEAR} to {LAST_YEAR}; got {}",
                        other.describe()
                    )))
                }
                None => return Err(bad("has no year".into())),
            };
            let value = match field("value") {
                Some(OptionValue::Number(v)) if v.is_finite() && v.abs() <= LARGEST => *v,
                Some(other) => {
                    return Err(bad(format!(
                        "value must be a finite number of at most {LARGEST_WRITTEN} in size; got {}",
                        other.describe()
                    )))
                }
                None => return Err(bad("has no value".into())),
            };
            if points.iter().any(|p| p.year == year) {
                return Err(bad(format!("reports the year {year} twice")));
            }
            points.push(Reported { year, value });
        }
        order::sort_by_key(&mut points, |p| p.year);
        out.push(Actual { datum, points });
    }
    Ok(out)
}

impl Options {
    /// The reports on `datum`, if any.
    pub fn actual(&self, datum: &str) -> Option<&Actual> {
        self.actuals.iter().find(|a| a.datum == datum && !a.points.is_empty())
    }

    /// The latest report on `datum`, if any.
    pub fn latest(&self, datum: &str) -> Option<Reported> {
        self.actual(datum)?.points.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_reported_value_is_written_as_it_is() {
        assert_eq!(LARGEST_WRITTEN.parse::<f64>(), Ok(LARGEST));
    }

    fn entries(pairs: &[(&str, OptionValue)]) -> Vec<(String, OptionValue)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    const ACCEPTS: Accepts = Accepts {
        chart: "industry-clusters",
        options: &["sort", "actuals"],
        targets: &["cluster.a", "cluster.b"],
        categories: &[],
        sorts: SORTS,
    };

    fn text(s: &str) -> OptionValue {
        OptionValue::Text(s.into())
    }

    fn report(year: f64, value: f64) -> OptionValue {
        OptionValue::Map(vec![("year".into(), OptionValue::Number(year)), ("value".into(), OptionValue::Number(value))])
    }

    fn actuals_of(map: Vec<(&str, OptionValue)>) -> Result<Options, Error> {
        let value = OptionValue::Map(map.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        apply(&ACCEPTS, &Options::default(), &entries(&[("actuals", value)]))
    }

    #[test]
    fn valid_options_apply_over_the_base() {
        let o =
            apply(&ACCEPTS, &Options::default(), &entries(&[("lang", text("en")), ("sort", text("value"))])).unwrap();
        assert_eq!((o.lang, o.theme, o.sort), (Lang::En, ThemeChoice::Light, Sort::Value));
        let o = apply(&ACCEPTS, &o, &entries(&[("theme", text("auto"))])).unwrap();
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.theme.resolve(true), ThemeName::Dark);
    }

    #[test]
    fn unknown_keys_and_wrong_values_say_what_is_allowed() {
        let e = apply(&ACCEPTS, &Options::default(), &entries(&[("colour", OptionValue::Bool(true))])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Unknown option \"colour\" for chart \"industry-clusters\". Allowed options: lang, theme, sort, actuals."
        );
        let e = apply(&ACCEPTS, &Options::default(), &entries(&[("lang", OptionValue::Number(1.0))])).unwrap_err();
        assert_eq!(e.to_string(), "Option \"lang\" must be one of \"zh\", \"en\"; got 1 (a number).");
        let e = apply(&ACCEPTS, &Options::default(), &entries(&[("sort", text("size"))])).unwrap_err();
        assert_eq!(e.to_string(), "Option \"sort\" must be one of \"plan\", \"value\"; got \"size\" (a string).");
        let e = apply(&ACCEPTS, &Options::default(), &entries(&[("measure", text("total"))])).unwrap_err();
        assert!(matches!(e, Error::UnknownOption { .. }));
    }

    #[test]
    fn a_chart_may_name_its_sort_orders() {
        let accepts = Accepts {
            chart: "district-industries",
            options: &["sort"],
            targets: &[],
            categories: &[],
            sorts: &[("plan", Sort::Plan), ("count", Sort::Value)],
        };
        let o = apply(&accepts, &Options::default(), &entries(&[("sort", text("count"))])).unwrap();
        assert_eq!(o.sort, Sort::Value);
        let e = apply(&accepts, &o, &entries(&[("sort", text("value"))])).unwrap_err();
        assert_eq!(e.to_string(), "Option \"sort\" must be one of \"plan\", \"count\"; got \"value\" (a string).");
    }

    #[test]
    fn categories_are_chosen_by_name() {
        let accepts = Accepts {
            chart: "main-indicators",
            options: &["category"],
            targets: &[],
            categories: &[("economy", "category.economy")],
            sorts: SORTS,
        };
        let o = apply(&accepts, &Options::default(), &entries(&[("category", text("economy"))])).unwrap();
        assert_eq!(o.category, Some("category.economy"));
        let o = apply(&accepts, &o, &entries(&[("category", text("all"))])).unwrap();
        assert_eq!(o.category, None);
        let e = apply(&accepts, &o, &entries(&[("category", text("eco"))])).unwrap_err();
        assert_eq!(e.to_string(), "Option \"category\" must be one of \"all\", \"economy\"; got \"eco\" (a string).");
    }

    #[test]
    fn actuals_are_read_sorted_by_year() {
        let o =
            actuals_of(vec![("cluster.b", OptionValue::List(vec![report(2027.0, 5.0), report(2026.0, 4.5)]))]).unwrap();
        assert_eq!(
            o.actual("cluster.b").unwrap().points,
            vec![Reported { year: 2026, value: 4.5 }, Reported { year: 2027, value: 5.0 }]
        );
        assert!(o.actual("cluster.a").is_none());
    }

    #[test]
    fn invalid_actuals_say_which_entry_and_why() {
        let message = |map| actuals_of(map).unwrap_err().to_string();
        assert_eq!(
            message(vec![("cluster.z", OptionValue::List(vec![]))]),
            "Option \"actuals\" names \"cluster.z\", which is not a target of chart \"industry-clusters\". Its targets: cluster.a, cluster.b."
        );
        assert_eq!(
            message(vec![("cluster.a", report(2026.0, 1.0))]),
            "Option \"actuals\": the reports on \"cluster.a\" must be an array of { year, value }; got an object."
        );
        assert_eq!(
            message(vec![("cluster.a", OptionValue::List(vec![report(2040.0, 1.0)]))]),
            "Option \"actuals\": report 1 on \"cluster.a\": year must be a whole number from 2025 to 2035; got 2040 (a number)."
        );
        assert!(message(vec![("cluster.a", OptionValue::List(vec![report(2026.5, 1.0)]))]).contains("whole number"));
        assert!(message(vec![("cluster.a", OptionValue::List(vec![report(2026.0, f64::NAN)]))])
            .contains("value must be a finite number"));
        assert!(message(vec![("cluster.a", OptionValue::List(vec![report(2026.0, 1e300)]))])
            .contains("value must be a finite number"));
        assert!(message(vec![("cluster.a", OptionValue::List(vec![report(2026.0, 1.0), report(2026.0, 2.0)]))])
            .contains("reports the year 2026 twice"));
        assert!(message(vec![("cluster.a", OptionValue::List(vec![text("2026")]))])
            .contains("must be an object { year, value }"));
        let shape =
            apply(&ACCEPTS, &Options::default(), &entries(&[("actuals", OptionValue::List(vec![]))])).unwrap_err();
        assert_eq!(
            shape.to_string(),
            "Option \"actuals\" must be an object such as { \"<id>\": [{ year: 2026, value: 1 }] }; got an array."
        );
    }
}
