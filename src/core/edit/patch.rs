//! What a change did to a program, small enough to keep hundreds of in an undo history.
//!
//! A [`Patch`] holds the people and matches a change added, removed or changed (found by id,
//! so a swap of two matches among five thousand keeps two), and the rest of the program
//! (set-up, settings) before and after, only if it changed. Applying it backwards undoes
//! the change; forwards redoes it.

use std::collections::{HashMap, HashSet};

use crate::core::model::{Match, Person, Program};

/// A record with an id that is unique within its list.
pub trait Keyed {
    /// The record's id.
    fn key(&self) -> &str;
}

impl Keyed for Person {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl Keyed for Match {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

/// How one list changed.
#[derive(Clone, Debug, PartialEq)]
enum ListPatch<T> {
    /// Records removed, inserted and changed, found by id (the records both lists keep are
    /// in the same order).
    Records {
        /// Removed records, with their index in the list before.
        removed: Vec<(usize, T)>,
        /// Inserted records, with their index in the list after.
        inserted: Vec<(usize, T)>,
        /// Changed records: index among the records both lists keep, before, after.
        changed: Vec<(usize, T, T)>,
    },
    /// The whole list before and after (when the change reordered records, or ids were not
    /// unique).
    Whole {
        /// The list before.
        before: Vec<T>,
        /// The list after.
        after: Vec<T>,
    },
}

impl<T: Keyed + Clone + PartialEq> ListPatch<T> {
    /// What changed from `old` to `new`; `None` if nothing did.
    fn between(old: &[T], new: &[T]) -> Option<ListPatch<T>> {
        let whole = || {
            Some(ListPatch::Whole {
                before: old.to_vec(),
                after: new.to_vec(),
            })
        };
        let mut new_index: HashMap<&str, usize> = HashMap::with_capacity(new.len());
        for (j, x) in new.iter().enumerate() {
            if new_index.insert(x.key(), j).is_some() {
                return whole();
            }
        }
        let mut old_keys: HashSet<&str> = HashSet::with_capacity(old.len());
        let mut removed = Vec::new();
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for (i, x) in old.iter().enumerate() {
            if !old_keys.insert(x.key()) {
                return whole();
            }
            match new_index.get(x.key()) {
                Some(&j) => {
                    if kept.last().is_some_and(|&(_, last)| last > j) {
                        return whole();
                    }
                    kept.push((i, j));
                }
                None => removed.push((i, x.clone())),
            }
        }
        let inserted: Vec<(usize, T)> = new
            .iter()
            .enumerate()
            .filter(|(_, x)| !old_keys.contains(x.key()))
            .map(|(j, x)| (j, x.clone()))
            .collect();
        let changed: Vec<(usize, T, T)> = kept
            .iter()
            .enumerate()
            .filter(|(_, &(i, j))| old[i] != new[j])
            .map(|(k, &(i, j))| (k, old[i].clone(), new[j].clone()))
            .collect();
        if removed.is_empty() && inserted.is_empty() && changed.is_empty() {
            None
        } else {
            Some(ListPatch::Records {
                removed,
                inserted,
                changed,
            })
        }
    }

    /// Turns the list after the change back into the list before it.
    fn undo(&self, list: &mut Vec<T>) {
        match self {
            ListPatch::Records {
                removed,
                inserted,
                changed,
            } => rebuild(list, inserted, changed, removed, |(_, before, _)| before),
            ListPatch::Whole { before, .. } => list.clone_from(before),
        }
    }

    /// Turns the list before the change into the list after it.
    fn redo(&self, list: &mut Vec<T>) {
        match self {
            ListPatch::Records {
                removed,
                inserted,
                changed,
            } => rebuild(list, removed, changed, inserted, |(_, _, after)| after),
            ListPatch::Whole { after, .. } => list.clone_from(after),
        }
    }

    fn records(&self) -> usize {
        match self {
            ListPatch::Records {
                removed,
                inserted,
                changed,
            } => removed.len() + inserted.len() + changed.len(),
            ListPatch::Whole { before, after } => before.len() + after.len(),
        }
    }
}

/// Drops the records at the `drop` indices, gives the kept records at the `changed`
/// indices their `pick`ed version, and merges in the `add` records at their indices, in one
/// pass. Indices beyond the list (which only a list changed outside the history could
/// produce) are clamped rather than trusted.
fn rebuild<T: Clone>(
    list: &mut Vec<T>,
    drop: &[(usize, T)],
    changed: &[(usize, T, T)],
    add: &[(usize, T)],
    pick: impl Fn(&(usize, T, T)) -> &T,
) {
    let mut dropped = drop.iter().map(|(i, _)| *i).peekable();
    let mut kept: Vec<T> = Vec::with_capacity(list.len());
    for (i, x) in std::mem::take(list).into_iter().enumerate() {
        if dropped.peek() == Some(&i) {
            dropped.next();
        } else {
            kept.push(x);
        }
    }
    for c in changed {
        if let Some(slot) = kept.get_mut(c.0) {
            *slot = pick(c).clone();
        }
    }
    let mut out = Vec::with_capacity(kept.len() + add.len());
    let mut rest = kept.into_iter();
    for (index, x) in add {
        while out.len() < *index {
            match rest.next() {
                Some(y) => out.push(y),
                None => break,
            }
        }
        out.push(x.clone());
    }
    out.extend(rest);
    *list = out;
}

/// What one change did to a program; see the module docs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch {
    /// Everything but people, matches and the id counter, before and after; `None` if
    /// unchanged.
    head: Option<Box<(Program, Program)>>,
    people: Option<ListPatch<Person>>,
    matches: Option<ListPatch<Match>>,
}

impl Patch {
    /// What changed from `before` to `after`.
    pub fn between(before: &Program, after: &Program) -> Patch {
        let (a, b) = (head(before), head(after));
        Patch {
            head: (a != b).then(|| Box::new((a, b))),
            people: ListPatch::between(&before.people, &after.people),
            matches: ListPatch::between(&before.matches, &after.matches),
        }
    }

