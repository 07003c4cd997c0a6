//! `mentorkit import-csv`: participants from a CSV file into a new or existing program.

use std::path::PathBuf;

use lexopt::prelude::*;

use mentorkit::core::edit;
use mentorkit::core::exchange::csv::{
    self, auto_map, plan_import, sniff_with, DuplicateOf, DuplicatePolicy, ImportOptions,
    ImportParticipants, SniffOptions,
};
use mentorkit::core::{Program, ProgramId, Role};

use crate::files::{
    id_from_stem, load_program, map_columns, read_input, required, save_program, shown, text_arg,
};
use crate::CliError;

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

pub(crate) fn import_csv(parser: &mut lexopt::Parser) -> Result<(), CliError> {
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
    let program = match &args.into {
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
    map_columns(
        &mut mapping,
        &sniffed.headers,
        args.mapping.as_deref(),
        &program,
        &csv_name,
    )?;

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

    // The same change the web app commits: checked on a copy, validated, then saved.
    let imported =
        edit::apply(&program, ImportParticipants(plan.clone())).map_err(|e| bad(e.to_string()))?;
    let summary = imported.report;
    save_program(&imported.program, &args.output)?;
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
