//! `mentorkit`, the command-line tool: the same core as the web app, on files.
//!
//! Exit codes: 0 done; 2 bad input or usage (the message names the file, and the
//! line/column or row/column); 1 the output could not be written.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lexopt::prelude::*;
use thiserror::Error;

use mentorkit::core::exchange::csv::{
    self, apply_import, auto_map, export_matches, export_participants, export_scores, plan_import,
    sniff_with, DuplicateOf, DuplicatePolicy, ImportOptions, SniffOptions, Target,
};
use mentorkit::core::exchange::file_format::{export_program, import_program};
use mentorkit::core::limits::MAX_FILE_BYTES;
use mentorkit::core::matching::scoring::explain;
use mentorkit::core::matching::{self, UnmatchedRole};
use mentorkit::core::{Algorithm, Person, PersonId, Program, ProgramId, Role};

const HELP: &str = "\
mentorkit - run mentoring programs from the command line (the MentorKit core, on files)

Usage: mentorkit <COMMAND> [OPTIONS]

Commands:
  import-csv   Read participants from a CSV file into a program file
  match        Propose matches for the current cycle and write the program
  scores       Write the mentee x mentor score matrix as CSV
  explain      Print how a mentee-mentor pair's score is made up
  export-csv   Write a program's participants or matches as CSV

Run `mentorkit <COMMAND> --help` for a command's options.

Exit codes: 0 done, 2 bad input or usage (message on stderr names the file and where),
1 the output could not be written.

Options:
  -h, --help     Print this help
  -V, --version  Print the version
";

const IMPORT_HELP: &str = "\
Read participants from a CSV file into a program file.

Usage: mentorkit import-csv PEOPLE.csv -o PROGRAM.json [OPTIONS]

The delimiter (, ; or tab), a UTF-8 BOM, CRLF line ends and the header row are detected.
Columns are mapped by their headers, ignoring case, spaces and punctuation (Name / Full
name, E-mail / E-mail address, Role, Department, Team, Manager, Title / Job title,
Seniority / Level, Time zone, Languages, Skills offered / Can mentor on, Skills wanted /
Wants to learn, Goals, Capacity / Max mentees, Preferences, Bio, Availability, Notes).
Multi-value cells split on ; or |. Skills may carry a level 1-5: Python:4 or Python (4).

