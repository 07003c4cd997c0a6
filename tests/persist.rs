//! Native tests of the program library over the in-memory backend, and of the autosave
//! debounce. The browser side (localStorage, events, timers) is in `storage_browser.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use mentorkit::core::exchange::file_format::{export_program, export_stored, import_program};
use mentorkit::core::model::{Person, Program, ProgramId, Role};
use mentorkit::persist::{
    program_key, revision_of, Backend, Debounce, Entry, Library, LibraryImportError, MemoryBackend,
    StoreError, KEY_PREFIX, STORAGE_PREFIX,
};

const T1: &str = "2026-11-23T10:00:00.000Z";
const T2: &str = "2026-11-23T10:05:00.000Z";
const T3: &str = "2026-11-23T10:10:00.000Z";

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

fn library() -> (Library, MemoryBackend) {
    let store = MemoryBackend::new();
    (Library::open(Box::new(store.clone())), store)
}

/// A backend that counts writes and can be told to fail them.
#[derive(Clone, Default)]
struct Flaky {
    inner: MemoryBackend,
    sets: Rc<Cell<usize>>,
    fail_sets: Rc<RefCell<Option<StoreError>>>,
    fail_keys: Rc<Cell<bool>>,
}

impl Backend for Flaky {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.fail_keys.get() {
            return Err(StoreError::Unavailable("test".into()));
        }
        self.inner.keys()
    }
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(e) = self.fail_sets.borrow().clone() {
            return Err(e);
        }
        self.sets.set(self.sets.get() + 1);
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
}

fn ids(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e {
            Entry::Ready { summary, .. } => summary.id.to_string(),
            Entry::Corrupt { key, .. } => format!("corrupt:{key}"),
        })
        .collect()
}

#[test]
fn create_stores_one_importable_envelope_at_revision_one() {
    let (mut lib, store) = library();
    let p = program("prog-a", "Pilot", 3);
    assert_eq!(lib.create(&p, T1), Ok(1));
    let raw = store.get(&program_key(&p.id)).unwrap().unwrap();
    assert_eq!(raw, export_stored(&p, T1, 1).unwrap());
    // Compact: smaller than the same program exported as a (pretty) file.
    assert!(raw.len() < export_program(&p, T1).unwrap().len());
    assert_eq!(revision_of(&raw), Some(1));
    // The stored value is itself a program file.
    assert_eq!(import_program(raw.as_bytes()).unwrap().program, p);
    let loaded = lib.load(&p.id).unwrap();
    assert_eq!(loaded.program, p);
    assert_eq!(loaded.revision, 1);
    assert_eq!(loaded.read_only, None);
    match &lib.entries()[..] {
        [Entry::Ready {
            summary,
            read_only: None,
        }] => {
            assert_eq!(summary.name, "Pilot");
            assert_eq!(
                (summary.people, summary.mentors, summary.mentees),
                (3, 2, 1)
            );
            assert_eq!(summary.revision, 1);
            assert_eq!(summary.saved_at, T1);
        }
        other => panic!("unexpected entries {other:?}"),
    }
}

#[test]
fn create_refuses_an_id_that_is_already_stored() {
    let (mut lib, store) = library();
    let p = program("prog-a", "Pilot", 1);
    lib.create(&p, T1).unwrap();
    let before = store.snapshot();
    let other = program("prog-a", "Other", 5);
    assert_eq!(
        lib.create(&other, T2),
        Err(StoreError::Conflict { stored: 1, ours: 0 })
    );
    assert_eq!(store.snapshot(), before);
}

#[test]
fn save_writes_the_next_revision_in_one_set_call() {
    let backend = Flaky::default();
    let mut lib = Library::open(Box::new(backend.clone()));
    let mut p = program("prog-a", "Pilot", 1);
    lib.create(&p, T1).unwrap();
    p.name = "Pilot 2".into();
    let sets = backend.sets.get();
    assert_eq!(lib.save(&p, 1, T2), Ok(2));
    assert_eq!(backend.sets.get(), sets + 1);
    assert_eq!(lib.load(&p.id).unwrap().program.name, "Pilot 2");
    assert_eq!(lib.stored_revision(&p.id), Ok(Some(2)));
}

