//! Component tests of the CSV import wizard in headless Chromium (wasm-bindgen-test): the
//! dialog's keyboard behaviour, and bad inputs 29-33 and 42 through the real DOM.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mentorkit::core::model::{Person, Program, Role};
use mentorkit::ui::components::csv_wizard::CsvImportWizard;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
#[path = "common/wizard.rs"]
mod wizard;
use dom::{document, tick};
use wizard::{active_element, key, program, Mounted};

fn mount(program: Program) -> Mounted {
    wizard::mount_wizard(program, || view! { <CsvImportWizard/> }.into_any())
}

impl Mounted {
    fn people(&self) -> Vec<Person> {
        self.session.program.with_untracked(|p| p.people.clone())
    }
}

#[wasm_bindgen_test]
async fn the_dialog_is_modal_labelled_and_escape_gives_focus_back() {
    let m = mount(program("focus"));
    let (opener, _dialog) = m.open_modal("Import participants from CSV").await;
    let body = document().body().expect("body");
    // Shift+Tab from the first control wraps to the last one, still inside.
    m.get(".mk-wizard__close").focus().expect("focus");
    key("Tab", true);
    let focused = active_element().and_then(|a| a.text_content());
    assert_eq!(
        focused.as_deref(),
        Some("Cancel"),
        "Shift+Tab on the first control wraps to the last one"
    );
    key("Tab", false);
    assert!(
        active_element().is_some_and(|a| a.class_name().contains("mk-wizard__close")),
        "Tab on the last control wraps to the first one"
    );
    key("Escape", false);
    tick().await;
    assert!(m.find("[role=dialog]").is_none(), "Escape closes");
    assert!(
        !body.has_attribute("data-mk-modal"),
        "the page scrolls again"
    );
    assert!(
        active_element().is_some_and(|a| a.is_same_node(Some(&opener))),
        "focus is back on the opening button"
    );
}

/// Bad input 30: BOM, `;`, CRLF, quoted commas and newlines, empty trailing columns.
#[wasm_bindgen_test]
async fn a_messy_dialect_is_detected_shown_and_parsed() {
    let m = mount(program("dialect"));
    m.open_with(
        "messy.csv",
        "\u{feff}Name;E-mail;Notes;;\r\n\"Lovelace, Ada\";ada@example.org;\"line one\nline two\";;\r\n",
    )
    .await;
    let detected = m
        .get(".mk-wizard__detected")
        .text_content()
        .unwrap_or_default();
    assert!(detected.contains("Semicolon (;)"), "{detected}");
    assert!(
        detected.contains("with byte-order mark (BOM)"),
        "{detected}"
    );
    assert!(detected.contains("1 data rows, 3 columns"), "{detected}");
    m.click("Next: columns").await;
    m.click("Next: review").await;
    let preview = m
        .get(".mk-wizard__section")
        .text_content()
        .unwrap_or_default();
    assert!(preview.contains("Preview"), "{preview}");
    assert!(preview.contains("Lovelace, Ada"), "{preview}");
    m.click("Import 1 row(s)").await;
    let people = m.people();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Lovelace, Ada");
    assert_eq!(people[0].email, "ada@example.org");
    assert_eq!(people[0].notes, "line one\nline two");
    assert!(m.find("[role=dialog]").is_none(), "the dialog closes");
}

/// Bad input 30: a tab-separated file, and overriding the detected delimiter.
#[wasm_bindgen_test]
async fn tabs_are_detected_and_the_delimiter_can_be_overridden() {
    let m = mount(program("tabs"));
    m.open_with("tabs.tsv", "Name\tE-mail\nAda\tada@example.org\n")
        .await;
    assert!(m.text().contains("Tab"), "{}", m.text());
    let select: web_sys::HtmlSelectElement = m
        .get(".mk-wizard__controls select")
        .dyn_into()
        .expect("select");
    select.set_value("comma");
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatched");
    tick().await;
    let detected = m
        .get(".mk-wizard__detected")
        .text_content()
        .unwrap_or_default();
    assert!(detected.contains("Comma (,)"), "{detected}");
    assert!(detected.contains("1 columns"), "{detected}");
}

