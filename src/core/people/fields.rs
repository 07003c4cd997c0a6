//! The participant's fields, described once: for each its label, its key in files and
//! mapping files, the CSV headers that mean it, its limits, and the parser and check that
//! every entry point uses: the person form ([`crate::core::people::parse_person`]), the CSV
//! import ([`crate::core::exchange::csv`]), restoring a program file
//! ([`crate::core::exchange::file_format`]) and [`crate::core::program::validate`].
//!
//! Parsers take text as typed or as found in a cell and return the value or a message that
//! quotes the text and says what is accepted (without the field's label: each entry point
//! says where, as "Capacity: …", "row 3, column D: …" or a path).

use std::collections::HashSet;

use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::{
    Answer, FieldId, FieldKind, Person, ProfileField, Role, MAX_CAPACITY, SKILL_LEVELS,
};
use crate::core::people::timezone::utc_offset_minutes;

/// Lowest and highest seniority level: 1 (entry) to 10 (executive). Files and CSV files
/// with other values are repaired (cleared, with the repair listed) or refused per row.
pub const SENIORITY_LEVELS: std::ops::RangeInclusive<u8> = 1..=10;

/// A field of a participant: the built-in ones, and the answer to one of the program's
/// profile questions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonField {
    /// Full name (required).
    Name,
    /// E-mail address: the key that finds duplicates and resolves preferences.
    Email,
    /// Mentor, mentee or either.
    Role,
    /// Department or business unit.
    Department,
    /// Team.
    Team,
    /// The person's manager (name or e-mail).
    Manager,
    /// Job title.
    Title,
    /// Seniority level, [`SENIORITY_LEVELS`].
    Seniority,
    /// IANA time zone or UTC offset.
    TimeZone,
    /// Languages (a list).
    Languages,
    /// Skills the person can mentor on, with levels.
    SkillsOffered,
    /// Skills the person wants to develop, with levels.
    SkillsWanted,
    /// Development goals (a list).
    Goals,
    /// Most mentees at a time, 0 to [`MAX_CAPACITY`].
    Capacity,
    /// Ranked people the person would like to be matched with.
    Preferences,
    /// A short introduction (long text).
    Bio,
    /// When the person can meet.
    Availability,
    /// Coordinator's private notes (long text).
    Notes,
    /// The answer to a profile question.
    Answer(FieldId),
}

/// What kind of value a built-in field holds; decides its parser and limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// One line of text, at most [`MAX_SHORT_TEXT`] characters.
    ShortText,
    /// Free text, at most [`MAX_LONG_TEXT`] characters.
    LongText,
    /// Up to [`MAX_LIST`] short texts, repeats (ignoring case) dropped.
    List,
    /// An e-mail address ([`email`]).
    Email,
    /// A role ([`role`]).
    Role,
    /// A seniority level ([`seniority`]).
    Seniority,
    /// A mentoring capacity ([`capacity`]).
    Capacity,
    /// A time zone ([`time_zone`]).
    TimeZone,
    /// Skills from the vocabulary with levels ([`skill_item`]).
    Skills,
    /// Other participants, most wanted first.
    People,
}

/// One built-in field's description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub field: BuiltIn,
    /// Its key in program files and mapping files (`email`, `skills_offered`).
    pub key: &'static str,
    /// Its label ("E-mail", "Skills offered").
    pub label: &'static str,
    /// The kind of value.
    pub kind: ValueKind,
    /// Column headers that mean this field, compared after normalising (lower case,
    /// letters and digits only: `E-mail address` is `emailaddress`).
    pub headers: &'static [&'static str],
    /// Distinctive phrases that, inside a longer survey question, point at this field.
    pub phrases: &'static [&'static str],
}

/// A built-in field (every [`PersonField`] but an answer), usable in constant tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BuiltIn {
    /// [`PersonField::Name`].
    Name,
    /// [`PersonField::Email`].
    Email,
    /// [`PersonField::Role`].
    Role,
    /// [`PersonField::Department`].
    Department,
    /// [`PersonField::Team`].
    Team,
    /// [`PersonField::Manager`].
    Manager,
    /// [`PersonField::Title`].
    Title,
    /// [`PersonField::Seniority`].
    Seniority,
    /// [`PersonField::TimeZone`].
    TimeZone,
    /// [`PersonField::Languages`].
    Languages,
    /// [`PersonField::SkillsOffered`].
    SkillsOffered,
    /// [`PersonField::SkillsWanted`].
    SkillsWanted,
    /// [`PersonField::Goals`].
    Goals,
    /// [`PersonField::Capacity`].
    Capacity,
    /// [`PersonField::Preferences`].
    Preferences,
    /// [`PersonField::Bio`].
    Bio,
    /// [`PersonField::Availability`].
    Availability,
    /// [`PersonField::Notes`].
    Notes,
}