Options:
  -o, --output FILE        The program file to write (- for standard output) [required]
      --into PROGRAM.json  Add the people to this existing program instead of a new one
      --name NAME          The new program's name (default: the CSV file's name)
      --id ID              The new program's id (default: from the CSV file's name)
      --mapping FILE       JSON object of CSV header -> target, e.g.
                           {\"Work e-mail\": \"email\", \"Office\": \"ignore\"};
                           targets: name first_name last_name email role department
                           team manager title seniority time_zone languages
                           skills_offered skills_wanted goals capacity preferences bio
                           availability notes ignore field:<question id or label>
      --delimiter D        The CSV delimiter: comma, semicolon, tab or one character
      --no-header          The first row is data, not column names
      --multi-value CHARS  Characters that split multi-value cells (default \";|\")
      --role ROLE          Role of rows without one: mentor, mentee or either
                           (default mentee)
      --duplicates WHAT    Rows whose e-mail is already taken (earlier row or existing
                           participant): merge, skip or add. Without it, duplicates are
                           listed and nothing is imported
      --skip-bad-rows      Import the good rows when some rows have errors (the errors
                           are still listed); without it nothing is imported
  -h, --help               Print this help
";

const EXPORT_HELP: &str = "\
Write a program's participants or matches as CSV (UTF-8 with BOM, CRLF; cells starting
with = + - @ tab or CR are prefixed with ' so spreadsheets never run them as formulas).

Usage: mentorkit export-csv PROGRAM.json --what matches|participants -o OUT.csv

  participants  one row per person; the columns import-csv reads back (sensitive answers
                and coordinator notes are left out)
  matches       one row per mentee-mentor pair of the current cycle: both names, both
                e-mails, score, status, circle, locked, start date

Options:
      --what WHAT     participants or matches [required]
  -o, --output FILE   The CSV file to write (- for standard output) [required]
  -h, --help          Print this help
";

const MATCH_HELP: &str = "\
Propose matches for the current cycle and write the program with them (as proposed,
scored matches; locked, active and on-hold matches are kept).

Usage: mentorkit match PROGRAM.json -o OUT.json [--algorithm ALGORITHM]

A summary and everyone left unmatched, with the reason, are printed on stderr.

Options:
      --algorithm ALGORITHM  optimal (highest total score), participation (most mentees
                             matched, then score), stable (ranked preferences) or
                             groups (circles); default: the program's own setting
  -o, --output FILE          The program file to write (- for standard output) [required]
  -h, --help                 Print this help
";

const SCORES_HELP: &str = "\
Write the mentee x mentor score matrix as CSV: a header row of mentors, one row per
mentee, each labelled by e-mail (or id when the person has none). Cells are scores 0-100;
pairs a rule excludes are empty.

Usage: mentorkit scores PROGRAM.json -o SCORES.csv

Options:
  -o, --output FILE   The CSV file to write (- for standard output) [required]
  -h, --help          Print this help
";

const EXPLAIN_HELP: &str = "\
Print how a pair's score is made up: each criterion's points and the rules that exclude
the pair, if any.

Usage: mentorkit explain PROGRAM.json MENTEE MENTOR

MENTEE and MENTOR are participant ids (p12), e-mail addresses or full names.

Options:
  -h, --help   Print this help
";

/// Why a command failed; decides the exit code.
#[derive(Debug, Error)]
enum CliError {
    /// Wrong arguments (exit 2).
    #[error("{0}\nRun `mentorkit --help` for usage.")]
    Usage(String),
    /// A file could not be read or is not valid (exit 2).
    #[error("{0}")]
    BadInput(String),
    /// The output could not be written (exit 1).
    #[error("{0}")]
    Write(String),
}

impl From<lexopt::Error> for CliError {
    fn from(e: lexopt::Error) -> Self {
        CliError::Usage(e.to_string())
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mentorkit: {e}");
            match e {
                CliError::Usage(_) | CliError::BadInput(_) => ExitCode::from(2),
                CliError::Write(_) => ExitCode::from(1),
            }
        }
    }
}

fn run() -> Result<(), CliError> {
    let mut parser = lexopt::Parser::from_env();
    match parser.next()? {
        Some(Value(command)) => match command.to_string_lossy().as_ref() {
            "import-csv" => import_csv(&mut parser),
            "export-csv" => export_csv(&mut parser),
            "match" => match_command(&mut parser),
            "scores" => scores_command(&mut parser),
            "explain" => explain_command(&mut parser),
            "help" => {
                print!("{HELP}");
                Ok(())
            }
            other => Err(CliError::Usage(format!("unknown command \"{other}\""))),
        },
        Some(Short('h') | Long("help")) => {
            print!("{HELP}");
            Ok(())
        }
        Some(Short('V') | Long("version")) => {
            println!("mentorkit {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err(other.unexpected().into()),
        None => Err(CliError::Usage("no command given".into())),
    }
}

fn required(value: Option<PathBuf>, what: &str) -> Result<PathBuf, CliError> {
    value.ok_or_else(|| CliError::Usage(format!("missing {what}")))
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a whole input file, refusing oversized ones before reading them (bad input 12).
fn read_input(path: &Path) -> Result<Vec<u8>, CliError> {
    let meta = fs::metadata(path)
        .map_err(|e| CliError::BadInput(format!("{}: cannot read: {e}", shown(path))))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(CliError::BadInput(format!(
            "{}: the file is {} bytes; the largest accepted is {MAX_FILE_BYTES} bytes",
            shown(path),
            meta.len()
        )));
    }
    fs::read(path).map_err(|e| CliError::BadInput(format!("{}: cannot read: {e}", shown(path))))
}

/// Reads a program file; errors name the file (and line/column for JSON errors).
fn load_program(path: &Path) -> Result<Program, CliError> {
    let bytes = read_input(path)?;
    let imported =
        import_program(&bytes).map_err(|e| CliError::BadInput(format!("{}: {e}", shown(path))))?;
    for repair in &imported.repairs {
        eprintln!("mentorkit: {}: repaired {repair}", shown(path));
    }
    Ok(imported.program)
}

/// Writes the output through a temporary file and a rename, so a failure never leaves a
/// half-written file in place of a good one.
fn write_output(path: &Path, text: &str) -> Result<(), CliError> {
    let fail = |e: std::io::Error| CliError::Write(format!("{}: cannot write: {e}", shown(path)));
    if path.as_os_str() == "-" {
        return std::io::stdout().write_all(text.as_bytes()).map_err(fail);
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".mentorkit-{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, text).map_err(fail)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        fail(e)
    })
}

fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

fn save_program(program: &Program, path: &Path) -> Result<(), CliError> {
    let text = export_program(program, &now_rfc3339())
        .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(path))))?;
    write_output(path, &text)
}

