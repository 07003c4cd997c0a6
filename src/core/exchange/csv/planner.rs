//! Reading a file's rows into an import plan: each cell by the field catalogue's parser,
//! duplicates by e-mail, new skills, preferences resolved once every row is read.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::core::exchange::csv::cells;
use crate::core::exchange::csv::mapping::{Mapping, Target};
use crate::core::exchange::csv::sniff::{Row, Sniffed};
use crate::core::model::{
    Answer, FieldId, FieldKind, IdKind, Person, PersonId, Program, Skill, SkillId, SkillLevel,
};
use crate::core::people::fields::{self, AnswerInput, PersonField, Value};

use super::import::*;

/// One row's values: each built-in field read from its cells (by the field catalogue's
/// parser), answers, and the name's parts.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) row: usize,
    /// Built-in fields with a value in this row, in column order (list fields gather the
    /// items of every column mapped to them).
    pub(super) values: Vec<(PersonField, Value, usize)>,
    pub(super) first: Option<String>,
    pub(super) last: Option<String>,
    pub(super) answers: Vec<(FieldId, Answer)>,
    /// Warnings found while reading cells (column, message).
    pub(super) notes_for_row: Vec<(usize, String)>,
}

impl Draft {
    pub(super) fn value(&self, field: &PersonField) -> Option<&Value> {
        self.values
            .iter()
            .find(|(f, _, _)| f == field)
            .map(|(_, v, _)| v)
    }

    pub(super) fn text(&self, field: &PersonField) -> Option<String> {
        match self.value(field) {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    pub(super) fn full_name(&self) -> Option<String> {
        self.text(&PersonField::Name).or_else(|| {
            let parts: Vec<&str> = [&self.first, &self.last]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
    }

    /// Adds a value; a list field's items are appended to those of earlier columns.
    pub(super) fn add(&mut self, field: PersonField, value: Value, column: usize) {
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

/// A row's preferences: the row, and each e-mail or name with its column; resolved once
/// every row is read.
pub(super) type PendingPreferences = (usize, Vec<(String, usize)>);

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Entry {
    New(usize),
    Merge(usize),
}

pub(super) struct Planner<'a> {
    pub(super) sniffed: &'a Sniffed,
    pub(super) mapping: &'a Mapping,
    pub(super) options: &'a ImportOptions,
    pub(super) program: &'a Program,
    pub(super) plan: ImportPlan,
    pub(super) seq: u64,
    pub(super) used_ids: HashSet<String>,
    pub(super) skills: HashMap<String, SkillId>,
    /// Good rows' e-mails (lower case) -> the entry that holds the person, and its first row.
    pub(super) by_email: HashMap<String, (Entry, usize)>,
    /// E-mails of rows with errors -> their row.
    pub(super) bad_emails: HashMap<String, usize>,
    /// Pending preferences per entry (the last row with a preferences cell wins).
    pub(super) prefs: BTreeMap<Entry, PendingPreferences>,
    /// Existing participants by e-mail (lower case, trimmed; the first one wins, as in
    /// [`Program::person_by_email`]).
    pub(super) existing_by_email: HashMap<String, PersonId>,
}

impl<'a> Planner<'a> {
    pub(super) fn new(
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

    pub(super) fn finish(mut self) -> ImportPlan {
        self.plan.next_seq = self.seq;
        self.plan
    }

    /// A fresh id, like [`Program::next_id`] but from the plan's own counter, never one
    /// the program already uses (an imported program's counter may lag behind its ids).
    pub(super) fn next_id(&mut self, kind: IdKind) -> String {
        loop {
            let id = format!("{}{}", kind.prefix(), self.seq);
            self.seq += 1;
            if self.used_ids.insert(id.clone()) {
                return id;
            }
        }
    }

    pub(super) fn header(&self, column: usize) -> String {
        self.sniffed
            .headers
            .get(column)
            .cloned()
            .unwrap_or_default()
    }

    pub(super) fn problem(&self, row: usize, column: Option<usize>, message: String) -> RowError {
        RowError {
            row,
            column,
            header: column.map(|c| self.header(c)).unwrap_or_default(),
            message,
        }
    }

    pub(super) fn row(&mut self, row: &Row) {
        if row.is_blank() {
            self.plan.skipped.push(SkippedRow {
                row: row.number,
                reason: SkipReason::Blank,
            });
            return;
        }
        let (mut draft, errors) = self.read(row);
        if !errors.is_empty() {
            if let Some(email) = draft.text(&PersonField::Email) {
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
    pub(super) fn read(&self, row: &Row) -> (Draft, Vec<RowError>) {
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
                    let field = field.clone();
                    match fields::parse(&field, cell, delims) {
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
        if d.full_name().is_none() && d.text(&PersonField::Email).is_none() && errors.is_empty() {
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
    pub(super) fn answer(&self, field: &FieldId, cell: &str) -> Result<Option<Answer>, String> {
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

    pub(super) fn policy(&self, row: usize) -> DuplicatePolicy {
        self.options
            .duplicate_choices
            .get(&row)
            .copied()
            .unwrap_or(self.options.duplicate_policy)
    }

    /// Decides where a good row goes: a new person, a merge, or skipped as a duplicate.
    pub(super) fn place(&mut self, draft: Draft) {
        let row = draft.row;
        let Some(email) = draft.text(&PersonField::Email) else {
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

    pub(super) fn add_new(&mut self, draft: Draft) -> Entry {
        let name = match draft.full_name() {
            Some(n) => n,
            None => {
                let derived = draft
                    .text(&PersonField::Email)
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
        let role = match draft.value(&PersonField::Role) {
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

    pub(super) fn skill_levels(&mut self, items: Vec<(String, u8)>) -> Vec<SkillLevel> {
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
    pub(super) fn merge_into(&mut self, entry: Entry, d: Draft) {
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
        let sets_capacity = values.iter().any(|(f, _)| *f == PersonField::Capacity);
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
                Ok(value) => fields::set(person, &field, value),
                Err(skills) if field == PersonField::SkillsOffered => {
                    person.skills_offered = skills
                }
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

    pub(super) fn person_of(&self, entry: Entry) -> &Person {
        match entry {
            Entry::New(i) => &self.plan.new_people[i].person,
            Entry::Merge(i) => &self.plan.merges[i].person,
        }
    }

    /// Turns preference e-mails (or unique names) into ids once every row is known.
    pub(super) fn resolve_preferences(&mut self) {
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

    pub(super) fn resolve(&self, value: &str) -> Result<PersonId, String> {
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
