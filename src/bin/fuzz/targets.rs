//! The fuzz targets: what each one runs on an input, the seeds it starts from and the tokens
//! its mutations insert. Shared by the fuzzer (`src/bin/fuzz/main.rs`) and the regression
//! test that replays every seed and saved finding (`tests/fuzz_findings.rs`).
//!
//! Each target runs the same code the app and the command-line tool run on untrusted input,
//! and then checks what the core promises about the result (an imported program is valid and
//! exports; an applied CSV plan leaves a valid program), so a broken promise is a finding
//! just like a panic.

// Compiled into two crates (the fuzzer and the regression test); each uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use mentorkit::core::date::Date;
use mentorkit::core::edit;
use mentorkit::core::exchange::checkins::{
    auto_map_log, plan_log_import, DateOrder, ImportLog, LogOptions,
};
use mentorkit::core::exchange::csv::{
    apply_import, auto_map, plan_import, sniff_with, DuplicatePolicy, ImportOptions, SniffOptions,
};
use mentorkit::core::exchange::file_format::{
    export_program, import_program, import_with, ImportError, Imported, VersionPolicy,
};
use mentorkit::core::exchange::share::{self, ShareOptions};
use mentorkit::core::matching::draft::DraftEdit;
use mentorkit::core::matching::synthetic;
use mentorkit::core::model::{Program, ProgramId, Purpose, Role};
use mentorkit::core::program::demo::demo_program;
use mentorkit::core::program::templates::new_from_template;

/// One kind of untrusted input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A program file (`core::exchange::file_format::import_program`), also read the way browser
    /// storage reads an entry from a newer MentorKit (`VersionPolicy::ReadNewer`).
    File,
    /// A participants CSV: `sniff`, `auto_map`, `plan_import`, then `apply_import`.
    Csv,
    /// A share link's payload (`core::share::decode`).
    Share,
    /// A check-ins CSV from a form tool, into a program with running relationships:
    /// `sniff`, `auto_map_log`, `plan_log_import`, then the `ImportLog` operation.
    CheckIns,
}

impl Target {
    /// Every target, in the order `make fuzz` runs them.
    pub const ALL: [Target; 4] = [Target::File, Target::Csv, Target::Share, Target::CheckIns];

    /// The name on the command line and of its findings folder.
    pub fn name(self) -> &'static str {
        match self {
            Target::File => "program-file",
            Target::Csv => "participants-csv",
            Target::Share => "share-link",
            Target::CheckIns => "checkins-csv",
        }
    }

    /// The target called `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The repository root (the fixtures and findings live under it).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where a target's findings are saved and replayed from.
pub fn findings_dir(root: &Path, target: Target) -> PathBuf {
    root.join("tests").join("fuzz-findings").join(target.name())
}

/// The saved findings of a target (file name, bytes), sorted by name. A missing folder is
/// no findings.
pub fn findings(root: &Path, target: Target) -> Vec<(String, Vec<u8>)> {
    files_in(&findings_dir(root, target), |_| true)
}

fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<(String, Vec<u8>)> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = read
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with(".md") || !keep(&name) {
                return None;
            }
            std::fs::read(e.path()).ok().map(|bytes| (name, bytes))
        })
        .collect();
    out.sort();
    out
}

/// Programs the seeds are made from: the version 1 fixture, the demo, every purpose
/// template and a small synthetic program (with pinned pairs and preferences).
fn seed_programs(root: &Path) -> Vec<Program> {
    let mut programs = Vec::new();
    if let Ok(bytes) = std::fs::read(root.join("tests/fixtures/program-v1.json")) {
        if let Ok(imported) = import_program(&bytes) {
            programs.push(imported.program);
        }
    }
    programs.push(demo_program(ProgramId::from("prog-demo")));
    for purpose in Purpose::ALL {
        programs.push(new_from_template(
            purpose,
            ProgramId::from(format!("prog-{}", purpose.key()).as_str()),
            purpose.label(),
            None,
        ));
    }
    programs.push(synthetic::program(12, 7, 3));
    programs
}

