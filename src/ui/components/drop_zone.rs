//! Drop a program file anywhere on the window to import it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser::read_file;
use crate::app::use_app;

/// A window-wide drop target with a visible overlay while a file is dragged over.
#[component]
pub fn WindowDropZone() -> impl IntoView {
    let app = use_app();
    let dragging = RwSignal::new(false);

    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .map(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            })
            .unwrap_or(false)
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Only when leaving the window, not when moving between children.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        ev.prevent_default();
        spawn_local(async move {
            let name = file.name();
            match read_file(file).await {
                Ok(bytes) => app.import_file(&name, &bytes),
                Err(e) => app.notices.error(format!("{e}. Nothing was changed.")),
            }
        });
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });

    move || {
        dragging.get().then(|| {
            view! {
                <div class="mk-drop-overlay" aria-hidden="true">
                    <p>"Drop a MentorKit program file to import it as a new program"</p>
                </div>
            }
        })
    }
}
