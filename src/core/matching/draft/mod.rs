//! The matching draft: the current cycle's proposed matches, edited by the coordinator
//! before they are published.
//!
//! The draft is every match of the current cycle (`program.cycle`) whose status is
//! [`MatchStatus::Proposed`]. The coordinator edits it with [`DraftEdit`]s: lock, unlock,
//! swap two mentees, move a mentee to another mentor, unmatch, match by hand, re-run
//! matching around the locks, and publish.
//!
//! - [`preview`] shows what an edit would do (each changed pair's score before and after,
//!   the cohort's total before and after, warnings) without changing anything: this is the
//!   score shown before the coordinator confirms.
//! - [`apply`] makes the edit, all or nothing: on any error the program is untouched.
//! - [`apply_and_record`], [`undo`] and [`redo`] do the same with an undo history
//!   ([`History`] of [`DraftSnapshot`]s).
//! - [`summary`] gives the draft's pairs, totals and who is unmatched and why.
//!
//! # Scores
//! A pair's score is the score the criteria give it ([`scoring::explain`]'s `raw_score`,
//! which equals its `score` when no rule excludes the pair). A match carries its score in
//! [`Match::score`]; matching stores it when proposing, and every edit here stores the fresh
//! score of each pair it creates or changes. Totals ([`Preview::total_before`],
//! [`DraftSummary::total_score`]) add the stored scores of every current-cycle relationship
//! that uses capacity (proposed, active, on hold), so a total's change always equals the sum
//! of [`Preview::pair_deltas`]. A match without a stored score counts as 0 and shows `None`.
//! A preview scores only the pairs the edit creates (one [`scoring::explain`] per pair, no
//! score matrix), so it stays fast on programs of thousands of people.
//!
//! # Policies
//! - **Rules**: an edit that creates a pair some hard rule excludes (same team, forbidden,
//!   a failed "must have", ...) previews with a [`DraftWarning::Excluded`] naming the rules;
//!   applying it needs `allow_excluded: true` (the coordinator's confirmation), otherwise
//!   [`DraftError::Excluded`]. A person can never be paired with themself.
//! - **Capacity is a hard limit**: a mentor takes at most `capacity` mentees (counting every
//!   current-cycle relationship that uses capacity) and a mentee at most
//!   `rules.mentee_max_mentors` mentors. Overflow is an error ([`DraftError::MentorAtCapacity`],
//!   [`DraftError::MenteeAtLimit`]), not a warning: capacity is what the mentor agreed to, so
//!   the coordinator raises it in the profile first, where the change is visible.
//! - **Stale scores**: stored scores do not follow later profile or criteria changes by
//!   themselves; [`DraftEdit::Rescore`] refreshes the draft's (undoably, with deltas).
//! - **Locks**: a locked match is kept by re-runs and cannot be swapped, moved or unmatched
//!   until it is unlocked ([`DraftError::Locked`]).
//! - **Roles**: nobody is both mentor and mentee in one cycle ([`DraftError::RoleConflict`]).
//! - Edited matches keep their id; their source becomes [`MatchSource::Manual`]. Hand
//!   matches are new, unlocked, manual matches (lock them to keep them through a re-run).
//! - **Circles** (group format): a swap leaves each match's circle with its mentor; a
//!   mentee moved or matched by hand joins the mentor's first circle of the cycle, if any.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::core::date::Date;
use crate::core::edit::history::History;
use crate::core::matching::scoring::{self, Cohort, ExclusionReason, ExclusionRule, PairCode};
use crate::core::matching::{self, MatchError, Proposal, UnmatchedRole};
use crate::core::model::{
    Algorithm, Match, MatchId, MatchSource, MatchStatus, PersonId, Program, Role,
};

/// A sensible number of undo steps for a draft's [`History`].
pub const HISTORY_LIMIT: usize = 200;

