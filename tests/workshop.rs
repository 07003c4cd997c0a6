//! Workshop (projector) mode, issue #5: the deck built from a draft, names (first names or
//! pseudonyms), redaction of everything the audience window receives, summary figures and
//! the what-if's deltas on stage.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::exchange::share::{redact, ShareOptions};
use mentorkit::core::matching::draft::{self, apply, preview, DraftEdit};
use mentorkit::core::model::*;
use mentorkit::core::program::demo::demo_program;
use mentorkit::core::workshop::{
    build_deck, channel_name, clock, display_names, duration_words, estimate_reveal, signed,
    Rehearsal, Slide, StageMessage, StageState, DEFAULT_SECONDS_PER_PAIR, MAX_REASONS,
};

/// The demo program with a draft from the optimal algorithm.
fn demo_with_draft() -> Program {
    let mut p = demo_program(ProgramId::from("prog-demo"));
    apply(
        &mut p,
        &DraftEdit::Rerun {
            algorithm: Algorithm::Optimal,
        },
    )
    .unwrap();
    assert!(p.matches.len() >= 5, "the demo draft has pairs");
    p
}

/// Two pairs with different mentors (a swap between them changes something).
fn two_swappable(deck: &mentorkit::core::workshop::Deck) -> (usize, usize) {
    for a in 0..deck.pairs.len() {
        for b in a + 1..deck.pairs.len() {
            if deck.mentors[a] != deck.mentors[b] && !deck.pairs[a].locked && !deck.pairs[b].locked
            {
                return (a, b);
            }
        }
    }
    panic!("no two pairs with different mentors");
}

/// Every text the audience could ever see for this program: the stage view at every step,
/// with the selection, a swap being previewed, and a made edit.
fn everything_sent(p: &Program) -> String {
    let deck = build_deck(p);
    let mut out = String::new();
    let (a, b) = two_swappable(&deck);
    let swap = DraftEdit::Swap {
        a: deck.match_ids[a].clone(),
        b: deck.match_ids[b].clone(),
        allow_excluded: true,
    };
    let pv = preview(p, &swap).unwrap();
    let change = deck.change_view(deck.edit_label(&swap), &pv, false);
    for step in 0..=deck.last_step() {
        let state = StageState {
            step,
            selected: Some(a),
            picked: Some(b),
        };
        for change in [None, Some((&change, &pv))] {
            let view = deck.stage_view(&state, change);
            out.push_str(&StageMessage::State(Box::new(view)).to_json().unwrap());
        }
    }
    out
}

#[test]
fn the_deck_has_a_slide_per_draft_pair_in_draft_order_then_a_summary() {
    let p = demo_with_draft();
    let deck = build_deck(&p);
    let summary = draft::summary(&p);
    assert_eq!(deck.pairs.len(), summary.pairs.len());
    assert_eq!(deck.last_step(), summary.pairs.len() + 1);
    for (k, (slide, pair)) in deck.pairs.iter().zip(&summary.pairs).enumerate() {
        assert_eq!(slide.number, k + 1);
        assert_eq!(slide.score, pair.score);
        assert_eq!(deck.match_ids[k], pair.id);
        let mentee = p.person(&pair.mentee).unwrap();
        assert_eq!(slide.mentee, mentee.name.split_whitespace().next().unwrap());
    }
    // Step 0 is the title, step k reveals k pairs, the last step is the summary.
    let v0 = deck.stage_view(&StageState::default(), None);
    assert_eq!(
        v0.slide,
        Slide::Title {
            pairs: deck.pairs.len()
        }
    );
    assert!(v0.revealed.is_empty());
    let v2 = deck.stage_view(
        &StageState {
            step: 2,
            ..Default::default()
        },
        None,
    );
    assert_eq!(v2.revealed.len(), 2);
    assert_eq!(v2.slide, Slide::Pair(deck.pairs[1].clone()));
    assert!(v2
        .announcement
        .starts_with(&format!("Pair 2 of {}: ", deck.pairs.len())));
    let last = deck.stage_view(
        &StageState {
            step: 10_000,
            ..Default::default()
        },
        None,
    );
    assert_eq!(
        last.step,
        deck.last_step(),
        "steps past the end stop at the summary"
    );
    assert_eq!(last.revealed.len(), deck.pairs.len());
    assert!(matches!(last.slide, Slide::Summary(_)));
}

/// A selection or swap pick on a pair not yet revealed must not leak it to the audience.
#[test]
fn selection_is_limited_to_revealed_pairs() {
    let deck = build_deck(&demo_with_draft());
    let view = deck.stage_view(
        &StageState {
            step: 1,
            selected: Some(3),
            picked: Some(0),
        },
        None,
    );
    assert_eq!(view.selected, None);
    assert_eq!(view.picked, Some(0));
}