/// A program id from a file stem: lower-case letters, digits and dashes.
fn id_from_stem(stem: &str) -> String {
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() {
        let secs = time::OffsetDateTime::now_utc().unix_timestamp();
        format!("program-{secs}")
    } else {
        id
    }
}

struct ImportArgs {
    input: PathBuf,
    output: PathBuf,
    into: Option<PathBuf>,
    name: Option<String>,
    id: Option<String>,
    mapping: Option<PathBuf>,
    sniff: SniffOptions,
    options: ImportOptions,
    duplicates_chosen: bool,
    skip_bad_rows: bool,
}

fn text_arg(value: OsString, flag: &str) -> Result<String, CliError> {
    value
        .into_string()
        .map_err(|_| CliError::Usage(format!("{flag}: the value is not valid text")))
}

fn parse_import_args(parser: &mut lexopt::Parser) -> Result<Option<ImportArgs>, CliError> {
    let mut input = None;
    let mut output = None;
    let mut into = None;
    let mut name = None;
    let mut id = None;
    let mut mapping = None;
    let mut sniff = SniffOptions::default();
    let mut options = ImportOptions::default();
    let mut duplicates_chosen = false;
    let mut skip_bad_rows = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{IMPORT_HELP}");
                return Ok(None);
            }
            Short('o') | Long("output") => output = Some(PathBuf::from(parser.value()?)),
            Long("into") => into = Some(PathBuf::from(parser.value()?)),
            Long("name") => name = Some(text_arg(parser.value()?, "--name")?),
            Long("id") => id = Some(text_arg(parser.value()?, "--id")?),
            Long("mapping") => mapping = Some(PathBuf::from(parser.value()?)),
            Long("no-header") => sniff.has_header = Some(false),
            Long("skip-bad-rows") => skip_bad_rows = true,
            Long("delimiter") => {
                let d = text_arg(parser.value()?, "--delimiter")?;
                sniff.delimiter = Some(match d.as_str() {
                    "comma" | "," => b',',
                    "semicolon" | ";" => b';',
                    "tab" | "\\t" | "\t" => b'\t',
                    one if one.len() == 1 => one.as_bytes()[0],
                    _ => {
                        return Err(CliError::Usage(format!(
                            "--delimiter: \"{d}\" is not comma, semicolon, tab or one character"
                        )))
                    }
                });
            }
            Long("multi-value") => {
                let chars: Vec<char> = text_arg(parser.value()?, "--multi-value")?
                    .chars()
                    .collect();
                if chars.is_empty() {
                    return Err(CliError::Usage(
                        "--multi-value: give at least one character".into(),
                    ));
                }
                options.multi_value_delimiters = chars;
            }
            Long("role") => {
                let r = text_arg(parser.value()?, "--role")?;
                options.default_role = match r.to_lowercase().as_str() {
                    "mentor" => Role::Mentor,
                    "mentee" => Role::Mentee,
                    "either" | "both" => Role::Either,
                    _ => {
                        return Err(CliError::Usage(format!(
                            "--role: \"{r}\" is not mentor, mentee or either"
                        )))
                    }
                };
            }
            Long("duplicates") => {
                let d = text_arg(parser.value()?, "--duplicates")?;
                options.duplicate_policy = match d.as_str() {
                    "merge" => DuplicatePolicy::Merge,
                    "skip" => DuplicatePolicy::Skip,
                    "add" => DuplicatePolicy::AddAsNew,
                    _ => {
                        return Err(CliError::Usage(format!(
                            "--duplicates: \"{d}\" is not merge, skip or add"
                        )))
                    }
                };
                duplicates_chosen = true;
            }
            Value(v) if input.is_none() => input = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    if into.is_some() && (name.is_some() || id.is_some()) {
        return Err(CliError::Usage(
            "--name and --id name a new program; with --into the program keeps its own".into(),
        ));
    }
    Ok(Some(ImportArgs {
        input: required(
            input,
            "the CSV file (mentorkit import-csv PEOPLE.csv -o PROGRAM.json)",
        )?,
        output: required(output, "-o PROGRAM.json")?,
        into,
        name,
        id,
        mapping,
        sniff,
        options,
        duplicates_chosen,
        skip_bad_rows,
    }))
}

