//! Component tests of the Participants page in headless Chromium: the person form's inline
//! validation and keyboard handling, the table's rendering, sorting and selection, and the
//! bulk bar's capacity check.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use std::collections::HashSet;

use leptos::prelude::*;
use mentorkit::core::model::{Person, PersonId, Program, ProgramId, Role};
use mentorkit::core::people::{CheckedPerson, PeopleFilter, PeopleIndex, Sort};
use mentorkit::core::program::demo::demo_program;
use mentorkit::ui::components::people_bulk::PeopleBulkBar;
use mentorkit::ui::components::people_table::PeopleTable;
use mentorkit::ui::components::person_form::PersonForm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
use dom::{container, find, tick};

/// A bubbling event (Leptos delegates events to the document, so they must bubble).
fn bubbling(kind: &str, key: Option<&str>) -> web_sys::Event {
    let make = js_sys::Function::new_with_args(
        "t, k",
        "return k ? new KeyboardEvent(t, { key: k, bubbles: true }) : new Event(t, { bubbles: true });",
    );
    make.call2(
        &JsValue::NULL,
        &JsValue::from_str(kind),
        &key.map_or(JsValue::NULL, JsValue::from_str),
    )
    .expect("event")
    .dyn_into()
    .expect("an Event")
}

fn type_into(root: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector).dyn_into().expect("input");
    input.set_value(text);
    input
        .dispatch_event(&bubbling("input", None))
        .expect("dispatch");
}

fn select(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = find(root, selector).dyn_into().expect("select");
    el.set_value(value);
    el.dispatch_event(&bubbling("change", None))
        .expect("dispatch");
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

struct FormHarness {
    el: web_sys::HtmlElement,
    saved: RwSignal<Vec<CheckedPerson>>,
    cancelled: RwSignal<u32>,
    _handle: Box<dyn std::any::Any>,
}

fn mount_form(program: Program, editing: Option<PersonId>) -> FormHarness {
    let el = container();
    let saved = RwSignal::new(Vec::new());
    let cancelled = RwSignal::new(0);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let program = RwSignal::new(program);
        view! {
            <PersonForm program=program editing=editing
                on_save=Callback::new(move |p: CheckedPerson| saved.update(|v| v.push(p)))
                on_cancel=Callback::new(move |()| cancelled.update(|n| *n += 1))/>
        }
    });
    FormHarness {
        el,
        saved,
        cancelled,
        _handle: Box::new(handle),
    }
}

fn demo() -> Program {
    demo_program(ProgramId::from("demo"))
}

/// Bad input 41: a negative capacity gets a message under the capacity input naming the
/// field, the input is marked invalid, and nothing is saved.
#[wasm_bindgen_test]
async fn a_negative_capacity_is_an_inline_error_and_nothing_is_saved() {
    let h = mount_form(demo(), None);
    tick().await;
    select(&h.el, "#person-role", "mentor");
    type_into(&h.el, "#person-name", "Ada Lovelace");
    tick().await;
    type_into(&h.el, "#person-capacity", "-1");
    find(&h.el, "button[type=submit]").click();
    tick().await;
    let error = text(&h.el, "#person-capacity-error");
    assert!(error.starts_with("Capacity: "), "{error}");
    assert!(error.contains("negative"), "{error}");
    assert_eq!(
        find(&h.el, "#person-capacity")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(h.saved.with_untracked(Vec::is_empty));

    type_into(&h.el, "#person-capacity", "abc");
    find(&h.el, "button[type=submit]").click();
    tick().await;
    assert!(text(&h.el, "#person-capacity-error").contains("\u{201c}abc\u{201d}"));
    assert!(h.saved.with_untracked(Vec::is_empty));

    type_into(&h.el, "#person-capacity", "2");
    find(&h.el, "button[type=submit]").click();
    tick().await;
    let saved = h.saved.get_untracked();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].person.name, "Ada Lovelace");
    assert_eq!(
        (saved[0].person.role, saved[0].person.capacity),
        (Role::Mentor, 2)
    );
    assert_eq!(text(&h.el, "#person-capacity-error"), "");
}

#[wasm_bindgen_test]
async fn a_missing_name_is_reported_under_the_name() {
    let h = mount_form(demo(), None);
    tick().await;
    find(&h.el, "button[type=submit]").click();
    tick().await;
    assert!(text(&h.el, "#person-name-error").starts_with("Name: "));
    assert!(h.saved.with_untracked(Vec::is_empty));
}

#[wasm_bindgen_test]
async fn a_duplicate_email_is_warned_while_typing() {
    let p = demo();
    let taken = p.people[0].email.clone();
    let owner = p.people[0].name.clone();
    let h = mount_form(p, None);
    tick().await;
    type_into(&h.el, "#person-email", &taken);
    tick().await;
    let warning = text(&h.el, ".mk-field__warning");
    assert!(warning.contains(&owner), "{warning}");
}

