//! Buttons that download the open program's participants or matches as CSV, with
//! formula-safe cells (bad input 29), for spreadsheets and HR systems.

use leptos::prelude::*;

use crate::app::browser::{download_text, slug};
use crate::app::session::use_session;
use crate::app::use_app;
use crate::core::exchange::csv::{export_matches, export_participants};

/// What a CSV export contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvExport {
    /// Every participant, in columns the CSV import reads back (no sensitive answers, no notes).
    Participants,
    /// The current cycle's matches: both names and e-mails, score, status.
    Matches,
}

/// A button that downloads the open program as CSV.
#[component]
pub fn CsvExportButton(
    /// Participants or matches.
    what: CsvExport,
) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let (label, suffix) = match what {
        CsvExport::Participants => ("Export participants (CSV)", "participants"),
        CsvExport::Matches => ("Export matches (CSV)", "matches"),
    };
    let download = move |_| {
        let (name, text) = session.program.with_untracked(|p| {
            let text = match what {
                CsvExport::Participants => export_participants(p),
                CsvExport::Matches => export_matches(p),
            };
            (format!("{}-{suffix}.csv", slug(&p.name)), text)
        });
        match download_text(&name, "text/csv", &text) {
            Ok(()) => app.notices.success(format!("Exported {name}")),
            Err(e) => app.notices.error(e.to_string()),
        }
    };
    view! { <button type="button" class="mk-button" on:click=download>{label}</button> }
}
