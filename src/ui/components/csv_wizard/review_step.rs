//! Step 3: what the import would do (counts, row errors, duplicates, warnings), with a
//! per-row choice for each duplicate.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::parts::{ApplyError, Count, MissingColumns, ReviewedPlan, RowErrors, Warnings};
use super::Wizard;
use crate::core::exchange::csv::{Duplicate, DuplicateOf, DuplicatePolicy, ImportPlan, RowError};

/// The choices for a duplicate row, with their labels.
const POLICIES: [(DuplicatePolicy, &str); 3] = [
    (DuplicatePolicy::Merge, "Merge into the earlier one"),
    (DuplicatePolicy::Skip, "Skip this row"),
    (DuplicatePolicy::AddAsNew, "Add as a new person"),
];

fn policy_from_key(key: &str) -> Option<DuplicatePolicy> {
    POLICIES.iter().map(|(p, _)| *p).find(|p| p.key() == key)
}

impl ReviewedPlan for ImportPlan {
    fn row_errors(&self) -> &[RowError] {
        &self.row_errors
    }

    fn warnings(&self) -> &[RowError] {
        &self.warnings
    }

    /// New people and merges, counted by row.
    fn good_rows(&self) -> usize {
        self.new_people.iter().map(|p| p.rows.len()).sum::<usize>()
            + self.merges.iter().map(|m| m.rows.len()).sum::<usize>()
    }
}

/// Why nothing can be imported yet, or `None` when the plan can be applied.
pub(super) fn blocked_reason(plan: Option<&ImportPlan>) -> Option<String> {
    let Some(plan) = plan else {
        return Some("Choose a file first.".to_owned());
    };
    if !plan.missing_required.is_empty() {
        return Some(format!(
            "Import is not possible: no column is matched to {} (step 2).",
            required_labels(plan)
        ));
    }
    if plan.people_count() == 0 {
        return Some("No row can be imported.".to_owned());
    }
    None
}

