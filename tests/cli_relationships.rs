//! The `mentorkit` binary after matching: `publish`, `log-import` (a form tool's check-ins
//! export, with bad inputs 44-48), `relationships` (table and JSON) and `match --as-of`
//! (the rematch cooldown), on the version-2 fixture program.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::path::{Path, PathBuf};
use std::process::Output;

use mentorkit::core::edit;
use mentorkit::core::exchange::file_format::export_program;
use mentorkit::core::relationships::lifecycle::{RelationshipEdit, Rematch};
use mentorkit::core::relationships::model::{Actor, Fit, MeetingMode, OnTrack, ReasonCode};
use mentorkit::core::{Date, Match, MatchId, MatchStatus, Program};
use serde_json::json;

#[path = "common/cli.rs"]
mod harness;
use harness::*;

/// The version-2 fixture: m28 active (Grace Hopper mentors Katherine Johnson), m30 on
/// hold (Ada Lovelace - José), m24 completed, m27 ended early, m36 declined, and a draft
/// of two pairs (m31 Ada - Alan Turing, m32 Alan - Dorothy Vaughan).
fn program_v2() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/program-v2.json")
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn rel<'a>(p: &'a Program, id: &str) -> &'a Match {
    p.matches.iter().find(|m| m.id.as_str() == id).unwrap()
}

/// Runs with string arguments and paths mixed.
fn mk(args: &[&dyn AsRef<Path>]) -> Output {
    let args: Vec<&Path> = args.iter().map(|a| a.as_ref()).collect();
    run(&args)
}