#[test]
fn each_pair_slide_gives_at_most_three_reasons_in_plain_words_largest_first() {
    let p = demo_with_draft();
    let deck = build_deck(&p);
    assert!(deck.pairs.iter().any(|s| !s.reasons.is_empty()));
    for slide in &deck.pairs {
        assert!(slide.reasons.len() <= MAX_REASONS);
        let points: Vec<u32> = slide
            .reasons
            .iter()
            .map(|r| {
                let (_, tail) = r.rsplit_once('(').unwrap();
                tail.split_whitespace().next().unwrap().parse().unwrap()
            })
            .collect();
        assert!(
            points.windows(2).all(|w| w[0] >= w[1]),
            "{:?}",
            slide.reasons
        );
        assert!(points.iter().all(|&x| x > 0), "{:?}", slide.reasons);
    }
}

#[test]
fn pseudonyms_replace_names_when_the_program_says_so_and_match_share_links() {
    let mut p = demo_with_draft();
    p.workshop.names = NameDisplay::Pseudonyms;
    let deck = build_deck(&p);
    let shared = redact(
        &p,
        &ShareOptions {
            redacted: true,
            pseudonyms: true,
        },
    );
    for (k, slide) in deck.pairs.iter().enumerate() {
        let expected = shared.person(&deck.mentees[k]).unwrap().name.clone();
        assert_eq!(slide.mentee, expected);
        assert!(
            slide.mentee.starts_with("Mentee ") || slide.mentee.starts_with("Participant "),
            "{}",
            slide.mentee
        );
    }
    let sent = everything_sent(&p);
    for person in &p.people {
        let first = person.name.split_whitespace().next().unwrap();
        // Pseudonyms ("Mentor 3") never contain a real first name.
        assert!(!sent.contains(&format!("\"{first}\"")), "{first} leaked");
    }
}

#[test]
fn first_names_match_a_redacted_share_link_and_never_an_email() {
    let mut p = demo_with_draft();
    let first = display_names(&p, NameDisplay::FirstNames);
    let shared = redact(
        &p,
        &ShareOptions {
            redacted: true,
            pseudonyms: false,
        },
    );
    for person in &shared.people {
        assert_eq!(first[&person.id], person.name);
    }
    // A roster whose name column held e-mail addresses: the pseudonym is shown instead.
    p.people[0].name = "ada.lovelace@example.com".into();
    p.people[1].name = "   ".into();
    let names = display_names(&p, NameDisplay::FirstNames);
    assert!(!names[&p.people[0].id].contains('@'));
    assert!(!names[&p.people[1].id].trim().is_empty());
}

/// The audience window must never get e-mails, full names, managers, notes, bios or
/// sensitive answers, whatever step, selection or change is shown.
#[test]
fn nothing_sent_to_the_audience_holds_private_data() {
    let mut p = demo_with_draft();
    // Make every kind of private data present and recognisable.
    let sensitive: Vec<FieldId> = p
        .profile_fields
        .iter()
        .filter(|f| f.sensitive)
        .map(|f| f.id.clone())
        .collect();
    assert!(!sensitive.is_empty(), "the demo has a sensitive question");
    for (k, person) in p.people.iter_mut().enumerate() {
        person.manager = format!("Manager-{k}-secret");
        person.notes = format!("Private note {k}");
        person.bio = format!("Bio text {k}");
        person.answers.insert(
            sensitive[0].clone(),
            // The same answer for everybody, so a "same" criterion on it scores points.
            Answer::Text("SensitiveAnswer".to_owned()),
        );
    }
    // A criterion on the sensitive question must not become a reason either.
    for f in &mut p.profile_fields {
        if f.id == sensitive[0] {
            f.use_for_matching = true;
        }
    }
    p.matching.criteria.push(Criterion {
        kind: CriterionKind::Field {
            field: sensitive[0].clone(),
            prefer: Preference::Same,
        },
        weight: 9,
    });
    apply(&mut p, &DraftEdit::Rescore).unwrap();
    let criterion = p.matching.criteria.len() - 1;
    let m = &p.matches[0];
    let x = mentorkit::core::matching::scoring::explain(&p, &m.mentee, &m.mentor).unwrap();
    assert!(
        x.contributions
            .iter()
            .any(|c| c.criterion == criterion && c.points > 0),
        "the sensitive criterion scores, so leaving it out of the reasons is tested"
    );
    let sensitive_label = p
        .profile_fields
        .iter()
        .find(|f| f.id == sensitive[0])
        .unwrap()
        .label
        .clone();
    for names in NameDisplay::ALL {
        p.workshop.names = names;
        let sent = everything_sent(&p);
        assert!(!sent.contains('@'), "an e-mail address was sent");
        assert!(!sent.contains("secret"), "a manager was sent");
        assert!(!sent.contains("Private note"), "a note was sent");
        assert!(!sent.contains("Bio text"), "a bio was sent");
        assert!(
            !sent.contains("SensitiveAnswer"),
            "a sensitive answer was sent"
        );
        assert!(
            !sent.contains(&sensitive_label),
            "a sensitive criterion was given as a reason"
        );
        for person in &p.people {
            if person.name.split_whitespace().count() > 1 {
                assert!(
                    !sent.contains(&person.name),
                    "full name {} sent",
                    person.name
                );
            }
        }
    }
}

