//! MentorKit: run workplace mentoring programs in the browser.
//!
//! - [`core`]: the pure program model, validation, program file format, matching and CSV;
//!   plain Rust, shared by the web app and the `mentorkit` command-line tool.
//! - [`persist`]: the one place that touches browser storage (with an in-memory fallback).
//! - [`app`]: state glue between the core, storage and the UI (routes are plain Rust; the
//!   rest is wasm32 only).
//! - `ui` (wasm32 only): the Leptos pages and components; `js` (wasm32 only): browser
//!   errors as text.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod core;
pub mod persist;

#[cfg(target_arch = "wasm32")]
pub mod js;
#[cfg(target_arch = "wasm32")]
pub mod ui;
