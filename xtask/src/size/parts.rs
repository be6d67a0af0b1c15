//! Which part of the package a function of the .wasm belongs to, by its demangled path.
//!
//! With LTO a generic function is compiled once per set of type arguments and named after the
//! generic function, not its caller: `<alloc::vec::Vec<T> as SpecFromIter<T,I>>::from_iter` is
//! listed under the collections even when it collects a chart's labels.

const CATALOGUE: &str = "chart catalogue & options (chart, chart::options)";
const WEB_MODULE: &str = "web layer: the package's web module";
const WEB_GLUE: &str = "web layer: wasm-bindgen, js-sys, web-sys";
const FORMATTING: &str = "formatting: format, csv, citation, progress";
const STD_FLOATS: &str = "std float formatting/parsing";
const STD_FORMATTING: &str = "std formatting & strings (core::fmt, alloc::fmt, alloc::string, str)";
const ALLOCATOR: &str = "allocator (talc, alloc::alloc)";
const DROP_GLUE: &str = "drop glue (core::ptr::drop_in_place)";
const GENERIC: &str = "generic collections & iterators (Vec, RawVec, iter, slice, sort, closures)";
const OTHER_STD: &str = "other std (panics, cells, thread-locals, integers, libm, compiler builtins)";

/// Path prefixes and the part they belong to: the first rule that matches a function wins. A
/// prefix matches whole path segments (`…::chart` does not match `…::charts`) unless it ends
/// in `_` or `(`.
pub const RULES: &[(&str, &str)] = &[
    ("shaoxing_plan_charts::chart::industry_clusters", "chart: industry-clusters"),
    ("shaoxing_plan_charts::chart::major_projects", "chart: major-projects"),
    ("shaoxing_plan_charts::chart::main_indicators", "chart: main-indicators"),
    ("shaoxing_plan_charts::chart::gdp_path", "chart: gdp-path"),
    ("shaoxing_plan_charts::chart::infrastructure_targets", "chart: infrastructure-targets"),
    ("shaoxing_plan_charts::chart::district_map", "chart: district-map"),
    ("shaoxing_plan_charts::chart::district_industries", "chart: district-industries"),
    ("shaoxing_plan_charts::chart", CATALOGUE),
    ("shaoxing_plan_charts::plot", "grammar: plot"),
    ("shaoxing_plan_charts::scale", "grammar: scale"),
    ("shaoxing_plan_charts::scene", "grammar: scene"),
    ("shaoxing_plan_charts::text", "grammar: text"),
    ("shaoxing_plan_charts::order", "grammar: order"),
    ("shaoxing_plan_charts::highlight", "grammar: highlight"),
    ("shaoxing_plan_charts::hit", "grammar: hit"),
    ("shaoxing_plan_charts::render", "grammar: render"),
    ("shaoxing_plan_charts::theme", "grammar: theme"),
    ("shaoxing_plan_charts::web", WEB_MODULE),
    ("wasm_bindgen", WEB_GLUE),
    ("js_sys", WEB_GLUE),
    ("web_sys", WEB_GLUE),
    ("__wbindgen_", WEB_GLUE),
    ("__wbg_", WEB_GLUE),
    ("__externref_", WEB_GLUE),
    ("shaoxing_plan_charts::format", FORMATTING),
    ("shaoxing_plan_charts::csv", FORMATTING),
    ("shaoxing_plan_charts::citation", FORMATTING),
    ("shaoxing_plan_charts::progress", FORMATTING),
    ("shaoxing_plan_charts::error", "messages: error"),
    ("shaoxing_plan_charts::geo", "GeoJSON: geo"),
    ("shaoxing_plan_charts::data", "data (code)"),
    ("shaoxing_plan_charts", "other package code"),
    ("core::fmt::float", STD_FLOATS),
    ("core::num::flt2dec", STD_FLOATS),
    ("core::num::dec2flt", STD_FLOATS),
    ("core::num::bignum", STD_FLOATS),
    ("core::num::diy_float", STD_FLOATS),
    ("core::num::fmt", STD_FLOATS),
    ("core::fmt::Display for f64", STD_FLOATS),
    ("core::fmt::Debug for f64", STD_FLOATS),
    ("core::fmt::Display for f32", STD_FLOATS),
    ("core::fmt::Debug for f32", STD_FLOATS),
    ("core::fmt", STD_FORMATTING),
    ("alloc::fmt", STD_FORMATTING),
    ("alloc::string", STD_FORMATTING),
    ("alloc::str", STD_FORMATTING),
    ("core::str", STD_FORMATTING),
    ("core::char", STD_FORMATTING),
    ("core::unicode", STD_FORMATTING),
    ("core::primitive::char", STD_FORMATTING),
    ("talc", ALLOCATOR),
    ("alloc::alloc", ALLOCATOR),
    ("std::alloc", ALLOCATOR),
    ("__rust_", ALLOCATOR),
    ("__rustc::__rust_", ALLOCATOR),
    ("__rustc::__rdl_", ALLOCATOR),
    ("__rustc::__rg_", ALLOCATOR),
    ("core::ptr::drop_in_place", DROP_GLUE),
    ("alloc::vec", GENERIC),
    ("alloc::raw_vec", GENERIC),
    ("alloc::slice", GENERIC),
    ("alloc::collections", GENERIC),
    ("alloc::boxed", GENERIC),
    ("alloc::rc", GENERIC),
    ("alloc::sync", GENERIC),
    ("alloc::borrow", GENERIC),
    ("core::iter", GENERIC),
    ("core::slice", GENERIC),
    ("core::array", GENERIC),
    ("core::option", GENERIC),
    ("core::result", GENERIC),
    ("core::ops", GENERIC),
    ("core::cmp", GENERIC),
    ("core::hash", GENERIC),
    ("hashbrown", GENERIC),
    ("core", OTHER_STD),
    ("alloc", OTHER_STD),
    ("std", OTHER_STD),
    ("compiler_builtins", OTHER_STD),
    ("libm", OTHER_STD),
    ("memcpy", OTHER_STD),
    ("memmove", OTHER_STD),
    ("memset", OTHER_STD),
    ("memcmp", OTHER_STD),
    ("__", OTHER_STD),
    ("fmin", OTHER_STD),
    ("fmax", OTHER_STD),
    ("round", OTHER_STD),
];

