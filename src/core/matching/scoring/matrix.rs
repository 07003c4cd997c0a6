//! Scoring every pair: rows of codes, the score matrix, and scoring rows in parallel.

use crate::core::model::{Preference, Program};
use crate::core::people::timezone::distance_minutes;

use super::*;
use crate::core::matching::threads::for_rows_parallel;

impl Cohort {
    /// The code (score 0-100, or 101-255 for the first excluding rule) of every pair of one
    /// mentee, into `out` (one byte per mentor).
    ///
    /// # Panics
    /// Never on data; `mentee` must be below [`Cohort::mentee_count`] and `out` exactly
    /// [`Cohort::mentor_count`] long (caller bugs, checked by debug assertions).
    pub fn score_row(&self, mentee: usize, out: &mut [u8]) {
        let mut raw = Vec::new();
        self.score_row_with(mentee, out, &mut raw);
    }

    /// [`Cohort::score_row`] with a reusable scratch buffer.
    ///
    /// Works criterion by criterion over all mentors (tight loops over columns, tables for
    /// seniority and time zones), giving exactly the codes of [`Cohort::pair_code`].
    #[allow(clippy::needless_range_loop)] // parallel columns read best by index
    pub(crate) fn score_row_with(&self, mentee: usize, out: &mut [u8], raw: &mut Vec<u32>) {
        let m = self.mentor_f.len();
        debug_assert_eq!(out.len(), m);
        let e = &self.mentee_f[mentee];
        let col = &self.columns;
        raw.clear();
        raw.resize(m, 0);
        // 0 = not excluded (yet); the final pass turns it into the score.
        out.fill(0);
        for &(j, code) in &self.special[mentee] {
            if let Some(slot) = out.get_mut(j as usize) {
                *slot = code;
            }
        }
        if self.exclude_manager {
            for j in 0..m {
                let same = (e.manager != 0
                    && (e.manager == col.manager[j]
                        || e.manager == col.name[j]
                        || e.manager == col.email[j]))
                    || (col.manager[j] != 0
                        && (col.manager[j] == e.name || col.manager[j] == e.email));
                if same && out[j] == 0 {
                    out[j] = CODE_SAME_MANAGER;
                }
            }
        }
        if self.exclude_team && e.team != 0 {
            for (o, &t) in out.iter_mut().zip(&col.team) {
                if t == e.team && *o == 0 {
                    *o = CODE_SAME_TEAM;
                }
            }
        }
        if self.exclude_department && e.department != 0 {
            for (o, &d) in out.iter_mut().zip(&col.department) {
                if d == e.department && *o == 0 {
                    *o = CODE_SAME_DEPARTMENT;
                }
            }
        }
        if let (Some((max, _)), Some(a)) = (self.max_tz_minutes, e.tz) {
            let far: Vec<bool> = col
                .tz_values
                .iter()
                .enumerate()
                .map(|(k, &b)| k != 0 && distance_minutes(a, b) > max)
                .collect();
            for (o, &t) in out.iter_mut().zip(&col.tz) {
                if far[usize::from(t)] && *o == 0 {
                    *o = CODE_TZ;
                }
            }
        }
        for (k, c) in self.criteria.iter().enumerate() {
            let w = c.weight;
            let fail = CODE_MUST_BASE.saturating_add(k.min(127) as u8);
            match &c.kind {
                Kind::Seniority { min, max } => {
                    // Table by mentor seniority (256 = unknown).
                    let mut table = [(w * u32::from(NEUTRAL), false); 257];
                    if let Some(a) = e.seniority {
                        for (v, t) in table.iter_mut().enumerate().take(256) {
                            let sim = seniority_sim(*min, *max, a, v as i16);
                            *t = (w * u32::from(sim), c.must && !met(&c.kind, sim));
                        }
                    }
                    for j in 0..m {
                        let (add, failed) = table[usize::from(col.seniority[j])];
                        raw[j] += add;
                        if failed && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::TimeZone => {
                    let table: Vec<(u32, bool)> = col
                        .tz_values
                        .iter()
                        .enumerate()
                        .map(|(t, &b)| match (t, e.tz) {
                            (0, _) | (_, None) => (w * u32::from(NEUTRAL), false),
                            (_, Some(a)) => {
                                let sim = tz_sim(a, b);
                                (w * u32::from(sim), c.must && !met(&c.kind, sim))
                            }
                        })
                        .collect();
                    for j in 0..m {
                        let (add, failed) = table[usize::from(col.tz[j])];
                        raw[j] += add;
                        if failed && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Department(prefer) => {
                    let want_same = *prefer != Preference::Different;
                    for j in 0..m {
                        let d = col.department[j];
                        let sim = if e.department == 0 || d == 0 {
                            raw[j] += w * u32::from(NEUTRAL);
                            continue;
                        } else if (d == e.department) == want_same {
                            FULL
                        } else {
                            0
                        };
                        raw[j] += w * u32::from(sim);
                        if c.must && sim != FULL && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Language if self.exact.languages => {
                    let a = e.languages.mask;
                    for j in 0..m {
                        let b = col.languages[j];
                        if a == 0 || b == 0 {
                            raw[j] += w * u32::from(NEUTRAL);
                        } else if a & b != 0 {
                            raw[j] += w * u32::from(FULL);
                        } else if c.must && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Skills => {
                    if e.skills.is_empty() {
                        for x in raw.iter_mut() {
                            *x += w * u32::from(NEUTRAL);
                        }
                        continue;
                    }
                    let (sm, cm) = (e.skill_set.mask, e.clusters.mask);
                    for j in 0..m {
                        let sim = if sm & col.skills[j] == 0 && cm & col.clusters[j] == 0 {
                            0
                        } else {
                            skills_sim(e, &self.mentor_f[j], self.exact)
                        };
                        raw[j] += w * u32::from(sim);
                        if c.must && sim == 0 && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Goals if self.exact.goals => {
                    let a = e.goals.mask;
                    let len = e.goals.len().max(1);
                    for j in 0..m {
                        let b = col.goals[j];
                        if a == 0 || b == 0 {
                            raw[j] += w * u32::from(NEUTRAL);
                            continue;
                        }
                        let shared = (a & b).count_ones();
                        raw[j] += w * (1000 * shared / len);
                        if c.must && shared == 0 && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                kind => {
                    for j in 0..m {
                        let sim = similarity(kind, e, &self.mentor_f[j], self.exact);
                        raw[j] += w * u32::from(sim.unwrap_or(NEUTRAL));
                        if c.must && out[j] == 0 {
                            if let Some(s) = sim {
                                if !met(kind, s) {
                                    out[j] = fail;
                                }
                            }
                        }
                    }
                }
            }
        }
        let min = self.min_score;
        if self.score_of.is_empty() {
            for (o, &r) in out.iter_mut().zip(raw.iter()) {
                if *o == 0 {
                    let s = self.to_score(r);
                    *o = if s < min { CODE_MIN_SCORE } else { s };
                }
            }
        } else {
            for (o, &r) in out.iter_mut().zip(raw.iter()) {
                if *o == 0 {
                    let s = self.score_of.get(r as usize).copied().unwrap_or(0);
                    *o = if s < min { CODE_MIN_SCORE } else { s };
                }
            }
        }
    }

    /// The code of one pair (see [`Cohort::score_row`]).
    pub fn pair_code(&self, mentee: usize, mentor: usize) -> u8 {
        let special = &self.special[mentee];
        if let Ok(k) = special.binary_search_by_key(&(mentor as u32), |s| s.0) {
            return special[k].1;
        }
        self.code_of(&self.mentee_f[mentee], &self.mentor_f[mentor])
    }

    /// The score the criteria give a pair, ignoring every hard rule (used for kept matches).
    pub fn raw_score(&self, mentee: usize, mentor: usize) -> u8 {
        let (e, r) = (&self.mentee_f[mentee], &self.mentor_f[mentor]);
        let mut raw = 0u32;
        for c in &self.criteria {
            raw += c.weight * u32::from(similarity(&c.kind, e, r, self.exact).unwrap_or(NEUTRAL));
        }
        self.to_score(raw)
    }

    #[inline]
    pub(super) fn to_score(&self, raw: u32) -> u8 {
        if self.total_weight == 0 {
            return 0;
        }
        let d = self.total_weight * u32::from(FULL);
        ((raw * 100 + d / 2) / d) as u8
    }

    #[inline]
    pub(super) fn code_of(&self, e: &Features, r: &Features) -> u8 {
        if self.exclude_manager && same_manager(e, r) {
            return CODE_SAME_MANAGER;
        }
        if self.exclude_team && e.team != 0 && e.team == r.team {
            return CODE_SAME_TEAM;
        }
        if self.exclude_department && e.department != 0 && e.department == r.department {
            return CODE_SAME_DEPARTMENT;
        }
        if let (Some((max, _)), Some(a), Some(b)) = (self.max_tz_minutes, e.tz, r.tz) {
            if distance_minutes(a, b) > max {
                return CODE_TZ;
            }
        }
        let mut raw = 0u32;
        let mut must_failed = None;
        for (k, c) in self.criteria.iter().enumerate() {
            let sim = similarity(&c.kind, e, r, self.exact);
            if c.must && must_failed.is_none() {
                if let Some(s) = sim {
                    if !met(&c.kind, s) {
                        must_failed = Some(k);
                    }
                }
            }
            raw += c.weight * u32::from(sim.unwrap_or(NEUTRAL));
        }
        if let Some(k) = must_failed {
            return CODE_MUST_BASE.saturating_add(k.min(127) as u8);
        }
        let score = self.to_score(raw);
        if score < self.min_score {
            return CODE_MIN_SCORE;
        }
        score
    }
}

/// Every pair's code, one byte per pair, mentee-major.
#[derive(Clone, Debug)]
pub struct ScoreMatrix {
    mentees: usize,
    mentors: usize,
    codes: Vec<u8>,
}

impl ScoreMatrix {
    /// An all-zero matrix to be filled with [`ScoreMatrix::fill_rows`].
    pub(crate) fn zeroed(mentees: usize, mentors: usize) -> ScoreMatrix {
        ScoreMatrix {
            mentees,
            mentors,
            codes: vec![0; mentees * mentors],
        }
    }

    /// Scores the given rows (on every core natively).
    pub(crate) fn fill_rows(&mut self, cohort: &Cohort, rows: std::ops::Range<usize>) {
        let m = self.mentors;
        let start = rows.start.min(self.mentees);
        let end = rows.end.min(self.mentees);
        if m == 0 || start >= end {
            return;
        }
        let slice = &mut self.codes[start * m..end * m];
        for_rows_parallel(slice, m, |k, row| cohort.score_row(start + k, row));
    }

    /// Number of rows (mentees).
    pub fn mentees(&self) -> usize {
        self.mentees
    }

    /// Number of columns (mentors).
    pub fn mentors(&self) -> usize {
        self.mentors
    }

    /// The raw code of a pair: 0-100 a score, 101-255 an exclusion ([`Cohort::decode`]).
    /// `None` if out of range.
    pub fn code(&self, mentee: usize, mentor: usize) -> Option<u8> {
        if mentee >= self.mentees || mentor >= self.mentors {
            return None;
        }
        self.codes.get(mentee * self.mentors + mentor).copied()
    }

    /// The score of an allowed pair; `None` if excluded or out of range.
    pub fn score(&self, mentee: usize, mentor: usize) -> Option<u8> {
        self.code(mentee, mentor).filter(|&c| c <= MAX_SCORE)
    }

    /// One mentee's codes.
    pub fn row(&self, mentee: usize) -> &[u8] {
        let start = (mentee * self.mentors).min(self.codes.len());
        let end = (start + self.mentors).min(self.codes.len());
        &self.codes[start..end]
    }
}

/// Scores every pair of a cohort, using every core natively (rows split across threads).
/// Memory: one byte per pair.
pub fn score_cohort(cohort: &Cohort) -> ScoreMatrix {
    let mut matrix = ScoreMatrix::zeroed(cohort.mentee_count(), cohort.mentor_count());
    matrix.fill_rows(cohort, 0..cohort.mentee_count());
    matrix
}

/// Splits the program into a [`Cohort`] and scores every pair.
///
/// Memory: one byte per pair (5,000 x 2,750 is 13.75 MB; 20,000 x 11,000 would be 220 MB,
/// so for very large cohorts use [`Cohort::score_row`] row by row, as
/// [`crate::core::matching`] does above `Options::dense_limit`).
pub fn score_all(program: &Program) -> (Cohort, ScoreMatrix) {
    let cohort = Cohort::new(program);
    let matrix = score_cohort(&cohort);
    (cohort, matrix)
}
