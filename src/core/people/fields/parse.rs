//! The parsers: one per rule, for text as typed or found in a cell.

use std::collections::HashSet;

use super::SENIORITY_LEVELS;
use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::{Answer, FieldKind, ProfileField, Role, MAX_CAPACITY, SKILL_LEVELS};
use crate::core::people::timezone::utc_offset_minutes;

/// One line of text: trimmed, line breaks inside joined with spaces, at most
/// [`MAX_SHORT_TEXT`] characters.
///
/// # Errors
/// The length and the limit.
pub fn short_text(text: &str) -> Result<String, String> {
    within(one_line(text), MAX_SHORT_TEXT)
}

/// Text on one line: trimmed, line breaks inside (Alt+Enter in a spreadsheet, a pasted
/// paragraph) joined with spaces.
pub fn one_line(text: &str) -> String {
    let t = text.trim();
    if t.contains(['\n', '\r']) {
        t.split(['\n', '\r'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        t.to_owned()
    }
}

/// Free text, kept as written (line breaks too), at most [`MAX_LONG_TEXT`] characters.
///
/// # Errors
/// The length and the limit.
pub fn long_text(text: &str) -> Result<String, String> {
    within(text.to_owned(), MAX_LONG_TEXT)
}

fn within(text: String, max: usize) -> Result<String, String> {
    let n = text.chars().count();
    if n > max {
        Err(format!("is {n} characters long; the limit is {max}"))
    } else {
        Ok(text)
    }
}

/// A list: items trimmed, empty ones and repeats (ignoring case) dropped, at most
/// [`MAX_LIST`] items of at most [`MAX_SHORT_TEXT`] characters.
///
/// # Errors
/// Too many items, or the first item that is too long.
pub fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in items {
        let item = item.trim();
        if item.is_empty() || !seen.insert(item.to_lowercase()) {
            continue;
        }
        let n = item.chars().count();
        if n > MAX_SHORT_TEXT {
            let start: String = item.chars().take(20).collect();
            return Err(format!(
                "\u{201c}{start}\u{2026}\u{201d} is {n} characters long; the limit is {MAX_SHORT_TEXT}"
            ));
        }
        out.push(item.to_owned());
    }
    if out.len() > MAX_LIST {
        return Err(format!("has {} values; at most {MAX_LIST}", out.len()));
    }
    Ok(out)
}

/// An e-mail address (`mailto:` in front is dropped): `local@domain.tld`, no spaces or
/// control characters. `Ok(None)` for empty text.
///
/// # Errors
/// The text does not have the shape of an address.
pub fn email(text: &str) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let ok = t.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain
                .split_once('.')
                .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !t.chars().any(|c| c.is_whitespace() || c.is_control())
    });
    if ok {
        within(t.to_owned(), MAX_SHORT_TEXT).map(Some)
    } else {
        Err(format!(
            "\u{201c}{t}\u{201d} does not look like an e-mail address (name@example.org)"
        ))
    }
}

/// `mentor`, `mentee`, `either` or `both` (any case; `Mentor / Mentee` is either).
/// `Ok(None)` for empty text.
///
/// # Errors
/// Any other text.
pub fn role(text: &str) -> Result<Option<Role>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let key: String = t
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "mentor" => Ok(Some(Role::Mentor)),
        "mentee" => Ok(Some(Role::Mentee)),
        "either" | "both" | "mentorandmentee" | "mentormentee" | "mentorormentee" => {
            Ok(Some(Role::Either))
        }
        _ => Err(format!(
            "\u{201c}{t}\u{201d} is not a role: use mentor, mentee, either or both"
        )),
    }
}

/// A whole number, allowing a spreadsheet's `3.0`.
fn whole(t: &str) -> Option<u64> {
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A seniority level in [`SENIORITY_LEVELS`], written `5`, `L5`, `Level 5` or `Grade 5`.
/// `Ok(None)` for empty text (unknown).
///
/// # Errors
/// Anything else, quoting the text and the range.
pub fn seniority(text: &str) -> Result<Option<u8>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // A word in front ("L", "Level", "Grade") may be followed by a dash ("L-5"); a dash
    // alone in front is a minus sign.
    let rest = t.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
    let digits = if rest.len() < t.len() {
        rest.trim_start_matches('-').trim()
    } else {
        rest
    };
    let (lo, hi) = (SENIORITY_LEVELS.start(), SENIORITY_LEVELS.end());
    match whole(digits) {
        Some(n) if (u64::from(*lo)..=u64::from(*hi)).contains(&n) => Ok(u8::try_from(n).ok()),
        _ => Err(format!(
            "\u{201c}{t}\u{201d} is not a seniority level: use a whole number from {lo} to {hi} (\u{201c}5\u{201d}, \u{201c}L5\u{201d})"
        )),
    }
}

