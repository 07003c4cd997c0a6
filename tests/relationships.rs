//! Relationships after publishing: the lifecycle and its events, rematch, meetings,
//! check-ins, goals and milestones, health with its reasons, the table's rows, and the
//! check-ins CSV import with its bad inputs (44-49).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::edit::{self, EditError, History};
use mentorkit::core::exchange::checkins::{
    auto_map_log, plan_log_import, ImportLog, LogDuplicateOf, LogOptions, LogPlan, LogTarget,
};
use mentorkit::core::exchange::csv::sniff;
use mentorkit::core::matching::draft::DraftEdit;
use mentorkit::core::matching::{self, Options, UnmatchedReason};
use mentorkit::core::model::*;
use mentorkit::core::relationships::health::{health, HealthReason, HealthState};
use mentorkit::core::relationships::lifecycle::{
    CheckInInput, GoalInput, MeetingInput, RelationshipEdit, RelationshipError, Rematch,
};
use mentorkit::core::relationships::model::{
    Actor, Agreement, Event, Fit, FollowUpSettings, GoalStatus, MeetingMode, OnTrack, ReasonCode,
    RematchEntry,
};
use mentorkit::core::relationships::summary::{self, Counts, Filter, SortKey};
use mentorkit::core::Date;

#[path = "common/cohort.rs"]
mod cohort;
use cohort::{id, program};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

const START: &str = "2027-01-04";

/// The cohort with e-mails, r1-e1, r1-e2, r2-e4 and r3-e3 published on 4 January 2027.
fn published() -> (Program, History) {
    let mut p = program();
    for x in &mut p.people {
        x.email = format!("{}@example.org", x.id);
    }
    let mut h = History::default();
    for (mentor, mentee) in [("r1", "e1"), ("r1", "e2"), ("r2", "e4"), ("r3", "e3")] {
        h.commit(
            &mut p,
            DraftEdit::MatchByHand {
                mentor: id(mentor),
                mentee: id(mentee),
                allow_excluded: true,
            },
        )
        .unwrap();
    }
    h.commit(&mut p, DraftEdit::Publish { start: d(START) })
        .unwrap();
    (p, h)
}

fn match_of(p: &Program, mentee: &str) -> MatchId {
    p.matches
        .iter()
        .find(|m| m.mentee == id(mentee))
        .unwrap()
        .id
        .clone()
}

fn get<'a>(p: &'a Program, mentee: &str) -> &'a Match {
    p.matches.iter().find(|m| m.mentee == id(mentee)).unwrap()
}

fn transition(id: MatchId, to: MatchStatus, date: &str) -> RelationshipEdit {
    RelationshipEdit::Transition {
        id,
        to,
        date: d(date),
        by: Actor::Coordinator,
        reason: None,
        note: String::new(),
        rematch: Rematch::default(),
    }
}

fn meeting(date: &str, minutes: u16) -> MeetingInput {
    MeetingInput {
        date: d(date),
        minutes: Some(minutes),
        mode: Some(MeetingMode::Video),
        logged_by: Actor::Coordinator,
        note: String::new(),
    }
}

fn check_in(date: &str, rating: u8) -> CheckInInput {
    CheckInInput {
        date: d(date),
        from: Actor::Mentee,
        rating: Some(rating),
        on_track: Some(OnTrack::Yes),
        fit: None,
        comment: String::new(),
        submitted: None,
    }
}

#[test]
fn publishing_starts_each_timeline_with_an_event() {
    let (p, _) = published();
    let m = get(&p, "e1");
    assert_eq!(m.status, MatchStatus::Active);
    assert_eq!(m.events, vec![Event::published(d(START))]);
}

