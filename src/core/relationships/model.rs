//! What a published relationship records as it runs: its timeline of status changes,
//! meetings, check-ins, goals, agreement and milestones; and the program's follow-up
//! settings (when check-ins are due, the thresholds of health, the rematch cooldown).
//!
//! These records hang off a [`crate::core::model::Match`] (a published match is a
//! relationship); they are empty for drafts and left out of the file while empty.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::date::Date;
use crate::core::model::{CheckInId, MatchId, MeetingId, MilestoneId, PersonId, RelGoalId};

/// Declares a small enum with its file keys and its words, in one table.
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in the order menus list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The name used in files and on the command line.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }

            /// What it is called in the UI.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }

            /// Parses [`Self::key`].
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|x| x.key() == key)
            }
        }
    };
}

keyed_enum!(
    /// Who asked for a change, logged a meeting or answered a check-in.
    Actor {
        /// The program's coordinator.
        Coordinator => "coordinator", "Coordinator";
        /// The relationship's mentor.
        Mentor => "mentor", "Mentor";
        /// The relationship's mentee.
        Mentee => "mentee", "Mentee";
    }
);

keyed_enum!(
    /// Why a relationship changed status, in plain words. Ending early is no-fault by
    /// default: the reasons say what happened, not whose fault it was.
    ReasonCode {
        /// The goals were met.
        GoalsMet => "goals_met", "Goals met";
        /// The agreed time is up.
        TimeUp => "time_up", "Time is up";
        /// One of them has no time for it now.
        NoTime => "no_time", "No time right now";
        /// They are not a good fit.
        PoorFit => "poor_fit", "Not a good fit";
        /// Something changed in someone's life.
        LifeChange => "life_change", "A change in circumstances";
        /// Someone left the organisation.
        LeftOrganisation => "left_organisation", "Left the organisation";
        /// A conduct concern.
        Conduct => "conduct", "A conduct concern";
        /// One of them stopped answering.
        Unresponsive => "unresponsive", "No longer responding";
        /// Anything else (the note says what).
        Other => "other", "Other";
    }
);

keyed_enum!(
    /// How a meeting happened.
    MeetingMode {
        /// In the same room.
        InPerson => "in_person", "In person";
        /// A video call.
        Video => "video", "Video";
        /// A phone call.
        Phone => "phone", "Phone";
        /// Written chat.
        Chat => "chat", "Chat";
    }
);

keyed_enum!(
    /// "On track?" in a check-in.
    OnTrack {
        /// Yes.
        Yes => "yes", "Yes";
        /// No.
        No => "no", "No";
        /// Not sure.
        Unsure => "unsure", "Not sure";
    }
);

keyed_enum!(
    /// The fit question asked after the first meeting.
    Fit {
        /// A good fit.
        Good => "good", "A good fit";
        /// Still deciding.
        Deciding => "deciding", "Still deciding";
        /// Not a good fit.
        Poor => "poor", "Not a good fit";
    }
);

keyed_enum!(
    /// Where a relationship goal stands.
    GoalStatus {
        /// Being worked on.
        Open => "open", "Open";
        /// Reached.
        Achieved => "achieved", "Achieved";
        /// Given up or no longer relevant.
        Dropped => "dropped", "Dropped";
    }
);

/// One change of a relationship's status, on its timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When it took effect.
    pub date: Date,
    /// The status the relationship moved to.
    pub to: crate::core::model::MatchStatus,
    /// Who asked for it.
    pub by: Actor,
    /// Why, if said.
    pub reason: Option<ReasonCode>,
    /// A note only coordinators see.
    pub note: String,
}

impl Event {
    /// The event of publishing: the coordinator started the relationship on `date`.
    pub fn published(date: Date) -> Event {
        Event {
            date,
            to: crate::core::model::MatchStatus::Active,
            by: Actor::Coordinator,
            reason: None,
            note: String::new(),
        }
    }
}

/// A meeting of the pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Unique within the program.
    pub id: MeetingId,
    /// When it happened.
    pub date: Date,
    /// How long, in minutes ([`MEETING_MINUTES`]); `None` when nobody said (a check-in
    /// answered "we met" without a length). Hours add up the known lengths.
    pub minutes: Option<u16>,
    /// How it happened, if known.
    pub mode: Option<MeetingMode>,
    /// Who logged it.
    pub logged_by: Actor,
    /// A note only coordinators see.
    pub note: String,
}

/// The shortest and longest meeting that can be logged, in minutes.
pub const MEETING_MINUTES: std::ops::RangeInclusive<u16> = 5..=600;

