#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.
#![cfg(target_arch = "wasm32")]
//! Browser storage in headless Chromium: bad inputs 34-40 against the real localStorage,
//! with other tabs simulated by writing keys directly and dispatching `storage` events.
//!
//! Run with:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test storage_browser`

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use mentorkit::core::exchange::file_format::export_stored;
use mentorkit::core::model::{Person, Program, ProgramId, Role};
use mentorkit::persist::autosave::{Autosave, SaveState};
use mentorkit::persist::web::{
    now_rfc3339, open_browser_library, request_persistence, storage_space, watch_storage,
    LocalStorageBackend, StorageChange, StorageStatus,
};
use mentorkit::persist::{program_key, Backend, Entry, Library, StoreError};

wasm_bindgen_test_configure!(run_in_browser);

// --- helpers -------------------------------------------------------------------------

fn window() -> web_sys::Window {
    web_sys::window().expect("window")
}

fn local() -> web_sys::Storage {
    window().local_storage().expect("access").expect("storage")
}

/// Every test starts from an empty localStorage (tests run one after another in one page).
fn clean() -> web_sys::Storage {
    let storage = local();
    storage.clear().expect("clear");
    storage
}

fn program(id: &str, name: &str, people: usize) -> Program {
    let mut p = Program::new(ProgramId::from(id), name);
    for i in 0..people {
        let pid = p.new_person_id();
        let role = if i % 2 == 0 {
            Role::Mentor
        } else {
            Role::Mentee
        };
        p.people.push(Person::new(pid, format!("Person {i}"), role));
    }
    p
}

fn stored(id: &str) -> Option<String> {
    local()
        .get_item(&program_key(&ProgramId::from(id)))
        .expect("get")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("sleep");
}

/// Replaces a property with a getter for the duration of a test; restores it on drop.
struct Override {
    target: js_sys::Object,
    name: &'static str,
    original: JsValue,
    _getter: Closure<dyn Fn() -> Result<JsValue, JsValue>>,
}

impl Override {
    fn new(
        target: &JsValue,
        name: &'static str,
        getter: impl Fn() -> Result<JsValue, JsValue> + 'static,
    ) -> Override {
        let target: js_sys::Object = target.clone().unchecked_into();
        let original = js_sys::Object::get_own_property_descriptor(&target, &name.into());
        let getter = Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(getter);
        let descriptor = js_sys::Object::new();
        js_sys::Reflect::set(&descriptor, &"get".into(), getter.as_ref()).expect("set get");
        js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE)
            .expect("set configurable");
        let defined = js_sys::Reflect::define_property(&target, &name.into(), &descriptor)
            .expect("defineProperty");
        assert!(defined, "could not override {name}");
        Override {
            target,
            name,
            original,
            _getter: getter,
        }
    }
}

impl Drop for Override {
    fn drop(&mut self) {
        if self.original.is_undefined() {
            let _ = js_sys::Reflect::delete_property(&self.target, &self.name.into());
        } else {
            let _ = js_sys::Reflect::define_property(
                &self.target,
                &self.name.into(),
                self.original.unchecked_ref(),
            );
        }
    }
}

fn js_error(name: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(name);
    e.into()
}

/// Records every state an autosave reports.
fn recorder() -> (Rc<RefCell<Vec<SaveState>>>, impl Fn(SaveState) + 'static) {
    let states = Rc::new(RefCell::new(Vec::new()));
    let sink = states.clone();
    (states, move |s| sink.borrow_mut().push(s))
}

fn last(states: &Rc<RefCell<Vec<SaveState>>>) -> Option<SaveState> {
    states.borrow().last().cloned()
}

