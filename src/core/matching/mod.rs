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

mod candidates;
pub mod config;
pub mod draft;
mod flow;
pub mod model;
mod optimal;
pub mod preview;
mod proposal;
pub mod scoring;
pub mod stable;
pub mod suggestions;
pub mod synthetic;
mod threads;

use crate::core::date::Date;
use std::fmt;

use crate::core::matching::scoring::ExclusionRule;
use crate::core::model::{Algorithm, Match, MatchSource, MatchStatus, PersonId, Program};

use candidates::*;
use optimal::*;
use proposal::*;

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
    /// Today, for the rematch cooldown: a mentee in the rematch queue is left out until
    /// their `available_from` day. `None` ignores cooldowns.
    pub as_of: Option<Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            candidates: 48,
            max_rounds: 12,
            dense_limit: 64 * 1024 * 1024,
            as_of: None,
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

/// Why someone is left unmatched, by a run or in the draft after the coordinator's edits.
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
    /// (The draft, after edits) could still be matched: some partner the rules allow has
    /// room (re-run or match by hand).
    PartnersAvailable,
    /// (Mentee) waiting for a rematch after a relationship ended early: runs leave them
    /// out until the cooldown ends (matching them by hand is still possible).
    CoolingDown {
        /// The first day a run may match them.
        until: Date,
    },
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
                f.write_str("every possible mentee already has a mentor")
            }
            UnmatchedReason::PreferencesExhausted => {
                f.write_str("every mentor on the preference list chose others")
            }
            UnmatchedReason::PartnersAvailable => {
                f.write_str("a possible partner still has room: re-run or match by hand")
            }
            UnmatchedReason::CoolingDown { until } => write!(
                f,
                "waiting for a rematch: runs match them from {}",
                until.long()
            ),
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
    let setup = Setup::new(program, options.as_of);
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
