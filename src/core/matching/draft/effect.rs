//! A checked edit (a plan) and what executing it does to the matches, with the checks plans share.

use crate::core::date::Date;
use crate::core::matching::scoring::{self, ExclusionReason, ExclusionRule};
use crate::core::matching::{self, Proposal};
use crate::core::model::{Match, MatchId, MatchSource, MatchStatus, PersonId, Program};
use crate::core::relationships::model::Event;

use super::summary::*;
use super::*;

/// A checked edit, ready to execute without failing.
pub(super) struct Plan {
    pub(super) preview: Preview,
    pub(super) change: Effect,
    /// Pairs breaking rules, and whether the coordinator confirmed them.
    pub(super) excluded: Option<(PersonId, PersonId, Vec<ExclusionRule>)>,
    pub(super) allow_excluded: bool,
}

/// What executing a plan does to `program.matches`; indices were checked by the plan.
pub(super) enum Effect {
    SetLocked {
        index: usize,
        locked: bool,
    },
    Reassign(Vec<Reassign>),
    Remove {
        index: usize,
    },
    Add(Box<Match>),
    Rerun(Box<Proposal>),
    /// (index, id, fresh score) of each match whose stored score changes.
    Rescore(Vec<(usize, MatchId, u8)>),
    Publish(Date),
}

pub(super) struct Reassign {
    pub(super) index: usize,
    pub(super) mentor: PersonId,
    pub(super) mentee: PersonId,
    pub(super) score: u8,
    pub(super) circle: Option<u32>,
    pub(super) source: MatchSource,
    pub(super) locked: bool,
}

/// Executes a checked change; returns the ids of the matches it created.
pub(super) fn execute(program: &mut Program, change: Effect) -> Vec<MatchId> {
    let cycle = program.cycle;
    match change {
        Effect::SetLocked { index, locked } => {
            if let Some(m) = program.matches.get_mut(index) {
                m.locked = locked;
            }
        }
        Effect::Reassign(list) => {
            for r in list {
                if let Some(m) = program.matches.get_mut(r.index) {
                    m.mentor = r.mentor;
                    m.mentee = r.mentee;
                    m.score = Some(r.score);
                    m.circle = r.circle;
                    m.source = r.source;
                    m.locked = r.locked;
                }
            }
        }
        Effect::Remove { index } => {
            if index < program.matches.len() {
                program.matches.remove(index);
            }
        }
        Effect::Add(mut m) => {
            m.id = fresh_match_id(program);
            let id = m.id.clone();
            program.matches.push(*m);
            return vec![id];
        }
        Effect::Rerun(proposal) => matching::apply(program, &proposal),
        Effect::Rescore(list) => {
            for (index, _, score) in list {
                if let Some(m) = program.matches.get_mut(index) {
                    m.score = Some(score);
                }
            }
        }
        Effect::Publish(start) => {
            for m in &mut program.matches {
                if m.cycle == cycle && m.status == MatchStatus::Proposed {
                    m.status = MatchStatus::Active;
                    m.started_on = Some(start);
                    m.events.push(Event::published(start));
                }
            }
            // A mentee waiting for a rematch who now has a relationship is rematched.
            let running: Vec<PersonId> = program
                .matches
                .iter()
                .filter(|m| m.status == MatchStatus::Active)
                .map(|m| m.mentee.clone())
                .collect();
            program.rematch.retain(|r| !running.contains(&r.mentee));
        }
    }
    Vec::new()
}

/// A new match id no match has (ids from damaged files could collide with the counter).
pub(super) fn fresh_match_id(program: &mut Program) -> MatchId {
    loop {
        let id = program.new_match_id();
        if !program.matches.iter().any(|m| m.id == id) {
            return id;
        }
    }
}

pub(super) fn confirmed_plan(program: &Program, edit: &DraftEdit) -> Result<Plan, DraftError> {
    let plan = plan(program, edit)?;
    if let Some((mentee, mentor, rules)) = &plan.excluded {
        if !plan.allow_excluded {
            return Err(DraftError::Excluded {
                mentee: mentee.clone(),
                mentor: mentor.clone(),
                rules: rules.clone(),
            });
        }
    }
    Ok(plan)
}

/// The circle a mentee joins with this mentor in group format: the mentor's first circle
/// of the cycle, if it has one.
pub(super) fn mentor_circle(program: &Program, mentor: &PersonId) -> Option<u32> {
    cycle_pairs(program)
        .filter(|x| &x.mentor == mentor)
        .filter_map(|x| x.circle)
        .min()
}

