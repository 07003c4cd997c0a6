//! How every change to a program is made, undone and redone.
//!
//! Every change is an [`Operation`]: a named value (an enum variant such as
//! [`crate::core::matching::draft::DraftEdit::Swap`] or
//! [`crate::core::people::edits::PeopleEdit::Remove`]) whose [`Operation::apply`] changes a
//! program and returns a [`Change`] with a human label ("Swap Ada and Bo") and a report of
//! what it did, or an error named after the operation (`DraftError`, `SetupError`, ...).
//!
//! Operations are committed through one entry point, [`History::commit`] (the web app's
//! `Session::commit` wraps it), which:
//! 1. applies the operation to a **copy** of the program, so a refused operation changes
//!    nothing and records nothing;
//! 2. checks the copy with [`crate::core::program::validate::validate`], so no operation can
//!    leave a program that the next load would reject;
//! 3. works out the [`Patch`] between the program and the copy: only the people and matches
//!    that changed (by id), and the rest of the program only if it changed. An empty patch
//!    means nothing really changed: the program is left as it was and nothing is recorded
//!    (so nothing is saved);
//! 4. otherwise puts the copy in place and records the patch with the label, so
//!    [`History::undo`] and [`History::redo`] can step through every change of every kind.
//!
//! The id counter ([`Program::next_seq`]) never goes back on undo, so an id is never given
//! twice.
//!
//! # Adding a kind of change
//! Add a variant to the operation enum of its domain (or a new enum implementing
//! [`Operation`]), make `apply` check everything before it changes anything it cannot take
//! back (it works on a copy, but a clear error beats a half-made change), give it a label,
//! and test it natively with [`apply`] or [`History::commit`]. The UI commits it with
//! `Session::commit` and shows the report.
//!
//! ```
//! use mentorkit::core::edit::History;
//! use mentorkit::core::program::setup::SetupEdit;
//! use mentorkit::core::{Program, ProgramId};
//!
//! let mut program = Program::new(ProgramId::from("p"), "Pilot");
//! let mut history = History::default();
//! let done = history
//!     .commit(&mut program, SetupEdit::Rename("Pilot 2027".into()))
//!     .unwrap_or_else(|e| panic!("{e}"));
//! assert_eq!(done.label, "Rename the program to \u{201c}Pilot 2027\u{201d}");
//! assert_eq!(history.undo(&mut program).as_deref(), Some(done.label.as_str()));
//! assert_eq!(program.name, "Pilot");
//! ```

mod history;
mod patch;

use std::fmt;

pub use history::{Committed, History, StepId, HISTORY_LIMIT};
pub use patch::{Keyed, Patch};

use crate::core::model::Program;
use crate::core::program::validate::{validate, Problem};

/// A named change to a program.
pub trait Operation {
    /// What the change reports when it is made (counts, new ids, score deltas...).
    type Report;
    /// Why the change cannot be made.
    type Error: fmt::Display;

    /// Makes the change on `program` and says what it did.
    ///
    /// `program` is a copy that is thrown away on error, but operations still check before
    /// they change anything, so their errors are precise.
    ///
    /// # Errors
    /// Why the change cannot be made, in the operation's own error type.
    fn apply(self, program: &mut Program) -> Result<Change<Self::Report>, Self::Error>;
}

/// What a successful operation did: a label for the history and a report for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Change<R = ()> {
    /// What the change is called in Undo/Redo ("Move Ada to Linus").
    pub label: String,
    /// What it did, for the message shown after it.
    pub report: R,
}

impl<R> Change<R> {
    /// A change with a label and a report.
    pub fn new(label: impl Into<String>, report: R) -> Change<R> {
        Change {
            label: label.into(),
            report,
        }
    }
}

impl Change<()> {
    /// A change that reports nothing but its label.
    pub fn labelled(label: impl Into<String>) -> Change<()> {
        Change::new(label, ())
    }
}

/// Why an operation was not committed. The program is untouched whenever one is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError<E> {
    /// The operation refused (its own error).
    #[error("{0}")]
    Refused(E),
    /// The operation would leave a program that breaks an invariant (a bug in the
    /// operation, caught before it could be saved).
    #[error("the change would leave the program invalid: {}", first_problems(.0))]
    Invalid(Vec<Problem>),
}

fn first_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .take(3)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// An operation made on a copy of a program, checked and ready to put in place.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied<R> {
    /// The program after the change.
    pub program: Program,
    /// The change's label.
    pub label: String,
    /// The operation's report.
    pub report: R,
    /// What changed (empty when nothing really did).
    pub patch: Patch,
}

/// Makes an operation on a copy of `program` and checks the result, without recording it
/// anywhere: for changes outside an open program's history (the command-line tool, renaming
/// from the library). [`History::commit`] uses it too.
///
/// # Errors
/// [`EditError::Refused`] with the operation's error, or [`EditError::Invalid`].
pub fn apply<O: Operation>(
    program: &Program,
    op: O,
) -> Result<Applied<O::Report>, EditError<O::Error>> {
    let mut next = program.clone();
    let change = op.apply(&mut next).map_err(EditError::Refused)?;
    validate(&next).map_err(EditError::Invalid)?;
    let patch = Patch::between(program, &next);
    Ok(Applied {
        program: next,
        label: change.label,
        report: change.report,
        patch,
    })
}