/// Another tab's write, as this tab sees it: the key changes and a `storage` event fires.
fn other_tab_writes(key: Option<&str>, new_value: Option<&str>) {
    let storage = local();
    match (key, new_value) {
        (Some(key), Some(value)) => storage.set_item(key, value).expect("set"),
        (Some(key), None) => storage.remove_item(key).expect("remove"),
        (None, _) => storage.clear().expect("clear"),
    }
    let init = web_sys::StorageEventInit::new();
    init.set_key(key);
    init.set_new_value(new_value);
    init.set_storage_area(Some(&storage));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("event");
    window().dispatch_event(&event).expect("dispatch");
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let event = web_sys::Event::new(kind).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

/// A localStorage backend that counts writes.
#[derive(Clone)]
struct Counting {
    inner: LocalStorageBackend,
    sets: Rc<Cell<usize>>,
}

impl Backend for Counting {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.sets.set(self.sets.get() + 1);
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
}

fn shared(library: Library) -> Rc<RefCell<Library>> {
    Rc::new(RefCell::new(library))
}

// --- availability --------------------------------------------------------------------

#[wasm_bindgen_test]
fn local_storage_is_used_when_available() {
    clean();
    let (mut library, status) = open_browser_library();
    assert_eq!(status, StorageStatus::Persistent);
    assert!(library.is_persistent());
    let p = program("prog-a", "Pilot", 2);
    assert_eq!(library.create(&p, &now_rfc3339()), Ok(1));
    assert!(stored("prog-a").is_some_and(|raw| raw.contains("\"revision\":1")));
    assert_eq!(local().get_item("mentorkit:probe").expect("get"), None);
    // A second library (a reload) lists it.
    let (again, _) = open_browser_library();
    assert_eq!(again.entries().len(), 1);
    clean();
}

/// Bad input 34: `window.localStorage` throws (blocked, private mode, file://): the app
/// works in memory, the status says why, nothing panics.
#[wasm_bindgen_test]
fn storage_unavailable_works_in_memory_and_says_so() {
    clean();
    let _blocked = Override::new(&window(), "localStorage", || {
        Err(js_error("SecurityError", "The operation is insecure."))
    });
    assert!(
        window().local_storage().is_err(),
        "the override is in place"
    );
    let (library, status) = open_browser_library();
    let StorageStatus::MemoryOnly { reason } = status else {
        panic!("expected memory only, got {status:?}");
    };
    assert!(reason.contains("refused"), "{reason}");
    assert!(!library.is_persistent());

    let library = shared(library);
    let mut p = program("prog-mem", "In memory", 1);
    assert_eq!(library.borrow_mut().create(&p, &now_rfc3339()), Ok(1));
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);
    p.name = "Edited in memory".into();
    autosave.changed(&p);
    autosave.flush();
    assert_eq!(last(&states), Some(SaveState::MemoryOnly));
    assert_eq!(autosave.revision(), 2);
    assert_eq!(
        library.borrow().load(&p.id).expect("load").program.name,
        "Edited in memory"
    );
    request_persistence();
    drop(_blocked);
    assert_eq!(stored("prog-mem"), None, "nothing reached localStorage");
}

/// Bad input 34: `window.localStorage` is null.
#[wasm_bindgen_test]
fn storage_missing_works_in_memory() {
    let _missing = Override::new(&window(), "localStorage", || Ok(JsValue::NULL));
    let (library, status) = open_browser_library();
    assert!(
        matches!(status, StorageStatus::MemoryOnly { .. }),
        "{status:?}"
    );
    assert!(library.entries().is_empty());
}

/// Bad input 34: storage exists but refuses every write while empty (old Safari private
/// mode throws QuotaExceededError with a quota of 0).
#[wasm_bindgen_test]
fn storage_refusing_every_write_works_in_memory() {
    let fake = js_sys::Object::new();
    let refuse = Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(|| {
        Err(js_error(
            "QuotaExceededError",
            "The quota has been exceeded.",
        ))
    });
    let nothing = Closure::<dyn Fn() -> JsValue>::new(|| JsValue::NULL);
    for (name, f) in [
        ("setItem", refuse.as_ref()),
        ("removeItem", nothing.as_ref()),
        ("getItem", nothing.as_ref()),
        ("key", nothing.as_ref()),
    ] {
        js_sys::Reflect::set(&fake, &name.into(), f).expect("set");
    }
    js_sys::Reflect::set(&fake, &"length".into(), &0.into()).expect("set");
    let fake: JsValue = fake.into();
    let _private = Override::new(&window(), "localStorage", move || Ok(fake.clone()));
    let (_, status) = open_browser_library();
    let StorageStatus::MemoryOnly { reason } = status else {
        panic!("expected memory only, got {status:?}");
    };
    assert!(reason.contains("private"), "{reason}");
}

