//! Checking an edit and working out its effect and score deltas, without changing anything.

use std::collections::BTreeMap;

use crate::core::matching::scoring::{self, Cohort};
use crate::core::matching::{self, Proposal, UnmatchedRole};
use crate::core::model::{Algorithm, Match, MatchId, MatchSource, MatchStatus, PersonId, Program};

use super::effect::*;
use super::summary::*;
use super::*;

/// Checks an edit and works out its effect, without changing anything.
pub(super) fn plan(program: &Program, edit: &DraftEdit) -> Result<Plan, DraftError> {
    let total_before = cohort_total(program);
    let mut warnings = Vec::new();
    let mut pair_deltas = Vec::new();
    let mut allow_excluded = false;
    let (label, change) = match edit {
        DraftEdit::Lock(id) | DraftEdit::Unlock(id) => {
            let lock = matches!(edit, DraftEdit::Lock(_));
            let index = draft_index(program, id)?;
            let m = &program.matches[index];
            if m.locked == lock {
                return Err(if lock {
                    DraftError::AlreadyLocked(id.clone())
                } else {
                    DraftError::NotLocked(id.clone())
                });
            }
            let label = format!(
                "{} {} with {}",
                if lock { "Lock" } else { "Unlock" },
                program.name_of(&m.mentee),
                program.name_of(&m.mentor)
            );
            let change = Effect::SetLocked {
                index,
                locked: lock,
            };
            (label, change)
        }
        DraftEdit::Swap {
            a,
            b,
            allow_excluded: allow,
        } => {
            allow_excluded = *allow;
            let ia = unlocked_index(program, a)?;
            let ib = unlocked_index(program, b)?;
            let (ma, mb) = (&program.matches[ia], &program.matches[ib]);
            if ia == ib || ma.mentor == mb.mentor || ma.mentee == mb.mentee {
                return Err(DraftError::NothingToSwap {
                    a: a.clone(),
                    b: b.clone(),
                });
            }
            let skip = [ia, ib];
            check_roles(program, &ma.mentor, &mb.mentee, &skip)?;
            check_roles(program, &mb.mentor, &ma.mentee, &skip)?;
            let sa = score_pair(program, &mb.mentee, &ma.mentor)?;
            let sb = score_pair(program, &ma.mentee, &mb.mentor)?;
            warnings.extend(excluded_warning(&mb.mentee, &ma.mentor, &sa));
            warnings.extend(excluded_warning(&ma.mentee, &mb.mentor, &sb));
            pair_deltas.push(PairDelta {
                mentee: ma.mentee.clone(),
                mentor_before: Some(ma.mentor.clone()),
                mentor_after: Some(mb.mentor.clone()),
                before: ma.score,
                after: Some(sb.score),
            });
            pair_deltas.push(PairDelta {
                mentee: mb.mentee.clone(),
                mentor_before: Some(mb.mentor.clone()),
                mentor_after: Some(ma.mentor.clone()),
                before: mb.score,
                after: Some(sa.score),
            });
            let label = format!(
                "Swap {} and {}",
                program.name_of(&ma.mentee),
                program.name_of(&mb.mentee)
            );
            let change = Effect::Reassign(vec![
                Reassign {
                    index: ia,
                    mentor: ma.mentor.clone(),
                    mentee: mb.mentee.clone(),
                    score: sa.score,
                    circle: ma.circle,
                    source: MatchSource::Manual,
                    locked: false,
                },
                Reassign {
                    index: ib,
                    mentor: mb.mentor.clone(),
                    mentee: ma.mentee.clone(),
                    score: sb.score,
                    circle: mb.circle,
                    source: MatchSource::Manual,
                    locked: false,
                },
            ]);
            (label, change)
        }
        DraftEdit::Move {
            mentee,
            to_mentor,
            allow_excluded: allow,
        } => {
            allow_excluded = *allow;
            if program.person(mentee).is_none() {
                return Err(DraftError::UnknownPerson(mentee.clone()));
            }
            if program.person(to_mentor).is_none() {
                return Err(DraftError::UnknownPerson(to_mentor.clone()));
            }
            let cycle = program.cycle;
            let mut own = program.matches.iter().enumerate().filter(|(_, m)| {
                m.cycle == cycle && m.status == MatchStatus::Proposed && &m.mentee == mentee
            });
            let (index, m) = own
                .next()
                .ok_or_else(|| DraftError::MenteeNotInDraft(mentee.clone()))?;
            if own.next().is_some() {
                return Err(DraftError::AmbiguousMove(mentee.clone()));
            }
            if m.locked {
                return Err(DraftError::Locked(m.id.clone()));
            }
            if &m.mentor == to_mentor {
                return Err(DraftError::AlreadyPaired {
                    mentor: to_mentor.clone(),
                    mentee: mentee.clone(),
                });
            }
            check_roles(program, to_mentor, mentee, &[index])?;
            check_capacity(program, to_mentor, &[index])?;
            let s = score_pair(program, mentee, to_mentor)?;
            warnings.extend(excluded_warning(mentee, to_mentor, &s));
            pair_deltas.push(PairDelta {
                mentee: mentee.clone(),
                mentor_before: Some(m.mentor.clone()),
                mentor_after: Some(to_mentor.clone()),
                before: m.score,
                after: Some(s.score),
            });
            let circle = mentor_circle(program, to_mentor);
            let label = format!(
                "Move {} to {}",
                program.name_of(mentee),
                program.name_of(to_mentor)
            );
            let change = Effect::Reassign(vec![Reassign {
                index,
                mentor: to_mentor.clone(),
                mentee: mentee.clone(),
                score: s.score,
                circle,
                source: MatchSource::Manual,
                locked: false,
            }]);
            (label, change)
        }
        DraftEdit::RecordChoice {
            mentee,
            mentor,
            allow_excluded: allow,
        } => {
            allow_excluded = *allow;
            let (label, change, delta, choice_warnings) = plan_choice(program, mentee, mentor)?;
            warnings.extend(choice_warnings);
            pair_deltas.push(delta);
            (label, change)
        }
        DraftEdit::ClearChoice(mentee) => {
            let cycle = program.cycle;
            let (index, m) = program
                .matches
                .iter()
                .enumerate()
                .find(|(_, m)| {
                    m.cycle == cycle
                        && m.status == MatchStatus::Proposed
                        && &m.mentee == mentee
                        && m.source == MatchSource::MenteeChoice
                })
                .ok_or_else(|| DraftError::NoChoice(mentee.clone()))?;
            pair_deltas.push(PairDelta {
                mentee: mentee.clone(),
                mentor_before: Some(m.mentor.clone()),
                mentor_after: None,
                before: m.score,
                after: None,
            });
            let label = format!(
                "Clear {}'s choice of {}",
                program.name_of(mentee),
                program.name_of(&m.mentor)
            );
            (label, Effect::Remove { index })
        }
        DraftEdit::Unmatch(id) => {
            let index = unlocked_index(program, id)?;
            let m = &program.matches[index];
            pair_deltas.push(PairDelta {
                mentee: m.mentee.clone(),
                mentor_before: Some(m.mentor.clone()),
                mentor_after: None,
                before: m.score,
                after: None,
            });
            let label = format!(
                "Unmatch {} from {}",
                program.name_of(&m.mentee),
                program.name_of(&m.mentor)
            );
            (label, Effect::Remove { index })
        }
        DraftEdit::MatchByHand {
            mentor,
            mentee,
            allow_excluded: allow,
        } => {
            allow_excluded = *allow;
            let new = plan_new_pair(program, mentor, mentee, MatchSource::Manual, false)?;
            warnings.extend(new.warnings);
            pair_deltas.push(new.delta);
            let label = format!(
                "Match {} with {}",
                program.name_of(mentee),
                program.name_of(mentor)
            );
            let m = new.created;
            (label, Effect::Add(Box::new(m)))
        }
        DraftEdit::Rerun { algorithm } => {
            if *algorithm == Algorithm::TopN {
                return Err(DraftError::NotAPairingAlgorithm(*algorithm));
            }
            let proposal = matching::run(program, *algorithm)?;
            pair_deltas = rerun_deltas(program, &proposal);
            let left = proposal
                .unmatched
                .iter()
                .filter(|u| u.role == UnmatchedRole::Mentee)
                .count();
            if left > 0 {
                warnings.push(DraftWarning::LeftUnmatched { mentees: left });
            }
            if !proposal.stats.proven_optimal {
                warnings.push(DraftWarning::NotProvenOptimal {
                    upper_bound: proposal.stats.score_upper_bound,
                });
            }
            let label = format!("Re-run matching ({})", algorithm.label());
            (label, Effect::Rerun(Box::new(proposal)))
        }
        DraftEdit::Rescore => {
            let list = stale_scores(program);
            if list.is_empty() {
                return Err(DraftError::ScoresUpToDate);
            }
            for (index, _, score) in &list {
                let m = &program.matches[*index];
                pair_deltas.push(PairDelta {
                    mentee: m.mentee.clone(),
                    mentor_before: Some(m.mentor.clone()),
                    mentor_after: Some(m.mentor.clone()),
                    before: m.score,
                    after: Some(*score),
                });
            }
            let label = format!("Update {} score(s)", list.len());
            (label, Effect::Rescore(list))
        }
        DraftEdit::Publish { start } => {
            let n = program
                .current_matches()
                .filter(|m| m.status == MatchStatus::Proposed)
                .count();
            if n == 0 {
                return Err(DraftError::NothingToPublish);
            }
            let label = format!("Publish {n} match(es) starting {start}");
            (label, Effect::Publish(*start))
        }
    };
    let total_after = total_before + pair_deltas.iter().map(PairDelta::delta).sum::<i64>();
    Ok(Plan {
        excluded: first_excluded(&warnings),
        allow_excluded,
        preview: Preview {
            label,
            pair_deltas,
            total_before,
            total_after,
            warnings,
        },
        change,
    })
}

