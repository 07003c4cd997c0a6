//! The matching draft: every edit's effect and score delta, errors that leave the program
//! untouched, undo/redo, re-run around locks, publish, and bad input 43 (nobody to match).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::time::Instant;

use mentorkit::core::edit::{EditError, History, HISTORY_LIMIT};
use mentorkit::core::matching::draft::{
    apply, preview, summary, DraftEdit, DraftError, DraftWarning, Preview,
};
use mentorkit::core::matching::scoring::{explain, ExclusionReason, ExclusionRule};
use mentorkit::core::matching::{self, synthetic, UnmatchedReason, UnmatchedRole};
use mentorkit::core::model::*;
use mentorkit::core::Date;

#[path = "common/cohort.rs"]
mod cohort;
use cohort::{id, person, program};

/// Commits a draft edit through the program's history (what the app does).
fn apply_and_record(
    p: &mut Program,
    edit: &DraftEdit,
    h: &mut History,
) -> Result<Preview, EditError<DraftError>> {
    h.commit(p, edit.clone()).map(|c| c.report)
}

fn by_hand(mentor: &str, mentee: &str) -> DraftEdit {
    DraftEdit::MatchByHand {
        mentor: id(mentor),
        mentee: id(mentee),
        allow_excluded: false,
    }
}

/// The program with a draft e1-r1, e2-r2, e3-r3 made by hand.
fn drafted() -> Program {
    let mut p = program();
    for (r, e) in [("r1", "e1"), ("r2", "e2"), ("r3", "e3")] {
        if let Err(err) = apply(&mut p, &by_hand(r, e)) {
            panic!("hand match {r}-{e}: {err}");
        }
    }
    p
}

fn match_of(p: &Program, mentee: &str) -> MatchId {
    p.matches
        .iter()
        .find(|m| m.mentee.as_str() == mentee && m.cycle == p.cycle)
        .map(|m| m.id.clone())
        .unwrap_or_else(|| panic!("no match for {mentee}"))
}

fn mentor_of(p: &Program, mentee: &str) -> Option<String> {
    p.current_matches()
        .find(|m| m.mentee.as_str() == mentee)
        .map(|m| m.mentor.to_string())
}

fn json(p: &Program) -> String {
    serde_json::to_string(p).unwrap_or_default()
}

/// The score the criteria give a pair, computed independently.
fn explained(p: &Program, mentee: &str, mentor: &str) -> i64 {
    match explain(p, &id(mentee), &id(mentor)) {
        Ok(e) => i64::from(e.raw_score),
        Err(err) => panic!("explain {mentee}-{mentor}: {err}"),
    }
}

/// Applies an edit that must fail, and checks the program is byte-identical afterwards.
fn refused(p: &mut Program, edit: DraftEdit) -> DraftError {
    let before = json(p);
    let err = match apply(p, &edit) {
        Ok(_) => panic!("{edit:?} should have failed"),
        Err(e) => e,
    };
    assert_eq!(json(p), before, "{edit:?} failed but changed the program");
    err
}

