//! What a run starts from (capacities after kept matches) and each mentee's best
//! candidates, scored in parallel blocks of rows.

use crate::core::date::Date;
use crate::core::matching::scoring::{is_kept, Cohort, ScoreMatrix, MAX_SCORE};
use crate::core::matching::threads::parallel;
use crate::core::model::Program;

use super::*;

/// The cohort, capacities left after kept matches, and the kept pairs.
pub(crate) struct Setup {
    pub(crate) cohort: Cohort,
    /// Mentor places left.
    pub(crate) cap: Vec<u32>,
    /// Mentee places left.
    pub(crate) slots: Vec<u32>,
    /// Per mentee: mentors it already has through kept matches (sorted).
    pub(crate) kept_with: Vec<Vec<u32>>,
    /// Kept pairs, as output.
    pub(super) kept: Vec<ProposedPair>,
    /// Largest circle number of the current cycle.
    pub(super) max_circle: u32,
    /// Per mentee: the day their rematch cooldown ends, when it has not yet (no places).
    pub(super) cooling: Vec<Option<Date>>,
}

impl Setup {
    pub(super) fn new(program: &Program, as_of: Option<Date>) -> Setup {
        let cohort = Cohort::new(program);
        let limit = u32::from(program.matching.rules.mentee_max_mentors.max(1));
        let mut cap: Vec<u32> = cohort
            .mentor_people
            .iter()
            .map(|&p| u32::from(program.people[p].capacity))
            .collect();
        let mut slots = vec![limit; cohort.mentee_count()];
        let mut kept_with = vec![Vec::new(); cohort.mentee_count()];
        let mut kept = Vec::new();
        let mut max_circle = 0;
        for m in program.current_matches() {
            max_circle = max_circle.max(m.circle.unwrap_or(0));
            if !is_kept(m.locked, m.status) {
                continue;
            }
            let e = cohort.mentee_index(&m.mentee);
            let r = cohort.mentor_index(&m.mentor);
            let score = match (e, r) {
                (Some(e), Some(r)) => {
                    slots[e] = slots[e].saturating_sub(1);
                    cap[r] = cap[r].saturating_sub(1);
                    kept_with[e].push(r as u32);
                    cohort.raw_score(e, r)
                }
                _ => m.score.unwrap_or(0),
            };
            kept.push(ProposedPair {
                mentor: m.mentor.clone(),
                mentee: m.mentee.clone(),
                score,
                circle: m.circle,
                locked: true,
            });
        }
        for k in &mut kept_with {
            k.sort_unstable();
        }
        let mut cooling = vec![None; cohort.mentee_count()];
        if let Some(today) = as_of {
            for r in program.rematch.iter().filter(|r| r.available_from > today) {
                if let Some(e) = cohort.mentee_index(&r.mentee) {
                    slots[e] = 0;
                    cooling[e] = Some(r.available_from);
                }
            }
        }
        kept.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
        Setup {
            cohort,
            cap,
            slots,
            kept_with,
            kept,
            max_circle,
            cooling,
        }
    }

    /// Whether the optimal solve runs from the mentor side: when mentors have fewer places
    /// than mentees want, augmenting from mentor places searches far less.
    pub(crate) fn transposed(&self) -> bool {
        let places: u64 = self.cap.iter().map(|&c| u64::from(c)).sum();
        let wanted: u64 = self.slots.iter().map(|&c| u64::from(c)).sum();
        places < wanted
    }

    /// Whether mentee `i` may get mentor `j` (capacity, places, not already kept together).
    #[inline]
    pub(crate) fn open(&self, i: usize, j: usize) -> bool {
        self.cap[j] > 0
            && self.slots[i] > 0
            && self.kept_with[i].binary_search(&(j as u32)).is_err()
    }
}

/// The first scan over every pair.
pub(crate) struct Scan {
    /// Per mentee: its best allowed open candidates (mentor, score), best first.
    pub(crate) cand: Vec<Vec<(u32, u8)>>,
    /// Per mentor: how many mentees (with places) it is allowed with.
    pub(super) mentor_allowed: Vec<u32>,
    /// Per mentee: how many open mentors it is allowed with.
    pub(super) mentee_allowed: Vec<u32>,
    /// Per mentee: the lowest score among its first `k` candidates when some allowed pairs
    /// were left out (every pair outside the list scores at most this), else `None`.
    pub(super) kth: Vec<Option<u8>>,
    /// The matrix, if kept.
    pub(super) dense: Option<ScoreMatrix>,
    /// Per mentor: its best `k` mentees (only when asked for).
    pub(super) mentor_cand: Option<Vec<Vec<(u32, u8)>>>,
}

/// The best `k` mentees per mentor (score, then lower mentee index), collected row by row.
pub(super) struct TopK {
    pub(super) k: usize,
    pub(super) lists: Vec<Vec<(u32, u8)>>,
    /// Once a list was cut to `k`: the lowest score kept; lower never gets back in.
    pub(super) cut: Vec<Option<u8>>,
}

impl TopK {
    pub(super) fn new(mentors: usize, k: usize) -> TopK {
        TopK {
            k: k.max(1),
            lists: vec![Vec::new(); mentors],
            cut: vec![None; mentors],
        }
    }

    /// Offers mentee `i` to mentor `j`; mentees arrive in increasing index order per part.
    #[inline]
    pub(super) fn offer(&mut self, j: usize, i: u32, score: u8) {
        if let Some(t) = self.cut[j] {
            if score <= t {
                return;
            }
        }
        let list = &mut self.lists[j];
        list.push((i, score));
        if list.len() >= 2 * self.k {
            Self::cut_to(list, self.k);
            self.cut[j] = list.iter().map(|x| x.1).min();
        }
    }