#[test]
fn pause_resume_and_complete_are_events_and_undo_as_one() {
    let (mut p, mut h) = published();
    let e1 = match_of(&p, "e1");
    h.commit(
        &mut p,
        transition(e1.clone(), MatchStatus::OnHold, "2027-02-01"),
    )
    .unwrap();
    h.commit(
        &mut p,
        transition(e1.clone(), MatchStatus::Active, "2027-03-01"),
    )
    .unwrap();
    let done = h
        .commit(
            &mut p,
            RelationshipEdit::Transition {
                id: e1.clone(),
                to: MatchStatus::Completed,
                date: d("2027-06-30"),
                by: Actor::Mentee,
                reason: Some(ReasonCode::GoalsMet),
                note: "Promoted!".into(),
                rematch: Rematch::default(),
            },
        )
        .unwrap();
    assert_eq!(done.label, "Complete Name e1 and Name r1");
    let m = get(&p, "e1");
    assert_eq!(m.status, MatchStatus::Completed);
    assert_eq!(m.ended_on, Some(d("2027-06-30")));
    let kinds: Vec<MatchStatus> = m.events.iter().map(|e| e.to).collect();
    assert_eq!(
        kinds,
        [
            MatchStatus::Active,
            MatchStatus::OnHold,
            MatchStatus::Active,
            MatchStatus::Completed
        ]
    );
    assert_eq!(m.events[3].reason, Some(ReasonCode::GoalsMet));
    assert_eq!(
        h.undo(&mut p).as_deref(),
        Some("Complete Name e1 and Name r1")
    );
    assert_eq!(get(&p, "e1").status, MatchStatus::Active);
    assert_eq!(get(&p, "e1").events.len(), 3);
}

/// Bad input 49: a transition that is not allowed (completing a draft, resuming a
/// completed relationship) is refused and changes nothing.
#[test]
fn transitions_the_lifecycle_does_not_have_are_refused() {
    let (mut p, mut h) = published();
    let e1 = match_of(&p, "e1");
    h.commit(
        &mut p,
        transition(e1.clone(), MatchStatus::Completed, "2027-06-30"),
    )
    .unwrap();
    let before = p.clone();
    let err = h
        .commit(
            &mut p,
            transition(e1.clone(), MatchStatus::Active, "2027-07-01"),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a relationship that is completed cannot become active"
    );
    // A draft cannot be completed.
    p.matching.rules.mentee_max_mentors = 2;
    p.people
        .iter_mut()
        .find(|x| x.id == id("r3"))
        .unwrap()
        .capacity = 2;
    h.commit(
        &mut p,
        DraftEdit::MatchByHand {
            mentor: id("r3"),
            mentee: id("e4"),
            allow_excluded: true,
        },
    )
    .unwrap();
    let draft = p
        .matches
        .iter()
        .find(|m| m.status == MatchStatus::Proposed)
        .unwrap()
        .id
        .clone();
    let err = edit::apply(
        &p,
        transition(draft.clone(), MatchStatus::Completed, "2027-06-30"),
    )
    .unwrap_err();
    assert!(
        matches!(err, EditError::Refused(RelationshipError::NotPublished(_))),
        "{err}"
    );
    assert!(err.to_string().contains("publish it first"), "{err}");
    // A date before the start.
    let e2 = match_of(&p, "e2");
    let err = edit::apply(&p, transition(e2, MatchStatus::OnHold, "2026-12-31")).unwrap_err();
    assert!(
        err.to_string().contains("before the relationship started"),
        "{err}"
    );
    assert_eq!(p.matches.len(), before.matches.len() + 1);
}

#[test]
fn ending_early_queues_a_rematch_forbids_the_pair_and_a_run_keeps_the_rest() {
    let (mut p, mut h) = published();
    p.people
        .iter_mut()
        .find(|x| x.id == id("r2"))
        .unwrap()
        .capacity = 2;
    let e3 = match_of(&p, "e3");
    h.commit(
        &mut p,
        RelationshipEdit::Transition {
            id: e3.clone(),
            to: MatchStatus::EndedEarly,
            date: d("2027-02-10"),
            by: Actor::Mentee,
            reason: Some(ReasonCode::NoTime),
            note: String::new(),
            rematch: Rematch {
                queue: true,
                never_again: true,
                cooldown_days: 14,
            },
        },
    )
    .unwrap();
    assert_eq!(get(&p, "e3").status, MatchStatus::EndedEarly);
    assert_eq!(
        p.rematch,
        vec![RematchEntry {
            mentee: id("e3"),
            mentor: id("r3"),
            ended: e3,
            available_from: d("2027-02-24"),
        }]
    );
    assert!(p.matching.rules.forbidden_pairs.contains(&PairRef {
        mentor: id("r3"),
        mentee: id("e3")
    }));
    // During the cooldown a run leaves e3 out and says why.
    let options = |day: &str| Options {
        as_of: Some(d(day)),
        ..Options::default()
    };
    let cooling = matching::run_with(&p, Algorithm::Optimal, &options("2027-02-20"), &mut |_| {
        matching::Control::Continue
    })
    .unwrap();
    let e3_reason = cooling
        .unmatched
        .iter()
        .find(|u| u.person == id("e3"))
        .map(|u| &u.reason);
    assert_eq!(
        e3_reason,
        Some(&UnmatchedReason::CoolingDown {
            until: d("2027-02-24")
        })
    );
    assert!(e3_reason.unwrap().to_string().contains("24 February 2027"));
    // After it, a run matches e3 with someone new and keeps every running relationship.
    let after = matching::run_with(&p, Algorithm::Optimal, &options("2027-02-24"), &mut |_| {
        matching::Control::Continue
    })
    .unwrap();
    let new_for_e3: Vec<_> = after.new_pairs().filter(|x| x.mentee == id("e3")).collect();
    assert_eq!(new_for_e3.len(), 1, "{:?}", after.pairs);
    assert_ne!(new_for_e3[0].mentor, id("r3"));
    assert!(after.new_pairs().all(|x| x.mentee == id("e3")));
    // Publishing the rematch empties the queue.
    h.commit(
        &mut p,
        DraftEdit::MatchByHand {
            mentor: new_for_e3[0].mentor.clone(),
            mentee: id("e3"),
            allow_excluded: true,
        },
    )
    .unwrap();
    h.commit(
        &mut p,
        DraftEdit::Publish {
            start: d("2027-02-24"),
        },
    )
    .unwrap();
    assert!(p.rematch.is_empty());
}

