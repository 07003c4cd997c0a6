//! Calendar dates as written in program files: `YYYY-MM-DD`, years 1000-9999.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;
use time::macros::format_description;

/// A calendar date (no time, no zone), written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DateError {
    /// Nothing was given.
    #[error("the date is empty")]
    Empty,
    /// Not of the form `YYYY-MM-DD`.
    #[error("\"{0}\" is not a date of the form YYYY-MM-DD")]
    Format(String),
    /// The form is right but the day does not exist (`2024-02-30`).
    #[error("\"{0}\" is not a real calendar date")]
    NoSuchDay(String),
    /// Outside the years 1000-9999.
    #[error("\"{0}\" is outside the years 1000-9999")]
    OutOfRange(String),
}

impl Date {
    /// The earliest date a file can hold (1000-01-01), for a clock that says nothing sane.
    pub const MIN: Date = Date(time::macros::date!(1000 - 01 - 01));

    /// The date of a year, month (1-12) and day.
    ///
    /// # Errors
    /// [`DateError::NoSuchDay`] when the day does not exist, [`DateError::OutOfRange`] for
    /// years outside 1000-9999.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        let shown = format!("{year:04}-{month:02}-{day:02}");
        if !(1000..=9999).contains(&year) {
            return Err(DateError::OutOfRange(shown));
        }
        let month =
            time::Month::try_from(month).map_err(|_| DateError::NoSuchDay(shown.clone()))?;
        time::Date::from_calendar_date(year, month, day)
            .map(Date)
            .map_err(|_| DateError::NoSuchDay(shown))
    }

    /// Year, month (1-12) and day.
    pub fn ymd(self) -> (i32, u8, u8) {
        (self.0.year(), self.0.month() as u8, self.0.day())
    }

    /// The date `days` later (or earlier, when negative); saturates at the range ends.
    pub fn add_days(self, days: i64) -> Date {
        let d = self
            .0
            .checked_add(time::Duration::days(days))
            .unwrap_or(self.0);
        if (1000..=9999).contains(&d.year()) {
            Date(d)
        } else {
            self
        }
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).whole_days()
    }

    /// The date as people write it in a sentence: "3 March 2027".
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let (y, m, d) = self.ymd();
        let month = MONTHS[usize::from(m.clamp(1, 12)) - 1];
        format!("{d} {month} {y}")
    }

    /// The date of a Unix timestamp in milliseconds (UTC).
    pub fn from_unix_millis(millis: f64) -> Option<Date> {
        if !millis.is_finite() {
            return None;
        }
        let secs = (millis / 1000.0).floor() as i64;
        let dt = time::OffsetDateTime::from_unix_timestamp(secs).ok()?;
        Date::from_ymd(dt.year(), dt.month() as u8, dt.day()).ok()
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let b = s.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            // A five-digit year is well-formed but out of range, not a format error.
            let long_year = s.len() > 10
                && s.split('-').count() == 3
                && s.split('-')
                    .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
            return Err(if long_year {
                DateError::OutOfRange(s.to_owned())
            } else {
                DateError::Format(s.chars().take(40).collect())
            });
        }
        let fmt = format_description!("[year]-[month]-[day]");
        match time::Date::parse(s, &fmt) {
            Ok(d) if (1000..=9999).contains(&d.year()) => Ok(Date(d)),
            Ok(_) => Err(DateError::OutOfRange(s.to_owned())),
            Err(_) => Err(DateError::NoSuchDay(s.to_owned())),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d: Date = "2027-03-01".parse().unwrap();
        assert_eq!(d.ymd(), (2027, 3, 1));
        assert_eq!(d.to_string(), "2027-03-01");
    }

    /// Bad input 25: impossible days, empty dates and year 99999 are errors, not panics.
    #[test]
    fn rejects_impossible_empty_and_far_future_dates() {
        assert_eq!(
            "2024-02-30".parse::<Date>(),
            Err(DateError::NoSuchDay("2024-02-30".into()))
        );
        assert_eq!("".parse::<Date>(), Err(DateError::Empty));
        assert_eq!(
            "99999-01-01".parse::<Date>(),
            Err(DateError::OutOfRange("99999-01-01".into()))
        );
        assert!(matches!(
            "1/2/2024".parse::<Date>(),
            Err(DateError::Format(_))
        ));
        assert!("2024-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn adds_days_across_months() {
        let d: Date = "2027-01-31".parse().unwrap();
        assert_eq!(d.add_days(30).to_string(), "2027-03-02");
        assert_eq!(d.days_until(d.add_days(180)), 180);
    }

    #[test]
    fn writes_dates_for_sentences() {
        let d: Date = "2027-03-03".parse().unwrap();
        assert_eq!(d.long(), "3 March 2027");
    }
}
