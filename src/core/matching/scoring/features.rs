//! What scoring compares: each person's features interned once, and the similarity of
//! two people on one criterion.

use std::collections::HashMap;

use crate::core::model::{MatchStatus, Preference, Program, Role};
use crate::core::people::timezone::distance_minutes;

use super::*;

/// The interned, precomputed features of one person in one role.
#[derive(Clone, Debug, Default)]
pub(super) struct Features {
    pub(super) department: u32,
    pub(super) team: u32,
    pub(super) manager: u32,
    pub(super) name: u32,
    pub(super) email: u32,
    pub(super) seniority: Option<i16>,
    pub(super) tz: Option<i16>,
    pub(super) languages: Set,
    pub(super) goals: Set,
    /// (skill, cluster, level) sorted by skill: wanted skills of a mentee, offered of a mentor.
    pub(super) skills: Vec<(u32, u32, u8)>,
    /// The skills of `skills` as a set.
    pub(super) skill_set: Set,
    /// Clusters of `skills`.
    pub(super) clusters: Set,
    /// Per profile-field slot: the answer as a set of interned values.
    pub(super) fields: Vec<Set>,
}

/// A small set of interned ids: the sorted ids and a 64-bit mask with bit `(id - 1) % 64`.
/// When the ids of a kind never exceed 64 (see [`Exact`]) the mask alone is exact, which
/// makes the common case a single AND and popcount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Set {
    pub(super) mask: u64,
    pub(super) items: Vec<u32>,
}

impl Set {
    pub(super) fn new(mut items: Vec<u32>) -> Set {
        items.retain(|&x| x != 0);
        items.sort_unstable();
        items.dedup();
        let mask = items.iter().fold(0u64, |m, &x| m | 1u64 << ((x - 1) % 64));
        Set { mask, items }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(super) fn len(&self) -> u32 {
        self.items.len() as u32
    }

    #[inline]
    pub(super) fn contains(&self, x: u32, exact: bool) -> bool {
        if x == 0 || self.mask & (1u64 << ((x - 1) % 64)) == 0 {
            return false;
        }
        exact || self.items.binary_search(&x).is_ok()
    }

    /// How many ids both sets hold.
    #[inline]
    pub(super) fn common(&self, other: &Set, exact: bool) -> u32 {
        let both = self.mask & other.mask;
        if both == 0 {
            0
        } else if exact {
            both.count_ones()
        } else {
            common(&self.items, &other.items)
        }
    }
}

/// The mentors' simple features as columns, for the row scorer's tight loops.
#[derive(Clone, Debug, Default)]
pub(super) struct Columns {
    pub(super) team: Vec<u32>,
    pub(super) department: Vec<u32>,
    pub(super) manager: Vec<u32>,
    pub(super) name: Vec<u32>,
    pub(super) email: Vec<u32>,
    /// Index into `tz_values`; 0 = unknown.
    pub(super) tz: Vec<u16>,
    /// Distinct known offsets (index 0 unused).
    pub(super) tz_values: Vec<i16>,
    /// Seniority 0-255, or 256 if unknown.
    pub(super) seniority: Vec<u16>,
    pub(super) languages: Vec<u64>,
    pub(super) goals: Vec<u64>,
    pub(super) skills: Vec<u64>,
    pub(super) clusters: Vec<u64>,
}

impl Columns {
    pub(super) fn new(mentors: &[Features]) -> Columns {
        let mut c = Columns {
            tz_values: vec![0],
            ..Columns::default()
        };
        for f in mentors {
            c.team.push(f.team);
            c.department.push(f.department);
            c.manager.push(f.manager);
            c.name.push(f.name);
            c.email.push(f.email);
            let tz = match f.tz {
                None => 0,
                // Index 0 is "unknown", never a real offset (UTC is offset 0).
                Some(v) => match c.tz_values.iter().skip(1).position(|&x| x == v) {
                    Some(k) => k + 1,
                    None => {
                        c.tz_values.push(v);
                        c.tz_values.len() - 1
                    }
                },
            };
            c.tz.push(tz as u16);
            c.seniority
                .push(f.seniority.map_or(256, |s| s.clamp(0, 255) as u16));
            c.languages.push(f.languages.mask);
            c.goals.push(f.goals.mask);
            c.skills.push(f.skill_set.mask);
            c.clusters.push(f.clusters.mask);
        }
        c
    }
}

/// Which id kinds have at most 64 distinct values (their [`Set`] masks are exact).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Exact {
    pub(super) languages: bool,
    pub(super) goals: bool,
    pub(super) skills: bool,
    pub(super) clusters: bool,
    pub(super) answers: bool,
}

