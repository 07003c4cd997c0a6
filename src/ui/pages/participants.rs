//! Participants: who is enrolled, and the strength of the mentor pool.

use leptos::prelude::*;

use crate::app::session::use_session;
use crate::core::model::{Person, Program, Role};
use crate::core::reports::stats;

const PAGE: usize = 50;

/// The Participants section.
#[component]
pub fn ParticipantsSection() -> impl IntoView {
    let s = use_session();
    let query = RwSignal::new(String::new());
    let role = RwSignal::new(None::<Role>);
    let page = RwSignal::new(0usize);
    let st = Memo::new(move |_| s.program.with(stats));

    let rows = Memo::new(move |_| {
        let q = query.get().to_lowercase();
        let r = role.get();
        s.program.with(|p| {
            p.people
                .iter()
                .filter(|x| r.is_none_or(|r| x.role == r))
                .filter(|x| q.is_empty() || matches_query(x, &q))
                .map(|x| row(p, x))
                .collect::<Vec<_>>()
        })
    });
    let shown = move || {
        rows.with(|r| {
            let start = (page.get() * PAGE).min(r.len());
            r[start..(start + PAGE).min(r.len())].to_vec()
        })
    };
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE).max(1));

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
            if !x.unmet_skills.is_empty() {
                warnings.push(format!("Wanted by mentees but offered by no available mentor: {}.", x.unmet_skills.join(", ")));
            }
            (!warnings.is_empty()).then(|| view! {
                <div class="mk-banner mk-banner--info" role="status">
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <div class="mk-toolbar">
            <div class="mk-field">
                <label for="people-search">"Search"</label>
                <input id="people-search" type="search" placeholder="Name, e-mail, department, title"
                    prop:value=move || query.get()
                    on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); }/>
            </div>
            <div class="mk-field">
                <label for="people-role">"Role"</label>
                <select id="people-role" on:change=move |ev| { role.set(Role::from_key(&event_target_value(&ev))); page.set(0); }>
                    <option value="">"All roles"</option>
                    {Role::ALL.into_iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <p class="mk-toolbar__count" role="status">{move || format!("{} shown", rows.with(Vec::len))}</p>
        </div>
        <Show when=move || s.program.with(|p| p.people.is_empty())>
            <p class="mk-empty-line">
                "Nobody is enrolled yet. Participants arrive by CSV import or one by one; both come with the participants workflow. "
                "Meanwhile you can import a program file that already has people, or open the demo program."
            </p>
        </Show>
        <Show when=move || rows.with(|r| !r.is_empty())>
            <div class="mk-table-wrap">
                <table class="mk-table">
                    <caption class="mk-visually-hidden">"Participants"</caption>
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"E-mail"</th>
                        <th scope="col">"Department"</th><th scope="col">"Title"</th><th scope="col">"Capacity"</th>
                        <th scope="col">"Offers"</th><th scope="col">"Wants"</th>
                    </tr></thead>
                    <tbody>
                        <For each=shown key=|r| r.id.clone() let:r>
                            <tr>
                                <th scope="row">{r.name}</th><td>{r.role}</td><td>{r.email}</td><td>{r.department}</td>
                                <td>{r.title}</td><td class="mk-num">{r.capacity}</td><td>{r.offers}</td><td>{r.wants}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <nav class="mk-pager" aria-label="Pages of participants">
                <button class="mk-button mk-button--small" disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"Previous"</button>
                <span>{move || format!("Page {} of {}", page.get() + 1, pages())}</span>
                <button class="mk-button mk-button--small" disabled=move || page.get() + 1 >= pages()
                    on:click=move |_| page.update(|p| *p += 1)>"Next"</button>
            </nav>
        </Show>
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

#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    role: &'static str,
    email: String,
    department: String,
    title: String,
    capacity: String,
    offers: String,
    wants: String,
}

fn matches_query(x: &Person, q: &str) -> bool {
    [&x.name, &x.email, &x.department, &x.title, &x.team]
        .iter()
        .any(|f| f.to_lowercase().contains(q))
}

fn row(p: &Program, x: &Person) -> Row {
    let skill_names = |list: &[crate::core::model::SkillLevel]| {
        list.iter()
            .filter_map(|l| {
                p.skills
                    .iter()
                    .find(|s| s.id == l.skill)
                    .map(|s| s.name.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Row {
        id: x.id.0.clone(),
        name: x.name.clone(),
        role: x.role.label(),
        email: x.email.clone(),
        department: x.department.clone(),
        title: x.title.clone(),
        capacity: if x.role.can_mentor() {
            x.capacity.to_string()
        } else {
            "\u{2013}".into()
        },
        offers: skill_names(&x.skills_offered),
        wants: skill_names(&x.skills_wanted),
    }
}
