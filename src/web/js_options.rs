//! Turns the options object an embedder passes into `(key, OptionValue)` pairs for validation.

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::chart::OptionValue;
use crate::error::Error;

/// How a JS value is named in an error message.
pub fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(s) = value.as_string() {
        format!("\"{s}\" (a string)")
    } else if let Some(n) = value.as_f64() {
        format!("{n} (a number)")
    } else if let Some(b) = value.as_bool() {
        format!("{b} (a boolean)")
    } else if Array::is_array(value) {
        "an array".into()
    } else if value.is_function() {
        "a function".into()
    } else if let Some(el) = value.dyn_ref::<web_sys::Element>() {
        format!("a <{}> element", el.tag_name().to_ascii_lowercase())
    } else if value.is_object() {
        "an object".into()
    } else {
        format!("{value:?}")
    }
}

/// The own enumerable properties of `options`; `undefined` and `null` mean no options.
pub fn entries(options: &JsValue) -> Result<Vec<(String, OptionValue)>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    match value(options, 0) {
        OptionValue::Map(entries) => Ok(entries),
        _ => Err(Error::OptionsNotAnObject { got: describe(options) }),
    }
}

/// The `geometry` option: a GeoJSON object nests far deeper than other options, so it goes to Rust
/// as its JSON text (a string is passed on as it is) and is parsed there.
fn document(v: &JsValue) -> OptionValue {
    if v.as_string().is_some() || !v.is_object() || v.is_function() || v.dyn_ref::<web_sys::Element>().is_some() {
        return value(v, 1);
    }
    match js_sys::JSON::stringify(v).ok().and_then(|text| text.as_string()) {
        Some(text) => OptionValue::Text(text),
        None => OptionValue::Other(format!("{} that JSON.stringify cannot write", describe(v))),
    }
}

/// Objects nest at most this deep in options (`actuals` needs three levels).
const MAX_DEPTH: usize = 4;

pub fn value(v: &JsValue, depth: usize) -> OptionValue {
    if let Some(s) = v.as_string() {
        OptionValue::Text(s)
    } else if let Some(n) = v.as_f64() {
        OptionValue::Number(n)
    } else if let Some(b) = v.as_bool() {
        OptionValue::Bool(b)
    } else if depth >= MAX_DEPTH || v.is_function() || v.is_null() || !v.is_object() {
        OptionValue::Other(describe(v))
    } else if Array::is_array(v) {
        OptionValue::List(v.unchecked_ref::<Array>().iter().map(|item| value(&item, depth + 1)).collect())
    } else if v.dyn_ref::<web_sys::Element>().is_some() {
        OptionValue::Other(describe(v))
    } else {
        let pairs = Object::entries(v.unchecked_ref::<Object>());
        OptionValue::Map(
            pairs
                .iter()
                .filter_map(|pair| {
                    let pair: Array = pair.dyn_into().ok()?;
                    let key = pair.get(0).as_string()?;
                    let converted = if depth == 0 && key == "geometry" {
                        document(&pair.get(1))
                    } else {
                        value(&pair.get(1), depth + 1)
                    };
                    Some((key, converted))
                })
                .collect(),
        )
    }
}
