//! The person-field catalogue: each rule is tested once, against every entry point that
//! reads a participant: the person form, the CSV import, restoring a program file, and
//! validation. The same text gets the same answer everywhere (issue: "one person-field
//! catalogue").
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::exchange::csv::{auto_map, plan_import, sniff, ImportOptions, Target};
use mentorkit::core::exchange::file_format::{import_program, Imported};
use mentorkit::core::limits::{MAX_LIST, MAX_SHORT_TEXT};
use mentorkit::core::model::*;
use mentorkit::core::people::fields::{self, FIELDS, SENIORITY_LEVELS};
use mentorkit::core::people::{parse_person, AnswerDraft, PersonDraft, PersonField};
use mentorkit::core::program::validate::validate;

fn program() -> Program {
    let mut p = Program::new(ProgramId::from("fields"), "Fields");
    p.profile_fields.push(ProfileField {
        id: FieldId::from("f1"),
        label: "Office".into(),
        kind: FieldKind::SingleChoice {
            options: vec!["Berlin".into(), "Lisbon".into()],
        },
        sensitive: false,
        use_for_matching: true,
        asked_of: AskedOf::Everyone,
    });
    p
}

/// What the person form says about one field's text (`None`: accepted).
fn form(field: PersonField, text: &str) -> Option<String> {
    let mut d = PersonDraft::new(Role::Mentor);
    d.set(PersonField::Name, "Ada");
    match &field {
        PersonField::Answer(id) => {
            d.answers
                .insert(id.clone(), AnswerDraft::Text(text.to_owned()));
        }
        other => d.set(other.clone(), text),
    }
    let base = Person::new(PersonId::from(""), "", Role::Mentor);
    match parse_person(&d, &program(), base) {
        Ok(_) => None,
        Err(errors) => errors
            .into_iter()
            .find(|e| e.field == field)
            .map(|e| e.message),
    }
}

/// What the CSV import says about one cell of a column (`None`: accepted).
fn csv(header: &str, cell: &str) -> Option<String> {
    let text = format!("Name,{header}\nAda,\"{}\"\n", cell.replace('"', "\"\""));
    let sniffed = sniff(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let p = program();
    let mapping = auto_map(&sniffed.headers, &p);
    let plan = plan_import(&sniffed, &mapping, &ImportOptions::default(), &p);
    plan.row_errors.first().map(|e| e.message.clone())
}

/// A program file with one person whose fields are the given JSON members.
fn restore(members: &str) -> Imported {
    let file = format!(
        r#"{{"format": "mentorkit-program", "version": 1, "program": {{"id": "x", "name": "X",
        "profile_fields": [{{"id": "f1", "label": "Office", "kind": {{"type": "single_choice",
        "options": ["Berlin", "Lisbon"]}}}}],
        "people": [{{"id": "p1", "name": "Ada", "role": "mentor", {members}}}]}}}}"#
    );
    let imported = import_program(file.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        validate(&imported.program),
        Ok(()),
        "restore makes a valid program"
    );
    imported
}

fn repair_at<'a>(imported: &'a Imported, path: &str) -> Option<&'a str> {
    imported
        .repairs
        .iter()
        .find(|r| r.path == path)
        .map(|r| r.message.as_str())
}

/// What validation says about a stored person changed by `f`.
fn validated(f: impl FnOnce(&mut Person)) -> Vec<String> {
    let mut p = program();
    let mut x = Person::new(PersonId::from("p1"), "Ada", Role::Mentor);
    f(&mut x);
    p.people.push(x);
    match validate(&p) {
        Ok(()) => Vec::new(),
        Err(problems) => problems.into_iter().map(|x| x.to_string()).collect(),
    }
}

