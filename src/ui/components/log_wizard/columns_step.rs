//! Step 2: which part of a check-in each column fills, with sample values, and a mapping
//! file for a form exported again and again.

use leptos::prelude::*;

use super::review_step::MissingRequired;
use super::LogWizard;
use crate::core::exchange::checkins::LogTarget;
use crate::ui::components::csv_wizard::{ColumnsTable, MappingFileLoader};

/// One row per CSV column (header, sample values, a drop-down of every check-in part with
/// the automatic guess chosen), and the mapping-file loader.
#[component]
pub(super) fn ColumnsStep(wizard: LogWizard) -> impl IntoView {
    let w = wizard;
    let Some(sniffed) = w.file.sniffed.get_untracked() else {
        return view! { <p>"Choose a file first."</p> }.into_any();
    };
    let targets: Vec<(LogTarget, String)> = LogTarget::ALL
        .into_iter()
        .chain([LogTarget::Ignore])
        .map(|t| {
            let label = if t == LogTarget::Ignore {
                "Do not import"
            } else {
                t.label()
            };
            (t, label.to_owned())
        })
        .collect();
    view! {
        <h3 id=w.id("step") class="mk-wizard__step-title" tabindex="-1">"Match the columns"</h3>
        <p class="mk-hint">
            "Each column was matched by its name or question; change any that is wrong. Each row goes to the respondent's relationship with the partner it names (e-mail or name), or to their only running relationship. Columns set to \u{201c}Do not import\u{201d} are left out."
        </p>
        <MissingRequired wizard=w/>
        <div class="mk-wizard__controls">
            <MappingFileLoader
                file=w.file
                mapping=w.mapping
                example="{\"Email Address\": \"respondent_email\", \"Office\": \"ignore\"}"
            />
        </div>
        <ColumnsTable sniffed=sniffed mapping=w.mapping targets=targets plan=w.plan/>
    }
    .into_any()
}
