//! Matching: propose mentor-mentee pairs for the current cycle.
//!
//! [`run`] is pure: it reads a program and returns a [`Proposal`]; [`apply`] writes a proposal
//! into the program. Every algorithm is exact and deterministic: mentees and mentors are
//! processed in id order and every tie is broken by id, so the same program always gives the
//! same proposal.
//!
//! # What a run keeps and uses
//! - **Kept matches**: matches of the current cycle that are locked (pinned), active or on
//!   hold are kept as they are (even if a rule would now exclude them), use their mentor's
//!   capacity and their mentee's limit, and appear in the proposal with `locked = true`
//!   (published ones too, so the proposal is the full picture). Unlocked *proposed* matches
//!   are what a run replaces.
//! - **Capacity**: a mentor takes at most `capacity` mentees (0 = not available); a mentee
//!   at most `rules.mentee_max_mentors` mentors (at least 1).
//! - **Roles**: see [`crate::core::matching::scoring`] for the `Either` policy.
//!
//! # Algorithms
//! - [`Algorithm::Optimal`]: the largest total score, then the most pairs.
//! - [`Algorithm::Participation`]: the most mentees matched, then the largest total score.
//! - [`Algorithm::Groups`]: like `Optimal`, then each mentor's mentees are split into
//!   circles of at most `group_size` (as even as possible), numbered from 1 after the
//!   largest circle number already used in the cycle.
//! - [`Algorithm::Stable`]: mentee-proposing deferred acceptance (see [`stable`]).
//! - [`Algorithm::TopN`]: no pairs; `top_n` suggestions per mentee (see [`suggestions`]).
//!
//! # How optimality is proven
//! The optimal algorithms solve a min-cost flow (successive shortest paths, Dijkstra with
//! potentials, mentors as capacitated nodes, never one column per place) on a sparse
//! candidate graph: each mentee's best `Options::candidates` mentors (plus, when mentors
//! have fewer places than mentees want and the flow runs from the mentors' side, each
//! mentor's best mentees). Then **every** allowed pair is checked against a dual bound
//! built from the solver's potentials. Pairs with a negative reduced cost are added to the
//! graph and the flow is solved again (warm-started), until none is left (optimal, proven)
//! or `Options::max_rounds` is reached, in which case [`Stats::proven_optimal`] is false
//! and [`Stats::score_upper_bound`] bounds the best possible total (the gap).
//!
//! # Progress, cancel, chunks
//! [`run_with`] calls its progress callback between blocks of rows while scoring and
//! checking, and every 512 placements while solving; returning [`Control::Cancel`] stops
//! the run with [`MatchError::Cancelled`]. Natively, scoring and checking use every core
//! (scoped threads); on wasm32 they run on the calling thread, so the browser should run
//! matching in a worker (the callback is the place to post progress and read a cancel
//! flag).
//!
//! # Memory
//! Scores are one byte per pair. Up to `Options::dense_limit` pairs the whole matrix is
//! kept between the scans; above it rows are scored again on the fly, so memory stays at
//! the candidate lists (about 5 bytes per candidate).

pub mod config;
pub mod draft;
mod flow;
pub mod model;
pub mod preview;
pub mod scoring;
pub mod stable;
pub mod suggestions;
pub mod synthetic;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crate::core::matching::scoring::{
    is_kept, threads_for, Cohort, ExclusionRule, PairCode, ScoreMatrix, MAX_SCORE,
};
use crate::core::model::{Algorithm, Match, MatchSource, MatchStatus, PersonId, Program};

use flow::{Objective, Solver};

/// Tuning of a run; [`Options::default`] suits programs up to tens of thousands of people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Candidate mentors kept per mentee for the sparse solve (and the tail of stable
    /// matching's preference lists). At least `top_n`.
    pub candidates: usize,
    /// Most solve-and-check rounds before giving up on a proof (the gap is then reported).
    pub max_rounds: u32,
    /// Most pairs for which the score matrix is kept in memory (1 byte each); larger
    /// programs score rows again when checking.
    pub dense_limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            candidates: 48,
            max_rounds: 12,
            dense_limit: 64 * 1024 * 1024,
        }
    }
}

