//! Top-N suggestions for mentee-chooses programs: the per-mentee lists with reasons, their
//! CSV export, and recording (replacing, clearing, undoing) each mentee's choice.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::edit::History;
use mentorkit::core::exchange::csv::export_suggestions;
use mentorkit::core::matching::draft::{apply, preview, DraftEdit, DraftError};
use mentorkit::core::matching::suggestions::{
    add_reasons, counts, lists, matches_query, ChoiceFilter,
};
use mentorkit::core::matching::{self, suggestions};
use mentorkit::core::model::*;

#[path = "common/cohort.rs"]
mod cohort;
use cohort::id;

/// The shared cohort with e-mails, as a top-2 suggestions program.
fn program() -> Program {
    let mut p = cohort::program();
    for person in &mut p.people {
        person.email = format!("{}@example.org", person.id);
    }
    p.matching.algorithm = Algorithm::TopN;
    p.matching.top_n = 2;
    p
}

fn choose(mentee: &str, mentor: &str) -> DraftEdit {
    DraftEdit::RecordChoice {
        mentee: id(mentee),
        mentor: id(mentor),
        allow_excluded: false,
    }
}

fn choice_matches(p: &Program) -> Vec<(String, String, bool, Option<u8>)> {
    p.matches
        .iter()
        .filter(|m| m.source == MatchSource::MenteeChoice)
        .map(|m| {
            (
                m.mentee.to_string(),
                m.mentor.to_string(),
                m.locked,
                m.score,
            )
        })
        .collect()
}

#[test]
fn lists_give_each_mentee_their_best_mentors_with_reasons() {
    let p = program();
    let raw = suggestions(&p, 2);
    let mut l = lists(&p, &raw);
    assert!(l
        .iter()
        .flat_map(|x| &x.mentors)
        .all(|s| s.reasons.is_empty()));
    add_reasons(&p, &mut l);
    assert_eq!(l.len(), 4, "every mentee gets a list");
    let e1 = l.iter().find(|x| x.mentee == id("e1")).expect("e1 listed");
    let mentors: Vec<(&str, u8)> = e1
        .mentors
        .iter()
        .map(|s| (s.mentor.as_str(), s.score))
        .collect();
    // r3: shared English and another department (100); r1: English, same department (60).
    assert_eq!(mentors, vec![("r3", 100), ("r1", 60)]);
    assert!(
        e1.mentors[0]
            .reasons
            .iter()
            .any(|r| r.contains("language") || r.contains("Language")),
        "reasons name the criteria: {:?}",
        e1.mentors[0].reasons
    );
    assert!(e1.mentors[0].reasons.len() <= 2);
    assert!(e1.mentors.iter().all(|s| !s.full));
    assert!(e1.choice.is_none());
    // Sorted by name.
    let names: Vec<&str> = l.iter().map(|x| x.mentee.as_str()).collect();
    assert_eq!(names, vec!["e1", "e2", "e3", "e4"]);
    assert_eq!(counts(&l), (4, 0));
    assert!(matches_query(&p, &l[0], " NAME E1"));
    assert!(matches_query(&p, &l[0], "e1@example"));
    assert!(!matches_query(&p, &l[0], "e2"));
    assert!(matches_query(&p, &l[0], ""));
}

#[test]
fn recording_a_choice_makes_a_locked_mentee_choice_match() {
    let mut p = program();
    let before = p.clone();
    let pv = preview(&p, &choose("e1", "r3")).expect("preview");
    assert_eq!(pv.total_delta(), 100);
    assert_eq!(p, before, "a preview changes nothing");
    apply(&mut p, &choose("e1", "r3")).expect("record");
    assert_eq!(
        choice_matches(&p),
        vec![("e1".into(), "r3".into(), true, Some(100))]
    );
    let l = lists(&p, &suggestions(&p, 2));
    let e1 = l
        .iter()
        .find(|x| x.mentee == id("e1"))
        .expect("e1 still listed");
    let c = e1.choice.as_ref().expect("choice shown");
    assert_eq!(c.mentor, id("r3"));
    assert_eq!(c.score, Some(100));
    // e1 has no free place now, so a new run gives no suggestions; the list keeps the choice.
    assert!(e1.mentors.is_empty());
    // r3 (capacity 1) is full: nobody else is suggested r3.
    assert!(l
        .iter()
        .flat_map(|x| x.mentors.iter())
        .all(|s| s.mentor != id("r3")));
    assert_eq!(counts(&l), (4, 1));
    let awaiting: Vec<&str> = l
        .iter()
        .filter(|x| ChoiceFilter::Awaiting.keeps(x))
        .map(|x| x.mentee.as_str())
        .collect();
    assert_eq!(awaiting, vec!["e2", "e3", "e4"]);
    assert_eq!(
        l.iter().filter(|x| ChoiceFilter::Chosen.keeps(x)).count(),
        1
    );
}

