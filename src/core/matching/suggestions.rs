//! Top-N suggestions for mentee-chooses programs, as the coordinator hands them out and
//! collects the answers.
//!
//! Matching with [`Algorithm::TopN`](crate::core::model::Algorithm::TopN) gives every mentee
//! with a free place their best mentors ([`crate::core::matching::Suggestion`]). This
//! module turns those into per-mentee lists with reasons ([`lists`]) for the printable and
//! exportable list, and shows what each mentee chose: a choice is recorded with
//! [`DraftEdit::RecordChoice`](crate::core::matching::draft::DraftEdit::RecordChoice) as a locked draft
//! match with source [`MatchSource::MenteeChoice`], so it lives in the program file, survives
//! re-runs and is published like any other draft match.
//!
//! Suggestions themselves are not stored: matching is deterministic, so running top-N again
//! on the same program gives the same lists (minus mentors whose places were taken by
//! recorded choices, and mentees who have chosen).

use std::collections::{HashMap, HashSet};

use crate::core::matching::scoring;
use crate::core::model::{MatchSource, MatchStatus, Person, PersonId, Program};

/// How many reasons each suggested mentor carries.
pub const REASONS_PER_MENTOR: usize = 2;

/// One suggested mentor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedMentor {
    /// The mentor.
    pub mentor: PersonId,
    /// The pair's score (0-100).
    pub score: u8,
    /// The criteria adding the most points, in words ([`scoring::Explanation::top_reasons`]).
    pub reasons: Vec<String>,
    /// Whether the mentor has no place left now (recorded choices or published matches
    /// took them since the suggestions were made).
    pub full: bool,
}

/// What a mentee chose, as recorded in the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedChoice {
    /// The mentor chosen.
    pub mentor: PersonId,
    /// The pair's stored score.
    pub score: Option<u8>,
    /// The mentor's place in the mentee's suggestions (1 = best), if they were suggested.
    pub rank: Option<usize>,
}

/// One mentee's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MenteeSuggestions {
    /// The mentee.
    pub mentee: PersonId,
    /// Suggested mentors, best first (empty when the run left the mentee out because they
    /// had chosen already).
    pub mentors: Vec<SuggestedMentor>,
    /// The recorded choice, if any.
    pub choice: Option<RecordedChoice>,
}

/// Which lists to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChoiceFilter {
    /// Every mentee.
    #[default]
    All,
    /// Mentees without a recorded choice.
    Awaiting,
    /// Mentees with a recorded choice.
    Chosen,
}

impl ChoiceFilter {
    /// All filters, in menu order.
    pub const ALL: [ChoiceFilter; 3] = [
        ChoiceFilter::All,
        ChoiceFilter::Awaiting,
        ChoiceFilter::Chosen,
    ];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            ChoiceFilter::All => "All mentees",
            ChoiceFilter::Awaiting => "Awaiting a choice",
            ChoiceFilter::Chosen => "Choice recorded",
        }
    }

    /// The key used in the page's controls.
    pub fn key(self) -> &'static str {
        match self {
            ChoiceFilter::All => "all",
            ChoiceFilter::Awaiting => "awaiting",
            ChoiceFilter::Chosen => "chosen",
        }
    }

    /// Parses [`ChoiceFilter::key`].
    pub fn from_key(key: &str) -> Option<ChoiceFilter> {
        ChoiceFilter::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether a list passes the filter.
    pub fn keeps(self, list: &MenteeSuggestions) -> bool {
        match self {
            ChoiceFilter::All => true,
            ChoiceFilter::Awaiting => list.choice.is_none(),
            ChoiceFilter::Chosen => list.choice.is_some(),
        }
    }
}