#[test]
fn a_pair_that_ended_early_is_not_proposed_again_this_cycle() {
    let (mut p, mut h) = published();
    let e3 = match_of(&p, "e3");
    h.commit(
        &mut p,
        transition(e3, MatchStatus::EndedEarly, "2027-02-10"),
    )
    .unwrap();
    p.matching.rules.no_repeat_pairs = false;
    let proposal = matching::run(&p, Algorithm::Optimal).unwrap();
    assert!(proposal
        .new_pairs()
        .all(|x| !(x.mentee == id("e3") && x.mentor == id("r3"))));
}

#[test]
fn bulk_actions_change_what_they_may_and_count_the_rest() {
    let (mut p, mut h) = published();
    let e1 = match_of(&p, "e1");
    h.commit(&mut p, transition(e1, MatchStatus::Completed, "2027-03-01"))
        .unwrap();
    let ids: Vec<MatchId> = p.matches.iter().map(|m| m.id.clone()).collect();
    let done = h
        .commit(
            &mut p,
            RelationshipEdit::Bulk {
                ids: ids.clone(),
                to: MatchStatus::OnHold,
                date: d("2027-04-01"),
            },
        )
        .unwrap();
    assert_eq!((done.report.changed, done.report.skipped), (3, 1));
    assert_eq!(done.label, "Put on hold 3 relationship(s)");
    assert_eq!(
        h.undo(&mut p).as_deref(),
        Some("Put on hold 3 relationship(s)")
    );
    assert_eq!(
        p.matches
            .iter()
            .filter(|m| m.status == MatchStatus::Active)
            .count(),
        3
    );
    // "Complete every relationship that reached the program's end date."
    p.end_date = Some(d("2027-06-30"));
    let err = edit::apply(
        &p,
        RelationshipEdit::CompleteEnded {
            as_of: d("2027-06-29"),
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no running relationship has reached its end date"
    );
    let done = h
        .commit(
            &mut p,
            RelationshipEdit::CompleteEnded {
                as_of: d("2027-07-02"),
            },
        )
        .unwrap();
    assert_eq!(done.report.changed, 3);
    assert!(p.matches.iter().all(|m| m.status == MatchStatus::Completed
        && m.ended_on
            == Some(d(if m.mentee == id("e1") {
                "2027-03-01"
            } else {
                "2027-06-30"
            }))));
}

/// Bad inputs 46 and 47: meeting lengths outside 5-600 minutes, and meetings dated
/// before the start or after today, are refused.
#[test]
fn meetings_add_up_and_bad_ones_are_refused() {
    let (mut p, mut h) = published();
    let e1 = match_of(&p, "e1");
    let log = |date: &str, minutes: u16| RelationshipEdit::LogMeeting {
        id: e1.clone(),
        meeting: meeting(date, minutes),
        as_of: d("2027-03-01"),
    };
    h.commit(&mut p, log("2027-01-20", 60)).unwrap();
    h.commit(&mut p, log("2027-01-10", 90)).unwrap();
    let m = get(&p, "e1");
    assert_eq!(m.meetings.len(), 2);
    assert_eq!(m.meetings[0].date, d("2027-01-10"), "kept in date order");
    assert_eq!(summary::minutes_of(m), 150);
    assert_eq!(summary::hours_text(150u32), "2 h 30 min");
    assert_eq!(summary::minutes_by_person(&p)[&id("r1")], 150);
    assert_eq!(summary::program_minutes(&p), 150);
    for (bad, why) in [
        (
            log("2027-01-20", 601),
            "601 minutes is outside 5-600 minutes",
        ),
        (log("2027-01-20", 4), "4 minutes is outside 5-600 minutes"),
        (
            log("2027-01-03", 60),
            "2027-01-03 is before the relationship started (2027-01-04)",
        ),
        (
            log("2027-03-02", 60),
            "2027-03-02 is in the future (today is 2027-03-01)",
        ),
    ] {
        let err = h.commit(&mut p, bad).unwrap_err();
        assert_eq!(err.to_string(), why);
    }
    assert_eq!(get(&p, "e1").meetings.len(), 2);
    let first = get(&p, "e1").meetings[0].id.clone();
    h.commit(&mut p, RelationshipEdit::RemoveMeeting(e1.clone(), first))
        .unwrap();
    assert_eq!(get(&p, "e1").meetings.len(), 1);
}

#[test]
fn goals_agreement_and_milestones_are_recorded() {
    let (mut p, mut h) = published();
    p.milestones.push(Milestone {
        id: MilestoneId("ms1".into()),
        name: "First meeting".into(),
        offset_days: 14,
    });
    let e1 = match_of(&p, "e1");
    let goal = GoalInput {
        title: "Lead a design review".into(),
        success_criteria: "Runs one review alone".into(),
        target_date: Some(d("2027-05-01")),
        progress: 40,
        status: GoalStatus::Open,
    };
    let added = h
        .commit(&mut p, RelationshipEdit::AddGoal(e1.clone(), goal.clone()))
        .unwrap();
    let gid = RelGoalId(added.report.added.unwrap());
    h.commit(
        &mut p,
        RelationshipEdit::UpdateGoal(
            e1.clone(),
            gid.clone(),
            GoalInput {
                progress: 100,
                status: GoalStatus::Achieved,
                ..goal.clone()
            },
        ),
    )
    .unwrap();
    assert_eq!(get(&p, "e1").goals[0].status, GoalStatus::Achieved);
    let err = h
        .commit(
            &mut p,
            RelationshipEdit::AddGoal(
                e1.clone(),
                GoalInput {
                    progress: 101,
                    ..goal.clone()
                },
            ),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "101 % progress is above 100 %");
    let err = h
        .commit(
            &mut p,
            RelationshipEdit::AddGoal(
                e1.clone(),
                GoalInput {
                    title: "  ".into(),
                    ..goal
                },
            ),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "a goal needs a title");
    let agreement = Agreement {
        meeting_frequency: "Every two weeks".into(),
        expected_end: Some(d("2027-06-30")),
        confidentiality: true,
        no_fault_ending: true,
        mentor_agreed: Some(d("2027-01-05")),
        mentee_agreed: Some(d("2027-01-06")),
    };
    h.commit(
        &mut p,
        RelationshipEdit::SetAgreement(e1.clone(), agreement.clone()),
    )
    .unwrap();
    assert_eq!(get(&p, "e1").agreement, agreement);
    // The milestone is overdue until marked done.
    let as_of = d("2027-02-01");
    let reasons = health(&p, get(&p, "e1"), as_of).unwrap().reasons;
    assert!(
        reasons.iter().any(|r| r.code() == "milestone_overdue"),
        "{reasons:?}"
    );
    h.commit(
        &mut p,
        RelationshipEdit::SetMilestone(
            e1.clone(),
            MilestoneId("ms1".into()),
            Some(d("2027-01-15")),
        ),
    )
    .unwrap();
    let reasons = health(&p, get(&p, "e1"), as_of).unwrap().reasons;
    assert!(
        !reasons.iter().any(|r| r.code() == "milestone_overdue"),
        "{reasons:?}"
    );
}

#[test]
fn health_follows_the_rules_in_order_and_explains_itself() {
    let (mut p, mut h) = published();
    let e1 = match_of(&p, "e1");
    let state = |p: &Program, day: &str| health(p, get(p, "e1"), d(day)).unwrap();
    // Too early in the first 21 days.
    assert_eq!(state(&p, "2027-01-20").state, HealthState::TooEarly);
    // No meeting, 22 days in: needs attention (no_first_meeting).
    let s = state(&p, "2027-01-26");
    assert_eq!(s.state, HealthState::NeedsAttention);
    assert_eq!(s.reasons, vec![HealthReason::NoFirstMeeting { days: 22 }]);
    assert_eq!(
        s.reasons[0].to_string(),
        "No first meeting yet: 22 days since the start"
    );
    // No meeting, 43 days in: at risk (no_meeting_ever).
    assert_eq!(state(&p, "2027-02-16").state, HealthState::AtRisk);
    assert_eq!(state(&p, "2027-02-16").reasons[0].code(), "no_meeting_ever");
    // A meeting and a good check-in: on track.
    let as_of = d("2027-12-31");
    h.commit(
        &mut p,
        RelationshipEdit::LogMeeting {
            id: e1.clone(),
            meeting: meeting("2027-01-15", 60),
            as_of,
        },
    )
    .unwrap();
    h.commit(
        &mut p,
        RelationshipEdit::RecordCheckIn {
            id: e1.clone(),
            check_in: check_in("2027-02-01", 4),
            as_of,
        },
    )
    .unwrap();
    assert_eq!(state(&p, "2027-02-20").state, HealthState::OnTrack);
    // The last meeting more than 45 days ago.
    let s = state(&p, "2027-03-06");
    assert_eq!(s.state, HealthState::NeedsAttention);
    assert_eq!(
        s.reasons[0].to_string(),
        "No meeting logged since 15 January 2027: 50 days"
    );
    // A low rating is at risk, listed first, with the other reasons after it.
    h.commit(
        &mut p,
        RelationshipEdit::RecordCheckIn {
            id: e1.clone(),
            check_in: check_in("2027-03-01", 2),
            as_of,
        },
    )
    .unwrap();
    let s = state(&p, "2027-03-06");
    assert_eq!(s.state, HealthState::AtRisk);
    let codes: Vec<&str> = s.reasons.iter().map(HealthReason::code).collect();
    assert_eq!(codes, ["low_rating", "no_recent_meeting"]);
    // "Not a good fit" is at risk too.
    h.commit(
        &mut p,
        RelationshipEdit::RecordCheckIn {
            id: e1.clone(),
            check_in: CheckInInput {
                fit: Some(Fit::Poor),
                rating: Some(4),
                ..check_in("2027-03-05", 4)
            },
            as_of,
        },
    )
    .unwrap();
    let codes: Vec<&str> = state(&p, "2027-03-06")
        .reasons
        .iter()
        .map(HealthReason::code)
        .collect();
    assert_eq!(codes, ["poor_fit", "no_recent_meeting"]);
    // Thresholds are program settings.
    let settings = FollowUpSettings {
        recent_meeting_days: 60,
        ..p.follow_up
    };
    h.commit(&mut p, RelationshipEdit::SetFollowUp(settings))
        .unwrap();
    let codes: Vec<&str> = state(&p, "2027-03-06")
        .reasons
        .iter()
        .map(HealthReason::code)
        .collect();
    assert_eq!(codes, ["poor_fit"]);
    // On hold: paused, no health.
    h.commit(&mut p, transition(e1, MatchStatus::OnHold, "2027-03-06"))
        .unwrap();
    assert!(health(&p, get(&p, "e1"), d("2027-03-07")).is_none());
}

#[test]
fn overdue_check_ins_and_past_end_need_attention() {
    let (mut p, mut h) = published();
    let e2 = match_of(&p, "e2");
    let as_of = d("2027-12-31");
    h.commit(
        &mut p,
        RelationshipEdit::LogMeeting {
            id: e2.clone(),
            meeting: meeting("2027-02-15", 60),
            as_of,
        },
    )
    .unwrap();
    // First check-in due 3 February (day 30); 15 days later it is overdue by more than 14.
    let s = health(&p, get(&p, "e2"), d("2027-02-18")).unwrap();
    assert_eq!(
        s.reasons,
        vec![HealthReason::CheckInOverdue {
            due: d("2027-02-03"),
            days: 15
        }]
    );
    assert_eq!(
        s.reasons[0].to_string(),
        "Check-in due 3 February 2027 not answered: 15 days overdue"
    );
    h.commit(
        &mut p,
        RelationshipEdit::RecordCheckIn {
            id: e2.clone(),
            check_in: check_in("2027-02-17", 4),
            as_of,
        },
    )
    .unwrap();
    assert_eq!(
        health(&p, get(&p, "e2"), d("2027-02-18")).unwrap().state,
        HealthState::OnTrack
    );
    // Who to ask: the next check-in is due 4 April (day 90).
    let asks = summary::to_ask(&p, d("2027-03-30"));
    let e2_ask = asks.iter().find(|a| p.matches[a.index].id == e2).unwrap();
    assert_eq!((e2_ask.due, e2_ask.overdue), (d("2027-04-04"), false));
    let emails = summary::ask_emails(&p, &asks);
    assert!(
        emails.contains("e2@example.org") && emails.contains("r1@example.org"),
        "{emails}"
    );
    assert_eq!(
        emails.matches("r1@example.org").count(),
        1,
        "each address once: {emails}"
    );
    // Past the program's end.
    p.end_date = Some(d("2027-03-30"));
    let codes: Vec<&str> = health(&p, get(&p, "e2"), d("2027-04-01"))
        .unwrap()
        .reasons
        .iter()
        .map(HealthReason::code)
        .collect();
    assert_eq!(codes, ["past_end"]);
}

#[test]
fn rows_count_filter_and_sort() {
    let (mut p, mut h) = published();
    let as_of = d("2027-03-01");
    let e1 = match_of(&p, "e1");
    h.commit(
        &mut p,
        RelationshipEdit::LogMeeting {
            id: e1.clone(),
            meeting: meeting("2027-02-20", 45),
            as_of,
        },
    )
    .unwrap();
    h.commit(
        &mut p,
        RelationshipEdit::RecordCheckIn {
            id: e1.clone(),
            check_in: check_in("2027-02-20", 5),
            as_of,
        },
    )
    .unwrap();
    let e4 = match_of(&p, "e4");
    h.commit(&mut p, transition(e4, MatchStatus::OnHold, "2027-02-01"))
        .unwrap();
    let mut rows = summary::rows(&p, as_of);
    assert_eq!(rows.len(), 4);
    let counts = Counts::of(&p, &rows);
    assert_eq!(counts.in_state(HealthState::OnTrack), 1);
    assert_eq!(
        counts.in_state(HealthState::AtRisk),
        2,
        "two never met in 56 days"
    );
    assert_eq!(counts.with_status(MatchStatus::OnHold), 1);
    summary::sort(&p, &mut rows, SortKey::Health, false);
    assert_eq!(rows[0].state(), Some(HealthState::AtRisk));
    assert_eq!(rows.last().unwrap().of(&p).status, MatchStatus::OnHold);
    summary::sort(&p, &mut rows, SortKey::Hours, true);
    assert_eq!(rows[0].of(&p).id, e1);
    assert_eq!(
        (rows[0].minutes, rows[0].meetings, rows[0].latest_rating),
        (45, 1, Some(5))
    );
    let f = Filter {
        text: "e1".into(),
        ..Filter::default()
    };
    assert_eq!(f.apply(&p, &rows).len(), 1);
    let f = Filter {
        mentor: Some(id("r1")),
        ..Filter::default()
    };
    assert_eq!(f.apply(&p, &rows).len(), 2);
    let f = Filter {
        health: Some(HealthState::AtRisk),
        department: Some("c".into()),
        ..Filter::default()
    };
    assert_eq!(f.apply(&p, &rows).len(), 1, "r3-e3 (department C)");
}

// The check-ins CSV import.

const FORM_CSV: &str = "\
Timestamp,Email Address,Who is your mentor or mentee?,How is your mentoring going? (1-5),Are you on track?,Have you met since the last check-in?,How long did you meet?,How did you meet?,Anything else?
2/1/2027 9:15:02,e1@example.org,,4,Yes,Yes,1h,Video call,Going well
2/1/2027 10:02:40,r1@example.org,Name e1,5,Yes,Yes,60,Zoom,
2/2/2027 11:00:00,r1@example.org,,3,Not sure,No,,,
2/2/2027 12:00:00,nobody@example.org,,4,Yes,No,,,
2/3/2027 12:00:00,e3@example.org,,7,Yes,No,,,
2/3/2027 13:00:00,e4@example.org,,4,Yes,Yes,11 hours,,
2/4/2027 13:00:00,e2@example.org,,4,Yes,Yes,soon,,
3/9/2027 13:00:00,e2@example.org,,4,Yes,No,,,
12/20/2026 13:00:00,e2@example.org,,4,Yes,No,,,
2/1/2027 9:15:02,e1@example.org,,4,Yes,Yes,1h,Video call,Going well

2/5/2027 9:00:00,r2@example.org,Name e2,4,Yes,No,,,
";

fn plan(p: &Program, csv: &str) -> LogPlan {
    let sniffed = sniff(csv.as_bytes()).unwrap();
    let mapping = auto_map_log(&sniffed.headers);
    plan_log_import(
        &sniffed,
        &mapping,
        &LogOptions {
            as_of: d("2027-03-01"),
            date_order: None,
        },
        p,
    )
}

/// Bad inputs 44, 45, 46, 47 and 48: unknown people, ambiguous partners and partners who
/// are not theirs, ratings out of range, durations that do not parse or exceed 600
/// minutes, dates in the future or before the start, and duplicates; the good rows import.
#[test]
fn a_form_tools_check_ins_import_places_rows_and_says_why_not() {
    let (p, _) = published();
    let plan = plan(&p, FORM_CSV);
    assert!(!plan.date_order_guessed, "12/20/2026 says month first");
    assert_eq!(
        plan.date_order,
        mentorkit::core::exchange::checkins::DateOrder::MonthFirst
    );
    let errors: Vec<String> = plan.row_errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
                "row 4, column C \"Who is your mentor or mentee?\": Name r1 is the mentor of 2 mentees: add a column naming the mentee".to_string(),
                "row 5, column B \"Email Address\": no participant has the e-mail nobody@example.org".to_string(),
                "row 6, column D \"How is your mentoring going? (1-5)\": a rating of 7 is outside 1-5".to_string(),
                "row 7, column G \"How long did you meet?\": 660 minutes is outside 5-600 minutes (\u{201c}11 hours\u{201d})".to_string(),
                "row 8, column G \"How long did you meet?\": \u{201c}soon\u{201d} is not a meeting length: write minutes (90), hours and minutes (1:30, 1h 30m)".to_string(),
                "row 9, column A \"Timestamp\": 2027-03-09 is in the future (today is 2027-03-01)".to_string(),
                "row 10, column A \"Timestamp\": 2026-12-20 is before the relationship started (2027-01-04)".to_string(),
                "row 13, column C \"Who is your mentor or mentee?\": \u{201c}Name e2\u{201d} is not in a running relationship with Name r2 (their partners: Name e4)".to_string(),
        ]
    );
    assert_eq!(
        plan.duplicates
            .iter()
            .map(|x| (x.row, x.of))
            .collect::<Vec<_>>(),
        [(11, LogDuplicateOf::Row(2))]
    );
    // The empty line is no row, but it counts in the numbering (row 13 above).
    assert_eq!(plan.blank_rows, 0);
    // Rows 2 and 3 place on r1-e1: two check-ins, one meeting (the same day).
    assert_eq!(plan.entries.len(), 2);
    assert_eq!(plan.check_ins(), 2);
    assert_eq!(plan.meetings(), 1);
    assert_eq!(plan.meetings_already_logged, [3]);
}