#[test]
fn suggestions_made_before_a_choice_flag_the_mentor_full() {
    let mut p = program();
    let raw = suggestions(&p, 3);
    apply(&mut p, &choose("e1", "r3")).expect("record");
    let l = lists(&p, &raw);
    let e2 = l.iter().find(|x| x.mentee == id("e2")).expect("e2 listed");
    let r3 = e2
        .mentors
        .iter()
        .find(|s| s.mentor == id("r3"))
        .expect("r3 was suggested to e2");
    assert!(r3.full, "r3's only place went to e1");
    let e1 = l.iter().find(|x| x.mentee == id("e1")).expect("e1 listed");
    assert_eq!(e1.choice.as_ref().and_then(|c| c.rank), Some(1));
    // Recording r3 for e2 now fails on capacity and leaves the program untouched.
    let before = p.clone();
    assert!(matches!(
        apply(&mut p, &choose("e2", "r3")),
        Err(DraftError::MentorAtCapacity { .. })
    ));
    assert_eq!(p, before);
}

#[test]
fn a_new_choice_replaces_the_earlier_one_and_clearing_removes_it() {
    let mut p = program();
    apply(&mut p, &choose("e1", "r3")).expect("first choice");
    let id_before = p.matches[0].id.clone();
    let pv = apply(&mut p, &choose("e1", "r1")).expect("changed mind");
    assert_eq!(pv.total_delta(), 60 - 100);
    assert_eq!(
        choice_matches(&p),
        vec![("e1".into(), "r1".into(), true, Some(60))]
    );
    assert_eq!(p.matches[0].id, id_before, "the match keeps its id");
    assert!(matches!(
        apply(&mut p, &choose("e1", "r1")),
        Err(DraftError::AlreadyPaired { .. })
    ));
    let pv = apply(&mut p, &DraftEdit::ClearChoice(id("e1"))).expect("clear");
    assert_eq!(pv.total_delta(), -60);
    assert!(p.matches.is_empty());
    assert_eq!(
        apply(&mut p, &DraftEdit::ClearChoice(id("e1"))),
        Err(DraftError::NoChoice(id("e1")))
    );
}

#[test]
fn a_choice_takes_over_the_mentees_algorithm_draft_match() {
    let mut p = program();
    p.matching.algorithm = Algorithm::Optimal;
    apply(
        &mut p,
        &DraftEdit::Rerun {
            algorithm: Algorithm::Optimal,
        },
    )
    .expect("run");
    let e4 = p
        .matches
        .iter()
        .find(|m| m.mentee == id("e4"))
        .expect("e4 matched")
        .clone();
    assert_eq!(e4.mentor, id("r2"));
    let drafted = p.matches.len();
    // e4 chose r1, who takes a third mentee for them.
    p.people[0].capacity = 3;
    apply(&mut p, &choose("e4", "r1")).expect("record");
    assert_eq!(
        p.matches.len(),
        drafted,
        "the draft match is reused, not doubled"
    );
    let m = p
        .matches
        .iter()
        .find(|m| m.mentee == id("e4"))
        .expect("e4 still matched");
    assert_eq!(
        (&m.id, &m.mentor, m.source, m.locked),
        (&e4.id, &id("r1"), MatchSource::MenteeChoice, true)
    );
    // Re-running keeps the choice (it is locked).
    apply(
        &mut p,
        &DraftEdit::Rerun {
            algorithm: Algorithm::Optimal,
        },
    )
    .expect("re-run");
    assert_eq!(
        choice_matches(&p),
        vec![("e4".into(), "r1".into(), true, Some(0))]
    );
}

#[test]
fn a_coordinator_lock_is_not_overwritten_by_a_choice() {
    let mut p = program();
    apply(
        &mut p,
        &DraftEdit::MatchByHand {
            mentor: id("r3"),
            mentee: id("e1"),
            allow_excluded: false,
        },
    )
    .expect("hand match");
    let m = p.matches[0].id.clone();
    apply(&mut p, &DraftEdit::Lock(m.clone())).expect("lock");
    let before = p.clone();
    assert_eq!(
        apply(&mut p, &choose("e1", "r1")),
        Err(DraftError::Locked(m))
    );
    assert_eq!(p, before);
}

