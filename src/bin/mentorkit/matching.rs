//! `mentorkit match`, `scores` and `explain`: run matching on a program file, every
//! pair's score, one pair's explanation.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use lexopt::prelude::*;

use mentorkit::core::edit;
use mentorkit::core::exchange::csv::export_scores;
use mentorkit::core::matching;
use mentorkit::core::matching::config::ConfigEdit;
use mentorkit::core::matching::draft::AcceptRun;
use mentorkit::core::matching::scoring::explain;
use mentorkit::core::{Algorithm, Person, PersonId, Program};

use crate::dates::{date_arg, today};
use crate::export_csv::parse_program_and_output;
use crate::files::{load_program, save_program, shown, text_arg, write_output};
use crate::CliError;

const MATCH_HELP: &str = "\
Propose matches for the current cycle and write the program with them (as proposed,
scored matches; locked, active and on-hold matches are kept).

Usage: mentorkit match PROGRAM.json -o OUT.json [--algorithm ALGORITHM] [--as-of DATE]

A summary and everyone left unmatched, with the reason, are printed on stderr. Mentees in
the rematch queue (their relationship ended early) wait out their cooldown: a run before
that day leaves them unmatched and says until when.

Options:
      --algorithm ALGORITHM  optimal (highest total score), participation (most mentees
                             matched, then score), stable (ranked preferences) or
                             groups (circles); default: the program's own setting
      --as-of YYYY-MM-DD     Today, for the rematch cooldown (default: today)
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

/// How a person is shown in messages: name and e-mail (or id).
pub(crate) fn who(program: &Program, id: &PersonId) -> String {
    match program.person(id) {
        Some(p) if !p.email.is_empty() => format!("{} <{}>", p.name, p.email),
        Some(p) => format!("{} ({id})", p.name),
        None => id.to_string(),
    }
}

pub(crate) fn match_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let mut algorithm = None;
    let mut as_of = None;
    let Some((input, output)) = parse_program_and_output(
        parser,
        MATCH_HELP,
        "mentorkit match PROGRAM.json -o OUT.json",
        |name, parser| {
            if name == "as-of" {
                as_of = Some(date_arg(parser.value()?, "--as-of")?);
                return Ok(true);
            }
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
    let program = load_program(&input)?;
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
    let options = matching::Options {
        as_of: Some(match as_of {
            Some(d) => d,
            None => today()?,
        }),
        ..matching::Options::default()
    };
    let proposal = matching::run_with(&program, algorithm, &options, &mut |_| {
        matching::Control::Continue
    })
    .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(&input))))?;
    for u in &proposal.unmatched {
        eprintln!(
            "mentorkit: unmatched {} {}: {}",
            u.role.word(),
            who(&program, &u.person),
            u.reason
        );
    }
    let new_pairs = proposal.new_pairs().count();
    let kept = proposal.pairs.len() - new_pairs;
    // The same change the web app commits after a run: checked and validated, then saved.
    let bad = |e: String| CliError::BadInput(format!("{}: {e}", shown(&input)));
    let run = AcceptRun::of(&program, algorithm, &proposal);
    let program = edit::apply(&program, run)
        .map_err(|e| bad(e.to_string()))?
        .program;
    let program = edit::apply(&program, ConfigEdit::SetAlgorithm(algorithm))
        .map_err(|e| bad(e.to_string()))?
        .program;
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

pub(crate) fn scores_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
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
pub(crate) fn find_person<'a>(
    program: &'a Program,
    file: &Path,
    key: &str,
) -> Result<&'a Person, CliError> {
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

pub(crate) fn explain_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
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
