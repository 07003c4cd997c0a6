//! The CSV core: sniffing, auto-mapping, planning and applying imports, export.
//! Each bad-input test names its case in `docs/bad-inputs.md`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::exchange::csv::{
    apply_import, auto_map, export_matches, export_participants, plan_import, sniff, ApplyError,
    DuplicateOf, DuplicatePolicy, ImportOptions, ImportPlan, SkipReason, Sniffed, Target,
};
use mentorkit::core::people::PersonField;
use mentorkit::core::program::validate::validate;
use mentorkit::core::{
    Answer, AskedOf, FieldId, FieldKind, Match, MatchStatus, Person, ProfileField, Program,
    ProgramId, Role,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn empty_program() -> Program {
    Program::new(ProgramId::from("test"), "Test")
}

fn make_plan(bytes: &[u8], program: &Program, options: &ImportOptions) -> (Sniffed, ImportPlan) {
    let sniffed = sniff(bytes).expect("sniff");
    let mapping = auto_map(&sniffed.headers, program);
    let plan = plan_import(&sniffed, &mapping, options, program);
    (sniffed, plan)
}

fn import(bytes: &[u8]) -> Program {
    let mut program = empty_program();
    let (_, plan) = make_plan(bytes, &program, &ImportOptions::default());
    assert!(plan.is_clean(), "{:?}", plan.row_errors);
    apply_import(&mut program, &plan).expect("apply");
    program
}

fn person<'a>(program: &'a Program, email: &str) -> &'a Person {
    program
        .person_by_email(email)
        .unwrap_or_else(|| panic!("no {email}"))
}

/// Bad input 30: BOM, CRLF, quoted commas and quoted newlines, empty trailing columns.
#[test]
fn a_spreadsheet_export_with_bom_crlf_and_quoted_cells_is_read_exactly() {
    let sniffed = sniff(&fixture("spreadsheet-export.csv")).unwrap();
    assert!(sniffed.has_bom);
    assert_eq!(sniffed.delimiter, b',');
    assert!(sniffed.has_header);
    assert_eq!(sniffed.headers.len(), 14, "empty trailing columns dropped");
    assert_eq!(
        sniffed.headers[0], "Full Name",
        "BOM not part of the header"
    );
    assert_eq!(sniffed.rows.len(), 30);
    assert_eq!(sniffed.rows[0].number, 2);
    assert_eq!(
        sniffed.rows[29].number, 31,
        "a quoted newline is not a new row"
    );
    assert_eq!(sniffed.rows[3].cell(13), "Cambridge\nBletchley Park");
    assert_eq!(sniffed.rows[14].cell(3), "Sales, EMEA");
    assert!(sniffed.rows.iter().all(|r| !r.cell(0).ends_with('\r')));

    let program = import(&fixture("spreadsheet-export.csv"));
    assert_eq!(program.people.len(), 30);
    assert_eq!(program.mentor_count(), 11);
    assert_eq!(program.mentee_count(), 22);
    let mateo = person(&program, "mateo.garcia@example.org");
    assert_eq!(mateo.name, "Mateo García");
    assert_eq!(mateo.department, "Sales, EMEA");
    assert_eq!(mateo.seniority, Some(3));
    assert_eq!(mateo.time_zone, "Europe/Madrid");
    let rohan = person(&program, "rohan.mehta@example.org");
    assert_eq!(rohan.time_zone, "+05:30");
    assert_eq!(
        person(&program, "radia.perlman@example.org").time_zone,
        "-05:00"
    );
    assert_eq!(validate(&program), Ok(()));
}

/// Bad input 30: the `;`-separated variant of the same sheet gives the same program.
#[test]
fn a_semicolon_separated_export_gives_the_same_program() {
    let sniffed = sniff(&fixture("spreadsheet-export-semicolon.csv")).unwrap();
    assert_eq!(sniffed.delimiter, b';');
    assert_eq!(
        import(&fixture("spreadsheet-export-semicolon.csv")),
        import(&fixture("spreadsheet-export.csv"))
    );
}