/// A mentoring capacity: a whole number from 0 to [`MAX_CAPACITY`]. `Ok(None)` for empty
/// text.
///
/// # Errors
/// Negative, too large or not a whole number, quoting the text.
pub fn capacity(text: &str) -> Result<Option<u16>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let range = format!("a whole number 0-{MAX_CAPACITY}");
    match whole(t) {
        Some(n) if n <= u64::from(MAX_CAPACITY) => Ok(u16::try_from(n).ok()),
        Some(n) => Err(format!(
            "{n} is above the maximum of {MAX_CAPACITY}: use {range}"
        )),
        None if t.starts_with('-') && whole(&t[1..]).is_some() => {
            Err(format!("\u{201c}{t}\u{201d} is negative: use {range}"))
        }
        None => Err(format!("\u{201c}{t}\u{201d} is not {range}")),
    }
}

/// A time zone as matching reads it ([`crate::core::people::timezone`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// What is stored: the name as written, or an offset normalised to `+05:30`.
    pub value: String,
    /// Whether matching knows the zone (a well-formed IANA name outside its table is kept
    /// but scores as unknown).
    pub known: bool,
}

/// An IANA time zone name or a UTC offset (`+05:30`, `UTC-8`, `GMT+0530`), offsets
/// normalised to `+05:30`; `UTC`, `GMT` and `Z` become `UTC`. `Ok(None)` for empty text.
///
/// # Errors
/// Anything else, quoting the text and what is accepted.
pub fn time_zone(text: &str) -> Result<Option<Zone>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let err = || {
        Err(format!(
            "\u{201c}{t}\u{201d} is not a time zone: use an IANA name (\u{201c}Europe/Berlin\u{201d}) or a UTC offset (\u{201c}+05:30\u{201d})"
        ))
    };
    let upper = t.to_ascii_uppercase();
    if matches!(upper.as_str(), "UTC" | "GMT" | "Z" | "ETC/UTC") {
        return Ok(Some(Zone {
            value: "UTC".to_owned(),
            known: true,
        }));
    }
    let offset = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper)
        .trim();
    if let Some(sign) = offset.chars().next().filter(|c| *c == '+' || *c == '-') {
        let rest = &offset[1..];
        let (h, m) = match rest.split_once(':') {
            Some((h, m)) => (h, m),
            None if rest.len() == 4 => rest.split_at(2),
            None => (rest, "0"),
        };
        let (Some(h), Some(m)) = (whole(h), whole(m)) else {
            return err();
        };
        let within = if sign == '+' { h <= 14 } else { h <= 12 };
        if !within || m > 59 || h.to_string().len() > 2 || (h == 14 && m > 0) {
            return err();
        }
        return Ok(Some(Zone {
            value: format!("{sign}{h:02}:{m:02}"),
            known: true,
        }));
    }
    if utc_offset_minutes(t).is_some() {
        return Ok(Some(Zone {
            value: t.to_owned(),
            known: true,
        }));
    }
    let iana_shape = t.contains('/')
        && t.split('/').all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        });
    if iana_shape && t.chars().count() <= MAX_SHORT_TEXT {
        Ok(Some(Zone {
            value: t.to_owned(),
            known: false,
        }))
    } else {
        err()
    }
}

/// The level a skill written without one gets (`Python` is `Python:3`).
pub const DEFAULT_SKILL_LEVEL: u8 = 3;

/// A skill with a level: `Python:4`, `Python (4)` or `Python` ([`DEFAULT_SKILL_LEVEL`]).
///
/// # Errors
/// A level outside [`SKILL_LEVELS`], or a level without a name.
pub fn skill_item(item: &str) -> Result<(String, u8), String> {
    let item = item.trim();
    let split = if let Some(open) = item.strip_suffix(')').and_then(|s| s.rfind('(')) {
        let level = item[open + 1..item.len() - 1].trim();
        level
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| (&item[..open], level))
    } else if let Some((name, level)) = item.rsplit_once(':') {
        let level = level.trim();
        (!level.is_empty() && level.bytes().all(|b| b.is_ascii_digit())).then_some((name, level))
    } else {
        None
    };
    let Some((name, level)) = split else {
        return Ok((item.to_owned(), DEFAULT_SKILL_LEVEL));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!(
            "\u{201c}{item}\u{201d} has a level but no skill name"
        ));
    }
    match level.parse::<u8>() {
        Ok(l) if SKILL_LEVELS.contains(&l) => Ok((name.to_owned(), l)),
        _ => Err(format!(
            "\u{201c}{item}\u{201d}: the level must be {}-{}",
            SKILL_LEVELS.start(),
            SKILL_LEVELS.end()
        )),
    }
}