/// The inputs a target starts from: the repository's fixtures, and files and links made
/// from them. Deterministic: the same repository always gives the same seeds.
pub fn seeds(root: &Path, target: Target) -> Vec<(String, Vec<u8>)> {
    let programs = seed_programs(root);
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    match target {
        Target::File => {
            out.extend(files_in(&root.join("tests/fixtures"), |n| {
                n.ends_with(".json")
            }));
            for p in &programs {
                if let Ok(text) = export_program(p, "2027-01-01T00:00:00Z") {
                    out.push((format!("export:{}", p.id), text.into_bytes()));
                }
            }
        }
        Target::Csv => {
            out.extend(files_in(&root.join("tests/fixtures/csv"), |n| {
                n.ends_with(".csv")
            }));
            out.extend(files_in(&root.join("tests/e2e/fixtures"), |n| {
                n.ends_with(".csv")
            }));
            for p in programs.iter().take(3) {
                out.push((
                    format!("export:{}", p.id),
                    mentorkit::core::exchange::csv::export_participants(p).into_bytes(),
                ));
            }
        }
        Target::CheckIns => {
            out.extend(files_in(&root.join("tests/fixtures/csv"), |n| {
                n.starts_with("checkins-") && n.ends_with(".csv")
            }));
        }
        Target::Share => {
            let options = [
                ShareOptions::default(),
                ShareOptions {
                    redacted: true,
                    pseudonyms: false,
                },
                ShareOptions {
                    redacted: true,
                    pseudonyms: true,
                },
            ];
            for p in &programs {
                for (i, o) in options.iter().enumerate() {
                    if let Ok(link) = share::encode(p, o) {
                        out.push((format!("link:{}:{i}", p.id), link.into_bytes()));
                    }
                }
            }
        }
    }
    out
}

/// Tokens the byte-level mutations insert (JSON, CSV or link syntax, and values at the
/// edges of what the core accepts).
pub fn dictionary(target: Target) -> &'static [&'static [u8]] {
    match target {
        Target::File => &[
            b"{",
            b"}",
            b"[",
            b"]",
            b",",
            b":",
            b"\"",
            b"null",
            b"true",
            b"false",
            b"-1",
            b"0",
            b"1e400",
            b"-1e400",
            b"1.5",
            b"18446744073709551615",
            b"-9223372036854775809",
            b"\"\\ud800\"",
            b"\"\\u0000\"",
            b"\\",
            b"\xEF\xBB\xBF",
            b"\xFF",
            b"\"format\":\"mentorkit-program\"",
            b"\"version\":",
            b"\"version\":2",
            b"\"program\":",
            b"\"people\":",
            b"\"matches\":",
            b"\"skills\":",
            b"\"profile_fields\":",
            b"\"id\":",
            b"\"mentor\":",
            b"\"mentee\":",
            b"\"capacity\":",
            b"\"next_seq\":",
            b"\"cycle\":",
            b"\"role\":\"either\"",
            b"\"start_date\":\"2024-02-30\"",
            b"\"99999-01-01\"",
            b"\"__proto__\"",
            b"\"p1\"",
            b"\"m1\"",
            b"\"s1\"",
            b"\"f1\"",
            b"\"g1\"",
        ],
        Target::Csv => &[
            b",",
            b";",
            b"\t",
            b"\"",
            b"\"\"",
            b"\r\n",
            b"\n",
            b"\r",
            b"\xEF\xBB\xBF",
            b"\xFF\xFE",
            b"\xFE\xFF",
            b"\xE9",
            b"\x00",
            b"|",
            b"Name",
            b"E-mail",
            b"Role",
            b"Capacity",
            b"Skills offered",
            b"Skills wanted",
            b"Preference 1",
            b"Time zone",
            b"Seniority",
            b"Languages",
            b"First name",
            b"Last name",
            b"mentor",
            b"mentee",
            b"both",
            b"51",
            b"-1",
            b"Python:9",
            b"Python (4)",
            b"UTC+14:00",
            b"+05:30",
            b"Europe/Berlin",
            b"L99",
            b"=SUM(A1)",
            b"'=1",
            b"ada@example.org",
            b"@",
        ],
        Target::CheckIns => &[
            b",",
            b"\"",
            b"\r\n",
            b"\xEF\xBB\xBF",
            b"Timestamp",
            b"Date",
            b"Email Address",
            b"Who is your mentor or mentee?",
            b"How is your mentoring going? (1-5)",
            b"On track?",
            b"A good fit?",
            b"Have you met since the last check-in?",
            b"When did you last meet?",
            b"How long did you meet?",
            b"How did you meet?",
            b"ada@example.org",
            b"grace@example.org",
            b"alan@example.org",
            b"Ada Lovelace",
            b"3/31/2027 9:00:00",
            b"31/3/2027",
            b"2027-02-30",
            b"2099-01-01",
            b"0",
            b"7",
            b"-1",
            b"1h 30m",
            b"1:30",
            b"601",
            b"45 min",
            b"Yes",
            b"Not sure",
            b"Still deciding",
            b"Video call",
        ],
        Target::Share => &[
            b"mk1.",
            b"mk2.",
            b"mk99999999999999999999.",
            b"MK1.",
            b"=",
            b"-",
            b"_",
            b"+",
            b"/",
            b"A",
            b"AAAA",
            b"%20",
            b"#/share/",
            b" ",
        ],
    }
}

