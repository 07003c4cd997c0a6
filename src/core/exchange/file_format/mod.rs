//! The program file: a versioned envelope around a [`Program`].
//!
//! ```json
//! {
//!   "format": "mentorkit-program",
//!   "version": 1,
//!   "generator": "MentorKit 0.1.0",
//!   "exported_at": "2026-11-23T10:00:00Z",
//!   "program": { "id": "...", "name": "...", "people": [ ... ], ... }
//! }
//! ```
//!
//! # Envelope
//! - `format` (required): always `"mentorkit-program"`. JSON without it (another app's
//!   file, a list, a number) is refused as "not a MentorKit program file".
//! - `version`: the file format version, a whole number from 1. This build writes
//!   [`CURRENT_VERSION`]. A file without `version` is read as version 1, with a repair note
//!   saying so (files hand-written or produced by scripts often leave it out).
//! - `generator`, `exported_at` (RFC 3339, supplied by the caller): informational.
//! - `revision`: only in the copy kept in browser storage ([`export_stored`]).
//! - `program`: the [`Program`], fields in model order (see [`crate::core::model`]).
//!
//! # Versions
//! Older versions are brought up to date by the [`migrate`](mod@migrate) chain of pure
//! functions over the value tree (its docs say how to add version 2). A file from a newer
//! MentorKit is refused ([`ImportError::NewerVersion`]) by [`import_program`]; storage may
//! open it read-only with [`import_with`] and [`VersionPolicy::ReadNewer`], and must never
//! write it back.
//!
//! # Import: strict out, lenient in, repaired in between
//! [`import_program`] runs, in order:
//! 1. the guarded parse ([`json::parse`]): size checked first, a UTF-8 BOM stripped, then
//!    encoding, JSON syntax (errors with line and column, and the path of the record such as
//!    `program.people[3].name`), nesting depth, value count and list lengths;
//! 2. the envelope check (format tag, version);
//! 3. migrations from the file's version to [`CURRENT_VERSION`];
//! 4. restore ([`restore`]): every field is optional; wrong types and out-of-range values
//!    are replaced by a default or clamped, with a [`Repair`] naming the path and the bad
//!    value; text beyond the length limits is cut; impossible dates are cleared; numbers too
//!    large for `f64` never reach the model; missing or duplicate ids get fresh ones (and
//!    the id counter is raised above every id in the file); records pointing to an unknown
//!    person, skill or question are dropped; answers are checked against their question;
//!    duplicate keys keep their first value; unknown fields are ignored (and listed once);
//! 5. [`validate`]: the restored program must satisfy every invariant, or the import fails.
//!
//! A program without a usable `id` gets one derived from the file's bytes
//! (`imported-<16 hex digits>`, the same for the same file), with a repair note; the caller
//! usually gives an imported program a fresh library id anyway. A file without a `program`
//! object is refused ([`ImportError::Invalid`] at `program`): there is nothing to import, and
//! an empty program would look like data loss.
//!
//! Text is stored exactly as written: control characters, bidi overrides, emoji, `<script>`,
//! `javascript:` and `__proto__` are plain strings and round-trip unchanged.
//!
//! # Limits
//! See [`crate::core::limits`]: [`MAX_FILE_BYTES`](crate::core::limits::MAX_FILE_BYTES)
//! (32 MiB), nesting [`MAX_DEPTH`](crate::core::limits::MAX_DEPTH) (64), at most
//! [`MAX_JSON_VALUES`](crate::core::limits::MAX_JSON_VALUES) values, 100,000 people,
//! 400,000 matches and 10,000 entries in any other list or object; short texts 300
//! characters, long texts (description, bio, notes, end reason) 20,000. Exceeding a size,
//! depth or count limit fails the import; over-long text is cut with a repair. At most
//! [`MAX_REPAIRS`] repairs are listed (the last one says how many more there were).
//!
//! # Export
//! [`export_program`] is strict: it validates first, writes fields in a fixed order,
//! pretty-printed with a final newline, so export -> import -> export is byte-identical.

use serde::Serialize;
use thiserror::Error;

use crate::core::limits::{MAX_REPAIRS, MAX_SEQ};
use crate::core::model::Program;
use crate::core::program::validate::{validate, Problem};

pub mod json;
pub mod migrate;
pub mod restore;

use json::Json;
pub use migrate::migrate;