/// One change to the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftEdit {
    /// Pin a draft match so re-runs keep it.
    Lock(MatchId),
    /// Unpin a draft match.
    Unlock(MatchId),
    /// Exchange the mentees of two draft matches (each keeps its mentor and circle).
    Swap {
        /// One match.
        a: MatchId,
        /// The other match.
        b: MatchId,
        /// The coordinator confirmed pairs that a rule excludes.
        allow_excluded: bool,
    },
    /// Give a mentee's (only) draft match another mentor.
    Move {
        /// The mentee.
        mentee: PersonId,
        /// The new mentor.
        to_mentor: PersonId,
        /// The coordinator confirmed a pair that a rule excludes.
        allow_excluded: bool,
    },
    /// Remove a draft match.
    Unmatch(MatchId),
    /// Add a draft match chosen by the coordinator.
    MatchByHand {
        /// The mentor.
        mentor: PersonId,
        /// The mentee.
        mentee: PersonId,
        /// The coordinator confirmed a pair that a rule excludes.
        allow_excluded: bool,
    },
    /// Record the mentor a mentee chose (mentee-chooses programs, usually from their top-N
    /// suggestions): the mentee's draft match becomes a locked match with this mentor and
    /// source [`MatchSource::MenteeChoice`] (a new one if they have none), so re-runs keep it.
    /// Recording another choice replaces an earlier one.
    RecordChoice {
        /// The mentee who chose.
        mentee: PersonId,
        /// The mentor chosen.
        mentor: PersonId,
        /// The coordinator confirmed a pair that a rule excludes.
        allow_excluded: bool,
    },
    /// Forget a mentee's recorded choice (removes the match [`DraftEdit::RecordChoice`] made).
    ClearChoice(PersonId),
    /// Keep locked (and published) matches and solve the rest again.
    Rerun {
        /// The algorithm; [`Algorithm::TopN`] cannot re-run (it only suggests).
        algorithm: Algorithm,
    },
    /// Score every draft match again (after profiles or criteria changed) and store the
    /// fresh scores.
    Rescore,
    /// Turn every draft match into an active relationship starting on `start`.
    Publish {
        /// The relationships' start date.
        start: Date,
    },
}

/// How one mentee's pair changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairDelta {
    /// The mentee.
    pub mentee: PersonId,
    /// The mentor before the edit (`None`: no pair).
    pub mentor_before: Option<PersonId>,
    /// The mentor after the edit (`None`: no pair).
    pub mentor_after: Option<PersonId>,
    /// The pair's score before (`None`: no pair, or not scored).
    pub before: Option<u8>,
    /// The pair's score after (`None`: no pair).
    pub after: Option<u8>,
}

impl PairDelta {
    /// The change of this mentee's contribution to the total (a missing score counts 0).
    pub fn delta(&self) -> i64 {
        i64::from(self.after.unwrap_or(0)) - i64::from(self.before.unwrap_or(0))
    }
}

/// Something the coordinator should see before confirming an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftWarning {
    /// Hard rules exclude this pair (applying needs `allow_excluded`).
    Excluded {
        /// The mentee.
        mentee: PersonId,
        /// The mentor.
        mentor: PersonId,
        /// Every rule excluding the pair, with details.
        reasons: Vec<ExclusionReason>,
    },
    /// The mentee keeps other mentors too (programs allowing several mentors).
    MenteeHasOtherMentors {
        /// The mentee.
        mentee: PersonId,
        /// The mentors the mentee already has this cycle.
        mentors: Vec<PersonId>,
    },
    /// A re-run leaves mentees without a mentor (see [`summary`] for why).
    LeftUnmatched {
        /// How many.
        mentees: usize,
    },
    /// A re-run could not prove its result optimal within its rounds.
    NotProvenOptimal {
        /// A proven upper bound of the new pairs' best possible total, if known.
        upper_bound: Option<u64>,
    },
}