/// The index of a draft match.
pub(super) fn draft_index(program: &Program, id: &MatchId) -> Result<usize, DraftError> {
    let index = program
        .matches
        .iter()
        .position(|m| &m.id == id)
        .ok_or_else(|| DraftError::UnknownMatch(id.clone()))?;
    let m = &program.matches[index];
    if m.cycle != program.cycle || m.status != MatchStatus::Proposed {
        return Err(DraftError::NotInDraft(id.clone()));
    }
    Ok(index)
}

/// The index of a draft match that may be changed (not locked).
pub(super) fn unlocked_index(program: &Program, id: &MatchId) -> Result<usize, DraftError> {
    let index = draft_index(program, id)?;
    if program.matches[index].locked {
        return Err(DraftError::Locked(id.clone()));
    }
    Ok(index)
}

/// A new pair's score and the rules excluding it.
pub(super) struct Scored {
    pub(super) score: u8,
    pub(super) excluded_by: Vec<ExclusionReason>,
}

pub(super) fn score_pair(
    program: &Program,
    mentee: &PersonId,
    mentor: &PersonId,
) -> Result<Scored, DraftError> {
    if mentee == mentor {
        return Err(DraftError::SamePerson(mentee.clone()));
    }
    let e = scoring::explain(program, mentee, mentor).map_err(|err| match err {
        scoring::ExplainError::UnknownPerson(id) => DraftError::UnknownPerson(id),
    })?;
    Ok(Scored {
        score: e.raw_score,
        excluded_by: e.excluded_by,
    })
}

/// Checks that `mentor` may mentor and `mentee` may be mentored this cycle, ignoring the
/// matches at `skip` (the ones being changed).
pub(super) fn check_roles(
    program: &Program,
    mentor: &PersonId,
    mentee: &PersonId,
    skip: &[usize],
) -> Result<(), DraftError> {
    let r = program
        .person(mentor)
        .ok_or_else(|| DraftError::UnknownPerson(mentor.clone()))?;
    let e = program
        .person(mentee)
        .ok_or_else(|| DraftError::UnknownPerson(mentee.clone()))?;
    if mentor == mentee {
        return Err(DraftError::SamePerson(mentor.clone()));
    }
    if !r.role.can_mentor() {
        return Err(DraftError::NotAMentor(mentor.clone()));
    }
    if !e.role.can_be_mentee() {
        return Err(DraftError::NotAMentee(mentee.clone()));
    }
    let cycle = program.cycle;
    for (k, m) in program.matches.iter().enumerate() {
        if m.cycle != cycle || !m.status.uses_capacity() || skip.contains(&k) {
            continue;
        }
        if &m.mentee == mentor {
            return Err(DraftError::RoleConflict {
                person: mentor.clone(),
                already_mentor: false,
            });
        }
        if &m.mentor == mentee {
            return Err(DraftError::RoleConflict {
                person: mentee.clone(),
                already_mentor: true,
            });
        }
        if &m.mentor == mentor && &m.mentee == mentee {
            return Err(DraftError::AlreadyPaired {
                mentor: mentor.clone(),
                mentee: mentee.clone(),
            });
        }
    }
    Ok(())
}

/// Checks the mentor has a free place (ignoring the matches at `skip`).
pub(super) fn check_capacity(
    program: &Program,
    mentor: &PersonId,
    skip: &[usize],
) -> Result<(), DraftError> {
    let capacity = program.person(mentor).map_or(0, |p| p.capacity);
    let used = program
        .matches
        .iter()
        .enumerate()
        .filter(|(k, m)| {
            !skip.contains(k)
                && m.cycle == program.cycle
                && m.status.uses_capacity()
                && &m.mentor == mentor
        })
        .count() as u32;
    if used >= u32::from(capacity) {
        return Err(DraftError::MentorAtCapacity {
            mentor: mentor.clone(),
            capacity,
            used,
        });
    }
    Ok(())
}

pub(super) fn excluded_warning(
    mentee: &PersonId,
    mentor: &PersonId,
    s: &Scored,
) -> Option<DraftWarning> {
    (!s.excluded_by.is_empty()).then(|| DraftWarning::Excluded {
        mentee: mentee.clone(),
        mentor: mentor.clone(),
        reasons: s.excluded_by.clone(),
    })
}

/// The first excluded pair among the warnings, for [`DraftError::Excluded`].
pub(super) fn first_excluded(
    warnings: &[DraftWarning],
) -> Option<(PersonId, PersonId, Vec<ExclusionRule>)> {
    warnings.iter().find_map(|w| match w {
        DraftWarning::Excluded {
            mentee,
            mentor,
            reasons,
        } => Some((
            mentee.clone(),
            mentor.clone(),
            reasons.iter().map(ExclusionReason::rule).collect(),
        )),
        _ => None,
    })
}