/// Plans [`DraftEdit::RecordChoice`]: the label, the change, the mentee's pair delta and
/// the warnings (a rule excluding the pair, the mentee's other mentors).
pub(super) fn plan_choice(
    program: &Program,
    mentee: &PersonId,
    mentor: &PersonId,
) -> Result<(String, Effect, PairDelta, Vec<DraftWarning>), DraftError> {
    if program.person(mentee).is_none() {
        return Err(DraftError::UnknownPerson(mentee.clone()));
    }
    let cycle = program.cycle;
    let draft: Vec<(usize, &Match)> = program
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.cycle == cycle && m.status == MatchStatus::Proposed && &m.mentee == mentee
        })
        .collect();
    // The match the choice replaces: an earlier choice first, else the only draft match.
    let replaced = match draft
        .iter()
        .find(|(_, m)| m.source == MatchSource::MenteeChoice)
    {
        Some(&(k, m)) => Some((k, m)),
        None => match draft.as_slice() {
            [] => None,
            [(k, m)] => Some((*k, *m)),
            _ => return Err(DraftError::AmbiguousMove(mentee.clone())),
        },
    };
    let label = format!(
        "Record {}'s choice: {}",
        program.name_of(mentee),
        program.name_of(mentor)
    );
    match replaced {
        Some((index, m)) => {
            if &m.mentor == mentor && m.source == MatchSource::MenteeChoice && m.locked {
                return Err(DraftError::AlreadyPaired {
                    mentor: mentor.clone(),
                    mentee: mentee.clone(),
                });
            }
            // A lock the coordinator set on another kind of match is theirs to lift.
            if m.locked && m.source != MatchSource::MenteeChoice {
                return Err(DraftError::Locked(m.id.clone()));
            }
            check_roles(program, mentor, mentee, &[index])?;
            check_capacity(program, mentor, &[index])?;
            let s = score_pair(program, mentee, mentor)?;
            let delta = PairDelta {
                mentee: mentee.clone(),
                mentor_before: Some(m.mentor.clone()),
                mentor_after: Some(mentor.clone()),
                before: m.score,
                after: Some(s.score),
            };
            let circle = if &m.mentor == mentor {
                m.circle
            } else {
                mentor_circle(program, mentor)
            };
            let change = Effect::Reassign(vec![Reassign {
                index,
                mentor: mentor.clone(),
                mentee: mentee.clone(),
                score: s.score,
                circle,
                source: MatchSource::MenteeChoice,
                locked: true,
            }]);
            let warnings = excluded_warning(mentee, mentor, &s).into_iter().collect();
            Ok((label, change, delta, warnings))
        }
        None => {
            let new = plan_new_pair(program, mentor, mentee, MatchSource::MenteeChoice, true)?;
            Ok((
                label,
                Effect::Add(Box::new(new.created)),
                new.delta,
                new.warnings,
            ))
        }
    }
}

