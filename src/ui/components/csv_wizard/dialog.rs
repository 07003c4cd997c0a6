//! The modal dialog: focus trap, Escape, the drop area, and the current step.

use leptos::prelude::*;

use super::columns_step::ColumnsStep;
use super::file_step::FileStep;
use super::footer::WizardFooter;
use super::review_step::ReviewStep;
use super::{Step, Wizard};
use crate::ui::components::modal::{set_body_modal, trap_tab};

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