fn import_csv(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let Some(args) = parse_import_args(parser)? else {
        return Ok(());
    };
    let csv_name = shown(&args.input);
    let bad = |message: String| CliError::BadInput(format!("{csv_name}: {message}"));
    let bytes = read_input(&args.input)?;
    let sniffed = sniff_with(&bytes, &args.sniff).map_err(|e| bad(e.to_string()))?;
    if sniffed.encoding != csv::Encoding::Utf8 {
        eprintln!(
            "mentorkit: {csv_name}: not UTF-8; read as {}",
            sniffed.encoding.label()
        );
    }

    let stem = args
        .input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut program = match &args.into {
        Some(path) => load_program(path)?,
        None => {
            let id = args.id.clone().unwrap_or_else(|| id_from_stem(&stem));
            let name = args.name.clone().unwrap_or_else(|| {
                if stem.trim().is_empty() {
                    "Imported program".to_owned()
                } else {
                    stem.clone()
                }
            });
            Program::new(ProgramId(id), name)
        }
    };

    let mut mapping = auto_map(&sniffed.headers, &program);
    if let Some(path) = &args.mapping {
        let bytes = read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            CliError::BadInput(format!(
                "{}: not UTF-8 text (byte {})",
                shown(path),
                e.utf8_error().valid_up_to()
            ))
        })?;
        mapping
            .apply_file(&sniffed.headers, &text, &program)
            .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(path))))?;
    }
    let ignored: Vec<&str> = sniffed
        .headers
        .iter()
        .zip(&mapping.columns)
        .filter(|(h, t)| **t == Target::Ignore && !h.is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    if !ignored.is_empty() {
        eprintln!(
            "mentorkit: {csv_name}: ignored columns: {} (map them with --mapping)",
            ignored.join(", ")
        );
    }

    if sniffed.rows.iter().all(csv::Row::is_blank) {
        return Err(bad(
            "has column names but no data rows; nothing imported".to_owned()
        ));
    }
    let plan = plan_import(&sniffed, &mapping, &args.options, &program);
    if !plan.missing_required.is_empty() {
        return Err(bad(format!(
            "no column gives the name or the e-mail (the columns are: {}); \
             name one \"Name\" or \"E-mail\", or map one with --mapping; nothing imported",
            sniffed.headers.join(", ")
        )));
    }
    for error in &plan.row_errors {
        eprintln!("mentorkit: {csv_name}: {error}");
    }
    if !plan.row_errors.is_empty() && !args.skip_bad_rows {
        let rows = plan.rows_with_errors().len();
        return Err(bad(format!(
            "{rows} row{} with errors; nothing imported \
             (fix them, or pass --skip-bad-rows to import the other rows)",
            if rows == 1 { "" } else { "s" }
        )));
    }
    if !plan.duplicates.is_empty() && !args.duplicates_chosen {
        for d in &plan.duplicates {
            let of = match &d.of {
                DuplicateOf::Row(r) => format!("row {r}"),
                DuplicateOf::Person(id) => format!(
                    "participant {}",
                    program
                        .person(id)
                        .map_or_else(|| id.to_string(), |p| format!("\"{}\" ({id})", p.name))
                ),
            };
            eprintln!(
                "mentorkit: {csv_name}: row {}: the e-mail {} is already used by {of}",
                d.row, d.email
            );
        }
        return Err(bad(format!(
            "{} duplicate e-mail{}; nothing imported (choose --duplicates merge, skip or add)",
            plan.duplicates.len(),
            if plan.duplicates.len() == 1 { "" } else { "s" }
        )));
    }
    for warning in &plan.warnings {
        eprintln!("mentorkit: {csv_name}: warning: {warning}");
    }

    let summary = apply_import(&mut program, &plan).map_err(|e| bad(e.to_string()))?;
    save_program(&program, &args.output)?;
    let count = |f: fn(Role) -> bool| plan.new_people.iter().filter(|p| f(p.person.role)).count();
    eprintln!(
        "mentorkit: {csv_name}: added {} people ({} mentors, {} mentees, {} either), \
         merged {}, skipped {} rows, {} rows with errors, {} new skills -> {}",
        summary.added,
        count(|r| r == Role::Mentor),
        count(|r| r == Role::Mentee),
        count(|r| r == Role::Either),
        summary.merged,
        plan.skipped.len(),
        plan.rows_with_errors().len(),
        summary.new_skills,
        shown(&args.output)
    );
    Ok(())
}

