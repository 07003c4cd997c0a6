//! State glue between the core, storage and the UI.
//!
//! [`route`] and [`matching`]'s worker protocol are plain Rust (tested natively); everything else talks to the browser and only
//! exists on wasm32: [`AppContext`] (the library, routes, notices: shared through context as a
//! small `Copy` struct) and [`session::Session`] (the open program and its autosave).

pub mod matching;
pub mod route;
pub mod sparkline;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
mod context;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod offline;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod suggestions;
#[cfg(target_arch = "wasm32")]
pub mod workshop;

#[cfg(target_arch = "wasm32")]
pub use context::*;
