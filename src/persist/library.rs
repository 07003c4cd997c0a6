//! The program library over a [`Backend`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use thiserror::Error;

use super::{program_key, Backend, Entry, Loaded, StoreError, Summary, KEY_PREFIX, STORAGE_PREFIX};
use crate::core::exchange::file_format::{
    export_stored, import_program, import_with, ImportError, Repair, VersionPolicy,
    CURRENT_VERSION, FORMAT_TAG,
};
use crate::core::limits::MAX_SHORT_TEXT;
use crate::core::model::{Program, ProgramId};

/// The programs stored in one [`Backend`], one key per program.
///
/// The list ([`Library::entries`]) is read once when the library opens and kept up to date
/// by this library's own writes; [`Library::reload`] re-reads it after another tab changed
/// storage. Everything else ([`Library::load`], [`Library::save`], ...) reads the backend
/// afresh, so another tab's writes are never missed or overwritten.
pub struct Library {
    backend: Box<dyn Backend>,
    cache: BTreeMap<String, Entry>,
}

/// A program imported into the library by [`Library::import_new`].
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedToLibrary {
    /// The id it is stored under.
    pub id: ProgramId,
    /// Its name (with " (imported)" added when the library already had its id).
    pub name: String,
    /// Whether it got a fresh id because the library already had a program with the file's
    /// id (bad input 27: the same file imported twice).
    pub new_id: bool,
    /// What restore repaired while reading the file.
    pub repairs: Vec<Repair>,
    /// The stored revision (1).
    pub revision: u64,
}