#[wasm_bindgen_test]
fn persistence_request_never_panics_even_without_the_storage_manager() {
    request_persistence();
    let _gone = Override::new(&window().navigator(), "storage", || Ok(JsValue::UNDEFINED));
    request_persistence();
    let _throws = Override::new(&window().navigator(), "storage", || {
        Err(js_error("TypeError", "no"))
    });
    request_persistence();
    let now = now_rfc3339();
    assert!(now.ends_with('Z') && now.len() == 24, "{now}");
}

// --- quota ---------------------------------------------------------------------------

/// Fills localStorage with junk until not one more character fits; returns the junk keys.
fn fill_storage(storage: &web_sys::Storage) -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 1 {
        let key = format!("junk-{}", keys.len());
        if storage.set_item(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

/// Bad input 35: storage full -> error state, the last good save intact, retried on the
/// next change.
#[wasm_bindgen_test]
fn quota_exceeded_keeps_the_last_good_save_and_retries_on_the_next_change() {
    let storage = clean();
    let library = shared(open_browser_library().0);
    let mut p = program("prog-q", "Quota", 2);
    library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("create");
    let good = stored("prog-q").expect("stored");
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);

    let junk = fill_storage(&storage);
    assert!(!junk.is_empty());
    for i in 0..20 {
        let pid = p.new_person_id();
        p.people
            .push(Person::new(pid, format!("New {i}"), Role::Mentee));
    }
    autosave.changed(&p);
    autosave.flush();
    assert_eq!(
        last(&states),
        Some(SaveState::Failed(StoreError::QuotaExceeded))
    );
    assert_eq!(
        stored("prog-q"),
        Some(good.clone()),
        "last good save intact"
    );
    assert!(autosave.is_pending(), "the edit is kept for the retry");
    assert_eq!(autosave.revision(), 1);

    for key in &junk {
        storage.remove_item(key).expect("remove");
    }
    p.name = "Quota, after cleaning up".into();
    autosave.changed(&p);
    autosave.flush();
    assert!(
        matches!(last(&states), Some(SaveState::Saved { revision: 2, .. })),
        "{:?}",
        states.borrow()
    );
    let loaded = library.borrow().load(&p.id).expect("load");
    assert_eq!(loaded.program, p);
    clean();
}

// --- corrupt and newer data ----------------------------------------------------------

/// Bad input 36: garbage under our key: listed with its raw text (downloadable), never
/// autosaved over; the rest of the library loads.
#[wasm_bindgen_test]
fn corrupt_data_is_kept_offered_and_never_autosaved_over() {
    let storage = clean();
    let good = program("prog-good", "Good", 3);
    storage
        .set_item(
            &program_key(&good.id),
            &export_stored(&good, &now_rfc3339(), 5).expect("export"),
        )
        .expect("set");
    storage
        .set_item("mentorkit:program:prog-bad", "{")
        .expect("set");
    let (library, status) = open_browser_library();
    assert_eq!(status, StorageStatus::Persistent);
    let entries = library.entries();
    assert_eq!(entries.len(), 2);
    assert!(matches!(&entries[0], Entry::Ready { summary, .. } if summary.id == good.id));
    match &entries[1] {
        Entry::Corrupt { key, raw, error } => {
            assert_eq!(key, "mentorkit:program:prog-bad");
            assert_eq!(raw, "{");
            assert!(!error.is_empty());
        }
        other => panic!("expected the corrupt entry, got {other:?}"),
    }
    assert_eq!(
        library.raw("mentorkit:program:prog-bad").as_deref(),
        Some("{")
    );
    assert_eq!(library.load(&good.id).expect("load").program, good);

    // An open program whose stored copy becomes unreadable (another tab, a crash) is
    // noticed and never autosaved over.
    let library = shared(library);
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), good.id.clone(), 5, on_state);
    let changes = Rc::new(RefCell::new(Vec::new()));
    let sink = changes.clone();
    let _watcher = watch_storage(move |c| sink.borrow_mut().push(c));
    other_tab_writes(Some(&program_key(&good.id)), Some("\u{0}garbage"));
    assert_eq!(
        changes.borrow().last(),
        Some(&StorageChange::Program {
            id: good.id.clone(),
            revision: Some(0)
        })
    );
    let mut edited = good.clone();
    edited.name = "Edited".into();
    autosave.changed(&edited);
    autosave.flush();
    assert!(
        matches!(
            last(&states),
            Some(SaveState::Failed(StoreError::Corrupt(_)))
        ),
        "{:?}",
        states.borrow()
    );
    assert_eq!(stored("prog-good").as_deref(), Some("\u{0}garbage"));
    assert_eq!(stored("prog-bad").as_deref(), Some("{"));
    clean();
}

