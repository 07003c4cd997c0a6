//! Restore: a lenient `program` value tree -> a valid [`Program`] plus the list of repairs.
//!
//! Every field is optional: a missing field (or `null`) takes its default without a note.
//! A value of the wrong type or out of range gets a [`Repair`] naming its path and the bad
//! value, and a sensible default (integers out of range are clamped; optional values are
//! cleared). Records that cannot stand (a match with an unknown person, a check-in without a
//! date) are dropped and reported. Ids that are missing or used twice get fresh ones from
//! [`Program::next_id`]; references to a duplicated id keep pointing to its first owner.
//! Strings are kept exactly (control characters, bidi overrides, `<script>`, `__proto__` are
//! just text), only cut to the length limits.

use std::collections::HashMap;

mod matching;
mod people;
mod program;
mod relationships;

use super::json::Json;
use super::Repair;
use crate::core::date::Date;
use crate::core::limits::{MAX_SEQ, MAX_SHORT_TEXT};
use crate::core::model::*;

/// Restores a program from its value tree. `fallback_id` is called when the program has no
/// usable `id`.
pub fn restore(value: &Json, fallback_id: impl FnOnce() -> String) -> (Program, Vec<Repair>) {
    let mut r = Restorer::default();
    let program = r.program(value, fallback_id);
    let mut repairs = r.repairs;
    if let Some(first) = r.unknown.first() {
        // Bad input 18: unknown fields are ignored, and said so once.
        let n = r.unknown_count;
        let mut message = String::from("unknown field ignored");
        if n > 1 {
            let shown: Vec<&str> = r.unknown[1..].iter().map(String::as_str).collect();
            message = format!(
                "unknown field ignored, and {} more: {}{}",
                n - 1,
                shown.join(", "),
                if n > r.unknown.len() { ", …" } else { "" }
            );
        }
        repairs.push(Repair {
            path: first.clone(),
            message,
        });
    }
    (program, repairs)
}

/// A checked object: the entries of a [`Json::Object`], `null` values read as missing.
#[derive(Clone, Copy)]
pub(super) struct Obj<'a> {
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    pub(super) fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }
}

pub(super) const EMPTY: &[Json] = &[];

/// Unique ids of one kind, each with the path of its first owner.
#[derive(Default)]
pub(super) struct Ids {
    first: HashMap<String, String>,
}

#[derive(Default)]
pub(super) struct Restorer {
    repairs: Vec<Repair>,
    /// The first few unknown fields' paths, and how many there were.
    unknown: Vec<String>,
    unknown_count: usize,
    seq: u64,
}

pub(super) fn num_f64(v: &Json) -> Option<f64> {
    match v {
        Json::Int(n) => Some(*n as f64),
        Json::UInt(n) => Some(*n as f64),
        Json::Float(x) if x.is_finite() => Some(*x),
        _ => None,
    }
}

/// The trailing number of an id (`p12` -> 12), if small enough to be a sequence number.
pub(super) fn id_suffix(id: &str) -> Option<u64> {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 18 {
        return None;
    }
    id[id.len() - digits..]
        .parse()
        .ok()
        .filter(|n| *n < MAX_SEQ)
}

pub(super) fn cut(s: &str, max: usize) -> Option<String> {
    let mut chars = s.char_indices();
    chars.nth(max).map(|(i, _)| s[..i].to_owned())
}

impl Restorer {
    pub(super) fn fix(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.repairs.push(Repair {
            path: path.into(),
            message: message.into(),
        });
    }

