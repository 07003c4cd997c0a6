//! The edit pipeline in the browser (wasm-bindgen-test): every change goes through
//! `Session::commit`; a refused change changes, records and saves nothing and says why; a
//! change that changes nothing is neither recorded nor saved; undo works across the
//! program's sections and says what it undid.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mentorkit::app::route::{Route, Section};
use mentorkit::app::session::{CommitError, Session};
use mentorkit::app::AppContext;
use mentorkit::core::matching::config::ConfigEdit;
use mentorkit::core::model::{Program, ProgramId};
use mentorkit::core::program::setup::{SetupEdit, SetupError};
use mentorkit::persist::AUTOSAVE_DELAY_MS;
use mentorkit::ui::pages::program::ProgramPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
use dom::{container, tick};

fn program(name: &str) -> Program {
    let id = format!("sess-{name}-{}", (js_sys::Math::random() * 1e9) as u64);
    Program::new(ProgramId::from(id.as_str()), name)
}

/// A stored program opened in a session (no page around it).
fn open(
    p: &Program,
) -> (
    AppContext,
    Session,
    leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
) {
    let out = RwSignal::new(None::<(AppContext, Session)>);
    let p = p.clone();
    let handle = leptos::mount::mount_to(container(), move || {
        let app = AppContext::new();
        provide_context(app);
        app.add_program(&p).expect("stored");
        let session = Session::open(app, &p.id).expect("opened");
        out.set(Some((app, session)));
        view! { <p>"session"</p> }.into_any()
    });
    let (app, session) = out.get_untracked().expect("mounted");
    (app, session, handle)
}

fn stored_revision(app: &AppContext, id: &ProgramId) -> Option<u64> {
    app.library().borrow().stored_revision(id).ok().flatten()
}

/// Waits past the autosave delay.
async fn after_autosave() {
    for _ in 0..(AUTOSAVE_DELAY_MS as u32 / 30 + 10) {
        tick().await;
    }
}

/// A refused edit (bad input 41: an end date before the start date) leaves the program,
/// the history and storage exactly as they were, and the error is shown.
#[wasm_bindgen_test]
async fn a_refused_edit_changes_records_and_saves_nothing() {
    let p = program("refused");
    let (app, s, _h) = open(&p);
    let before = s.program.get_untracked();
    let start = "2027-03-01".parse().ok();
    let end = "2027-01-01".parse().ok();
    let result = s.commit(SetupEdit::SetDates { start, end });
    assert!(matches!(
        result,
        Err(CommitError::Edit(
            mentorkit::core::edit::EditError::Refused(SetupError::DatesOutOfOrder { .. })
        ))
    ));
    assert_eq!(s.program.get_untracked(), before);
    assert_eq!(s.undo_label(), None);
    let notices = app.notices.list().get_untracked();
    assert!(
        notices
            .iter()
            .any(|n| n.text.contains("is before the start date")),
        "{notices:?}"
    );
    after_autosave().await;
    assert_eq!(stored_revision(&app, &p.id), Some(1));
}

/// A change that changes nothing is not recorded and not saved.
#[wasm_bindgen_test]
async fn an_edit_that_changes_nothing_is_not_saved_or_recorded() {
    let p = program("noop");
    let (app, s, _h) = open(&p);
    let algorithm = p.matching.algorithm;
    let done = s.commit(ConfigEdit::SetAlgorithm(algorithm)).expect("made");
    assert!(!done.changed());
    assert_eq!(s.undo_label(), None);
    after_autosave().await;
    s.flush();
    assert_eq!(stored_revision(&app, &p.id), Some(1));

    // A real change is recorded and saved once.
    s.commit(SetupEdit::Rename("Renamed".into())).expect("made");
    after_autosave().await;
    assert_eq!(stored_revision(&app, &p.id), Some(2));
    assert_eq!(
        s.undo_label().as_deref(),
        Some("Rename the program to \u{201c}Renamed\u{201d}")
    );
}

/// A read-only program (bad input 37) refuses every change, and says so.
#[wasm_bindgen_test]
async fn a_read_only_program_refuses_changes() {
    let p = program("ro");
    let (app, s, _h) = open(&p);
    s.read_only.set(Some(9));
    let result = s.commit(SetupEdit::Rename("Changed".into()));
    assert!(matches!(result, Err(CommitError::ReadOnly)));
    assert_eq!(s.program.with_untracked(|x| x.name.clone()), "ro");
    assert!(app
        .notices
        .list()
        .get_untracked()
        .iter()
        .any(|n| n.text.contains("read-only")));
}

fn heading(el: &web_sys::HtmlElement) -> String {
    el.query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

fn button(el: &web_sys::HtmlElement, testid: &str) -> web_sys::HtmlButtonElement {
    el.query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok())
        .unwrap_or_else(|| panic!("no {testid} button"))
}

/// Undo works for every kind of edit on every page: a change made on Overview is undone
/// from the Matching page's header, which says what it undoes; redo makes it again.
#[wasm_bindgen_test]
async fn undo_works_across_the_programs_sections() {
    let p = program("pages");
    let el = container();
    let app_out = RwSignal::new(None::<AppContext>);
    let id = p.id.clone();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        let app = AppContext::new();
        provide_context(app);
        app.add_program(&p).expect("stored");
        app.navigate(&Route::Program {
            id: p.id.clone(),
            section: Section::Overview,
        });
        app_out.set(Some(app));
        view! { <ProgramPage id=p.id.clone()/> }
    });
    tick().await;
    let app = app_out.get_untracked().expect("app");
    let undo = button(&el, "undo");
    assert!(undo.disabled(), "nothing to undo yet");

    // Rename on Overview (a change event, as typing and leaving the field does).
    let name: web_sys::HtmlInputElement = el
        .query_selector("#program-name")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("name input");
    name.set_value("Spring cohort");
    name.dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatched");
    tick().await;

    // Go to Matching: the same history, the same label.
    app.navigate(&Route::Program {
        id: id.clone(),
        section: Section::Matching,
    });
    tick().await;
    let undo = button(&el, "undo");
    assert_eq!(
        undo.text_content().as_deref(),
        Some("Undo: Rename the program to \u{201c}Spring cohort\u{201d}")
    );
    undo.click();
    tick().await;
    assert_eq!(heading(&el), "pages");
    assert!(app
        .notices
        .list()
        .get_untracked()
        .iter()
        .any(|n| n.text.starts_with("Undone: Rename the program")));
    button(&el, "redo").click();
    tick().await;
    assert_eq!(heading(&el), "Spring cohort");
}
