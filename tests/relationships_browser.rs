//! The Relationships page in headless Chromium: counts and the table from a published
//! program, the detail panel's forms committing through the session (log a meeting, end
//! early with a rematch), a refused length shown next to its field, and undo.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mentorkit::app::browser::today;
use mentorkit::app::session::Session;
use mentorkit::app::AppContext;
use mentorkit::core::edit::{apply, Operation};
use mentorkit::core::matching::draft::DraftEdit;
use mentorkit::core::model::{MatchStatus, Program, ProgramId, Role};
use mentorkit::core::program::demo::demo_program;
use mentorkit::ui::pages::relationships::RelationshipsSection;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
use dom::{container, find, tick};

fn commit<O: Operation>(p: &mut Program, op: O)
where
    O::Error: std::fmt::Debug,
{
    *p = apply(p, op).expect("applied").program;
}

/// The demo program with three relationships published 40 days ago.
fn published() -> Program {
    let id = format!("rel-{}", (js_sys::Math::random() * 1e9) as u64);
    let mut p = demo_program(ProgramId::from(id.as_str()));
    let mentors: Vec<_> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentor && x.capacity > 0)
        .map(|x| x.id.clone())
        .take(3)
        .collect();
    let mentees: Vec<_> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentee)
        .map(|x| x.id.clone())
        .take(3)
        .collect();
    for (mentor, mentee) in mentors.into_iter().zip(mentees) {
        commit(
            &mut p,
            DraftEdit::MatchByHand {
                mentor,
                mentee,
                allow_excluded: true,
            },
        );
    }
    let start = today().unwrap().add_days(-40);
    commit(&mut p, DraftEdit::Publish { start });
    p
}

struct Page {
    root: web_sys::HtmlElement,
    session: Session,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn mount(p: &Program) -> Page {
    mount_with(p, AppContext::new)
}

/// Mounts the page on a program held by the app built by `app`.
fn mount_with(p: &Program, app: fn() -> AppContext) -> Page {
    let root = container();
    let out = RwSignal::new(None::<Session>);
    let p = p.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let app = app();
        provide_context(app);
        app.add_program(&p).expect("stored");
        let session = Session::open(app, &p.id).expect("opened");
        provide_context(session);
        out.set(Some(session));
        view! { <RelationshipsSection/> }.into_any()
    });
    Page {
        root,
        session: out.get_untracked().expect("mounted"),
        _handle: handle,
    }
}

