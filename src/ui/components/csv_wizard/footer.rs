//! The dialog's footer: Cancel / Back / Next, and the import choices on the last step.

use leptos::prelude::*;

use super::review_step::{blocked_reason, good_rows};
use super::{Step, Wizard};

/// Cancel / Back / Next, and on the last step the import choices with the reason when
/// importing is not possible (bad input 31).
#[component]
pub(super) fn WizardFooter(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let reason_id = w.id("reason");
    let reason = move || w.plan.with(|p| blocked_reason(p.as_deref()));
    let has_errors = move || {
        w.plan
            .with(|p| p.as_ref().is_some_and(|p| !p.row_errors.is_empty()))
    };
    let import_label = move || {
        w.plan.with(|p| match p.as_deref() {
            Some(p) if !p.row_errors.is_empty() => format!("Import the {} good rows", good_rows(p)),
            Some(p) => format!("Import {} row(s)", good_rows(p)),
            None => "Import".to_owned(),
        })
    };
    let back = move |_| {
        w.go(match w.step.get_untracked() {
            Step::Review => Step::Columns,
            _ => Step::File,
        })
    };
    view! {
        <div class="mk-wizard__foot">
            <button class="mk-button" on:click=move |_| w.close()>"Cancel"</button>
            <Show when=move || w.step.get() != Step::File>
                <button class="mk-button" on:click=back>"Back"</button>
            </Show>
            <span class="mk-wizard__spacer"></span>
            <Show when=move || w.step.get() == Step::File>
                <button
                    class="mk-button mk-button--primary"
                    disabled=move || w.sniffed.with(Option::is_none)
                    on:click=move |_| w.go(Step::Columns)
                >
                    "Next: columns"
                </button>
            </Show>
            <Show when=move || w.step.get() == Step::Columns>
                <button class="mk-button mk-button--primary" on:click=move |_| w.go(Step::Review)>
                    "Next: review"
                </button>
            </Show>
            <Show when=move || w.step.get() == Step::Review>
                <p id=reason_id.clone() class="mk-wizard__reason">{reason}</p>
                <Show when=has_errors>
                    <button class="mk-button" on:click=move |_| w.import_none()>"Import none"</button>
                </Show>
                <button
                    class="mk-button mk-button--primary"
                    disabled=move || reason().is_some()
                    aria-describedby=reason_id.clone()
                    on:click=move |_| w.import()
                >
                    {import_label}
                </button>
            </Show>
        </div>
    }
}
