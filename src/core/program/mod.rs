//! The program: its model, set-up (questions, skills, goals, milestones), the purpose
//! templates, the demo program and the invariants every program keeps.

pub mod demo;
pub mod ids;
pub mod model;
pub mod setup;
pub mod templates;
pub mod validate;
