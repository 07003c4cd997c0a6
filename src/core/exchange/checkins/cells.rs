//! Reading the cells of a check-ins CSV as form tools write them: timestamps in the
//! tool's locale, ratings with words after them, yes and no in several spellings.

use crate::core::date::Date;
use crate::core::relationships::model::{Fit, MeetingMode, OnTrack};

/// How a file writes dates with the day and month both as numbers (`03/04/2027`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// Month first, as Google Forms writes timestamps in the United States (the default
    /// when nothing in the file decides).
    #[default]
    MonthFirst,
    /// Day first, as most of the world writes them.
    DayFirst,
}

impl DateOrder {
    /// How the order is written in words and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "mdy",
            DateOrder::DayFirst => "dmy",
        }
    }

    /// Parses [`DateOrder::key`].
    pub fn from_key(key: &str) -> Option<DateOrder> {
        match key.trim().to_lowercase().as_str() {
            "mdy" | "m/d/y" | "month-first" => Some(DateOrder::MonthFirst),
            "dmy" | "d/m/y" | "day-first" => Some(DateOrder::DayFirst),
            _ => None,
        }
    }

    /// In words, with an example.
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "month/day/year (03/14/2027)",
            DateOrder::DayFirst => "day/month/year (14/03/2027)",
        }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_named(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .and_then(|k| u8::try_from(k + 1).ok())
}

/// A date's numbers before the order is known: `(first, second, year)` for `a/b/y`.
enum Shape {
    Known(i32, u8, u8),
    Numbers(u32, u32, i32),
}

fn year_of(text: &str) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(y),
        2 => Some(2000 + y),
        _ => None,
    }
}

fn shape(cell: &str) -> Option<Shape> {
    let t = cell.trim();
    // The date part: before a time ("2027-03-01 10:22:33", "2027-03-01T10:22Z",
    // "3/1/2027 10:22:33", "01.03.2027, 10:22").
    let date_part = t
        .split(|c: char| c.is_whitespace() || c == 'T' || c == ',')
        .next()
        .unwrap_or("");
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        if parts[0].len() == 4 {
            let y = parts[0].parse().ok()?;
            return Some(Shape::Known(
                y,
                parts[1].parse().ok()?,
                parts[2].parse().ok()?,
            ));
        }
        return Some(Shape::Numbers(
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            year_of(parts[2])?,
        ));
    }
    // Month names: "1 March 2027", "March 1, 2027", "Mar 1 2027".
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    if words.len() == 3 {
        let year = year_of(words[2])?;
        if let (Ok(d), Some(m)) = (words[0].parse::<u8>(), month_named(words[1])) {
            return Some(Shape::Known(year, m, d));
        }
        if let (Some(m), Ok(d)) = (month_named(words[0]), words[1].parse::<u8>()) {
            return Some(Shape::Known(year, m, d));
        }
    }
    None
}

/// What the cells of a file say about its date order: `Some` when a date like
/// `14/03/2027` or `03/14/2027` decides it, `None` when none does.
pub fn detect_order<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<DateOrder> {
    for cell in cells {
        if let Some(Shape::Numbers(a, b, _)) = shape(cell) {
            if a > 12 && b <= 12 {
                return Some(DateOrder::DayFirst);
            }
            if b > 12 && a <= 12 {
                return Some(DateOrder::MonthFirst);
            }
        }
    }
    None
}

/// Whether a cell writes its date with the day and month both as numbers up to 12, so
/// that only the order decides it.
pub fn is_ambiguous(cell: &str) -> bool {
    matches!(shape(cell), Some(Shape::Numbers(a, b, _)) if a <= 12 && b <= 12 && a != b)
}

/// Reads a date or timestamp as form tools write them: ISO (`2027-03-01`,
/// `2027-03-01T10:22:33Z`), numbers in the file's order (`3/1/2027 10:22:33`,
/// `01.03.2027`), or with the month's name (`1 March 2027`, `Mar 1, 2027`).
///
/// # Errors
/// A message quoting the cell.
pub fn parse_when(cell: &str, order: DateOrder) -> Result<Date, String> {
    let t = cell.trim();
    let bad = || format!("\u{201c}{t}\u{201d} is not a date");
    let (y, m, d) = match shape(t).ok_or_else(bad)? {
        Shape::Known(y, m, d) => (y, m, d),
        Shape::Numbers(a, b, y) => {
            let (m, d) = match order {
                DateOrder::MonthFirst => (a, b),
                DateOrder::DayFirst => (b, a),
            };
            (
                y,
                u8::try_from(m).map_err(|_| bad())?,
                u8::try_from(d).map_err(|_| bad())?,
            )
        }
    };
    Date::from_ymd(y, m, d).map_err(|e| format!("\u{201c}{t}\u{201d}: {e}"))
}

