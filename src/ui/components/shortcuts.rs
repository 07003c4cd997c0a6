//! Keyboard shortcuts: `?` shows them; `g` then a letter goes to a page, as on GitHub.
//! Shortcuts never fire while the focus is in a text field, so typing is never hijacked.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::route::{Route, Section};
use crate::app::use_app;
use crate::ui::components::modal::trap_tab;

/// One documented shortcut.
struct Shortcut {
    keys: &'static [&'static str],
    what: &'static str,
}

const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: &["?"],
        what: "Show this list of shortcuts",
    },
    Shortcut {
        keys: &["g", "l"],
        what: "Go to your programs (library)",
    },
    Shortcut {
        keys: &["g", "o"],
        what: "Go to the open program's Overview",
    },
    Shortcut {
        keys: &["g", "p"],
        what: "Go to Participants",
    },
    Shortcut {
        keys: &["g", "m"],
        what: "Go to Matching",
    },
    Shortcut {
        keys: &["g", "r"],
        what: "Go to Relationships",
    },
    Shortcut {
        keys: &["g", "t"],
        what: "Go to Reports",
    },
    Shortcut {
        keys: &["g", "w"],
        what: "Present the draft in projector (workshop) mode",
    },
    Shortcut {
        keys: &["\u{2192} or Space"],
        what: "Reveal the next pair (in projector mode; \u{2190} goes back)",
    },
    Shortcut {
        keys: &["F"],
        what: "Full screen on or off (in projector mode)",
    },
    Shortcut {
        keys: &["/"],
        what: "Search participants (on the Participants page)",
    },
    Shortcut {
        keys: &["Ctrl", "Z"],
        what: "Undo the last draft edit (on the Matching page and in projector mode)",
    },
    Shortcut {
        keys: &["Ctrl", "Shift", "Z"],
        what: "Redo (on the Matching page and in projector mode)",
    },
    Shortcut {
        keys: &["Esc"],
        what: "Close a dialog or cancel a form",
    },
    Shortcut {
        keys: &["Tab"],
        what: "Move between controls; Enter or Space activates",
    },
];

/// Whether the event comes from somewhere the user types.
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || el
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}

/// Whether a modal dialog (e.g. the CSV wizard) is open: its own keys win.
fn modal_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-modal='true']").ok().flatten())
        .is_some()
}

/// The global shortcut handler and the `?` dialog.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let pending_g = StoredValue::new(false);

    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        let key = ev.key();
        if open.get_untracked() {
            if key == "Escape" {
                ev.prevent_default();
                open.set(false);
            }
            return;
        }
        if modal_open() {
            return;
        }
        if pending_g.get_value() {
            pending_g.set_value(false);
            let section = match key.as_str() {
                "o" => Some(Section::Overview),
                "p" => Some(Section::Participants),
                "m" => Some(Section::Matching),
                "r" => Some(Section::Relationships),
                "t" => Some(Section::Reports),
                "w" => Some(Section::Present),
                "l" => {
                    ev.prevent_default();
                    app.navigate(&Route::Library);
                    return;
                }
                _ => None,
            };
            if let (Some(section), Route::Program { id, .. }) = (section, app.route.get_untracked())
            {
                ev.prevent_default();
                app.navigate(&Route::Program { id, section });
            }
            return;
        }
        match key.as_str() {
            "?" => {
                ev.prevent_default();
                open.set(true);
                request_animation_frame(|| crate::app::browser::focus_element("shortcuts-close"));
            }
            "g" => pending_g.set_value(true),
            "/" => {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("input[type='search']").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    ev.prevent_default();
                    let _ = el.focus();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <button type="button" class="mk-button mk-button--small mk-shortcuts-button"
            aria-haspopup="dialog" on:click=move |_| {
                open.set(true);
                request_animation_frame(|| crate::app::browser::focus_element("shortcuts-close"));
            }>
            "Keyboard shortcuts " <kbd>"?"</kbd>
        </button>
        <Show when=move || open.get()>
            <div class="mk-modal-backdrop" on:click=move |_| open.set(false)></div>
            <div class="mk-modal mk-shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                on:keydown=move |ev| {
                    if ev.key() == "Tab" {
                        if let Some(root) = ev
                            .current_target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        {
                            trap_tab(&ev, &root);
                        }
                    }
                }>
                <div class="mk-modal__head">
                    <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                    <button id="shortcuts-close" type="button" class="mk-button mk-button--small"
                        on:click=move |_| open.set(false)>"Close"</button>
                </div>
                <table class="mk-table">
                    <caption class="mk-visually-hidden">"Keyboard shortcuts"</caption>
                    <thead><tr><th scope="col">"Keys"</th><th scope="col">"What it does"</th></tr></thead>
                    <tbody>
                        {SHORTCUTS.iter().map(|s| view! {
                            <tr>
                                <td>{s.keys.iter().enumerate().map(|(i, k)| view! {
                                    {(i > 0).then_some(" ")}<kbd>{*k}</kbd>
                                }).collect_view()}</td>
                                <td>{s.what}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="mk-hint">"Shortcuts are off while you type in a field. Press Esc to close."</p>
            </div>
        </Show>
    }
}
