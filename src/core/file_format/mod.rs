//! The program file: a versioned envelope around a [`Program`].
//!
//! ```json
//! {
//!   "format": "mentorkit-program",
//!   "version": 1,
//!   "generator": "MentorKit 0.1.0",
//!   "exported_at": "2026-11-23T10:00:00Z",
//!   "program": { ... }
//! }
//! ```
//!
//! Export is strict and stable (see [`export_program`]); import is lenient, then restores a
//! valid program with a list of repairs, then migrates older versions (see
//! [`import_program`]).

use serde::Serialize;
use thiserror::Error;

use crate::core::model::Program;
use crate::core::validate::{validate, Problem};

/// The `format` tag of every program file.
pub const FORMAT_TAG: &str = "mentorkit-program";
/// The file format version this build writes (and the newest it reads).
pub const CURRENT_VERSION: u32 = 1;
/// The `generator` written into files.
pub const GENERATOR: &str = concat!("MentorKit ", env!("CARGO_PKG_VERSION"));

/// The envelope as written.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    generator: &'static str,
    exported_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    program: &'a Program,
}

/// Why a program could not be exported.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The program breaks an invariant (a bug upstream); nothing was written.
    #[error("the program is not valid: {}", problems_text(.0))]
    Invalid(Vec<Problem>),
    /// Serialization failed (should not happen for a valid program).
    #[error("could not write the program: {0}")]
    Json(#[from] serde_json::Error),
}

fn problems_text(problems: &[Problem]) -> String {
    let mut s: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
    if problems.len() > 5 {
        s.push(format!("and {} more", problems.len() - 5));
    }
    s.join("; ")
}

/// Writes a program file: validated, fields in a fixed order, pretty-printed with a final
/// newline, so that files diff well and export -> import -> export is byte-identical.
///
/// `exported_at` is an RFC 3339 timestamp supplied by the caller (the core has no clock).
///
/// # Errors
/// [`ExportError::Invalid`] if the program breaks an invariant (e.g. a NaN target).
pub fn export_program(program: &Program, exported_at: &str) -> Result<String, ExportError> {
    write_envelope(program, exported_at, None)
}

/// Writes the form kept in browser storage: a program file with a `revision` number, so
/// that the stored value is itself an importable file.
///
/// # Errors
/// As [`export_program`].
pub fn export_stored(
    program: &Program,
    saved_at: &str,
    revision: u64,
) -> Result<String, ExportError> {
    write_envelope(program, saved_at, Some(revision))
}

fn write_envelope(
    program: &Program,
    exported_at: &str,
    revision: Option<u64>,
) -> Result<String, ExportError> {
    validate(program).map_err(ExportError::Invalid)?;
    let envelope = EnvelopeOut {
        format: FORMAT_TAG,
        version: CURRENT_VERSION,
        generator: GENERATOR,
        exported_at,
        revision,
        program,
    };
    let mut text = serde_json::to_string_pretty(&envelope)?;
    text.push('\n');
    Ok(text)
}

/// A program read from a file, with what had to be repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The restored, valid program.
    pub program: Program,
    /// What restore changed, for the coordinator to review.
    pub repairs: Vec<Repair>,
    /// The version the file was written in.
    pub source_version: u32,
    /// The file's `generator`, if any.
    pub generator: Option<String>,
    /// The file's `exported_at`, if any.
    pub exported_at: Option<String>,
    /// The storage revision, for stored programs.
    pub revision: Option<u64>,
}

/// One change restore made to imported data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    /// Where (`program.people[3].capacity`).
    pub path: String,
    /// What was wrong and what was done.
    pub message: String,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a file could not be imported. Nothing is changed when import fails.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The file has no content.
    #[error("the file is empty")]
    Empty,
    /// Larger than [`crate::core::limits::MAX_FILE_BYTES`].
    #[error("the file is {size} bytes; the largest program file accepted is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not valid UTF-8 text.
    #[error("the file is not text (invalid UTF-8 at byte {offset})")]
    NotText {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// Not JSON.
    #[error("not JSON (line {line}, column {column}): {message}")]
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser saw.
        message: String,
    },
    /// The JSON stops in the middle.
    #[error("the file ends early (line {line}, column {column}): it may have been cut off")]
    Truncated {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not a MentorKit program file.
    #[error("not a MentorKit program file: {0}")]
    NotProgramFile(String),
    /// Made by a newer MentorKit.
    #[error("made by a newer MentorKit (v{found}); this version reads up to v{supported}")]
    NewerVersion {
        /// The file's version.
        found: u32,
        /// [`CURRENT_VERSION`].
        supported: u32,
    },
    /// A limit on size, count or depth was exceeded.
    #[error("{0}")]
    Limit(String),
    /// The program is unusable (e.g. no program object).
    #[error("{path}: {message}")]
    Invalid {
        /// Where.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// Reads a program file (or a stored program).
///
/// # Errors
/// See [`ImportError`]; on error nothing has been changed anywhere.
pub fn import_program(bytes: &[u8]) -> Result<Imported, ImportError> {
    use crate::core::limits::MAX_FILE_BYTES;
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated {
                line: e.line(),
                column: e.column(),
            }
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        }
    })?;
    let obj = value
        .as_object()
        .ok_or_else(|| ImportError::NotProgramFile("the top level is not an object".into()))?;
    if obj.get("format").and_then(|f| f.as_str()) != Some(FORMAT_TAG) {
        return Err(ImportError::NotProgramFile(format!(
            "it has no \"format\": \"{FORMAT_TAG}\""
        )));
    }
    let version = obj.get("version").and_then(|v| v.as_u64()).unwrap_or(1) as u32;
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    let program_value = obj.get("program").ok_or_else(|| ImportError::Invalid {
        path: "program".into(),
        message: "is missing".into(),
    })?;
    let program: Program =
        serde_json::from_value(program_value.clone()).map_err(|e| ImportError::Invalid {
            path: "program".into(),
            message: e.to_string(),
        })?;
    validate(&program).map_err(|p| ImportError::Invalid {
        path: "program".into(),
        message: problems_text(&p),
    })?;
    Ok(Imported {
        program,
        repairs: Vec::new(),
        source_version: version,
        generator: obj
            .get("generator")
            .and_then(|g| g.as_str())
            .map(str::to_owned),
        exported_at: obj
            .get("exported_at")
            .and_then(|g| g.as_str())
            .map(str::to_owned),
        revision: obj.get("revision").and_then(|r| r.as_u64()),
    })
}