#[test]
fn match_by_hand_previews_the_explained_score_and_adds_a_manual_match() {
    let mut p = program();
    let before = json(&p);
    let pv = preview(&p, &by_hand("r3", "e1")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(&p), before, "preview changed the program");
    assert_eq!(pv.pair_deltas.len(), 1);
    let d = &pv.pair_deltas[0];
    assert_eq!(
        (d.mentor_before.clone(), d.mentor_after.clone()),
        (None, Some(id("r3")))
    );
    assert_eq!(d.after.map(i64::from), Some(explained(&p, "e1", "r3")));
    assert_eq!(d.after, Some(100));
    assert_eq!((pv.total_before, pv.total_after), (0, 100));
    assert!(pv.warnings.is_empty());

    let applied = apply(&mut p, &by_hand("r3", "e1")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(applied, pv);
    let m = &p.matches[0];
    assert_eq!(
        (m.status, m.source, m.locked, m.score, m.cycle),
        (
            MatchStatus::Proposed,
            MatchSource::Manual,
            false,
            Some(100),
            1
        )
    );
    assert!(!m.id.as_str().is_empty());
    assert_eq!(summary(&p).total_score, 100);
}

#[test]
fn lock_and_unlock_change_only_the_flag() {
    let mut p = drafted();
    let m = match_of(&p, "e1");
    let pv = apply(&mut p, &DraftEdit::Lock(m.clone())).unwrap_or_else(|e| panic!("{e}"));
    assert!(pv.pair_deltas.is_empty());
    assert_eq!(pv.total_before, pv.total_after);
    assert!(p.matches.iter().any(|x| x.id == m && x.locked));
    assert_eq!(summary(&p).locked, 1);
    assert_eq!(
        refused(&mut p, DraftEdit::Lock(m.clone())),
        DraftError::AlreadyLocked(m.clone())
    );
    apply(&mut p, &DraftEdit::Unlock(m.clone())).unwrap_or_else(|e| panic!("{e}"));
    assert!(p.matches.iter().any(|x| x.id == m && !x.locked));
    assert_eq!(
        refused(&mut p, DraftEdit::Unlock(m.clone())),
        DraftError::NotLocked(m)
    );
}

#[test]
fn swap_delta_equals_the_difference_of_explained_scores() {
    let mut p = drafted();
    let (a, b) = (match_of(&p, "e1"), match_of(&p, "e2"));
    let edit = DraftEdit::Swap {
        a: a.clone(),
        b: b.clone(),
        allow_excluded: false,
    };
    let expected = explained(&p, "e2", "r1") + explained(&p, "e1", "r2")
        - explained(&p, "e1", "r1")
        - explained(&p, "e2", "r2");
    let pv = apply(&mut p, &edit).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pv.total_delta(), expected);
    assert_eq!(
        pv.pair_deltas.iter().map(|d| d.delta()).sum::<i64>(),
        expected
    );
    for d in &pv.pair_deltas {
        let mentee = d.mentee.as_str();
        let (Some(before), Some(after)) = (&d.mentor_before, &d.mentor_after) else {
            panic!("swap delta without mentors: {d:?}");
        };
        assert_eq!(
            d.before.map(i64::from),
            Some(explained(&p, mentee, before.as_str()))
        );
        assert_eq!(
            d.after.map(i64::from),
            Some(explained(&p, mentee, after.as_str()))
        );
    }
    assert_eq!(mentor_of(&p, "e1").as_deref(), Some("r2"));
    assert_eq!(mentor_of(&p, "e2").as_deref(), Some("r1"));
    // Each match keeps its id and mentor.
    assert!(p
        .matches
        .iter()
        .any(|m| m.id == a && m.mentor.as_str() == "r1"));
    assert_eq!(summary(&p).total_score, pv.total_after);
}

#[test]
fn move_delta_equals_the_difference_of_explained_scores() {
    let mut p = drafted();
    let edit = DraftEdit::Move {
        mentee: id("e3"),
        to_mentor: id("r1"),
        allow_excluded: false,
    };
    let expected = explained(&p, "e3", "r1") - explained(&p, "e3", "r3");
    let pv = apply(&mut p, &edit).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pv.total_delta(), expected);
    assert_eq!(pv.pair_deltas.len(), 1);
    assert_eq!(mentor_of(&p, "e3").as_deref(), Some("r1"));
    assert_eq!(summary(&p).total_score, pv.total_after);
}

#[test]
fn in_group_format_a_moved_mentee_joins_the_new_mentors_circle() {
    let mut p = drafted();
    for m in &mut p.matches {
        m.circle = Some(if m.mentor.as_str() == "r1" { 7 } else { 8 });
    }
    let edit = DraftEdit::Move {
        mentee: id("e3"),
        to_mentor: id("r1"),
        allow_excluded: false,
    };
    apply(&mut p, &edit).unwrap_or_else(|e| panic!("{e}"));
    let e3 = p.current_matches().find(|m| m.mentee.as_str() == "e3");
    assert_eq!(e3.and_then(|m| m.circle), Some(7));
    apply(&mut p, &by_hand("r3", "e4")).unwrap_or_else(|e| panic!("{e}"));
    let e4 = p.current_matches().find(|m| m.mentee.as_str() == "e4");
    // r3 has no circle left after e3 moved away.
    assert_eq!(e4.and_then(|m| m.circle), None);
}

