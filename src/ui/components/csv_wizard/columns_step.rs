//! Step 2: what each column fills, how multi-value cells are split, the default role.

use leptos::prelude::*;

use super::{MissingRequired, Wizard};
use crate::core::exchange::csv::{column_letter, Target};
use crate::core::model::Role;
use crate::core::people::PersonField;

/// How many sample values each column shows.
const SAMPLES: usize = 3;

/// One row per CSV column: its header, sample values and a target drop-down with the
/// automatic guess chosen.
#[component]
pub(super) fn ColumnsStep(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let Some(sniffed) = w.sniffed.get_untracked() else {
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
    let targets = std::sync::Arc::new(targets);

    let columns = sniffed
        .headers
        .iter()
        .enumerate()
        .map(|(col, header)| {
            let samples: Vec<String> = sniffed
                .rows
                .iter()
                .map(|r| r.cell(col).trim())
                .filter(|c| !c.is_empty())
                .take(SAMPLES)
                .map(String::from)
                .collect();
            let letter = column_letter(col);
            let header = if header.is_empty() {
                "(no name)".to_owned()
            } else {
                header.clone()
            };
            let label = format!("Column {letter} ({header}) imports as");
            let on_change = move |ev: leptos::ev::Event| {
                let key = event_target_value(&ev);
                let target = w
                    .session
                    .program
                    .with_untracked(|p| Target::from_key(&key, p));
                if let Some(target) = target {
                    w.mapping.update(|m| m.set(col, target));
                }
            };
            let options = targets
                .iter()
                .map(|(t, text)| {
                    let mine = t.clone();
                    view! {
                        <option
                            value=t.key()
                            prop:selected=move || w.mapping.with(|m| m.target(col) == Some(&mine))
                        >
                            {text.clone()}
                        </option>
                    }
                })
                .collect_view();
            // Errors show where they happen: on the column whose cells are wrong.
            let errors = move || {
                w.plan.with(|p| {
                    p.as_ref().map_or(0, |p| {
                        p.row_errors
                            .iter()
                            .filter(|e| e.column == Some(col))
                            .count()
                    })
                })
            };
            view! {
                <tr>
                    <th scope="row">
                        <span class="mk-wizard__letter">{letter}</span>
                        " "
                        {header}
                        {move || {
                            let n = errors();
                            (n > 0)
                                .then(|| {
                                    view! {
                                        <span class="mk-badge mk-badge--warning mk-wizard__badge">
                                            {format!("{n} row error(s)")}
                                        </span>
                                    }
                                })
                        }}
                    </th>
                    <td>
                        <ul class="mk-wizard__samples">
                            {samples.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                        </ul>
                    </td>
                    <td>
                        <select aria-label=label on:change=on_change>{options}</select>
                    </td>
                </tr>
            }
        })
        .collect_view();

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
        <div class="mk-table-wrap mk-wizard__table">
            <table>
                <thead>
                    <tr>
                        <th scope="col">"Column"</th>
                        <th scope="col">"Sample values"</th>
                        <th scope="col">"Imports as"</th>
                    </tr>
                </thead>
                <tbody>{columns}</tbody>
            </table>
        </div>
    }
    .into_any()
}
