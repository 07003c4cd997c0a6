//! Program set-up edits: the profile-question designer and the skills vocabulary.
//!
//! Every operation here keeps the program valid ([`crate::core::program::validate::validate`] passes
//! after it whenever it passed before): removing a question or one of its options, or
//! changing a question's type, cleans the answers that no longer fit and drops the matching
//! criteria that refer to a question matching may no longer use; removing a skill takes it
//! off people's offered and wanted lists. What was cleaned is returned as a [`Cleanup`] so
//! the UI can say so and offer undo (by keeping a copy of the program before the edit).
//!
//! Bad input is refused before anything changes (bad input 41): an operation that returns
//! an error leaves the program untouched.

use std::collections::HashSet;

use thiserror::Error;

use crate::core::limits::{MAX_LIST, MAX_SHORT_TEXT};
use crate::core::model::*;

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

/// A profile question as the coordinator designs it; checked by [`add_question`] and
/// [`update_question`].
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionDraft {
    /// The question as asked.
    pub label: String,
    /// Type and constraints (options are trimmed; empty ones are dropped).
    pub kind: FieldKind,
    /// Never shown in shared views; aggregate reports only.
    pub sensitive: bool,
    /// Whether matching may use the answers.
    pub use_for_matching: bool,
    /// Who is asked.
    pub asked_of: AskedOf,
}

impl QuestionDraft {
    /// The draft of an existing question (to edit and pass back to [`update_question`]).
    pub fn of(field: &ProfileField) -> QuestionDraft {
        QuestionDraft {
            label: field.label.clone(),
            kind: field.kind.clone(),
            sensitive: field.sensitive,
            use_for_matching: field.use_for_matching,
            asked_of: field.asked_of,
        }
    }

    /// Checks the draft and returns it normalised (label and options trimmed, empty options
    /// dropped).
    ///
    /// # Errors
    /// Empty or too long label, a choice type without options, a duplicate or too long
    /// option, too many options, a scale whose minimum is not below its maximum.
    pub fn checked(&self) -> Result<QuestionDraft, SetupError> {
        let label = self.label.trim().to_owned();
        if label.is_empty() {
            return Err(SetupError::EmptyLabel);
        }
        if label.chars().count() > MAX_SHORT_TEXT {
            return Err(SetupError::TooLong {
                what: "the label",
                max: MAX_SHORT_TEXT,
            });
        }
        let kind = match &self.kind {
            FieldKind::SingleChoice { options } => FieldKind::SingleChoice {
                options: checked_options(options)?,
            },
            FieldKind::MultipleChoice { options } => FieldKind::MultipleChoice {
                options: checked_options(options)?,
            },
            FieldKind::Scale { min, max } if min >= max => {
                return Err(SetupError::ScaleRange {
                    min: *min,
                    max: *max,
                })
            }
            other => other.clone(),
        };
        Ok(QuestionDraft {
            label,
            kind,
            ..self.clone()
        })
    }
}

/// Splits a textarea's text into options, one per line (trimmed; blank lines dropped).
///
/// ```
/// use mentorkit::core::program::setup::options_from_lines;
/// assert_eq!(options_from_lines(" Remote \n\nOn site\r\n"), ["Remote", "On site"]);
/// ```
pub fn options_from_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn checked_options(options: &[String]) -> Result<Vec<String>, SetupError> {
    let options: Vec<String> = options
        .iter()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect();
    if options.is_empty() {
        return Err(SetupError::NoOptions);
    }
    if options.len() > MAX_LIST {
        return Err(SetupError::TooMany {
            what: "options",
            max: MAX_LIST,
        });
    }
    let mut seen = HashSet::new();
    for o in &options {
        if o.chars().count() > MAX_SHORT_TEXT {
            return Err(SetupError::TooLong {
                what: "an option",
                max: MAX_SHORT_TEXT,
            });
        }
        if !seen.insert(o.to_lowercase()) {
            return Err(SetupError::DuplicateOption(o.clone()));
        }
    }
    Ok(options)
}

/// Adds a profile question and returns its new id.
///
/// # Errors
/// See [`QuestionDraft::checked`]; [`SetupError::TooMany`] past [`MAX_LIST`] questions.
pub fn add_question(p: &mut Program, draft: &QuestionDraft) -> Result<FieldId, SetupError> {
    let d = draft.checked()?;
    if p.profile_fields.len() >= MAX_LIST {
        return Err(SetupError::TooMany {
            what: "questions",
            max: MAX_LIST,
        });
    }
    let id = FieldId(p.next_id(IdKind::Field));
    p.profile_fields.push(ProfileField {
        id: id.clone(),
        label: d.label,
        kind: d.kind,
        sensitive: d.sensitive,
        use_for_matching: d.use_for_matching,
        asked_of: d.asked_of,
    });
    Ok(id)
}