/// Reads a 1-5 rating: `4`, `4 - Good`, `4/5`, `4 stars`.
///
/// # Errors
/// Not a number, or outside 1-5 ("a rating of 7 is outside 1-5").
pub fn parse_rating(cell: &str) -> Result<u8, String> {
    let t = cell.trim();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = t[digits.len()..].trim_start();
    if digits.is_empty()
        || rest.starts_with(['.', ',']) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(format!("\u{201c}{t}\u{201d} is not a rating 1-5"));
    }
    match digits.parse::<u32>() {
        Ok(n @ 1..=5) => Ok(n as u8),
        Ok(n) => Err(format!("a rating of {n} is outside 1-5")),
        Err(_) => Err(format!("a rating of {digits} is outside 1-5")),
    }
}

fn words(cell: &str) -> String {
    cell.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const UNSURE: [&str; 8] = [
    "unsure",
    "not sure",
    "maybe",
    "don t know",
    "dont know",
    "unknown",
    "partly",
    "partially",
];

/// Reads "On track?": yes / no / not sure, in the usual spellings.
///
/// # Errors
/// Anything else, quoted.
pub fn parse_on_track(cell: &str) -> Result<OnTrack, String> {
    let w = words(cell);
    if UNSURE.iter().any(|u| w.starts_with(u)) || w == "somewhat" {
        return Ok(OnTrack::Unsure);
    }
    match yes_no(&w) {
        Some(true) => Ok(OnTrack::Yes),
        Some(false) => Ok(OnTrack::No),
        None => Err(format!(
            "\u{201c}{}\u{201d} is not yes, no or not sure",
            cell.trim()
        )),
    }
}

fn yes_no(w: &str) -> Option<bool> {
    let first = w.split(' ').next().unwrap_or("");
    match first {
        "yes" | "y" | "true" | "1" | "yeah" | "yep" | "definitely" | "absolutely" => Some(true),
        "no" | "n" | "false" | "0" | "not" | "nope" => Some(false),
        _ => None,
    }
}

/// Reads "Have you met since last time?": yes or no.
///
/// # Errors
/// Anything else, quoted.
pub fn parse_met(cell: &str) -> Result<bool, String> {
    yes_no(&words(cell)).ok_or_else(|| format!("\u{201c}{}\u{201d} is not yes or no", cell.trim()))
}

/// Reads the fit question: a good fit / still deciding / not a good fit.
///
/// # Errors
/// Anything else, quoted.
pub fn parse_fit(cell: &str) -> Result<Fit, String> {
    let w = words(cell);
    if UNSURE.iter().any(|u| w.contains(u))
        || ["deciding", "too early", "undecided", "not yet"]
            .iter()
            .any(|u| w.contains(u))
    {
        return Ok(Fit::Deciding);
    }
    let poor = ["not a good", "not good", "poor", "bad", "not a fit", "no"];
    if poor
        .iter()
        .any(|u| w.starts_with(u) || w.contains(&format!(" {u} ")))
    {
        return Ok(Fit::Poor);
    }
    if ["good", "great", "yes", "excellent", "fit"]
        .iter()
        .any(|u| w.contains(u))
    {
        return Ok(Fit::Good);
    }
    Err(format!(
        "\u{201c}{}\u{201d} is not \u{201c}a good fit\u{201d}, \u{201c}still deciding\u{201d} or \u{201c}not a good fit\u{201d}",
        cell.trim()
    ))
}

/// Reads how a pair met: in person, video, phone or chat, by the usual words and tools.
///
/// # Errors
/// Anything else, quoted.
pub fn parse_mode(cell: &str) -> Result<MeetingMode, String> {
    let w = words(cell);
    let has = |list: &[&str]| list.iter().any(|x| w.split(' ').any(|word| word == *x));
    if has(&[
        "video", "zoom", "teams", "meet", "webex", "skype", "facetime", "virtual", "online",
        "remote",
    ]) {
        Ok(MeetingMode::Video)
    } else if has(&[
        "person", "face", "f2f", "office", "onsite", "lunch", "coffee",
    ]) {
        Ok(MeetingMode::InPerson)
    } else if has(&["phone", "call", "telephone", "mobile"]) {
        Ok(MeetingMode::Phone)
    } else if has(&[
        "chat", "slack", "message", "messages", "email", "text", "whatsapp",
    ]) {
        Ok(MeetingMode::Chat)
    } else {
        Err(format!(
            "\u{201c}{}\u{201d} is not in person, video, phone or chat",
            cell.trim()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn form_tool_timestamps_read_in_the_files_order() {
        let mdy = DateOrder::MonthFirst;
        let dmy = DateOrder::DayFirst;
        assert_eq!(parse_when("2027-03-01 10:22:33", dmy), Ok(d("2027-03-01")));
        assert_eq!(parse_when("2027-03-01T10:22:33Z", mdy), Ok(d("2027-03-01")));
        assert_eq!(parse_when("3/1/2027 10:22:33", mdy), Ok(d("2027-03-01")));
        assert_eq!(parse_when("3/1/2027 10:22:33", dmy), Ok(d("2027-01-03")));
        assert_eq!(parse_when("01.03.2027, 10:22", dmy), Ok(d("2027-03-01")));
        assert_eq!(parse_when("1 March 2027", mdy), Ok(d("2027-03-01")));
        assert_eq!(parse_when("Mar 1, 2027", dmy), Ok(d("2027-03-01")));
        assert_eq!(parse_when("3/1/27", mdy), Ok(d("2027-03-01")));
        assert!(parse_when("yesterday", mdy).is_err());
        assert!(parse_when("2/30/2027", mdy)
            .unwrap_err()
            .contains("not a real"));
    }

    #[test]
    fn the_order_is_detected_from_a_day_above_twelve() {
        assert_eq!(
            detect_order(["3/1/2027", "14/03/2027"]),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            detect_order(["3/1/2027", "03/14/2027 9:00"]),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(detect_order(["3/1/2027", "2027-03-14"]), None);
        assert!(is_ambiguous("03/04/2027"));
        assert!(!is_ambiguous("2027-03-04"));
    }

    /// Bad input 45: a rating of 7 (or words) is a row error.
    #[test]
    fn ratings_read_with_words_after_them_and_refuse_out_of_range() {
        assert_eq!(parse_rating("4"), Ok(4));
        assert_eq!(parse_rating("4 - Good"), Ok(4));
        assert_eq!(parse_rating("5/5"), Ok(5));
        assert_eq!(
            parse_rating("7"),
            Err("a rating of 7 is outside 1-5".into())
        );
        assert_eq!(
            parse_rating("0"),
            Err("a rating of 0 is outside 1-5".into())
        );
        assert!(parse_rating("good").is_err());
        assert!(parse_rating("3.5").is_err());
    }

    #[test]
    fn yes_no_unsure_fit_and_mode_in_their_usual_spellings() {
        assert_eq!(parse_on_track("Yes"), Ok(OnTrack::Yes));
        assert_eq!(parse_on_track("No, not really"), Ok(OnTrack::No));
        assert_eq!(parse_on_track("Not sure"), Ok(OnTrack::Unsure));
        assert!(parse_on_track("blue").is_err());
        assert_eq!(parse_met("yes"), Ok(true));
        assert_eq!(parse_met("N"), Ok(false));
        assert_eq!(parse_fit("A good fit"), Ok(Fit::Good));
        assert_eq!(parse_fit("Not a good fit"), Ok(Fit::Poor));
        assert_eq!(parse_fit("Still deciding"), Ok(Fit::Deciding));
        assert_eq!(parse_fit("Not sure yet"), Ok(Fit::Deciding));
        assert_eq!(parse_mode("Video call (Zoom)"), Ok(MeetingMode::Video));
        assert_eq!(parse_mode("In person"), Ok(MeetingMode::InPerson));
        assert_eq!(parse_mode("Phone call"), Ok(MeetingMode::Phone));
        assert_eq!(parse_mode("Slack"), Ok(MeetingMode::Chat));
        assert!(parse_mode("carrier pigeon").is_err());
    }
}