fn export_csv(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let mut input = None;
    let mut output = None;
    let mut what = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{EXPORT_HELP}");
                return Ok(());
            }
            Short('o') | Long("output") => output = Some(PathBuf::from(parser.value()?)),
            Long("what") => what = Some(text_arg(parser.value()?, "--what")?),
            Value(v) if input.is_none() => input = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    let input = required(
        input,
        "the program file (mentorkit export-csv PROGRAM.json ...)",
    )?;
    let output = required(output, "-o OUT.csv")?;
    let what = what.ok_or_else(|| CliError::Usage("missing --what matches|participants".into()))?;
    let export: fn(&Program) -> String = match what.as_str() {
        "participants" => export_participants,
        "matches" => export_matches,
        _ => {
            return Err(CliError::Usage(format!(
                "--what: \"{what}\" is not matches or participants"
            )))
        }
    };
    let program = load_program(&input)?;
    write_output(&output, &export(&program))
}

/// Parses `PROGRAM.json -o OUT` plus what `extra` accepts; `None` after printing help.
fn parse_program_and_output(
    parser: &mut lexopt::Parser,
    help: &str,
    usage: &str,
    mut extra: impl FnMut(&str, &mut lexopt::Parser) -> Result<bool, CliError>,
) -> Result<Option<(PathBuf, PathBuf)>, CliError> {
    let mut input = None;
    let mut output = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{help}");
                return Ok(None);
            }
            Short('o') | Long("output") => output = Some(PathBuf::from(parser.value()?)),
            Value(v) if input.is_none() => input = Some(PathBuf::from(v)),
            other => {
                let long = match &other {
                    Long(name) => Some((*name).to_owned()),
                    _ => None,
                };
                let unexpected = other.unexpected();
                match long {
                    Some(name) if extra(&name, parser)? => {}
                    _ => return Err(unexpected.into()),
                }
            }
        }
    }
    let input = required(input, &format!("the program file ({usage})"))?;
    let output = required(output, &format!("-o ({usage})"))?;
    Ok(Some((input, output)))
}

/// How a person is shown in messages: name and e-mail (or id).
fn who(program: &Program, id: &PersonId) -> String {
    match program.person(id) {
        Some(p) if !p.email.is_empty() => format!("{} <{}>", p.name, p.email),
        Some(p) => format!("{} ({id})", p.name),
        None => id.to_string(),
    }
}

