//! Meeting lengths as people type them: `90`, `1:30`, `1h 30m`, `45 min`, `1.5 h`.

use super::model::MEETING_MINUTES;

/// Parses a meeting's length into minutes, within [`MEETING_MINUTES`].
///
/// Accepted: a number of minutes (`90`, `45 min`, `45 minutes`), hours and minutes
/// (`1:30`, `1h 30m`, `1 h 30`, `2 hours`), or decimal hours (`1.5 h`).
///
/// # Errors
/// Text that is none of these, or a length outside 5-600 minutes, quoting the text.
///
/// ```
/// use mentorkit::core::relationships::duration::parse_minutes;
/// assert_eq!(parse_minutes("90"), Ok(90));
/// assert_eq!(parse_minutes("1:30"), Ok(90));
/// assert_eq!(parse_minutes("1h 30m"), Ok(90));
/// assert_eq!(parse_minutes("45 min"), Ok(45));
/// assert!(parse_minutes("11 h").is_err());
/// ```
pub fn parse_minutes(text: &str) -> Result<u16, String> {
    let t = text.trim().to_lowercase();
    let (lo, hi) = (MEETING_MINUTES.start(), MEETING_MINUTES.end());
    let bad = || {
        format!(
            "\u{201c}{}\u{201d} is not a meeting length: write minutes (90), hours and minutes (1:30, 1h 30m)",
            text.trim()
        )
    };
    let minutes = minutes_of(&t).ok_or_else(bad)?;
    if minutes < u32::from(*lo) || minutes > u32::from(*hi) {
        return Err(format!(
            "{minutes} minutes is outside {lo}-{hi} minutes (\u{201c}{}\u{201d})",
            text.trim()
        ));
    }
    u16::try_from(minutes).map_err(|_| bad())
}

fn number(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn whole(x: f64) -> Option<u32> {
    (0.0..=100_000.0).contains(&x).then(|| x.round() as u32)
}

fn minutes_of(t: &str) -> Option<u32> {
    if t.is_empty() {
        return None;
    }
    // 1:30
    if let Some((h, m)) = t.split_once(':') {
        let (h, m) = (number(h)?, number(m)?);
        if m >= 60.0 || h.fract() != 0.0 || m.fract() != 0.0 {
            return None;
        }
        return whole(h * 60.0 + m);
    }
    // Plain minutes: 90
    if let Some(n) = number(t) {
        return whole(n);
    }
    // Words: 1h 30m, 1 h 30, 2 hours, 45 min, 1.5 h
    let mut total = 0.0;
    let mut rest = t;
    let mut seen = false;
    while !rest.trim().is_empty() {
        let r = rest.trim_start();
        let digits: String = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        let value = number(&digits)?;
        let after = r[digits.len()..].trim_start();
        let unit: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        rest = &after[unit.len()..];
        let factor = match unit.as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
            // "1 h 30": the number after hours is minutes.
            "" if seen => 1.0,
            _ => return None,
        };
        total += value * factor;
        seen = true;
    }
    seen.then_some(total).and_then(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_people_write_a_meeting_length() {
        for (text, minutes) in [
            ("90", 90),
            ("1:30", 90),
            ("1h 30m", 90),
            ("1 h 30", 90),
            ("1H30M", 90),
            ("45 min", 45),
            ("45 minutes", 45),
            ("2 hours", 120),
            ("1.5 h", 90),
            ("1,5h", 90),
            (" 600 ", 600),
            ("5", 5),
        ] {
            assert_eq!(parse_minutes(text), Ok(minutes), "{text}");
        }
    }

    /// Bad input 46: durations that do not parse or are out of range.
    #[test]
    fn lengths_that_do_not_parse_or_are_out_of_range_are_refused() {
        for bad in [
            "", "soon", "1:75", "h", "-30", "1h 30x", "4", "601", "11 h", "1e3",
        ] {
            assert!(parse_minutes(bad).is_err(), "{bad}");
        }
        assert!(parse_minutes("601").unwrap_err().contains("outside 5-600"));
    }
}