/// Bad input 29: formula-like cells are kept as text; markup in cells is shown as text.
#[wasm_bindgen_test]
async fn formula_cells_are_kept_as_text_and_markup_is_not_parsed() {
    let m = mount(program("formulas"));
    let hostile = "<img src=x onerror=alert(1)>";
    m.open_with(
        "formulas.csv",
        &format!("Name,E-mail,Notes\n\"=HYPERLINK(\"\"x\"\")\",a@example.org,+1\n{hostile},b@example.org,@SUM(A1)\n"),
    )
    .await;
    m.click("Next: columns").await;
    assert!(m.text().contains(hostile), "sample shown literally");
    assert!(m.find("img").is_none(), "markup is never parsed");
    m.click("Next: review").await;
    m.click("Import 2 row(s)").await;
    let people = m.people();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].name, "=HYPERLINK(\"x\")");
    assert_eq!(people[0].notes, "+1");
    assert_eq!(people[1].name, hostile);
    assert_eq!(people[1].notes, "@SUM(A1)");
}

/// Bad input 31: no name or e-mail column -> the mapping step says which; the Import
/// button is disabled with the reason; nothing is imported.
#[wasm_bindgen_test]
async fn a_missing_required_column_is_named_and_blocks_import() {
    let m = mount(program("required"));
    m.open_with("offices.csv", "Office,Floor\nBerlin,3\n").await;
    m.click("Next: columns").await;
    let alert = m
        .get(".mk-wizard__error[role=alert]")
        .text_content()
        .unwrap_or_default();
    assert!(alert.contains("Name"), "{alert}");
    assert!(alert.contains("E-mail"), "{alert}");
    // Mapping the column fixes it at once.
    m.choose("Column A (Office) imports as", "name");
    tick().await;
    assert!(m.find(".mk-wizard__error[role=alert]").is_none());
    m.choose("Column A (Office) imports as", "ignore");
    tick().await;
    m.click("Next: review").await;
    let import = m.button("Import 0 row(s)").expect("import button");
    assert!(import.has_attribute("disabled"));
    let reason_id = import.get_attribute("aria-describedby").expect("reason");
    let reason = document()
        .get_element_by_id(&reason_id)
        .and_then(|r| r.text_content())
        .unwrap_or_default();
    assert!(reason.contains("no column is matched to Name"), "{reason}");
    import.click();
    tick().await;
    assert!(m.people().is_empty(), "nothing imported");
}

/// Bad input 32: a bad row among good ones is listed with its row number; "Import none"
/// imports nothing, "Import the N good rows" imports the others.
#[wasm_bindgen_test]
async fn a_bad_row_is_listed_and_the_coordinator_chooses_good_rows_or_none() {
    let m = mount(program("badrow"));
    let csv = "Name,E-mail,Role,Capacity\nAda,ada@example.org,mentor,2\nBob,bob@example.org,mentor,lots\nCy,cy@example.org,mentee,\n";
    m.open_with("people.csv", csv).await;
    m.click("Next: columns").await;
    // The column with the bad cell says so in the mapping step too.
    let badge = m.get(".mk-wizard__badge");
    let column = badge
        .parent_element()
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    assert!(column.contains("Capacity"), "{column}");
    assert_eq!(badge.text_content().as_deref(), Some("1 row error(s)"));
    m.click("Next: review").await;
    let first_error = m.get(".mk-wizard__errors tbody tr");
    let cells = first_error.text_content().unwrap_or_default();
    assert!(cells.starts_with('3'), "row number first: {cells}");
    assert!(cells.contains("D (Capacity)"), "{cells}");
    m.click("Import none").await;
    assert!(m.people().is_empty(), "import none imports nothing");
    assert!(m.find("[role=dialog]").is_none());

    m.open_with("people.csv", csv).await;
    m.click("Next: columns").await;
    m.click("Next: review").await;
    m.click("Import the 2 good rows").await;
    let names: Vec<String> = m.people().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["Ada", "Cy"]);
}

