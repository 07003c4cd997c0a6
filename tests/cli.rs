//! The `mentorkit` binary on fixtures: outputs, exit codes and messages.
//! Exit codes: 0 done, 2 bad input or usage, 1 output not writable.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "common/cli.rs"]
mod harness;
use harness::*;

fn import_fixture(dir: &TempDir, name: &str, extra: &[&str]) -> (Output, PathBuf) {
    let out = dir.path("program.json");
    let csv = fixture(name);
    let mut args: Vec<&Path> = vec![
        Path::new("import-csv"),
        csv.as_path(),
        Path::new("-o"),
        out.as_path(),
    ];
    args.extend(extra.iter().map(Path::new));
    (run(&args), out)
}

#[test]
fn help_lists_the_commands_and_each_command_has_help() {
    let out = run_str(&["--help"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("import-csv"));
    assert!(stdout(&out).contains("export-csv"));
    for command in ["match", "scores", "explain"] {
        assert!(stdout(&out).contains(command), "{command}");
        let out = run_str(&[command, "--help"]);
        assert_eq!(code(&out), 0, "{command}");
        assert!(stdout(&out).contains(&format!("mentorkit {command} PROGRAM.json")));
    }
    let out = run_str(&["import-csv", "--help"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("--skip-bad-rows"));
    assert!(stdout(&out).contains("--mapping FILE"));
    let out = run_str(&["export-csv", "--help"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("--what"));
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let out = run_str(&[]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no command given"),
        "{}",
        stderr(&out)
    );
    let out = run_str(&["frobnicate"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown command \"frobnicate\""));
    let out = run_str(&["import-csv", "people.csv"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("missing -o"), "{}", stderr(&out));
    let out = run_str(&[
        "import-csv",
        "a.csv",
        "-o",
        "b.json",
        "--duplicates",
        "maybe",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("\"maybe\" is not merge, skip or add"));
    let out = run_str(&[
        "import-csv",
        "a.csv",
        "--into",
        "p.json",
        "--name",
        "X",
        "-o",
        "b.json",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("with --into the program keeps its own"));
}

/// Bad input 30 through the CLI: a spreadsheet export (BOM, CRLF, quoted commas and
/// newlines, empty trailing columns) imports into a valid program file.
#[test]
fn import_csv_turns_a_spreadsheet_export_into_a_program_file() {
    let dir = TempDir::new();
    let (out, path) = import_fixture(&dir, "spreadsheet-export.csv", &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let program = load(&path);
    assert_eq!(program.id.as_str(), "spreadsheet-export");
    assert_eq!(program.name, "spreadsheet-export");
    assert_eq!(program.people.len(), 30);
    assert!(!program.skills.is_empty());
    let err = stderr(&out);
    assert!(err.contains("ignored columns: Office"), "{err}");
    assert!(
        err.contains("added 30 people (8 mentors, 19 mentees, 3 either)"),
        "{err}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"format\": \"mentorkit-program\""));
    assert!(
        text.contains("\"exported_at\": \"20"),
        "exported_at is a real timestamp"
    );
}

#[test]
fn import_csv_reads_the_semicolon_variant_and_takes_name_and_id_flags() {
    let dir = TempDir::new();
    let (out, path) = import_fixture(
        &dir,
        "spreadsheet-export-semicolon.csv",
        &["--name", "Pilot 2027", "--id", "pilot-2027"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let program = load(&path);
    assert_eq!(
        (program.id.as_str(), program.name.as_str()),
        ("pilot-2027", "Pilot 2027")
    );
    assert_eq!(program.people.len(), 30);
}

/// Bad input 32: a bad row -> exit 2 naming the file, row and column; nothing written.
#[test]
fn a_bad_row_stops_the_import_naming_row_and_column() {
    let dir = TempDir::new();
    let (out, path) = import_fixture(&dir, "bad-rows.csv", &[]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("bad-rows.csv: row 3, column C \"Role\": \u{201c}boss\u{201d} is not a role"),
        "{err}"
    );
    assert!(err.contains("row 5, column D \"Capacity\""), "{err}");
    assert!(
        err.contains("2 rows with errors; nothing imported"),
        "{err}"
    );
    assert!(!path.exists(), "nothing written");
}

/// Bad input 32: `--skip-bad-rows` imports the good rows and still lists the bad ones.
#[test]
fn skip_bad_rows_imports_the_good_rows() {
    let dir = TempDir::new();
    let (out, path) = import_fixture(&dir, "bad-rows.csv", &["--skip-bad-rows"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("row 3, column C"));
    assert_eq!(load(&path).people.len(), 3);
}

/// Bad input 31: a missing required column -> exit 2 saying which; nothing written.
#[test]
fn a_missing_name_or_email_column_is_named() {
    let dir = TempDir::new();
    let (out, path) = import_fixture(&dir, "missing-name.csv", &[]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("missing-name.csv: no column gives the name or the e-mail"),
        "{err}"
    );
    assert!(err.contains("Department, Job title, Level"), "{err}");
    assert!(!path.exists());
}

/// Bad input 33: duplicates are listed and the choice is the coordinator's.
#[test]
fn duplicates_need_a_choice_and_merge_skip_or_add_apply_it() {
    let dir = TempDir::new();
    let (out, path) = import_fixture(&dir, "duplicates.csv", &[]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("row 4: the e-mail ADA@example.org is already used by row 2"),
        "{err}"
    );
    assert!(
        err.contains("choose --duplicates merge, skip or add"),
        "{err}"
    );
    assert!(!path.exists());

    for (choice, people, department) in [
        ("merge", 2, "Research"),
        ("skip", 2, "Engineering"),
        ("add", 3, "Engineering"),
    ] {
        let (out, path) = import_fixture(&dir, "duplicates.csv", &["--duplicates", choice]);
        assert_eq!(code(&out), 0, "{choice}: {}", stderr(&out));
        let program = load(&path);
        assert_eq!(program.people.len(), people, "{choice}");
        assert_eq!(program.people[0].department, department, "{choice}");
    }
}

/// Bad input 33: duplicates against the participants of an existing program.
#[test]
fn import_into_an_existing_program_reports_existing_emails() {
    let dir = TempDir::new();
    let (out, first) = import_fixture(&dir, "duplicates.csv", &["--duplicates", "skip"]);
    assert_eq!(code(&out), 0);
    let csv = dir.write(
        "more.csv",
        "Name,E-mail,Role\nGrace B. Hopper,grace@example.org,mentor\nAlan Turing,alan@example.org,mentee\n",
    );
    let second = dir.path("second.json");
    let args = [
        Path::new("import-csv"),
        csv.as_path(),
        Path::new("--into"),
        first.as_path(),
        Path::new("-o"),
        second.as_path(),
    ];
    let out = run(&args);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(
            "the e-mail grace@example.org is already used by participant \"Grace Hopper\""
        ),
        "{}",
        stderr(&out)
    );
    let mut with_merge = args.to_vec();
    with_merge.extend([Path::new("--duplicates"), Path::new("merge")]);
    let out = run(&with_merge);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let program = load(&second);
    assert_eq!(program.people.len(), 3);
    assert!(program.people.iter().any(|p| p.name == "Grace B. Hopper"));
}

#[test]
fn a_mapping_file_maps_unusual_headers_and_its_errors_name_the_file() {
    let dir = TempDir::new();
    let csv = dir.write(
        "survey.csv",
        "Who are you,Contact,Helps with,Desk\nAda Lovelace,ada@example.org,Python:5,3F\n",
    );
    let mapping = dir.write(
        "mapping.json",
        r#"{"Who are you": "name", "Contact": "email", "Helps with": "skills_offered"}"#,
    );
    let out_path = dir.path("survey.json");
    let out = run(&[
        Path::new("import-csv"),
        &csv,
        Path::new("--mapping"),
        &mapping,
        Path::new("--role"),
        Path::new("mentor"),
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let program = load(&out_path);
    let ada = &program.people[0];
    assert_eq!(
        (ada.name.as_str(), ada.email.as_str()),
        ("Ada Lovelace", "ada@example.org")
    );
    assert_eq!(ada.role, mentorkit::core::Role::Mentor);
    assert_eq!(ada.skills_offered.len(), 1);

    let bad = dir.write("bad-mapping.json", r#"{"Phone": "ignore"}"#);
    let out = run(&[
        Path::new("import-csv"),
        &csv,
        Path::new("--mapping"),
        &bad,
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("bad-mapping.json: \"Phone\" is not a column"),
        "{err}"
    );

    let broken = dir.write("broken-mapping.json", "{\"Contact\": \"email\",\n");
    let out = run(&[
        Path::new("import-csv"),
        &csv,
        Path::new("--mapping"),
        &broken,
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("broken-mapping.json: not JSON (line 2"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unreadable_csv_files_exit_2_naming_the_file() {
    let dir = TempDir::new();
    let out_path = dir.path("out.json");
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "header-only.csv",
            b"Name,E-mail\r\n,\r\n",
            "header-only.csv: has column names but no data rows",
        ),
        ("empty.csv", b"", "empty.csv: the file is empty"),
        (
            "quote.csv",
            b"Name,Bio\nAda,ok\nGrace,\"never closed\nBob,x\n",
            "quote.csv: row 3 (line 3): a quoted cell is never closed",
        ),
        (
            "image.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "image.csv: the file is not text",
        ),
    ];
    for (name, bytes, message) in cases {
        let csv = dir.write(name, bytes);
        let out = run(&[Path::new("import-csv"), &csv, Path::new("-o"), &out_path]);
        assert_eq!(code(&out), 2, "{name}");
        assert!(stderr(&out).contains(message), "{name}: {}", stderr(&out));
        assert!(!out_path.exists());
    }
    let out = run_str(&["import-csv", "/nonexistent/people.csv", "-o", "x.json"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("/nonexistent/people.csv: cannot read"));
}

/// Bad input 2 through the CLI: a malformed program file -> exit 2 naming the file and
/// the line and column.
#[test]
fn a_malformed_program_file_exits_2_naming_file_line_and_column() {
    let dir = TempDir::new();
    let program = dir.write(
        "broken.json",
        "{\n  \"format\": \"mentorkit-program\",\n  oops\n}\n",
    );
    let out_path = dir.path("out.csv");
    let out = run(&[
        Path::new("export-csv"),
        &program,
        Path::new("--what"),
        Path::new("participants"),
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("broken.json: not JSON (line 3, column 3)"),
        "{err}"
    );
    assert!(!out_path.exists());
}

/// Bad input 29 through the CLI: exported cells are formula-safe.
#[test]
fn export_csv_writes_formula_safe_participants_and_matches() {
    let dir = TempDir::new();
    let program = dir.path("formulas.json");
    let csv = fixture("formulas.csv");
    let out = run(&[Path::new("import-csv"), &csv, Path::new("-o"), &program]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let participants = dir.path("participants.csv");
    let out = run(&[
        Path::new("export-csv"),
        &program,
        Path::new("--what"),
        Path::new("participants"),
        Path::new("-o"),
        &participants,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(&participants).unwrap();
    assert!(text.starts_with("\u{FEFF}Name,E-mail,Role,"));
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert!(text.contains(",'+1 555,"), "{text}");
    assert!(text.contains("'@SUM(A1:A2)"), "{text}");

    let out = run(&[
        Path::new("export-csv"),
        &program,
        Path::new("--what"),
        Path::new("matches"),
        Path::new("-o"),
        Path::new("-"),
    ]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        "\u{FEFF}Mentee,Mentee e-mail,Mentor,Mentor e-mail,Score,Status,Circle,Locked,Started on\r\n"
    );
}

#[test]
fn an_unwritable_output_exits_1() {
    let dir = TempDir::new();
    let out_path = dir.path("no-such-dir/program.json");
    let csv = fixture("duplicates.csv");
    let out = run(&[
        Path::new("import-csv"),
        &csv,
        Path::new("--duplicates"),
        Path::new("skip"),
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

fn import_to(dir: &TempDir, csv: &Path, name: &str) -> PathBuf {
    let out = dir.path(name);
    let result = run(&[Path::new("import-csv"), csv, Path::new("-o"), &out]);
    assert_eq!(code(&result), 0, "{}", stderr(&result));
    out
}

#[test]
fn match_writes_the_program_with_proposed_scored_matches() {
    let dir = TempDir::new();
    let program = import_to(&dir, &fixture("spreadsheet-export.csv"), "people.json");
    for algorithm in ["optimal", "participation", "stable", "groups"] {
        let matched = dir.path(&format!("matched-{algorithm}.json"));
        let out = run(&[
            Path::new("match"),
            &program,
            Path::new("--algorithm"),
            Path::new(algorithm),
            Path::new("-o"),
            &matched,
        ]);
        assert_eq!(code(&out), 0, "{algorithm}: {}", stderr(&out));
        assert!(stderr(&out).contains("proposed "), "{}", stderr(&out));
        let p = load(&matched);
        assert_eq!(
            p.matching.algorithm.key(),
            algorithm,
            "the file records the algorithm"
        );
        let matches: Vec<_> = p.current_matches().collect();
        assert!(!matches.is_empty(), "{algorithm}");
        assert!(matches
            .iter()
            .all(|m| m.status == mentorkit::core::MatchStatus::Proposed
                && m.score.is_some_and(|s| s <= 100)));

        let csv = dir.path("matches.csv");
        let out = run(&[
            Path::new("export-csv"),
            &matched,
            Path::new("--what"),
            Path::new("matches"),
            Path::new("-o"),
            &csv,
        ]);
        assert_eq!(code(&out), 0);
        let text = std::fs::read_to_string(&csv).unwrap();
        assert_eq!(
            text.split("\r\n").count(),
            matches.len() + 2,
            "header + rows + final CRLF"
        );
    }
}

#[test]
fn match_refuses_an_unknown_algorithm_and_a_broken_program_file() {
    let dir = TempDir::new();
    let program = import_to(&dir, &fixture("formulas.csv"), "p.json");
    let out = run(&[
        Path::new("match"),
        &program,
        Path::new("--algorithm"),
        Path::new("magic"),
        Path::new("-o"),
        Path::new("x.json"),
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("\"magic\" is not optimal, participation, stable or groups"));

    let broken = dir.write(
        "cut.json",
        "{\"format\": \"mentorkit-program\", \"version\": 1, \"program\": {",
    );
    let out = run(&[
        Path::new("match"),
        &broken,
        Path::new("-o"),
        &dir.path("o.json"),
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cut.json: the file ends early (line 1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn scores_writes_the_matrix_labelled_by_email_or_id_with_excluded_pairs_empty() {
    let dir = TempDir::new();
    let csv = dir.write(
        "small.csv",
        "Name,E-mail,Role,Team,Capacity\n\
         Mia Mentor,mia@example.org,mentor,Red,2\n\
         Nils Mentor,,mentor,Blue,2\n\
         Max Mentee,max@example.org,mentee,Red,\n",
    );
    let program = import_to(&dir, &csv, "small.json");
    let out = run(&[
        Path::new("scores"),
        &program,
        Path::new("-o"),
        Path::new("-"),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert_eq!(lines[0], "Mentee \\ Mentor,mia@example.org,p2");
    let cells: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(cells[0], "max@example.org");
    assert_eq!(cells[1], "", "same team: excluded, so empty");
    assert!(
        cells[2].parse::<u8>().is_ok_and(|s| s <= 100),
        "{}",
        lines[1]
    );
}

#[test]
fn explain_prints_the_breakdown_and_names_unknown_people() {
    let dir = TempDir::new();
    let program = import_to(&dir, &fixture("spreadsheet-export.csv"), "people.json");
    let out = run(&[
        Path::new("explain"),
        &program,
        Path::new("linus.ndlovu@example.org"),
        Path::new("Ada Lovelace"),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("mentee Linus Ndlovu <linus.ndlovu@example.org>"),
        "{text}"
    );
    assert!(
        text.contains("mentor Ada Lovelace <ada.lovelace@example.org>"),
        "{text}"
    );
    assert!(text.contains("score "), "{text}");
    assert!(text.contains("Skills (weight 8)"), "{text}");

    let out = run(&[
        Path::new("explain"),
        &program,
        Path::new("nobody@example.org"),
        Path::new("p1"),
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(
            "people.json: no participant has the id, e-mail or name \"nobody@example.org\""
        ),
        "{}",
        stderr(&out)
    );
    let out = run(&[Path::new("explain"), &program, Path::new("p1")]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("mentorkit explain PROGRAM.json MENTEE MENTOR"));
}

/// The demo program a first visit opens, exported from the app, works with every command.
#[test]
fn every_command_works_on_the_demo_program() {
    let dir = TempDir::new();
    let demo =
        mentorkit::core::program::demo::demo_program(mentorkit::core::ProgramId::from("demo"));
    let text =
        mentorkit::core::exchange::file_format::export_program(&demo, "2027-01-15T09:00:00Z")
            .expect("the demo exports");
    let program = dir.write("demo.json", text);

    let matched = dir.path("demo-matched.json");
    let out = run(&[Path::new("match"), &program, Path::new("-o"), &matched]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let p = load(&matched);
    let pairs: Vec<_> = p.current_matches().collect();
    assert!(pairs.len() >= 20, "only {} pairs for the demo", pairs.len());

    let scores = dir.path("scores.csv");
    let out = run(&[Path::new("scores"), &program, Path::new("-o"), &scores]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let matrix = std::fs::read_to_string(&scores).expect("scores written");
    // `Either` people with capacity are mentors in a run (see core::matching::scoring's policy).
    let mentees = demo
        .people
        .iter()
        .filter(|x| {
            x.role == mentorkit::core::Role::Mentee || (x.role.can_be_mentee() && x.capacity == 0)
        })
        .count();
    assert_eq!(
        matrix.lines().count(),
        mentees + 1,
        "header + a row per mentee"
    );

    let first = pairs[0];
    let mentee = p.person(&first.mentee).expect("mentee").email.clone();
    let mentor = p.person(&first.mentor).expect("mentor").email.clone();
    let out = run_str(&[
        "explain",
        matched.to_str().expect("utf-8 path"),
        &mentee,
        &mentor,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&first.score.expect("scored").to_string()),
        "{}",
        stdout(&out)
    );

    let people = dir.path("people.csv");
    let out = run(&[
        Path::new("export-csv"),
        &matched,
        Path::new("--what"),
        Path::new("participants"),
        Path::new("-o"),
        &people,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The exported participants read back as the same number of people.
    let back = dir.path("back.json");
    let out = run(&[Path::new("import-csv"), &people, Path::new("-o"), &back]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(load(&back).people.len(), demo.people.len());
}
