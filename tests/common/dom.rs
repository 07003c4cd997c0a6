//! DOM helpers shared by the browser (wasm-bindgen-test) component tests.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A fresh container attached to the body, to mount a component into.
pub fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

/// Lets the reactive system and the browser run for 30 ms.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("tick");
}

/// The element `selector` finds under `root` (the test fails when there is none).
pub fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no {selector}"))
}