/// Bad input 33: duplicates within the file and against existing participants are
/// reported; the global choice applies unless a row has its own.
#[wasm_bindgen_test]
async fn duplicates_follow_the_global_and_per_row_choices() {
    let mut p = program("dupes");
    let id = p.new_person_id();
    let mut existing = Person::new(id, "Existing Ada", Role::Mentor);
    existing.email = "ada@example.org".into();
    p.people.push(existing);
    let m = mount(p);
    let csv = "Name,E-mail,Department\nAda New,ADA@example.org,Research\nBo,bo@example.org,Sales\nBo Again,bo@example.org,Legal\n";
    m.open_with("dupes.csv", csv).await;
    m.click("Next: columns").await;
    m.click("Next: review").await;
    let text = m.text();
    assert!(text.contains("2 row(s) repeat an e-mail"), "{text}");
    assert!(
        text.contains("Existing Ada (already a participant)"),
        "{text}"
    );
    assert!(text.contains("row 3 of this file"), "{text}");
    // Everything "add as new", then row 2 merged into the existing participant.
    m.choose_first(".mk-wizard__inline-field select", "add");
    tick().await;
    m.choose("Row 2: what to do", "merge");
    tick().await;
    m.click("Import 3 row(s)").await;
    let people = m.people();
    assert_eq!(people.len(), 3, "{people:?}");
    assert_eq!(people[0].name, "Ada New");
    assert_eq!(people[0].department, "Research");
    let bos = people
        .iter()
        .filter(|p| p.email == "bo@example.org")
        .count();
    assert_eq!(bos, 2, "the in-file duplicate was added as new");
}

/// The import is undoable from its notice: the people and skills from before come back
/// (the id counter stays ahead, so no id is ever given twice).
#[wasm_bindgen_test]
async fn undo_puts_back_the_people_before_the_import() {
    let m = mount(program("undo"));
    m.open_with("u.csv", "Name,Skills offered\nAda,Python|Rust\n")
        .await;
    m.click("Next: columns").await;
    m.click("Next: review").await;
    m.click("Import 1 row(s)").await;
    assert_eq!(m.people().len(), 1);
    let skills = m.session.program.with_untracked(|p| p.skills.len());
    assert_eq!(skills, 2);
    let notice = m.undo_notice();
    assert!(
        notice.text.contains("Imported 1 new participant"),
        "{}",
        notice.text
    );
    m.app.notices.act(notice.id);
    tick().await;
    assert!(m.people().is_empty());
    assert_eq!(m.session.program.with_untracked(|p| p.skills.len()), 0);
}

/// Bad input 42: a read that finishes after the dialog was closed is dropped, even when
/// the dialog was opened again meanwhile (the old file must not appear in the new one).
#[wasm_bindgen_test]
async fn a_file_read_finishing_after_close_is_discarded() {
    let m = mount(program("late"));
    m.get("button").click();
    tick().await;
    m.pick("late.csv", "Name\nAda\n");
    // Closed and opened again before the read's promise resolves.
    m.button("Cancel").expect("cancel").click();
    m.get("button").click();
    for _ in 0..5 {
        tick().await;
    }
    assert!(m.find("[role=dialog]").is_some(), "the new dialog is open");
    assert!(m.find(".mk-wizard__detected").is_none(), "{}", m.text());
    assert!(!m.text().contains("late.csv"), "{}", m.text());
    assert!(m.people().is_empty());
}

/// Bad input 42: the page (and the wizard's signals) gone while a read is pending: no
/// disposed-signal panic (a panic would fail this test with `unreachable`).
#[wasm_bindgen_test]
async fn a_file_read_finishing_after_the_page_is_gone_does_not_panic() {
    let m = mount(program("gone"));
    m.get("button").click();
    tick().await;
    m.pick("gone.csv", "Name\nAda\n");
    let Mounted { el, _handle, .. } = m;
    drop(_handle);
    tick().await;
    tick().await;
    assert!(el.query_selector("[role=dialog]").ok().flatten().is_none());
}
