//! Reading and writing files: sizes checked before reading, outputs written whole or not
//! at all, every message naming its file.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use mentorkit::core::exchange::csv::{ColumnTarget, Mapping};
use mentorkit::core::exchange::file_format::{export_program, import_program};
use mentorkit::core::limits::MAX_FILE_BYTES;
use mentorkit::core::Program;

use crate::CliError;

pub(crate) fn required(value: Option<PathBuf>, what: &str) -> Result<PathBuf, CliError> {
    value.ok_or_else(|| CliError::Usage(format!("missing {what}")))
}

pub(crate) fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a whole input file, refusing oversized ones before reading them (bad input 12).
pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>, CliError> {
    let meta = fs::metadata(path)
        .map_err(|e| CliError::BadInput(format!("{}: cannot read: {e}", shown(path))))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(CliError::BadInput(format!(
            "{}: the file is {} bytes; the largest accepted is {MAX_FILE_BYTES} bytes",
            shown(path),
            meta.len()
        )));
    }
    fs::read(path).map_err(|e| CliError::BadInput(format!("{}: cannot read: {e}", shown(path))))
}

/// Reads a program file; errors name the file (and line/column for JSON errors).
pub(crate) fn load_program(path: &Path) -> Result<Program, CliError> {
    let bytes = read_input(path)?;
    let imported =
        import_program(&bytes).map_err(|e| CliError::BadInput(format!("{}: {e}", shown(path))))?;
    for repair in &imported.repairs {
        eprintln!("mentorkit: {}: repaired {repair}", shown(path));
    }
    Ok(imported.program)
}

/// Writes the output through a temporary file and a rename, so a failure never leaves a
/// half-written file in place of a good one.
pub(crate) fn write_output(path: &Path, text: &str) -> Result<(), CliError> {
    let fail = |e: std::io::Error| CliError::Write(format!("{}: cannot write: {e}", shown(path)));
    if path.as_os_str() == "-" {
        return std::io::stdout().write_all(text.as_bytes()).map_err(fail);
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".mentorkit-{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, text).map_err(fail)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        fail(e)
    })
}

pub(crate) fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

pub(crate) fn save_program(program: &Program, path: &Path) -> Result<(), CliError> {
    let text = export_program(program, &now_rfc3339())
        .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(path))))?;
    write_output(path, &text)
}

/// A program id from a file stem: lower-case letters, digits and dashes.
pub(crate) fn id_from_stem(stem: &str) -> String {
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() {
        let secs = time::OffsetDateTime::now_utc().unix_timestamp();
        format!("program-{secs}")
    } else {
        id
    }
}

pub(crate) fn text_arg(value: OsString, flag: &str) -> Result<String, CliError> {
    value
        .into_string()
        .map_err(|_| CliError::Usage(format!("{flag}: the value is not valid text")))
}

/// Applies a mapping file (when given) over an automatic mapping, then lists the columns
/// that stay ignored, for either CSV import.
pub(crate) fn map_columns<T: ColumnTarget>(
    mapping: &mut Mapping<T>,
    headers: &[String],
    file: Option<&Path>,
    program: &Program,
    csv_name: &str,
) -> Result<(), CliError> {
    if let Some(path) = file {
        let bytes = read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            CliError::BadInput(format!(
                "{}: not UTF-8 text (byte {})",
                shown(path),
                e.utf8_error().valid_up_to()
            ))
        })?;
        mapping
            .apply_file(headers, &text, program)
            .map_err(|e| CliError::BadInput(format!("{}: {e}", shown(path))))?;
    }
    let ignored: Vec<&str> = headers
        .iter()
        .zip(&mapping.columns)
        .filter(|(h, t)| **t == T::IGNORE && !h.is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    if !ignored.is_empty() {
        eprintln!(
            "mentorkit: {csv_name}: ignored columns: {} (map them with --mapping)",
            ignored.join(", ")
        );
    }
    Ok(())
}
