//! Workshop (projector) mode, issue #5: the deck that reveals a draft's pairs one at a
//! time, the redacted view model the audience window receives, and the messages between
//! the presenter and audience windows.
//!
//! # Redaction
//! Everything the audience window gets is a [`StageView`], built here from a [`Deck`]. It
//! holds first names or pseudonyms ([`NameDisplay`], a program setting), scores, reasons in
//! plain words, score deltas and cohort figures, and nothing else: never e-mail addresses,
//! full names, managers, notes, bios or answers to sensitive questions. Reasons are written
//! from the criterion *kind* (never from free text a participant typed), and a criterion on
//! a sensitive question is never given as a reason. A first name that looks like an e-mail
//! address (a roster where the name column held e-mails) becomes the pseudonym instead.
//!
//! # Steps
//! A deck of `n` pairs has steps `0..=n + 1`: step 0 is the title slide, step `k` (1..=n)
//! reveals pair `k` (pairs `1..=k` are revealed), step `n + 1` is the summary slide (every
//! pair revealed). Pairs keep the draft's order, and draft edits keep match ids in place,
//! so a swap changes what a slide says, never which slide a pair is on.
//!
//! # Rehearsal
//! A [`Rehearsal`] (issue 15) steps through the same slides on the presenter's screen alone,
//! timing how long each pair's slide stays up, so the facilitator knows how long the reveal
//! will take ([`Rehearsal::estimate`]). It holds a position and times only: it never
//! touches the program, and nothing of it is sent to the audience window.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use crate::core::matching::draft::signed;
use crate::core::matching::draft::{self, DraftEdit, Preview};
use crate::core::matching::scoring::{self, Explanation};
use crate::core::matching::UnmatchedRole;
use crate::core::model::{CriterionKind, MatchId, MatchStatus, PersonId, Program, ProgramId, Role};
pub use crate::core::model::{NameDisplay, WorkshopSettings};

/// How many reasons a pair's slide gives at most.
pub const MAX_REASONS: usize = 3;

/// The reveal pace assumed before a rehearsal has timed any pair: seconds per pair.
pub const DEFAULT_SECONDS_PER_PAIR: u32 = 20;

/// One pair as shown on stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairSlide {
    /// 1-based position in the reveal order.
    pub number: usize,
    /// The mentee's first name or pseudonym.
    pub mentee: String,
    /// The mentor's first name or pseudonym.
    pub mentor: String,
    /// The pair's score (0-100), if scored.
    pub score: Option<u8>,
    /// The largest contributions to the score, in plain words, largest first.
    pub reasons: Vec<String>,
    /// Locked (kept by a re-run and by the edits of the what-if).
    pub locked: bool,
    /// Already published (an active relationship): cannot be changed here.
    pub published: bool,
    /// The score change of this pair in the shown change (preview or last edit).
    pub delta: Option<i64>,
}

/// The closing slide: cohort figures, no names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummarySlide {
    /// Pairs in the cohort.
    pub pairs: usize,
    /// Mentees wanting a mentor.
    pub mentees: usize,
    /// Of them, matched.
    pub matched_mentees: usize,
    /// `matched_mentees` in percent, rounded to a whole number (`None`: no mentees).
    pub matched_percent: Option<u32>,
    /// Mean pair score, rounded to one decimal (`None`: no scored pair).
    pub mean_score: Option<f64>,
    /// Mentees left without a mentor.
    pub unmatched_mentees: usize,
    /// Mentors left without a mentee.
    pub unmatched_mentors: usize,
    /// Pairs locked or published.
    pub locked: usize,
}

/// What the current slide is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Slide {
    /// Before the first reveal.
    Title {
        /// How many pairs are to be revealed.
        pairs: usize,
    },
    /// One pair.
    Pair(PairSlide),
    /// The cohort's figures.
    Summary(SummarySlide),
}

/// The draft of a program turned into slides, with what the presenter needs to edit it.
/// Built by [`build_deck`]; never sent to the audience (see [`StageView`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    /// The program's name.
    pub title: String,
    /// The pairs, in reveal order (the draft's order).
    pub pairs: Vec<PairSlide>,
    /// Each pair's match id (same order as `pairs`).
    pub match_ids: Vec<MatchId>,
    /// Each pair's mentee (same order as `pairs`).
    pub mentees: Vec<PersonId>,
    /// Each pair's mentor (same order as `pairs`).
    pub mentors: Vec<PersonId>,
    /// The closing slide.
    pub summary: SummarySlide,
    /// The sum of the pairs' scores.
    pub total_score: i64,
    /// Display names (first names or pseudonyms) of everybody in the program.
    pub names: HashMap<PersonId, String>,
}

