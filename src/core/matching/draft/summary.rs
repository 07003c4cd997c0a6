//! The draft at a glance: its pairs, totals, and who is unmatched and why.

use std::collections::HashMap;

use crate::core::matching::scoring::{self, Cohort, ExclusionRule, PairCode};
use crate::core::matching::{Unmatched, UnmatchedReason, UnmatchedRole};
use crate::core::model::{Match, MatchId, MatchSource, MatchStatus, PersonId, Program, Role};

/// One relationship of the current cycle, as the draft page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftPair {
    /// The match.
    pub id: MatchId,
    /// The mentor.
    pub mentor: PersonId,
    /// The mentee.
    pub mentee: PersonId,
    /// The stored score (see the module docs); [`scoring::explain`] says why.
    pub score: Option<u8>,
    /// Pinned: kept by re-runs.
    pub locked: bool,
    /// Proposed (in the draft), or active / on hold (already published).
    pub status: MatchStatus,
    /// Circle number in group format.
    pub circle: Option<u32>,
    /// How the match came about.
    pub source: MatchSource,
}

/// The draft at a glance: pairs, totals, and who is unmatched and why.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    /// Every current-cycle relationship using capacity (draft and published), in program
    /// order.
    pub pairs: Vec<DraftPair>,
    /// How many of `pairs` are in the draft (proposed).
    pub draft_pairs: usize,
    /// How many of `pairs` are locked or published (kept by a re-run).
    pub locked: usize,
    /// People who want a mentor this cycle (see [`scoring`] for the `Either` policy).
    pub mentees: usize,
    /// Of them, how many have a mentor.
    pub matched_mentees: usize,
    /// `matched_mentees` as a percentage of `mentees` (`None` with no mentees).
    pub matched_percent: Option<f64>,
    /// People who can mentor this cycle.
    pub mentors: usize,
    /// Their total capacity.
    pub places: u64,
    /// Mean of the pairs' scores (`None` with no scored pair).
    pub mean_score: Option<f64>,
    /// Lowest pair score (`None` with no scored pair).
    pub min_score: Option<u8>,
    /// Sum of the pairs' scores.
    pub total_score: i64,
    /// Mentees without a mentor, then mentors without a mentee, each by id, with reasons.
    pub unmatched: Vec<Unmatched>,
    /// Mentors with more mentees than their capacity (capacity lowered after matching, or
    /// matches imported), by id: (mentor, mentees this cycle, capacity).
    pub over_capacity: Vec<(PersonId, u32, u16)>,
}

/// Summarises the current cycle's draft. Linear in the program, plus, per unmatched
/// person, the pair checks needed to say why (usually a few; a whole row only when every
/// partner is excluded or full).
pub fn summary(program: &Program) -> DraftSummary {
    let pairs: Vec<DraftPair> = cycle_pairs(program)
        .map(|m| DraftPair {
            id: m.id.clone(),
            mentor: m.mentor.clone(),
            mentee: m.mentee.clone(),
            score: m.score,
            locked: scoring::is_kept(m.locked, m.status),
            status: m.status,
            circle: m.circle,
            source: m.source,
        })
        .collect();
    let scores: Vec<u8> = pairs.iter().filter_map(|p| p.score).collect();
    let total_score: i64 = scores.iter().map(|&s| i64::from(s)).sum();

    let load = Load::new(program);
    let (mut mentees, mut mentors) = (Vec::new(), Vec::new());
    for (k, p) in program.people.iter().enumerate() {
        let as_mentor = load.mentor_used.contains_key(&p.id);
        let as_mentee = load.mentee_pairs.contains_key(&p.id);
        let mentor_role = match p.role {
            Role::Mentor => true,
            Role::Mentee => false,
            Role::Either => as_mentor || (!as_mentee && p.capacity > 0),
        };
        if mentor_role {
            mentors.push(k);
        } else {
            mentees.push(k);
        }
    }
    let matched_mentees = mentees
        .iter()
        .filter(|&&k| load.mentee_pairs.contains_key(&program.people[k].id))
        .count();
    let unmatched = unmatched(program, &load, &mentees, &mentors);
    let mut over_capacity: Vec<(PersonId, u32, u16)> = program
        .people
        .iter()
        .filter_map(|p| {
            let used = load.mentor_used.get(&p.id).copied()?;
            (used > u32::from(p.capacity)).then(|| (p.id.clone(), used, p.capacity))
        })
        .collect();
    over_capacity.sort();

    DraftSummary {
        draft_pairs: pairs
            .iter()
            .filter(|p| p.status == MatchStatus::Proposed)
            .count(),
        locked: pairs.iter().filter(|p| p.locked).count(),
        mentees: mentees.len(),
        matched_mentees,
        matched_percent: (!mentees.is_empty())
            .then(|| 100.0 * matched_mentees as f64 / mentees.len() as f64),
        mentors: mentors.len(),
        places: mentors
            .iter()
            .map(|&k| u64::from(program.people[k].capacity))
            .sum(),
        mean_score: (!scores.is_empty()).then(|| total_score as f64 / scores.len() as f64),
        min_score: scores.iter().copied().min(),
        total_score,
        pairs,
        unmatched,
        over_capacity,
    }
}