macro_rules! spec {
    ($field:ident, $key:literal, $label:literal, $kind:ident, [$($h:literal),*], [$($p:literal),*]) => {
        FieldSpec {
            field: BuiltIn::$field,
            key: $key,
            label: $label,
            kind: ValueKind::$kind,
            headers: &[$($h),*],
            phrases: &[$($p),*],
        }
    };
}

/// Every built-in field, in the order forms, files and the CSV wizard list them.
pub const FIELDS: [FieldSpec; 18] = [
    spec!(
        Name,
        "name",
        "Name",
        ShortText,
        [
            "name",
            "fullname",
            "participant",
            "participantname",
            "employee",
            "employeename",
            "displayname",
            "yourname"
        ],
        ["fullname"]
    ),
    spec!(
        Email,
        "email",
        "E-mail",
        Email,
        [
            "email",
            "emailaddress",
            "mail",
            "workemail",
            "businessemail",
            "youremail",
            "youremailaddress"
        ],
        ["email"]
    ),
    spec!(
        Role,
        "role",
        "Role",
        Role,
        [
            "role",
            "participantrole",
            "programrole",
            "mentorormentee",
            "mentormentee",
            "participanttype"
        ],
        ["mentorormentee"]
    ),
    spec!(
        Department,
        "department",
        "Department",
        ShortText,
        ["department", "dept", "division", "businessunit", "orgunit"],
        ["department"]
    ),
    spec!(
        Team,
        "team",
        "Team",
        ShortText,
        ["team", "teamname", "squad"],
        []
    ),
    spec!(
        Manager,
        "manager",
        "Manager",
        ShortText,
        [
            "manager",
            "managername",
            "manageremail",
            "linemanager",
            "reportsto",
            "supervisor"
        ],
        ["manager"]
    ),
    spec!(
        Title,
        "title",
        "Job title",
        ShortText,
        ["title", "jobtitle", "position", "designation"],
        ["jobtitle"]
    ),
    spec!(
        Seniority,
        "seniority",
        "Seniority",
        Seniority,
        [
            "seniority",
            "senioritylevel",
            "level",
            "joblevel",
            "careerlevel",
            "grade"
        ],
        ["seniority"]
    ),
    spec!(
        TimeZone,
        "time_zone",
        "Time zone",
        TimeZone,
        ["timezone", "tz", "utcoffset"],
        ["timezone"]
    ),
    spec!(
        Languages,
        "languages",
        "Languages",
        List,
        [
            "languages",
            "language",
            "spokenlanguages",
            "languagesspoken"
        ],
        ["language"]
    ),
    spec!(
        SkillsOffered,
        "skills_offered",
        "Skills offered",
        Skills,
        [
            "skillsoffered",
            "skillsoffer",
            "offeredskills",
            "skillstooffer",
            "canmentoron",
            "expertise",
            "mentoringtopics",
            "canhelpwith"
        ],
        ["canmentoron", "skillsoffered", "skillsyoucanoffer"]
    ),
    spec!(
        SkillsWanted,
        "skills_wanted",
        "Skills wanted",
        Skills,
        [
            "skillswanted",
            "wantedskills",
            "wantstolearn",
            "wanttolearn",
            "skillstolearn",
            "skillstodevelop",
            "developmentareas",
            "areastodevelop"
        ],
        [
            "skillswanted",
            "wanttolearn",
            "wantstolearn",
            "liketolearn",
            "todevelop"
        ]
    ),
    spec!(
        Goals,
        "goals",
        "Goals",
        List,
        [
            "goals",
            "goal",
            "developmentgoals",
            "mentoringgoals",
            "objectives"
        ],
        ["goals"]
    ),
    spec!(
        Capacity,
        "capacity",
        "Capacity",
        Capacity,
        [
            "capacity",
            "maxmentees",
            "maximummentees",
            "menteecapacity",
            "numberofmentees",
            "howmanymentees"
        ],
        ["capacity", "maxmentees", "howmanymentees"]
    ),
    spec!(
        Preferences,
        "preferences",
        "Preferences",
        People,
        [
            "preferences",
            "preference",
            "rankedpreferences",
            "preferredmentors",
            "preferredmentor",
            "preferredmentees",
            "preferredmatches",
            "choice"
        ],
        ["rankedpreferences"]
    ),
    spec!(
        Bio,
        "bio",
        "Bio",
        LongText,
        ["bio", "biography", "about", "aboutme", "introduction"],
        []
    ),
    spec!(
        Availability,
        "availability",
        "Availability",
        ShortText,
        ["availability", "available"],
        ["availability"]
    ),
    spec!(
        Notes,
        "notes",
        "Notes",
        LongText,
        ["notes", "comments", "coordinatornotes"],
        []
    ),
];