/// Bad input 37: data from a newer MentorKit opens read-only and is never written back.
#[wasm_bindgen_test]
fn newer_version_opens_read_only_and_is_never_written_back() {
    let storage = clean();
    let raw = r#"{"format": "mentorkit-program", "version": 99, "revision": 3,
      "program": {"id": "prog-new", "name": "From the future", "warp": true}}"#;
    storage
        .set_item("mentorkit:program:prog-new", raw)
        .expect("set");
    let (library, _) = open_browser_library();
    assert!(matches!(
        &library.entries()[..],
        [Entry::Ready {
            read_only: Some(99),
            ..
        }]
    ));
    let loaded = library.load(&ProgramId::from("prog-new")).expect("load");
    assert_eq!(loaded.read_only, Some(99));

    let library = shared(library);
    let (states, on_state) = recorder();
    let autosave = Autosave::new(
        library,
        loaded.program.id.clone(),
        loaded.revision,
        on_state,
    );
    let mut edited = loaded.program.clone();
    edited.name = "Overwritten?".into();
    autosave.changed(&edited);
    autosave.flush();
    autosave.changed(&edited);
    autosave.flush();
    dispatch(&window(), "pagehide");
    assert_eq!(last(&states), Some(SaveState::ReadOnly));
    assert_eq!(stored("prog-new").as_deref(), Some(raw));
    clean();
}

// --- other tabs ----------------------------------------------------------------------

/// Bad input 38: another tab saves a newer revision: noticed through the `storage` event
/// and on focus, and never overwritten with this tab's stale state.
#[wasm_bindgen_test]
fn another_tab_saving_a_newer_revision_is_noticed_and_never_overwritten() {
    clean();
    let library = shared(open_browser_library().0);
    let p = program("prog-t", "Tabs", 2);
    library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("create");
    let changes = Rc::new(RefCell::new(Vec::new()));
    let sink = changes.clone();
    let watcher = watch_storage(move |c| sink.borrow_mut().push(c));
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);

    let mut theirs = p.clone();
    theirs.name = "Saved in the other tab".into();
    let their_text = export_stored(&theirs, &now_rfc3339(), 2).expect("export");
    let key = program_key(&p.id);
    other_tab_writes(Some(&key), Some(&their_text));
    assert_eq!(
        changes.borrow().last(),
        Some(&StorageChange::Program {
            id: p.id.clone(),
            revision: Some(2)
        })
    );

    // This tab's stale edit is refused, not written.
    let mut ours = p.clone();
    ours.name = "Stale edit".into();
    autosave.changed(&ours);
    autosave.flush();
    assert_eq!(last(&states), Some(SaveState::Conflict { stored: 2 }));
    assert_eq!(stored("prog-t"), Some(their_text.clone()));
    // Further edits and page hiding still write nothing.
    autosave.changed(&ours);
    dispatch(&window(), "pagehide");
    assert_eq!(stored("prog-t"), Some(their_text.clone()));

    // The on-focus check sees it too (a missed event).
    dispatch(&window(), "focus");
    assert_eq!(changes.borrow().last(), Some(&StorageChange::Focus));
    assert_eq!(library.borrow().stored_revision(&p.id), Ok(Some(2)));

    // The user loads the other tab's version: autosave continues from it.
    library.borrow_mut().reload();
    let loaded = library.borrow().load(&p.id).expect("load");
    assert_eq!(loaded.program.name, "Saved in the other tab");
    autosave.adopt(loaded.revision);
    let mut next = loaded.program;
    next.name = "Edited after loading".into();
    autosave.changed(&next);
    autosave.flush();
    assert!(matches!(
        last(&states),
        Some(SaveState::Saved { revision: 3, .. })
    ));

    // Events for other keys and other storage areas are ignored; a dropped watcher hears
    // nothing.
    let before = changes.borrow().len();
    other_tab_writes(Some("another-app"), Some("x"));
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_storage_area(window().session_storage().ok().flatten().as_ref());
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("event");
    window().dispatch_event(&event).expect("dispatch");
    assert_eq!(changes.borrow().len(), before);
    drop(watcher);
    dispatch(&window(), "focus");
    assert_eq!(changes.borrow().len(), before);
    clean();
}

