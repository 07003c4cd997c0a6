//! Participants: the person form's parsing and validation, bulk edits (role, capacity,
//! removal with undo) and the participants table's filtering and sorting.
//!
//! Everything here is plain data so the rules are tested natively; the Participants page
//! only renders what these functions return (bad input 41: typed text is parsed here, with
//! a message naming the field, and nothing is saved while any field is wrong).

pub mod model;
pub mod timezone;

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::{
    Answer, FieldId, FieldKind, Match, MatchStatus, PairRef, Person, PersonId, Program, Role,
    SkillLevel, MAX_CAPACITY, SKILL_LEVELS,
};

/// Lowest and highest seniority level a person can have.
pub const SENIORITY_LEVELS: std::ops::RangeInclusive<u8> = 1..=10;

/// A field of the person form, for pointing an error at the input it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    /// Full name.
    Name,
    /// E-mail address.
    Email,
    /// Department.
    Department,
    /// Team.
    Team,
    /// Manager.
    Manager,
    /// Job title.
    Title,
    /// Seniority level 1-10.
    Seniority,
    /// Time zone.
    TimeZone,
    /// Languages, comma separated.
    Languages,
    /// Skills offered.
    SkillsOffered,
    /// Skills wanted.
    SkillsWanted,
    /// Goals, one per line.
    Goals,
    /// Mentoring capacity.
    Capacity,
    /// Short introduction.
    Bio,
    /// When the person can meet.
    Availability,
    /// Coordinator's notes.
    Notes,
    /// The answer to a profile question.
    Answer(FieldId),
}

impl PersonField {
    /// The label of the field as the form shows it (answers use their question instead).
    pub fn label(&self) -> &'static str {
        match self {
            PersonField::Name => "Name",
            PersonField::Email => "E-mail",
            PersonField::Department => "Department",
            PersonField::Team => "Team",
            PersonField::Manager => "Manager",
            PersonField::Title => "Job title",
            PersonField::Seniority => "Seniority",
            PersonField::TimeZone => "Time zone",
            PersonField::Languages => "Languages",
            PersonField::SkillsOffered => "Skills offered",
            PersonField::SkillsWanted => "Skills wanted",
            PersonField::Goals => "Goals",
            PersonField::Capacity => "Capacity",
            PersonField::Bio => "Bio",
            PersonField::Availability => "Availability",
            PersonField::Notes => "Notes",
            PersonField::Answer(_) => "Answer",
        }
    }

    /// A stable key for element ids (`name`, `capacity`, `answer-f3`).
    pub fn key(&self) -> String {
        match self {
            PersonField::Answer(id) => format!("answer-{id}"),
            other => other.label().to_lowercase().replace([' ', '-'], "_"),
        }
    }
}

/// A problem with one field of the person form; the message names the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Which input it concerns.
    pub field: PersonField,
    /// What is wrong, starting with the field's label ("Capacity: ...").
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl FieldError {
    fn new(field: PersonField, message: impl fmt::Display) -> FieldError {
        let label = field.label();
        FieldError {
            field,
            message: format!("{label}: {message}"),
        }
    }
}

/// An answer as typed or picked in the form, before it is checked against its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerDraft {
    /// Single choice, scale, number or short text, as text.
    Text(String),
    /// Multiple choice: the options ticked.
    Many(Vec<String>),
}

/// The person form's contents: text exactly as typed, parsed by [`parse_person`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonDraft {
    /// Mentor, mentee or either.
    pub role: Role,
    /// Full name (required).
    pub name: String,
    /// E-mail address (optional; must look like one when given).
    pub email: String,
    /// Department.
    pub department: String,
    /// Team.
    pub team: String,
    /// Manager.
    pub manager: String,
    /// Job title.
    pub title: String,
    /// Seniority 1-10, or empty.
    pub seniority: String,
    /// Time zone.
    pub time_zone: String,
    /// Languages, comma separated.
    pub languages: String,
    /// Skills offered, picked from the program's vocabulary.
    pub skills_offered: Vec<SkillLevel>,
    /// Skills wanted, picked from the program's vocabulary.
    pub skills_wanted: Vec<SkillLevel>,
    /// Goals, one per line.
    pub goals: String,
    /// Capacity 0-50 (mentors and either only).
    pub capacity: String,
    /// Short introduction.
    pub bio: String,
    /// When the person can meet.
    pub availability: String,
    /// Coordinator's notes.
    pub notes: String,
    /// Answers to profile questions, by question.
    pub answers: BTreeMap<FieldId, AnswerDraft>,
}

