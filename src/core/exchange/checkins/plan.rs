//! Reading a check-ins CSV into a plan without touching the program, then importing the
//! plan's good rows as one change ([`ImportLog`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use thiserror::Error;

use super::cells::{self as read, DateOrder};
use super::mapping::LogTarget;
use crate::core::date::Date;
use crate::core::edit::{Change, Operation};
use crate::core::exchange::csv::{Mapping, Row, RowError, Sniffed};
use crate::core::limits::MAX_LONG_TEXT;
use crate::core::model::{MatchId, MatchStatus, PersonId, Program};
use crate::core::relationships::duration::parse_minutes;
use crate::core::relationships::lifecycle::{
    add_check_in, add_meeting, published_index, start_of, CheckInInput, MeetingInput,
    RelationshipError,
};
use crate::core::relationships::model::{Actor, Fit, MeetingMode, OnTrack};

/// How rows are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogOptions {
    /// Today: answers dated later are row errors.
    pub as_of: Date,
    /// How to read `03/04/2027`; `None` detects it from the file (month first when
    /// nothing in the file decides).
    pub date_order: Option<DateOrder>,
}

/// One row the import records: a check-in, a meeting, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedLog {
    /// The row as a spreadsheet numbers it.
    pub row: usize,
    /// The relationship it belongs to.
    pub relationship: MatchId,
    /// Who answered.
    pub respondent: PersonId,
    /// The answers, unless the row only logs a meeting.
    pub check_in: Option<CheckInInput>,
    /// The meeting, when the row says the pair met (a meeting date, a duration or "met
    /// since last time: yes") and it is not logged already.
    pub meeting: Option<MeetingInput>,
}

/// What a duplicate row repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogDuplicateOf {
    /// An earlier row of the file (same respondent and timestamp).
    Row(usize),
    /// A check-in already in the program (imported before).
    Recorded,
}

/// A row skipped because it repeats a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogDuplicate {
    /// The row.
    pub row: usize,
    /// What it repeats.
    pub of: LogDuplicateOf,
}

/// What importing a check-ins CSV would do. Nothing is written until [`ImportLog`] is
/// committed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogPlan {
    /// The rows to record.
    pub entries: Vec<PlannedLog>,
    /// Errors by row and column; a row with an error is not imported.
    pub row_errors: Vec<RowError>,
    /// Warnings (an unknown meeting mode, left empty); the row is imported.
    pub warnings: Vec<RowError>,
    /// Rows skipped as duplicates.
    pub duplicates: Vec<LogDuplicate>,
    /// Rows whose meeting was already logged on that day (by another row or before); their
    /// check-in, if any, is still recorded.
    pub meetings_already_logged: Vec<usize>,
    /// Blank rows, skipped.
    pub blank_rows: usize,
    /// When not empty, columns that must be mapped before anything can be imported.
    pub missing_required: Vec<LogTarget>,
    /// How dates like `03/04/2027` were read.
    pub date_order: DateOrder,
    /// Whether some dates depended on that order and nothing in the file decided it (the
    /// wizard then asks).
    pub date_order_guessed: bool,
    /// The day the plan was made for.
    pub as_of: Date,
}

impl LogPlan {
    /// Check-ins the import records.
    pub fn check_ins(&self) -> usize {
        self.entries.iter().filter(|e| e.check_in.is_some()).count()
    }

    /// Meetings the import logs.
    pub fn meetings(&self) -> usize {
        self.entries.iter().filter(|e| e.meeting.is_some()).count()
    }

    /// The rows that have errors.
    pub fn rows_with_errors(&self) -> BTreeSet<usize> {
        self.row_errors.iter().map(|e| e.row).collect()
    }

    /// Whether every row can be imported as it is.
    pub fn is_clean(&self) -> bool {
        self.missing_required.is_empty() && self.row_errors.is_empty()
    }
}

/// A row's reading so far.
struct Reading<'a> {
    row: &'a Row,
    sniffed: &'a Sniffed,
    mapping: &'a Mapping<LogTarget>,
    errors: Vec<RowError>,
    warnings: Vec<RowError>,
}