#[test]
fn unmatch_removes_the_pair_and_its_score() {
    let mut p = drafted();
    let m = match_of(&p, "e2");
    let score = explained(&p, "e2", "r2");
    let pv = apply(&mut p, &DraftEdit::Unmatch(m.clone())).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pv.total_delta(), -score);
    assert!(p.matches.iter().all(|x| x.id != m));
    let s = summary(&p);
    assert_eq!(s.matched_mentees, 2);
    assert!(s
        .unmatched
        .iter()
        .any(|u| u.person == id("e2") && u.role == UnmatchedRole::Mentee));
}

#[test]
fn hand_match_of_an_excluded_pair_needs_confirmation_and_names_the_rule() {
    let mut p = drafted();
    p.matching.rules.forbidden_pairs.push(PairRef {
        mentor: id("r1"),
        mentee: id("e4"),
    });
    let pv = preview(&p, &by_hand("r1", "e4")).unwrap_or_else(|e| panic!("{e}"));
    assert!(pv.needs_confirmation());
    assert!(pv.warnings.iter().any(|w| matches!(
        w,
        DraftWarning::Excluded { reasons, .. } if reasons.contains(&ExclusionReason::Forbidden)
    )));
    assert_eq!(
        refused(&mut p, by_hand("r1", "e4")),
        DraftError::Excluded {
            mentee: id("e4"),
            mentor: id("r1"),
            rules: vec![ExclusionRule::Forbidden],
        }
    );
    let confirmed = DraftEdit::MatchByHand {
        mentor: id("r1"),
        mentee: id("e4"),
        allow_excluded: true,
    };
    let pv = apply(&mut p, &confirmed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        pv.pair_deltas[0].after.map(i64::from),
        Some(explained(&p, "e4", "r1"))
    );
    assert_eq!(mentor_of(&p, "e4").as_deref(), Some("r1"));
}

#[test]
fn a_swap_into_an_excluded_pair_needs_confirmation() {
    let mut p = drafted();
    p.matching.rules.forbidden_pairs.push(PairRef {
        mentor: id("r1"),
        mentee: id("e2"),
    });
    let (a, b) = (match_of(&p, "e1"), match_of(&p, "e2"));
    let err = refused(
        &mut p,
        DraftEdit::Swap {
            a: a.clone(),
            b: b.clone(),
            allow_excluded: false,
        },
    );
    assert!(matches!(err, DraftError::Excluded { .. }), "{err}");
    let edit = DraftEdit::Swap {
        a,
        b,
        allow_excluded: true,
    };
    apply(&mut p, &edit).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mentor_of(&p, "e2").as_deref(), Some("r1"));
}

#[test]
fn capacity_overflow_is_an_error_and_leaves_the_program_untouched() {
    let mut p = drafted();
    // r2 (capacity 1) already mentors e2.
    assert_eq!(
        refused(&mut p, by_hand("r2", "e4")),
        DraftError::MentorAtCapacity {
            mentor: id("r2"),
            capacity: 1,
            used: 1
        }
    );
    let err = refused(
        &mut p,
        DraftEdit::Move {
            mentee: id("e1"),
            to_mentor: id("r3"),
            allow_excluded: false,
        },
    );
    assert!(
        matches!(err, DraftError::MentorAtCapacity { .. }),
        "{err:?}"
    );
    // A mentee with a mentor already (limit 1).
    assert_eq!(
        refused(&mut p, by_hand("r1", "e2")),
        DraftError::MenteeAtLimit {
            mentee: id("e2"),
            limit: 1
        }
    );
}

