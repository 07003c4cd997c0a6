//! The edits a coordinator makes to people, each a [`PeopleEdit`].

use std::collections::HashSet;

use thiserror::Error;

use crate::core::edit::{Change, Operation};
use crate::core::model::{Match, PairRef, Person, PersonId, Program, Role, MAX_CAPACITY};

/// One change to the program's participants.
#[derive(Clone, Debug, PartialEq)]
pub enum PeopleEdit {
    /// Enrol a person (parsed by [`crate::core::people::parse_person`]) under a fresh id.
    Add(Person),
    /// Replace the person with the same id (an edit in the person form).
    Replace(Person),
    /// Give every listed person a role.
    SetRole(HashSet<PersonId>, Role),
    /// Set the capacity of every listed person who can mentor.
    SetCapacity(HashSet<PersonId>, u16),
    /// Remove people and every reference to them.
    Remove(HashSet<PersonId>),
}

/// What a people edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeopleReport {
    /// The new person's id.
    Added(PersonId),
    /// The person was saved.
    Replaced,
    /// What a role change did.
    Role(RoleChange),
    /// What a capacity change did.
    Capacity(CapacityChange),
    /// How many people and matches were removed.
    Removed {
        /// People removed.
        people: usize,
        /// Matches (of any cycle) removed with them.
        matches: usize,
    },
}

/// Why a people edit was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PeopleError {
    /// The person being edited is no longer in the program (removed meanwhile).
    #[error("{0} was removed while you edited; use \u{201c}Add a participant\u{201d} to enrol them again")]
    Gone(String),
    /// Nobody was selected.
    #[error("select at least one participant first")]
    NobodySelected,
    /// A capacity above [`MAX_CAPACITY`].
    #[error("capacity {0} is above the maximum of {MAX_CAPACITY}")]
    CapacityTooHigh(u16),
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 participant".to_owned()
    } else {
        format!("{n} participants")
    }
}

impl Operation for PeopleEdit {
    type Report = PeopleReport;
    type Error = PeopleError;

    fn apply(self, p: &mut Program) -> Result<Change<PeopleReport>, PeopleError> {
        match self {
            PeopleEdit::Add(person) => {
                let label = format!("Add {}", person.name);
                let id = add_person(p, person);
                Ok(Change::new(label, PeopleReport::Added(id)))
            }
            PeopleEdit::Replace(person) => {
                let label = format!("Edit {}", person.name);
                let name = person.name.clone();
                if !replace_person(p, person) {
                    return Err(PeopleError::Gone(name));
                }
                Ok(Change::new(label, PeopleReport::Replaced))
            }
            PeopleEdit::SetRole(ids, role) => {
                if ids.is_empty() {
                    return Err(PeopleError::NobodySelected);
                }
                let change = set_role(p, &ids, role);
                let label = format!(
                    "Make {} {}",
                    people(change.changed),
                    role.label().to_lowercase()
                );
                Ok(Change::new(label, PeopleReport::Role(change)))
            }
            PeopleEdit::SetCapacity(ids, capacity) => {
                if ids.is_empty() {
                    return Err(PeopleError::NobodySelected);
                }
                if capacity > MAX_CAPACITY {
                    return Err(PeopleError::CapacityTooHigh(capacity));
                }
                let change = set_capacity(p, &ids, capacity);
                let label = format!("Set capacity {capacity} for {}", people(change.set));
                Ok(Change::new(label, PeopleReport::Capacity(change)))
            }
            PeopleEdit::Remove(ids) => {
                if ids.is_empty() {
                    return Err(PeopleError::NobodySelected);
                }
                let removed = remove_people(p, &ids);
                let label = match removed.people.as_slice() {
                    [(_, only)] => format!("Remove {}", only.name),
                    _ => format!("Remove {}", people(removed.count())),
                };
                Ok(Change::new(
                    label,
                    PeopleReport::Removed {
                        people: removed.count(),
                        matches: removed.matches.len(),
                    },
                ))
            }
        }
    }
}

/// Adds a parsed person under a fresh id; returns the id.
pub fn add_person(program: &mut Program, mut person: Person) -> PersonId {
    person.id = program.new_person_id();
    let id = person.id.clone();
    program.people.push(person);
    id
}

/// Replaces the person with the same id; `false` when nobody has that id any more.
pub fn replace_person(program: &mut Program, person: Person) -> bool {
    match program.person_mut(&person.id) {
        Some(slot) => {
            *slot = person;
            true
        }
        None => false,
    }
}

/// What a bulk role change did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoleChange {
    /// People whose role changed.
    pub changed: usize,
    /// Current-cycle matches in which someone now has a role that does not fit their side
    /// of the pair (a mentor who became a mentee); they are kept for the coordinator to
    /// review on the Matching page.
    pub mismatched_matches: usize,
}