#[derive(Clone, Debug)]
pub(super) enum Kind {
    Skills,
    Goals,
    Seniority { min: i16, max: i16 },
    Department(Preference),
    TimeZone,
    Language,
    Field { slot: usize, prefer: Preference },
}

#[derive(Clone, Debug)]
pub(super) struct Compiled {
    pub(super) kind: Kind,
    pub(super) weight: u32,
    pub(super) must: bool,
    /// Index into `matching.criteria`.
    pub(super) index: usize,
    pub(super) label: String,
}

/// A small interner: trimmed, lower-cased text to a number; 0 is "empty".
#[derive(Default)]
pub(super) struct Interner {
    pub(super) map: HashMap<String, u32>,
}

impl Interner {
    pub(super) fn id(&mut self, text: &str) -> u32 {
        let t = text.trim();
        if t.is_empty() {
            return 0;
        }
        let key = t.to_lowercase();
        let next = self.map.len() as u32 + 1;
        *self.map.entry(key).or_insert(next)
    }

    pub(super) fn set<'a>(&mut self, texts: impl IntoIterator<Item = &'a String>) -> Set {
        Set::new(texts.into_iter().map(|t| self.id(t)).collect())
    }

    /// Whether every id fits a 64-bit mask exactly.
    pub(super) fn exact(&self) -> bool {
        self.map.len() <= 64
    }
}

/// Which role each person takes in this run; see the module docs for the `Either` policy.
/// Returns `(is_mentee, is_mentor)` per person.
pub(super) fn roles(program: &Program) -> Vec<(bool, bool)> {
    let mut kept_mentor = std::collections::HashSet::new();
    let mut kept_mentee = std::collections::HashSet::new();
    for m in program.current_matches() {
        if is_kept(m.locked, m.status) {
            kept_mentor.insert(&m.mentor);
            kept_mentee.insert(&m.mentee);
        }
    }
    program
        .people
        .iter()
        .map(|p| match p.role {
            Role::Mentee => (true, false),
            Role::Mentor => (false, true),
            Role::Either => {
                if kept_mentor.contains(&p.id) {
                    (false, true)
                } else if kept_mentee.contains(&p.id) {
                    (true, false)
                } else if p.capacity > 0 {
                    (false, true)
                } else {
                    (true, false)
                }
            }
        })
        .collect()
}

/// Whether a current-cycle match is kept by a re-run (and uses capacity): locked matches and
/// published ones (active, on hold). Unlocked proposals are what a run replaces.
pub fn is_kept(locked: bool, status: MatchStatus) -> bool {
    status.uses_capacity() && (locked || status != MatchStatus::Proposed)
}

#[inline]
pub(super) fn same_manager(e: &Features, r: &Features) -> bool {
    (e.manager != 0 && (e.manager == r.manager || e.manager == r.name || e.manager == r.email))
        || (r.manager != 0 && (r.manager == e.name || r.manager == e.email))
}

