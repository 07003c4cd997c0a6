//! Component tests in headless Chromium (wasm-bindgen-test): the app shell, the save
//! indicator, the notice channel and how user text is rendered.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use mentorkit::app::notices::{NoticeKind, Notices};
use mentorkit::app::AppContext;
use mentorkit::persist::autosave::SaveState;
use mentorkit::persist::StoreError;
use mentorkit::ui::components::notices::NoticeStack;
use mentorkit::ui::components::save_indicator::SaveIndicator;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
use dom::{container, tick};

#[wasm_bindgen_test]
async fn save_indicator_says_why_a_program_is_not_saved() {
    let el = container();
    let state = RwSignal::new(SaveState::Saved {
        revision: 3,
        at: String::new(),
    });
    let _handle =
        leptos::mount::mount_to(el.clone(), move || view! { <SaveIndicator state=state/> });
    assert!(el.text_content().unwrap_or_default().contains("Saved"));
    // Bad input 35: quota exceeded is said in words, with what to do.
    state.set(SaveState::Failed(StoreError::QuotaExceeded));
    tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("storage is full"), "{text}");
    assert!(text.contains("Export"), "{text}");
    state.set(SaveState::Conflict { stored: 9 });
    tick().await;
    assert!(el
        .text_content()
        .unwrap_or_default()
        .contains("another tab"));
}

#[wasm_bindgen_test]
async fn a_notice_action_runs_once_and_removes_the_notice() {
    let el = container();
    let ran = Rc::new(Cell::new(0));
    let ran2 = ran.clone();
    let notices = RwSignal::new(None::<Notices>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        let app = AppContext::new();
        provide_context(app);
        notices.set(Some(app.notices));
        view! { <NoticeStack/> }
    });
    let n = notices.get_untracked().expect("notices");
    n.with_action(
        NoticeKind::Info,
        "Deleted \u{201c}X\u{201d}",
        "Undo",
        move || ran2.set(ran2.get() + 1),
    );
    tick().await;
    let button = el
        .query_selector(".mk-notice button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("undo button");
    assert_eq!(button.text_content().as_deref(), Some("Undo"));
    button.click();
    tick().await;
    assert_eq!(ran.get(), 1);
    assert!(el.query_selector(".mk-notice").ok().flatten().is_none());
}

/// Bad input 22: markup in user text is shown literally, never parsed.
#[wasm_bindgen_test]
async fn markup_in_notices_is_shown_as_text() {
    let el = container();
    let notices = RwSignal::new(None::<Notices>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        let app = AppContext::new();
        provide_context(app);
        notices.set(Some(app.notices));
        view! { <NoticeStack/> }
    });
    let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    notices.get_untracked().expect("notices").error(hostile);
    tick().await;
    assert!(el.text_content().unwrap_or_default().contains(hostile));
    assert!(el.query_selector("img").ok().flatten().is_none());
    assert!(el.query_selector("script").ok().flatten().is_none());
}