impl BuiltIn {
    /// The field's description.
    pub fn spec(self) -> &'static FieldSpec {
        // FIELDS lists the variants in declaration order (checked by a test).
        &FIELDS[self as usize]
    }
}

impl From<BuiltIn> for PersonField {
    fn from(b: BuiltIn) -> PersonField {
        match b {
            BuiltIn::Name => PersonField::Name,
            BuiltIn::Email => PersonField::Email,
            BuiltIn::Role => PersonField::Role,
            BuiltIn::Department => PersonField::Department,
            BuiltIn::Team => PersonField::Team,
            BuiltIn::Manager => PersonField::Manager,
            BuiltIn::Title => PersonField::Title,
            BuiltIn::Seniority => PersonField::Seniority,
            BuiltIn::TimeZone => PersonField::TimeZone,
            BuiltIn::Languages => PersonField::Languages,
            BuiltIn::SkillsOffered => PersonField::SkillsOffered,
            BuiltIn::SkillsWanted => PersonField::SkillsWanted,
            BuiltIn::Goals => PersonField::Goals,
            BuiltIn::Capacity => PersonField::Capacity,
            BuiltIn::Preferences => PersonField::Preferences,
            BuiltIn::Bio => PersonField::Bio,
            BuiltIn::Availability => PersonField::Availability,
            BuiltIn::Notes => PersonField::Notes,
        }
    }
}

impl PersonField {
    /// The built-in field, or `None` for an answer.
    pub fn built_in(&self) -> Option<BuiltIn> {
        Some(match self {
            PersonField::Name => BuiltIn::Name,
            PersonField::Email => BuiltIn::Email,
            PersonField::Role => BuiltIn::Role,
            PersonField::Department => BuiltIn::Department,
            PersonField::Team => BuiltIn::Team,
            PersonField::Manager => BuiltIn::Manager,
            PersonField::Title => BuiltIn::Title,
            PersonField::Seniority => BuiltIn::Seniority,
            PersonField::TimeZone => BuiltIn::TimeZone,
            PersonField::Languages => BuiltIn::Languages,
            PersonField::SkillsOffered => BuiltIn::SkillsOffered,
            PersonField::SkillsWanted => BuiltIn::SkillsWanted,
            PersonField::Goals => BuiltIn::Goals,
            PersonField::Capacity => BuiltIn::Capacity,
            PersonField::Preferences => BuiltIn::Preferences,
            PersonField::Bio => BuiltIn::Bio,
            PersonField::Availability => BuiltIn::Availability,
            PersonField::Notes => BuiltIn::Notes,
            PersonField::Answer(_) => return None,
        })
    }

    /// Every built-in field, in [`FIELDS`] order.
    pub fn built_ins() -> impl Iterator<Item = PersonField> {
        FIELDS.iter().map(|s| PersonField::from(s.field))
    }

