//! The keys of projector mode: one window listener for the whole presenter page, in both
//! layouts (the controls may be hidden on a stage-first screen; the keys always work), and
//! the table that lists them.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::presenter::Presenter;
use super::rerun::{rerun, RunSlot};
use crate::app::browser::in_text_field;
use crate::app::workshop::exit_fullscreen;

fn modal_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-modal='true']").ok().flatten())
        .is_some()
}

/// The tag name of the focused element the key event comes from (lower case).
fn target_tag(e: &web_sys::KeyboardEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Listens to the presenter's keys until the page is left.
pub(super) fn listen(p: Presenter, run_slot: RunSlot) {
    // `g` then a letter belongs to the global shortcuts (`g m` goes to Matching, ...), even
    // when the letter is one of ours.
    let after_g = StoredValue::new(false);
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.default_prevented() || modal_open() {
            return;
        }
        let key = e.key();
        // Typing stays in the field; Esc still cancels (the move form's mentor list).
        if in_text_field(&e) && key != "Escape" {
            return;
        }
        let plain = !(e.ctrl_key() || e.meta_key() || e.alt_key());
        if after_g.get_value() && plain {
            after_g.set_value(false);
            return;
        }
        if key == "g" && plain {
            after_g.set_value(true);
            return;
        }
        if (e.ctrl_key() || e.meta_key()) && !e.alt_key() {
            match key.to_lowercase().as_str() {
                "z" if e.shift_key() => p.redo(),
                "z" => p.undo(),
                "y" => p.redo(),
                _ => return,
            }
            e.prevent_default();
            return;
        }
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let tag = target_tag(&e);
        // Radio buttons, checkboxes and selects keep their own keys (arrows choose, Space
        // ticks); only Esc reaches the stage from them.
        if matches!(tag.as_str(), "input" | "select") && key != "Escape" {
            return;
        }
        // Enter and Space activate a focused button, link or disclosure.
        let control = matches!(tag.as_str(), "button" | "a" | "summary");
        match key.as_str() {
            "ArrowRight" | "PageDown" => p.next(),
            " " if !control => p.next(),
            "ArrowLeft" | "PageUp" => p.back(),
            "Home" => p.home(),
            "End" => p.reveal_all(),
            "ArrowDown" => p.select_by(1),
            "ArrowUp" => p.select_by(-1),
            "Enter" if !control => p.confirm(),
            "f" | "F" => p.toggle_fullscreen(),
            "l" | "L" => p.toggle_lock(),
            "s" | "S" => p.pick(),
            "m" | "M" => p.open_move(),
            "r" | "R" => rerun(p, run_slot),
            "Escape" => {
                if !p.cancel() {
                    exit_fullscreen();
                }
            }
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());
}

/// The keys of projector mode.
#[component]
pub(super) fn KeyHelp() -> impl IntoView {
    const KEYS: &[(&str, &str)] = &[
        ("\u{2192} / Space", "Reveal the next pair"),
        ("\u{2190}", "Back one step"),
        ("End / Home", "Reveal all / back to the title"),
        ("\u{2191} / \u{2193}", "Select a revealed pair"),
        (
            "S",
            "Pick the selected pair for a swap, then select the other pair",
        ),
        ("M", "Move the selected pair's mentee to another mentor"),
        (
            "Enter",
            "Confirm the swap or move shown as \u{201c}What if\u{201d}",
        ),
        ("Esc", "Cancel the swap or move; leave full screen"),
        ("L", "Lock or unlock the selected pair"),
        ("R", "Re-run matching around the locked pairs"),
        ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
        ("F", "Full screen on or off"),
        ("Tab", "Show the controls (full screen or mirrored display)"),
    ];
    view! {
        <details class="mk-card mk-present__keys">
            <summary>"Keys in projector mode"</summary>
            <table class="mk-table">
                <thead><tr><th scope="col">"Keys"</th><th scope="col">"What it does"</th></tr></thead>
                <tbody>
                    {KEYS.iter().map(|(k, w)| view! { <tr><td><kbd>{*k}</kbd></td><td>{*w}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
