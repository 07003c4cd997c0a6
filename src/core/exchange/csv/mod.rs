//! CSV import and export of participants (and export of matches).
//!
//! Import is a sequence of steps, so that the command-line tool can run them in one go and
//! the browser's import wizard can show each one and let the coordinator change it before
//! anything is written:
//!
//! 1. [`sniff`] (or [`sniff_with`]): decode the bytes (UTF-8 with or without BOM, UTF-16
//!    with BOM, else Windows-1252), detect the delimiter (`,` `;` or tab) and whether the
//!    first row is a header, and split the file into rows numbered as a spreadsheet shows
//!    them (header = row 1).
//! 2. [`auto_map`]: guess a [`Target`] for every column from its header (ignoring case,
//!    spaces and punctuation); the coordinator may change it ([`Mapping::set`]) or load a
//!    mapping file ([`Mapping::apply_file`]).
//! 3. [`plan_import`]: read every row into people without touching the program: row
//!    errors with row numbers and columns, warnings, duplicate e-mails (within the file or
//!    against existing participants) handled by the caller's [`DuplicatePolicy`], and new
//!    skills for the program's vocabulary.
//! 4. [`apply_import`]: on the caller's confirmation, write the plan's good rows into the
//!    program, all or nothing. The caller decides whether a plan with row errors is applied
//!    (good rows only) or dropped (nothing imported).
//!
//! Export ([`export_participants`], [`export_matches`]) writes spreadsheet-ready CSV
//! (UTF-8 BOM, CRLF) whose cells cannot be run as formulas (bad input 29).
//!
//! Cells that start with `=`, `+`, `-`, `@`, tab or CR are kept as text on import: nothing
//! is ever evaluated. A leading `'` in front of such a character is the escape this module's
//! export adds, so it is removed on import and export -> import round-trips.

mod cells;
mod export;
mod import;
mod mapping;
mod planner;
mod sniff;

use thiserror::Error;

/// A cell as text: trimmed, with the `'` export puts before formula characters removed.
pub use cells::text as cell_text;
pub use export::{
    export_matches, export_participants, export_scores, export_suggestions, formula_safe,
};
pub use import::column_letter;
pub use import::{
    apply_import, plan_import, ApplyError, Duplicate, DuplicateOf, DuplicatePolicy, ImportOptions,
    ImportParticipants, ImportPlan, ImportSummary, PlannedMerge, PlannedPerson, RowError,
    SkipReason, SkippedRow,
};
pub use mapping::{auto_map, normalize_header, ColumnTarget, Mapping, MappingFileError, Target};
pub use sniff::{sniff, sniff_with, Encoding, Row, SniffOptions, Sniffed};

/// Most columns accepted in one CSV file.
pub const MAX_COLUMNS: usize = 1_000;

/// Why a CSV file could not be read at all. Row-level problems are not errors of this
/// kind: they are listed in the [`ImportPlan`].
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CsvError {
    /// The file has no content (or only blank lines).
    #[error("the file is empty")]
    Empty,
    /// Larger than [`crate::core::limits::MAX_FILE_BYTES`].
    #[error("the file is {size} bytes; the largest CSV file accepted is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Binary data (a NUL byte), e.g. a spreadsheet or an image renamed `.csv`.
    #[error("the file is not text (binary data at byte {offset}); save the sheet as CSV")]
    NotText {
        /// Where the first NUL is, in the decoded text.
        offset: usize,
    },
    /// More rows than a program may hold.
    #[error("the file has more than {limit} rows")]
    TooManyRows {
        /// [`crate::core::limits::MAX_PEOPLE`].
        limit: usize,
    },
    /// More columns than [`MAX_COLUMNS`].
    #[error("row {row} has {count} columns; at most {limit} are accepted")]
    TooManyColumns {
        /// The row, as a spreadsheet numbers it.
        row: usize,
        /// How many columns it has.
        count: usize,
        /// [`MAX_COLUMNS`].
        limit: usize,
    },
    /// A quoted cell is never closed, so the rest of the file would be one cell.
    #[error("row {row} (line {line}): a quoted cell is never closed")]
    UnclosedQuote {
        /// The row the quote opens in, as a spreadsheet numbers it.
        row: usize,
        /// The line of the file that row starts on.
        line: u64,
    },
    /// The CSV reader gave up.
    #[error("line {line}: {message}")]
    Malformed {
        /// The line of the file.
        line: u64,
        /// What the reader said.
        message: String,
    },
}
