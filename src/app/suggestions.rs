//! The last top-N run's suggestions, kept while the program is open (they are not part of
//! the program file: running top-N again on the same program gives the same lists; see
//! [`crate::core::matching::suggestions`]).

use leptos::prelude::*;

use crate::core::matching::suggestions::{lists, MenteeSuggestions};
use crate::core::model::{MatchingConfig, Person, PersonId, Program};

/// A top-N run's suggestions and what they were made from.
#[derive(Clone, Debug, PartialEq)]
struct Made {
    raw: Vec<(PersonId, Vec<(PersonId, u8)>)>,
    people: Vec<Person>,
    matching: MatchingConfig,
}

/// The last top-N run's suggestions, provided by the program page for its lifetime, so
/// switching sections keeps them.
#[derive(Clone, Copy)]
pub struct SuggestionStore(RwSignal<Option<Made>>);

impl Default for SuggestionStore {
    fn default() -> Self {
        SuggestionStore::new()
    }
}

impl SuggestionStore {
    /// No suggestions yet.
    pub fn new() -> SuggestionStore {
        SuggestionStore(RwSignal::new(None))
    }

    /// Keeps a run's suggestions, made from `program`.
    pub fn set(&self, program: &Program, raw: Vec<(PersonId, Vec<(PersonId, u8)>)>) {
        self.0.try_set(Some(Made {
            raw,
            people: program.people.clone(),
            matching: program.matching.clone(),
        }));
    }

    /// Whether a run made suggestions (reactive).
    pub fn is_made(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// Every mentee's list, with the choices recorded in `program` since (reactive).
    pub fn lists(&self, program: &Program) -> Option<Vec<MenteeSuggestions>> {
        self.0
            .with(|made| made.as_ref().map(|m| lists(program, &m.raw)))
    }

    /// Whether the people or the matching set-up changed since the run (reactive): the
    /// lists may then no longer be the best.
    pub fn is_stale(&self, program: &Program) -> bool {
        self.0.with(|made| {
            made.as_ref()
                .is_some_and(|m| program.people != m.people || program.matching != m.matching)
        })
    }
}
