//! The frame of every CSV import wizard: the button that opens it and the modal dialog
//! (focus trap, Escape, the drop area, the step list, the current step and the footer).

use leptos::prelude::*;

use super::file::{CsvFile, Step};
use super::footer::WizardFooter;
use super::parts::{PlanMemo, ReviewedPlan};
use crate::ui::components::modal::{dialog_keys, hold_page_while_open};

/// The button that opens a wizard (disabled while the program is read-only) and, while
/// open, its dialog with the footer's choices derived from the plan.
#[component]
pub(crate) fn WizardFrame<P: ReviewedPlan>(
    /// The wizard's file and steps.
    file: CsvFile,
    /// The opening button's text ("Import check-ins…").
    opener: &'static str,
    /// The dialog's title.
    title: &'static str,
    /// The current step's content.
    body: ViewFn,
    /// The plan the review shows.
    plan: PlanMemo<P>,
    /// Why nothing can be imported yet.
    #[prop(into)]
    reason: Signal<Option<String>>,
    /// Commits the plan.
    on_import: Callback<()>,
) -> impl IntoView {
    let w = file;
    let read_only = move || w.session.read_only.get().is_some();
    let has_errors = Signal::derive(move || {
        plan.with(|p| p.as_ref().is_some_and(|p| !p.row_errors().is_empty()))
    });
    let good_rows = Signal::derive(move || plan.with(|p| p.as_deref().map(P::good_rows)));
    view! {
        <button
            class="mk-button"
            node_ref=w.opener
            aria-haspopup="dialog"
            disabled=read_only
            on:click=move |_| w.open_dialog()
        >
            {opener}
        </button>
        <Show when=move || w.open.get()>
            <WizardDialog file=w title=title body=body.clone()>
                <WizardFooter
                    file=w
                    reason=reason
                    has_errors=has_errors
                    good_rows=good_rows
                    on_import=on_import
                    on_none=Callback::new(move |()| w.import_none())
                />
            </WizardDialog>
        </Show>
    }
}

/// The modal dialog: title, step list, the current step (`body`) and the footer
/// (`children`). A file dropped anywhere on it (or its backdrop) is read as the CSV file.
#[component]
fn WizardDialog(
    /// The wizard's file and steps.
    file: CsvFile,
    /// The dialog's title ("Import participants from CSV").
    title: &'static str,
    /// The current step's content.
    body: ViewFn,
    /// The footer.
    children: Children,
) -> impl IntoView {
    let w = file;
    let dragging = RwSignal::new(false);
    let title_id = w.id("title");
    hold_page_while_open();
    let labelled_by = title_id.clone();

    let on_keydown = dialog_keys(move || w.close());
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
                on:keydown=on_keydown
            >
                <div class="mk-wizard__head">
                    <h2 id=title_id class="mk-wizard__title">{title}</h2>
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
                <div class="mk-wizard__body">{move || body.run()}</div>
                {children()}
            </div>
        </div>
    }
}
