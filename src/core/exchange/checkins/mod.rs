//! Importing check-ins and meetings from a form tool's CSV export (Google Forms,
//! Microsoft Forms, Typeform...), in the same steps as the participants import so the
//! wizard and the command-line tool share them:
//!
//! 1. [`crate::core::exchange::csv::sniff`]: decode and split the file;
//! 2. [`auto_map_log`]: guess each column's [`LogTarget`] from its header; the
//!    coordinator may change it or load a mapping file
//!    ([`crate::core::exchange::csv::Mapping::apply_file`]);
//! 3. [`plan_log_import`]: read every row into a [`LogPlan`] (row errors with row
//!    numbers and columns, duplicates) without touching the program;
//! 4. commit [`ImportLog`] on the coordinator's confirmation: one change, one undo.

mod cells;
mod mapping;
mod plan;

pub use cells::{
    detect_order, parse_fit, parse_mode, parse_on_track, parse_rating, parse_when, DateOrder,
};
pub use mapping::{auto_map_log, LogTarget};
pub use plan::{
    plan_log_import, ImportLog, ImportLogError, LogDuplicate, LogDuplicateOf, LogOptions, LogPlan,
    LogSummary, PlannedLog,
};