fn required_labels(plan: &ImportPlan) -> String {
    plan.missing_required
        .iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Bad input 31: which required column is missing, where the columns are chosen.
#[component]
pub(super) fn MissingRequired(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let columns = Signal::derive(move || {
        w.plan.with(|p| {
            p.as_ref()
                .filter(|p| !p.missing_required.is_empty())
                .map(|p| required_labels(p))
        })
    });
    view! { <MissingColumns columns=columns needs="Every participant needs a name or an e-mail."/> }
}

/// The review: counts, then errors, duplicates and warnings where they apply.
#[component]
pub(super) fn ReviewStep(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let count = move |f: fn(&ImportPlan) -> usize| {
        Signal::derive(move || w.plan.with(|p| p.as_deref().map_or(0, f)))
    };
    view! {
        <h3 id=w.id("step") class="mk-wizard__step-title" tabindex="-1">"Review and import"</h3>
        <div class="mk-stats mk-wizard__counts" role="list" aria-label="What the import does">
            <Count label="New participants" value=count(|p| p.new_people.len())/>
            <Count label="Merged into existing" value=count(|p| p.merges.len())/>
            <Count label="Rows skipped" value=count(|p| p.skipped.len())/>
            <Count label="New skills" value=count(|p| p.new_skills.len())/>
            <Count label="Rows with errors" value=count(|p| p.rows_with_errors().len())/>
        </div>
        <MissingRequired wizard=w/>
        <Preview wizard=w/>
        <RowErrors file=w.file plan=w.plan/>
        <Duplicates wizard=w/>
        <Warnings plan=w.plan/>
        <ApplyError file=w.file/>
    }
}

/// Bad input 33: duplicate e-mails, with a choice for all and one per row. Rows are keyed
/// so that re-planning after a choice keeps the focused drop-down in place.
#[component]
fn Duplicates(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    let all_id = w.id("dup-all");
    let any = move || {
        w.plan
            .with(|p| p.as_ref().is_some_and(|p| !p.duplicates.is_empty()))
    };
    let count = move || {
        w.plan
            .with(|p| p.as_ref().map_or(0, |p| p.duplicates.len()))
    };
    let rows = move || {
        w.plan
            .with(|p| p.as_ref().map(|p| p.duplicates.clone()))
            .unwrap_or_default()
    };
    let on_all = move |ev: leptos::ev::Event| {
        if let Some(policy) = policy_from_key(&event_target_value(&ev)) {
            w.duplicate_choices.set(BTreeMap::new());
            w.duplicate_policy.set(policy);
        }
    };
    view! {
        <Show when=any>
            <section class="mk-wizard__section">
                <h4>{move || format!("{} row(s) repeat an e-mail", count())}</h4>
                <div class="mk-field mk-wizard__inline-field">
                    <label for=all_id.clone()>"For every duplicate"</label>
                    <select id=all_id.clone() on:change=on_all>
                        {POLICIES
                            .into_iter()
                            .map(|(p, label)| {
                                view! {
                                    <option value=p.key() prop:selected=move || w.duplicate_policy.get() == p>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="mk-table-wrap mk-wizard__table">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"Row"</th>
                                <th scope="col">"E-mail"</th>
                                <th scope="col">"Same e-mail as"</th>
                                <th scope="col">"What to do"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=rows
                                key=|d: &Duplicate| (d.row, format!("{:?}", d.of))
                                children=move |d: Duplicate| view! { <DuplicateRow wizard=w dup=d/> }
                            />
                        </tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn DuplicateRow(wizard: Wizard, dup: Duplicate) -> impl IntoView {
    let w = wizard;
    let row = dup.row;
    let of = match &dup.of {
        DuplicateOf::Row(r) => format!("row {r} of this file"),
        DuplicateOf::Person(id) => w
            .session
            .program
            .with_untracked(|p| {
                p.person(id)
                    .map(|x| format!("{} (already a participant)", x.name))
            })
            .unwrap_or_else(|| "a participant already in the program".to_owned()),
    };
    let action = move || {
        w.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.duplicates.iter().find(|d| d.row == row))
                .map(|d| d.action)
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(policy) = policy_from_key(&event_target_value(&ev)) {
            w.duplicate_choices.update(|c| {
                c.insert(row, policy);
            });
        }
    };
    view! {
        <tr>
            <td class="mk-num">{row}</td>
            <td>{dup.email}</td>
            <td>{of}</td>
            <td>
                <select aria-label=format!("Row {row}: what to do") on:change=on_change>
                    {POLICIES
                        .into_iter()
                        .map(|(p, label)| {
                            view! {
                                <option value=p.key() prop:selected=move || action() == Some(p)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// How many participants the preview shows.
const PREVIEW: usize = 5;

/// The first participants as they will be imported (new or updated), so a wrong mapping
/// shows before anything is written.
#[component]
fn Preview(wizard: Wizard) -> impl IntoView {
    let w = wizard;
    move || {
        w.plan.with(|p| {
            let p = p.as_ref()?;
            let people: Vec<_> = p
                .new_people
                .iter()
                .map(|x| (&x.person, x.rows.first().copied(), "New"))
                .chain(
                    p.merges
                        .iter()
                        .map(|x| (&x.person, x.rows.first().copied(), "Update")),
                )
                .take(PREVIEW)
                .map(|(person, row, what)| {
                    view! {
                        <tr>
                            <td class="mk-num">{row}</td>
                            <td>{what}</td>
                            <td>{person.name.clone()}</td>
                            <td>{person.email.clone()}</td>
                            <td>{person.role.label()}</td>
                            <td>{person.department.clone()}</td>
                            <td class="mk-num">{person.capacity}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>();
            if people.is_empty() {
                return None;
            }
            let total = p.people_count();
            Some(view! {
                <section class="mk-wizard__section">
                    <h4>{format!("Preview: the first {} of {total} participant(s)", people.len())}</h4>
                    <div class="mk-table-wrap mk-wizard__table">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">"Row"</th>
                                    <th scope="col">"Import as"</th>
                                    <th scope="col">"Name"</th>
                                    <th scope="col">"E-mail"</th>
                                    <th scope="col">"Role"</th>
                                    <th scope="col">"Department"</th>
                                    <th scope="col">"Capacity"</th>
                                </tr>
                            </thead>
                            <tbody>{people}</tbody>
                        </table>
                    </div>
                </section>
            })
        })
    }
}