/// Runs `input` through `target` and returns the features of what happened (which error,
/// which kinds of repair or row error, roughly how many), so the fuzzer keeps inputs that
/// reach a feature no earlier input reached: a stand-in for code coverage, which the stable
/// toolchain does not instrument.
///
/// # Panics
/// When the core panics, or breaks a promise this harness checks: that is a finding.
pub fn run(target: Target, input: &[u8]) -> Vec<u64> {
    match target {
        Target::File => run_file(input),
        Target::Csv => run_csv(input),
        Target::Share => run_share(input),
        Target::CheckIns => run_checkins(input),
    }
}

/// FNV-1a: a stable 64-bit hash (finding names, outcome signatures).
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The first words of a message, without numbers and quoted parts, so "row 3" and "row 4",
/// or two different names, are the same outcome. Messages quote what the input said, so a
/// whole message would make nearly every input "new".
fn shape(text: &str) -> String {
    words(text, 4)
}

/// An error's kind: its variant (and a nested error's, `Import(NotJson`) and the first words
/// of its last clause, letters only (`expected value`). Paths and quoted input are left out:
/// they name whatever the input contained, and a fuzzer rewarded for new words drifts into
/// ever newer garbage.
fn error_shape(error: &(impl std::fmt::Debug + std::fmt::Display)) -> String {
    let debug = format!("{error:?}");
    let mut variant = String::new();
    for c in debug.chars() {
        if c.is_ascii_alphanumeric() || (c == '(' && !variant.contains('(')) {
            variant.push(c);
        } else {
            break;
        }
    }
    let display = error.to_string();
    // The last clause, up to where it starts quoting the input ("..., this one with [{").
    let last = display.rsplit(": ").next().unwrap_or_default();
    let last = last.split([',', '(', ';']).next().unwrap_or_default();
    let cleaned = words(last, 12);
    let detail: Vec<&str> = cleaned
        .split(' ')
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic()))
        .take(4)
        .map(|w| if w.len() > 12 { "…" } else { w })
        .collect();
    format!("{variant}: {}", detail.join(" "))
}

fn words(text: &str, n: usize) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if matches!(c, '"' | '\'' | '`' | '\u{201c}' | '\u{201d}') {
            quoted = !quoted;
        } else if !quoted && !c.is_ascii_digit() {
            out.push(c);
        }
    }
    out.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

/// A row error's kind: row messages quote or name the cell's text ("Lots is not a capacity:
/// ..."), so only the message's own words count: unquoted, lower-case letters, before the
/// first colon.
fn row_shape(message: &str) -> String {
    let head = message.split(':').next().unwrap_or_default();
    words(head, 40)
        .split(' ')
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
        .take(5)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A repair's path without its indices and user-chosen names (`program.people[].capacity`),
/// and the first words of its message.
fn repair_shape(path: &str, message: &str) -> String {
    let message = shape(message);
    // Unknown fields are named by the input: only that there were some is an outcome.
    if message.contains("unknown") {
        return message;
    }
    let mut path_shape = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                path_shape.push_str("[]");
            }
            ']' => in_index = false,
            _ if !in_index => path_shape.push(c),
            _ => {}
        }
    }
    format!("{path_shape}|{message}")
}

/// How many distinct outcome parts a target can tell apart. Messages can still carry bits of
/// the input (a cell's text where a message names it unquoted); folding parts into a fixed
/// number of slots bounds the features whatever leaks through, so the corpus settles instead
/// of filling with inputs that only differ in the text they quote.
const SLOTS: u64 = 1 << 14;

