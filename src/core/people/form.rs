//! The person form: text as typed, parsed and checked against the program.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::core::model::{
    Answer, FieldId, Person, PersonId, Program, Role, SkillLevel, MAX_CAPACITY, SKILL_LEVELS,
};
use crate::core::people::fields::{self, AnswerInput, PersonField, ValueKind, FIELDS};

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

/// The person form's contents: the text of each field exactly as typed, the skills picked
/// and the answers, parsed by [`parse_person`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonDraft {
    /// Mentor, mentee or either.
    pub role: Role,
    /// The text typed in each text field (no entry: empty).
    pub texts: BTreeMap<PersonField, String>,
    /// Skills offered, picked from the program's vocabulary.
    pub skills_offered: Vec<SkillLevel>,
    /// Skills wanted, picked from the program's vocabulary.
    pub skills_wanted: Vec<SkillLevel>,
    /// Answers to profile questions, by question.
    pub answers: BTreeMap<FieldId, AnswerDraft>,
}

/// What separates a list field's items in the form: languages are written on one line
/// with commas, goals one per line.
pub fn list_separator(field: &PersonField) -> char {
    if *field == PersonField::Goals {
        '\n'
    } else {
        ','
    }
}

impl PersonDraft {
    /// An empty form for a new person of the given role (capacity 1 for people who can mentor).
    pub fn new(role: Role) -> PersonDraft {
        let mut d = PersonDraft {
            role,
            ..PersonDraft::default()
        };
        d.set(
            PersonField::Capacity,
            if role.can_mentor() { "1" } else { "0" },
        );
        d
    }

    /// The text typed in a field.
    pub fn text(&self, field: &PersonField) -> &str {
        self.texts.get(field).map_or("", String::as_str)
    }

    /// Sets the text of a field.
    pub fn set(&mut self, field: PersonField, text: impl Into<String>) {
        self.texts.insert(field, text.into());
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
        let texts = FIELDS
            .iter()
            .filter(|s| {
                !matches!(
                    s.kind,
                    ValueKind::Role | ValueKind::Skills | ValueKind::People
                )
            })
            .map(|s| {
                let field = s.field.clone();
                let sep = if list_separator(&field) == '\n' {
                    "\n"
                } else {
                    ", "
                };
                let text = fields::text(x, &s.field, sep);
                (field, text)
            })
            .collect();
        PersonDraft {
            role: x.role,
            texts,
            skills_offered: x.skills_offered.clone(),
            skills_wanted: x.skills_wanted.clone(),
            answers,
        }
    }
}

/// Parses a mentoring capacity typed by the coordinator: a whole number from 0 to
/// [`MAX_CAPACITY`] (the form asks for it, so empty text is an error too).
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
    match fields::capacity(text) {
        Ok(Some(c)) => Ok(c),
        Ok(None) => Err(FieldError::new(
            PersonField::Capacity,
            format!("enter a whole number 0-{MAX_CAPACITY}"),
        )),
        Err(e) => Err(FieldError::new(PersonField::Capacity, e)),
    }
}

/// Whether an e-mail address has the usual shape (see [`fields::email`], the one check).
pub fn looks_like_email(email: &str) -> bool {
    matches!(fields::email(email), Ok(Some(_)))
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
    let mut text = |field: PersonField, parsed: Result<String, String>| -> String {
        parsed.unwrap_or_else(|e| {
            errors.push(FieldError::new(field, e));
            String::new()
        })
    };
    person.role = draft.role;
    person.name = text(
        PersonField::Name,
        fields::short_text(draft.text(&PersonField::Name)),
    );
    person.department = text(
        PersonField::Department,
        fields::short_text(draft.text(&PersonField::Department)),
    );
    person.team = text(
        PersonField::Team,
        fields::short_text(draft.text(&PersonField::Team)),
    );
    person.manager = text(
        PersonField::Manager,
        fields::short_text(draft.text(&PersonField::Manager)),
    );
    person.title = text(
        PersonField::Title,
        fields::short_text(draft.text(&PersonField::Title)),
    );
    person.availability = text(
        PersonField::Availability,
        fields::short_text(draft.text(&PersonField::Availability)),
    );
    person.bio = text(
        PersonField::Bio,
        fields::long_text(draft.text(&PersonField::Bio)),
    );
    person.notes = text(
        PersonField::Notes,
        fields::long_text(draft.text(&PersonField::Notes)),
    );
    if draft.text(&PersonField::Name).trim().is_empty() {
        errors.push(FieldError::new(
            PersonField::Name,
            "enter the person's name",
        ));
    }
    match fields::email(draft.text(&PersonField::Email)) {
        Ok(email) => {
            person.email = email.unwrap_or_default();
            if let Some(other) = duplicate_email(program, &person.email, Some(&person.id)) {
                warnings.push(FieldError::new(
                    PersonField::Email,
                    format!("{} already uses this address", other.name),
                ));
            }
        }
        Err(e) => errors.push(FieldError::new(PersonField::Email, e)),
    }
    match fields::seniority(draft.text(&PersonField::Seniority)) {
        Ok(s) => person.seniority = s,
        Err(e) => errors.push(FieldError::new(PersonField::Seniority, e)),
    }
    match fields::time_zone(draft.text(&PersonField::TimeZone)) {
        Ok(z) => person.time_zone = z.map(|z| z.value).unwrap_or_default(),
        Err(e) => errors.push(FieldError::new(PersonField::TimeZone, e)),
    }
    match fields::list(draft.text(&PersonField::Languages).split(',')) {
        Ok(items) => person.languages = items,
        Err(e) => errors.push(FieldError::new(PersonField::Languages, e)),
    }
    match fields::list(draft.text(&PersonField::Goals).lines()) {
        Ok(items) => person.goals = items,
        Err(e) => errors.push(FieldError::new(PersonField::Goals, e)),
    }
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
    // Capacity only means something for people who can mentor; a mentee's is 0.
    person.capacity = if draft.role.can_mentor() {
        match parse_capacity(draft.text(&PersonField::Capacity)) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                person.capacity
            }
        }
    } else {
        0
    };
    person.answers = answers(&mut errors, &draft.answers, program);
    // Listed (and the first focused) in the form's order.
    errors.sort_by_key(|e| form_order(&e.field));

    if errors.is_empty() {
        Ok(CheckedPerson { person, warnings })
    } else {
        Err(errors)
    }
}

/// Where a field is in the form; answers come after every built-in field.
fn form_order(field: &PersonField) -> usize {
    const ORDER: [PersonField; 16] = [
        PersonField::Name,
        PersonField::Email,
        PersonField::Department,
        PersonField::Team,
        PersonField::Manager,
        PersonField::Title,
        PersonField::Seniority,
        PersonField::TimeZone,
        PersonField::Capacity,
        PersonField::Languages,
        PersonField::SkillsOffered,
        PersonField::SkillsWanted,
        PersonField::Goals,
        PersonField::Availability,
        PersonField::Bio,
        PersonField::Notes,
    ];
    ORDER.iter().position(|f| f == field).unwrap_or(ORDER.len())
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
        let input = match draft {
            AnswerDraft::Text(t) => AnswerInput::Text(t),
            AnswerDraft::Many(v) => AnswerInput::Many(v),
        };
        match fields::answer(q, input) {
            Ok(Some(a)) => {
                out.insert(q.id.clone(), a);
            }
            Ok(None) => {}
            Err(message) => errors.push(FieldError {
                field: PersonField::Answer(q.id.clone()),
                message: format!("{}: {message}", q.label),
            }),
        }
    }
    out
}
