//! The program file: import of bad inputs 1-26 (see `docs/bad-inputs.md`), restore,
//! migrations and the export round trip.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::exchange::file_format::{
    export_program, export_stored, import_program, import_with, ImportError, Imported,
    VersionPolicy, CURRENT_VERSION,
};
use mentorkit::core::limits::{MAX_DEPTH, MAX_FILE_BYTES, MAX_PEOPLE, MAX_SHORT_TEXT};
use mentorkit::core::program::validate::validate;
use mentorkit::core::*;

const FIXTURE_V1: &str = include_str!("fixtures/program-v1.json");
const FIXTURE_V2: &str = include_str!("fixtures/program-v2.json");
const EXPORTED_AT: &str = "2027-02-12T09:30:00Z";

/// A program file around the given `program` object text.
fn file(program: &str) -> Vec<u8> {
    format!(r#"{{"format": "mentorkit-program", "version": 1, "program": {program}}}"#).into_bytes()
}

/// Imports, and checks the one promise every successful import makes: a valid program.
fn import_ok(bytes: &[u8]) -> Imported {
    let imported = match import_program(bytes) {
        Ok(i) => i,
        Err(e) => panic!("import failed: {e}"),
    };
    assert_eq!(
        validate(&imported.program),
        Ok(()),
        "restored program is invalid"
    );
    imported
}

fn import_err(bytes: &[u8]) -> ImportError {
    match import_program(bytes) {
        Ok(i) => panic!("import unexpectedly succeeded with {:?}", i.repairs),
        Err(e) => e,
    }
}

/// The repair at `path`, which must exist.
fn repair<'a>(imported: &'a Imported, path: &str) -> &'a str {
    match imported.repairs.iter().find(|r| r.path == path) {
        Some(r) => &r.message,
        None => panic!("no repair at {path}; repairs: {:#?}", imported.repairs),
    }
}

/// Export -> import -> export is byte-identical.
fn assert_round_trips(program: &Program) {
    let first = export_program(program, EXPORTED_AT).unwrap();
    let again = import_ok(first.as_bytes());
    assert!(again.repairs.is_empty(), "{:?}", again.repairs);
    assert_eq!(&again.program, program);
    assert_eq!(export_program(&again.program, EXPORTED_AT).unwrap(), first);
}

fn two_people(extra: &str) -> String {
    format!(
        r#"{{"id": "prog-1", "name": "Pilot", "people": [
            {{"id": "p1", "name": "Ada", "role": "mentor", "capacity": 2}},
            {{"id": "p2", "name": "Grace", "role": "mentee"}}
        ]{extra}}}"#
    )
}

// ---------------------------------------------------------------------------------------
// The guarded parse

/// Bad input 1: an empty or blank file.
#[test]
fn an_empty_or_blank_file_is_reported_as_empty() {
    for bytes in [
        &b""[..],
        b"   \n\t\r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF  \n",
    ] {
        let e = import_err(bytes);
        assert_eq!(e, ImportError::Empty);
        assert_eq!(e.to_string(), "the file is empty");
    }
}