impl Reading<'_> {
    fn column(&self, t: LogTarget) -> Option<usize> {
        self.mapping.column_of(&t)
    }

    /// The cell of a target's column, trimmed, when mapped and not empty.
    fn cell(&self, t: LogTarget) -> Option<(usize, &str)> {
        let c = self.column(t)?;
        let text = crate::core::exchange::csv::cell_text(self.row.cell(c));
        (!text.is_empty()).then_some((c, text))
    }

    fn problem(&self, column: Option<usize>, message: String) -> RowError {
        RowError {
            row: self.row.number,
            column,
            header: column
                .and_then(|c| self.sniffed.headers.get(c))
                .cloned()
                .unwrap_or_default(),
            message,
        }
    }

    fn error(&mut self, column: Option<usize>, message: String) {
        let e = self.problem(column, message);
        self.errors.push(e);
    }

    /// Parses a target's cell; a parse error becomes a row error.
    fn parse<T>(&mut self, t: LogTarget, parse: impl Fn(&str) -> Result<T, String>) -> Option<T> {
        let (c, text) = self.cell(t)?;
        match parse(text) {
            Ok(v) => Some(v),
            Err(message) => {
                self.error(Some(c), message);
                None
            }
        }
    }
}

/// The partner a cell names: `Name <e-mail>`, an e-mail or a name.
fn partner_parts(text: &str) -> (String, Option<String>) {
    if let (Some(open), Some(close)) = (text.find('<'), text.rfind('>')) {
        if open < close {
            return (
                text[..open].trim().to_lowercase(),
                Some(text[open + 1..close].trim().to_lowercase()),
            );
        }
    }
    let t = text.trim().to_lowercase();
    if t.contains('@') {
        (String::new(), Some(t))
    } else {
        (t.split_whitespace().collect::<Vec<_>>().join(" "), None)
    }
}

/// Finds the relationship a row is about, or says why it cannot.
fn place(
    program: &Program,
    running: &[usize],
    respondent: &PersonId,
    partner: Option<&str>,
) -> Result<usize, String> {
    let name = program.name_of(respondent);
    let partner_of = |i: usize| {
        let m = &program.matches[i];
        if &m.mentor == respondent {
            &m.mentee
        } else {
            &m.mentor
        }
    };
    if running.is_empty() {
        let ended = program.matches.iter().any(|m| {
            (&m.mentor == respondent || &m.mentee == respondent)
                && !matches!(
                    m.status,
                    MatchStatus::Proposed | MatchStatus::Active | MatchStatus::OnHold
                )
        });
        return Err(if ended {
            format!("{name} has no running relationship (theirs has ended)")
        } else {
            format!("{name} has no running relationship")
        });
    }
    let Some(partner) = partner else {
        if let [one] = running {
            return Ok(*one);
        }
        let n = running.len();
        let as_mentor = running
            .iter()
            .filter(|&&i| &program.matches[i].mentor == respondent)
            .count();
        return Err(if as_mentor == n {
            format!("{name} is the mentor of {n} mentees: add a column naming the mentee")
        } else if as_mentor == 0 {
            format!("{name} is the mentee of {n} mentors: add a column naming the mentor")
        } else {
            format!("{name} is in {n} running relationships: add a column naming the partner")
        });
    };
    let (wanted_name, wanted_email) = partner_parts(partner);
    let fits: Vec<usize> = running
        .iter()
        .copied()
        .filter(|&i| {
            let Some(p) = program.person(partner_of(i)) else {
                return false;
            };
            let by_email = wanted_email
                .as_ref()
                .is_some_and(|e| p.email.trim().to_lowercase() == *e);
            let by_name = !wanted_name.is_empty()
                && p.name
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
                    == wanted_name;
            by_email || (wanted_email.is_none() && by_name)
        })
        .collect();
    match fits.as_slice() {
        [one] => Ok(*one),
        [] => {
            let mut partners: Vec<String> = running
                .iter()
                .map(|&i| program.name_of(partner_of(i)))
                .collect();
            partners.sort();
            Err(format!(
                "\u{201c}{partner}\u{201d} is not in a running relationship with {name} (their partners: {})",
                partners.join(", ")
            ))
        }
        _ => Err(format!(
            "\u{201c}{partner}\u{201d} names more than one of {name}'s partners: use the e-mail"
        )),
    }
}

