//! One undo/redo history per open program, for every kind of change.

use std::collections::VecDeque;

use super::{apply, EditError, Operation, Patch};
use crate::core::model::Program;

/// How many changes a history keeps by default.
pub const HISTORY_LIMIT: usize = 200;

/// Identifies one recorded change (to offer "Undo" in a message only while that change is
/// still the latest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StepId(u64);

#[derive(Clone, Debug, PartialEq)]
struct Step {
    id: StepId,
    label: String,
    patch: Patch,
}

/// What a committed operation did.
#[derive(Clone, Debug, PartialEq)]
pub struct Committed<R> {
    /// The change's label ("Remove 2 participants").
    pub label: String,
    /// The operation's report.
    pub report: R,
    /// The recorded step, or `None` when nothing really changed (nothing was recorded and
    /// the program was left exactly as it was, so there is nothing to save).
    pub step: Option<StepId>,
}

impl<R> Committed<R> {
    /// Whether the program changed.
    pub fn changed(&self) -> bool {
        self.step.is_some()
    }
}

/// A bounded history of changes to one program: past `limit` steps the oldest is
/// forgotten. See [`crate::core::edit`] for how a change is committed.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    limit: usize,
    next_id: u64,
}

impl Default for History {
    fn default() -> Self {
        History::new(HISTORY_LIMIT)
    }
}

impl History {
    /// An empty history that keeps at most `limit` steps (0 keeps none).
    pub fn new(limit: usize) -> History {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit,
            next_id: 1,
        }
    }

    /// Makes an operation on `program` and records it, all or nothing.
    ///
    /// # Errors
    /// The operation's refusal, or [`EditError::Invalid`]; on error neither the program
    /// nor the history changes.
    pub fn commit<O: Operation>(
        &mut self,
        program: &mut Program,
        op: O,
    ) -> Result<Committed<O::Report>, EditError<O::Error>> {
        let applied = apply(program, op)?;
        if applied.patch.is_empty() {
            return Ok(Committed {
                label: applied.label,
                report: applied.report,
                step: None,
            });
        }
        *program = applied.program;
        let id = StepId(self.next_id);
        self.next_id += 1;
        self.redo.clear();
        self.push_undo(Step {
            id,
            label: applied.label.clone(),
            patch: applied.patch,
        });
        Ok(Committed {
            label: applied.label,
            report: applied.report,
            step: Some(id),
        })
    }

    /// Undoes the latest change; returns its label, or `None` if there is none.
    pub fn undo(&mut self, program: &mut Program) -> Option<String> {
        let step = self.undo.pop_back()?;
        step.patch.undo(program);
        let label = step.label.clone();
        self.redo.push(step);
        Some(label)
    }

    /// Makes the latest undone change again; returns its label, or `None` if there is none.
    pub fn redo(&mut self, program: &mut Program) -> Option<String> {
        let step = self.redo.pop()?;
        step.patch.redo(program);
        let label = step.label.clone();
        self.push_undo(step);
        Some(label)
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of the change [`History::undo`] would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    /// The label of the change [`History::redo`] would make again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The latest change, the one [`History::undo`] would undo.
    pub fn latest(&self) -> Option<StepId> {
        self.undo.back().map(|s| s.id)
    }

    /// How many people and matches the latest change's step keeps.
    pub fn latest_records(&self) -> Option<usize> {
        self.undo.back().map(|s| s.patch.records())
    }

    /// How many changes can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many changes can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Forgets every step (when the program was replaced from outside the history, e.g.
    /// by the version another tab saved).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    fn push_undo(&mut self, step: Step) {
        if self.limit == 0 {
            return;
        }
        self.undo.push_back(step);
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Change;
    use crate::core::model::ProgramId;

    /// Sets the program's name; refuses an empty one.
    struct Name(&'static str);

    impl Operation for Name {
        type Report = usize;
        type Error = String;

        fn apply(self, p: &mut Program) -> Result<Change<usize>, String> {
            if self.0.is_empty() {
                // Changes first, then refuses: the copy is thrown away.
                p.name = "half-made".into();
                return Err("a program needs a name".into());
            }
            p.name = self.0.into();
            Ok(Change::new(format!("Rename to {}", self.0), self.0.len()))
        }
    }

    fn program() -> Program {
        Program::new(ProgramId::from("p"), "zero")
    }

    #[test]
    fn undo_and_redo_step_through_every_change() {
        let mut p = program();
        let mut h = History::new(10);
        for name in ["one", "two", "three"] {
            let done = h
                .commit(&mut p, Name(name))
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(done.report, name.len());
            assert!(done.changed());
        }
        assert_eq!(h.undo_label(), Some("Rename to three"));
        assert_eq!(h.undo(&mut p).as_deref(), Some("Rename to three"));
        assert_eq!(h.undo(&mut p).as_deref(), Some("Rename to two"));
        assert_eq!(p.name, "one");
        assert_eq!(h.redo(&mut p).as_deref(), Some("Rename to two"));
        assert_eq!(p.name, "two");
        // A new change forgets what could be redone.
        h.commit(&mut p, Name("four"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!h.can_redo());
        assert_eq!(h.undo_len(), 3);
    }

    #[test]
    fn a_refused_change_changes_and_records_nothing() {
        let mut p = program();
        let mut h = History::new(10);
        let before = p.clone();
        assert_eq!(
            h.commit(&mut p, Name("")),
            Err(EditError::Refused("a program needs a name".to_owned()))
        );
        assert_eq!(p, before);
        assert!(!h.can_undo());
    }

    #[test]
    fn a_change_that_changes_nothing_is_not_recorded() {
        let mut p = program();
        let mut h = History::new(10);
        let done = h
            .commit(&mut p, Name("zero"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!done.changed());
        assert!(!h.can_undo());
    }

    #[test]
    fn the_oldest_step_is_forgotten_past_the_limit() {
        let mut p = program();
        let mut h = History::new(2);
        for name in ["a", "b", "c"] {
            h.commit(&mut p, Name(name))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(h.undo_len(), 2);
        assert!(h.undo(&mut p).is_some());
        assert!(h.undo(&mut p).is_some());
        assert_eq!(h.undo(&mut p), None);
        assert_eq!(p.name, "a");
    }
}
