//! The program's basics, goals and milestones.

use super::SetupError;
use crate::core::date::Date;
use crate::core::limits::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::*;

/// The latest day a milestone may fall on, counted from the match date (ten years).
pub const MAX_MILESTONE_DAY: u32 = 3650;

/// One change to a goal.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalChange {
    /// What the goal is.
    Title(String),
    /// What is measured.
    Metric(String),
    /// How the measured value is compared with the target.
    Comparison(Comparison),
    /// The target value (finite).
    Target(f64),
    /// The target's unit.
    Unit(MetricUnit),
    /// The value before the program (finite), or none.
    Baseline(Option<f64>),
}

/// One change to a milestone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MilestoneChange {
    /// What the milestone is called.
    Name(String),
    /// Days after the match date, 0 to [`MAX_MILESTONE_DAY`].
    Day(u32),
}

fn short(what: &'static str, text: &str) -> Result<String, SetupError> {
    let text = text.trim();
    if text.chars().count() > MAX_SHORT_TEXT {
        return Err(SetupError::TooLong {
            what,
            max: MAX_SHORT_TEXT,
        });
    }
    Ok(text.to_owned())
}

/// Renames the program; returns the name given.
pub(super) fn rename(p: &mut Program, name: &str) -> Result<String, SetupError> {
    let name = short("the name", name)?;
    if name.is_empty() {
        return Err(SetupError::EmptyName);
    }
    p.name.clone_from(&name);
    Ok(name)
}

pub(super) fn set_description(p: &mut Program, text: String) -> Result<(), SetupError> {
    if text.chars().count() > MAX_LONG_TEXT {
        return Err(SetupError::TooLong {
            what: "the description",
            max: MAX_LONG_TEXT,
        });
    }
    p.description = text;
    Ok(())
}

pub(super) fn set_dates(
    p: &mut Program,
    start: Option<Date>,
    end: Option<Date>,
) -> Result<(), SetupError> {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            return Err(SetupError::DatesOutOfOrder { start, end });
        }
    }
    p.start_date = start;
    p.end_date = end;
    Ok(())
}

pub(super) fn add_goal(p: &mut Program) -> GoalId {
    let id = GoalId(p.next_id(IdKind::Goal));
    p.goals.push(Goal {
        id: id.clone(),
        title: "New goal".into(),
        metric: String::new(),
        comparison: Comparison::AtLeast,
        target: 0.0,
        unit: MetricUnit::Percent,
        baseline: None,
    });
    id
}

fn finite(what: &'static str, x: f64) -> Result<f64, SetupError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(SetupError::NotFinite(what))
    }
}

/// Changes a goal; returns its title (after the change).
pub(super) fn update_goal(
    p: &mut Program,
    id: &GoalId,
    change: GoalChange,
) -> Result<String, SetupError> {
    let goal = p
        .goals
        .iter_mut()
        .find(|g| &g.id == id)
        .ok_or_else(|| SetupError::UnknownGoal(id.clone()))?;
    match change {
        GoalChange::Title(t) => goal.title = short("the goal", &t)?,
        GoalChange::Metric(t) => goal.metric = short("the measure", &t)?,
        GoalChange::Comparison(c) => goal.comparison = c,
        GoalChange::Target(x) => goal.target = finite("the target", x)?,
        GoalChange::Unit(u) => goal.unit = u,
        GoalChange::Baseline(b) => {
            goal.baseline = b.map(|x| finite("the baseline", x)).transpose()?
        }
    }
    Ok(goal.title.clone())
}

/// Removes a goal; returns its title.
pub(super) fn remove_goal(p: &mut Program, id: &GoalId) -> Result<String, SetupError> {
    let at = p
        .goals
        .iter()
        .position(|g| &g.id == id)
        .ok_or_else(|| SetupError::UnknownGoal(id.clone()))?;
    Ok(p.goals.remove(at).title)
}

pub(super) fn add_milestone(p: &mut Program) -> MilestoneId {
    let id = MilestoneId(p.next_id(IdKind::Milestone));
    let offset = p
        .milestones
        .iter()
        .map(|m| m.offset_days)
        .max()
        .map_or(0, |d| (d + 30).min(MAX_MILESTONE_DAY));
    p.milestones.push(Milestone {
        id: id.clone(),
        name: "New milestone".into(),
        offset_days: offset,
    });
    id
}

/// Changes a milestone; returns its name (after the change).
pub(super) fn update_milestone(
    p: &mut Program,
    id: &MilestoneId,
    change: MilestoneChange,
) -> Result<String, SetupError> {
    let m = p
        .milestones
        .iter_mut()
        .find(|m| &m.id == id)
        .ok_or_else(|| SetupError::UnknownMilestone(id.clone()))?;
    match change {
        MilestoneChange::Name(n) => m.name = short("the milestone", &n)?,
        MilestoneChange::Day(d) if d > MAX_MILESTONE_DAY => {
            return Err(SetupError::DayOutOfRange(d))
        }
        MilestoneChange::Day(d) => m.offset_days = d,
    }
    Ok(m.name.clone())
}

/// Removes a milestone; returns its name.
pub(super) fn remove_milestone(p: &mut Program, id: &MilestoneId) -> Result<String, SetupError> {
    let at = p
        .milestones
        .iter()
        .position(|m| &m.id == id)
        .ok_or_else(|| SetupError::UnknownMilestone(id.clone()))?;
    Ok(p.milestones.remove(at).name)
}