#[test]
fn locked_pairs_cannot_be_swapped_moved_or_unmatched() {
    let mut p = drafted();
    let (a, b) = (match_of(&p, "e1"), match_of(&p, "e2"));
    apply(&mut p, &DraftEdit::Lock(a.clone())).unwrap_or_else(|e| panic!("{e}"));
    let swap = DraftEdit::Swap {
        a: a.clone(),
        b,
        allow_excluded: true,
    };
    assert_eq!(refused(&mut p, swap), DraftError::Locked(a.clone()));
    let mv = DraftEdit::Move {
        mentee: id("e1"),
        to_mentor: id("r2"),
        allow_excluded: true,
    };
    assert_eq!(refused(&mut p, mv), DraftError::Locked(a.clone()));
    assert_eq!(
        refused(&mut p, DraftEdit::Unmatch(a.clone())),
        DraftError::Locked(a)
    );
}

#[test]
fn bad_ids_and_impossible_edits_are_errors_not_panics() {
    let mut p = drafted();
    let ghost = MatchId::from("m999");
    let e1 = match_of(&p, "e1");
    let e2 = match_of(&p, "e2");
    assert_eq!(
        refused(&mut p, DraftEdit::Lock(ghost.clone())),
        DraftError::UnknownMatch(ghost.clone())
    );
    assert_eq!(
        refused(&mut p, DraftEdit::Unmatch(ghost.clone())),
        DraftError::UnknownMatch(ghost.clone())
    );
    assert_eq!(
        refused(
            &mut p,
            DraftEdit::Swap {
                a: e1.clone(),
                b: ghost.clone(),
                allow_excluded: false
            }
        ),
        DraftError::UnknownMatch(ghost)
    );
    assert_eq!(
        refused(
            &mut p,
            DraftEdit::Swap {
                a: e1.clone(),
                b: e1.clone(),
                allow_excluded: false
            }
        ),
        DraftError::NothingToSwap {
            a: e1.clone(),
            b: e1.clone()
        }
    );
    assert_eq!(
        refused(&mut p, by_hand("nobody", "e4")),
        DraftError::UnknownPerson(id("nobody"))
    );
    assert_eq!(
        refused(&mut p, by_hand("r1", "nobody")),
        DraftError::UnknownPerson(id("nobody"))
    );
    assert_eq!(
        refused(&mut p, by_hand("e4", "e1")),
        DraftError::NotAMentor(id("e4"))
    );
    assert_eq!(
        refused(&mut p, by_hand("r1", "r2")),
        DraftError::NotAMentee(id("r2"))
    );
    assert_eq!(
        refused(&mut p, by_hand("r1", "r1")),
        DraftError::SamePerson(id("r1"))
    );
    assert_eq!(
        refused(&mut p, by_hand("r1", "e1")),
        DraftError::AlreadyPaired {
            mentor: id("r1"),
            mentee: id("e1")
        }
    );
    assert_eq!(
        refused(
            &mut p,
            DraftEdit::Move {
                mentee: id("e4"),
                to_mentor: id("r1"),
                allow_excluded: false
            }
        ),
        DraftError::MenteeNotInDraft(id("e4"))
    );
    assert_eq!(
        refused(
            &mut p,
            DraftEdit::Move {
                mentee: id("e1"),
                to_mentor: id("ghost"),
                allow_excluded: false
            }
        ),
        DraftError::UnknownPerson(id("ghost"))
    );
    assert_eq!(
        refused(
            &mut p,
            DraftEdit::Rerun {
                algorithm: Algorithm::TopN
            }
        ),
        DraftError::NotAPairingAlgorithm(Algorithm::TopN)
    );
    // A published match is no longer in the draft.
    let start = Date::from_ymd(2027, 1, 4).unwrap_or_else(|e| panic!("{e}"));
    apply(&mut p, &DraftEdit::Publish { start }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        refused(&mut p, DraftEdit::Unmatch(e2.clone())),
        DraftError::NotInDraft(e2)
    );
}

#[test]
fn an_either_person_is_never_mentor_and_mentee_in_one_cycle() {
    let mut p = drafted();
    p.people.push(person("x", Role::Either, "D", &["en"], 1));
    apply(&mut p, &by_hand("x", "e4")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        refused(&mut p, by_hand("r1", "x")),
        DraftError::RoleConflict {
            person: id("x"),
            already_mentor: true
        }
    );
}

