//! The program model: everything a mentoring program file holds.
//!
//! The types here are plain data (no signals, no browser types) and serialize to the
//! `program` object of the program file (see [`crate::core::file_format`]). Field order in
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
//! [`crate::core::validate::validate`] checks the invariants a program must satisfy before it
//! is saved or exported (unique ids, references that resolve, finite numbers, ranges).
//! [`crate::core::file_format`]'s restore step repairs imported data until they hold.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::date::Date;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// Identifies a program within a browser's library (and across exported files).
    ProgramId
);
id_type!(
    /// Identifies a participant within a program.
    PersonId
);
id_type!(
    /// Identifies a custom profile question within a program.
    FieldId
);
id_type!(
    /// Identifies a skill of the program's vocabulary.
    SkillId
);
id_type!(
    /// Identifies a program goal.
    GoalId
);
id_type!(
    /// Identifies a milestone of the program timeline.
    MilestoneId
);
id_type!(
    /// Identifies a match (a mentor-mentee relationship, proposed or active).
    MatchId
);
id_type!(
    /// Identifies a check-in recorded on a relationship.
    CheckInId
);

/// What kind of record an id is for; decides the id's prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A participant (`p…`).
    Person,
    /// A profile question (`f…`).
    Field,
    /// A skill (`s…`).
    Skill,
    /// A goal (`g…`).
    Goal,
    /// A milestone (`ms…`).
    Milestone,
    /// A match (`m…`).
    Match,
    /// A check-in (`c…`).
    CheckIn,
}

impl IdKind {
    /// The prefix of ids of this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            IdKind::Person => "p",
            IdKind::Field => "f",
            IdKind::Skill => "s",
            IdKind::Goal => "g",
            IdKind::Milestone => "ms",
            IdKind::Match => "m",
            IdKind::CheckIn => "c",
        }
    }
}

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

/// Which matching algorithm produced or should produce matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Algorithm {
    /// Maximise the total score of all pairs.
    #[default]
    Optimal,
    /// Match as many mentees as possible, then maximise the total score.
    Participation,
    /// Stable matching from ranked preferences (mentee-proposing deferred acceptance).
    Stable,
    /// Circles: one mentor with several mentees.
    Groups,
    /// Suggest the best N mentors to each mentee, who then chooses.
    TopN,
}

impl Algorithm {
    /// All algorithms.
    pub const ALL: [Algorithm; 5] = [
        Algorithm::Optimal,
        Algorithm::Participation,
        Algorithm::Stable,
        Algorithm::Groups,
        Algorithm::TopN,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Algorithm::Optimal => "Highest total score",
            Algorithm::Participation => "Most people matched",
            Algorithm::Stable => "Ranked preferences (stable)",
            Algorithm::Groups => "Group circles",
            Algorithm::TopN => "Top-N suggestions",
        }
    }

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Algorithm::Optimal => "optimal",
            Algorithm::Participation => "participation",
            Algorithm::Stable => "stable",
            Algorithm::Groups => "groups",
            Algorithm::TopN => "top_n",
        }
    }

    /// Parses the file name of an algorithm.
    pub fn from_key(key: &str) -> Option<Algorithm> {
        Algorithm::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// The most a criterion can weigh; a criterion at this weight is a hard rule ("must have").
pub const MUST_HAVE: u8 = 10;

/// Whether a criterion prefers equal or different values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    /// Prefer pairs with the same value.
    Same,
    /// Prefer pairs with different values.
    #[default]
    Different,
    /// Prefer pairs whose (multi-choice) values overlap.
    Overlap,
}

/// What a matching criterion compares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CriterionKind {
    /// Skills the mentee wants vs skills the mentor offers (with levels).
    Skills,
    /// Mentee's goals vs goals the mentor can help with.
    Goals,
    /// Mentor more senior than the mentee by a gap within the range.
    SeniorityGap {
        /// Smallest preferred gap (mentor minus mentee).
        min: i8,
        /// Largest preferred gap.
        max: i8,
    },
    /// Same or different department.
    Department {
        /// Same or different.
        prefer: Preference,
    },
    /// Closeness of time zones.
    TimeZone,
    /// At least one shared language.
    Language,
    /// A custom profile question.
    Field {
        /// The question.
        field: FieldId,
        /// Same, different or overlapping answers.
        prefer: Preference,
    },
}

