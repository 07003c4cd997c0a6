//! Loading a mapping file in the columns step: a JSON object of CSV header -> target name
//! (the kind of file the command-line tool's imports take with `--mapping`), applied by the
//! core's `Mapping::apply_file`, so a form exported every month maps itself the same way.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file::CsvFile;
use super::parts::FileButton;
use crate::app::browser::read_file;
use crate::core::exchange::csv::{ColumnTarget, Mapping};

/// A "Load a mapping file…" button (a file input styled as one), what it did, and why a
/// file could not be used (the mapping is then unchanged).
#[component]
pub(crate) fn MappingFileLoader<T>(
    /// The wizard's file (its headers name the columns).
    file: CsvFile,
    /// The mapping the file changes.
    mapping: RwSignal<Mapping<T>>,
    /// An example for the hint (`{"Email Address": "respondent_email"}`).
    example: &'static str,
) -> impl IntoView
where
    T: ColumnTarget + Send + Sync + 'static,
{
    let hint_id = file.id("mapping-file-hint");
    let done = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let on_pick = move |picked: web_sys::File| {
        let Some(sniffed) = file.sniffed.get_untracked() else {
            return;
        };
        done.set(None);
        error.set(None);
        spawn_local(async move {
            let name = picked.name();
            let result = read_file(picked).await;
            // Dropped when the dialog closed or another CSV file was read meanwhile.
            let same_file = file
                .sniffed
                .try_with_untracked(|s| s.as_ref().is_some_and(|s| Arc::ptr_eq(s, &sniffed)))
                .unwrap_or(false);
            if !same_file {
                return;
            }
            // An empty error only when the wizard is gone, where nothing is shown anyway.
            let applied = result.map_err(|e| e.to_string()).and_then(|bytes| {
                let text = String::from_utf8(bytes)
                    .map_err(|_| "the file is not UTF-8 text".to_owned())?;
                let mut next = mapping.try_get_untracked().ok_or_else(String::new)?;
                file.session
                    .program
                    .try_with_untracked(|p| next.apply_file(&sniffed.headers, &text, p))
                    .ok_or_else(String::new)?
                    .map_err(|e| e.to_string())?;
                Ok(next)
            });
            match applied {
                Ok(next) => {
                    mapping.try_set(next);
                    done.try_set(Some(format!("Columns mapped by {name}.")));
                }
                Err(e) => {
                    error.try_set(Some(format!(
                        "{name} cannot be used: {e}. The columns were not changed."
                    )));
                }
            }
        });
    };
    view! {
        <div class="mk-field">
            <FileButton
                id=file.id("mapping-file")
                label="Load a mapping file…"
                accept=".json,application/json"
                described_by=hint_id.clone()
                on_pick=Callback::new(on_pick)
            />
            <p id=hint_id class="mk-hint">
                {format!("A JSON file of column header \u{2192} what it imports as, e.g. {example}.")}
            </p>
            <p class="mk-wizard__status" role="status">{move || done.get()}</p>
            {move || error.get().map(|e| view! { <p class="mk-wizard__error" role="alert">{e}</p> })}
        </div>
    }
}
