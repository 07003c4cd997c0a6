//! A field's value: parsed from text, written into a person, read back as text, and
//! checked in a stored person.

use super::parse::{
    capacity, email, list, long_text, role, seniority, short_text, skill_item, time_zone, Zone,
};
use super::{PersonField, ValueKind, FIELDS, SENIORITY_LEVELS};
use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::{Person, Role, MAX_CAPACITY};

/// A built-in field's value, parsed from text by [`parse`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Short or long text, or an e-mail address.
    Text(String),
    /// A list of texts.
    List(Vec<String>),
    /// A role.
    Role(Role),
    /// A seniority level.
    Seniority(u8),
    /// A capacity.
    Capacity(u16),
    /// A time zone.
    TimeZone(Zone),
    /// Skill names with levels (the caller finds them in the vocabulary).
    Skills(Vec<(String, u8)>),
    /// Other people, as written (e-mails or names; the caller finds them).
    People(Vec<String>),
}

/// Parses a built-in field's text (a form input or a cell) with the field's parser; list
/// fields are split on `separators` (and line breaks). `Ok(None)` when the text is empty.
///
/// # Errors
/// The parser's message, quoting the text.
pub fn parse(
    field: &PersonField,
    text: &str,
    separators: &[char],
) -> Result<Option<Value>, String> {
    let Some(spec) = field.spec() else {
        // Answers are checked against their question by [`answer`].
        return Ok(None);
    };
    let items = || {
        text.split(|c: char| separators.contains(&c) || c == '\n' || c == '\r')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let some_text = |t: String| (!t.is_empty()).then_some(Value::Text(t));
    Ok(match spec.kind {
        ValueKind::ShortText => some_text(short_text(text)?),
        ValueKind::LongText => some_text(long_text(text.trim())?),
        ValueKind::List => {
            let v = list(items())?;
            (!v.is_empty()).then_some(Value::List(v))
        }
        ValueKind::Email => email(text)?.map(Value::Text),
        ValueKind::Role => role(text)?.map(Value::Role),
        ValueKind::Seniority => seniority(text)?.map(Value::Seniority),
        ValueKind::Capacity => capacity(text)?.map(Value::Capacity),
        ValueKind::TimeZone => time_zone(text)?.map(Value::TimeZone),
        ValueKind::Skills => {
            let names = list(items())?;
            let v = names
                .iter()
                .map(|item| skill_item(item))
                .collect::<Result<Vec<_>, _>>()?;
            (!v.is_empty()).then_some(Value::Skills(v))
        }
        ValueKind::People => {
            let v = list(items())?;
            (!v.is_empty()).then_some(Value::People(v))
        }
    })
}

/// The text fields (short, long, e-mail, time zone) and where a person keeps each: one
/// list for reading and writing them.
macro_rules! text_fields {
    ($person:expr, $field:expr, $($r:tt)*) => {
        Some(match $field {
            PersonField::Name => $($r)* $person.name,
            PersonField::Email => $($r)* $person.email,
            PersonField::Department => $($r)* $person.department,
            PersonField::Team => $($r)* $person.team,
            PersonField::Manager => $($r)* $person.manager,
            PersonField::Title => $($r)* $person.title,
            PersonField::TimeZone => $($r)* $person.time_zone,
            PersonField::Bio => $($r)* $person.bio,
            PersonField::Availability => $($r)* $person.availability,
            PersonField::Notes => $($r)* $person.notes,
            _ => return None,
        })
    };
}

/// A person's text field (short, long, e-mail, time zone), or `None` for another kind.
pub fn text_of<'p>(person: &'p Person, field: &PersonField) -> Option<&'p String> {
    text_fields!(person, field, &)
}

/// A person's text field to write, or `None` for another kind.
pub fn text_slot<'p>(person: &'p mut Person, field: &PersonField) -> Option<&'p mut String> {
    text_fields!(person, field, &mut)
}

