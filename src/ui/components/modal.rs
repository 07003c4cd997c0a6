//! What every modal dialog needs: a focus trap, Escape to close, and a page behind it that
//! does not scroll.

use wasm_bindgen::JsCast;

/// What can take keyboard focus inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=hidden]), \
    select:not([disabled]), textarea:not([disabled]), a[href], summary, \
    [tabindex]:not([tabindex='-1'])";

fn focusable_in(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Marks the body while a modal is open, so the page behind does not scroll (a data
/// attribute, not a style: the page never injects styles).
pub fn set_body_modal(on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = if on {
            body.set_attribute("data-mk-modal", "")
        } else {
            body.remove_attribute("data-mk-modal")
        };
    }
}

/// Keeps Tab and Shift+Tab inside `root` (call it from the dialog's keydown on Tab).
pub fn trap_tab(ev: &web_sys::KeyboardEvent, root: &web_sys::Element) {
    let items = focusable_in(root);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let is = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a.is_same_node(Some(el.as_ref())))
    };
    let inside = active
        .as_ref()
        .is_some_and(|a| root.contains(Some(a.as_ref())));
    if ev.shift_key() && (is(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (is(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// Keeps the page behind still (no scrolling) while the calling dialog component is mounted.
pub fn hold_page_while_open() {
    set_body_modal(true);
    leptos::prelude::on_cleanup(|| set_body_modal(false));
}

/// The keydown handler of a modal dialog's element: Escape runs `close`, Tab and Shift+Tab
/// stay inside the element the handler is on.
pub fn dialog_keys(close: impl Fn() + 'static) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Tab" => {
            if let Some(root) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                trap_tab(&ev, &root);
            }
        }
        _ => {}
    }
}
