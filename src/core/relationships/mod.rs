//! After publishing: what a relationship records as it runs (the lifecycle, meetings,
//! check-ins, goals, agreement, milestones), the edits a coordinator makes to it, when
//! check-ins are due, and each relationship's health, explained.

pub mod duration;
pub mod health;
pub mod lifecycle;
pub mod model;
pub mod summary;
pub mod synthetic;
