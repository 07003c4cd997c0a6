//! Turning a solution into a proposal: the pairs, circles, suggestions, and who is left
//! unmatched and why.

use std::collections::HashMap;

use crate::core::matching::scoring::{ExclusionRule, PairCode};
use crate::core::model::{Algorithm, PersonId, Program};

use super::*;

use super::candidates::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn build_proposal(
    program: &Program,
    algorithm: Algorithm,
    setup: &Setup,
    scan: &Scan,
    new_pairs: Vec<(usize, usize, u8)>,
    suggestions: Vec<Suggestion>,
    exhausted: &[bool],
    stats: Stats,
) -> Proposal {
    let cohort = &setup.cohort;
    let (n, m) = (cohort.mentee_count(), cohort.mentor_count());
    let mut got = vec![0u32; n];
    let mut load = vec![0u32; m];
    for &(i, j, _) in &new_pairs {
        got[i] += 1;
        load[j] += 1;
    }
    // Circles: each mentor's new mentees split as evenly as possible into circles of at
    // most `group_size`, in mentee id order.
    let mut circle_of: HashMap<(usize, usize), u32> = HashMap::new();
    if algorithm == Algorithm::Groups {
        let size = usize::from(program.matching.group_size.max(1));
        let mut by_mentor: Vec<Vec<usize>> = vec![Vec::new(); m];
        for &(i, j, _) in &new_pairs {
            by_mentor[j].push(i);
        }
        let mut next = setup.max_circle;
        for (j, mut ms) in by_mentor.into_iter().enumerate() {
            if ms.is_empty() {
                continue;
            }
            ms.sort_unstable();
            let circles = ms.len().div_ceil(size);
            let base = ms.len() / circles;
            let extra = ms.len() % circles;
            let mut pos = 0;
            for c in 0..circles {
                next += 1;
                let len = base + usize::from(c < extra);
                for &i in &ms[pos..pos + len] {
                    circle_of.insert((i, j), next);
                }
                pos += len;
            }
        }
    }
    let mut pairs: Vec<ProposedPair> = setup.kept.clone();
    let mut fresh: Vec<ProposedPair> = new_pairs
        .iter()
        .map(|&(i, j, s)| ProposedPair {
            mentor: cohort.mentor_ids[j].clone(),
            mentee: cohort.mentee_ids[i].clone(),
            score: s,
            circle: circle_of.get(&(i, j)).copied(),
            locked: false,
        })
        .collect();
    fresh.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    pairs.extend(fresh);
    let total_score = pairs.iter().map(|p| u64::from(p.score)).sum();

    let mut unmatched = Vec::new();
    let limit = u32::from(program.matching.rules.mentee_max_mentors.max(1));
    let any_open_mentor = setup.cap.iter().any(|&c| c > 0);
    let suggested: std::collections::HashSet<&PersonId> = suggestions
        .iter()
        .filter(|s| !s.mentors.is_empty())
        .map(|s| &s.mentee)
        .collect();
    let mut buf = vec![0u8; m];
    #[allow(clippy::needless_range_loop)]
    for i in 0..n {
        if let (0, Some(until)) = (got[i], setup.cooling[i]) {
            unmatched.push(Unmatched {
                person: cohort.mentee_ids[i].clone(),
                role: UnmatchedRole::Mentee,
                reason: UnmatchedReason::CoolingDown { until },
            });
            continue;
        }
        // Matched through kept or new pairs, or (top-N) given suggestions: not unmatched.
        if got[i] > 0 || setup.slots[i] < limit {
            continue;
        }
        if algorithm == Algorithm::TopN && suggested.contains(&cohort.mentee_ids[i]) {
            continue;
        }
        let reason = if m == 0 {
            UnmatchedReason::NoMentors
        } else if !any_open_mentor {
            UnmatchedReason::NoCapacityLeft
        } else if scan.mentee_allowed[i] > 0 {
            if exhausted.get(i).copied().unwrap_or(false) {
                UnmatchedReason::PreferencesExhausted
            } else {
                UnmatchedReason::NoCapacityLeft
            }
        } else {
            cohort.score_row(i, &mut buf);
            let mut counts: HashMap<ExclusionRule, u32> = HashMap::new();
            for (j, &code) in buf.iter().enumerate() {
                if !setup.open(i, j) {
                    continue;
                }
                if let PairCode::Excluded(rule) = cohort.decode(code) {
                    *counts.entry(rule).or_default() += 1;
                }
            }
            if counts.is_empty() {
                UnmatchedReason::NoCapacityLeft
            } else {
                UnmatchedReason::AllExcluded {
                    rules: sorted_counts(counts),
                }
            }
        };
        unmatched.push(Unmatched {
            person: cohort.mentee_ids[i].clone(),
            role: UnmatchedRole::Mentee,
            reason,
        });
    }
    if algorithm != Algorithm::TopN {
        let kept_load: Vec<bool> = (0..m)
            .map(|j| {
                let p = &program.people[cohort.mentor_people[j]];
                u32::from(p.capacity) > setup.cap[j]
            })
            .collect();
        let any_mentee_open = setup.slots.iter().any(|&s| s > 0);
        for j in 0..m {
            if load[j] > 0 || kept_load[j] {
                continue;
            }
            let reason = if setup.cap[j] == 0 {
                UnmatchedReason::NotAvailable
            } else if n == 0 || !any_mentee_open {
                UnmatchedReason::NoMentees
            } else if scan.mentor_allowed[j] > 0 {
                UnmatchedReason::NoMenteeLeft
            } else {
                let mut counts: HashMap<ExclusionRule, u32> = HashMap::new();
                for i in 0..n {
                    if !setup.open(i, j) {
                        continue;
                    }
                    let code = match &scan.dense {
                        Some(d) => d.code(i, j).unwrap_or(0),
                        None => cohort.pair_code(i, j),
                    };
                    if let PairCode::Excluded(rule) = cohort.decode(code) {
                        *counts.entry(rule).or_default() += 1;
                    }
                }
                if counts.is_empty() {
                    UnmatchedReason::NoMenteeLeft
                } else {
                    UnmatchedReason::AllExcluded {
                        rules: sorted_counts(counts),
                    }
                }
            };
            unmatched.push(Unmatched {
                person: cohort.mentor_ids[j].clone(),
                role: UnmatchedRole::Mentor,
                reason,
            });
        }
    }
    Proposal {
        algorithm,
        pairs,
        unmatched,
        suggestions,
        total_score,
        stats,
    }
}

pub(super) fn sorted_counts(counts: HashMap<ExclusionRule, u32>) -> Vec<(ExclusionRule, u32)> {
    let mut v: Vec<(ExclusionRule, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}