/// What a run is doing, reported to the progress callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Scoring pairs: rows (mentees) done of total.
    Scoring {
        /// Rows done.
        done: usize,
        /// All rows.
        total: usize,
    },
    /// Solving: mentee units placed of total, in the given round (1-based).
    Solving {
        /// Round.
        round: u32,
        /// Units placed.
        done: usize,
        /// All units.
        total: usize,
    },
    /// Checking optimality against every pair: rows done of total.
    Checking {
        /// Round.
        round: u32,
        /// Rows done.
        done: usize,
        /// All rows.
        total: usize,
    },
}

/// What the progress callback wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Go on.
    Continue,
    /// Stop as soon as possible; the run returns [`MatchError::Cancelled`].
    Cancel,
}

/// Why a run did not produce a proposal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatchError {
    /// The progress callback asked to stop.
    #[error("matching was cancelled")]
    Cancelled,
}

/// One proposed (or kept) pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedPair {
    /// The mentor.
    pub mentor: PersonId,
    /// The mentee.
    pub mentee: PersonId,
    /// The pair's score (for kept pairs the criteria's score, ignoring rules).
    pub score: u8,
    /// Circle number in group matching.
    pub circle: Option<u32>,
    /// A kept match (locked, active or on hold): already in the program, left as is.
    pub locked: bool,
}

/// The role someone was left unmatched in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnmatchedRole {
    /// As a mentee.
    Mentee,
    /// As a mentor.
    Mentor,
}

/// Why someone is left unmatched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnmatchedReason {
    /// (Mentee) nobody in the program can mentor.
    NoMentors,
    /// (Mentee) no mentor has capacity left: every mentor this mentee could have is full
    /// (taken by better pairs, by kept matches, or capacity 0).
    NoCapacityLeft,
    /// Every possible partner is excluded by a rule: the rules that excluded them, with how
    /// many partners each excluded (the first rule per pair), most first.
    AllExcluded {
        /// (rule, partners it excluded).
        rules: Vec<(ExclusionRule, u32)>,
    },
    /// (Mentor) capacity 0: not available this cycle.
    NotAvailable,
    /// (Mentor) nobody in the program wants a mentor.
    NoMentees,
    /// (Mentor) every mentee who could have this mentor got another mentor.
    NoMenteeLeft,
    /// (Mentee, stable matching) every mentor on the mentee's list preferred others.
    PreferencesExhausted,
}

impl fmt::Display for UnmatchedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnmatchedReason::NoMentors => f.write_str("there are no mentors"),
            UnmatchedReason::NoCapacityLeft => {
                f.write_str("no capacity left: every possible mentor is full")
            }
            UnmatchedReason::AllExcluded { rules } => {
                f.write_str("every possible partner is excluded: ")?;
                for (k, (rule, n)) in rules.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{rule} ({n})")?;
                }
                Ok(())
            }
            UnmatchedReason::NotAvailable => f.write_str("not available (capacity 0)"),
            UnmatchedReason::NoMentees => f.write_str("there are no mentees"),
            UnmatchedReason::NoMenteeLeft => {
                f.write_str("every possible mentee was matched with another mentor")
            }
            UnmatchedReason::PreferencesExhausted => {
                f.write_str("every mentor on the preference list chose others")
            }
        }
    }
}

/// Someone left unmatched, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    /// Who.
    pub person: PersonId,
    /// In which role.
    pub role: UnmatchedRole,
    /// Why.
    pub reason: UnmatchedReason,
}

/// A mentee's best mentors, best first (for mentee-chooses programs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The mentee.
    pub mentee: PersonId,
    /// (mentor, score), best first; ties by mentor id.
    pub mentors: Vec<(PersonId, u8)>,
}

