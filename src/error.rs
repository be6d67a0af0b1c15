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
    /// Reading the options threw (a getter or a proxy of the embedder's): what it threw.
    OptionsUnreadable {
        detail: String,
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
    /// An element of another window (an iframe's document), which the package cannot draw in.
    ElementOfAnotherWindow,
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
            Error::UnknownChart { id, known } => {
                write!(f, "Unknown chart id {}. Known charts: {}.", quoted(id), known.join(", "))
            }
            Error::ChartIdNotText { got, known } => {
                write!(f, "The chart id must be a string, one of: {}; got {got}.", known.join(", "))
            }
            Error::UnknownOption { chart, key, allowed } => {
                write!(f, "Unknown option {} for chart \"{chart}\". Allowed options: {}.", quoted(key), allowed.join(", "))
            }
            Error::BadOptionValue { key, got, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
                write!(f, "Option \"{key}\" must be one of {}; got {got}.", allowed.join(", "))
            }
            Error::OptionsNotAnObject { got } => write!(f, "Options must be a plain object such as {{ lang: \"en\" }}; got {got}."),
            Error::OptionsUnreadable { detail } => {
                write!(f, "The options could not be read: reading a property threw {detail}. Pass plain values.")
            }
            Error::ActualsShape { got } => {
                write!(f, "Option \"actuals\" must be an object such as {{ \"<id>\": [{{ year: 2026, value: 1 }}] }}; got {got}.")
            }
            Error::ActualsUnknownId { chart, id, allowed } => write!(
                f,
                "Option \"actuals\" names {}, which is not a target of chart \"{chart}\". Its targets: {}.",
                quoted(id),
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
                    names => {
                        let shown: Vec<String> = names.iter().take(12).map(|n| shortened(n)).collect();
                        match names.len() - shown.len() {
                            0 => write!(f, "Its features are: {}.", shown.join(", ")),
                            more => write!(f, "Its features are: {} and {more} more.", shown.join(", ")),
                        }
                    }
                }
            }
            Error::NotAnElement { got } => write!(f, "The container must be a DOM element to draw the chart in; got {got}."),
            Error::ElementOfAnotherWindow => write!(
                f,
                "The container is an element of another window (an iframe's document); load the package in the page that shows the chart."
            ),
            Error::ElementNotInDocument => write!(f, "The container element is not attached to the document; insert it before rendering."),
            Error::ZeroSize { width, height } => write!(
                f,
                "The container has no size ({} × {} px): give it a width, e.g. display: block, before rendering.",
                js_number(*width),
                js_number(*height)
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

/// How much of an embedder's text a message shows: a mistake may be a megabyte of text, and the
/// message need only show where it starts.
const SHOWN: usize = 60;

/// `text` in double quotes for a message, shortened if long.
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("\"{}…\" ({} characters)", &text[..end], text.chars().count()),
        None => format!("\"{text}\""),
    }
}

/// A number as JavaScript writes it (`NaN`, `Infinity`, `1e+300`), which is what the embedder
/// passed: past 10²¹ and below 10⁻⁶ in exponent form, not as hundreds of digits. In the browser
/// JavaScript itself writes it (the web layer sets [`set_number_writer`] before it reads options or
/// writes a message), so that the `.wasm`
/// carries no float formatter; natively, Rust's shortest digits are set in JavaScript's notation.
pub fn js_number(n: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return NUMBER_WRITER.with(|write| write.get())(n);
    #[cfg(not(target_arch = "wasm32"))]
    shortest_in_js_notation(n)
}

#[cfg(target_arch = "wasm32")]
std::thread_local! {
    static NUMBER_WRITER: std::cell::Cell<fn(f64) -> String> =
        const { std::cell::Cell::new(|n| crate::format::number(n, 9, crate::data::model::Lang::Zh)) };
}

/// Sets how [`js_number`] writes numbers in the browser: with JavaScript's own `String(n)`.
#[cfg(target_arch = "wasm32")]
pub fn set_number_writer(write: fn(f64) -> String) {
    NUMBER_WRITER.with(|writer| writer.set(write));
}

#[cfg(not(target_arch = "wasm32"))]
fn shortest_in_js_notation(n: f64) -> String {
    match n {
        n if n.is_nan() => "NaN".into(),
        f64::INFINITY => "Infinity".into(),
        f64::NEG_INFINITY => "-Infinity".into(),
        n if n != 0.0 && !(1e-6..1e21).contains(&n.abs()) => {
            let sign = if n < 0.0 { "-" } else { "" };
            // Written out, such a number is its shortest digits padded with zeros: move the point
            // rather than format the float again, which would take a second formatter into the .wasm.
            let written = n.abs().to_string();
            let (digits, exponent) = match written.strip_prefix("0.") {
                Some(fraction) => {
                    let digits = fraction.trim_start_matches('0');
                    (digits, format!("-{}", fraction.len() - digits.len() + 1))
                }
                None => (written.trim_end_matches('0'), format!("+{}", written.len() - 1)),
            };
            let (first, rest) = digits.split_at(1);
            let point = if rest.is_empty() { "" } else { "." };
            format!("{sign}{first}{point}{rest}e{exponent}")
        }
        n => n.to_string(),
    }
}

/// `text` for a message, shortened if long.
pub fn shortened(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}… ({} characters)", &text[..end], text.chars().count()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embedders_long_text_is_shortened_in_messages() {
        assert_eq!(quoted("en-GB"), "\"en-GB\"");
        let long = "绍".repeat(1_000_000);
        let message = Error::UnknownChart { id: long.clone(), known: vec!["gdp-path"] }.to_string();
        assert_eq!(
            message,
            format!("Unknown chart id \"{}…\" (1000000 characters). Known charts: gdp-path.", "绍".repeat(60))
        );
        let message = Error::GeometryNoDistrict { found: vec![long, "杭州市".into()] }.to_string();
        assert!(message.len() < 1000 && message.ends_with("(1000000 characters), 杭州市."), "{message}");
        assert_eq!(
            [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5].map(js_number),
            ["NaN", "Infinity", "-Infinity", "1.5"]
        );
        // As `String(n)` in JavaScript.
        assert_eq!(
            [1e300, -1.5e21, 1e21, 1e20, 1e-7, -2.5e-9, 0.000001, 0.0, 1e12, f64::MAX, 5e-324, 1.2345678901234567e89]
                .map(js_number),
            [
                "1e+300",
                "-1.5e+21",
                "1e+21",
                "100000000000000000000",
                "1e-7",
                "-2.5e-9",
                "0.000001",
                "0",
                "1000000000000",
                "1.7976931348623157e+308",
                "5e-324",
                "1.2345678901234567e+89"
            ]
        );
    }
}