impl PersonDraft {
    /// An empty form for a new person of the given role (capacity 1 for people who can mentor).
    pub fn new(role: Role) -> PersonDraft {
        PersonDraft {
            role,
            capacity: if role.can_mentor() { "1" } else { "0" }.to_owned(),
            ..PersonDraft::default()
        }
    }

    /// The form filled in from an existing person.
    pub fn from_person(x: &Person) -> PersonDraft {
        let answers = x
            .answers
            .iter()
            .map(|(id, a)| {
                let draft = match a {
                    Answer::Number(n) => AnswerDraft::Text(n.to_string()),
                    Answer::Text(t) => AnswerDraft::Text(t.clone()),
                    Answer::Many(v) => AnswerDraft::Many(v.clone()),
                };
                (id.clone(), draft)
            })
            .collect();
        PersonDraft {
            role: x.role,
            name: x.name.clone(),
            email: x.email.clone(),
            department: x.department.clone(),
            team: x.team.clone(),
            manager: x.manager.clone(),
            title: x.title.clone(),
            seniority: x.seniority.map(|s| s.to_string()).unwrap_or_default(),
            time_zone: x.time_zone.clone(),
            languages: x.languages.join(", "),
            skills_offered: x.skills_offered.clone(),
            skills_wanted: x.skills_wanted.clone(),
            goals: x.goals.join("\n"),
            capacity: x.capacity.to_string(),
            bio: x.bio.clone(),
            availability: x.availability.clone(),
            notes: x.notes.clone(),
            answers,
        }
    }
}

/// Parses a mentoring capacity typed by the coordinator: a whole number from 0 to
/// [`MAX_CAPACITY`].
///
/// # Errors
/// A message naming the field for empty, non-numeric, negative or too large text
/// (bad input 41).
///
/// ```
/// use mentorkit::core::people::parse_capacity;
/// assert_eq!(parse_capacity(" 3 "), Ok(3));
/// assert!(parse_capacity("-1").unwrap_err().message.contains("negative"));
/// ```
pub fn parse_capacity(text: &str) -> Result<u16, FieldError> {
    let field = PersonField::Capacity;
    let t = text.trim();
    let range = format!("a whole number from 0 to {MAX_CAPACITY}");
    if t.is_empty() {
        return Err(FieldError::new(field, format!("enter {range}")));
    }
    match t.parse::<i64>() {
        Ok(n) if n < 0 => Err(FieldError::new(
            field,
            format!("{n} is negative; enter {range}"),
        )),
        Ok(n) if n > i64::from(MAX_CAPACITY) => Err(FieldError::new(
            field,
            format!("{n} is above the maximum of {MAX_CAPACITY}"),
        )),
        Ok(n) => u16::try_from(n).map_err(|_| FieldError::new(field, format!("enter {range}"))),
        Err(_) if t.starts_with('-') && t[1..].chars().all(|c| c.is_ascii_digit()) => {
            Err(FieldError::new(
                field,
                format!("\u{201c}{t}\u{201d} is negative; enter {range}"),
            ))
        }
        Err(_) => Err(FieldError::new(
            field,
            format!("\u{201c}{t}\u{201d} is not {range}"),
        )),
    }
}

/// Parses a seniority level: empty for unknown, else a whole number from 1 to 10.
///
/// # Errors
/// A message naming the field for non-numeric or out-of-range text (bad input 41).
pub fn parse_seniority(text: &str) -> Result<Option<u8>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (lo, hi) = (SENIORITY_LEVELS.start(), SENIORITY_LEVELS.end());
    match t.parse::<i64>() {
        Ok(n) if (i64::from(*lo)..=i64::from(*hi)).contains(&n) => Ok(u8::try_from(n).ok()),
        _ => Err(FieldError::new(
            PersonField::Seniority,
            format!("\u{201c}{t}\u{201d} is not a whole number from {lo} to {hi}"),
        )),
    }
}

/// Whether an e-mail address has the usual shape (`local@domain.tld`, no spaces).
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
}