/// A pulse check-in: how the mentoring is going, from the mentor or the mentee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Unique within the program.
    pub id: CheckInId,
    /// When it was answered.
    pub date: Date,
    /// Who answered.
    pub from: Actor,
    /// "How is your mentoring going?", 1 (badly) to 5 (very well).
    pub rating: Option<u8>,
    /// "On track?".
    pub on_track: Option<OnTrack>,
    /// The fit question, after the first meeting.
    pub fit: Option<Fit>,
    /// What they wrote (coordinators only; never in shared views).
    pub comment: String,
    /// The form tool's timestamp of the response, when imported: the same respondent and
    /// timestamp twice is a duplicate.
    pub submitted: Option<String>,
}

/// A goal the pair set for itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipGoal {
    /// Unique within the program.
    pub id: RelGoalId,
    /// What the goal is.
    pub title: String,
    /// How they will know it is reached.
    pub success_criteria: String,
    /// When they want to reach it.
    pub target_date: Option<Date>,
    /// How far they are, 0-100 %.
    pub progress: u8,
    /// Open, achieved or dropped.
    pub status: GoalStatus,
}

/// What mentor and mentee agreed at the start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// How often they meet ("every two weeks").
    pub meeting_frequency: String,
    /// When they expect to finish.
    pub expected_end: Option<Date>,
    /// They agreed to keep what is said confidential.
    pub confidentiality: bool,
    /// They agreed either may end it without giving a fault.
    pub no_fault_ending: bool,
    /// When the mentor agreed.
    pub mentor_agreed: Option<Date>,
    /// When the mentee agreed.
    pub mentee_agreed: Option<Date>,
}

impl Agreement {
    /// Whether nothing was agreed yet (then the file leaves it out).
    pub fn is_empty(&self) -> bool {
        *self == Agreement::default()
    }
}

/// The program's milestones reached by one relationship: milestone -> the day it was done.
pub type MilestonesDone = BTreeMap<MilestoneId, Date>;

/// A mentee waiting for a new mentor after a relationship ended early, and the mentor's
/// place that became free.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RematchEntry {
    /// The mentee.
    pub mentee: PersonId,
    /// The mentor whose place became free.
    pub mentor: PersonId,
    /// The relationship that ended.
    pub ended: MatchId,
    /// Runs leave the mentee out until this day (the cooldown).
    pub available_from: Date,
}

/// When check-ins are due, what counts as a stalled relationship, and how long a mentee
/// waits before a rematch: every threshold of follow-up, with the defaults the issue and
/// the established platforms use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpSettings {
    /// Days from the start to the first check-in.
    pub first_check_in_days: u16,
    /// Days between check-ins after the first.
    pub check_in_every_days: u16,
    /// A latest rating at or below this is at risk.
    pub low_rating: u8,
    /// No meeting ever logged this many days after the start is at risk.
    pub no_meeting_ever_days: u16,
    /// No meeting logged this many days after the start needs attention.
    pub first_meeting_days: u16,
    /// The last meeting more than this many days ago needs attention.
    pub recent_meeting_days: u16,
    /// A check-in overdue by more than this many days needs attention.
    pub check_in_grace_days: u16,
    /// A relationship younger than this is too early to judge.
    pub too_early_days: u16,
    /// Days a mentee waits after ending early before a run matches them again.
    pub rematch_cooldown_days: u16,
}

impl Default for FollowUpSettings {
    fn default() -> Self {
        FollowUpSettings {
            first_check_in_days: 30,
            check_in_every_days: 60,
            low_rating: 2,
            no_meeting_ever_days: 42,
            first_meeting_days: 21,
            recent_meeting_days: 45,
            check_in_grace_days: 14,
            too_early_days: 21,
            rematch_cooldown_days: 14,
        }
    }
}

impl FollowUpSettings {
    /// Whether every setting has its default (then the file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == FollowUpSettings::default()
    }
}

/// One of the [`FollowUpSettings`], with its words and range, so forms, the file reader
/// and the command-line tool say the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpSetting {
    /// [`FollowUpSettings::first_check_in_days`].
    FirstCheckIn,
    /// [`FollowUpSettings::check_in_every_days`].
    CheckInEvery,
    /// [`FollowUpSettings::check_in_grace_days`].
    CheckInGrace,
    /// [`FollowUpSettings::too_early_days`].
    TooEarly,
    /// [`FollowUpSettings::first_meeting_days`].
    FirstMeeting,
    /// [`FollowUpSettings::no_meeting_ever_days`].
    NoMeetingEver,
    /// [`FollowUpSettings::recent_meeting_days`].
    RecentMeeting,
    /// [`FollowUpSettings::low_rating`].
    LowRating,
    /// [`FollowUpSettings::rematch_cooldown_days`].
    RematchCooldown,
}