#[test]
fn the_summary_slide_has_the_cohort_figures_and_no_names() {
    let p = demo_with_draft();
    let deck = build_deck(&p);
    let s = draft::summary(&p);
    let slide = &deck.summary;
    assert_eq!(slide.pairs, s.pairs.len());
    assert_eq!(slide.mentees, s.mentees);
    assert_eq!(slide.matched_mentees, s.matched_mentees);
    assert_eq!(
        slide.matched_percent,
        s.matched_percent.map(|x| x.round() as u32)
    );
    let mean = s.mean_score.unwrap();
    assert!((slide.mean_score.unwrap() - mean).abs() <= 0.05);
    let unmatched_mentees = s
        .unmatched
        .iter()
        .filter(|u| u.role == mentorkit::core::matching::UnmatchedRole::Mentee)
        .count();
    assert_eq!(slide.unmatched_mentees, unmatched_mentees);
    assert_eq!(
        slide.unmatched_mentees + slide.unmatched_mentors,
        s.unmatched.len()
    );
    let json = serde_json::to_string(slide).unwrap();
    for person in &p.people {
        let first = person.name.split_whitespace().next().unwrap();
        assert!(!json.contains(first), "{first} on the summary slide");
    }
}

/// A swap previewed on stage shows each pair's delta on its slide and the cohort total, the
/// same numbers the draft's preview gives; after applying, the deck shows the new pairs.
#[test]
fn a_swap_shows_per_pair_and_cohort_deltas_on_stage() {
    let mut p = demo_with_draft();
    let deck = build_deck(&p);
    let (a, b) = two_swappable(&deck);
    let swap = DraftEdit::Swap {
        a: deck.match_ids[a].clone(),
        b: deck.match_ids[b].clone(),
        allow_excluded: true,
    };
    let pv = preview(&p, &swap).unwrap();
    assert!(!pv.pair_deltas.is_empty());
    let change = deck.change_view(deck.edit_label(&swap), &pv, false);
    assert_eq!(
        change.label,
        format!("Swap the mentees of pair {} and pair {}", a + 1, b + 1)
    );
    assert_eq!(change.total_delta(), pv.total_delta());
    assert_eq!(
        change.pairs.iter().map(|c| c.delta).sum::<i64>(),
        change.total_delta()
    );
    let view = deck.stage_view(
        &StageState {
            step: b + 1,
            ..Default::default()
        },
        Some((&change, &pv)),
    );
    assert!(view.revealed.iter().filter(|s| s.delta.is_some()).count() == 2);
    for slide in &view.revealed {
        let k = slide.number - 1;
        let expected = pv
            .pair_deltas
            .iter()
            .find(|d| d.mentee == deck.mentees[k])
            .map(|d| d.delta());
        assert_eq!(slide.delta, expected);
    }
    apply(&mut p, &swap).unwrap();
    let after = build_deck(&p);
    assert_eq!(after.pairs[a].mentee, deck.pairs[b].mentee);
    assert_eq!(after.pairs[b].mentee, deck.pairs[a].mentee);
    assert_eq!(
        after.pairs[a].mentor, deck.pairs[a].mentor,
        "slides keep their mentor"
    );
    assert_eq!(after.total_score, deck.total_score + pv.total_delta());
}

#[test]
fn messages_round_trip_as_json_and_garbage_is_an_error() {
    let deck = build_deck(&demo_with_draft());
    let view = deck.stage_view(
        &StageState {
            step: 1,
            ..Default::default()
        },
        None,
    );
    for m in [
        StageMessage::Hello,
        StageMessage::Closed,
        StageMessage::State(Box::new(view)),
    ] {
        assert_eq!(StageMessage::from_json(&m.to_json().unwrap()).unwrap(), m);
    }
    for bad in [
        "",
        "hello",
        "{}",
        r#"{"kind":"state"}"#,
        r#"{"kind":"nope"}"#,
        "[1,2]",
    ] {
        assert!(StageMessage::from_json(bad).is_err(), "{bad}");
    }
    assert_eq!(
        channel_name(&ProgramId::from("prog-1")),
        "mentorkit-workshop:prog-1"
    );
}

