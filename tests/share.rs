//! Share links: round trips (full and redacted), the size limit, and broken or tampered links
//! (each must give a clear error, never a panic).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use mentorkit::core::exchange::share::{
    decode, encode, qr_svg, redact, ShareError, ShareOptions, MAX_LINK_CHARS, MAX_QR_CHARS,
    MAX_UNPACKED_BYTES,
};
use mentorkit::core::program::demo::demo_program;
use mentorkit::core::program::validate::validate;
use mentorkit::core::*;

const FULL: ShareOptions = ShareOptions {
    redacted: false,
    pseudonyms: false,
};
const REDACTED: ShareOptions = ShareOptions {
    redacted: true,
    pseudonyms: false,
};
const PSEUDONYMS: ShareOptions = ShareOptions {
    redacted: true,
    pseudonyms: true,
};

/// The demo program with every kind of private data a redacted link must drop.
fn program_with_secrets() -> Program {
    let mut p = demo_program(ProgramId::from("prog-share"));
    let field = FieldId(p.next_id(IdKind::Field));
    p.profile_fields.push(ProfileField {
        id: field.clone(),
        label: "Health needs".into(),
        kind: FieldKind::ShortText,
        sensitive: true,
        use_for_matching: false,
        asked_of: AskedOf::Everyone,
    });
    p.people[0]
        .answers
        .insert(field, Answer::Text("SECRET-ANSWER".into()));
    p.people[0].notes = "SECRET-NOTE".into();
    p.people[0].bio = "SECRET-BIO".into();
    let mentor = p
        .people
        .iter()
        .find(|x| x.role == Role::Mentor)
        .map(|x| x.id.clone())
        .expect("demo has a mentor");
    let mentee = p
        .people
        .iter()
        .find(|x| x.role == Role::Mentee)
        .map(|x| x.id.clone())
        .expect("demo has a mentee");
    p.matching.rules.forbidden_pairs.push(PairRef {
        mentor: mentor.clone(),
        mentee: mentee.clone(),
    });
    let id = p.new_match_id();
    let check_in = CheckInId(p.next_id(IdKind::CheckIn));
    let meeting = MeetingId(p.next_id(IdKind::Meeting));
    let date = Date::from_ymd(2027, 3, 1).expect("valid date");
    let mut m = Match::proposed(id, mentor, mentee, None, 1);
    m.status = MatchStatus::EndedEarly;
    m.events.push(Event {
        date,
        to: MatchStatus::EndedEarly,
        by: Actor::Coordinator,
        reason: Some(ReasonCode::Other),
        note: "SECRET-REASON".into(),
    });
    m.meetings.push(Meeting {
        id: meeting,
        date,
        minutes: Some(30),
        mode: Some(MeetingMode::Video),
        logged_by: Actor::Mentor,
        note: "SECRET-MEETING".into(),
    });
    m.check_ins.push(CheckIn {
        id: check_in,
        date,
        from: Actor::Mentee,
        rating: Some(4),
        on_track: Some(OnTrack::Yes),
        fit: None,
        comment: "SECRET-CHECKIN".into(),
        submitted: None,
    });
    p.matches.push(m);
    assert_eq!(validate(&p), Ok(()), "the fixture itself must be valid");
    p
}

/// The program file text inside a payload.
fn inside(payload: &str) -> String {
    String::from_utf8(mentorkit::core::exchange::share::unpack(payload).expect("unpacks"))
        .expect("text")
}

#[test]
fn full_link_round_trips_to_an_equal_program() {
    let program = program_with_secrets();
    let payload = encode(&program, &FULL).expect("fits in a link");
    assert!(payload.starts_with("mk1."));
    assert!(payload.len() <= MAX_LINK_CHARS);
    let imported = decode(&payload).expect("decodes");
    assert_eq!(imported.program, program);
    assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
}