/// Another participant who already uses this e-mail address (case-insensitively), other
/// than `except`.
pub fn duplicate_email<'a>(
    program: &'a Program,
    email: &str,
    except: Option<&PersonId>,
) -> Option<&'a Person> {
    let email = email.trim();
    if email.is_empty() {
        return None;
    }
    program
        .people
        .iter()
        .filter(|p| Some(&p.id) != except)
        .find(|p| p.email.trim().eq_ignore_ascii_case(email))
}

/// A person parsed from the form, with what is worth a second look but does not block saving.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedPerson {
    /// The person to save.
    pub person: Person,
    /// Warnings (e.g. an e-mail address another participant uses).
    pub warnings: Vec<FieldError>,
}

/// Parses and validates the person form against the program.
///
/// `base` is the person being edited (its id, preferences and answers to questions that no
/// longer exist are kept) or a fresh `Person` for a new participant. Nothing in the program
/// changes: the caller saves the result (see [`add_person`] and [`replace_person`]).
///
/// # Errors
/// Every field error found, in form order, each naming its field: a missing name, an
/// e-mail that is not shaped like one, seniority or capacity that is not a whole number in
/// range (bad input 41), texts over the length limits, skills that are not in the
/// program's vocabulary or picked twice, and answers that do not fit their question.
pub fn parse_person(
    draft: &PersonDraft,
    program: &Program,
    base: Person,
) -> Result<CheckedPerson, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut person = base;
    let short = |errors: &mut Vec<FieldError>, field: PersonField, text: &str| -> String {
        let text = text.trim();
        if text.chars().count() > MAX_SHORT_TEXT {
            errors.push(FieldError::new(
                field,
                format!("longer than {MAX_SHORT_TEXT} characters"),
            ));
        }
        text.to_owned()
    };

    person.role = draft.role;
    person.name = short(&mut errors, PersonField::Name, &draft.name);
    if person.name.is_empty() {
        errors.push(FieldError::new(
            PersonField::Name,
            "enter the person's name",
        ));
    }
    person.email = short(&mut errors, PersonField::Email, &draft.email);
    if !person.email.is_empty() && !looks_like_email(&person.email) {
        errors.push(FieldError::new(
            PersonField::Email,
            format!(
                "\u{201c}{}\u{201d} does not look like an e-mail address (name@example.org)",
                person.email
            ),
        ));
    } else if let Some(other) = duplicate_email(program, &person.email, Some(&person.id)) {
        warnings.push(FieldError::new(
            PersonField::Email,
            format!("{} already uses this address", other.name),
        ));
    }
    person.department = short(&mut errors, PersonField::Department, &draft.department);
    person.team = short(&mut errors, PersonField::Team, &draft.team);
    person.manager = short(&mut errors, PersonField::Manager, &draft.manager);
    person.title = short(&mut errors, PersonField::Title, &draft.title);
    match parse_seniority(&draft.seniority) {
        Ok(s) => person.seniority = s,
        Err(e) => errors.push(e),
    }
    person.time_zone = short(&mut errors, PersonField::TimeZone, &draft.time_zone);
    person.languages = list(&mut errors, PersonField::Languages, &draft.languages, ',');
    person.skills_offered = skills(
        &mut errors,
        PersonField::SkillsOffered,
        &draft.skills_offered,
        program,
    );
    person.skills_wanted = skills(
        &mut errors,
        PersonField::SkillsWanted,
        &draft.skills_wanted,
        program,
    );
    person.goals = list(&mut errors, PersonField::Goals, &draft.goals, '\n');
    // Capacity only means something for people who can mentor; a mentee's is 0.
    person.capacity = if draft.role.can_mentor() {
        match parse_capacity(&draft.capacity) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                person.capacity
            }
        }
    } else {
        0
    };
    for (field, text, target) in [
        (PersonField::Bio, &draft.bio, &mut person.bio),
        (PersonField::Notes, &draft.notes, &mut person.notes),
    ] {
        if text.chars().count() > MAX_LONG_TEXT {
            errors.push(FieldError::new(
                field,
                format!("longer than {MAX_LONG_TEXT} characters"),
            ));
        }
        *target = text.clone();
    }
    person.availability = short(&mut errors, PersonField::Availability, &draft.availability);
    person.answers = answers(&mut errors, &draft.answers, program);

    if errors.is_empty() {
        Ok(CheckedPerson { person, warnings })
    } else {
        Err(errors)
    }
}

