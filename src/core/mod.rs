//! The pure core: a mentoring program's data and every rule about it, grouped by domain.
//!
//! - [`program`]: the program itself (model, set-up edits, templates, the demo, validation).
//! - [`people`]: participants (the field catalogue, the person form, bulk edits, the index
//!   behind the participants table, time zones).
//! - [`matching`]: scoring, the matching algorithms, the draft and its edits, suggestions.
//! - [`relationships`]: after publishing: the lifecycle, meetings, check-ins, goals,
//!   agreement, milestones and each relationship's health.
//! - [`exchange`]: what comes in and goes out (the program file, CSV, share links).
//! - [`edit`]: how every change is made, undone and redone (operations, patches, history).
//! - [`workshop`], [`reports`]: the projector deck and the program's figures.
//! - [`model`]: every type a program file holds, defined in its domain and gathered here.
//!
//! Nothing in here may use a web crate (`leptos`, `web_sys`, `gloo`, `wasm_bindgen`): the
//! core is tested natively and shared with the command-line tool.

pub mod date;
pub mod edit;
pub mod exchange;
pub mod limits;
pub mod matching;
pub mod model;
pub mod people;
pub mod program;
pub mod relationships;
pub mod reports;
pub mod workshop;

pub use date::Date;
pub use model::*;