/// A weighted matching criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// What is compared.
    #[serde(flatten)]
    pub kind: CriterionKind,
    /// 0 (ignored) to 10 ("must have": a hard rule).
    pub weight: u8,
}

/// Hard rules: pairs they exclude are never proposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// Never pair people of the same team.
    pub exclude_same_team: bool,
    /// Never pair a person with their manager or with someone sharing their manager.
    pub exclude_same_manager: bool,
    /// Never pair people of the same department.
    pub exclude_same_department: bool,
    /// Largest allowed time-zone difference in hours, if any.
    pub max_time_zone_hours: Option<u8>,
    /// Pairs scoring below this (0-100) are excluded.
    pub min_score: u8,
    /// Never repeat a pair matched in an earlier cycle.
    pub no_repeat_pairs: bool,
    /// How many mentors one mentee may have (usually 1).
    pub mentee_max_mentors: u8,
    /// Pairs that must never be matched.
    pub forbidden_pairs: Vec<PairRef>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            exclude_same_team: true,
            exclude_same_manager: true,
            exclude_same_department: false,
            max_time_zone_hours: None,
            min_score: 0,
            no_repeat_pairs: true,
            mentee_max_mentors: 1,
            forbidden_pairs: Vec::new(),
        }
    }
}

/// A mentor-mentee pair named by ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PairRef {
    /// The mentor.
    pub mentor: PersonId,
    /// The mentee.
    pub mentee: PersonId,
}

/// How the program matches people: criteria, rules and algorithm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatchingConfig {
    /// The algorithm the next run uses.
    pub algorithm: Algorithm,
    /// Weighted criteria that make up the 0-100 score.
    pub criteria: Vec<Criterion>,
    /// Hard rules.
    pub rules: Rules,
    /// Mentees per circle in group format.
    pub group_size: u8,
    /// Suggestions per mentee for mentee-chooses programs.
    pub top_n: u8,
}

impl Default for MatchingConfig {
    fn default() -> Self {
        MatchingConfig {
            algorithm: Algorithm::Optimal,
            criteria: vec![
                Criterion {
                    kind: CriterionKind::Skills,
                    weight: 8,
                },
                Criterion {
                    kind: CriterionKind::Goals,
                    weight: 5,
                },
                Criterion {
                    kind: CriterionKind::SeniorityGap { min: 1, max: 4 },
                    weight: 4,
                },
                Criterion {
                    kind: CriterionKind::Department {
                        prefer: Preference::Different,
                    },
                    weight: 3,
                },
                Criterion {
                    kind: CriterionKind::TimeZone,
                    weight: 4,
                },
                Criterion {
                    kind: CriterionKind::Language,
                    weight: 6,
                },
            ],
            rules: Rules::default(),
            group_size: 4,
            top_n: 3,
        }
    }
}

/// Where a relationship is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    /// A draft: proposed by matching or by hand, not yet published.
    #[default]
    Proposed,
    /// Published and running.
    Active,
    /// Paused.
    OnHold,
    /// Ran its course.
    Completed,
    /// Stopped before the end (see `end_reason`).
    EndedEarly,
}

impl MatchStatus {
    /// All statuses.
    pub const ALL: [MatchStatus; 5] = [
        MatchStatus::Proposed,
        MatchStatus::Active,
        MatchStatus::OnHold,
        MatchStatus::Completed,
        MatchStatus::EndedEarly,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            MatchStatus::Proposed => "Proposed (draft)",
            MatchStatus::Active => "Active",
            MatchStatus::OnHold => "On hold",
            MatchStatus::Completed => "Completed",
            MatchStatus::EndedEarly => "Ended early",
        }
    }

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            MatchStatus::Proposed => "proposed",
            MatchStatus::Active => "active",
            MatchStatus::OnHold => "on_hold",
            MatchStatus::Completed => "completed",
            MatchStatus::EndedEarly => "ended_early",
        }
    }

    /// Parses the file name of a status.
    pub fn from_key(key: &str) -> Option<MatchStatus> {
        MatchStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the relationship still uses the mentor's capacity.
    pub fn uses_capacity(self) -> bool {
        matches!(
            self,
            MatchStatus::Proposed | MatchStatus::Active | MatchStatus::OnHold
        )
    }
}