/// Splits a comma- or line-separated list, dropping empty and repeated entries.
fn list(errors: &mut Vec<FieldError>, field: PersonField, text: &str, sep: char) -> Vec<String> {
    let mut seen = HashSet::new();
    let items: Vec<String> = text
        .split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty() && seen.insert(s.to_lowercase()))
        .map(str::to_owned)
        .collect();
    if items.len() > MAX_LIST {
        errors.push(FieldError::new(
            field.clone(),
            format!("more than {MAX_LIST} entries"),
        ));
    }
    if let Some(long) = items.iter().find(|s| s.chars().count() > MAX_SHORT_TEXT) {
        let start: String = long.chars().take(20).collect();
        errors.push(FieldError::new(
            field,
            format!("\u{201c}{start}\u{2026}\u{201d} is longer than {MAX_SHORT_TEXT} characters"),
        ));
    }
    items
}

fn skills(
    errors: &mut Vec<FieldError>,
    field: PersonField,
    picked: &[SkillLevel],
    program: &Program,
) -> Vec<SkillLevel> {
    let mut seen = HashSet::new();
    for s in picked {
        let Some(skill) = program.skills.iter().find(|k| k.id == s.skill) else {
            errors.push(FieldError::new(
                field.clone(),
                format!("\u{201c}{}\u{201d} is not in the program's skills", s.skill),
            ));
            continue;
        };
        if !seen.insert(&s.skill) {
            errors.push(FieldError::new(
                field.clone(),
                format!("{} is picked twice", skill.name),
            ));
        }
        if !SKILL_LEVELS.contains(&s.level) {
            errors.push(FieldError::new(
                field.clone(),
                format!("level {} of {} is not 1-5", s.level, skill.name),
            ));
        }
    }
    picked.to_vec()
}

fn answers(
    errors: &mut Vec<FieldError>,
    drafts: &BTreeMap<FieldId, AnswerDraft>,
    program: &Program,
) -> BTreeMap<FieldId, Answer> {
    let mut out = BTreeMap::new();
    for q in &program.profile_fields {
        let Some(draft) = drafts.get(&q.id) else {
            continue;
        };
        let field = || PersonField::Answer(q.id.clone());
        let fail = |errors: &mut Vec<FieldError>, message: String| {
            errors.push(FieldError {
                field: field(),
                message: format!("{}: {message}", q.label),
            });
        };
        let text = match draft {
            AnswerDraft::Text(t) => t.trim(),
            AnswerDraft::Many(_) => "",
        };
        match (&q.kind, draft) {
            (FieldKind::MultipleChoice { options }, AnswerDraft::Many(picked)) => {
                if let Some(bad) = picked.iter().find(|o| !options.contains(o)) {
                    fail(
                        errors,
                        format!("\u{201c}{bad}\u{201d} is not one of the options"),
                    );
                } else if !picked.is_empty() {
                    let mut seen = HashSet::new();
                    let unique = picked.iter().filter(|o| seen.insert(*o)).cloned();
                    out.insert(q.id.clone(), Answer::Many(unique.collect()));
                }
            }
            (FieldKind::MultipleChoice { .. }, AnswerDraft::Text(_)) => {
                fail(errors, "pick from the options".into());
            }
            (_, AnswerDraft::Many(_)) => fail(errors, "expects a single answer".into()),
            (_, AnswerDraft::Text(_)) if text.is_empty() => {}
            (FieldKind::SingleChoice { options }, _) => {
                if options.iter().any(|o| o == text) {
                    out.insert(q.id.clone(), Answer::Text(text.to_owned()));
                } else {
                    fail(
                        errors,
                        format!("\u{201c}{text}\u{201d} is not one of the options"),
                    );
                }
            }
            (FieldKind::Scale { min, max }, _) => match text.parse::<i64>() {
                Ok(n) if (i64::from(*min)..=i64::from(*max)).contains(&n) => {
                    out.insert(q.id.clone(), Answer::Number(n as f64));
                }
                _ => fail(
                    errors,
                    format!("\u{201c}{text}\u{201d} is not a whole number from {min} to {max}"),
                ),
            },
            (FieldKind::Number, _) => match text.replace(',', ".").parse::<f64>() {
                // Bad input 26: NaN and infinity never reach the model.
                Ok(n) if n.is_finite() => {
                    out.insert(q.id.clone(), Answer::Number(n));
                }
                _ => fail(errors, format!("\u{201c}{text}\u{201d} is not a number")),
            },
            (FieldKind::ShortText, _) => {
                if text.chars().count() > MAX_SHORT_TEXT {
                    fail(errors, format!("longer than {MAX_SHORT_TEXT} characters"));
                } else {
                    out.insert(q.id.clone(), Answer::Text(text.to_owned()));
                }
            }
        }
    }
    out
}

