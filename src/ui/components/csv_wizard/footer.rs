//! The footer of every CSV import wizard: Cancel / Back / Next, and the import choices on
//! the last step.

use leptos::prelude::*;

use super::file::{CsvFile, Step};

/// Cancel / Back / Next, and on the last step the import choices with the reason when
/// importing is not possible (bad input 31). "Import none" shows when rows have errors.
#[component]
pub(super) fn WizardFooter(
    /// The wizard's file and steps.
    file: CsvFile,
    /// Why nothing can be imported yet (`None`: the import button is enabled).
    #[prop(into)]
    reason: Signal<Option<String>>,
    /// Whether some rows have errors (the choice between good rows and none).
    #[prop(into)]
    has_errors: Signal<bool>,
    /// How many rows the import writes (`None`: no plan yet).
    #[prop(into)]
    good_rows: Signal<Option<usize>>,
    /// Imports the plan.
    on_import: Callback<()>,
    /// Drops the plan.
    on_none: Callback<()>,
) -> impl IntoView {
    let w = file;
    let reason_id = w.id("reason");
    let import_label = move || match good_rows.get() {
        Some(n) if has_errors.get() => format!("Import the {n} good rows"),
        Some(n) => format!("Import {n} row(s)"),
        None => "Import".to_owned(),
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
                <p id=reason_id.clone() class="mk-wizard__reason">{move || reason.get()}</p>
                <Show when=move || has_errors.get()>
                    <button class="mk-button" on:click=move |_| on_none.run(())>"Import none"</button>
                </Show>
                <button
                    class="mk-button mk-button--primary"
                    disabled=move || reason.with(Option::is_some)
                    aria-describedby=reason_id.clone()
                    on:click=move |_| on_import.run(())
                >
                    {import_label}
                </button>
            </Show>
        </div>
    }
}
