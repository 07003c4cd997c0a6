//! The program model: everything a mentoring program file holds.
//!
//! The types here are plain data (no signals, no browser types) and serialize to the
//! `program` object of the program file (see [`crate::core::exchange::file_format`]). Field order in
//! each struct is the order written to files, so keep it stable: new fields go at the end of
//! a struct, and any change to the shape needs a migration.
//!
//! # Identity
//! Every record that others refer to (people, profile fields, skills, goals, milestones,
//! matches, check-ins) has an id that is unique within its program and never reused or
//! changed once given. New ids come from [`Program::next_id`], a per-program counter, so ids
//! are short, stable and deterministic (`p12`, `m40`, ...). Programs themselves carry a
//! [`ProgramId`] that is unique within a browser's library.
//!
//! # Invariants
//! [`crate::core::program::validate::validate`] checks the invariants a program must satisfy before it
//! is saved or exported (unique ids, references that resolve, finite numbers, ranges).
//! [`crate::core::exchange::file_format`]'s restore step repairs imported data until they hold.

use serde::{Deserialize, Serialize};

use crate::core::date::Date;
use crate::core::matching::model::{Match, MatchingConfig};
use crate::core::people::model::Person;
pub use crate::core::program::ids::*;
use crate::core::relationships::model::{FollowUpSettings, RematchEntry};

/// Why the program exists; decides the template that pre-fills a new program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Helping new hires settle in.
    Onboarding,
    /// Growing future leaders.
    LeadershipDevelopment,
    /// Accelerating high-potential employees.
    HighPotential,
    /// Diversity, equity and inclusion.
    DiversityInclusion,
    /// An employee resource group's program.
    EmployeeResourceGroup,
    /// Interns and new graduates.
    InternsNewGraduates,
    /// Supporting people who have just become managers.
    NewManager,
    /// Junior people mentoring senior people (e.g. on new technology).
    ReverseMentoring,
    /// Building technical skills.
    TechnicalSkills,
    /// Spreading knowledge across teams.
    KnowledgeSharing,
    /// Anything else.
    #[default]
    Custom,
}

impl Purpose {
    /// All purposes, in the order a coordinator picks from.
    pub const ALL: [Purpose; 11] = [
        Purpose::Onboarding,
        Purpose::LeadershipDevelopment,
        Purpose::HighPotential,
        Purpose::DiversityInclusion,
        Purpose::EmployeeResourceGroup,
        Purpose::InternsNewGraduates,
        Purpose::NewManager,
        Purpose::ReverseMentoring,
        Purpose::TechnicalSkills,
        Purpose::KnowledgeSharing,
        Purpose::Custom,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Onboarding => "Onboarding",
            Purpose::LeadershipDevelopment => "Leadership development",
            Purpose::HighPotential => "High-potential",
            Purpose::DiversityInclusion => "Diversity & inclusion",
            Purpose::EmployeeResourceGroup => "Employee resource group",
            Purpose::InternsNewGraduates => "Interns & new graduates",
            Purpose::NewManager => "New-manager training",
            Purpose::ReverseMentoring => "Reverse mentoring",
            Purpose::TechnicalSkills => "Technical skills",
            Purpose::KnowledgeSharing => "Knowledge sharing",
            Purpose::Custom => "Custom",
        }
    }

    /// The name used in files (`snake_case`).
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Onboarding => "onboarding",
            Purpose::LeadershipDevelopment => "leadership_development",
            Purpose::HighPotential => "high_potential",
            Purpose::DiversityInclusion => "diversity_inclusion",
            Purpose::EmployeeResourceGroup => "employee_resource_group",
            Purpose::InternsNewGraduates => "interns_new_graduates",
            Purpose::NewManager => "new_manager",
            Purpose::ReverseMentoring => "reverse_mentoring",
            Purpose::TechnicalSkills => "technical_skills",
            Purpose::KnowledgeSharing => "knowledge_sharing",
            Purpose::Custom => "custom",
        }
    }

    /// Parses the file name of a purpose.
    pub fn from_key(key: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// How mentors and mentees are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramFormat {
    /// One mentor, one mentee per relationship.
    #[default]
    OneToOne,
    /// Circles: one mentor with several mentees.
    Group,
    /// Both kinds of relationship in one program.
    Both,
}