#[wasm_bindgen_test]
async fn escape_cancels_the_form() {
    let p = demo();
    let id = p.people[2].id.clone();
    let h = mount_form(p, Some(id));
    tick().await;
    find(&h.el, "#person-name")
        .dispatch_event(&bubbling("keydown", Some("Escape")))
        .expect("dispatch");
    tick().await;
    assert_eq!(h.cancelled.get_untracked(), 1);
    assert!(h.saved.with_untracked(Vec::is_empty));
}

#[wasm_bindgen_test]
async fn editing_fills_in_every_field_and_saves_unchanged() {
    let p = demo();
    let person = p.people[5].clone();
    let h = mount_form(p, Some(person.id.clone()));
    tick().await;
    let name: web_sys::HtmlInputElement = find(&h.el, "#person-name").dyn_into().expect("input");
    assert_eq!(name.value(), person.name);
    find(&h.el, "button[type=submit]").click();
    tick().await;
    assert_eq!(
        h.saved.get_untracked().first().map(|c| c.person.clone()),
        Some(person)
    );
}

fn mount_table(
    program: Program,
) -> (
    web_sys::HtmlElement,
    RwSignal<HashSet<PersonId>>,
    Box<dyn std::any::Any>,
) {
    let el = container();
    let selected = RwSignal::new(HashSet::new());
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let program = RwSignal::new(program);
        let sort = RwSignal::new(Sort::default());
        let page = RwSignal::new(0);
        let index = Memo::new(move |_| program.with(PeopleIndex::new));
        let rows = Memo::new(move |_| {
            let order = sort.get();
            index.with(|ix| program.with(|p| ix.select(p, &PeopleFilter::default(), order)))
        });
        view! {
            <PeopleTable program=program index=index rows=rows sort=sort selected=selected page=page
                on_edit=Callback::new(|_: PersonId| {})/>
        }
    });
    (el, selected, Box::new(handle))
}

/// Bad input 22: markup in a name is shown as text, never parsed.
#[wasm_bindgen_test]
async fn markup_in_names_is_shown_literally() {
    let mut p = Program::new(ProgramId::from("x"), "X");
    let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    p.people
        .push(Person::new(PersonId::from("p1"), hostile, Role::Mentee));
    let (el, _, _h) = mount_table(p);
    tick().await;
    assert_eq!(text(&el, "tbody th"), hostile);
    assert!(el.query_selector("tbody img").ok().flatten().is_none());
    assert!(el.query_selector("tbody script").ok().flatten().is_none());
}

#[wasm_bindgen_test]
async fn headers_sort_and_select_all_shown_selects_the_page() {
    let mut p = Program::new(ProgramId::from("x"), "X");
    for i in 0..120 {
        let id = p.new_person_id();
        p.people
            .push(Person::new(id, format!("Person {i:03}"), Role::Mentee));
    }
    let (el, selected, _h) = mount_table(p);
    tick().await;
    // Paged: 50 rows, not 120.
    let row = |n: u32| {
        el.query_selector(&format!("tbody tr:nth-child({n})"))
            .ok()
            .flatten()
    };
    assert!(row(50).is_some() && row(51).is_none());
    assert_eq!(text(&el, "tbody th"), "Person 000");
    find(&el, "th[aria-sort] button").click();
    tick().await;
    assert_eq!(text(&el, "tbody th"), "Person 119");
    assert!(el
        .query_selector("th[aria-sort=descending]")
        .ok()
        .flatten()
        .is_some());

    let all: web_sys::HtmlInputElement = find(&el, "#people-select-shown").dyn_into().expect("box");
    all.set_checked(true);
    all.dispatch_event(&bubbling("change", None))
        .expect("dispatch");
    tick().await;
    assert_eq!(selected.with_untracked(HashSet::len), 50);
}

/// Bad input 41: the bulk bar refuses bad capacity text inline and calls nothing.
#[wasm_bindgen_test]
async fn bulk_capacity_rejects_bad_text_inline() {
    let el = container();
    let got = RwSignal::new(Vec::new());
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <PeopleBulkBar selected=Signal::derive(|| 2) hidden=Signal::derive(|| 0)
                on_set_role=Callback::new(|_: Role| {})
                on_set_capacity=Callback::new(move |c: u16| got.update(|v| v.push(c)))
                on_remove=Callback::new(|()| {}) on_clear=Callback::new(|()| {})/>
        }
    });
    tick().await;
    assert!(text(&el, ".mk-bulk-bar__count").contains("2 people selected"));
    for bad in ["", "-3", "51", "x"] {
        type_into(&el, "#bulk-capacity", bad);
        find(&el, ".mk-bulk-bar .mk-inline-form:nth-of-type(2) button").click();
        tick().await;
        let error = text(&el, "#bulk-capacity-error");
        assert!(error.starts_with("Capacity: "), "{bad:?}: {error}");
    }
    assert!(got.with_untracked(Vec::is_empty));
    type_into(&el, "#bulk-capacity", "4");
    find(&el, ".mk-bulk-bar .mk-inline-form:nth-of-type(2) button").click();
    tick().await;
    assert_eq!(got.get_untracked(), [4]);
    assert_eq!(text(&el, "#bulk-capacity-error"), "");
}