#[test]
fn rerun_keeps_locked_pairs_and_replaces_the_rest() {
    let mut p = drafted();
    // Lock a poor pair (e3-r3 scores 40) that the optimum would not choose.
    let locked = match_of(&p, "e3");
    apply(&mut p, &DraftEdit::Lock(locked.clone())).unwrap_or_else(|e| panic!("{e}"));
    let kept = p
        .matches
        .iter()
        .find(|m| m.id == locked)
        .cloned()
        .unwrap_or_else(|| panic!("locked match lost"));
    let edit = DraftEdit::Rerun {
        algorithm: Algorithm::Optimal,
    };
    let pv = preview(&p, &edit).unwrap_or_else(|e| panic!("{e}"));
    let applied = apply(&mut p, &edit).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pv, applied);
    assert!(p.matches.contains(&kept), "the locked match changed");
    let proposal = matching::run(&p, Algorithm::Optimal).unwrap_or_else(|e| panic!("{e}"));
    // Running again from the result proposes the same pairs: the re-run was optimal.
    assert!(proposal.new_pairs().all(|np| p
        .current_matches()
        .any(|m| m.mentor == np.mentor && m.mentee == np.mentee)));
    assert_eq!(summary(&p).total_score, pv.total_after);
    assert_eq!(mentor_of(&p, "e3").as_deref(), Some("r3"));
}

#[test]
fn publish_turns_every_draft_match_active_with_the_start_date() {
    let mut p = drafted();
    let start = Date::from_ymd(2027, 2, 1).unwrap_or_else(|e| panic!("{e}"));
    let pv = apply(&mut p, &DraftEdit::Publish { start }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pv.total_before, pv.total_after);
    assert_eq!(p.matches.len(), 3);
    assert!(p
        .matches
        .iter()
        .all(|m| m.status == MatchStatus::Active && m.started_on == Some(start)));
    let s = summary(&p);
    assert_eq!((s.draft_pairs, s.pairs.len(), s.locked), (0, 3, 3));
    assert_eq!(
        refused(&mut p, DraftEdit::Publish { start }),
        DraftError::NothingToPublish
    );
}

#[test]
fn rescore_refreshes_stale_scores_after_a_profile_change() {
    let mut p = drafted();
    assert_eq!(
        refused(&mut p, DraftEdit::Rescore),
        DraftError::ScoresUpToDate
    );
    // e3 learns English: e3-r3 now shares a language.
    let before = explained(&p, "e3", "r3");
    if let Some(e3) = p.person_mut(&id("e3")) {
        e3.languages.push("en".into());
    }
    let after = explained(&p, "e3", "r3");
    assert_ne!(before, after);
    let mut h = History::new(HISTORY_LIMIT);
    let untouched = json(&p);
    let pv =
        apply_and_record(&mut p, &DraftEdit::Rescore, &mut h).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pv.pair_deltas.len(), 1);
    assert_eq!(pv.total_delta(), after - before);
    assert_eq!(summary(&p).total_score, pv.total_after);
    assert!(h.undo(&mut p).is_some());
    assert_eq!(json(&p), untouched);
}

#[test]
fn publishing_an_empty_draft_is_an_error() {
    let mut p = program();
    let start = Date::from_ymd(2027, 2, 1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        refused(&mut p, DraftEdit::Publish { start }),
        DraftError::NothingToPublish
    );
}

