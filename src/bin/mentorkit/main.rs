//! `mentorkit`, the command-line tool: the same core as the web app, on files.
//!
//! Exit codes: 0 done; 2 bad input or usage (the message names the file, and the
//! line/column or row/column); 1 the output could not be written.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]
mod dates;
mod export_csv;
mod files;
mod import_csv;
mod log_import;
mod matching;
mod publish;
mod relationships;

use std::process::ExitCode;

use lexopt::prelude::*;
use thiserror::Error;

use export_csv::export_csv;
use import_csv::import_csv;
use log_import::log_import;
use matching::{explain_command, match_command, scores_command};
use publish::publish_command;
use relationships::relationships_command;

const HELP: &str = "\
mentorkit - run mentoring programs from the command line (the MentorKit core, on files)

Usage: mentorkit <COMMAND> [OPTIONS]

Commands:
  import-csv     Read participants from a CSV file into a program file
  match          Propose matches for the current cycle and write the program
  scores         Write the mentee x mentor score matrix as CSV
  explain        Print how a mentee-mentor pair's score is made up
  export-csv     Write a program's participants or matches as CSV
  publish        Turn the current draft into active relationships
  log-import     Record check-ins and meetings from a form tool's CSV export
  relationships  Print every relationship with its status and health (table or JSON)

Run `mentorkit <COMMAND> --help` for a command's options.

Dates are YYYY-MM-DD; --as-of and --start default to today (UTC).

Exit codes: 0 done, 2 bad input or usage (message on stderr names the file and where),
1 the output could not be written.

Options:
  -h, --help     Print this help
  -V, --version  Print the version
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
            "publish" => publish_command(&mut parser),
            "log-import" => log_import(&mut parser),
            "relationships" => relationships_command(&mut parser),
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