/// The per-mentee lists: every mentee with suggestions, and every mentee with a recorded
/// choice (who may have none, because a re-run leaves out mentees without a free place),
/// sorted by name then id. Suggestions naming someone no longer in the program are left
/// out. Reasons are left empty: [`add_reasons`] fills them for the lists shown, so a page
/// of a 5,000-mentee program explains only the pairs on screen.
pub fn lists(
    program: &Program,
    suggestions: &[(PersonId, Vec<(PersonId, u8)>)],
) -> Vec<MenteeSuggestions> {
    let people: HashMap<&PersonId, &Person> = program.people.iter().map(|p| (&p.id, p)).collect();
    let cycle = program.cycle;
    let mut used: HashMap<&PersonId, u32> = HashMap::new();
    let mut choices: HashMap<&PersonId, (&PersonId, Option<u8>)> = HashMap::new();
    for m in &program.matches {
        if m.cycle != cycle || !m.status.uses_capacity() {
            continue;
        }
        *used.entry(&m.mentor).or_insert(0) += 1;
        if m.status == MatchStatus::Proposed && m.source == MatchSource::MenteeChoice {
            choices.insert(&m.mentee, (&m.mentor, m.score));
        }
    }
    let full = |mentor: &PersonId| {
        people
            .get(mentor)
            .is_none_or(|p| used.get(mentor).copied().unwrap_or(0) >= u32::from(p.capacity))
    };
    let choice_of = |mentee: &PersonId, mentors: &[SuggestedMentor]| {
        choices.get(mentee).map(|&(mentor, score)| RecordedChoice {
            mentor: mentor.clone(),
            score,
            rank: mentors
                .iter()
                .position(|s| &s.mentor == mentor)
                .map(|k| k + 1),
        })
    };

    let mut out: Vec<MenteeSuggestions> = Vec::new();
    let mut listed: HashSet<&PersonId> = HashSet::new();
    for (mentee, mentors) in suggestions {
        if !people.contains_key(mentee) || !listed.insert(mentee) {
            continue;
        }
        let mentors: Vec<SuggestedMentor> = mentors
            .iter()
            .filter(|(m, _)| people.contains_key(m))
            .map(|(mentor, score)| SuggestedMentor {
                mentor: mentor.clone(),
                score: *score,
                reasons: Vec::new(),
                full: full(mentor),
            })
            .collect();
        let choice = choice_of(mentee, &mentors);
        out.push(MenteeSuggestions {
            mentee: mentee.clone(),
            mentors,
            choice,
        });
    }
    for &mentee in choices.keys() {
        if !listed.contains(mentee) && people.contains_key(mentee) {
            out.push(MenteeSuggestions {
                mentee: mentee.clone(),
                mentors: Vec::new(),
                choice: choice_of(mentee, &[]),
            });
        }
    }
    let name = |id: &PersonId| {
        people
            .get(id)
            .map_or(String::new(), |p| p.name.to_lowercase())
    };
    out.sort_by_cached_key(|l| (name(&l.mentee), l.mentee.clone()));
    out
}

/// Fills each suggested mentor's reasons: the [`REASONS_PER_MENTOR`] criteria adding the
/// most points ([`scoring::Explanation::top_reasons`]).
pub fn add_reasons(program: &Program, lists: &mut [MenteeSuggestions]) {
    for list in lists {
        for s in &mut list.mentors {
            s.reasons = scoring::explain(program, &list.mentee, &s.mentor)
                .map(|e| e.top_reasons(program, REASONS_PER_MENTOR))
                .unwrap_or_default();
        }
    }
}

/// Whether a list matches a search: the mentee's name or e-mail contains `query`
/// (ignoring case); an empty query matches every list.
pub fn matches_query(program: &Program, list: &MenteeSuggestions, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty()
        || program.person(&list.mentee).is_some_and(|p| {
            p.name.to_lowercase().contains(&q) || p.email.to_lowercase().contains(&q)
        })
}

/// Counts for the list's heading: (mentees listed, choices recorded).
pub fn counts(lists: &[MenteeSuggestions]) -> (usize, usize) {
    (
        lists.len(),
        lists.iter().filter(|l| l.choice.is_some()).count(),
    )
}