/// An answer as given: one text (single choice, scale, number, short text) or several
/// choices (multiple choice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerInput<'a> {
    /// One value as text.
    Text(&'a str),
    /// The choices ticked.
    Many(&'a [String]),
}

/// Checks an answer against its question: a single choice must be one of the options
/// (any case; the option's own spelling is kept), every choice of a multiple choice too
/// (repeats dropped), a scale a whole number in range, a number finite (a decimal comma is
/// read as a point), a short text within the length limit. `Ok(None)` for an empty answer.
///
/// # Errors
/// Why the answer does not fit, quoting it.
pub fn answer(question: &ProfileField, input: AnswerInput<'_>) -> Result<Option<Answer>, String> {
    let pick = |options: &[String], value: &str| -> Result<String, String> {
        options
            .iter()
            .find(|o| o.trim().eq_ignore_ascii_case(value.trim()))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "\u{201c}{}\u{201d} is not one of the answers: {}",
                    value.trim(),
                    options.join(", ")
                )
            })
    };
    let text = match input {
        AnswerInput::Text(t) => t.trim(),
        AnswerInput::Many(_) => "",
    };
    match (&question.kind, input) {
        (FieldKind::MultipleChoice { options }, AnswerInput::Many(picked)) => {
            let mut seen = HashSet::new();
            let mut chosen = Vec::new();
            for p in picked.iter().filter(|p| !p.trim().is_empty()) {
                let o = pick(options, p)?;
                if seen.insert(o.clone()) {
                    chosen.push(o);
                }
            }
            Ok((!chosen.is_empty()).then_some(Answer::Many(chosen)))
        }
        (FieldKind::MultipleChoice { .. }, AnswerInput::Text(_)) => {
            Err("pick from the options".to_owned())
        }
        (_, AnswerInput::Many(_)) => Err("expects a single answer".to_owned()),
        (_, AnswerInput::Text(_)) if text.is_empty() => Ok(None),
        (FieldKind::SingleChoice { options }, _) => {
            pick(options, text).map(|o| Some(Answer::Text(o)))
        }
        (FieldKind::Scale { min, max }, _) => match text.parse::<i64>() {
            Ok(n) if (i64::from(*min)..=i64::from(*max)).contains(&n) => {
                Ok(Some(Answer::Number(n as f64)))
            }
            _ => Err(format!(
                "\u{201c}{text}\u{201d} is not a whole number from {min} to {max}"
            )),
        },
        (FieldKind::Number, _) => match text.replace(',', ".").parse::<f64>() {
            // Bad input 26: NaN and infinity never reach the model.
            Ok(n) if n.is_finite() => Ok(Some(Answer::Number(n))),
            _ => Err(format!("\u{201c}{text}\u{201d} is not a number")),
        },
        (FieldKind::ShortText, _) => short_text(text).map(|t| Some(Answer::Text(t))),
    }
}

/// Checks an answer already in the model against its question (what restore and
/// validation ask): `Ok` with the answer to keep (a multiple choice loses choices that are
/// no longer options), `Err` when it cannot be kept.
///
/// # Errors
/// Why the answer does not fit its question.
pub fn stored_answer(question: &ProfileField, stored: &Answer) -> Result<Answer, String> {
    match (&question.kind, stored) {
        (FieldKind::SingleChoice { options }, Answer::Text(t)) if options.contains(t) => {
            Ok(stored.clone())
        }
        (FieldKind::MultipleChoice { options }, Answer::Many(v)) => {
            let kept: Vec<String> = v.iter().filter(|x| options.contains(x)).cloned().collect();
            if kept.is_empty() && !v.is_empty() {
                Err("none of its choices is one of the question's options".to_owned())
            } else {
                Ok(Answer::Many(kept))
            }
        }
        (FieldKind::Scale { min, max }, Answer::Number(n))
            if n.is_finite()
                && n.fract() == 0.0
                && f64::from(*min) <= *n
                && *n <= f64::from(*max) =>
        {
            Ok(stored.clone())
        }
        (FieldKind::Number, Answer::Number(n)) if n.is_finite() => Ok(stored.clone()),
        (FieldKind::ShortText, Answer::Text(t)) => {
            within(t.clone(), MAX_SHORT_TEXT).map(Answer::Text)
        }
        (kind, _) => Err(format!(
            "does not fit a {} question",
            kind.label().to_lowercase()
        )),
    }
}