#[test]
fn redacted_link_holds_no_email_sensitive_answer_or_notes() {
    let program = program_with_secrets();
    let payload = encode(&program, &REDACTED).expect("fits in a link");
    let text = inside(&payload);
    for secret in [
        "SECRET-ANSWER",
        "SECRET-NOTE",
        "SECRET-BIO",
        "SECRET-REASON",
        "SECRET-MEETING",
        "SECRET-CHECKIN",
        "Health needs",
        "@",
    ] {
        assert!(!text.contains(secret), "{secret} leaked into the link");
    }
    for person in &program.people {
        assert!(!text.contains(&person.manager) || person.manager.is_empty());
        assert!(
            !text.contains(&person.name),
            "full name {} leaked",
            person.name
        );
    }
    let imported = decode(&payload).expect("decodes");
    let got = imported.program;
    assert_eq!(validate(&got), Ok(()));
    assert_eq!(got.people.len(), program.people.len());
    assert_eq!(got.matches.len(), program.matches.len());
    assert!(got.matching.rules.forbidden_pairs.is_empty());
    assert!(got.profile_fields.iter().all(|f| !f.sensitive));
    for (before, after) in program.people.iter().zip(&got.people) {
        assert_eq!(after.id, before.id);
        assert!(after.email.is_empty() && after.notes.is_empty() && after.bio.is_empty());
        let first = before.name.split_whitespace().next().unwrap_or_default();
        assert_eq!(after.name, first);
    }
}

#[test]
fn pseudonyms_are_stable_and_replace_every_name() {
    let program = program_with_secrets();
    let once = redact(&program, &PSEUDONYMS);
    let twice = redact(&program, &PSEUDONYMS);
    assert_eq!(once, twice);
    let first_mentor = program
        .people
        .iter()
        .position(|x| x.role == Role::Mentor)
        .expect("a mentor");
    assert_eq!(once.people[first_mentor].name, "Mentor 1");
    let text = inside(&encode(&program, &PSEUDONYMS).expect("fits"));
    for person in &program.people {
        let first = person.name.split_whitespace().next().unwrap_or_default();
        assert!(
            !text.contains(&format!("\"{first}\"")),
            "{first} leaked into a pseudonymous link"
        );
    }
    assert_eq!(
        decode(&encode(&program, &PSEUDONYMS).expect("fits"))
            .expect("decodes")
            .program,
        once
    );
}

