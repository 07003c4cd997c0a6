//! Participants: the mentor pool's strength, a searchable, sortable, paged table of
//! everybody enrolled, an add/edit form and bulk actions with undo.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::app::notices::NoticeKind;
use crate::app::session::use_session;
use crate::app::use_app;
use crate::core::model::{PersonId, Role};
use crate::core::people::{
    departments, CheckedPerson, MatchedFilter, PeopleEdit, PeopleFilter, PeopleIndex, PeopleReport,
    Sort,
};
use crate::core::reports::stats;
use crate::ui::components::csv_export::{CsvExport, CsvExportButton};
use crate::ui::components::csv_wizard::CsvImportWizard;
use crate::ui::components::people_bulk::PeopleBulkBar;
use crate::ui::components::people_table::{edit_button_id, PeopleTable};
use crate::ui::components::person_form::PersonForm;

/// Which form is open.
#[derive(Clone, Debug, PartialEq, Eq)]
enum FormMode {
    Add,
    Edit(PersonId),
}

const ADD_BUTTON: &str = "people-add";

/// Focuses the first of these elements that exists.
fn focus_first(ids: &[String]) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = ids
        .iter()
        .filter_map(|id| doc.get_element_by_id(id))
        .find_map(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The Participants section.
#[component]
pub fn ParticipantsSection() -> impl IntoView {
    let s = use_session();
    let app = use_app();
    let program: Signal<_> = s.program.into();
    let filter = RwSignal::new(PeopleFilter::default());
    let sort = RwSignal::new(Sort::default());
    let page = RwSignal::new(0usize);
    let selected = RwSignal::new(HashSet::<PersonId>::new());
    let form = RwSignal::new(None::<FormMode>);

    // The index is rebuilt when the program changes; typing in the search box only filters.
    let index = Memo::new(move |_| s.program.with(PeopleIndex::new));
    let rows = Memo::new(move |_| {
        let f = filter.get();
        let order = sort.get();
        index.with(|ix| s.program.with(|p| ix.select(p, &f, order)))
    });
    let total = Memo::new(move |_| s.program.with(|p| p.people.len()));
    let hidden_selected = Memo::new(move |_| {
        selected.with(|sel| {
            if sel.is_empty() {
                return 0;
            }
            s.program.with(|p| {
                rows.with(|r| {
                    let shown = r
                        .iter()
                        .filter_map(|&i| p.people.get(i))
                        .filter(|x| sel.contains(&x.id))
                        .count();
                    sel.len().saturating_sub(shown)
                })
            })
        })
    });
    // People removed elsewhere (another section, undo) drop out of the selection.
    Effect::new(move |_| {
        let present: HashSet<PersonId> = s
            .program
            .with(|p| p.people.iter().map(|x| x.id.clone()).collect());
        if selected.with_untracked(|sel| sel.iter().any(|id| !present.contains(id))) {
            selected.update(|sel| sel.retain(|id| present.contains(id)));
        }
    });

    let close_form = move |focus_on: Option<PersonId>| {
        form.set(None);
        let mut targets: Vec<String> = focus_on.iter().map(edit_button_id).collect();
        targets.push(ADD_BUTTON.to_owned());
        request_animation_frame(move || focus_first(&targets));
    };
    let on_save = Callback::new(move |checked: CheckedPerson| {
        let Some(mode) = form.get_untracked() else {
            return;
        };
        let name = checked.person.name.clone();
        let mut note = checked
            .warnings
            .iter()
            .map(|w| w.message.clone())
            .collect::<Vec<_>>()
            .join(" ");
        if !note.is_empty() {
            note = format!(" Note: {note}");
        }
        // On a refusal the form stays open, so nothing typed is lost.
        match mode {
            FormMode::Add => {
                if let Ok(done) = s.commit(PeopleEdit::Add(checked.person)) {
                    app.notices.success(format!("Added {name}.{note}"));
                    let new_id = match done.report {
                        PeopleReport::Added(id) => Some(id),
                        _ => None,
                    };
                    close_form(new_id);
                }
            }
            FormMode::Edit(id) => {
                if s.commit(PeopleEdit::Replace(checked.person)).is_ok() {
                    app.notices.success(format!("Saved {name}.{note}"));
                    close_form(Some(id));
                }
            }
        }
    });
    let on_cancel = Callback::new(move |()| {
        let back = match form.get_untracked() {
            Some(FormMode::Edit(id)) => Some(id),
            _ => None,
        };
        close_form(back);
    });
    let on_edit = Callback::new(move |id: PersonId| form.set(Some(FormMode::Edit(id))));

    let on_set_role = Callback::new(move |role: Role| {
        let ids = selected.get_untracked();
        let Ok(done) = s.commit(PeopleEdit::SetRole(ids, role)) else {
            return;
        };
        if let PeopleReport::Role(c) = done.report {
            let mut text = format!("{} changed to {}.", c.changed, role.label().to_lowercase());
            if c.mismatched_matches > 0 {
                text.push_str(&format!(
                    " {} current match(es) now pair someone in a role they no longer have; review them on the Matching page.",
                    c.mismatched_matches
                ));
                app.notices.info(text);
            } else {
                app.notices.success(text);
            }
        }
    });
    let on_set_capacity = Callback::new(move |capacity: u16| {
        let ids = selected.get_untracked();
        let Ok(done) = s.commit(PeopleEdit::SetCapacity(ids, capacity)) else {
            return;
        };
        if let PeopleReport::Capacity(c) = done.report {
            let mut text = format!("Capacity set to {capacity} for {} mentor(s).", c.set);
            if c.skipped_mentees > 0 {
                text.push_str(&format!(
                    " {} mentee(s) skipped: capacity is for mentors.",
                    c.skipped_mentees
                ));
            }
            app.notices.success(text);
        }
    });
    let on_remove = Callback::new(move |()| {
        let ids = selected.get_untracked();
        let Ok(done) = s.commit(PeopleEdit::Remove(ids)) else {
            return;
        };
        selected.set(HashSet::new());
        if let PeopleReport::Removed { people, matches } = done.report {
            let mut text = if people == 1 {
                "Removed 1 participant".to_owned()
            } else {
                format!("Removed {people} participants")
            };
            if matches > 0 {
                text.push_str(&format!(" and {matches} match(es)"));
            }
            text.push('.');
            s.notify_with_undo(NoticeKind::Info, text, done.step);
        }
        request_animation_frame(|| focus_first(&["people-search".to_owned()]));
    });

    view! {
        <PoolStrength/>
        <div class="mk-toolbar mk-people-toolbar">
            <div class="mk-field">
                <label for="people-search">"Search"</label>
                <input id="people-search" type="search" placeholder="Name, e-mail, department, team, title"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| { let q = event_target_value(&ev); filter.update(|f| f.query = q); page.set(0); }/>
            </div>
            <div class="mk-field">
                <label for="people-role">"Role"</label>
                <select id="people-role" on:change=move |ev| {
                    let r = Role::from_key(&event_target_value(&ev));
                    filter.update(|f| f.role = r);
                    page.set(0);
                }>
                    <option value="">"All roles"</option>
                    {Role::ALL.into_iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="mk-field">
                <label for="people-department">"Department"</label>
                <select id="people-department" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.department = (!v.is_empty()).then_some(v));
                    page.set(0);
                }>
                    <option value="">"All departments"</option>
                    {move || s.program.with(departments).into_iter().map(|d| {
                        let (value, label) = (d.clone(), d.clone());
                        view! { <option value=value selected=move || filter.with(|f| f.department.as_deref() == Some(d.as_str()))>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="mk-field">
                <label for="people-matched">"Matched"</label>
                <select id="people-matched" on:change=move |ev| {
                    let m = MatchedFilter::from_key(&event_target_value(&ev));
                    filter.update(|f| f.matched = m);
                    page.set(0);
                }>
                    {MatchedFilter::ALL.into_iter().map(|m| view! { <option value=m.key()>{m.label()}</option> }).collect_view()}
                </select>
            </div>
            <p class="mk-toolbar__count" role="status" id="people-count">{move || {
                let n = rows.with(Vec::len);
                let t = total.get();
                if n == t { format!("{t} participants") } else { format!("{n} of {t} participants shown") }
            }}</p>
            <button type="button" id=ADD_BUTTON class="mk-button mk-button--primary mk-people-toolbar__add"
                on:click=move |_| form.set(Some(FormMode::Add))>"Add a participant"</button>
            <CsvImportWizard/>
            <CsvExportButton what=CsvExport::Participants/>
        </div>
        {move || form.get().map(|mode| {
            let editing = match mode { FormMode::Edit(id) => Some(id), FormMode::Add => None };
            view! { <PersonForm program=program editing=editing on_save=on_save on_cancel=on_cancel/> }
        })}
        <Show when=move || selected.with(|s| !s.is_empty())>
            <PeopleBulkBar
                selected=Signal::derive(move || selected.with(HashSet::len))
                hidden=hidden_selected
                on_set_role=on_set_role
                on_set_capacity=on_set_capacity
                on_remove=on_remove
                on_clear=Callback::new(move |()| selected.set(HashSet::new()))/>
        </Show>
        <Show when=move || total.get() == 0>
            <p class="mk-empty-line">
                "Nobody is enrolled yet. Import a spreadsheet of sign-ups with \u{201c}Import participants from CSV\u{2026}\u{201d}, add people one by one with \u{201c}Add a participant\u{201d}, "
                "import a program file that already has people, or open the demo program."
            </p>
        </Show>
        <Show when=move || { total.get() != 0 && rows.with(Vec::is_empty) }>
            <p class="mk-empty-line">"Nobody matches the search and filters."</p>
        </Show>
        <Show when=move || rows.with(|r| !r.is_empty())>
            <PeopleTable program=program index=index rows=rows sort=sort selected=selected page=page on_edit=on_edit/>
        </Show>
    }
}

/// Mentor-pool strength before matching: roles, capacity against demand, unmet skills.
#[component]
fn PoolStrength() -> impl IntoView {
    let s = use_session();
    let st = Memo::new(move |_| s.program.with(stats));
    view! {
        <div class="mk-stats" role="list" aria-label="Mentor pool">
            <Stat label="Participants" value=Signal::derive(move || st.get().people.to_string())/>
            <Stat label="Mentors" value=Signal::derive(move || st.get().mentors.to_string())/>
            <Stat label="Mentees" value=Signal::derive(move || st.get().mentees.to_string())/>
            <Stat label="Either role" value=Signal::derive(move || st.get().either.to_string())/>
            <Stat label="Mentor places for mentees" value=Signal::derive(move || {
                let x = st.get();
                format!("{} for {}", x.mentor_capacity, x.mentees)
            })/>
            <Stat label="Skills no mentor offers" value=Signal::derive(move || st.get().unmet_skills.len().to_string())/>
        </div>
        {move || {
            let x = st.get();
            let mut warnings = Vec::new();
            if x.mentees > 0 && x.mentor_capacity < x.mentees {
                warnings.push(format!(
                    "Mentors can take {} mentees but {} want a mentor: {} will stay unmatched unless more mentors join or capacities rise.",
                    x.mentor_capacity, x.mentees, x.mentees - x.mentor_capacity
                ));
            }
            if x.unavailable_mentors > 0 {
                warnings.push(format!("{} mentor(s) have capacity 0 and take nobody this cycle.", x.unavailable_mentors));
            }
            if !x.unmet_skills.is_empty() {
                warnings.push(format!("Wanted by mentees but offered by no available mentor: {}.", x.unmet_skills.join(", ")));
            }
            (!warnings.is_empty()).then(|| view! {
                <div class="mk-banner mk-banner--info" role="status">
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}

/// One figure of a stats strip.
#[component]
pub fn Stat(
    /// What the figure is.
    label: &'static str,
    /// The figure.
    #[prop(into)]
    value: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="mk-stat" role="listitem">
            <span class="mk-stat__value">{move || value.get()}</span>
            <span class="mk-stat__label">{label}</span>
        </div>
    }
}