fn set_value(root: &web_sys::HtmlElement, selector: &str, value: &str, event: &str) {
    let el = find(root, selector);
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(sel) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        sel.set_value(value);
    }
    // Leptos delegates events to the document, so they must bubble.
    let make = js_sys::Function::new_with_args("t", "return new Event(t, { bubbles: true });");
    let ev: web_sys::Event = make
        .call1(&wasm_bindgen::JsValue::NULL, &event.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn text(root: &web_sys::HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

async fn open_first(page: &Page) {
    find(&page.root, ".mk-rel-table tbody th button").click();
    tick().await;
    assert!(page
        .root
        .query_selector("#rel-detail-title")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn the_table_counts_and_explains_health() {
    let page = mount(&published());
    tick().await;
    let all = text(&page.root);
    // 40 days, no meeting: each needs attention for no first meeting.
    assert!(all.contains("3 relationships"), "{all}");
    assert!(
        all.contains("No first meeting yet: 40 days since the start"),
        "{all}"
    );
    let needs = find(&page.root, "[data-health=needs_attention].mk-stat");
    assert!(needs.text_content().unwrap().contains('3'));
    // The health button filters the table.
    find(&page.root, "[data-health=on_track].mk-stat").click();
    tick().await;
    assert!(text(&page.root).contains("0 of 3 relationships shown"));
}

#[wasm_bindgen_test]
async fn logging_a_meeting_commits_once_and_undoes() {
    let page = mount(&published());
    tick().await;
    open_first(&page).await;
    set_value(&page.root, "#rel-meeting-length", "1h 30m", "input");
    find(&page.root, "[data-testid=rel-log-meeting]").click();
    tick().await;
    let meetings = |s: &Session| {
        s.program
            .with_untracked(|p| p.matches.iter().map(|m| m.meetings.len()).sum::<usize>())
    };
    assert_eq!(meetings(&page.session), 1);
    let minutes = page.session.program.with_untracked(|p| {
        p.matches
            .iter()
            .flat_map(|m| m.meetings.iter())
            .map(|x| x.minutes)
            .next()
            .flatten()
    });
    assert_eq!(minutes, Some(90));
    assert!(text(&page.root).contains("1 h 30 min"));
    assert!(page.session.undo().unwrap().starts_with("Log a meeting of"));
    assert_eq!(meetings(&page.session), 0);
}

/// Bad input 46 in the form: a length that does not parse is said next to the form and
/// nothing is logged.
#[wasm_bindgen_test]
async fn a_meeting_length_that_does_not_parse_is_refused_in_place() {
    let page = mount(&published());
    tick().await;
    open_first(&page).await;
    let before = page.session.program.get_untracked();
    set_value(&page.root, "#rel-meeting-length", "soon", "input");
    find(&page.root, "[data-testid=rel-log-meeting]").click();
    tick().await;
    assert!(
        text(&page.root).contains("is not a meeting length"),
        "{}",
        text(&page.root)
    );
    assert_eq!(page.session.program.get_untracked(), before);
}

#[wasm_bindgen_test]
async fn ending_early_with_a_rematch_queues_the_mentee() {
    let page = mount(&published());
    tick().await;
    open_first(&page).await;
    find(&page.root, "[data-testid=rel-action-ended_early]").click();
    tick().await;
    set_value(&page.root, "#rel-transition-reason", "no_time", "change");
    find(&page.root, "#rel-rematch-never").click();
    find(&page.root, "[data-testid=rel-transition-confirm]").click();
    tick().await;
    let p = page.session.program.get_untracked();
    let ended: Vec<_> = p
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::EndedEarly)
        .collect();
    assert_eq!(ended.len(), 1);
    let event = ended[0].events.last().unwrap();
    assert_eq!(event.reason.map(|r| r.key()), Some("no_time"));
    assert_eq!(p.rematch.len(), 1);
    assert_eq!(p.rematch[0].mentee, ended[0].mentee);
    assert!(p
        .matching
        .rules
        .forbidden_pairs
        .iter()
        .any(|x| x.mentee == ended[0].mentee && x.mentor == ended[0].mentor));
    assert!(
        text(&page.root).contains("Ended early, asked for by the coordinator: no time right now"),
        "{}",
        text(&page.root)
    );
}

/// Bad input 72: 5,000 relationships with 20 check-ins each; the page puts one page of 50
/// rows in the DOM, and paging and searching work over all of them.
#[wasm_bindgen_test]
async fn five_thousand_relationships_render_one_page_at_a_time() {
    let as_of = today().unwrap();
    let id = format!("rel-big-{}", (js_sys::Math::random() * 1e9) as u64);
    let mut p = mentorkit::core::relationships::synthetic::program(5_000, 20, as_of, 3);
    p.id = ProgramId::from(id.as_str());
    // Browser storage cannot hold this much yet (a library in memory stands in for it).
    let page = mount_with(&p, || {
        AppContext::with_library(
            mentorkit::persist::Library::open(Box::new(mentorkit::persist::MemoryBackend::new())),
            mentorkit::persist::web::StorageStatus::Persistent,
        )
    });
    tick().await;
    let rows = || {
        page.root
            .query_selector_all(".mk-rel-table tbody tr")
            .unwrap()
            .length()
    };
    assert_eq!(rows(), 50);
    assert!(
        text(&page.root).contains("Rows 1\u{2013}50 of 5000"),
        "{}",
        text(&page.root)
    );
    let email = p
        .people
        .iter()
        .find(|x| x.id == p.matches[0].mentee)
        .unwrap()
        .email
        .clone();
    set_value(&page.root, "#rel-search", &email, "input");
    tick().await;
    assert!(rows() >= 1 && rows() < 50, "{}", rows());
}
