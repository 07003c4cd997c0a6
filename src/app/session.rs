//! The open program: its state, its autosave and what other tabs do to it.

use leptos::prelude::*;

use crate::app::context::AppContext;
use crate::app::notices::NoticeKind;
use crate::core::edit::{Committed, EditError, History, Operation, StepId};
use crate::core::model::{Program, ProgramId};
use crate::persist::autosave::{Autosave, SaveState};
use crate::persist::web::{now_rfc3339, watch_storage, StorageChange, StorageWatcher};
use crate::persist::StoreError;

/// Something another tab did to the open program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Another tab saved a newer revision (bad input 38).
    NewerElsewhere {
        /// The stored revision.
        stored: u64,
    },
    /// Another tab removed the program or cleared storage (bad input 39).
    Removed,
}

/// Why [`Session::commit`] did not change the program. The user has been told already
/// (but for [`Session::commit_inline`]'s refusals, which the form shows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitError<E> {
    /// The program came from a newer MentorKit and is read-only (bad input 37).
    ReadOnly,
    /// Another tab holds a newer version, or removed it (bad inputs 38, 39).
    Conflict,
    /// The page was left meanwhile (bad input 42).
    Closed,
    /// The operation was refused.
    Edit(EditError<E>),
}

/// The open program, shared through context by the program page. Every change goes through
/// [`Session::commit`], which records it in the program's one undo history.
#[derive(Clone, Copy)]
pub struct Session {
    /// The program as edited.
    pub program: RwSignal<Program>,
    /// Autosave state for the indicator.
    pub save_state: RwSignal<SaveState>,
    /// `Some(version)` when the program came from a newer MentorKit: never written back.
    pub read_only: RwSignal<Option<u32>>,
    /// What another tab did, if anything.
    pub conflict: RwSignal<Option<Conflict>>,
    app: AppContext,
    /// Every change made since the program was opened, for undo and redo.
    history: StoredValue<History, LocalStorage>,
    /// Changes whenever the history does, so the Undo and Redo labels follow.
    history_version: RwSignal<u64>,
    autosave: StoredValue<Autosave, LocalStorage>,
    _watcher: StoredValue<StorageWatcher, LocalStorage>,
}

/// The open program's session, from inside the program page.
///
/// # Panics
/// Only if called outside the program page (a programming error).
pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl<E> CommitError<E> {
    /// The operation's own refusal, if that is why nothing changed.
    pub fn refusal(&self) -> Option<&E> {
        match self {
            CommitError::Edit(EditError::Refused(e)) => Some(e),
            _ => None,
        }
    }
}

impl Session {
    /// Opens a stored program.
    ///
    /// # Errors
    /// The storage error when it cannot be read.
    pub fn open(app: AppContext, id: &ProgramId) -> Result<Session, StoreError> {
        let library = app.library();
        let loaded = library.borrow().load(id)?;
        let memory_only = matches!(
            app.storage.get_untracked(),
            crate::app::StorageBanner::MemoryOnly(_)
        );
        let save_state = RwSignal::new(if loaded.read_only.is_some() {
            SaveState::ReadOnly
        } else if memory_only {
            SaveState::MemoryOnly
        } else {
            SaveState::Saved {
                revision: loaded.revision,
                at: String::new(),
            }
        });
        let autosave = Autosave::new(library, id.clone(), loaded.revision, move |state| {
            save_state.try_set(state);
        });
        let conflict = RwSignal::new(None);
        let program_id = id.clone();
        let autosave_for_watch = autosave.clone();
        let watcher = watch_storage(move |change| {
            let ours = autosave_for_watch.revision();
            let stored = || app.library().borrow().stored_revision(&program_id);
            let next = match change.clone() {
                StorageChange::Program { id, revision } if id == program_id => match revision {
                    Some(r) if r > ours => Some(Conflict::NewerElsewhere { stored: r }),
                    Some(_) => None,
                    None => Some(Conflict::Removed),
                },
                StorageChange::Program { .. } => None,
                StorageChange::Cleared => Some(Conflict::Removed),
                StorageChange::Focus => match stored() {
                    Ok(Some(r)) if r > ours => Some(Conflict::NewerElsewhere { stored: r }),
                    Ok(None) if ours > 0 => Some(Conflict::Removed),
                    _ => None,
                },
            };
            if let Some(next) = next {
                conflict.try_set(Some(next));
            }
            match &change {
                StorageChange::Program { id, .. } => {
                    app.library().borrow_mut().reload_program(id);
                    app.refresh();
                }
                StorageChange::Cleared | StorageChange::Focus => app.reload(),
            }
        });
        if !loaded.repairs.is_empty() {
            // Stored by an earlier version with values the rules now refuse (e.g. a
            // seniority outside 1-10): say what was repaired before anything is saved.
            app.import_report.set(Some(crate::app::ImportReport {
                program: id.clone(),
                heading: "Repaired when opened".to_owned(),
                repairs: loaded.repairs,
                renamed_id: false,
            }));
        }
        Ok(Session {
            program: RwSignal::new(loaded.program),
            save_state,
            read_only: RwSignal::new(loaded.read_only),
            conflict,
            app,
            history: StoredValue::new_local(History::default()),
            history_version: RwSignal::new(0),
            autosave: StoredValue::new_local(autosave),
            _watcher: StoredValue::new_local(watcher),
        })
    }