/// Bad input 30: tab-separated text (a sheet copied and pasted) is detected.
#[test]
fn a_tab_separated_file_is_detected() {
    let program = import(b"Name\tE-mail\tLanguages\nAda\tada@example.org\tEnglish, French\n");
    let ada = person(&program, "ada@example.org");
    assert_eq!(
        ada.languages,
        ["English, French"],
        "commas do not split by default"
    );
}

#[test]
fn skills_levels_and_multi_values_are_read_and_the_vocabulary_grows() {
    let program = import(&fixture("spreadsheet-export.csv"));
    let skill = |id: &mentorkit::core::SkillId| {
        program
            .skills
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.name.clone())
            .unwrap()
    };
    let ada = person(&program, "ada.lovelace@example.org");
    let offered: Vec<(String, u8)> = ada
        .skills_offered
        .iter()
        .map(|s| (skill(&s.skill), s.level))
        .collect();
    assert_eq!(
        offered,
        [
            ("Python".to_owned(), 5),
            ("Algorithms".to_owned(), 5),
            ("Public speaking".to_owned(), 3)
        ]
    );
    assert_eq!(ada.languages, ["English", "French"]);
    assert_eq!(ada.capacity, 3);
    let linus = person(&program, "linus.ndlovu@example.org");
    let wanted: Vec<(String, u8)> = linus
        .skills_wanted
        .iter()
        .map(|s| (skill(&s.skill), s.level))
        .collect();
    assert_eq!(
        wanted,
        [("Python".to_owned(), 4), ("Leadership".to_owned(), 3)],
        "a skill without a level gets 3; names match the vocabulary ignoring case"
    );
    let names: std::collections::HashSet<String> = program
        .skills
        .iter()
        .map(|s| s.name.to_lowercase())
        .collect();
    assert_eq!(names.len(), program.skills.len(), "no skill twice");
}

#[test]
fn preferences_are_resolved_to_ids_after_all_rows_are_read() {
    let program = import(&fixture("spreadsheet-export.csv"));
    let linus = person(&program, "linus.ndlovu@example.org");
    let ada = person(&program, "ada.lovelace@example.org");
    let margaret = person(&program, "margaret.hamilton@example.org");
    assert_eq!(linus.preferences, [ada.id.clone(), margaret.id.clone()]);
    // Wei prefers people from rows both before and after... and uses `|`.
    let wei = person(&program, "wei.chen@example.org");
    assert_eq!(wei.preferences.len(), 2);
}

#[test]
fn an_unknown_preference_is_dropped_with_a_row_warning() {
    let mut program = empty_program();
    let csv = b"Name,Email,Preferences\nAda,ada@example.org,nobody@example.org; grace@example.org\nGrace,grace@example.org,ada@example.org\n";
    let (_, plan) = make_plan(csv, &program, &ImportOptions::default());
    assert!(plan.row_errors.is_empty());
    assert_eq!(plan.warnings.len(), 1);
    assert_eq!(plan.warnings[0].row, 2);
    assert!(plan.warnings[0].message.contains("nobody@example.org"));
    apply_import(&mut program, &plan).unwrap();
    let grace = person(&program, "grace@example.org").id.clone();
    assert_eq!(person(&program, "ada@example.org").preferences, [grace]);
}

/// Bad input 31: no name and no e-mail column -> the mapping step says which; nothing
/// imported.
#[test]
fn a_missing_required_column_is_named_and_nothing_is_imported() {
    let mut program = empty_program();
    let before = program.clone();
    let (_, plan) = make_plan(
        &fixture("missing-name.csv"),
        &program,
        &ImportOptions::default(),
    );
    assert_eq!(
        plan.missing_required,
        [
            Target::Person(PersonField::Name),
            Target::Person(PersonField::Email)
        ]
    );
    assert_eq!(plan.people_count(), 0);
    let err = apply_import(&mut program, &plan).unwrap_err();
    assert!(
        matches!(err, ApplyError::MissingRequired(ref s) if s == "Name or E-mail"),
        "{err}"
    );
    assert_eq!(program, before);
}

