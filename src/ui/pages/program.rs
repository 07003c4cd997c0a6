//! A program's page: header, save state, banners, section navigation.

use leptos::ev;
use leptos::prelude::*;

use crate::app::browser::in_text_field;
use crate::app::route::{Route, Section};
use crate::app::session::{use_session, Conflict, Session};
use crate::app::suggestions::SuggestionStore;
use crate::app::use_app;
use crate::core::model::ProgramId;
use crate::ui::components::save_indicator::SaveIndicator;
use crate::ui::components::share_dialog::ShareButton;
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
/// the program's header and tabs. The program's one undo history lives in its session, so
/// every section and workshop mode share it and it survives switching between them.
#[component]
fn OpenProgram() -> impl IntoView {
    let app = use_app();
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
                    <UndoRedo/>
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

/// Undo and Redo for every change to the program, with what they would undo or redo, and
/// Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) when the keyboard is not in a text field (where they
/// undo typing instead).
#[component]
fn UndoRedo() -> impl IntoView {
    let s = use_session();
    let app = use_app();
    let undo = move || match s.undo() {
        Some(label) => app.notices.info(format!("Undone: {label}.")),
        None if s.can_edit() => app.notices.info("Nothing to undo."),
        None => {}
    };
    let redo = move || match s.redo() {
        Some(label) => app.notices.info(format!("Redone: {label}.")),
        None if s.can_edit() => app.notices.info("Nothing to redo."),
        None => {}
    };
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || in_text_field(&e) {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => {
                e.prevent_default();
                redo();
            }
            "z" => {
                e.prevent_default();
                undo();
            }
            "y" => {
                e.prevent_default();
                redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <button class="mk-button" data-testid="undo"
            disabled=move || s.undo_label().is_none()
            title="Ctrl+Z" aria-keyshortcuts="Control+Z"
            on:click=move |_| undo()>
            {move || s.undo_label().map_or("Undo".to_owned(), |l| format!("Undo: {l}"))}
        </button>
        <button class="mk-button" data-testid="redo"
            disabled=move || s.redo_label().is_none()
            title="Ctrl+Shift+Z" aria-keyshortcuts="Control+Shift+Z"
            on:click=move |_| redo()>
            {move || s.redo_label().map_or("Redo".to_owned(), |l| format!("Redo: {l}"))}
        </button>
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
                            {report.heading.clone()}
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
