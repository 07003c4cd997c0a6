//! The guarded parse: bytes -> a [`Json`] value tree, with every limit checked on the way.
//!
//! `serde_json::Value` would silently keep the last of two equal keys, accept any number of
//! values and fail the whole file on one number too large for `f64`. Parsing through our own
//! [`serde::de::DeserializeSeed`] instead lets us:
//! - report duplicate keys with the path of their record (bad input 15) and keep the first;
//! - count values and abort early past [`MAX_JSON_VALUES`] or a list limit (bad input 13);
//! - refuse nesting deeper than [`MAX_DEPTH`] long before the stack is at risk (bad input 11);
//! - name the record (`program.people[3].name`) when serde_json rejects something inside a
//!   string, such as a lone surrogate (bad input 20);
//! - keep numbers beyond the `f64` range as [`Json::TooLarge`] so that restore can repair that
//!   one field instead of refusing the file (bad input 19).

use std::fmt;

mod guard;

use serde::de::DeserializeSeed;

use guard::{Seed, State};

use super::{ImportError, Repair};
use crate::core::limits::MAX_FILE_BYTES;

/// A parsed JSON value. Objects keep their keys in file order (duplicates removed).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A negative integer.
    Int(i64),
    /// A non-negative integer.
    UInt(u64),
    /// Any other number; always finite.
    Float(f64),
    /// A number too large for `f64` (`1e400`), as written in the file.
    TooLarge(String),
    /// A string.
    Str(String),
    /// A list.
    Array(Vec<Json>),
    /// An object, keys in file order, each key once.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value of `key`, mutably.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Removes `key` from an object and returns its value.
    pub fn take(&mut self, key: &str) -> Option<Json> {
        match self {
            Json::Object(entries) => {
                let i = entries.iter().position(|(k, _)| k == key)?;
                Some(entries.remove(i).1)
            }
            _ => None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("a list", "text", ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Int(_) | Json::UInt(_) | Json::Float(_) | Json::TooLarge(_) => "a number",
            Json::Str(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// Shows a value briefly for a repair message: `"3"`, `-1`, `1e400`, `true`, `a list of 4`.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Int(n) => write!(f, "{n}"),
            Json::UInt(n) => write!(f, "{n}"),
            // Debug switches to exponents (`1e300`) where Display would print 300 digits.
            Json::Float(x) => write!(f, "{x:?}"),
            Json::TooLarge(raw) => f.write_str(&shorten(raw, 40)),
            // Debug quoting escapes control characters, so messages stay one readable line.
            Json::Str(s) => write!(f, "{:?}", shorten(s, 40)),
            Json::Array(a) => write!(f, "a list of {}", a.len()),
            Json::Object(_) => f.write_str("an object"),
        }
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// One step of a path into the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// An object key.
    Key(String),
    /// A list index.
    Index(usize),
}

/// Writes a path the way messages show it: `program.people[3].name` (very deep paths are
/// cut after a dozen steps).
pub fn path_text(path: &[Seg]) -> String {
    let mut s = String::new();
    for (n, seg) in path.iter().enumerate() {
        if n == 12 {
            s.push('…');
            break;
        }
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(&shorten(k, 40));
            }
            Seg::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    if s.is_empty() {
        s.push_str("(top level)");
    }
    s
}

/// The result of the guarded parse.
#[derive(Debug)]
pub struct Parsed {
    /// The value tree.
    pub value: Json,
    /// What the parse itself repaired (duplicate keys, numbers out of range).
    pub repairs: Vec<Repair>,
}

/// How many numbers out of the `f64` range one file may contain before the parse gives up
/// (each one costs a re-parse; a real file has none).
const MAX_NUMBER_PATCHES: usize = 16;

/// Parses a file's bytes into a [`Json`] tree, checking the size first, then the encoding,
/// then nesting, counts and duplicate keys.
///
/// # Errors
/// [`ImportError::TooLarge`], [`ImportError::Empty`], [`ImportError::NotJson`],
/// [`ImportError::NotText`], [`ImportError::Truncated`], [`ImportError::Limit`],
/// [`ImportError::InvalidText`].
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    // Bad input 4: editors on Windows like to start UTF-8 files with a BOM.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(first) = bytes.iter().position(|b| !is_json_space(*b)) else {
        return Err(ImportError::Empty);
    };
    // Bad input 2: a PNG or a spreadsheet renamed .json. Say "not JSON" rather than "not
    // UTF-8" when the very first character cannot start a JSON value.
    if !matches!(
        bytes[first],
        b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
    ) {
        let (line, column) = line_column(bytes, first);
        let found = match bytes[first] {
            c @ 0x21..=0x7e => format!("`{}`", c as char),
            c => format!("the byte 0x{c:02X}"),
        };
        return Err(ImportError::NotJson {
            line,
            column,
            message: format!("a program file starts with `{{`, this one with {found}"),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;

    let mut patched: Option<String> = None;
    let mut too_large: Vec<(Vec<Seg>, String)> = Vec::new();
    loop {
        let current = patched.as_deref().unwrap_or(text);
        let mut state = State::default();
        let mut de = serde_json::Deserializer::from_str(current);
        let result = Seed { st: &mut state }
            .deserialize(&mut de)
            .and_then(|v| de.end().map(|()| v));
        match result {
            Ok(mut value) => {
                let mut repairs = state.repairs;
                for (path, raw) in too_large {
                    if let Some(slot) = walk_mut(&mut value, &path) {
                        if *slot == Json::Null {
                            *slot = Json::TooLarge(raw);
                        }
                    }
                }
                repairs.sort_by_key(|r| r.path.clone());
                return Ok(Parsed { value, repairs });
            }
            Err(e) => {
                if let Some(abort) = state.abort {
                    return Err(abort);
                }
                let offset = offset_of(current, e.line(), e.column());
                if e.is_eof() {
                    return Err(ImportError::Truncated {
                        line: e.line(),
                        column: e.column(),
                    });
                }
                let message = e.to_string();
                if message.starts_with("number out of range")
                    && too_large.len() < MAX_NUMBER_PATCHES
                {
                    if let Some((start, end)) = number_token(current, offset) {
                        let raw = current[start..end].to_owned();
                        // Same length, so every later offset and line/column stays true.
                        let mut next = String::with_capacity(current.len());
                        next.push_str(&current[..start]);
                        next.push_str("null");
                        next.extend(std::iter::repeat_n(' ', end - start - 4));
                        next.push_str(&current[end..]);
                        too_large.push((path_at(current, start), raw));
                        patched = Some(next);
                        continue;
                    }
                }
                let path = path_text(&path_at(current, offset));
                // serde_json's message ends with its own " at line L column C".
                let what = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m)
                    .to_owned();
                if what.contains("surrogate") || what.contains("escape") {
                    return Err(ImportError::InvalidText {
                        path,
                        line: e.line(),
                        column: e.column(),
                        message: escape_message(current, offset, &what),
                    });
                }
                return Err(ImportError::NotJson {
                    line: e.line(),
                    column: e.column(),
                    message: format!("{what} (in {path})"),
                });
            }
        }
    }
}

/// Explains a broken escape, quoting it (`\ud800`) when it can be found.
fn escape_message(text: &str, offset: usize, serde_message: &str) -> String {
    let b = text.as_bytes();
    let from = offset.saturating_sub(16);
    let is_surrogate = |i: usize| {
        b[i] == b'\\'
            && b.get(i + 1) == Some(&b'u')
            && text
                .get(i + 2..i + 6)
                .and_then(|hex| u16::from_str_radix(hex, 16).ok())
                .is_some_and(|n| (0xD800..=0xDFFF).contains(&n))
    };
    let escape = (from..offset.min(b.len()))
        .rev()
        .find(|&i| is_surrogate(i))
        .and_then(|i| text.get(i..i + 6));
    match escape {
        Some(esc) if serde_message.contains("surrogate") || serde_message.contains("hex") => {
            format!(
                "the text contains {esc}, half of a UTF-16 surrogate pair, which is not a \
                 character"
            )
        }
        _ => format!("the text contains a broken escape ({serde_message})"),
    }
}

fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}

/// The byte offset of serde_json's (1-based line, byte column) position.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|b| *b == b'\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column).min(bytes.len())
}