/// Figures about a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Mentees in the run.
    pub mentees: usize,
    /// Mentors in the run.
    pub mentors: usize,
    /// Mentor places left after kept matches.
    pub capacity: u64,
    /// Pairs scored (mentees x mentors, per scan).
    pub pairs_scored: u64,
    /// Edges in the final candidate graph.
    pub candidate_edges: u64,
    /// Solve-and-check rounds.
    pub rounds: u32,
    /// Augmenting paths found (all rounds).
    pub augmentations: u64,
    /// Whether the result is proven optimal over every pair (optimal algorithms), or
    /// stable (stable matching). Always true for top-N.
    pub proven_optimal: bool,
    /// (Optimal and groups) a proven upper bound of the best possible total score of the
    /// new pairs; equals their total when proven optimal.
    pub score_upper_bound: Option<u64>,
    /// Whether the score matrix was kept in memory (else rows were scored again).
    pub dense: bool,
    /// Whether the optimal solve ran from the mentors' side (fewer places than wanted).
    pub from_mentor_side: bool,
}

/// The result of a run: pairs to propose, who is left unmatched and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The algorithm that produced it.
    pub algorithm: Algorithm,
    /// Kept pairs (`locked`) first, then new pairs; each group sorted by mentor, mentee id.
    pub pairs: Vec<ProposedPair>,
    /// People left without a partner, mentees first, each sorted by id.
    pub unmatched: Vec<Unmatched>,
    /// Top-N suggestions (only for [`Algorithm::TopN`]), by mentee id.
    pub suggestions: Vec<Suggestion>,
    /// Sum of the scores of all `pairs` (kept ones included).
    pub total_score: u64,
    /// Figures about the run.
    pub stats: Stats,
}

impl Proposal {
    /// The new (not kept) pairs.
    pub fn new_pairs(&self) -> impl Iterator<Item = &ProposedPair> {
        self.pairs.iter().filter(|p| !p.locked)
    }
}

/// Runs an algorithm with default options and no progress reporting.
///
/// # Errors
/// Never in practice ([`MatchError::Cancelled`] needs a callback); see [`run_with`].
pub fn run(program: &Program, algorithm: Algorithm) -> Result<Proposal, MatchError> {
    run_with(program, algorithm, &Options::default(), &mut |_| {
        Control::Continue
    })
}

