//! Browser storage of the program library: the only module that touches storage.
//!
//! Every program is kept under its own key, [`KEY_PREFIX`] followed by the program id, as
//! one envelope written by [`export_stored`](crate::core::exchange::file_format::export_stored)
//! (compact JSON): a complete program file
//! with a `revision` number, written in one `set` call, so a stored value is always
//! importable as it is.
//!
//! - [`Library`] is the program library over a [`Backend`]: localStorage in the browser
//!   (`web::LocalStorageBackend`, wasm32 only) or [`MemoryBackend`] (native tests, and the
//!   fallback when the browser refuses storage).
//! - Every save re-reads the stored revision first and refuses to write when it moved
//!   ([`StoreError::Conflict`]: another tab saved), when the program is gone
//!   ([`StoreError::Missing`]: another tab deleted it or cleared storage), when the stored
//!   data is from a newer MentorKit ([`StoreError::ReadOnly`]) or unreadable
//!   ([`StoreError::Corrupt`]). Data that could not be read is never written over.
//! - [`Debounce`] is the pure timing logic of autosave; `autosave` (wasm32) drives it with
//!   browser timers and flushes on `visibilitychange`/`pagehide`; `web` (wasm32) probes
//!   storage, watches other tabs, asks for persistent storage and reads how much space the
//!   site uses; [`space`] says those figures in words.

mod debounce;
mod library;
pub mod space;

#[cfg(target_arch = "wasm32")]
pub mod autosave;
#[cfg(target_arch = "wasm32")]
pub mod web;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use thiserror::Error;

use crate::core::exchange::file_format::Repair;
use crate::core::model::{Program, ProgramId, Purpose};

pub use debounce::{Debounce, AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS};
pub use library::{revision_of, ImportedToLibrary, Library, LibraryImportError};

/// The prefix of every key MentorKit writes to browser storage (programs, the availability
/// probe): [`Library::delete_everything`] removes exactly the keys that start with it.
pub const STORAGE_PREFIX: &str = "mentorkit:";

/// The prefix of every storage key MentorKit uses for a program: the key of a program is
/// this prefix followed by its [`ProgramId`]. Keys without it are never read or written.
pub const KEY_PREFIX: &str = "mentorkit:program:";

/// The storage key of a program.
pub fn program_key(id: &ProgramId) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The program id a storage key belongs to, if it is one of ours.
pub fn key_program_id(key: &str) -> Option<ProgramId> {
    key.strip_prefix(KEY_PREFIX).map(ProgramId::from)
}

/// A string key-value store: localStorage in the browser, a map in memory.
///
/// Implementations never panic; every failure is a [`StoreError`].
pub trait Backend {
    /// Every key in the store (ours and others').
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the store cannot be read.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The value under `key`, or `None`.
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the store cannot be read.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `value` under `key`, replacing what was there, in one call.
    ///
    /// # Errors
    /// [`StoreError::QuotaExceeded`] when the store is full (the old value is kept),
    /// [`StoreError::Unavailable`] or [`StoreError::Other`] otherwise.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing happens if it is absent).
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the store cannot be written.
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Whether what is written survives closing the tab. `false` for [`MemoryBackend`]: the
    /// autosave then reports "memory only" instead of "saved".
    fn is_persistent(&self) -> bool {
        true
    }
}

/// An in-memory [`Backend`]: the store of native tests and the fallback when the browser
/// refuses storage (bad input 34). Clones share the same map, so a test can keep one clone
/// to inspect or tamper with what the library wrote.
#[derive(Clone, Debug, Default)]
pub struct MemoryBackend {
    map: Rc<RefCell<BTreeMap<String, String>>>,
}

impl MemoryBackend {
    /// An empty store.
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    /// A copy of everything stored (for tests: "byte-identical before and after").
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }
}

impl Backend for MemoryBackend {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

/// Why a storage operation failed. Whatever was stored before is still there.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The browser refuses storage (blocked, private mode, `file://`): bad input 34.
    #[error("browser storage is unavailable ({0})")]
    Unavailable(String),
    /// Browser storage is full: bad input 35. The last good save is intact.
    #[error("browser storage is full; the last saved version is kept. Export the program or delete other programs to free space")]
    QuotaExceeded,
    /// Another tab saved this program since we read it (bad input 38); nothing was written.
    #[error("another tab saved this program (revision {stored}; this tab has revision {ours})")]
    Conflict {
        /// The revision now stored.
        stored: u64,
        /// The revision this tab's copy is based on (0 when creating).
        ours: u64,
    },
    /// The program is no longer stored: another tab deleted it or cleared storage (bad
    /// input 39). Nothing was written; it can be saved again explicitly.
    #[error("the program is no longer stored in this browser (another tab may have deleted it or cleared storage)")]
    Missing,
    /// The stored program was written by a newer MentorKit (bad input 37): read-only here.
    #[error(
        "the program was saved by a newer MentorKit (file version {version}); it is read-only here"
    )]
    ReadOnly {
        /// The stored file version.
        version: u32,
    },
    /// The stored data cannot be read (bad input 36); it is kept as it is, never written over.
    #[error("the stored data cannot be read: {0}")]
    Corrupt(String),
    /// The program breaks an invariant, so it was not written (a bug upstream).
    #[error("the program could not be written: {0}")]
    Invalid(String),
    /// Any other storage failure.
    #[error("storage failed: {0}")]
    Other(String),
}

/// What the library list shows about a stored program, without loading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The program id.
    pub id: ProgramId,
    /// The program name.
    pub name: String,
    /// The program purpose.
    pub purpose: Purpose,
    /// How many participants.
    pub people: usize,
    /// How many can mentor.
    pub mentors: usize,
    /// How many want a mentor.
    pub mentees: usize,
    /// How many matches (all cycles).
    pub matches: usize,
    /// The stored revision (0 if the stored data has none).
    pub revision: u64,
    /// When it was saved (RFC 3339, as stored; empty if unknown).
    pub saved_at: String,
}

impl Summary {
    fn of(program: &Program, revision: u64, saved_at: String) -> Summary {
        Summary {
            id: program.id.clone(),
            name: program.name.clone(),
            purpose: program.purpose,
            people: program.people.len(),
            mentors: program.mentor_count(),
            mentees: program.mentee_count(),
            matches: program.matches.len(),
            revision,
            saved_at,
        }
    }
}

/// One stored item of the library.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A readable program.
    Ready {
        /// What the list shows.
        summary: Summary,
        /// `Some(version)` when it was saved by a newer MentorKit: open it read-only and
        /// never write it back (bad input 37).
        read_only: Option<u32>,
    },
    /// Data under one of our keys that cannot be read (bad input 36): kept exactly as it
    /// is, offered for download, never written over.
    Corrupt {
        /// The storage key.
        key: String,
        /// The stored text, unchanged.
        raw: String,
        /// Why it cannot be read.
        error: String,
    },
}

impl Entry {
    /// The storage key of this entry.
    pub fn key(&self) -> String {
        match self {
            Entry::Ready { summary, .. } => program_key(&summary.id),
            Entry::Corrupt { key, .. } => key.clone(),
        }
    }
}

/// A program read from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The program (restored: always valid).
    pub program: Program,
    /// The stored revision: the base of the next save.
    pub revision: u64,
    /// `Some(version)` when saved by a newer MentorKit: never save it (bad input 37).
    pub read_only: Option<u32>,
    /// What had to be repaired while reading it.
    pub repairs: Vec<Repair>,
}