impl fmt::Display for DraftWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftWarning::Excluded {
                mentee,
                mentor,
                reasons,
            } => {
                write!(f, "{mentee} and {mentor} are excluded by a rule: ")?;
                for (k, r) in reasons.iter().enumerate() {
                    if k > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{r}")?;
                }
                Ok(())
            }
            DraftWarning::MenteeHasOtherMentors { mentee, mentors } => {
                write!(f, "{mentee} also has ")?;
                for (k, m) in mentors.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{m}")?;
                }
                f.write_str(" as mentor")
            }
            DraftWarning::LeftUnmatched { mentees } => {
                write!(f, "{mentees} mentee(s) stay without a mentor")
            }
            DraftWarning::NotProvenOptimal { upper_bound } => match upper_bound {
                Some(b) => write!(
                    f,
                    "the result may not be the best possible (best total at most {b})"
                ),
                None => f.write_str("the result may not be the best possible"),
            },
        }
    }
}

/// What an edit would do: score changes, totals and warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// What the edit does, in words (the undo label).
    pub label: String,
    /// Every mentee whose pair changes, by mentee.
    pub pair_deltas: Vec<PairDelta>,
    /// The cohort's total score (current-cycle relationships using capacity) before.
    pub total_before: i64,
    /// The cohort's total score after.
    pub total_after: i64,
    /// What the coordinator should know before confirming.
    pub warnings: Vec<DraftWarning>,
}

impl Preview {
    /// The change of the cohort's total score.
    pub fn total_delta(&self) -> i64 {
        self.total_after - self.total_before
    }

    /// Whether applying needs `allow_excluded` (some new pair breaks a rule).
    pub fn needs_confirmation(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| matches!(w, DraftWarning::Excluded { .. }))
    }
}

/// Why a draft edit cannot be made. The program is untouched whenever one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// No match has this id.
    #[error("no match with id {0}")]
    UnknownMatch(MatchId),
    /// The match is published or belongs to an earlier cycle.
    #[error("match {0} is not in the draft (it is published or from an earlier cycle)")]
    NotInDraft(MatchId),
    /// No participant has this id.
    #[error("no participant with id {0}")]
    UnknownPerson(PersonId),
    /// The person's role does not allow mentoring.
    #[error("{0} cannot mentor (their role is mentee)")]
    NotAMentor(PersonId),
    /// The person's role does not allow being mentored.
    #[error("{0} is not looking for a mentor (their role is mentor)")]
    NotAMentee(PersonId),
    /// A person cannot mentor themself.
    #[error("{0} cannot mentor themself")]
    SamePerson(PersonId),
    /// The person already has the other role this cycle.
    #[error("{person} is already matched as a {} this cycle and cannot also be a {}", role_word(*.already_mentor), role_word(!*.already_mentor))]
    RoleConflict {
        /// Who.
        person: PersonId,
        /// Whether they are already a mentor (else a mentee).
        already_mentor: bool,
    },
    /// The mentor has no place left.
    #[error("mentor {mentor} is at capacity ({used} of {capacity} places taken); raise their capacity first")]
    MentorAtCapacity {
        /// The mentor.
        mentor: PersonId,
        /// Their capacity.
        capacity: u16,
        /// Places taken this cycle.
        used: u32,
    },
    /// The mentee already has as many mentors as allowed.
    #[error("mentee {mentee} already has {limit} mentor(s), the most allowed; move or unmatch them first")]
    MenteeAtLimit {
        /// The mentee.
        mentee: PersonId,
        /// `rules.mentee_max_mentors` (at least 1).
        limit: u8,
    },
    /// The pair already exists this cycle.
    #[error("{mentee} and {mentor} are already matched this cycle")]
    AlreadyPaired {
        /// The mentor.
        mentor: PersonId,
        /// The mentee.
        mentee: PersonId,
    },
    /// A locked match cannot be swapped, moved or unmatched.
    #[error("match {0} is locked; unlock it first")]
    Locked(MatchId),
    /// Locking a locked match.
    #[error("match {0} is already locked")]
    AlreadyLocked(MatchId),
    /// Unlocking an unlocked match.
    #[error("match {0} is not locked")]
    NotLocked(MatchId),
    /// Swapping a match with itself, or two matches sharing a mentor or a mentee.
    #[error("matches {a} and {b} share a mentor or a mentee: swapping them changes nothing")]
    NothingToSwap {
        /// One match.
        a: MatchId,
        /// The other.
        b: MatchId,
    },
    /// Moving a mentee who has no draft match.
    #[error("{0} has no match in the draft to move; match them by hand instead")]
    MenteeNotInDraft(PersonId),
    /// Moving a mentee who has several draft matches.
    #[error("{0} has several mentors in the draft; swap or unmatch one of those matches instead")]
    AmbiguousMove(PersonId),
    /// The new pair breaks hard rules and the coordinator has not confirmed it.
    #[error("{mentee} and {mentor} are excluded ({}); confirm to match them anyway", rule_list(.rules))]
    Excluded {
        /// The mentee.
        mentee: PersonId,
        /// The mentor.
        mentor: PersonId,
        /// The rules excluding the pair.
        rules: Vec<ExclusionRule>,
    },
    /// Clearing the choice of a mentee who has none recorded.
    #[error("{0} has no recorded choice in the draft")]
    NoChoice(PersonId),
    /// Publishing an empty draft.
    #[error("there is nothing to publish: the draft has no matches")]
    NothingToPublish,
    /// Rescoring a draft whose stored scores are all current.
    #[error("every score in the draft is up to date")]
    ScoresUpToDate,
    /// Re-running with an algorithm that does not make pairs.
    #[error("\"{}\" suggests mentors instead of making pairs, so it cannot re-run the draft", .0.label())]
    NotAPairingAlgorithm(Algorithm),
    /// Matching failed.
    #[error("matching failed: {0}")]
    Matching(#[from] MatchError),
}

