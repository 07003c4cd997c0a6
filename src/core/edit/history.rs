//! Undo and redo for any state that can be saved and restored.
//!
//! [`History`] keeps two stacks of saved states with a label each ("Swap Ana and Bo"). It
//! does not know what a state is: the caller records the state *before* an edit, and hands
//! in the *current* state when undoing or redoing, which is pushed on the other stack. The
//! undo stack is bounded: past `limit` steps the oldest is forgotten.
//!
//! States may be whole values or partial ones (only what an edit touched, as
//! [`crate::core::matching::draft::DraftSnapshot`] does); [`History::peek_undo`] and
//! [`History::peek_redo`] let the caller save exactly the matching part of the current state
//! before undoing.
//!
//! ```
//! use mentorkit::core::edit::history::History;
//!
//! let mut count = 1;
//! let mut history = History::new(10);
//! history.record(count, "Add one".to_string());
//! count += 1;
//! let (before, label) = history.undo(count).unwrap_or((count, String::new()));
//! assert_eq!((before, label.as_str()), (1, "Add one"));
//! count = before;
//! let (after, _) = history.redo(count).unwrap_or((count, String::new()));
//! assert_eq!(after, 2);
//! ```

use std::collections::VecDeque;

/// A bounded undo/redo history of saved states of type `T`, each with a label.
#[derive(Clone, Debug, PartialEq)]
pub struct History<T> {
    /// States before each edit, oldest first.
    undo: VecDeque<(T, String)>,
    /// States undone, most recently undone last.
    redo: Vec<(T, String)>,
    /// The most undo steps kept.
    limit: usize,
}

impl<T: Clone> History<T> {
    /// An empty history that keeps at most `limit` undo steps (0 keeps none).
    pub fn new(limit: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit,
        }
    }

    /// Records the state from before an edit, labelled for "Undo …". A new edit forgets
    /// everything that could be redone; past the limit the oldest step is forgotten.
    pub fn record(&mut self, before: T, label: String) {
        self.redo.clear();
        self.push_undo(before, label);
    }

    /// Steps back: returns the state to restore and the label of the edit undone, and keeps
    /// `current` so the edit can be redone. `None` (and `current` is dropped) when there is
    /// nothing to undo.
    pub fn undo(&mut self, current: T) -> Option<(T, String)> {
        let (before, label) = self.undo.pop_back()?;
        self.redo.push((current, label.clone()));
        Some((before, label))
    }

    /// Steps forward again: returns the state to restore and the label of the edit redone,
    /// and keeps `current` so it can be undone again. `None` when there is nothing to redo.
    pub fn redo(&mut self, current: T) -> Option<(T, String)> {
        let (after, label) = self.redo.pop()?;
        self.push_undo(current, label.clone());
        Some((after, label))
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of the edit [`History::undo`] would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|(_, label)| label.as_str())
    }

    /// The label of the edit [`History::redo`] would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(_, label)| label.as_str())
    }

    /// The state [`History::undo`] would return, to save the matching part of the current
    /// state first.
    pub fn peek_undo(&self) -> Option<&T> {
        self.undo.back().map(|(state, _)| state)
    }

    /// The state [`History::redo`] would return.
    pub fn peek_redo(&self) -> Option<&T> {
        self.redo.last().map(|(state, _)| state)
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The most undo steps kept.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Forgets every step (e.g. when another program is opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    fn push_undo(&mut self, state: T, label: String) {
        if self.limit == 0 {
            return;
        }
        self.undo.push_back((state, label));
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_returns_the_recorded_state_and_redo_the_current_one() {
        let mut h = History::new(5);
        h.record(1, "one".into());
        h.record(2, "two".into());
        assert_eq!(h.undo_label(), Some("two"));
        assert_eq!(h.undo(3), Some((2, "two".into())));
        assert_eq!(h.redo_label(), Some("two"));
        assert_eq!(h.undo(2), Some((1, "one".into())));
        assert!(!h.can_undo());
        assert_eq!(h.undo(1), None);
        assert_eq!(h.redo(1), Some((2, "one".into())));
        assert_eq!(h.redo(2), Some((3, "two".into())));
        assert!(!h.can_redo());
        assert_eq!(h.redo(3), None);
    }

    #[test]
    fn a_new_edit_forgets_the_redo_steps() {
        let mut h = History::new(5);
        h.record(1, "one".into());
        assert!(h.undo(2).is_some());
        assert!(h.can_redo());
        h.record(1, "other".into());
        assert!(!h.can_redo());
        assert_eq!(h.undo_label(), Some("other"));
    }

    #[test]
    fn the_oldest_step_is_forgotten_past_the_limit() {
        let mut h = History::new(3);
        for k in 0..10 {
            h.record(k, format!("edit {k}"));
        }
        assert_eq!(h.undo_len(), 3);
        assert_eq!(h.undo(10), Some((9, "edit 9".into())));
        assert_eq!(h.undo(9), Some((8, "edit 8".into())));
        assert_eq!(h.undo(8), Some((7, "edit 7".into())));
        assert_eq!(h.undo(7), None);
    }

    #[test]
    fn a_limit_of_zero_keeps_nothing() {
        let mut h = History::new(0);
        h.record(1, "one".into());
        assert!(!h.can_undo());
        assert_eq!(h.undo(2), None);
    }

    #[test]
    fn redo_past_the_limit_stays_bounded() {
        let mut h = History::new(2);
        h.record(1, "a".into());
        h.record(2, "b".into());
        assert!(h.undo(3).is_some());
        assert!(h.undo(2).is_some());
        assert!(h.redo(1).is_some());
        assert!(h.redo(2).is_some());
        assert_eq!(h.undo_len(), 2);
    }
}