#[test]
fn program_too_large_for_a_link_says_so_with_the_limit() {
    let mut program = demo_program(ProgramId::from("prog-big"));
    // Text that deflate cannot shrink much: a pseudo-random bio per person.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let template = program.people[0].clone();
    for _ in 0..400 {
        let mut person = template.clone();
        person.id = program.new_person_id();
        person.email = format!("{}@example.org", person.id);
        person.bio = (0..120)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                char::from(b'a' + ((seed >> 33) % 26) as u8)
            })
            .collect();
        program.people.push(person);
    }
    assert_eq!(validate(&program), Ok(()));
    match encode(&program, &FULL) {
        Err(ShareError::TooLarge { chars, limit }) => {
            assert_eq!(limit, MAX_LINK_CHARS);
            assert!(chars > limit);
            let message = ShareError::TooLarge { chars, limit }.to_string();
            assert!(message.contains("32000") && message.contains("program file"));
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

fn assert_error(payload: &str, expect: impl Fn(&ShareError) -> bool, what: &str) {
    match decode(payload) {
        Ok(_) => panic!("{what}: a broken link was accepted"),
        Err(e) => {
            assert!(expect(&e), "{what}: unexpected error {e:?}");
            assert!(!e.to_string().is_empty());
        }
    }
}

/// A payload holding `bytes`, deflated, as this version writes it.
fn pack(bytes: &[u8]) -> String {
    format!(
        "mk1.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 6))
    )
}

/// Bad inputs 1-2 for links: no payload, or not ours at all.
#[test]
fn links_that_are_not_share_links_are_refused() {
    assert_error("", |e| matches!(e, ShareError::Empty), "empty");
    assert_error("  ", |e| matches!(e, ShareError::Empty), "blank");
    for bad in ["hello", "mk.abc", "MK1.abc", "http://x/#/share/mk1.abc"] {
        assert_error(bad, |e| matches!(e, ShareError::NotAShareLink), bad);
    }
    let e = decode("hello").expect_err("refused");
    assert!(e.to_string().contains("not a MentorKit share link"));
}

#[test]
fn bad_base64_is_a_damaged_link() {
    for bad in ["mk1.***", "mk1.ab=cd", "mk1.a", "mk1.é"] {
        assert_error(bad, |e| matches!(e, ShareError::Damaged(_)), bad);
    }
    let e = decode("mk1.***").expect_err("refused");
    assert!(e.to_string().starts_with("this link is damaged"));
}

/// Bad input 5 for links: a link cut off while copying.
#[test]
fn truncated_link_is_a_damaged_link() {
    let payload = encode(&program_with_secrets(), &FULL).expect("fits");
    for keep in [payload.len() / 2, payload.len() - 7, 10] {
        let cut = &payload[..keep];
        assert_error(
            cut,
            |e| matches!(e, ShareError::Damaged(_) | ShareError::Import(_)),
            "truncated",
        );
    }
}

/// Tampered links: flipping characters anywhere must never panic; whatever decodes is valid.
#[test]
fn flipped_characters_never_panic_and_never_give_an_invalid_program() {
    let payload = encode(&demo_program(ProgramId::from("prog-flip")), &REDACTED).expect("fits");
    let bytes = payload.as_bytes();
    let alphabet = b"AZaz09-_";
    for i in (4..bytes.len()).step_by(bytes.len() / 97 + 1) {
        for &c in alphabet {
            let mut flipped = bytes.to_vec();
            if flipped[i] == c {
                continue;
            }
            flipped[i] = c;
            let text = String::from_utf8(flipped).expect("ascii");
            if let Ok(imported) = decode(&text) {
                assert_eq!(validate(&imported.program), Ok(()));
            }
        }
    }
}

/// Bad input 12 for links: a tiny link that inflates to gigabytes (a zip bomb).
#[test]
fn zip_bomb_is_refused_with_the_limit() {
    let zeros = vec![b' '; MAX_UNPACKED_BYTES * 2];
    let payload = pack(&zeros);
    assert!(payload.len() < MAX_LINK_CHARS, "the bomb fits in a link");
    assert_error(
        &payload,
        |e| matches!(e, ShareError::Unpacked { .. }),
        "zip bomb",
    );
}

/// Bad input 2 for links: valid deflate of something that is not a program file.
#[test]
fn valid_deflate_of_non_json_is_refused_like_a_file() {
    let e = decode(&pack(b"\x89PNG not json")).expect_err("refused");
    assert!(matches!(e, ShareError::Import(_)), "{e:?}");
    let e = decode(&pack(b"hello, world")).expect_err("refused");
    assert!(e.to_string().contains("not JSON"), "{e}");
    let e = decode(&pack(br#"{"type": "excalidraw"}"#)).expect_err("refused");
    assert!(
        e.to_string().contains("not a MentorKit program file"),
        "{e}"
    );
    let e = decode(&pack(b"{\"a\": \"\xff\"}")).expect_err("refused");
    assert!(e.to_string().contains("not text"), "{e}");
}

/// Bad input 9 for links: a newer share format, or a newer program file inside.
#[test]
fn links_from_a_newer_mentorkit_say_so() {
    let e = decode("mk2.AAAA").expect_err("refused");
    assert!(matches!(e, ShareError::NewerVersion { .. }), "{e:?}");
    assert!(e.to_string().contains("newer MentorKit"), "{e}");
    let newer = br#"{"format": "mentorkit-program", "version": 99,
                     "program": {"id": "prog-1", "name": "Pilot"}}"#;
    let e = decode(&pack(newer)).expect_err("refused");
    assert!(matches!(e, ShareError::NewerVersion { .. }), "{e:?}");
    assert!(e.to_string().contains("v99"), "{e}");
}

/// Tampered content is repaired exactly like a program file (bad input 17: dangling match).
#[test]
fn tampered_content_is_repaired_like_a_file() {
    let file = br#"{"format": "mentorkit-program", "version": 1, "program": {
        "id": "prog-1", "name": "Pilot",
        "matches": [{"id": "m1", "mentor": "p404", "mentee": "p405"}]}}"#;
    let imported = decode(&pack(file)).expect("repaired");
    assert!(imported.program.matches.is_empty());
    assert!(!imported.repairs.is_empty());
}

#[test]
fn qr_code_is_an_svg_for_short_links_and_refused_past_the_limit() {
    let payload = encode(&demo_program(ProgramId::from("prog-qr")), &PSEUDONYMS).expect("fits");
    let url = format!("https://example.org/mentorkit/#/share/{payload}");
    if url.len() <= MAX_QR_CHARS {
        let svg = qr_svg(&url).expect("fits in a QR code");
        assert!(svg.contains("<svg") && svg.contains("#000000"));
    }
    let svg = qr_svg("https://example.org/#/share/mk1.abc").expect("short");
    assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
    let long = "x".repeat(MAX_QR_CHARS + 1);
    assert!(matches!(
        qr_svg(&long),
        Err(ShareError::TooLargeForQr {
            limit: MAX_QR_CHARS,
            ..
        })
    ));
}