/// Why someone with partners to check is unmatched, looking at as few pairs as possible:
/// partners with room first (any allowed one ends the search), then the full ones (any
/// allowed one means "no capacity left"); only when every pair is excluded are all pairs
/// scored, to count the rules.
pub(super) fn partner_reason(
    partners: &[(usize, bool)],
    code: impl Fn(usize) -> PairCode,
    full: UnmatchedReason,
) -> UnmatchedReason {
    let mut rules: Vec<(ExclusionRule, u32)> = Vec::new();
    for pass_room in [true, false] {
        for &(j, room) in partners {
            if room != pass_room {
                continue;
            }
            match code(j) {
                PairCode::Score(_) if room => return UnmatchedReason::PartnersAvailable,
                PairCode::Score(_) => return full,
                // Few distinct rules, so a small list.
                PairCode::Excluded(rule) => match rules.iter_mut().find(|(r, _)| *r == rule) {
                    Some((_, n)) => *n += 1,
                    None => rules.push((rule, 1)),
                },
            }
        }
    }
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    UnmatchedReason::AllExcluded { rules }
}

/// Who is unmatched and why; scores only the pairs needed to say why (no score matrix).
pub(super) fn unmatched(
    program: &Program,
    load: &Load,
    mentees: &[usize],
    mentors: &[usize],
) -> Vec<Unmatched> {
    let people = &program.people;
    let is_lonely_mentee = |k: usize| !load.mentee_pairs.contains_key(&people[k].id);
    let is_lonely_mentor = |k: usize| !load.mentor_used.contains_key(&people[k].id);
    let mut lonely_mentees: Vec<usize> = mentees
        .iter()
        .copied()
        .filter(|&k| is_lonely_mentee(k))
        .collect();
    let mut lonely_mentors: Vec<usize> = mentors
        .iter()
        .copied()
        .filter(|&k| is_lonely_mentor(k))
        .collect();
    if lonely_mentees.is_empty() && lonely_mentors.is_empty() {
        return Vec::new();
    }
    lonely_mentees.sort_by(|&a, &b| people[a].id.cmp(&people[b].id));
    lonely_mentors.sort_by(|&a, &b| people[a].id.cmp(&people[b].id));
    let cohort = Cohort::new(program);
    let limit = u32::from(program.matching.rules.mentee_max_mentors.max(1));
    // (cohort index, has room) of every mentor and mentee of this cycle.
    let mentor_side: Vec<(usize, bool)> = mentors
        .iter()
        .filter_map(|&k| {
            let j = cohort.mentor_index(&people[k].id)?;
            let used = load.mentor_used.get(&people[k].id).copied().unwrap_or(0);
            Some((j, used < u32::from(people[k].capacity)))
        })
        .collect();
    let mentee_side: Vec<(usize, bool)> = mentees
        .iter()
        .filter_map(|&k| {
            let i = cohort.mentee_index(&people[k].id)?;
            let has = load.mentee_pairs.get(&people[k].id).copied().unwrap_or(0);
            Some((i, has < limit))
        })
        .collect();

    let mut out = Vec::new();
    for k in lonely_mentees {
        let reason = match cohort.mentee_index(&people[k].id) {
            _ if mentors.is_empty() => UnmatchedReason::NoMentors,
            Some(i) => partner_reason(
                &mentor_side,
                |j| cohort.decode(cohort.pair_code(i, j)),
                UnmatchedReason::NoCapacityLeft,
            ),
            // Not a mentee for scoring (cannot happen for someone unmatched: both use the
            // same role policy); say what can be said.
            None => UnmatchedReason::PartnersAvailable,
        };
        out.push(Unmatched {
            person: people[k].id.clone(),
            role: UnmatchedRole::Mentee,
            reason,
        });
    }
    for k in lonely_mentors {
        let reason = match cohort.mentor_index(&people[k].id) {
            _ if people[k].capacity == 0 => UnmatchedReason::NotAvailable,
            _ if mentees.is_empty() => UnmatchedReason::NoMentees,
            Some(j) => partner_reason(
                &mentee_side,
                |i| cohort.decode(cohort.pair_code(i, j)),
                UnmatchedReason::NoMenteeLeft,
            ),
            None => UnmatchedReason::PartnersAvailable,
        };
        out.push(Unmatched {
            person: people[k].id.clone(),
            role: UnmatchedRole::Mentor,
            reason,
        });
    }
    out
}

/// Current-cycle relationships that use capacity (proposed, active, on hold).
pub(super) fn cycle_pairs(program: &Program) -> impl Iterator<Item = &Match> {
    program
        .current_matches()
        .filter(|m| m.status.uses_capacity())
}

/// How many places each person takes this cycle.
pub(super) struct Load<'a> {
    /// Per mentor: mentees this cycle.
    pub(super) mentor_used: HashMap<&'a PersonId, u32>,
    /// Per mentee: mentors this cycle.
    pub(super) mentee_pairs: HashMap<&'a PersonId, u32>,
}

impl<'a> Load<'a> {
    fn new(program: &'a Program) -> Load<'a> {
        let mut mentor_used = HashMap::new();
        let mut mentee_pairs = HashMap::new();
        for m in cycle_pairs(program) {
            *mentor_used.entry(&m.mentor).or_insert(0) += 1;
            *mentee_pairs.entry(&m.mentee).or_insert(0) += 1;
        }
        Load {
            mentor_used,
            mentee_pairs,
        }
    }
}

/// The cohort's total: stored scores of current-cycle relationships using capacity.
pub(super) fn cohort_total(program: &Program) -> i64 {
    cycle_pairs(program)
        .map(|m| i64::from(m.score.unwrap_or(0)))
        .sum()
}