/// Writes a parsed value into a person's field. Skills and people are not written (they
/// must first be found in the vocabulary and among the participants); a value of another
/// field's kind is ignored.
pub fn set(person: &mut Person, field: &PersonField, value: Value) {
    match (field, value) {
        (PersonField::Languages, Value::List(v)) => person.languages = v,
        (PersonField::Goals, Value::List(v)) => person.goals = v,
        (PersonField::Role, Value::Role(r)) => person.role = r,
        (PersonField::Seniority, Value::Seniority(s)) => person.seniority = Some(s),
        (PersonField::Capacity, Value::Capacity(c)) => person.capacity = c,
        (f, Value::TimeZone(z)) => {
            if let Some(slot) = text_slot(person, f) {
                *slot = z.value;
            }
        }
        (f, Value::Text(t)) => {
            if let Some(slot) = text_slot(person, f) {
                *slot = t;
            }
        }
        _ => {}
    }
}

/// A person's field as text, lists joined with `separator` (for forms and exports); skills
/// and people are left to the caller (they show names, not ids).
pub fn text(person: &Person, field: &PersonField, separator: &str) -> String {
    match field {
        PersonField::Languages => person.languages.join(separator),
        PersonField::Goals => person.goals.join(separator),
        PersonField::Role => person.role.key().to_owned(),
        PersonField::Seniority => person.seniority.map(|s| s.to_string()).unwrap_or_default(),
        PersonField::Capacity => person.capacity.to_string(),
        PersonField::SkillsOffered | PersonField::SkillsWanted | PersonField::Preferences => {
            String::new()
        }
        f => text_of(person, f).cloned().unwrap_or_default(),
    }
}

/// Checks a stored person's built-in fields against the catalogue's limits (what
/// [`crate::core::program::validate`] asks of every participant): each problem with the
/// field's key (and the item's index for lists) and what is wrong.
///
/// The shape of an e-mail address or a time zone is checked where it is typed or imported
/// ([`email`], [`time_zone`]); a program file keeps whatever text it holds there (bad input
/// 23: such text is data, never a link), within the length limit.
pub fn check_person(person: &Person) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for spec in &FIELDS {
        let key = spec.key;
        let mut push = |path: String, message: String| out.push((path, message));
        match spec.kind {
            ValueKind::ShortText | ValueKind::LongText | ValueKind::Email | ValueKind::TimeZone => {
                let value = text_of(person, &spec.field).map_or("", String::as_str);
                let max = if spec.kind == ValueKind::LongText {
                    MAX_LONG_TEXT
                } else {
                    MAX_SHORT_TEXT
                };
                if value.chars().count() > max {
                    push(key.to_owned(), format!("longer than {max} characters"));
                }
            }
            ValueKind::List => {
                let items = if spec.field == PersonField::Languages {
                    &person.languages
                } else {
                    &person.goals
                };
                if items.len() > MAX_LIST {
                    push(
                        key.to_owned(),
                        format!("has {} values; at most {MAX_LIST}", items.len()),
                    );
                }
                for (j, item) in items.iter().enumerate() {
                    if item.chars().count() > MAX_SHORT_TEXT {
                        push(
                            format!("{key}[{j}]"),
                            format!("longer than {MAX_SHORT_TEXT} characters"),
                        );
                    }
                }
            }
            ValueKind::Seniority => {
                if let Some(s) = person.seniority.filter(|s| !SENIORITY_LEVELS.contains(s)) {
                    push(
                        key.to_owned(),
                        format!(
                            "{s} is outside {}-{}",
                            SENIORITY_LEVELS.start(),
                            SENIORITY_LEVELS.end()
                        ),
                    );
                }
            }
            ValueKind::Capacity => {
                if person.capacity > MAX_CAPACITY {
                    push(
                        key.to_owned(),
                        format!("{} is above the maximum of {MAX_CAPACITY}", person.capacity),
                    );
                }
            }
            ValueKind::Role | ValueKind::Skills | ValueKind::People => {}
        }
    }
    out
}
