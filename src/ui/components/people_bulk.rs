//! Bulk actions on the selected participants: change role, set capacity, remove.

use leptos::prelude::*;

use crate::core::model::Role;
use crate::core::people::parse_capacity;

/// The bulk action bar; shown while people are selected.
#[component]
pub fn PeopleBulkBar(
    /// How many people are selected.
    #[prop(into)]
    selected: Signal<usize>,
    /// How many of them the current filter hides.
    #[prop(into)]
    hidden: Signal<usize>,
    /// Gives the selection a role.
    #[prop(into)]
    on_set_role: Callback<Role>,
    /// Sets the capacity of the selected mentors.
    #[prop(into)]
    on_set_capacity: Callback<u16>,
    /// Removes the selection (the page offers undo).
    #[prop(into)]
    on_remove: Callback<()>,
    /// Clears the selection.
    #[prop(into)]
    on_clear: Callback<()>,
) -> impl IntoView {
    let role = RwSignal::new(Role::Mentor);
    let capacity = RwSignal::new(String::from("1"));
    let error = RwSignal::new(None::<String>);
    let apply_capacity = move || match parse_capacity(&capacity.get_untracked()) {
        Ok(c) => {
            error.set(None);
            on_set_capacity.run(c);
        }
        // Bad input 41: the message stays next to the input; nothing is changed.
        Err(e) => error.set(Some(e.message)),
    };
    view! {
        <section class="mk-bulk-bar" aria-label="Bulk actions">
            <p class="mk-bulk-bar__count" role="status">{move || {
                let n = selected.get();
                let h = hidden.get();
                let who = if n == 1 { "1 person selected".to_owned() } else { format!("{n} people selected") };
                if h > 0 { format!("{who} ({h} hidden by the filter)") } else { who }
            }}</p>
            <div class="mk-inline-form">
                <label for="bulk-role">"Role"</label>
                <select id="bulk-role" on:change=move |ev| {
                    if let Some(r) = Role::from_key(&event_target_value(&ev)) { role.set(r); }
                }>
                    {Role::ALL.into_iter().map(|r| view! { <option value=r.key() selected=r == Role::Mentor>{r.label()}</option> }).collect_view()}
                </select>
                <button type="button" class="mk-button mk-button--small" on:click=move |_| on_set_role.run(role.get_untracked())>"Change role"</button>
            </div>
            <div class="mk-inline-form">
                <label for="bulk-capacity">"Capacity"</label>
                <input id="bulk-capacity" type="text" inputmode="numeric" class="mk-bulk-bar__capacity"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby="bulk-capacity-error"
                    prop:value=move || capacity.get()
                    on:input=move |ev| capacity.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); apply_capacity(); }/>
                <button type="button" class="mk-button mk-button--small" on:click=move |_| apply_capacity()>"Set capacity"</button>
            </div>
            <button type="button" class="mk-button mk-button--small mk-button--danger" on:click=move |_| on_remove.run(())>
                {move || if selected.get() == 1 { "Remove 1 person".to_owned() } else { format!("Remove {} people", selected.get()) }}
            </button>
            <button type="button" class="mk-button mk-button--small" on:click=move |_| on_clear.run(())>"Clear selection"</button>
            <p id="bulk-capacity-error" class="mk-field__error mk-bulk-bar__error" role="alert">{move || error.get()}</p>
        </section>
    }
}