#[test]
fn an_email_column_alone_is_enough_and_names_come_from_it() {
    let program = import(b"E-mail,Role\nada.lovelace@example.org,mentor\n");
    assert_eq!(
        person(&program, "ada.lovelace@example.org").name,
        "Ada Lovelace"
    );
}

/// Bad input 32: a bad row among good ones -> row errors with row numbers and columns;
/// the caller imports the good rows (apply) or none (no apply).
#[test]
fn bad_rows_are_listed_with_rows_and_columns_and_good_rows_stay_importable() {
    let mut program = empty_program();
    let (_, plan) = make_plan(
        &fixture("bad-rows.csv"),
        &program,
        &ImportOptions::default(),
    );
    let errors: Vec<(usize, Option<usize>)> =
        plan.row_errors.iter().map(|e| (e.row, e.column)).collect();
    assert_eq!(errors, [(3, Some(2)), (5, Some(3)), (5, Some(4))]);
    assert_eq!(
        plan.row_errors[0].to_string(),
        "row 3, column C \"Role\": \u{201c}boss\u{201d} is not a role: use mentor, mentee, either or both"
    );
    assert!(plan.row_errors[1].message.contains("whole number 0-50"));
    assert!(plan.row_errors[2]
        .message
        .contains("\u{201c}Pacific Time\u{201d} is not a time zone"));
    assert!(!plan.is_clean());

    // "None": not applying leaves the program as it was; "good rows": apply.
    apply_import(&mut program, &plan).unwrap();
    let emails: Vec<&str> = program.people.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(
        emails,
        ["ada@example.org", "alan@example.org", "radia@example.org"]
    );
}

#[test]
fn a_five_megabyte_name_is_a_row_error() {
    // Bad input 14 reaching the CSV path.
    let mut csv = b"Name,Email\n".to_vec();
    csv.extend(std::iter::repeat_n(b'x', 5_000_000));
    csv.extend(b",big@example.org\nAda,ada@example.org\n");
    let (_, plan) = make_plan(&csv, &empty_program(), &ImportOptions::default());
    assert_eq!(plan.row_errors.len(), 1);
    assert_eq!(plan.row_errors[0].row, 2);
    assert!(plan.row_errors[0].message.contains("the limit is 300"));
    assert_eq!(plan.new_people.len(), 1);
}

/// Bad input 33: duplicate e-mails within the file -> reported; skip by default.
#[test]
fn duplicate_emails_within_the_file_are_reported_and_skipped_by_default() {
    let mut program = empty_program();
    let (_, plan) = make_plan(
        &fixture("duplicates.csv"),
        &program,
        &ImportOptions::default(),
    );
    assert_eq!(plan.duplicates.len(), 1);
    assert_eq!(plan.duplicates[0].row, 4);
    assert_eq!(plan.duplicates[0].of, DuplicateOf::Row(2));
    assert_eq!(
        plan.skipped[0].reason,
        SkipReason::Duplicate(DuplicateOf::Row(2))
    );
    apply_import(&mut program, &plan).unwrap();
    assert_eq!(program.people.len(), 2);
    assert_eq!(
        person(&program, "ada@example.org").department,
        "Engineering"
    );
}

