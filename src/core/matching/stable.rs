//! Stable matching from ranked preferences: mentee-proposing deferred acceptance with
//! mentor capacities (Gale-Shapley), which gives the mentee-optimal stable matching.
//!
//! # Preference lists
//! - A mentee's list is their `preferences` (mentors they may be matched with: allowed by
//!   every rule, with capacity left, not already theirs), in their order, followed by their
//!   best remaining candidates by score (highest first, ties by id) up to
//!   `Options::candidates` entries in all, so people who ranked nobody still take part.
//!   Mentors not on the list are unacceptable to the mentee.
//! - A mentor ranks the mentees in their own `preferences` first (in order), then every
//!   other allowed mentee by score (highest first, ties by mentee id). Every allowed mentee
//!   is acceptable to a mentor.
//!
//! Stability is with respect to these lists: no mentee and mentor who are acceptable to
//! each other both prefer each other to (one of) their partners or a free place.
//! A mentee with a limit above one proposes until they hold that many mentors.

use std::collections::{HashMap, VecDeque};

use crate::core::model::Program;

use super::Setup;

/// The preference lists of one run.
#[derive(Clone, Debug)]
pub struct PreferenceLists {
    /// Per mentee (cohort index): acceptable mentors (cohort index, score), most preferred
    /// first.
    pub mentee_lists: Vec<Vec<(u32, u8)>>,
    /// Per mentor: explicitly ranked mentees (cohort index -> position).
    mentor_explicit: Vec<HashMap<u32, u32>>,
}

impl PreferenceLists {
    /// The mentor's rank key of a mentee with the pair's score: smaller is preferred.
    pub fn mentor_key(&self, mentor: usize, mentee: usize, score: u8) -> (u8, u32, u32) {
        match self
            .mentor_explicit
            .get(mentor)
            .and_then(|m| m.get(&(mentee as u32)))
        {
            Some(&pos) => (0, pos, 0),
            None => (1, u32::from(100 - score.min(100)), mentee as u32),
        }
    }
}

/// Builds the lists (see the module docs) from the scan's candidates (best first).
pub(crate) fn lists(program: &Program, setup: &Setup, cand: &[Vec<(u32, u8)>]) -> PreferenceLists {
    let cohort = &setup.cohort;
    let (n, m) = (cohort.mentee_count(), cohort.mentor_count());
    let mut mentee_lists = Vec::with_capacity(n);
    for (i, cand) in cand.iter().enumerate().take(n) {
        let mut list: Vec<(u32, u8)> = Vec::new();
        if setup.slots[i] > 0 {
            let person = &program.people[cohort.mentee_people[i]];
            for id in &person.preferences {
                let Some(j) = cohort.mentor_index(id) else {
                    continue;
                };
                if !setup.open(i, j) || list.iter().any(|x| x.0 as usize == j) {
                    continue;
                }
                let code = cohort.pair_code(i, j);
                if code <= crate::core::matching::scoring::MAX_SCORE {
                    list.push((j as u32, code));
                }
            }
            let limit = cand.len().max(list.len());
            for &c in cand {
                if list.len() >= limit {
                    break;
                }
                if !list.iter().any(|x| x.0 == c.0) {
                    list.push(c);
                }
            }
        }
        mentee_lists.push(list);
    }
    let mut mentor_explicit = vec![HashMap::new(); m];
    for (j, explicit) in mentor_explicit.iter_mut().enumerate() {
        let person = &program.people[cohort.mentor_people[j]];
        for id in &person.preferences {
            if let Some(i) = cohort.mentee_index(id) {
                let pos = explicit.len() as u32;
                explicit.entry(i as u32).or_insert(pos);
            }
        }
    }
    PreferenceLists {
        mentee_lists,
        mentor_explicit,
    }
}

/// The result of deferred acceptance.
pub(crate) struct Outcome {
    /// (mentee, mentor, score), sorted.
    pub(crate) pairs: Vec<(usize, usize, u8)>,
    /// Per mentee: whether it proposed to everyone on its list and still has a free place.
    pub(crate) exhausted: Vec<bool>,
}

/// A mentee a mentor holds: (the mentor's rank key, mentee, score).
type Held = ((u8, u32, u32), u32, u8);

/// Mentee-proposing deferred acceptance with capacities.
pub(crate) fn deferred_acceptance(setup: &Setup, lists: &PreferenceLists) -> Outcome {
    let n = lists.mentee_lists.len();
    let m = setup.cap.len();
    let mut next = vec![0usize; n];
    let mut holds = vec![0u32; n];
    // Per mentor: held (key, mentee, score).
    let mut held: Vec<Vec<Held>> = vec![Vec::new(); m];
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| setup.slots[i] > 0).collect();
    while let Some(i) = queue.pop_front() {
        while holds[i] < setup.slots[i] && next[i] < lists.mentee_lists[i].len() {
            let (j, score) = lists.mentee_lists[i][next[i]];
            next[i] += 1;
            let j = j as usize;
            let key = lists.mentor_key(j, i, score);
            if (held[j].len() as u32) < setup.cap[j] {
                held[j].push((key, i as u32, score));
                holds[i] += 1;
                continue;
            }
            // Full: the mentor keeps the better of the new mentee and its worst held one.
            let Some((worst, _)) = held[j].iter().enumerate().max_by_key(|(_, h)| h.0) else {
                continue;
            };
            if key < held[j][worst].0 {
                let out = held[j][worst].1 as usize;
                held[j][worst] = (key, i as u32, score);
                holds[i] += 1;
                holds[out] -= 1;
                queue.push_back(out);
            }
        }
    }
    let mut pairs: Vec<(usize, usize, u8)> = held
        .iter()
        .enumerate()
        .flat_map(|(j, h)| h.iter().map(move |&(_, i, s)| (i as usize, j, s)))
        .collect();
    pairs.sort_unstable();
    let exhausted = (0..n)
        .map(|i| holds[i] < setup.slots[i] && next[i] >= lists.mentee_lists[i].len())
        .collect();
    Outcome { pairs, exhausted }
}

/// The preference lists a stable run of this program uses (for inspection and tests).
pub fn preference_lists(program: &Program, options: &super::Options) -> PreferenceLists {
    let setup = Setup::new(program, options.as_of);
    let k = options
        .candidates
        .max(usize::from(program.matching.top_n.max(1)));
    match super::scan(&setup, k, None, options.dense_limit, &mut |_| {
        super::Control::Continue
    }) {
        Ok(scan) => lists(program, &setup, &scan.cand),
        Err(_) => PreferenceLists {
            mentee_lists: Vec::new(),
            mentor_explicit: Vec::new(),
        },
    }
}