#[test]
fn choices_of_excluded_pairs_need_confirmation_and_undo_restores() {
    let mut p = program();
    p.matching.rules.forbidden_pairs = vec![PairRef {
        mentor: id("r1"),
        mentee: id("e1"),
    }];
    assert!(preview(&p, &choose("e1", "r1"))
        .expect("preview")
        .needs_confirmation());
    assert!(matches!(
        apply(&mut p, &choose("e1", "r1")),
        Err(DraftError::Excluded { .. })
    ));
    let mut history = History::new(10);
    let before = p.clone();
    history
        .commit(
            &mut p,
            DraftEdit::RecordChoice {
                mentee: id("e1"),
                mentor: id("r1"),
                allow_excluded: true,
            },
        )
        .expect("confirmed");
    assert_eq!(choice_matches(&p).len(), 1);
    assert!(history.undo(&mut p).is_some());
    assert_eq!(p.matches, before.matches);
}

#[test]
fn published_choices_become_active_relationships() {
    let mut p = program();
    apply(&mut p, &choose("e1", "r3")).expect("record");
    apply(&mut p, &choose("e4", "r2")).expect("record");
    let start: mentorkit::core::Date = "2027-01-11".parse().expect("date");
    apply(&mut p, &DraftEdit::Publish { start }).expect("publish");
    assert!(p.matches.iter().all(|m| m.status == MatchStatus::Active
        && m.source == MatchSource::MenteeChoice
        && m.started_on == Some(start)));
    // Published: no longer a choice to record or clear in the draft.
    assert_eq!(
        apply(&mut p, &DraftEdit::ClearChoice(id("e1"))),
        Err(DraftError::NoChoice(id("e1")))
    );
    assert!(lists(&p, &matching::suggestions(&p, 2))
        .iter()
        .all(|l| l.choice.is_none()));
}

/// Bad input 29 in the suggestions export: a name that is a formula is written as text.
#[test]
fn the_csv_lists_every_suggestion_and_marks_the_choice_formula_safe() {
    let mut p = program();
    p.people[3].name = "=HYPERLINK(\"http://evil\")".into();
    let raw = suggestions(&p, 2);
    apply(&mut p, &choose("e1", "r1")).expect("record");
    apply(&mut p, &choose("e2", "r2")).expect("record");
    let mut l = lists(&p, &raw);
    add_reasons(&p, &mut l);
    let text = export_suggestions(&p, &l);
    assert!(text.starts_with('\u{FEFF}'), "BOM for spreadsheets");
    let rows: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        rows[0],
        "Mentee,Mentee e-mail,Rank,Mentor,Mentor e-mail,Score,Reasons,Mentor full,Chosen"
    );
    // e1's name is a formula: written as text.
    assert!(rows.iter().any(|r| r.starts_with(
        "\"'=HYPERLINK(\"\"http://evil\"\")\",e1@example.org,1,Name r3,r3@example.org,100,"
    )));
    let e1_rows: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains("e1@example.org"))
        .collect();
    assert_eq!(e1_rows.len(), 2, "{e1_rows:?}");
    assert!(
        e1_rows[1].contains(",2,Name r1,r1@example.org,60,") && e1_rows[1].ends_with(",no,yes")
    );
    // e2 chose r2, which was not among e2's two suggestions: one more row, no rank.
    let e2_rows: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains("e2@example.org"))
        .collect();
    let last = e2_rows.last().expect("e2 rows");
    assert!(
        last.contains("e2@example.org,,Name r2,r2@example.org,") && last.ends_with(",,yes"),
        "{last}"
    );
}

#[test]
fn reasons_never_mention_a_sensitive_question() {
    let mut p = program();
    let field = FieldId::from("f1");
    p.profile_fields.push(ProfileField {
        id: field.clone(),
        label: "Identity group".into(),
        kind: FieldKind::SingleChoice {
            options: vec!["A".into(), "B".into()],
        },
        sensitive: true,
        use_for_matching: true,
        asked_of: AskedOf::Everyone,
    });
    for person in &mut p.people {
        person
            .answers
            .insert(field.clone(), Answer::Text("A".into()));
    }
    // The sensitive question weighs the most, so it adds the most points to every pair.
    p.matching.criteria.insert(
        0,
        Criterion {
            kind: CriterionKind::Field {
                field,
                prefer: Preference::Same,
            },
            weight: 9,
        },
    );
    let mut l = lists(&p, &suggestions(&p, 3));
    add_reasons(&p, &mut l);
    let reasons: Vec<&String> = l
        .iter()
        .flat_map(|x| &x.mentors)
        .flat_map(|m| &m.reasons)
        .collect();
    assert!(!reasons.is_empty(), "other criteria still give reasons");
    assert!(
        reasons.iter().all(|r| !r.contains("Identity")),
        "{reasons:?}"
    );
    // Once the question is not sensitive, it is the first reason.
    p.profile_fields[0].sensitive = false;
    let mut l = lists(&p, &suggestions(&p, 3));
    add_reasons(&p, &mut l);
    assert!(
        l[0].mentors[0].reasons[0].contains("Identity group"),
        "{:?}",
        l[0].mentors[0].reasons
    );
}
