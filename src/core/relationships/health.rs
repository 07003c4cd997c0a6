//! Each active relationship's health as of a date, with every reason, and when its
//! check-ins are due. Pure: the app passes today, the command-line tool `--as-of`.
//! A relationship on hold is paused and has no health until it resumes.
//!
//! The rules, with the program's [`FollowUpSettings`] (defaults in brackets):
//! - **at risk** when the latest check-in's rating is at most `low_rating` [2]
//!   (`low_rating`), the latest fit answer is "not a good fit" (`poor_fit`), or no meeting
//!   was ever logged more than `no_meeting_ever_days` [42] after the start
//!   (`no_meeting_ever`);
//! - else **needs attention** when: no meeting logged and more than `first_meeting_days`
//!   [21] since the start (`no_first_meeting`); the last meeting more than
//!   `recent_meeting_days` [45] ago (`no_recent_meeting`); a check-in overdue by more than
//!   `check_in_grace_days` [14] (`checkin_overdue`); a milestone overdue
//!   (`milestone_overdue`); still running past its end (the agreed end, else the
//!   program's) (`past_end`);
//! - else **too early** in the first `too_early_days` [21] after the start;
//! - else **on track**.
//!
//! Check-ins are due `first_check_in_days` [30] after the start, then every
//! `check_in_every_days` [60]; a due check-in is answered by any check-in received since
//! the one before it was due.

use std::fmt;

use super::lifecycle::start_of;
use super::model::{Fit, FollowUpSettings};
use crate::core::date::Date;
use crate::core::model::{Match, MatchStatus, Program};

/// A running relationship's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HealthState {
    /// Something is wrong now.
    AtRisk,
    /// Something is late.
    NeedsAttention,
    /// Too soon to tell.
    TooEarly,
    /// Fine.
    OnTrack,
}

impl HealthState {
    /// Every state, worst first.
    pub const ALL: [HealthState; 4] = [
        HealthState::AtRisk,
        HealthState::NeedsAttention,
        HealthState::TooEarly,
        HealthState::OnTrack,
    ];

    /// The name used in files and by the command-line tool.
    pub fn key(self) -> &'static str {
        match self {
            HealthState::AtRisk => "at_risk",
            HealthState::NeedsAttention => "needs_attention",
            HealthState::TooEarly => "too_early",
            HealthState::OnTrack => "on_track",
        }
    }

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            HealthState::AtRisk => "At risk",
            HealthState::NeedsAttention => "Needs attention",
            HealthState::TooEarly => "Too early to tell",
            HealthState::OnTrack => "On track",
        }
    }

    /// A symbol that says the state without colour ("!!", "!", "…", "✓").
    pub fn symbol(self) -> &'static str {
        match self {
            HealthState::AtRisk => "\u{203c}",
            HealthState::NeedsAttention => "!",
            HealthState::TooEarly => "\u{2026}",
            HealthState::OnTrack => "\u{2713}",
        }
    }

    /// Parses [`HealthState::key`].
    pub fn from_key(key: &str) -> Option<HealthState> {
        HealthState::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Why a relationship has its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HealthReason {
    /// The latest rating is low.
    LowRating {
        /// The rating.
        rating: u8,
        /// When it was given.
        date: Date,
    },
    /// The latest fit answer is "not a good fit".
    PoorFit {
        /// When.
        date: Date,
    },
    /// No meeting at all, long after the start.
    NoMeetingEver {
        /// Days since the start.
        days: i64,
    },
    /// No meeting yet, some time after the start.
    NoFirstMeeting {
        /// Days since the start.
        days: i64,
    },
    /// No meeting for a while.
    NoRecentMeeting {
        /// The last meeting.
        last: Date,
        /// Days since.
        days: i64,
    },
    /// A check-in is overdue.
    CheckInOverdue {
        /// When it was due.
        due: Date,
        /// Days since.
        days: i64,
    },
    /// A milestone is overdue.
    MilestoneOverdue {
        /// The milestone.
        name: String,
        /// When it was due.
        due: Date,
        /// Days since.
        days: i64,
    },
    /// Still running past its end.
    PastEnd {
        /// The end.
        end: Date,
        /// Days since.
        days: i64,
    },
}

impl HealthReason {
    /// The reason's code (files, the command-line tool).
    pub fn code(&self) -> &'static str {
        match self {
            HealthReason::LowRating { .. } => "low_rating",
            HealthReason::PoorFit { .. } => "poor_fit",
            HealthReason::NoMeetingEver { .. } => "no_meeting_ever",
            HealthReason::NoFirstMeeting { .. } => "no_first_meeting",
            HealthReason::NoRecentMeeting { .. } => "no_recent_meeting",
            HealthReason::CheckInOverdue { .. } => "checkin_overdue",
            HealthReason::MilestoneOverdue { .. } => "milestone_overdue",
            HealthReason::PastEnd { .. } => "past_end",
        }
    }

    /// Whether the reason makes a relationship at risk (else it needs attention).
    pub fn at_risk(&self) -> bool {
        matches!(
            self,
            HealthReason::LowRating { .. }
                | HealthReason::PoorFit { .. }
                | HealthReason::NoMeetingEver { .. }
        )
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

impl fmt::Display for HealthReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HealthReason::LowRating { rating, date } => {
                write!(f, "Latest check-in rated {rating} of 5 ({})", date.long())
            }
            HealthReason::PoorFit { date } => {
                write!(f, "Said \u{201c}not a good fit\u{201d} on {}", date.long())
            }
            HealthReason::NoMeetingEver { days: d } => {
                write!(f, "No meeting logged since the start: {}", days(*d))
            }
            HealthReason::NoFirstMeeting { days: d } => {
                write!(f, "No first meeting yet: {} since the start", days(*d))
            }
            HealthReason::NoRecentMeeting { last, days: d } => {
                write!(f, "No meeting logged since {}: {}", last.long(), days(*d))
            }
            HealthReason::CheckInOverdue { due, days: d } => write!(
                f,
                "Check-in due {} not answered: {} overdue",
                due.long(),
                days(*d)
            ),
            HealthReason::MilestoneOverdue { name, due, days: d } => write!(
                f,
                "\u{201c}{name}\u{201d} was due {}: {} overdue",
                due.long(),
                days(*d)
            ),
            HealthReason::PastEnd { end, days: d } => write!(
                f,
                "Still running {} after its end ({})",
                days(*d),
                end.long()
            ),
        }
    }
}