    /// The field's label as forms show it (answers: "Answer"; their question's label is
    /// shown instead).
    pub fn label(&self) -> &'static str {
        self.built_in().map_or("Answer", |b| b.spec().label)
    }

    /// The field's key: its name in files (`email`), `answer-f3` for an answer. Also what
    /// element ids are made of.
    pub fn key(&self) -> String {
        match self {
            PersonField::Answer(id) => format!("answer-{id}"),
            other => other.built_in().map_or("", |b| b.spec().key).to_owned(),
        }
    }

    /// The built-in field with this key.
    pub fn from_key(key: &str) -> Option<PersonField> {
        FIELDS
            .iter()
            .find(|s| s.key == key)
            .map(|s| PersonField::from(s.field))
    }

    /// The kind of value (`None` for an answer: its question decides).
    pub fn kind(&self) -> Option<ValueKind> {
        self.built_in().map(|b| b.spec().kind)
    }

    /// Whether the field holds several values (a column may add to it).
    pub fn is_list(&self) -> bool {
        matches!(
            self.kind(),
            Some(ValueKind::List | ValueKind::Skills | ValueKind::People)
        )
    }
}

/// One line of text: trimmed, line breaks inside joined with spaces, at most
/// [`MAX_SHORT_TEXT`] characters.
///
/// # Errors
/// The length and the limit.
pub fn short_text(text: &str) -> Result<String, String> {
    let t = text.trim();
    let line = if t.contains(['\n', '\r']) {
        t.split(['\n', '\r'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        t.to_owned()
    };
    within(line, MAX_SHORT_TEXT)
}

/// Free text, kept as written (line breaks too), at most [`MAX_LONG_TEXT`] characters.
///
/// # Errors
/// The length and the limit.
pub fn long_text(text: &str) -> Result<String, String> {
    within(text.to_owned(), MAX_LONG_TEXT)
}

fn within(text: String, max: usize) -> Result<String, String> {
    let n = text.chars().count();
    if n > max {
        Err(format!("is {n} characters long; the limit is {max}"))
    } else {
        Ok(text)
    }
}

/// A list: items trimmed, empty ones and repeats (ignoring case) dropped, at most
/// [`MAX_LIST`] items of at most [`MAX_SHORT_TEXT`] characters.
///
/// # Errors
/// Too many items, or the first item that is too long.
pub fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in items {
        let item = item.trim();
        if item.is_empty() || !seen.insert(item.to_lowercase()) {
            continue;
        }
        let n = item.chars().count();
        if n > MAX_SHORT_TEXT {
            let start: String = item.chars().take(20).collect();
            return Err(format!(
                "\u{201c}{start}\u{2026}\u{201d} is {n} characters long; the limit is {MAX_SHORT_TEXT}"
            ));
        }
        out.push(item.to_owned());
    }
    if out.len() > MAX_LIST {
        return Err(format!("has {} values; at most {MAX_LIST}", out.len()));
    }
    Ok(out)
}

/// An e-mail address (`mailto:` in front is dropped): `local@domain.tld`, no spaces or
/// control characters. `Ok(None)` for empty text.
///
/// # Errors
/// The text does not have the shape of an address.
pub fn email(text: &str) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let ok = t.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain
                .split_once('.')
                .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !t.chars().any(|c| c.is_whitespace() || c.is_control())
    });
    if ok {
        within(t.to_owned(), MAX_SHORT_TEXT).map(Some)
    } else {
        Err(format!(
            "\u{201c}{t}\u{201d} does not look like an e-mail address (name@example.org)"
        ))
    }
}

/// `mentor`, `mentee`, `either` or `both` (any case; `Mentor / Mentee` is either).
/// `Ok(None)` for empty text.
///
/// # Errors
/// Any other text.
pub fn role(text: &str) -> Result<Option<Role>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let key: String = t
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "mentor" => Ok(Some(Role::Mentor)),
        "mentee" => Ok(Some(Role::Mentee)),
        "either" | "both" | "mentorandmentee" | "mentormentee" | "mentorormentee" => {
            Ok(Some(Role::Either))
        }
        _ => Err(format!(
            "\u{201c}{t}\u{201d} is not a role: use mentor, mentee, either or both"
        )),
    }
}

