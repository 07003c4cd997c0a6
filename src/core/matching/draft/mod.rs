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
//! - [`DraftEdit`] is an [`Operation`]: the open program commits it through its history
//!   ([`crate::core::edit`]), which makes undo and redo of every draft edit.
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

mod effect;
mod plan;
mod summary;
mod text;

pub use summary::{summary, DraftPair, DraftSummary};
pub use text::{describe_preview, signed};

use std::fmt;

use crate::core::date::Date;
use crate::core::edit::{Change, Operation};
use crate::core::matching::scoring::{ExclusionReason, ExclusionRule};
use crate::core::matching::MatchError;
use crate::core::model::{Algorithm, Match, MatchId, PersonId, Program};

use effect::{confirmed_plan, execute};
use plan::plan;

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

impl DraftEdit {
    /// The same edit with the coordinator's confirmation of pairs a rule excludes set to
    /// `allow` (edits that make no new pair are returned unchanged).
    pub fn allowing_excluded(self, allow: bool) -> DraftEdit {
        match self {
            DraftEdit::Swap { a, b, .. } => DraftEdit::Swap {
                a,
                b,
                allow_excluded: allow,
            },
            DraftEdit::Move {
                mentee, to_mentor, ..
            } => DraftEdit::Move {
                mentee,
                to_mentor,
                allow_excluded: allow,
            },
            DraftEdit::MatchByHand { mentor, mentee, .. } => DraftEdit::MatchByHand {
                mentor,
                mentee,
                allow_excluded: allow,
            },
            DraftEdit::RecordChoice { mentee, mentor, .. } => DraftEdit::RecordChoice {
                mentee,
                mentor,
                allow_excluded: allow,
            },
            other => other,
        }
    }
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

impl Operation for DraftEdit {
    type Report = Preview;
    type Error = DraftError;

    /// Makes the edit; the label is [`Preview::label`] and the report the preview itself.
    fn apply(self, program: &mut Program) -> Result<Change<Preview>, DraftError> {
        let preview = apply(program, &self)?;
        Ok(Change::new(preview.label.clone(), preview))
    }
}

/// A finished matching run's result (computed off the page, in the matching worker), put
/// into the draft as one change: the program's matches after the run replaced the
/// unlocked proposals, and the id counter after it.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptRun {
    /// The algorithm that ran.
    pub algorithm: Algorithm,
    /// Every match of the program after the run.
    pub matches: Vec<Match>,
    /// The match id counter after the run.
    pub next_seq: u64,
}

impl AcceptRun {
    /// A run's [`Proposal`](crate::core::matching::Proposal) for `program`, as the change
    /// that puts it in place (unlocked proposals replaced, locked and published kept).
    pub fn of(
        program: &Program,
        algorithm: Algorithm,
        proposal: &crate::core::matching::Proposal,
    ) -> AcceptRun {
        let mut after = program.clone();
        crate::core::matching::apply(&mut after, proposal);
        AcceptRun {
            algorithm,
            matches: after.matches,
            next_seq: after.next_seq,
        }
    }
}

impl Operation for AcceptRun {
    type Report = ();
    type Error = DraftError;

    /// Puts the run's matches in place. A run made from another state of the program is
    /// discarded before it gets here; a match naming someone no longer in the program is
    /// refused.
    fn apply(self, program: &mut Program) -> Result<Change, DraftError> {
        for m in &self.matches {
            for id in [&m.mentor, &m.mentee] {
                if program.person(id).is_none() {
                    return Err(DraftError::UnknownPerson(id.clone()));
                }
            }
        }
        program.matches = self.matches;
        program.next_seq = program.next_seq.max(self.next_seq);
        Ok(Change::labelled(format!(
            "Run matching ({})",
            self.algorithm.label()
        )))
    }
}
