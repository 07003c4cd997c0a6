//! Reading single cells: roles, numbers, time zones, e-mails, skills, lists.
//!
//! Each parser returns `Ok(None)` for an empty cell and `Err(message)` with a message that
//! quotes the value and says what is accepted.

use crate::core::model::{Role, MAX_CAPACITY, SKILL_LEVELS};
use crate::core::people::timezone::utc_offset_minutes;

/// Characters that make a spreadsheet run a cell as a formula (OWASP ASVS 1.2.10).
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as text: trimmed, with the `'` that export puts before formula characters
/// removed. Nothing is ever evaluated.
pub(crate) fn text(cell: &str) -> &str {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => t,
    }
}

/// A one-line value: line breaks inside the cell (Alt+Enter in a spreadsheet) become
/// spaces.
pub(crate) fn line(cell: &str) -> String {
    let t = text(cell);
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

/// Splits a multi-value cell on any of the delimiters; items trimmed, empty ones dropped.
pub(crate) fn split(cell: &str, delimiters: &[char]) -> Vec<String> {
    text(cell)
        .split(|c: char| delimiters.contains(&c) || c == '\n' || c == '\r')
        .map(line)
        .filter(|s| !s.is_empty())
        .collect()
}

pub(crate) fn role(cell: &str) -> Result<Option<Role>, String> {
    let t = text(cell);
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
            "\"{t}\" is not a role: use mentor, mentee, either or both"
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

pub(crate) fn capacity(cell: &str) -> Result<Option<u16>, String> {
    let t = text(cell);
    if t.is_empty() {
        return Ok(None);
    }
    match whole(t) {
        Some(n) if n <= u64::from(MAX_CAPACITY) => Ok(u16::try_from(n).ok()),
        _ => Err(format!(
            "\"{t}\" is not a capacity: use a whole number 0-{MAX_CAPACITY}"
        )),
    }
}

/// The most a seniority level may be.
pub(crate) const MAX_SENIORITY: u8 = 100;

/// `5`, `L5`, `Level 5`, `Grade 7`.
pub(crate) fn seniority(cell: &str) -> Result<Option<u8>, String> {
    let t = text(cell);
    if t.is_empty() {
        return Ok(None);
    }
    let digits = t.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ' || c == '-');
    match whole(digits) {
        Some(n) if n <= u64::from(MAX_SENIORITY) => Ok(u8::try_from(n).ok()),
        _ => Err(format!(
            "\"{t}\" is not a seniority level: use a whole number 0-{MAX_SENIORITY} (\"5\", \"L5\")"
        )),
    }
}

pub(crate) fn email(cell: &str) -> Result<Option<String>, String> {
    let t = text(cell);
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let ok = match t.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !t.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if ok {
        Ok(Some(t.to_owned()))
    } else {
        Err(format!("\"{t}\" is not an e-mail address"))
    }
}

/// A name from an e-mail's local part: `ada.lovelace@x` -> `Ada Lovelace`.
pub(crate) fn name_from_email(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A time zone as matching reads it ([`crate::core::people::timezone`]).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Zone {
    /// What is stored: the name as written, or an offset normalised to `+05:30`.
    pub(crate) value: String,
    /// Whether matching knows the zone (a well-formed IANA name outside its table is kept
    /// but scores as unknown).
    pub(crate) known: bool,
}

/// An IANA time zone name or a UTC offset (`+05:30`, `UTC-8`, `GMT+0530`), offsets
/// normalised to `+05:30`; `UTC`, `GMT` and `Z` become `UTC`.
pub(crate) fn time_zone(cell: &str) -> Result<Option<Zone>, String> {
    let t = text(cell);
    if t.is_empty() {
        return Ok(None);
    }
    let err = || {
        Err(format!(
            "\"{t}\" is not a time zone: use an IANA name (\"Europe/Berlin\") or a UTC offset (\"+05:30\")"
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
    if iana_shape {
        Ok(Some(Zone {
            value: t.to_owned(),
            known: false,
        }))
    } else {
        err()
    }
}

/// A skill with a level: `Python:4`, `Python (4)` or `Python` (level 3).
pub(crate) fn skill(item: &str) -> Result<(String, u8), String> {
    const DEFAULT_LEVEL: u8 = 3;
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
        return Ok((item.to_owned(), DEFAULT_LEVEL));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("\"{item}\" has a level but no skill name"));
    }
    match level.parse::<u8>() {
        Ok(l) if SKILL_LEVELS.contains(&l) => Ok((name.to_owned(), l)),
        _ => Err(format!(
            "\"{item}\": the level must be {}-{}",
            SKILL_LEVELS.start(),
            SKILL_LEVELS.end()
        )),
    }
}

/// Skill names compare ignoring case and repeated spaces.
pub(crate) fn skill_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_accept_both_and_any_case() {
        assert_eq!(role("MENTOR"), Ok(Some(Role::Mentor)));
        assert_eq!(role(" Both "), Ok(Some(Role::Either)));
        assert_eq!(role("Mentor / Mentee"), Ok(Some(Role::Either)));
        assert_eq!(role(""), Ok(None));
        assert!(role("boss").unwrap_err().contains("\"boss\" is not a role"));
    }

    #[test]
    fn capacity_is_a_whole_number_up_to_fifty() {
        assert_eq!(capacity("3"), Ok(Some(3)));
        assert_eq!(capacity("2.0"), Ok(Some(2)));
        for bad in ["-1", "51", "two", "1.5", "1e400"] {
            assert!(capacity(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn time_zones_are_iana_names_or_offsets() {
        let zone = |t: &str| time_zone(t).map(|z| z.map(|z| (z.value, z.known)));
        assert_eq!(
            zone("Europe/Berlin"),
            Ok(Some(("Europe/Berlin".into(), true)))
        );
        assert_eq!(zone("+05:30"), Ok(Some(("+05:30".into(), true))));
        assert_eq!(zone("UTC-8"), Ok(Some(("-08:00".into(), true))));
        assert_eq!(zone("GMT+0530"), Ok(Some(("+05:30".into(), true))));
        assert_eq!(zone("utc"), Ok(Some(("UTC".into(), true))));
        assert_eq!(
            zone("Mars/Olympus_Mons"),
            Ok(Some(("Mars/Olympus_Mons".into(), false)))
        );
        for bad in ["Pacific Time", "+25:00", "+05:75", "Europe/", "+"] {
            assert!(time_zone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn skills_take_levels_after_a_colon_or_in_brackets() {
        assert_eq!(skill("Python:4"), Ok(("Python".into(), 4)));
        assert_eq!(
            skill("Public speaking (2)"),
            Ok(("Public speaking".into(), 2))
        );
        assert_eq!(skill("SQL"), Ok(("SQL".into(), 3)));
        assert_eq!(
            skill("Sales (enterprise)"),
            Ok(("Sales (enterprise)".into(), 3))
        );
        assert!(skill("Python:7").unwrap_err().contains("level must be 1-5"));
    }

    /// Bad input 29: a formula is kept as text; export's `'` escape is removed.
    #[test]
    fn formula_cells_are_text_and_the_export_escape_is_removed() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
        assert_eq!(text("'=1+1"), "=1+1");
        assert_eq!(text("'quoted"), "'quoted");
    }

    #[test]
    fn names_come_from_email_local_parts() {
        assert_eq!(name_from_email("ada.lovelace@example.org"), "Ada Lovelace");
    }
}