/// Whether a known similarity meets a "must have" criterion (see the module table).
pub(super) fn met(kind: &Kind, sim: u16) -> bool {
    match kind {
        Kind::Skills | Kind::Goals => sim > 0,
        Kind::TimeZone => sim >= FULL - (u32::from(TZ_MUST_MINUTES) * 1000 / 720) as u16,
        Kind::Field {
            prefer: Preference::Overlap,
            ..
        } => sim > 0,
        _ => sim == FULL,
    }
}

/// Count of values in both sorted lists.
#[inline]
pub(super) fn common(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Seniority similarity: full inside the preferred gap range, minus 250 per level outside.
#[inline]
pub(super) fn seniority_sim(min: i16, max: i16, mentee: i16, mentor: i16) -> u16 {
    let gap = mentor - mentee;
    let outside = if gap < min {
        min - gap
    } else if gap > max {
        gap - max
    } else {
        0
    };
    (1000 - 250 * i32::from(outside.min(4))) as u16
}

/// Time-zone similarity: full at 0 hours apart, 0 at 12 hours.
#[inline]
pub(super) fn tz_sim(a: i16, b: i16) -> u16 {
    FULL - (u32::from(distance_minutes(a, b)) * 1000 / 720) as u16
}

/// Skills similarity of a mentee who wants at least one skill (see the module table).
#[inline]
pub(super) fn skills_sim(e: &Features, r: &Features, exact: Exact) -> u16 {
    let mut sum = 0u32;
    for &(skill, cluster, want) in &e.skills {
        let offered = if r.skill_set.contains(skill, exact.skills) {
            r.skills.iter().find(|s| s.0 == skill).map(|s| s.2)
        } else {
            None
        };
        sum += match offered {
            Some(have) if have >= want => 1000,
            Some(have) => 1000 * u32::from(have) / u32::from(want),
            None if r.clusters.contains(cluster, exact.clusters) => 250,
            None => 0,
        };
    }
    (sum / e.skills.len().max(1) as u32) as u16
}

/// A criterion's similarity for a pair, 0-1000; `None` if data is missing.
#[inline]
pub(super) fn similarity(kind: &Kind, e: &Features, r: &Features, exact: Exact) -> Option<u16> {
    match kind {
        Kind::Skills => {
            if e.skills.is_empty() {
                return None;
            }
            // Nothing offered in the wanted skills or their clusters: 0 without a loop.
            if e.skill_set.mask & r.skill_set.mask == 0 && e.clusters.mask & r.clusters.mask == 0 {
                return Some(0);
            }
            Some(skills_sim(e, r, exact))
        }
        Kind::Goals => {
            if e.goals.is_empty() || r.goals.is_empty() {
                return None;
            }
            Some((1000 * e.goals.common(&r.goals, exact.goals) / e.goals.len()) as u16)
        }
        Kind::Seniority { min, max } => Some(seniority_sim(*min, *max, e.seniority?, r.seniority?)),
        Kind::Department(prefer) => {
            if e.department == 0 || r.department == 0 {
                return None;
            }
            let same = e.department == r.department;
            Some(if same == (*prefer != Preference::Different) {
                FULL
            } else {
                0
            })
        }
        Kind::TimeZone => Some(tz_sim(e.tz?, r.tz?)),
        Kind::Language => {
            if e.languages.is_empty() || r.languages.is_empty() {
                return None;
            }
            Some(if e.languages.common(&r.languages, exact.languages) > 0 {
                FULL
            } else {
                0
            })
        }
        Kind::Field { slot, prefer } => {
            let (a, b) = (&e.fields[*slot], &r.fields[*slot]);
            if a.is_empty() || b.is_empty() {
                return None;
            }
            Some(match prefer {
                Preference::Same => {
                    if a.items == b.items {
                        FULL
                    } else {
                        0
                    }
                }
                Preference::Different => {
                    if a.items != b.items {
                        FULL
                    } else {
                        0
                    }
                }
                Preference::Overlap => (1000 * a.common(b, exact.answers) / a.len()) as u16,
            })
        }
    }
}