/// The fixture with its draft published on 2027-03-01: Ada then mentors two mentees
/// (José, on hold, and Alan) and Alan is both a mentee (of Ada) and a mentor (of Dorothy).
fn published(dir: &TempDir) -> PathBuf {
    let out = dir.path("published.json");
    let done = mk(&[
        &"publish",
        &program_v2(),
        &"--start",
        &"2027-03-01",
        &"-o",
        &out,
    ]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    out
}

/// `log-import PROGRAM CSV -o OUT --as-of 2027-04-15` plus `extra`.
fn log_import(program: &Path, csv: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&Path> = vec![
        Path::new("log-import"),
        program,
        csv,
        Path::new("-o"),
        out,
        Path::new("--as-of"),
        Path::new("2027-04-15"),
    ];
    args.extend(extra.iter().map(Path::new));
    run(&args)
}

/// The published fixture with the Google Forms export imported as of 2027-04-15.
fn imported(dir: &TempDir) -> PathBuf {
    let out = dir.path("imported.json");
    let done = log_import(
        &published(dir),
        &fixture("checkins-google-forms.csv"),
        &out,
        &[],
    );
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    out
}

#[test]
fn help_lists_the_new_commands_and_their_options() {
    let out = run_str(&["--help"]);
    assert_eq!(code(&out), 0);
    for command in ["publish", "log-import", "relationships"] {
        assert!(stdout(&out).contains(command), "{command}");
    }
    for (command, options) in [
        (
            "publish",
            &["mentorkit publish PROGRAM.json", "--start YYYY-MM-DD"][..],
        ),
        (
            "log-import",
            &[
                "mentorkit log-import PROGRAM.json CHECKINS.csv -o OUT.json",
                "--mapping FILE",
                "--skip-bad-rows",
                "--as-of YYYY-MM-DD",
                "--date-order ORDER",
                "respondent_email",
            ][..],
        ),
        (
            "relationships",
            &[
                "mentorkit relationships PROGRAM.json",
                "--as-of YYYY-MM-DD",
                "--json",
                "no_meeting_ever",
            ][..],
        ),
        ("match", &["--as-of YYYY-MM-DD", "rematch"][..]),
    ] {
        let out = run_str(&[command, "--help"]);
        assert_eq!(code(&out), 0, "{command}");
        for option in options {
            assert!(stdout(&out).contains(option), "{command}: {option}");
        }
    }
}

// publish

#[test]
fn publish_turns_the_draft_into_active_relationships_from_the_start_date() {
    let dir = TempDir::new();
    let out = published(&dir);
    let before = load(&program_v2());
    let after = load(&out);
    for id in ["m31", "m32"] {
        let m = rel(&after, id);
        assert_eq!(m.status, MatchStatus::Active, "{id}");
        assert_eq!(m.started_on, Some(d("2027-03-01")), "{id}");
        assert_eq!(m.events.len(), 1, "{id}");
        assert_eq!(
            (m.events[0].date, m.events[0].to, m.events[0].by),
            (d("2027-03-01"), MatchStatus::Active, Actor::Coordinator)
        );
    }
    // Relationships already running or over are left as they were.
    for id in ["m24", "m27", "m28", "m30", "m36"] {
        assert_eq!(rel(&after, id), rel(&before, id), "{id}");
    }
}

#[test]
fn publish_lists_the_pairs_and_refuses_an_empty_draft() {
    let dir = TempDir::new();
    let out = dir.path("once.json");
    let done = mk(&[
        &"publish",
        &program_v2(),
        &"--start",
        &"2027-03-01",
        &"-o",
        &out,
    ]);
    assert_eq!(code(&done), 0);
    let err = stderr(&done);
    assert!(
        err.contains(
            "published mentee Alan Turing <alan@example.org> with mentor Ada Lovelace <ada@example.org>"
        ),
        "{err}"
    );
    assert!(
        err.contains("published 2 relationships of cycle 2 starting 2027-03-01"),
        "{err}"
    );
    // Publishing again: the draft is empty now; nothing is written.
    let twice = dir.path("twice.json");
    let again = mk(&[&"publish", &out, &"-o", &twice]);
    assert_eq!(code(&again), 2);
    assert!(
        stderr(&again).contains("nothing to publish: the draft of cycle 2 has no proposed matches"),
        "{}",
        stderr(&again)
    );
    assert!(!twice.exists());
}

#[test]
fn publish_starts_today_unless_told() {
    let dir = TempDir::new();
    let out = dir.path("today.json");
    let today = || {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as f64;
        Date::from_unix_millis(millis).unwrap()
    };
    let before = today();
    let done = mk(&[&"publish", &program_v2(), &"-o", &out]);
    let after = today();
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let started = rel(&load(&out), "m31").started_on.unwrap();
    assert!(started == before || started == after, "{started}");
}

#[test]
fn publish_refuses_a_date_that_does_not_exist_and_a_missing_output() {
    let dir = TempDir::new();
    let out = dir.path("never.json");
    let bad = mk(&[
        &"publish",
        &program_v2(),
        &"--start",
        &"2027-02-30",
        &"-o",
        &out,
    ]);
    assert_eq!(code(&bad), 2);
    assert!(
        stderr(&bad).contains("--start: \"2027-02-30\" is not a real calendar date"),
        "{}",
        stderr(&bad)
    );
    assert!(!out.exists());
    let no_output = mk(&[&"publish", &program_v2()]);
    assert_eq!(code(&no_output), 2);
    assert!(stderr(&no_output).contains("missing -o"));
}

// log-import

#[test]
fn log_import_records_a_google_forms_export_on_the_right_relationships() {
    let dir = TempDir::new();
    let program = published(&dir);
    let out = dir.path("imported.json");
    let done = log_import(&program, &fixture("checkins-google-forms.csv"), &out, &[]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let err = stderr(&done);
    assert!(
        err.contains(
            "recorded 5 check-ins, logged 4 meetings; skipped 0 duplicates, 0 rows with errors"
        ),
        "{err}"
    );
    // Grace answered about the meeting Katherine already reported (row 2).
    assert!(
        err.contains("row 3: the pair already has a meeting that day; not logged twice"),
        "{err}"
    );
    // March 20 decides the order: nothing to say about it.
    assert!(!err.contains("--date-order"), "{err}");

    let p = load(&out);
    // Katherine (row 2), Grace (row 3); Katherine's row 7 only logs a meeting.
    let m28 = rel(&p, "m28");
    assert_eq!(m28.check_ins.len(), 4);
    let katherine = &m28.check_ins[2];
    assert_eq!(katherine.date, d("2027-03-10"));
    assert_eq!(katherine.from, Actor::Mentee);
    assert_eq!(katherine.rating, Some(4));
    assert_eq!(katherine.on_track, Some(OnTrack::Yes));
    assert_eq!(katherine.fit, Some(Fit::Good));
    assert_eq!(katherine.comment, "The design review went well.");
    assert_eq!(katherine.submitted.as_deref(), Some("3/10/2027 9:00:00"));
    assert_eq!(m28.check_ins[3].from, Actor::Mentor);
    let meetings: Vec<_> = m28
        .meetings
        .iter()
        .map(|x| (x.date, x.minutes, x.mode, x.logged_by))
        .collect();
    assert_eq!(
        meetings[1..],
        [
            (
                d("2027-03-08"),
                Some(60),
                Some(MeetingMode::Video),
                Actor::Mentee
            ),
            (
                d("2027-04-01"),
                Some(50),
                Some(MeetingMode::InPerson),
                Actor::Mentee
            ),
        ]
    );
    // Ada named Alan by e-mail, Alan named Ada by name: both on m31, not on m30 or m32.
    let m31 = rel(&p, "m31");
    assert_eq!(
        m31.check_ins
            .iter()
            .map(|c| (c.from, c.rating))
            .collect::<Vec<_>>(),
        [(Actor::Mentor, Some(5)), (Actor::Mentee, Some(2))]
    );
    assert_eq!(
        (m31.meetings[0].date, m31.meetings[0].minutes),
        (d("2027-03-18"), Some(90))
    );
    assert!(rel(&p, "m30").check_ins.is_empty());
    // Dorothy's only running relationship; the meeting is dated the row's day.
    let m32 = rel(&p, "m32");
    assert_eq!(m32.check_ins.len(), 1);
    assert_eq!(m32.check_ins[0].on_track, Some(OnTrack::Unsure));
    assert_eq!(
        (
            m32.meetings[0].date,
            m32.meetings[0].minutes,
            m32.meetings[0].mode
        ),
        (d("2027-03-22"), Some(45), Some(MeetingMode::Phone))
    );
}

/// Bad input 48: the same respondent and timestamp twice is a duplicate, skipped and
/// counted; a second import of the same export adds nothing and is not an error.
#[test]
fn a_second_import_of_the_same_export_skips_every_response_as_a_duplicate() {
    let dir = TempDir::new();
    let first = imported(&dir);
    let out = dir.path("again.json");
    let done = log_import(&first, &fixture("checkins-google-forms.csv"), &out, &[]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let err = stderr(&done);
    for row in 2..=6 {
        assert!(
            err.contains(&format!(
                "row {row}: the same respondent and timestamp as a check-in imported before; skipped as a duplicate"
            )),
            "{row}: {err}"
        );
    }
    assert!(
        err.contains("row 7: the pair already has a meeting that day"),
        "{err}"
    );
    assert!(
        err.contains("nothing new to import; the program is written unchanged"),
        "{err}"
    );
    assert!(
        err.contains("recorded 0 check-ins, logged 0 meetings; skipped 5 duplicates"),
        "{err}"
    );
    assert_eq!(load(&out).matches, load(&first).matches);
}

/// Bad inputs 44 (an unknown e-mail), 45 (a mentor of two mentees and no partner named),
/// 46 (a rating of 7, a length over 600 minutes, a length that does not parse), 47
/// (a meeting in the future, a meeting before the start, an answer dated in the future)
/// and 48 (a response twice): every row error is listed by row, column and header, and
/// nothing is written.
#[test]
fn bad_rows_stop_the_import_and_every_one_is_listed() {
    let dir = TempDir::new();
    let program = published(&dir);
    let out = dir.path("never.json");
    let done = log_import(&program, &fixture("checkins-bad-rows.csv"), &out, &[]);
    assert_eq!(code(&done), 2);
    let err = stderr(&done);
    let partner = "column C \"Who is your mentor or mentee? (name or e-mail)\"";
    let length = "column I \"How long did you meet?\"";
    let met = "column H \"When did you last meet?\"";
    for line in [
        // 44
        "row 3, column B \"Email Address\": no participant has the e-mail nobody@example.org".to_owned(),
        // 45
        format!("row 4, {partner}: Ada Lovelace is the mentor of 2 mentees: add a column naming the mentee"),
        // 46
        "row 5, column D \"How is your mentoring going? (1-5)\": a rating of 7 is outside 1-5".to_owned(),
        format!("row 6, {length}: 660 minutes is outside 5-600 minutes (\u{201c}11 hours\u{201d})"),
        format!("row 7, {length}: \u{201c}soon\u{201d} is not a meeting length"),
        // 47
        format!("row 8, {met}: 2027-05-02 is in the future (today is 2027-04-15)"),
        format!("row 9, {met}: 2027-02-20 is before the relationship started (2027-03-01)"),
        "row 12, column A \"Timestamp\": 2027-04-20 is in the future (today is 2027-04-15)".to_owned(),
        "8 rows with errors; nothing imported (fix them, or pass --skip-bad-rows".to_owned(),
    ] {
        assert!(err.contains(&line), "missing {line}\n{err}");
    }
    assert!(
        err.contains("checkins-bad-rows.csv: row 3, column B"),
        "{err}"
    );
    assert!(!out.exists());
}

/// Bad inputs 44-48 with `--skip-bad-rows`: the good rows are imported, the bad ones
/// listed, the duplicate skipped.
#[test]
fn skip_bad_rows_imports_the_good_rows_and_lists_the_bad_ones() {
    let dir = TempDir::new();
    let program = published(&dir);
    let out = dir.path("good-rows.json");
    let done = log_import(
        &program,
        &fixture("checkins-bad-rows.csv"),
        &out,
        &["--skip-bad-rows"],
    );
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let err = stderr(&done);
    assert!(err.contains("row 5, column D"), "{err}");
    assert!(
        err.contains("row 10: the same respondent and timestamp as row 2; skipped as a duplicate"),
        "{err}"
    );
    assert!(
        err.contains(
            "recorded 2 check-ins, logged 1 meeting; skipped 1 duplicate, 8 rows with errors"
        ),
        "{err}"
    );
    let (before, after) = (load(&program), load(&out));
    let m28 = rel(&after, "m28");
    assert_eq!(m28.check_ins.len(), rel(&before, "m28").check_ins.len() + 2);
    assert_eq!(m28.meetings.len(), rel(&before, "m28").meetings.len() + 1);
    for id in ["m30", "m31", "m32"] {
        assert_eq!(rel(&after, id), rel(&before, id), "{id}");
    }
}

/// Bad input 44: people whose relationship has ended, or who only have a draft, have no
/// running relationship to record on.
#[test]
fn rows_of_people_without_a_running_relationship_are_row_errors() {
    let dir = TempDir::new();
    let out = dir.path("never.json");
    // Not published: Alan is only in the draft; Dorothy's relationships are over.
    let done = log_import(
        &program_v2(),
        &fixture("checkins-google-forms.csv"),
        &out,
        &[],
    );
    assert_eq!(code(&done), 2);
    let err = stderr(&done);
    for line in [
        "row 4, column C \"Who is your mentor or mentee? (name or e-mail)\": \u{201c}alan@example.org\u{201d} is not in a running relationship with Ada Lovelace (their partners: José Müller-Ødegård)",
        "row 5, column C \"Who is your mentor or mentee? (name or e-mail)\": Alan Turing has no running relationship",
        "row 6, column C \"Who is your mentor or mentee? (name or e-mail)\": Dorothy Vaughan has no running relationship (theirs has ended)",
        "3 rows with errors; nothing imported",
    ] {
        assert!(err.contains(line), "missing {line}\n{err}");
    }
    assert!(!out.exists());
}

/// Bad input 44 with `--skip-bad-rows` and no good row: nothing can be imported.
#[test]
fn skip_bad_rows_with_no_good_row_imports_nothing() {
    let dir = TempDir::new();
    let program = published(&dir);
    let csv = dir.write(
        "strangers.csv",
        "Timestamp,Email Address,Rating\n3/20/2027 9:00,nobody@example.org,4\n",
    );
    let out = dir.path("never.json");
    let done = log_import(&program, &csv, &out, &["--skip-bad-rows"]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains("no row can be imported: 1 row with errors, 0 duplicates"),
        "{}",
        stderr(&done)
    );
    assert!(!out.exists());
}

#[test]
fn missing_required_columns_are_named_and_nothing_is_imported() {
    let dir = TempDir::new();
    let program = published(&dir);
    let out = dir.path("never.json");
    let neither = dir.write("neither.csv", "Name,Rating\nAda,4\n");
    let done = log_import(&program, &neither, &out, &[]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains(
            "no column gives the respondent's e-mail nor a Timestamp or Date (the columns are: Name, Rating); \
             add columns named \"Email Address\" and \"Timestamp\""
        ),
        "{}",
        stderr(&done)
    );
    let no_date = dir.write("no-date.csv", "Email,Rating\nada@example.org,4\n");
    let done = log_import(&program, &no_date, &out, &[]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains("no column gives a Timestamp or Date (the columns are: Email, Rating); add a column named \"Timestamp\""),
        "{}",
        stderr(&done)
    );
    assert!(!out.exists());
}

#[test]
fn a_guessed_date_order_is_said_and_date_order_chooses_it() {
    let dir = TempDir::new();
    let program = published(&dir);
    // 3/4/2027 is 4 March or 3 April: nothing in the file tells.
    let csv = dir.write(
        "ambiguous.csv",
        "Timestamp,Email Address,Rating\n3/4/2027 9:00,katherine@example.org,4\n",
    );
    let guessed = dir.path("guessed.json");
    let done = log_import(&program, &csv, &guessed, &[]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    assert!(
        stderr(&done).contains(
            "dates such as 03/04/2027 were read as month/day/year (03/14/2027): no date in the file \
             tells the order; if they are day/month/year (14/03/2027), pass --date-order dmy"
        ),
        "{}",
        stderr(&done)
    );
    let latest = |path: &Path| rel(&load(path), "m28").check_ins.last().unwrap().date;
    assert_eq!(latest(&guessed), d("2027-03-04"));
    let chosen = dir.path("chosen.json");
    let done = log_import(&program, &csv, &chosen, &["--date-order", "dmy"]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    assert!(!stderr(&done).contains("--date-order"), "{}", stderr(&done));
    assert_eq!(latest(&chosen), d("2027-04-03"));
    // When the guess makes a date impossible, the failed import still says how to choose.
    let december = dir.write(
        "december.csv",
        "Timestamp,Email Address,Rating\n12/4/2027 9:00,katherine@example.org,4\n",
    );
    let done = log_import(&program, &december, &chosen, &[]);
    assert_eq!(code(&done), 2);
    let err = stderr(&done);
    assert!(err.contains("2027-12-04 is in the future"), "{err}");
    assert!(err.contains("pass --date-order dmy"), "{err}");
    let done = log_import(&program, &december, &chosen, &["--date-order", "dmy"]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    assert_eq!(latest(&chosen), d("2027-04-12"));
    let bad = log_import(&program, &csv, &chosen, &["--date-order", "ymd"]);
    assert_eq!(code(&bad), 2);
    assert!(
        stderr(&bad).contains("--date-order: \"ymd\" is not mdy (month first) or dmy (day first)")
    );
}

#[test]
fn a_mapping_file_maps_a_form_with_unusual_questions() {
    let dir = TempDir::new();
    let program = published(&dir);
    let csv = dir.write(
        "odd.csv",
        "Sent,Sender,Buddy,Stars\n2027-03-20 10:00,ada@example.org,Alan Turing,4\n",
    );
    let out = dir.path("mapped.json");
    // Without a mapping nothing is recognised.
    let done = log_import(&program, &csv, &out, &[]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done)
            .contains("ignored columns: Sent, Sender, Buddy, Stars (map them with --mapping)"),
        "{}",
        stderr(&done)
    );
    let mapping = dir.write(
        "mapping.json",
        r#"{"Sent": "timestamp", "Sender": "respondent_email", "Buddy": "partner", "Stars": "rating"}"#,
    );
    let mapping_arg = mapping.to_str().unwrap();
    let done = log_import(&program, &csv, &out, &["--mapping", mapping_arg]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let m31 = rel(&load(&out), "m31").clone();
    assert_eq!(m31.check_ins.len(), 1);
    assert_eq!(
        (
            m31.check_ins[0].date,
            m31.check_ins[0].rating,
            m31.check_ins[0].from
        ),
        (d("2027-03-20"), Some(4), Actor::Mentor)
    );
    // A target that does not exist: the message names the mapping file and the targets.
    let bad = dir.write("bad-mapping.json", r#"{"Stars": "stars"}"#);
    let done = log_import(&program, &csv, &out, &["--mapping", bad.to_str().unwrap()]);
    assert_eq!(code(&done), 2);
    let err = stderr(&done);
    assert!(
        err.contains("bad-mapping.json: \"Stars\": unknown target \"stars\""),
        "{err}"
    );
    assert!(err.contains("respondent_email"), "{err}");
}

#[test]
fn an_empty_or_missing_check_ins_file_exits_2_naming_it() {
    let dir = TempDir::new();
    let program = published(&dir);
    let out = dir.path("never.json");
    let header_only = dir.write("header-only.csv", "Timestamp,Email Address,Rating\n");
    let done = log_import(&program, &header_only, &out, &[]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains("header-only.csv: has column names but no data rows"),
        "{}",
        stderr(&done)
    );
    let done = log_import(&program, &dir.path("absent.csv"), &out, &[]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains("absent.csv: cannot read"),
        "{}",
        stderr(&done)
    );
    let done = run_str(&["log-import", "program.json", "-o", "out.json"]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains("missing the check-ins CSV file"),
        "{}",
        stderr(&done)
    );
    assert!(!out.exists());
}

// relationships

#[test]
fn relationships_prints_a_table_worst_first_with_reasons_in_words_and_counts() {
    let dir = TempDir::new();
    let program = imported(&dir);
    let done = mk(&[&"relationships", &program, &"--as-of", &"2027-04-15"]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let text = stdout(&done);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Engineering onboarding 2027 as of 2027-04-15");
    let header: Vec<&str> = lines[2].split("  ").filter(|c| !c.is_empty()).collect();
    assert_eq!(
        header.iter().map(|c| c.trim()).collect::<Vec<_>>(),
        [
            "Mentee",
            "Mentor",
            "Status",
            "Health",
            "Meetings",
            "Hours",
            "Last meeting",
            "Rating",
            "Why"
        ]
    );
    let cells = |line: &str| -> Vec<String> {
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    };
    // At risk first, its first reason in words.
    assert_eq!(
        cells(lines[3]),
        [
            "Alan Turing",
            "Ada Lovelace",
            "Active",
            "\u{203c} At risk",
            "1",
            "1 h 30 min",
            "2027-03-18",
            "2/5",
            "Latest check-in rated 2 of 5 (21 March 2027) (+2 more)"
        ]
    );
    assert!(lines[4].contains("! Needs attention"), "{text}");
    assert!(lines[5].contains("Katherine Johnson"), "{text}");
    assert!(lines[5].contains("3 h 20 min"), "{text}");
    // Relationships without a health say so with a dash, not a blank.
    assert_eq!(
        cells(lines[6]),
        [
            "José Müller-Ødegård",
            "Ada Lovelace",
            "On hold",
            "-",
            "0",
            "-",
            "-",
            "-",
            "-"
        ]
    );
    assert!(text.contains(
        "7 relationships: 3 active, 1 on hold, 1 completed, 1 ended early, 1 declined\n"
    ));
    assert!(
        text.ends_with("Health: 1 at risk, 2 needs attention, 0 too early to tell, 0 on track\n")
    );
    assert!(lines.iter().all(|l| !l.ends_with(' ')), "{text}");
}

#[test]
fn relationships_json_has_the_documented_keys_and_values() {
    let dir = TempDir::new();
    let program = imported(&dir);
    let done = mk(&[
        &"relationships",
        &program,
        &"--as-of",
        &"2027-04-15",
        &"--json",
    ]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let value: serde_json::Value = serde_json::from_str(&stdout(&done)).unwrap();
    let over = |id: &str, mentor: &str, mentee: &str, status: &str, started: &str| {
        json!({
            "id": id, "mentor_email": mentor, "mentee_email": mentee, "status": status,
            "health": null, "reasons": [], "meetings": 0, "minutes": 0,
            "last_meeting": null, "latest_rating": null, "started_on": started
        })
    };
    let expected = json!({
        "as_of": "2027-04-15",
        "relationships": [
            {
                "id": "m24", "mentor_email": "ada@example.org",
                "mentee_email": "dorothy@example.org", "status": "completed",
                "health": null, "reasons": [], "meetings": 1, "minutes": 45,
                "last_meeting": "2026-09-15", "latest_rating": 4, "started_on": "2026-07-01"
            },
            over("m27", "grace@example.org", "josé@example.org", "ended_early", "2026-07-01"),
            {
                "id": "m28", "mentor_email": "grace@example.org",
                "mentee_email": "katherine@example.org", "status": "active",
                "health": "needs_attention",
                "reasons": ["milestone_overdue", "milestone_overdue"],
                "meetings": 3, "minutes": 200, "last_meeting": "2027-04-01",
                "latest_rating": 4, "started_on": "2027-01-11"
            },
            over("m30", "ada@example.org", "josé@example.org", "on_hold", "2027-01-11"),
            {
                "id": "m31", "mentor_email": "ada@example.org",
                "mentee_email": "alan@example.org", "status": "active",
                "health": "at_risk",
                "reasons": ["low_rating", "milestone_overdue", "milestone_overdue"],
                "meetings": 1, "minutes": 90, "last_meeting": "2027-03-18",
                "latest_rating": 2, "started_on": "2027-03-01"
            },
            {
                "id": "m32", "mentor_email": "alan@example.org",
                "mentee_email": "dorothy@example.org", "status": "active",
                "health": "needs_attention",
                "reasons": ["milestone_overdue", "milestone_overdue"],
                "meetings": 1, "minutes": 45, "last_meeting": "2027-03-22",
                "latest_rating": 3, "started_on": "2027-03-01"
            },
            over("m36", "grace@example.org", "dorothy@example.org", "declined", "2027-01-11"),
        ],
        "counts": {"at_risk": 1, "needs_attention": 2, "too_early": 0, "on_track": 0}
    });
    assert_eq!(value, expected);
    // Keys in the documented order, for people reading the output.
    let text = stdout(&done);
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(at("as_of") < at("relationships") && at("relationships") < at("counts"));
    let keys = [
        "id",
        "mentor_email",
        "mentee_email",
        "status",
        "health",
        "reasons",
        "meetings",
        "minutes",
        "last_meeting",
        "latest_rating",
        "started_on",
    ];
    assert!(keys.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
}

#[test]
fn relationships_as_of_a_day_in_the_first_weeks_is_too_early() {
    let dir = TempDir::new();
    let program = published(&dir);
    let done = mk(&[
        &"relationships",
        &program,
        &"--as-of",
        &"2027-03-05",
        &"--json",
    ]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let value: serde_json::Value = serde_json::from_str(&stdout(&done)).unwrap();
    assert_eq!(
        value["counts"],
        json!({"at_risk": 0, "needs_attention": 1, "too_early": 2, "on_track": 0})
    );
    assert_eq!(value["relationships"][4]["health"], "too_early");
    assert_eq!(value["relationships"][4]["reasons"], json!([]));
}

#[test]
fn relationships_says_when_nothing_is_published_and_refuses_a_bad_date() {
    let dir = TempDir::new();
    let program = dir.path("people.json");
    let csv = fixture("spreadsheet-export.csv");
    let done = mk(&[&"import-csv", &csv, &"-o", &program]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let done = mk(&[&"relationships", &program, &"--as-of", &"2027-03-01"]);
    assert_eq!(code(&done), 0);
    assert!(
        stdout(&done).contains("as of 2027-03-01: no published relationships"),
        "{}",
        stdout(&done)
    );
    let done = mk(&[
        &"relationships",
        &program,
        &"--as-of",
        &"2027-03-01",
        &"--json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&done)).unwrap();
    assert_eq!(
        value,
        json!({"as_of": "2027-03-01", "relationships": [],
               "counts": {"at_risk": 0, "needs_attention": 0, "too_early": 0, "on_track": 0}})
    );
    let done = mk(&[&"relationships", &program, &"--as-of", &"1 March"]);
    assert_eq!(code(&done), 2);
    assert!(
        stderr(&done).contains("--as-of: \"1 March\" is not a date of the form YYYY-MM-DD"),
        "{}",
        stderr(&done)
    );
}

// match --as-of

/// Ends Katherine's relationship (m28) early on 2027-03-10 with a rematch and a 14-day
/// cooldown, and saves the program.
fn ended_with_rematch(dir: &TempDir) -> PathBuf {
    let program = load(&program_v2());
    let ended = edit::apply(
        &program,
        RelationshipEdit::Transition {
            id: MatchId::from("m28"),
            to: MatchStatus::EndedEarly,
            date: d("2027-03-10"),
            by: Actor::Mentee,
            reason: Some(ReasonCode::NoTime),
            note: String::new(),
            rematch: Rematch {
                queue: true,
                never_again: false,
                cooldown_days: 14,
            },
        },
    )
    .unwrap()
    .program;
    let path = dir.path("ended.json");
    std::fs::write(
        &path,
        export_program(&ended, "2027-03-10T12:00:00Z").unwrap(),
    )
    .unwrap();
    path
}

#[test]
fn match_as_of_leaves_a_mentee_out_until_the_rematch_cooldown_ends() {
    let dir = TempDir::new();
    let program = ended_with_rematch(&dir);
    let out = dir.path("matched.json");
    let waiting = "unmatched mentee Katherine Johnson <katherine@example.org>: waiting for a rematch: runs match them from 24 March 2027";
    let during = mk(&[&"match", &program, &"--as-of", &"2027-03-20", &"-o", &out]);
    assert_eq!(code(&during), 0, "{}", stderr(&during));
    assert!(stderr(&during).contains(waiting), "{}", stderr(&during));
    let proposed_for_katherine = |p: &Program| {
        p.matches
            .iter()
            .filter(|m| m.status == MatchStatus::Proposed && m.mentee.as_str() == "p21")
            .count()
    };
    assert_eq!(proposed_for_katherine(&load(&out)), 0);
    // From the day the cooldown ends she takes part again.
    let after = mk(&[&"match", &program, &"--as-of", &"2027-03-24", &"-o", &out]);
    assert_eq!(code(&after), 0, "{}", stderr(&after));
    assert!(
        !stderr(&after).contains("waiting for a rematch"),
        "{}",
        stderr(&after)
    );
    assert_eq!(proposed_for_katherine(&load(&out)), 1);
    let bad = mk(&[&"match", &program, &"--as-of", &"soon", &"-o", &out]);
    assert_eq!(code(&bad), 2);
    assert!(
        stderr(&bad).contains("--as-of: \"soon\""),
        "{}",
        stderr(&bad)
    );
}