/// Where a function that no rule matches, or that has no name, is counted.
pub const OTHER: &str = "other/unnamed";

/// The parts in the order of the rules, then [`OTHER`].
pub fn all_parts() -> Vec<&'static str> {
    let mut parts: Vec<&str> = Vec::new();
    for &(_, part) in RULES.iter() {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.push(OTHER);
    parts
}

/// The part of a function, from its name as the name section holds it (`exported` when the
/// module exports it, or it is named after an export: wasm-bindgen's wrappers of the package's
/// exports and their shims).
pub fn part_of(raw_name: &str, exported: bool) -> &'static str {
    let subject = subject(&readable_name(raw_name), exported);
    RULES.iter().find(|(prefix, _)| matches_prefix(&subject, prefix)).map_or(OTHER, |&(_, part)| part)
}

fn matches_prefix(subject: &str, prefix: &str) -> bool {
    let Some(rest) = subject.strip_prefix(prefix) else { return false };
    let whole_segment = prefix.ends_with('_') || prefix.ends_with('(');
    whole_segment || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// A function's name demangled, without the symbol hash (`::h0123…`), the crate disambiguators
/// of the standard library (`core[c593…]`) or wasm-opt's suffix for copies (`[1]`).
pub fn readable_name(raw: &str) -> String {
    let demangled = match rustc_demangle::try_demangle(raw) {
        Ok(symbol) => format!("{symbol:#}"),
        Err(_) => raw.to_string(),
    };
    let mut name = strip_crate_disambiguators(&demangled);
    if let Some(at) = name.rfind("::h") {
        let hash = &name[at + 3..];
        if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            name.truncate(at);
        }
    }
    if name.ends_with(']') {
        if let Some(open) = name.rfind('[') {
            if open > 0 && name[open + 1..name.len() - 1].bytes().all(|b| b.is_ascii_digit()) {
                name.truncate(open);
            }
        }
    }
    name
}

/// `core[c5930c85a12de822]::fmt` → `core::fmt`: brackets of 8 or more hex digits right after a name.
fn strip_crate_disambiguators(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after_name = rest[..open].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close)
                if after_name && close - open > 8 && rest[open + 1..close].bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                out.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The path that says whose code a function is. For `<Type as Trait>::method` that is the type
/// when it is a path, else `Trait for Type` (`core::fmt::Display for f64`); for a method of a
/// primitive type (`<[T]>::sort_by`) the module of that type; for wasm-bindgen's exports and
/// adapters (`chart_update`, `F64 -> Externref`) a `wasm_bindgen::` path.
fn subject(name: &str, exported: bool) -> String {
    if exported {
        return format!("wasm_bindgen::export::{name}");
    }
    if !name.contains("::") && (name.contains(" -> ") || name.ends_with(" shim")) {
        return format!("wasm_bindgen::adapter::{name}");
    }
    let Some(qualified) = name.strip_prefix('<') else { return name.to_string() };
    let Some(close) = matching_angle_bracket(qualified) else { return name.to_string() };
    let inner = &qualified[..close];
    let (self_type, trait_path) = match split_top_level(inner, " as ") {
        Some((self_type, trait_path)) => (self_type, Some(trait_path)),
        None => (inner, None),
    };
    let self_type = self_type.trim_start_matches(['&', '*']).trim_start_matches("mut ").trim_start_matches("const ");
    let self_type = self_type.trim_start_matches("dyn ");
    let is_path = self_type.split(['<', '(', '[']).next().is_some_and(|head| head.contains("::"));
    match trait_path {
        _ if is_path => self_type.to_string(),
        Some(trait_path) => format!("{trait_path} for {self_type}"),
        None if self_type.starts_with('[') => "core::slice".to_string(),
        None if self_type == "str" => "core::str".to_string(),
        None => format!("core::primitive::{self_type}"),
    }
}

