//! Workshop (projector) mode, issue #5: the deck built from a draft, names (first names or
//! pseudonyms), redaction of everything the audience window receives, summary figures and
//! the what-if's deltas on stage.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::exchange::share::{redact, ShareOptions};
use mentorkit::core::matching::draft::{self, apply, preview, DraftEdit};
use mentorkit::core::model::*;
use mentorkit::core::program::demo::demo_program;
use mentorkit::core::workshop::{
    build_deck, channel_name, display_names, signed, Slide, StageMessage, StageState, MAX_REASONS,
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
