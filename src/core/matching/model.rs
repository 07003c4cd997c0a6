//! What matching reads and writes: the algorithm, criteria and hard rules, and the
//! matches (relationships) with their check-ins.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::date::Date;
use crate::core::program::model::{FieldId, MatchId, PersonId};
use crate::core::relationships::model::{
    Agreement, CheckIn, Event, Meeting, MilestonesDone, RelationshipGoal,
};

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
    /// Stopped before the end (its timeline says why).
    EndedEarly,
    /// Published, but a participant turned it down before it started.
    Declined,
}

impl MatchStatus {
    /// All statuses.
    pub const ALL: [MatchStatus; 6] = [
        MatchStatus::Proposed,
        MatchStatus::Active,
        MatchStatus::OnHold,
        MatchStatus::Completed,
        MatchStatus::EndedEarly,
        MatchStatus::Declined,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            MatchStatus::Proposed => "Proposed (draft)",
            MatchStatus::Active => "Active",
            MatchStatus::OnHold => "On hold",
            MatchStatus::Completed => "Completed",
            MatchStatus::EndedEarly => "Ended early",
            MatchStatus::Declined => "Declined",
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
            MatchStatus::Declined => "declined",
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
    /// Every change of status since it was published: when, who asked, why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// The meetings logged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    /// The check-ins answered by the mentor or the mentee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    /// The goals the pair set for itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<RelationshipGoal>,
    /// What they agreed at the start.
    #[serde(default, skip_serializing_if = "Agreement::is_empty")]
    pub agreement: Agreement,
    /// The program's milestones this relationship reached, with the day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub milestones: MilestonesDone,
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
            events: Vec::new(),
            meetings: Vec::new(),
            check_ins: Vec::new(),
            goals: Vec::new(),
            agreement: Agreement::default(),
            milestones: MilestonesDone::new(),
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
