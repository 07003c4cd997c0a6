//! The lifecycle of a published relationship, and every change a coordinator makes to it,
//! each a [`RelationshipEdit`].
//!
//! ```text
//! proposed (draft) --publish--> active <--> on hold --> completed | ended early
//!                                  \--> declined (turned down before it started)
//! ```
//!
//! Every transition is an [`Event`] on the relationship's timeline: the date, who asked
//! for it, a reason code and a note only coordinators see. Ending early is worded as
//! no-fault by default and can put the mentee (and the mentor's freed place) in the
//! rematch queue, with "never pair these two again" (a forbidden pair) and a cooldown.

use thiserror::Error;

use super::model::*;
use crate::core::date::Date;
use crate::core::edit::{Change, Operation};
use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::{
    CheckInId, IdKind, Match, MatchId, MatchStatus, MeetingId, MilestoneId, PairRef, PersonId,
    Program, RelGoalId,
};

/// Whether a relationship may move from one status to another.
///
/// # Errors
/// [`RelationshipError::NotAllowed`] saying why (a draft must be published first; a
/// completed, ended or declined relationship is over).
pub fn check_transition(from: MatchStatus, to: MatchStatus) -> Result<(), RelationshipError> {
    use MatchStatus::*;
    let ok = matches!(
        (from, to),
        (Active, OnHold)
            | (OnHold, Active)
            | (Active | OnHold, Completed)
            | (Active | OnHold, EndedEarly)
            | (Active, Declined)
    );
    if ok {
        Ok(())
    } else {
        Err(RelationshipError::NotAllowed { from, to })
    }
}

/// What ending early does for the people involved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rematch {
    /// Put the mentee (and the mentor's freed place) in the rematch queue.
    pub queue: bool,
    /// Never pair these two again (a forbidden pair).
    pub never_again: bool,
    /// Days before a run may match the mentee again (the program's default is
    /// [`FollowUpSettings::rematch_cooldown_days`]).
    pub cooldown_days: u16,
}

/// A meeting as logged by hand or imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingInput {
    /// When it happened.
    pub date: Date,
    /// How long, in minutes (5-600), if known.
    pub minutes: Option<u16>,
    /// How it happened, if known.
    pub mode: Option<MeetingMode>,
    /// Who logged it.
    pub logged_by: Actor,
    /// A note only coordinators see.
    pub note: String,
}

/// A check-in as answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckInInput {
    /// When it was answered.
    pub date: Date,
    /// Who answered.
    pub from: Actor,
    /// 1-5.
    pub rating: Option<u8>,
    /// On track?
    pub on_track: Option<OnTrack>,
    /// The fit question.
    pub fit: Option<Fit>,
    /// What they wrote.
    pub comment: String,
    /// The form tool's timestamp, if imported.
    pub submitted: Option<String>,
}

/// A relationship goal as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalInput {
    /// What the goal is.
    pub title: String,
    /// How they will know.
    pub success_criteria: String,
    /// When.
    pub target_date: Option<Date>,
    /// 0-100 %.
    pub progress: u8,
    /// Open, achieved, dropped.
    pub status: GoalStatus,
}

