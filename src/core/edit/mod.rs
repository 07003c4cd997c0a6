//! How every change to a program is made, undone and redone.

pub mod history;