/// The presenter's position in the deck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageState {
    /// 0 = title, 1..=n = pair n revealed, n + 1 = summary.
    pub step: usize,
    /// The selected revealed pair (index into the deck's pairs).
    pub selected: Option<usize>,
    /// The pair picked as one side of a swap (index into the deck's pairs).
    pub picked: Option<usize>,
}

/// One pair's change in a what-if, by display names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairChange {
    /// The mentee.
    pub mentee: String,
    /// The mentor before (`None`: unmatched).
    pub mentor_before: Option<String>,
    /// The mentor after (`None`: unmatched).
    pub mentor_after: Option<String>,
    /// Score before.
    pub before: Option<u8>,
    /// Score after.
    pub after: Option<u8>,
    /// `after - before` (a missing score counts as 0).
    pub delta: i64,
}

/// A what-if shown on stage: a preview (not yet made) or the last edit made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    /// `false`: a preview ("if we swap ..."); `true`: made.
    pub applied: bool,
    /// What the change is, with display names.
    pub label: String,
    /// Every changed pair.
    pub pairs: Vec<PairChange>,
    /// The cohort's total score before.
    pub total_before: i64,
    /// The cohort's total score after.
    pub total_after: i64,
}

impl ChangeView {
    /// The cohort's total score change.
    pub fn total_delta(&self) -> i64 {
        self.total_after - self.total_before
    }
}

/// Everything the audience window shows, and nothing more (see the module docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageView {
    /// The program's name.
    pub title: String,
    /// The current step (see the module docs).
    pub step: usize,
    /// The last step (the summary).
    pub last_step: usize,
    /// The current slide.
    pub slide: Slide,
    /// The pairs revealed so far, in order.
    pub revealed: Vec<PairSlide>,
    /// The selected revealed pair (index into `revealed`).
    pub selected: Option<usize>,
    /// The pair picked for a swap (index into `revealed`).
    pub picked: Option<usize>,
    /// The what-if being previewed, or the last edit made.
    pub change: Option<ChangeView>,
    /// The sum of the pairs' scores.
    pub total_score: i64,
    /// What a screen reader announces for this step.
    pub announcement: String,
}

/// A message between the presenter and audience windows (JSON over a `BroadcastChannel`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StageMessage {
    /// The audience window opened and asks for the current state.
    Hello,
    /// The current state.
    State(Box<StageView>),
    /// The presenter left workshop mode.
    Closed,
}

