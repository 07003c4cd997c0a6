//! Limits checked before work, so hostile or accidental input cannot freeze the page or
//! exhaust memory (see `docs/bad-inputs.md`, cases 11-14).

/// Largest program file accepted, in bytes (checked before the file is read).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Deepest JSON nesting accepted (a program file needs about 8).
pub const MAX_DEPTH: usize = 64;
/// Most participants in one program.
pub const MAX_PEOPLE: usize = 100_000;
/// Most matches (all cycles) in one program.
pub const MAX_MATCHES: usize = 400_000;
/// Most entries in any other list (goals, skills, fields, options, check-ins, ...).
pub const MAX_LIST: usize = 10_000;
/// Most JSON values (objects, arrays, strings, numbers, ...) in one file.
pub const MAX_JSON_VALUES: usize = 5_000_000;
/// Longest short text (names, e-mails, titles, options), in characters.
pub const MAX_SHORT_TEXT: usize = 300;
/// Longest long text (descriptions, bios, notes), in characters.
pub const MAX_LONG_TEXT: usize = 20_000;
/// Highest value of a program's id counter (`next_seq`) and of an id's numeric suffix that
/// restore takes into account; far beyond any real program, and `next_id` can never overflow.
pub const MAX_SEQ: u64 = u64::MAX / 2;
/// Most repairs one import lists; beyond it, one last repair says how many more there were.
pub const MAX_REPAIRS: usize = 1_000;