/// A whole number, allowing a spreadsheet's `3.0`.
fn whole(t: &str) -> Option<u64> {
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A seniority level in [`SENIORITY_LEVELS`], written `5`, `L5`, `Level 5` or `Grade 5`.
/// `Ok(None)` for empty text (unknown).
///
/// # Errors
/// Anything else, quoting the text and the range.
pub fn seniority(text: &str) -> Result<Option<u8>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // A word in front ("L", "Level", "Grade") may be followed by a dash ("L-5"); a dash
    // alone in front is a minus sign.
    let rest = t.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
    let digits = if rest.len() < t.len() {
        rest.trim_start_matches('-').trim()
    } else {
        rest
    };
    let (lo, hi) = (SENIORITY_LEVELS.start(), SENIORITY_LEVELS.end());
    match whole(digits) {
        Some(n) if (u64::from(*lo)..=u64::from(*hi)).contains(&n) => Ok(u8::try_from(n).ok()),
        _ => Err(format!(
            "\u{201c}{t}\u{201d} is not a seniority level: use a whole number from {lo} to {hi} (\u{201c}5\u{201d}, \u{201c}L5\u{201d})"
        )),
    }
}

/// A mentoring capacity: a whole number from 0 to [`MAX_CAPACITY`]. `Ok(None)` for empty
/// text.
///
/// # Errors
/// Negative, too large or not a whole number, quoting the text.
pub fn capacity(text: &str) -> Result<Option<u16>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let range = format!("a whole number 0-{MAX_CAPACITY}");
    match whole(t) {
        Some(n) if n <= u64::from(MAX_CAPACITY) => Ok(u16::try_from(n).ok()),
        Some(n) => Err(format!(
            "{n} is above the maximum of {MAX_CAPACITY}: use {range}"
        )),
        None if t.starts_with('-') && whole(&t[1..]).is_some() => {
            Err(format!("\u{201c}{t}\u{201d} is negative: use {range}"))
        }
        None => Err(format!("\u{201c}{t}\u{201d} is not {range}")),
    }
}

/// A time zone as matching reads it ([`crate::core::people::timezone`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// What is stored: the name as written, or an offset normalised to `+05:30`.
    pub value: String,
    /// Whether matching knows the zone (a well-formed IANA name outside its table is kept
    /// but scores as unknown).
    pub known: bool,
}

/// An IANA time zone name or a UTC offset (`+05:30`, `UTC-8`, `GMT+0530`), offsets
/// normalised to `+05:30`; `UTC`, `GMT` and `Z` become `UTC`. `Ok(None)` for empty text.
///
/// # Errors
/// Anything else, quoting the text and what is accepted.
pub fn time_zone(text: &str) -> Result<Option<Zone>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let err = || {
        Err(format!(
            "\u{201c}{t}\u{201d} is not a time zone: use an IANA name (\u{201c}Europe/Berlin\u{201d}) or a UTC offset (\u{201c}+05:30\u{201d})"
        ))
    };
    let upper = t.to_ascii_uppercase();
    if matches!(upper.as_str(), "UTC" | "GMT" | "Z" | "ETC/UTC") {
        return Ok(Some(Zone {
            value: "UTC".to_owned(),
            known: true,
        }));
    }
    let offset = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper)
        .trim();
    if let Some(sign) = offset.chars().next().filter(|c| *c == '+' || *c == '-') {
        let rest = &offset[1..];
        let (h, m) = match rest.split_once(':') {
            Some((h, m)) => (h, m),
            None if rest.len() == 4 => rest.split_at(2),
            None => (rest, "0"),
        };
        let (Some(h), Some(m)) = (whole(h), whole(m)) else {
            return err();
        };
        let within = if sign == '+' { h <= 14 } else { h <= 12 };
        if !within || m > 59 || h.to_string().len() > 2 || (h == 14 && m > 0) {
            return err();
        }
        return Ok(Some(Zone {
            value: format!("{sign}{h:02}:{m:02}"),
            known: true,
        }));
    }
    if utc_offset_minutes(t).is_some() {
        return Ok(Some(Zone {
            value: t.to_owned(),
            known: true,
        }));
    }
    let iana_shape = t.contains('/')
        && t.split('/').all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        });
    if iana_shape && t.chars().count() <= MAX_SHORT_TEXT {
        Ok(Some(Zone {
            value: t.to_owned(),
            known: false,
        }))
    } else {
        err()
    }
}

/// The level a skill written without one gets (`Python` is `Python:3`).
pub const DEFAULT_SKILL_LEVEL: u8 = 3;

