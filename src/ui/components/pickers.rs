//! Menus that pick a person: every "choose a mentor" and "choose a mentee" of the app.

use leptos::prelude::*;

use crate::core::model::PersonId;

/// A labelled menu of people with an empty first choice; reports the person picked (or
/// `None` for the empty choice).
#[component]
pub fn PersonSelect(
    /// The menu's element id (its label points at it).
    id: String,
    /// The visible label.
    label: &'static str,
    /// The empty first choice ("Choose a mentor…").
    placeholder: &'static str,
    /// The people offered, as (id, name), in menu order.
    #[prop(into)]
    options: Signal<Vec<(PersonId, String)>>,
    /// Called with the person picked.
    on_pick: Callback<Option<PersonId>>,
    /// A person left out of the menu (the current mentor, for a move).
    #[prop(optional)]
    except: Option<PersonId>,
    /// For focusing the menu when its form opens.
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Select>,
    /// `data-testid` of the menu, for end-to-end tests.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id node_ref=node_ref data-testid=(!testid.is_empty()).then_some(testid)
            on:change=move |ev| {
                let v = event_target_value(&ev);
                on_pick.run((!v.is_empty()).then_some(PersonId(v)));
            }>
            <option value="">{placeholder}</option>
            {move || options.get().into_iter()
                .filter(|(id, _)| Some(id) != except.as_ref())
                .map(|(id, name)| view! { <option value=id.0.clone()>{name}</option> })
                .collect_view()}
        </select>
    }
}