fn role_word(mentor: bool) -> &'static str {
    if mentor {
        "mentor"
    } else {
        "mentee"
    }
}

fn rule_list(rules: &[ExclusionRule]) -> String {
    rules
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What an edit would do, without doing it: the score shown before confirming.
///
/// # Errors
/// Every [`DraftError`] that [`apply`] would return, except [`DraftError::Excluded`] (a
/// preview reports excluded pairs as [`DraftWarning::Excluded`] so they can be confirmed).
pub fn preview(program: &Program, edit: &DraftEdit) -> Result<Preview, DraftError> {
    plan(program, edit).map(|p| p.preview)
}

/// Makes an edit, all or nothing, and returns its [`Preview`].
///
/// # Errors
/// See [`DraftError`]; on error the program is untouched.
pub fn apply(program: &mut Program, edit: &DraftEdit) -> Result<Preview, DraftError> {
    let plan = confirmed_plan(program, edit)?;
    execute(program, plan.change);
    Ok(plan.preview)
}

/// [`apply`], recording the state before the edit in `history` (labelled with
/// [`Preview::label`]) so it can be undone.
///
/// # Errors
/// As [`apply`]; on error neither the program nor the history changes.
pub fn apply_and_record(
    program: &mut Program,
    edit: &DraftEdit,
    history: &mut History<DraftSnapshot>,
) -> Result<Preview, DraftError> {
    let plan = confirmed_plan(program, edit)?;
    let mut before = match plan.change.touched() {
        Some(ids) => DraftSnapshot::capture(program, program.cycle, false, &ids),
        None => DraftSnapshot::take(program),
    };
    let created = execute(program, plan.change);
    // A created match did not exist before: undo removes it.
    before.absent.extend(created);
    history.record(before, plan.preview.label.clone());
    Ok(plan.preview)
}

/// Undoes the last recorded draft edit; returns its label, or `None` if there is none.
pub fn undo(program: &mut Program, history: &mut History<DraftSnapshot>) -> Option<String> {
    let current = history.peek_undo()?.capture_same(program);
    let (before, label) = history.undo(current)?;
    before.restore(program);
    Some(label)
}

/// Redoes the last undone draft edit; returns its label, or `None` if there is none.
pub fn redo(program: &mut Program, history: &mut History<DraftSnapshot>) -> Option<String> {
    let current = history.peek_redo()?.capture_same(program);
    let (after, label) = history.redo(current)?;
    after.restore(program);
    Some(label)
}

/// The part of a program that draft edits change: some or all of the current cycle's
/// matches (with their positions) and the id counter.
///
/// [`DraftSnapshot::take`] saves the whole draft; [`apply_and_record`] saves only the
/// matches an edit touches (two for a swap), so a history of hundreds of steps stays small
/// even for programs with thousands of matches. Only re-runs and publishing save the whole
/// draft.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSnapshot {
    /// The cycle the snapshot is of.
    cycle: u32,
    /// Whether every proposed match of `cycle` is saved (else only `saved` and `absent`).
    whole_draft: bool,
    /// The id counter.
    next_seq: u64,
    /// Saved matches with their index in `program.matches`, ascending.
    saved: Vec<(usize, Match)>,
    /// Ids of matches that did not exist.
    absent: Vec<MatchId>,
}

