//! What comes into and goes out of MentorKit: the program file, CSV files and share links.

pub mod checkins;
pub mod csv;
pub mod file_format;
pub mod share;
