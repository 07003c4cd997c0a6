//! `mentorkit publish`: the current draft becomes running relationships.

use mentorkit::core::edit::{self, EditError};
use mentorkit::core::matching::draft::{DraftEdit, DraftError};
use mentorkit::core::MatchStatus;

use crate::dates::{date_arg, today};
use crate::export_csv::parse_program_and_output;
use crate::files::{load_program, save_program, shown};
use crate::matching::who;
use crate::CliError;

const PUBLISH_HELP: &str = "\
Publish the current draft: every proposed match of the current cycle becomes an active
relationship starting on the start date, the first event on its timeline. A mentee waiting
for a rematch who gets a relationship leaves the rematch queue.

Usage: mentorkit publish PROGRAM.json -o OUT.json [--start YYYY-MM-DD]

Each published pair is listed on stderr. A program whose draft is empty is refused
(exit 2) and nothing is written.

Options:
      --start YYYY-MM-DD  The relationships' start date (default: today)
  -o, --output FILE       The program file to write (- for standard output) [required]
  -h, --help              Print this help
";

pub(crate) fn publish_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let mut start = None;
    let Some((input, output)) = parse_program_and_output(
        parser,
        PUBLISH_HELP,
        "mentorkit publish PROGRAM.json -o OUT.json",
        |name, parser| {
            if name != "start" {
                return Ok(false);
            }
            start = Some(date_arg(parser.value()?, "--start")?);
            Ok(true)
        },
    )?
    else {
        return Ok(());
    };
    let start = match start {
        Some(d) => d,
        None => today()?,
    };
    let program = load_program(&input)?;
    let draft: Vec<_> = program
        .current_matches()
        .filter(|m| m.status == MatchStatus::Proposed)
        .map(|m| (m.mentee.clone(), m.mentor.clone()))
        .collect();
    let bad = |message: String| CliError::BadInput(format!("{}: {message}", shown(&input)));
    // The same change the web app's Publish button commits.
    let published = match edit::apply(&program, DraftEdit::Publish { start }) {
        Ok(applied) => applied.program,
        Err(EditError::Refused(DraftError::NothingToPublish)) => {
            return Err(bad(format!(
                "nothing to publish: the draft of cycle {} has no proposed matches \
                 (propose some with `mentorkit match` first); nothing written",
                program.cycle
            )))
        }
        Err(e) => return Err(bad(e.to_string())),
    };
    save_program(&published, &output)?;
    for (mentee, mentor) in &draft {
        eprintln!(
            "mentorkit: published mentee {} with mentor {}",
            who(&program, mentee),
            who(&program, mentor)
        );
    }
    eprintln!(
        "mentorkit: {}: published {} relationship{} of cycle {} starting {start} -> {}",
        shown(&input),
        draft.len(),
        if draft.len() == 1 { "" } else { "s" },
        program.cycle,
        shown(&output)
    );
    Ok(())
}
