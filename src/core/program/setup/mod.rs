//! Program set-up: the basics (name, purpose, dates...), goals, milestones, the
//! profile-question designer and the skills vocabulary, each change a [`SetupEdit`].
//!
//! Every edit keeps the program valid ([`crate::core::program::validate::validate`] passes
//! after it whenever it passed before): removing a question or one of its options, or
//! changing a question's type, cleans the answers that no longer fit and drops the matching
//! criteria that refer to a question matching may no longer use; removing a skill takes it
//! off people's offered and wanted lists. What was cleaned is reported as a [`Cleanup`] so
//! the UI can say so (undo is the program's history, [`crate::core::edit`]).
//!
//! Bad input is refused before anything changes (bad input 41): an edit that returns an
//! error leaves the program untouched.

mod basics;
mod questions;
mod skills;

pub use basics::{GoalChange, MilestoneChange, MAX_MILESTONE_DAY};
pub use questions::{
    add_question, answer_count, options_from_lines, remove_question, update_question, QuestionDraft,
};
pub use skills::{
    add_skill, remove_skill, rename_skill, set_cluster, skill_users, skills_by_cluster,
};

use thiserror::Error;

use crate::core::date::Date;
use crate::core::edit::{Change, Operation};
use crate::core::model::*;

/// One change to a program's set-up.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupEdit {
    /// Rename the program (trimmed; never empty).
    Rename(String),
    /// Change the program's purpose.
    SetPurpose(Purpose),
    /// Replace the description.
    SetDescription(String),
    /// One-to-one, group or both.
    SetFormat(ProgramFormat),
    /// Set or clear the start and end dates (the end never before the start).
    SetDates {
        /// First day.
        start: Option<Date>,
        /// Last day.
        end: Option<Date>,
    },
    /// How workshop mode names people on the projector.
    SetWorkshopNames(NameDisplay),
    /// Whether the projector mirrors the presenter's screen (the presenter then shows the
    /// stage first).
    SetWorkshopMirrored(bool),
    /// Add a goal ("New goal", at least 0 %), reporting its id.
    AddGoal,
    /// Change one thing about a goal.
    UpdateGoal(GoalId, GoalChange),
    /// Remove a goal.
    RemoveGoal(GoalId),
    /// Add a milestone 30 days after the last one, reporting its id.
    AddMilestone,
    /// Change one thing about a milestone.
    UpdateMilestone(MilestoneId, MilestoneChange),
    /// Remove a milestone.
    RemoveMilestone(MilestoneId),
    /// Add a profile question, reporting its id.
    AddQuestion(QuestionDraft),
    /// Replace a question's label, type and flags (answers that no longer fit are cleaned).
    UpdateQuestion(FieldId, QuestionDraft),
    /// Remove a question with its answers and the criteria that use it.
    RemoveQuestion(FieldId),
    /// Add a skill to the vocabulary, reporting its id.
    AddSkill {
        /// The skill's name (unique, ignoring case).
        name: String,
        /// Its cluster (may be empty).
        cluster: String,
    },
    /// Rename a skill.
    RenameSkill(SkillId, String),
    /// Move a skill to another cluster.
    SetCluster(SkillId, String),
    /// Remove a skill and everybody's entries for it.
    RemoveSkill(SkillId),
}

/// What a set-up edit did beyond its label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SetupReport {
    /// Nothing more to say.
    #[default]
    Done,
    /// The id of the goal, milestone, question or skill it added.
    Added(String),
    /// What it cleaned elsewhere in the program.
    Cleaned(Cleanup),
}

impl Operation for SetupEdit {
    type Report = SetupReport;
    type Error = SetupError;