impl ProgramFormat {
    /// All formats.
    pub const ALL: [ProgramFormat; 3] = [
        ProgramFormat::OneToOne,
        ProgramFormat::Group,
        ProgramFormat::Both,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            ProgramFormat::OneToOne => "One-to-one",
            ProgramFormat::Group => "Group (circles)",
            ProgramFormat::Both => "Both",
        }
    }

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            ProgramFormat::OneToOne => "one_to_one",
            ProgramFormat::Group => "group",
            ProgramFormat::Both => "both",
        }
    }

    /// Parses the file name of a format.
    pub fn from_key(key: &str) -> Option<ProgramFormat> {
        ProgramFormat::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A mentoring program: its purpose, people, matching set-up and relationships.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Program {
    /// Unique within a library; kept across export and import.
    pub id: ProgramId,
    /// Short name shown in the library ("Engineering onboarding 2027").
    pub name: String,
    /// Why the program exists.
    pub purpose: Purpose,
    /// Longer description for participants and leadership.
    pub description: String,
    /// One-to-one, group or both.
    pub format: ProgramFormat,
    /// First day of the program (matching usually happens before).
    pub start_date: Option<Date>,
    /// Last day of the program.
    pub end_date: Option<Date>,
    /// What the program wants to achieve, with measurable targets.
    pub goals: Vec<Goal>,
    /// The relationship timeline, relative to the match date.
    pub milestones: Vec<Milestone>,
    /// Custom profile questions asked of participants.
    pub profile_fields: Vec<ProfileField>,
    /// The skills vocabulary participants pick from.
    pub skills: Vec<Skill>,
    /// Mentors, mentees and people who can be either.
    pub people: Vec<Person>,
    /// Criteria weights and hard rules used by matching.
    pub matching: MatchingConfig,
    /// Proposed (draft) and published relationships, current and past cycles.
    pub matches: Vec<Match>,
    /// The matching cycle currently being run; matches of earlier cycles are history.
    pub cycle: u32,
    /// Counter behind [`Program::next_id`]; never decreases.
    pub next_seq: u64,
    /// How the workshop (projector) mode shows people. Left out of the file while it has
    /// its default, so files written before the setting existed round-trip byte-identically.
    #[serde(default, skip_serializing_if = "WorkshopSettings::is_default")]
    pub workshop: WorkshopSettings,
    /// When check-ins are due, the thresholds of a relationship's health and the rematch
    /// cooldown. Left out of the file while every setting has its default.
    #[serde(default, skip_serializing_if = "FollowUpSettings::is_default")]
    pub follow_up: FollowUpSettings,
    /// Mentees waiting for a new mentor after a relationship ended early.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rematch: Vec<RematchEntry>,
}

/// How names appear on the projector in workshop mode (issue #5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameDisplay {
    /// First names only ("Ada").
    #[default]
    FirstNames,
    /// Stable pseudonyms per role ("Mentee 3"), the same as a pseudonymised share link.
    Pseudonyms,
}

impl NameDisplay {
    /// Both choices, in the order offered.
    pub const ALL: [NameDisplay; 2] = [NameDisplay::FirstNames, NameDisplay::Pseudonyms];

    /// The file name of the choice.
    pub fn key(self) -> &'static str {
        match self {
            NameDisplay::FirstNames => "first_names",
            NameDisplay::Pseudonyms => "pseudonyms",
        }
    }

    /// Parses the file name of a choice.
    pub fn from_key(key: &str) -> Option<NameDisplay> {
        NameDisplay::ALL.into_iter().find(|n| n.key() == key)
    }

    /// What the choice is called in the UI.
    pub fn label(self) -> &'static str {
        match self {
            NameDisplay::FirstNames => "First names",
            NameDisplay::Pseudonyms => "Pseudonyms (Mentee 3, Mentor 5)",
        }
    }
}

/// The program's workshop-mode settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopSettings {
    /// How people are named on the projector.
    #[serde(default)]
    pub names: NameDisplay,
    /// The projector mirrors the presenter's screen, so the room sees the presenter's page
    /// rather than an audience window: the page then shows the stage first and no
    /// laptop-only details (issue 15). Left out of the file while `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mirrored: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl WorkshopSettings {
    /// Whether every setting has its default (then the file leaves the settings out).
    pub fn is_default(&self) -> bool {
        *self == WorkshopSettings::default()
    }
}

