//! The modal dialog: focus trap, Escape, the drop area, and the current step.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::columns_step::ColumnsStep;
use super::file_step::FileStep;
use super::footer::WizardFooter;
use super::review_step::ReviewStep;
use super::{Step, Wizard};

/// What can take keyboard focus inside the dialog, for the focus trap.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=hidden]), \
    select:not([disabled]), textarea:not([disabled]), a[href], summary, \
    [tabindex]:not([tabindex='-1'])";

fn focusable_in(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    // `querySelectorAll` through Reflect: web-sys's NodeList feature is not enabled.
    let Ok(query) = js_sys::Reflect::get(root, &"querySelectorAll".into()) else {
        return Vec::new();
    };
    let Ok(query) = query.dyn_into::<js_sys::Function>() else {
        return Vec::new();
    };
    let Ok(list) = query.call1(root, &FOCUSABLE.into()) else {
        return Vec::new();
    };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn set_body_modal(on: bool) {
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

/// Keeps Tab and Shift+Tab inside the dialog.
fn trap_tab(ev: &web_sys::KeyboardEvent, root: &web_sys::Element) {
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

/// The modal dialog: title, step list, the current step and the footer's buttons. A file
/// dropped anywhere on it (or its backdrop) is read as the CSV file.
#[component]
pub(super) fn WizardDialog(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let surface = NodeRef::<leptos::html::Div>::new();
    let dragging = RwSignal::new(false);
    let title_id = w.id("title");
    // The page behind a modal does not scroll (a data attribute, not a style: the CSP keeps
    // `style-src 'self'`).
    set_body_modal(true);
    on_cleanup(|| set_body_modal(false));
    let labelled_by = title_id.clone();

    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            w.close();
        }
        "Tab" => {
            if let Some(root) = surface.get_untracked() {
                trap_tab(&ev, &root);
            }
        }
        _ => {}
    };
    // Drags stop here so the window's "drop a program file" handler never sees them.
    let on_dragover = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(true);
    };
    let on_dragleave = move |ev: web_sys::DragEvent| {
        ev.stop_propagation();
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0))
        {
            w.load(file);
        }
    };
    let body = move || match w.step.get() {
        Step::File => view! { <FileStep wizard=w/> }.into_any(),
        Step::Columns => view! { <ColumnsStep wizard=w/> }.into_any(),
        Step::Review => view! { <ReviewStep wizard=w/> }.into_any(),
    };

    view! {
        <div
            class="mk-wizard-backdrop"
            class:mk-wizard-backdrop--drag=move || dragging.get()
            on:dragover=on_dragover
            on:dragleave=on_dragleave
            on:drop=on_drop
        >
            <div
                class="mk-wizard"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=surface
                on:keydown=on_keydown
            >
                <div class="mk-wizard__head">
                    <h2 id=title_id class="mk-wizard__title">"Import participants from CSV"</h2>
                    <button
                        class="mk-button mk-button--small mk-wizard__close"
                        aria-label="Close"
                        on:click=move |_| w.close()
                    >
                        "×"
                    </button>
                </div>
                <ol class="mk-wizard__steps" aria-label="Steps">
                    {Step::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li
                                    class="mk-wizard__step"
                                    aria-current=move || (w.step.get() == s).then_some("step")
                                >
                                    {s.label()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <div class="mk-wizard__body">{body}</div>
                <WizardFooter wizard=w/>
            </div>
        </div>
    }
}