/// Runs an algorithm, reporting progress to `progress` (called between chunks of work;
/// returning [`Control::Cancel`] stops the run).
///
/// # Errors
/// [`MatchError::Cancelled`] if the callback cancelled.
pub fn run_with(
    program: &Program,
    algorithm: Algorithm,
    options: &Options,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<Proposal, MatchError> {
    let setup = Setup::new(program);
    let top_n = usize::from(program.matching.top_n.max(1));
    let k = options.candidates.max(top_n).max(1);
    let optimal = matches!(
        algorithm,
        Algorithm::Optimal | Algorithm::Participation | Algorithm::Groups
    );
    let mentor_k = (optimal && setup.transposed()).then_some(k);
    let mut scan = scan(&setup, k, mentor_k, options.dense_limit, progress)?;
    let mut stats = Stats {
        mentees: setup.cohort.mentee_count(),
        mentors: setup.cohort.mentor_count(),
        capacity: setup.cap.iter().map(|&c| u64::from(c)).sum(),
        pairs_scored: (setup.cohort.mentee_count() * setup.cohort.mentor_count()) as u64,
        dense: scan.dense.is_some(),
        ..Stats::default()
    };
    let mut new_pairs: Vec<(usize, usize, u8)> = Vec::new();
    let mut suggestions_out = Vec::new();
    let mut exhausted = Vec::new();
    match algorithm {
        Algorithm::Optimal | Algorithm::Participation | Algorithm::Groups => {
            let participation = algorithm == Algorithm::Participation;
            new_pairs = solve_optimal(
                &setup,
                &mut scan,
                participation,
                options,
                &mut stats,
                progress,
            )?;
        }
        Algorithm::Stable => {
            let lists = stable::lists(program, &setup, &scan.cand);
            let result = stable::deferred_acceptance(&setup, &lists);
            stats.proven_optimal = true;
            new_pairs = result.pairs;
            exhausted = result.exhausted;
            stats.candidate_edges = lists.mentee_lists.iter().map(|l| l.len() as u64).sum();
        }
        Algorithm::TopN => {
            stats.proven_optimal = true;
            for (i, c) in scan.cand.iter().enumerate() {
                if setup.slots[i] == 0 {
                    continue;
                }
                let mut best = c.clone();
                best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                best.truncate(top_n);
                suggestions_out.push(Suggestion {
                    mentee: setup.cohort.mentee_ids[i].clone(),
                    mentors: best
                        .into_iter()
                        .map(|(j, s)| (setup.cohort.mentor_ids[j as usize].clone(), s))
                        .collect(),
                });
            }
        }
    }
    Ok(build_proposal(
        program,
        algorithm,
        &setup,
        &scan,
        new_pairs,
        suggestions_out,
        &exhausted,
        stats,
    ))
}

/// The top `n` mentors per mentee (allowed pairs with a mentor who has capacity left), best
/// first, ties by mentor id; mentees without a free place (kept matches fill their limit)
/// are left out.
pub fn suggestions(program: &Program, n: usize) -> Vec<(PersonId, Vec<(PersonId, u8)>)> {
    let mut p = program.clone();
    p.matching.top_n = n.clamp(1, usize::from(u8::MAX)) as u8;
    let options = Options {
        candidates: n.max(1),
        ..Options::default()
    };
    match run_with(&p, Algorithm::TopN, &options, &mut |_| Control::Continue) {
        Ok(proposal) => proposal
            .suggestions
            .into_iter()
            .map(|s| (s.mentee, s.mentors))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Writes a proposal into the program: removes the current cycle's unlocked *proposed*
/// matches and adds the proposal's new pairs as proposed matches (source algorithm, fresh
/// ids). Kept matches are left untouched. Pairs naming someone no longer in the program are
/// skipped.
pub fn apply(program: &mut Program, proposal: &Proposal) {
    let cycle = program.cycle;
    program
        .matches
        .retain(|m| !(m.cycle == cycle && m.status == MatchStatus::Proposed && !m.locked));
    for pair in proposal.new_pairs() {
        if program.person(&pair.mentor).is_none() || program.person(&pair.mentee).is_none() {
            continue;
        }
        let id = program.new_match_id();
        let mut m = Match::proposed(
            id,
            pair.mentor.clone(),
            pair.mentee.clone(),
            Some(pair.score),
            cycle,
        );
        m.circle = pair.circle;
        m.source = MatchSource::Algorithm;
        program.matches.push(m);
    }
}

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
    kept: Vec<ProposedPair>,
    /// Largest circle number of the current cycle.
    max_circle: u32,
}

impl Setup {
    fn new(program: &Program) -> Setup {
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
        kept.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
        Setup {
            cohort,
            cap,
            slots,
            kept_with,
            kept,
            max_circle,
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
    mentor_allowed: Vec<u32>,
    /// Per mentee: how many open mentors it is allowed with.
    mentee_allowed: Vec<u32>,
    /// Per mentee: the lowest score among its first `k` candidates when some allowed pairs
    /// were left out (every pair outside the list scores at most this), else `None`.
    kth: Vec<Option<u8>>,
    /// The matrix, if kept.
    dense: Option<ScoreMatrix>,
    /// Per mentor: its best `k` mentees (only when asked for).
    mentor_cand: Option<Vec<Vec<(u32, u8)>>>,
}

/// The best `k` mentees per mentor (score, then lower mentee index), collected row by row.
struct TopK {
    k: usize,
    lists: Vec<Vec<(u32, u8)>>,
    /// Once a list was cut to `k`: the lowest score kept; lower never gets back in.
    cut: Vec<Option<u8>>,
}

impl TopK {
    fn new(mentors: usize, k: usize) -> TopK {
        TopK {
            k: k.max(1),
            lists: vec![Vec::new(); mentors],
            cut: vec![None; mentors],
        }
    }

    /// Offers mentee `i` to mentor `j`; mentees arrive in increasing index order per part.
    #[inline]
    fn offer(&mut self, j: usize, i: u32, score: u8) {
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

    fn cut_to(list: &mut Vec<(u32, u8)>, k: usize) {
        let better = |a: &(u32, u8), b: &(u32, u8)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if list.len() > k {
            list.select_nth_unstable_by(k - 1, better);
            list.truncate(k);
        }
    }

    fn merge(&mut self, other: TopK) {
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

    fn finish(mut self) -> Vec<Vec<(u32, u8)>> {
        for list in &mut self.lists {
            Self::cut_to(list, self.k);
        }
        self.lists
    }
}

/// Rows processed between two progress reports.
fn block_rows(n: usize) -> usize {
    (n / 50).clamp(256, 4096)
}

/// Runs `f` over `rows`, split across threads natively; results in row order.
fn parallel<T: Send>(rows: Range<usize>, f: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    let threads = threads_for(rows.len());
    if threads <= 1 {
        return vec![f(rows)];
    }
    let per = rows.len().div_ceil(threads);
    let ranges: Vec<Range<usize>> = (0..threads)
        .map(|t| (rows.start + t * per).min(rows.end)..(rows.start + (t + 1) * per).min(rows.end))
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::thread::scope(|s| {
            let handles: Vec<_> = ranges
                .into_iter()
                .map(|r| {
                    let f = &f;
                    s.spawn(move || f(r))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| match h.join() {
                    Ok(v) => v,
                    Err(e) => std::panic::resume_unwind(e),
                })
                .collect()
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        ranges.into_iter().map(f).collect()
    }
}

/// Scores every pair once: candidate lists, allowed counts, and the dense matrix if small.
fn scan(
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

/// Solves the (participation-first or score-first) assignment exactly; returns new pairs
/// (mentee, mentor, score), sorted.
///
/// The flow runs from the side with fewer places ("rows"): mentees normally, mentors when
/// they have fewer places than mentees want (see [`Setup::transposed`]); the other side's
/// people are the capacitated columns. Either way the objective is the same.
fn solve_optimal(
    setup: &Setup,
    scan: &mut Scan,
    participation: bool,
    options: &Options,
    stats: &mut Stats,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<Vec<(usize, usize, u8)>, MatchError> {
    let transposed = setup.transposed();
    stats.from_mentor_side = transposed;
    // Rows, their places, columns' capacities, and each row's edges.
    let (row_slots, col_cap, mut rows) = if transposed {
        let mut rows = scan.mentor_cand.take().unwrap_or_default();
        rows.resize(setup.cap.len(), Vec::new());
        // Every mentee's own best candidates are edges too, so the per-mentee bound
        // `kth` covers every pair outside the graph.
        for (i, c) in scan.cand.iter().enumerate() {
            for &(j, sc) in c {
                rows[j as usize].push((i as u32, sc));
            }
        }
        for r in &mut rows {
            r.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            r.dedup_by_key(|x| x.0);
        }
        (setup.cap.clone(), setup.slots.clone(), rows)
    } else {
        (setup.slots.clone(), setup.cap.clone(), scan.cand.clone())
    };
    let units: u64 = row_slots.iter().map(|&s| u64::from(s)).sum();
    let obj = Objective::for_units(participation, units);
    let total_units = units as usize;
    let mut round = 0;
    let mut warm: Option<Vec<i64>> = None;
    loop {
        round += 1;
        let mut solver = Solver::new(obj, &rows, &row_slots, &col_cap);
        if let Some(pot) = warm.take() {
            solver.warm_start(pot);
        }
        let mut placed = 0usize;
        for (r, &slots) in row_slots.iter().enumerate() {
            for _ in 0..slots {
                if placed.is_multiple_of(512)
                    && progress(Progress::Solving {
                        round,
                        done: placed,
                        total: total_units,
                    }) == Control::Cancel
                {
                    return Err(MatchError::Cancelled);
                }
                solver.augment(r);
                placed += 1;
            }
        }
        stats.augmentations += solver.augmentations;
        stats.rounds = round;
        stats.candidate_edges = rows.iter().map(|c| c.len() as u64).sum();

        let view = View {
            transposed,
            rows: &rows,
            row_slots: &row_slots,
            col_cap: &col_cap,
        };
        let check = check(setup, scan, &view, &solver, obj, round, progress)?;
        let primal = solver.cost();
        let mut pairs: Vec<(usize, usize, u8)> = solver
            .members
            .iter()
            .enumerate()
            .flat_map(|(c, ms)| {
                ms.iter().map(move |&(r, s)| {
                    if transposed {
                        (c, r as usize, s)
                    } else {
                        (r as usize, c, s)
                    }
                })
            })
            .collect();
        pairs.sort_unstable();
        let new_total: u64 = pairs.iter().map(|p| u64::from(p.2)).sum();
        let proven = check.violations.iter().all(|v| v.is_empty());
        if proven || round >= options.max_rounds {
            stats.proven_optimal = proven;
            debug_assert!(!proven || check.lower_bound == i128::from(primal));
            if let Objective::Score { m: big_m } = obj {
                // cost = 100 M R - M S + U with U < M, so S_opt <= ceil((100 M R - LB) / M).
                let num = 100 * i128::from(big_m) * i128::from(units as i64) - check.lower_bound;
                let den = i128::from(big_m);
                let ub = if num <= 0 { 0 } else { (num + den - 1) / den };
                stats.score_upper_bound = Some(if proven {
                    new_total
                } else {
                    (ub.max(0) as u64).max(new_total)
                });
            }
            return Ok(pairs);
        }
        warm = Some(std::mem::take(&mut solver.pot));
        drop(solver);
        for (r, add) in check.violations.into_iter().enumerate() {
            rows[r].extend(add);
        }
    }
}

/// The flow problem's rows and columns as seen by the check.
struct View<'a> {
    transposed: bool,
    rows: &'a [Vec<(u32, u8)>],
    row_slots: &'a [u32],
    col_cap: &'a [u32],
}

struct Check {
    lower_bound: i128,
    /// Per row: allowed pairs outside the graph with a negative reduced cost (column, score).
    violations: Vec<Vec<(u32, u8)>>,
}

/// Builds the dual lower bound of the full problem from the solver's potentials and finds
/// the pairs outside the graph that violate it. With `u_r = pi_T - pi_r` (rows, free),
/// `v_c = max(0, pi_T - pi_c)` (columns and dummies) and `w = max(0, u - v - cost)` per
/// pair, `LB = sum slots_r u_r - sum cap_c v_c - sum w`, a valid bound of the LP (so of
/// the optimum) whatever the potentials; it equals the cost when no pair violates.
///
/// Scores are read per mentee (the matrix's rows). A mentee row is rescored only if a pair
/// outside the graph could violate: they all score at most the mentee's `kth`, so the row
/// is skipped when `cost(kth) >= max u - v_mentee` (mentee columns) or `>= u_mentee`.
fn check(
    setup: &Setup,
    scan: &Scan,
    view: &View<'_>,
    solver: &Solver<'_>,
    obj: Objective,
    round: u32,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<Check, MatchError> {
    let cohort = &setup.cohort;
    let (n, m) = (cohort.mentee_count(), cohort.mentor_count());
    let pt = solver.sink_pot();
    let u: Vec<i64> = (0..view.row_slots.len())
        .map(|r| pt - solver.row_pot(r))
        .collect();
    // A column with no place left is no variable at all: v = "infinity".
    let v: Vec<i64> = (0..view.col_cap.len())
        .map(|c| {
            if view.col_cap[c] == 0 {
                i64::MAX / 4
            } else {
                (pt - solver.col_pot(c)).max(0)
            }
        })
        .collect();
    let mut lb: i128 = 0;
    for (c, &vc) in v.iter().enumerate() {
        if view.col_cap[c] > 0 {
            lb -= i128::from(view.col_cap[c]) * i128::from(vc);
        }
    }
    for (r, &slots) in view.row_slots.iter().enumerate() {
        if slots == 0 {
            continue;
        }
        let slots = i128::from(slots);
        let vd = (pt - solver.dummy_pot(r)).max(0);
        lb += slots * i128::from(u[r]) - slots * i128::from(vd);
        lb -= i128::from((u[r] - vd - obj.dummy()).max(0));
        for &(c, s) in &view.rows[r] {
            let w = u[r] - v[c as usize] - obj.cost(s);
            if w > 0 {
                lb -= i128::from(w);
            }
        }
    }
    // Per mentee: its mentors in the graph, sorted, to tell graph pairs from the rest.
    let mut in_graph: Vec<Vec<u32>> = vec![Vec::new(); n];
    if view.transposed {
        for (j, row) in view.rows.iter().enumerate() {
            for &(i, _) in row {
                in_graph[i as usize].push(j as u32);
            }
        }
    } else {
        for (i, row) in view.rows.iter().enumerate() {
            in_graph[i] = row.iter().map(|x| x.0).collect();
        }
    }
    for g in &mut in_graph {
        g.sort_unstable();
    }
    let u_max = u.iter().copied().max().unwrap_or(0);
    let (u, v, in_graph) = (&u, &v, &in_graph);
    let mut violations = vec![Vec::new(); view.row_slots.len()];
    let block = block_rows(n);
    let mut start = 0;
    while start < n {
        let end = (start + block).min(n);
        if progress(Progress::Checking {
            round,
            done: start,
            total: n,
        }) == Control::Cancel
        {
            return Err(MatchError::Cancelled);
        }
        let parts = parallel(start..end, |mentees| {
            let mut buf = vec![0u8; m];
            let mut raw = Vec::new();
            let mut part: i128 = 0;
            let mut found = Vec::new();
            for i in mentees {
                if setup.slots[i] == 0 {
                    continue;
                }
                let Some(t) = scan.kth[i] else {
                    // Every allowed pair of this mentee is in the graph.
                    continue;
                };
                let bound = if view.transposed { u_max - v[i] } else { u[i] };
                if obj.cost(t) >= bound {
                    continue;
                }
                let row: &[u8] = match &scan.dense {
                    Some(d) => d.row(i),
                    None => {
                        cohort.score_row_with(i, &mut buf, &mut raw);
                        &buf
                    }
                };
                for (j, &code) in row.iter().enumerate() {
                    if code > MAX_SCORE {
                        continue;
                    }
                    let (r, c) = if view.transposed { (j, i) } else { (i, j) };
                    let w = u[r] - v[c] - obj.cost(code);
                    if w > 0 && setup.open(i, j) && in_graph[i].binary_search(&(j as u32)).is_err()
                    {
                        part -= i128::from(w);
                        found.push((r, c as u32, code));
                    }
                }
            }
            (part, found)
        });
        for (part, found) in parts {
            lb += part;
            for (r, c, s) in found {
                violations[r].push((c, s));
            }
        }
        start = end;
    }
    Ok(Check {
        lower_bound: lb,
        violations,
    })
}

#[allow(clippy::too_many_arguments)]
fn build_proposal(
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

fn sorted_counts(counts: HashMap<ExclusionRule, u32>) -> Vec<(ExclusionRule, u32)> {
    let mut v: Vec<(ExclusionRule, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}