/// Bad input 39: another tab clears storage: noticed, nothing half-written, and saving
/// again is offered (an explicit create) after which autosave continues.
#[wasm_bindgen_test]
fn another_tab_clearing_storage_is_noticed_and_saving_again_works() {
    clean();
    let library = shared(open_browser_library().0);
    let mut p = program("prog-c", "Cleared", 1);
    library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("create");
    let changes = Rc::new(RefCell::new(Vec::new()));
    let sink = changes.clone();
    let _watcher = watch_storage(move |c| sink.borrow_mut().push(c));
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);

    other_tab_writes(None, None);
    assert_eq!(changes.borrow().last(), Some(&StorageChange::Cleared));
    // Removing just this program is reported as a removal.
    other_tab_writes(Some(&program_key(&p.id)), None);
    assert_eq!(
        changes.borrow().last(),
        Some(&StorageChange::Program {
            id: p.id.clone(),
            revision: None
        })
    );

    p.name = "Edited after the clear".into();
    autosave.changed(&p);
    autosave.flush();
    assert_eq!(last(&states), Some(SaveState::Failed(StoreError::Missing)));
    assert_eq!(
        stored("prog-c"),
        None,
        "autosave does not silently re-create it"
    );
    assert_eq!(library.borrow().stored_revision(&p.id), Ok(None));
    library.borrow_mut().reload();
    assert!(library.borrow().entries().is_empty());

    // "Save again": an explicit create, then autosave resumes.
    let revision = library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("save again");
    autosave.adopt(revision);
    p.name = "Edited after saving again".into();
    autosave.changed(&p);
    autosave.flush();
    assert!(matches!(
        last(&states),
        Some(SaveState::Saved { revision: 2, .. })
    ));
    assert_eq!(
        library.borrow().load(&p.id).expect("load").program.name,
        "Edited after saving again"
    );
    clean();
}

// --- autosave timing -----------------------------------------------------------------

/// Bad input 40: 100 edits within about a second, then the tab is hidden: few writes, and
/// the final state is flushed at once.
#[wasm_bindgen_test]
async fn a_hundred_edits_then_hiding_the_tab_make_few_writes_and_flush_the_last() {
    clean();
    let counting = Counting {
        inner: LocalStorageBackend::open().expect("storage"),
        sets: Rc::new(Cell::new(0)),
    };
    let library = shared(Library::open(Box::new(counting.clone())));
    let mut p = program("prog-burst", "Burst", 3);
    library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("create");
    counting.sets.set(0);
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);

    for i in 0..100 {
        p.name = format!("Edit {i}");
        autosave.changed(&p);
        sleep(10).await;
    }
    let during = counting.sets.get();
    let hidden = Override::new(
        &window().document().expect("document"),
        "visibilityState",
        || Ok(JsValue::from_str("hidden")),
    );
    dispatch(&window().document().expect("document"), "visibilitychange");
    drop(hidden);

    let writes = counting.sets.get();
    assert!(writes >= 1, "the final state is written");
    assert!(
        writes <= 3,
        "{writes} writes for 100 edits ({during} before hiding)"
    );
    assert!(!autosave.is_pending());
    let loaded = library.borrow().load(&p.id).expect("load");
    assert_eq!(loaded.program.name, "Edit 99");
    assert_eq!(
        u64::try_from(writes).ok().map(|w| w + 1),
        Some(loaded.revision)
    );
    assert!(matches!(last(&states), Some(SaveState::Saved { .. })));
    // A burst reports Pending once, not a hundred times.
    let pendings = states
        .borrow()
        .iter()
        .filter(|s| **s == SaveState::Pending)
        .count();
    assert!(pendings <= writes, "{pendings} pending reports");
    clean();
}

