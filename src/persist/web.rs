//! The browser side of storage (wasm32 only): localStorage behind the [`Backend`] trait,
//! the availability probe, other tabs' changes, persistent-storage requests, how much space
//! the site uses, and the clock.
//!
//! Availability is probed first through web-sys, because gloo-storage panics ("throws") when
//! `window.localStorage` is missing or refused. Once the probe has passed, the handle comes
//! from gloo-storage (`LocalStorage::raw()`) and is kept: its typed `get`/`set` are not used
//! because they JSON-encode values, and a stored program must stay an importable program file.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{EventTarget, Storage, StorageEvent, VisibilityState};

use super::space::Space;
use super::{
    key_program_id, revision_of, Backend, Library, MemoryBackend, StoreError, STORAGE_PREFIX,
};
use crate::core::model::ProgramId;

/// The key the probe writes and removes again.
const PROBE_KEY: &str = "mentorkit:probe";

use crate::js::error_parts as js_error_text;

/// Maps an exception thrown by localStorage to a [`StoreError`].
fn store_error(error: &JsValue) -> StoreError {
    let (name, message) = js_error_text(error);
    // Chromium and Safari: "QuotaExceededError"; old Firefox: "NS_ERROR_DOM_QUOTA_REACHED".
    if name.contains("Quota") || name.contains("QUOTA") {
        StoreError::QuotaExceeded
    } else if name == "SecurityError" || name == "InvalidStateError" {
        StoreError::Unavailable(format!("{name}: {message}"))
    } else if name.is_empty() {
        StoreError::Other(message)
    } else {
        StoreError::Other(format!("{name}: {message}"))
    }
}

/// `window.localStorage` as a [`Backend`], holding the handle the probe checked.
#[derive(Clone, Debug)]
pub struct LocalStorageBackend {
    storage: Storage,
}

impl LocalStorageBackend {
    /// Probes localStorage: the handle must exist and take a test write and removal.
    /// A full storage still counts as available (existing programs can be read; saves will
    /// report [`StoreError::QuotaExceeded`]).
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] saying why (no window, access denied, no storage, or the
    /// test write failed).
    pub fn open() -> Result<LocalStorageBackend, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = match window.local_storage() {
            Ok(Some(storage)) => storage,
            Ok(None) => {
                return Err(StoreError::Unavailable(
                    "this browser offers no localStorage".into(),
                ))
            }
            Err(e) => {
                let (name, message) = js_error_text(&e);
                return Err(StoreError::Unavailable(
                    format!("access to localStorage was refused: {name} {message}")
                        .trim_end()
                        .to_owned(),
                ));
            }
        };
        match storage.set_item(PROBE_KEY, "1") {
            Ok(()) => {}
            Err(e) => match store_error(&e) {
                // A full storage holds our programs: still usable for reading. An empty one
                // that refuses a one-byte write allows nothing (old Safari private mode).
                StoreError::QuotaExceeded if storage.length().is_ok_and(|n| n > 0) => {
                    return Ok(LocalStorageBackend { storage })
                }
                StoreError::QuotaExceeded => {
                    return Err(StoreError::Unavailable(
                        "this browser allows no storage here (private browsing?)".into(),
                    ))
                }
                other => {
                    return Err(StoreError::Unavailable(format!(
                        "a test write to localStorage failed: {other}"
                    )))
                }
            },
        }
        storage.remove_item(PROBE_KEY).map_err(|e| {
            StoreError::Unavailable(format!(
                "a test removal from localStorage failed: {}",
                store_error(&e)
            ))
        })?;
        // Safe now: the probe proved `window.localStorage` is there and usable.
        Ok(LocalStorageBackend {
            storage: <gloo_storage::LocalStorage as gloo_storage::Storage>::raw(),
        })
    }

    /// The underlying handle (for tests).
    pub fn storage(&self) -> &Storage {
        &self.storage
    }
}

impl Backend for LocalStorageBackend {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self.storage.length().map_err(|e| store_error(&e))?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = self.storage.key(i).map_err(|e| store_error(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| store_error(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage
            .set_item(key, value)
            .map_err(|e| store_error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(|e| store_error(&e))
    }
}

/// Whether programs are kept in browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// localStorage works: programs survive closing the tab.
    Persistent,
    /// Storage is unavailable (bad input 34): the library lives in memory and is lost when
    /// the tab closes. Show a "not saved, export your work" banner.
    MemoryOnly {
        /// Why, for the banner.
        reason: String,
    },
}

/// Opens the program library: localStorage if the probe succeeds, otherwise an in-memory
/// library and [`StorageStatus::MemoryOnly`] with the reason. Never panics.
pub fn open_browser_library() -> (Library, StorageStatus) {
    match LocalStorageBackend::open() {
        Ok(backend) => (Library::open(Box::new(backend)), StorageStatus::Persistent),
        Err(e) => (
            Library::open(Box::new(MemoryBackend::new())),
            StorageStatus::MemoryOnly {
                reason: e.to_string(),
            },
        ),
    }
}

/// The page's `navigator.storage`, where the browser has one (secure origins).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    let has_persist = js_sys::Reflect::get(&manager, &JsValue::from_str("persist"))
        .is_ok_and(|f| f.is_function());
    has_persist.then(|| manager.unchecked_into())
}

/// Asks the browser to keep this site's storage under storage pressure
/// (`navigator.storage.persist()`); called when the first program is created. Fire and
/// forget: does nothing where the API is missing (insecure origins, old browsers), and a
/// refusal is ignored.
pub fn request_persistence() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = ask_persistence().await;
    });
}