/// Reads a check-ins CSV exported from a form tool into a plan; the program is not
/// changed.
///
/// Rules (the README has the coordinator's version):
/// - the respondent's e-mail and a Timestamp or Date column must be mapped;
/// - each row goes to the respondent's running relationship with the partner its partner
///   column names (e-mail, name, or `Name <e-mail>`), or to their only running one;
/// - the row's date is its Date cell, else its Timestamp's day; a date after
///   [`LogOptions::as_of`] or before the relationship started is a row error, and so are
///   a rating outside 1-5, an unknown e-mail, a length that does not parse or exceeds 600
///   minutes, and yes/no answers that are neither;
/// - the same respondent and timestamp twice (in the file, or imported before) is a
///   duplicate and skipped;
/// - a meeting counts when the row says the pair met (a meeting date, a duration, or "met
///   since last time: yes"), on the meeting date if given, else the row's date; a meeting
///   the pair already has on that day is not logged twice;
/// - a row with answers (rating, on track, fit, comment), or with nothing but "not met",
///   is a check-in.
pub fn plan_log_import(
    sniffed: &Sniffed,
    mapping: &Mapping<LogTarget>,
    options: &LogOptions,
    program: &Program,
) -> LogPlan {
    let mut plan = LogPlan {
        entries: Vec::new(),
        row_errors: Vec::new(),
        warnings: Vec::new(),
        duplicates: Vec::new(),
        meetings_already_logged: Vec::new(),
        blank_rows: 0,
        missing_required: Vec::new(),
        date_order: options.date_order.unwrap_or_default(),
        date_order_guessed: false,
        as_of: options.as_of,
    };
    if !mapping.has(&LogTarget::RespondentEmail) {
        plan.missing_required.push(LogTarget::RespondentEmail);
    }
    if !mapping.has(&LogTarget::Timestamp) && !mapping.has(&LogTarget::Date) {
        plan.missing_required
            .extend([LogTarget::Timestamp, LogTarget::Date]);
    }
    if !plan.missing_required.is_empty() {
        return plan;
    }
    // The date order, from every date cell of the file.
    let date_columns: Vec<usize> = [
        LogTarget::Timestamp,
        LogTarget::Date,
        LogTarget::MeetingDate,
    ]
    .iter()
    .filter_map(|t| mapping.column_of(t))
    .collect();
    let date_cells = || {
        sniffed
            .rows
            .iter()
            .flat_map(|r| date_columns.iter().map(move |&c| r.cell(c)))
    };
    if options.date_order.is_none() {
        match read::detect_order(date_cells()) {
            Some(order) => plan.date_order = order,
            None => plan.date_order_guessed = date_cells().any(read::is_ambiguous),
        }
    }
    let order = plan.date_order;

    // Each person's running relationships, and the responses already recorded.
    let mut running: HashMap<&PersonId, Vec<usize>> = HashMap::new();
    let mut recorded: HashSet<(PersonId, String)> = HashSet::new();
    let mut met_on: HashSet<(MatchId, Date)> = HashSet::new();
    for (i, m) in program.matches.iter().enumerate() {
        if matches!(m.status, MatchStatus::Active | MatchStatus::OnHold) {
            running.entry(&m.mentor).or_default().push(i);
            running.entry(&m.mentee).or_default().push(i);
        }
        for c in &m.check_ins {
            let who = match c.from {
                Actor::Mentor => &m.mentor,
                Actor::Mentee => &m.mentee,
                Actor::Coordinator => continue,
            };
            if let Some(s) = &c.submitted {
                recorded.insert((who.clone(), s.clone()));
            }
        }
        for x in &m.meetings {
            met_on.insert((m.id.clone(), x.date));
        }
    }
    let mut seen: HashMap<(PersonId, String), usize> = HashMap::new();
    let partner_columns: Vec<usize> = mapping
        .columns
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == LogTarget::Partner)
        .map(|(c, _)| c)
        .collect();

    for row in &sniffed.rows {
        if row.is_blank() {
            plan.blank_rows += 1;
            continue;
        }
        let mut r = Reading {
            row,
            sniffed,
            mapping,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        // Who answered.
        let respondent = match r.cell(LogTarget::RespondentEmail) {
            None => {
                let c = r.column(LogTarget::RespondentEmail);
                r.error(c, "no e-mail: the respondent cannot be identified".into());
                None
            }
            Some((c, email)) => match program.person_by_email(email) {
                Some(p) => Some(p.id.clone()),
                None => {
                    r.error(Some(c), format!("no participant has the e-mail {email}"));
                    None
                }
            },
        };
        // When.
        let stamp = r.cell(LogTarget::Timestamp).map(|(_, t)| t.to_owned());
        let date_cell = r
            .cell(LogTarget::Date)
            .or_else(|| r.cell(LogTarget::Timestamp))
            .map(|(c, t)| (c, t.to_owned()));
        let date = match &date_cell {
            None => {
                r.error(None, "no date: the Timestamp or Date cell is empty".into());
                None
            }
            Some((c, text)) => match read::parse_when(text, order) {
                Ok(d) => Some((*c, d)),
                Err(e) => {
                    r.error(Some(*c), e);
                    None
                }
            },
        };
        // The answers.
        let rating = r.parse(LogTarget::Rating, read::parse_rating);
        let on_track: Option<OnTrack> = r.parse(LogTarget::OnTrack, read::parse_on_track);
        let fit: Option<Fit> = r.parse(LogTarget::Fit, read::parse_fit);
        let met = r.parse(LogTarget::Met, read::parse_met);
        let meeting_date = r
            .cell(LogTarget::MeetingDate)
            .map(|(c, t)| (c, read::parse_when(t, order)));
        let meeting_date = match meeting_date {
            Some((c, Err(e))) => {
                r.error(Some(c), e);
                None
            }
            Some((c, Ok(d))) => Some((c, d)),
            None => None,
        };
        let minutes = r.parse(LogTarget::Duration, parse_minutes);
        let mode: Option<MeetingMode> = match r.cell(LogTarget::Mode) {
            Some((c, t)) => match read::parse_mode(t) {
                Ok(m) => Some(m),
                Err(e) => {
                    let w = r.problem(Some(c), format!("{e}; left empty"));
                    r.warnings.push(w);
                    None
                }
            },
            None => None,
        };
        let comment = r
            .cell(LogTarget::Comment)
            .map(|(_, t)| t.to_owned())
            .unwrap_or_default();
        if comment.chars().count() > MAX_LONG_TEXT {
            let c = r.column(LogTarget::Comment);
            r.error(
                c,
                format!("the comment is longer than {MAX_LONG_TEXT} characters"),
            );
        }
        // Which relationship.
        let partner = partner_columns
            .iter()
            .map(|&c| (c, crate::core::exchange::csv::cell_text(row.cell(c))))
            .find(|(_, t)| !t.is_empty());
        let placed = respondent.as_ref().and_then(|pid| {
            let mine = running.get(pid).map_or(&[][..], Vec::as_slice);
            match place(program, mine, pid, partner.map(|(_, t)| t)) {
                Ok(i) => Some(i),
                Err(message) => {
                    let c = partner
                        .map(|(c, _)| c)
                        .or_else(|| partner_columns.first().copied())
                        .or_else(|| r.column(LogTarget::RespondentEmail));
                    r.error(c, message);
                    None
                }
            }
        });
        // Dates against the relationship's start and today.
        if let Some(i) = placed {
            let start = start_of(&program.matches[i]);
            for (c, d) in [date, meeting_date].into_iter().flatten() {
                if d > options.as_of {
                    r.error(
                        Some(c),
                        format!("{d} is in the future (today is {})", options.as_of),
                    );
                } else if let Some(s) = start.filter(|s| d < *s) {
                    r.error(
                        Some(c),
                        format!("{d} is before the relationship started ({s})"),
                    );
                }
            }
        }
        plan.warnings.append(&mut r.warnings);
        let (Some(pid), Some(i), Some((_, date)), true) =
            (respondent, placed, date, r.errors.is_empty())
        else {
            plan.row_errors.append(&mut r.errors);
            continue;
        };
        // Duplicates: the same respondent and timestamp.
        let key_text = stamp.unwrap_or_else(|| date_cell.map(|(_, t)| t).unwrap_or_default());
        let key = (pid.clone(), key_text.clone());
        if let Some(&first) = seen.get(&key) {
            plan.duplicates.push(LogDuplicate {
                row: row.number,
                of: LogDuplicateOf::Row(first),
            });
            continue;
        }
        if recorded.contains(&key) {
            plan.duplicates.push(LogDuplicate {
                row: row.number,
                of: LogDuplicateOf::Recorded,
            });
            continue;
        }
        seen.insert(key, row.number);
        let m = &program.matches[i];
        let actor = if m.mentor == pid {
            Actor::Mentor
        } else {
            Actor::Mentee
        };
        let meets = meeting_date.is_some() || minutes.is_some() || met == Some(true);
        let mut meeting = meets.then(|| MeetingInput {
            date: meeting_date.map_or(date, |(_, d)| d),
            minutes,
            mode,
            logged_by: actor,
            note: String::new(),
        });
        if let Some(x) = &meeting {
            if !met_on.insert((m.id.clone(), x.date)) {
                plan.meetings_already_logged.push(row.number);
                meeting = None;
            }
        }
        let answered =
            rating.is_some() || on_track.is_some() || fit.is_some() || !comment.is_empty();
        let check_in = (answered || !meets).then_some(CheckInInput {
            date,
            from: actor,
            rating,
            on_track,
            fit,
            comment,
            submitted: Some(key_text),
        });
        if check_in.is_none() && meeting.is_none() {
            continue;
        }
        plan.entries.push(PlannedLog {
            row: row.number,
            relationship: m.id.clone(),
            respondent: pid,
            check_in,
            meeting,
        });
    }
    plan
}