#[test]
fn undo_then_redo_returns_exactly_the_same_program() {
    let mut p = program();
    let mut h: History = History::new(HISTORY_LIMIT);
    let start = Date::from_ymd(2027, 3, 1).unwrap_or_else(|e| panic!("{e}"));
    let mut states = vec![json(&p)];
    let step = |p: &mut Program, edit: DraftEdit, h: &mut History| {
        apply_and_record(p, &edit, h).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        // Undo then redo at once gives back the same program.
        let after = json(p);
        assert!(h.undo(p).is_some());
        assert!(h.redo(p).is_some());
        assert_eq!(json(p), after, "undo+redo of {edit:?}");
        after
    };
    states.push(step(&mut p, by_hand("r1", "e1"), &mut h));
    states.push(step(&mut p, by_hand("r2", "e2"), &mut h));
    states.push(step(&mut p, by_hand("r3", "e3"), &mut h));
    let (a, b) = (match_of(&p, "e1"), match_of(&p, "e2"));
    states.push(step(
        &mut p,
        DraftEdit::Swap {
            a: a.clone(),
            b,
            allow_excluded: false,
        },
        &mut h,
    ));
    states.push(step(
        &mut p,
        DraftEdit::Move {
            mentee: id("e3"),
            to_mentor: id("r1"),
            allow_excluded: false,
        },
        &mut h,
    ));
    states.push(step(&mut p, DraftEdit::Lock(a.clone()), &mut h));
    let e3 = match_of(&p, "e3");
    states.push(step(&mut p, DraftEdit::Unmatch(e3), &mut h));
    states.push(step(
        &mut p,
        DraftEdit::Rerun {
            algorithm: Algorithm::Participation,
        },
        &mut h,
    ));
    states.push(step(&mut p, DraftEdit::Publish { start }, &mut h));
    assert_eq!(
        h.undo_label(),
        Some("Publish 4 match(es) starting 2027-03-01")
    );

    // Undo everything: each step gives back the matches exactly (the id counter never
    // goes back, so ids are never given twice).
    let next_seq = p.next_seq;
    for want in states.iter().rev().skip(1) {
        assert!(h.undo(&mut p).is_some());
        let mut want: Program = serde_json::from_str(want).unwrap_or_else(|e| panic!("{e}"));
        want.next_seq = next_seq;
        assert_eq!(json(&p), json(&want));
    }
    assert!(!h.can_undo());
    assert_eq!(h.undo(&mut p), None);
    // Redo everything: exactly the states after each edit (but the counter).
    for want in states.iter().skip(1) {
        assert!(h.redo(&mut p).is_some());
        let mut want: Program = serde_json::from_str(want).unwrap_or_else(|e| panic!("{e}"));
        want.next_seq = next_seq;
        assert_eq!(json(&p), json(&want));
    }
    assert_eq!(p.next_seq, next_seq);
    assert!(!h.can_redo());
}

#[test]
fn undo_puts_matches_back_among_published_and_earlier_ones() {
    let mut p = program();
    p.cycle = 2;
    let mut old = Match::proposed(MatchId::from("old"), id("r2"), id("e4"), Some(40), 1);
    old.status = MatchStatus::Completed;
    p.matches.push(old);
    let mut h = History::new(HISTORY_LIMIT);
    let mut states = vec![json(&p)];
    apply_and_record(&mut p, &by_hand("r1", "e1"), &mut h).unwrap_or_else(|e| panic!("{e}"));
    states.push(json(&p));
    // A published relationship of this cycle between draft matches.
    let mut active = Match::proposed(MatchId::from("act"), id("r3"), id("e3"), Some(40), 2);
    active.status = MatchStatus::Active;
    p.matches.push(active);
    states.pop();
    states.push(json(&p));
    apply_and_record(&mut p, &by_hand("r1", "e2"), &mut h).unwrap_or_else(|e| panic!("{e}"));
    states.push(json(&p));
    let rerun = DraftEdit::Rerun {
        algorithm: Algorithm::Optimal,
    };
    apply_and_record(&mut p, &rerun, &mut h).unwrap_or_else(|e| panic!("{e}"));
    states.push(json(&p));
    let start = Date::from_ymd(2027, 5, 3).unwrap_or_else(|e| panic!("{e}"));
    apply_and_record(&mut p, &DraftEdit::Publish { start }, &mut h)
        .unwrap_or_else(|e| panic!("{e}"));
    states.push(json(&p));
    let next_seq = p.next_seq;
    for want in states.iter().rev().skip(1).take(3) {
        assert!(h.undo(&mut p).is_some());
        let mut want: Program = serde_json::from_str(want).unwrap_or_else(|e| panic!("{e}"));
        want.next_seq = next_seq;
        assert_eq!(json(&p), json(&want));
    }
    // Undoing the first hand match leaves the match published since (made outside the
    // history) and the earlier cycle's in place.
    assert!(h.undo(&mut p).is_some());
    let ids: Vec<&str> = p.matches.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec!["old", "act"]);
}

