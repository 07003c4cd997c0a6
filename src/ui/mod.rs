//! The Leptos user interface.

use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! { <p>"MentorKit"</p> }
}
