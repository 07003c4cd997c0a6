//! "Delete everything on this device": one action on the library that removes every
//! MentorKit entry from browser storage and the app's offline copy. There is no undo, so the
//! dialog offers each program's export first and asks for a typed confirmation.

use leptos::prelude::*;

use crate::app::use_app;
use crate::persist::Entry;
use crate::ui::components::modal::{dialog_keys, hold_page_while_open};
use crate::ui::components::storage_space::StorageSpace;

/// What the coordinator types to confirm.
pub const CONFIRM_WORD: &str = "DELETE";

/// The library's "Delete everything on this device…" section and its dialog.
#[component]
pub fn DeleteEverything() -> impl IntoView {
    let open = RwSignal::new(false);
    let close = move || {
        open.set(false);
        request_animation_frame(|| crate::app::browser::focus_element("delete-everything-open"));
    };
    view! {
        <section class="mk-card mk-danger-zone" aria-labelledby="device-title">
            <h2 id="device-title">"This device"</h2>
            <p>
                "MentorKit keeps your programs and an offline copy of the app in this browser. "
                "Leaving a shared or borrowed computer? Export your programs, then delete them here."
            </p>
            <StorageSpace/>
            <button id="delete-everything-open" type="button" class="mk-button mk-button--danger"
                aria-haspopup="dialog" on:click=move |_| open.set(true)>
                "Delete everything on this device\u{2026}"
            </button>
        </section>
        <Show when=move || open.get()>
            <DeleteDialog on_close=Callback::new(move |()| close())/>
        </Show>
    }
}

/// The dialog: what goes, the exports, the typed confirmation.
#[component]
fn DeleteDialog(
    /// Closes the dialog (focus returns to the button that opened it).
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let typed = RwSignal::new(String::new());
    let confirmed = move || typed.with(|t| t.trim() == CONFIRM_WORD);
    hold_page_while_open();
    request_animation_frame(|| crate::app::browser::focus_element("delete-everything-title"));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirmed() {
            on_close.run(());
            app.delete_everything();
        }
    };
    let on_keydown = dialog_keys(move || on_close.run(()));
    let count = move || app.entries.with(Vec::len);

    view! {
        <div class="mk-modal-backdrop" on:click=move |_| on_close.run(())></div>
        <div class="mk-modal" role="dialog" aria-modal="true" aria-labelledby="delete-everything-title"
            aria-describedby="delete-everything-what" on:keydown=on_keydown>
            <div class="mk-modal__head">
                <h2 id="delete-everything-title" tabindex="-1">"Delete everything on this device"</h2>
                <button type="button" class="mk-button mk-button--small" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <p id="delete-everything-what">
                {move || format!(
                    "This removes all {} program(s) MentorKit keeps in this browser, unreadable ones included, \
                     and the app's offline copy (downloaded again on your next visit). It cannot be undone. \
                     Program files you exported are not affected.",
                    count()
                )}
            </p>
            <Show when=move || app.entries.with(|e| !e.is_empty())>
                <h3>"First, export what you want to keep"</h3>
                <ul class="mk-plain-list mk-delete-exports" aria-label="Programs to export">
                    <For each=move || app.entries.get() key=Entry::key let:entry>
                        {match entry {
                            Entry::Ready { summary, .. } => {
                                let id = summary.id.clone();
                                view! {
                                    <li>
                                        <span>{summary.name.clone()}</span>" "
                                        <button type="button" class="mk-button mk-button--small"
                                            aria-label=format!("Export {}", summary.name)
                                            on:click=move |_| app.export_stored(&id)>"Export"</button>
                                    </li>
                                }
                                .into_any()
                            }
                            Entry::Corrupt { key, .. } => view! {
                                <li>
                                    <span>"Unreadable saved program " <code>{key.clone()}</code></span>" "
                                    <button type="button" class="mk-button mk-button--small"
                                        on:click=move |_| app.download_raw(&key)>"Download raw copy"</button>
                                </li>
                            }
                            .into_any(),
                        }}
                    </For>
                </ul>
            </Show>
            <form class="mk-form" on:submit=submit>
                <div class="mk-field">
                    <label for="delete-everything-confirm">{format!("Type {CONFIRM_WORD} to confirm")}</label>
                    <input id="delete-everything-confirm" type="text" autocomplete="off" spellcheck="false"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                </div>
                <div class="mk-actions">
                    <button type="submit" class="mk-button mk-button--danger" data-testid="delete-everything"
                        prop:disabled=move || !confirmed()>
                        "Delete everything"
                    </button>
                    <button type="button" class="mk-button" on:click=move |_| on_close.run(())>"Cancel"</button>
                </div>
            </form>
        </div>
    }
}
