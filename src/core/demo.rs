//! The demo program a first visit can open (filled in by the demo work).

use crate::core::model::{Program, ProgramId};

/// The demo program.
pub fn demo_program(id: ProgramId) -> Program {
    Program::new(id, "Demo")
}
