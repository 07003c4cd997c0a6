//! Step 2: what each column fills, how multi-value cells are split, the default role.

use leptos::prelude::*;

use super::parts::ColumnsTable;
use super::{MissingRequired, Wizard};
use crate::core::exchange::csv::Target;
use crate::core::model::Role;
use crate::core::people::PersonField;

/// One row per CSV column: its header, sample values and a target drop-down with the
/// automatic guess chosen.
#[component]
pub(super) fn ColumnsStep(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let Some(sniffed) = w.file.sniffed.get_untracked() else {
        return view! { <p>"Choose a file first."</p> }.into_any();
    };
    let mut targets: Vec<(Target, String)> = Target::built_in()
        .into_iter()
        .map(|t| {
            let label = t.label().to_owned();
            (t, label)
        })
        .collect();
    w.session.program.with_untracked(|p| {
        targets.extend(p.profile_fields.iter().map(|f| {
            (
                Target::Person(PersonField::Answer(f.id.clone())),
                format!("Profile question: {}", f.label),
            )
        }));
    });
    targets.push((Target::Ignore, "Do not import".to_owned()));

    let multi_id = w.id("multi");
    let role_id = w.id("role");
    view! {
        <h3 id=w.id("step") class="mk-wizard__step-title" tabindex="-1">"Match the columns"</h3>
        <p class="mk-hint">
            "Each column was matched by its name; change any that is wrong. Columns set to \u{201c}Do not import\u{201d} are left out."
        </p>
        <MissingRequired wizard=w/>
        <div class="mk-wizard__controls">
            <div class="mk-field">
                <label for=multi_id.clone()>"Separators in multi-value cells"</label>
                <input
                    id=multi_id
                    type="text"
                    class="mk-wizard__short-input"
                    aria-describedby=w.id("multi-hint")
                    prop:value=move || w.multi_value.get()
                    on:input=move |ev| w.multi_value.set(event_target_value(&ev))
                />
                <p id=w.id("multi-hint") class="mk-hint">
                    "Each character splits skills, languages, goals and preferences (e.g. ; or |)."
                </p>
            </div>
            <div class="mk-field">
                <label for=role_id.clone()>"Role when the row has none"</label>
                <select
                    id=role_id
                    on:change=move |ev| {
                        if let Some(role) = Role::from_key(&event_target_value(&ev)) {
                            w.default_role.set(role);
                        }
                    }
                >
                    {Role::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r.key() prop:selected=move || w.default_role.get() == r>
                                    {r.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
        <ColumnsTable sniffed=sniffed mapping=w.mapping targets=targets plan=w.plan/>
    }
    .into_any()
}