impl StageMessage {
    /// The message as JSON.
    ///
    /// # Errors
    /// Only if serialization fails (it does not for these types).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Reads a message; anything else on the channel is an error, never a panic.
    ///
    /// # Errors
    /// The JSON error for text that is not a message.
    pub fn from_json(text: &str) -> Result<StageMessage, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// The `BroadcastChannel` name of a program's workshop (one channel per program).
pub fn channel_name(id: &ProgramId) -> String {
    format!("mentorkit-workshop:{}", id.as_str())
}

/// Display names of everybody in the program: first names, or pseudonyms numbered per role
/// in participant order ("Mentor 3", "Mentee 12", "Participant 2"), exactly as a
/// pseudonymised share link names them. A name without a usable first name (empty, or an
/// e-mail address) gets the pseudonym.
pub fn display_names(program: &Program, names: NameDisplay) -> HashMap<PersonId, String> {
    let (mut mentors, mut mentees, mut others) = (0u32, 0u32, 0u32);
    program
        .people
        .iter()
        .map(|person| {
            let pseudonym = match person.role {
                Role::Mentor => {
                    mentors += 1;
                    format!("Mentor {mentors}")
                }
                Role::Mentee => {
                    mentees += 1;
                    format!("Mentee {mentees}")
                }
                Role::Either => {
                    others += 1;
                    format!("Participant {others}")
                }
            };
            let shown = match names {
                NameDisplay::Pseudonyms => pseudonym,
                NameDisplay::FirstNames => person
                    .name
                    .split_whitespace()
                    .next()
                    .filter(|first| !first.contains('@'))
                    .map_or(pseudonym, str::to_owned),
            };
            (person.id.clone(), shown)
        })
        .collect()
}

/// The largest contributions to a pair's score, in plain words ("Shared skills: Rust,
/// SQL (24 of 30 points)"), largest first, at most [`MAX_REASONS`]. Criteria on sensitive
/// questions are left out, and only names from the program's set-up (skill names, question
/// labels) appear, never what a participant typed.
pub fn reasons(program: &Program, explanation: &Explanation) -> Vec<String> {
    let mut useful: Vec<_> = explanation
        .contributions
        .iter()
        .filter(|c| c.points > 0)
        .filter_map(|c| {
            let kind = &program.matching.criteria.get(c.criterion)?.kind;
            let words = reason_words(program, kind, &explanation.mentee, &explanation.mentor)?;
            Some((c.points, c.criterion, words, c.max_points))
        })
        .collect();
    useful.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    useful
        .into_iter()
        .take(MAX_REASONS)
        .map(|(points, _, words, max)| format!("{words} ({points} of {max} points)"))
        .collect()
}

fn reason_words(
    program: &Program,
    kind: &CriterionKind,
    mentee: &PersonId,
    mentor: &PersonId,
) -> Option<String> {
    Some(match kind {
        CriterionKind::Skills => {
            let (e, r) = (program.person(mentee)?, program.person(mentor)?);
            let shared: Vec<String> = e
                .skills_wanted
                .iter()
                .filter(|w| r.skills_offered.iter().any(|o| o.skill == w.skill))
                .filter_map(|w| program.skills.iter().find(|s| s.id == w.skill))
                .take(3)
                .map(|s| s.name.clone())
                .collect();
            if shared.is_empty() {
                "Skills wanted and offered".to_owned()
            } else {
                format!("Shared skills: {}", shared.join(", "))
            }
        }
        CriterionKind::Goals => "Shared goals".to_owned(),
        CriterionKind::SeniorityGap { .. } => "A good seniority gap".to_owned(),
        CriterionKind::Department { prefer } => match prefer {
            crate::core::model::Preference::Same => "Same department".to_owned(),
            _ => "Different departments: a fresh view".to_owned(),
        },
        CriterionKind::TimeZone => "Close time zones".to_owned(),
        CriterionKind::Language => "A shared language".to_owned(),
        CriterionKind::Field { field, .. } => {
            let question = program.profile_fields.iter().find(|f| &f.id == field)?;
            if question.sensitive {
                return None;
            }
            format!("Answers to \u{201c}{}\u{201d}", question.label)
        }
    })
}

/// Turns the program's current-cycle pairs (draft and published) into a deck, named as the
/// program's workshop setting says.
pub fn build_deck(program: &Program) -> Deck {
    let names = display_names(program, program.workshop.names);
    let summary = draft::summary(program);
    let name = |id: &PersonId| names.get(id).cloned().unwrap_or_else(|| "?".to_owned());
    let mut deck = Deck {
        title: program.name.clone(),
        pairs: Vec::with_capacity(summary.pairs.len()),
        match_ids: Vec::with_capacity(summary.pairs.len()),
        mentees: Vec::with_capacity(summary.pairs.len()),
        mentors: Vec::with_capacity(summary.pairs.len()),
        summary: SummarySlide {
            pairs: summary.pairs.len(),
            mentees: summary.mentees,
            matched_mentees: summary.matched_mentees,
            matched_percent: summary.matched_percent.map(|p| p.round() as u32),
            mean_score: summary.mean_score.map(|m| (m * 10.0).round() / 10.0),
            unmatched_mentees: summary
                .unmatched
                .iter()
                .filter(|u| u.role == UnmatchedRole::Mentee)
                .count(),
            unmatched_mentors: summary
                .unmatched
                .iter()
                .filter(|u| u.role == UnmatchedRole::Mentor)
                .count(),
            locked: summary.locked,
        },
        total_score: summary.total_score,
        names: HashMap::new(),
    };
    for (k, pair) in summary.pairs.iter().enumerate() {
        let reasons = scoring::explain(program, &pair.mentee, &pair.mentor)
            .map(|x| reasons(program, &x))
            .unwrap_or_default();
        deck.pairs.push(PairSlide {
            number: k + 1,
            mentee: name(&pair.mentee),
            mentor: name(&pair.mentor),
            score: pair.score,
            reasons,
            locked: pair.locked,
            published: pair.status != MatchStatus::Proposed,
            delta: None,
        });
        deck.match_ids.push(pair.id.clone());
        deck.mentees.push(pair.mentee.clone());
        deck.mentors.push(pair.mentor.clone());
    }
    deck.names = names;
    deck
}

impl Deck {
    /// The summary's step (the last one).
    pub fn last_step(&self) -> usize {
        self.pairs.len() + 1
    }

