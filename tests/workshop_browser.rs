//! Component tests of workshop mode in headless Chromium (wasm-bindgen-test): the stage
//! tells nothing by colour alone, and the window-to-window channel delivers only
//! well-formed messages, per program.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use mentorkit::app::workshop::StageChannel;
use mentorkit::core::model::ProgramId;
use mentorkit::core::workshop::{
    ChangeView, PairChange, PairSlide, Slide, StageMessage, StageView,
};
use mentorkit::ui::components::control_strip::ControlStrip;
use mentorkit::ui::components::stage::Stage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
use dom::{container, tick};

fn slide(number: usize, mentee: &str, mentor: &str, locked: bool, delta: Option<i64>) -> PairSlide {
    PairSlide {
        number,
        mentee: mentee.into(),
        mentor: mentor.into(),
        score: Some(70),
        reasons: vec!["Shared goals (20 of 25 points)".into()],
        locked,
        published: false,
        delta,
    }
}

fn view_with_change() -> StageView {
    let a = slide(1, "Ana", "Ben", true, None);
    let b = slide(2, "Chen", "Dee", false, Some(-4));
    let c = slide(3, "Eli", "Fay", false, Some(6));
    StageView {
        title: "Pilot".into(),
        step: 3,
        last_step: 4,
        slide: Slide::Pair(c.clone()),
        revealed: vec![a, b, c],
        selected: Some(2),
        picked: Some(1),
        change: Some(ChangeView {
            applied: false,
            label: "Swap the mentees of pair 2 and pair 3".into(),
            pairs: vec![PairChange {
                mentee: "Eli".into(),
                mentor_before: Some("Fay".into()),
                mentor_after: Some("Dee".into()),
                before: Some(64),
                after: Some(70),
                delta: 6,
            }],
            total_before: 200,
            total_after: 202,
        }),
        total_score: 200,
        announcement: "Pair 3 of 3: Eli with mentor Fay, score 70.".into(),
    }
}

/// Issue #5: locked, selected, picked and deltas must be readable without colour.
#[wasm_bindgen_test]
async fn the_stage_says_in_words_what_colour_would_show() {
    let el = container();
    let shown = RwSignal::new(None::<StageView>);
    let _handle = leptos::mount::mount_to(el.clone(), move || view! { <Stage view=shown/> });
    assert!(el
        .text_content()
        .unwrap_or_default()
        .contains("Waiting for the presenter"));
    shown.set(Some(view_with_change()));
    tick().await;
    let text = el.text_content().unwrap_or_default();
    for needle in [
        "Locked",
        "selected",
        "picked for a swap",
        "\u{2212}4 (down 4)",
        "+6 (up 6)",
        "What if: Swap the mentees of pair 2 and pair 3",
        "Cohort total 200 \u{2192} 202, +2 (up 2)",
        "Score 70 of 100",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in {text}");
    }
    let live = el
        .query_selector("[aria-live='polite']")
        .ok()
        .flatten()
        .expect("a live region");
    assert_eq!(
        live.text_content().as_deref(),
        Some("Pair 3 of 3: Eli with mentor Fay, score 70.")
    );
}

/// Issue 15: on a screen-sized stage a what-if preview takes the slide's place and a made
/// change keeps only its title and total; the classes that say so follow the view.
#[wasm_bindgen_test]
async fn a_fitted_stage_marks_a_preview_and_a_made_change() {
    let el = container();
    let shown = RwSignal::new(Some(view_with_change()));
    let fit = RwSignal::new(true);
    let _handle =
        leptos::mount::mount_to(el.clone(), move || view! { <Stage view=shown fit=fit/> });
    tick().await;
    let classes = || {
        el.query_selector("[data-testid='stage']")
            .ok()
            .flatten()
            .map(|s| s.class_name())
            .unwrap_or_default()
    };
    assert!(classes().contains("mk-stage--fit"), "{}", classes());
    assert!(classes().contains("mk-stage--preview"), "{}", classes());
    shown.update(|v| {
        if let Some(c) = v.as_mut().and_then(|v| v.change.as_mut()) {
            c.applied = true;
        }
    });
    tick().await;
    assert!(classes().contains("mk-stage--applied"), "{}", classes());
    assert!(!classes().contains("mk-stage--preview"), "{}", classes());
    fit.set(false);
    shown.update(|v| {
        if let Some(v) = v.as_mut() {
            v.change = None;
        }
    });
    tick().await;
    assert_eq!(classes(), "mk-stage");
}

/// Lets the browser run for `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("sleep");
}

/// Issue 15: the control strip hides a few seconds after the last activity, comes back
/// when a control in it gets the focus, and stays while held (a form open in it).
#[wasm_bindgen_test]
async fn the_control_strip_hides_when_idle_and_shows_on_focus() {
    let el = container();
    let hold = RwSignal::new(false);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ControlStrip label="Test controls" hold=hold>
                <button id="strip-test-button">"Go"</button>
            </ControlStrip>
        }
    });
    let state = || {
        el.query_selector("[data-testid='control-strip']")
            .ok()
            .flatten()
            .and_then(|s| s.get_attribute("data-state"))
            .unwrap_or_default()
    };
    tick().await;
    assert_eq!(state(), "shown");
    sleep(3_300).await;
    assert_eq!(state(), "hidden");
    let button: web_sys::HtmlElement = el
        .query_selector("#strip-test-button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok())
        .expect("button");
    button.focus().expect("focus");
    tick().await;
    assert_eq!(state(), "shown");
    hold.set(true);
    sleep(3_300).await;
    assert_eq!(state(), "shown", "held");
    hold.set(false);
    sleep(3_300).await;
    assert_eq!(state(), "hidden");
}

/// The audience's "hello" reaches the presenter; other programs' channels and garbage on
/// the channel are ignored, never a panic.
#[wasm_bindgen_test]
async fn the_channel_delivers_well_formed_messages_per_program() {
    let got = Rc::new(RefCell::new(Vec::<StageMessage>::new()));
    let other = Rc::new(RefCell::new(Vec::<StageMessage>::new()));
    let sink = got.clone();
    let presenter = StageChannel::open(&ProgramId::from("p1"), move |m| sink.borrow_mut().push(m))
        .expect("channel");
    let sink = other.clone();
    let _elsewhere = StageChannel::open(&ProgramId::from("p2"), move |m| sink.borrow_mut().push(m))
        .expect("channel");
    let audience = StageChannel::open(&ProgramId::from("p1"), |_| {}).expect("channel");
    // Garbage from some other script on the same channel name.
    let raw = web_sys::BroadcastChannel::new("mentorkit-workshop:p1").expect("raw channel");
    raw.post_message(&wasm_bindgen::JsValue::from_str("{\"kind\":\"nope\"}"))
        .expect("post");
    raw.post_message(&wasm_bindgen::JsValue::from_f64(42.0))
        .expect("post");
    audience.post(&StageMessage::Hello);
    audience.post(&StageMessage::State(Box::new(view_with_change())));
    for _ in 0..20 {
        if got.borrow().len() >= 2 {
            break;
        }
        tick().await;
    }
    raw.close();
    let got = got.borrow();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], StageMessage::Hello);
    assert_eq!(got[1], StageMessage::State(Box::new(view_with_change())));
    assert!(
        other.borrow().is_empty(),
        "another program's window heard it"
    );
    drop(presenter);
}