impl Program {
    /// An empty program with sensible defaults.
    pub fn new(id: ProgramId, name: impl Into<String>) -> Program {
        Program {
            id,
            name: name.into(),
            purpose: Purpose::Custom,
            description: String::new(),
            format: ProgramFormat::OneToOne,
            start_date: None,
            end_date: None,
            goals: Vec::new(),
            milestones: Vec::new(),
            profile_fields: Vec::new(),
            skills: Vec::new(),
            people: Vec::new(),
            matching: MatchingConfig::default(),
            matches: Vec::new(),
            cycle: 1,
            next_seq: 1,
            workshop: WorkshopSettings::default(),
            follow_up: FollowUpSettings::default(),
            rematch: Vec::new(),
        }
    }

    /// A fresh id of the given kind, unique within this program.
    pub fn next_id(&mut self, kind: IdKind) -> String {
        let id = format!("{}{}", kind.prefix(), self.next_seq);
        self.next_seq += 1;
        id
    }

    /// A fresh participant id.
    pub fn new_person_id(&mut self) -> PersonId {
        PersonId(self.next_id(IdKind::Person))
    }

    /// A fresh match id.
    pub fn new_match_id(&mut self) -> MatchId {
        MatchId(self.next_id(IdKind::Match))
    }

    /// The participant with this id.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// The participant with this id, mutably.
    pub fn person_mut(&mut self, id: &PersonId) -> Option<&mut Person> {
        self.people.iter_mut().find(|p| &p.id == id)
    }

    /// A person's name for messages and labels, or their id when nobody in the program has
    /// it (or the person has no name), so a message never shows an empty name.
    pub fn name_of(&self, id: &PersonId) -> String {
        match self.person(id) {
            Some(p) if !p.name.trim().is_empty() => p.name.clone(),
            _ => id.to_string(),
        }
    }

    /// The participant with this e-mail address (compared case-insensitively).
    pub fn person_by_email(&self, email: &str) -> Option<&Person> {
        let email = email.trim();
        if email.is_empty() {
            return None;
        }
        self.people
            .iter()
            .find(|p| p.email.trim().eq_ignore_ascii_case(email))
    }

    /// How many people can mentor (role mentor or either).
    pub fn mentor_count(&self) -> usize {
        self.people.iter().filter(|p| p.role.can_mentor()).count()
    }

    /// How many people want a mentor (role mentee or either).
    pub fn mentee_count(&self) -> usize {
        self.people
            .iter()
            .filter(|p| p.role.can_be_mentee())
            .count()
    }

    /// Matches of the current cycle.
    pub fn current_matches(&self) -> impl Iterator<Item = &Match> {
        self.matches.iter().filter(move |m| m.cycle == self.cycle)
    }
}

/// A measurable program goal ("match rate >= 70 %").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Unique within the program.
    pub id: GoalId,
    /// What the goal is ("Retain new hires").
    pub title: String,
    /// What is measured ("12-month retention of mentees").
    pub metric: String,
    /// How the measured value is compared with the target.
    pub comparison: Comparison,
    /// The target value, in `unit`. Always finite.
    pub target: f64,
    /// The unit of `target` and `baseline`.
    pub unit: MetricUnit,
    /// The value before the program, if known. Always finite.
    pub baseline: Option<f64>,
}

/// How a goal's measured value is compared with its target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Measured value >= target.
    #[default]
    AtLeast,
    /// Measured value <= target.
    AtMost,
    /// Measured value rises by at least target over the baseline.
    IncreaseBy,
    /// Measured value falls by at least target below the baseline.
    DecreaseBy,
}

impl Comparison {
    /// All comparisons.
    pub const ALL: [Comparison; 4] = [
        Comparison::AtLeast,
        Comparison::AtMost,
        Comparison::IncreaseBy,
        Comparison::DecreaseBy,
    ];

    /// A short symbol or phrase for display.
    pub fn label(self) -> &'static str {
        match self {
            Comparison::AtLeast => "at least",
            Comparison::AtMost => "at most",
            Comparison::IncreaseBy => "increase by",
            Comparison::DecreaseBy => "decrease by",
        }
    }

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Comparison::AtLeast => "at_least",
            Comparison::AtMost => "at_most",
            Comparison::IncreaseBy => "increase_by",
            Comparison::DecreaseBy => "decrease_by",
        }
    }

    /// Parses the file name of a comparison.
    pub fn from_key(key: &str) -> Option<Comparison> {
        Comparison::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The unit of a goal's target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricUnit {
    /// Percent (0-100 for rates; percentage points for increases).
    #[default]
    Percent,
    /// A count of people, meetings, ...
    Count,
    /// Hours.
    Hours,
    /// Points on a scale (e.g. satisfaction 1-5).
    Points,
}

