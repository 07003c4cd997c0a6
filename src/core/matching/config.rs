//! The matching set-up: criteria weights, hard rules, sizes and the algorithm, each change a
//! [`ConfigEdit`], with the limits the controls show and the one label of every criterion.

use thiserror::Error;

use crate::core::edit::{Change, Operation};
use crate::core::model::{Algorithm, CriterionKind, Preference, Program, Rules, MUST_HAVE};

/// A whole-number setting's name and range, for the control and its error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// What the setting is called ("Minimum score").
    pub what: &'static str,
    /// The smallest value.
    pub min: u8,
    /// The largest value.
    pub max: u8,
}

impl Limit {
    /// Checks a value against the range.
    ///
    /// # Errors
    /// [`ConfigError::OutOfRange`] naming the setting.
    pub fn check(self, value: u32) -> Result<u8, ConfigError> {
        match u8::try_from(value) {
            Ok(v) if (self.min..=self.max).contains(&v) => Ok(v),
            _ => Err(ConfigError::OutOfRange { limit: self, value }),
        }
    }
}

/// A criterion's weight: 0 ignores it, [`MUST_HAVE`] makes it a hard rule.
pub const WEIGHT: Limit = Limit {
    what: "The weight",
    min: 0,
    max: MUST_HAVE,
};
/// Pairs scoring below this are excluded.
pub const MIN_SCORE: Limit = Limit {
    what: "Minimum score",
    min: 0,
    max: 100,
};
/// The most hours two people's time zones may be apart.
pub const TIME_ZONE_HOURS: Limit = Limit {
    what: "Most time-zone hours apart",
    min: 0,
    max: 26,
};
/// How many mentors one mentee may have.
pub const MENTORS_PER_MENTEE: Limit = Limit {
    what: "Mentors per mentee",
    min: 1,
    max: 5,
};
/// Mentees per circle in group format.
pub const CIRCLE_SIZE: Limit = Limit {
    what: "Mentees per circle",
    min: 2,
    max: 30,
};
/// Suggestions per mentee in mentee-chooses programs.
pub const SUGGESTIONS: Limit = Limit {
    what: "Suggestions per mentee",
    min: 1,
    max: 20,
};

/// A hard rule that is on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSwitch {
    /// Never pair people of the same team.
    SameTeam,
    /// Never pair a person with their manager or someone sharing their manager.
    SameManager,
    /// Never pair people of the same department.
    SameDepartment,
    /// Never repeat a pair of an earlier cycle.
    RepeatPairs,
}

impl RuleSwitch {
    /// Every switch, in the order the rules card lists them.
    pub const ALL: [RuleSwitch; 4] = [
        RuleSwitch::SameTeam,
        RuleSwitch::SameManager,
        RuleSwitch::SameDepartment,
        RuleSwitch::RepeatPairs,
    ];

    /// The rule as the coordinator reads it ("Never the same team").
    pub fn label(self) -> &'static str {
        match self {
            RuleSwitch::SameTeam => "Never the same team",
            RuleSwitch::SameManager => "Never the same manager",
            RuleSwitch::SameDepartment => "Never the same department",
            RuleSwitch::RepeatPairs => "No pair from an earlier cycle",
        }
    }

    /// A stable key for element ids (`team`).
    pub fn key(self) -> &'static str {
        match self {
            RuleSwitch::SameTeam => "team",
            RuleSwitch::SameManager => "manager",
            RuleSwitch::SameDepartment => "department",
            RuleSwitch::RepeatPairs => "repeat",
        }
    }

    /// Whether the rule is on.
    pub fn get(self, rules: &Rules) -> bool {
        match self {
            RuleSwitch::SameTeam => rules.exclude_same_team,
            RuleSwitch::SameManager => rules.exclude_same_manager,
            RuleSwitch::SameDepartment => rules.exclude_same_department,
            RuleSwitch::RepeatPairs => rules.no_repeat_pairs,
        }
    }

    fn set(self, rules: &mut Rules, on: bool) {
        match self {
            RuleSwitch::SameTeam => rules.exclude_same_team = on,
            RuleSwitch::SameManager => rules.exclude_same_manager = on,
            RuleSwitch::SameDepartment => rules.exclude_same_department = on,
            RuleSwitch::RepeatPairs => rules.no_repeat_pairs = on,
        }
    }
}