/// Adds a parsed person under a fresh id; returns the id.
pub fn add_person(program: &mut Program, mut person: Person) -> PersonId {
    person.id = program.new_person_id();
    let id = person.id.clone();
    program.people.push(person);
    id
}

/// Replaces the person with the same id; `false` when nobody has that id any more.
pub fn replace_person(program: &mut Program, person: Person) -> bool {
    match program.person_mut(&person.id) {
        Some(slot) => {
            *slot = person;
            true
        }
        None => false,
    }
}

/// What a bulk role change did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoleChange {
    /// People whose role changed.
    pub changed: usize,
    /// Current-cycle matches in which someone now has a role that does not fit their side
    /// of the pair (a mentor who became a mentee); they are kept for the coordinator to
    /// review on the Matching page.
    pub mismatched_matches: usize,
}

/// Gives every listed person the role. People who become mentors get capacity 1 if they
/// had 0; people who become mentees get capacity 0.
pub fn set_role(program: &mut Program, ids: &HashSet<PersonId>, role: Role) -> RoleChange {
    let mut change = RoleChange::default();
    let mut changed_ids = HashSet::new();
    for x in program.people.iter_mut().filter(|x| ids.contains(&x.id)) {
        if x.role != role {
            x.role = role;
            if role.can_mentor() && x.capacity == 0 {
                // A new mentor with capacity 0 would silently take nobody.
                x.capacity = 1;
            } else if !role.can_mentor() {
                x.capacity = 0;
            }
            changed_ids.insert(x.id.clone());
        }
    }
    change.changed = changed_ids.len();
    change.mismatched_matches = program
        .current_matches()
        .filter(|m| m.status.uses_capacity())
        .filter(|m| {
            (changed_ids.contains(&m.mentor) && !role.can_mentor())
                || (changed_ids.contains(&m.mentee) && !role.can_be_mentee())
        })
        .count();
    change
}

/// What a bulk capacity change did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CapacityChange {
    /// People who can mentor and now have the capacity.
    pub set: usize,
    /// Mentees among the listed people, left at 0 (capacity is for mentors).
    pub skipped_mentees: usize,
}

/// Sets the capacity of every listed person who can mentor.
pub fn set_capacity(
    program: &mut Program,
    ids: &HashSet<PersonId>,
    capacity: u16,
) -> CapacityChange {
    let mut change = CapacityChange::default();
    let capacity = capacity.min(MAX_CAPACITY);
    for x in program.people.iter_mut().filter(|x| ids.contains(&x.id)) {
        if x.role.can_mentor() {
            x.capacity = capacity;
            change.set += 1;
        } else {
            change.skipped_mentees += 1;
        }
    }
    change
}

/// What [`remove_people`] took out of a program, with positions, so [`undo_remove`] can
/// put it back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    /// The people, with their index in `people`.
    pub people: Vec<(usize, Person)>,
    /// Matches that involved them, with their index in `matches`.
    pub matches: Vec<(usize, Match)>,
    /// Forbidden pairs that named them, with their index.
    pub forbidden_pairs: Vec<(usize, PairRef)>,
    /// Other people's preferences for them: (who, position, preferred person).
    pub preferences: Vec<(PersonId, usize, PersonId)>,
}

impl Removed {
    /// How many people were removed.
    pub fn count(&self) -> usize {
        self.people.len()
    }
}

