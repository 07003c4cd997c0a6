//! `mentorkit log-import`: check-ins and meetings from a form tool's CSV export into a
//! program's running relationships, by the same plan the app's wizard shows.

use std::path::{Path, PathBuf};

use lexopt::prelude::*;

use mentorkit::core::edit;
use mentorkit::core::exchange::checkins::{
    auto_map_log, plan_log_import, DateOrder, ImportLog, LogDuplicateOf, LogOptions, LogPlan,
    LogTarget,
};
use mentorkit::core::exchange::csv::{self, sniff_with, Mapping, SniffOptions, Sniffed};
use mentorkit::core::Program;

use crate::dates::{date_arg, today};
use crate::files::{
    load_program, map_columns, read_input, required, save_program, shown, text_arg,
};
use crate::CliError;

const LOG_IMPORT_HELP: &str = "\
Record check-ins and meetings from a form tool's CSV export (Google Forms, Microsoft
Forms, Typeform...) on the program's running relationships.

Usage: mentorkit log-import PROGRAM.json CHECKINS.csv -o OUT.json [OPTIONS]

Columns are mapped by their headers and questions: Timestamp / Completion time, Date,
Email Address (the respondent), the partner's e-mail or name (\"Who is your mentor?\"),
How is your mentoring going? (1-5), On track? (yes / no / not sure), the fit question
(a good fit / still deciding / not a good fit), Have you met since last time? (yes / no),
When did you meet?, How long did you meet? (90, 1:30, 1h 30m, 45 min; 5-600 minutes),
How did you meet? (in person, video, phone, chat) and a comment. The respondent's e-mail
and a Timestamp or Date column are required.

Each row goes to the respondent's running relationship with the partner it names, or to
their only running one. A row says the pair met when it has a meeting date, a duration or
\"met since last time: yes\"; the meeting is dated the meeting date, else the row's date,
and a meeting the pair already has that day is not logged twice. The same respondent and
timestamp twice (in the file, or imported before) is a duplicate: skipped and counted.
A file with nothing new (every row imported before) is not an error: the program is
written unchanged.

Row errors (exit 2, every one listed as row, column and header): an unknown e-mail,
someone with no running relationship, a partner that cannot be told apart, a rating
outside 1-5, a length that does not parse or is outside 5-600 minutes, a date in the
future or before the relationship started. Without --skip-bad-rows nothing is written.

Options:
  -o, --output FILE       The program file to write (- for standard output) [required]
      --mapping FILE      JSON object of CSV header -> target, e.g.
                          {\"Work e-mail\": \"respondent_email\", \"Office\": \"ignore\"};
                          targets: timestamp date respondent_email partner rating
                          on_track fit met meeting_date duration mode comment ignore
      --skip-bad-rows     Import the good rows when some rows have errors (the errors
                          are still listed); without it nothing is imported
      --as-of YYYY-MM-DD  Today: answers dated later are row errors (default: today)
      --date-order ORDER  How to read dates like 03/04/2027: mdy (month first) or dmy
                          (day first); default: detected from the file, else mdy
  -h, --help              Print this help
";

struct LogArgs {
    program: PathBuf,
    csv: PathBuf,
    output: PathBuf,
    mapping: Option<PathBuf>,
    skip_bad_rows: bool,
    as_of: Option<mentorkit::core::Date>,
    date_order: Option<DateOrder>,
}

fn parse_args(parser: &mut lexopt::Parser) -> Result<Option<LogArgs>, CliError> {
    let usage = "mentorkit log-import PROGRAM.json CHECKINS.csv -o OUT.json";
    let mut files: Vec<PathBuf> = Vec::new();
    let mut output = None;
    let mut mapping = None;
    let mut skip_bad_rows = false;
    let mut as_of = None;
    let mut date_order = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{LOG_IMPORT_HELP}");
                return Ok(None);
            }
            Short('o') | Long("output") => output = Some(PathBuf::from(parser.value()?)),
            Long("mapping") => mapping = Some(PathBuf::from(parser.value()?)),
            Long("skip-bad-rows") => skip_bad_rows = true,
            Long("as-of") => as_of = Some(date_arg(parser.value()?, "--as-of")?),
            Long("date-order") => {
                let d = text_arg(parser.value()?, "--date-order")?;
                date_order = Some(DateOrder::from_key(&d).ok_or_else(|| {
                    CliError::Usage(format!(
                        "--date-order: \"{d}\" is not mdy (month first) or dmy (day first)"
                    ))
                })?);
            }
            Value(v) if files.len() < 2 => files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    let mut files = files.into_iter();
    Ok(Some(LogArgs {
        program: required(files.next(), &format!("the program file ({usage})"))?,
        csv: required(files.next(), &format!("the check-ins CSV file ({usage})"))?,
        output: required(output, &format!("-o OUT.json ({usage})"))?,
        mapping,
        skip_bad_rows,
        as_of,
        date_order,
    }))
}

/// The automatic mapping, with the mapping file over it; ignored columns are listed.
fn mapping_of(
    sniffed: &Sniffed,
    file: Option<&Path>,
    program: &Program,
    csv_name: &str,
) -> Result<Mapping<LogTarget>, CliError> {
    let mut mapping = auto_map_log(&sniffed.headers);
    map_columns(&mut mapping, &sniffed.headers, file, program, csv_name)?;
    Ok(mapping)
}

