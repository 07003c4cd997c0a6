//! Steps 3 and 4 of import: plan every row without touching the program, then apply the
//! plan on the caller's confirmation, all or nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use thiserror::Error;

use crate::core::edit::{Change, Operation};
use crate::core::exchange::csv::cells;
use crate::core::exchange::csv::mapping::{Mapping, Target};
use crate::core::exchange::csv::sniff::{Row, Sniffed};
use crate::core::limits::MAX_PEOPLE;
use crate::core::model::{
    Answer, FieldId, FieldKind, IdKind, Person, PersonId, Program, ProgramId, Role, Skill, SkillId,
    SkillLevel,
};
use crate::core::people::fields::{self, AnswerInput, BuiltIn, PersonField, Value};
use crate::core::program::validate::{validate, Problem};

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
    program_id: ProgramId,
    base_seq: u64,
    base_people: usize,
    next_seq: u64,
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

/// One row's values: each built-in field read from its cells (by the field catalogue's
/// parser), answers, and the name's parts.
#[derive(Default)]
struct Draft {
    row: usize,
    /// Built-in fields with a value in this row, in column order (list fields gather the
    /// items of every column mapped to them).
    values: Vec<(BuiltIn, Value, usize)>,
    first: Option<String>,
    last: Option<String>,
    answers: Vec<(FieldId, Answer)>,
    /// Warnings found while reading cells (column, message).
    notes_for_row: Vec<(usize, String)>,
}

