//! The hard rules that exclude a pair, and what one byte of a score matrix means.

use std::fmt;

/// The largest score.
pub const MAX_SCORE: u8 = 100;

/// Similarity given when data is missing (half marks).
pub(super) const NEUTRAL: u16 = 500;
/// Similarity scale.
pub(super) const FULL: u16 = 1000;
/// Time-zone "must have" is met up to this distance.
pub(super) const TZ_MUST_MINUTES: u16 = 6 * 60;

pub(super) const CODE_SAME_PERSON: u8 = 101;
pub(super) const CODE_FORBIDDEN: u8 = 102;
pub(super) const CODE_REPEAT: u8 = 103;
pub(super) const CODE_SAME_MANAGER: u8 = 104;
pub(super) const CODE_SAME_TEAM: u8 = 105;
pub(super) const CODE_SAME_DEPARTMENT: u8 = 106;
pub(super) const CODE_TZ: u8 = 107;
pub(super) const CODE_MIN_SCORE: u8 = 108;
pub(super) const CODE_MUST_BASE: u8 = 128;

/// A rule that can exclude a pair, without the pair's details (what
/// [`crate::core::matching`] counts when it explains why someone is unmatched).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExclusionRule {
    /// A person cannot mentor themself.
    SamePerson,
    /// The pair is on the forbidden list.
    Forbidden,
    /// The pair was matched in an earlier cycle.
    RepeatPair,
    /// Same manager, or one manages the other.
    SameManager,
    /// Same team.
    SameTeam,
    /// Same department.
    SameDepartment,
    /// Time zones too far apart.
    TimeZoneTooFar,
    /// A "must have" criterion is not met; the index is into `matching.criteria`.
    MustHave(usize),
    /// The score is below the minimum score.
    BelowMinScore,
}

impl ExclusionRule {
    /// A short human label ("same team").
    pub fn label(self) -> String {
        match self {
            ExclusionRule::SamePerson => "same person".into(),
            ExclusionRule::Forbidden => "forbidden pair".into(),
            ExclusionRule::RepeatPair => "matched in an earlier cycle".into(),
            ExclusionRule::SameManager => "same manager".into(),
            ExclusionRule::SameTeam => "same team".into(),
            ExclusionRule::SameDepartment => "same department".into(),
            ExclusionRule::TimeZoneTooFar => "time zones too far apart".into(),
            ExclusionRule::MustHave(i) => format!("must-have criterion #{} not met", i + 1),
            ExclusionRule::BelowMinScore => "below the minimum score".into(),
        }
    }
}

impl fmt::Display for ExclusionRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Why a pair is excluded, with the details an explanation shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExclusionReason {
    /// A person cannot mentor themself.
    SamePerson,
    /// The pair is on the forbidden list.
    Forbidden,
    /// The pair was matched in an earlier cycle.
    RepeatPair {
        /// The cycle of the earlier match.
        cycle: u32,
    },
    /// Same manager, or one manages the other.
    SameManager,
    /// Same team.
    SameTeam,
    /// Same department.
    SameDepartment,
    /// Time zones further apart than allowed.
    TimeZoneTooFar {
        /// How far apart, in minutes.
        apart_minutes: u16,
        /// The largest allowed difference, in hours.
        max_hours: u8,
    },
    /// A "must have" criterion is not met.
    MustHave {
        /// Index into `matching.criteria`.
        criterion: usize,
        /// The criterion's label.
        label: String,
    },
    /// The score is below the minimum.
    BelowMinScore {
        /// The pair's score.
        score: u8,
        /// The minimum.
        min: u8,
    },
}

impl ExclusionReason {
    /// The rule, without details.
    pub fn rule(&self) -> ExclusionRule {
        match self {
            ExclusionReason::SamePerson => ExclusionRule::SamePerson,
            ExclusionReason::Forbidden => ExclusionRule::Forbidden,
            ExclusionReason::RepeatPair { .. } => ExclusionRule::RepeatPair,
            ExclusionReason::SameManager => ExclusionRule::SameManager,
            ExclusionReason::SameTeam => ExclusionRule::SameTeam,
            ExclusionReason::SameDepartment => ExclusionRule::SameDepartment,
            ExclusionReason::TimeZoneTooFar { .. } => ExclusionRule::TimeZoneTooFar,
            ExclusionReason::MustHave { criterion, .. } => ExclusionRule::MustHave(*criterion),
            ExclusionReason::BelowMinScore { .. } => ExclusionRule::BelowMinScore,
        }
    }
}

impl fmt::Display for ExclusionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExclusionReason::RepeatPair { cycle } => {
                write!(f, "already matched in cycle {cycle}")
            }
            ExclusionReason::TimeZoneTooFar {
                apart_minutes,
                max_hours,
            } => write!(
                f,
                "time zones {} apart (maximum {max_hours} h)",
                hours_text(*apart_minutes)
            ),
            ExclusionReason::MustHave { label, .. } => write!(f, "must have: {label} not met"),
            ExclusionReason::BelowMinScore { score, min } => {
                write!(f, "score {score} is below the minimum of {min}")
            }
            other => f.write_str(&other.rule().label()),
        }
    }
}

pub(super) fn hours_text(minutes: u16) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {:02}", minutes / 60, minutes % 60)
    }
}

/// What one byte of a [`ScoreMatrix`] means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairCode {
    /// An allowed pair and its score 0-100.
    Score(u8),
    /// An excluded pair and the first rule (in the order of [`ExclusionRule`]) excluding it.
    Excluded(ExclusionRule),
}