/// One change to the program's relationships.
#[derive(Clone, Debug, PartialEq)]
pub enum RelationshipEdit {
    /// Move one relationship to another status (pause, resume, complete, end early,
    /// decline), with the event's details; ending early may queue a rematch.
    Transition {
        /// The relationship.
        id: MatchId,
        /// The status it moves to.
        to: MatchStatus,
        /// When.
        date: Date,
        /// Who asked.
        by: Actor,
        /// Why.
        reason: Option<ReasonCode>,
        /// Coordinators' note.
        note: String,
        /// For ending early: rematch, never again, cooldown.
        rematch: Rematch,
    },
    /// Move every listed relationship that may to a status (complete, put on hold,
    /// resume), as one change; the others are counted, not changed.
    Bulk {
        /// The relationships.
        ids: Vec<MatchId>,
        /// The status.
        to: MatchStatus,
        /// When.
        date: Date,
    },
    /// Complete every running relationship that reached its end (its agreed end, else the
    /// program's end date) by `as_of`, dated the day it ended.
    CompleteEnded {
        /// Today.
        as_of: Date,
    },
    /// Log a meeting (not before the start, not after `as_of`).
    LogMeeting {
        /// The relationship.
        id: MatchId,
        /// The meeting.
        meeting: MeetingInput,
        /// Today.
        as_of: Date,
    },
    /// Remove a meeting logged by mistake.
    RemoveMeeting(MatchId, MeetingId),
    /// Record a check-in (not before the start, not after `as_of`).
    RecordCheckIn {
        /// The relationship.
        id: MatchId,
        /// The answers.
        check_in: CheckInInput,
        /// Today.
        as_of: Date,
    },
    /// Remove a check-in recorded by mistake.
    RemoveCheckIn(MatchId, CheckInId),
    /// Add a goal to a relationship.
    AddGoal(MatchId, GoalInput),
    /// Replace a relationship goal.
    UpdateGoal(MatchId, RelGoalId, GoalInput),
    /// Remove a relationship goal.
    RemoveGoal(MatchId, RelGoalId),
    /// Record what the pair agreed.
    SetAgreement(MatchId, Agreement),
    /// Mark one of the program's milestones done (with the day), or not done.
    SetMilestone(MatchId, MilestoneId, Option<Date>),
    /// Change the follow-up settings.
    SetFollowUp(FollowUpSettings),
    /// Take a mentee out of the rematch queue (they do not want another mentor now).
    LeaveQueue(PersonId),
}

/// What a relationship edit did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RelationshipReport {
    /// Relationships changed.
    pub changed: usize,
    /// Relationships a bulk change left as they were (their status does not allow it).
    pub skipped: usize,
    /// The id of a meeting, check-in or goal it added.
    pub added: Option<String>,
}