/// Bad input 38: another tab saved a newer revision; a stale save never overwrites it.
#[test]
fn save_refuses_when_another_tab_saved_a_newer_revision() {
    let (mut lib, store) = library();
    let p = program("prog-a", "Pilot", 1);
    lib.create(&p, T1).unwrap();
    // The other tab, sharing the same storage, saves revision 2.
    let mut other_tab = Library::open(Box::new(store.clone()));
    let mut theirs = p.clone();
    theirs.name = "Their edit".into();
    assert_eq!(other_tab.save(&theirs, 1, T2), Ok(2));
    let before = store.snapshot();

    let mut ours = p.clone();
    ours.name = "Stale edit".into();
    assert_eq!(
        lib.save(&ours, 1, T3),
        Err(StoreError::Conflict { stored: 2, ours: 1 })
    );
    assert_eq!(store.snapshot(), before);
    assert_eq!(lib.load(&p.id).unwrap().program.name, "Their edit");
}

/// Bad input 39: another tab removed the program (or cleared storage); saving says so and
/// writes nothing; saving again is an explicit create.
#[test]
fn save_reports_missing_after_another_tab_cleared_storage_and_create_saves_again() {
    let (mut lib, store) = library();
    let p = program("prog-a", "Pilot", 1);
    lib.create(&p, T1).unwrap();
    store.remove(&program_key(&p.id)).unwrap();
    assert_eq!(lib.save(&p, 1, T2), Err(StoreError::Missing));
    assert!(store.snapshot().is_empty());
    assert_eq!(lib.stored_revision(&p.id), Ok(None));
    assert_eq!(lib.create(&p, T2), Ok(1));
    assert_eq!(lib.load(&p.id).unwrap().program, p);
}

/// Bad input 36: garbage under our key is listed with its raw text, never written over,
/// and the rest of the library loads.
#[test]
fn corrupt_data_is_listed_kept_byte_for_byte_and_never_written_over() {
    let store = MemoryBackend::new();
    let good = program("prog-good", "Good", 2);
    store
        .set(
            &program_key(&good.id),
            &export_stored(&good, T1, 4).unwrap(),
        )
        .unwrap();
    for (id, raw) in [
        ("prog-brace", "{"),
        ("prog-garbage", "\u{0}\u{1}garbage \u{fffd}"),
        ("prog-other", "{\"type\": \"excalidraw\"}"),
    ] {
        store.set(&format!("{KEY_PREFIX}{id}"), raw).unwrap();
    }
    store.set("someone-else", "{").unwrap();
    let before = store.snapshot();
    let mut lib = Library::open(Box::new(store.clone()));

    let entries = lib.entries();
    assert_eq!(
        ids(&entries),
        [
            "prog-good",
            "corrupt:mentorkit:program:prog-brace",
            "corrupt:mentorkit:program:prog-garbage",
            "corrupt:mentorkit:program:prog-other",
        ]
    );
    match &entries[1] {
        Entry::Corrupt { raw, error, .. } => {
            assert_eq!(raw, "{");
            assert!(!error.is_empty());
        }
        other => panic!("expected corrupt, got {other:?}"),
    }
    assert_eq!(
        lib.raw("mentorkit:program:prog-garbage").as_deref(),
        Some("\u{0}\u{1}garbage \u{fffd}")
    );
    assert_eq!(lib.load(&good.id).unwrap().revision, 4);

    let bad = ProgramId::from("prog-brace");
    assert!(matches!(lib.load(&bad), Err(StoreError::Corrupt(_))));
    let over = program("prog-brace", "Over", 1);
    assert!(matches!(
        lib.save(&over, 0, T2),
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        lib.save(&over, 1, T2),
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(lib.create(&over, T2), Err(StoreError::Corrupt(_))));
    assert!(matches!(
        lib.stored_revision(&bad),
        Err(StoreError::Corrupt(_))
    ));
    assert_eq!(store.snapshot(), before);
    // A fresh id never lands on an unreadable key.
    assert!(!lib.contains(&lib.fresh_id(0)));
    // Deleting it (after downloading) returns the raw text for undo.
    assert_eq!(lib.delete(&bad), Ok(Some("{".to_owned())));
    assert_eq!(lib.restore_raw(&bad, "{"), Ok(()));
    assert_eq!(store.snapshot(), before);
}

fn newer_envelope(id: &str) -> String {
    format!(
        r#"{{"format": "mentorkit-program", "version": 99, "revision": 7, "exported_at": "{T1}",
  "program": {{"id": "{id}", "name": "From the future", "hologram": {{"x": 1}}}}}}"#
    )
}

