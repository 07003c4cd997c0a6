//! Relationships: published matches and their check-ins.

use leptos::prelude::*;

use crate::app::session::use_session;
use crate::core::model::MatchStatus;
use crate::ui::components::csv_export::{CsvExport, CsvExportButton};
use crate::ui::components::log_wizard::LogImportWizard;

/// The Relationships section.
#[component]
pub fn RelationshipsSection() -> impl IntoView {
    let s = use_session();
    let rows = move || {
        s.program.with(|p| {
            p.matches
                .iter()
                .filter(|m| m.status != MatchStatus::Proposed)
                .map(|m| {
                    let name = |id| {
                        p.person(id)
                            .map_or_else(|| "?".to_owned(), |x| x.name.clone())
                    };
                    (
                        m.id.0.clone(),
                        name(&m.mentor),
                        name(&m.mentee),
                        m.status.label(),
                        m.started_on.map(|d| d.to_string()).unwrap_or_default(),
                        m.check_ins.len(),
                        m.cycle,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mk-actions mk-section__actions"><CsvExportButton what=CsvExport::Matches/><LogImportWizard/></div>
        <Show when=move || !rows().is_empty() fallback=|| view! {
            <p class="mk-empty-line">
                "No relationships yet: they start when a draft of matches is published. "
                "Check-ins (pulse surveys, meeting logs) are recorded here once relationships run."
            </p>
        }>
            <div class="mk-table-wrap">
                <table class="mk-table">
                    <caption class="mk-visually-hidden">"Relationships"</caption>
                    <thead><tr>
                        <th scope="col">"Mentor"</th><th scope="col">"Mentee"</th><th scope="col">"Status"</th>
                        <th scope="col">"Started"</th><th scope="col">"Check-ins"</th><th scope="col">"Cycle"</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(_, mentor, mentee, status, started, check_ins, cycle)| view! {
                            <tr><th scope="row">{mentor}</th><td>{mentee}</td><td>{status}</td><td>{started}</td>
                            <td class="mk-num">{check_ins}</td><td class="mk-num">{cycle}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