/// Why a relationship edit was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RelationshipError {
    /// No match has this id.
    #[error("no relationship with id {0}")]
    Unknown(MatchId),
    /// A draft match (bad input 49).
    #[error("{0} is still a draft: publish it first")]
    NotPublished(MatchId),
    /// A transition the lifecycle does not have (bad input 49).
    #[error("a relationship that is {} cannot become {}", .from.label().to_lowercase(), .to.label().to_lowercase())]
    NotAllowed {
        /// Its status.
        from: MatchStatus,
        /// The status asked for.
        to: MatchStatus,
    },
    /// A date before the relationship started.
    #[error("{date} is before the relationship started ({start})")]
    BeforeStart {
        /// The date given.
        date: Date,
        /// Its start.
        start: Date,
    },
    /// A date after today.
    #[error("{date} is in the future (today is {today})")]
    InFuture {
        /// The date given.
        date: Date,
        /// Today.
        today: Date,
    },
    /// A meeting length outside 5-600 minutes.
    #[error("{0} minutes is outside 5-600 minutes")]
    Minutes(u16),
    /// A rating outside 1-5.
    #[error("a rating of {0} is outside 1-5")]
    Rating(u8),
    /// Progress above 100 %.
    #[error("{0} % progress is above 100 %")]
    Progress(u8),
    /// A goal without a title.
    #[error("a goal needs a title")]
    NoTitle,
    /// Text over its limit.
    #[error("{what} is longer than {max} characters")]
    TooLong {
        /// What.
        what: &'static str,
        /// The limit.
        max: usize,
    },
    /// Too many records on one relationship.
    #[error("a relationship holds at most {MAX_LIST} {0}")]
    TooMany(&'static str),
    /// A meeting, check-in, goal or milestone that does not exist.
    #[error("no {what} with id {id}")]
    UnknownRecord {
        /// Which kind of record.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// A bulk change with nothing it may change.
    #[error("none of these relationships can become {}", .0.label().to_lowercase())]
    NothingToChange(MatchStatus),
    /// "Complete those that ended" with none ended.
    #[error("no running relationship has reached its end date")]
    NoneEnded,
    /// A follow-up setting outside its range.
    #[error("{}: {value} is outside {}-{}", .setting.label(), .setting.range().start(), .setting.range().end())]
    Setting {
        /// Which.
        setting: FollowUpSetting,
        /// The value given.
        value: u16,
    },
    /// The mentee is not in the rematch queue.
    #[error("{0} is not in the rematch queue")]
    NotQueued(PersonId),
}

/// The relationship's start: when it was published (or its first activation).
pub fn start_of(m: &Match) -> Option<Date> {
    m.started_on.or_else(|| {
        m.events
            .iter()
            .find(|e| e.to == MatchStatus::Active)
            .map(|e| e.date)
    })
}

/// The index of a published relationship.
pub(crate) fn published_index(p: &Program, id: &MatchId) -> Result<usize, RelationshipError> {
    let i = p
        .matches
        .iter()
        .position(|m| &m.id == id)
        .ok_or_else(|| RelationshipError::Unknown(id.clone()))?;
    if p.matches[i].status == MatchStatus::Proposed {
        return Err(RelationshipError::NotPublished(id.clone()));
    }
    Ok(i)
}

fn text(what: &'static str, t: &str, max: usize) -> Result<String, RelationshipError> {
    if t.chars().count() > max {
        return Err(RelationshipError::TooLong { what, max });
    }
    Ok(t.to_owned())
}

/// A dated record must fall between the start and today.
pub(crate) fn check_date(m: &Match, date: Date, today: Date) -> Result<(), RelationshipError> {
    if let Some(start) = start_of(m) {
        if date < start {
            return Err(RelationshipError::BeforeStart { date, start });
        }
    }
    if date > today {
        return Err(RelationshipError::InFuture { date, today });
    }
    Ok(())
}

/// Moves `m` to `to` on `date`, with its event.
fn transition(m: &mut Match, to: MatchStatus, event: Event) {
    m.status = to;
    if matches!(
        to,
        MatchStatus::Completed | MatchStatus::EndedEarly | MatchStatus::Declined
    ) {
        m.ended_on = Some(event.date);
    }
    m.events.push(event);
}

fn verb(to: MatchStatus) -> &'static str {
    match to {
        MatchStatus::Active => "Resume",
        MatchStatus::OnHold => "Put on hold",
        MatchStatus::Completed => "Complete",
        MatchStatus::EndedEarly => "End early",
        MatchStatus::Declined => "Mark as declined",
        MatchStatus::Proposed => "Make a draft of",
    }
}

fn pair_name(p: &Program, m: &Match) -> String {
    format!("{} and {}", p.name_of(&m.mentee), p.name_of(&m.mentor))
}

impl Operation for RelationshipEdit {
    type Report = RelationshipReport;
    type Error = RelationshipError;