/// Replaces a question's label, type, options, scale range and flags.
///
/// Answers that no longer fit the new type or options are converted where the meaning is
/// kept (a single choice becomes a one-item multiple choice and back), trimmed (choices no
/// longer offered) or removed; when the question is no longer used for matching, the
/// criteria that use it are removed.
///
/// # Errors
/// See [`QuestionDraft::checked`]; [`SetupError::UnknownQuestion`].
pub fn update_question(
    p: &mut Program,
    id: &FieldId,
    draft: &QuestionDraft,
) -> Result<Cleanup, SetupError> {
    let d = draft.checked()?;
    let field = p
        .profile_fields
        .iter_mut()
        .find(|f| &f.id == id)
        .ok_or_else(|| SetupError::UnknownQuestion(id.clone()))?;
    field.label = d.label;
    field.kind = d.kind.clone();
    field.sensitive = d.sensitive;
    field.use_for_matching = d.use_for_matching;
    field.asked_of = d.asked_of;

    let mut cleanup = Cleanup::default();
    for person in &mut p.people {
        let Some(answer) = person.answers.get(id) else {
            continue;
        };
        match fit(answer, &d.kind) {
            Fit::Keep => continue,
            Fit::Remove => {
                person.answers.remove(id);
                cleanup.answers_removed += 1;
            }
            Fit::Convert(a) => {
                person.answers.insert(id.clone(), a);
            }
            Fit::Trim(a) => {
                person.answers.insert(id.clone(), a);
                cleanup.answers_trimmed += 1;
            }
        }
        cleanup.people_affected += 1;
    }
    if !d.use_for_matching {
        cleanup.criteria_removed = remove_criteria(p, id);
    }
    Ok(cleanup)
}

/// Removes a question, everybody's answers to it and the criteria that use it.
///
/// # Errors
/// [`SetupError::UnknownQuestion`].
pub fn remove_question(p: &mut Program, id: &FieldId) -> Result<Cleanup, SetupError> {
    let before = p.profile_fields.len();
    p.profile_fields.retain(|f| &f.id != id);
    if p.profile_fields.len() == before {
        return Err(SetupError::UnknownQuestion(id.clone()));
    }
    let mut cleanup = Cleanup::default();
    for person in &mut p.people {
        if person.answers.remove(id).is_some() {
            cleanup.answers_removed += 1;
            cleanup.people_affected += 1;
        }
    }
    cleanup.criteria_removed = remove_criteria(p, id);
    Ok(cleanup)
}

/// How many people answered a question (to warn before removing it).
pub fn answer_count(p: &Program, id: &FieldId) -> usize {
    p.people
        .iter()
        .filter(|x| x.answers.contains_key(id))
        .count()
}

fn remove_criteria(p: &mut Program, id: &FieldId) -> usize {
    let before = p.matching.criteria.len();
    p.matching
        .criteria
        .retain(|c| !matches!(&c.kind, CriterionKind::Field { field, .. } if field == id));
    before - p.matching.criteria.len()
}

/// What happens to an answer when its question changes.
enum Fit {
    Keep,
    Convert(Answer),
    Trim(Answer),
    Remove,
}

fn fit(answer: &Answer, kind: &FieldKind) -> Fit {
    match (kind, answer) {
        (FieldKind::SingleChoice { options }, Answer::Text(t)) if options.contains(t) => Fit::Keep,
        (FieldKind::SingleChoice { options }, Answer::Many(v))
            if v.len() == 1 && options.contains(&v[0]) =>
        {
            Fit::Convert(Answer::Text(v[0].clone()))
        }
        (FieldKind::MultipleChoice { options }, Answer::Text(t)) if options.contains(t) => {
            Fit::Convert(Answer::Many(vec![t.clone()]))
        }
        (FieldKind::MultipleChoice { options }, Answer::Many(v)) => {
            let kept: Vec<String> = v.iter().filter(|x| options.contains(x)).cloned().collect();
            if kept.len() == v.len() {
                Fit::Keep
            } else if kept.is_empty() {
                Fit::Remove
            } else {
                Fit::Trim(Answer::Many(kept))
            }
        }
        (FieldKind::Scale { min, max }, Answer::Number(n))
            if n.is_finite() && f64::from(*min) <= *n && *n <= f64::from(*max) =>
        {
            Fit::Keep
        }
        (FieldKind::Number, Answer::Number(n)) if n.is_finite() => Fit::Keep,
        (FieldKind::ShortText, Answer::Text(_)) => Fit::Keep,
        (FieldKind::ShortText, Answer::Many(v)) if v.len() == 1 => {
            Fit::Convert(Answer::Text(v[0].clone()))
        }
        _ => Fit::Remove,
    }
}