    /// A display name (first name or pseudonym).
    pub fn name(&self, id: &PersonId) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| "?".to_owned())
    }

    /// How many pairs are revealed at `step`.
    pub fn revealed_count(&self, step: usize) -> usize {
        step.min(self.pairs.len())
    }

    /// The index of the pair holding this match, if any.
    pub fn index_of(&self, id: &MatchId) -> Option<usize> {
        self.match_ids.iter().position(|m| m == id)
    }

    /// What a draft edit is called on stage, with display names.
    pub fn edit_label(&self, edit: &DraftEdit) -> String {
        let pair = |id: &MatchId| {
            self.index_of(id)
                .map_or_else(|| "a pair".to_owned(), |k| format!("pair {}", k + 1))
        };
        match edit {
            DraftEdit::Lock(id) => format!("Lock {}", pair(id)),
            DraftEdit::Unlock(id) => format!("Unlock {}", pair(id)),
            DraftEdit::Swap { a, b, .. } => {
                format!("Swap the mentees of {} and {}", pair(a), pair(b))
            }
            DraftEdit::Move {
                mentee, to_mentor, ..
            } => format!("Move {} to {}", self.name(mentee), self.name(to_mentor)),
            DraftEdit::Unmatch(id) => format!("Unmatch {}", pair(id)),
            DraftEdit::MatchByHand { mentor, mentee, .. } => {
                format!("Match {} with {}", self.name(mentee), self.name(mentor))
            }
            DraftEdit::RecordChoice { mentee, mentor, .. } => {
                format!("{} chose {}", self.name(mentee), self.name(mentor))
            }
            DraftEdit::ClearChoice(mentee) => format!("Clear {}'s choice", self.name(mentee)),
            DraftEdit::Rerun { .. } => "Re-run around the locks".to_owned(),
            DraftEdit::Rescore => "Rescore the draft".to_owned(),
            DraftEdit::Publish { .. } => "Publish the draft".to_owned(),
        }
    }

    /// A preview (or a made edit's result) with display names only.
    pub fn change_view(&self, label: String, preview: &Preview, applied: bool) -> ChangeView {
        ChangeView {
            applied,
            label,
            pairs: preview
                .pair_deltas
                .iter()
                .map(|d| PairChange {
                    mentee: self.name(&d.mentee),
                    mentor_before: d.mentor_before.as_ref().map(|m| self.name(m)),
                    mentor_after: d.mentor_after.as_ref().map(|m| self.name(m)),
                    before: d.before,
                    after: d.after,
                    delta: d.delta(),
                })
                .collect(),
            total_before: preview.total_before,
            total_after: preview.total_after,
        }
    }

    /// The view the audience gets at `state`, with an optional change (whose per-pair
    /// deltas are put on the slides of the pairs they concern).
    pub fn stage_view(
        &self,
        state: &StageState,
        change: Option<(&ChangeView, &Preview)>,
    ) -> StageView {
        let step = state.step.min(self.last_step());
        let shown = self.revealed_count(step);
        let deltas: HashMap<&PersonId, i64> = change
            .map(|(_, p)| {
                p.pair_deltas
                    .iter()
                    .map(|d| (&d.mentee, d.delta()))
                    .collect()
            })
            .unwrap_or_default();
        let with_delta = |k: usize| {
            let mut slide = self.pairs[k].clone();
            slide.delta = deltas.get(&self.mentees[k]).copied();
            slide
        };
        let revealed: Vec<PairSlide> = (0..shown).map(with_delta).collect();
        let slide = if step == 0 {
            Slide::Title {
                pairs: self.pairs.len(),
            }
        } else if step <= self.pairs.len() {
            Slide::Pair(with_delta(step - 1))
        } else {
            Slide::Summary(self.summary.clone())
        };
        let announcement = announce(&slide, self.pairs.len());
        StageView {
            title: self.title.clone(),
            step,
            last_step: self.last_step(),
            slide,
            revealed,
            selected: state.selected.filter(|&k| k < shown),
            picked: state.picked.filter(|&k| k < shown),
            change: change.map(|(c, _)| c.clone()),
            total_score: self.total_score,
            announcement,
        }
    }
}

