//! The participants table: one page of already filtered and sorted rows, sortable
//! headers, selection checkboxes and paging. Text is always rendered as text (bad input 22).

use std::collections::HashSet;

use leptos::prelude::*;

use crate::core::model::{PersonId, Program};
use crate::core::people::{PeopleIndex, Sort, SortKey};
use crate::ui::components::table_parts::{select_shown, Pager, Paging, SortHeader};

/// Rows per page: enough to scan, few enough that 10,000 people never reach the DOM at once.
pub const PAGE_SIZE: usize = 50;

/// The element id of a row's "Edit" button (focus returns there when its form closes).
pub fn edit_button_id(id: &PersonId) -> String {
    format!("person-edit-{id}")
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: PersonId,
    name: String,
    role: &'static str,
    email: String,
    department: String,
    title: String,
    capacity: Option<u16>,
    matched: bool,
    offers: String,
    wants: String,
}

fn row(p: &Program, index: &PeopleIndex, i: usize) -> Option<Row> {
    let x = p.people.get(i)?;
    let names = |list: &[crate::core::model::SkillLevel]| {
        list.iter()
            .filter_map(|l| p.skills.iter().find(|s| s.id == l.skill))
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(Row {
        id: x.id.clone(),
        name: x.name.clone(),
        role: x.role.label(),
        email: x.email.clone(),
        department: x.department.clone(),
        title: x.title.clone(),
        capacity: x.role.can_mentor().then_some(x.capacity),
        matched: index.is_matched(i),
        offers: names(&x.skills_offered),
        wants: names(&x.skills_wanted),
    })
}

/// The table of participants.
#[component]
pub fn PeopleTable(
    /// The program shown.
    #[prop(into)]
    program: Signal<Program>,
    /// The program's index (for matched state).
    #[prop(into)]
    index: Signal<PeopleIndex>,
    /// Indices into `program.people` of the rows, filtered and sorted.
    #[prop(into)]
    rows: Signal<Vec<usize>>,
    /// The sort order; headers change it.
    sort: RwSignal<Sort>,
    /// Selected people.
    selected: RwSignal<HashSet<PersonId>>,
    /// The page shown, from 0.
    page: RwSignal<usize>,
    /// Called with the person whose "Edit" button was pressed.
    #[prop(into)]
    on_edit: Callback<PersonId>,
) -> impl IntoView {
    let paging = Paging::new(Signal::derive(move || rows.with(Vec::len)), page, PAGE_SIZE);
    let shown = Memo::new(move |_| {
        let range = paging.range();
        rows.with(|r| {
            let slice = r.get(range).unwrap_or_default();
            program.with(|p| {
                index.with(|ix| {
                    slice
                        .iter()
                        .filter_map(|&i| row(p, ix, i))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let (all_shown_selected, toggle_all) = select_shown(
        Signal::derive(move || shown.with(|r| r.iter().map(|x| x.id.clone()).collect())),
        selected,
    );
    let header = move |key: SortKey| {
        view! {
            <SortHeader label=key.label() numeric={key == SortKey::Capacity}
                direction=Signal::derive(move || { let s = sort.get(); (s.key == key).then_some(s.descending) })
                on_sort=move |()| {
                    sort.update(|s| {
                        if s.key == key { s.descending = !s.descending } else { *s = Sort { key, descending: false } }
                    });
                    page.set(0);
                }/>
        }
    };

    view! {
        <div class="mk-table-wrap mk-people-table">
            <table class="mk-table">
                <caption class="mk-visually-hidden">"Participants"</caption>
                <thead><tr>
                    <th scope="col" class="mk-people-table__check">
                        <input type="checkbox" id="people-select-shown" aria-label="Select all shown"
                            prop:checked=all_shown_selected on:change=toggle_all/>
                    </th>
                    {header(SortKey::Name)}
                    {header(SortKey::Role)}
                    <th scope="col">"E-mail"</th>
                    {header(SortKey::Department)}
                    <th scope="col">"Title"</th>
                    {header(SortKey::Capacity)}
                    <th scope="col">"Matched"</th>
                    <th scope="col">"Offers"</th>
                    <th scope="col">"Wants"</th>
                    <th scope="col"><span class="mk-visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || shown.get() key=|r| r.clone() let:r>
                        {
                            let id = r.id.clone();
                            let id_check = r.id.clone();
                            let id_edit = r.id.clone();
                            view! {
                                <tr class:mk-people-table__row--selected=move || selected.with(|s| s.contains(&id))>
                                    <td class="mk-people-table__check">
                                        <input type="checkbox" aria-label=format!("Select {}", r.name)
                                            prop:checked={
                                                let id = id_check.clone();
                                                move || selected.with(|s| s.contains(&id))
                                            }
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let id = id_check.clone();
                                                selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                            }/>
                                    </td>
                                    <th scope="row" class="mk-people-table__name">{r.name.clone()}</th>
                                    <td>{r.role}</td>
                                    <td class="mk-people-table__email">{r.email.clone()}</td>
                                    <td>{r.department.clone()}</td>
                                    <td>{r.title.clone()}</td>
                                    <td class="mk-num">{r.capacity.map_or_else(|| "\u{2013}".to_owned(), |c| c.to_string())}</td>
                                    <td>{if r.matched { "Yes" } else { "No" }}</td>
                                    <td class="mk-people-table__skills">{r.offers.clone()}</td>
                                    <td class="mk-people-table__skills">{r.wants.clone()}</td>
                                    <td>
                                        <button type="button" class="mk-button mk-button--small" id=edit_button_id(&r.id)
                                            aria-label=format!("Edit {}", r.name)
                                            on:click=move |_| on_edit.run(id_edit.clone())>"Edit"</button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        <Pager label="Pages of participants" paging=paging page=page/>
    }
}