/// Asks the browser to keep this site's storage under storage pressure, and says whether it
/// will (`None`: the browser has no such request, or it failed).
pub async fn ask_persistence() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Characters of MentorKit's keys and values in localStorage (0 when it cannot be read).
fn local_chars() -> u64 {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return 0;
    };
    let chars = |s: &str| s.encode_utf16().count() as u64;
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(STORAGE_PREFIX))
        .map(|k| chars(&k) + chars(&storage.get_item(&k).ok().flatten().unwrap_or_default()))
        .sum()
}

/// What this site keeps and may keep ([`Space`]): MentorKit's share of localStorage, and
/// what `navigator.storage` says where the browser has it.
pub async fn storage_space() -> Space {
    let mut space = Space {
        local_chars: local_chars(),
        ..Space::default()
    };
    let Some(manager) = storage_manager() else {
        return space;
    };
    let number = |v: &JsValue, field: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(field))
            .ok()
            .and_then(|n| n.as_f64())
            .filter(|n| n.is_finite() && *n >= 0.0)
            .map(|n| n as u64)
    };
    if let Ok(promise) = manager.estimate() {
        if let Ok(estimate) = wasm_bindgen_futures::JsFuture::from(promise).await {
            space.usage = number(&estimate, "usage");
            space.quota = number(&estimate, "quota");
        }
    }
    if let Ok(promise) = manager.persisted() {
        if let Ok(kept) = wasm_bindgen_futures::JsFuture::from(promise).await {
            space.persisted = kept.as_bool();
        }
    }
    space
}

/// The current time as RFC 3339 (UTC, milliseconds), from the JS clock.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// An event listener that removes itself when dropped.
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Adds `f` as a listener of `kind` events on `target`; `None` if the browser refused.
    pub(crate) fn add(
        target: &EventTarget,
        kind: &'static str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        target
            .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target: target.clone(),
            kind,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Something another tab did to storage, or a moment to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageChange {
    /// Another tab wrote or removed a program.
    Program {
        /// Which program.
        id: ProgramId,
        /// The revision now stored; `None` when it was removed. An unreadable new value
        /// reports `Some(0)` (the next save then refuses with [`StoreError::Corrupt`]).
        revision: Option<u64>,
    },
    /// Another tab cleared all of storage (bad input 39).
    Cleared,
    /// The window got focus or became visible: re-check the stored revision (a `storage`
    /// event may have been missed, e.g. while the tab was frozen).
    Focus,
}

/// Watches other tabs; removes its listeners when dropped.
pub struct StorageWatcher {
    _listeners: Vec<Listener>,
}

impl std::fmt::Debug for StorageWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StorageWatcher")
            .field("listeners", &self._listeners.len())
            .finish()
    }
}

/// What a `storage` event means for us, if anything.
fn storage_change(event: &StorageEvent) -> Option<StorageChange> {
    if let (Some(area), Some(Ok(Some(local)))) = (
        event.storage_area(),
        web_sys::window().map(|w| w.local_storage()),
    ) {
        if !js_sys::Object::is(&area, &local) {
            return None; // sessionStorage: not ours.
        }
    }
    let Some(key) = event.key() else {
        return Some(StorageChange::Cleared);
    };
    let id = key_program_id(&key)?;
    let revision = event
        .new_value()
        .map(|value| revision_of(&value).unwrap_or(0));
    Some(StorageChange::Program { id, revision })
}

/// Calls `on_change` when another tab changes storage (the `storage` event, which only
/// fires for other tabs' writes), and with [`StorageChange::Focus`] when the window gets
/// focus or becomes visible again. Drop the watcher to stop.
pub fn watch_storage(on_change: impl Fn(StorageChange) + 'static) -> StorageWatcher {
    let on_change: Rc<dyn Fn(StorageChange)> = Rc::new(on_change);
    let mut listeners = Vec::new();
    let Some(window) = web_sys::window() else {
        return StorageWatcher {
            _listeners: listeners,
        };
    };
    let f = on_change.clone();
    listeners.extend(Listener::add(&window, "storage", move |event| {
        if let Some(change) = event.dyn_ref::<StorageEvent>().and_then(storage_change) {
            f(change);
        }
    }));
    let f = on_change.clone();
    listeners.extend(Listener::add(&window, "focus", move |_| {
        f(StorageChange::Focus)
    }));
    if let Some(document) = window.document() {
        let f = on_change;
        let doc = document.clone();
        listeners.extend(Listener::add(&document, "visibilitychange", move |_| {
            if doc.visibility_state() == VisibilityState::Visible {
                f(StorageChange::Focus);
            }
        }));
    }
    StorageWatcher {
        _listeners: listeners,
    }
}