/// One change to the matching set-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigEdit {
    /// Weigh a criterion (by its index in `matching.criteria`), 0 to [`MUST_HAVE`].
    SetWeight {
        /// Index into `matching.criteria`.
        criterion: usize,
        /// The new weight.
        weight: u8,
    },
    /// Turn a hard rule on or off.
    SetRule(RuleSwitch, bool),
    /// The minimum score ([`MIN_SCORE`]).
    SetMinScore(u8),
    /// The most time-zone hours apart ([`TIME_ZONE_HOURS`]), or none.
    SetMaxTimeZoneHours(Option<u8>),
    /// Mentors per mentee ([`MENTORS_PER_MENTEE`]).
    SetMentorsPerMentee(u8),
    /// Mentees per circle ([`CIRCLE_SIZE`]).
    SetCircleSize(u8),
    /// Suggestions per mentee ([`SUGGESTIONS`]).
    SetSuggestions(u8),
    /// The algorithm of the next run.
    SetAlgorithm(Algorithm),
}

/// Why a matching set-up change was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// A value outside its setting's range.
    #[error("{} must be from {} to {} (not {value})", .limit.what, .limit.min, .limit.max)]
    OutOfRange {
        /// The setting.
        limit: Limit,
        /// The value given.
        value: u32,
    },
    /// No criterion at this position.
    #[error("there is no criterion #{}", .0 + 1)]
    UnknownCriterion(usize),
}

impl Operation for ConfigEdit {
    type Report = ();
    type Error = ConfigError;

    fn apply(self, p: &mut Program) -> Result<Change, ConfigError> {
        let label = match self {
            ConfigEdit::SetWeight { criterion, weight } => {
                let weight = WEIGHT.check(u32::from(weight))?;
                let label = p
                    .matching
                    .criteria
                    .get(criterion)
                    .map(|c| criterion_label(p, &c.kind))
                    .ok_or(ConfigError::UnknownCriterion(criterion))?;
                if let Some(c) = p.matching.criteria.get_mut(criterion) {
                    c.weight = weight;
                }
                format!("Set the weight of \u{201c}{label}\u{201d} to {weight}")
            }
            ConfigEdit::SetRule(rule, on) => {
                rule.set(&mut p.matching.rules, on);
                let state = if on { "on" } else { "off" };
                format!("Turn \u{201c}{}\u{201d} {state}", rule.label())
            }
            ConfigEdit::SetMinScore(v) => {
                p.matching.rules.min_score = MIN_SCORE.check(u32::from(v))?;
                format!("Set the minimum score to {v}")
            }
            ConfigEdit::SetMaxTimeZoneHours(hours) => {
                p.matching.rules.max_time_zone_hours = hours
                    .map(|h| TIME_ZONE_HOURS.check(u32::from(h)))
                    .transpose()?;
                match hours {
                    Some(h) => format!("Allow at most {h} time-zone hours apart"),
                    None => "Allow any time-zone difference".to_owned(),
                }
            }
            ConfigEdit::SetMentorsPerMentee(v) => {
                p.matching.rules.mentee_max_mentors = MENTORS_PER_MENTEE.check(u32::from(v))?;
                format!("Allow {v} mentor(s) per mentee")
            }
            ConfigEdit::SetCircleSize(v) => {
                p.matching.group_size = CIRCLE_SIZE.check(u32::from(v))?;
                format!("Set circles to {v} mentees")
            }
            ConfigEdit::SetSuggestions(v) => {
                p.matching.top_n = SUGGESTIONS.check(u32::from(v))?;
                format!("Suggest {v} mentor(s) per mentee")
            }
            ConfigEdit::SetAlgorithm(a) => {
                p.matching.algorithm = a;
                format!("Match by \u{201c}{}\u{201d}", a.label())
            }
        };
        Ok(Change::labelled(label))
    }
}

/// What a preference is called after a criterion ("same answer").
pub fn preference_label(p: Preference) -> &'static str {
    match p {
        Preference::Same => "same answer",
        Preference::Different => "different answer",
        Preference::Overlap => "overlapping answers",
    }
}

/// The one label of a criterion, used by the matching set-up, explanations, reasons and
/// the command-line tool alike ("Skills", "Different department", "Office (same answer)").
pub fn criterion_label(program: &Program, kind: &CriterionKind) -> String {
    match kind {
        CriterionKind::Skills => "Skills".to_owned(),
        CriterionKind::Goals => "Goals".to_owned(),
        CriterionKind::SeniorityGap { min, max } => {
            let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
            format!("Seniority gap {lo} to {hi}")
        }
        CriterionKind::Department { prefer } => match prefer {
            Preference::Same => "Same department".to_owned(),
            _ => "Different department".to_owned(),
        },
        CriterionKind::TimeZone => "Time zone".to_owned(),
        CriterionKind::Language => "Language".to_owned(),
        CriterionKind::Field { field, prefer } => {
            let label = program
                .profile_fields
                .iter()
                .find(|f| &f.id == field)
                .map_or_else(|| field.to_string(), |f| f.label.trim().to_owned());
            format!("{label} ({})", preference_label(*prefer))
        }
    }
}
