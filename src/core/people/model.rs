//! The participant's record: role, profile, skills, answers and preferences.
//!
//! See [`crate::core::people::fields`] for every field's label, limits and parsers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::program::model::{Answer, FieldId, PersonId, SkillLevel};

/// A participant's role in the program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Offers mentoring.
    Mentor,
    /// Wants a mentor.
    #[default]
    Mentee,
    /// Can be either; matching decides.
    Either,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 3] = [Role::Mentor, Role::Mentee, Role::Either];

    /// Whether this person can be matched as a mentor.
    pub fn can_mentor(self) -> bool {
        matches!(self, Role::Mentor | Role::Either)
    }

    /// Whether this person can be matched as a mentee.
    pub fn can_be_mentee(self) -> bool {
        matches!(self, Role::Mentee | Role::Either)
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Role::Mentor => "Mentor",
            Role::Mentee => "Mentee",
            Role::Either => "Either",
        }
    }

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
            Role::Either => "either",
        }
    }

    /// Parses the file name of a role.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// The most mentees one mentor may take in any program.
pub const MAX_CAPACITY: u16 = 50;

/// A participant: mentor, mentee or either.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Unique within the program.
    pub id: PersonId,
    /// Mentor, mentee or either.
    pub role: Role,
    /// Full name as the person writes it.
    pub name: String,
    /// E-mail address: the natural key of spreadsheets; may be empty.
    pub email: String,
    /// Department or business unit.
    pub department: String,
    /// Team name.
    pub team: String,
    /// The person's manager (name or e-mail).
    pub manager: String,
    /// Job title.
    pub title: String,
    /// Seniority level (e.g. 1 = entry, 10 = executive), if known.
    pub seniority: Option<u8>,
    /// IANA time zone name (`Europe/Berlin`) or UTC offset (`+05:30`), if known.
    pub time_zone: String,
    /// Languages the person can mentor or be mentored in.
    pub languages: Vec<String>,
    /// Skills the person can mentor on, with proficiency.
    pub skills_offered: Vec<SkillLevel>,
    /// Skills the person wants to develop, with the level wanted.
    pub skills_wanted: Vec<SkillLevel>,
    /// Development goals (mentees) or goals the person can help with (mentors).
    pub goals: Vec<String>,
    /// How many mentees the person can take as a mentor; 0 = not available now.
    pub capacity: u16,
    /// Answers to the program's profile questions, by question id.
    pub answers: BTreeMap<FieldId, Answer>,
    /// People this person would like to be matched with, most wanted first.
    pub preferences: Vec<PersonId>,
    /// A short introduction.
    pub bio: String,
    /// When the person can meet ("Tuesdays, mornings").
    pub availability: String,
    /// Coordinator's private notes.
    pub notes: String,
}

impl Person {
    /// A participant with just a name and role; every other field empty.
    pub fn new(id: PersonId, name: impl Into<String>, role: Role) -> Person {
        Person {
            id,
            role,
            name: name.into(),
            email: String::new(),
            department: String::new(),
            team: String::new(),
            manager: String::new(),
            title: String::new(),
            seniority: None,
            time_zone: String::new(),
            languages: Vec::new(),
            skills_offered: Vec::new(),
            skills_wanted: Vec::new(),
            goals: Vec::new(),
            capacity: if role.can_mentor() { 1 } else { 0 },
            answers: BTreeMap::new(),
            preferences: Vec::new(),
            bio: String::new(),
            availability: String::new(),
            notes: String::new(),
        }
    }

    /// The first word of the name (for projector views), or the whole name.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }
}
