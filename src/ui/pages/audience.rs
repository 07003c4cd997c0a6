//! Workshop mode's audience window (`#/program/<id>/audience`, issue #5): shows what the
//! presenter window sends over the program's `BroadcastChannel` and nothing else.
//!
//! It never opens the program or the library: it is rendered before the app context
//! exists, holds no data of its own (closing it loses nothing), and on load says "hello" so
//! the presenter sends the current state.
//!
//! The stage fills the window (issue 15); the full-screen button sits in a strip that
//! hides when idle, so the room sees the stage alone.

use leptos::prelude::*;

use crate::app::workshop::{
    exit_fullscreen, is_fullscreen, set_projector_theme, toggle_fullscreen, StageChannel,
};
use crate::core::model::ProgramId;
use crate::core::workshop::{StageMessage, StageView};
use crate::ui::components::control_strip::ControlStrip;
use crate::ui::components::stage::Stage;

/// The audience window of program `id`.
#[component]
pub fn AudiencePage(
    /// The program whose workshop to show.
    id: ProgramId,
) -> impl IntoView {
    set_projector_theme(true);
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title("MentorKit workshop (audience)");
    }
    let view = RwSignal::new(None::<StageView>);
    let closed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let channel = StoredValue::new_local(None::<StageChannel>);
    match StageChannel::open(&id, move |message| match message {
        StageMessage::State(v) => {
            closed.try_set(false);
            view.try_set(Some(*v));
        }
        StageMessage::Closed => {
            // Nothing stays on the projector once the presenter has left.
            closed.try_set(true);
            view.try_set(None);
        }
        StageMessage::Hello => {}
    }) {
        Ok(c) => {
            c.post(&StageMessage::Hello);
            channel.set_value(Some(c));
        }
        Err(e) => error.set(Some(format!("{e}."))),
    }
    on_cleanup(move || {
        channel.try_update_value(|c| *c = None);
        exit_fullscreen();
    });

    let fullscreen = RwSignal::new(is_fullscreen());
    let fs_listener = window_event_listener_untyped("fullscreenchange", move |_| {
        fullscreen.try_set(is_fullscreen());
    });
    let note = RwSignal::new(None::<String>);
    let toggle = move || {
        toggle_fullscreen(move |e| {
            note.try_set(Some(format!(
                "{e}. Use the browser's own full screen (F11) instead."
            )));
        })
    };
    let keys = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        match e.key().as_str() {
            "f" | "F" => {
                e.prevent_default();
                toggle();
            }
            "Escape" => exit_fullscreen(),
            _ => {}
        }
    });
    on_cleanup(move || {
        fs_listener.remove();
        keys.remove();
    });

    view! {
        <main id="main" class="mk-present mk-present--stage mk-audience" tabindex="-1">
            <h1 class="mk-visually-hidden">"Workshop: audience screen"</h1>
            <p class="mk-audience__note" role="status">{move || note.get()}</p>
            {move || error.get().map(|e| view! { <p class="mk-banner mk-banner--warning" role="alert">{e}</p> })}
            <Show when=move || closed.get()>
                <p class="mk-banner mk-banner--info" role="status" data-testid="audience-closed">
                    "The presenter left workshop mode. You can close this window: it holds no data."
                </p>
            </Show>
            <Stage view=view fit=true/>
            <ControlStrip label="Audience window controls">
                <div class="mk-strip__row">
                    <button class="mk-button" aria-pressed=move || fullscreen.get().to_string()
                        on:click=move |_| toggle()>
                        {move || if fullscreen.get() { "Leave full screen (F)" } else { "Full screen (F)" }}
                    </button>
                </div>
            </ControlStrip>
        </main>
    }
}