    /// The app this program is open in (its notices, library and routes).
    pub fn app(&self) -> AppContext {
        self.app
    }

    /// Says why the program cannot be changed now, if it cannot.
    fn refusal<E>(&self) -> Option<CommitError<E>> {
        if let Some(v) = self.read_only.try_get_untracked().flatten() {
            self.app.notices.error(format!(
                "This program was made by a newer MentorKit (v{v}) and is read-only here."
            ));
            return Some(CommitError::ReadOnly);
        }
        if self.conflict.try_get_untracked().flatten().is_some() {
            self.app
                .notices
                .error("Resolve the change made in another tab first (see the banner above).");
            return Some(CommitError::Conflict);
        }
        None
    }

    /// Whether the program can be changed now (not read-only, no conflict with another
    /// tab). Forms check this before asking for input they could not save.
    pub fn can_edit(&self) -> bool {
        self.read_only.get_untracked().is_none() && self.conflict.get_untracked().is_none()
    }

    /// Makes a change to the open program: the one way the UI changes it.
    ///
    /// The operation runs on a copy; a refused operation changes nothing, records nothing
    /// and its error is shown in the notice channel. A change that changes nothing is not
    /// recorded or saved. Otherwise the change is recorded in the program's undo history
    /// with its label and autosaved.
    ///
    /// # Errors
    /// Why nothing changed (already shown to the user).
    pub fn commit<O: Operation>(
        &self,
        op: O,
    ) -> Result<Committed<O::Report>, CommitError<O::Error>> {
        self.run(op, true)
    }

    /// [`Session::commit`] for forms that show an operation's refusal next to the field it
    /// concerns: the refusal ([`CommitError::Edit`]) is returned without a notice (every
    /// other reason nothing changed is still announced).
    ///
    /// # Errors
    /// As [`Session::commit`].
    pub fn commit_inline<O: Operation>(
        &self,
        op: O,
    ) -> Result<Committed<O::Report>, CommitError<O::Error>> {
        self.run(op, false)
    }

