//! Participants: the field catalogue ([`fields`]: every field's label, limits and parser,
//! used by every entry point), the person form's parsing and validation, the edits a coordinator makes to
//! people (add, edit, bulk role and capacity, remove) and the participants table's filtering
//! and sorting.
//!
//! Everything here is plain data so the rules are tested natively; the Participants page
//! only renders what these functions return (bad input 41: typed text is parsed here, with
//! a message naming the field, and nothing is saved while any field is wrong).

pub mod edits;
pub mod fields;
pub mod form;
pub mod index;
pub mod model;
pub mod timezone;

pub use edits::*;
pub use fields::{PersonField, SENIORITY_LEVELS};
pub use form::*;
pub use index::*;