impl DraftSnapshot {
    /// Saves the whole draft (every proposed match of the current cycle) and the id counter.
    pub fn take(program: &Program) -> DraftSnapshot {
        DraftSnapshot::capture(program, program.cycle, true, &[])
    }

    /// Puts the saved part back: the saved matches at their positions, and the matches that
    /// did not exist removed (with a whole-draft snapshot, every proposed match of its cycle
    /// is replaced). Matches outside the saved part are left as they are. The id counter is
    /// never moved back, so an id is never given twice.
    pub fn restore(self, program: &mut Program) {
        let mut ids: HashSet<MatchId> = self.absent.into_iter().collect();
        ids.extend(self.saved.iter().map(|(_, m)| m.id.clone()));
        let (cycle, whole) = (self.cycle, self.whole_draft);
        let mut rest = std::mem::take(&mut program.matches)
            .into_iter()
            .filter(|m| {
                !(ids.contains(&m.id)
                    || (whole && m.cycle == cycle && m.status == MatchStatus::Proposed))
            })
            .peekable();
        // Merge the saved matches back at their positions (one pass, not an insert each:
        // a re-run's snapshot can hold thousands).
        let mut matches = Vec::with_capacity(rest.size_hint().0 + self.saved.len());
        for (index, m) in self.saved {
            while matches.len() < index && rest.peek().is_some() {
                matches.extend(rest.next());
            }
            matches.push(m);
        }
        matches.extend(rest);
        program.matches = matches;
        program.next_seq = program.next_seq.max(self.next_seq);
    }

    /// How many matches are saved.
    pub fn len(&self) -> usize {
        self.saved.len()
    }

    /// Whether no match is saved.
    pub fn is_empty(&self) -> bool {
        self.saved.is_empty()
    }

    /// The current state of the same part of `program` (for redo after undo, and back).
    pub fn capture_same(&self, program: &Program) -> DraftSnapshot {
        let mut ids: Vec<MatchId> = self.absent.clone();
        ids.extend(self.saved.iter().map(|(_, m)| m.id.clone()));
        DraftSnapshot::capture(program, self.cycle, self.whole_draft, &ids)
    }

    fn capture(program: &Program, cycle: u32, whole: bool, ids: &[MatchId]) -> DraftSnapshot {
        let wanted: HashSet<&MatchId> = ids.iter().collect();
        let mut found: HashSet<&MatchId> = HashSet::new();
        let mut saved = Vec::new();
        for (index, m) in program.matches.iter().enumerate() {
            let in_draft = whole && m.cycle == cycle && m.status == MatchStatus::Proposed;
            if in_draft || wanted.contains(&m.id) {
                found.insert(&m.id);
                saved.push((index, m.clone()));
            }
        }
        let absent = wanted
            .into_iter()
            .filter(|id| !found.contains(id))
            .cloned()
            .collect();
        DraftSnapshot {
            cycle,
            whole_draft: whole,
            next_seq: program.next_seq,
            saved,
            absent,
        }
    }
}

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