/// One feature per distinct part, and one for each part's count in powers of two (so "the
/// same repair, many times" is new too).
fn signature(parts: impl IntoIterator<Item = String>) -> Vec<u64> {
    let mut counts: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
    for p in parts {
        *counts.entry(p).or_default() += 1;
    }
    counts
        .into_iter()
        .flat_map(|(part, n)| {
            let slot = fnv(part.as_bytes()) % SLOTS;
            [slot, SLOTS * u64::from(32 - n.leading_zeros()) + slot]
        })
        .collect()
}

/// The promise every successful import makes: the program is valid (it exports), and
/// export -> import -> export gives the same file.
fn check_imported(imported: &Imported, what: &str) {
    let first = match export_program(&imported.program, "2027-01-01T00:00:00Z") {
        Ok(text) => text,
        Err(e) => panic!("{what} produced a program that does not export: {e}"),
    };
    let again = match import_program(first.as_bytes()) {
        Ok(again) => again,
        Err(e) => panic!("{what}: its export does not import again: {e}"),
    };
    assert!(
        again.repairs.is_empty(),
        "{what}: its export needed repairs on import: {:?}",
        again.repairs
    );
    let second = export_program(&again.program, "2027-01-01T00:00:00Z")
        .unwrap_or_else(|e| panic!("{what}: the re-imported program does not export: {e}"));
    assert!(
        first == second,
        "{what}: export -> import -> export is not byte-identical"
    );
}

fn import_outcome(result: &Result<Imported, ImportError>) -> Vec<String> {
    match result {
        Ok(imported) => imported
            .repairs
            .iter()
            .map(|r| repair_shape(&r.path, &r.message))
            .chain(std::iter::once("ok".to_owned()))
            .collect(),
        Err(e) => vec![error_shape(e)],
    }
}

fn run_file(input: &[u8]) -> Vec<u64> {
    let result = import_program(input);
    if let Ok(imported) = &result {
        check_imported(imported, "import_program");
    }
    let mut parts = import_outcome(&result);
    // Browser storage reads an entry saved by a newer MentorKit read-only (bad input 37).
    if let Err(ImportError::NewerVersion { .. }) = result {
        let newer = import_with(input, VersionPolicy::ReadNewer);
        if let Ok(imported) = &newer {
            assert!(
                imported.newer_version.is_some(),
                "a newer file read with ReadNewer must say it is newer"
            );
        }
        parts.extend(
            import_outcome(&newer)
                .into_iter()
                .map(|p| format!("newer:{p}")),
        );
    }
    signature(parts)
}

/// The program a CSV is imported into, and the options, chosen from the input itself so a
/// replay always takes the same path.
fn csv_setup(input: &[u8]) -> (Program, ImportOptions, SniffOptions) {
    let h = fnv(input);
    let program = if h & 1 == 0 {
        Program::new(ProgramId::from("prog-csv"), "CSV")
    } else {
        demo_program(ProgramId::from("prog-demo"))
    };
    let duplicate_policy = match (h >> 1) % 3 {
        0 => DuplicatePolicy::Skip,
        1 => DuplicatePolicy::Merge,
        _ => DuplicatePolicy::AddAsNew,
    };
    let options = ImportOptions {
        duplicate_policy,
        default_role: Role::ALL[((h >> 3) % 3) as usize],
        multi_value_delimiters: if (h >> 5) & 1 == 0 {
            vec![';', '|']
        } else {
            vec![',']
        },
        ..ImportOptions::default()
    };
    let sniff = SniffOptions {
        delimiter: match (h >> 6) % 8 {
            0 => Some(b';'),
            1 => Some(b'\t'),
            2 => Some(b'"'),
            _ => None,
        },
        has_header: match (h >> 9) % 6 {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        },
    };
    (program, options, sniff)
}

