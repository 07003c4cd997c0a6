//! The saved / saving / not saved indicator of the open program.

use leptos::prelude::*;

use crate::persist::autosave::SaveState;
use crate::persist::StoreError;

/// Shows the autosave state in words (never by colour alone).
#[component]
pub fn SaveIndicator(
    /// The autosave state.
    #[prop(into)]
    state: Signal<SaveState>,
) -> impl IntoView {
    let view_state = move || {
        let (class, text): (&str, String) = match state.get() {
            SaveState::Saved { .. } => ("mk-save mk-save--ok", "Saved in this browser".into()),
            SaveState::Pending | SaveState::Saving => ("mk-save mk-save--busy", "Saving\u{2026}".into()),
            SaveState::Failed(StoreError::QuotaExceeded) => (
                "mk-save mk-save--error",
                "Not saved: browser storage is full. Export now; saving is retried on your next change.".into(),
            ),
            SaveState::Failed(e) => ("mk-save mk-save--error", format!("Not saved: {e}")),
            SaveState::Conflict { stored } => (
                "mk-save mk-save--error",
                format!("Not saved: another tab saved a newer version (revision {stored})"),
            ),
            SaveState::ReadOnly => ("mk-save mk-save--error", "Read-only: not saved".into()),
            SaveState::MemoryOnly => (
                "mk-save mk-save--error",
                "Not saved: this browser keeps no data. Export your work.".into(),
            ),
        };
        view! { <span class=class>{text}</span> }
    };
    view! { <div class="mk-save-indicator" role="status" aria-live="polite">{view_state}</div> }
}
