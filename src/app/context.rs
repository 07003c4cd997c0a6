//! The app-wide context: the program library, the route and the notice channel.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::app::browser::{self, download_text, slug};
use crate::app::notices::{NoticeKind, Notices};
use crate::app::route::Route;
use crate::core::exchange::file_format::{export_program, Repair};
use crate::core::model::{Program, ProgramId};
use crate::persist::web::{now_rfc3339, open_browser_library, request_persistence, StorageStatus};
use crate::persist::{Entry, Library, StoreError};

/// Whether programs are being kept in browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageBanner {
    /// localStorage works.
    Saved,
    /// Storage is unavailable: the app works in memory only (bad input 34).
    MemoryOnly(String),
    /// Another tab cleared storage (bad input 39).
    Cleared,
}

/// What the last import (or opening a stored program) repaired, shown on the program's
/// page.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    /// The program it concerns.
    pub program: ProgramId,
    /// The panel's heading ("Imported from pilot.json").
    pub heading: String,
    /// What restore repaired.
    pub repairs: Vec<Repair>,
    /// Whether the program got a new id because the library had it already.
    pub renamed_id: bool,
}

/// Shared app state and actions; `Copy`, provided through context at the root.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// Where the app is (kept in sync with `location.hash`).
    pub route: RwSignal<Route>,
    /// The library's programs (refreshed after every library change).
    pub entries: RwSignal<Vec<Entry>>,
    /// Storage availability.
    pub storage: RwSignal<StorageBanner>,
    /// The notice channel.
    pub notices: Notices,
    /// What the last import repaired.
    pub import_report: RwSignal<Option<ImportReport>>,
    library: StoredValue<Rc<RefCell<Library>>, LocalStorage>,
}

/// The context, from anywhere inside `<App/>`.
///
/// # Panics
/// Only if called outside the app root, which is a programming error caught by any test.
pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

impl AppContext {
    /// Opens the browser library (or the in-memory fallback) and starts following the hash.
    pub fn new() -> AppContext {
        let (library, status) = open_browser_library();
        AppContext::with_library(library, status)
    }