fn run_csv(input: &[u8]) -> Vec<u64> {
    let (program, options, sniff_options) = csv_setup(input);
    let sniffed = match sniff_with(input, &sniff_options) {
        Ok(s) => s,
        Err(e) => return signature([error_shape(&e)]),
    };
    let mapping = auto_map(&sniffed.headers, &program);
    let plan = plan_import(&sniffed, &mapping, &options, &program);
    let mut parts: Vec<String> = plan
        .row_errors
        .iter()
        .chain(&plan.warnings)
        .map(|e| row_shape(&e.message))
        .collect();
    parts.push(format!(
        "people:{} merges:{} skills:{} missing:{}",
        plan.new_people.len().min(3),
        plan.merges.len().min(3),
        plan.new_skills.len().min(3),
        plan.missing_required.len()
    ));
    let mut after = program.clone();
    match apply_import(&mut after, &plan) {
        Ok(_) => {
            // The promise of apply: a valid program (its good rows only).
            if let Err(e) = export_program(&after, "2027-01-01T00:00:00Z") {
                panic!("apply_import left a program that does not export: {e}");
            }
        }
        Err(e) => {
            assert!(
                after == program,
                "apply_import failed ({e}) but changed the program"
            );
            parts.push(error_shape(&e));
        }
    }
    signature(parts)
}

fn run_share(input: &[u8]) -> Vec<u64> {
    let link = String::from_utf8_lossy(input);
    let result = share::decode(&link);
    match &result {
        Ok(imported) => {
            check_imported(imported, "share::decode");
            signature(
                imported
                    .repairs
                    .iter()
                    .map(|r| repair_shape(&r.path, &r.message))
                    .chain(std::iter::once("ok".to_owned())),
            )
        }
        Err(e) => signature([error_shape(e)]),
    }
}

/// "Today" for the check-ins target: after every date in the seeds.
fn checkins_as_of() -> Date {
    Date::from_ymd(2027, 4, 15).unwrap_or(Date::MIN)
}

/// The program check-ins are imported into: the version-2 fixture with its draft published
/// on 1 March 2027 (running, on-hold, ended and declined relationships; a mentor of two; a
/// person who is both mentee and mentor). Made once.
fn checkins_program() -> &'static Program {
    static PROGRAM: std::sync::OnceLock<Program> = std::sync::OnceLock::new();
    PROGRAM.get_or_init(|| {
        let path = repo_root().join("tests/fixtures/program-v2.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("the check-ins target needs {}: {e}", path.display()));
        let program = import_program(text.as_bytes())
            .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()))
            .program;
        let start = Date::from_ymd(2027, 3, 1).unwrap_or(Date::MIN);
        edit::apply(&program, DraftEdit::Publish { start })
            .unwrap_or_else(|e| panic!("the fixture's draft does not publish: {e}"))
            .program
    })
}

fn run_checkins(input: &[u8]) -> Vec<u64> {
    let program = checkins_program();
    let sniffed = match sniff_with(input, &SniffOptions::default()) {
        Ok(s) => s,
        Err(e) => return signature([error_shape(&e)]),
    };
    let mapping = auto_map_log(&sniffed.headers);
    let options = LogOptions {
        as_of: checkins_as_of(),
        // Chosen from the input, so a replay takes the same path.
        date_order: match fnv(input) % 3 {
            0 => Some(DateOrder::MonthFirst),
            1 => Some(DateOrder::DayFirst),
            _ => None,
        },
    };
    let plan = plan_log_import(&sniffed, &mapping, &options, program);
    let mut parts: Vec<String> = plan
        .row_errors
        .iter()
        .chain(&plan.warnings)
        .map(|e| row_shape(&e.message))
        .collect();
    parts.push(format!(
        "entries:{} duplicates:{} logged:{} missing:{}",
        plan.entries.len().min(3),
        plan.duplicates.len().min(3),
        plan.meetings_already_logged.len().min(3),
        plan.missing_required.len()
    ));
    let op = ImportLog {
        plan,
        source: "fuzz.csv".to_owned(),
    };
    match edit::apply(program, op) {
        Ok(applied) => {
            // The promise of the operation: a valid program that exports and reads back.
            let text = match export_program(&applied.program, "2027-01-01T00:00:00Z") {
                Ok(text) => text,
                Err(e) => panic!("ImportLog left a program that does not export: {e}"),
            };
            if let Err(e) = import_program(text.as_bytes()) {
                panic!("ImportLog left a program whose export does not import: {e}");
            }
            parts.push("imported".to_owned());
        }
        // An invalid result is a bug in the operation (edit::apply caught it).
        Err(e @ edit::EditError::Invalid(_)) => panic!("ImportLog broke an invariant: {e}"),
        Err(e) => parts.push(error_shape(&e)),
    }
    signature(parts)
}