/// Bad input 37: a program stored by a newer MentorKit opens read-only and is never
/// written back.
#[test]
fn newer_version_is_listed_read_only_and_never_written_back() {
    let store = MemoryBackend::new();
    let raw = newer_envelope("prog-new");
    store.set("mentorkit:program:prog-new", &raw).unwrap();
    let before = store.snapshot();
    let mut lib = Library::open(Box::new(store.clone()));
    match &lib.entries()[..] {
        [Entry::Ready {
            summary,
            read_only: Some(99),
        }] => {
            assert_eq!(summary.name, "From the future");
            assert_eq!(summary.revision, 7);
        }
        other => panic!("unexpected entries {other:?}"),
    }
    let id = ProgramId::from("prog-new");
    let loaded = lib.load(&id).unwrap();
    assert_eq!(loaded.read_only, Some(99));
    assert_eq!(loaded.revision, 7);
    assert_eq!(
        lib.save(&loaded.program, 7, T2),
        Err(StoreError::ReadOnly { version: 99 })
    );
    assert_eq!(
        lib.create(&loaded.program, T2),
        Err(StoreError::ReadOnly { version: 99 })
    );
    assert_eq!(lib.stored_revision(&id), Ok(Some(7)));
    assert_eq!(store.snapshot(), before);
}

/// Bad input 35 (library level): a full store keeps the last good save.
#[test]
fn quota_exceeded_keeps_the_last_good_save() {
    let backend = Flaky::default();
    let mut lib = Library::open(Box::new(backend.clone()));
    let mut p = program("prog-a", "Pilot", 1);
    lib.create(&p, T1).unwrap();
    let before = backend.inner.snapshot();
    *backend.fail_sets.borrow_mut() = Some(StoreError::QuotaExceeded);
    p.name = "Bigger".into();
    assert_eq!(lib.save(&p, 1, T2), Err(StoreError::QuotaExceeded));
    assert_eq!(backend.inner.snapshot(), before);
    // Space freed: the same base revision saves (the retry).
    *backend.fail_sets.borrow_mut() = None;
    assert_eq!(lib.save(&p, 1, T3), Ok(2));
}