impl MetricUnit {
    /// All units.
    pub const ALL: [MetricUnit; 4] = [
        MetricUnit::Percent,
        MetricUnit::Count,
        MetricUnit::Hours,
        MetricUnit::Points,
    ];

    /// The unit as written after a value ("%", "people").
    pub fn label(self) -> &'static str {
        match self {
            MetricUnit::Percent => "%",
            MetricUnit::Count => "count",
            MetricUnit::Hours => "hours",
            MetricUnit::Points => "points",
        }
    }

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            MetricUnit::Percent => "percent",
            MetricUnit::Count => "count",
            MetricUnit::Hours => "hours",
            MetricUnit::Points => "points",
        }
    }

    /// Parses the file name of a unit.
    pub fn from_key(key: &str) -> Option<MetricUnit> {
        MetricUnit::ALL.into_iter().find(|u| u.key() == key)
    }
}

/// A step of every relationship's timeline, relative to the match date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// Unique within the program.
    pub id: MilestoneId,
    /// "Mentoring agreement signed", "First meeting", ...
    pub name: String,
    /// Days after the match is published.
    pub offset_days: u32,
}

/// The type and constraints of a custom profile question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// Pick one of the options.
    SingleChoice {
        /// The allowed answers, in display order.
        options: Vec<String>,
    },
    /// Pick any number of the options.
    MultipleChoice {
        /// The allowed answers, in display order.
        options: Vec<String>,
    },
    /// A whole number on a scale (e.g. 1-5).
    Scale {
        /// Lowest allowed value.
        min: i32,
        /// Highest allowed value.
        max: i32,
    },
    /// Any finite number.
    Number,
    /// Free text, one line.
    ShortText,
}

impl FieldKind {
    /// The name of the kind used in files (`type`).
    pub fn key(&self) -> &'static str {
        match self {
            FieldKind::SingleChoice { .. } => "single_choice",
            FieldKind::MultipleChoice { .. } => "multiple_choice",
            FieldKind::Scale { .. } => "scale",
            FieldKind::Number => "number",
            FieldKind::ShortText => "short_text",
        }
    }

    /// A human label of the kind.
    pub fn label(&self) -> &'static str {
        match self {
            FieldKind::SingleChoice { .. } => "Single choice",
            FieldKind::MultipleChoice { .. } => "Multiple choice",
            FieldKind::Scale { .. } => "Scale",
            FieldKind::Number => "Number",
            FieldKind::ShortText => "Short text",
        }
    }
}

/// A custom profile question ("Which office are you in?").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileField {
    /// Unique within the program; answers refer to it.
    pub id: FieldId,
    /// The question as asked.
    pub label: String,
    /// Type and constraints of the answer.
    pub kind: FieldKind,
    /// Sensitive answers (gender, ethnicity, ...) are never shown in shared views and only
    /// reported in aggregate.
    pub sensitive: bool,
    /// Whether matching may use the answers (as a criterion or a rule).
    pub use_for_matching: bool,
    /// Which roles are asked the question.
    pub asked_of: AskedOf,
}

/// Which participants a profile question is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AskedOf {
    /// Everybody.
    #[default]
    Everyone,
    /// Mentors (and people who can be either).
    Mentors,
    /// Mentees (and people who can be either).
    Mentees,
}

/// An answer to a profile question. Which variant is valid depends on the question's kind:
/// `Text` for single choice and short text, `Many` for multiple choice, `Number` for scale
/// and number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A number (always finite).
    Number(f64),
    /// One choice or free text.
    Text(String),
    /// Several choices.
    Many(Vec<String>),
}

/// A skill of the program vocabulary ("Public speaking", cluster "Communication").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    /// Unique within the program.
    pub id: SkillId,
    /// Display name, unique (case-insensitively) within the program.
    pub name: String,
    /// A grouping used for display and partial credit in scoring ("Communication").
    pub cluster: String,
}

/// Proficiency on a skill, 1 (basic) to 5 (expert).
pub const SKILL_LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// A skill a person offers or wants, with a level: for an offer the mentor's proficiency,
/// for a want the level the mentee wants to reach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillLevel {
    /// The skill.
    pub skill: SkillId,
    /// 1-5, see [`SKILL_LEVELS`].
    pub level: u8,
}
