//! The person form: text as typed, parsed and checked against the program.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::{
    Answer, FieldId, FieldKind, Person, PersonId, Program, Role, SkillLevel, MAX_CAPACITY,
    SKILL_LEVELS,
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