/// A planned new draft match (match by hand, or a mentee's first choice).
pub(super) struct NewPair {
    /// The match to add (its id is given when executed).
    pub(super) created: Match,
    /// The mentee's pair delta.
    pub(super) delta: PairDelta,
    /// A rule excluding the pair; the mentee's other mentors.
    pub(super) warnings: Vec<DraftWarning>,
}

/// Plans a new draft match of `mentee` with `mentor`: roles, the mentee's limit of mentors,
/// the mentor's capacity, and the pair's score.
pub(super) fn plan_new_pair(
    program: &Program,
    mentor: &PersonId,
    mentee: &PersonId,
    source: MatchSource,
    locked: bool,
) -> Result<NewPair, DraftError> {
    check_roles(program, mentor, mentee, &[])?;
    let limit = program.matching.rules.mentee_max_mentors.max(1);
    let others: Vec<PersonId> = cycle_pairs(program)
        .filter(|m| &m.mentee == mentee)
        .map(|m| m.mentor.clone())
        .collect();
    if others.len() >= usize::from(limit) {
        return Err(DraftError::MenteeAtLimit {
            mentee: mentee.clone(),
            limit,
        });
    }
    check_capacity(program, mentor, &[])?;
    let s = score_pair(program, mentee, mentor)?;
    let mut warnings: Vec<DraftWarning> =
        excluded_warning(mentee, mentor, &s).into_iter().collect();
    if !others.is_empty() {
        warnings.push(DraftWarning::MenteeHasOtherMentors {
            mentee: mentee.clone(),
            mentors: others,
        });
    }
    let mut created = Match::proposed(
        // Replaced by a fresh id when executed.
        MatchId(String::new()),
        mentor.clone(),
        mentee.clone(),
        Some(s.score),
        program.cycle,
    );
    created.source = source;
    created.locked = locked;
    created.circle = mentor_circle(program, mentor);
    Ok(NewPair {
        created,
        delta: PairDelta {
            mentee: mentee.clone(),
            mentor_before: None,
            mentor_after: Some(mentor.clone()),
            before: None,
            after: Some(s.score),
        },
        warnings,
    })
}