impl FollowUpSetting {
    /// Every setting, in the order a form lists them.
    pub const ALL: [FollowUpSetting; 9] = [
        FollowUpSetting::FirstCheckIn,
        FollowUpSetting::CheckInEvery,
        FollowUpSetting::CheckInGrace,
        FollowUpSetting::TooEarly,
        FollowUpSetting::FirstMeeting,
        FollowUpSetting::NoMeetingEver,
        FollowUpSetting::RecentMeeting,
        FollowUpSetting::LowRating,
        FollowUpSetting::RematchCooldown,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            FollowUpSetting::FirstCheckIn => "first_check_in_days",
            FollowUpSetting::CheckInEvery => "check_in_every_days",
            FollowUpSetting::CheckInGrace => "check_in_grace_days",
            FollowUpSetting::TooEarly => "too_early_days",
            FollowUpSetting::FirstMeeting => "first_meeting_days",
            FollowUpSetting::NoMeetingEver => "no_meeting_ever_days",
            FollowUpSetting::RecentMeeting => "recent_meeting_days",
            FollowUpSetting::LowRating => "low_rating",
            FollowUpSetting::RematchCooldown => "rematch_cooldown_days",
        }
    }

    /// What a form calls it.
    pub fn label(self) -> &'static str {
        match self {
            FollowUpSetting::FirstCheckIn => "First check-in, days after the start",
            FollowUpSetting::CheckInEvery => "Then a check-in every (days)",
            FollowUpSetting::CheckInGrace => "A check-in is overdue after (days)",
            FollowUpSetting::TooEarly => "Too early to tell for the first (days)",
            FollowUpSetting::FirstMeeting => "No first meeting needs attention after (days)",
            FollowUpSetting::NoMeetingEver => "No meeting at all is at risk after (days)",
            FollowUpSetting::RecentMeeting => "No meeting lately needs attention after (days)",
            FollowUpSetting::LowRating => "A rating at or below this is at risk (1-5)",
            FollowUpSetting::RematchCooldown => "Rematch cooldown (days)",
        }
    }

    /// The values it may take.
    pub fn range(self) -> std::ops::RangeInclusive<u16> {
        match self {
            FollowUpSetting::LowRating => 1..=4,
            FollowUpSetting::RematchCooldown => 0..=365,
            FollowUpSetting::CheckInGrace => 0..=365,
            _ => 1..=3650,
        }
    }

    /// Its value in `s`.
    pub fn get(self, s: &FollowUpSettings) -> u16 {
        match self {
            FollowUpSetting::FirstCheckIn => s.first_check_in_days,
            FollowUpSetting::CheckInEvery => s.check_in_every_days,
            FollowUpSetting::CheckInGrace => s.check_in_grace_days,
            FollowUpSetting::TooEarly => s.too_early_days,
            FollowUpSetting::FirstMeeting => s.first_meeting_days,
            FollowUpSetting::NoMeetingEver => s.no_meeting_ever_days,
            FollowUpSetting::RecentMeeting => s.recent_meeting_days,
            FollowUpSetting::LowRating => u16::from(s.low_rating),
            FollowUpSetting::RematchCooldown => s.rematch_cooldown_days,
        }
    }

    /// Sets its value in `s` (the caller checks [`FollowUpSetting::range`]).
    pub fn set(self, s: &mut FollowUpSettings, v: u16) {
        match self {
            FollowUpSetting::FirstCheckIn => s.first_check_in_days = v,
            FollowUpSetting::CheckInEvery => s.check_in_every_days = v,
            FollowUpSetting::CheckInGrace => s.check_in_grace_days = v,
            FollowUpSetting::TooEarly => s.too_early_days = v,
            FollowUpSetting::FirstMeeting => s.first_meeting_days = v,
            FollowUpSetting::NoMeetingEver => s.no_meeting_ever_days = v,
            FollowUpSetting::RecentMeeting => s.recent_meeting_days = v,
            FollowUpSetting::LowRating => s.low_rating = u8::try_from(v).unwrap_or(u8::MAX),
            FollowUpSetting::RematchCooldown => s.rematch_cooldown_days = v,
        }
    }
}