/// Removes people and every reference to them (matches of any cycle, other people's
/// preferences, forbidden pairs), so [`crate::core::program::validate::validate`] keeps passing.
pub fn remove_people(program: &mut Program, ids: &HashSet<PersonId>) -> Removed {
    let mut removed = Removed::default();
    let mut kept = Vec::with_capacity(program.people.len());
    for (i, x) in std::mem::take(&mut program.people).into_iter().enumerate() {
        if ids.contains(&x.id) {
            removed.people.push((i, x));
        } else {
            kept.push(x);
        }
    }
    program.people = kept;
    if removed.people.is_empty() {
        return removed;
    }
    let mut matches = Vec::with_capacity(program.matches.len());
    for (i, m) in std::mem::take(&mut program.matches).into_iter().enumerate() {
        if ids.contains(&m.mentor) || ids.contains(&m.mentee) {
            removed.matches.push((i, m));
        } else {
            matches.push(m);
        }
    }
    program.matches = matches;
    let pairs = &mut program.matching.rules.forbidden_pairs;
    let mut kept_pairs = Vec::with_capacity(pairs.len());
    for (i, pair) in std::mem::take(pairs).into_iter().enumerate() {
        if ids.contains(&pair.mentor) || ids.contains(&pair.mentee) {
            removed.forbidden_pairs.push((i, pair));
        } else {
            kept_pairs.push(pair);
        }
    }
    *pairs = kept_pairs;
    for x in &mut program.people {
        if x.preferences.iter().any(|p| ids.contains(p)) {
            for (j, pref) in x.preferences.iter().enumerate() {
                if ids.contains(pref) {
                    removed.preferences.push((x.id.clone(), j, pref.clone()));
                }
            }
            x.preferences.retain(|p| !ids.contains(p));
        }
    }
    removed
}

/// Puts back what [`remove_people`] removed, at the original positions where possible.
///
/// Edits made in between are kept: a person whose id is taken again, or a reference to
/// someone who is gone by now, is skipped rather than breaking the program's invariants.
/// Returns how many people came back.
pub fn undo_remove(program: &mut Program, removed: Removed) -> usize {
    let mut restored = 0;
    for (i, x) in removed.people {
        if program.person(&x.id).is_none() {
            let at = i.min(program.people.len());
            program.people.insert(at, x);
            restored += 1;
        }
    }
    let present: HashSet<PersonId> = program.people.iter().map(|x| x.id.clone()).collect();
    let match_ids: HashSet<_> = program.matches.iter().map(|m| m.id.clone()).collect();
    for (i, m) in removed.matches {
        if present.contains(&m.mentor)
            && present.contains(&m.mentee)
            && !match_ids.contains(&m.id)
            && m.cycle <= program.cycle
        {
            let at = i.min(program.matches.len());
            program.matches.insert(at, m);
        }
    }
    for (i, pair) in removed.forbidden_pairs {
        if present.contains(&pair.mentor) && present.contains(&pair.mentee) {
            let pairs = &mut program.matching.rules.forbidden_pairs;
            pairs.insert(i.min(pairs.len()), pair);
        }
    }
    for (who, j, pref) in removed.preferences {
        if !present.contains(&pref) {
            continue;
        }
        if let Some(x) = program.person_mut(&who) {
            if !x.preferences.contains(&pref) {
                x.preferences.insert(j.min(x.preferences.len()), pref);
            }
        }
    }
    restored
}

/// People with a current-cycle match that still stands (anything but ended early), as
/// mentor or mentee.
pub fn matched_people(program: &Program) -> HashSet<&PersonId> {
    program
        .current_matches()
        .filter(|m| m.status != MatchStatus::EndedEarly)
        .flat_map(|m| [&m.mentor, &m.mentee])
        .collect()
}

/// Which people the matched filter keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatchedFilter {
    /// Everybody.
    #[default]
    Any,
    /// People with a current-cycle match.
    Matched,
    /// People without one.
    Unmatched,
}

impl MatchedFilter {
    /// All filters, in menu order.
    pub const ALL: [MatchedFilter; 3] = [
        MatchedFilter::Any,
        MatchedFilter::Matched,
        MatchedFilter::Unmatched,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            MatchedFilter::Any => "Matched or not",
            MatchedFilter::Matched => "Matched",
            MatchedFilter::Unmatched => "Not matched",
        }
    }

    /// A key for a `<select>` value.
    pub fn key(self) -> &'static str {
        match self {
            MatchedFilter::Any => "",
            MatchedFilter::Matched => "matched",
            MatchedFilter::Unmatched => "unmatched",
        }
    }

    /// Parses [`MatchedFilter::key`]; anything else is `Any`.
    pub fn from_key(key: &str) -> MatchedFilter {
        MatchedFilter::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .unwrap_or_default()
    }
}

