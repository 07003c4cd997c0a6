//! The pure core: model, validation, program file format, matching, CSV.
//!
//! Nothing in here may use a web crate (`leptos`, `web_sys`, `gloo`, `wasm_bindgen`): the
//! core is tested natively and shared with the command-line tool.

pub mod csv;
pub mod date;
pub mod demo;
pub mod draft;
pub mod file_format;
pub mod history;
pub mod limits;
pub mod matching;
pub mod model;
pub mod people;
pub mod reports;
pub mod scoring;
pub mod setup;
pub mod share;
pub mod suggestions;
pub mod templates;
pub mod timezone;
pub mod validate;
pub mod workshop;

pub use date::Date;
pub use model::*;