    pub(super) fn obj<'a>(&mut self, path: &str, v: &'a Json, known: &[&str]) -> Option<Obj<'a>> {
        match v {
            Json::Object(entries) => {
                for (k, _) in entries {
                    if !known.contains(&k.as_str()) {
                        self.unknown_count += 1;
                        if self.unknown.len() < 6 {
                            self.unknown.push(format!("{path}.{k}"));
                        }
                    }
                }
                Some(Obj { entries })
            }
            _ => None,
        }
    }

    pub(super) fn list<'a>(&mut self, path: &str, v: Option<&'a Json>) -> &'a [Json] {
        match v {
            None => EMPTY,
            Some(Json::Array(items)) => items,
            Some(other) => {
                self.fix(
                    path,
                    format!("expected a list, found {other}; read as empty"),
                );
                EMPTY
            }
        }
    }

    pub(super) fn text(&mut self, path: &str, v: Option<&Json>, max: usize) -> String {
        match v {
            None => String::new(),
            Some(Json::Str(s)) => match cut(s, max) {
                None => s.clone(),
                Some(short) => {
                    // Bad input 14: a 5 MB name is cut, not refused.
                    self.fix(
                        path,
                        format!(
                            "was {} characters long; cut to the first {max}",
                            s.chars().count()
                        ),
                    );
                    short
                }
            },
            Some(n @ (Json::Int(_) | Json::UInt(_) | Json::Float(_))) => {
                let s = n.to_string();
                self.fix(
                    path,
                    format!("expected text, found the number {s}; kept as text"),
                );
                s
            }
            Some(other) => {
                self.fix(path, format!("expected text, found {other}; left empty"));
                String::new()
            }
        }
    }

    pub(super) fn texts(&mut self, path: &str, v: Option<&Json>, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.list(path, v).iter().enumerate() {
            let p = format!("{path}[{i}]");
            match item {
                Json::Str(_) => out.push(self.text(&p, Some(item), max)),
                other => self.fix(p, format!("expected text, found {other}; dropped")),
            }
        }
        out
    }

    pub(super) fn boolean(&mut self, path: &str, v: Option<&Json>, default: bool) -> bool {
        match v {
            None => default,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.fix(
                    path,
                    format!("expected true or false, found {other}; set to {default}"),
                );
                default
            }
        }
    }

    /// Reads a whole number. `Err` carries why it is unusable (for the caller's message).
    pub(super) fn whole(v: &Json) -> Result<i128, String> {
        match v {
            Json::UInt(n) => Ok(i128::from(*n)),
            Json::Int(n) => Ok(i128::from(*n)),
            Json::Float(x) if x.fract() == 0.0 && x.abs() < 1e30 => Ok(*x as i128),
            Json::Float(x) => Err(format!("{x} is not a whole number")),
            Json::TooLarge(raw) => Err(format!("{} is far too large", v_short(raw))),
            other => Err(format!("expected a number, found {other}")),
        }
    }

    /// A whole number in `lo..=hi`; out of range is clamped, anything else takes `default`.
    /// A number written as text (`"3"`) is read, with a repair.
    pub(super) fn int(
        &mut self,
        path: &str,
        v: Option<&Json>,
        lo: i64,
        hi: i64,
        default: i64,
    ) -> i64 {
        let Some(v) = v else { return default };
        let n = match (Self::whole(v), v) {
            (Ok(n), _) => n,
            (Err(_), Json::Str(s)) if s.trim().parse::<i64>().is_ok() => {
                let n = s.trim().parse::<i64>().unwrap_or(default);
                let clamped = n.clamp(lo, hi);
                self.fix(
                    path,
                    format!("expected a number, found the text {v}; read as {clamped}"),
                );
                return clamped;
            }
            (Err(why), _) => {
                self.fix(path, format!("{why}; set to {default}"));
                return default;
            }
        };
        if n < i128::from(lo) {
            self.fix(path, format!("{n} is below the minimum {lo}; set to {lo}"));
            lo
        } else if n > i128::from(hi) {
            self.fix(path, format!("{n} is above the maximum {hi}; set to {hi}"));
            hi
        } else {
            n as i64
        }
    }

    /// An optional whole number in `lo..=hi` (missing or `null` is `None`); anything else
    /// is cleared with a repair.
    pub(super) fn opt_int(
        &mut self,
        path: &str,
        v: Option<&Json>,
        lo: i64,
        hi: i64,
    ) -> Option<i64> {
        let v = v.filter(|v| !matches!(v, Json::Null))?;
        match Self::whole(v) {
            Ok(n) if (i128::from(lo)..=i128::from(hi)).contains(&n) => Some(n as i64),
            Ok(n) => {
                self.fix(path, format!("{n} is outside {lo}-{hi}; cleared"));
                None
            }
            Err(why) => {
                self.fix(path, format!("{why}; cleared"));
                None
            }
        }
    }

    /// A finite number (bad input 26: nothing non-finite reaches the model).
    pub(super) fn float(&mut self, path: &str, v: Option<&Json>, default: f64) -> f64 {
        let Some(v) = v else { return default };
        match num_f64(v) {
            Some(x) => x,
            None => {
                let why = match v {
                    Json::TooLarge(raw) => format!("{} is far too large", v_short(raw)),
                    other => format!("expected a number, found {other}"),
                };
                self.fix(path, format!("{why}; set to {default}"));
                default
            }
        }
    }

    pub(super) fn opt_float(&mut self, path: &str, v: Option<&Json>) -> Option<f64> {
        let v = v?;
        let x = num_f64(v);
        if x.is_none() {
            self.fix(
                path,
                format!("expected a finite number, found {v}; cleared"),
            );
        }
        x
    }

    /// Bad input 25: impossible, empty and out-of-range dates are cleared with their path.
    pub(super) fn date(&mut self, path: &str, v: Option<&Json>) -> Option<Date> {
        match v? {
            Json::Str(s) => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.fix(path, format!("{e}; cleared"));
                    None
                }
            },
            other => {
                self.fix(
                    path,
                    format!("expected a date (YYYY-MM-DD), found {other}; cleared"),
                );
                None
            }
        }
    }

    pub(super) fn choice<T: Copy>(
        &mut self,
        path: &str,
        v: Option<&Json>,
        parse: fn(&str) -> Option<T>,
        key: fn(T) -> &'static str,
        default: T,
    ) -> T {
        match v {
            None => default,
            Some(Json::Str(s)) if parse(s).is_some() => parse(s).unwrap_or(default),
            Some(other) => {
                self.fix(
                    path,
                    format!("unknown value {other}; set to \"{}\"", key(default)),
                );
                default
            }
        }
    }

    /// The record's id if usable and unused, else a fresh one (reported).
    pub(super) fn id(
        &mut self,
        path: &str,
        v: Option<&Json>,
        kind: IdKind,
        ids: &mut Ids,
    ) -> String {
        let id_path = format!("{path}.id");
        let problem = match v {
            Some(Json::Str(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_SHORT_TEXT => {
                match ids.first.get(s) {
                    None => {
                        ids.first.insert(s.clone(), path.to_owned());
                        return s.clone();
                    }
                    // Bad input 16: the second owner gets a new id; references keep pointing
                    // to the first.
                    Some(owner) => format!("\"{s}\" is already the id of {owner}"),
                }
            }
            Some(Json::Str(s)) if s.trim().is_empty() => "is empty".to_owned(),
            Some(Json::Str(_)) => format!("is longer than {MAX_SHORT_TEXT} characters"),
            Some(other) => format!("expected text, found {other}"),
            None => "is missing".to_owned(),
        };
        let fresh = self.fresh_id(kind, ids);
        ids.first.insert(fresh.clone(), path.to_owned());
        self.fix(id_path, format!("{problem}; given the new id \"{fresh}\""));
        fresh
    }

    pub(super) fn fresh_id(&mut self, kind: IdKind, ids: &Ids) -> String {
        loop {
            let id = format!("{}{}", kind.prefix(), self.seq);
            self.seq += 1;
            if !ids.first.contains_key(&id) {
                return id;
            }
        }
    }

    /// An element of a list that must be an object; anything else is dropped and reported.
    pub(super) fn record<'a>(
        &mut self,
        path: &str,
        item: &'a Json,
        known: &[&str],
    ) -> Option<Obj<'a>> {
        let o = self.obj(path, item, known);
        if o.is_none() {
            self.fix(path, format!("expected an object, found {item}; dropped"));
        }
        o
    }
}

