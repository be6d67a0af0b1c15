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
        format!("a <{}> element", el.tag_name().to_lowercase())
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
    if !options.is_object() || Array::is_array(options) || options.is_function() {
        return Err(Error::OptionsNotAnObject { got: describe(options) });
    }
    let pairs = Object::entries(options.unchecked_ref::<Object>());
    Ok(pairs
        .iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            let key = pair.get(0).as_string()?;
            let value = pair.get(1);
            let value = if let Some(s) = value.as_string() {
                OptionValue::Text(s)
            } else if let Some(n) = value.as_f64() {
                OptionValue::Number(n)
            } else if let Some(b) = value.as_bool() {
                OptionValue::Bool(b)
            } else {
                OptionValue::Other(describe(&value))
            };
            Some((key, value))
        })
        .collect())
}