/// The debounce timer writes on its own ~300 ms after the last edit.
#[wasm_bindgen_test]
async fn an_edit_is_written_by_the_timer_after_the_quiet_time() {
    clean();
    let library = shared(open_browser_library().0);
    let mut p = program("prog-timer", "Timer", 1);
    library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("create");
    let (states, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);
    p.name = "Timed".into();
    autosave.changed(&p);
    assert_eq!(last(&states), Some(SaveState::Pending));
    sleep(100).await;
    assert_eq!(
        library.borrow().stored_revision(&p.id),
        Ok(Some(1)),
        "not yet"
    );
    sleep(400).await;
    assert_eq!(library.borrow().stored_revision(&p.id), Ok(Some(2)));
    assert!(matches!(
        last(&states),
        Some(SaveState::Saved { revision: 2, .. })
    ));
    clean();
}

/// `pagehide` flushes at once; dropping the last autosave clone flushes and removes its
/// listeners.
#[wasm_bindgen_test]
fn pagehide_and_drop_flush_pending_edits() {
    clean();
    let library = shared(open_browser_library().0);
    let mut p = program("prog-hide", "Hide", 1);
    library
        .borrow_mut()
        .create(&p, &now_rfc3339())
        .expect("create");
    let (_, on_state) = recorder();
    let autosave = Autosave::new(library.clone(), p.id.clone(), 1, on_state);
    p.name = "Before leaving".into();
    autosave.changed(&p);
    dispatch(&window(), "pagehide");
    assert_eq!(library.borrow().stored_revision(&p.id), Ok(Some(2)));

    let clone = autosave.clone();
    p.name = "Left the page".into();
    clone.changed(&p);
    drop(autosave);
    assert_eq!(
        library.borrow().stored_revision(&p.id),
        Ok(Some(2)),
        "a clone lives"
    );
    drop(clone);
    assert_eq!(library.borrow().stored_revision(&p.id), Ok(Some(3)));
    assert_eq!(
        library.borrow().load(&p.id).expect("load").program.name,
        "Left the page"
    );
    // No listener is left to fire (and nothing panics).
    dispatch(&window(), "pagehide");
    assert_eq!(library.borrow().stored_revision(&p.id), Ok(Some(3)));
    clean();
}

/// The "This device" figures: MentorKit's own characters in localStorage (other sites' and
/// apps' keys not counted), and the site's usage, quota and persistence as the browser
/// reports them (headless Chromium on 127.0.0.1 is a secure origin, so it does).
#[wasm_bindgen_test]
async fn the_space_figures_count_mentorkit_keys_and_read_the_browser_estimate() {
    let storage = clean();
    assert_eq!(storage_space().await.local_chars, 0);
    let (mut library, _) = open_browser_library();
    let p = program("prog-space", "Space \u{e9}t\u{e9}", 40);
    assert_eq!(library.create(&p, &now_rfc3339()), Ok(1));
    storage
        .set_item("another-app:settings", &"x".repeat(10_000))
        .unwrap();
    let key = program_key(&p.id);
    let value = stored("prog-space").unwrap();
    let expected = (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
    let space = storage_space().await;
    assert_eq!(space.local_chars, expected);
    assert!(space.quota.is_some_and(|q| q > 0), "{space:?}");
    assert!(space.usage.is_some(), "{space:?}");
    assert!(space.persisted.is_some(), "{space:?}");
    let sentences = space.sentences();
    assert!(
        sentences[0].contains("characters of browser storage"),
        "{sentences:?}"
    );
    assert!(
        sentences[1].contains("the browser allows this site"),
        "{sentences:?}"
    );
    clean();
}

/// Bad input 34 on the "This device" card: with localStorage refused or missing the figures
/// still come (MentorKit keeps nothing there), without a panic.
#[wasm_bindgen_test]
async fn the_space_figures_survive_storage_that_is_refused_or_missing() {
    {
        let _blocked = Override::new(&window(), "localStorage", || {
            Err(js_error("SecurityError", "The operation is insecure."))
        });
        assert_eq!(storage_space().await.local_chars, 0);
    }
    let _missing = Override::new(&window(), "localStorage", || Ok(JsValue::NULL));
    let space = storage_space().await;
    assert_eq!(space.local_chars, 0);
    assert!(space.sentences()[0].contains("take 0 characters"));
}