impl Deck {
    /// The mentors a mentee can be moved to (anyone who mentors and has a place), named as
    /// the stage names them, for a presenter's screen the room may see (a mirrored display,
    /// issue 15): never a full name or an e-mail. Two mentors shown with the same first
    /// name get their pseudonym added ("Sam (Mentor 4)"), so the choice stays unambiguous.
    /// Sorted by the name shown.
    pub fn mentor_choices(&self, program: &Program) -> Vec<(PersonId, String)> {
        let pseudonyms = display_names(program, NameDisplay::Pseudonyms);
        let mentors: Vec<(PersonId, String)> = program
            .people
            .iter()
            .filter(|x| x.role != Role::Mentee && x.capacity > 0)
            .map(|x| (x.id.clone(), self.name(&x.id)))
            .collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (_, name) in &mentors {
            *seen.entry(name.as_str()).or_default() += 1;
        }
        let mut out: Vec<(PersonId, String)> = mentors
            .iter()
            .map(|(id, name)| {
                let shown = if seen.get(name.as_str()).is_some_and(|&n| n > 1) {
                    let alias = pseudonyms.get(id).map_or("?", String::as_str);
                    format!("{name} ({alias})")
                } else {
                    name.clone()
                };
                (id.clone(), shown)
            })
            .collect();
        out.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

impl Deck {
    /// `label` (an undo label of the draft history, which the Matching page shares and which
    /// names people in full) with every participant's full name replaced by the name the
    /// stage gives them, for a screen the room may see. Names are matched as whole words,
    /// the longest first, so "Ana Lee" is never read as "Ana"; text that is no one's name
    /// is kept.
    pub fn stage_label(&self, program: &Program, label: &str) -> String {
        // Full names by their first character, longest first.
        let mut by_first: HashMap<char, Vec<(&str, &PersonId)>> = HashMap::new();
        for person in &program.people {
            let name = person.name.trim();
            if let Some(c) = name.chars().next() {
                by_first.entry(c).or_default().push((name, &person.id));
            }
        }
        for names in by_first.values_mut() {
            names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        }
        let is_word = |c: char| c.is_alphanumeric();
        let mut out = String::with_capacity(label.len());
        let mut rest = label;
        while let Some(c) = rest.chars().next() {
            // A name starts where a word may start and ends where a word ends.
            let may_start = !out.chars().next_back().is_some_and(is_word);
            let found = may_start
                .then(|| {
                    by_first.get(&c)?.iter().find(|(name, _)| {
                        rest.starts_with(name)
                            && !rest[name.len()..].chars().next().is_some_and(is_word)
                    })
                })
                .flatten();
            match found {
                Some((name, id)) => {
                    out.push_str(&self.name(id));
                    rest = &rest[name.len()..];
                }
                None => {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }
}

/// A rehearsal of the reveal (see the module docs): a position in the deck and how long
/// each pair's slide has been shown. Times are milliseconds on any clock the caller keeps
/// (the browser's `Date.now()`); a clock that goes backwards counts as no time.
#[derive(Clone, Debug, PartialEq)]
pub struct Rehearsal {
    step: usize,
    last_step: usize,
    started_ms: f64,
    entered_ms: f64,
    /// Seconds each pair's slide has been shown so far (index: pair index).
    on_pair: Vec<f64>,
}

/// How long the reveal of a deck will take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RevealEstimate {
    /// Pairs to reveal.
    pub pairs: usize,
    /// The pace: seconds per pair.
    pub seconds_per_pair: f64,
    /// Whether the pace was measured in the rehearsal (else it is the planned pace).
    pub measured: bool,
    /// `pairs × seconds_per_pair`, rounded to whole seconds.
    pub total_seconds: u64,
}

impl Rehearsal {
    /// Starts at the title slide of a deck of `pairs` pairs, at time `now_ms`.
    pub fn start(pairs: usize, now_ms: f64) -> Rehearsal {
        Rehearsal {
            step: 0,
            last_step: pairs + 1,
            started_ms: now_ms,
            entered_ms: now_ms,
            on_pair: vec![0.0; pairs],
        }
    }

    /// The current step (numbered as the deck's steps).
    pub fn step(&self) -> usize {
        self.step
    }

    /// The pairs in the rehearsed deck.
    pub fn pairs(&self) -> usize {
        self.on_pair.len()
    }

    /// Moves to `step` (clamped to the deck) at `now_ms`; the time since the current step
    /// was reached is added to its pair, if it is a pair's slide.
    pub fn go_to(&mut self, step: usize, now_ms: f64) {
        let shown = ((now_ms - self.entered_ms) / 1000.0).max(0.0);
        if let Some(t) = self
            .step
            .checked_sub(1)
            .and_then(|k| self.on_pair.get_mut(k))
        {
            *t += shown;
        }
        self.step = step.min(self.last_step);
        self.entered_ms = now_ms;
    }

    /// One step forward (stays on the summary).
    pub fn next(&mut self, now_ms: f64) {
        self.go_to(self.step + 1, now_ms);
    }

    /// One step back (stays on the title).
    pub fn back(&mut self, now_ms: f64) {
        self.go_to(self.step.saturating_sub(1), now_ms);
    }

    /// To the summary (every pair revealed).
    pub fn end(&mut self, now_ms: f64) {
        self.go_to(self.last_step, now_ms);
    }

    /// Seconds since the rehearsal started.
    pub fn elapsed_seconds(&self, now_ms: f64) -> f64 {
        ((now_ms - self.started_ms) / 1000.0).max(0.0)
    }

    /// How many pairs' slides have been shown for some time (left at least once).
    pub fn timed_pairs(&self) -> usize {
        self.on_pair.iter().filter(|&&t| t > 0.0).count()
    }

    /// The measured pace: mean seconds on the pair slides timed so far (`None`: none yet).
    pub fn pace(&self) -> Option<f64> {
        let timed = self.timed_pairs();
        (timed > 0).then(|| self.on_pair.iter().sum::<f64>() / timed as f64)
    }

    /// The reveal's length at the measured pace, or at `planned_seconds_per_pair` while no
    /// pair has been timed.
    ///
    /// ```
    /// use mentorkit::core::workshop::Rehearsal;
    /// let mut r = Rehearsal::start(10, 0.0);
    /// assert_eq!(r.estimate(20).total_seconds, 200);
    /// r.next(0.0); // pair 1 shown at 0 s
    /// r.next(15_000.0); // ... for 15 s
    /// let e = r.estimate(20);
    /// assert!(e.measured);
    /// assert_eq!((e.seconds_per_pair, e.total_seconds), (15.0, 150));
    /// ```
    pub fn estimate(&self, planned_seconds_per_pair: u32) -> RevealEstimate {
        let (pace, measured) = match self.pace() {
            Some(p) => (p, true),
            None => (f64::from(planned_seconds_per_pair), false),
        };
        estimate_reveal(self.pairs(), pace, measured)
    }
}

/// The length of revealing `pairs` pairs at `seconds_per_pair` (negative or non-finite
/// paces count as 0).
pub fn estimate_reveal(pairs: usize, seconds_per_pair: f64, measured: bool) -> RevealEstimate {
    let pace = if seconds_per_pair.is_finite() {
        seconds_per_pair.max(0.0)
    } else {
        0.0
    };
    RevealEstimate {
        pairs,
        seconds_per_pair: pace,
        measured,
        total_seconds: (pace * pairs as f64).round() as u64,
    }
}

/// A length in words: "45 s", "7 min 12 s", "1 h 5 min".
pub fn duration_words(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, 0, _) => format!("{h} h"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

/// A stopwatch reading: "0:07", "12:30", "1:02:03".
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// "Pair 3 of 12: Ana and Ben, score 78." and the like.
fn announce(slide: &Slide, pairs: usize) -> String {
    match slide {
        Slide::Title { pairs } => format!("Ready to reveal {pairs} pair(s)."),
        Slide::Pair(p) => format!(
            "Pair {} of {pairs}: {} with mentor {}, {}.",
            p.number,
            p.mentee,
            p.mentor,
            score_text(p.score)
        ),
        Slide::Summary(s) => format!(
            "Summary: {} of mentees matched, mean score {}, {} mentee(s) unmatched.",
            s.matched_percent
                .map_or("none".to_owned(), |p| format!("{p}%")),
            s.mean_score
                .map_or("none".to_owned(), |m| format!("{m:.1}")),
            s.unmatched_mentees
        ),
    }
}

/// "score 78" or "not scored".
pub fn score_text(score: Option<u8>) -> String {
    score.map_or("not scored".to_owned(), |s| format!("score {s}"))
}