    /// Whether nothing changed (the id counter aside).
    pub fn is_empty(&self) -> bool {
        self.head.is_none() && self.people.is_none() && self.matches.is_none()
    }

    /// How many people and matches the patch keeps (what a history step costs).
    pub fn records(&self) -> usize {
        self.people.as_ref().map_or(0, ListPatch::records)
            + self.matches.as_ref().map_or(0, ListPatch::records)
    }

    /// Turns the program after the change back into the program before it (the id counter
    /// stays where it is).
    pub fn undo(&self, program: &mut Program) {
        if let Some(h) = &self.head {
            set_head(program, &h.0);
        }
        if let Some(p) = &self.people {
            p.undo(&mut program.people);
        }
        if let Some(m) = &self.matches {
            m.undo(&mut program.matches);
        }
    }

    /// Makes the change again on the program before it.
    pub fn redo(&self, program: &mut Program) {
        if let Some(h) = &self.head {
            set_head(program, &h.1);
        }
        if let Some(p) = &self.people {
            p.redo(&mut program.people);
        }
        if let Some(m) = &self.matches {
            m.redo(&mut program.matches);
        }
    }
}

/// The program without its people, matches and id counter. Destructured field by field, so
/// a new field of `Program` is a compile error here until it is decided where it belongs.
fn head(p: &Program) -> Program {
    let Program {
        id,
        name,
        purpose,
        description,
        format,
        start_date,
        end_date,
        goals,
        milestones,
        profile_fields,
        skills,
        people: _,
        matching,
        matches: _,
        cycle,
        next_seq: _,
        workshop,
        follow_up,
        rematch,
    } = p;
    Program {
        id: id.clone(),
        name: name.clone(),
        purpose: *purpose,
        description: description.clone(),
        format: *format,
        start_date: *start_date,
        end_date: *end_date,
        goals: goals.clone(),
        milestones: milestones.clone(),
        profile_fields: profile_fields.clone(),
        skills: skills.clone(),
        people: Vec::new(),
        matching: matching.clone(),
        matches: Vec::new(),
        cycle: *cycle,
        next_seq: 0,
        workshop: *workshop,
        follow_up: *follow_up,
        rematch: rematch.clone(),
    }
}

/// Puts a [`head`] back, keeping the program's people, matches and id counter.
fn set_head(program: &mut Program, h: &Program) {
    let people = std::mem::take(&mut program.people);
    let matches = std::mem::take(&mut program.matches);
    let next_seq = program.next_seq;
    *program = h.clone();
    program.people = people;
    program.matches = matches;
    program.next_seq = next_seq;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{PersonId, ProgramId, Role};

    #[derive(Clone, Debug, PartialEq)]
    struct R(&'static str, u32);

    impl Keyed for R {
        fn key(&self) -> &str {
            self.0
        }
    }

    fn round_trip(old: Vec<R>, new: Vec<R>) -> usize {
        let patch = ListPatch::between(&old, &new);
        let Some(patch) = patch else {
            assert_eq!(old, new);
            return 0;
        };
        let mut list = new.clone();
        patch.undo(&mut list);
        assert_eq!(list, old, "undo");
        patch.redo(&mut list);
        assert_eq!(list, new, "redo");
        patch.records()
    }

    #[test]
    fn list_patches_keep_only_what_changed_and_round_trip() {
        let base: Vec<R> = (0..10)
            .map(|k| R(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"][k], 0))
            .collect();
        assert_eq!(round_trip(base.clone(), base.clone()), 0);
        // Two changed in place (a swap of two matches' mentees).
        let mut swapped = base.clone();
        swapped[2].1 = 7;
        swapped[8].1 = 9;
        assert_eq!(round_trip(base.clone(), swapped), 2);
        // Removed from the middle and the end, inserted at the start and in the middle.
        let mut edited: Vec<R> = base
            .iter()
            .filter(|r| r.0 != "c" && r.0 != "j")
            .cloned()
            .collect();
        edited.insert(0, R("x", 1));
        edited.insert(4, R("y", 2));
        edited[6].1 = 5;
        assert_eq!(round_trip(base.clone(), edited), 5);
        // Everything removed; everything new.
        assert_eq!(round_trip(base.clone(), Vec::new()), 10);
        assert_eq!(round_trip(Vec::new(), base.clone()), 10);
        // Reordered: the whole list is kept, and still round-trips.
        let mut reordered = base.clone();
        reordered.swap(0, 9);
        assert_eq!(round_trip(base, reordered), 20);
    }

    #[test]
    fn program_patches_leave_the_id_counter_alone() {
        let mut before = Program::new(ProgramId::from("p"), "Pilot");
        before
            .people
            .push(Person::new(PersonId::from("p1"), "Ada", Role::Mentee));
        let mut after = before.clone();
        after.name = "Pilot 2".into();
        after.next_seq = 9;
        after
            .people
            .push(Person::new(PersonId::from("p8"), "Bo", Role::Mentor));
        let patch = Patch::between(&before, &after);
        assert!(!patch.is_empty());
        assert_eq!(patch.records(), 1);
        let mut p = after.clone();
        patch.undo(&mut p);
        assert_eq!(p.name, "Pilot");
        assert_eq!(p.people, before.people);
        assert_eq!(p.next_seq, 9);
        patch.redo(&mut p);
        assert_eq!(p, after);
        // Only the counter moved: nothing to record.
        let mut counted = before.clone();
        counted.next_seq += 1;
        assert!(Patch::between(&before, &counted).is_empty());
    }
}