    /// An app on a given library (an in-memory one for component tests of programs larger
    /// than browser storage holds).
    pub fn with_library(library: Library, status: StorageStatus) -> AppContext {
        let storage = RwSignal::new(match status {
            StorageStatus::Persistent => StorageBanner::Saved,
            StorageStatus::MemoryOnly { reason } => StorageBanner::MemoryOnly(reason),
        });
        let listed = library.entries();
        look_for_a_newer_app(&listed);
        let entries = RwSignal::new(listed);
        let route = RwSignal::new(Route::parse(&browser::location_hash()));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(Route::parse(&browser::location_hash()));
        });
        on_cleanup(move || handle.remove());
        AppContext {
            route,
            entries,
            storage,
            notices: Notices::new(),
            import_report: RwSignal::new(None),
            library: StoredValue::new_local(Rc::new(RefCell::new(library))),
        }
    }

    /// The shared library handle (for a program session's autosave).
    pub fn library(&self) -> Rc<RefCell<Library>> {
        self.library.get_value()
    }

    /// Goes to a route (through the hash, so back/forward and reload work).
    pub fn navigate(&self, route: &Route) {
        browser::set_location_hash(&route.to_string());
        self.route.set(route.clone());
    }

    /// Re-reads the library listing.
    pub fn refresh(&self) {
        let lib = self.library();
        let list = lib.borrow().entries();
        look_for_a_newer_app(&list);
        self.entries.set(list);
    }

    /// "Delete everything on this device": removes every MentorKit entry from browser
    /// storage and the offline copy's caches, then shows the empty library. There is no
    /// undo; the dialog offers the exports first and asks for a typed confirmation.
    pub fn delete_everything(&self) {
        let lib = self.library();
        let removed = lib.borrow_mut().delete_everything();
        self.refresh();
        self.import_report.set(None);
        let removed = match removed {
            Ok(n) => n,
            Err(e) => {
                self.notices.error(format!(
                    "Could not delete everything: {e}. The programs still listed are kept."
                ));
                return;
            }
        };
        self.navigate(&Route::Library);
        let notices = self.notices;
        leptos::task::spawn_local(async move {
            match crate::app::offline::delete_caches().await {
                Ok(_) => notices.success(format!(
                    "Deleted everything MentorKit kept on this device ({removed} stored item(s) and the app's offline copy)."
                )),
                Err(e) => notices.error(format!(
                    "Deleted the {removed} stored item(s), but the app's offline copy could not be deleted: {e}."
                )),
            }
        });
    }

    /// Re-reads every stored program (after another tab changed storage).
    pub fn reload(&self) {
        let lib = self.library();
        lib.borrow_mut().reload();
        self.refresh();
    }

    /// A program id no stored program uses.
    pub fn fresh_id(&self) -> ProgramId {
        let lib = self.library();
        let id = lib.borrow().fresh_id(browser::random_seed());
        id
    }

    /// Stores a new program and opens it.
    ///
    /// # Errors
    /// The storage error, also shown as a notice.
    pub fn add_program(&self, program: &Program) -> Result<(), StoreError> {
        let lib = self.library();
        let first = lib.borrow().entries().is_empty();
        let result = lib.borrow_mut().create(program, &now_rfc3339());
        match result {
            Ok(_) => {
                if first {
                    request_persistence();
                }
                self.refresh();
                Ok(())
            }
            Err(e) => {
                self.notices.error(format!(
                    "Could not save \u{201c}{}\u{201d}: {e}",
                    program.name
                ));
                Err(e)
            }
        }
    }

    /// Imports a program file as a new program (bad input 27: never over an existing one).
    /// On any error the library is untouched and the error is shown (bad inputs 1-28).
    pub fn import_file(&self, file_name: &str, bytes: &[u8]) {
        let lib = self.library();
        let first = lib.borrow().entries().is_empty();
        let result = lib
            .borrow_mut()
            .import_new(bytes, &now_rfc3339(), browser::random_seed());
        let imported = match result {
            Ok(imported) => imported,
            Err(e) => {
                self.notices.error(format!(
                    "Could not import {file_name}: {e}. Nothing was changed."
                ));
                return;
            }
        };
        if first {
            request_persistence();
        }
        self.refresh();
        let repairs = imported.repairs.len();
        self.import_report.set(Some(ImportReport {
            program: imported.id.clone(),
            heading: format!("Imported from {file_name}"),
            repairs: imported.repairs,
            renamed_id: imported.new_id,
        }));
        let mut text = format!(
            "Imported \u{201c}{}\u{201d} from {file_name}",
            imported.name
        );
        if repairs > 0 {
            text.push_str(&format!(" with {repairs} repair(s) to review"));
        }
        self.notices.success(text);
        self.navigate(&Route::Program {
            id: imported.id,
            section: crate::app::route::Section::Overview,
        });
    }

    /// Loads a stored program (for export, duplicate, rename).
    fn load(&self, id: &ProgramId) -> Option<(Program, u64)> {
        let lib = self.library();
        let loaded = lib.borrow().load(id);
        match loaded {
            Ok(l) => Some((l.program, l.revision)),
            Err(e) => {
                self.notices
                    .error(format!("Could not open the program: {e}"));
                None
            }
        }
    }

    /// Downloads a program as a program file.
    pub fn export(&self, program: &Program) {
        match export_program(program, &now_rfc3339()) {
            Ok(text) => {
                let name = format!("{}.mentorkit.json", slug(&program.name));
                match download_text(&name, "application/json", &text) {
                    Ok(()) => self.notices.success(format!("Exported {name}")),
                    Err(e) => self.notices.error(e.to_string()),
                }
            }
            Err(e) => self.notices.error(format!("Could not export: {e}")),
        }
    }

    /// Downloads a stored program by id.
    pub fn export_stored(&self, id: &ProgramId) {
        if let Some((program, _)) = self.load(id) {
            self.export(&program);
        }
    }

    /// Stores a copy of a program under a new id and name.
    pub fn duplicate(&self, id: &ProgramId) {
        if let Some((mut program, _)) = self.load(id) {
            program.id = self.fresh_id();
            program.name = format!("Copy of {}", program.name);
            if self.add_program(&program).is_ok() {
                self.notices
                    .success(format!("Created \u{201c}{}\u{201d}", program.name));
            }
        }
    }

    /// Renames a stored program.
    pub fn rename(&self, id: &ProgramId, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            self.notices.error("A program needs a name.");
            return;
        }
        if let Some((mut program, revision)) = self.load(id) {
            program.name = name.to_owned();
            let lib = self.library();
            let result = lib.borrow_mut().save(&program, revision, &now_rfc3339());
            match result {
                Ok(_) => self.refresh(),
                Err(e) => self.notices.error(format!("Could not rename: {e}")),
            }
        }
    }

    /// Deletes a stored program, with an Undo in the notice.
    pub fn delete(&self, id: &ProgramId, name: &str) {
        let lib = self.library();
        let removed = lib.borrow_mut().delete(id);
        match removed {
            Ok(Some(raw)) => {
                self.refresh();
                let this = *self;
                let id = id.clone();
                self.notices.with_action(
                    NoticeKind::Info,
                    format!("Deleted \u{201c}{name}\u{201d}"),
                    "Undo",
                    move || {
                        let lib = this.library();
                        let restored = lib.borrow_mut().restore_raw(&id, &raw);
                        match restored {
                            Ok(()) => this.notices.success("Restored the program"),
                            Err(e) => this.notices.error(format!("Could not restore: {e}")),
                        }
                        this.refresh();
                    },
                );
            }
            Ok(None) => self.refresh(),
            Err(e) => self.notices.error(format!("Could not delete: {e}")),
        }
    }

    /// Downloads the raw text kept under a storage key (for corrupt entries, bad input 36).
    pub fn download_raw(&self, key: &str) {
        let raw = self.library().borrow().raw(key);
        match raw {
            Some(raw) => {
                let name = format!("{}.unreadable.txt", slug(key));
                if let Err(e) = download_text(&name, "text/plain", &raw) {
                    self.notices.error(e.to_string());
                }
            }
            None => self.notices.error("That stored data is gone."),
        }
    }
}

/// Data saved by a newer MentorKit is opened read-only (bad input 70); a newer app may be
/// published, so ask the service worker to look for it (its notice offers Reload).
fn look_for_a_newer_app(entries: &[Entry]) {
    if entries.iter().any(|e| {
        matches!(
            e,
            Entry::Ready {
                read_only: Some(_),
                ..
            }
        )
    }) {
        crate::app::offline::check_for_update();
    }
}

impl Default for AppContext {
    fn default() -> Self {
        Self::new()
    }
}