/// The `format` tag of every program file.
pub const FORMAT_TAG: &str = "mentorkit-program";
/// The file format version this build writes (and the newest it reads).
pub const CURRENT_VERSION: u32 = 2;
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
    write_envelope(program, exported_at, None, true)
}

/// Writes the form kept in browser storage: a program file with a `revision` number, so
/// that the stored value is itself an importable file; compact (no whitespace between
/// tokens, about 40 % smaller than [`export_program`]'s), which matters against the
/// browser's storage quota (bad input 35).
///
/// # Errors
/// As [`export_program`].
pub fn export_stored(
    program: &Program,
    saved_at: &str,
    revision: u64,
) -> Result<String, ExportError> {
    write_envelope(program, saved_at, Some(revision), false)
}

fn write_envelope(
    program: &Program,
    exported_at: &str,
    revision: Option<u64>,
    pretty: bool,
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
    if pretty {
        let mut text = serde_json::to_string_pretty(&envelope)?;
        text.push('\n');
        Ok(text)
    } else {
        Ok(serde_json::to_string(&envelope)?)
    }
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
    /// Set when the file was written by a newer MentorKit and read anyway with
    /// [`VersionPolicy::ReadNewer`]: the program is a best-effort reading and must never be
    /// written back (saved or exported over the original).
    pub newer_version: Option<u32>,
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
    /// A string the parser cannot turn into text (a lone UTF-16 surrogate such as
    /// `"\ud800"`, an unknown escape), with the record it is in.
    #[error("{path} (line {line}, column {column}): {message}; the file may be damaged")]
    InvalidText {
        /// Where (`program.people[3].name`).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser saw.
        message: String,
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

/// What to do with a file written by a newer MentorKit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VersionPolicy {
    /// Refuse it with [`ImportError::NewerVersion`] (the default for files).
    #[default]
    Current,
    /// Read what this version understands, for a read-only view (bad input 37: a program
    /// stored by a newer version in the same browser). The result has
    /// [`Imported::newer_version`] set; the caller must never save or export it over the
    /// original, which would silently drop whatever the newer version added.
    ReadNewer,
}

/// Reads a program file (or a stored program), refusing files from a newer MentorKit.
///
/// The result is always a valid program; what had to be changed is in
/// [`Imported::repairs`]. See the module docs for the steps and the limits.
///
/// # Errors
/// See [`ImportError`]; on error nothing has been changed anywhere.
///
/// # Example
/// ```
/// use mentorkit::core::exchange::file_format::import_program;
/// let file = br#"{"format": "mentorkit-program", "version": 1,
///                 "program": {"id": "prog-1", "name": "Pilot"}}"#;
/// let imported = import_program(file).unwrap();
/// assert_eq!(imported.program.name, "Pilot");
/// assert!(imported.repairs.is_empty());
/// ```
pub fn import_program(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(bytes, VersionPolicy::Current)
}

/// Reads a program file with an explicit policy for newer versions.
///
/// With [`VersionPolicy::ReadNewer`] a newer file is not migrated (there is nothing to
/// migrate down to) but restored leniently: what this version knows is read, the rest is
/// ignored and listed as unknown fields; [`Imported::newer_version`] says so. Never write
/// such a program back.
///
/// # Errors
/// As [`import_program`], except that `ReadNewer` never returns
/// [`ImportError::NewerVersion`].
pub fn import_with(bytes: &[u8], policy: VersionPolicy) -> Result<Imported, ImportError> {
    let parsed = json::parse(bytes)?;
    let mut repairs = parsed.repairs;
    let mut root = parsed.value;

    let kind = match &root {
        Json::Object(_) => None,
        Json::Array(_) => Some("the file is a list, not an object"),
        Json::Null => Some("the file is just null"),
        Json::Str(_) => Some("the file is just a string"),
        Json::Bool(_) => Some("the file is just true or false"),
        _ => Some("the file is just a number"),
    };
    if let Some(kind) = kind {
        return Err(ImportError::NotProgramFile(kind.into()));
    }
    match root.get("format") {
        Some(Json::Str(tag)) if tag == FORMAT_TAG => {}
        Some(other) => {
            return Err(ImportError::NotProgramFile(format!(
                "its \"format\" is {other}, not \"{FORMAT_TAG}\""
            )))
        }
        None => {
            // Bad input 7: name the other app when it says who it is (Excalidraw: "type").
            let hint = match root.get("type").or_else(|| root.get("source")) {
                Some(Json::Str(t)) => format!(" (it says its type is {:?})", shorten(t)),
                _ => String::new(),
            };
            return Err(ImportError::NotProgramFile(format!(
                "it has no \"format\": \"{FORMAT_TAG}\"{hint}"
            )));
        }
    }

    let version = match root.get("version") {
        None | Some(Json::Null) => {
            // Bad input 8: the documented policy is "read as version 1, and say so".
            repairs.push(Repair {
                path: "version".into(),
                message: "is missing; the file was read as version 1".into(),
            });
            1
        }
        Some(Json::UInt(n)) if *n >= 1 => u32::try_from(*n).unwrap_or(u32::MAX),
        Some(other) => {
            return Err(ImportError::Invalid {
                path: "version".into(),
                message: format!("{other} is not a file version (a whole number from 1)"),
            })
        }
    };
    let newer_version = if version > CURRENT_VERSION {
        match policy {
            VersionPolicy::Current => {
                return Err(ImportError::NewerVersion {
                    found: version,
                    supported: CURRENT_VERSION,
                })
            }
            VersionPolicy::ReadNewer => Some(version),
        }
    } else {
        None
    };

    let text_field = |root: &Json, key: &str| match root.get(key) {
        Some(Json::Str(s)) => Some(shorten(s)),
        _ => None,
    };
    let generator = text_field(&root, "generator");
    let exported_at = text_field(&root, "exported_at");
    let revision = match root.get("revision") {
        Some(Json::UInt(n)) => Some(*n),
        _ => None,
    };
    for (key, _) in envelope_entries(&root) {
        if ![
            "format",
            "version",
            "generator",
            "exported_at",
            "revision",
            "program",
        ]
        .contains(&key.as_str())
        {
            repairs.push(Repair {
                path: key.clone(),
                message: "unknown envelope field ignored".into(),
            });
        }
    }

    let program = match root.take("program") {
        Some(p @ Json::Object(_)) => p,
        None | Some(Json::Null) => {
            return Err(ImportError::Invalid {
                path: "program".into(),
                message: "is missing: the file has no program to import".into(),
            })
        }
        Some(other) => {
            return Err(ImportError::Invalid {
                path: "program".into(),
                message: format!("expected an object, found {other}"),
            })
        }
    };
    let program = if newer_version.is_some() {
        program
    } else {
        migrate(program, version)?
    };
    let (program, restored) = restore::restore(&program, || derived_id(bytes));
    // Restore gives missing and duplicate ids fresh numbers from the counter. A file whose
    // counter is already at MAX_SEQ would leave it past the limit, and the program would not
    // read back unchanged: refuse it (found by the fuzzer; a real program is ~10^18 short).
    if program.next_seq > MAX_SEQ {
        return Err(ImportError::Limit(format!(
            "program.next_seq: the id counter is at its maximum ({MAX_SEQ}), so the records \
             without a usable id cannot be given one"
        )));
    }
    repairs.extend(restored);
    if repairs.len() > MAX_REPAIRS {
        // Nobody reviews a hundred thousand notes; keep the first ones and the count.
        let more = repairs.len() - (MAX_REPAIRS - 1);
        repairs.truncate(MAX_REPAIRS - 1);
        repairs.push(Repair {
            path: "program".into(),
            message: format!("and {more} more repairs like the ones above"),
        });
    }
    // Restore guarantees the invariants; checking once more means a restore bug fails the
    // import instead of producing a program that cannot be saved.
    validate(&program).map_err(|p| ImportError::Invalid {
        path: p
            .first()
            .map_or_else(|| "program".into(), |x| format!("program.{}", x.path)),
        message: format!("could not be repaired: {}", problems_text(&p)),
    })?;
    Ok(Imported {
        program,
        repairs,
        source_version: version,
        generator,
        exported_at,
        revision,
        newer_version,
    })
}

fn envelope_entries(root: &Json) -> &[(String, Json)] {
    match root {
        Json::Object(entries) => entries,
        _ => &[],
    }
}

fn shorten(s: &str) -> String {
    s.chars()
        .take(crate::core::limits::MAX_SHORT_TEXT)
        .collect()
}

/// A program id for a file whose program has none: the same for the same bytes (FNV-1a).
fn derived_id(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("imported-{h:016x}")
}
