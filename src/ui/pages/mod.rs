//! Pages: one per route, plus the sections of the program page.

pub mod audience;
pub mod library;
pub mod matching;
pub mod overview;
pub mod participants;
pub mod present;
pub mod program;
pub mod relationships;
pub mod reports;
pub mod share;
