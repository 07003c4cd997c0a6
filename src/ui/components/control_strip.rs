//! A slim control strip that keeps out of the room's way (issue 15): on a screen the room
//! watches (a projector showing the presenter's page, or the audience window) the controls
//! show when the pointer moves or a control gets focus (Tab), and slide away a few seconds
//! later, so the room sees the stage and nothing else.
//!
//! Hidden, the strip stays in the tab order (Tab brings it back) and in the accessibility
//! tree; focus never stays on a control nobody can see: when the strip hides, focus goes
//! back to the page's `main`. While `hold` is on (a form is open in it) the strip stays and
//! takes its own room at the bottom of the page instead of covering the stage.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long the strip stays after the last pointer movement, focus or key press in it.
const IDLE: Duration = Duration::from_secs(3);

/// Whether the focused element is inside `el`.
fn has_focus_within(el: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| el.contains(Some(active.unchecked_ref())))
}

/// The strip: its children, shown on pointer movement or focus, hidden when idle.
#[component]
pub fn ControlStrip(
    /// What the strip is called (the label of its region).
    label: &'static str,
    /// While on, the strip stays shown and takes its own room in the page.
    #[prop(into, optional)]
    hold: Signal<bool>,
    /// The controls.
    children: Children,
) -> impl IntoView {
    let shown = RwSignal::new(true);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let root = NodeRef::<leptos::html::Section>::new();
    let stop_timer = move || {
        timer.try_update_value(|t| {
            if let Some(t) = t.take() {
                t.clear();
            }
        });
    };
    let sleep = move || {
        if hold.try_get_untracked().unwrap_or(false) {
            return;
        }
        if root.get_untracked().is_some_and(|el| has_focus_within(&el)) {
            crate::app::browser::focus_element("main");
        }
        shown.try_set(false);
    };
    let wake = move || {
        shown.try_set(true);
        stop_timer();
        if let Ok(handle) = set_timeout_with_handle(sleep, IDLE) {
            timer.try_set_value(Some(handle));
        }
    };
    // Shown at first, so the presenter sees where the controls are.
    wake();
    let pointer = window_event_listener(ev::pointermove, move |_| wake());
    on_cleanup(move || {
        pointer.remove();
        stop_timer();
    });
    // When the form closes, the strip hides again after the usual delay.
    Effect::new(move |was: Option<bool>| {
        let held = hold.get();
        if was == Some(true) && !held {
            wake();
        }
        held
    });
    let visible = move || shown.get() || hold.get();
    view! {
        <section class="mk-strip" aria-label=label node_ref=root data-testid="control-strip"
            class:mk-strip--hidden=move || !visible()
            class:mk-strip--docked=move || hold.get()
            data-state=move || if visible() { "shown" } else { "hidden" }
            on:focusin=move |_| wake()
            on:keydown=move |_| wake()>
            {children()}
        </section>
    }
}
