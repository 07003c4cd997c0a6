//! `mentorkit export-csv`: participants, matches or scores as CSV.

use std::path::PathBuf;

use lexopt::prelude::*;

use mentorkit::core::exchange::csv::{export_matches, export_participants};
use mentorkit::core::Program;

use crate::files::{load_program, required, text_arg, write_output};
use crate::CliError;

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

pub(crate) fn export_csv(parser: &mut lexopt::Parser) -> Result<(), CliError> {
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
pub(crate) fn parse_program_and_output(
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
