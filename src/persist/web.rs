//! SHIM
use super::*;
pub enum StorageStatus {
    Persistent,
    MemoryOnly { reason: String },
}
pub fn open_browser_library() -> (Library, StorageStatus) {
    (
        Library::open(Box::new(MemoryBackend::default())),
        StorageStatus::MemoryOnly {
            reason: "shim".into(),
        },
    )
}
pub fn request_persistence() {}
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
pub struct StorageWatcher;
pub fn watch_storage(_on_change: impl Fn(StorageChange) + 'static) -> StorageWatcher {
    StorageWatcher
}
pub enum StorageChange {
    Program {
        id: ProgramId,
        revision: Option<u64>,
    },
    Cleared,
    Focus,
}