    pub(super) fn cut_to(list: &mut Vec<(u32, u8)>, k: usize) {
        let better = |a: &(u32, u8), b: &(u32, u8)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if list.len() > k {
            list.select_nth_unstable_by(k - 1, better);
            list.truncate(k);
        }
    }

    pub(super) fn merge(&mut self, other: TopK) {
        for (j, list) in other.lists.into_iter().enumerate() {
            for (i, s) in list {
                // Ties at the cut are settled by the final selection, so keep them.
                if self.cut[j].is_some_and(|t| s < t) {
                    continue;
                }
                self.lists[j].push((i, s));
            }
            if self.lists[j].len() >= 2 * self.k {
                Self::cut_to(&mut self.lists[j], self.k);
                self.cut[j] = self.lists[j].iter().map(|x| x.1).min();
            }
        }
    }

    pub(super) fn finish(mut self) -> Vec<Vec<(u32, u8)>> {
        for list in &mut self.lists {
            Self::cut_to(list, self.k);
        }
        self.lists
    }
}

/// Rows processed between two progress reports.
pub(super) fn block_rows(n: usize) -> usize {
    (n / 50).clamp(256, 4096)
}

/// Scores every pair once: candidate lists, allowed counts, and the dense matrix if small.
pub(super) fn scan(
    setup: &Setup,
    k: usize,
    mentor_k: Option<usize>,
    dense_limit: usize,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<Scan, MatchError> {
    let cohort = &setup.cohort;
    let (n, m) = (cohort.mentee_count(), cohort.mentor_count());
    let mut dense = (n.saturating_mul(m) <= dense_limit).then(|| ScoreMatrix::zeroed(n, m));
    let mut cand = Vec::with_capacity(n);
    let mut mentee_allowed = Vec::with_capacity(n);
    let mut kth = Vec::with_capacity(n);
    let mut mentor_allowed = vec![0u32; m];
    let mut mentor_top = mentor_k.map(|mk| TopK::new(m, mk));
    let block = block_rows(n);
    let mut start = 0;
    while start < n {
        let end = (start + block).min(n);
        if progress(Progress::Scoring {
            done: start,
            total: n,
        }) == Control::Cancel
        {
            return Err(MatchError::Cancelled);
        }
        if let Some(d) = dense.as_mut() {
            d.fill_rows(cohort, start..end);
        }
        let dense = &dense;
        let parts = parallel(start..end, |rows| {
            let mut buf = vec![0u8; m];
            let mut raw = Vec::new();
            let mut all: Vec<(u32, u8)> = Vec::with_capacity(k + 1);
            let mut counts = vec![0u32; m];
            let mut top = mentor_k.map(|mk| TopK::new(m, mk));
            let mut out = Vec::with_capacity(rows.len());
            for i in rows {
                if setup.slots[i] == 0 {
                    out.push((Vec::new(), 0, None));
                    continue;
                }
                let row: &[u8] = match dense {
                    Some(d) => d.row(i),
                    None => {
                        cohort.score_row_with(i, &mut buf, &mut raw);
                        &buf
                    }
                };
                // One pass: which pairs are allowed and open, with a histogram of their
                // scores; then the K-th best score is a threshold and a second pass picks
                // the candidates (score descending, ties by lower mentor index).
                let kept = &setup.kept_with[i];
                let mut hist = [0u32; MAX_SCORE as usize + 1];
                for (j, &code) in row.iter().enumerate() {
                    if code <= MAX_SCORE
                        && setup.cap[j] > 0
                        && (kept.is_empty() || kept.binary_search(&(j as u32)).is_err())
                    {
                        hist[usize::from(code)] += 1;
                        counts[j] += 1;
                        if let Some(top) = top.as_mut() {
                            top.offer(j, i as u32, code);
                        }
                    }
                }
                let allowed: u32 = hist.iter().sum();
                let (mut threshold, mut above) = (0u8, 0u32);
                let mut kth = None;
                if allowed as usize > k {
                    let mut acc = 0u32;
                    for score in (0..=MAX_SCORE).rev() {
                        let here = hist[usize::from(score)];
                        if (acc + here) as usize >= k {
                            threshold = score;
                            above = acc;
                            break;
                        }
                        acc += here;
                    }
                    kth = Some(threshold);
                }
                let mut at_threshold = if kth.is_some() {
                    k as u32 - above
                } else {
                    u32::MAX
                };
                all.clear();
                for (j, &code) in row.iter().enumerate() {
                    if code > MAX_SCORE
                        || code < threshold
                        || setup.cap[j] == 0
                        || (!kept.is_empty() && kept.binary_search(&(j as u32)).is_ok())
                    {
                        continue;
                    }
                    if code == threshold && kth.is_some() {
                        if at_threshold == 0 {
                            continue;
                        }
                        at_threshold -= 1;
                    }
                    all.push((j as u32, code));
                }
                all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                out.push((all.clone(), allowed, kth));
            }
            (out, counts, top)
        });
        for (out, counts, top) in parts {
            if let (Some(all), Some(part)) = (mentor_top.as_mut(), top) {
                all.merge(part);
            }
            for (c, a, t) in out {
                cand.push(c);
                mentee_allowed.push(a);
                kth.push(t);
            }
            for (t, c) in mentor_allowed.iter_mut().zip(counts) {
                *t += c;
            }
        }
        start = end;
    }
    Ok(Scan {
        cand,
        mentor_allowed,
        mentee_allowed,
        kth,
        dense,
        mentor_cand: mentor_top.map(TopK::finish),
    })
}
