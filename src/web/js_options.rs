//! Turns the options object an embedder passes into `(key, OptionValue)` pairs for validation.
//!
//! Reading an embedder's object runs its getters and proxy traps, which may throw: property reads
//! go through an import that catches. Type checks (`Array.isArray`, `instanceof Element`) can still
//! throw on a revoked proxy or a throwing `getPrototypeOf` trap; they run before any chart's state is
//! borrowed, so such an exception leaves no chart locked. Arrays, objects and strings larger than any valid option are
//! described, not read, so that no input freezes the page or grows the module's memory.

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::chart::options::{MAX_DOCUMENT, MAX_ITEMS, MAX_TEXT};
use crate::chart::OptionValue;
use crate::error::{quoted, Error};

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, whose getters and proxy traps may throw.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(object: &JsValue) -> Result<Array, JsValue>;
}

/// How a JS value is named in an error message.
pub fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(s) = value.dyn_ref::<JsString>() {
        match s.length() as usize {
            n if n > MAX_TEXT => format!("a string of {n} characters"),
            _ => format!("{} (a string)", quoted(&String::from(s))),
        }
    } else if let Some(n) = value.as_f64() {
        format!("{} (a number)", super::js_text(n))
    } else if let Some(b) = value.as_bool() {
        format!("{b} (a boolean)")
    } else if value.is_symbol() {
        "a symbol".into()
    } else if value.is_bigint() {
        "a BigInt".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else if value.is_function() {
        "a function".into()
    } else if let Some(el) = value.dyn_ref::<web_sys::Element>() {
        format!("a <{}> element", el.tag_name().to_ascii_lowercase())
    } else if let Some(node) = value.dyn_ref::<web_sys::Node>() {
        format!("a {} node", node.node_name())
    } else {
        "an object".into()
    }
}

fn unreadable(thrown: JsValue) -> Error {
    let detail = match thrown.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("an Error: {}", quoted(&String::from(e.message()))),
        None => describe(&thrown),
    };
    Error::OptionsUnreadable { detail }
}

/// The own enumerable properties of `options`; `undefined` and `null` mean no options.
pub fn entries(options: &JsValue) -> Result<Vec<(String, OptionValue)>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    match value(options, 0)? {
        OptionValue::Map(entries) => Ok(entries),
        _ => Err(Error::OptionsNotAnObject { got: describe(options) }),
    }
}

/// The `geometry` option: a GeoJSON object nests far deeper than other options, so it goes to Rust
/// as its JSON text (a string is passed on as it is) and is parsed there.
fn document(v: &JsValue) -> Result<OptionValue, Error> {
    if !v.is_string() && (!v.is_object() || v.is_function() || v.dyn_ref::<web_sys::Element>().is_some()) {
        return value(v, 1);
    }
    let text = if v.is_string() { Some(v.clone()) } else { js_sys::JSON::stringify(v).ok().map(JsValue::from) };
    match text.as_ref().and_then(|t| t.dyn_ref::<JsString>()) {
        Some(text) if text.length() as usize > MAX_DOCUMENT => {
            Ok(OptionValue::too_large(format!("JSON text of {} characters", text.length()), MAX_DOCUMENT))
        }
        Some(text) => Ok(OptionValue::Text(text.into())),
        None => Ok(OptionValue::Other(format!("{} that JSON.stringify cannot write", describe(v)))),
    }
}

/// Objects nest at most this deep in options (`actuals` needs three levels).
const MAX_DEPTH: usize = 4;

pub fn value(v: &JsValue, depth: usize) -> Result<OptionValue, Error> {
    super::uses_javascript_numbers();
    if let Some(s) = v.dyn_ref::<JsString>() {
        return Ok(match s.length() as usize {
            n if n > MAX_TEXT => OptionValue::too_large(format!("a string of {n} characters"), MAX_TEXT),
            _ => OptionValue::Text(s.into()),
        });
    }
    if let Some(n) = v.as_f64() {
        return Ok(OptionValue::Number(n));
    }
    if let Some(b) = v.as_bool() {
        return Ok(OptionValue::Bool(b));
    }
    if depth >= MAX_DEPTH || v.is_function() || v.is_null() || !v.is_object() {
        return Ok(OptionValue::Other(describe(v)));
    }
    if v.dyn_ref::<web_sys::Element>().is_some() {
        return Ok(OptionValue::Other(describe(v)));
    }
    if Array::is_array(v) {
        let length = Reflect::get(v, &"length".into()).map_err(unreadable)?.as_f64().unwrap_or(0.0);
        if length > MAX_ITEMS as f64 {
            return Ok(OptionValue::too_large(format!("an array of {} items", super::js_text(length)), MAX_ITEMS));
        }
        let mut items = Vec::with_capacity(length as usize);
        for i in 0..length as u32 {
            items.push(value(&Reflect::get(v, &i.into()).map_err(unreadable)?, depth + 1)?);
        }
        return Ok(OptionValue::List(items));
    }
    let pairs = object_entries(v).map_err(unreadable)?;
    if pairs.length() as usize > MAX_ITEMS {
        return Ok(OptionValue::too_large(format!("an object of {} properties", pairs.length()), MAX_ITEMS));
    }
    let mut members = Vec::with_capacity(pairs.length() as usize);
    for pair in pairs.iter() {
        let Ok(pair) = pair.dyn_into::<Array>() else { continue };
        let Some(key) = pair.get(0).as_string() else { continue };
        let converted =
            if depth == 0 && key == "geometry" { document(&pair.get(1))? } else { value(&pair.get(1), depth + 1)? };
        members.push((key, converted));
    }
    Ok(OptionValue::Map(members))
}
