//! The program model: every type a program file holds.
//!
//! Each type is defined in its domain ([`crate::core::program::model`],
//! [`crate::core::people::model`], [`crate::core::matching::model`],
//! [`crate::core::relationships::model`]) and gathered here, so code
//! that works with a whole program imports from one place. The types are plain data (no
//! signals, no browser types) and serialize to the `program` object of the program file
//! (see [`crate::core::exchange::file_format`]); the rules for changing their shape are in
//! [`crate::core::program::model`].

pub use crate::core::matching::model::*;
pub use crate::core::people::model::*;
pub use crate::core::program::model::*;
pub use crate::core::relationships::model::*;