/// Bad input 2: a PNG, a CSV or prose renamed .json.
#[test]
fn a_png_or_csv_renamed_json_is_not_json_with_line_and_column() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    let e = import_err(png);
    assert!(
        matches!(
            e,
            ImportError::NotJson {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("not JSON (line 1, column 1)"));
    assert!(e.to_string().contains("0x89"), "{e}");

    let csv = b"name,email\nAda,ada@example.org\n";
    assert!(matches!(
        import_err(csv),
        ImportError::NotJson { line: 1, .. }
    ));
    let prose = "Übersicht der Mentoren".as_bytes();
    assert!(matches!(
        import_err(prose),
        ImportError::NotJson {
            line: 1,
            column: 1,
            ..
        }
    ));

    // Starts like JSON, breaks on line 3.
    let broken = b"{\n  \"format\": \"mentorkit-program\",\n  \"version\" 1\n}";
    let e = import_err(broken);
    assert!(matches!(e, ImportError::NotJson { line: 3, .. }), "{e:?}");
    assert!(e.to_string().starts_with("not JSON (line 3, column"), "{e}");
    assert!(e.to_string().contains("(in version)"), "{e}");
}

/// Bad input 3: invalid UTF-8 inside an otherwise JSON-looking file.
#[test]
fn invalid_utf8_is_reported_with_its_byte_offset() {
    let mut bytes = file(&two_people(""));
    let at = bytes.iter().position(|b| *b == b'A').unwrap();
    bytes[at] = 0xFF;
    let e = import_err(&bytes);
    assert_eq!(e, ImportError::NotText { offset: at });
    assert!(e.to_string().contains(&format!("byte {at}")));
}

/// Bad input 4: a UTF-8 byte order mark before `{` is accepted.
#[test]
fn a_utf8_bom_is_stripped() {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(FIXTURE_V1.as_bytes());
    let imported = import_ok(&with_bom);
    assert!(imported.repairs.is_empty());
    assert_eq!(imported.program, import_ok(FIXTURE_V1.as_bytes()).program);
}

/// Bad input 5: a file cut off in the middle.
#[test]
fn a_truncated_file_ends_early() {
    let cut = &FIXTURE_V1.as_bytes()[..FIXTURE_V1.len() / 2];
    let e = import_err(cut);
    assert!(matches!(e, ImportError::Truncated { .. }), "{e:?}");
    assert!(e.to_string().contains("ends early"));
    // Cut right after a key, and inside a string.
    assert!(matches!(
        import_err(br#"{"format": "mentorkit-program", "program""#),
        ImportError::Truncated { .. }
    ));
    assert!(matches!(
        import_err(br#"{"format": "mentor"#),
        ImportError::Truncated { .. }
    ));
}

/// Bad input 11: 10,000 nested `[` hit the depth limit, not the stack.
#[test]
fn ten_thousand_nested_brackets_hit_the_depth_limit() {
    let deep = "[".repeat(10_000);
    let e = import_err(deep.as_bytes());
    assert!(matches!(e, ImportError::Limit(_)), "{e:?}");
    assert!(e
        .to_string()
        .contains(&format!("more than {MAX_DEPTH} levels")));

    // Balanced, inside a real file, and with objects.
    let nested = format!("{}{}", r#"{"a":"#.repeat(5_000) + "1", "}".repeat(5_000));
    let e = import_err(&file(&two_people(&format!(r#", "extra": {nested}"#))));
    assert!(
        e.to_string().contains("levels deep (at program.extra.a.a"),
        "{e}"
    );
}

/// Bad input 12: a file over the size limit is refused before parsing, naming the limit.
#[test]
fn a_50_mb_file_is_refused_by_size_with_the_limit_in_the_message() {
    let big = vec![b' '; 50 * 1024 * 1024];
    let e = import_err(&big);
    assert_eq!(
        e,
        ImportError::TooLarge {
            size: 50 * 1024 * 1024,
            limit: MAX_FILE_BYTES
        }
    );
    assert!(e.to_string().contains(&MAX_FILE_BYTES.to_string()));
}

/// Bad input 13: a million tiny participants stop at the people limit, early.
#[test]
fn a_million_tiny_people_hit_the_count_limit() {
    let mut people = String::with_capacity(14_000_000);
    for i in 0..1_000_000 {
        if i > 0 {
            people.push(',');
        }
        people.push_str(r#"{"name":"a"}"#);
    }
    let bytes = file(&format!(r#"{{"id": "x", "people": [{people}]}}"#));
    let e = import_err(&bytes);
    assert_eq!(
        e.to_string(),
        format!("program.people has more than {MAX_PEOPLE} entries; the limit is {MAX_PEOPLE}")
    );
}

/// Bad input 15: duplicate keys inside a person report that record and keep the rest.
#[test]
fn duplicate_keys_inside_a_person_are_reported_and_the_rest_is_kept() {
    let program = r#"{"id": "prog-1", "people": [
        {"id": "p1", "name": "Ada", "role": "mentor"},
        {"id": "p2", "name": "Grace", "name": "Mallory", "role": "mentee"},
        {"id": "p3", "name": "Alan", "role": "either"}
    ]}"#;
    let imported = import_ok(&file(program));
    let message = repair(&imported, "program.people[1]");
    assert!(
        message.contains("\"name\" appears more than once"),
        "{message}"
    );
    let names: Vec<_> = imported
        .program
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ada", "Grace", "Alan"]);
}

/// Bad input 20: a lone surrogate is an error that names the record it is in.
#[test]
fn a_lone_surrogate_is_an_error_naming_the_record() {
    let program = r#"{"id": "prog-1", "people": [
        {"id": "p1", "name": "Ada"},
        {"id": "p2", "name": "Gr\ud800ace"}
    ]}"#;
    let e = import_err(&file(program));
    match &e {
        ImportError::InvalidText { path, .. } => assert_eq!(path, "program.people[1].name"),
        other => panic!("expected InvalidText, got {other:?}"),
    }
    assert!(
        e.to_string().starts_with("program.people[1].name (line 3"),
        "{e}"
    );
    assert!(e.to_string().contains(r"\ud800, half of a UTF-16"), "{e}");
    // A lone trailing surrogate, too.
    let e = import_err(&file(r#"{"id": "x", "name": "\udc00"}"#));
    assert!(e.to_string().starts_with("program.name"), "{e}");
    assert!(e.to_string().contains(r"\udc00"), "{e}");
    // Followed by another escape, the lone half is still the one quoted.
    let e = import_err(&file(r#"{"id": "x", "name": "\ud800\u0041"}"#));
    assert!(e.to_string().contains(r"\ud800,"), "{e}");
}

// ---------------------------------------------------------------------------------------
// The envelope

/// Bad input 6: JSON that is not an object at the top level.
#[test]
fn lists_null_numbers_and_strings_are_not_program_files() {
    for text in ["[]", "null", "42", "\"x\"", "true", "-1.5"] {
        let e = import_err(text.as_bytes());
        assert!(matches!(e, ImportError::NotProgramFile(_)), "{text}: {e:?}");
        assert!(
            e.to_string().starts_with("not a MentorKit program file"),
            "{e}"
        );
    }
}

/// Bad input 7: another app's JSON (an Excalidraw drawing) is not a program file.
#[test]
fn another_apps_json_is_not_a_program_file() {
    let excalidraw = br#"{"type": "excalidraw", "version": 2, "source": "https://excalidraw.com",
        "elements": [], "appState": {"gridSize": null}, "files": {}}"#;
    let e = import_err(excalidraw);
    assert!(matches!(e, ImportError::NotProgramFile(_)));
    assert!(e.to_string().contains("excalidraw"), "{e}");
    // Our keys without our tag are not enough either; a wrong tag is named.
    assert!(matches!(
        import_err(br#"{"version": 1, "program": {"id": "x"}}"#),
        ImportError::NotProgramFile(_)
    ));
    let e = import_err(br#"{"format": "mentorkit-template", "program": {}}"#);
    assert!(e.to_string().contains("mentorkit-template"), "{e}");
}

/// Bad input 8: the documented policy for a missing version is "read as version 1, and say
/// so in a repair".
#[test]
fn a_missing_version_is_read_as_version_1_with_a_repair() {
    let bytes = format!(
        r#"{{"format": "mentorkit-program", "program": {}}}"#,
        two_people("")
    );
    let imported = import_ok(bytes.as_bytes());
    assert_eq!(imported.source_version, 1);
    assert!(repair(&imported, "version").contains("read as version 1"));
    assert_eq!(imported.program.people.len(), 2);
    // A version that is not a whole number from 1 is refused, naming the field.
    for bad in ["0", "\"1\"", "1.5", "-3"] {
        let text =
            format!(r#"{{"format": "mentorkit-program", "version": {bad}, "program": {{}}}}"#);
        let e = import_err(text.as_bytes());
        assert!(
            matches!(&e, ImportError::Invalid { path, .. } if path == "version"),
            "{bad}: {e:?}"
        );
    }
}

/// Bad input 71: MentorKit 1 read files up to version 1 and refused any later version
/// with the message of case 9; relationships made the file version 2, so MentorKit 1
/// refuses a file written now instead of dropping what it does not know.
#[test]
fn a_version_2_file_is_refused_by_mentorkit_1() {
    assert_eq!(CURRENT_VERSION, 2);
    let version =
        serde_json::from_str::<serde_json::Value>(FIXTURE_V2).unwrap()["version"].as_u64();
    assert_eq!(version, Some(2));
    let refusal = ImportError::NewerVersion {
        found: 2,
        supported: 1,
    };
    assert_eq!(
        refusal.to_string(),
        "made by a newer MentorKit (v2); this version reads up to v1"
    );
}

/// Bad input 9: a file from a newer MentorKit is refused, or read read-only on request.
#[test]
fn a_newer_version_is_refused_and_can_be_opened_read_only() {
    let newer = CURRENT_VERSION + 1;
    let text = FIXTURE_V2.replacen("\"version\": 2,", &format!("\"version\": {newer},"), 1);
    let text = text.replacen(
        "    \"next_seq\"",
        "    \"sponsor\": \"CTO office\",\n    \"next_seq\"",
        1,
    );
    let e = import_err(text.as_bytes());
    assert_eq!(
        e.to_string(),
        format!(
            "made by a newer MentorKit (v{newer}); this version reads up to v{CURRENT_VERSION}"
        )
    );

    let read = import_with(text.as_bytes(), VersionPolicy::ReadNewer).unwrap();
    assert_eq!(read.newer_version, Some(newer));
    assert_eq!(read.source_version, newer);
    assert_eq!(validate(&read.program), Ok(()));
    assert_eq!(read.program, import_ok(FIXTURE_V2.as_bytes()).program);
    assert!(repair(&read, "program.sponsor").contains("unknown field"));
    // A current file read with ReadNewer is just a normal import.
    let current = import_with(FIXTURE_V2.as_bytes(), VersionPolicy::ReadNewer).unwrap();
    assert_eq!(current.newer_version, None);
}

#[test]
fn a_file_without_a_program_is_refused_at_program() {
    for text in [
        r#"{"format": "mentorkit-program", "version": 1}"#,
        r#"{"format": "mentorkit-program", "version": 1, "program": null}"#,
        r#"{"format": "mentorkit-program", "version": 1, "program": [1, 2]}"#,
    ] {
        let e = import_err(text.as_bytes());
        assert!(
            matches!(&e, ImportError::Invalid { path, .. } if path == "program"),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn a_program_without_an_id_gets_one_derived_from_the_file() {
    let bytes = file(r#"{"name": "Pilot", "people": [{"id": "p1", "name": "Ada"}]}"#);
    let first = import_ok(&bytes);
    let id = first.program.id.as_str().to_owned();
    assert!(
        id.starts_with("imported-") && id.len() == "imported-".len() + 16,
        "{id}"
    );
    assert!(repair(&first, "program.id").contains(&id));
    // Deterministic: the same file gives the same id; another file another.
    assert_eq!(import_ok(&bytes).program.id.as_str(), id);
    let other = import_ok(&file(r#"{"name": "Other"}"#));
    assert_ne!(other.program.id.as_str(), id);
    // An empty object is a valid, empty program.
    assert!(other.program.people.is_empty());
}

#[test]
fn envelope_fields_are_read_back() {
    let program = import_ok(FIXTURE_V1.as_bytes()).program;
    let stored = export_stored(&program, "2027-03-01T08:00:00Z", 42).unwrap();
    let imported = import_ok(stored.as_bytes());
    assert_eq!(imported.revision, Some(42));
    assert_eq!(
        imported.exported_at.as_deref(),
        Some("2027-03-01T08:00:00Z")
    );
    assert_eq!(
        imported.generator.as_deref(),
        Some(concat!("MentorKit ", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(imported.program, program);
}

// ---------------------------------------------------------------------------------------
// Migrations and the round trip

/// Bad input 10: every version's fixture imports without repairs, and the current one
/// round-trips byte for byte.
#[test]
fn every_version_fixture_imports_cleanly() {
    for version in 1..=CURRENT_VERSION {
        let path = format!(
            "{}/tests/fixtures/program-v{version}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let imported = import_ok(&bytes);
        assert_eq!(imported.source_version, version);
        assert!(
            imported.repairs.is_empty(),
            "{path}: {:#?}",
            imported.repairs
        );
        if version == CURRENT_VERSION {
            let again = export_program(&imported.program, EXPORTED_AT).unwrap();
            assert_eq!(
                again,
                String::from_utf8(bytes).unwrap(),
                "{path} does not round-trip"
            );
        }
    }
}

/// The v1 fixture is meant to exercise the whole model; this keeps it honest.
#[test]
fn the_v1_fixture_uses_every_model_feature() {
    let p = import_ok(FIXTURE_V1.as_bytes()).program;
    assert!(p.start_date.is_some() && p.end_date.is_some());
    assert!(p.goals.len() >= 2 && p.goals.iter().any(|g| g.baseline.is_some()));
    assert!(!p.milestones.is_empty());
    let kinds: Vec<_> = p.profile_fields.iter().map(|f| f.kind.key()).collect();
    for kind in [
        "single_choice",
        "multiple_choice",
        "scale",
        "number",
        "short_text",
    ] {
        assert!(kinds.contains(&kind), "no {kind} question");
    }
    assert!(p.profile_fields.iter().any(|f| f.sensitive));
    assert!(!p.skills.is_empty());
    for role in Role::ALL {
        assert!(p.people.iter().any(|x| x.role == role), "no {role:?}");
    }
    assert!(p.people.iter().any(|x| {
        !x.email.is_empty()
            && !x.skills_offered.is_empty()
            && !x.answers.is_empty()
            && x.seniority.is_some()
            && !x.languages.is_empty()
            && !x.bio.is_empty()
    }));
    assert!(p
        .people
        .iter()
        .any(|x| !x.preferences.is_empty() && !x.skills_wanted.is_empty()));
    for status in [
        MatchStatus::Proposed,
        MatchStatus::Active,
        MatchStatus::OnHold,
        MatchStatus::Completed,
        MatchStatus::EndedEarly,
    ] {
        assert!(
            p.matches.iter().any(|m| m.status == status),
            "no {status:?} match"
        );
    }
    // Its version-1 check-ins (pulse answers and meetings in one list) migrated.
    assert!(p
        .matches
        .iter()
        .any(|m| m.check_ins.len() + m.meetings.len() >= 2));
    assert!(p.matches.iter().any(|m| m.locked && m.circle.is_none()));
    assert!(p.matches.iter().any(|m| m.circle.is_some()));
    assert!(!p.matching.rules.forbidden_pairs.is_empty());
    assert!(p
        .matching
        .criteria
        .iter()
        .any(|c| matches!(c.kind, CriterionKind::Field { .. })));
    assert!(p.cycle > 1 && p.matches.iter().any(|m| m.cycle < p.cycle));
}

#[test]
fn floats_and_big_integers_survive_the_round_trip() {
    let mut p = import_ok(FIXTURE_V1.as_bytes()).program;
    p.goals[0].target = 12.5;
    p.goals[1].target = 0.1 + 0.2;
    p.goals[1].baseline = Some(1e300);
    p.goals[2].target = -2.5e-300;
    p.goals[3].target = 9_007_199_254_740_993.0;
    p.next_seq = 9_007_199_254_740_993;
    let text = export_program(&p, EXPORTED_AT).unwrap();
    assert!(text.contains("\"target\": 12.5,"));
    assert!(text.contains("\"next_seq\": 9007199254740993"));
    let back = import_ok(text.as_bytes()).program;
    assert_eq!(back.goals[1].target.to_bits(), (0.1f64 + 0.2).to_bits());
    assert_eq!(back.next_seq, 9_007_199_254_740_993);
    assert_round_trips(&p);
}

// ---------------------------------------------------------------------------------------
// Restore

/// Bad input 14: a 5 MB name is cut to the length limit, with a repair.
#[test]
fn a_5_mb_name_is_cut_to_the_limit_with_a_repair() {
    let huge = "x".repeat(5 * 1024 * 1024);
    let imported = import_ok(&file(&format!(
        r#"{{"id": "prog-1", "people": [{{"id": "p1", "name": "{huge}"}}]}}"#
    )));
    assert_eq!(
        imported.program.people[0].name.chars().count(),
        MAX_SHORT_TEXT
    );
    let message = repair(&imported, "program.people[0].name");
    assert!(message.contains("5242880 characters"), "{message}");
    assert_round_trips(&imported.program);
}

/// Bad input 73, found by the fuzzer (tests/fuzz-findings/program-file/crash-1da0a60e71574111): a counter
/// at the top of its range, clamped to MAX_SEQ, then raised past it by the fresh id a goal
/// without one needs. The program did not read back unchanged (its next_seq was repaired
/// again); such a file is now refused as over a limit, and nothing is imported.
#[test]
fn a_file_whose_id_counter_has_no_room_for_the_new_ids_it_needs_is_refused() {
    for next_seq in ["18446744073709551615", "9223372036854775807"] {
        let program = format!(
            r#"{{"id": "prog-1", "next_seq": {next_seq}, "goals": [{{"title": "No id"}}]}}"#
        );
        let e = import_program(&file(&program)).unwrap_err();
        assert!(matches!(e, ImportError::Limit(_)), "{next_seq}: {e:?}");
        assert!(e.to_string().contains("program.next_seq"), "{e}");
    }
    // A counter at the top is still read (clamped) when no new id is needed, and then reads
    // back unchanged.
    let program = r#"{"id": "prog-1", "next_seq": 18446744073709551615,
        "goals": [{"id": "g1", "title": "Has an id"}]}"#;
    let imported = import_ok(&file(program));
    assert_eq!(imported.program.next_seq, mentorkit::core::limits::MAX_SEQ);
    assert!(repair(&imported, "program.next_seq").contains("above the maximum"));
    assert_round_trips(&imported.program);
}

/// Bad input 16: two people with the same id; the second gets a fresh id, references keep
/// pointing to the first.
#[test]
fn duplicate_person_ids_get_a_fresh_id_and_references_keep_the_first() {
    let program = r#"{"id": "prog-1", "next_seq": 3, "people": [
        {"id": "p1", "name": "Ada", "role": "mentor"},
        {"id": "p2", "name": "Grace", "role": "mentee"},
        {"id": "p1", "name": "Impostor", "role": "mentor"},
        {"id": "p7", "name": "Alan", "role": "mentee", "preferences": ["p1"]}
    ], "matches": [{"id": "m8", "mentor": "p1", "mentee": "p2"}]}"#;
    let imported = import_ok(&file(program));
    let p = &imported.program;
    let ids: Vec<_> = p.people.iter().map(|x| x.id.as_str()).collect();
    // next_seq is raised above every id number in the file (8), so the fresh id is p9.
    assert_eq!(ids, ["p1", "p2", "p9", "p7"]);
    let message = repair(&imported, "program.people[2].id");
    assert!(
        message.contains("\"p1\"") && message.contains("\"p9\""),
        "{message}"
    );
    assert!(message.contains("program.people[0]"), "{message}");
    assert_eq!(p.matches[0].mentor.as_str(), "p1");
    assert_eq!(p.person(&PersonId::from("p1")).unwrap().name, "Ada");
    assert_eq!(p.people[3].preferences, [PersonId::from("p1")]);
    assert!(p.next_seq > 9);
    assert!(repair(&imported, "program.next_seq").contains("raised"));
    // New ids from the restored program never collide.
    let mut p = p.clone();
    let fresh = p.new_person_id();
    assert!(p.person(&fresh).is_none());
}

#[test]
fn missing_and_unusable_ids_are_replaced_without_collisions() {
    let program = r#"{"id": "prog-1", "people": [
        {"name": "No id"},
        {"id": "", "name": "Empty id"},
        {"id": 5, "name": "Number id"},
        {"id": "p4", "name": "Kept"}
    ], "skills": [{"name": "Rust"}, {"id": "s4", "name": "Go"}]}"#;
    let imported = import_ok(&file(program));
    let ids: Vec<_> = imported
        .program
        .people
        .iter()
        .map(|x| x.id.as_str())
        .collect();
    // Skills are restored before people; every fresh id is above the highest number (4).
    assert_eq!(imported.program.skills[0].id.as_str(), "s5");
    assert_eq!(ids, ["p6", "p7", "p8", "p4"]);
    assert!(repair(&imported, "program.people[0].id").contains("missing"));
    assert!(repair(&imported, "program.people[1].id").contains("empty"));
    assert!(repair(&imported, "program.people[2].id").contains("found 5"));
}

/// Bad input 17: records that refer to an unknown person, skill or question are dropped and
/// reported.
#[test]
fn references_to_unknown_records_are_dropped_and_reported() {
    let program = r#"{"id": "prog-1",
        "profile_fields": [{"id": "f1", "label": "Office",
                            "kind": {"type": "single_choice", "options": ["Berlin"]}}],
        "skills": [{"id": "s1", "name": "Rust"}],
        "people": [
            {"id": "p1", "name": "Ada", "role": "mentor",
             "skills_offered": [{"skill": "s1", "level": 4}, {"skill": "s9", "level": 3}],
             "answers": {"f1": "Berlin", "f9": "x"}},
            {"id": "p2", "name": "Grace", "role": "mentee", "preferences": ["p1", "ghost"]}
        ],
        "matching": {"criteria": [{"kind": "field", "field": "f9", "prefer": "same", "weight": 3},
                                  {"kind": "skills", "weight": 8}],
                     "rules": {"forbidden_pairs": [{"mentor": "p1", "mentee": "ghost"},
                                                   {"mentor": "p1", "mentee": "p2"}]}},
        "matches": [
            {"id": "m1", "mentor": "p1", "mentee": "ghost"},
            {"id": "m2", "mentor": "p1", "mentee": "p2"},
            {"id": "m3", "mentor": "p2", "mentee": "p2"}
        ]}"#;
    let imported = import_ok(&file(program));
    let p = &imported.program;
    assert!(repair(&imported, "program.matches[0]").contains("unknown person \"ghost\""));
    assert!(repair(&imported, "program.matches[2]").contains("themself"));
    assert_eq!(p.matches.len(), 1);
    assert_eq!(p.matches[0].id.as_str(), "m2");
    assert!(repair(&imported, "program.people[0].skills_offered[1]").contains("\"s9\""));
    assert_eq!(p.people[0].skills_offered.len(), 1);
    assert!(repair(&imported, "program.people[0].answers.f9").contains("unknown question"));
    assert_eq!(p.people[0].answers.len(), 1);
    assert!(repair(&imported, "program.people[1].preferences[1]").contains("ghost"));
    assert_eq!(p.people[1].preferences, [PersonId::from("p1")]);
    assert!(repair(&imported, "program.matching.criteria[0]").contains("\"f9\""));
    assert_eq!(p.matching.criteria.len(), 1);
    assert!(repair(&imported, "program.matching.rules.forbidden_pairs[0]").contains("ghost"));
    assert_eq!(p.matching.rules.forbidden_pairs.len(), 1);
}

/// Bad input 18: unknown fields are ignored, listed once, and the import succeeds.
#[test]
fn unknown_fields_are_ignored_and_listed_once() {
    let program = two_people(r#", "sponsor": "CTO", "theme": {"colour": "teal"}"#).replacen(
        r#""name": "Ada","#,
        r#""name": "Ada", "nickname": "Countess","#,
        1,
    );
    let bytes = format!(
        r#"{{"format": "mentorkit-program", "version": 1, "signature": "abc", "program": {program}}}"#
    );
    let imported = import_ok(bytes.as_bytes());
    assert_eq!(imported.program.people.len(), 2);
    assert!(repair(&imported, "signature").contains("unknown envelope field"));
    let message = repair(&imported, "program.sponsor");
    assert!(
        message.contains("2 more") && message.contains("program.people[0].nickname"),
        "{message}"
    );
    assert_eq!(
        imported
            .repairs
            .iter()
            .filter(|r| r.message.contains("unknown field"))
            .count(),
        1
    );
}

/// Bad input 19: capacity as text, negative, too large for f64, and a boolean.
#[test]
fn wrong_typed_and_out_of_range_capacities_are_repaired_per_field() {
    let program = r#"{"id": "prog-1", "people": [
        {"id": "p1", "name": "A", "role": "mentor", "capacity": "3"},
        {"id": "p2", "name": "B", "role": "mentor", "capacity": -1},
        {"id": "p3", "name": "C", "role": "mentor", "capacity": 1e400},
        {"id": "p4", "name": "D", "role": "mentor", "capacity": true},
        {"id": "p5", "name": "E", "role": "mentor", "capacity": 9999},
        {"id": "p6", "name": "F", "role": "mentor", "capacity": 2.5},
        {"id": "p7", "name": "G", "role": "mentor", "capacity": 2.0}
    ]}"#;
    let imported = import_ok(&file(program));
    let capacities: Vec<u16> = imported.program.people.iter().map(|x| x.capacity).collect();
    assert_eq!(capacities, [3, 0, 1, 1, MAX_CAPACITY, 1, 2]);
    assert!(repair(&imported, "program.people[0].capacity").contains("\"3\""));
    assert!(repair(&imported, "program.people[1].capacity").contains("-1"));
    assert!(repair(&imported, "program.people[2].capacity").contains("1e400"));
    assert!(repair(&imported, "program.people[3].capacity").contains("true"));
    assert!(repair(&imported, "program.people[4].capacity").contains("9999"));
    assert!(repair(&imported, "program.people[5].capacity").contains("2.5"));
    assert!(!imported
        .repairs
        .iter()
        .any(|r| r.path == "program.people[6].capacity"));
    assert_round_trips(&imported.program);
}

#[test]
fn wrong_types_everywhere_take_defaults_with_a_repair_each() {
    let program = r#"{"id": "prog-1", "name": 42, "purpose": "world_domination",
        "format": null, "cycle": 0, "description": ["a"],
        "goals": [{"id": "g1", "title": "T", "target": "ninety", "unit": "parsecs",
                   "comparison": 3, "baseline": {}}],
        "milestones": "soon",
        "profile_fields": [{"id": "f1", "label": "Q", "kind": {"type": "scale", "min": 5, "max": 5}},
                           {"id": "f2", "label": "R", "kind": {"type": "telepathy"}}],
        "people": [{"id": "p1", "name": "   ", "role": "boss", "seniority": 300,
                    "languages": ["English", 7], "email": false}, "not a person"],
        "matching": {"algorithm": "magic", "group_size": 0, "top_n": -4,
                     "rules": {"min_score": 250, "mentee_max_mentors": 0,
                               "exclude_same_team": "yes", "max_time_zone_hours": 99},
                     "criteria": [{"kind": "seniority_gap", "min": 4, "max": 1, "weight": 11},
                                  {"kind": "astrology", "weight": 3}]},
        "matches": {"m1": {}}}"#;
    let imported = import_ok(&file(program));
    let p = &imported.program;
    assert_eq!(p.name, "42");
    assert_eq!(p.purpose, Purpose::Custom);
    assert_eq!(p.cycle, 1);
    assert_eq!(p.goals[0].target, 0.0);
    assert_eq!(p.goals[0].baseline, None);
    assert!(p.milestones.is_empty());
    assert_eq!(
        p.profile_fields[0].kind,
        FieldKind::Scale { min: 1, max: 5 }
    );
    assert_eq!(p.profile_fields[1].kind, FieldKind::ShortText);
    assert_eq!(p.people.len(), 1);
    assert_eq!(p.people[0].name, "(no name)");
    assert_eq!(p.people[0].role, Role::Mentee);
    assert_eq!(p.people[0].seniority, None);
    assert_eq!(p.people[0].languages, ["English"]);
    assert_eq!(p.matching.group_size, 1);
    assert_eq!(p.matching.rules.min_score, 100);
    assert_eq!(p.matching.rules.mentee_max_mentors, 1);
    assert_eq!(p.matching.rules.max_time_zone_hours, None);
    assert_eq!(
        p.matching.criteria,
        [Criterion {
            kind: CriterionKind::SeniorityGap { min: 1, max: 4 },
            weight: 10
        }]
    );
    for path in [
        "program.name",
        "program.purpose",
        "program.cycle",
        "program.description",
        "program.goals[0].target",
        "program.goals[0].unit",
        "program.goals[0].comparison",
        "program.goals[0].baseline",
        "program.milestones",
        "program.profile_fields[0].kind",
        "program.profile_fields[1].kind.type",
        "program.people[0].name",
        "program.people[0].role",
        "program.people[0].seniority",
        "program.people[0].languages[1]",
        "program.people[0].email",
        "program.people[1]",
        "program.matching.algorithm",
        "program.matching.group_size",
        "program.matching.top_n",
        "program.matching.rules.min_score",
        "program.matching.rules.mentee_max_mentors",
        "program.matching.rules.exclude_same_team",
        "program.matching.rules.max_time_zone_hours",
        "program.matching.criteria[0]",
        "program.matching.criteria[0].weight",
        "program.matching.criteria[1]",
        "program.matches",
    ] {
        repair(&imported, path);
    }
    assert_round_trips(p);
}

#[test]
fn answers_are_checked_against_their_question() {
    let program = r#"{"id": "prog-1",
        "profile_fields": [
            {"id": "f1", "label": "Office", "kind": {"type": "single_choice", "options": ["Berlin", "Lisbon"]}},
            {"id": "f2", "label": "Topics", "kind": {"type": "multiple_choice", "options": ["A", "B"]}},
            {"id": "f3", "label": "Confidence", "kind": {"type": "scale", "min": 1, "max": 5}},
            {"id": "f4", "label": "Years", "kind": {"type": "number"}},
            {"id": "f5", "label": "Motto", "kind": {"type": "short_text"}}
        ],
        "people": [
            {"id": "p1", "name": "Good", "answers": {"f1": "Lisbon", "f2": ["B", "A"], "f3": 5,
                                                    "f4": 12.5, "f5": "Carpe diem"}},
            {"id": "p2", "name": "Bad", "answers": {"f1": "Paris", "f2": ["A", "Z", 3], "f3": 6,
                                                   "f4": 1e999, "f5": 7}},
            {"id": "p3", "name": "Odd", "answers": {"f1": ["Berlin"], "f2": "A", "f3": 2.5,
                                                   "f4": "12", "f5": null}}
        ]}"#;
    let imported = import_ok(&file(program));
    let people = &imported.program.people;
    let good = &people[0].answers;
    assert_eq!(good[&FieldId::from("f1")], Answer::Text("Lisbon".into()));
    assert_eq!(
        good[&FieldId::from("f2")],
        Answer::Many(vec!["B".into(), "A".into()])
    );
    assert_eq!(good[&FieldId::from("f3")], Answer::Number(5.0));
    assert_eq!(good[&FieldId::from("f4")], Answer::Number(12.5));
    assert_eq!(
        good[&FieldId::from("f5")],
        Answer::Text("Carpe diem".into())
    );
    let bad = &people[1].answers;
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[&FieldId::from("f2")], Answer::Many(vec!["A".into()]));
    for path in [
        "program.people[1].answers.f1",
        "program.people[1].answers.f2[1]",
        "program.people[1].answers.f2[2]",
        "program.people[1].answers.f3",
        "program.people[1].answers.f4",
        "program.people[1].answers.f5",
        "program.people[2].answers.f1",
        "program.people[2].answers.f2",
        "program.people[2].answers.f3",
        "program.people[2].answers.f4",
    ] {
        repair(&imported, path);
    }
    assert!(people[2].answers.is_empty());
    assert_round_trips(&imported.program);
}

/// Bad input 21: control characters, joiners, bidi overrides, emoji and combining marks are
/// stored exactly and round-trip.
#[test]
fn unusual_unicode_is_stored_exactly_and_round_trips() {
    let names = [
        "tab\there\u{0007}bell\u{0000}nul",
        "👩\u{200D}💻 family 👨\u{200D}👩\u{200D}👧",
        "\u{202E}evil.exe\u{202C} \u{2066}isolate\u{2069}",
        "Zoe\u{0308} e\u{0301}\u{0327} ﷽",
        "line\nbreak\r\nand \u{FEFF} BOM",
    ];
    let mut people = Vec::new();
    for (i, name) in names.iter().enumerate() {
        people.push(format!(
            r#"{{"id": "p{i}", "name": {}}}"#,
            serde_json::to_string(name).unwrap()
        ));
    }
    let imported = import_ok(&file(&format!(
        r#"{{"id": "prog-1", "people": [{}]}}"#,
        people.join(",")
    )));
    assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
    let got: Vec<_> = imported
        .program
        .people
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(got, names);
    assert_round_trips(&imported.program);
}

/// Bad inputs 22, 23, 24: markup, script URLs and prototype keys are plain strings.
#[test]
fn markup_script_urls_and_prototype_names_are_plain_strings() {
    let program = r#"{"id": "__proto__", "name": "<script>alert(1)</script>",
        "description": "<img src=x onerror=alert(1)>",
        "profile_fields": [{"id": "constructor", "label": "__proto__",
                            "kind": {"type": "single_choice", "options": ["javascript:alert(1)", "prototype"]}}],
        "people": [
            {"id": "__proto__", "name": "constructor", "email": "JaVaScRiPt:alert(1)",
             "bio": "data:text/html,<script>alert(1)</script>", "team": "toString",
             "answers": {"constructor": "javascript:alert(1)"}},
            {"id": "constructor", "name": "hasOwnProperty", "preferences": ["__proto__"],
             "__proto__": {"polluted": true}}
        ],
        "matches": [{"id": "__proto__", "mentor": "__proto__", "mentee": "constructor"}]}"#;
    let imported = import_ok(&file(program));
    let p = &imported.program;
    assert_eq!(p.id.as_str(), "__proto__");
    assert_eq!(p.name, "<script>alert(1)</script>");
    assert_eq!(p.description, "<img src=x onerror=alert(1)>");
    assert_eq!(p.people[0].id.as_str(), "__proto__");
    assert_eq!(p.people[0].name, "constructor");
    assert_eq!(p.people[0].email, "JaVaScRiPt:alert(1)");
    assert_eq!(p.people[0].bio, "data:text/html,<script>alert(1)</script>");
    assert_eq!(
        p.people[0].answers[&FieldId::from("constructor")],
        Answer::Text("javascript:alert(1)".into())
    );
    assert_eq!(p.people[1].preferences, [PersonId::from("__proto__")]);
    assert_eq!(p.matches[0].mentor.as_str(), "__proto__");
    // The `__proto__` key inside a person is just an unknown field.
    assert!(repair(&imported, "program.people[1].__proto__").contains("unknown field"));
    assert_round_trips(p);
}

/// Bad input 25: impossible, empty and far-future dates are cleared with their path.
#[test]
fn impossible_empty_and_far_future_dates_are_cleared_with_their_path() {
    let program = r#"{"id": "prog-1", "start_date": "2024-02-30", "end_date": "",
        "people": [{"id": "p1", "name": "A", "role": "mentor"}, {"id": "p2", "name": "B"}],
        "matches": [{"id": "m1", "mentor": "p1", "mentee": "p2", "started_on": "99999-01-01",
                     "ended_on": 20240101,
                     "check_ins": [{"id": "c1", "date": "2024-13-01"},
                                   {"id": "c2", "date": "2024-02-29", "sentiment": 9}]}]}"#;
    let imported = import_ok(&file(program));
    let p = &imported.program;
    assert_eq!((p.start_date, p.end_date), (None, None));
    assert!(repair(&imported, "program.start_date").contains("2024-02-30"));
    assert!(repair(&imported, "program.end_date").contains("empty"));
    assert!(repair(&imported, "program.matches[0].started_on").contains("1000-9999"));
    assert!(repair(&imported, "program.matches[0].ended_on").contains("20240101"));
    assert!(repair(&imported, "program.matches[0].check_ins[0]").contains("dropped"));
    let m = &p.matches[0];
    assert_eq!((m.started_on, m.ended_on), (None, None));
    assert_eq!(m.check_ins.len(), 1);
    // A version-1 file: its pulse answers became version-2 check-ins, the out-of-range
    // sentiment a rating that is cleared.
    assert_eq!(m.check_ins[0].rating, None);
    repair(&imported, "program.matches[0].check_ins[1].rating");

    // An end before the start is cleared too (validate would refuse it).
    let imported = import_ok(&file(
        r#"{"id": "x", "start_date": "2027-06-01", "end_date": "2027-01-01"}"#,
    ));
    assert_eq!(imported.program.end_date, None);
    repair(&imported, "program.end_date");
}

/// Bad input 26: numbers that overflow to infinity never reach the model, so export (which
/// would write NaN/infinity as null) always works.
#[test]
fn numbers_too_large_for_f64_never_reach_the_model() {
    let program = r#"{"id": "prog-1",
        "goals": [{"id": "g1", "title": "T", "target": 1e400, "baseline": -1e999},
                  {"id": "g2", "title": "U", "target": HUGE}],
        "profile_fields": [{"id": "f1", "label": "N", "kind": {"type": "number"}}],
        "people": [{"id": "p1", "name": "A", "answers": {"f1": 1e309}, "capacity": 1e400}]}"#;
    // 1 followed by 400 zeros: no exponent, still beyond f64.
    let program = program.replace("HUGE", &format!("1{}.5", "0".repeat(400)));
    let imported = import_ok(&file(&program));
    let p = &imported.program;
    assert_eq!(p.goals[0].target, 0.0);
    assert_eq!(p.goals[0].baseline, None);
    assert_eq!(p.goals[1].target, 0.0);
    assert!(p.people[0].answers.is_empty());
    for path in [
        "program.goals[0].target",
        "program.goals[0].baseline",
        "program.goals[1].target",
        "program.people[0].answers.f1",
        "program.people[0].capacity",
    ] {
        repair(&imported, path);
    }
    assert_round_trips(p);
}

/// A file full of hostile values restores to a program whose export round-trips exactly.
#[test]
fn a_restored_hostile_file_round_trips_byte_for_byte() {
    let program = r#"{"id": "prog-1", "name": "\u202e<b>x</b>", "next_seq": "lots",
        "people": [
            {"id": "p1", "name": "A", "role": "mentor", "capacity": "2", "seniority": -5},
            {"id": "p1", "name": "B", "capacity": 1e400, "answers": {"nope": 1}},
            {"name": "C", "skills_wanted": [{"skill": "s1", "level": 9}]}
        ],
        "skills": [{"id": "s1", "name": "Rust"}, {"id": "s1", "name": "Rust again"}],
        "matches": [{"mentor": "p1", "mentee": "p2", "score": 140, "status": "exploded",
                     "check_ins": [{"date": "2027-01-01", "minutes": 1e400}]}]}"#;
    let imported = import_ok(&file(program));
    assert!(imported.repairs.len() > 10, "{:#?}", imported.repairs);
    let exported = export_program(&imported.program, EXPORTED_AT).unwrap();
    let again = import_ok(exported.as_bytes());
    assert!(again.repairs.is_empty(), "{:#?}", again.repairs);
    assert_eq!(
        export_program(&again.program, EXPORTED_AT).unwrap(),
        exported
    );
}

#[test]
fn match_cycles_scores_and_check_ins_are_kept_in_range() {
    let program = r#"{"id": "prog-1", "cycle": 2,
        "people": [{"id": "p1", "name": "A", "role": "mentor"}, {"id": "p2", "name": "B"}],
        "matches": [{"id": "m1", "mentor": "p1", "mentee": "p2", "cycle": 7, "score": 101,
                     "check_ins": [{"id": "c1", "date": "2027-01-01", "goal_progress": 150,
                                    "on_track": "yes", "kind": "séance"},
                                   {"id": "c1", "date": "2027-01-02"}]},
                    {"id": "m2", "mentor": "p1", "mentee": "p2",
                     "check_ins": [{"id": "c1", "date": "2027-01-03"}]}]}"#;
    let imported = import_ok(&file(program));
    let m = &imported.program.matches;
    assert_eq!(m[0].cycle, 2);
    assert_eq!(m[1].cycle, 2);
    assert_eq!(m[0].score, None);
    // A version-1 check-in of an unknown kind is a pulse answer; its out-of-range goal
    // progress is not carried into version 2.
    let c = &m[0].check_ins[0];
    assert_eq!(
        (c.rating, c.from, c.comment.as_str()),
        (None, Actor::Coordinator, "")
    );
    // Check-in ids are unique across all matches.
    let ids: Vec<_> = m
        .iter()
        .flat_map(|x| &x.check_ins)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(ids[0], "c1");
    assert!(ids[1] != "c1" && ids[2] != "c1" && ids[1] != ids[2]);
    repair(&imported, "program.matches[1].check_ins[0].id");
}

/// Not a timed assertion: prints how long a 5,000-person import takes.
/// Run with `cargo test --release --test file_format -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_import_of_5000_people() {
    let base = import_ok(FIXTURE_V1.as_bytes()).program;
    let mut p = base.clone();
    p.people.clear();
    p.matches.clear();
    p.matching.rules.forbidden_pairs.clear();
    for i in 0..5_000 {
        let mut x = base.people[i % base.people.len()].clone();
        x.id = p.new_person_id();
        x.preferences.clear();
        x.name = format!("{} {i}", x.name);
        p.people.push(x);
    }
    let text = export_program(&p, EXPORTED_AT).unwrap();
    let start = std::time::Instant::now();
    let imported = import_ok(text.as_bytes());
    let elapsed = start.elapsed();
    assert_eq!(imported.program.people.len(), 5_000);
    println!(
        "imported 5,000 people ({} KB) in {:.1} ms",
        text.len() / 1024,
        elapsed.as_secs_f64() * 1000.0
    );
}

/// Bad input 10: without serde_json's `float_roundtrip` feature about a third of all
/// doubles come back one bit off, and export -> import -> export would differ.
#[test]
fn every_finite_double_survives_export_and_import() {
    let mut p = Program::new(ProgramId::from("prog-1"), "Floats");
    p.goals.push(Goal {
        id: GoalId::from("g1"),
        title: "Any".into(),
        metric: "Any".into(),
        comparison: Comparison::AtLeast,
        target: 0.0,
        unit: MetricUnit::Count,
        baseline: None,
    });
    let mut x: u64 = 0x1234_5678_9abc_def1;
    let mut checked = 0;
    while checked < 2_000 {
        // xorshift64: deterministic, spread over every exponent.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let f = f64::from_bits(x);
        if !f.is_finite() {
            continue;
        }
        p.goals[0].target = f;
        let text = export_program(&p, EXPORTED_AT).unwrap();
        let back = import_ok(text.as_bytes()).program;
        assert_eq!(back.goals[0].target.to_bits(), f.to_bits(), "{f:e}");
        checked += 1;
    }
}

/// A file with a repair on every record lists a bounded number of repairs, and the count.
#[test]
fn the_repair_list_is_bounded() {
    use mentorkit::core::limits::MAX_REPAIRS;
    let people: Vec<String> = (0..3_000)
        .map(|i| format!(r#"{{"id": "p{i}", "name": "N", "capacity": -1, "x": 1}}"#))
        .collect();
    let imported = import_ok(&file(&format!(
        r#"{{"id": "prog-1", "people": [{}]}}"#,
        people.join(",")
    )));
    assert_eq!(imported.program.people.len(), 3_000);
    assert_eq!(imported.repairs.len(), MAX_REPAIRS);
    let last = imported.repairs.last().unwrap();
    assert_eq!(last.message, "and 2002 more repairs like the ones above");
}

#[test]
fn skill_names_are_made_unique_ignoring_case() {
    let imported = import_ok(&file(
        r#"{"id": "x", "skills": [{"id": "s1", "name": "Rust"}, {"id": "s2", "name": "rust "},
                                  {"id": "s3", "name": "Rust (2)"}]}"#,
    ));
    let names: Vec<_> = imported
        .program
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Rust", "rust (2)", "Rust (2) (2)"]);
    assert!(repair(&imported, "program.skills[1].name").contains("renamed"));
}

/// Every value of the fixture's program, replaced in turn by a hostile value of another
/// type, still imports into a valid program (restore has no field it trusts).
#[test]
fn any_value_of_any_field_replaced_by_a_hostile_one_still_imports() {
    use serde_json::Value;
    fn paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    at.push(k.clone());
                    paths(x, at, out);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    at.push(i.to_string());
                    paths(x, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let hostile = [
        r#""3""#,
        "-1",
        "1e400",
        "true",
        "null",
        "[]",
        "{}",
        r#""""#,
        "2.5",
        r#""__proto__""#,
        r#"[{"id": 1}]"#,
        r#""2024-02-30""#,
    ];
    let root: Value = serde_json::from_str(FIXTURE_V1).unwrap();
    let mut all = Vec::new();
    paths(&root["program"], &mut vec!["program".into()], &mut all);
    for (n, path) in all.iter().enumerate().skip(1) {
        let replacement = hostile[n % hostile.len()];
        let mut v = root.clone();
        let pointer = format!("/{}", path.join("/"));
        *v.pointer_mut(&pointer).unwrap() = Value::String("\u{0}MARK".into());
        let text = serde_json::to_string(&v)
            .unwrap()
            .replace(r#""\u0000MARK""#, replacement);
        match import_program(text.as_bytes()) {
            Ok(imported) => assert_eq!(validate(&imported.program), Ok(()), "{pointer}"),
            Err(e) => panic!("{pointer} = {replacement}: {e}"),
        }
    }
}

/// Damaged bytes anywhere (a cut, a stray character) give an error or a valid program,
/// never a panic.
#[test]
fn damaged_bytes_anywhere_give_an_error_or_a_valid_program() {
    let bytes = FIXTURE_V1.as_bytes();
    let strays = [
        b'0', b'"', b'{', b'}', b'[', b']', b',', b':', b'-', b'e', b'\\', 0xC3, 0x00,
    ];
    for (n, at) in (0..bytes.len()).step_by(11).enumerate() {
        let mut damaged = bytes.to_vec();
        damaged[at] = strays[n % strays.len()];
        if let Ok(imported) = import_program(&damaged) {
            assert_eq!(validate(&imported.program), Ok(()), "byte {at}");
        }
        assert!(import_program(&bytes[..at]).is_err(), "cut at {at}");
    }
}

// ---------------------------------------------------------------------------------------
// Workshop settings (issue #5): a newer optional field that older files do not have.

/// A file without workshop settings (the current fixture has none) still exports
/// byte-identically: the default setting is left out of the file.
#[test]
fn a_file_without_workshop_settings_round_trips_byte_identically() {
    let imported = import_ok(FIXTURE_V2.as_bytes());
    assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
    assert_eq!(imported.program.workshop, WorkshopSettings::default());
    assert_eq!(
        export_program(&imported.program, EXPORTED_AT).unwrap(),
        FIXTURE_V2
    );
    assert!(!FIXTURE_V2.contains("\"workshop\""));
}

/// A program that shows pseudonyms on the projector keeps the setting through export and
/// import, byte-identically.
#[test]
fn a_file_with_the_pseudonym_setting_round_trips() {
    let mut program = import_ok(FIXTURE_V1.as_bytes()).program;
    program.workshop.names = NameDisplay::Pseudonyms;
    let text = export_program(&program, EXPORTED_AT).unwrap();
    assert!(
        text.contains("\"workshop\": {\n      \"names\": \"pseudonyms\"\n    }"),
        "{text}"
    );
    assert_round_trips(&program);
}

/// Hand-edited settings: an unknown name choice or a wrong type is repaired to the default
/// with a note, never a failed import.
#[test]
fn bad_workshop_settings_are_repaired_to_the_default() {
    let imported = import_ok(&file(&two_people(
        r#", "workshop": {"names": "full_names"}"#,
    )));
    assert_eq!(imported.program.workshop.names, NameDisplay::FirstNames);
    assert!(repair(&imported, "program.workshop.names").contains("full_names"));
    let imported = import_ok(&file(&two_people(r#", "workshop": 7"#)));
    assert_eq!(imported.program.workshop, WorkshopSettings::default());
    assert!(repair(&imported, "program.workshop").contains("expected an object"));
    let imported = import_ok(&file(&two_people(
        r#", "workshop": {"names": "pseudonyms"}"#,
    )));
    assert_eq!(imported.program.workshop.names, NameDisplay::Pseudonyms);
    assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
}

/// Issue 15: the "mirrored display" setting is kept through export and import, and is left
/// out of the file while off, so files without it read as before.
#[test]
fn the_mirrored_display_setting_round_trips_and_is_left_out_while_off() {
    let mut program = import_ok(FIXTURE_V1.as_bytes()).program;
    program.workshop.mirrored = true;
    let text = export_program(&program, EXPORTED_AT).unwrap();
    assert!(
        text.contains(
            "\"workshop\": {\n      \"names\": \"first_names\",\n      \"mirrored\": true\n    }"
        ),
        "{text}"
    );
    assert_round_trips(&program);
    program.workshop.mirrored = false;
    let text = export_program(&program, EXPORTED_AT).unwrap();
    assert!(!text.contains("mirrored"), "{text}");
}

/// Hand-edited: a "mirrored" that is not true or false is repaired to off, with a note.
#[test]
fn a_bad_mirrored_display_setting_is_repaired_to_off() {
    let imported = import_ok(&file(&two_people(
        r#", "workshop": {"names": "pseudonyms", "mirrored": "yes"}"#,
    )));
    assert!(!imported.program.workshop.mirrored);
    assert_eq!(imported.program.workshop.names, NameDisplay::Pseudonyms);
    assert!(repair(&imported, "program.workshop.mirrored").contains("true or false"));
    let imported = import_ok(&file(&two_people(r#", "workshop": {"mirrored": true}"#)));
    assert!(imported.program.workshop.mirrored);
    assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
}