pub(super) fn v_short(raw: &str) -> String {
    if raw.len() > 40 {
        format!("{}…", &raw[..40])
    } else {
        raw.to_owned()
    }
}

/// The highest numeric id suffix among every record of the program.
pub(super) fn highest_suffix(o: &Obj<'_>) -> Option<u64> {
    let mut best: Option<u64> = None;
    let mut see = |v: Option<&Json>| {
        if let Some(n) = v.and_then(Json::as_str).and_then(id_suffix) {
            best = Some(best.map_or(n, |b| b.max(n)));
        }
    };
    for list in [
        "goals",
        "milestones",
        "profile_fields",
        "skills",
        "people",
        "matches",
    ] {
        if let Some(Json::Array(items)) = o.get(list) {
            for item in items {
                see(item.get("id"));
                for nested in ["check_ins", "meetings", "goals"] {
                    if let Some(Json::Array(records)) = item.get(nested) {
                        for c in records {
                            see(c.get("id"));
                        }
                    }
                }
            }
        }
    }
    best
}

pub(super) fn asked_of_from_key(s: &str) -> Option<AskedOf> {
    match s {
        "everyone" => Some(AskedOf::Everyone),
        "mentors" => Some(AskedOf::Mentors),
        "mentees" => Some(AskedOf::Mentees),
        _ => None,
    }
}

pub(super) fn asked_of_key(a: AskedOf) -> &'static str {
    match a {
        AskedOf::Everyone => "everyone",
        AskedOf::Mentors => "mentors",
        AskedOf::Mentees => "mentees",
    }
}

pub(super) fn preference_from_key(s: &str) -> Option<Preference> {
    match s {
        "same" => Some(Preference::Same),
        "different" => Some(Preference::Different),
        "overlap" => Some(Preference::Overlap),
        _ => None,
    }
}

pub(super) fn preference_key(p: Preference) -> &'static str {
    match p {
        Preference::Same => "same",
        Preference::Different => "different",
        Preference::Overlap => "overlap",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_suffixes_are_the_trailing_digits() {
        assert_eq!(id_suffix("p12"), Some(12));
        assert_eq!(id_suffix("ms3"), Some(3));
        assert_eq!(id_suffix("alice"), None);
        assert_eq!(id_suffix("p99999999999999999999999"), None);
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("héllo", 2), Some("hé".to_owned()));
        assert_eq!(cut("hé", 2), None);
    }
}
