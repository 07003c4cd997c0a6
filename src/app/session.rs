//! The open program: its state, its autosave and what other tabs do to it.

use leptos::prelude::*;

use crate::app::context::AppContext;
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

/// The open program, shared through context by the program page.
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
        Ok(Session {
            program: RwSignal::new(loaded.program),
            save_state,
            read_only: RwSignal::new(loaded.read_only),
            conflict,
            app,
            autosave: StoredValue::new_local(autosave),
            _watcher: StoredValue::new_local(watcher),
        })
    }

    /// Applies an edit and schedules an autosave. Refused (with a notice) when the program
    /// is read-only or another tab holds a newer version.
    pub fn edit(&self, f: impl FnOnce(&mut Program)) {
        if let Some(v) = self.read_only.get_untracked() {
            self.app.notices.error(format!(
                "This program was made by a newer MentorKit (v{v}) and is read-only here."
            ));
            return;
        }
        if self.conflict.get_untracked().is_some() {
            self.app
                .notices
                .error("Resolve the change made in another tab first (see the banner above).");
            return;
        }
        self.program.update(f);
        let autosave = self.autosave.get_value();
        self.program.with_untracked(|p| autosave.changed(p));
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
