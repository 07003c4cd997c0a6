//! Autosave of the open program (wasm32 only): a [`Debounce`] driven by a browser timer,
//! flushed when the page is hidden or left.
//!
//! Edits call [`Autosave::changed`] with the program as it now is; the latest snapshot is
//! written ~300 ms after the last edit (at most 2 s after the first unwritten one), and at
//! once when the tab is hidden (`visibilitychange`) or the page is left (`pagehide`) (bad
//! input 40). Every write goes through [`Library::save`], which refuses to write over
//! another tab's newer revision, a removed program, unreadable data or a newer version; the
//! autosave then stops writing until [`Autosave::adopt`] (bad inputs 36-39). A full storage
//! or any other failure keeps the snapshot and is retried on the next change or flush (bad
//! input 35).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::VisibilityState;

use super::web::{now_rfc3339, Listener};
use super::{Debounce, Library, StoreError};
use crate::core::model::{Program, ProgramId};

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved {
        /// The stored revision.
        revision: u64,
        /// When (RFC 3339; empty if unknown).
        at: String,
    },
    /// An edit waits for the debounce.
    Pending,
    /// Being written.
    Saving,
    /// The last write failed; the edit is kept and retried on the next change or flush.
    /// [`StoreError::Missing`] (another tab removed the program) and
    /// [`StoreError::Corrupt`] stop autosave until [`Autosave::adopt`].
    Failed(StoreError),
    /// Another tab saved a newer revision: autosave stopped, nothing was overwritten.
    Conflict {
        /// The revision now stored.
        stored: u64,
    },
    /// Saved by a newer MentorKit: never written.
    ReadOnly,
    /// Kept in memory only (storage unavailable): lost when the tab closes.
    MemoryOnly,
}

/// The mutable part, never borrowed across a callback.
struct Core {
    debounce: Debounce,
    /// The latest unwritten program, if any.
    snapshot: Option<Program>,
    revision: u64,
    /// Set when the stored program must not be written (conflict, removed, unreadable,
    /// newer version) until [`Autosave::adopt`].
    blocked: bool,
    /// The last state reported, so a burst of edits reports `Pending` once.
    last: Option<SaveState>,
}

struct Timer {
    handle: Option<i32>,
    callback: Option<Closure<dyn FnMut()>>,
}

struct Inner {
    library: Rc<RefCell<Library>>,
    id: ProgramId,
    core: RefCell<Core>,
    timer: RefCell<Timer>,
    on_state: Box<dyn Fn(SaveState)>,
    listeners: RefCell<Vec<Listener>>,
}

/// Debounced autosave of one program. Clones share the same state; the page listeners
/// and timer go away (after a last flush) when the last clone is dropped.
#[derive(Clone)]
pub struct Autosave {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Autosave {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosave")
            .field("id", &self.inner.id)
            .field("revision", &self.revision())
            .finish()
    }
}

/// Milliseconds on the page's monotonic clock: a debounce measured with the wall clock would
/// stall while the system clock is set back (or frozen, as tests of dated flows do).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

impl Inner {
    fn report(&self, state: SaveState) {
        {
            let mut core = self.core.borrow_mut();
            if core.last.as_ref() == Some(&state) {
                return;
            }
            core.last = Some(state.clone());
        }
        (self.on_state)(state);
    }

    fn cancel_timer(&self) {
        let handle = self.timer.borrow_mut().handle.take();
        if let (Some(handle), Some(window)) = (handle, web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }

    fn arm(&self, delay_ms: f64) {
        self.cancel_timer();
        let Some(window) = web_sys::window() else {
            return;
        };
        let mut timer = self.timer.borrow_mut();
        let Some(callback) = timer.callback.as_ref() else {
            return;
        };
        let delay = delay_ms.clamp(0.0, 60_000.0).ceil() as i32;
        timer.handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                delay,
            )
            .ok();
    }

    fn on_timer(&self) {
        self.timer.borrow_mut().handle = None;
        let now = now_ms();
        let deadline = {
            let core = self.core.borrow();
            if core.debounce.is_due(now) {
                None
            } else {
                core.debounce.deadline()
            }
        };
        match deadline {
            Some(deadline) => self.arm(deadline - now),
            None => self.write(),
        }
    }

    fn changed(&self, program: &Program) {
        let now = now_ms();
        let (blocked, deadline) = {
            let mut core = self.core.borrow_mut();
            core.snapshot = Some(program.clone());
            if core.blocked {
                (true, now)
            } else {
                (false, core.debounce.change(now))
            }
        };
        if !blocked {
            self.arm(deadline - now);
            self.report(SaveState::Pending);
        }
    }

