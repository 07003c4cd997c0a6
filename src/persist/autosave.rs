//! SHIM
use super::*;
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved { revision: u64, at: String },
    Pending,
    Saving,
    Failed(StoreError),
    Conflict { stored: u64 },
    ReadOnly,
    MemoryOnly,
}
#[derive(Clone)]
pub struct Autosave {
    lib: Rc<RefCell<Library>>,
    rev: Rc<RefCell<u64>>,
    cb: Rc<dyn Fn(SaveState)>,
}
impl Autosave {
    pub fn new(
        library: Rc<RefCell<Library>>,
        _id: ProgramId,
        revision: u64,
        on_state: impl Fn(SaveState) + 'static,
    ) -> Autosave {
        Autosave {
            lib: library,
            rev: Rc::new(RefCell::new(revision)),
            cb: Rc::new(on_state),
        }
    }
    pub fn changed(&self, p: &Program) {
        let base = *self.rev.borrow();
        let r = self.lib.borrow_mut().save(p, base, "now");
        match r {
            Ok(n) => {
                *self.rev.borrow_mut() = n;
                (self.cb)(SaveState::Saved {
                    revision: n,
                    at: "now".into(),
                })
            }
            Err(e) => (self.cb)(SaveState::Failed(e)),
        }
    }
    pub fn flush(&self) {}
    pub fn revision(&self) -> u64 {
        *self.rev.borrow()
    }
    pub fn adopt(&self, r: u64) {
        *self.rev.borrow_mut() = r;
    }
}
