//! A program's page: header, save state, banners, section navigation.

use leptos::prelude::*;

use crate::app::route::{Route, Section};
use crate::app::session::{use_session, Conflict, Session};
use crate::app::use_app;
use crate::core::model::ProgramId;
use crate::ui::components::draft_list::DraftHistory;
use crate::ui::components::save_indicator::SaveIndicator;
use crate::ui::components::share_dialog::ShareButton;
use crate::ui::components::suggestions::SuggestionStore;
use crate::ui::pages::{
    matching::MatchingSection, overview::OverviewSection, participants::ParticipantsSection,
    present::PresenterSection, relationships::RelationshipsSection, reports::ReportsSection,
};

/// The page of one program; the section comes from the route.
#[component]
pub fn ProgramPage(
    /// The program to open.
    id: ProgramId,
) -> impl IntoView {
    let app = use_app();
    match Session::open(app, &id) {
        Ok(session) => {
            provide_context(session);
            // Kept while the program is open, so switching sections keeps the lists.
            provide_context(SuggestionStore::new());
            on_cleanup(move || session.flush());
            view! { <OpenProgram/> }.into_any()
        }
        Err(e) => view! {
            <main id="main" class="mk-page mk-page--narrow" tabindex="-1">
                <h1>"This program could not be opened"</h1>
                <p>{format!("{e}.")}</p>
                <p><a href="#/">"Back to your programs"</a></p>
            </main>
        }
        .into_any(),
    }
}

/// The open program: workshop (projector) mode has a page of its own, every other section
/// the program's header and tabs. The draft's undo history lives here, so the Matching page
/// and workshop mode share it and it survives switching between them.
#[component]
fn OpenProgram() -> impl IntoView {
    let app = use_app();
    provide_context(DraftHistory::new());
    let presenting = Memo::new(move |_| {
        matches!(
            app.route.get(),
            Route::Program {
                section: Section::Present,
                ..
            }
        )
    });
    move || {
        if presenting.get() {
            view! { <PresenterSection/> }.into_any()
        } else {
            view! { <ProgramSections/> }.into_any()
        }
    }
}

#[component]
fn ProgramSections() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let section = Memo::new(move |_| match app.route.get() {
        Route::Program { section, .. } => section,
        _ => Section::Overview,
    });
    let name = move || session.program.with(|p| p.name.clone());
    let purpose = move || session.program.with(|p| p.purpose.label());
    let id = session.program.with_untracked(|p| p.id.clone());

    let body = move || match section.get() {
        Section::Overview => view! { <OverviewSection/> }.into_any(),
        Section::Participants => view! { <ParticipantsSection/> }.into_any(),
        Section::Matching => view! { <MatchingSection/> }.into_any(),
        Section::Relationships => view! { <RelationshipsSection/> }.into_any(),
        Section::Reports => view! { <ReportsSection/> }.into_any(),
        // Rendered by `OpenProgram` instead of the sections.
        Section::Present => ().into_any(),
    };

    view! {
        <main id="main" class="mk-page" tabindex="-1">
            <nav class="mk-breadcrumb" aria-label="Breadcrumb">
                <a href="#/">"Programs"</a>
                <span aria-hidden="true">" / "</span>
                <span aria-current="page">{name}</span>
            </nav>
            <div class="mk-page__head">
                <div>
                    <h1>{name}</h1>
                    <p class="mk-subtitle">{purpose}</p>
                </div>
                <div class="mk-actions">
                    <SaveIndicator state=session.save_state/>
                    <button class="mk-button" on:click=move |_| {
                        session.flush();
                        session.program.with_untracked(|p| app.export(p));
                    }>"Export program file"</button>
                    <ShareButton/>
                </div>
            </div>
            <ConflictBanner/>
            <ReadOnlyBanner/>
            <ImportReportPanel/>
            <nav class="mk-tabs" aria-label="Program sections">
                {Section::ALL
                    .into_iter()
                    .map(|s| {
                        let href = Route::Program { id: id.clone(), section: s }.to_string();
                        view! {
                            <a
                                class="mk-tabs__tab"
                                href=href
                                aria-current=move || (section.get() == s).then_some("page")
                            >
                                {s.label()}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <section class="mk-section" aria-label=move || section.get().label()>
                {body}
            </section>
        </main>
    }
}

/// Banner for changes made by another tab (bad inputs 38 and 39).
#[component]
fn ConflictBanner() -> impl IntoView {
    let session = use_session();
    move || {
        session.conflict.get().map(|c| match c {
            Conflict::NewerElsewhere { stored } => view! {
                <div class="mk-banner mk-banner--warning" role="alert">
                    <p>
                        <strong>"This program was changed in another tab. "</strong>
                        {format!("The saved version (revision {stored}) is newer than what you see here, so this tab stops saving to avoid overwriting it.")}
                    </p>
                    <div class="mk-actions">
                        <button class="mk-button mk-button--primary" on:click=move |_| session.load_newer()>"Load the newer version"</button>
                        <button class="mk-button" on:click=move |_| session.keep_as_copy()>"Keep mine as a copy"</button>
                    </div>
                </div>
            }
            .into_any(),
            Conflict::Removed => view! {
                <div class="mk-banner mk-banner--warning" role="alert">
                    <p>
                        <strong>"This program was removed from browser storage by another tab. "</strong>
                        "What you see is only in this tab now."
                    </p>
                    <div class="mk-actions">
                        <button class="mk-button mk-button--primary" on:click=move |_| session.save_again()>"Save it again"</button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}

/// Banner for programs made by a newer MentorKit (bad input 37).
#[component]
fn ReadOnlyBanner() -> impl IntoView {
    let session = use_session();
    move || {
        session.read_only.get().map(|v| {
            view! {
                <div class="mk-banner mk-banner--info" role="status">
                    <strong>"Read-only. "</strong>
                    {format!("This program was saved by a newer MentorKit (file version {v}). You can look and export, but changes are not saved so the newer data is never overwritten.")}
                </div>
            }
        })
    }
}

/// What the last import repaired, for the imported program.
#[component]
fn ImportReportPanel() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let id = session.program.with_untracked(|p| p.id.clone());
    move || {
        app.import_report
            .get()
            .filter(|r| r.program == id && (!r.repairs.is_empty() || r.renamed_id))
            .map(|report| {
                let count = report.repairs.len();
                view! {
                    <section class="mk-banner mk-banner--info" aria-labelledby="import-report-title">
                        <h2 id="import-report-title" class="mk-banner__title">
                            {format!("Imported from {}", report.file_name)}
                        </h2>
                        {report.renamed_id.then(|| view! {
                            <p>"Your library already had this program, so it was imported as a new program; the existing one is unchanged."</p>
                        })}
                        {(count > 0).then(|| view! {
                            <details>
                                <summary>{format!("{count} repair(s) were made while reading the file")}</summary>
                                <ul class="mk-repairs">
                                    {report.repairs.iter().take(200).map(|r| view! {
                                        <li><code>{r.path.clone()}</code> ": " {r.message.clone()}</li>
                                    }).collect_view()}
                                </ul>
                            </details>
                        })}
                        <button class="mk-button mk-button--small" on:click=move |_| app.import_report.set(None)>"Dismiss"</button>
                    </section>
                }
            })
    }
}