    fn run<O: Operation>(
        &self,
        op: O,
        announce_refusal: bool,
    ) -> Result<Committed<O::Report>, CommitError<O::Error>> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        // The history is taken out while the program is written, so nothing that reacts to
        // the change can find it borrowed.
        let Some(mut history) = self.history.try_update_value(std::mem::take) else {
            return Err(CommitError::Closed);
        };
        let result = self.program.try_update_untracked(|p| history.commit(p, op));
        self.history.try_set_value(history);
        match result {
            None => Err(CommitError::Closed),
            Some(Ok(done)) => {
                if done.changed() {
                    self.changed();
                }
                Ok(done)
            }
            Some(Err(e)) => {
                if announce_refusal || matches!(e, EditError::Invalid(_)) {
                    self.app.notices.error(sentence(&e.to_string()));
                }
                Err(CommitError::Edit(e))
            }
        }
    }

    /// After the program changed: tell its readers, follow the history, save.
    fn changed(&self) {
        self.program.notify();
        self.history_version.try_update(|v| *v += 1);
        if let Some(autosave) = self.autosave.try_get_value() {
            self.program.with_untracked(|p| autosave.changed(p));
        }
    }

    /// Undoes the latest change; returns its label for the caller to announce (the presenter
    /// shows it with stage names), or `None` if there is nothing to undo (or the program
    /// cannot be changed now, which is said).
    pub fn undo(&self) -> Option<String> {
        self.step(History::undo)
    }

    /// Makes the latest undone change again; returns its label.
    pub fn redo(&self) -> Option<String> {
        self.step(History::redo)
    }

    fn step(&self, f: fn(&mut History, &mut Program) -> Option<String>) -> Option<String> {
        if self.refusal::<()>().is_some() {
            return None;
        }
        let mut history = self.history.try_update_value(std::mem::take)?;
        let label = self
            .program
            .try_update_untracked(|p| f(&mut history, p))
            .flatten();
        self.history.try_set_value(history);
        if label.is_some() {
            self.changed();
        }
        label
    }

    /// The label of the change Undo would undo (reactive).
    pub fn undo_label(&self) -> Option<String> {
        self.history_version.track();
        self.history
            .try_with_value(|h| h.undo_label().map(str::to_owned))
            .flatten()
    }

    /// The label of the change Redo would make again (reactive).
    pub fn redo_label(&self) -> Option<String> {
        self.history_version.track();
        self.history
            .try_with_value(|h| h.redo_label().map(str::to_owned))
            .flatten()
    }

    /// Shows a message about a change with an "Undo" button that undoes that change, as
    /// long as it is still the latest one.
    pub fn notify_with_undo(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        step: Option<StepId>,
    ) {
        let Some(step) = step else {
            self.app.notices.push(kind, text);
            return;
        };
        let this = *self;
        self.app
            .notices
            .with_action(kind, text, "Undo", move || this.undo_step(step));
    }

    /// Undoes `step` if it is still the latest change.
    fn undo_step(&self, step: StepId) {
        let latest = self.history.try_with_value(History::latest).flatten();
        if latest == Some(step) {
            if let Some(label) = self.undo() {
                self.app.notices.info(format!("Undone: {label}."));
            }
        } else if latest.is_some() {
            self.app.notices.info(
                "Other changes were made after that one: use Undo (Ctrl+Z) to step back through them.",
            );
        }
    }

    /// Forgets the history (the program was replaced from outside it).
    fn forget_history(&self) {
        self.history.try_update_value(History::clear);
        self.history_version.try_update(|v| *v += 1);
    }

    /// Writes pending changes now (e.g. before leaving the page).
    pub fn flush(&self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            autosave.flush();
        }
    }

    /// Replaces the edited program with the newer stored revision (bad input 38).
    pub fn load_newer(&self) {
        let id = self.program.with_untracked(|p| p.id.clone());
        self.app.reload();
        let loaded = self.app.library().borrow().load(&id);
        match loaded {
            Ok(l) => {
                self.autosave.get_value().adopt(l.revision);
                self.program.set(l.program);
                self.forget_history();
                self.read_only.set(l.read_only);
                self.conflict.set(None);
                self.save_state.set(SaveState::Saved {
                    revision: l.revision,
                    at: String::new(),
                });
                self.app
                    .notices
                    .success("Loaded the version saved in the other tab.");
            }
            Err(e) => self.app.notices.error(format!("Could not load it: {e}")),
        }
    }

    /// Keeps this tab's version as a new program (the other tab's stays as it is).
    pub fn keep_as_copy(&self) {
        let mut copy = self.program.get_untracked();
        copy.id = self.app.fresh_id();
        copy.name = format!("{} (copy from another tab)", copy.name);
        if self.app.add_program(&copy).is_ok() {
            self.app.navigate(&crate::app::route::Route::Program {
                id: copy.id,
                section: crate::app::route::Section::Overview,
            });
        }
    }

    /// Saves the program again after another tab removed it (bad input 39).
    pub fn save_again(&self) {
        let program = self.program.get_untracked();
        let lib = self.app.library();
        let result = lib.borrow_mut().create(&program, &now_rfc3339());
        match result {
            Ok(rev) => {
                self.autosave.get_value().adopt(rev);
                self.conflict.set(None);
                self.save_state.set(SaveState::Saved {
                    revision: rev,
                    at: String::new(),
                });
                self.app.refresh();
                self.app.notices.success("Saved the program again.");
            }
            Err(e) => self.app.notices.error(format!("Could not save: {e}")),
        }
    }
}

/// An error message as a sentence: capital first letter, full stop.
pub fn sentence(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => {
            let mut out: String = f.to_uppercase().chain(c).collect();
            if !out.ends_with(['.', '!', '?']) {
                out.push('.');
            }
            out
        }
        None => String::new(),
    }
}