/// A skill with a level: `Python:4`, `Python (4)` or `Python` ([`DEFAULT_SKILL_LEVEL`]).
///
/// # Errors
/// A level outside [`SKILL_LEVELS`], or a level without a name.
pub fn skill_item(item: &str) -> Result<(String, u8), String> {
    let item = item.trim();
    let split = if let Some(open) = item.strip_suffix(')').and_then(|s| s.rfind('(')) {
        let level = item[open + 1..item.len() - 1].trim();
        level
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| (&item[..open], level))
    } else if let Some((name, level)) = item.rsplit_once(':') {
        let level = level.trim();
        (!level.is_empty() && level.bytes().all(|b| b.is_ascii_digit())).then_some((name, level))
    } else {
        None
    };
    let Some((name, level)) = split else {
        return Ok((item.to_owned(), DEFAULT_SKILL_LEVEL));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!(
            "\u{201c}{item}\u{201d} has a level but no skill name"
        ));
    }
    match level.parse::<u8>() {
        Ok(l) if SKILL_LEVELS.contains(&l) => Ok((name.to_owned(), l)),
        _ => Err(format!(
            "\u{201c}{item}\u{201d}: the level must be {}-{}",
            SKILL_LEVELS.start(),
            SKILL_LEVELS.end()
        )),
    }
}

/// An answer as given: one text (single choice, scale, number, short text) or several
/// choices (multiple choice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerInput<'a> {
    /// One value as text.
    Text(&'a str),
    /// The choices ticked.
    Many(&'a [String]),
}

/// Checks an answer against its question: a single choice must be one of the options
/// (any case; the option's own spelling is kept), every choice of a multiple choice too
/// (repeats dropped), a scale a whole number in range, a number finite (a decimal comma is
/// read as a point), a short text within the length limit. `Ok(None)` for an empty answer.
///
/// # Errors
/// Why the answer does not fit, quoting it.
pub fn answer(question: &ProfileField, input: AnswerInput<'_>) -> Result<Option<Answer>, String> {
    let pick = |options: &[String], value: &str| -> Result<String, String> {
        options
            .iter()
            .find(|o| o.trim().eq_ignore_ascii_case(value.trim()))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "\u{201c}{}\u{201d} is not one of the answers: {}",
                    value.trim(),
                    options.join(", ")
                )
            })
    };
    let text = match input {
        AnswerInput::Text(t) => t.trim(),
        AnswerInput::Many(_) => "",
    };
    match (&question.kind, input) {
        (FieldKind::MultipleChoice { options }, AnswerInput::Many(picked)) => {
            let mut seen = HashSet::new();
            let mut chosen = Vec::new();
            for p in picked.iter().filter(|p| !p.trim().is_empty()) {
                let o = pick(options, p)?;
                if seen.insert(o.clone()) {
                    chosen.push(o);
                }
            }
            Ok((!chosen.is_empty()).then_some(Answer::Many(chosen)))
        }
        (FieldKind::MultipleChoice { .. }, AnswerInput::Text(_)) => {
            Err("pick from the options".to_owned())
        }
        (_, AnswerInput::Many(_)) => Err("expects a single answer".to_owned()),
        (_, AnswerInput::Text(_)) if text.is_empty() => Ok(None),
        (FieldKind::SingleChoice { options }, _) => {
            pick(options, text).map(|o| Some(Answer::Text(o)))
        }
        (FieldKind::Scale { min, max }, _) => match text.parse::<i64>() {
            Ok(n) if (i64::from(*min)..=i64::from(*max)).contains(&n) => {
                Ok(Some(Answer::Number(n as f64)))
            }
            _ => Err(format!(
                "\u{201c}{text}\u{201d} is not a whole number from {min} to {max}"
            )),
        },
        (FieldKind::Number, _) => match text.replace(',', ".").parse::<f64>() {
            // Bad input 26: NaN and infinity never reach the model.
            Ok(n) if n.is_finite() => Ok(Some(Answer::Number(n))),
            _ => Err(format!("\u{201c}{text}\u{201d} is not a number")),
        },
        (FieldKind::ShortText, _) => short_text(text).map(|t| Some(Answer::Text(t))),
    }
}