    /// Writes the snapshot now, if there is one and writing is allowed.
    fn write(&self) {
        self.cancel_timer();
        let (program, base) = {
            let mut core = self.core.borrow_mut();
            if core.blocked {
                return;
            }
            core.debounce.take();
            match core.snapshot.take() {
                Some(program) => (program, core.revision),
                None => return,
            }
        };
        self.report(SaveState::Saving);
        let at = now_rfc3339();
        let (result, persistent) = match self.library.try_borrow_mut() {
            Ok(mut library) => (library.save(&program, base, &at), library.is_persistent()),
            Err(_) => {
                // The library is in use further up the stack: try again shortly.
                let deadline = {
                    let mut core = self.core.borrow_mut();
                    core.snapshot = Some(program);
                    core.debounce.change(now_ms())
                };
                self.arm(deadline - now_ms());
                return;
            }
        };
        let state = {
            let mut core = self.core.borrow_mut();
            match result {
                Ok(revision) => {
                    core.revision = revision;
                    if persistent {
                        SaveState::Saved { revision, at }
                    } else {
                        SaveState::MemoryOnly
                    }
                }
                Err(error) => {
                    // Keep the edit: retried on the next change or flush, or kept for
                    // "keep as a copy" when blocked.
                    if core.snapshot.is_none() {
                        core.snapshot = Some(program);
                    }
                    match error {
                        StoreError::Conflict { stored, .. } => {
                            core.blocked = true;
                            SaveState::Conflict { stored }
                        }
                        StoreError::ReadOnly { .. } => {
                            core.blocked = true;
                            SaveState::ReadOnly
                        }
                        e @ (StoreError::Missing | StoreError::Corrupt(_)) => {
                            core.blocked = true;
                            SaveState::Failed(e)
                        }
                        e => SaveState::Failed(e),
                    }
                }
            }
        };
        self.report(state);
    }

    fn flush(&self) {
        let pending = self.core.borrow().snapshot.is_some();
        if pending {
            self.write();
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        // Leaving the program (the session is disposed): write what is pending. No timer
        // may outlive its callback, so a write that has to wait is reported as failed.
        self.cancel_timer();
        self.timer.borrow_mut().callback = None;
        self.flush();
        if self.core.borrow().snapshot.is_some() && !self.core.borrow().blocked {
            self.report(SaveState::Failed(StoreError::Other(
                "the last edit could not be written while closing the program".into(),
            )));
        }
    }
}

impl Autosave {
    /// Starts autosaving program `id`, stored at `revision`, into `library`. `on_state` is
    /// told every change of [`SaveState`]; it must not call back into this autosave
    /// synchronously with a borrow of the library held.
    pub fn new(
        library: Rc<RefCell<Library>>,
        id: ProgramId,
        revision: u64,
        on_state: impl Fn(SaveState) + 'static,
    ) -> Autosave {
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| {
            let timer_weak = weak.clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                if let Some(inner) = timer_weak.upgrade() {
                    inner.on_timer();
                }
            });
            Inner {
                library,
                id,
                core: RefCell::new(Core {
                    debounce: Debounce::default(),
                    snapshot: None,
                    revision,
                    blocked: false,
                    last: None,
                }),
                timer: RefCell::new(Timer {
                    handle: None,
                    callback: Some(callback),
                }),
                on_state: Box::new(on_state),
                listeners: RefCell::new(Vec::new()),
            }
        });
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                let weak = Rc::downgrade(&inner);
                let doc = document.clone();
                listeners.extend(Listener::add(&document, "visibilitychange", move |_| {
                    if doc.visibility_state() == VisibilityState::Hidden {
                        if let Some(inner) = weak.upgrade() {
                            inner.flush();
                        }
                    }
                }));
            }
            let weak = Rc::downgrade(&inner);
            listeners.extend(Listener::add(&window, "pagehide", move |_| {
                if let Some(inner) = weak.upgrade() {
                    inner.flush();
                }
            }));
        }
        *inner.listeners.borrow_mut() = listeners;
        Autosave { inner }
    }

    /// Records the program as it now is and (re)arms the timer. While autosave is stopped
    /// (conflict, removed, read-only), the snapshot is kept but nothing is written.
    pub fn changed(&self, program: &Program) {
        self.inner.changed(program);
    }

    /// Writes the pending snapshot now, if any (also done on `visibilitychange` to hidden
    /// and on `pagehide`).
    pub fn flush(&self) {
        self.inner.flush();
    }

    /// The revision the next save is based on.
    pub fn revision(&self) -> u64 {
        self.inner.core.borrow().revision
    }

    /// Whether an edit is waiting to be written.
    pub fn is_pending(&self) -> bool {
        self.inner.core.borrow().snapshot.is_some()
    }

    /// Continues from `revision` (after loading the other tab's version, or saving the
    /// program again after it was removed): drops the pending snapshot and resumes
    /// autosave. The caller sets the indicator.
    pub fn adopt(&self, revision: u64) {
        self.inner.cancel_timer();
        let mut core = self.inner.core.borrow_mut();
        core.revision = revision;
        core.blocked = false;
        core.snapshot = None;
        core.debounce.take();
        core.last = None;
    }
}