/// What the participants table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PeopleFilter {
    /// Words that must all appear in the name, e-mail, department, team, manager or title
    /// (case-insensitive).
    pub query: String,
    /// Only this role, if set.
    pub role: Option<Role>,
    /// Only this department (exact), if set.
    pub department: Option<String>,
    /// Matched, not matched or both.
    pub matched: MatchedFilter,
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Name, case-insensitive.
    #[default]
    Name,
    /// Role (mentor, mentee, either), then name.
    Role,
    /// Department, then name; people without one last.
    Department,
    /// Capacity (mentees count as none), then name.
    Capacity,
}

impl SortKey {
    /// A human label (the column's heading).
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Name",
            SortKey::Role => "Role",
            SortKey::Department => "Department",
            SortKey::Capacity => "Capacity",
        }
    }
}

/// A sort order of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Z to A, largest first.
    pub descending: bool,
}

/// Precomputed search and sort keys of every person, built once per program change so
/// typing in the search box only scans strings (10,000 people stay interactive).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeopleIndex {
    rows: Vec<IndexRow>,
}

#[derive(Clone, Debug, PartialEq)]
struct IndexRow {
    haystack: String,
    name: String,
    department: String,
    role: Role,
    capacity: Option<u16>,
    matched: bool,
}

impl PeopleIndex {
    /// Indexes the program's people.
    pub fn new(program: &Program) -> PeopleIndex {
        let matched = matched_people(program);
        let rows = program
            .people
            .iter()
            .map(|x| {
                let mut haystack = String::with_capacity(96);
                for part in [
                    &x.name,
                    &x.email,
                    &x.department,
                    &x.team,
                    &x.manager,
                    &x.title,
                ] {
                    haystack.push_str(&part.to_lowercase());
                    haystack.push('\u{1f}');
                }
                IndexRow {
                    haystack,
                    name: x.name.to_lowercase(),
                    department: x.department.to_lowercase(),
                    role: x.role,
                    capacity: x.role.can_mentor().then_some(x.capacity),
                    matched: matched.contains(&x.id),
                }
            })
            .collect();
        PeopleIndex { rows }
    }

    /// How many people are indexed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether nobody is indexed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether the person at `i` has a current-cycle match.
    pub fn is_matched(&self, i: usize) -> bool {
        self.rows.get(i).is_some_and(|r| r.matched)
    }

    /// Indices into `program.people` of the people the filter keeps, in the sort order
    /// (ties keep the program's order). `program` must be the one indexed.
    pub fn select(&self, program: &Program, filter: &PeopleFilter, sort: Sort) -> Vec<usize> {
        let words: Vec<String> = filter
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut out: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                filter.role.is_none_or(|role| r.role == role)
                    && match filter.matched {
                        MatchedFilter::Any => true,
                        MatchedFilter::Matched => r.matched,
                        MatchedFilter::Unmatched => !r.matched,
                    }
                    && filter.department.as_ref().is_none_or(|d| {
                        program
                            .people
                            .get(*i)
                            .is_some_and(|x| x.department.trim() == d)
                    })
                    && words.iter().all(|w| r.haystack.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        let role_rank = |r: Role| Role::ALL.iter().position(|x| *x == r).unwrap_or(0);
        let by = |a: &usize, b: &usize| -> Ordering {
            let (ra, rb) = (&self.rows[*a], &self.rows[*b]);
            let primary = match sort.key {
                SortKey::Name => Ordering::Equal,
                SortKey::Role => role_rank(ra.role).cmp(&role_rank(rb.role)),
                SortKey::Department => (ra.department.is_empty(), &ra.department)
                    .cmp(&(rb.department.is_empty(), &rb.department)),
                SortKey::Capacity => ra.capacity.cmp(&rb.capacity),
            };
            let primary = if sort.descending {
                primary.reverse()
            } else {
                primary
            };
            let name = ra.name.cmp(&rb.name);
            let name = if sort.descending && sort.key == SortKey::Name {
                name.reverse()
            } else {
                name
            };
            primary.then(name)
        };
        out.sort_by(by);
        out
    }
}

/// The departments in use, sorted, for the department filter.
pub fn departments(program: &Program) -> Vec<String> {
    let set: std::collections::BTreeSet<&str> = program
        .people
        .iter()
        .map(|x| x.department.trim())
        .filter(|d| !d.is_empty())
        .collect();
    set.into_iter().map(str::to_owned).collect()
}
