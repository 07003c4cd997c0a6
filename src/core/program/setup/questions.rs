//! The profile-question designer: checking a question, adding, changing and removing it,
//! and what happens to the answers people already gave.

use std::collections::HashSet;

use super::{Cleanup, SetupError};
use crate::core::limits::{MAX_LIST, MAX_SHORT_TEXT};
use crate::core::model::*;

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