/// No draft: a title slide saying so and a summary, never a panic.
#[test]
fn an_empty_draft_gives_a_title_and_a_summary() {
    let p = demo_program(ProgramId::from("prog-demo"));
    let deck = build_deck(&p);
    assert!(deck.pairs.is_empty());
    assert_eq!(deck.last_step(), 1);
    let v = deck.stage_view(
        &StageState {
            step: 5,
            selected: Some(0),
            picked: None,
        },
        None,
    );
    assert!(matches!(v.slide, Slide::Summary(_)));
    assert_eq!(v.selected, None);
    assert!(v.announcement.contains("0%") || v.announcement.contains("none"));
}

#[test]
fn deltas_carry_their_sign_in_the_text() {
    assert_eq!(signed(6), "+6");
    assert_eq!(signed(-3), "\u{2212}3");
    assert_eq!(signed(0), "\u{b1}0");
}

// ---------------------------------------------------------------------------------------
// Issue 15: the rehearsal's timing, and naming mentors on a screen the room may see.

/// Each pair slide's time is booked when the facilitator leaves it, in either direction;
/// the pace is the mean over the pairs timed, and the estimate covers every pair.
#[test]
fn a_rehearsal_times_each_pair_slide_and_estimates_the_reveal() {
    let mut r = Rehearsal::start(4, 1_000.0);
    assert_eq!((r.step(), r.pairs()), (0, 4));
    // 50 s on the title slide: not a pair, not timed.
    r.next(51_000.0);
    assert_eq!(r.step(), 1);
    assert_eq!(r.pace(), None);
    r.next(61_000.0); // pair 1: 10 s
    r.next(81_000.0); // pair 2: 20 s
    assert_eq!(r.step(), 3);
    assert_eq!(r.timed_pairs(), 2);
    assert_eq!(r.pace(), Some(15.0));
    let e = r.estimate(DEFAULT_SECONDS_PER_PAIR);
    assert!(e.measured);
    assert_eq!(
        (e.pairs, e.seconds_per_pair, e.total_seconds),
        (4, 15.0, 60)
    );
    // Back to pair 2 after 6 s on pair 3, then 4 more seconds on pair 2.
    r.back(87_000.0);
    r.next(91_000.0);
    assert_eq!(r.timed_pairs(), 3);
    assert_eq!(r.pace(), Some((10.0 + 24.0 + 6.0) / 3.0));
    // End goes to the summary and stays there; the elapsed time runs from the start.
    r.end(100_000.0);
    assert_eq!(r.step(), 5);
    r.next(101_000.0);
    assert_eq!(r.step(), 5);
    assert_eq!(r.elapsed_seconds(101_000.0), 100.0);
}

/// Before any pair is timed, the estimate is the planned pace times the pairs.
#[test]
fn before_any_pair_is_timed_the_estimate_uses_the_planned_pace() {
    let r = Rehearsal::start(24, 0.0);
    let e = r.estimate(20);
    assert!(!e.measured);
    assert_eq!((e.pairs, e.total_seconds), (24, 480));
    assert_eq!(duration_words(e.total_seconds), "8 min");
    assert_eq!(Rehearsal::start(0, 0.0).estimate(20).total_seconds, 0);
}

/// A clock that goes backwards (the computer's time was changed) counts as no time, never
/// as a negative pace.
#[test]
fn a_clock_going_backwards_counts_as_no_time() {
    let mut r = Rehearsal::start(2, 10_000.0);
    r.next(10_000.0);
    r.next(5_000.0);
    assert_eq!(r.pace(), None);
    assert_eq!(r.elapsed_seconds(0.0), 0.0);
    let e = estimate_reveal(3, f64::NAN, true);
    assert_eq!(e.total_seconds, 0);
    assert_eq!(estimate_reveal(3, -4.0, true).total_seconds, 0);
}

#[test]
fn durations_read_in_words_and_as_a_clock() {
    assert_eq!(duration_words(0), "0 s");
    assert_eq!(duration_words(45), "45 s");
    assert_eq!(duration_words(432), "7 min 12 s");
    assert_eq!(duration_words(600), "10 min");
    assert_eq!(duration_words(3_900), "1 h 5 min");
    assert_eq!(duration_words(7_200), "2 h");
    assert_eq!(clock(7), "0:07");
    assert_eq!(clock(750), "12:30");
    assert_eq!(clock(3_723), "1:02:03");
}

