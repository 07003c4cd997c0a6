//! Turning what a refused browser call threw into text: the one place that reads a
//! `JsValue` error (wasm32 only).

use wasm_bindgen::{JsCast, JsValue};

/// The `name` and `message` of a thrown value (a `DOMException` or an `Error`); a thrown
/// string is the message with no name.
pub fn error_parts(error: &JsValue) -> (String, String) {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (field("name"), field("message"));
    if name.is_empty() && message.is_empty() {
        (String::new(), error.as_string().unwrap_or_default())
    } else {
        (name, message)
    }
}

/// What a thrown value says, for a message: an `Error`'s message, a thrown string, or
/// "refused by the browser".
pub fn reason(error: &JsValue) -> String {
    let text = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| error_parts(error).1);
    if text.is_empty() {
        "refused by the browser".to_owned()
    } else {
        text
    }
}