#[test]
fn an_invalid_program_is_refused_before_anything_is_written() {
    let (mut lib, store) = library();
    let mut p = program("prog-a", "Pilot", 2);
    lib.create(&p, T1).unwrap();
    let before = store.snapshot();
    let dup = p.people[0].id.clone();
    p.people[1].id = dup;
    assert!(matches!(lib.save(&p, 1, T2), Err(StoreError::Invalid(_))));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn entries_list_the_most_recently_saved_first() {
    let (mut lib, _) = library();
    lib.create(&program("prog-a", "A", 0), T2).unwrap();
    lib.create(&program("prog-b", "B", 0), T1).unwrap();
    lib.create(&program("prog-c", "C", 0), T3).unwrap();
    assert_eq!(ids(&lib.entries()), ["prog-c", "prog-a", "prog-b"]);
    lib.save(&program("prog-b", "B", 1), 1, "2026-11-23T11:00:00.000Z")
        .unwrap();
    assert_eq!(ids(&lib.entries()), ["prog-b", "prog-c", "prog-a"]);
}

#[test]
fn delete_returns_the_raw_text_and_restore_puts_it_back_byte_for_byte() {
    let (mut lib, store) = library();
    let p = program("prog-a", "Pilot", 2);
    lib.create(&p, T1).unwrap();
    let before = store.snapshot();
    let raw = lib.delete(&p.id).unwrap().unwrap();
    assert!(lib.entries().is_empty());
    assert_eq!(lib.delete(&p.id), Ok(None));
    lib.restore_raw(&p.id, &raw).unwrap();
    assert_eq!(store.snapshot(), before);
    assert_eq!(ids(&lib.entries()), ["prog-a"]);
}

#[test]
fn restore_refuses_when_the_id_was_stored_again_meanwhile() {
    let (mut lib, store) = library();
    let p = program("prog-a", "Pilot", 2);
    lib.create(&p, T1).unwrap();
    let raw = lib.delete(&p.id).unwrap().unwrap();
    lib.create(&program("prog-a", "New", 0), T2).unwrap();
    let before = store.snapshot();
    assert_eq!(
        lib.restore_raw(&p.id, &raw),
        Err(StoreError::Conflict { stored: 1, ours: 0 })
    );
    assert_eq!(store.snapshot(), before);
}

#[test]
fn reload_sees_what_another_tab_wrote_and_removed() {
    let (mut lib, store) = library();
    lib.create(&program("prog-a", "A", 0), T1).unwrap();
    let mut other_tab = Library::open(Box::new(store.clone()));
    other_tab.create(&program("prog-b", "B", 0), T2).unwrap();
    other_tab.delete(&ProgramId::from("prog-a")).unwrap();
    assert_eq!(ids(&lib.entries()), ["prog-a"]);
    lib.reload();
    assert_eq!(ids(&lib.entries()), ["prog-b"]);
}

#[test]
fn reload_program_refreshes_one_entry() {
    let (mut lib, store) = library();
    lib.create(&program("prog-a", "A", 0), T1).unwrap();
    let mut other_tab = Library::open(Box::new(store.clone()));
    other_tab
        .save(&program("prog-a", "A renamed", 0), 1, T2)
        .unwrap();
    other_tab.create(&program("prog-b", "B", 0), T2).unwrap();
    lib.reload_program(&ProgramId::from("prog-a"));
    match &lib.entries()[..] {
        [Entry::Ready { summary, .. }] => {
            assert_eq!((summary.name.as_str(), summary.revision), ("A renamed", 2))
        }
        other => panic!("unexpected entries {other:?}"),
    }
    store.set("mentorkit:program:prog-a", "{").unwrap();
    lib.reload_program(&ProgramId::from("prog-a"));
    assert!(matches!(&lib.entries()[..], [Entry::Corrupt { raw, .. }] if raw == "{"));
    other_tab.delete(&ProgramId::from("prog-a")).unwrap();
    lib.reload_program(&ProgramId::from("prog-a"));
    assert!(lib.entries().is_empty());
}

#[test]
fn a_store_that_cannot_list_keys_opens_empty_without_panicking() {
    let backend = Flaky::default();
    backend.fail_keys.set(true);
    let mut lib = Library::open(Box::new(backend.clone()));
    assert!(lib.entries().is_empty());
    lib.reload();
    assert!(lib.entries().is_empty());
    // Ids are still fresh, and writes still work.
    let id = lib.fresh_id(42);
    assert!(id.as_str().starts_with("prog-"));
    assert_eq!(lib.create(&program(id.as_str(), "X", 0), T1), Ok(1));
}

#[test]
fn fresh_ids_avoid_every_stored_key() {
    let (mut lib, store) = library();
    let first = lib.fresh_id(7);
    assert_eq!(first, lib.fresh_id(7), "same seed, same free id");
    lib.create(&program(first.as_str(), "A", 0), T1).unwrap();
    let second = lib.fresh_id(7);
    assert_ne!(second, first);
    // Even a key written behind the library's back is avoided.
    store.set(&program_key(&second), "{").unwrap();
    let third = lib.fresh_id(7);
    assert!(third != first && third != second);
    assert!(third.as_str().starts_with("prog-"));
}

/// Text with spaces, escapes, quotes and newlines survives the stored form exactly.
#[test]
fn the_stored_form_drops_whitespace_between_tokens_only() {
    let (mut lib, store) = library();
    let mut p = program("prog-ws", "  Spaced \"quoted\" \\ name\n\t ", 1);
    p.people[0].bio = "line one\n  line two\r\n\u{202e}rtl \u{1f600} {\"json\": [1, 2]}".into();
    lib.create(&p, T1).unwrap();
    let raw = store.get(&program_key(&p.id)).unwrap().unwrap();
    assert!(
        !raw.contains('\n'),
        "no raw newlines: they are escaped inside strings"
    );
    assert_eq!(lib.load(&p.id).unwrap().program, p);
}

#[test]
fn revision_of_reads_the_envelope_head_only() {
    assert_eq!(revision_of(&newer_envelope("x")), Some(7));
    assert_eq!(revision_of("{"), None);
    assert_eq!(revision_of("[]"), None);
    let p = program("prog-a", "A", 0);
    assert_eq!(revision_of(&export_program(&p, T1).unwrap()), Some(0));
}

/// Bad input 27: importing the same file twice makes a second program with a fresh id;
/// the first is neither duplicated into nor overwritten.
#[test]
fn importing_the_same_file_twice_makes_a_new_program_with_a_fresh_id() {
    let (mut lib, store) = library();
    let file = export_program(&program("prog-file", "Shared", 4), T1).unwrap();

    let first = lib.import_new(file.as_bytes(), T2, 1).unwrap();
    assert_eq!(first.id, ProgramId::from("prog-file"));
    assert!(!first.new_id);
    assert_eq!(first.revision, 1);
    let stored_first = store.get(&program_key(&first.id)).unwrap();

    let second = lib.import_new(file.as_bytes(), T3, 1).unwrap();
    assert!(second.new_id);
    assert_ne!(second.id, first.id);
    assert_eq!(second.name, "Shared (imported)");
    assert_eq!(store.get(&program_key(&first.id)).unwrap(), stored_first);

    assert_eq!(lib.entries().len(), 2);
    let a = lib.load(&first.id).unwrap().program;
    let b = lib.load(&second.id).unwrap().program;
    assert_eq!(a.people.len(), 4);
    assert_eq!(b.people.len(), 4);
    assert_eq!(b.id, second.id);
}

#[test]
fn a_second_import_of_a_long_name_stays_within_the_name_limit() {
    let (mut lib, _) = library();
    let long = "n".repeat(mentorkit::core::limits::MAX_SHORT_TEXT);
    let file = export_program(&program("prog-long", &long, 0), T1).unwrap();
    lib.import_new(file.as_bytes(), T2, 1).unwrap();
    let second = lib.import_new(file.as_bytes(), T2, 2).unwrap();
    assert!(second.name.ends_with(" (imported)"));
    assert_eq!(
        second.name.chars().count(),
        mentorkit::core::limits::MAX_SHORT_TEXT
    );
}

/// Bad input 28: an import that fails (unreadable file, or storage refusing the write)
/// leaves the library byte-identical.
#[test]
fn a_failed_import_leaves_the_library_byte_identical() {
    let backend = Flaky::default();
    let mut lib = Library::open(Box::new(backend.clone()));
    lib.create(&program("prog-a", "A", 3), T1).unwrap();
    let before = backend.inner.snapshot();
    let entries = lib.entries();

    let truncated = export_program(&program("prog-b", "B", 3), T1).unwrap();
    let truncated = &truncated[..truncated.len() / 2];
    for bad in [
        &b""[..],
        b"not json",
        truncated.as_bytes(),
        br#"{"format":"mentorkit-program","version":99,"program":{}}"#,
    ] {
        assert!(matches!(
            lib.import_new(bad, T2, 9),
            Err(LibraryImportError::File(_))
        ));
        assert_eq!(backend.inner.snapshot(), before);
        assert_eq!(lib.entries(), entries);
    }

    *backend.fail_sets.borrow_mut() = Some(StoreError::QuotaExceeded);
    let good = export_program(&program("prog-b", "B", 3), T1).unwrap();
    assert_eq!(
        lib.import_new(good.as_bytes(), T2, 9),
        Err(LibraryImportError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(backend.inner.snapshot(), before);
    assert_eq!(lib.entries(), entries);
}

#[test]
fn memory_backend_clones_share_one_map_and_report_not_persistent() {
    let a = MemoryBackend::new();
    let b = a.clone();
    a.set("k", "v").unwrap();
    assert_eq!(b.get("k").unwrap().as_deref(), Some("v"));
    assert_eq!(
        b.snapshot(),
        BTreeMap::from([("k".to_owned(), "v".to_owned())])
    );
    assert!(!Library::open(Box::new(a)).is_persistent());
}

// --- Debounce ----------------------------------------------------------------------

/// Runs a debounce against a list of change times, checking for due writes every
/// millisecond; returns when writes happened.
fn simulate(debounce: &mut Debounce, changes: &[f64], until: f64) -> Vec<f64> {
    let mut writes = Vec::new();
    let mut next = 0;
    let mut t = 0.0;
    while t <= until {
        while next < changes.len() && changes[next] <= t {
            debounce.change(changes[next]);
            next += 1;
        }
        if debounce.is_due(t) {
            debounce.take();
            writes.push(t);
        }
        t += 1.0;
    }
    writes
}

/// Bad input 40 (timing): 100 edits in a second make few writes, and the last edit is
/// written 300 ms after it.
#[test]
fn a_hundred_edits_in_a_second_make_few_writes() {
    let mut d = Debounce::default();
    let changes: Vec<f64> = (0..100).map(|i| f64::from(i) * 10.0).collect();
    let writes = simulate(&mut d, &changes, 5_000.0);
    assert_eq!(writes, [990.0 + 300.0]);
    assert!(!d.is_pending());
}

#[test]
fn continuous_edits_are_written_at_least_every_max_wait() {
    let mut d = Debounce::new(300.0, 2_000.0);
    let changes: Vec<f64> = (0..500).map(|i| f64::from(i) * 10.0).collect(); // 5 s of typing
    let writes = simulate(&mut d, &changes, 10_000.0);
    assert_eq!(writes, [2_000.0, 4_010.0, 4_990.0 + 300.0]);
}

#[test]
fn debounce_deadline_moves_with_each_change_and_clears_on_take() {
    let mut d = Debounce::new(300.0, 1_000.0);
    assert_eq!(d.deadline(), None);
    assert!(!d.take());
    assert_eq!(d.change(0.0), 300.0);
    assert_eq!(d.change(200.0), 500.0);
    assert_eq!(d.change(900.0), 1_000.0, "capped by max wait");
    assert!(!d.is_due(999.0));
    assert!(d.is_due(1_000.0));
    assert!(d.take());
    assert_eq!(d.deadline(), None);
    assert_eq!(Debounce::new(300.0, 10.0).max_wait(), 300.0);
}

/// "Delete everything on this device": every MentorKit key goes (programs, unreadable and
/// newer-version entries, the probe), other apps' keys on the same site stay, and the
/// library is empty afterwards.
#[test]
fn delete_everything_removes_every_mentorkit_key_and_nothing_else() {
    let (mut lib, store) = library();
    lib.create(&program("prog-a", "A", 3), T1).unwrap();
    lib.create(&program("prog-b", "B", 1), T2).unwrap();
    store.set(&format!("{KEY_PREFIX}broken"), "{").unwrap();
    store
        .set(&format!("{KEY_PREFIX}newer"), &newer_envelope("newer"))
        .unwrap();
    store.set("mentorkit:probe", "1").unwrap();
    store
        .set("another-app:settings", "{\"keep\":true}")
        .unwrap();
    store.set("mentorkitchen", "not ours either").unwrap();
    lib.reload();
    assert_eq!(lib.entries().len(), 4);

    assert_eq!(lib.delete_everything().unwrap(), 5);

    assert!(lib.entries().is_empty());
    let left = store.snapshot();
    assert!(
        left.keys().all(|k| !k.starts_with(STORAGE_PREFIX)),
        "{left:?}"
    );
    assert_eq!(
        left.keys().cloned().collect::<Vec<_>>(),
        ["another-app:settings", "mentorkitchen"]
    );
    // The app starts fresh: a new program can be created under a previously used id.
    lib.create(&program("prog-a", "A again", 0), T3).unwrap();
    assert_eq!(ids(&lib.entries()), ["prog-a"]);
}

/// A storage failure half way: what was removed stays removed, the error is reported, and
/// the list shows what is left (never a stale list of deleted programs).
#[test]
fn delete_everything_reports_a_storage_failure_and_lists_what_is_left() {
    let flaky = Flaky::default();
    let mut lib = Library::open(Box::new(flaky.clone()));
    lib.create(&program("prog-a", "A", 1), T1).unwrap();
    flaky.fail_keys.set(true);
    assert!(matches!(
        lib.delete_everything(),
        Err(StoreError::Unavailable(_))
    ));
    assert_eq!(ids(&lib.entries()), ["prog-a"], "nothing was removed");
    flaky.fail_keys.set(false);
    assert_eq!(lib.delete_everything().unwrap(), 1);
    assert!(lib.entries().is_empty());
}