/// Bad input 33: merge or add-as-new is the caller's choice, per file or per row.
#[test]
fn duplicate_emails_can_be_merged_or_added_as_new() {
    let merge = ImportOptions {
        duplicate_policy: DuplicatePolicy::Merge,
        ..ImportOptions::default()
    };
    let mut program = empty_program();
    let (_, plan) = make_plan(&fixture("duplicates.csv"), &program, &merge);
    apply_import(&mut program, &plan).unwrap();
    assert_eq!(program.people.len(), 2);
    let ada = person(&program, "ada@example.org");
    assert_eq!(
        (ada.name.as_str(), ada.department.as_str()),
        ("ADA LOVELACE", "Research")
    );

    let mut add = ImportOptions::default();
    add.duplicate_choices.insert(4, DuplicatePolicy::AddAsNew);
    let mut program = empty_program();
    let (_, plan) = make_plan(&fixture("duplicates.csv"), &program, &add);
    apply_import(&mut program, &plan).unwrap();
    assert_eq!(program.people.len(), 3);
}

/// Bad input 33: duplicates against existing participants; merge keeps the person's id
/// and the values of empty cells.
#[test]
fn duplicates_of_existing_participants_are_reported_and_merged_on_request() {
    let mut program = empty_program();
    let id = program.new_person_id();
    let mut ada = Person::new(id.clone(), "Ada L.", Role::Mentor);
    ada.email = "Ada@Example.org".into();
    ada.title = "Countess".into();
    ada.capacity = 2;
    program.people.push(ada);

    let csv = b"Name,Email,Department\nAda Lovelace,ada@example.org,Engineering\n";
    let (_, skip) = make_plan(csv, &program, &ImportOptions::default());
    assert_eq!(skip.duplicates[0].of, DuplicateOf::Person(id.clone()));
    assert_eq!(skip.people_count(), 0);

    let merge = ImportOptions {
        duplicate_policy: DuplicatePolicy::Merge,
        ..ImportOptions::default()
    };
    let (_, plan) = make_plan(csv, &program, &merge);
    let summary = apply_import(&mut program, &plan).unwrap();
    assert_eq!((summary.added, summary.merged), (0, 1));
    let ada = program.person(&id).unwrap();
    assert_eq!(ada.name, "Ada Lovelace");
    assert_eq!(ada.department, "Engineering");
    assert_eq!(ada.title, "Countess", "empty cells keep values");
    assert_eq!(ada.role, Role::Mentor, "no role cell keeps the role");
}

#[test]
fn a_stale_plan_is_refused_and_the_program_kept() {
    let mut program = empty_program();
    let (_, plan) = make_plan(b"Name\nAda\n", &program, &ImportOptions::default());
    let id = program.new_person_id();
    program.people.push(Person::new(id, "Grace", Role::Mentor));
    let before = program.clone();
    assert_eq!(apply_import(&mut program, &plan), Err(ApplyError::Stale));
    assert_eq!(program, before);
}

/// Bad input 29: formula cells are kept as text on import and escaped on export; the
/// escape round-trips.
#[test]
fn formula_cells_are_text_on_import_and_prefixed_on_export() {
    let program = import(&fixture("formulas.csv"));
    let evil = person(&program, "formula@example.org");
    assert_eq!(evil.name, "=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(evil.title, "+1 555");
    assert_eq!(evil.bio, "@SUM(A1:A2)");

    let csv = export_participants(&program);
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",'+1 555,"));
    assert!(csv.contains(",'-2+3,"));
    assert!(csv.contains("'@SUM(A1:A2)"));
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?} in {line}"
            );
        }
    }
    let again = import(csv.as_bytes());
    assert_eq!(person(&again, "formula@example.org").name, evil.name);
    assert_eq!(person(&again, "eve@example.org").title, "-2+3");
}

#[test]
fn participants_export_round_trips_through_import() {
    let program = import(&fixture("spreadsheet-export.csv"));
    let csv = export_participants(&program);
    let again = import(csv.as_bytes());
    assert_eq!(again.people.len(), program.people.len());
    for p in &program.people {
        let q = person(&again, &p.email);
        assert_eq!(
            (
                &q.name,
                &q.role,
                &q.department,
                &q.time_zone,
                q.capacity,
                q.seniority
            ),
            (
                &p.name,
                &p.role,
                &p.department,
                &p.time_zone,
                p.capacity,
                p.seniority
            )
        );
        assert_eq!(q.skills_offered.len(), p.skills_offered.len());
        assert_eq!(q.preferences.len(), p.preferences.len());
    }
}