/// Bad input 41 and the catalogue's range: seniority is 1-10 in the form, in a CSV, in a
/// file and in a stored program; "L5" and "Level 5" mean 5 wherever text is typed.
#[test]
fn seniority_is_one_to_ten_everywhere() {
    assert_eq!(SENIORITY_LEVELS, 1..=10);
    for ok in ["1", "10", "L5", "Level 7"] {
        assert_eq!(form(PersonField::Seniority, ok), None, "{ok}");
        assert_eq!(csv("Level", ok), None, "{ok}");
    }
    for bad in ["0", "11", "55", "senior"] {
        let f = form(PersonField::Seniority, bad).unwrap_or_else(|| panic!("form took {bad}"));
        let c = csv("Level", bad).unwrap_or_else(|| panic!("CSV took {bad}"));
        assert_eq!(f, format!("Seniority: {c}"), "the same message for {bad}");
        assert!(c.contains("from 1 to 10"), "{c}");
    }
    // A file from an earlier version with a level outside the range: cleared, and said.
    let imported = restore(r#""seniority": 55"#);
    assert_eq!(imported.program.people[0].seniority, None);
    assert_eq!(
        repair_at(&imported, "program.people[0].seniority"),
        Some("55 is outside 1-10; cleared")
    );
    assert!(validated(|x| x.seniority = Some(11))
        .iter()
        .any(|p| p.starts_with("people[0].seniority: 11 is outside 1-10")));
}

/// Bad input 19 and 41: capacity is a whole number 0-50 everywhere.
#[test]
fn capacity_is_zero_to_fifty_everywhere() {
    for bad in ["51", "-1", "lots"] {
        let f = form(PersonField::Capacity, bad).unwrap_or_else(|| panic!("form took {bad}"));
        let c = csv("Max mentees", bad).unwrap_or_else(|| panic!("CSV took {bad}"));
        assert_eq!(f, format!("Capacity: {c}"), "the same message for {bad}");
    }
    let imported = restore(r#""capacity": 80"#);
    assert_eq!(imported.program.people[0].capacity, MAX_CAPACITY);
    assert!(repair_at(&imported, "program.people[0].capacity").is_some());
    assert!(!validated(|x| x.capacity = 51).is_empty());
}

/// One e-mail check: the form and the CSV refuse the same addresses with the same words;
/// a file keeps what it holds as text (bad input 23), within the length limit.
#[test]
fn one_email_check_for_typed_and_imported_addresses() {
    for bad in ["ada", "ada@example", "a b@example.org", "ada@.org"] {
        let f = form(PersonField::Email, bad).unwrap_or_else(|| panic!("form took {bad}"));
        let c = csv("E-mail", bad).unwrap_or_else(|| panic!("CSV took {bad}"));
        assert_eq!(f, format!("E-mail: {c}"), "the same message for {bad}");
        assert!(c.contains("does not look like an e-mail address"), "{c}");
    }
    assert_eq!(form(PersonField::Email, "mailto:ada@example.org"), None);
    assert_eq!(csv("E-mail", "mailto:ada@example.org"), None);
    let imported = restore(r#""email": "not an address""#);
    assert_eq!(imported.program.people[0].email, "not an address");
}

/// Bad input 14: text past the short limit is an error where it is typed or imported,
/// cut (and said) in a file, and a problem in a stored program.
#[test]
fn short_text_has_one_limit_everywhere() {
    let long = "x".repeat(MAX_SHORT_TEXT + 1);
    let f = form(PersonField::Department, &long).unwrap_or_default();
    let c = csv("Department", &long).unwrap_or_default();
    assert_eq!(f, format!("Department: {c}"));
    assert!(c.contains(&format!("the limit is {MAX_SHORT_TEXT}")), "{c}");
    let imported = restore(&format!(r#""department": "{long}""#));
    assert_eq!(
        imported.program.people[0].department.chars().count(),
        MAX_SHORT_TEXT
    );
    assert!(repair_at(&imported, "program.people[0].department").is_some());
    assert!(!validated(|x| x.department = long.clone()).is_empty());
}

/// Lists hold at most MAX_LIST values, repeats dropped, wherever they come from (a file's
/// reader refuses longer lists before restore sees them, bad input 13).
#[test]
fn lists_have_one_size_limit_everywhere() {
    let many: Vec<String> = (0..=MAX_LIST).map(|k| format!("L{k}")).collect();
    assert!(form(PersonField::Languages, &many.join(", ")).is_some());
    assert!(csv("Languages", &many.join(";")).is_some());
    assert!(!validated(|x| x.languages = many.clone()).is_empty());
    assert_eq!(
        form(PersonField::Languages, "English, french, French"),
        None,
        "repeats are dropped, not refused"
    );
}

/// Time zones: IANA names or offsets where they are typed or imported.
#[test]
fn time_zones_have_one_parser() {
    for ok in ["Europe/Berlin", "+05:30", "UTC"] {
        assert_eq!(form(PersonField::TimeZone, ok), None, "{ok}");
        assert_eq!(csv("Time zone", ok), None, "{ok}");
    }
    let f = form(PersonField::TimeZone, "Pacific Time").unwrap_or_default();
    let c = csv("Time zone", "Pacific Time").unwrap_or_default();
    assert_eq!(f, format!("Time zone: {c}"));
}

/// Answers are checked against their question by one function: the same choice is refused
/// by the form and the CSV, dropped from a file, and a problem in a stored program.
#[test]
fn answers_fit_their_question_everywhere() {
    let f = form(PersonField::Answer(FieldId::from("f1")), "Paris");
    assert!(f.is_some_and(|m| m.contains("\u{201c}Paris\u{201d} is not one of the answers")));
    let c = csv("Office", "Paris").unwrap_or_default();
    assert!(
        c.contains("\u{201c}Paris\u{201d} is not one of the answers"),
        "{c}"
    );
    // Any case is the option's own spelling.
    assert_eq!(csv("Office", "berlin"), None);
    let imported = restore(r#""answers": {"f1": "Paris"}"#);
    assert!(imported.program.people[0].answers.is_empty());
    let stored = validated(|x| {
        x.answers
            .insert(FieldId::from("f1"), Answer::Text("Paris".into()));
    });
    assert!(
        stored.iter().any(|p| p.starts_with("people[0].answers.f1")),
        "{stored:?}"
    );
}

/// Every header synonym of the catalogue maps to its field, and the CSV wizard, the form
/// and files name each field with the catalogue's label and key.
#[test]
fn the_catalogue_names_each_field_once() {
    let p = program();
    for spec in &FIELDS {
        let field = spec.field.clone();
        assert_eq!(field.label(), spec.label);
        assert_eq!(Target::Person(field.clone()).label(), spec.label);
        assert_eq!(Target::Person(field.clone()).key(), spec.key);
        for header in spec.headers {
            let mapped = auto_map(&[(*header).to_owned()], &p).columns;
            assert_eq!(mapped, [Target::Person(field.clone())], "{header}");
        }
    }
    // The file's keys are the catalogue's: a participant written out has exactly them
    // (plus its id and answers).
    let x = Person::new(PersonId::from("p1"), "Ada", Role::Mentor);
    let json = serde_json::to_value(&x).unwrap_or_default();
    let mut keys: Vec<String> = json
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    let mut want: Vec<String> = FIELDS.iter().map(|s| s.key.to_owned()).collect();
    want.extend(["id".to_owned(), "answers".to_owned()]);
    want.sort();
    assert_eq!(keys, want);
    assert!(fields::check_person(&x).is_empty());
}