/// Checks an answer already in the model against its question (what restore and
/// validation ask): `Ok` with the answer to keep (a multiple choice loses choices that are
/// no longer options), `Err` when it cannot be kept.
///
/// # Errors
/// Why the answer does not fit its question.
pub fn stored_answer(question: &ProfileField, stored: &Answer) -> Result<Answer, String> {
    match (&question.kind, stored) {
        (FieldKind::SingleChoice { options }, Answer::Text(t)) if options.contains(t) => {
            Ok(stored.clone())
        }
        (FieldKind::MultipleChoice { options }, Answer::Many(v)) => {
            let kept: Vec<String> = v.iter().filter(|x| options.contains(x)).cloned().collect();
            if kept.is_empty() && !v.is_empty() {
                Err("none of its choices is one of the question's options".to_owned())
            } else {
                Ok(Answer::Many(kept))
            }
        }
        (FieldKind::Scale { min, max }, Answer::Number(n))
            if n.is_finite()
                && n.fract() == 0.0
                && f64::from(*min) <= *n
                && *n <= f64::from(*max) =>
        {
            Ok(stored.clone())
        }
        (FieldKind::Number, Answer::Number(n)) if n.is_finite() => Ok(stored.clone()),
        (FieldKind::ShortText, Answer::Text(t)) => {
            within(t.clone(), MAX_SHORT_TEXT).map(Answer::Text)
        }
        (kind, _) => Err(format!(
            "does not fit a {} question",
            kind.label().to_lowercase()
        )),
    }
}

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
pub fn parse(field: BuiltIn, text: &str, separators: &[char]) -> Result<Option<Value>, String> {
    let items = || {
        text.split(|c: char| separators.contains(&c) || c == '\n' || c == '\r')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let some_text = |t: String| (!t.is_empty()).then_some(Value::Text(t));
    Ok(match field.spec().kind {
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
            BuiltIn::Name => $($r)* $person.name,
            BuiltIn::Email => $($r)* $person.email,
            BuiltIn::Department => $($r)* $person.department,
            BuiltIn::Team => $($r)* $person.team,
            BuiltIn::Manager => $($r)* $person.manager,
            BuiltIn::Title => $($r)* $person.title,
            BuiltIn::TimeZone => $($r)* $person.time_zone,
            BuiltIn::Bio => $($r)* $person.bio,
            BuiltIn::Availability => $($r)* $person.availability,
            BuiltIn::Notes => $($r)* $person.notes,
            _ => return None,
        })
    };
}

/// A person's text field (short, long, e-mail, time zone), or `None` for another kind.
pub fn text_of(person: &Person, field: BuiltIn) -> Option<&String> {
    text_fields!(person, field, &)
}

/// A person's text field to write, or `None` for another kind.
pub fn text_slot(person: &mut Person, field: BuiltIn) -> Option<&mut String> {
    text_fields!(person, field, &mut)
}