    fn apply(self, p: &mut Program) -> Result<Change<SetupReport>, SetupError> {
        let done = |label: String| Ok(Change::new(label, SetupReport::Done));
        let cleaned = |label: String, c: Cleanup| Ok(Change::new(label, SetupReport::Cleaned(c)));
        let added = |label: String, id: String| Ok(Change::new(label, SetupReport::Added(id)));
        match self {
            SetupEdit::Rename(name) => {
                let name = basics::rename(p, &name)?;
                done(format!("Rename the program to \u{201c}{name}\u{201d}"))
            }
            SetupEdit::SetPurpose(x) => {
                p.purpose = x;
                done(format!("Set the purpose to {}", x.label()))
            }
            SetupEdit::SetDescription(text) => {
                basics::set_description(p, text)?;
                done("Edit the description".to_owned())
            }
            SetupEdit::SetFormat(f) => {
                p.format = f;
                done(format!("Set the format to {}", f.label()))
            }
            SetupEdit::SetDates { start, end } => {
                basics::set_dates(p, start, end)?;
                done("Change the program's dates".to_owned())
            }
            SetupEdit::SetWorkshopNames(n) => {
                p.workshop.names = n;
                done(format!(
                    "Show {} on the projector",
                    n.label().to_lowercase()
                ))
            }
            SetupEdit::SetWorkshopMirrored(on) => {
                p.workshop.mirrored = on;
                done(if on {
                    "Set the projector to mirror this screen".to_owned()
                } else {
                    "Set the projector to an audience window".to_owned()
                })
            }
            SetupEdit::AddGoal => {
                let id = basics::add_goal(p);
                added("Add a goal".to_owned(), id.0)
            }
            SetupEdit::UpdateGoal(id, change) => {
                let title = basics::update_goal(p, &id, change)?;
                done(format!("Edit goal \u{201c}{title}\u{201d}"))
            }
            SetupEdit::RemoveGoal(id) => {
                let title = basics::remove_goal(p, &id)?;
                done(format!("Remove goal \u{201c}{title}\u{201d}"))
            }
            SetupEdit::AddMilestone => {
                let id = basics::add_milestone(p);
                added("Add a milestone".to_owned(), id.0)
            }
            SetupEdit::UpdateMilestone(id, change) => {
                let name = basics::update_milestone(p, &id, change)?;
                done(format!("Edit milestone \u{201c}{name}\u{201d}"))
            }
            SetupEdit::RemoveMilestone(id) => {
                let name = basics::remove_milestone(p, &id)?;
                done(format!("Remove milestone \u{201c}{name}\u{201d}"))
            }
            SetupEdit::AddQuestion(draft) => {
                let id = add_question(p, &draft)?;
                added(
                    format!("Add question \u{201c}{}\u{201d}", draft.label.trim()),
                    id.0,
                )
            }
            SetupEdit::UpdateQuestion(id, draft) => {
                let c = update_question(p, &id, &draft)?;
                cleaned(
                    format!("Edit question \u{201c}{}\u{201d}", draft.label.trim()),
                    c,
                )
            }
            SetupEdit::RemoveQuestion(id) => {
                let label = question_label(p, &id);
                let c = remove_question(p, &id)?;
                cleaned(format!("Remove question \u{201c}{label}\u{201d}"), c)
            }
            SetupEdit::AddSkill { name, cluster } => {
                let id = add_skill(p, &name, &cluster)?;
                added(format!("Add skill \u{201c}{}\u{201d}", name.trim()), id.0)
            }
            SetupEdit::RenameSkill(id, name) => {
                let old = skill_name(p, &id);
                rename_skill(p, &id, &name)?;
                done(format!(
                    "Rename skill \u{201c}{old}\u{201d} to \u{201c}{}\u{201d}",
                    name.trim()
                ))
            }
            SetupEdit::SetCluster(id, cluster) => {
                set_cluster(p, &id, &cluster)?;
                done(format!(
                    "Move skill \u{201c}{}\u{201d} to cluster \u{201c}{}\u{201d}",
                    skill_name(p, &id),
                    cluster.trim()
                ))
            }
            SetupEdit::RemoveSkill(id) => {
                let name = skill_name(p, &id);
                let c = remove_skill(p, &id)?;
                cleaned(format!("Remove skill \u{201c}{name}\u{201d}"), c)
            }
        }
    }
}

fn question_label(p: &Program, id: &FieldId) -> String {
    p.profile_fields
        .iter()
        .find(|f| &f.id == id)
        .map_or_else(|| id.to_string(), |f| f.label.clone())
}