    fn apply(self, p: &mut Program) -> Result<Change<RelationshipReport>, RelationshipError> {
        let one = |label: String| {
            Ok(Change::new(
                label,
                RelationshipReport {
                    changed: 1,
                    ..RelationshipReport::default()
                },
            ))
        };
        match self {
            RelationshipEdit::Transition {
                id,
                to,
                date,
                by,
                reason,
                note,
                rematch,
            } => {
                let i = published_index(p, &id)?;
                check_transition(p.matches[i].status, to)?;
                if let Some(start) = start_of(&p.matches[i]) {
                    if date < start {
                        return Err(RelationshipError::BeforeStart { date, start });
                    }
                }
                let note = text("the note", &note, MAX_LONG_TEXT)?;
                let label = format!("{} {}", verb(to), pair_name(p, &p.matches[i]));
                let m = &mut p.matches[i];
                transition(
                    m,
                    to,
                    Event {
                        date,
                        to,
                        by,
                        reason,
                        note,
                    },
                );
                let (mentor, mentee) = (m.mentor.clone(), m.mentee.clone());
                if to == MatchStatus::EndedEarly {
                    if rematch.never_again {
                        let pair = PairRef {
                            mentor: mentor.clone(),
                            mentee: mentee.clone(),
                        };
                        if !p.matching.rules.forbidden_pairs.contains(&pair) {
                            p.matching.rules.forbidden_pairs.push(pair);
                        }
                    }
                    if rematch.queue {
                        p.rematch.retain(|r| r.mentee != mentee);
                        p.rematch.push(RematchEntry {
                            mentee,
                            mentor,
                            ended: id,
                            available_from: date.add_days(i64::from(rematch.cooldown_days)),
                        });
                    }
                }
                one(label)
            }
            RelationshipEdit::Bulk { ids, to, date } => {
                let mut changed = 0;
                let mut skipped = 0;
                for id in &ids {
                    let Ok(i) = published_index(p, id) else {
                        skipped += 1;
                        continue;
                    };
                    let m = &mut p.matches[i];
                    let before_start = start_of(m).is_some_and(|s| date < s);
                    if check_transition(m.status, to).is_err() || before_start {
                        skipped += 1;
                        continue;
                    }
                    transition(
                        m,
                        to,
                        Event {
                            date,
                            to,
                            by: Actor::Coordinator,
                            reason: (to == MatchStatus::Completed).then_some(ReasonCode::TimeUp),
                            note: String::new(),
                        },
                    );
                    changed += 1;
                }
                if changed == 0 {
                    return Err(RelationshipError::NothingToChange(to));
                }
                let label = format!("{} {changed} relationship(s)", verb(to));
                Ok(Change::new(
                    label,
                    RelationshipReport {
                        changed,
                        skipped,
                        added: None,
                    },
                ))
            }
            RelationshipEdit::CompleteEnded { as_of } => {
                let program_end = p.end_date;
                let mut changed = 0;
                for m in &mut p.matches {
                    if !matches!(m.status, MatchStatus::Active | MatchStatus::OnHold) {
                        continue;
                    }
                    let Some(end) = m.agreement.expected_end.or(program_end) else {
                        continue;
                    };
                    if end > as_of || start_of(m).is_some_and(|s| end < s) {
                        continue;
                    }
                    transition(
                        m,
                        MatchStatus::Completed,
                        Event {
                            date: end,
                            to: MatchStatus::Completed,
                            by: Actor::Coordinator,
                            reason: Some(ReasonCode::TimeUp),
                            note: String::new(),
                        },
                    );
                    changed += 1;
                }
                if changed == 0 {
                    return Err(RelationshipError::NoneEnded);
                }
                Ok(Change::new(
                    format!("Complete {changed} relationship(s) that reached their end date"),
                    RelationshipReport {
                        changed,
                        ..RelationshipReport::default()
                    },
                ))
            }
            RelationshipEdit::LogMeeting { id, meeting, as_of } => {
                let i = published_index(p, &id)?;
                let label = format!(
                    "Log a meeting of {} on {}",
                    pair_name(p, &p.matches[i]),
                    meeting.date
                );
                let mid = add_meeting(p, i, meeting, as_of)?;
                Ok(Change::new(
                    label,
                    RelationshipReport {
                        changed: 1,
                        skipped: 0,
                        added: Some(mid.0),
                    },
                ))
            }
            RelationshipEdit::RemoveMeeting(id, meeting) => {
                let i = published_index(p, &id)?;
                let label = format!("Remove a meeting of {}", pair_name(p, &p.matches[i]));
                let list = &mut p.matches[i].meetings;
                let at = list.iter().position(|x| x.id == meeting).ok_or(
                    RelationshipError::UnknownRecord {
                        what: "meeting",
                        id: meeting.0.clone(),
                    },
                )?;
                list.remove(at);
                one(label)
            }
            RelationshipEdit::RecordCheckIn {
                id,
                check_in,
                as_of,
            } => {
                let i = published_index(p, &id)?;
                let label = format!(
                    "Record a check-in from the {} of {}",
                    check_in.from.label().to_lowercase(),
                    pair_name(p, &p.matches[i])
                );
                let cid = add_check_in(p, i, check_in, as_of)?;
                Ok(Change::new(
                    label,
                    RelationshipReport {
                        changed: 1,
                        skipped: 0,
                        added: Some(cid.0),
                    },
                ))
            }
            RelationshipEdit::RemoveCheckIn(id, check_in) => {
                let i = published_index(p, &id)?;
                let label = format!("Remove a check-in of {}", pair_name(p, &p.matches[i]));
                let list = &mut p.matches[i].check_ins;
                let at = list.iter().position(|x| x.id == check_in).ok_or(
                    RelationshipError::UnknownRecord {
                        what: "check-in",
                        id: check_in.0.clone(),
                    },
                )?;
                list.remove(at);
                one(label)
            }
            RelationshipEdit::AddGoal(id, goal) => {
                let i = published_index(p, &id)?;
                let goal = checked_goal(goal)?;
                if p.matches[i].goals.len() >= MAX_LIST {
                    return Err(RelationshipError::TooMany("goals"));
                }
                let gid = RelGoalId(p.next_id(IdKind::RelGoal));
                let label = format!("Add goal \u{201c}{}\u{201d}", goal.title);
                p.matches[i].goals.push(RelationshipGoal {
                    id: gid.clone(),
                    title: goal.title,
                    success_criteria: goal.success_criteria,
                    target_date: goal.target_date,
                    progress: goal.progress,
                    status: goal.status,
                });
                Ok(Change::new(
                    label,
                    RelationshipReport {
                        changed: 1,
                        skipped: 0,
                        added: Some(gid.0),
                    },
                ))
            }
            RelationshipEdit::UpdateGoal(id, gid, goal) => {
                let i = published_index(p, &id)?;
                let goal = checked_goal(goal)?;
                let slot = p.matches[i].goals.iter_mut().find(|g| g.id == gid).ok_or(
                    RelationshipError::UnknownRecord {
                        what: "goal",
                        id: gid.0.clone(),
                    },
                )?;
                let label = format!("Edit goal \u{201c}{}\u{201d}", goal.title);
                slot.title = goal.title;
                slot.success_criteria = goal.success_criteria;
                slot.target_date = goal.target_date;
                slot.progress = goal.progress;
                slot.status = goal.status;
                one(label)
            }
            RelationshipEdit::RemoveGoal(id, gid) => {
                let i = published_index(p, &id)?;
                let list = &mut p.matches[i].goals;
                let at = list.iter().position(|g| g.id == gid).ok_or(
                    RelationshipError::UnknownRecord {
                        what: "goal",
                        id: gid.0.clone(),
                    },
                )?;
                let goal = list.remove(at);
                one(format!("Remove goal \u{201c}{}\u{201d}", goal.title))
            }
            RelationshipEdit::SetAgreement(id, agreement) => {
                let i = published_index(p, &id)?;
                let agreement = Agreement {
                    meeting_frequency: text(
                        "the meeting frequency",
                        agreement.meeting_frequency.trim(),
                        MAX_SHORT_TEXT,
                    )?,
                    ..agreement
                };
                let label = format!("Record the agreement of {}", pair_name(p, &p.matches[i]));
                p.matches[i].agreement = agreement;
                one(label)
            }
            RelationshipEdit::SetMilestone(id, milestone, done) => {
                let i = published_index(p, &id)?;
                let name = p
                    .milestones
                    .iter()
                    .find(|m| m.id == milestone)
                    .map(|m| m.name.clone())
                    .ok_or(RelationshipError::UnknownRecord {
                        what: "milestone",
                        id: milestone.0.clone(),
                    })?;
                let m = &mut p.matches[i];
                let label = match done {
                    Some(date) => {
                        if let Some(start) = start_of(m).filter(|s| date < *s) {
                            return Err(RelationshipError::BeforeStart { date, start });
                        }
                        m.milestones.insert(milestone, date);
                        format!("Mark \u{201c}{name}\u{201d} done")
                    }
                    None => {
                        m.milestones.remove(&milestone);
                        format!("Mark \u{201c}{name}\u{201d} not done")
                    }
                };
                one(label)
            }
            RelationshipEdit::SetFollowUp(settings) => {
                for setting in FollowUpSetting::ALL {
                    let value = setting.get(&settings);
                    if !setting.range().contains(&value) {
                        return Err(RelationshipError::Setting { setting, value });
                    }
                }
                p.follow_up = settings;
                one("Change the follow-up settings".to_owned())
            }
            RelationshipEdit::LeaveQueue(mentee) => {
                let before = p.rematch.len();
                p.rematch.retain(|r| r.mentee != mentee);
                if p.rematch.len() == before {
                    return Err(RelationshipError::NotQueued(mentee));
                }
                one(format!(
                    "Take {} out of the rematch queue",
                    p.name_of(&mentee)
                ))
            }
        }
    }
}