/// How a match came about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchSource {
    /// Proposed by a matching algorithm.
    #[default]
    Algorithm,
    /// Made by hand by the coordinator.
    Manual,
    /// Chosen by the mentee from suggestions.
    MenteeChoice,
    /// Brought in from a file or an earlier system.
    Imported,
}

impl MatchSource {
    /// All sources.
    pub const ALL: [MatchSource; 4] = [
        MatchSource::Algorithm,
        MatchSource::Manual,
        MatchSource::MenteeChoice,
        MatchSource::Imported,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            MatchSource::Algorithm => "algorithm",
            MatchSource::Manual => "manual",
            MatchSource::MenteeChoice => "mentee_choice",
            MatchSource::Imported => "imported",
        }
    }

    /// Parses the file name of a source.
    pub fn from_key(key: &str) -> Option<MatchSource> {
        MatchSource::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A mentor-mentee relationship, from draft to closure. In group format, the mentees of
/// one circle each have a match with the same mentor and the same `circle` number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Unique within the program.
    pub id: MatchId,
    /// The mentor.
    pub mentor: PersonId,
    /// The mentee.
    pub mentee: PersonId,
    /// Circle number in group format (matches with the same mentor and circle form a group).
    pub circle: Option<u32>,
    /// Draft, active, ...
    pub status: MatchStatus,
    /// A locked match is kept by re-runs and uses the mentor's capacity (a pinned pair).
    pub locked: bool,
    /// The pair's score (0-100) when it was proposed, if scored.
    pub score: Option<u8>,
    /// How the match came about.
    pub source: MatchSource,
    /// The matching cycle the match belongs to.
    pub cycle: u32,
    /// When the relationship started (set on publish).
    pub started_on: Option<Date>,
    /// When it ended, if it has.
    pub ended_on: Option<Date>,
    /// Why it ended early, if it did.
    pub end_reason: String,
    /// Pulse surveys and meetings recorded on the relationship.
    pub check_ins: Vec<CheckIn>,
}

impl Match {
    /// A proposed match of the given cycle.
    pub fn proposed(
        id: MatchId,
        mentor: PersonId,
        mentee: PersonId,
        score: Option<u8>,
        cycle: u32,
    ) -> Match {
        Match {
            id,
            mentor,
            mentee,
            circle: None,
            status: MatchStatus::Proposed,
            locked: false,
            score,
            source: MatchSource::Algorithm,
            cycle,
            started_on: None,
            ended_on: None,
            end_reason: String::new(),
            check_ins: Vec::new(),
        }
    }

    /// The pair as ids.
    pub fn pair(&self) -> PairRef {
        PairRef {
            mentor: self.mentor.clone(),
            mentee: self.mentee.clone(),
        }
    }
}

/// What a check-in records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInKind {
    /// A pulse survey answer.
    #[default]
    Pulse,
    /// A meeting log entry.
    Meeting,
}

/// A pulse survey answer or a logged meeting on a relationship.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Unique within the program.
    pub id: CheckInId,
    /// When it happened.
    pub date: Date,
    /// Pulse or meeting.
    pub kind: CheckInKind,
    /// How it is going, 1 (badly) to 5 (very well).
    pub sentiment: Option<u8>,
    /// Whether the pair says it is on track.
    pub on_track: Option<bool>,
    /// Meeting length in minutes.
    pub minutes: Option<u16>,
    /// Progress on the mentee's goals, 0-100 %.
    pub goal_progress: Option<u8>,
    /// Free notes.
    pub notes: String,
}