fn match_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let mut algorithm = None;
    let Some((input, output)) = parse_program_and_output(
        parser,
        MATCH_HELP,
        "mentorkit match PROGRAM.json -o OUT.json",
        |name, parser| {
            if name != "algorithm" {
                return Ok(false);
            }
            let a = text_arg(parser.value()?, "--algorithm")?;
            algorithm = Some(match a.as_str() {
                "optimal" => Algorithm::Optimal,
                "participation" => Algorithm::Participation,
                "stable" => Algorithm::Stable,
                "groups" => Algorithm::Groups,
                _ => {
                    return Err(CliError::Usage(format!(
                        "--algorithm: \"{a}\" is not optimal, participation, stable or groups"
                    )))
                }
            });
            Ok(true)
        },
    )?
    else {
        return Ok(());
    };
    let mut program = load_program(&input)?;
    let algorithm = match algorithm {
        Some(a) => a,
        None if program.matching.algorithm == Algorithm::TopN => {
            return Err(CliError::Usage(format!(
                "{}: the program suggests top-N mentors instead of matching; \
                 choose --algorithm optimal, participation, stable or groups",
                shown(&input)
            )))
        }
        None => program.matching.algorithm,
    };
    let proposal = matching::run(&program, algorithm)
        .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(&input))))?;
    for u in &proposal.unmatched {
        let role = match u.role {
            UnmatchedRole::Mentee => "mentee",
            UnmatchedRole::Mentor => "mentor",
        };
        eprintln!(
            "mentorkit: unmatched {role} {}: {}",
            who(&program, &u.person),
            u.reason
        );
    }
    let new_pairs = proposal.new_pairs().count();
    let kept = proposal.pairs.len() - new_pairs;
    program.matching.algorithm = algorithm;
    matching::apply(&mut program, &proposal);
    save_program(&program, &output)?;
    let optimal = if proposal.stats.proven_optimal {
        ""
    } else {
        " (not proven optimal: the search stopped at its round limit)"
    };
    eprintln!(
        "mentorkit: {}: {} ({}): proposed {new_pairs} pairs, kept {kept}, total score {}{optimal}, \
         {} people unmatched -> {}",
        shown(&input),
        algorithm.label(),
        algorithm.key(),
        proposal.total_score,
        proposal.unmatched.len(),
        shown(&output)
    );
    Ok(())
}

fn scores_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let Some((input, output)) = parse_program_and_output(
        parser,
        SCORES_HELP,
        "mentorkit scores PROGRAM.json -o SCORES.csv",
        |_, _| Ok(false),
    )?
    else {
        return Ok(());
    };
    let program = load_program(&input)?;
    write_output(&output, &export_scores(&program))
}

/// Finds a participant by id, e-mail (any case) or full name (when unique).
fn find_person<'a>(program: &'a Program, file: &Path, key: &str) -> Result<&'a Person, CliError> {
    if let Some(p) = program.people.iter().find(|p| p.id.as_str() == key) {
        return Ok(p);
    }
    if let Some(p) = program.person_by_email(key) {
        return Ok(p);
    }
    let named: Vec<&Person> = program
        .people
        .iter()
        .filter(|p| p.name.trim().eq_ignore_ascii_case(key.trim()))
        .collect();
    match named.as_slice() {
        [p] => Ok(p),
        [] => Err(CliError::BadInput(format!(
            "{}: no participant has the id, e-mail or name \"{key}\"",
            shown(file)
        ))),
        many => Err(CliError::BadInput(format!(
            "{}: {} participants are named \"{key}\"; use an id or e-mail ({})",
            shown(file),
            many.len(),
            many.iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn explain_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let mut values: Vec<OsString> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{EXPLAIN_HELP}");
                return Ok(());
            }
            Value(v) if values.len() < 3 => values.push(v),
            other => return Err(other.unexpected().into()),
        }
    }
    let [file, mentee, mentor] = <[OsString; 3]>::try_from(values).map_err(|_| {
        CliError::Usage("usage: mentorkit explain PROGRAM.json MENTEE MENTOR".into())
    })?;
    let file = PathBuf::from(file);
    let program = load_program(&file)?;
    let mentee = find_person(&program, &file, &text_arg(mentee, "MENTEE")?)?;
    let mentor = find_person(&program, &file, &text_arg(mentor, "MENTOR")?)?;
    let explanation = explain(&program, &mentee.id, &mentor.id)
        .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(&file))))?;
    println!(
        "mentee {}\nmentor {}",
        who(&program, &mentee.id),
        who(&program, &mentor.id)
    );
    print!("{explanation}");
    Ok(())
}