/// Why someone has no partner in the current cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhyUnmatched {
    /// (Mentee) nobody in the program can mentor.
    NoMentors,
    /// (Mentor) nobody in the program wants a mentor.
    NoMentees,
    /// (Mentor) capacity 0: not available this cycle.
    NotAvailable,
    /// Every possible partner is excluded by a rule: the rules (first rule per pair) with how
    /// many partners each excluded, most first.
    AllExcluded {
        /// (rule, partners it excluded).
        rules: Vec<(ExclusionRule, u32)>,
    },
    /// (Mentee) every mentor the rules allow is full.
    NoCapacityLeft,
    /// (Mentor) every mentee the rules allow already has as many mentors as allowed.
    NoMenteeLeft,
    /// Could still be matched: some partner the rules allow has room (re-run or match by
    /// hand).
    PartnersAvailable,
}

impl fmt::Display for WhyUnmatched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WhyUnmatched::NoMentors => f.write_str("there are no mentors"),
            WhyUnmatched::NoMentees => f.write_str("there are no mentees"),
            WhyUnmatched::NotAvailable => f.write_str("not available (capacity 0)"),
            WhyUnmatched::AllExcluded { rules } => {
                f.write_str("every possible partner is excluded: ")?;
                for (k, (rule, n)) in rules.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{rule} ({n})")?;
                }
                Ok(())
            }
            WhyUnmatched::NoCapacityLeft => {
                f.write_str("no capacity left: every possible mentor is full")
            }
            WhyUnmatched::NoMenteeLeft => f.write_str("every possible mentee already has a mentor"),
            WhyUnmatched::PartnersAvailable => {
                f.write_str("a possible partner still has room: re-run or match by hand")
            }
        }
    }
}

