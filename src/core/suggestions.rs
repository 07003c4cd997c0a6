//! Top-N suggestions for mentee-chooses programs, as the coordinator hands them out and
//! collects the answers.
//!
//! Matching with [`Algorithm::TopN`](crate::core::model::Algorithm::TopN) gives every mentee
//! with a free place their best mentors ([`crate::core::matching::Suggestion`]). This
//! module turns those into per-mentee lists with reasons ([`lists`]) for the printable and
//! exportable list, and shows what each mentee chose: a choice is recorded with
//! [`DraftEdit::RecordChoice`](crate::core::draft::DraftEdit::RecordChoice) as a locked draft
//! match with source [`MatchSource::MenteeChoice`], so it lives in the program file, survives
//! re-runs and is published like any other draft match.
//!
//! Suggestions themselves are not stored: matching is deterministic, so running top-N again
//! on the same program gives the same lists (minus mentors whose places were taken by
//! recorded choices, and mentees who have chosen).

use std::collections::HashMap;

use crate::core::model::{MatchSource, MatchStatus, PersonId, Program};
use crate::core::scoring;

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
/// out.
pub fn lists(
    program: &Program,
    suggestions: &[(PersonId, Vec<(PersonId, u8)>)],
) -> Vec<MenteeSuggestions> {
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
        program
            .person(mentor)
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
    for (mentee, mentors) in suggestions {
        if program.person(mentee).is_none() {
            continue;
        }
        let mentors: Vec<SuggestedMentor> = mentors
            .iter()
            .filter(|(m, _)| program.person(m).is_some())
            .map(|(mentor, score)| SuggestedMentor {
                mentor: mentor.clone(),
                score: *score,
                reasons: scoring::explain(program, mentee, mentor)
                    .map(|e| e.top_reasons(REASONS_PER_MENTOR))
                    .unwrap_or_default(),
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
    let listed: std::collections::HashSet<PersonId> =
        out.iter().map(|l| l.mentee.clone()).collect();
    for (&mentee, _) in &choices {
        if !listed.contains(mentee) && program.person(mentee).is_some() {
            out.push(MenteeSuggestions {
                mentee: mentee.clone(),
                mentors: Vec::new(),
                choice: choice_of(mentee, &[]),
            });
        }
    }
    let name = |id: &PersonId| program.person(id).map_or("", |p| p.name.as_str());
    out.sort_by(|a, b| {
        name(&a.mentee)
            .to_lowercase()
            .cmp(&name(&b.mentee).to_lowercase())
            .then_with(|| a.mentee.cmp(&b.mentee))
    });
    out
}

/// Counts for the list's heading: (mentees listed, choices recorded).
pub fn counts(lists: &[MenteeSuggestions]) -> (usize, usize) {
    (
        lists.len(),
        lists.iter().filter(|l| l.choice.is_some()).count(),
    )
}