fn skill_name(p: &Program, id: &SkillId) -> String {
    p.skills
        .iter()
        .find(|s| &s.id == id)
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// Why a set-up edit was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SetupError {
    /// The question has no text.
    #[error("the question needs a label")]
    EmptyLabel,
    /// A text is longer than [`MAX_SHORT_TEXT`] characters.
    #[error("{what} is longer than {max} characters")]
    TooLong {
        /// What was too long ("the label", "an option").
        what: &'static str,
        /// The limit in characters.
        max: usize,
    },
    /// A choice question has no options.
    #[error("a choice question needs at least one option")]
    NoOptions,
    /// Two options are equal (ignoring case and surrounding spaces).
    #[error("the option \u{201c}{0}\u{201d} is listed twice")]
    DuplicateOption(String),
    /// More options, questions or skills than [`MAX_LIST`].
    #[error("more than {max} {what}")]
    TooMany {
        /// What there are too many of.
        what: &'static str,
        /// The limit.
        max: usize,
    },
    /// A scale whose minimum is not below its maximum.
    #[error("the scale minimum {min} must be below the maximum {max}")]
    ScaleRange {
        /// The minimum given.
        min: i32,
        /// The maximum given.
        max: i32,
    },
    /// The skill has no name.
    #[error("the skill needs a name")]
    EmptySkillName,
    /// Another skill already has this name (compared case-insensitively).
    #[error("there is already a skill called \u{201c}{0}\u{201d}")]
    DuplicateSkill(String),
    /// No question has this id.
    #[error("no question has the id \u{201c}{0}\u{201d}")]
    UnknownQuestion(FieldId),
    /// No skill has this id.
    #[error("no skill has the id \u{201c}{0}\u{201d}")]
    UnknownSkill(SkillId),
    /// The program has no name.
    #[error("a program needs a name")]
    EmptyName,
    /// The end date is before the start date.
    #[error("the end date {end} is before the start date {start}")]
    DatesOutOfOrder {
        /// The start date.
        start: Date,
        /// The end date.
        end: Date,
    },
    /// A goal's target or baseline is not a finite number (bad input 26).
    #[error("{0} is not a finite number")]
    NotFinite(&'static str),
    /// A milestone's day is outside 0 to [`MAX_MILESTONE_DAY`].
    #[error("day {0} is outside 0 to {MAX_MILESTONE_DAY}")]
    DayOutOfRange(u32),
    /// No goal has this id.
    #[error("no goal has the id \u{201c}{0}\u{201d}")]
    UnknownGoal(GoalId),
    /// No milestone has this id.
    #[error("no milestone has the id \u{201c}{0}\u{201d}")]
    UnknownMilestone(MilestoneId),
}

/// What an edit removed or changed elsewhere in the program to keep it valid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cleanup {
    /// Answers removed because they no longer fit (or their question is gone).
    pub answers_removed: usize,
    /// Multiple-choice answers that lost some (not all) of their choices.
    pub answers_trimmed: usize,
    /// Matching criteria removed because their question is gone or no longer used for matching.
    pub criteria_removed: usize,
    /// Entries removed from people's offered and wanted skill lists.
    pub skill_entries_removed: usize,
    /// People whose answers or skill lists changed.
    pub people_affected: usize,
}

impl Cleanup {
    /// Whether nothing outside the edited item changed.
    pub fn is_empty(&self) -> bool {
        self.answers_removed == 0
            && self.answers_trimmed == 0
            && self.criteria_removed == 0
            && self.skill_entries_removed == 0
    }

    /// A sentence for the coordinator ("3 answers and 1 criterion were removed."), or `None`
    /// when nothing was cleaned.
    ///
    /// ```
    /// use mentorkit::core::program::setup::Cleanup;
    /// let c = Cleanup { answers_removed: 3, criteria_removed: 1, ..Cleanup::default() };
    /// assert_eq!(c.describe().as_deref(), Some("3 answers and 1 matching criterion were removed."));
    /// ```
    pub fn describe(&self) -> Option<String> {
        fn n(count: usize, one: &str, many: &str) -> Option<String> {
            match count {
                0 => None,
                1 => Some(format!("1 {one}")),
                k => Some(format!("{k} {many}")),
            }
        }
        let mut removed: Vec<String> = [
            n(self.answers_removed, "answer", "answers"),
            n(
                self.criteria_removed,
                "matching criterion",
                "matching criteria",
            ),
            n(
                self.skill_entries_removed,
                "skill entry on people's profiles",
                "skill entries on people's profiles",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut parts = Vec::new();
        if !removed.is_empty() {
            let total = self.answers_removed + self.criteria_removed + self.skill_entries_removed;
            let last = removed.pop().unwrap_or_default();
            let list = if removed.is_empty() {
                last
            } else {
                format!("{} and {last}", removed.join(", "))
            };
            let verb = if total == 1 { "was" } else { "were" };
            parts.push(format!("{list} {verb} removed."));
        }
        if let Some(t) = n(self.answers_trimmed, "answer", "answers") {
            parts.push(format!("{t} lost choices that no longer exist."));
        }
        if parts.is_empty() {
            None
        } else {
            Some(parts.join(" "))
        }
    }
}
