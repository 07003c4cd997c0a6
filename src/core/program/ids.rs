//! The ids of a program's records: short, stable, never reused (see
//! [`crate::core::program::model`]'s section on identity).

use std::fmt;

use serde::{Deserialize, Serialize};

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
id_type!(
    /// Identifies a meeting logged on a relationship.
    MeetingId
);
id_type!(
    /// Identifies a goal a relationship set for itself.
    RelGoalId
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
    /// A meeting (`mt…`).
    Meeting,
    /// A relationship's goal (`rg…`).
    RelGoal,
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
            IdKind::Meeting => "mt",
            IdKind::RelGoal => "rg",
        }
    }
}