/// Bad input 48: a file imported again is all duplicates, and nothing is recorded twice.
#[test]
fn an_import_is_one_change_and_a_second_import_skips_what_it_recorded() {
    let (mut p, mut h) = published();
    let plan1 = plan(&p, FORM_CSV);
    let done = h
        .commit(
            &mut p,
            ImportLog {
                plan: plan1,
                source: "pulse.csv".into(),
            },
        )
        .unwrap();
    assert_eq!(
        done.label,
        "Import 2 check-in(s) and 1 meeting(s) from pulse.csv"
    );
    let m = get(&p, "e1");
    assert_eq!(m.check_ins.len(), 2);
    assert_eq!(m.check_ins[0].from, Actor::Mentee);
    assert_eq!(m.check_ins[0].comment, "Going well");
    assert_eq!(m.check_ins[1].from, Actor::Mentor);
    assert_eq!(m.meetings.len(), 1);
    assert_eq!(
        (m.meetings[0].minutes, m.meetings[0].mode),
        (Some(60), Some(MeetingMode::Video))
    );
    // Importing the same file again: the recorded responses are duplicates.
    let again = plan(&p, FORM_CSV);
    assert!(again.entries.is_empty());
    assert!(again
        .duplicates
        .iter()
        .any(|x| x.row == 2 && x.of == LogDuplicateOf::Recorded));
    let err = edit::apply(
        &p,
        ImportLog {
            plan: again,
            source: String::new(),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("no row can be imported"), "{err}");
    assert_eq!(
        h.undo(&mut p).as_deref(),
        Some("Import 2 check-in(s) and 1 meeting(s) from pulse.csv")
    );
    assert!(get(&p, "e1").check_ins.is_empty());
}

#[test]
fn a_check_ins_file_needs_the_respondent_and_a_date() {
    let (p, _) = published();
    let plan = plan(&p, "Name,Rating\nAda,4\n");
    assert_eq!(
        plan.missing_required,
        [
            LogTarget::RespondentEmail,
            LogTarget::Timestamp,
            LogTarget::Date
        ]
    );
    assert!(plan.entries.is_empty());
}

#[test]
fn a_day_above_twelve_decides_the_date_order() {
    let (p, _) = published();
    let csv = "Timestamp,Email,Rating\n14/02/2027 9:00,e1@example.org,4\n03/02/2027 9:00,e2@example.org,4\n";
    let plan = plan(&p, csv);
    assert!(!plan.date_order_guessed);
    assert!(plan.row_errors.is_empty(), "{:?}", plan.row_errors);
    assert_eq!(
        plan.entries[1].check_in.as_ref().unwrap().date,
        d("2027-02-03")
    );
}

#[test]
fn sentiment_over_time_is_said_in_words() {
    let (mut p, mut h) = published();
    let e1 = match_of(&p, "e1");
    let as_of = d("2027-12-31");
    for (day, rating) in [("2027-03-01", 2), ("2027-02-01", 4)] {
        h.commit(
            &mut p,
            RelationshipEdit::RecordCheckIn {
                id: e1.clone(),
                check_in: check_in(day, rating),
                as_of,
            },
        )
        .unwrap();
    }
    let points = summary::ratings(get(&p, "e1"));
    assert_eq!(points, [(d("2027-02-01"), 4), (d("2027-03-01"), 2)]);
    assert_eq!(
        summary::ratings_text(&points),
        "Ratings over time: 4 on 1 February 2027, 2 on 1 March 2027. Latest 2 of 5, down from 4."
    );
    assert_eq!(summary::ratings_text(&[]), "No rated check-in yet.");
}

/// Bad input 44: someone whose relationships have all ended has no running relationship
/// to attach a check-in to.
#[test]
fn a_check_in_from_someone_whose_relationship_ended_is_a_row_error() {
    let (mut p, mut h) = published();
    let e3 = match_of(&p, "e3");
    h.commit(&mut p, transition(e3, MatchStatus::Completed, "2027-02-10"))
        .unwrap();
    let plan = plan(&p, "Timestamp,Email,Rating\n2027-02-20 9:00,e3@example.org,4\n2027-02-20 9:00,e1@example.org,5\n");
    let errors: Vec<String> = plan.row_errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["row 2, column B \"Email\": Name e3 has no running relationship (theirs has ended)"]
    );
    assert_eq!(plan.entries.len(), 1, "the other row imports");
}

/// Bad input 72: 5,000 relationships with 20 check-ins each all get a health with its
/// reasons, and the table's rows, counts and a search cover them (the time it takes is
/// printed by `make bench`, not asserted here).
#[test]
fn five_thousand_relationships_with_twenty_check_ins_each() {
    let as_of = d("2027-06-01");
    let p = mentorkit::core::relationships::synthetic::program(5_000, 20, as_of, 42);
    let rows = summary::rows(&p, as_of);
    assert_eq!(rows.len(), 5_000);
    assert!(rows.iter().all(|r| r.health.is_some() && r.meetings == 10));
    let counts = Counts::of(&p, &rows);
    assert_eq!(counts.health.iter().sum::<usize>(), 5_000);
    let found = Filter {
        text: p.people[0].name.clone(),
        ..Filter::default()
    }
    .apply(&p, &rows);
    assert!(!found.is_empty());
}
