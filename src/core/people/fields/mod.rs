//! The participant's fields, described once: for each its label, its key in files and
//! mapping files, the CSV headers that mean it, its limits, and the parser and check that
//! every entry point uses: the person form ([`crate::core::people::parse_person`]), the CSV
//! import ([`crate::core::exchange::csv`]), restoring a program file
//! ([`crate::core::exchange::file_format`]) and [`crate::core::program::validate`].
//!
//! Parsers take text as typed or as found in a cell and return the value or a message that
//! quotes the text and says what is accepted (without the field's label: each entry point
//! says where, as "Capacity: …", "row 3, column D: …" or a path).

mod parse;
#[cfg(test)]
mod tests;
mod value;

pub use parse::*;
pub use value::*;

use crate::core::model::FieldId;

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub field: PersonField,
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

macro_rules! spec {
    ($field:ident, $key:literal, $label:literal, $kind:ident, [$($h:literal),*], [$($p:literal),*]) => {
        FieldSpec {
            field: PersonField::$field,
            key: $key,
            label: $label,
            kind: ValueKind::$kind,
            headers: &[$($h),*],
            phrases: &[$($p),*],
        }
    };
}

/// Every built-in field, in the order forms, files and the CSV wizard list them.
#[rustfmt::skip]
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

impl PersonField {
    /// The field's description, or `None` for an answer (its question describes it).
    pub fn spec(&self) -> Option<&'static FieldSpec> {
        FIELDS.iter().find(|s| s.field == *self)
    }

    /// Every built-in field, in [`FIELDS`] order.
    pub fn built_ins() -> impl Iterator<Item = PersonField> {
        FIELDS.iter().map(|s| s.field.clone())
    }

    /// The field's label as forms show it (answers: "Answer"; their question's label is
    /// shown instead).
    pub fn label(&self) -> &'static str {
        self.spec().map_or("Answer", |s| s.label)
    }

    /// The field's key: its name in files (`email`), `answer-f3` for an answer. Also what
    /// element ids are made of.
    pub fn key(&self) -> String {
        match self {
            PersonField::Answer(id) => format!("answer-{id}"),
            other => other.spec().map_or("", |s| s.key).to_owned(),
        }
    }

    /// The built-in field with this key.
    pub fn from_key(key: &str) -> Option<PersonField> {
        FIELDS
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.field.clone())
    }

    /// The kind of value (`None` for an answer: its question decides).
    pub fn kind(&self) -> Option<ValueKind> {
        self.spec().map(|s| s.kind)
    }

    /// Whether the field holds several values (a column may add to it).
    pub fn is_list(&self) -> bool {
        matches!(
            self.kind(),
            Some(ValueKind::List | ValueKind::Skills | ValueKind::People)
        )
    }
}