/// Writes a parsed value into a person's field. Skills and people are not written (they
/// must first be found in the vocabulary and among the participants); a value of another
/// field's kind is ignored.
pub fn set(person: &mut Person, field: BuiltIn, value: Value) {
    match (field, value) {
        (BuiltIn::Languages, Value::List(v)) => person.languages = v,
        (BuiltIn::Goals, Value::List(v)) => person.goals = v,
        (BuiltIn::Role, Value::Role(r)) => person.role = r,
        (BuiltIn::Seniority, Value::Seniority(s)) => person.seniority = Some(s),
        (BuiltIn::Capacity, Value::Capacity(c)) => person.capacity = c,
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
pub fn text(person: &Person, field: BuiltIn, separator: &str) -> String {
    match field {
        BuiltIn::Languages => person.languages.join(separator),
        BuiltIn::Goals => person.goals.join(separator),
        BuiltIn::Role => person.role.key().to_owned(),
        BuiltIn::Seniority => person.seniority.map(|s| s.to_string()).unwrap_or_default(),
        BuiltIn::Capacity => person.capacity.to_string(),
        BuiltIn::SkillsOffered | BuiltIn::SkillsWanted | BuiltIn::Preferences => String::new(),
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
                let value = text_of(person, spec.field).map_or("", String::as_str);
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
                let items = if spec.field == BuiltIn::Languages {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_every_built_in_field_in_declaration_order() {
        for (k, spec) in FIELDS.iter().enumerate() {
            assert_eq!(spec.field as usize, k, "{}", spec.key);
            let field = PersonField::from(spec.field);
            assert_eq!(field.built_in(), Some(spec.field));
            assert_eq!(PersonField::from_key(spec.key), Some(field));
        }
        let headers: Vec<&str> = FIELDS
            .iter()
            .flat_map(|s| s.headers.iter().copied())
            .collect();
        let unique: HashSet<&str> = headers.iter().copied().collect();
        assert_eq!(headers.len(), unique.len(), "a header names one field");
    }

    #[test]
    fn seniority_is_a_level_from_one_to_ten_in_every_spelling() {
        for (text, level) in [
            ("5", 5),
            ("L5", 5),
            ("Level 7", 7),
            ("Grade 10", 10),
            ("3.0", 3),
        ] {
            assert_eq!(seniority(text), Ok(Some(level)), "{text}");
        }
        assert_eq!(seniority("  "), Ok(None));
        for bad in ["0", "11", "-3", "senior", "5.5", "L50"] {
            let e = seniority(bad).unwrap_err();
            assert!(e.contains("from 1 to 10"), "{bad}: {e}");
        }
    }

    #[test]
    fn capacity_messages_say_what_is_accepted() {
        assert_eq!(capacity("3"), Ok(Some(3)));
        assert_eq!(capacity("2.0"), Ok(Some(2)));
        assert_eq!(capacity(""), Ok(None));
        assert!(capacity("-1").unwrap_err().contains("negative"));
        assert!(capacity("51")
            .unwrap_err()
            .contains("above the maximum of 50"));
        for bad in ["three", "1.5", "1e400", "99999999999999999999999"] {
            let e = capacity(bad).unwrap_err();
            assert!(e.contains("is not a whole number 0-50"), "{bad}: {e}");
        }
    }

    #[test]
    fn e_mail_addresses_have_one_shape_everywhere() {
        assert_eq!(
            email("mailto:ada@example.org"),
            Ok(Some("ada@example.org".into()))
        );
        for bad in [
            "ada",
            "ada@",
            "@x.org",
            "ada@x",
            "ada@x.",
            "a b@x.org",
            "a@b@x.org",
            "ada@.org",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn roles_accept_both_and_any_case() {
        assert_eq!(role("MENTOR"), Ok(Some(Role::Mentor)));
        assert_eq!(role(" Both "), Ok(Some(Role::Either)));
        assert_eq!(role("Mentor / Mentee"), Ok(Some(Role::Either)));
        assert_eq!(role(""), Ok(None));
        assert!(role("boss")
            .unwrap_err()
            .contains("\u{201c}boss\u{201d} is not a role"));
    }

    #[test]
    fn time_zones_are_iana_names_or_offsets() {
        let zone = |t: &str| time_zone(t).map(|z| z.map(|z| (z.value, z.known)));
        assert_eq!(
            zone("Europe/Berlin"),
            Ok(Some(("Europe/Berlin".into(), true)))
        );
        assert_eq!(zone("+05:30"), Ok(Some(("+05:30".into(), true))));
        assert_eq!(zone("UTC-8"), Ok(Some(("-08:00".into(), true))));
        assert_eq!(zone("GMT+0530"), Ok(Some(("+05:30".into(), true))));
        assert_eq!(zone("utc"), Ok(Some(("UTC".into(), true))));
        assert_eq!(
            zone("Mars/Olympus_Mons"),
            Ok(Some(("Mars/Olympus_Mons".into(), false)))
        );
        for bad in ["Pacific Time", "+25:00", "+05:75", "Europe/", "+"] {
            assert!(time_zone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn skills_take_levels_after_a_colon_or_in_brackets() {
        assert_eq!(skill_item("Python:4"), Ok(("Python".into(), 4)));
        assert_eq!(
            skill_item("Public speaking (2)"),
            Ok(("Public speaking".into(), 2))
        );
        assert_eq!(skill_item("SQL"), Ok(("SQL".into(), 3)));
        assert_eq!(
            skill_item("Sales (enterprise)"),
            Ok(("Sales (enterprise)".into(), 3))
        );
        assert!(skill_item("Python:7")
            .unwrap_err()
            .contains("level must be 1-5"));
    }

    #[test]
    fn lists_drop_blanks_and_repeats() {
        assert_eq!(
            list(["English", " French", "english", ""]),
            Ok(vec!["English".to_owned(), "French".to_owned()])
        );
        let many: Vec<String> = (0..=MAX_LIST).map(|k| k.to_string()).collect();
        assert!(list(many.iter().map(String::as_str)).is_err());
    }
}
