//! Chart options and their validation. The browser glue turns a JS object into `(key, OptionValue)`
//! pairs; everything else — unknown keys, wrong types, allowed values — is decided here.

use crate::data::model::Lang;
use crate::error::Error;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub sort: Sort,
}

/// A JS option value, as far as validation needs to know it.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// Anything else, described for the error message ("null", "an object", "an array" …).
    Other(String),
}

impl OptionValue {
    fn describe(&self) -> String {
        match self {
            OptionValue::Text(s) => format!("\"{s}\" (a string)"),
            OptionValue::Number(n) => format!("{n} (a number)"),
            OptionValue::Bool(b) => format!("{b} (a boolean)"),
            OptionValue::Other(what) => what.clone(),
        }
    }
}

/// Options every chart takes.
pub const COMMON: &[&str] = &["lang", "theme"];

/// Picks the allowed word for `key`, or says what is allowed.
fn choose<T: Copy>(key: &'static str, value: &OptionValue, choices: &[(&'static str, T)]) -> Result<T, Error> {
    let found = match value {
        OptionValue::Text(s) => choices.iter().find(|(name, _)| name == s).map(|(_, v)| *v),
        _ => None,
    };
    found.ok_or_else(|| Error::BadOptionValue { key, got: value.describe(), allowed: choices.iter().map(|(n, _)| *n).collect() })
}

/// Applies `entries` on top of `base`. `chart_options` lists the chart-specific keys it accepts.
pub fn apply(
    chart: &'static str,
    chart_options: &[&'static str],
    base: Options,
    entries: &[(String, OptionValue)],
) -> Result<Options, Error> {
    let mut options = base;
    for (key, value) in entries {
        let known = COMMON.contains(&key.as_str()) || chart_options.contains(&key.as_str());
        if !known {
            let allowed = COMMON.iter().chain(chart_options).copied().collect();
            return Err(Error::UnknownOption { chart, key: key.clone(), allowed });
        }
        match key.as_str() {
            "lang" => options.lang = choose("lang", value, &[("zh", Lang::Zh), ("en", Lang::En)])?,
            "theme" => {
                options.theme = choose("theme", value, &[("light", ThemeChoice::Light), ("dark", ThemeChoice::Dark), ("auto", ThemeChoice::Auto)])?
            }
            "sort" => options.sort = choose("sort", value, &[("plan", Sort::Plan), ("value", Sort::Value)])?,
            _ => {}
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: &[(&str, OptionValue)]) -> Vec<(String, OptionValue)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    #[test]
    fn valid_options_apply_over_the_base() {
        let o = apply("industry-clusters", &["sort"], Options::default(), &entries(&[
            ("lang", OptionValue::Text("en".into())),
            ("sort", OptionValue::Text("value".into())),
        ]))
        .unwrap();
        assert_eq!(o, Options { lang: Lang::En, theme: ThemeChoice::Light, sort: Sort::Value });
        let o = apply("industry-clusters", &["sort"], o, &entries(&[("theme", OptionValue::Text("auto".into()))])).unwrap();
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.theme.resolve(true), ThemeName::Dark);
    }

    #[test]
    fn unknown_keys_and_wrong_values_say_what_is_allowed() {
        let e = apply("industry-clusters", &["sort"], Options::default(), &entries(&[("colour", OptionValue::Bool(true))])).unwrap_err();
        assert_eq!(e.to_string(), "Unknown option \"colour\" for chart \"industry-clusters\". Allowed options: lang, theme, sort.");
        let e = apply("industry-clusters", &["sort"], Options::default(), &entries(&[("lang", OptionValue::Number(1.0))])).unwrap_err();
        assert_eq!(e.to_string(), "Option \"lang\" must be one of \"zh\", \"en\"; got 1 (a number).");
        let e = apply("industry-clusters", &["sort"], Options::default(), &entries(&[("sort", OptionValue::Text("size".into()))])).unwrap_err();
        assert_eq!(e.to_string(), "Option \"sort\" must be one of \"plan\", \"value\"; got \"size\" (a string).");
        let e = apply("x", &[], Options::default(), &entries(&[("sort", OptionValue::Text("plan".into()))])).unwrap_err();
        assert!(matches!(e, Error::UnknownOption { .. }));
    }
}