/// Adds a meeting to relationship `i` (published) after the checks every way of logging
/// one shares: its length, its date between the start and `as_of`, the list's limit and
/// the note's length.
pub(crate) fn add_meeting(
    p: &mut Program,
    i: usize,
    meeting: MeetingInput,
    as_of: Date,
) -> Result<MeetingId, RelationshipError> {
    if let Some(n) = meeting.minutes.filter(|n| !MEETING_MINUTES.contains(n)) {
        return Err(RelationshipError::Minutes(n));
    }
    check_date(&p.matches[i], meeting.date, as_of)?;
    if p.matches[i].meetings.len() >= MAX_LIST {
        return Err(RelationshipError::TooMany("meetings"));
    }
    let note = text("the note", &meeting.note, MAX_LONG_TEXT)?;
    let id = MeetingId(p.next_id(IdKind::Meeting));
    let list = &mut p.matches[i].meetings;
    list.push(Meeting {
        id: id.clone(),
        date: meeting.date,
        minutes: meeting.minutes,
        mode: meeting.mode,
        logged_by: meeting.logged_by,
        note,
    });
    list.sort_by_key(|x| x.date);
    Ok(id)
}

/// Adds a check-in to relationship `i` (published) after the checks every way of
/// recording one shares: the rating, its date between the start and `as_of`, the list's
/// limit and the texts' lengths.
pub(crate) fn add_check_in(
    p: &mut Program,
    i: usize,
    check_in: CheckInInput,
    as_of: Date,
) -> Result<CheckInId, RelationshipError> {
    if let Some(r) = check_in.rating.filter(|r| !(1..=5).contains(r)) {
        return Err(RelationshipError::Rating(r));
    }
    check_date(&p.matches[i], check_in.date, as_of)?;
    if p.matches[i].check_ins.len() >= MAX_LIST {
        return Err(RelationshipError::TooMany("check-ins"));
    }
    let comment = text("the comment", &check_in.comment, MAX_LONG_TEXT)?;
    let submitted = check_in
        .submitted
        .map(|s| text("the timestamp", &s, MAX_SHORT_TEXT))
        .transpose()?;
    let id = CheckInId(p.next_id(IdKind::CheckIn));
    let list = &mut p.matches[i].check_ins;
    list.push(CheckIn {
        id: id.clone(),
        date: check_in.date,
        from: check_in.from,
        rating: check_in.rating,
        on_track: check_in.on_track,
        fit: check_in.fit,
        comment,
        submitted,
    });
    list.sort_by_key(|x| x.date);
    Ok(id)
}

fn checked_goal(goal: GoalInput) -> Result<GoalInput, RelationshipError> {
    let title = text("the goal", goal.title.trim(), MAX_SHORT_TEXT)?;
    if title.is_empty() {
        return Err(RelationshipError::NoTitle);
    }
    if goal.progress > 100 {
        return Err(RelationshipError::Progress(goal.progress));
    }
    Ok(GoalInput {
        title,
        success_criteria: text(
            "the success criteria",
            goal.success_criteria.trim(),
            MAX_LONG_TEXT,
        )?,
        ..goal
    })
}