/// What an import recorded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogSummary {
    /// Check-ins recorded.
    pub check_ins: usize,
    /// Meetings logged.
    pub meetings: usize,
}

/// Why a check-ins import was refused. Nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportLogError {
    /// Required columns are not mapped.
    #[error("map a column to {0} first")]
    MissingColumns(String),
    /// No row can be imported.
    #[error("no row can be imported: every row has an error or repeats one already recorded")]
    NothingToImport,
    /// A row no longer fits the program (it changed since the plan was made).
    #[error("row {row}: {error}")]
    Row {
        /// The row.
        row: usize,
        /// Why.
        error: RelationshipError,
    },
}

/// Imports a check-ins plan's rows (rows with errors and duplicates are not in it): one
/// change, undone as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportLog {
    /// The plan, as the coordinator confirmed it.
    pub plan: LogPlan,
    /// The file's name, for the history ("Import check-ins from pulse.csv").
    pub source: String,
}

impl Operation for ImportLog {
    type Report = LogSummary;
    type Error = ImportLogError;

    fn apply(self, p: &mut Program) -> Result<Change<LogSummary>, ImportLogError> {
        let plan = self.plan;
        if !plan.missing_required.is_empty() {
            return Err(ImportLogError::MissingColumns(
                plan.missing_required
                    .iter()
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(" or "),
            ));
        }
        if plan.entries.is_empty() {
            return Err(ImportLogError::NothingToImport);
        }
        let mut done = LogSummary::default();
        for e in plan.entries {
            let row = e.row;
            let fail = |error| ImportLogError::Row { row, error };
            let i = published_index(p, &e.relationship).map_err(fail)?;
            if let Some(c) = e.check_in {
                add_check_in(p, i, c, plan.as_of).map_err(fail)?;
                done.check_ins += 1;
            }
            if let Some(x) = e.meeting {
                add_meeting(p, i, x, plan.as_of).map_err(fail)?;
                done.meetings += 1;
            }
        }
        let from = if self.source.is_empty() {
            String::new()
        } else {
            format!(" from {}", self.source)
        };
        Ok(Change::new(
            format!(
                "Import {} check-in(s) and {} meeting(s){from}",
                done.check_ins, done.meetings
            ),
            done,
        ))
    }
}