/// Gives every listed person the role. People who become mentors get capacity 1 if they
/// had 0; people who become mentees get capacity 0.
pub fn set_role(program: &mut Program, ids: &HashSet<PersonId>, role: Role) -> RoleChange {
    let mut change = RoleChange::default();
    let mut changed_ids = HashSet::new();
    for x in program.people.iter_mut().filter(|x| ids.contains(&x.id)) {
        if x.role != role {
            x.role = role;
            if role.can_mentor() && x.capacity == 0 {
                // A new mentor with capacity 0 would silently take nobody.
                x.capacity = 1;
            } else if !role.can_mentor() {
                x.capacity = 0;
            }
            changed_ids.insert(x.id.clone());
        }
    }
    change.changed = changed_ids.len();
    change.mismatched_matches = program
        .current_matches()
        .filter(|m| m.status.uses_capacity())
        .filter(|m| {
            (changed_ids.contains(&m.mentor) && !role.can_mentor())
                || (changed_ids.contains(&m.mentee) && !role.can_be_mentee())
        })
        .count();
    change
}

/// What a bulk capacity change did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CapacityChange {
    /// People who can mentor and now have the capacity.
    pub set: usize,
    /// Mentees among the listed people, left at 0 (capacity is for mentors).
    pub skipped_mentees: usize,
}

/// Sets the capacity of every listed person who can mentor.
pub fn set_capacity(
    program: &mut Program,
    ids: &HashSet<PersonId>,
    capacity: u16,
) -> CapacityChange {
    let mut change = CapacityChange::default();
    let capacity = capacity.min(MAX_CAPACITY);
    for x in program.people.iter_mut().filter(|x| ids.contains(&x.id)) {
        if x.role.can_mentor() {
            x.capacity = capacity;
            change.set += 1;
        } else {
            change.skipped_mentees += 1;
        }
    }
    change
}

/// What [`remove_people`] took out of a program, with positions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    /// The people, with their index in `people`.
    pub people: Vec<(usize, Person)>,
    /// Matches that involved them, with their index in `matches`.
    pub matches: Vec<(usize, Match)>,
    /// Forbidden pairs that named them, with their index.
    pub forbidden_pairs: Vec<(usize, PairRef)>,
    /// Other people's preferences for them: (who, position, preferred person).
    pub preferences: Vec<(PersonId, usize, PersonId)>,
}

impl Removed {
    /// How many people were removed.
    pub fn count(&self) -> usize {
        self.people.len()
    }
}

/// Removes people and every reference to them (matches of any cycle, other people's
/// preferences, forbidden pairs), so [`crate::core::program::validate::validate`] keeps passing.
pub fn remove_people(program: &mut Program, ids: &HashSet<PersonId>) -> Removed {
    let mut removed = Removed::default();
    let mut kept = Vec::with_capacity(program.people.len());
    for (i, x) in std::mem::take(&mut program.people).into_iter().enumerate() {
        if ids.contains(&x.id) {
            removed.people.push((i, x));
        } else {
            kept.push(x);
        }
    }
    program.people = kept;
    if removed.people.is_empty() {
        return removed;
    }
    let mut matches = Vec::with_capacity(program.matches.len());
    for (i, m) in std::mem::take(&mut program.matches).into_iter().enumerate() {
        if ids.contains(&m.mentor) || ids.contains(&m.mentee) {
            removed.matches.push((i, m));
        } else {
            matches.push(m);
        }
    }
    program.matches = matches;
    // The rematch queue names people and the relationships that ended.
    let gone: HashSet<&crate::core::model::MatchId> =
        removed.matches.iter().map(|(_, m)| &m.id).collect();
    program.rematch.retain(|r| {
        !ids.contains(&r.mentee) && !ids.contains(&r.mentor) && !gone.contains(&r.ended)
    });
    let pairs = &mut program.matching.rules.forbidden_pairs;
    let mut kept_pairs = Vec::with_capacity(pairs.len());
    for (i, pair) in std::mem::take(pairs).into_iter().enumerate() {
        if ids.contains(&pair.mentor) || ids.contains(&pair.mentee) {
            removed.forbidden_pairs.push((i, pair));
        } else {
            kept_pairs.push(pair);
        }
    }
    *pairs = kept_pairs;
    for x in &mut program.people {
        if x.preferences.iter().any(|p| ids.contains(p)) {
            for (j, pref) in x.preferences.iter().enumerate() {
                if ids.contains(pref) {
                    removed.preferences.push((x.id.clone(), j, pref.clone()));
                }
            }
            x.preferences.retain(|p| !ids.contains(p));
        }
    }
    removed
}
