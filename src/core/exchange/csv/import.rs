//! Steps 3 and 4 of import: plan every row without touching the program, then apply the
//! plan on the caller's confirmation, all or nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use thiserror::Error;

use crate::core::edit::{Change, Operation};
use crate::core::exchange::csv::mapping::{Mapping, Target};
use crate::core::exchange::csv::sniff::Sniffed;
use crate::core::limits::MAX_PEOPLE;
use crate::core::model::{Person, PersonId, Program, ProgramId, Role, Skill};
use crate::core::people::fields::PersonField;
use crate::core::program::validate::{validate, Problem};

use super::planner::Planner;
/// What to do with a row whose e-mail is already taken (by an earlier row of the file or
/// by an existing participant).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Update the earlier person: the row's non-empty cells replace their values; empty
    /// cells keep them.
    Merge,
    /// Leave the earlier person as is and do not import the row.
    #[default]
    Skip,
    /// Import the row as another person with the same e-mail.
    AddAsNew,
}

impl DuplicatePolicy {
    /// The name used on the command line (`merge`, `skip`, `add`).
    pub fn key(self) -> &'static str {
        match self {
            DuplicatePolicy::Merge => "merge",
            DuplicatePolicy::Skip => "skip",
            DuplicatePolicy::AddAsNew => "add",
        }
    }
}

/// How rows are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Characters that separate the values of a multi-value cell (default `;` and `|`).
    pub multi_value_delimiters: Vec<char>,
    /// What to do with duplicate e-mails, unless [`ImportOptions::duplicate_choices`]
    /// says otherwise for the row.
    pub duplicate_policy: DuplicatePolicy,
    /// Per-row choices (by spreadsheet row number), for a wizard that asks per duplicate.
    pub duplicate_choices: BTreeMap<usize, DuplicatePolicy>,
    /// The role of rows with no role (or no role column).
    pub default_role: Role,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            multi_value_delimiters: vec![';', '|'],
            duplicate_policy: DuplicatePolicy::Skip,
            duplicate_choices: BTreeMap::new(),
            default_role: Role::Mentee,
        }
    }
}

/// A problem with one row (an error excludes the row; a warning does not).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column (0-based), if the problem is in one cell.
    pub column: Option<usize>,
    /// The column's header ("" when not in one cell).
    pub header: String,
    /// What is wrong.
    pub message: String,
}

/// The spreadsheet name of a 0-based column: 0 -> `A`, 27 -> `AB`.
pub fn column_letter(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(c) => write!(
                f,
                "row {}, column {} \"{}\": {}",
                self.row,
                column_letter(c),
                self.header,
                self.message
            ),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

/// A new participant the plan adds.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedPerson {
    /// The rows it comes from (more than one when duplicates were merged into it).
    pub rows: Vec<usize>,
    /// The person, with a fresh id.
    pub person: Person,
}

/// An existing participant the plan updates.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedMerge {
    /// The rows merged into the person.
    pub rows: Vec<usize>,
    /// The person as it will be (same id as the existing one).
    pub person: Person,
}

/// What a duplicate row's e-mail collides with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateOf {
    /// An earlier row of the file.
    Row(usize),
    /// A participant already in the program.
    Person(PersonId),
}

/// A row whose e-mail was already taken, and what the plan does about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The row.
    pub row: usize,
    /// The e-mail as written in the row.
    pub email: String,
    /// What it collides with.
    pub of: DuplicateOf,
    /// What the plan does with the row.
    pub action: DuplicatePolicy,
}

/// Why a row is not imported (rows with errors are listed in
/// [`ImportPlan::row_errors`] instead).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Every cell is empty.
    Blank,
    /// A duplicate e-mail, and the choice was to skip it.
    Duplicate(DuplicateOf),
}

/// A row the plan does not import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    /// The row.
    pub row: usize,
    /// Why.
    pub reason: SkipReason,
}

/// Everything an import would do, computed without touching the program.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// Participants to add.
    pub new_people: Vec<PlannedPerson>,
    /// Existing participants to update.
    pub merges: Vec<PlannedMerge>,
    /// Rows not imported (blank, skipped duplicates).
    pub skipped: Vec<SkippedRow>,
    /// Skills named in cells that the vocabulary lacks, with fresh ids.
    pub new_skills: Vec<Skill>,
    /// Errors; a row with an error is not imported.
    pub row_errors: Vec<RowError>,
    /// Warnings (e.g. a preference for an unknown e-mail, dropped); the row is imported.
    pub warnings: Vec<RowError>,
    /// Rows whose e-mail was taken, with the action taken.
    pub duplicates: Vec<Duplicate>,
    /// When not empty, no column fills any of these and nothing can be imported: at least
    /// one of them must be mapped.
    pub missing_required: Vec<Target>,
    pub(super) program_id: ProgramId,
    pub(super) base_seq: u64,
    pub(super) base_people: usize,
    pub(super) next_seq: u64,
}

impl ImportPlan {
    /// The rows that have errors (and are not imported).
    pub fn rows_with_errors(&self) -> BTreeSet<usize> {
        self.row_errors.iter().map(|e| e.row).collect()
    }

    /// Whether the plan can be applied with nothing left out: required columns mapped and
    /// no row errors.
    pub fn is_clean(&self) -> bool {
        self.missing_required.is_empty() && self.row_errors.is_empty()
    }