/// Someone without a partner in the current cycle, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmatchedPerson {
    /// Who.
    pub person: PersonId,
    /// In which role.
    pub role: UnmatchedRole,
    /// Why.
    pub reason: WhyUnmatched,
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
    pub unmatched: Vec<UnmatchedPerson>,
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
fn partner_reason(
    partners: &[(usize, bool)],
    code: impl Fn(usize) -> PairCode,
    full: WhyUnmatched,
) -> WhyUnmatched {
    let mut rules: Vec<(ExclusionRule, u32)> = Vec::new();
    for pass_room in [true, false] {
        for &(j, room) in partners {
            if room != pass_room {
                continue;
            }
            match code(j) {
                PairCode::Score(_) if room => return WhyUnmatched::PartnersAvailable,
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
    WhyUnmatched::AllExcluded { rules }
}

/// Who is unmatched and why; scores only the pairs needed to say why (no score matrix).
fn unmatched(
    program: &Program,
    load: &Load,
    mentees: &[usize],
    mentors: &[usize],
) -> Vec<UnmatchedPerson> {
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
            _ if mentors.is_empty() => WhyUnmatched::NoMentors,
            Some(i) => partner_reason(
                &mentor_side,
                |j| cohort.decode(cohort.pair_code(i, j)),
                WhyUnmatched::NoCapacityLeft,
            ),
            // Not a mentee for scoring (cannot happen for someone unmatched: both use the
            // same role policy); say what can be said.
            None => WhyUnmatched::PartnersAvailable,
        };
        out.push(UnmatchedPerson {
            person: people[k].id.clone(),
            role: UnmatchedRole::Mentee,
            reason,
        });
    }
    for k in lonely_mentors {
        let reason = match cohort.mentor_index(&people[k].id) {
            _ if people[k].capacity == 0 => WhyUnmatched::NotAvailable,
            _ if mentees.is_empty() => WhyUnmatched::NoMentees,
            Some(j) => partner_reason(
                &mentee_side,
                |i| cohort.decode(cohort.pair_code(i, j)),
                WhyUnmatched::NoMenteeLeft,
            ),
            None => WhyUnmatched::PartnersAvailable,
        };
        out.push(UnmatchedPerson {
            person: people[k].id.clone(),
            role: UnmatchedRole::Mentor,
            reason,
        });
    }
    out
}

/// Current-cycle relationships that use capacity (proposed, active, on hold).
fn cycle_pairs(program: &Program) -> impl Iterator<Item = &Match> {
    program
        .current_matches()
        .filter(|m| m.status.uses_capacity())
}

/// How many places each person takes this cycle.
struct Load<'a> {
    /// Per mentor: mentees this cycle.
    mentor_used: HashMap<&'a PersonId, u32>,
    /// Per mentee: mentors this cycle.
    mentee_pairs: HashMap<&'a PersonId, u32>,
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
fn cohort_total(program: &Program) -> i64 {
    cycle_pairs(program)
        .map(|m| i64::from(m.score.unwrap_or(0)))
        .sum()
}

/// A checked edit, ready to execute without failing.
struct Plan {
    preview: Preview,
    change: Change,
    /// Pairs breaking rules, and whether the coordinator confirmed them.
    excluded: Option<(PersonId, PersonId, Vec<ExclusionRule>)>,
    allow_excluded: bool,
}

/// What executing a plan does to `program.matches`; indices were checked by the plan.
enum Change {
    SetLocked {
        index: usize,
        id: MatchId,
        locked: bool,
    },
    Reassign(Vec<Reassign>),
    Remove {
        index: usize,
        id: MatchId,
    },
    Add(Match),
    Rerun(Box<Proposal>),
    /// (index, id, fresh score) of each match whose stored score changes.
    Rescore(Vec<(usize, MatchId, u8)>),
    Publish(Date),
}

struct Reassign {
    index: usize,
    id: MatchId,
    mentor: PersonId,
    mentee: PersonId,
    score: u8,
    circle: Option<u32>,
    source: MatchSource,
    locked: bool,
}

impl Change {
    /// The ids of existing matches the change touches; `None` when it may touch the whole
    /// draft (re-run, publish).
    fn touched(&self) -> Option<Vec<MatchId>> {
        match self {
            Change::SetLocked { id, .. } | Change::Remove { id, .. } => Some(vec![id.clone()]),
            Change::Reassign(list) => Some(list.iter().map(|r| r.id.clone()).collect()),
            Change::Add(_) => Some(Vec::new()),
            Change::Rescore(list) => Some(list.iter().map(|(_, id, _)| id.clone()).collect()),
            Change::Rerun(_) | Change::Publish(_) => None,
        }
    }
}

/// Executes a checked change; returns the ids of the matches it created.
fn execute(program: &mut Program, change: Change) -> Vec<MatchId> {
    let cycle = program.cycle;
    match change {
        Change::SetLocked { index, locked, .. } => {
            if let Some(m) = program.matches.get_mut(index) {
                m.locked = locked;
            }
        }
        Change::Reassign(list) => {
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
        Change::Remove { index, .. } => {
            if index < program.matches.len() {
                program.matches.remove(index);
            }
        }
        Change::Add(mut m) => {
            m.id = fresh_match_id(program);
            let id = m.id.clone();
            program.matches.push(m);
            return vec![id];
        }
        Change::Rerun(proposal) => matching::apply(program, &proposal),
        Change::Rescore(list) => {
            for (index, _, score) in list {
                if let Some(m) = program.matches.get_mut(index) {
                    m.score = Some(score);
                }
            }
        }
        Change::Publish(start) => {
            for m in &mut program.matches {
                if m.cycle == cycle && m.status == MatchStatus::Proposed {
                    m.status = MatchStatus::Active;
                    m.started_on = Some(start);
                }
            }
        }
    }
    Vec::new()
}

/// A new match id no match has (ids from damaged files could collide with the counter).
fn fresh_match_id(program: &mut Program) -> MatchId {
    loop {
        let id = program.new_match_id();
        if !program.matches.iter().any(|m| m.id == id) {
            return id;
        }
    }
}

fn confirmed_plan(program: &Program, edit: &DraftEdit) -> Result<Plan, DraftError> {
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
fn mentor_circle(program: &Program, mentor: &PersonId) -> Option<u32> {
    cycle_pairs(program)
        .filter(|x| &x.mentor == mentor)
        .filter_map(|x| x.circle)
        .min()
}

/// A person's name for labels, or the id if unknown or unnamed.
fn name(program: &Program, id: &PersonId) -> String {
    match program.person(id) {
        Some(p) if !p.name.trim().is_empty() => p.name.clone(),
        _ => id.to_string(),
    }
}

/// The index of a draft match.
fn draft_index(program: &Program, id: &MatchId) -> Result<usize, DraftError> {
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
fn unlocked_index(program: &Program, id: &MatchId) -> Result<usize, DraftError> {
    let index = draft_index(program, id)?;
    if program.matches[index].locked {
        return Err(DraftError::Locked(id.clone()));
    }
    Ok(index)
}

/// A new pair's score and the rules excluding it.
struct Scored {
    score: u8,
    excluded_by: Vec<ExclusionReason>,
}

fn score_pair(
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
fn check_roles(
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
fn check_capacity(program: &Program, mentor: &PersonId, skip: &[usize]) -> Result<(), DraftError> {
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

fn excluded_warning(mentee: &PersonId, mentor: &PersonId, s: &Scored) -> Option<DraftWarning> {
    (!s.excluded_by.is_empty()).then(|| DraftWarning::Excluded {
        mentee: mentee.clone(),
        mentor: mentor.clone(),
        reasons: s.excluded_by.clone(),
    })
}

/// The first excluded pair among the warnings, for [`DraftError::Excluded`].
fn first_excluded(warnings: &[DraftWarning]) -> Option<(PersonId, PersonId, Vec<ExclusionRule>)> {
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

/// Checks an edit and works out its effect, without changing anything.
fn plan(program: &Program, edit: &DraftEdit) -> Result<Plan, DraftError> {
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
                name(program, &m.mentee),
                name(program, &m.mentor)
            );
            let change = Change::SetLocked {
                index,
                id: id.clone(),
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
                name(program, &ma.mentee),
                name(program, &mb.mentee)
            );
            let change = Change::Reassign(vec![
                Reassign {
                    index: ia,
                    id: ma.id.clone(),
                    mentor: ma.mentor.clone(),
                    mentee: mb.mentee.clone(),
                    score: sa.score,
                    circle: ma.circle,
                    source: MatchSource::Manual,
                    locked: false,
                },
                Reassign {
                    index: ib,
                    id: mb.id.clone(),
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
                name(program, mentee),
                name(program, to_mentor)
            );
            let change = Change::Reassign(vec![Reassign {
                index,
                id: m.id.clone(),
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
                name(program, mentee),
                name(program, &m.mentor)
            );
            (
                label,
                Change::Remove {
                    index,
                    id: m.id.clone(),
                },
            )
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
                name(program, &m.mentee),
                name(program, &m.mentor)
            );
            (
                label,
                Change::Remove {
                    index,
                    id: id.clone(),
                },
            )
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
                name(program, mentee),
                name(program, mentor)
            );
            let m = new.created;
            (label, Change::Add(m))
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
            (label, Change::Rerun(Box::new(proposal)))
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
            (label, Change::Rescore(list))
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
            (label, Change::Publish(*start))
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
fn plan_choice(
    program: &Program,
    mentee: &PersonId,
    mentor: &PersonId,
) -> Result<(String, Change, PairDelta, Vec<DraftWarning>), DraftError> {
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
        name(program, mentee),
        name(program, mentor)
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
            let change = Change::Reassign(vec![Reassign {
                index,
                id: m.id.clone(),
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
            Ok((label, Change::Add(new.created), new.delta, new.warnings))
        }
    }
}

/// A planned new draft match (match by hand, or a mentee's first choice).
struct NewPair {
    /// The match to add (its id is given when executed).
    created: Match,
    /// The mentee's pair delta.
    delta: PairDelta,
    /// A rule excluding the pair; the mentee's other mentors.
    warnings: Vec<DraftWarning>,
}

/// Plans a new draft match of `mentee` with `mentor`: roles, the mentee's limit of mentors,
/// the mentor's capacity, and the pair's score.
fn plan_new_pair(
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
fn stale_scores(program: &Program) -> Vec<(usize, MatchId, u8)> {
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
fn rerun_deltas(program: &Program, proposal: &Proposal) -> Vec<PairDelta> {
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