/// Says what was read in a way that does not stop the import: how dates were read when
/// nothing in the file decided, warnings, duplicates and meetings already logged.
fn report_notes(plan: &LogPlan, csv_name: &str) {
    if plan.date_order_guessed {
        let other = match plan.date_order {
            DateOrder::MonthFirst => DateOrder::DayFirst,
            DateOrder::DayFirst => DateOrder::MonthFirst,
        };
        eprintln!(
            "mentorkit: {csv_name}: dates such as 03/04/2027 were read as {}: no date in the \
             file tells the order; if they are {}, pass --date-order {}",
            plan.date_order.label(),
            other.label(),
            other.key()
        );
    }
    for warning in &plan.warnings {
        eprintln!("mentorkit: {csv_name}: warning: {warning}");
    }
    for d in &plan.duplicates {
        let of = match d.of {
            LogDuplicateOf::Row(first) => format!("row {first}"),
            LogDuplicateOf::Recorded => "a check-in imported before".to_owned(),
        };
        eprintln!(
            "mentorkit: {csv_name}: row {}: the same respondent and timestamp as {of}; \
             skipped as a duplicate",
            d.row
        );
    }
    for row in &plan.meetings_already_logged {
        eprintln!(
            "mentorkit: {csv_name}: row {row}: the pair already has a meeting that day; \
             not logged twice"
        );
    }
}

/// What a file lacks before any row can be placed, and how to give it.
fn missing_columns(plan: &LogPlan, headers: &[String]) -> String {
    // What is missing, a header that maps itself, and the mapping-file targets.
    let (mut what, mut header, mut targets) = (Vec::new(), Vec::new(), Vec::new());
    if plan.missing_required.contains(&LogTarget::RespondentEmail) {
        what.push("the respondent's e-mail");
        header.push("\"Email Address\"");
        targets.push("respondent_email");
    }
    if plan.missing_required.contains(&LogTarget::Timestamp) {
        what.push("a Timestamp or Date");
        header.push("\"Timestamp\"");
        targets.push("timestamp, date");
    }
    format!(
        "no column gives {} (the columns are: {}); add {} named {}, or map existing ones \
         with --mapping (targets {}); nothing imported",
        what.join(" nor "),
        headers.join(", "),
        if header.len() == 1 {
            "a column"
        } else {
            "columns"
        },
        header.join(" and "),
        targets.join(", ")
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(crate) fn log_import(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let Some(args) = parse_args(parser)? else {
        return Ok(());
    };
    let as_of = match args.as_of {
        Some(d) => d,
        None => today()?,
    };
    let program = load_program(&args.program)?;
    let csv_name = shown(&args.csv);
    let bad = |message: String| CliError::BadInput(format!("{csv_name}: {message}"));
    let bytes = read_input(&args.csv)?;
    let sniffed = sniff_with(&bytes, &SniffOptions::default()).map_err(|e| bad(e.to_string()))?;
    if sniffed.encoding != csv::Encoding::Utf8 {
        eprintln!(
            "mentorkit: {csv_name}: not UTF-8; read as {}",
            sniffed.encoding.label()
        );
    }
    let mapping = mapping_of(&sniffed, args.mapping.as_deref(), &program, &csv_name)?;
    if sniffed.rows.iter().all(csv::Row::is_blank) {
        return Err(bad(
            "has column names but no data rows; nothing imported".to_owned()
        ));
    }
    let options = LogOptions {
        as_of,
        date_order: args.date_order,
    };
    let plan = plan_log_import(&sniffed, &mapping, &options, &program);
    if !plan.missing_required.is_empty() {
        return Err(bad(missing_columns(&plan, &sniffed.headers)));
    }
    for error in &plan.row_errors {
        eprintln!("mentorkit: {csv_name}: {error}");
    }
    report_notes(&plan, &csv_name);
    let rows_with_errors = plan.rows_with_errors().len();
    if rows_with_errors > 0 && !args.skip_bad_rows {
        return Err(bad(format!(
            "{} with errors; nothing imported \
             (fix them, or pass --skip-bad-rows to import the other rows)",
            plural(rows_with_errors, "row", "rows")
        )));
    }
    if plan.entries.is_empty() && rows_with_errors > 0 {
        return Err(bad(format!(
            "no row can be imported: {} with errors, {}; nothing written",
            plural(rows_with_errors, "row", "rows"),
            plural(plan.duplicates.len(), "duplicate", "duplicates")
        )));
    }
    let (check_ins, meetings, duplicates) =
        (plan.check_ins(), plan.meetings(), plan.duplicates.len());
    let updated = if plan.entries.is_empty() {
        // Nothing new (every row was imported before): a re-run of the same export is
        // not an error, and the output still holds the program.
        program
    } else {
        // The same change the web app's wizard commits: checked, validated, then saved.
        let source = args
            .csv
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        edit::apply(&program, ImportLog { plan, source })
            .map_err(|e| bad(e.to_string()))?
            .program
    };
    save_program(&updated, &args.output)?;
    if check_ins + meetings == 0 {
        eprintln!("mentorkit: {csv_name}: nothing new to import; the program is written unchanged");
    }
    eprintln!(
        "mentorkit: {csv_name}: recorded {}, logged {}; skipped {}, {} -> {}",
        plural(check_ins, "check-in", "check-ins"),
        plural(meetings, "meeting", "meetings"),
        plural(duplicates, "duplicate", "duplicates"),
        plural(rows_with_errors, "row with errors", "rows with errors"),
        shown(&args.output)
    );
    Ok(())
}
