//! Every message an embedder can see, in one place. They name what was wrong and what is allowed.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    UnknownChart {
        id: String,
        known: Vec<&'static str>,
    },
    ChartIdNotText {
        got: String,
        known: Vec<&'static str>,
    },
    UnknownOption {
        chart: &'static str,
        key: String,
        allowed: Vec<&'static str>,
    },
    BadOptionValue {
        key: &'static str,
        got: String,
        allowed: Vec<&'static str>,
    },
    OptionsNotAnObject {
        got: String,
    },
    ActualsShape {
        got: String,
    },
    ActualsUnknownId {
        chart: &'static str,
        id: String,
        allowed: Vec<&'static str>,
    },
    /// `index` is the position of the report in the datum's array, if the problem is in one.
    ActualsBadEntry {
        id: String,
        index: Option<usize>,
        problem: String,
    },
    UnknownEvent {
        got: String,
    },
    ListenerNotAFunction {
        got: String,
    },
    UnknownSelection {
        got: String,
        known: Vec<&'static str>,
    },
    /// `geometry` is neither GeoJSON text nor null.
    GeometryType {
        got: String,
    },
    /// `geometry` is not valid JSON: where and why.
    GeometryJson {
        problem: String,
    },
    /// `geometry` is JSON but not GeoJSON the map can draw: the path of the value and the problem.
    GeometryShape {
        at: String,
        problem: String,
    },
    /// No feature of `geometry` names a district; what the features are called.
    GeometryNoDistrict {
        found: Vec<String>,
    },
    NotAnElement {
        got: String,
    },
    ElementNotInDocument,
    ZeroSize {
        width: f64,
        height: f64,
    },
    Destroyed,
    /// The access date of `citation()` is not a calendar date written YYYY-MM-DD (or a valid Date).
    BadAccessDate {
        got: String,
    },
    /// The address of `citation()` is not an absolute http(s) URL.
    BadAddress {
        got: String,
    },
    Browser {
        what: &'static str,
        detail: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownChart { id, known } => write!(f, "Unknown chart id \"{id}\". Known charts: {}.", known.join(", ")),
            Error::ChartIdNotText { got, known } => {
                write!(f, "The chart id must be a string, one of: {}; got {got}.", known.join(", "))
            }
            Error::UnknownOption { chart, key, allowed } => {
                write!(f, "Unknown option \"{key}\" for chart \"{chart}\". Allowed options: {}.", allowed.join(", "))
            }
            Error::BadOptionValue { key, got, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
                write!(f, "Option \"{key}\" must be one of {}; got {got}.", allowed.join(", "))
            }
            Error::OptionsNotAnObject { got } => write!(f, "Options must be a plain object such as {{ lang: \"en\" }}; got {got}."),
            Error::ActualsShape { got } => {
                write!(f, "Option \"actuals\" must be an object such as {{ \"<id>\": [{{ year: 2026, value: 1 }}] }}; got {got}.")
            }
            Error::ActualsUnknownId { chart, id, allowed } => write!(
                f,
                "Option \"actuals\" names \"{id}\", which is not a target of chart \"{chart}\". Its targets: {}.",
                allowed.join(", ")
            ),
            Error::ActualsBadEntry { id, index: None, problem } => write!(f, "Option \"actuals\": the reports on \"{id}\" {problem}."),
            Error::ActualsBadEntry { id, index: Some(i), problem } => {
                write!(f, "Option \"actuals\": report {} on \"{id}\": {problem}.", i + 1)
            }
            Error::UnknownEvent { got } => write!(f, "Charts send one event, \"select\"; got {got}."),
            Error::ListenerNotAFunction { got } => write!(f, "The listener must be a function; got {got}."),
            Error::UnknownSelection { got, known } => write!(
                f,
                "A selection must be the id of a cluster, an industry or a district, or null; got {got}. Ids: {}.",
                known.join(", ")
            ),
            Error::GeometryType { got } => write!(
                f,
                "Option \"geometry\" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got {got}."
            ),
            Error::GeometryJson { problem } => write!(
                f,
                "Option \"geometry\" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid JSON: {problem}."
            ),
            Error::GeometryShape { at, problem } if at.is_empty() => {
                write!(f, "Option \"geometry\" is not GeoJSON that the map can draw: the document {problem}.")
            }
            Error::GeometryShape { at, problem } => {
                write!(f, "Option \"geometry\" is not GeoJSON that the map can draw: {at} {problem}.")
            }
            Error::GeometryNoDistrict { found } => {
                let examples: Vec<String> = crate::data::DISTRICTS
                    .iter()
                    .filter_map(|d| Some(format!("{} {}", d.name.zh, d.adcode?)))
                    .collect();
                write!(
                    f,
                    "Option \"geometry\" has no feature for a district of Shaoxing. Name each feature by properties.name (越城区 or 越城, Yuecheng District or Yuecheng) or properties.adcode ({}). ",
                    examples.join(", ")
                )?;
                match found.as_slice() {
                    [] => write!(f, "It has no features."),
                    names if names.len() <= 12 => write!(f, "Its features are: {}.", names.join(", ")),
                    names => write!(f, "Its features are: {} and {} more.", names[..12].join(", "), names.len() - 12),
                }
            }
            Error::NotAnElement { got } => write!(f, "The container must be a DOM element to draw the chart in; got {got}."),
            Error::ElementNotInDocument => write!(f, "The container element is not attached to the document; insert it before rendering."),
            Error::ZeroSize { width, height } => write!(
                f,
                "The container has no size ({width} × {height} px): give it a width, e.g. display: block, before rendering."
            ),
            Error::Destroyed => write!(f, "This chart was destroyed; call render() again to draw a new one."),
            Error::BadAccessDate { got } => write!(
                f,
                "The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as \"2026-03-09\"; got {got}."
            ),
            Error::BadAddress { got } => write!(
                f,
                "The address of a citation must be an absolute http or https URL, such as \"https://example.org/pkg/\"; got {got}."
            ),
            Error::Browser { what, detail } => write!(f, "The browser refused to {what}: {detail}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<crate::geo::GeometryError> for Error {
    fn from(e: crate::geo::GeometryError) -> Error {
        match e {
            crate::geo::GeometryError::Json(e) => Error::GeometryJson { problem: e.to_string() },
            crate::geo::GeometryError::Shape { at, problem } => Error::GeometryShape { at, problem },
            crate::geo::GeometryError::NoDistrict { found } => Error::GeometryNoDistrict { found },
        }
    }
}