    /// How many participants the plan adds or updates.
    pub fn people_count(&self) -> usize {
        self.new_people.len() + self.merges.len()
    }
}

/// What [`apply_import`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Participants added.
    pub added: usize,
    /// Participants updated.
    pub merged: usize,
    /// Skills added to the vocabulary.
    pub new_skills: usize,
}

/// Why a plan could not be applied. The program is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ApplyError {
    /// Required columns are not mapped.
    #[error("nothing to import: map a column to one of {0}")]
    MissingRequired(String),
    /// The program changed since the plan was made; plan again.
    #[error("the program changed since the import was prepared; prepare it again")]
    Stale,
    /// The program would hold more than [`MAX_PEOPLE`] participants.
    #[error("the program would have {0} participants; at most {MAX_PEOPLE} are allowed")]
    TooManyPeople(usize),
    /// The result breaks an invariant (a bug: plans are checked row by row).
    #[error("the imported program would not be valid: {}", .0.iter().take(3).map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}
/// Reads every row of a sniffed file into a plan: people to add or merge, row errors,
/// warnings and duplicates. The program is not changed; ids are reserved from its counter
/// and [`apply_import`] checks that the program has not changed since.
///
/// Rules (see the module docs and README for the user-facing version):
/// - a name column (or first/last name), or an e-mail column, must be mapped, else
///   [`ImportPlan::missing_required`] says which and no row is read;
/// - a row with no name takes one from its e-mail's local part (`ada.lovelace@...` ->
///   `Ada Lovelace`), with a warning when a name column exists;
/// - role `mentor`, `mentee`, `either` or `both` (any case), else the default role;
///   capacity a whole number 0-50 (default 1 for mentors, 0 for mentees);
/// - multi-value cells split on [`ImportOptions::multi_value_delimiters`]; skills written
///   `Python:4`, `Python (4)` or `Python` (level 3), unknown ones added to the vocabulary;
/// - preferences are ranked e-mails (or unique names), resolved after all rows are read;
///   unknown ones are dropped with a warning;
/// - every text is checked against the length limits.
pub fn plan_import(
    sniffed: &Sniffed,
    mapping: &Mapping,
    options: &ImportOptions,
    program: &Program,
) -> ImportPlan {
    let mut planner = Planner::new(sniffed, mapping, options, program);
    let (name, email) = (
        Target::Person(PersonField::Name),
        Target::Person(PersonField::Email),
    );
    let identifying = [
        name.clone(),
        Target::FirstName,
        Target::LastName,
        email.clone(),
    ];
    if !identifying.iter().any(|t| mapping.has(t)) {
        planner.plan.missing_required = vec![name, email];
        return planner.plan;
    }
    for row in &sniffed.rows {
        planner.row(row);
    }
    planner.resolve_preferences();
    // Warnings in row order, as the coordinator reads the sheet.
    planner.plan.warnings.sort_by_key(|w| w.row);
    planner.finish()
}

/// Writes a plan into the program: new skills, new people, merged people, all at once.
/// Rows with errors and skipped rows are not in the plan, so calling this imports the
/// good rows; not calling it imports none.
///
/// # Errors
/// [`ApplyError`]; the program is then unchanged (the result is built on a copy and
/// validated before it replaces the program).
pub fn apply_import(program: &mut Program, plan: &ImportPlan) -> Result<ImportSummary, ApplyError> {
    if !plan.missing_required.is_empty() {
        return Err(ApplyError::MissingRequired(
            plan.missing_required
                .iter()
                .map(|t| t.label())
                .collect::<Vec<_>>()
                .join(" or "),
        ));
    }
    if program.id != plan.program_id
        || program.next_seq != plan.base_seq
        || program.people.len() != plan.base_people
    {
        return Err(ApplyError::Stale);
    }
    let total = program.people.len() + plan.new_people.len();
    if total > MAX_PEOPLE {
        return Err(ApplyError::TooManyPeople(total));
    }
    let mut next = program.clone();
    next.skills.extend(plan.new_skills.iter().cloned());
    for merge in &plan.merges {
        let Some(person) = next.person_mut(&merge.person.id) else {
            return Err(ApplyError::Stale);
        };
        *person = merge.person.clone();
    }
    next.people
        .extend(plan.new_people.iter().map(|p| p.person.clone()));
    next.next_seq = plan.next_seq.max(next.next_seq);
    validate(&next).map_err(ApplyError::Invalid)?;
    *program = next;
    Ok(ImportSummary {
        added: plan.new_people.len(),
        merged: plan.merges.len(),
        new_skills: plan.new_skills.len(),
    })
}

/// Importing a planned CSV file's participants, as one change to the program.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportParticipants(pub ImportPlan);

impl Operation for ImportParticipants {
    type Report = ImportSummary;
    type Error = ApplyError;

    fn apply(self, program: &mut Program) -> Result<Change<ImportSummary>, ApplyError> {
        let summary = apply_import(program, &self.0)?;
        let mut label = match summary.added {
            1 => "Import 1 participant".to_owned(),
            n => format!("Import {n} participants"),
        };
        if summary.merged > 0 {
            label.push_str(&format!(" and update {}", summary.merged));
        }
        Ok(Change::new(label, summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