impl Draft {
    fn value(&self, field: BuiltIn) -> Option<&Value> {
        self.values
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, v, _)| v)
    }

    fn text(&self, field: BuiltIn) -> Option<String> {
        match self.value(field) {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    fn full_name(&self) -> Option<String> {
        self.text(BuiltIn::Name).or_else(|| {
            let parts: Vec<&str> = [&self.first, &self.last]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
    }

    /// Adds a value; a list field's items are appended to those of earlier columns.
    fn add(&mut self, field: BuiltIn, value: Value, column: usize) {
        let existing = self.values.iter_mut().find(|(f, _, _)| *f == field);
        match (existing, value) {
            (Some((_, Value::List(a), _)), Value::List(b)) => a.extend(b),
            (Some((_, Value::Skills(a), _)), Value::Skills(b)) => a.extend(b),
            (Some((_, Value::People(a), _)), Value::People(b)) => a.extend(b),
            (Some(slot), v) => slot.1 = v,
            (None, v) => self.values.push((field, v, column)),
        }
    }
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

/// A row's preferences: the row, and each e-mail or name with its column; resolved once
/// every row is read.
type PendingPreferences = (usize, Vec<(String, usize)>);

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    New(usize),
    Merge(usize),
}

struct Planner<'a> {
    sniffed: &'a Sniffed,
    mapping: &'a Mapping,
    options: &'a ImportOptions,
    program: &'a Program,
    plan: ImportPlan,
    seq: u64,
    used_ids: HashSet<String>,
    skills: HashMap<String, SkillId>,
    /// Good rows' e-mails (lower case) -> the entry that holds the person, and its first row.
    by_email: HashMap<String, (Entry, usize)>,
    /// E-mails of rows with errors -> their row.
    bad_emails: HashMap<String, usize>,
    /// Pending preferences per entry (the last row with a preferences cell wins).
    prefs: BTreeMap<Entry, PendingPreferences>,
    /// Existing participants by e-mail (lower case, trimmed; the first one wins, as in
    /// [`Program::person_by_email`]).
    existing_by_email: HashMap<String, PersonId>,
}

impl<'a> Planner<'a> {
    fn new(
        sniffed: &'a Sniffed,
        mapping: &'a Mapping,
        options: &'a ImportOptions,
        program: &'a Program,
    ) -> Planner<'a> {
        let mut used_ids: HashSet<String> = program.people.iter().map(|p| p.id.0.clone()).collect();
        used_ids.extend(program.skills.iter().map(|s| s.id.0.clone()));
        Planner {
            sniffed,
            mapping,
            options,
            program,
            plan: ImportPlan {
                new_people: Vec::new(),
                merges: Vec::new(),
                skipped: Vec::new(),
                new_skills: Vec::new(),
                row_errors: Vec::new(),
                warnings: Vec::new(),
                duplicates: Vec::new(),
                missing_required: Vec::new(),
                program_id: program.id.clone(),
                base_seq: program.next_seq,
                base_people: program.people.len(),
                next_seq: program.next_seq,
            },
            seq: program.next_seq,
            used_ids,
            skills: program
                .skills
                .iter()
                .map(|s| (cells::skill_key(&s.name), s.id.clone()))
                .collect(),
            by_email: HashMap::new(),
            bad_emails: HashMap::new(),
            prefs: BTreeMap::new(),
            existing_by_email: {
                let mut map = HashMap::new();
                for p in &program.people {
                    let key = p.email.trim().to_lowercase();
                    if !key.is_empty() {
                        map.entry(key).or_insert_with(|| p.id.clone());
                    }
                }
                map
            },
        }
    }

    fn finish(mut self) -> ImportPlan {
        self.plan.next_seq = self.seq;
        self.plan
    }

    /// A fresh id, like [`Program::next_id`] but from the plan's own counter, never one
    /// the program already uses (an imported program's counter may lag behind its ids).
    fn next_id(&mut self, kind: IdKind) -> String {
        loop {
            let id = format!("{}{}", kind.prefix(), self.seq);
            self.seq += 1;
            if self.used_ids.insert(id.clone()) {
                return id;
            }
        }
    }

    fn header(&self, column: usize) -> String {
        self.sniffed
            .headers
            .get(column)
            .cloned()
            .unwrap_or_default()
    }

    fn problem(&self, row: usize, column: Option<usize>, message: String) -> RowError {
        RowError {
            row,
            column,
            header: column.map(|c| self.header(c)).unwrap_or_default(),
            message,
        }
    }

    fn row(&mut self, row: &Row) {
        if row.is_blank() {
            self.plan.skipped.push(SkippedRow {
                row: row.number,
                reason: SkipReason::Blank,
            });
            return;
        }
        let (mut draft, errors) = self.read(row);
        if !errors.is_empty() {
            if let Some(email) = draft.text(BuiltIn::Email) {
                self.bad_emails
                    .entry(email.to_lowercase())
                    .or_insert(row.number);
            }
            self.plan.row_errors.extend(errors);
            return;
        }
        for (column, message) in std::mem::take(&mut draft.notes_for_row) {
            let w = self.problem(row.number, Some(column), message);
            self.plan.warnings.push(w);
        }
        self.place(draft);
    }

    /// Parses a row's cells with the field catalogue's parsers; errors are per cell.
    fn read(&self, row: &Row) -> (Draft, Vec<RowError>) {
        let mut d = Draft {
            row: row.number,
            ..Draft::default()
        };
        let mut errors = Vec::new();
        let delims = &self.options.multi_value_delimiters;
        for (column, target) in self.mapping.columns.iter().enumerate() {
            let cell = cells::text(row.cell(column));
            if *target == Target::Ignore || cell.is_empty() {
                continue;
            }
            let mut fail = |message: String| {
                errors.push(self.problem(row.number, Some(column), message));
            };
            match target {
                Target::FirstName | Target::LastName => match fields::short_text(cell) {
                    Ok(t) if *target == Target::FirstName => d.first = Some(t),
                    Ok(t) => d.last = Some(t),
                    Err(m) => fail(m),
                },
                Target::Person(PersonField::Answer(id)) => match self.answer(id, cell) {
                    Ok(Some(a)) => d.answers.push((id.clone(), a)),
                    Ok(None) => {}
                    Err(m) => fail(m),
                },
                Target::Person(field) => {
                    let Some(field) = field.built_in() else {
                        continue;
                    };
                    match fields::parse(field, cell, delims) {
                        Ok(Some(Value::TimeZone(z))) if !z.known => {
                            d.notes_for_row.push((
                                column,
                                format!(
                                    "time zone \u{201c}{}\u{201d} is not in MentorKit's table; matching treats it as unknown",
                                    z.value
                                ),
                            ));
                            d.add(field, Value::TimeZone(z), column);
                        }
                        Ok(Some(value)) => d.add(field, value, column),
                        Ok(None) => {}
                        Err(m) => fail(m),
                    }
                }
                Target::Ignore => {}
            }
        }
        if d.full_name().is_none() && d.text(BuiltIn::Email).is_none() && errors.is_empty() {
            let column = [
                Target::Person(PersonField::Name),
                Target::FirstName,
                Target::Person(PersonField::Email),
            ]
            .iter()
            .find_map(|t| self.mapping.column_of(t));
            errors.push(self.problem(
                row.number,
                column,
                "has neither a name nor an e-mail address".into(),
            ));
        }
        (d, errors)
    }

    /// An answer cell, checked against its question by the field catalogue (a multiple
    /// choice cell is split on the multi-value delimiters).
    fn answer(&self, field: &FieldId, cell: &str) -> Result<Option<Answer>, String> {
        let Some(q) = self.program.profile_fields.iter().find(|f| &f.id == field) else {
            return Err(format!(
                "the program has no question \u{201c}{field}\u{201d}"
            ));
        };
        match &q.kind {
            FieldKind::MultipleChoice { .. } => {
                let picked = cells::split(cell, &self.options.multi_value_delimiters);
                fields::answer(q, AnswerInput::Many(&picked))
            }
            _ => fields::answer(q, AnswerInput::Text(&cells::line(cell))),
        }
        .map_err(|m| format!("answer to \u{201c}{}\u{201d}: {m}", q.label))
    }

    fn policy(&self, row: usize) -> DuplicatePolicy {
        self.options
            .duplicate_choices
            .get(&row)
            .copied()
            .unwrap_or(self.options.duplicate_policy)
    }

    /// Decides where a good row goes: a new person, a merge, or skipped as a duplicate.
    fn place(&mut self, draft: Draft) {
        let row = draft.row;
        let Some(email) = draft.text(BuiltIn::Email) else {
            self.add_new(draft);
            return;
        };
        let key = email.to_lowercase();
        let earlier = self.by_email.get(&key).copied();
        let existing = self.existing_by_email.get(&key).cloned();
        let of = match (earlier, &existing) {
            (Some((_, first_row)), _) => DuplicateOf::Row(first_row),
            (None, Some(id)) => DuplicateOf::Person(id.clone()),
            (None, None) => {
                let entry = self.add_new(draft);
                self.by_email.insert(key, (entry, row));
                return;
            }
        };
        let action = self.policy(row);
        self.plan.duplicates.push(Duplicate {
            row,
            email,
            of: of.clone(),
            action,
        });
        match action {
            DuplicatePolicy::Skip => self.plan.skipped.push(SkippedRow {
                row,
                reason: SkipReason::Duplicate(of),
            }),
            DuplicatePolicy::AddAsNew => {
                let entry = self.add_new(draft);
                self.by_email.entry(key).or_insert((entry, row));
            }
            DuplicatePolicy::Merge => match (earlier, existing) {
                (Some((entry, _)), _) => self.merge_into(entry, draft),
                (None, Some(id)) => {
                    if let Some(person) = self.program.person(&id).cloned() {
                        let i = self.plan.merges.len();
                        self.plan.merges.push(PlannedMerge {
                            rows: Vec::new(),
                            person,
                        });
                        self.merge_into(Entry::Merge(i), draft);
                        self.by_email.insert(key, (Entry::Merge(i), row));
                    }
                }
                (None, None) => {}
            },
        }
    }

    fn add_new(&mut self, draft: Draft) -> Entry {
        let name = match draft.full_name() {
            Some(n) => n,
            None => {
                let derived = draft
                    .text(BuiltIn::Email)
                    .as_deref()
                    .map(cells::name_from_email)
                    .unwrap_or_default();
                let name_column = [
                    Target::Person(PersonField::Name),
                    Target::FirstName,
                    Target::LastName,
                ]
                .iter()
                .find_map(|t| self.mapping.column_of(t));
                if let Some(column) = name_column {
                    let w = self.problem(
                        draft.row,
                        Some(column),
                        format!("is empty; the name \"{derived}\" was taken from the e-mail"),
                    );
                    self.plan.warnings.push(w);
                }
                derived
            }
        };
        let id = PersonId(self.next_id(IdKind::Person));
        let role = match draft.value(BuiltIn::Role) {
            Some(Value::Role(r)) => *r,
            _ => self.options.default_role,
        };
        let i = self.plan.new_people.len();
        self.plan.new_people.push(PlannedPerson {
            rows: Vec::new(),
            person: Person::new(id, name, role),
        });
        self.merge_into(Entry::New(i), draft);
        Entry::New(i)
    }

    fn skill_levels(&mut self, items: Vec<(String, u8)>) -> Vec<SkillLevel> {
        let mut out: Vec<SkillLevel> = Vec::new();
        for (name, level) in items {
            let key = cells::skill_key(&name);
            let skill = match self.skills.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let id = SkillId(self.next_id(IdKind::Skill));
                    self.plan.new_skills.push(Skill {
                        id: id.clone(),
                        name: name.split_whitespace().collect::<Vec<_>>().join(" "),
                        cluster: String::new(),
                    });
                    self.skills.insert(key, id.clone());
                    id
                }
            };
            if !out.iter().any(|s| s.skill == skill) {
                out.push(SkillLevel { skill, level });
            }
        }
        out
    }

    /// Writes a row's non-empty values over an entry's person.
    fn merge_into(&mut self, entry: Entry, d: Draft) {
        let name = d.full_name();
        let mut values = Vec::with_capacity(d.values.len());
        let mut prefs = None;
        for (field, value, column) in d.values {
            match value {
                Value::Skills(items) => values.push((field, Err(self.skill_levels(items)))),
                Value::People(items) => {
                    prefs = Some(items.into_iter().map(|i| (i, column)).collect::<Vec<_>>());
                }
                other => values.push((field, Ok(other))),
            }
        }
        let (rows, person) = match entry {
            Entry::New(i) => {
                let p = &mut self.plan.new_people[i];
                (&mut p.rows, &mut p.person)
            }
            Entry::Merge(i) => {
                let p = &mut self.plan.merges[i];
                (&mut p.rows, &mut p.person)
            }
        };
        rows.push(d.row);
        let sets_capacity = values.iter().any(|(f, _)| *f == BuiltIn::Capacity);
        for (field, value) in values {
            match value {
                Ok(Value::Role(role)) => {
                    // A new mentor with capacity 0 would silently take nobody.
                    if role != person.role
                        && !sets_capacity
                        && person.capacity == 0
                        && role.can_mentor()
                    {
                        person.capacity = 1;
                    }
                    person.role = role;
                }
                Ok(value) => fields::set(person, field, value),
                Err(skills) if field == BuiltIn::SkillsOffered => person.skills_offered = skills,
                Err(skills) => person.skills_wanted = skills,
            }
        }
        if let Some(v) = name {
            person.name = v;
        }
        for (field, answer) in d.answers {
            person.answers.insert(field, answer);
        }
        if let Some(p) = prefs {
            self.prefs.insert(entry, (d.row, p));
        }
    }

    fn person_of(&self, entry: Entry) -> &Person {
        match entry {
            Entry::New(i) => &self.plan.new_people[i].person,
            Entry::Merge(i) => &self.plan.merges[i].person,
        }
    }

    /// Turns preference e-mails (or unique names) into ids once every row is known.
    fn resolve_preferences(&mut self) {
        let pending = std::mem::take(&mut self.prefs);
        for (entry, (row, wanted)) in pending {
            let own = self.person_of(entry).id.clone();
            let mut ids: Vec<PersonId> = Vec::new();
            for (value, column) in wanted {
                match self.resolve(&value) {
                    Ok(id) if id == own => {
                        let w = self.problem(
                            row,
                            Some(column),
                            format!("\"{value}\" is the person themself; dropped"),
                        );
                        self.plan.warnings.push(w);
                    }
                    Ok(id) => {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    Err(message) => {
                        let w = self.problem(row, Some(column), message);
                        self.plan.warnings.push(w);
                    }
                }
            }
            match entry {
                Entry::New(i) => self.plan.new_people[i].person.preferences = ids,
                Entry::Merge(i) => self.plan.merges[i].person.preferences = ids,
            }
        }
    }

    fn resolve(&self, value: &str) -> Result<PersonId, String> {
        let key = value.trim().to_lowercase();
        if key.contains('@') {
            if let Some((entry, _)) = self.by_email.get(&key) {
                return Ok(self.person_of(*entry).id.clone());
            }
            if let Some(id) = self.existing_by_email.get(&key) {
                return Ok(id.clone());
            }
            if let Some(bad_row) = self.bad_emails.get(&key) {
                return Err(format!(
                    "preference \"{value}\" is row {bad_row}, which is not imported because of its errors; dropped"
                ));
            }
            return Err(format!(
                "no participant has the e-mail \"{value}\"; preference dropped"
            ));
        }
        // A name: accepted when exactly one person (in the file or the program) has it.
        let mut found: Vec<PersonId> = Vec::new();
        let planned = self
            .plan
            .new_people
            .iter()
            .map(|p| &p.person)
            .chain(self.plan.merges.iter().map(|p| &p.person));
        let merged: HashSet<&PersonId> = self.plan.merges.iter().map(|m| &m.person.id).collect();
        let existing = self
            .program
            .people
            .iter()
            .filter(|p| !merged.contains(&p.id));
        for p in planned.chain(existing) {
            if p.name.trim().to_lowercase() == key && !found.contains(&p.id) {
                found.push(p.id.clone());
            }
        }
        match found.as_slice() {
            [id] => Ok(id.clone()),
            [] => Err(format!(
                "preference \"{value}\" is neither a known e-mail nor a participant's name; dropped"
            )),
            _ => Err(format!(
                "preference \"{value}\" names several participants; use the e-mail; dropped"
            )),
        }
    }
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
