//! How much this device holds (the library's "This device" card): MentorKit's share of
//! browser storage, the site's quota, and whether the browser keeps the storage, with a
//! button to ask it to. Read again whenever the library changes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_app;
use crate::persist::space::Space;
use crate::persist::web::{ask_persistence, storage_space};

/// The figures, in sentences, once the browser has answered.
#[component]
pub fn StorageSpace() -> impl IntoView {
    let app = use_app();
    let space = RwSignal::new(None::<Space>);
    let asked = RwSignal::new(None::<bool>);
    let read = move || {
        spawn_local(async move {
            let s = storage_space().await;
            let _ = space.try_set(Some(s));
        });
    };
    // Tracks the library, so saving, importing or deleting reads the figures again.
    Effect::new(move |_| {
        app.entries.track();
        read();
    });
    let ask = move |_| {
        spawn_local(async move {
            let kept = ask_persistence().await;
            let _ = asked.try_set(Some(kept == Some(true)));
            read();
        });
    };
    view! {
        <div class="mk-space" data-testid="storage-space">
            {move || space.get().map(|s| {
                let can_ask = s.can_ask_to_persist();
                view! {
                    {s.sentences().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                    <Show when=move || can_ask>
                        <button type="button" class="mk-button" on:click=ask>"Ask the browser to keep it"</button>
                    </Show>
                }
            })}
            <p role="status" class="mk-hint">{move || asked.get().map(|kept| if kept {
                "The browser will keep MentorKit's storage."
            } else {
                "The browser did not agree to keep the storage (browsers decide by how often a site is used): export your programs now and then."
            })}</p>
        </div>
    }
}