/// A running relationship's health, with every reason found (worst first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    /// The state.
    pub state: HealthState,
    /// Every reason for it, at-risk reasons first.
    pub reasons: Vec<HealthReason>,
}

/// Whether a relationship is running (active or on hold): only those have a health.
pub fn is_running(m: &Match) -> bool {
    matches!(m.status, MatchStatus::Active | MatchStatus::OnHold)
}

/// When a relationship's check-ins stand as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInsDue {
    /// The latest due date on or before the day, if any.
    pub last_due: Option<Date>,
    /// Whether that one was answered.
    pub answered: bool,
    /// The next due date after the day.
    pub next_due: Date,
}

impl CheckInsDue {
    /// Days the last due check-in is overdue (0 when answered or none is due yet).
    pub fn overdue_days(&self, as_of: Date) -> i64 {
        match self.last_due {
            Some(d) if !self.answered => d.days_until(as_of),
            _ => 0,
        }
    }
}

/// When `m`'s check-ins are due as of `as_of` (`None` without a start).
pub fn check_ins_due(m: &Match, s: &FollowUpSettings, as_of: Date) -> Option<CheckInsDue> {
    let start = start_of(m)?;
    let first = start.add_days(i64::from(s.first_check_in_days.max(1)));
    let every = i64::from(s.check_in_every_days.max(1));
    if as_of < first {
        return Some(CheckInsDue {
            last_due: None,
            answered: true,
            next_due: first,
        });
    }
    let k = first.days_until(as_of) / every;
    let last_due = first.add_days(k * every);
    let previous = if k == 0 {
        start
    } else {
        first.add_days((k - 1) * every)
    };
    let answered = m.check_ins.iter().any(|c| c.date > previous);
    Some(CheckInsDue {
        last_due: Some(last_due),
        answered,
        next_due: last_due.add_days(every),
    })
}

/// The relationship's end: the agreed end, else the program's end date.
pub fn end_of(p: &Program, m: &Match) -> Option<Date> {
    m.agreement.expected_end.or(p.end_date)
}

/// `m`'s health as of `as_of`; `None` unless it is active and has a start (a relationship
/// on hold is paused: its health resumes with it).
pub fn health(p: &Program, m: &Match, as_of: Date) -> Option<Health> {
    if m.status != MatchStatus::Active {
        return None;
    }
    let s = &p.follow_up;
    let start = start_of(m)?;
    let age = start.days_until(as_of);
    let mut reasons = Vec::new();
    // At risk.
    if let Some(latest) = m
        .check_ins
        .iter()
        .filter(|c| c.rating.is_some())
        .max_by_key(|c| c.date)
    {
        if let Some(rating) = latest.rating.filter(|r| *r <= s.low_rating) {
            reasons.push(HealthReason::LowRating {
                rating,
                date: latest.date,
            });
        }
    }
    if let Some(latest) = m
        .check_ins
        .iter()
        .filter(|c| c.fit.is_some())
        .max_by_key(|c| c.date)
    {
        if latest.fit == Some(Fit::Poor) {
            reasons.push(HealthReason::PoorFit { date: latest.date });
        }
    }
    let last_meeting = m.meetings.iter().map(|x| x.date).max();
    match last_meeting {
        None if age > i64::from(s.no_meeting_ever_days) => {
            reasons.push(HealthReason::NoMeetingEver { days: age });
        }
        None if age > i64::from(s.first_meeting_days) => {
            reasons.push(HealthReason::NoFirstMeeting { days: age });
        }
        Some(last) if last.days_until(as_of) > i64::from(s.recent_meeting_days) => {
            reasons.push(HealthReason::NoRecentMeeting {
                last,
                days: last.days_until(as_of),
            });
        }
        _ => {}
    }
    // Needs attention.
    if let Some(due) = check_ins_due(m, s, as_of) {
        let overdue = due.overdue_days(as_of);
        if overdue > i64::from(s.check_in_grace_days) {
            if let Some(d) = due.last_due {
                reasons.push(HealthReason::CheckInOverdue {
                    due: d,
                    days: overdue,
                });
            }
        }
    }
    for ms in &p.milestones {
        let due = start.add_days(i64::from(ms.offset_days));
        if due < as_of && !m.milestones.contains_key(&ms.id) {
            reasons.push(HealthReason::MilestoneOverdue {
                name: ms.name.clone(),
                due,
                days: due.days_until(as_of),
            });
        }
    }
    if let Some(end) = end_of(p, m).filter(|e| *e < as_of) {
        reasons.push(HealthReason::PastEnd {
            end,
            days: end.days_until(as_of),
        });
    }
    reasons.sort_by_key(|r| !r.at_risk());
    let state = if reasons.iter().any(HealthReason::at_risk) {
        HealthState::AtRisk
    } else if !reasons.is_empty() {
        HealthState::NeedsAttention
    } else if age < i64::from(s.too_early_days) {
        HealthState::TooEarly
    } else {
        HealthState::OnTrack
    };
    Some(Health { state, reasons })
}