/// The index of the `>` that closes a `<` just before `text` (the arrow of `-> T` is not one).
fn matching_angle_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut previous = ' ';
    for (index, c) in text.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if previous != '-' => {
                if depth == 0 {
                    return Some(index);
                }
                depth -= 1;
            }
            _ => {}
        }
        previous = c;
    }
    None
}

/// `text` split at the first `separator` outside of any `<…>`, `(…)` or `[…]`.
fn split_top_level<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let mut depth = 0i32;
    let mut previous = ' ';
    for (index, c) in text.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' if previous == '-' => {}
            '>' | ')' | ']' => depth -= 1,
            _ if depth == 0 && text[index..].starts_with(separator) => {
                return Some((&text[..index], &text[index + separator.len()..]));
            }
            _ => {}
        }
        previous = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_demangled_without_hashes_disambiguators_or_copy_numbers() {
        let mangled = "_ZN20shaoxing_plan_charts5chart8gdp_path6render17h0123456789abcdefE";
        assert_eq!(readable_name(mangled), "shaoxing_plan_charts::chart::gdp_path::render");
        assert_eq!(
            readable_name("shaoxing_plan_charts::scale::nice_step::h4e5c2560e0cd6d8b"),
            "shaoxing_plan_charts::scale::nice_step"
        );
        assert_eq!(
            readable_name("<core[c5930c85a12de822]::fmt::Error as core[c5930c85a12de822]::fmt::Debug>::fmt[1]"),
            "<core::fmt::Error as core::fmt::Debug>::fmt"
        );
        assert_eq!(readable_name("core::ptr::drop_in_place<[f64]>"), "core::ptr::drop_in_place<[f64]>");
    }

    #[test]
    fn functions_go_to_the_part_of_their_path() {
        let cases = [
            ("shaoxing_plan_charts::chart::gdp_path::render::h0123456789abcdef", "chart: gdp-path"),
            ("shaoxing_plan_charts::chart::district_map::alt_text::{{closure}}", "chart: district-map"),
            ("shaoxing_plan_charts::chart::options::apply", CATALOGUE),
            ("shaoxing_plan_charts::plot::bars::layout", "grammar: plot"),
            ("<shaoxing_plan_charts::error::Error as core::fmt::Display>::fmt", "messages: error"),
            ("shaoxing_plan_charts::charts_of_tomorrow", "other package code"),
            ("web_sys::features::gen_Document::Document::url::__wbg_URL_be1237b2083bdfe9", WEB_GLUE),
            ("F64 -> Externref", WEB_GLUE),
            ("<f64 as core[c5930c85a12de822]::fmt::Display>::fmt", STD_FLOATS),
            ("core[c5930c85a12de822]::num::flt2dec::strategy::grisu::format_shortest_opt", STD_FLOATS),
            ("<core::num::bignum::Big32x40>::mul_pow2", STD_FLOATS),
            ("<alloc::string::String as core::fmt::Write>::write_str", STD_FORMATTING),
            ("<&T as core::fmt::Display>::fmt", STD_FORMATTING),
            ("<talc::base::Talc<talc::wasm::WasmGrowAndExtend>>::allocate", ALLOCATOR),
            ("__rustc::__rdl_realloc", ALLOCATOR),
            ("core::ptr::drop_in_place<shaoxing_plan_charts::scene::Item>", DROP_GLUE),
            ("<alloc::vec::Vec<T> as alloc::vec::spec_from_iter_nested::SpecFromIterNested<T,I>>::from_iter", GENERIC),
            ("<core::iter::adapters::map::Map<I,F> as core::iter::traits::iterator::Iterator>::fold", GENERIC),
            ("<T as core::slice::cmp::SliceContains>::slice_contains", GENERIC),
            ("<&mut F as core::ops::function::FnOnce<A>>::call_once", GENERIC),
            ("<fn(&str) -> alloc::string::String as core::ops::function::FnOnce<(&str,)>>::call_once", GENERIC),
            ("<[T]>::sort_by", GENERIC),
            ("compiler_builtins::math::libm_math::pow::pow", OTHER_STD),
            ("<u32>::_fmt", OTHER_STD),
            ("memcpy", OTHER_STD),
            ("mystery", OTHER),
        ];
        for (name, part) in cases {
            assert_eq!(part_of(name, false), part, "{name}");
        }
    }

    #[test]
    fn wasm_bindgen_exports_and_their_shims_are_the_web_layer() {
        assert_eq!(part_of("chart_update", true), WEB_GLUE);
        assert_eq!(part_of("chart_update", false), OTHER);
        assert_eq!(part_of("render externref shim multivalue shim", false), WEB_GLUE);
    }

    #[test]
    fn every_part_is_listed_once_with_the_seven_charts_first_and_other_last() {
        let parts = all_parts();
        assert_eq!(parts.iter().filter(|p| p.starts_with("chart: ")).count(), 7);
        assert!(parts[..7].iter().all(|p| p.starts_with("chart: ")));
        assert_eq!(parts.last(), Some(&OTHER));
        let mut unique = parts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), parts.len());
    }
}