fn checked_skill_name(
    p: &Program,
    name: &str,
    except: Option<&SkillId>,
) -> Result<String, SetupError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SetupError::EmptySkillName);
    }
    if name.chars().count() > MAX_SHORT_TEXT {
        return Err(SetupError::TooLong {
            what: "the skill name",
            max: MAX_SHORT_TEXT,
        });
    }
    let lower = name.to_lowercase();
    if let Some(other) = p
        .skills
        .iter()
        .find(|s| Some(&s.id) != except && s.name.trim().to_lowercase() == lower)
    {
        return Err(SetupError::DuplicateSkill(other.name.clone()));
    }
    Ok(name.to_owned())
}

fn checked_cluster(cluster: &str) -> Result<String, SetupError> {
    let cluster = cluster.trim();
    if cluster.chars().count() > MAX_SHORT_TEXT {
        return Err(SetupError::TooLong {
            what: "the cluster",
            max: MAX_SHORT_TEXT,
        });
    }
    Ok(cluster.to_owned())
}

/// Adds a skill to the vocabulary and returns its new id. The cluster may be empty.
///
/// # Errors
/// Empty, too long or duplicate name (compared case-insensitively); too long cluster;
/// [`SetupError::TooMany`] past [`MAX_LIST`] skills.
pub fn add_skill(p: &mut Program, name: &str, cluster: &str) -> Result<SkillId, SetupError> {
    let name = checked_skill_name(p, name, None)?;
    let cluster = checked_cluster(cluster)?;
    if p.skills.len() >= MAX_LIST {
        return Err(SetupError::TooMany {
            what: "skills",
            max: MAX_LIST,
        });
    }
    let id = SkillId(p.next_id(IdKind::Skill));
    p.skills.push(Skill {
        id: id.clone(),
        name,
        cluster,
    });
    Ok(id)
}

/// Renames a skill; people's lists refer to it by id and follow.
///
/// # Errors
/// Empty, too long or duplicate name; [`SetupError::UnknownSkill`].
pub fn rename_skill(p: &mut Program, id: &SkillId, name: &str) -> Result<(), SetupError> {
    let name = checked_skill_name(p, name, Some(id))?;
    let skill = p
        .skills
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| SetupError::UnknownSkill(id.clone()))?;
    skill.name = name;
    Ok(())
}

/// Moves a skill to another cluster (empty for none).
///
/// # Errors
/// Too long cluster; [`SetupError::UnknownSkill`].
pub fn set_cluster(p: &mut Program, id: &SkillId, cluster: &str) -> Result<(), SetupError> {
    let cluster = checked_cluster(cluster)?;
    let skill = p
        .skills
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| SetupError::UnknownSkill(id.clone()))?;
    skill.cluster = cluster;
    Ok(())
}

/// How many people offer or want a skill (to confirm before removing it).
pub fn skill_users(p: &Program, id: &SkillId) -> usize {
    p.people
        .iter()
        .filter(|x| {
            x.skills_offered.iter().any(|s| &s.skill == id)
                || x.skills_wanted.iter().any(|s| &s.skill == id)
        })
        .count()
}

/// Removes a skill from the vocabulary and from everybody's offered and wanted lists.
///
/// # Errors
/// [`SetupError::UnknownSkill`].
pub fn remove_skill(p: &mut Program, id: &SkillId) -> Result<Cleanup, SetupError> {
    let before = p.skills.len();
    p.skills.retain(|s| &s.id != id);
    if p.skills.len() == before {
        return Err(SetupError::UnknownSkill(id.clone()));
    }
    let mut cleanup = Cleanup::default();
    for person in &mut p.people {
        let count = person.skills_offered.len() + person.skills_wanted.len();
        person.skills_offered.retain(|s| &s.skill != id);
        person.skills_wanted.retain(|s| &s.skill != id);
        let removed = count - person.skills_offered.len() - person.skills_wanted.len();
        if removed > 0 {
            cleanup.skill_entries_removed += removed;
            cleanup.people_affected += 1;
        }
    }
    Ok(cleanup)
}

/// The skills grouped by cluster, clusters in alphabetical order (case-insensitive) with the
/// unclustered ones (`""`) last, skills in vocabulary order within each cluster.
pub fn skills_by_cluster(p: &Program) -> Vec<(String, Vec<&Skill>)> {
    let mut groups: Vec<(String, Vec<&Skill>)> = Vec::new();
    for s in &p.skills {
        match groups.iter_mut().find(|(c, _)| c == &s.cluster) {
            Some((_, list)) => list.push(s),
            None => groups.push((s.cluster.clone(), vec![s])),
        }
    }
    groups.sort_by_key(|(c, _)| (c.is_empty(), c.to_lowercase()));
    groups
}