/// Why [`Library::import_new`] failed. The library is unchanged (bad input 28).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LibraryImportError {
    /// The file could not be read.
    #[error(transparent)]
    File(#[from] ImportError),
    /// The program could not be stored.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the head of a stored envelope says, read without building the program.
#[derive(Deserialize)]
struct StoredHeader {
    format: Option<String>,
    version: Option<serde_json::Value>,
    revision: Option<u64>,
}

/// The stored revision of `raw`, checked before any write: `Err` when the data must not be
/// written over (unreadable, or from a newer MentorKit).
fn stored_head(raw: &str) -> Result<u64, StoreError> {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // Deserializing into a struct still checks the syntax of the whole text.
    let head: StoredHeader =
        serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    if head.format.as_deref() != Some(FORMAT_TAG) {
        return Err(StoreError::Corrupt(format!(
            "it has no \"format\": \"{FORMAT_TAG}\""
        )));
    }
    let version = match head.version {
        None | Some(serde_json::Value::Null) => 1,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| StoreError::Corrupt(format!("{v} is not a file version")))?,
    };
    if version > u64::from(CURRENT_VERSION) {
        return Err(StoreError::ReadOnly {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    Ok(head.revision.unwrap_or(0))
}

/// The `revision` a stored text says it has, whatever its version; `None` if the text is
/// not a readable envelope (e.g. the new value of a `storage` event written by another tab).
pub fn revision_of(raw: &str) -> Option<u64> {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let head: StoredHeader = serde_json::from_str(text).ok()?;
    (head.format.as_deref() == Some(FORMAT_TAG)).then(|| head.revision.unwrap_or(0))
}

/// The library entry for the text stored under `key`.
fn read_entry(key: &str, raw: String) -> Entry {
    match import_with(raw.as_bytes(), VersionPolicy::ReadNewer) {
        Ok(imported) => Entry::Ready {
            summary: Summary::of(
                &imported.program,
                imported.revision.unwrap_or(0),
                imported.exported_at.unwrap_or_default(),
            ),
            read_only: imported.newer_version,
        },
        Err(e) => Entry::Corrupt {
            key: key.to_owned(),
            raw,
            error: e.to_string(),
        },
    }
}

/// Reads every key of ours.
fn read_all(backend: &dyn Backend) -> Result<BTreeMap<String, Entry>, StoreError> {
    let mut cache = BTreeMap::new();
    for key in backend.keys()? {
        if !key.starts_with(KEY_PREFIX) {
            continue;
        }
        if let Some(raw) = backend.get(&key)? {
            let entry = read_entry(&key, raw);
            cache.insert(key, entry);
        }
    }
    Ok(cache)
}

/// Base 36, lower case: short ids.
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// SplitMix64: a bijection, so successive values never repeat within 2^64 steps.
fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The name of a second import of a program: " (imported)" added, within the name limit.
fn imported_name(name: &str) -> String {
    const SUFFIX: &str = " (imported)";
    let keep = MAX_SHORT_TEXT.saturating_sub(SUFFIX.chars().count());
    let mut out: String = name.chars().take(keep).collect();
    out.push_str(SUFFIX);
    out
}

impl Library {
    /// Opens the library, reading every [`KEY_PREFIX`] key once. Unreadable data becomes an
    /// [`Entry::Corrupt`]; if the backend cannot even list its keys the list starts empty.
    pub fn open(backend: Box<dyn Backend>) -> Library {
        let cache = read_all(backend.as_ref()).unwrap_or_default();
        Library { backend, cache }
    }

    /// Whether saves survive closing the tab (`false` for the in-memory fallback).
    pub fn is_persistent(&self) -> bool {
        self.backend.is_persistent()
    }

    /// Every stored program, most recently saved first, then the unreadable entries (by
    /// key), which are listed so they can be downloaded.
    pub fn entries(&self) -> Vec<Entry> {
        let mut ready: Vec<&Entry> = Vec::new();
        let mut corrupt: Vec<&Entry> = Vec::new();
        for entry in self.cache.values() {
            match entry {
                Entry::Ready { .. } => ready.push(entry),
                Entry::Corrupt { .. } => corrupt.push(entry),
            }
        }
        ready.sort_by(|a, b| match (a, b) {
            (Entry::Ready { summary: a, .. }, Entry::Ready { summary: b, .. }) => b
                .saved_at
                .cmp(&a.saved_at)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id)),
            _ => std::cmp::Ordering::Equal,
        });
        ready.into_iter().chain(corrupt).cloned().collect()
    }

    /// Reads a stored program afresh from the backend.
    ///
    /// A program saved by a newer MentorKit is returned with [`Loaded::read_only`] set:
    /// show it, never save it.
    ///
    /// # Errors
    /// [`StoreError::Missing`] if it is not stored, [`StoreError::Corrupt`] if it cannot be
    /// read (the stored text is left as it is), or the backend's error.
    pub fn load(&self, id: &ProgramId) -> Result<Loaded, StoreError> {
        let raw = self
            .backend
            .get(&program_key(id))?
            .ok_or(StoreError::Missing)?;
        let imported = import_with(raw.as_bytes(), VersionPolicy::ReadNewer)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(Loaded {
            program: imported.program,
            revision: imported.revision.unwrap_or(0),
            read_only: imported.newer_version,
            repairs: imported.repairs,
        })
    }

    /// Refuses to write over whatever is stored under `key` now.
    fn check_absent(&self, key: &str) -> Result<(), StoreError> {
        match self.backend.get(key)? {
            None => Ok(()),
            Some(raw) => {
                let stored = stored_head(&raw)?;
                Err(StoreError::Conflict { stored, ours: 0 })
            }
        }
    }

    /// Writes a program at `revision` in one `set` call and updates the list.
    fn write(&mut self, program: &Program, revision: u64, now: &str) -> Result<u64, StoreError> {
        let text = export_stored(program, now, revision)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let key = program_key(&program.id);
        self.backend.set(&key, &text)?;
        self.cache.insert(
            key,
            Entry::Ready {
                summary: Summary::of(program, revision, now.to_owned()),
                read_only: None,
            },
        );
        Ok(revision)
    }

    /// Stores a new program at revision 1. `now` is the RFC 3339 save time.
    ///
    /// # Errors
    /// Nothing is written when: a program with this id is stored
    /// ([`StoreError::Conflict`] with `ours: 0`), the data under its key is unreadable
    /// ([`StoreError::Corrupt`]) or from a newer version ([`StoreError::ReadOnly`]), the
    /// program is invalid ([`StoreError::Invalid`]), or storage fails
    /// ([`StoreError::QuotaExceeded`], ...).
    pub fn create(&mut self, program: &Program, now: &str) -> Result<u64, StoreError> {
        self.check_absent(&program_key(&program.id))?;
        self.write(program, 1, now)
    }

    /// Saves a program edited from `base_revision`, as revision `base_revision + 1`.
    ///
    /// Re-reads what is stored first, and writes (in one `set` call) only if the stored
    /// revision is still `base_revision`, so another tab's newer save is never overwritten
    /// with stale state.
    ///
    /// # Errors
    /// Nothing is written on error: [`StoreError::Conflict`] if the stored revision moved
    /// (bad input 38), [`StoreError::Missing`] if the program is no longer stored (bad input
    /// 39), [`StoreError::ReadOnly`] if it was stored by a newer version (bad input 37),
    /// [`StoreError::Corrupt`] if the stored data is unreadable (bad input 36),
    /// [`StoreError::Invalid`] if the program breaks an invariant,
    /// [`StoreError::QuotaExceeded`] if storage is full (bad input 35), or another backend
    /// error.
    pub fn save(
        &mut self,
        program: &Program,
        base_revision: u64,
        now: &str,
    ) -> Result<u64, StoreError> {
        let key = program_key(&program.id);
        let raw = self.backend.get(&key)?.ok_or(StoreError::Missing)?;
        let stored = stored_head(&raw)?;
        if stored != base_revision {
            return Err(StoreError::Conflict {
                stored,
                ours: base_revision,
            });
        }
        let next = base_revision
            .checked_add(1)
            .ok_or_else(|| StoreError::Other("the revision number overflowed".into()))?;
        self.write(program, next, now)
    }

    /// Removes a stored program (readable or not). Returns the stored text, so that the
    /// caller can offer Undo through [`Library::restore_raw`]; `None` if nothing was stored.
    ///
    /// # Errors
    /// The backend's error; nothing was removed then.
    pub fn delete(&mut self, id: &ProgramId) -> Result<Option<String>, StoreError> {
        let key = program_key(id);
        let raw = self.backend.get(&key)?;
        if raw.is_some() {
            self.backend.remove(&key)?;
        }
        self.cache.remove(&key);
        Ok(raw)
    }

    /// Removes every MentorKit entry from the store: every key starting with
    /// [`STORAGE_PREFIX`] (programs, readable or not, and anything else MentorKit keeps
    /// there); other sites' and apps' keys are left alone. Returns how many keys were
    /// removed. "Delete everything on this device": there is no undo, so the caller offers
    /// an export first and asks for a typed confirmation.
    ///
    /// # Errors
    /// The backend's error. Keys removed before it stay removed, and the list shows what
    /// is left.
    pub fn delete_everything(&mut self) -> Result<usize, StoreError> {
        let ours: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(STORAGE_PREFIX))
            .collect();
        let mut removed = 0;
        for key in ours {
            if let Err(e) = self.backend.remove(&key) {
                self.reload();
                return Err(e);
            }
            self.cache.remove(&key);
            removed += 1;
        }
        self.reload();
        Ok(removed)
    }

    /// Puts back the text [`Library::delete`] returned (Undo), byte for byte.
    ///
    /// # Errors
    /// Nothing is written if something is stored under the key again
    /// ([`StoreError::Conflict`], [`StoreError::Corrupt`] or [`StoreError::ReadOnly`]), or
    /// when storage fails.
    pub fn restore_raw(&mut self, id: &ProgramId, raw: &str) -> Result<(), StoreError> {
        let key = program_key(id);
        self.check_absent(&key)?;
        self.backend.set(&key, raw)?;
        self.cache
            .insert(key.clone(), read_entry(&key, raw.to_owned()));
        Ok(())
    }

    /// The text stored under `key`, exactly as stored: the "download raw copy" of an
    /// unreadable entry (bad input 36). `None` if absent or storage cannot be read.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.backend.get(key).ok().flatten()
    }

    /// The revision stored now for a program (read afresh), `None` if it is not stored.
    /// Used on focus to notice another tab's save (bad input 38).
    ///
    /// # Errors
    /// [`StoreError::Corrupt`] if the stored data is unreadable, or the backend's error.
    /// Data from a newer version still reports its revision.
    pub fn stored_revision(&self, id: &ProgramId) -> Result<Option<u64>, StoreError> {
        let Some(raw) = self.backend.get(&program_key(id))? else {
            return Ok(None);
        };
        match stored_head(&raw) {
            Ok(revision) => Ok(Some(revision)),
            Err(StoreError::ReadOnly { .. }) => Ok(Some(revision_of(&raw).unwrap_or(0))),
            Err(e) => Err(e),
        }
    }

    /// Re-reads every stored program (after a `storage` event or on focus). If storage
    /// cannot be listed, the previous list is kept.
    pub fn reload(&mut self) {
        if let Ok(cache) = read_all(self.backend.as_ref()) {
            self.cache = cache;
        }
    }

    /// Re-reads one program's entry (after a `storage` event for its key): cheaper than
    /// [`Library::reload`] when another tab autosaves while the user types there.
    pub fn reload_program(&mut self, id: &ProgramId) {
        let key = program_key(id);
        match self.backend.get(&key) {
            Ok(Some(raw)) => {
                let entry = read_entry(&key, raw);
                self.cache.insert(key, entry);
            }
            Ok(None) => {
                self.cache.remove(&key);
            }
            Err(_) => {}
        }
    }

    /// A program id that no stored program uses, like `prog-k3x9a1`. `seed` supplies the
    /// randomness (the browser passes random bits mixed with the time), so the core needs no
    /// clock or random source.
    pub fn fresh_id(&self, seed: u64) -> ProgramId {
        let mut taken: BTreeSet<String> = self.cache.keys().cloned().collect();
        if let Ok(keys) = self.backend.keys() {
            taken.extend(keys);
        }
        // SplitMix64 never repeats, so among `taken.len() + 1` candidates one is free.
        let mut x = seed;
        for _ in 0..=taken.len() {
            let id = ProgramId(format!("prog-{}", base36(x)));
            if !taken.contains(&program_key(&id)) {
                return id;
            }
            x = splitmix(x);
        }
        ProgramId(format!("prog-{}-{}", base36(seed), taken.len()))
    }

    /// Whether a program with this id is stored (readable or not), read afresh.
    pub fn contains(&self, id: &ProgramId) -> bool {
        let key = program_key(id);
        self.cache.contains_key(&key) || matches!(self.backend.get(&key), Ok(Some(_)))
    }

    /// Imports a program file as a new program of the library.
    ///
    /// If the library already has a program with the file's id (the same file imported
    /// twice, bad input 27), the program gets a fresh id from `seed` and " (imported)" after
    /// its name: nothing is duplicated into or written over the existing program.
    ///
    /// # Errors
    /// When the file cannot be read or the program cannot be stored; the library is then
    /// exactly as it was (bad input 28).
    pub fn import_new(
        &mut self,
        bytes: &[u8],
        now: &str,
        seed: u64,
    ) -> Result<ImportedToLibrary, LibraryImportError> {
        let imported = import_program(bytes)?;
        let mut program = imported.program;
        let new_id = self.contains(&program.id);
        if new_id {
            program.id = self.fresh_id(seed);
            program.name = imported_name(&program.name);
        }
        let revision = self.create(&program, now)?;
        Ok(ImportedToLibrary {
            id: program.id,
            name: program.name,
            new_id,
            repairs: imported.repairs,
            revision,
        })
    }
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("persistent", &self.backend.is_persistent())
            .field("keys", &self.cache.keys().collect::<Vec<_>>())
            .finish()
    }
}