/// Draft matches whose stored score differs from the criteria's score now: (index, id,
/// fresh score). One cohort for the whole draft (linear), [`scoring::explain`] only for
/// pairs outside it (an `Either` person matched in the other role); matches naming someone
/// no longer in the program are left alone.
pub(super) fn stale_scores(program: &Program) -> Vec<(usize, MatchId, u8)> {
    let cycle = program.cycle;
    let in_draft = |m: &Match| m.cycle == cycle && m.status == MatchStatus::Proposed;
    if !program.matches.iter().any(in_draft) {
        return Vec::new();
    }
    let cohort = Cohort::new(program);
    let mut out = Vec::new();
    for (index, m) in program.matches.iter().enumerate() {
        if !in_draft(m) {
            continue;
        }
        let fresh = match (
            cohort.mentee_index(&m.mentee),
            cohort.mentor_index(&m.mentor),
        ) {
            (Some(i), Some(j)) => Some(cohort.raw_score(i, j)),
            _ => scoring::explain(program, &m.mentee, &m.mentor)
                .ok()
                .map(|e| e.raw_score),
        };
        if let Some(fresh) = fresh {
            if m.score != Some(fresh) {
                out.push((index, m.id.clone(), fresh));
            }
        }
    }
    out
}

/// Per mentee, the pairs a re-run replaces and the pairs it proposes.
pub(super) fn rerun_deltas(program: &Program, proposal: &Proposal) -> Vec<PairDelta> {
    type Sides = (Vec<(PersonId, Option<u8>)>, Vec<(PersonId, Option<u8>)>);
    let mut by_mentee: BTreeMap<PersonId, Sides> = BTreeMap::new();
    for m in program.current_matches() {
        if m.status == MatchStatus::Proposed && !m.locked {
            by_mentee
                .entry(m.mentee.clone())
                .or_default()
                .0
                .push((m.mentor.clone(), m.score));
        }
    }
    for p in proposal.new_pairs() {
        by_mentee
            .entry(p.mentee.clone())
            .or_default()
            .1
            .push((p.mentor.clone(), Some(p.score)));
    }
    let mut out = Vec::new();
    for (mentee, (mut before, mut after)) in by_mentee {
        // Pairs proposed again with the same score are no change.
        before.retain(|b| {
            if let Some(k) = after.iter().position(|a| a == b) {
                after.remove(k);
                false
            } else {
                true
            }
        });
        let n = before.len().max(after.len());
        for k in 0..n {
            let (mb, sb) = before.get(k).cloned().unzip();
            let (ma, sa) = after.get(k).cloned().unzip();
            out.push(PairDelta {
                mentee: mentee.clone(),
                mentor_before: mb,
                mentor_after: ma,
                before: sb.flatten(),
                after: sa.flatten(),
            });
        }
    }
    out
}