/// On a mirrored display the move form is on the room's screen: it names mentors as the
/// stage does (first names or pseudonyms), never by full name or e-mail, and tells two
/// mentors with the same first name apart by their pseudonym.
#[test]
fn move_choices_name_mentors_as_the_stage_does() {
    let mut p = demo_with_draft();
    for (k, name) in ["Sam Okafor", "Sam Lindqvist"].into_iter().enumerate() {
        let mut mentor = Person::new(PersonId(format!("p-sam-{k}")), name, Role::Mentor);
        mentor.email = format!("sam{k}@example.com");
        mentor.capacity = 1;
        p.people.push(mentor);
    }
    let deck = build_deck(&p);
    let choices = deck.mentor_choices(&p);
    let mentors = p
        .people
        .iter()
        .filter(|x| x.role != Role::Mentee && x.capacity > 0)
        .count();
    assert_eq!(choices.len(), mentors);
    let mut labels: Vec<&str> = choices.iter().map(|(_, l)| l.as_str()).collect();
    for (id, label) in &choices {
        let person = p.person(id).unwrap();
        assert!(!label.contains('@'), "{label}");
        if person.name.contains(' ') {
            assert!(!label.contains(&person.name), "full name in {label}");
        }
        assert!(label.starts_with(&deck.name(id)), "{label}");
    }
    let sams: Vec<&str> = labels
        .iter()
        .copied()
        .filter(|l| l.starts_with("Sam "))
        .collect();
    assert_eq!(sams.len(), 2, "{labels:?}");
    assert!(sams
        .iter()
        .all(|l| l.starts_with("Sam (Mentor ") && l.ends_with(')')));
    labels.dedup();
    assert_eq!(
        labels.len(),
        choices.len(),
        "every choice tells itself apart"
    );

    p.workshop.names = NameDisplay::Pseudonyms;
    let deck = build_deck(&p);
    for (_, label) in deck.mentor_choices(&p) {
        assert!(
            label.starts_with("Mentor ") || label.starts_with("Participant "),
            "{label}"
        );
    }
}

/// The draft history's labels (shared with the Matching page) name people in full; on a
/// screen the room may see they are shown with the stage's names. Every kind of edit the
/// presenter or the Matching page records is covered, in both name settings.
#[test]
fn history_labels_are_shown_with_stage_names() {
    let mut p = demo_with_draft();
    // A first name that is also the start of someone else's full name must not split it,
    // and hyphens are part of a name.
    p.people[0].name = format!("{} {}", first_word(&p.people[1].name), "Okonkwo-Lindqvist");
    p.people[3].name = "Maximiliana-Wolfe Kulkarni".to_owned();
    for names in NameDisplay::ALL {
        p.workshop.names = names;
        let deck = build_deck(&p);
        let (a, b) = two_swappable(&deck);
        let edits = [
            DraftEdit::Lock(deck.match_ids[a].clone()),
            DraftEdit::Swap {
                a: deck.match_ids[a].clone(),
                b: deck.match_ids[b].clone(),
                allow_excluded: true,
            },
            DraftEdit::Move {
                mentee: deck.mentees[a].clone(),
                to_mentor: deck.mentors[b].clone(),
                allow_excluded: true,
            },
            DraftEdit::Unmatch(deck.match_ids[b].clone()),
        ];
        for edit in &edits {
            let Ok(pv) = preview(&p, edit) else { continue };
            let shown = deck.stage_label(&p, &pv.label);
            assert!(!shown.contains('@'), "{shown}");
            for person in &p.people {
                if person.name.contains(' ') {
                    assert!(!shown.contains(&person.name), "{} in {shown}", person.name);
                }
            }
            if names == NameDisplay::Pseudonyms {
                assert!(
                    shown.contains("Mentee ")
                        || shown.contains("Mentor ")
                        || shown.contains("Participant "),
                    "{shown}"
                );
            }
        }
    }
    // Words that are no one's name are kept; names are whole words.
    p.workshop.names = NameDisplay::FirstNames;
    let deck = build_deck(&p);
    assert_eq!(
        deck.stage_label(&p, "Unmatch Maximiliana-Wolfe Kulkarni."),
        "Unmatch Maximiliana-Wolfe."
    );
    let name = p.people[2].name.clone();
    let shown = deck.stage_label(&p, &format!("Lock {name} with X{name}"));
    assert_eq!(
        shown,
        format!("Lock {} with X{name}", deck.name(&p.people[2].id))
    );
}

fn first_word(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}
