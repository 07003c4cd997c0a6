//! TEMPORARY SHIM (replaced by the persist branch): contract only.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::core::file_format::{export_stored, import_program, Repair};
use crate::core::model::{Program, ProgramId, Purpose};

#[cfg(target_arch = "wasm32")]
pub mod autosave;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub const KEY_PREFIX: &str = "mentorkit:program:";

pub trait Backend {
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}

#[derive(Clone, Default)]
pub struct MemoryBackend(Rc<RefCell<BTreeMap<String, String>>>);
impl Backend for MemoryBackend {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.0.borrow().keys().cloned().collect())
    }
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    #[error("quota")]
    QuotaExceeded,
    #[error("conflict")]
    Conflict { stored: u64, ours: u64 },
    #[error("missing")]
    Missing,
    #[error("read only")]
    ReadOnly { version: u32 },
    #[error("corrupt {0}")]
    Corrupt(String),
    #[error("invalid {0}")]
    Invalid(String),
    #[error("other {0}")]
    Other(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: ProgramId,
    pub name: String,
    pub purpose: Purpose,
    pub people: usize,
    pub mentors: usize,
    pub mentees: usize,
    pub matches: usize,
    pub revision: u64,
    pub saved_at: String,
}
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Ready {
        summary: Summary,
        read_only: Option<u32>,
    },
    Corrupt {
        key: String,
        raw: String,
        error: String,
    },
}
pub struct Loaded {
    pub program: Program,
    pub revision: u64,
    pub read_only: Option<u32>,
    pub repairs: Vec<Repair>,
}

pub struct Library {
    b: Box<dyn Backend>,
}
impl Library {
    pub fn open(b: Box<dyn Backend>) -> Library {
        Library { b }
    }
    pub fn entries(&self) -> Vec<Entry> {
        let mut v = Vec::new();
        for k in self.b.keys().unwrap_or_default() {
            let Some(raw) = self.b.get(&k).ok().flatten() else {
                continue;
            };
            match import_program(raw.as_bytes()) {
                Ok(i) => {
                    let p = i.program;
                    v.push(Entry::Ready {
                        summary: Summary {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            purpose: p.purpose,
                            people: p.people.len(),
                            mentors: p.mentor_count(),
                            mentees: p.mentee_count(),
                            matches: p.matches.len(),
                            revision: i.revision.unwrap_or(0),
                            saved_at: i.exported_at.unwrap_or_default(),
                        },
                        read_only: None,
                    })
                }
                Err(e) => v.push(Entry::Corrupt {
                    key: k.clone(),
                    raw,
                    error: e.to_string(),
                }),
            }
        }
        v
    }
    pub fn load(&self, id: &ProgramId) -> Result<Loaded, StoreError> {
        let raw = self
            .b
            .get(&format!("{KEY_PREFIX}{id}"))?
            .ok_or(StoreError::Missing)?;
        let i = import_program(raw.as_bytes()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(Loaded {
            program: i.program,
            revision: i.revision.unwrap_or(0),
            read_only: None,
            repairs: i.repairs,
        })
    }
    pub fn create(&mut self, p: &Program, now: &str) -> Result<u64, StoreError> {
        let t = export_stored(p, now, 1).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.b.set(&format!("{KEY_PREFIX}{}", p.id), &t)?;
        Ok(1)
    }
    pub fn save(&mut self, p: &Program, base: u64, now: &str) -> Result<u64, StoreError> {
        let t = export_stored(p, now, base + 1).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.b.set(&format!("{KEY_PREFIX}{}", p.id), &t)?;
        Ok(base + 1)
    }
    pub fn delete(&mut self, id: &ProgramId) -> Result<Option<String>, StoreError> {
        let k = format!("{KEY_PREFIX}{id}");
        let r = self.b.get(&k)?;
        self.b.remove(&k)?;
        Ok(r)
    }
    pub fn restore_raw(&mut self, id: &ProgramId, raw: &str) -> Result<(), StoreError> {
        self.b.set(&format!("{KEY_PREFIX}{id}"), raw)
    }
    pub fn raw(&self, key: &str) -> Option<String> {
        self.b.get(key).ok().flatten()
    }
    pub fn stored_revision(&self, id: &ProgramId) -> Result<Option<u64>, StoreError> {
        Ok(self.load(id).ok().map(|l| l.revision))
    }
    pub fn reload(&mut self) {}
    pub fn fresh_id(&self, seed: u64) -> ProgramId {
        ProgramId(format!("prog-{seed:x}"))
    }
}