#[test]
fn a_failed_edit_records_nothing() {
    let mut p = drafted();
    let mut h = History::new(HISTORY_LIMIT);
    let before = json(&p);
    assert!(apply_and_record(&mut p, &by_hand("r2", "e4"), &mut h).is_err());
    assert!(!h.can_undo());
    assert_eq!(json(&p), before);
}

/// Bad input 43: matching with no mentors -> every mentee is unmatched because there are
/// no mentors; no hang.
#[test]
fn bad_input_43_no_mentors_explains_every_mentee() {
    let mut p = program();
    p.people.retain(|x| x.role == Role::Mentee);
    let pv = apply(
        &mut p,
        &DraftEdit::Rerun {
            algorithm: Algorithm::Optimal,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(pv.pair_deltas.is_empty());
    assert!(pv
        .warnings
        .contains(&DraftWarning::LeftUnmatched { mentees: 4 }));
    let s = summary(&p);
    assert_eq!((s.mentees, s.matched_mentees, s.mentors), (4, 0, 0));
    assert_eq!(s.matched_percent, Some(0.0));
    assert_eq!((s.mean_score, s.min_score), (None, None));
    assert_eq!(s.unmatched.len(), 4);
    assert!(s
        .unmatched
        .iter()
        .all(|u| u.reason == UnmatchedReason::NoMentors));
}

/// Bad input 43: matching with no mentees -> mentors are unmatched because there are no
/// mentees; percentages are not invented.
#[test]
fn bad_input_43_no_mentees_explains_every_mentor() {
    let mut p = program();
    p.people.retain(|x| x.role == Role::Mentor);
    p.people[2].capacity = 0;
    let s = summary(&p);
    assert_eq!((s.mentees, s.matched_percent, s.mentors), (0, None, 3));
    let reasons: Vec<_> = s.unmatched.iter().map(|u| u.reason.clone()).collect();
    assert_eq!(
        reasons,
        vec![
            UnmatchedReason::NoMentees,
            UnmatchedReason::NoMentees,
            UnmatchedReason::NotAvailable
        ]
    );
    assert!(s.unmatched.iter().all(|u| u.role == UnmatchedRole::Mentor));
}

/// Bad input 43: every pair forbidden -> each mentee is unmatched with the rule that
/// excluded their partners, counted.
#[test]
fn bad_input_43_all_pairs_forbidden_names_the_rule() {
    let mut p = program();
    for r in ["r1", "r2", "r3"] {
        for e in ["e1", "e2", "e3", "e4"] {
            p.matching.rules.forbidden_pairs.push(PairRef {
                mentor: id(r),
                mentee: id(e),
            });
        }
    }
    apply(
        &mut p,
        &DraftEdit::Rerun {
            algorithm: Algorithm::Participation,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let s = summary(&p);
    assert!(s.pairs.is_empty());
    assert_eq!(s.unmatched.len(), 7);
    for u in &s.unmatched {
        let n = if u.role == UnmatchedRole::Mentee {
            3
        } else {
            4
        };
        assert_eq!(
            u.reason,
            UnmatchedReason::AllExcluded {
                rules: vec![(ExclusionRule::Forbidden, n)]
            },
            "{}",
            u.person
        );
        assert!(u.reason.to_string().contains("forbidden pair"));
    }
}

/// Bad input 43: capacity for fewer than the mentees -> the mentees left over are told no
/// mentor has capacity left.
#[test]
fn bad_input_43_capacity_short_says_no_capacity_left() {
    let mut p = program();
    for x in &mut p.people {
        if x.role == Role::Mentor {
            x.capacity = 1;
        }
    }
    apply(
        &mut p,
        &DraftEdit::Rerun {
            algorithm: Algorithm::Participation,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let s = summary(&p);
    assert_eq!((s.mentees, s.matched_mentees, s.places), (4, 3, 3));
    assert_eq!(s.matched_percent, Some(75.0));
    let lonely: Vec<_> = s
        .unmatched
        .iter()
        .filter(|u| u.role == UnmatchedRole::Mentee)
        .collect();
    assert_eq!(lonely.len(), 1);
    assert_eq!(lonely[0].reason, UnmatchedReason::NoCapacityLeft);
    assert_eq!(
        s.min_score,
        s.pairs.iter().filter_map(|x| x.score).min(),
        "min score"
    );
}

#[test]
fn summary_lists_mentors_over_capacity() {
    let mut p = drafted();
    // r1 takes a second mentee, then its capacity is lowered to 1.
    apply(&mut p, &by_hand("r1", "e4")).unwrap_or_else(|e| panic!("{e}"));
    if let Some(r1) = p.person_mut(&id("r1")) {
        r1.capacity = 1;
    }
    assert_eq!(summary(&p).over_capacity, vec![(id("r1"), 2, 1)]);
    assert_eq!(summary(&drafted()).over_capacity, vec![]);
}

#[test]
fn summary_after_an_unmatch_says_partners_are_still_available() {
    let mut p = drafted();
    let m = match_of(&p, "e2");
    apply(&mut p, &DraftEdit::Unmatch(m)).unwrap_or_else(|e| panic!("{e}"));
    let s = summary(&p);
    let e2 = s
        .unmatched
        .iter()
        .find(|u| u.person == id("e2"))
        .unwrap_or_else(|| panic!("e2 not listed"));
    // r1 has a free place; r2 (now free) too.
    assert_eq!(e2.reason, UnmatchedReason::PartnersAvailable);
}

/// Previews on a 5,000-mentee draft score only the pairs involved and undo snapshots hold
/// only the matches an edit touched. Prints timings (no timed assertion).
#[test]
fn large_draft_edits_touch_only_the_pairs_involved() {
    let mut p = synthetic::program(5_000, 1_500, 7);
    // Synthetic programs come with pins and history; this test builds its own draft.
    p.matches.clear();
    // A draft without running the solver: mentee k with mentor k % 1,500 (capacities
    // raised so every edit below is allowed).
    let mentors: Vec<PersonId> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentor)
        .map(|x| x.id.clone())
        .collect();
    let mentees: Vec<PersonId> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentee)
        .map(|x| x.id.clone())
        .collect();
    for x in &mut p.people {
        if x.role == Role::Mentor {
            x.capacity = 10;
        }
    }
    p.matching.rules = Rules {
        exclude_same_team: false,
        exclude_same_manager: false,
        ..Rules::default()
    };
    for (k, e) in mentees.iter().enumerate() {
        let mid = p.new_match_id();
        let m = Match::proposed(
            mid,
            mentors[k % mentors.len()].clone(),
            e.clone(),
            Some(50),
            p.cycle,
        );
        p.matches.push(m);
    }
    let mut h = History::new(HISTORY_LIMIT);
    let (a, b) = (p.matches[10].id.clone(), p.matches[20].id.clone());
    let t = Instant::now();
    let swap = DraftEdit::Swap {
        a,
        b,
        allow_excluded: true,
    };
    let pv = preview(&p, &swap).unwrap_or_else(|e| panic!("{e}"));
    let preview_time = t.elapsed();
    assert_eq!(pv.pair_deltas.len(), 2);
    apply_and_record(&mut p, &swap, &mut h).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(h.latest_records(), Some(2));
    let mv = DraftEdit::Move {
        mentee: mentees[30].clone(),
        to_mentor: mentors[31].clone(),
        allow_excluded: true,
    };
    apply_and_record(&mut p, &mv, &mut h).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(h.latest_records(), Some(1));
    let t = Instant::now();
    let s = summary(&p);
    let summary_time = t.elapsed();
    assert_eq!(s.matched_mentees, 5_000);
    // The worst case for explaining: nobody matched, every mentee's partners checked.
    p.matches.clear();
    let t = Instant::now();
    let empty = summary(&p);
    let empty_time = t.elapsed();
    assert_eq!(
        empty
            .unmatched
            .iter()
            .filter(|u| u.role == UnmatchedRole::Mentee)
            .count(),
        5_000
    );
    eprintln!(
        "5,000 mentees x 1,500 mentors: swap preview {preview_time:?}, summary {summary_time:?}, \
         summary with everyone unmatched {empty_time:?}"
    );
}