/// The number token touching `offset` (serde_json reports number errors at or just after
/// the number).
fn number_token(text: &str, offset: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let is_num = |c: u8| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'e' | b'E');
    let mut start = offset.min(b.len());
    while start > 0 && is_num(b[start - 1]) {
        start -= 1;
    }
    let mut end = offset.min(b.len());
    while end < b.len() && is_num(b[end]) {
        end += 1;
    }
    (end >= start + 4).then_some((start, end))
}

fn walk_mut<'a>(value: &'a mut Json, path: &[Seg]) -> Option<&'a mut Json> {
    let mut v = value;
    for seg in path {
        v = match (seg, v) {
            (Seg::Key(k), v @ Json::Object(_)) => v.get_mut(k)?,
            (Seg::Index(i), Json::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// The path of the value at byte `end` of a JSON text, found by a small scanner that only
/// tracks containers, keys and list positions. Used after serde_json has failed, so it
/// never recurses and tolerates anything.
pub fn path_at(text: &str, end: usize) -> Vec<Seg> {
    enum Frame {
        Obj { key: Option<String>, want_key: bool },
        Arr { index: usize },
    }
    let b = text.as_bytes();
    let end = end.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match b[i] {
            b'{' => stack.push(Frame::Obj {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Arr { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Arr { index }) => *index += 1,
                Some(Frame::Obj { want_key, .. }) => *want_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Obj { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < end && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Obj {
                    key,
                    want_key: true,
                }) = stack.last_mut()
                {
                    let raw = &b[start..i.min(end)];
                    let raw = String::from_utf8_lossy(raw);
                    let decoded = serde_json::from_str::<String>(&format!("\"{raw}\""))
                        .unwrap_or_else(|_| raw.into_owned());
                    *key = Some(decoded);
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack
        .into_iter()
        .filter_map(|f| match f {
            Frame::Obj { key, .. } => key.map(Seg::Key),
            Frame::Arr { index } => Some(Seg::Index(index)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_scanner_names_keys_and_indexes() {
        let text = r#"{"program": {"people": [{"id": "p1"}, {"id": "p2", "name": "x"#;
        let at = text.len() - 1;
        assert_eq!(
            path_text(&path_at(text, at)),
            "program.people[1].name".to_owned()
        );
    }

    #[test]
    fn path_scanner_skips_brackets_and_quotes_inside_strings() {
        let text = r#"{"a": "[{\"", "b": [1, 2, "#;
        assert_eq!(path_text(&path_at(text, text.len())), "b[2]");
    }

    #[test]
    fn duplicate_keys_keep_the_first_value() {
        let parsed = parse(br#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(parsed.value.get("a"), Some(&Json::UInt(1)));
        assert_eq!(parsed.repairs.len(), 1);
    }

    #[test]
    fn out_of_range_numbers_become_too_large() {
        let parsed = parse(br#"{"a": [1, 1e400, -1e999]}"#).unwrap();
        assert_eq!(
            parsed.value.get("a"),
            Some(&Json::Array(vec![
                Json::UInt(1),
                Json::TooLarge("1e400".into()),
                Json::TooLarge("-1e999".into())
            ]))
        );
    }
}