#[test]
fn sensitive_answers_are_not_exported_and_fields_map_back_by_label() {
    let mut program = empty_program();
    for (id, label, sensitive) in [("f1", "Office", false), ("f2", "Gender", true)] {
        program.profile_fields.push(ProfileField {
            id: FieldId::from(id),
            label: label.into(),
            kind: FieldKind::ShortText,
            sensitive,
            use_for_matching: false,
            asked_of: AskedOf::Everyone,
        });
    }
    let csv = b"Name,Email,Office,Gender\nAda,ada@example.org,London,female\n";
    let (sniffed, plan) = make_plan(csv, &program, &ImportOptions::default());
    assert_eq!(
        auto_map(&sniffed.headers, &program).columns[2..],
        [
            Target::Person(PersonField::Answer(FieldId::from("f1"))),
            Target::Person(PersonField::Answer(FieldId::from("f2")))
        ]
    );
    apply_import(&mut program, &plan).unwrap();
    let ada = person(&program, "ada@example.org");
    assert_eq!(
        ada.answers.get(&FieldId::from("f1")),
        Some(&Answer::Text("London".into()))
    );
    let out = export_participants(&program);
    assert!(out.contains("Office") && out.contains("London"));
    assert!(!out.contains("Gender") && !out.contains("female"));
}

#[test]
fn matches_export_has_a_row_per_pair_with_names_emails_score_and_status() {
    let mut program = import(&fixture("spreadsheet-export.csv"));
    let ada = person(&program, "ada.lovelace@example.org").id.clone();
    let linus = person(&program, "linus.ndlovu@example.org").id.clone();
    let id = program.new_match_id();
    let mut m = Match::proposed(id, ada, linus, Some(87), 1);
    m.status = MatchStatus::Active;
    program.matches.push(m);
    let csv = export_matches(&program);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{FEFF}Mentee,Mentee e-mail,Mentor,Mentor e-mail,Score,Status,Circle,Locked,Started on"
    );
    assert_eq!(
        lines[1],
        "Linus Ndlovu,linus.ndlovu@example.org,Ada Lovelace,ada.lovelace@example.org,87,active,,no,"
    );
    assert_eq!(lines.len(), 3, "header, one pair, final CRLF");
}

#[test]
fn a_well_formed_time_zone_matching_does_not_know_is_kept_with_a_warning() {
    let (_, plan) = make_plan(
        b"Name,Time zone\nAda,Mars/Olympus_Mons\nGrace,Europe/Berlin\n",
        &empty_program(),
        &ImportOptions::default(),
    );
    assert!(plan.row_errors.is_empty());
    assert_eq!(plan.new_people[0].person.time_zone, "Mars/Olympus_Mons");
    assert_eq!(plan.warnings.len(), 1);
    assert_eq!(
        (plan.warnings[0].row, plan.warnings[0].column),
        (2, Some(1))
    );
    assert!(plan.warnings[0]
        .message
        .contains("matching treats it as unknown"));
}

/// Bad input 30: a quoted line break (Alt+Enter) in a one-line field becomes a space; a
/// bio keeps its lines.
#[test]
fn line_breaks_inside_cells_are_spaces_in_names_and_kept_in_bios() {
    let program = import(
        b"Name,Email,Bio\r\n\"Ada\r\nLovelace\",ada@example.org,\"Line one\r\nLine two\"\r\n",
    );
    let ada = person(&program, "ada@example.org");
    assert_eq!(ada.name, "Ada Lovelace");
    assert_eq!(ada.bio, "Line one\r\nLine two");
}
