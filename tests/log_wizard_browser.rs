//! Component tests of the check-ins CSV wizard in headless Chromium (wasm-bindgen-test),
//! mounted over a published program: a form tool's export mapped, reviewed and imported
//! as one undoable change; row errors by row number (bad inputs 44-48) with only the good
//! rows imported; the date order asked when the file does not decide it; a mapping file;
//! and nothing written on Cancel, Escape or "Import none".
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mentorkit::core::matching::draft::DraftEdit;
use mentorkit::core::model::{Match, MatchStatus, Person, PersonId, Role};
use mentorkit::core::relationships::model::{Actor, MeetingMode, OnTrack};
use mentorkit::core::Date;
use mentorkit::ui::components::log_wizard::LogImportWizard;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/dom.rs"]
mod dom;
#[path = "common/wizard.rs"]
mod wizard;
use dom::{document, tick};
use wizard::{active_element, all, key, program, Mounted};

/// The relationships' start: the files' dates are after it and before today.
const START: &str = "2026-01-05";

/// Rita mentors Ada and Bo, Max mentors Cy; published on [`START`] through the session,
/// as the Matching page does.
fn published(name: &str) -> Mounted {
    let mut p = program(name);
    let mut add = |name: &str, email: &str, role: Role, capacity: u16| -> PersonId {
        let id = p.new_person_id();
        let mut x = Person::new(id.clone(), name, role);
        x.email = email.into();
        x.capacity = capacity;
        p.people.push(x);
        id
    };
    let rita = add("Rita Mentor", "rita@example.org", Role::Mentor, 2);
    let max = add("Max Mentor", "max@example.org", Role::Mentor, 1);
    let ada = add("Ada Mentee", "ada@example.org", Role::Mentee, 0);
    let bo = add("Bo Mentee", "bo@example.org", Role::Mentee, 0);
    let cy = add("Cy Mentee", "cy@example.org", Role::Mentee, 0);
    let m = wizard::mount_wizard(p, || view! { <LogImportWizard/> }.into_any());
    for (mentor, mentee) in [(&rita, &ada), (&rita, &bo), (&max, &cy)] {
        m.session
            .commit(DraftEdit::MatchByHand {
                mentor: mentor.clone(),
                mentee: mentee.clone(),
                allow_excluded: true,
            })
            .expect("matched");
    }
    m.session
        .commit(DraftEdit::Publish {
            start: START.parse().unwrap(),
        })
        .expect("published");
    m
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

impl Mounted {
    /// The relationship of the mentee with this e-mail.
    fn relationship(&self, mentee_email: &str) -> Match {
        self.session.program.with_untracked(|p| {
            let mentee = p.person_by_email(mentee_email).expect("mentee").id.clone();
            p.matches
                .iter()
                .find(|m| m.mentee == mentee)
                .expect("relationship")
                .clone()
        })
    }

    /// Check-ins and meetings over every relationship.
    fn recorded(&self) -> (usize, usize) {
        self.session.program.with_untracked(|p| {
            (
                p.matches.iter().map(|m| m.check_ins.len()).sum(),
                p.matches.iter().map(|m| m.meetings.len()).sum(),
            )
        })
    }

    /// The value of the count with this label in the review.
    fn count(&self, label: &str) -> String {
        all(&self.el, ".mk-stat")
            .into_iter()
            .find(|s| {
                s.query_selector(".mk-stat__label")
                    .ok()
                    .flatten()
                    .and_then(|l| l.text_content())
                    .as_deref()
                    == Some(label)
            })
            .and_then(|s| s.query_selector(".mk-stat__value").ok().flatten())
            .and_then(|v| v.text_content())
            .unwrap_or_else(|| panic!("no count {label}: {}", self.text()))
    }

    /// Each row error as its cells' text: row, column, problem.
    fn row_errors(&self) -> Vec<[String; 3]> {
        all(&self.el, ".mk-wizard__errors tbody tr")
            .into_iter()
            .map(|tr| {
                let cells: Vec<String> = all(&tr, "td")
                    .into_iter()
                    .map(|c| c.text_content().unwrap_or_default())
                    .collect();
                [cells[0].clone(), cells[1].clone(), cells[2].clone()]
            })
            .collect()
    }

    async fn to_review(&self, name: &str, csv: &str) {
        self.open_with(name, csv).await;
        self.click("Next: columns").await;
        self.click("Next: review").await;
    }
}

/// A Google Forms export: its own Timestamp and Email Address columns, then the form's
/// questions. Row 3 names the partner, as a mentor of two must.
const FORM: &str = "Timestamp,Email Address,Who is your mentor or mentee? (name or e-mail),How is your mentoring going? (1-5),Are you on track with your goals?,Have you met since the last check-in?,How long did you meet?,How did you meet?,Anything else you would like to tell us?\n\
1/15/2026 9:15:02,ada@example.org,,4,Yes,Yes,1h,Video call,Going well\n\
2/3/2026 17:40:11,rita@example.org,Ada Mentee,5,Yes,Yes,,,\n\
2/4/2026 8:00:00,cy@example.org,,3,Not sure,No,,,Busy month\n";

#[wasm_bindgen_test]
async fn a_form_export_is_mapped_reviewed_imported_as_one_change_and_undone() {
    let m = published("form");
    m.open_with("pulse.csv", FORM).await;
    assert_eq!(m.recorded(), (0, 0), "nothing is written while reading");
    m.click("Next: columns").await;
    // Every column is guessed from the form's question; samples show what it holds.
    assert_eq!(m.chosen("Column A (Timestamp) imports as"), "timestamp");
    assert_eq!(
        m.chosen("Column B (Email Address) imports as"),
        "respondent_email"
    );
    assert_eq!(
        m.chosen("Column C (Who is your mentor or mentee? (name or e-mail)) imports as"),
        "partner"
    );
    assert_eq!(
        m.chosen("Column D (How is your mentoring going? (1-5)) imports as"),
        "rating"
    );
    assert_eq!(
        m.chosen("Column G (How long did you meet?) imports as"),
        "duration"
    );
    m.says("Video call");
    // Every target is offered, with its label.
    let options: Vec<String> = all(
        &m.get("select[aria-label=\"Column A (Timestamp) imports as\"]"),
        "option",
    )
    .into_iter()
    .map(|o| o.text_content().unwrap_or_default())
    .collect();
    assert_eq!(
        options,
        [
            "Timestamp",
            "Date",
            "Respondent's e-mail",
            "Partner",
            "Rating",
            "On track",
            "Fit",
            "Met since last time",
            "Meeting date",
            "Duration",
            "How they met",
            "Comment",
            "Do not import"
        ]
    );
    m.click("Next: review").await;
    m.says("Dates are read as month/day/year (03/14/2027), as the file shows.");
    assert_eq!(m.count("Check-ins to record"), "3");
    assert_eq!(m.count("Meetings to log"), "2");
    assert_eq!(m.count("Rows with errors"), "0");
    let preview = m
        .get(".mk-wizard__section")
        .text_content()
        .unwrap_or_default();
    assert!(preview.contains("Ada Mentee with Rita Mentor"), "{preview}");
    assert_eq!(m.recorded(), (0, 0), "nothing is written before Import");

    m.click("Import 3 row(s)").await;
    assert!(m.find("[role=dialog]").is_none(), "the dialog closes");
    let ada = m.relationship("ada@example.org");
    assert_eq!(ada.check_ins.len(), 2);
    assert_eq!(ada.check_ins[0].from, Actor::Mentee);
    assert_eq!(ada.check_ins[0].date, d("2026-01-15"));
    assert_eq!(ada.check_ins[0].rating, Some(4));
    assert_eq!(ada.check_ins[0].comment, "Going well");
    assert_eq!(ada.check_ins[1].from, Actor::Mentor);
    assert_eq!(ada.meetings.len(), 2);
    assert_eq!(
        (ada.meetings[0].minutes, ada.meetings[0].mode),
        (Some(60), Some(MeetingMode::Video))
    );
    let cy = m.relationship("cy@example.org");
    assert_eq!(cy.check_ins.len(), 1);
    assert_eq!(cy.check_ins[0].on_track, Some(OnTrack::Unsure));
    assert!(cy.meetings.is_empty(), "they did not meet");
    assert_eq!(m.recorded(), (3, 2));

    // One change in the history, with the core's label, undone from the notice.
    assert_eq!(
        m.session.undo_label().as_deref(),
        Some("Import 3 check-in(s) and 2 meeting(s) from pulse.csv")
    );
    let notice = m.undo_notice();
    assert_eq!(
        notice.text,
        "Recorded 3 check-in(s) and logged 2 meeting(s) from pulse.csv."
    );
    m.app.notices.act(notice.id);
    tick().await;
    assert_eq!(m.recorded(), (0, 0), "Undo removes them all");
    assert!(m
        .session
        .program
        .with_untracked(|p| p.matches.iter().all(|x| x.status == MatchStatus::Active)));
}

/// Bad inputs 44 (unknown e-mail), 45 (a mentor of two, no partner column), 46 (rating
/// 7, 11 hours), 47 (a date in the future, a date before the start) and 48 (the same
/// respondent and timestamp twice): each listed by row and column; only the good rows are
/// imported.
const BAD_ROWS: &str =
    "Timestamp,Email Address,How is your mentoring going? (1-5),How long did you meet?\n\
1/15/2026 9:15:02,ada@example.org,4,45 min\n\
1/16/2026 9:00:00,nobody@example.org,4,\n\
1/17/2026 9:00:00,rita@example.org,4,\n\
1/18/2026 9:00:00,bo@example.org,7,\n\
1/19/2026 9:00:00,cy@example.org,4,11 hours\n\
1/20/2099 9:00:00,bo@example.org,4,\n\
12/20/2025 9:00:00,cy@example.org,4,\n\
1/15/2026 9:15:02,ada@example.org,4,45 min\n\
2/1/2026 10:00:00,bo@example.org,3,\n";

#[wasm_bindgen_test]
async fn row_errors_are_listed_by_row_and_column_and_only_good_rows_are_imported() {
    let m = published("bad");
    m.open_with("bad.csv", BAD_ROWS).await;
    m.click("Next: columns").await;
    // The columns with bad cells say so where they are mapped.
    let badges: Vec<String> = all(&m.el, ".mk-wizard__badge")
        .into_iter()
        .map(|b| {
            b.parent_element()
                .and_then(|c| c.text_content())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        badges.iter().any(|b| b.contains("Email Address")),
        "{badges:?}"
    );
    m.click("Next: review").await;
    let errors = m.row_errors();
    let rows: Vec<&str> = errors.iter().map(|e| e[0].as_str()).collect();
    assert_eq!(rows, ["3", "4", "5", "6", "7", "8"], "{errors:?}");
    // Bad input 44.
    assert_eq!(errors[0][1], "B (Email Address)");
    assert_eq!(
        errors[0][2],
        "no participant has the e-mail nobody@example.org"
    );
    // Bad input 45: says which column to add.
    assert_eq!(
        errors[1][2],
        "Rita Mentor is the mentor of 2 mentees: add a column naming the mentee"
    );
    // Bad input 46.
    assert_eq!(errors[2][1], "C (How is your mentoring going? (1-5))");
    assert!(
        errors[2][2].contains("a rating of 7 is outside 1-5"),
        "{errors:?}"
    );
    assert_eq!(errors[3][1], "D (How long did you meet?)");
    assert!(errors[3][2].contains("outside 5-600 minutes"), "{errors:?}");
    // Bad input 47.
    assert_eq!(errors[4][1], "A (Timestamp)");
    assert!(errors[4][2].contains("is in the future"), "{errors:?}");
    assert!(
        errors[5][2].contains("is before the relationship started (2026-01-05)"),
        "{errors:?}"
    );
    // Bad input 48: skipped and counted.
    assert_eq!(m.count("Duplicates skipped"), "1");
    m.says("Row 9: the same respondent and timestamp as row 2; skipped.");
    assert_eq!(m.count("Rows with errors"), "6");
    m.says("6 row(s) with errors will not be imported");

    m.click("Import the 2 good rows").await;
    assert!(m.find("[role=dialog]").is_none());
    let ada = m.relationship("ada@example.org");
    assert_eq!(ada.check_ins.len(), 1);
    assert_eq!(ada.meetings.len(), 1);
    assert_eq!(ada.meetings[0].minutes, Some(45));
    let bo = m.relationship("bo@example.org");
    assert_eq!(bo.check_ins.len(), 1);
    assert_eq!(bo.check_ins[0].rating, Some(3));
    assert!(m.relationship("cy@example.org").check_ins.is_empty());
    assert_eq!(m.recorded(), (2, 1));
}

#[wasm_bindgen_test]
async fn cancel_escape_and_import_none_write_nothing() {
    let m = published("cancel");
    m.to_review("bad.csv", BAD_ROWS).await;
    m.click("Cancel").await;
    assert!(m.find("[role=dialog]").is_none());
    assert_eq!(m.recorded(), (0, 0));

    m.to_review("pulse.csv", FORM).await;
    m.get("[role=dialog] h3").focus().expect("focus");
    key("Escape", false);
    tick().await;
    assert!(m.find("[role=dialog]").is_none(), "Escape closes");
    assert_eq!(m.recorded(), (0, 0));

    m.to_review("bad.csv", BAD_ROWS).await;
    m.click("Import none").await;
    assert!(m.find("[role=dialog]").is_none());
    assert_eq!(m.recorded(), (0, 0));
    let said = m
        .app
        .notices
        .list()
        .get_untracked()
        .iter()
        .any(|n| n.text == "Nothing was imported.");
    assert!(said, "the coordinator is told");
    assert_eq!(
        m.session.undo_label().as_deref(),
        Some("Publish 3 match(es) starting 2026-01-05")
    );
}

#[wasm_bindgen_test]
async fn the_dialog_is_modal_labelled_and_gives_focus_back() {
    let m = published("focus");
    assert_eq!(
        m.get("button").text_content().as_deref(),
        Some("Import check-ins…")
    );
    assert_eq!(
        m.get("button").get_attribute("aria-haspopup").as_deref(),
        Some("dialog")
    );
    let (opener, _dialog) = m.open_modal("Import check-ins from CSV").await;
    key("Escape", false);
    tick().await;
    assert!(m.find("[role=dialog]").is_none(), "Escape closes");
    assert!(
        active_element().is_some_and(|a| a.is_same_node(Some(&opener))),
        "focus is back on the opening button"
    );
}

/// A file whose dates never have a day above 12: the wizard asks, and the plan follows.
#[wasm_bindgen_test]
async fn an_undecided_date_order_is_asked_and_the_plan_follows_the_choice() {
    let m = published("order");
    let csv = "Timestamp,Email Address,Rating\n03/04/2026 9:00,ada@example.org,4\n05/06/2026 9:00,bo@example.org,5\n";
    m.to_review("order.csv", csv).await;
    let label = all(&m.el, "label")
        .into_iter()
        .find(|l| l.text_content().as_deref() == Some("Read dates such as 03/04/2026 as"))
        .expect("the date order is asked");
    let select_id = label.get_attribute("for").expect("labelled select");
    let selector = format!("#{select_id}");
    assert_eq!(
        m.get(&selector)
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .expect("select")
            .value(),
        "mdy"
    );
    m.says("2026-03-04");
    m.choose_first(&selector, "dmy");
    tick().await;
    m.says("2026-04-03");
    assert!(m.find(&selector).is_some(), "the choice stays on screen");
    m.click("Import 2 row(s)").await;
    assert_eq!(
        m.relationship("ada@example.org").check_ins[0].date,
        d("2026-04-03")
    );
    assert_eq!(
        m.relationship("bo@example.org").check_ins[0].date,
        d("2026-06-05")
    );
}

/// A missing required column is named, blocks the import and a mapping file fixes it; a
/// mapping file naming a column the CSV does not have is refused and changes nothing.
#[wasm_bindgen_test]
async fn a_mapping_file_maps_the_columns_a_form_tool_names_its_own_way() {
    let m = published("mapping");
    let csv = "When,Who,Score\n1/15/2026 9:00,ada@example.org,4\n";
    m.open_with("custom.csv", csv).await;
    m.click("Next: columns").await;
    let alert = m
        .get(".mk-wizard__error[role=alert]")
        .text_content()
        .unwrap_or_default();
    assert!(alert.contains("Respondent's e-mail"), "{alert}");
    assert!(alert.contains("Timestamp or Date"), "{alert}");
    let mapping_input = "input[type=file][accept^=\".json\"]";
    m.pick_in(mapping_input, "bad.json", "{\"Where\": \"timestamp\"}");
    m.wait_for("the refusal", |m| {
        m.text().contains("bad.json cannot be used")
    })
    .await;
    m.says("\"Where\" is not a column of the CSV file");
    assert_eq!(m.chosen("Column A (When) imports as"), "ignore");

    m.pick_in(
        mapping_input,
        "pulse-mapping.json",
        "{\"When\": \"timestamp\", \"Who\": \"respondent_email\"}",
    );
    m.wait_for("the mapping", |m| {
        m.text().contains("Columns mapped by pulse-mapping.json.")
    })
    .await;
    assert_eq!(m.chosen("Column A (When) imports as"), "timestamp");
    assert_eq!(m.chosen("Column B (Who) imports as"), "respondent_email");
    assert_eq!(m.chosen("Column C (Score) imports as"), "rating");
    assert!(
        m.find(".mk-wizard__error[role=alert]").is_none(),
        "{}",
        m.text()
    );
    m.click("Next: review").await;
    m.click("Import 1 row(s)").await;
    assert_eq!(m.recorded(), (1, 0));
}

/// Without the required columns the import button is disabled and says why.
#[wasm_bindgen_test]
async fn without_the_respondent_the_import_is_disabled_with_the_reason() {
    let m = published("required");
    m.to_review("names.csv", "Timestamp,Name,Rating\n1/15/2026 9:00,Ada,4\n")
        .await;
    let import = all(&m.el, "button")
        .into_iter()
        .find(|b| b.text_content().is_some_and(|t| t.starts_with("Import 0")))
        .expect("import button");
    assert!(import.has_attribute("disabled"));
    let reason_id = import.get_attribute("aria-describedby").expect("reason");
    let reason = document()
        .get_element_by_id(&reason_id)
        .and_then(|r| r.text_content())
        .unwrap_or_default();
    assert_eq!(
        reason,
        "Import is not possible: no column is matched to Respondent's e-mail (step 2)."
    );
    import.click();
    tick().await;
    assert_eq!(m.recorded(), (0, 0));
}
